"""Near-duplicate detection by character 5-gram Jaccard similarity.

Used to keep the frozen test split honest: a training message that is a near copy of a test
message (same template, one number changed) would make test scores meaningless.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import scipy.sparse as sp

from .normalize import normalize

__all__ = ["shingle_matrix", "near_duplicate_pairs", "NEAR_DUPLICATE_JACCARD"]

NEAR_DUPLICATE_JACCARD = 0.8


def _shingles(text: str, n: int) -> set[str]:
    s = "".join(normalize(text).text.lower().split())
    if len(s) <= n:
        return {s} if s else set()
    return {s[i:i + n] for i in range(len(s) - n + 1)}


def shingle_matrix(texts: Sequence[str], vocab: dict[str, int], n: int = 5, grow: bool = True) -> sp.csr_matrix:
    rows, cols = [], []
    for i, t in enumerate(texts):
        for sh in _shingles(t, n):
            j = vocab.get(sh)
            if j is None:
                if not grow:
                    continue
                j = vocab[sh] = len(vocab)
            rows.append(i)
            cols.append(j)
    return sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(texts), max(len(vocab), 1)))


def near_duplicate_pairs(
    left: Sequence[str], right: Sequence[str] | None = None, threshold: float = NEAR_DUPLICATE_JACCARD, n: int = 5
) -> list[tuple[int, int, float]]:
    """(i, j, jaccard) for pairs with Jaccard >= threshold; ``right=None`` compares ``left`` with itself (i < j)."""
    vocab: dict[str, int] = {}
    A = shingle_matrix(left, vocab, n)
    B = A if right is None else shingle_matrix(right, vocab, n)
    A = sp.csr_matrix((A.data, A.indices, A.indptr), shape=(A.shape[0], len(vocab) or 1))
    B = sp.csr_matrix((B.data, B.indices, B.indptr), shape=(B.shape[0], len(vocab) or 1))
    size_a = np.asarray(A.sum(axis=1)).ravel()
    size_b = np.asarray(B.sum(axis=1)).ravel()
    inter = (A @ B.T).tocoo()
    out = []
    for i, j, x in zip(inter.row, inter.col, inter.data):
        if right is None and i >= j:
            continue
        union = size_a[i] + size_b[j] - x
        jac = x / union if union else 0.0
        if jac >= threshold:
            out.append((int(i), int(j), float(jac)))
    return out
