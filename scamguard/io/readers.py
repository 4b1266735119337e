"""Read message exports as they come: CSV/TSV, JSONL/JSON, Excel, Android SMS Backup XML, stdin.

Every reader yields rows as dicts in file order, in chunks, so memory stays bounded. A row that
is damaged (bad JSON line, wrong number of CSV fields, undecodable bytes) is still yielded, with
the reason in ``ROW_ERROR``, so the output accounts for every input record. Only problems that
make the whole file unreadable raise ``InputFileError``.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator

from ..errors import InputFileError

__all__ = ["RecordSource", "open_records", "detect_encoding", "ROW_ERROR", "SUPPORTED_INPUTS"]

ROW_ERROR = "__scan_error__"
SUPPORTED_INPUTS = (".csv", ".tsv", ".txt", ".jsonl", ".ndjson", ".json", ".xlsx", ".xml")
_SAMPLE = 1 << 20
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def detect_encoding(sample: bytes) -> str:
    """BOMs first, then strict UTF-8, then charset-normalizer (GBK/GB18030, UTF-16 ...)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3:  # a character cut by the sample boundary
            return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(sample[:200_000]).best()
    name = (best.encoding if best else "gb18030").lower().replace("_", "-")
    # GBK and GB2312 are subsets of GB18030: decoding with the superset loses nothing.
    return "gb18030" if name in ("gbk", "gb2312", "cp936", "hz", "gb18030") else name


@dataclass
class RecordSource:
    """An opened input: its columns and an iterator over chunks of row dicts."""

    name: str
    format: str
    columns: list[str]
    encoding: str | None
    _chunks: Iterator[list[dict]] = field(repr=False)

    def chunks(self) -> Iterator[list[dict]]:
        return self._chunks

    def rows(self) -> Iterator[dict]:
        for chunk in self._chunks:
            yield from chunk


def _chunked(rows: Iterator[dict], size: int) -> Iterator[list[dict]]:
    chunk: list[dict] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _text_stream(raw: IO[bytes], encoding: str) -> IO[str]:
    # errors="replace": a wrong byte damages one row, not the whole scan
    return io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")


# ----- CSV / TSV ---------------------------------------------------------------------------

