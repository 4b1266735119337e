"""Train a model from the project corpus and/or new labelled samples, guarded against regressions.

The frozen test split of ``datasets/sms_corpus.csv`` is never trained on, never used to pick a
threshold, and anything in new data that duplicates it is dropped before training. The
threshold is chosen on the validation split for a low false-positive rate.
"""
from __future__ import annotations

import hashlib
import platform
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from ._version import __version__
from .detector import Detector, default_model_path
from .directory import Directory
from .errors import ModelLoadError, ScamguardError
from .evaluation import Metrics, compute_metrics, parse_label
from .model import LinearModel, fit_linear_model, render_card
from .normalize import normalize
from .similarity import near_duplicate_pairs

__all__ = ["train", "TrainResult", "TrainingDataError", "load_corpus", "corpus_path", "prepare_labelled", "featurize"]

DEFAULT_MAX_FPR = 0.005
DEFAULT_C = 4.0
RECALL_TOLERANCE = 0.01
FPR_TOLERANCE = 0.005
REGRESSION_P_VALUE = 0.05


class TrainingDataError(ScamguardError):
    """Labelled data that cannot be used for training (missing columns, bad labels)."""


def corpus_path() -> Path:
    return Path(str(resources.files("scamguard.datasets").joinpath("sms_corpus.csv")))


def load_corpus(path: str | Path | None = None) -> pd.DataFrame:
    """The project corpus with an integer ``y`` column (1 = scam)."""
    path = Path(path) if path is not None else corpus_path()
    if not path.is_file():
        raise TrainingDataError(f"base corpus not found at {path}")
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df["y"] = [parse_label(v) for v in df["label"]]
    return df


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def prepare_labelled(df: pd.DataFrame, where: str = "data") -> pd.DataFrame:
    """Check and standardise user data to columns text, y, category; clear errors for bad rows."""
    cols = {str(c).strip().lower(): c for c in df.columns}
    text_col = next((cols[c] for c in ("text", "content", "message", "body", "短信内容", "内容") if c in cols), None)
    label_col = next((cols[c] for c in ("label", "is_scam", "标签", "类别") if c in cols), None)
    if text_col is None or label_col is None:
        raise TrainingDataError(
            f"{where}: training data needs a text column and a label column; found columns: "
            f"{', '.join(map(str, df.columns)) or '(none)'}"
        )
    labels = [parse_label(v) for v in df[label_col]]
    bad = [i for i, y in enumerate(labels) if y is None]
    empty = [i for i, t in enumerate(df[text_col]) if not isinstance(t, str) or not t.strip()]
    if bad or empty:
        parts = []
        if bad:
            shown = ", ".join(f"row {i + 2}: {df[label_col].iloc[i]!r}" for i in bad[:20])
            parts.append(f"{len(bad)} rows have an unrecognised label ({shown}{' ...' if len(bad) > 20 else ''}); "
                         "use scam/legit, 1/0, 诈骗/正常")
        if empty:
            parts.append(f"{len(empty)} rows have no text (rows {', '.join(str(i + 2) for i in empty[:20])})")
        raise TrainingDataError(f"{where}: " + "; ".join(parts))
    cat_col = cols.get("category")
    out = pd.DataFrame({
        "text": df[text_col].astype(str).tolist(),
        "y": labels,
        "category": df[cat_col].fillna("").astype(str).tolist() if cat_col is not None else [""] * len(df),
    })
    return out


def featurize(detector: Detector, texts: Sequence[str], n_jobs: int = 1) -> list[dict]:
    """Named features of each text, exactly as scoring computes them."""
    if n_jobs == 1 or len(texts) < 5000:
        return [detector.analyse(t).features for t in texts]
    from joblib import Parallel, delayed

    size = (len(texts) + n_jobs * 4 - 1) // (n_jobs * 4)
    parts = Parallel(n_jobs=n_jobs)(delayed(_featurize_part)(detector, texts[i:i + size]) for i in range(0, len(texts), size))
    return [f for part in parts for f in part]


def _featurize_part(detector: Detector, texts: Sequence[str]) -> list[dict]:
    return [detector.analyse(t).features for t in texts]


def _key(text: str) -> str:
    return "".join(normalize(text).text.lower().split())


def _bucket(text: str, salt: str) -> float:
    return zlib.crc32((salt + _key(text)).encode("utf-8")) / 2**32


