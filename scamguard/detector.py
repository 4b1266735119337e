"""The Detector wires the stages together: normalize -> extract -> rules -> model -> verdict."""
from __future__ import annotations

import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ._version import __version__
from .directory import Directory
from .directory import Brand
from .errors import InvalidInputError, ModelLoadError
from .extract import Entities, extract
from .features import message_features, segmenter
from .lists import OVERRIDDEN_BY_BODY_LINKS, UserLists
from .model import LinearModel, readable_term, render_card
from .normalize import normalize
from .results import Reason, TermWeight, Verdict
from .rules import DEFAULT_RULES, Hit, Rule, run_rules

__all__ = ["Detector", "Analysis", "DEFAULT_MAX_CHARS", "default_model_path"]

DEFAULT_MAX_CHARS = 10_000
"""Longer texts are cut: no SMS is this long, and it keeps a pasted novel from stalling a batch."""

# Rules that decide on their own: a brand's name with a look-alike of that brand's domain.
DECISIVE_RULES = frozenset({"lookalike_domain"})
_RULES_ONLY_BIAS = -3.0
_TOP_TERMS = 5


def default_model_path() -> Path:
    """Where the shipped default model lives inside the installed package."""
    return Path(str(resources.files("scamguard.models").joinpath("default")))


@dataclass(frozen=True)
class Analysis:
    """Everything known about one message before scoring."""

    entities: Entities
    hits: tuple[tuple[Rule, Hit], ...]
    features: dict
    notes: tuple[str, ...] = ()


def _coerce_text(text) -> tuple[str, tuple[str, ...]]:
    if isinstance(text, str):
        return text, ()
    if isinstance(text, (bytes, bytearray)):
        decoded = bytes(text).decode("utf-8", errors="replace")
        return decoded, (("input was bytes with invalid UTF-8; undecodable bytes replaced",) if "\ufffd" in decoded else ())
    if text is None or (isinstance(text, float) and math.isnan(text)):
        raise InvalidInputError("the message is missing (None/NaN): nothing to scan")
    try:
        import pandas as pd

        if pd.isna(text) is True:
            raise InvalidInputError("the message is missing (NA): nothing to scan")
    except (TypeError, ValueError):
        pass
    if isinstance(text, (int, float, np.integer, np.floating)):
        return str(text), ("input was a number, scanned as text",)
    raise InvalidInputError(f"the message must be text, got {type(text).__name__}")


