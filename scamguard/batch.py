"""Scan whole files: stream in chunks, check in parallel, write every row in input order."""
from __future__ import annotations

import gc
import os
import pickle
import sys
import time
import uuid
from collections import Counter, deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterable, Iterator, NamedTuple

from .columns import VERDICT_COLUMNS, find_sender_column, find_text_column, verdict_columns
from .detector import Detector
from .errors import InputFileError
from .io.readers import ROW_ERROR, open_records
from .results import Verdict

__all__ = ["scan_file", "ScanResult", "ScanSummary", "run_scan"]

_EVIDENCE_RULES = {"fake_support_number": "numbers", "lookalike_domain": "domains", "unofficial_link": "domains",
                   "ip_link": "domains", "risky_tld": "domains", "contact_handoff": "contacts"}
_EXAMPLES = 20
"""Flagged messages kept as examples for the summary and the report."""


@dataclass(frozen=True)
class ScanResult:
    """One input row (all its columns, as read) and its verdict."""

    row: dict
    verdict: Verdict


class RowOutcome(NamedTuple):
    """What a file scan writes and counts for one row: much lighter to send between processes
    than a full verdict, and already formatted by the worker."""

    columns: tuple
    """Values of VERDICT_COLUMNS, as written."""
    is_scam: bool
    error: str | None
    category: str | None
    evidence: tuple[tuple[str, str], ...]
    """(summary counter, value) pairs of a flagged row, see ``ScanSummary``."""
    example: Verdict | None
    """The verdict itself, for the first flagged rows of a chunk (the summary keeps a few)."""


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
        self.count(v.is_scam, v.error, v.category, _evidence(v) if v.is_scam else ())
        if v.is_scam and len(self.examples) < _EXAMPLES:
            self.examples.append((text, v))

    def count(self, is_scam: bool, error: str | None, category: str | None, evidence: Iterable[tuple[str, str]]) -> None:
        """Count one row; ``evidence`` as given by ``RowOutcome.evidence``."""
        self.rows += 1
        if error:
            self.errors += 1
        if is_scam:
            self.flagged += 1
            self.categories[category or "other"] += 1
            for kind, value in evidence:
                getattr(self, kind)[value] += 1

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


def _evidence(v: Verdict) -> tuple[tuple[str, str], ...]:
    """The (summary counter, value) pairs a flagged verdict counts: numbers, domains, chat accounts, each once."""
    found: dict[tuple[str, str], None] = {}
    for r in v.reasons:
        kind = _EVIDENCE_RULES.get(r.rule)
        if kind and r.evidence:
            found.setdefault((kind, r.evidence[0]), None)
    return tuple(found)


# ----- work done per chunk, in worker processes when n_jobs > 1 --------------------------------

@contextmanager
def _gc_paused():
    """Checking a chunk creates millions of short-lived objects, which reference counting frees;
    the cyclic collector would meanwhile walk every cached object (segmenter, n-grams, model)
    again and again. Pause it for the chunk."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _check_chunk(detector: Detector, texts: list, senders: list, problems: list, brief: bool = False) -> list[Verdict]:
    with _gc_paused():
        verdicts = detector._check_batch(texts, senders, brief=brief)
    return [_with_error(v, p) if p else v for v, p in zip(verdicts, problems)]


def _scan_chunk(detector: Detector, texts: list, senders: list, problems: list, mask: bool) -> list[RowOutcome]:
    """The CLI's unit of work: brief verdicts (see ``Detector._verdicts``), formatted as output columns."""
    with _gc_paused():
        verdicts = _check_chunk(detector, texts, senders, problems, brief=True)
        columns = zip(*verdict_columns(verdicts, mask=mask).values())
        outcomes = []
        examples = 0
        for v, values in zip(verdicts, columns):
            example = v if v.is_scam and examples < _EXAMPLES else None
            examples += example is not None
            outcomes.append(RowOutcome(values, v.is_scam, v.error, v.category, _evidence(v) if v.is_scam else (), example))
    return outcomes


_worker_detector: tuple[str, Detector] | None = None


class _ShippedDetector:
    """A detector on its way to worker processes: pickled once here; each worker unpickles it on its
    first chunk and keeps it, caches included (segmenter, look-alike checks), for the chunks after."""

    def __init__(self, detector: Detector):
        self.key = uuid.uuid4().hex
        self.payload = pickle.dumps(detector, protocol=pickle.HIGHEST_PROTOCOL)

    def get(self) -> Detector:
        global _worker_detector
        if _worker_detector is None or _worker_detector[0] != self.key:
            _worker_detector = (self.key, pickle.loads(self.payload))
        return _worker_detector[1]


