"""The result types users see: frozen, documented, with explicit ``to_dict()``."""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Reason", "TermWeight", "Verdict"]


@dataclass(frozen=True)
class Reason:
    """One piece of evidence for (positive weight) or against (negative weight) a scam verdict."""

    rule: str
    """Stable rule id, e.g. ``fake_support_number``; use it in allow lists and filters."""
    title: str
    """Short Chinese name of the rule, e.g. 冒充客服电话."""
    message: str
    """Readable Chinese sentence naming the evidence."""
    weight: float
    """Contribution to the score's log-odds: > 0 pushes towards scam, < 0 towards legit."""
    evidence: tuple[str, ...] = ()
    """The exact pieces of the original message the reason rests on."""

    def to_dict(self) -> dict:
        return {
            "rule": self.rule, "title": self.title, "message": self.message,
            "weight": round(self.weight, 3), "evidence": list(self.evidence),
        }


@dataclass(frozen=True)
class TermWeight:
    """A word or character n-gram the linear model leaned on, with its contribution."""

    term: str
    weight: float

    def to_dict(self) -> dict:
        return {"term": self.term, "weight": round(self.weight, 3)}


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one message."""

    is_scam: bool
    """score >= threshold (or forced by your deny list)."""
    score: float
    """Calibrated probability that the message is a scam, 0-1 (NaN when it could not be scanned)."""
    category: str | None
    """Scam category (e.g. ``impersonate_customer_service``), None when not a scam."""
    reasons: tuple[Reason, ...] = ()
    """Rule evidence, strongest first."""
    entities: tuple[dict, ...] = ()
    """Phones, links, contact IDs, brand claims and sender found in the message."""
    top_terms: tuple[TermWeight, ...] = ()
    """Model terms that pushed the score up most."""
    bottom_terms: tuple[TermWeight, ...] = ()
    """Model terms that pulled the score down most."""
    threshold: float = 0.5
    """The threshold the verdict was taken at."""
    error: str | None = None
    """Why the message could not be scanned; None when it was."""
    model_version: str = ""
    data_version: str = ""
    notes: tuple[str, ...] = field(default=())
    """Remarks such as "text truncated to the first 10,000 characters"."""

    def to_dict(self) -> dict:
        return {
            "is_scam": self.is_scam,
            "score": None if self.score != self.score else round(self.score, 4),
            "category": self.category,
            "reasons": [r.to_dict() for r in self.reasons],
            "entities": list(self.entities),
            "top_terms": [t.to_dict() for t in self.top_terms],
            "bottom_terms": [t.to_dict() for t in self.bottom_terms],
            "threshold": round(self.threshold, 4),
            "error": self.error,
            "model_version": self.model_version,
            "data_version": self.data_version,
            "notes": list(self.notes),
        }


CATEGORY_NAMES = {
    "impersonate_customer_service": "冒充客服",
    "impersonate_authority": "冒充公检法及政府机关",
    "loan_credit": "贷款、代办信用卡",
    "impersonate_acquaintance": "冒充领导、熟人",
    "task_scam": "刷单返利、兼职",
    "investment": "投资理财、虚拟币",
    "prize": "中奖、抽奖",
    "sextortion": "裸聊敲诈",
    "phishing_link": "钓鱼链接",
    "other": "其他诈骗",
}
"""Readable Chinese names of the scam categories."""
