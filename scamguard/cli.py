"""Command line: ``scamguard check|scan|train|evaluate|feedback``, a thin layer over the library.

Only this module prints or exits; user mistakes become one-line messages and exit code 2,
never a traceback.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Sequence

from ._version import __version__
from .errors import ScamguardError
from .results import CATEGORY_NAMES, Verdict

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _detector(args):
    from .detector import Detector
    from .directory import Directory

    directory = Directory.load(*args.directory) if getattr(args, "directory", None) else None
    lists = getattr(args, "lists", None)
    det = Detector.load(args.model, directory=directory)
    if lists:
        from .lists import UserLists

        det = det.with_lists(UserLists.load(lists))
    return det


def _add_model_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", metavar="PATH", help="model directory (default: the shipped model)")
    p.add_argument("--directory", metavar="FILE", action="append",
                   help="extra official-contacts file (JSON or CSV), added to the bundled directory; repeatable")
    p.add_argument("--lists", metavar="FILE", help="allow/deny list file (CSV or TOML), see README")


def _print_verdict(v: Verdict, out) -> None:
    if v.error:
        print(f"无法检测：{v.error}", file=out)
        return
    verdict = "⚠ 疑似诈骗短信" if v.is_scam else "✓ 未发现诈骗特征"
    print(f"判定：{verdict}（得分 {v.score:.2f}，阈值 {v.threshold:.2f}）", file=out)
    if v.category:
        print(f"类别：{CATEGORY_NAMES.get(v.category, v.category)}（{v.category}）", file=out)
    if v.reasons:
        print("理由：", file=out)
        for r in v.reasons:
            print(f"  {r.weight:+.2f}  [{r.title}] {r.message}", file=out)
    for heading, terms in (("推高得分", v.top_terms), ("拉低得分", v.bottom_terms)):
        shown = [t for t in terms if round(t.weight, 2)]  # a term that rounds to ±0.00 explains nothing
        if shown:
            print(f"模型看重的词（{heading}）：" + "，".join(f"{t.term} {t.weight:+.2f}" for t in shown), file=out)
    for note in v.notes:
        print(f"注：{note}", file=out)


def cmd_check(args) -> int:
    det = _detector(args)
    text = args.text if args.text != "-" else sys.stdin.read()
    v = det.check(text, sender=args.sender)
    if args.json:
        print(json.dumps(v.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_verdict(v, sys.stdout)
    return EXIT_OK


def cmd_scan(args) -> int:
    from .batch import run_scan

    return run_scan(args, _detector(args))


def cmd_train(args) -> int:
    from .directory import Directory
    from .training import train

    if not args.data and args.no_base:
        print("scamguard train: give DATA files, or drop --no-base to train on the base corpus", file=sys.stderr)
        return EXIT_USAGE
    directory = Directory.load(*args.directory) if args.directory else None
    result = train(
        args.data, base=not args.no_base, output=args.output, force=args.force, directory=directory,
        compare_with=args.compare_with or True, name=args.name, n_jobs=args.jobs,
    )
    for m in result.messages:
        print(f"note: {m}", file=sys.stderr)
    print(_metrics_table(result.report))
    print(f"threshold: {result.model.threshold:.4f}")
    if result.refused:
        print(f"scamguard train: not written: {result.refused}", file=sys.stderr)
        return EXIT_ERROR
    print(f"model written to {result.written}")
    return EXIT_OK


def _metrics_table(report: dict) -> str:
    rows = ["split        model    precision  recall  FPR     F1      n"]
    for split, per in report.items():
        if split == "messages":
            continue
        for who, m in per.items():
            rows.append(f"{split:<12} {who:<8} {_f(m['precision']):>9}  {_f(m['recall']):>6}  {_f(m['fpr']):>6}  {_f(m['f1']):>6}  {m['n']}")
    return "\n".join(rows)


def _f(x) -> str:
    return "-" if x is None else f"{x:.3f}"


def cmd_evaluate(args) -> int:
    from .evaluation import compute_metrics, threshold_sweep
    from .io import read_frame
    from .training import prepare_labelled

    det = _detector(args)
    df = prepare_labelled(read_frame(args.data, encoding=args.encoding), str(args.data))
    verdicts = det.check_many(df["text"].tolist(), n_jobs=args.jobs)
    scores = [v.score for v in verdicts]
    pred = [v.is_scam for v in verdicts]
    m = compute_metrics(df["y"].tolist(), pred, df["category"].tolist())
    result = {"data": str(args.data), "model": det.model_version, "threshold": det.threshold, "metrics": m.to_dict(),
              "threshold_sweep": threshold_sweep(df["y"].tolist(), scores)}
    if args.plots:
        from .plots import save_plots

        result["plots"] = [str(p) for p in save_plots(args.plots, df["y"].tolist(), scores, pred)]
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return EXIT_OK
    d = m.to_dict()
    print(f"model {det.model_version}, threshold {det.threshold:.3f}, {d['n']} messages ({d['n_scam']} scam)")
    print(f"precision {_f(d['precision'])}  recall {_f(d['recall'])}  F1 {_f(d['f1'])}  FPR {_f(d['fpr'])}")
    c = d["confusion"]
    print(f"confusion: TP {c['tp']}  FP {c['fp']}  TN {c['tn']}  FN {c['fn']}")
    if d["per_category_recall"]:
        print("per-category recall:")
        for cat, v in d["per_category_recall"].items():
            print(f"  {cat:<32} {_f(v['recall'])}  (n={v['n']})")
    print("threshold sweep:")
    for row in result["threshold_sweep"]:
        print(f"  {row['threshold']:.2f}  precision {_f(row['precision'])}  recall {_f(row['recall'])}  FPR {_f(row['fpr'])}")
    for p in result.get("plots", []):
        print(f"plot written: {p}")
    return EXIT_OK


def cmd_feedback(args) -> int:
    from .feedback import FeedbackFile

    fb = FeedbackFile(args.file)
    if args.action == "add":
        outcome = fb.add(args.text, args.label, category=args.category)
        print(outcome)
    elif args.action == "forget":
        print(fb.forget(args.text))
    else:
        for row in fb.rows():
            print(f"{row['label']}\t{row['text']}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scamguard", description="Detect Chinese scam SMS that impersonate official customer service.")
    parser.add_argument("--version", action="version", version=f"scamguard {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("check", help="check one message")
    p.add_argument("text", metavar="TEXT", help="the message (or - to read it from stdin)")
    p.add_argument("--sender", metavar="S", help="the sender's number or name, if known")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    _add_model_options(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("scan", help="scan a file of messages (csv, tsv, jsonl, json, xlsx, SMS Backup xml, or - for stdin)")
    p.add_argument("input", metavar="INPUT")
    p.add_argument("-o", "--output", metavar="OUTPUT", help="output file (.csv .jsonl .xlsx); default: JSON Lines on stdout")
    p.add_argument("--text-column", metavar="C")
    p.add_argument("--sender-column", metavar="C")
    p.add_argument("--encoding", metavar="E", help="input encoding (default: detected)")
    p.add_argument("--jobs", type=int, default=0, metavar="N", help="worker processes (default: all cores)")
    p.add_argument("--only-flagged", action="store_true", help="write only rows flagged as scams (and rows with errors)")
    p.add_argument("--threshold", type=float, metavar="T", help="override the model's threshold (0-1)")
    p.add_argument("--report", metavar="HTML", help="also write a self-contained HTML report")
    p.add_argument("--mask", action="store_true", help="mask phone numbers in reasons, evidence and report")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    _add_model_options(p)
    p.set_defaults(func=cmd_scan)

    p = sub.add_parser("train", help="train a model from labelled messages")
    p.add_argument("data", metavar="DATA", nargs="*", help="labelled files (columns text,label; any format scan reads)")
    p.add_argument("-o", "--output", metavar="MODEL_PATH", required=True)
    p.add_argument("--no-base", action="store_true", help="use only DATA, not the project corpus")
    p.add_argument("--base-only", action="store_true", help="train on the project corpus alone (how the default model is built)")
    p.add_argument("--force", action="store_true", help="write the model even if it is worse than the current one")
    p.add_argument("--compare-with", metavar="MODEL_PATH", help="model to guard against (default: the shipped model)")
    p.add_argument("--name", default="custom", help="model name recorded in the card")
    p.add_argument("--jobs", type=int, default=1, metavar="N")
    p.add_argument("--directory", metavar="FILE", action="append")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("evaluate", help="measure a model on labelled messages")
    p.add_argument("data", metavar="DATA")
    p.add_argument("--json", action="store_true")
    p.add_argument("--plots", metavar="DIR", help="write a PR curve and confusion matrix as PNG")
    p.add_argument("--encoding", metavar="E")
    p.add_argument("--jobs", type=int, default=1, metavar="N")
    _add_model_options(p)
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("feedback", help="keep corrected labels in a local feedback file for retraining")
    p.add_argument("action", choices=("add", "forget", "list"))
    p.add_argument("text", nargs="?", default=None)
    p.add_argument("--label", choices=("scam", "legit"))
    p.add_argument("--category")
    p.add_argument("--file", default=os.environ.get("SCAMGUARD_FEEDBACK", "scamguard_feedback.csv"))
    p.set_defaults(func=cmd_feedback)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    if getattr(args, "base_only", False):
        args.data = []
    if getattr(args, "action", None) in ("add", "forget") and not args.text:
        parser.error(f"feedback {args.action} needs the message TEXT")
    if getattr(args, "action", None) == "add" and not args.label:
        parser.error("feedback add needs --label scam|legit")
    try:
        return args.func(args)
    except ScamguardError as exc:
        print(f"scamguard {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:
        print(f"scamguard {args.command}: {exc.strerror or exc}: {getattr(exc, 'filename', '') or ''}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
