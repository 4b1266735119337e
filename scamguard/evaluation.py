"""Metrics that say how a detector does on labelled messages it never trained on."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

__all__ = ["Metrics", "compute_metrics", "threshold_sweep", "LABEL_VALUES", "parse_label"]

# Accepted spellings of labels in user files (case-insensitive).
LABEL_VALUES = {
    1: ("scam", "fraud", "spam", "1", "true", "yes", "诈骗", "欺诈", "是", "垃圾"),
    0: ("legit", "normal", "ham", "0", "false", "no", "正常", "非诈骗", "否"),
}
_LABEL_LOOKUP = {v: k for k, vs in LABEL_VALUES.items() for v in vs}


def parse_label(value) -> int | None:
    """1 for scam, 0 for legit, None when the value is not a recognised label."""
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        return int(value)
    if isinstance(value, (int, np.integer)) and value in (0, 1):
        return int(value)
    if isinstance(value, (float, np.floating)) and value in (0.0, 1.0):
        return int(value)
    return _LABEL_LOOKUP.get(str(value).strip().lower())


@dataclass(frozen=True)
class Metrics:
    n: int
    n_scam: int
    n_legit: int
    tp: int
    fp: int
    tn: int
    fn: int
    per_category_recall: dict

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float("nan")

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float("nan")

    @property
    def fpr(self) -> float:
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else float("nan")

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r and p == p and r == r else float("nan")

    def to_dict(self) -> dict:
        def r(x):
            return None if x != x else round(float(x), 4)
        return {
            "n": self.n, "n_scam": self.n_scam, "n_legit": self.n_legit,
            "precision": r(self.precision), "recall": r(self.recall), "f1": r(self.f1), "fpr": r(self.fpr),
            "confusion": {"tp": self.tp, "fp": self.fp, "tn": self.tn, "fn": self.fn},
            "per_category_recall": {k: {"recall": r(v[0]), "n": v[1]} for k, v in sorted(self.per_category_recall.items())},
        }


def compute_metrics(y_true: Sequence[int], y_pred: Sequence[bool], categories: Sequence | None = None) -> Metrics:
    y = np.asarray(y_true, dtype=int)
    p = np.asarray(y_pred, dtype=bool)
    tp = int(np.sum(p & (y == 1)))
    fp = int(np.sum(p & (y == 0)))
    tn = int(np.sum(~p & (y == 0)))
    fn = int(np.sum(~p & (y == 1)))
    per_cat: dict = {}
    if categories is not None:
        cats = np.asarray([str(c) if c is not None and c == c and str(c) else "" for c in categories], dtype=object)
        for c in sorted(set(cats[y == 1]) - {""}):
            mask = (y == 1) & (cats == c)
            per_cat[c] = (float(np.mean(p[mask])), int(mask.sum()))
    return Metrics(len(y), int((y == 1).sum()), int((y == 0).sum()), tp, fp, tn, fn, per_cat)


def threshold_sweep(y_true: Sequence[int], scores: Sequence[float], thresholds: Sequence[float] | None = None) -> list[dict]:
    """Precision, recall and FPR at each threshold: how to trade catches for false alarms."""
    y = np.asarray(y_true, dtype=int)
    s = np.asarray(scores, dtype=float)
    thresholds = thresholds if thresholds is not None else [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]
    rows = []
    for t in thresholds:
        m = compute_metrics(y, s >= t)
        rows.append({"threshold": t, "precision": m.precision, "recall": m.recall, "fpr": m.fpr})
    return rows