def _in_worker(work, shipped: _ShippedDetector, *args):
    return work(shipped.get(), *args)


# ----- reading, dispatching, reassembling in order -------------------------------------------

def _open_source(path, text_column, sender_column, encoding, chunk_size, stdin):
    """The opened file and the columns holding text and sender; InputFileError when unusable."""
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
    return source, text_column, sender_column


def _checked_chunks(work, detector: Detector, chunks, text_column: str, sender_column: str | None, n_jobs: int, *extra):
    """(chunk, work(detector, texts, senders, problems, *extra)) for every chunk, in input order,
    with n_jobs worker processes. Rows lose their ROW_ERROR key; its text becomes ``problems``."""
    pending: deque = deque()

    def tasks():
        for chunk in chunks:
            pending.append(chunk)
            texts = [None if ROW_ERROR in r and text_column not in r else r.get(text_column) for r in chunk]
            senders = [r.get(sender_column) if sender_column else None for r in chunk]
            problems = [r.pop(ROW_ERROR, None) for r in chunk]
            yield texts, senders, problems

    if n_jobs == 1:
        results = (work(detector, *task, *extra) for task in tasks())
    else:
        from joblib import Parallel, delayed

        shipped = _ShippedDetector(detector)
        results = Parallel(n_jobs=n_jobs, return_as="generator", pre_dispatch="2*n_jobs")(
            delayed(_in_worker)(work, shipped, *task, *extra) for task in tasks()
        )
    for result in results:
        yield pending.popleft(), result


def scan_file(
    path, detector: Detector | None = None, *, text_column: str | None = None, sender_column: str | None = None,
    encoding: str | None = None, n_jobs: int = 1, chunk_size: int = 2000, stdin=None,
) -> Iterator[ScanResult]:
    """Yield a ScanResult for every record of the file, in order (rows that cannot be scanned
    carry ``verdict.error``). Raises InputFileError only when the file as a whole is unusable."""
    detector = detector or Detector.load()
    source, text_column, sender_column = _open_source(path, text_column, sender_column, encoding, chunk_size, stdin)
    for chunk, verdicts in _checked_chunks(_check_chunk, detector, source.chunks(), text_column, sender_column, n_jobs):
        for row, v in zip(chunk, verdicts):
            yield ScanResult(row, v)


def _scan_outcomes(
    path, detector: Detector, *, text_column, sender_column, encoding, n_jobs: int, mask: bool, chunk_size: int = 2000,
) -> Iterator[tuple[dict, RowOutcome]]:
    """Like ``scan_file``, but each row comes with its RowOutcome: what the CLI writes and counts."""
    source, text_column, sender_column = _open_source(path, text_column, sender_column, encoding, chunk_size, None)
    for chunk, outcomes in _checked_chunks(_scan_chunk, detector, source.chunks(), text_column, sender_column, n_jobs, mask):
        yield from zip(chunk, outcomes)


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
    results = _scan_outcomes(args.input, detector, text_column=args.text_column, sender_column=args.sender_column,
                             encoding=args.encoding, n_jobs=n_jobs, mask=args.mask)
    from .io.writers import open_writer

    summary = ScanSummary(model_version=detector.model_version, data_version=detector.data_version)
    start = time.perf_counter()
    writer = None
    progress = None
    show_progress = not args.quiet and sys.stderr.isatty()
    try:
        for row, outcome in results:
            if writer is None:
                columns = [c for c in row if c not in VERDICT_COLUMNS]
                writer = open_writer(args.output, columns + [c for c in VERDICT_COLUMNS])
                if show_progress:
                    from tqdm import tqdm

                    progress = tqdm(unit=" msg", file=sys.stderr, desc="scanning", smoothing=0.1)
            summary.count(outcome.is_scam, outcome.error, outcome.category, outcome.evidence)
            if outcome.example is not None and len(summary.examples) < _EXAMPLES:
                text = row.get(args.text_column) if args.text_column else None
                summary.examples.append((str(text) if text is not None else _first_text(row), outcome.example))
            if args.only_flagged and not (outcome.is_scam or outcome.error):
                if progress:
                    progress.update(1)
                continue
            row.update(zip(VERDICT_COLUMNS, outcome.columns))
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
