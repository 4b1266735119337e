"""scamguard: catch Chinese scam SMS that impersonate official customer service.

    >>> import scamguard
    >>> v = scamguard.check("【Apple】您的Apple ID已被锁定，请致电 4008-015-726 解锁")
    >>> v.is_scam, [r.message for r in v.reasons]
"""
from __future__ import annotations

from functools import lru_cache

from ._version import __version__
from .detector import Detector
from .directory import Brand, Directory
from .errors import DataFileError, InputFileError, InvalidInputError, ModelLoadError, ScamguardError
from .results import Reason, TermWeight, Verdict

__all__ = [
    "check", "default_detector", "Detector", "Verdict", "Reason", "TermWeight", "Directory", "Brand",
    "ScamguardError", "InvalidInputError", "ModelLoadError", "DataFileError", "InputFileError", "__version__",
]


@lru_cache(maxsize=1)
def default_detector() -> Detector:
    """The detector with the shipped model and directory, loaded once on first use."""
    return Detector.load()


def check(text, sender=None) -> Verdict:
    """Check one message with the default model; see ``Verdict`` for what comes back."""
    return default_detector().check(text, sender)