def _stratified_split(df: pd.DataFrame, cuts: tuple[float, ...]) -> list[pd.DataFrame]:
    """Deterministic split by a hash of each text, per label, so every part gets both labels
    whenever a label has enough rows (at least one row per part)."""
    parts: list[list[pd.DataFrame]] = [[] for _ in range(len(cuts) + 1)]
    for _, group in df.groupby("y"):
        order = group.assign(_b=[_bucket(t, "split") for t in group["text"]]).sort_values("_b").drop(columns="_b")
        n = len(order)
        bounds = [0] + [min(n, max(i + 1, round(c * n))) for i, c in enumerate(cuts)] + [n]
        if n > len(cuts):  # keep at least one row in each later part
            for i in range(len(cuts), 0, -1):
                bounds[i] = min(bounds[i], bounds[i + 1] - 1)
        for i in range(len(parts)):
            parts[i].append(order.iloc[bounds[i]:bounds[i + 1]])
    return [pd.concat(p, ignore_index=True) if p else df.iloc[0:0] for p in parts]


@dataclass
class TrainResult:
    detector: Detector
    model: LinearModel
    report: dict
    written: Path | None = None
    refused: str | None = None
    messages: list[str] = field(default_factory=list)


def _predict(detector: Detector, feats: list[dict]) -> np.ndarray:
    return detector.model.probability(detector.model.transform(feats)) >= detector.threshold


def _metrics(detector: Detector, feats: list[dict], y: np.ndarray, cats: Sequence[str]) -> Metrics:
    return compute_metrics(y, _predict(detector, feats), cats)


def _worse_beyond_chance(lost: int, gained: int) -> bool:
    """Paired (McNemar exact) test on the same messages: were more lost than gained beyond chance?
    A frozen test split of a few hundred scams moves by a message or two between any two fits."""
    from scipy.stats import binomtest

    return bool(lost > gained and binomtest(lost, lost + gained, 0.5, alternative="greater").pvalue < REGRESSION_P_VALUE)