def _sniff_delimiter(sample: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    try:
        return csv.Sniffer().sniff(sample[:65536], delimiters=",\t;|").delimiter
    except csv.Error:
        first = sample.split("\n", 1)[0]
        return max(",\t;|", key=first.count) if any(c in first for c in ",\t;|") else ","


def _csv_rows(stream: IO[str], delimiter: str) -> tuple[list[str], Iterator[dict]]:
    clean = (line.replace("\x00", "") for line in stream)
    reader = csv.reader(clean, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise InputFileError("the file is empty: no header row") from None
    except csv.Error as exc:
        raise InputFileError(f"cannot parse the header row: {exc}") from None
    header = [h.strip() or f"column_{i + 1}" for i, h in enumerate(header)]
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0][1:]

    def rows() -> Iterator[dict]:
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield {ROW_ERROR: f"malformed CSV near line {reader.line_num}: {exc}"}
                continue
            if not values:
                continue
            row = dict(zip(header, values))
            if len(values) != len(header):
                if len(values) > len(header):
                    row[header[-1]] = delimiter.join(values[len(header) - 1:])
                row[ROW_ERROR] = f"line {reader.line_num}: {len(values)} fields, expected {len(header)}"
                if len(values) > len(header):
                    row[ROW_ERROR] += " (extra fields joined into the last column)"
            yield row

    return header, rows()


# ----- JSON ----------------------------------------------------------------------------------

def _jsonl_rows(stream: IO[str]) -> tuple[list[str], Iterator[dict]]:
    lines = iter(stream)
    buffered: list[tuple[int, str]] = []
    columns: list[str] = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        buffered.append((lineno, line))
        try:
            obj = json.loads(line)
            if isinstance(obj, dict):
                columns = [str(k) for k in obj]
                break
        except ValueError:
            pass
        if len(buffered) > 1000:
            break

    def parse(lineno: int, line: str) -> dict:
        try:
            obj = json.loads(line)
        except ValueError as exc:
            return {"__raw__": line.rstrip("\n"), ROW_ERROR: f"line {lineno}: invalid JSON ({exc.msg})"}
        if isinstance(obj, dict):
            return {str(k): v for k, v in obj.items()}
        if isinstance(obj, str):
            return {"text": obj}
        return {"__raw__": line.rstrip("\n"), ROW_ERROR: f"line {lineno}: expected a JSON object"}

    def rows() -> Iterator[dict]:
        for lineno, line in buffered:
            yield parse(lineno, line)
        start = buffered[-1][0] if buffered else 0
        for lineno, line in enumerate(lines, start + 1):
            if line.strip():
                yield parse(lineno, line)

    return columns, rows()


def _json_array_rows(stream: IO[str]) -> tuple[list[str], Iterator[dict]]:
    try:
        data = json.load(stream)
    except ValueError as exc:
        raise InputFileError(f"not valid JSON: {exc}") from None
    if isinstance(data, dict):
        data = next((v for v in data.values() if isinstance(v, list)), [data])
    if not isinstance(data, list):
        raise InputFileError("a JSON file must hold an array of objects (or use JSON Lines)")
    columns: list[str] = []
    for item in data:
        if isinstance(item, dict):
            columns = [str(k) for k in item]
            break

    def rows() -> Iterator[dict]:
        for i, item in enumerate(data):
            if isinstance(item, dict):
                yield {str(k): v for k, v in item.items()}
            elif isinstance(item, str):
                yield {"text": item}
            else:
                yield {"__raw__": json.dumps(item, ensure_ascii=False), ROW_ERROR: f"item {i}: expected a JSON object"}

    return columns or ["text"], rows()


# ----- Excel ---------------------------------------------------------------------------------

def _xlsx_rows(path: Path) -> tuple[list[str], Iterator[dict]]:
    try:
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged or foreign file
        raise InputFileError(f"cannot open {path.name} as an Excel .xlsx workbook: {exc}") from None
    ws = wb.worksheets[0]
    it = ws.iter_rows(values_only=True)
    try:
        header_values = next(it)
    except StopIteration:
        wb.close()
        raise InputFileError("the workbook's first sheet is empty") from None
    header = [str(h).strip() if h is not None and str(h).strip() else f"column_{i + 1}" for i, h in enumerate(header_values)]

    def rows() -> Iterator[dict]:
        try:
            for values in it:
                if values is None or all(v is None for v in values):
                    continue
                yield {h: v for h, v in zip(header, values)}
        finally:
            wb.close()

    return header, rows()


# ----- SMS Backup & Restore XML --------------------------------------------------------------

_SMS_FIELDS = ("address", "contact_name", "date", "readable_date", "type", "body")


def _xml_rows(raw: IO[bytes]) -> tuple[list[str], Iterator[dict]]:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse
    from xml.etree.ElementTree import ParseError

    events = iterparse(raw, events=("end",), forbid_dtd=False, forbid_entities=True, forbid_external=True)

    def rows() -> Iterator[dict]:
        try:
            for _, elem in events:
                tag = elem.tag.rsplit("}", 1)[-1]
                if tag == "sms":
                    row = {k: elem.attrib.get(k) for k in _SMS_FIELDS}
                    row.update({k: v for k, v in elem.attrib.items() if k not in row})
                    yield row
                    elem.clear()
                elif tag == "mms":
                    elem.clear()
        except DefusedXmlException as exc:
            raise InputFileError(f"refusing to read this XML: it uses entity declarations ({type(exc).__name__}), "
                                 "which SMS backups never need and XML bombs do") from None
        except ParseError as exc:
            yield {ROW_ERROR: f"XML is damaged from here on ({exc}); earlier messages were read"}

    return list(_SMS_FIELDS), rows()


# ----- entry point ---------------------------------------------------------------------------

def _guess_format(suffix: str, head: bytes) -> str:
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix == ".xlsx":
        return "xlsx"
    if suffix == ".xml":
        return "xml"
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        return "xml"
    if stripped.startswith(b"["):
        return "json"
    if stripped.startswith(b"{"):
        return "jsonl"
    return "csv"


def open_records(path: str | Path, encoding: str | None = None, chunk_size: int = 5000, stdin: IO[bytes] | None = None) -> RecordSource:
    """Open an input file (or ``-`` for stdin) and return its columns and row chunks."""
    name = str(path)
    if name == "-":
        raw: IO[bytes] = stdin if stdin is not None else sys.stdin.buffer
        head = raw.read(_SAMPLE)
        raw = io.BufferedReader(_Prefixed(head, raw))  # type: ignore[arg-type]
        suffix = ""
    else:
        p = Path(name)
        if not p.exists():
            raise InputFileError(f"no such file: {p}")
        if p.is_dir():
            raise InputFileError(f"{p} is a folder, not a file")
        suffix = p.suffix.lower()
        try:
            raw = open(p, "rb")
        except OSError as exc:
            raise InputFileError(f"cannot open {p}: {exc.strerror or exc}") from None
        head = raw.read(_SAMPLE)
        raw.seek(0)
    fmt = _guess_format(suffix, head)
    if fmt == "xlsx":
        if name == "-":
            raise InputFileError("Excel files cannot be read from stdin; pass the file name")
        raw.close()
        columns, rows = _xlsx_rows(Path(name))
        return RecordSource(name, fmt, columns, None, _chunked(rows, chunk_size))
    if fmt == "xml":
        columns, rows = _xml_rows(raw)
        return RecordSource(name, fmt, columns, None, _chunked(rows, chunk_size))
    enc = encoding or detect_encoding(head)
    try:
        codecs.lookup(enc)
    except LookupError:
        raise InputFileError(f"unknown encoding {enc!r}") from None
    stream = _text_stream(raw, enc)
    if fmt == "jsonl":
        columns, rows = _jsonl_rows(stream)
    elif fmt == "json":
        columns, rows = _json_array_rows(stream)
    else:
        sample = head.decode(enc if enc != "utf-16" else "utf-16", errors="replace")
        columns, rows = _csv_rows(stream, _sniff_delimiter(sample, suffix))
    return RecordSource(name, fmt, columns, enc, _chunked(rows, chunk_size))


class _Prefixed(io.RawIOBase):
    """A stream that replays bytes already read (stdin cannot seek back)."""

    def __init__(self, head: bytes, rest: IO[bytes]):
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if len(self._head):
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(b))
        n = len(data)
        b[:n] = data
        return n
