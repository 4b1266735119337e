"""File input and output at the edge of the library: readers, writers, reports."""
from __future__ import annotations

from .readers import ROW_ERROR, SUPPORTED_INPUTS, RecordSource, detect_encoding, open_records

__all__ = ["open_records", "read_frame", "RecordSource", "detect_encoding", "ROW_ERROR", "SUPPORTED_INPUTS"]


def read_frame(path, encoding: str | None = None):
    """A whole input file as a DataFrame (for labelled training/evaluation files, which are small)."""
    import pandas as pd

    source = open_records(path, encoding=encoding)
    rows = list(source.rows())
    columns = list(dict.fromkeys([*source.columns, *(k for r in rows for k in r)]))
    return pd.DataFrame(rows, columns=columns)
