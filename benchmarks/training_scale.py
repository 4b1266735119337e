"""How long `scamguard train` takes on a large labelled file.

    python benchmarks/training_scale.py [--rows 100000] [--jobs 2]

Writes a labelled CSV of --rows messages made by varying the corpus's messages (digits changed,
so rows are distinct) and times `scamguard train FILE --no-base -o DIR --force --jobs N` as a
child process, end to end (reading, featurising, fitting, calibrating, writing).
"""
from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    from scamguard.training import load_corpus

    corpus = load_corpus()
    rnd = random.Random(0)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "labelled.csv"
        with open(data, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["text", "label", "category"])
            rows = corpus[["text", "label", "category"]].values.tolist()
            for i in range(args.rows):
                text, label, category = rnd.choice(rows)
                text = "".join(str(rnd.randint(0, 9)) if c.isdigit() else c for c in text) + f" #{i}"
                w.writerow([text, label, category])
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "scamguard", "train", str(data), "--no-base", "-o", str(Path(tmp) / "m"),
                        "--force", "--jobs", str(args.jobs)], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        print(f"scamguard train on {args.rows:,} labelled messages, --jobs {args.jobs}: {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
