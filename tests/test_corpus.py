"""The corpus rules hold for the shipped datasets/sms_corpus.csv."""
import subprocess
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def test_corpus_checks_pass():
    r = subprocess.run([sys.executable, str(ROOT / "datasets" / "tools" / "build_corpus.py"), "--check"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr


def test_corpus_schema_and_balance():
    df = pd.read_csv(ROOT / "datasets" / "sms_corpus.csv", dtype=str, keep_default_na=False)
    assert list(df.columns) == ["id", "text", "label", "category", "sector", "brand", "source", "split"]
    assert len(df) >= 5000
    assert set(df["label"]) == {"scam", "legit"} and set(df["split"]) == {"train", "valid", "test"}
    assert (df["label"] == "legit").mean() >= 0.45
    assert (df["source"] == "template").mean() <= 0.5
