"""Column conventions shared by DataFrames, batch files and reports."""
from __future__ import annotations

import json
import re
from typing import Sequence

from .errors import InputFileError
from .results import Verdict

__all__ = ["TEXT_COLUMN_NAMES", "SENDER_COLUMN_NAMES", "find_text_column", "find_sender_column", "verdict_columns", "mask_private"]

TEXT_COLUMN_NAMES = ("text", "content", "body", "message", "msg", "sms", "sms_content", "短信内容", "内容", "短信", "消息", "消息内容", "正文", "文本")
SENDER_COLUMN_NAMES = ("sender", "address", "from", "phone", "number", "sender_number", "号码", "发送方", "发件人", "发送号码", "来源号码", "手机号", "电话")

VERDICT_COLUMNS = ("is_scam", "scam_score", "scam_category", "scam_reasons", "scam_evidence", "scam_top_terms", "scan_error")


def _match(columns: Sequence[str], names: Sequence[str]) -> str | None:
    lowered = {str(c).strip().lower(): c for c in columns}
    for name in names:
        if name in lowered:
            return lowered[name]
    return None


def find_text_column(columns: Sequence[str]) -> str:
    """The column holding the message text, by its usual names; a clear error when absent."""
    found = _match(columns, TEXT_COLUMN_NAMES)
    if found is None:
        raise InputFileError(
            f"no message text column found; columns are: {', '.join(map(str, columns)) or '(none)'}. "
            f"Name it with --text-column (recognised automatically: {', '.join(TEXT_COLUMN_NAMES)})"
        )
    return found


def find_sender_column(columns: Sequence[str]) -> str | None:
    return _match(columns, SENDER_COLUMN_NAMES)


_PHONE_LIKE = re.compile(r"(?<!\d)(\+?\d[\d \-]{5,}\d)(?!\d)")


def mask_private(text: str) -> str:
    """Mask the middle of every long number: 13812345678 -> 138****5678 (outputs hold private data)."""
    def repl(m: re.Match) -> str:
        s = m.group(1)
        digits = [i for i, c in enumerate(s) if c.isdigit()]
        if len(digits) < 7:
            return s
        hide = set(digits[3:-4])
        return "".join("*" if i in hide else c for i, c in enumerate(s))
    return _PHONE_LIKE.sub(repl, text)


_to_json = json.JSONEncoder(ensure_ascii=False).encode
"""json.dumps(..., ensure_ascii=False), without building an encoder for every row."""


def verdict_columns(verdicts: Sequence[Verdict], mask: bool = False) -> dict[str, list]:
    """The columns a scan adds to every row, readable in a spreadsheet."""
    cols: dict[str, list] = {name: [] for name in VERDICT_COLUMNS}
    for v in verdicts:
        reasons = "；".join(r.message for r in v.reasons if r.weight > 0)
        evidence = " | ".join(dict.fromkeys(e for r in v.reasons if r.weight > 0 for e in r.evidence))
        if mask:
            reasons, evidence = mask_private(reasons), mask_private(evidence)
        scanned = v.score == v.score  # NaN when the row could not be scanned at all
        cols["is_scam"].append(bool(v.is_scam) if scanned else None)
        cols["scam_score"].append(round(v.score, 4) if scanned else None)
        cols["scam_category"].append(v.category or "")
        cols["scam_reasons"].append(reasons)
        cols["scam_evidence"].append(evidence)
        cols["scam_top_terms"].append(_to_json([[t.term, round(t.weight, 3)] for t in v.top_terms]) if v.top_terms else "")
        cols["scan_error"].append(v.error or "")
    return cols
