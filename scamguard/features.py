"""Turn one analysed message into the named features the linear model reads.

Training and scoring call the same ``message_features`` so they can never drift apart.
Entities are replaced by typed placeholders before tokenising: the model should learn that
"an unofficial 400 number" is suspicious, not that 4008015726 is.

Feature names (stable, they are the vocabulary of a saved model):
  ``w:<word>``   jieba word (custom dictionary of brands and scam terms)
  ``c:<ngram>``  character 2- and 3-grams of Chinese text
  ``r:<rule>``   rule hit (value = hit strength)
  ``e:<kind>``   entity kinds present (phone kinds, link kinds, chat accounts, signature)
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from itertools import chain
from importlib import resources
from typing import Iterable

from .directory import Directory
from .extract import Entities
from .rules import Hit, Rule, lookalike_brands

__all__ = ["message_features", "placeholder_text", "Segmenter", "TEXT_PREFIXES"]

TEXT_PREFIXES = ("w:", "c:")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_DIGITS = re.compile(r"\d+")
_KEEP_TOKEN = re.compile(r"[\w\u3400-\u9fff]")
# jieba's own block pattern (jieba.re_han_default): it never joins words across other characters.
_JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+")


class Segmenter:
    """A private jieba tokenizer with scamguard's dictionary (the global jieba stays untouched)."""

    def __init__(self, extra_words: Iterable[str] = ()):
        import jieba

        logging.getLogger("jieba").setLevel(logging.WARNING)
        self._tokenizer = jieba.Tokenizer()
        _initialize_quickly(self._tokenizer)
        words = resources.files("scamguard").joinpath("data/user_words.txt").read_text("utf-8").split()
        for w in [*words, *extra_words]:
            if len(w) >= 2:
                self._tokenizer.add_word(w, freq=20000)
        self._cut_block = lru_cache(maxsize=200_000)(self._cut_block_uncached)

    def _cut_block_uncached(self, block: str) -> tuple[str, ...]:
        return tuple(t for t in self._tokenizer.cut(block, HMM=False) if _KEEP_TOKEN.search(t))

    def cut(self, text: str) -> list[str]:
        """Words of ``text``. jieba segments each run of Chinese/alphanumeric characters on its own,
        so cutting run by run gives the same words; caching runs makes repeated clauses
        (signatures, "回T退订", "如非本人操作…") free, which is most of a real export."""
        words: list[str] = []
        for block in _JIEBA_BLOCK.findall(text):
            words.extend(self._cut_block(block))
        return words


def _initialize_quickly(tokenizer) -> None:
    """Load the default dictionary from jieba's own cache file, read in one piece: jieba unmarshals
    it straight from the open file, which takes three times as long (about 0.8 s against 0.25 s,
    paid again by every worker process). Anything unusual is left to jieba's own initialize()."""
    import marshal
    import os
    import tempfile

    import jieba

    if tokenizer.dictionary == jieba.DEFAULT_DICT and not tokenizer.cache_file and not tokenizer.initialized:
        try:
            with open(os.path.join(tokenizer.tmp_dir or tempfile.gettempdir(), "jieba.cache"), "rb") as f:
                freq, total = marshal.loads(f.read())
        except (OSError, EOFError, ValueError, TypeError):
            pass
        else:
            if isinstance(freq, dict) and isinstance(total, int):
                tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    tokenizer.check_initialized()


@lru_cache(maxsize=8)
def _segmenter_for(words: tuple[str, ...]) -> Segmenter:
    return Segmenter(words)


def segmenter(directory: Directory) -> Segmenter:
    """One segmenter per set of brand names, built on first use (jieba takes ~1 s to load)."""
    seg = directory.memo.get("segmenter")
    if seg is None:
        words = tuple(sorted({a for b in directory.brands for a in b.aliases if not a.isascii()}))
        seg = directory.memo["segmenter"] = _segmenter_for(words)
    return seg


# Registered only by Chinese government bodies and schools, so a stranger cannot buy one.
_INSTITUTION_SUFFIXES = frozenset({"gov.cn", "edu.cn"})


def _link_kind(link, directory: Directory) -> str:
    if link.is_ip:
        return "urlip"
    if not link.homoglyph and directory.brands_of_host(link.host):
        return "urlofficial"
    if lookalike_brands(link, directory)[0]:
        return "urllookalike"
    if link.domain in directory.links.shorteners:
        return "urlshort"
    if link.suffix.rsplit(".", 1)[-1] in directory.links.risky_tlds:
        return "urlriskytld"
    if link.suffix in _INSTITUTION_SUFFIXES:
        return "urlinstitution"
    return "urlother"


def placeholder_text(e: Entities, directory: Directory) -> tuple[str, list[str]]:
    """The normalised text with entities replaced by typed placeholders, and the placeholder kinds."""
    text = e.text.text
    spans: list[tuple[int, int, str]] = []
    for p in e.phones:
        official = "official" if directory.brands_of_number(p.number) else ""
        spans.append((p.start, p.end, f"ph{p.kind.replace('_', '')}{official}"))
    for link in e.links:
        spans.append((link.start, link.end, _link_kind(link, directory)))
    for c in e.contacts:
        spans.append((c.start, c.end, f"id{c.app}"))
    spans.sort()
    out, kinds, pos = [], [], 0
    for start, end, kind in spans:
        if start < pos:
            continue  # overlapping entities: keep the first
        out.append(text[pos:start])
        out.append(f" {kind} ")
        kinds.append(kind)
        pos = end
    out.append(text[pos:])
    return _DIGITS.sub("0", "".join(out).lower()), kinds


@lru_cache(maxsize=50_000)
def _char_ngrams(run: str) -> tuple[str, ...]:
    """``c:`` features of one run of Chinese characters: its 2-grams, then its 3-grams. Cached:
    runs are clauses, and the same clauses recur across messages (an entry takes about 1 KB, so
    the cache stays under ~60 MB per process however varied the export)."""
    return tuple(["c:" + run[i:i + 2] for i in range(len(run) - 1)] + ["c:" + run[i:i + 3] for i in range(len(run) - 2)])


def message_features(
    e: Entities, hits: list[tuple[Rule, Hit]], directory: Directory, seg: Segmenter | None = None
) -> dict[str, float]:
    """Named feature values for one message (see the module docstring)."""
    seg = seg or segmenter(directory)
    text, kinds = placeholder_text(e, directory)
    words = ["w:" + tok.strip() for tok in seg.cut(text)]
    feats: dict[str, float] = dict.fromkeys(chain(words, *map(_char_ngrams, _HAN_RUN.findall(text))), 1.0)
    for kind in kinds:
        feats["e:" + kind] = 1.0
    if e.signature is not None:
        feats["e:signature" if e.signature.brand_ids else "e:signature_unknown"] = 1.0
    if e.claimed_brand_ids:
        feats["e:brand_claim"] = 1.0
    if e.codes:
        feats["e:code"] = 1.0
    for r, hit in hits:
        key = "r:" + r.id
        feats[key] = max(feats.get(key, 0.0), hit.strength)
    return feats
