"""Your own allow and deny lists, applied after scoring with a fixed, documented priority.

File formats (both hold the same four kinds of entry):

CSV with header ``action,kind,value[,note]``::

    action,kind,value,note
    allow,sender,95588,工行官方短信
    deny,number,4008015726,冒充苹果客服
    deny,domain,icbc-verify.top,
    allow,pattern,公司内部通知,
    deny,pattern,"re:刷单.{0,4}返利",

TOML::

    [allow]
    senders = ["95588"]
    [deny]
    numbers = ["4008015726"]
    domains = ["icbc-verify.top"]
    patterns = ["re:刷单.{0,4}返利"]

Priority, highest first:
1. A deny entry that matches anything (sender, a number or domain in the body, a pattern) flags
   the message: your deny beats every allow.
2. An allowed number or domain counts as official everywhere: rules do not call it fake.
3. An allowed sender or pattern clears the verdict, except when the body carries a link that no
   genuine sender sends (a look-alike of a brand's domain, or a bare IP address): then the message
   stays flagged and both reasons are shown.
Patterns are plain substrings of the normalised text; prefix ``re:`` for a regular expression.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataFileError
from .extract import Entities, domestic_number, parse_sender

__all__ = ["UserLists", "ListMatch", "OVERRIDDEN_BY_BODY_LINKS"]

KINDS = ("sender", "number", "domain", "pattern")
OVERRIDDEN_BY_BODY_LINKS = frozenset({"lookalike_domain", "ip_link"})
"""Rule hits that an allowed sender or pattern does not excuse."""


def _norm_number(value: str) -> str:
    return domestic_number(re.sub(r"\D", "", value))


def _norm_sender(value: str) -> str:
    s = parse_sender(value)
    if s is None:
        return ""
    return s.number if s.number else s.raw.strip().lower()


@dataclass(frozen=True)
class ListMatch:
    action: str
    kind: str
    value: str
    note: str = ""

    def describe(self) -> str:
        what = {"sender": "发送方", "number": "号码", "domain": "域名", "pattern": "内容"}[self.kind]
        verb = "允许" if self.action == "allow" else "拦截"
        note = f"（{self.note}）" if self.note else ""
        return f"你的名单{verb}：{what} {self.value}{note}"


@dataclass(frozen=True)
class UserLists:
    """Parsed allow/deny entries; see the module docstring for the file formats and priority."""

    entries: tuple[ListMatch, ...] = ()
    version: str = ""
    _patterns: tuple = field(default=(), repr=False, compare=False)

    @classmethod
    def from_entries(cls, entries, version: str = "") -> "UserLists":
        cleaned = []
        patterns = []
        for e in entries:
            action, kind, value = e.action.strip().lower(), e.kind.strip().lower().rstrip("s"), str(e.value).strip()
            if action not in ("allow", "deny"):
                raise DataFileError(f"list entry {e.value!r}: action must be allow or deny, not {e.action!r}")
            if kind not in KINDS:
                raise DataFileError(f"list entry {e.value!r}: kind must be one of {', '.join(KINDS)}, not {e.kind!r}")
            if not value:
                continue
            if kind == "number":
                value = _norm_number(value)
            elif kind == "sender":
                value = _norm_sender(value)
            elif kind == "domain":
                value = value.lower().strip(".").split("://")[-1].split("/")[0]
            else:
                try:
                    patterns.append((len(cleaned), re.compile(value[3:]) if value.startswith("re:") else None))
                except re.error as exc:
                    raise DataFileError(f"list pattern {value!r} is not a valid regular expression: {exc}") from None
            cleaned.append(ListMatch(action, kind, value, e.note))
        return cls(tuple(cleaned), version, tuple(patterns))

    @classmethod
    def load(cls, path: str | Path) -> "UserLists":
        import hashlib

        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise DataFileError(f"cannot read list file {path}: {exc.strerror or exc}") from None
        version = f"lists.{hashlib.sha256(raw).hexdigest()[:8]}"
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DataFileError(f"list file {path} is not UTF-8 text") from None
        if path.suffix.lower() == ".toml":
            try:
                import tomllib
            except ModuleNotFoundError:  # Python 3.10
                import tomli as tomllib
            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                raise DataFileError(f"list file {path} is not valid TOML: {exc}") from None
            entries = []
            for action in ("allow", "deny"):
                section = data.get(action, {})
                if not isinstance(section, dict):
                    raise DataFileError(f"list file {path}: [{action}] must be a table")
                for kind, values in section.items():
                    for v in values if isinstance(values, list) else [values]:
                        entries.append(ListMatch(action, kind, str(v)))
            return cls.from_entries(entries, version)
        reader = csv.DictReader(text.splitlines())
        missing = {"action", "kind", "value"} - set(reader.fieldnames or [])
        if missing:
            raise DataFileError(f"list file {path} needs columns action,kind,value (missing: {', '.join(sorted(missing))})")
        return cls.from_entries(
            [ListMatch(r["action"] or "", r["kind"] or "", r["value"] or "", (r.get("note") or "").strip()) for r in reader],
            version,
        )

    def values(self, action: str, kind: str) -> frozenset[str]:
        return frozenset(e.value for e in self.entries if e.action == action and e.kind == kind)

    def match(self, e: Entities) -> list[ListMatch]:
        """Every entry that matches the message (sender, numbers, domains, patterns)."""
        found: list[ListMatch] = []
        numbers = {p.number for p in e.phones}
        hosts = [link.host for link in e.links] + [link.domain for link in e.links]
        sender = _norm_sender(e.sender.raw) if e.sender is not None else ""
        text = e.text.text
        for i, entry in enumerate(self.entries):
            if entry.kind == "sender":
                hit = bool(sender) and sender == entry.value
            elif entry.kind == "number":
                hit = entry.value in numbers
            elif entry.kind == "domain":
                hit = any(h == entry.value or h.endswith("." + entry.value) for h in hosts)
            else:
                compiled = dict(self._patterns).get(i)
                hit = bool(compiled.search(text)) if compiled is not None else entry.value in text
            if hit:
                found.append(entry)
        return found
