"""Scan whole files: stream in chunks, check in parallel, write every row in input order."""
from __future__ import annotations

import os
import sys
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .columns import VERDICT_COLUMNS, find_sender_column, find_text_column, verdict_columns
from .detector import Detector
from .errors import InputFileError
from .io.readers import ROW_ERROR, open_records
from .results import Verdict

__all__ = ["scan_file", "ScanResult", "ScanSummary", "run_scan"]

_EVIDENCE_RULES = {"fake_support_number": "numbers", "lookalike_domain": "domains", "unofficial_link": "domains",
                   "ip_link": "domains", "risky_tld": "domains", "contact_handoff": "contacts"}


@dataclass(frozen=True)
class ScanResult:
    """One input row (all its columns, as read) and its verdict."""

    row: dict
    verdict: Verdict


@dataclass
class ScanSummary:
    rows: int = 0
    flagged: int = 0
    errors: int = 0
    categories: Counter = field(default_factory=Counter)
    numbers: Counter = field(default_factory=Counter)
    domains: Counter = field(default_factory=Counter)
    contacts: Counter = field(default_factory=Counter)
    examples: list = field(default_factory=list)
    seconds: float = 0.0
    model_version: str = ""
    data_version: str = ""

    def add(self, result: ScanResult, text: str) -> None:
        v = result.verdict
        self.rows += 1
        if v.error:
            self.errors += 1
        if v.is_scam:
            self.flagged += 1
            self.categories[v.category or "other"] += 1
            seen = set()
            for r in v.reasons:
                kind = _EVIDENCE_RULES.get(r.rule)
                if kind and r.evidence and (kind, r.evidence[0]) not in seen:
                    seen.add((kind, r.evidence[0]))
                    getattr(self, kind)[r.evidence[0]] += 1
            if len(self.examples) < 20:
                self.examples.append((text, v))

    def lines(self) -> list[str]:
        rate = self.rows / self.seconds if self.seconds else 0.0
        out = [f"rows read: {self.rows:,}; flagged as scam: {self.flagged:,}; rows with errors: {self.errors:,} "
               f"({self.seconds:.1f} s, {rate:,.0f} msg/s)"]
        if self.categories:
            out.append("by category: " + ", ".join(f"{k} {n}" for k, n in self.categories.most_common()))
        for label, counter in (("top fake numbers", self.numbers), ("top suspicious links", self.domains), ("top chat accounts", self.contacts)):
            if counter:
                out.append(f"{label}: " + ", ".join(f"{k} ({n})" for k, n in counter.most_common(5)))
        out.append(f"model: {self.model_version}; rule data: {self.data_version}")
        return out


def _check_chunk(detector: Detector, texts: list, senders: list) -> list[Verdict]:
    return detector._check_batch(texts, senders)


def scan_file(
    path, detector: Detector | None = None, *, text_column: str | None = None, sender_column: str | None = None,
    encoding: str | None = None, n_jobs: int = 1, chunk_size: int = 2000, stdin=None,
) -> Iterator[ScanResult]:
    """Yield a ScanResult for every record of the file, in order (rows that cannot be scanned
    carry ``verdict.error``). Raises InputFileError only when the file as a whole is unusable."""
    detector = detector or Detector.load()
    source = open_records(path, encoding=encoding, chunk_size=chunk_size, stdin=stdin)
    columns = source.columns
    if text_column is not None and columns and text_column not in columns:
        raise InputFileError(f"text column {text_column!r} not found; columns are: {', '.join(columns)}")
    if text_column is None:
        text_column = find_text_column(columns) if columns else "text"
    if sender_column is not None and columns and sender_column not in columns:
        raise InputFileError(f"sender column {sender_column!r} not found; columns are: {', '.join(columns)}")
    if sender_column is None and columns:
        sender_column = find_sender_column(columns)
    yield from _scan_chunks(source.chunks(), detector, text_column, sender_column, n_jobs)


def _scan_chunks(chunks, detector: Detector, text_column: str, sender_column: str | None, n_jobs: int) -> Iterator[ScanResult]:
    pending: deque = deque()

    def tasks():
        for chunk in chunks:
            pending.append(chunk)
            texts = [None if ROW_ERROR in r and text_column not in r else r.get(text_column) for r in chunk]
            senders = [r.get(sender_column) if sender_column else None for r in chunk]
            yield texts, senders

    if n_jobs == 1:
        results = (_check_chunk(detector, t, s) for t, s in tasks())
    else:
        from joblib import Parallel, delayed

        results = Parallel(n_jobs=n_jobs, return_as="generator", pre_dispatch="2*n_jobs")(
            delayed(_check_chunk)(detector, t, s) for t, s in tasks()
        )
    for verdicts in results:
        chunk = pending.popleft()
        for row, v in zip(chunk, verdicts):
            problem = row.pop(ROW_ERROR, None)
            if problem:
                v = _with_error(v, problem)
            yield ScanResult(row, v)


def _with_error(v: Verdict, problem: str) -> Verdict:
    from dataclasses import replace

    return replace(v, error=f"{problem}; {v.error}" if v.error else problem)


# ----- CLI glue -------------------------------------------------------------------------------

def run_scan(args, detector: Detector) -> int:
    if args.threshold is not None:
        if not 0.0 < args.threshold < 1.0:
            raise InputFileError("--threshold must be between 0 and 1")
        detector.threshold = args.threshold
    n_jobs = args.jobs if args.jobs and args.jobs > 0 else (os.cpu_count() or 1)
    results = scan_file(args.input, detector, text_column=args.text_column, sender_column=args.sender_column,
                        encoding=args.encoding, n_jobs=n_jobs)
    from .io.writers import open_writer

    summary = ScanSummary(model_version=detector.model_version, data_version=detector.data_version)
    start = time.perf_counter()
    writer = None
    progress = None
    show_progress = not args.quiet and sys.stderr.isatty()
    try:
        for res in results:
            if writer is None:
                columns = [c for c in res.row if c not in VERDICT_COLUMNS]
                writer = open_writer(args.output, columns + [c for c in VERDICT_COLUMNS])
                if show_progress:
                    from tqdm import tqdm

                    progress = tqdm(unit=" msg", file=sys.stderr, desc="scanning", smoothing=0.1)
            text = res.row.get(args.text_column) if args.text_column else None
            summary.add(res, str(text) if text is not None else _first_text(res.row))
            if args.only_flagged and not (res.verdict.is_scam or res.verdict.error):
                if progress:
                    progress.update(1)
                continue
            cols = verdict_columns([res.verdict], mask=args.mask)
            row = dict(res.row)
            for k, vals in cols.items():
                row[k] = vals[0]
            writer.write(row)
            if progress:
                progress.update(1)
        if writer is None:  # an input with a header and no rows
            writer = open_writer(args.output, list(VERDICT_COLUMNS))
        writer.close()
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    finally:
        if progress:
            progress.close()
    summary.seconds = time.perf_counter() - start
    if args.report:
        from .io.report import write_report

        write_report(args.report, summary, mask=args.mask)
    if not args.quiet:
        for line in summary.lines():
            print(line, file=sys.stderr)
        if args.output:
            print(f"results written to {args.output}", file=sys.stderr)
        if args.report:
            print(f"report written to {args.report}", file=sys.stderr)
    return 0


def _first_text(row: dict) -> str:
    try:
        col = find_text_column(list(row))
        return str(row.get(col, ""))
    except InputFileError:
        return ""