class Detector:
    """Checks messages. Data sources are passed in, the bundled ones are the defaults.

    ``model=None`` gives a rules-only detector (prior rule weights, threshold 0.5): useful for
    tests and as the ablation baseline; ``Detector.load()`` gives the default trained model.
    """

    def __init__(
        self,
        model: LinearModel | None = None,
        directory: Directory | None = None,
        rules: Sequence[Rule] = DEFAULT_RULES,
        threshold: float | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
        lists: UserLists | str | Path | None = None,
    ):
        self.model = model
        self.base_directory = directory if directory is not None else Directory.bundled()
        self.lists = UserLists.load(lists) if isinstance(lists, (str, Path)) else lists
        self.directory = self.base_directory
        if self.lists is not None:
            allowed = Brand("user_allow_list", "你的允许名单", "user", (), tuple(sorted(self.lists.values("allow", "number"))),
                            tuple(sorted(self.lists.values("allow", "domain"))), "your allow list")
            if allowed.numbers or allowed.domains:
                self.directory = self.base_directory.with_brand(allowed)
        self.rules = tuple(rules)
        self.threshold = float(threshold if threshold is not None else (model.threshold if model else 0.5))
        self.max_chars = max_chars

    @classmethod
    def load(cls, path: str | Path | None = None, directory: Directory | str | Path | None = None, **kwargs) -> "Detector":
        """A detector with the model at ``path`` (None: the shipped default model)."""
        model_path = Path(path) if path is not None else default_model_path()
        if path is None and not (model_path / "manifest.json").is_file():
            raise ModelLoadError(
                "the default model is missing from this installation; reinstall scamguard "
                "or train one with `scamguard train`"
            )
        if isinstance(directory, (str, Path)):
            directory = Directory.load(directory)
        return cls(LinearModel.load(model_path), directory, **kwargs)

    def save(self, path: str | Path) -> Path:
        """Write this detector's model as a model directory (see ``scamguard.model``)."""
        if self.model is None:
            raise ModelLoadError("a rules-only detector has no model to save")
        return self.model.save(path, render_card(self.model))

    def with_lists(self, lists: UserLists | str | Path | None) -> "Detector":
        """The same detector steered by your allow/deny lists (see ``scamguard.lists``)."""
        return Detector(self.model, self.base_directory, self.rules, self.threshold, self.max_chars, lists)

    @property
    def model_version(self) -> str:
        return self.model.version if self.model is not None else "rules-only"

    @property
    def data_version(self) -> str:
        lists = f"; {self.lists.version}" if self.lists is not None else ""
        return f"scamguard {__version__}; directory {self.base_directory.version}; links {self.directory.links.version}{lists}"

    # ----- stages -------------------------------------------------------------------------
    def analyse(self, text, sender=None) -> Analysis:
        """Normalise, extract, run the rules and build features for one message."""
        text, notes = _coerce_text(text)
        if len(text) > self.max_chars:
            notes += (f"text truncated to the first {self.max_chars:,} characters",)
            text = text[: self.max_chars]
        entities = extract(normalize(text), self.directory, sender)
        hits = tuple(run_rules(entities, self.directory, self.rules))
        feats = message_features(entities, list(hits), self.directory, segmenter(self.directory))
        return Analysis(entities, hits, feats, notes)

    def _rule_weight(self, rule: Rule) -> float:
        if self.model is not None:
            learned = self.model.rule_weight(rule.id)
            if learned is not None:
                return learned
        return rule.weight

    def _reasons(self, a: Analysis, weights: dict[Rule, float]) -> tuple[Reason, ...]:
        """``weights``: each rule's weight (see ``_rule_weight``), looked up once per batch."""
        reasons = [
            Reason(r.id, r.title, hit.message, weights[r] * hit.strength, hit.evidence)
            for r, hit in a.hits
        ]
        return tuple(sorted(reasons, key=lambda x: -x.weight))

    def _verdicts(self, analyses: Sequence[Analysis], brief: bool = False) -> list[Verdict]:
        """Score a batch. ``brief``: leave out the entity list and the terms that pulled the score
        down, which a file scan does not write (building them is a good part of the cost per row)."""
        if not analyses:
            return []
        if self.model is not None:
            X = self.model.transform([a.features for a in analyses])
            scores = self.model.probability(X)
            categories = self.model.category(X)
            terms = [(_merged(up), _merged(down)) for up, down in self.model.contributions(X, 2 * _TOP_TERMS, down=not brief)]
        else:
            X = terms = None
            logits = [_RULES_ONLY_BIAS + sum(r.weight * h.strength for r, h in a.hits) for a in analyses]
            scores = 1.0 / (1.0 + np.exp(-np.clip(np.array(logits), -50, 50)))
            categories = [_rules_category(a) for a in analyses]
        weights = {r: self._rule_weight(r) for r in {r for a in analyses for r, _ in a.hits}}
        model_version, data_version = self.model_version, self.data_version
        out = []
        for i, a in enumerate(analyses):
            score = float(scores[i])
            notes = a.notes
            decisive = [r.id for r, h in a.hits if r.id in DECISIVE_RULES and h.strength >= 1.0]
            is_scam = score >= self.threshold
            if decisive and not is_scam:
                is_scam = True
                notes += (f"flagged by decisive rule {decisive[0]} although the model score is {score:.2f}",)
            reasons = self._reasons(a, weights)
            if self.lists is not None:
                is_scam, reasons, notes = self._apply_lists(a, is_scam, reasons, notes)
            top, bottom = terms[i] if terms is not None else ((), ())
            out.append(Verdict(
                is_scam=is_scam, score=score,
                category=(categories[i] or _rules_category(a) or "other") if is_scam else None,
                reasons=reasons, entities=() if brief else tuple(a.entities.to_list()),
                top_terms=top, bottom_terms=bottom, threshold=self.threshold,
                model_version=model_version, data_version=data_version, notes=notes,
            ))
        return out

    def _apply_lists(self, a: Analysis, is_scam: bool, reasons: tuple[Reason, ...], notes: tuple[str, ...]):
        """User lists, in the documented priority: deny > allowed number/domain > allowed sender/pattern."""
        matches = self.lists.match(a.entities)
        if not matches:
            return is_scam, reasons, notes
        denies = [m for m in matches if m.action == "deny"]
        allows = [m for m in matches if m.action == "allow"]
        extra = [Reason("user_deny", "你的拦截名单", m.describe(), 10.0, (m.value,)) for m in denies]
        extra += [Reason("user_allow", "你的允许名单", m.describe(), 0.0, (m.value,)) for m in allows]
        if denies:
            return True, tuple(extra) + reasons, notes + ("flagged by your deny list",)
        clearing = [m for m in allows if m.kind in ("sender", "pattern")]
        if clearing:
            blocking = [r for r in reasons if r.rule in OVERRIDDEN_BY_BODY_LINKS]
            if blocking:
                return True, tuple(blocking) + tuple(extra) + tuple(r for r in reasons if r not in blocking), notes + (
                    f"your allow list matched, but the body carries a link no genuine sender uses ({blocking[0].rule})",)
            return False, tuple(extra) + reasons, notes + ("cleared by your allow list",)
        return is_scam, reasons + tuple(extra), notes

    # ----- public API ---------------------------------------------------------------------
    def check(self, text, sender=None) -> Verdict:
        """Check one message. Raises InvalidInputError for None/NaN/non-text input."""
        return self._verdicts([self.analyse(text, sender)])[0]

    def check_many(
        self, texts: Iterable, senders: Iterable | None = None, n_jobs: int = 1, batch_size: int = 2000
    ) -> list[Verdict]:
        """Check many messages, in order. A message that cannot be scanned gets a verdict with
        ``error`` set instead of raising, so no row is ever lost."""
        texts = list(texts)
        senders = list(senders) if senders is not None else [None] * len(texts)
        if len(senders) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(senders)} senders")
        batches = [(texts[i:i + batch_size], senders[i:i + batch_size]) for i in range(0, len(texts), batch_size)]
        if n_jobs == 1 or len(batches) <= 1:
            results = [self._check_batch(t, s) for t, s in batches]
        else:
            from joblib import Parallel, delayed

            results = Parallel(n_jobs=n_jobs)(delayed(self._check_batch)(t, s) for t, s in batches)
        return [v for batch in results for v in batch]

    def _check_batch(self, texts: Sequence, senders: Sequence, brief: bool = False) -> list[Verdict]:
        """Verdicts in order; a message that cannot be scanned gets one with ``error`` set.
        ``brief``: see ``_verdicts``. A message repeated in the batch with the same sender is
        checked once: exports repeat bulk messages, and the verdict depends on nothing else."""
        first_seen: dict[tuple, int] = {}
        unique_texts, unique_senders, which = [], [], []
        for text, sender in zip(texts, senders):
            key = _repeat_key(text, sender)
            j = first_seen.get(key) if key is not None else None
            if j is None:
                j = len(unique_texts)
                unique_texts.append(text)
                unique_senders.append(sender)
                if key is not None:
                    first_seen[key] = j
            which.append(j)
        verdicts = self._check_unique(unique_texts, unique_senders, brief)
        return [verdicts[j] for j in which]

    def _check_unique(self, texts: Sequence, senders: Sequence, brief: bool) -> list[Verdict]:
        analyses: list[Analysis | None] = []
        errors: dict[int, str] = {}
        for i, (text, sender) in enumerate(zip(texts, senders)):
            try:
                analyses.append(self.analyse(text, sender))
            except InvalidInputError as exc:
                analyses.append(None)
                errors[i] = str(exc)
        scored = iter(self._verdicts([a for a in analyses if a is not None], brief))
        return [
            next(scored) if a is not None else self._error_verdict(errors[i])
            for i, a in enumerate(analyses)
        ]

    def _error_verdict(self, message: str) -> Verdict:
        return Verdict(False, float("nan"), None, threshold=self.threshold, error=message,
                       model_version=self.model_version, data_version=self.data_version)

    def scan_frame(self, df, text_column: str | None = None, sender_column: str | None = None, n_jobs: int = 1):
        """A copy of ``df`` with verdict columns added (see ``verdict_columns``)."""
        from .columns import find_text_column, find_sender_column, verdict_columns

        text_column = text_column or find_text_column(list(df.columns))
        if sender_column is None:
            sender_column = find_sender_column(list(df.columns))
        senders = df[sender_column].tolist() if sender_column else None
        verdicts = self.check_many(df[text_column].tolist(), senders, n_jobs=n_jobs)
        out = df.copy()
        for name, values in verdict_columns(verdicts).items():
            out[name] = values
        return out


