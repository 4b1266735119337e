"""A local file of corrected labels ("this was a scam", "this was fine") to retrain from.

The file is a plain CSV (``text,label,category,added_at``) that ``scamguard train FILE`` reads
directly. Adding the same message twice is a no-op; adding it with the opposite label is
refused with a message instead of keeping both (use ``forget`` first to change your mind).
"""
from __future__ import annotations

import csv
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from .errors import DataFileError
from .normalize import normalize

__all__ = ["FeedbackFile"]

COLUMNS = ("text", "label", "category", "added_at")


def _key(text: str) -> str:
    return "".join(normalize(text).text.lower().split())


class FeedbackFile:
    def __init__(self, path: str | Path):
        self.path = Path(path)

    def rows(self) -> list[dict]:
        if not self.path.exists():
            return []
        try:
            with open(self.path, encoding="utf-8-sig", newline="") as f:
                rows = list(csv.DictReader(f))
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise DataFileError(f"cannot read feedback file {self.path}: {exc}") from None
        if rows and not {"text", "label"} <= set(rows[0]):
            raise DataFileError(f"feedback file {self.path} needs columns text,label")
        return rows

    def _write(self, rows: list[dict]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=COLUMNS, extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)
        os.replace(tmp, self.path)

    def add(self, text: str, label: str, category: str | None = None) -> str:
        """Record a corrected label; returns what happened, in words."""
        if label not in ("scam", "legit"):
            raise DataFileError("label must be scam or legit")
        if not text or not text.strip():
            raise DataFileError("cannot add an empty message")
        rows = self.rows()
        k = _key(text)
        for r in rows:
            if _key(r["text"]) == k:
                if r["label"] == label:
                    return f"already in {self.path} as {label}; nothing changed"
                raise DataFileError(
                    f"this message is already in {self.path} labelled {r['label']}; "
                    f"run `scamguard feedback forget` on it first if {label} is right"
                )
        rows.append({"text": text, "label": label, "category": category or "",
                     "added_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")})
        self._write(rows)
        return f"added as {label} to {self.path} ({len(rows)} messages)"

    def forget(self, text: str) -> str:
        rows = self.rows()
        k = _key(text)
        kept = [r for r in rows if _key(r["text"]) != k]
        if len(kept) == len(rows):
            return f"not in {self.path}; nothing changed"
        self._write(kept)
        return f"removed from {self.path} ({len(kept)} messages left)"
