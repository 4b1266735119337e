"""Accuracy of the shipped model, measured on text it never trained on.

    python benchmarks/accuracy.py [--model PATH] [--json OUT.json]

Prints four tables (markdown):
1. frozen test split of datasets/sms_corpus.csv: precision, recall, FPR, per-category recall;
2. zero-shot on ../shared/data/telecom_fraud_texts_5 (public research data, never trained on):
   recall per fraud class, FPR on the normal class (skipped when the folder is absent);
3. robustness: recall on the scam test messages after each perturbation, and the drop;
4. ablation on the frozen test split: rules only, model only, combined (each with its threshold
   chosen on the validation split at the same target FPR).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scamguard.detector import Detector  # noqa: E402
from scamguard.evaluation import compute_metrics  # noqa: E402
from scamguard.io import read_frame  # noqa: E402
from scamguard.model import choose_threshold, fit_linear_model  # noqa: E402
from scamguard.rules import RULES_BY_ID  # noqa: E402
from scamguard.training import DEFAULT_C, DEFAULT_MAX_FPR, featurize, load_corpus  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "telecom_fraud_texts_5"
EXTERNAL = [
    ("label00-last.csv", "normal", 0),
    ("label01-last.csv", "冒充公检法及政府机关类", 1),
    ("label02-last.csv", "贷款、代办信用卡类", 1),
    ("label03-last.csv", "冒充客服服务", 1),
    ("label04-last.csv", "冒充领导、熟人类", 1),
]


# ----- perturbations (what scammers do to dodge filters) ----------------------------------------
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


def spaces(text: str) -> str:
    return " ".join(text)


def traditional(text: str, _cc=[]) -> str:
    if not _cc:
        _cc.append(_opencc("s2t"))
    return _cc[0].convert(text)


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


_CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "i": "і"}


def homoglyph_domains(text: str) -> str:
    import re

    def swap(m):
        return "".join(_CYRILLIC.get(c, c) for c in m.group(0))

    return re.sub(r"[A-Za-z0-9\-]+(?=\.(?:com|cn|net|top|xyz|vip|cc|org|info|shop|site|club))", swap, text)


_NUMERALS = dict(zip("0123456789", "零壹贰叁肆伍陆柒捌玖"))


def chinese_numerals(text: str) -> str:
    import re

    return re.sub(r"(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)[48]00[\d\-]{7,9}", lambda m: "".join(_NUMERALS.get(c, c) for c in m.group(0)), text)


PERTURBATIONS = {
    "spaces between characters": spaces,
    "traditional characters": traditional,
    "full-width letters and digits": full_width,
    "homoglyph domains": homoglyph_domains,
    "phone numbers in Chinese numerals": chinese_numerals,
}


# ----- helpers -----------------------------------------------------------------------------------
def fmt(x) -> str:
    return "-" if x is None or x != x else f"{x:.3f}"


def predict(det: Detector, texts, n_jobs: int = 1):
    verdicts = det.check_many(texts, n_jobs=n_jobs)
    return np.array([v.is_scam for v in verdicts]), np.array([v.score for v in verdicts])


def ablation(det: Detector, corpus) -> dict:
    plain = Detector(model=None, directory=det.directory)
    parts = {s: corpus[corpus["split"] == s] for s in ("train", "valid", "test")}
    feats = {s: featurize(plain, parts[s]["text"].tolist()) for s in parts}
    y = {s: parts[s]["y"].to_numpy(int) for s in parts}
    out = {}
    # rules only: the rules' own prior weights, threshold chosen on valid
    def rule_score(rows):
        z = np.array([-3.0 + sum(RULES_BY_ID[k[2:]].weight * v for k, v in r.items() if k.startswith("r:")) for r in rows])
        return 1 / (1 + np.exp(-z))
    t = choose_threshold(rule_score(feats["valid"]), y["valid"], DEFAULT_MAX_FPR)
    out["rules only"] = compute_metrics(y["test"], rule_score(feats["test"]) >= t)
    for name, keep in (("model only (no rule features)", lambda k: not k.startswith("r:")), ("combined", None)):
        m = fit_linear_model(feats["train"], y["train"], feats["valid"], y["valid"], parts["train"]["category"].tolist(),
                             C=DEFAULT_C, max_fpr=DEFAULT_MAX_FPR, feature_filter=keep)
        X = m.transform(feats["test"])
        out[name] = compute_metrics(y["test"], m.probability(X) >= m.threshold)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", help="model directory (default: the shipped model)")
    ap.add_argument("--json", metavar="OUT", help="also write the numbers as JSON")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--skip-ablation", action="store_true")
    args = ap.parse_args(argv)
    started = time.time()
    det = Detector.load(args.model)
    corpus = load_corpus()
    test = corpus[corpus["split"] == "test"]
    results: dict = {"model": det.model_version, "threshold": det.threshold}

    pred, _ = predict(det, test["text"].tolist(), args.jobs)
    m = compute_metrics(test["y"], pred, test["category"].tolist())
    results["frozen_test"] = m.to_dict()
    print(f"## Frozen test split ({m.n} messages, {m.n_scam} scam), model {det.model_version}, threshold {det.threshold:.3f}\n")
    print("| precision | recall | FPR | F1 |\n|---|---|---|---|")
    print(f"| {fmt(m.precision)} | {fmt(m.recall)} | {fmt(m.fpr)} | {fmt(m.f1)} |\n")
    print("| category | recall | n |\n|---|---|---|")
    for cat, (r, n) in sorted(m.per_category_recall.items()):
        print(f"| {cat} | {fmt(r)} | {n} |")
    legit_test = test[test["y"] == 0]
    fp_by_cat = {}
    for cat, p in zip(legit_test["category"], pred[(test["y"] == 0).to_numpy()]):
        fp_by_cat.setdefault(cat, [0, 0])
        fp_by_cat[cat][0] += int(p)
        fp_by_cat[cat][1] += 1
    print("\n| legit category | false positives | n |\n|---|---|---|")
    for cat, (fp, n) in sorted(fp_by_cat.items()):
        print(f"| {cat} | {fp} | {n} |")
    results["frozen_test_false_positives_by_category"] = fp_by_cat

    if SHARED.is_dir():
        print("\n## Zero-shot: Telecom_Fraud_Texts_5 (never trained on)\n")
        print("| file | class | messages | flagged | rate |\n|---|---|---|---|---|")
        ext = {}
        for name, cls, label in EXTERNAL:
            df = read_frame(SHARED / name)
            texts = df["content"].tolist()
            p, _ = predict(det, texts, args.jobs)
            rate = float(np.mean(p))
            ext[name] = {"class": cls, "label": label, "n": len(texts), "flagged": int(p.sum()),
                         "recall" if label else "fpr": rate}
            print(f"| {name} | {cls} | {len(texts)} | {int(p.sum())} | {'recall' if label else 'FPR'} {rate:.3f} |")
        results["zero_shot"] = ext
    else:
        print(f"\n(zero-shot skipped: {SHARED} not found)")

    scam_test = test[test["y"] == 1]["text"].tolist()
    base_recall = float(np.mean(predict(det, scam_test, args.jobs)[0]))
    print(f"\n## Robustness: recall on the {len(scam_test)} scam test messages after perturbation\n")
    print(f"| perturbation | recall | drop (points) |\n|---|---|---|\n| none | {base_recall:.3f} | 0.0 |")
    rob = {"none": base_recall}
    for name, fn in PERTURBATIONS.items():
        r = float(np.mean(predict(det, [fn(t) for t in scam_test], args.jobs)[0]))
        rob[name] = r
        print(f"| {name} | {r:.3f} | {100 * (base_recall - r):.1f} |")
    results["robustness"] = rob

    if not args.skip_ablation:
        print("\n## Ablation on the frozen test split (each retrained on train, threshold on valid)\n")
        print("| variant | precision | recall | FPR | F1 |\n|---|---|---|---|---|")
        ab = ablation(det, corpus)
        for name, mm in ab.items():
            print(f"| {name} | {fmt(mm.precision)} | {fmt(mm.recall)} | {fmt(mm.fpr)} | {fmt(mm.f1)} |")
        results["ablation"] = {k: v.to_dict() for k, v in ab.items()}
    print(f"\n(run time {time.time() - started:.0f} s)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
