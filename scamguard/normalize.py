"""Undo the disguises scammers put on text, while remembering where each character came from.

Scam senders defeat keyword filters with full-width letters, traditional characters, zero-width
characters, padding between characters (【工 商 银 行】), Cyrillic letters in domains (aррle),
phone numbers in Chinese numerals (壹叁捌…) and app names such as "V信". Every later stage works on
the normalised text; ``Normalized.original_span`` maps a span back so that a reason can quote what
the user actually received.

Pure functions, no I/O.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Normalized", "normalize", "HOMOGLYPHS"]

# Characters that render as nothing and are used to split keywords.
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u206a\u206b\u206c\u206d\u206e\u206f\u3164\ufeff\uffa0"
)

# Letters from other scripts that look like Latin ones (Unicode confusables, Latin targets only).
HOMOGLYPHS = {
    # Cyrillic
    "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "һ": "h", "і": "i", "ј": "j", "к": "k",
    "м": "m", "н": "h", "о": "o", "р": "p", "ԛ": "q", "ѕ": "s", "т": "t", "у": "y", "х": "x",
    "ԝ": "w", "ь": "b", "ӏ": "l", "ɡ": "g", "ո": "n", "ս": "u", "ց": "g", "օ": "o",
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K", "М": "M",
    "О": "O", "Р": "P", "Ѕ": "S", "Т": "T", "Х": "X", "Ү": "Y", "Ԝ": "W",
    # Greek
    "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # Latin look-alikes outside ASCII that NFKC keeps
    "ı": "i", "ȷ": "j", "ǀ": "l", "ⅼ": "l",
}

# One-to-one replacements applied with str.translate (cheap; offsets unchanged).
_TRANSLATE = {ord(c): None for c in _INVISIBLE}
_TRANSLATE.update({ord(k): v for k, v in HOMOGLYPHS.items()})
_TRANSLATE.update({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)})  # full-width ASCII
_TRANSLATE[0x3000] = " "  # ideographic space
for _c in "\t\r\n\x0b\x0c\u00a0\u2028\u2029":
    _TRANSLATE[ord(_c)] = " "
for _c in range(0x20):  # remaining control characters: binary junk carries no meaning
    _TRANSLATE.setdefault(_c, None)
_TRANSLATE[0x7F] = None

# Variant characters that OpenCC leaves as they are but scam vocabulary writes one way (帐户 -> 账户).
_VARIANTS = {"帐": "账"}

_CN_DIGITS = {
    "零": "0", "〇": "0", "○": "0",
    "一": "1", "壹": "1", "幺": "1", "⼀": "1",
    "二": "2", "贰": "2", "貳": "2", "两": "2", "兩": "2",
    "三": "3", "叁": "3", "參": "3",
    "四": "4", "肆": "4",
    "五": "5", "伍": "5",
    "六": "6", "陆": "6", "陸": "6",
    "七": "7", "柒": "7",
    "八": "8", "捌": "8",
    "九": "9", "玖": "9",
}
_CN_DIGIT_CHARS = "".join(k for k in _CN_DIGITS if not k.isascii())
# A run of at least 5 digits of which some are written in Chinese: a disguised phone/QQ number.
_CN_NUMBER = re.compile(
    rf"(?:[0-9{_CN_DIGIT_CHARS}][\s\-]?){{4,}}[0-9{_CN_DIGIT_CHARS}]"
)

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Spaces between two Chinese characters carry no meaning in Chinese text.
_HAN_GAP = re.compile(rf"(?<=[{_HAN}】【])\s+(?=[{_HAN}【】])")
# Padding symbols repeated between Chinese characters: 工*商*银*行, 公-安-局
_PAD = r"[\*\-_·•\.\|/~^＊#+]"
_HAN_PADDED = re.compile(rf"[{_HAN}](?:{_PAD}[{_HAN}]){{2,}}")
_PAD_CHAR = re.compile(_PAD)
# A star between two Chinese characters splits a short name (【南*航】); in masked names (王*明) it
# hides nothing a filter needs.
_HAN_STAR = re.compile(rf"(?<=[{_HAN}])[\*＊](?=[{_HAN}])")

# Every character spaced out ("4 0 0 8 - 0 1 5", "a p p l e . c o m"): a run of single characters
# separated by single spaces is one word written to dodge filters.
_SPACED_RUN = re.compile(r"(?<!\S)(?:\S[ ]){4,}\S(?!\S)")
_SPACE = re.compile(r" ")
# A whole message spaced out ("请 登 录   a p p l e . c o m", or spaced twice over): the usual gap
# between characters is padding, and only a wider gap is where the writer's own space was.
_GAP = re.compile(r"(?<=\S) +(?=\S)")


def _padding_width(text: str) -> int:
    """The usual gap width if nearly every character is followed by one, else 0."""
    widths = [m.end() - m.start() for m in _GAP.finditer(text)]
    visible = len(text) - text.count(" ") - text.count("\n")
    if visible < 6 or len(widths) < 0.6 * visible:
        return 0
    return Counter(widths).most_common(1)[0][0]


# Contact-app disguises -> the app's real name.
# Forms ending in 信 may have the ID glued on ("V信zhang-jing09"); letter forms (vx, 微X) may not,
# or "vxyz" would become 微信yz.
_WECHAT_DISGUISE = re.compile(
    r"(?<![A-Za-z])(?:(?:[Vv][Xx]|[Ww][Xx]|微\s?[Xx])(?![A-Za-z])|[VvWw]\s?信|[薇威维徽嶶]\s?信)"
)
_ADD_V = re.compile(r"(?<=[加添\+➕])\s?[Vv](?![A-Za-z信])")
_QQ_DISGUISE = re.compile(r"扣\s?扣|[Qq]\s[Qq]|企鹅号")

# "apple-id点com", "icbc。top": dots spelled out inside links.
_DOT_SPELLINGS = r"。|点|\[\.\]|\(\.\)|\[dot\]|\(dot\)|\s\.\s"
_SPELLED_DOT = re.compile(
    rf"(?<=[A-Za-z0-9])(?:\s?(?:{_DOT_SPELLINGS})\s?)(?=(?:[A-Za-z0-9-]+(?:\.|。|点))*"
    r"(?:com|cn|net|org|top|xyz|vip|cc|icu|club|shop|site|online|info|me|io|co|hk|tw|work|ltd|link|live|fun|pro|app|asia|tk|pw|ren|wang|biz|mobi)\b)",
    re.IGNORECASE,
)
# "45(.)77(.)12(.)9", "45。77。12。9": an IP address with its dots spelled out.
_SPELLED_IP = re.compile(rf"(?<![\d.])\d{{1,3}}(?:\s?(?:{_DOT_SPELLINGS})\s?\d{{1,3}}){{3}}(?![\d.])", re.IGNORECASE)
_IP_DOT = re.compile(rf"\s?(?:{_DOT_SPELLINGS})\s?", re.IGNORECASE)

_NEEDS_REGEX = re.compile(
    rf"(?<!\S)\S \S \S |[{_HAN}】]\s|[{_HAN}]{_PAD}[{_HAN}]|[{_CN_DIGIT_CHARS}]|[VvWw]\s?信|[VvWw][Xx]|[微薇威维徽嶶]\s?[信Xx]|[加添\+➕]\s?[Vv]|扣|[Qq]\s[Qq]|企鹅|。|点|\[\.\]|\(\.\)|dot|\s\.\s",
)


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus the way back to the original."""

    text: str
    """The normalised text that extraction, rules and the model read."""
    original: str
    """The text as received."""
    offsets: tuple[int, ...] | None = None
    """offsets[i] is the index in ``original`` of normalised character i; None = same positions."""

    def original_span(self, start: int, end: int) -> str:
        """The original characters behind ``text[start:end]`` (for quoting evidence)."""
        if self.offsets is None:
            return self.original[start:end]
        if start >= end or not self.offsets:
            return ""
        end = min(end, len(self.offsets))
        first = self.offsets[start]
        last = self.offsets[end - 1]
        return self.original[first:last + 1]


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _nfkc_with_offsets(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    out: list[str] = []
    new_offsets: list[int] = []
    for ch, off in zip(text, offsets):
        norm = unicodedata.normalize("NFKC", ch)
        out.append(norm)
        new_offsets.extend([off] * len(norm))
    return "".join(out), new_offsets


def _sub(pattern: re.Pattern, repl, text: str, offsets: list[int] | None) -> tuple[str, list[int] | None]:
    """re.sub that keeps the offset map: replacement characters inherit the match's offsets.
    ``offsets=None`` means "same positions as the original"; it is returned as is when nothing changed."""
    out: list[str] = []
    new_offsets: list[int] = []
    pos = 0
    changed = False
    for m in pattern.finditer(text):
        replacement = repl(m) if callable(repl) else repl
        if replacement == m.group(0):
            continue
        if offsets is None:
            offsets = list(range(len(text)))
        changed = True
        out.append(text[pos:m.start()])
        new_offsets.extend(offsets[pos:m.start()])
        span_offsets = offsets[m.start():m.end()] or [offsets[m.start() - 1] if m.start() else 0]
        for i in range(len(replacement)):
            # spread the replacement over the matched characters, proportionally
            j = min(len(span_offsets) - 1, i * len(span_offsets) // max(1, len(replacement)))
            new_offsets.append(span_offsets[j])
        out.append(replacement)
        pos = m.end()
    if not changed:
        return text, offsets
    out.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    return "".join(out), new_offsets


def _cn_number(m: re.Match) -> str:
    run = m.group(0)
    if not any(c in _CN_DIGIT_CHARS for c in run):
        return run
    digits = [c for c in run if not c.isspace() and c != "-"]
    return "".join(_CN_DIGITS.get(c, c) for c in digits)


def _unpad(m: re.Match) -> str:
    return _PAD_CHAR.sub("", m.group(0))


_DOT_SPELLING_CHAR = re.compile(r"[。点\[\(\s]")  # every spelling of a dot above holds one of these


def _any_of(chars: str) -> re.Pattern:
    return re.compile(f"[{re.escape(chars)}]")


# The rewrites, in order: (pattern, replacement, triggers). A rewrite can only change the text when
# every trigger (a character class) occurs in it, so the pattern itself runs only then: most
# messages need none of them, and a character class is far cheaper to look for than the pattern.
_REWRITES: tuple[tuple[re.Pattern, object, tuple[re.Pattern, ...]], ...] = (
    (_SPACED_RUN, lambda m: _SPACE.sub("", m.group(0)), (_any_of(" "),)),
    (_HAN_PADDED, _unpad, (_PAD_CHAR,)),
    (_HAN_STAR, "", (_any_of("*＊"),)),
    (_HAN_GAP, "", (re.compile(r"\s"),)),
    (_WECHAT_DISGUISE, "微信", (_any_of("VvWw微薇威维徽嶶"), _any_of("Xx信"))),
    (_ADD_V, "微信", (_any_of("Vv"), _any_of("加添+➕"))),
    (_QQ_DISGUISE, "QQ", (_any_of("扣Qq企"),)),
    (_SPELLED_DOT, ".", (_DOT_SPELLING_CHAR,)),
    (_SPELLED_IP, lambda m: _IP_DOT.sub(".", m.group(0)), (_DOT_SPELLING_CHAR, re.compile(r"\d"))),
    (_CN_NUMBER, _cn_number, (_any_of(_CN_DIGIT_CHARS),)),
)


def _undisguise(s: str, offsets: list[int] | None) -> tuple[str, list[int] | None]:
    """Apply the rewrites whose trigger characters are all present, keeping the offset map."""
    if " " in s:
        padding = _padding_width(s)
        if padding:
            s, offsets = _sub(_GAP, lambda m: "" if len(m.group(0)) <= padding else " ", s, offsets)
    for pattern, repl, triggers in _REWRITES:
        for trigger in triggers:
            if not trigger.search(s):
                break
        else:
            s, offsets = _sub(pattern, repl, s, offsets)
    return s, offsets


def normalize(text: str) -> Normalized:
    """Normalise ``text`` (a str) for matching; see the module docstring for what is undone."""
    if not isinstance(text, str):
        raise TypeError(f"normalize() takes a str, got {type(text).__name__}")
    original = text
    s = text.translate(_TRANSLATE)
    offsets: list[int] | None = None
    if len(s) != len(original):  # invisible characters were dropped: rebuild the position map
        offsets = [i for i, c in enumerate(original) if _TRANSLATE.get(ord(c), c) is not None]
    if not unicodedata.is_normalized("NFKC", s):
        s, offsets = _nfkc_with_offsets(s, offsets if offsets is not None else list(range(len(s))))
    if not s.isascii():
        simplified = _t2s().convert(s)
        for variant, standard in _VARIANTS.items():  # str.replace: far cheaper than translate for a few characters
            simplified = simplified.replace(variant, standard)
        if len(simplified) == len(s):
            s = simplified
        else:  # phrase conversion changed the length: fall back to character by character
            s = "".join(_t2s().convert(c) if len(_t2s().convert(c)) == 1 else c for c in s)
    if _NEEDS_REGEX.search(s):
        before = s
        s, rewritten = _undisguise(s, offsets)
        if s != before:
            offsets = rewritten
    return Normalized(s, original, tuple(offsets) if offsets is not None else None)
