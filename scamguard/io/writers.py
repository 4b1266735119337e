"""Write scan results as CSV, JSON Lines or Excel, atomically.

Output goes to a temporary file in the target folder and is renamed over the target only when
complete, so a crash or Ctrl-C never leaves a half-written result behind.
"""
from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import IO

from ..errors import InputFileError

__all__ = ["open_writer", "RowWriter", "OUTPUT_FORMATS"]

OUTPUT_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx"}
_EXCEL_MAX_ROWS = 1_048_575
_EXCEL_MAX_CELL = 32_767


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    return value


class RowWriter:
    """Writes dict rows with a fixed column list; ``close()`` commits, ``abort()`` discards."""

    def __init__(self, path: str | None, columns: list[str]):
        self.columns = columns
        self.path = Path(path) if path else None
        self.format = OUTPUT_FORMATS.get(self.path.suffix.lower(), "") if self.path else "jsonl"
        if self.path is not None and not self.format:
            raise InputFileError(f"unknown output format {self.path.suffix!r}; use .csv, .jsonl or .xlsx")
        self._tmp: str | None = None
        self._fh: IO | None = None
        if self.path is not None:
            folder = self.path.parent if str(self.path.parent) else Path(".")
            if not folder.is_dir():
                raise InputFileError(f"output folder {folder} does not exist")
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=folder)
            os.close(fd)
        self._open()

    def _open(self) -> None:
        if self.format == "xlsx":
            from openpyxl import Workbook

            self._wb = Workbook(write_only=True)
            self._new_sheet()
        elif self.path is None:
            self._fh = sys.stdout
        elif self.format == "csv":
            # utf-8 with BOM: Excel then opens Chinese text correctly. The BOM is written by hand:
            # the utf-8-sig codec encodes every write in Python, plain utf-8 in C.
            self._fh = open(self._tmp, "w", encoding="utf-8", newline="")
            self._fh.write("\ufeff")
            self._csv = csv.writer(self._fh)
            self._csv.writerow(self.columns)
        else:
            self._fh = open(self._tmp, "w", encoding="utf-8", newline="\n")

    def _new_sheet(self) -> None:
        n = len(self._wb.worksheets) + 1
        self._ws = self._wb.create_sheet("results" if n == 1 else f"results_{n}")
        self._ws.append(self.columns)
        self._sheet_rows = 0

    def write(self, row: dict) -> None:
        if self.format == "csv":
            # csv writes None as an empty cell itself; only NaN (the one value unequal to itself) needs _cell
            self._csv.writerow([v if v == v else "" for v in map(row.get, self.columns)])
        elif self.format == "xlsx":
            from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

            if self._sheet_rows >= _EXCEL_MAX_ROWS:
                self._new_sheet()
            values = []
            for c in self.columns:
                v = _cell(row.get(c))
                if isinstance(v, str):
                    v = ILLEGAL_CHARACTERS_RE.sub("", v)[:_EXCEL_MAX_CELL]
                elif not isinstance(v, (int, float, bool)):
                    v = str(v)
                values.append(v)
            self._ws.append(values)
            self._sheet_rows += 1
        else:
            out = {c: row.get(c) for c in self.columns if c in row}
            out.update({k: v for k, v in row.items() if k not in out})
            self._fh.write(json.dumps(out, ensure_ascii=False, default=str) + "\n")

    def close(self) -> None:
        if self.format == "xlsx":
            self._wb.save(self._tmp)
        elif self._fh is not None and self._fh is not sys.stdout:
            self._fh.close()
        elif self._fh is sys.stdout:
            sys.stdout.flush()
        if self._tmp is not None:
            os.replace(self._tmp, self.path)
            self._tmp = None

    def abort(self) -> None:
        if self._fh is not None and self._fh is not sys.stdout:
            self._fh.close()
        if self._tmp is not None and os.path.exists(self._tmp):
            os.unlink(self._tmp)
            self._tmp = None


def open_writer(path: str | None, columns: list[str]) -> RowWriter:
    return RowWriter(path, columns)
