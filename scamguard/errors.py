"""Typed errors: library code raises these, only the CLI turns them into messages and exit codes."""


class ScamguardError(Exception):
    """Base class of every error scamguard raises on purpose."""


class InvalidInputError(ScamguardError, ValueError):
    """A message that cannot be scanned (None, NaN, not text)."""


class DataFileError(ScamguardError):
    """A directory, list or data file that is missing or malformed."""


class ModelLoadError(ScamguardError):
    """A model directory that is missing, tampered with, or of an unknown format."""


class InputFileError(ScamguardError):
    """An input file that cannot be read at all (as opposed to single bad rows)."""
