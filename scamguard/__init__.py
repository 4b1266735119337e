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
    "check", "default_detector", "scan_file", "train", "Detector", "Verdict", "Reason", "TermWeight", "Directory", "Brand",
    "ScamguardError", "InvalidInputError", "ModelLoadError", "DataFileError", "InputFileError", "__version__",
]


@lru_cache(maxsize=1)
def default_detector() -> Detector:
    """The detector with the shipped model and directory, loaded once on first use."""
    return Detector.load()


def check(text, sender=None) -> Verdict:
    """Check one message with the default model; see ``Verdict`` for what comes back."""
    return default_detector().check(text, sender)


def scan_file(path, detector: Detector | None = None, **kwargs):
    """Iterate over ``ScanResult(row, verdict)`` for every record of an export file, in order.
    See ``scamguard.batch.scan_file`` for the options."""
    from .batch import scan_file as _scan_file

    return _scan_file(path, detector or default_detector(), **kwargs)


def train(data=(), **kwargs) -> Detector:
    """Train on labelled DataFrames/files (merged with the project corpus unless ``base=False``)
    and return the new Detector; ``detector.training_report`` holds its metrics next to the
    current model's. Save it with ``detector.save(path)``. See ``scamguard.training.train``."""
    from .training import train as _train

    result = _train(data, **kwargs)
    result.detector.training_report = result.report
    return result.detector
