"""The linear model: fit with scikit-learn, saved as plain arrays + JSON, scored with numpy.

Why not pickle/joblib: loading a pickle runs code from the file, and a pickle from one
scikit-learn version may break in another. A model directory holds only
  ``model.json``   format, vocabulary, calibration, threshold, categories, model card data
  ``weights.npz``  float arrays (loaded with ``allow_pickle=False``)
  ``MODEL_CARD.md`` the card for people
  ``manifest.json`` sha256 of the two data files: an edited or truncated file is refused.
Scoring needs numpy and scipy only, so the library versions used for training do not matter
at load time; they are recorded in the card for reproducibility.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import scipy.sparse as sp

from .errors import ModelLoadError

__all__ = ["LinearModel", "FORMAT", "fit_linear_model", "choose_threshold", "readable_term", "render_card"]

FORMAT = "scamguard-linear/1"
_DATA_FILES = ("model.json", "weights.npz")

_PLACEHOLDER_NAMES = {
    "phmobile": "<手机号>", "phservice400": "<400/800号>", "phservice95": "<95/96号>",
    "phcarrier": "<运营商号>", "phpublic12": "<12字头号>", "phgateway106": "<106通道号>",
    "phlandline": "<固话>", "phinternational": "<境外号码>", "phemergency": "<紧急电话>",
    "urlip": "<IP链接>", "urlofficial": "<官方链接>", "urllookalike": "<仿冒域名>",
    "urlshort": "<短链接>", "urlriskytld": "<可疑后缀链接>", "urlother": "<其他链接>",
    "urlinstitution": "<政府/高校网站链接>",
    "idwechat": "<微信号>", "idqq": "<QQ号>", "idtelegram": "<Telegram>", "idemail": "<邮箱>",
    "idmeeting": "<会议号>", "signature": "<品牌署名>", "signature_unknown": "<未知署名>",
    "brand_claim": "<提及品牌>", "code": "<验证码>",
}


_PLACEHOLDERS_LONGEST_FIRST = sorted(_PLACEHOLDER_NAMES.items(), key=lambda kv: -len(kv[0]))


@lru_cache(maxsize=100_000)
def readable_term(feature: str) -> str:
    """'w:安全账户' -> '安全账户'; 'e:phmobile' -> '<手机号>' (placeholders shown as kinds)."""
    kind, _, term = feature.partition(":")
    for key, name in _PLACEHOLDERS_LONGEST_FIRST:
        if key in term and (kind == "e" or term.isascii()):
            term = term.replace(key + "official", name.rstrip(">") + "·官方>").replace(key, name)
    return term


@dataclass
class LinearModel:
    """Vocabulary + weights of a logistic model, with Platt calibration and a category head."""

    terms: list[str]
    idf: np.ndarray
    coef: np.ndarray
    intercept: float
    calibration: tuple[float, float]
    threshold: float
    categories: list[str] = field(default_factory=list)
    category_coef: np.ndarray | None = None
    category_intercept: np.ndarray | None = None
    card: dict = field(default_factory=dict)
    name: str = "custom"

    def __post_init__(self):
        self.vocab = {t: i for i, t in enumerate(self.terms)}
        self.is_text = np.array([t[:2] in ("w:", "c:") for t in self.terms], dtype=bool)
        self.is_rule = np.array([t[:2] == "r:" for t in self.terms], dtype=bool)

    # ----- scoring ------------------------------------------------------------------------
    def transform(self, feature_dicts: Sequence[dict[str, float]]) -> sp.csr_matrix:
        """Rows of named features -> tf-idf for text features (l2 per row), raw values otherwise."""
        n_rows = len(feature_dicts)
        lengths = np.fromiter(map(len, feature_dicts), dtype=np.int64, count=n_rows)
        n = int(lengths.sum())
        names = chain.from_iterable(feature_dicts)
        idx = np.fromiter(map(self.vocab.get, names, repeat(-1)), dtype=np.int64, count=n)
        values = np.fromiter(chain.from_iterable(map(dict.values, feature_dicts)), dtype=np.float64, count=n)
        rows = np.repeat(np.arange(n_rows, dtype=np.int64), lengths)
        keep = idx >= 0
        idx, rows = idx[keep], rows[keep]
        vals = values[keep] * self.idf[idx]
        text = self.is_text[idx]
        norms = np.sqrt(np.bincount(rows, weights=np.where(text, vals * vals, 0.0), minlength=n_rows))
        scale = np.where(text & (norms[rows] > 0), 1.0 / np.where(norms[rows] > 0, norms[rows], 1.0), 1.0)
        X = sp.csr_matrix((vals * scale, (rows, idx)), shape=(n_rows, len(self.terms)))
        X.sum_duplicates()
        return X

    def decision(self, X: sp.csr_matrix) -> np.ndarray:
        return X @ self.coef + self.intercept

    def probability(self, X: sp.csr_matrix) -> np.ndarray:
        a, b = self.calibration
        z = np.clip(a * self.decision(X) + b, -50, 50)
        return 1.0 / (1.0 + np.exp(-z))

    def category(self, X: sp.csr_matrix) -> list[str | None]:
        if self.category_coef is None or not self.categories:
            return [None] * X.shape[0]
        scores = X @ self.category_coef.T + self.category_intercept
        return [self.categories[i] for i in np.asarray(scores).argmax(axis=1)]

    def contributions(
        self, X: sp.csr_matrix, k: int = 5, down: bool = True
    ) -> list[tuple[list[tuple[str, float]], list[tuple[str, float]]]]:
        """For every row, the ``k`` strongest (feature, coefficient x value) pushing the score up,
        and down (left empty with ``down=False``), strongest first. Rule features are left out:
        rules explain themselves as reasons. Ties keep the features' column order (as
        ``heapq.nlargest``/``nsmallest`` would)."""
        contrib = X.data * self.coef[X.indices]
        rows = np.repeat(np.arange(X.shape[0]), np.diff(X.indptr))
        is_text = ~self.is_rule[X.indices]
        ups = self._strongest_per_row(X, rows, contrib, is_text & (contrib > 1e-9), -contrib, k)
        if not down:
            return [(up, []) for up in ups]
        downs = self._strongest_per_row(X, rows, contrib, is_text & (contrib < -1e-9), contrib, k)
        return list(zip(ups, downs))

    def _strongest_per_row(self, X, rows, contrib, candidates, sort_key, k) -> list[list[tuple[str, float]]]:
        """Per row, the first ``k`` candidates by ascending ``sort_key`` (a stable sort: one numpy pass
        for the whole batch instead of a heap per row)."""
        pos = np.flatnonzero(candidates)
        pos = pos[np.lexsort((sort_key[pos], rows[pos]))]
        row_of = rows[pos]
        starts = np.searchsorted(row_of, np.arange(X.shape[0] + 1))
        rank = np.arange(len(pos)) - starts[row_of]
        pos, row_of = pos[rank < k], row_of[rank < k]
        bounds = np.searchsorted(row_of, np.arange(X.shape[0] + 1)).tolist()
        terms = self.terms
        pairs = list(zip([terms[i] for i in X.indices[pos].tolist()], contrib[pos].tolist()))
        return [pairs[bounds[r]:bounds[r + 1]] for r in range(X.shape[0])]

    def rule_weight(self, rule_id: str) -> float | None:
        j = self.vocab.get("r:" + rule_id)
        return None if j is None else float(self.coef[j])

    @property
    def version(self) -> str:
        return f"{self.name}@{self.card.get('trained_at', '?')}"

    # ----- persistence --------------------------------------------------------------------
    def save(self, path: str | Path, card_markdown: str | None = None) -> Path:
        """Write the model directory atomically (a temp dir renamed into place)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".scamguard-model-", dir=path.parent))
        try:
            meta = {
                "format": FORMAT, "name": self.name, "terms": self.terms,
                "intercept": self.intercept, "calibration": list(self.calibration),
                "threshold": self.threshold, "categories": self.categories, "card": self.card,
            }
            (tmp / "model.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
            arrays = {"idf": self.idf.astype(np.float32), "coef": self.coef.astype(np.float64)}
            if self.category_coef is not None:
                arrays["category_coef"] = self.category_coef.astype(np.float32)
                arrays["category_intercept"] = self.category_intercept.astype(np.float64)
            np.savez_compressed(tmp / "weights.npz", **arrays)
            manifest = {name: _sha256(tmp / name) for name in _DATA_FILES}
            (tmp / "manifest.json").write_text(json.dumps({"format": FORMAT, "sha256": manifest}, indent=2), "utf-8")
            if card_markdown:
                (tmp / "MODEL_CARD.md").write_text(card_markdown, "utf-8")
            if path.exists():
                old = path.with_name(path.name + ".old")
                if old.exists():
                    _rmtree(old)
                os.replace(path, old)
                os.replace(tmp, path)
                _rmtree(old)
            else:
                os.replace(tmp, path)
        finally:
            if tmp.exists():
                _rmtree(tmp)
        return path

    @classmethod
    def load(cls, path: str | Path) -> "LinearModel":
        """Load a model directory; never executes anything stored in it."""
        path = Path(path)
        if not path.is_dir():
            raise ModelLoadError(f"no model directory at {path}")
        try:
            manifest = json.loads((path / "manifest.json").read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelLoadError(f"{path} is not a scamguard model: manifest.json unreadable ({exc})") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ModelLoadError(
                f"{path} has model format {manifest.get('format') if isinstance(manifest, dict) else None!r}; "
                f"this scamguard reads {FORMAT!r}. Retrain with `scamguard train` or upgrade scamguard."
            )
        for name in _DATA_FILES:
            expected = manifest.get("sha256", {}).get(name)
            if not (path / name).is_file():
                raise ModelLoadError(f"model {path} is incomplete: {name} is missing")
            if expected != _sha256(path / name):
                raise ModelLoadError(
                    f"model file {path / name} does not match its checksum in manifest.json: "
                    "it was modified or damaged after training. Refusing to load it; retrain or restore the file."
                )
        try:
            meta = json.loads((path / "model.json").read_text("utf-8"))
            with np.load(path / "weights.npz", allow_pickle=False) as npz:
                arrays = {k: npz[k] for k in npz.files}
            terms = [str(t) for t in meta["terms"]]
            model = cls(
                terms=terms,
                idf=arrays["idf"].astype(np.float64),
                coef=arrays["coef"].astype(np.float64),
                intercept=float(meta["intercept"]),
                calibration=(float(meta["calibration"][0]), float(meta["calibration"][1])),
                threshold=float(meta["threshold"]),
                categories=[str(c) for c in meta.get("categories", [])],
                category_coef=arrays.get("category_coef"),
                category_intercept=arrays.get("category_intercept"),
                card=dict(meta.get("card", {})),
                name=str(meta.get("name", path.name)),
            )
        except (KeyError, ValueError, TypeError, OSError) as exc:
            raise ModelLoadError(f"model {path} is malformed: {exc!r}") from None
        n = len(model.terms)
        if model.idf.shape != (n,) or model.coef.shape != (n,):
            raise ModelLoadError(f"model {path} is malformed: weights do not match the vocabulary")
        if model.category_coef is not None and model.category_coef.shape != (len(model.categories), n):
            raise ModelLoadError(f"model {path} is malformed: category weights do not match")
        if not 0.0 < model.threshold < 1.0:
            raise ModelLoadError(f"model {path} is malformed: threshold {model.threshold} outside (0, 1)")
        return model


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _rmtree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# fitting (scikit-learn is needed only here)

def build_vocabulary(rows: Iterable[dict[str, float]], min_df: int = 2) -> tuple[list[str], np.ndarray]:
    """Terms seen in at least ``min_df`` rows (all rule/entity features kept) and smoothed idf."""
    df: dict[str, int] = {}
    n = 0
    for feats in rows:
        n += 1
        for name in feats:
            df[name] = df.get(name, 0) + 1
    terms = sorted(t for t, c in df.items() if c >= min_df or t[:2] in ("r:", "e:"))
    idf = np.array([
        math.log((1 + n) / (1 + df[t])) + 1.0 if t[:2] in ("w:", "c:") else 1.0 for t in terms
    ])
    return terms, idf


def choose_threshold(scores: np.ndarray, labels: np.ndarray, max_fpr: float) -> float:
    """Lowest threshold whose false-positive rate on (scores, labels) stays within ``max_fpr``."""
    legit = np.sort(scores[labels == 0])[::-1]
    if len(legit) == 0:
        return 0.5
    allowed = int(math.floor(max_fpr * len(legit)))
    # the threshold must sit above the (allowed+1)-th highest legit score
    bound = legit[allowed] if allowed < len(legit) else 0.0
    above = np.sort(scores[scores > bound])
    threshold = (bound + above[0]) / 2 if len(above) else min(0.999, bound + 1e-6)
    return float(min(max(threshold, 0.05), 0.95))


def fit_linear_model(
    train_rows: Sequence[dict[str, float]], y_train: np.ndarray, valid_rows: Sequence[dict[str, float]],
    y_valid: np.ndarray, categories_train: Sequence[str | None], *, C: float = 4.0, max_fpr: float = 0.005,
    min_df: int = 2, feature_filter=None, seed: int = 0, sample_weight: np.ndarray | None = None,
) -> LinearModel:
    """Fit weights on train, Platt calibration and threshold on valid (never on the test split)."""
    from sklearn.linear_model import LogisticRegression

    if feature_filter is not None:  # ablations: e.g. text features only, or rule hits only
        train_rows = [{k: v for k, v in r.items() if feature_filter(k)} for r in train_rows]
        valid_rows = [{k: v for k, v in r.items() if feature_filter(k)} for r in valid_rows]
    terms, idf = build_vocabulary(train_rows, min_df=min_df)
    model = LinearModel(terms, idf, np.zeros(len(terms)), 0.0, (1.0, 0.0), 0.5)
    X = model.transform(train_rows)
    clf = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=2000, random_state=seed)
    clf.fit(X, y_train, sample_weight=sample_weight)
    model.coef = clf.coef_.ravel().astype(np.float64)
    model.intercept = float(clf.intercept_[0])

    Xv = model.transform(valid_rows)
    z = model.decision(Xv)
    platt = LogisticRegression(C=1e4, solver="lbfgs", max_iter=1000)
    platt.fit(z.reshape(-1, 1), y_valid)
    model.calibration = (float(platt.coef_[0, 0]), float(platt.intercept_[0]))
    model.threshold = choose_threshold(model.probability(Xv), np.asarray(y_valid), max_fpr)

    scam_idx = [i for i, (y, c) in enumerate(zip(y_train, categories_train)) if y == 1 and c]
    cats = sorted({categories_train[i] for i in scam_idx})
    if len(cats) >= 2:
        head = LogisticRegression(C=C, max_iter=3000, random_state=seed)
        head.fit(X[scam_idx], [categories_train[i] for i in scam_idx])
        model.categories = [str(c) for c in head.classes_]
        coef, intercept = head.coef_, head.intercept_
        if coef.shape[0] == 1:  # two classes: sklearn keeps one row for the second class
            coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
        model.category_coef = coef.astype(np.float64)
        model.category_intercept = intercept.astype(np.float64)
    elif cats:
        model.categories = cats
        model.category_coef = np.zeros((1, len(terms)))
        model.category_intercept = np.zeros(1)
    return model


def render_card(model: LinearModel) -> str:
    """The human-readable model card (MODEL_CARD.md) from the card data."""
    c = model.card
    lines = [
        f"# Model card: {model.name}", "",
        f"- Trained: {c.get('trained_at')} with scamguard {c.get('scamguard_version')}",
        f"- Threshold: {model.threshold:.4f} (chosen on the validation split for FPR <= {c.get('params', {}).get('max_fpr_on_valid')})",
        f"- Directory version: {c.get('directory_version')}",
        f"- Features: {c.get('params', {}).get('features')}; vocabulary {len(model.terms):,} terms",
        "- Library versions: " + ", ".join(f"{k} {v}" for k, v in c.get("library_versions", {}).items()),
        "", "## Training data", "",
    ]
    for name, h in c.get("data", {}).get("sha256", {}).items():
        lines.append(f"- `{name}` sha256 `{h}`")
    lines += ["", "| split | messages | scam |", "|---|---|---|"]
    for split, cnt in c.get("data", {}).get("counts", {}).items():
        lines.append(f"| {split} | {cnt['n']} | {cnt['scam']} |")
    lines += ["", "## Metrics (threshold above)", "", "| split | model | precision | recall | FPR | F1 |", "|---|---|---|---|---|---|"]
    for split, per in c.get("metrics", {}).items():
        for who, m in per.items():
            lines.append(f"| {split} | {who} | {m['precision']} | {m['recall']} | {m['fpr']} | {m['f1']} |")
    test = c.get("metrics", {}).get("test", {}).get("new")
    if test and test.get("per_category_recall"):
        lines += ["", "Per-category recall on the frozen test split:", "", "| category | recall | n |", "|---|---|---|"]
        for cat, v in test["per_category_recall"].items():
            lines.append(f"| {cat} | {v['recall']} | {v['n']} |")
    lines += ["", "## Learned rule weights (log-odds per hit)", "", "| rule | weight |", "|---|---|"]
    for rule_id, w in sorted(c.get("rule_weights", {}).items(), key=lambda kv: -kv[1]):
        lines.append(f"| {rule_id} | {w} |")
    lines += ["", "Reproduce: `scamguard train --base-only -o models/default --force` (see README).", ""]
    return "\n".join(lines)