def train(
    data: Iterable[pd.DataFrame | str | Path] = (),
    *,
    base: bool = True,
    output: str | Path | None = None,
    force: bool = False,
    directory: Directory | None = None,
    corpus: str | Path | None = None,
    compare_with: str | Path | None | bool = True,
    max_fpr: float = DEFAULT_MAX_FPR,
    C: float = DEFAULT_C,
    new_sample_weight: float = 5.0,
    n_jobs: int = 1,
    name: str = "custom",
) -> TrainResult:
    """Train a detector; write it to ``output`` unless it regresses on the frozen test split.

    ``data``: DataFrames or file paths with text/label columns. ``base``: merge with the project
    corpus (its train/valid splits; its test split is only evaluated). ``compare_with``: model dir
    to guard against (True = the shipped default, False/None = no comparison).
    """
    from .io import read_frame

    directory = directory or Directory.bundled()
    plain = Detector(model=None, directory=directory)
    messages: list[str] = []

    new_frames, data_hashes = [], {}
    for i, item in enumerate(data):
        if isinstance(item, pd.DataFrame):
            df, where = item, f"DataFrame {i + 1}"
        else:
            df, where = read_frame(item), str(item)
            data_hashes[Path(item).name] = _file_sha256(Path(item))
        new_frames.append(prepare_labelled(df, where))
    new = pd.concat(new_frames, ignore_index=True) if new_frames else pd.DataFrame(columns=["text", "y", "category"])
    if not base and new.empty:
        raise TrainingDataError("no training data: give DATA files, or train on the base corpus")

    # The frozen test split is always the yardstick (and never trained on), with or without --no-base.
    cpath = Path(corpus) if corpus is not None else corpus_path()
    corpus_df = load_corpus(cpath) if (base or cpath.is_file()) else None
    empty = new.iloc[0:0]
    if corpus_df is not None:
        parts = {s: corpus_df[corpus_df["split"] == s][["text", "y", "category"]] for s in ("train", "valid", "test")}
        test_df = parts["test"]
        data_hashes[cpath.name] = _file_sha256(cpath)
    else:
        parts, test_df = {}, empty
    train_df, valid_df = (parts["train"], parts["valid"]) if base else (empty, empty)

    holdout_df = empty
    if not new.empty:
        before = len(new)
        new = new.assign(_k=[_key(t) for t in new["text"]])
        contradictions = new.groupby("_k")["y"].nunique()
        bad = set(contradictions[contradictions > 1].index)
        if bad:
            messages.append(f"dropped {len(bad)} texts labelled both scam and legit")
        new = new[~new["_k"].isin(bad)].drop_duplicates("_k")
        known = {_key(t) for t in pd.concat([train_df, valid_df, test_df])["text"]}
        new = new[~new["_k"].isin(known)]
        if len(new) < before:
            messages.append(f"dropped {before - len(new)} duplicate rows (within the data or already in the corpus)")
        if len(test_df) and len(new):
            leaks = {i for i, _, _ in near_duplicate_pairs(new["text"].tolist(), test_df["text"].tolist())}
            if leaks:
                messages.append(f"dropped {len(leaks)} rows that near-duplicate the frozen test split (no leakage)")
                new = new.iloc[[i for i in range(len(new)) if i not in leaks]]
        new = new.drop(columns="_k")
        if base:
            add, holdout_df = _stratified_split(new, (0.8,))
            train_df = pd.concat([train_df, add], ignore_index=True)
        else:
            train_df, valid_df, holdout_df = _stratified_split(new, (0.7, 0.85))
    if len(valid_df) == 0 or valid_df["y"].nunique() < 2:
        raise TrainingDataError("the validation split needs both scam and legit messages; give more data")
    if train_df["y"].nunique() < 2:
        raise TrainingDataError("training data needs both scam and legit messages")

    feats = {k: featurize(plain, df["text"].tolist(), n_jobs) for k, df in
             (("train", train_df), ("valid", valid_df), ("test", test_df), ("holdout", holdout_df))}
    weights = None
    if base and new_sample_weight != 1.0 and len(new):
        n_base = len(parts["train"])
        weights = np.ones(len(train_df))
        weights[n_base:] = new_sample_weight
    model = fit_linear_model(
        feats["train"], train_df["y"].to_numpy(int), feats["valid"], valid_df["y"].to_numpy(int),
        train_df["category"].tolist(), C=C, max_fpr=max_fpr, sample_weight=weights,
    )
    model.name = name
    detector = Detector(model=model, directory=directory)

    report: dict = {"messages": messages}
    for split, df in (("valid", valid_df), ("test", test_df), ("new_holdout", holdout_df)):
        if len(df):
            key = {"new_holdout": "holdout"}.get(split, split)
            report[split] = {"new": _metrics(detector, feats[key], df["y"].to_numpy(int), df["category"].tolist()).to_dict()}

    current = None
    if compare_with:
        path = default_model_path() if compare_with is True else Path(compare_with)
        try:
            current = Detector(LinearModel.load(path), directory)
        except ModelLoadError as exc:
            messages.append(f"no comparison with the current model: {exc}")
    if current is not None:
        for split, df in (("test", test_df), ("new_holdout", holdout_df)):
            if len(df):
                key = {"new_holdout": "holdout"}.get(split, split)
                report[split]["current"] = _metrics(current, feats[key], df["y"].to_numpy(int), df["category"].tolist()).to_dict()

    refused = None
    if current is not None and "test" in report and "current" in report["test"]:
        new_m, old_m = report["test"]["new"], report["test"]["current"]
        y_test = test_df["y"].to_numpy(int)
        new_pred, old_pred = _predict(detector, feats["test"]), _predict(current, feats["test"])
        scams, legit = y_test == 1, y_test == 0
        problems = []
        if (new_m["recall"] is not None and old_m["recall"] is not None and new_m["recall"] < old_m["recall"] - RECALL_TOLERANCE
                and _worse_beyond_chance(int(np.sum(old_pred & ~new_pred & scams)), int(np.sum(new_pred & ~old_pred & scams)))):
            problems.append(f"frozen-test recall {new_m['recall']:.3f} < current {old_m['recall']:.3f} - {RECALL_TOLERANCE}")
        if (new_m["fpr"] is not None and old_m["fpr"] is not None and new_m["fpr"] > old_m["fpr"] + FPR_TOLERANCE
                and _worse_beyond_chance(int(np.sum(new_pred & ~old_pred & legit)), int(np.sum(old_pred & ~new_pred & legit)))):
            problems.append(f"frozen-test FPR {new_m['fpr']:.3f} > current {old_m['fpr']:.3f} + {FPR_TOLERANCE}")
        if problems and not force:
            refused = "the new model is worse than the current one: " + "; ".join(problems) + " (use --force to write it anyway)"

    model.card = {
        "trained_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "scamguard_version": __version__,
        "library_versions": _versions(),
        "data": {
            "sha256": data_hashes,
            "counts": {k: {"n": int(len(df)), "scam": int(df["y"].sum())} for k, df in
                       (("train", train_df), ("valid", valid_df), ("test", test_df), ("new_holdout", holdout_df))},
            "base_corpus": base,
        },
        "params": {"C": C, "max_fpr_on_valid": max_fpr, "min_df": 2, "new_sample_weight": new_sample_weight,
                   "features": "jieba words (HMM off, custom dictionary) + Chinese char 2/3-grams + rule hits + entity kinds"},
        "threshold": model.threshold,
        "directory_version": directory.version,
        "metrics": {k: v for k, v in report.items() if k != "messages"},
        "rule_weights": {t[2:]: round(float(model.coef[j]), 4) for j, t in enumerate(model.terms) if t.startswith("r:")},
    }
    result = TrainResult(detector, model, report, refused=refused, messages=messages)
    if output is not None and refused is None:
        result.written = model.save(output, render_card(model))
    return result


def _versions() -> dict:
    import jieba
    import scipy
    import sklearn

    return {"python": platform.python_version(), "scikit-learn": sklearn.__version__, "numpy": np.__version__,
            "scipy": scipy.__version__, "jieba": jieba.__version__, "pandas": pd.__version__}
