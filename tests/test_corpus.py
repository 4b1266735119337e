"""Corpus invariants and size targets hold for the shipped datasets/sms_corpus.csv (build_corpus.py --check --strict)."""
import subprocess
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def test_corpus_invariants_pass():
    r = subprocess.run([sys.executable, str(ROOT / "datasets" / "tools" / "build_corpus.py"), "--check", "--strict"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr


def test_corpus_schema():
    df = pd.read_csv(ROOT / "datasets" / "sms_corpus.csv", dtype=str, keep_default_na=False)
    assert list(df.columns) == ["id", "text", "label", "category", "sector", "brand", "source", "split"]
    assert set(df["label"]) == {"scam", "legit"} and set(df["split"]) == {"train", "valid", "test"}
    assert df["text"].str.len().min() > 0


def test_cross_split_near_duplicates_are_detected(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "datasets" / "tools"))
    import build_corpus

    df = pd.DataFrame({
        "id": ["a", "b"], "label": ["scam", "scam"], "category": ["prize"] * 2, "sector": [""] * 2, "brand": [""] * 2,
        "source": ["handwritten"] * 2, "split": ["train", "test"],
        "text": ["恭喜您获得二等奖，请登录领奖网站填写信息领取奖品", "恭喜您获得二等奖，请登录领奖网站填写信息领取奖品！"],
    })
    monkeypatch.setattr(build_corpus, "FROZEN", tmp_path / "none.txt")
    assert any("near-duplicate" in p for p in build_corpus.check(df))
