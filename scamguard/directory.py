"""The directory of official numbers and domains per brand: the ground truth a "swap" is measured against.

The bundled file ``data/official_contacts.json`` records for every brand its names, official
numbers, official domains and where they were verified. Users extend it with their own file
(same JSON shape, or CSV with columns ``id,name,sector,aliases,numbers,domains,source`` where
list cells are separated by ``;``); a user entry with a known id adds to that brand, unless it
sets ``"replace": true``. Changes take effect at once: nothing here is baked into the model.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from .errors import DataFileError

__all__ = ["Brand", "Directory", "LinkLists", "digits_only"]

# Domain labels too generic to count as a brand keyword inside a foreign domain.
_GENERIC_LABELS = frozenset(
    "vip www mail bank pay app apps id service online china cn com web mobile m wap net my "
    "card help cs kf user login account secure shop store home".split()
)


def digits_only(number: str) -> str:
    return re.sub(r"\D", "", number)


@dataclass(frozen=True)
class Brand:
    """One organisation a message may claim to come from."""

    id: str
    """Stable ascii slug, e.g. ``"icbc"``."""
    name: str
    """Display name, e.g. ``"中国工商银行"``."""
    sector: str
    """bank, carrier, courier, ... (see the bundled file)."""
    aliases: tuple[str, ...]
    """Names a message may use for the brand (signature forms, abbreviations, English names)."""
    numbers: tuple[str, ...]
    """Official phone numbers, digits only."""
    domains: tuple[str, ...]
    """Official registrable domains (and the brand's own short-link domains)."""
    source: str = ""
    """Where the numbers and domains were verified."""
    note: str = ""
    signature_names: tuple[str, ...] = ()
    """Short names that identify the brand only as a 【signature】 (联通, 东航): in running text they
    are ordinary words (电信诈骗, 移动支付)."""

    def to_dict(self) -> dict:
        return {
            "id": self.id, "name": self.name, "sector": self.sector, "aliases": list(self.aliases),
            "numbers": list(self.numbers), "domains": list(self.domains), "source": self.source,
            "note": self.note, "signature_names": list(self.signature_names),
        }


def _split_cell(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in re.split(r"[;；|]", str(value)) if part.strip()]


def _brand_from_record(rec: dict, where: str) -> Brand:
    brand_id = str(rec.get("id") or "").strip()
    if not brand_id:
        raise DataFileError(f"{where}: every brand needs an 'id'")
    aliases = _split_cell(rec.get("aliases"))
    name = str(rec.get("name") or (aliases[0] if aliases else brand_id)).strip()
    numbers = []
    for n in _split_cell(rec.get("numbers")):
        digits = digits_only(n)
        if len(digits) < 3:
            raise DataFileError(f"{where}: brand {brand_id!r} has an unusable number {n!r}")
        numbers.append(digits)
    domains = [d.lower().strip().strip(".") for d in _split_cell(rec.get("domains"))]
    for d in domains:
        if "/" in d or " " in d or "." not in d:
            raise DataFileError(f"{where}: brand {brand_id!r} has an unusable domain {d!r}")
    return Brand(
        id=brand_id, name=name, sector=str(rec.get("sector") or "other"),
        aliases=tuple(dict.fromkeys([name, *aliases])), numbers=tuple(dict.fromkeys(numbers)),
        domains=tuple(dict.fromkeys(domains)), source=str(rec.get("source") or ""),
        note=str(rec.get("note") or ""), signature_names=tuple(_split_cell(rec.get("signature_names"))),
    )


def _read_records(path: Path) -> tuple[list[dict], str, tuple[str, ...]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(f"cannot read directory file {path}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataFileError(f"directory file {path} is not UTF-8 text") from None
    if path.suffix.lower() == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
        return rows, "", ()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(f"directory file {path} is not valid JSON: {exc}") from None
    if isinstance(data, list):
        return data, "", ()
    if not isinstance(data, dict) or not isinstance(data.get("brands"), list):
        raise DataFileError(f"directory file {path} needs a top-level 'brands' list")
    words = data.get("not_brand_words", [])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DataFileError(f"directory file {path}: 'not_brand_words' must be a list of strings")
    return data["brands"], str(data.get("version", "")), tuple(w.strip() for w in words if w.strip())


@dataclass(frozen=True)
class LinkLists:
    """Generic shorteners and throw-away TLDs (bundled ``data/link_lists.json``)."""

    shorteners: frozenset[str]
    risky_tlds: frozenset[str]
    version: str = ""
    well_known_sites: frozenset[str] = frozenset()
    """Genuine platforms outside the directory: never read as a look-alike of a brand."""

    @classmethod
    @lru_cache(maxsize=1)
    def bundled(cls) -> "LinkLists":
        data = json.loads(resources.files("scamguard").joinpath("data/link_lists.json").read_text("utf-8"))
        return cls(frozenset(data["shorteners"]), frozenset(data["risky_tlds"]), data.get("version", ""),
                   frozenset(data.get("well_known_sites", ())))


@dataclass(frozen=True)
class Directory:
    """Brands with their official contacts, and fast look-ups over them."""

    brands: tuple[Brand, ...]
    version: str = ""
    links: LinkLists = field(default_factory=LinkLists.bundled)
    not_brand_words: frozenset[str] = frozenset()
    """Words that contain a short brand name but are not it (施工行业 is not 工行, 南京东路 not 京东)."""

    # ----- construction -------------------------------------------------------------------
    @classmethod
    def bundled(cls) -> "Directory":
        return _bundled_directory()

    @classmethod
    def load(cls, *user_files: str | Path, include_bundled: bool = True) -> "Directory":
        """The bundled directory extended (or, with include_bundled=False, replaced) by user files."""
        base = _bundled_directory() if include_bundled else cls((), "")
        not_brand_words = set(base.not_brand_words)
        if not user_files:
            return base
        by_id = {b.id: b for b in base.brands}
        digest = hashlib.sha256()
        for f in user_files:
            path = Path(f)
            records, _, words = _read_records(path)
            not_brand_words.update(words)
            digest.update(path.read_bytes())
            for i, rec in enumerate(records):
                if not isinstance(rec, dict):
                    raise DataFileError(f"{path}: entry {i} is not an object")
                brand = _brand_from_record(rec, f"{path} entry {i}")
                old = by_id.get(brand.id)
                if old is not None and not rec.get("replace"):
                    brand = Brand(
                        id=old.id, name=old.name, sector=old.sector,
                        aliases=tuple(dict.fromkeys(old.aliases + brand.aliases)),
                        numbers=tuple(dict.fromkeys(old.numbers + brand.numbers)),
                        domains=tuple(dict.fromkeys(old.domains + brand.domains)),
                        source="; ".join(s for s in (old.source, brand.source) if s), note=old.note,
                        signature_names=tuple(dict.fromkeys(old.signature_names + brand.signature_names)),
                    )
                by_id[brand.id] = brand
        version = f"{base.version}+user.{digest.hexdigest()[:8]}"
        return cls(tuple(by_id.values()), version, base.links, frozenset(not_brand_words))

    def with_brand(self, brand: Brand) -> "Directory":
        """A copy with one more brand (e.g. the numbers and domains of a user's allow list)."""
        return Directory(self.brands + (brand,), self.version, self.links, self.not_brand_words)

    # ----- look-ups -----------------------------------------------------------------------
    def __getstate__(self) -> dict:
        # caches (segmenter, automaton, memo) are rebuilt in each worker process, not pickled
        return {k: v for k, v in self.__dict__.items() if k in ("brands", "version", "links", "not_brand_words")}

    @cached_property
    def memo(self) -> dict:
        """Per-directory cache for derived look-ups (e.g. look-alike checks of a domain)."""
        return {}

    @cached_property
    def by_id(self) -> dict[str, Brand]:
        return {b.id: b for b in self.brands}

    @cached_property
    def _number_index(self) -> dict[str, frozenset[str]]:
        return _index((n, b.id) for b in self.brands for n in b.numbers)

    @cached_property
    def _domain_index(self) -> dict[str, frozenset[str]]:
        return _index((d, b.id) for b in self.brands for d in b.domains)

    def brands_of_number(self, number: str) -> frozenset[str]:
        """Ids of the brands for which ``number`` (digits) is official."""
        return self._number_index.get(number, frozenset())

    def brands_of_host(self, host: str) -> frozenset[str]:
        """Ids of the brands that own ``host`` or one of its parent domains."""
        host = host.lower().strip(".")
        found: set[str] = set()
        parts = host.split(".")
        for i in range(len(parts) - 1):
            found |= self._domain_index.get(".".join(parts[i:]), frozenset())
        return frozenset(found)

    @cached_property
    def _alias_automaton(self):
        """Aho-Corasick automaton over lower-cased aliases: one pass finds every brand name."""
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for alias, ids in self._alias_to_brands.items():
            if len(alias) >= 2:
                automaton.add_word(alias, (alias, ids))
        for word in self.not_brand_words:
            # found like a name, so it wins the longest-match contest, then dropped for having no brand
            key = _alias_key(word)
            if key not in self._alias_to_brands:
                automaton.add_word(key, (key, frozenset()))
        if len(automaton):
            automaton.make_automaton()
        return automaton

    @cached_property
    def _alias_to_brands(self) -> dict[str, frozenset[str]]:
        return _index((_alias_key(a), b.id) for b in self.brands for a in b.aliases)

    @cached_property
    def _signature_to_brands(self) -> dict[str, frozenset[str]]:
        return _index((_alias_key(a), b.id) for b in self.brands for a in b.signature_names)

    def find_aliases(self, text: str) -> Iterable[tuple[int, int, frozenset[str]]]:
        """(start, end, brand ids) for each brand name in ``text``: longest match first, no overlaps;
        an ascii name only as a whole word (OPPO, not OPPOSITE)."""
        automaton = self._alias_automaton
        if not len(automaton):
            return []
        lowered = text.lower()
        if len(lowered) != len(text):  # a rare character whose lower case is longer
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        found = []
        for end_index, (alias, ids) in automaton.iter(lowered):
            start, end = end_index - len(alias) + 1, end_index + 1
            if alias.isascii() and ((start > 0 and lowered[start - 1].isascii() and lowered[start - 1].isalpha())
                                    or (end < len(lowered) and lowered[end].isascii() and lowered[end].isalpha())):
                continue
            found.append((start, end, ids))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        result, last_end = [], -1
        for start, end, ids in found:
            if start >= last_end:
                result.append((start, end, ids))
                last_end = end
        return [r for r in result if r[2]]

    def remembered(self, key, compute):
        """``memo[key]``, computed with ``compute()`` on first use; the memo is emptied when it
        grows past 100,000 entries."""
        found = self.memo.get(key)
        if found is None:
            if len(self.memo) > 100_000:
                self.memo.clear()
            found = self.memo[key] = compute()
        return found

    def brands_of_name(self, name: str) -> frozenset[str]:
        """Brand ids for a signature such as "工商银行" or "中国工商银行信用卡中心" (remembered:
        the same signatures come back in message after message)."""
        return self.remembered(("name", name), lambda: self._brands_of_name(name))

    def _brands_of_name(self, name: str) -> frozenset[str]:
        ids = self._alias_to_brands.get(_alias_key(name)) or self._signature_to_brands.get(_alias_key(name))
        if ids:
            return ids
        best: tuple[int, frozenset[str]] = (0, frozenset())
        for start, end, found in self.find_aliases(name):
            if end - start > best[0]:
                best = (end - start, found)
        return best[1]

    @cached_property
    def domain_keywords(self) -> dict[str, frozenset[str]]:
        """Ascii keyword -> brand ids, for spotting a brand inside someone else's domain."""
        def words(b: Brand) -> set[str]:
            found = {d.split(".")[0] for d in b.domains}
            found |= {re.sub(r"[^a-z0-9]", "", a.lower()) for a in b.aliases if a.isascii()}
            return {w for w in found if len(w) >= 2 and w not in _GENERIC_LABELS}

        return _index((w, b.id) for b in self.brands for w in words(b))

    @cached_property
    def official_domain_labels(self) -> dict[str, frozenset[str]]:
        """First label of every official domain (``icbc`` for icbc.com.cn) -> brand ids."""
        return _index((d.split(".")[0], b.id) for b in self.brands for d in b.domains)

    def describe_numbers(self, brand_id: str, limit: int = 3) -> str:
        brand = self.by_id.get(brand_id)
        if brand is None or not brand.numbers:
            return ""
        return "、".join(brand.numbers[:limit])

    def describe_domains(self, brand_id: str, limit: int = 3) -> str:
        brand = self.by_id.get(brand_id)
        if brand is None or not brand.domains:
            return ""
        return "、".join(brand.domains[:limit])


def _index(pairs: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """key -> the brand ids that have it."""
    index: dict[str, set[str]] = {}
    for key, brand_id in pairs:
        index.setdefault(key, set()).add(brand_id)
    return {k: frozenset(v) for k, v in index.items()}


def _alias_key(alias: str) -> str:
    return re.sub(r"\s+", "", alias).lower()


@lru_cache(maxsize=1)
def _bundled_directory() -> Directory:
    """Read once per process; the result is immutable, so sharing it is safe."""
    ref = resources.files("scamguard").joinpath("data/official_contacts.json")
    data = json.loads(ref.read_text("utf-8"))
    brands = tuple(_brand_from_record(r, f"official_contacts.json entry {i}") for i, r in enumerate(data["brands"]))
    return Directory(brands, str(data.get("version", "")), LinkLists.bundled(), frozenset(data.get("not_brand_words", ())))
