"""PNG plots for ``scamguard evaluate --plots`` (needs matplotlib: pip install scamguard[plots])."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from .errors import ScamguardError

__all__ = ["save_plots"]


def save_plots(folder, y_true: Sequence[int], scores: Sequence[float], y_pred: Sequence[bool]) -> list[Path]:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise ScamguardError("--plots needs matplotlib: pip install matplotlib") from None
    from sklearn.metrics import ConfusionMatrixDisplay, PrecisionRecallDisplay

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    y = np.asarray(y_true, dtype=int)
    s = np.nan_to_num(np.asarray(scores, dtype=float), nan=0.0)
    written = []
    fig, ax = plt.subplots(figsize=(5, 4))
    PrecisionRecallDisplay.from_predictions(y, s, ax=ax, name="scamguard")
    ax.set_title("Precision-recall")
    fig.tight_layout()
    fig.savefig(folder / "pr_curve.png", dpi=120)
    plt.close(fig)
    written.append(folder / "pr_curve.png")
    fig, ax = plt.subplots(figsize=(4, 4))
    ConfusionMatrixDisplay.from_predictions(y, np.asarray(y_pred, dtype=int), display_labels=["legit", "scam"], ax=ax, colorbar=False)
    fig.tight_layout()
    fig.savefig(folder / "confusion_matrix.png", dpi=120)
    plt.close(fig)
    written.append(folder / "confusion_matrix.png")
    return written