def _repeat_key(text, sender) -> tuple | None:
    """What makes two rows the same message (types included: 1 and "1" are scanned differently);
    None when it cannot be a dict key."""
    key = (type(text), text, type(sender), sender)
    try:
        hash(key)
    except TypeError:
        return None
    return key


def _merged(contribs: list[tuple[str, float]]) -> tuple[TermWeight, ...]:
    """Readable terms, strongest first; a word seen both as a word and as an n-gram is shown once.
    ``contribs`` come strongest first, so when no two share a readable term they are already ranked."""
    terms = [readable_term(feature) for feature, _ in contribs]
    if len(set(terms)) == len(terms):
        return tuple(TermWeight(t, w) for t, (_, w) in zip(terms[:_TOP_TERMS], contribs))
    total: dict[str, float] = {}
    for term, (_, weight) in zip(terms, contribs):
        total[term] = total.get(term, 0.0) + weight
    ranked = sorted(total.items(), key=lambda tw: -abs(tw[1]))[:_TOP_TERMS]
    return tuple(TermWeight(t, w) for t, w in ranked)


def _rules_category(a: Analysis) -> str | None:
    best = max((h for h in a.hits if h[0].weight > 0 and h[0].category), key=lambda h: h[0].weight * h[1].strength, default=None)
    return best[0].category if best else None
