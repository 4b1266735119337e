"""False alarms on a style of legit message the model never saw: hold out one legit source at a time.

    python benchmarks/writer_shift.py

The frozen test split shares its writers and formats with training, so its false-positive rate
is optimistic for real inboxes. Here each legit source of the corpus (one hand-written file, or
all templated legit rows) is removed from training and validation in turn; a model is trained on
the rest (threshold chosen on the rest of validation, as in `scamguard train`) and scored on the
held-out source. The test split is never used. Prints the held-out FPR per source and the mean,
with the validation recall of the same models.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scamguard.detector import Detector  # noqa: E402
from scamguard.model import fit_linear_model  # noqa: E402
from scamguard.normalize import normalize  # noqa: E402
from scamguard.training import DEFAULT_C, DEFAULT_MAX_FPR, featurize, load_corpus  # noqa: E402


def legit_sources(corpus: pd.DataFrame) -> pd.Series:
    """Which hand-written file (or 'template') each legit row came from; scams get ''."""
    by_text = {}
    for path in sorted((ROOT / "datasets" / "handwritten").glob("legit_*.csv")):
        for text in pd.read_csv(path, dtype=str)["text"]:
            by_text[normalize(text).text] = path.stem
    return pd.Series([
        "" if label != "legit" else ("template" if source == "template" else by_text.get(normalize(text).text, "other"))
        for text, label, source in zip(corpus["text"], corpus["label"], corpus["source"])
    ], index=corpus.index)


def main() -> int:
    corpus = load_corpus()
    corpus = corpus[corpus["split"] != "test"].reset_index(drop=True)
    corpus["group"] = legit_sources(corpus)
    feats = featurize(Detector(model=None), corpus["text"].tolist(), n_jobs=2)
    y = corpus["y"].to_numpy(int)

    def rows(mask):
        return [feats[i] for i in np.flatnonzero(mask)]

    print("| held-out legit source | messages | FPR on it | valid recall |\n|---|---|---|---|")
    fprs = []
    for group in sorted(g for g in corpus["group"].unique() if g not in ("", "other")):
        held = (corpus["group"] == group).to_numpy()
        train = (corpus["split"] == "train").to_numpy() & ~held
        valid = (corpus["split"] == "valid").to_numpy() & ~held
        model = fit_linear_model(rows(train), y[train], rows(valid), y[valid], corpus["category"][train].tolist(),
                                 C=DEFAULT_C, max_fpr=DEFAULT_MAX_FPR)
        fpr = float(np.mean(model.probability(model.transform(rows(held))) >= model.threshold))
        recall = float(np.mean(model.probability(model.transform(rows(valid & (y == 1)))) >= model.threshold))
        fprs.append(fpr)
        print(f"| {group} | {int(held.sum())} | {fpr:.3f} | {recall:.3f} |", flush=True)
    print(f"\nmean held-out FPR {np.mean(fprs):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
