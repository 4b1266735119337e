"""Pull out what a scam needs to work: where it sends the victim (numbers, links, contact IDs)
and whom it pretends to be (brand claims).

Works on ``Normalized`` text; every entity keeps its span and the original characters so that
reasons can quote exactly what the user received. All patterns are linear-time (no nested
quantifiers over the same characters), checked by the hypothesis fuzz tests.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .directory import Directory
from .normalize import HOMOGLYPHS, Normalized

__all__ = [
    "Phone", "Link", "ContactId", "BrandClaim", "Sender", "Entities",
    "extract", "classify_number", "parse_sender", "PHONE_KINDS",
]

PHONE_KINDS = {
    "mobile": "手机号",
    "service_400": "400/800 客服号",
    "service_95": "95/96 短号",
    "carrier": "运营商短号",
    "public_12": "12 开头政务热线",
    "gateway_106": "106 短信通道号",
    "landline": "固定电话",
    "international": "境外号码",
    "emergency": "紧急电话",
}


def classify_number(digits: str) -> str | None:
    """The kind of a phone number given as digits (country prefix allowed), or None."""
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13 and digits[2] == "1":
        digits = digits[2:]
    n = len(digits)
    if n < 3:
        return None
    if n == 11 and digits[0] == "1" and digits[1] in "3456789":
        return "mobile"
    if n == 10 and digits[:3] in ("400", "800"):
        return "service_400"
    if digits.startswith("106") and 8 <= n <= 21:
        return "gateway_106"
    if digits[:2] in ("95", "96") and (n == 5 or n == 8 or (n == 6 and digits[2] in "01")):
        return "service_95"
    if n == 5 and digits.startswith("10"):
        return "carrier"
    if n == 5 and digits[:2] in ("11", "12"):
        return "public_12"
    if digits in ("110", "119", "120", "122"):
        return "emergency"
    if digits.startswith("00") and n >= 8:
        return "international"
    if digits[0] == "0" and 10 <= n <= 12 and digits[1] != "0":
        return "landline"
    return None


def domestic_number(digits: str) -> str:
    if digits.startswith("0086"):
        return digits[4:]
    if digits.startswith("86") and len(digits) == 13:
        return digits[2:]
    return digits


@dataclass(frozen=True)
class Phone:
    """A phone number in the message."""

    number: str
    """Digits, without +86 for domestic numbers (international keep their country code)."""
    kind: str
    """One of PHONE_KINDS."""
    text: str
    """As written in the normalised text."""
    original: str
    """As written in the original message."""
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"type": "phone", "value": self.number, "kind": self.kind, "original": self.original}


@dataclass(frozen=True)
class Link:
    """A URL or bare domain."""

    url: str
    """As written (normalised)."""
    host: str
    """Lower-case host, punycode decoded."""
    domain: str
    """Registrable domain (public-suffix aware), or the IP address."""
    suffix: str
    """Public suffix, e.g. ``com.cn``; empty for IP literals."""
    is_ip: bool
    homoglyph: bool
    """The host used letters from other scripts (Cyrillic, Greek, punycode) to look like Latin."""
    skeleton: str
    """Host with look-alike characters replaced by the letters they imitate."""
    original: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"type": "link", "value": self.url, "domain": self.domain, "original": self.original}


@dataclass(frozen=True)
class ContactId:
    """An account on a chat app, an e-mail address, or a meeting room number."""

    app: str
    """wechat, qq, telegram, email, meeting."""
    value: str
    original: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"type": "contact", "app": self.app, "value": self.value, "original": self.original}


@dataclass(frozen=True)
class BrandClaim:
    """The message presents itself as coming from, or acting for, a brand."""

    brand_ids: frozenset[str]
    """Directory ids; empty for a signature naming an organisation the directory does not know."""
    name: str
    """The name as written (normalised)."""
    how: str
    """``signature`` (a 【签名】 at the start or end) or ``mention`` (the name in the text)."""
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"type": "brand", "value": self.name, "brand_ids": sorted(self.brand_ids), "how": self.how}


@dataclass(frozen=True)
class Sender:
    """Who sent the message, when the caller knows."""

    raw: str
    number: str | None
    """Digits when the sender is a number."""
    kind: str | None
    """PHONE_KINDS key for numbers, ``name`` for an alphanumeric sender, None when unknown."""

    def to_dict(self) -> dict:
        return {"type": "sender", "value": self.raw, "kind": self.kind}


@dataclass(frozen=True)
class Entities:
    """Everything extracted from one message."""

    text: Normalized
    phones: tuple[Phone, ...] = ()
    links: tuple[Link, ...] = ()
    contacts: tuple[ContactId, ...] = ()
    brands: tuple[BrandClaim, ...] = ()
    codes: tuple[str, ...] = ()
    """One-time codes delivered in the message (验证码 123456)."""
    sender: Sender | None = None
    _claimed: frozenset[str] = field(default=frozenset(), repr=False)

    @property
    def claimed_brand_ids(self) -> frozenset[str]:
        """Every directory brand the message claims, by signature or by name."""
        return self._claimed

    @property
    def signature(self) -> BrandClaim | None:
        """The 【签名】 claim, if the message has one. (Not a cached_property: on 3.11 its first
        access takes a lock, which costs more than this short scan of a few claims.)"""
        for b in self.brands:
            if b.how == "signature":
                return b
        return None

    def to_list(self) -> list[dict]:
        items: list[dict] = []
        for group in (self.brands, self.phones, self.links, self.contacts):
            items.extend(e.to_dict() for e in group)
        if self.sender is not None:
            items.append(self.sender.to_dict())
        return items


# --------------------------------------------------------------------------------------------
# patterns
_SEP = r"[ \-]?"
_PHONE_RE = re.compile(
    r"(?<![0-9A-Za-z_/=.·])(?<!\d,)"  # "·": licence plates (辽B·96592)
    r"(?:"
    r"(?:\+|00)\s?\d{1,3}[ \-]?(?:\(0\))?\d(?:[ \-]?\d){5,12}"  # international / +86
    r"|\(0\d{2,3}\)\s?\d{3,4}[ \-]?\d{4}"  # (021) 1234 5678
    r"|\d(?:[ \-]?\d){2,20}"  # any digit run with single separators; classified below
    r")"
    r"(?![0-9A-Za-z_])"
)
_NON_DIGIT = re.compile(r"\D")
_MONEY_AFTER = re.compile(r"\s?(?:元|块|万|千|百|%|个|次|天|年|月|日|号|期|分|秒|小时|GB|MB|G\b|M\b|积分|人|位|倍|\.\d|,\d)")
_CODE_BEFORE = re.compile(r"(?:验证码|校验码|动态码|动态密码|确认码|取件码|提货码|code|Code|CODE|编号|单号|订单号?|尾号|密码|会议号|ID)\D{0,4}$")
_EMERGENCY_BEFORE = re.compile(r"(?:拨打|致电|电话|报警|打|call)\s?$")

_URL_CHARS = r"[A-Za-z0-9\-._~:/?#@!$&*+=%]"
_URL_RE = re.compile(
    rf"(?:(?:https?|hxxps?)://|www\.){_URL_CHARS}+"
    rf"|(?<![\d.])\d{{1,3}}(?:\.\d{{1,3}}){{3}}(?![\d.])(?::\d{{2,5}})?(?:/{_URL_CHARS}*)?"  # bare IP link
    r"|(?<![A-Za-z0-9@.\-_])(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+(?:xn--[A-Za-z0-9\-]{1,59}|[A-Za-z]{2,24})"
    rf"(?![A-Za-z0-9\-])(?::\d{{2,5}})?(?:/{_URL_CHARS}*)?",
    re.IGNORECASE,
)
_IP_HOST = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_LINK_VERB = re.compile(r"(?:访问|登录|登陆|打开|点击|点开|进入|网址|链接|网站|地址|浏览器)\D{0,3}$")
_BARE_TLDS = frozenset(
    "com cn net org cc top xyz vip icu club shop site online info biz me io co tv hk mo tw app link live "
    "fun work ltd pro asia ren wang tk pw ml ga cf gq cyou sbs buzz cfd bond rest ly gl gd im so la".split()
)
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]{1,64}@(?:[A-Za-z0-9\-]{1,63}\.){1,8}[A-Za-z]{2,24}")
# (app, hints, pattern): a pattern can only match where one of its hints occurs in the lower-cased
# text (ascii hints avoid i, s and k, the letters IGNORECASE also matches with non-ascii characters),
# so it runs only then: most messages name no chat app at all.
_CONTACT_RES = (
    ("wechat", ("微信", "we"), re.compile(r"(?:企业微信|微信|wechat|weixin)(?:号|号码|账号|id)?\s?[:是为]?\s?(?P<id>[A-Za-z][A-Za-z0-9_\-]{5,19}|1[3-9]\d{9})(?![A-Za-z0-9_])", re.IGNORECASE)),
    ("qq", ("qq",), re.compile(r"(?<![A-Za-z])QQ(?:号|号码|群|群号)?\s?[:是为]?\s?(?P<id>[1-9]\d{4,11})(?!\d)", re.IGNORECASE)),
    ("telegram", ("飞机", "tg", "telegram"), re.compile(r"(?:telegram|纸飞机|飞机号|(?<![A-Za-z])tg)(?:号|群|账号|id)?\s?[:是为]?\s?@?(?P<id>[A-Za-z][A-Za-z0-9_]{4,31})", re.IGNORECASE)),
    ("meeting", ("会议", "zoom"), re.compile(r"(?:腾讯会议|会议号|会议ID|会议室号|钉钉会议|zoom|飞书会议)[^0-9\n]{0,8}(?P<id>\d{3}[ \-]?\d{3}[ \-]?\d{3,4})(?!\d)", re.IGNORECASE)),
)
_SIGNATURE_START = re.compile(r"^\s*[【\[]([^】\]\n]{1,24})[】\]]")
_SIGNATURE_END = re.compile(r"[【\[]([^】\]\n]{1,24})[】\]]\s*$")
_CODE_RE = re.compile(r"(?:验证码|校验码|动态码|动态密码|确认码|code)\D{0,6}?(\d{4,8})(?!\d)", re.IGNORECASE)

_SKELETON = str.maketrans({**{k: v.lower() for k, v in HOMOGLYPHS.items()}, "0": "o", "1": "l", "3": "e", "5": "s", "$": "s", "@": "a"})


@lru_cache(maxsize=1)
def _tld_extractor():
    import tldextract

    # suffix_list_urls=() and cache_dir=None: use the snapshot bundled with tldextract, never download.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _decode_host(host: str) -> str:
    if "xn--" not in host:
        return host
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                label = label[4:].encode("ascii").decode("punycode")
            except (UnicodeError, ValueError):
                pass
        labels.append(label)
    return ".".join(labels)


def skeleton(host: str) -> str:
    """What a host looks like to a hurried reader: homoglyphs, 0/1/3/5, rn and vv folded."""
    return host.lower().translate(_SKELETON).replace("rn", "m").replace("vv", "w")


def _phones(norm: Normalized) -> list[Phone]:
    text = norm.text
    found: list[Phone] = []
    for m in _PHONE_RE.finditer(text):
        surface = m.group(0).rstrip(" -")
        digits = _NON_DIGIT.sub("", surface)
        if len(digits) >= 8 and (surface.startswith("+") or (digits.startswith("00") and not digits.startswith("0086"))):
            if not digits.lstrip("0").startswith("86"):
                found.append(Phone(digits.lstrip("0"), "international", surface, norm.original_span(m.start(), m.end()), m.start(), m.start() + len(surface)))
                continue
            digits = "0086" + digits.lstrip("0")[2:]
        kind = classify_number(digits)
        if kind is None and (" " in surface or "-" in surface):
            # separators may have glued two numbers together: keep the first one that is a number
            first = re.split(r"[ ]", surface)[0]
            digits = _NON_DIGIT.sub("", first)
            kind = classify_number(digits)
            surface = first
        if kind is None:
            continue
        start = m.start()
        end = start + len(surface)
        before = text[max(0, start - 12):start]
        if kind in ("service_95", "carrier", "public_12") and (_MONEY_AFTER.match(text, end) or _CODE_BEFORE.search(before)):
            continue
        if kind == "emergency" and not _EMERGENCY_BEFORE.search(before):
            continue
        if kind in ("mobile", "landline", "service_400") and _MONEY_AFTER.match(text, end) and "." not in surface:
            if _MONEY_AFTER.match(text, end).group(0).strip() in ("元", "块", "万"):
                continue
        if kind == "mobile" and _CODE_BEFORE.search(before) and not re.search(r"(?:电话|手机|联系|致电|拨打)", before):
            continue
        number = digits if kind == "international" else domestic_number(digits)
        found.append(Phone(number, kind, surface, norm.original_span(start, end), start, end))
    return found


def _links(norm: Normalized) -> list[Link]:
    text = norm.text
    found: list[Link] = []
    if "." not in text and "://" not in text:
        return found  # every form of link holds one or the other
    for m in _URL_RE.finditer(text):
        url = m.group(0).rstrip(".:/?#!&*+=-_~")
        if not url:
            continue
        if "@" in url.split("/")[0] and "://" not in url:
            continue  # an e-mail address
        has_scheme = "://" in url
        rest = url.split("://", 1)[1] if has_scheme else url
        host = re.split(r"[/?#]", rest, maxsplit=1)[0].split("@")[-1]
        host = host.rsplit(":", 1)[0] if re.search(r":\d+$", host) else host
        host = host.lower().strip(".")
        if not host:
            continue
        start, end = m.start(), m.start() + len(url)
        original = norm.original_span(start, end)
        if _IP_HOST.match(host):
            if not has_scheme and not _is_bare_ip_link(url, text[max(0, m.start() - 8):m.start()]):
                continue  # a version or serial number, not an address
            found.append(Link(url, host, host, "", True, False, host, original, start, end))
            continue
        decoded = _decode_host(host)
        ext = _tld_extractor()(decoded)
        if not ext.suffix or not ext.domain:
            continue
        last = ext.suffix.rsplit(".", 1)[-1]
        if not has_scheme and not url.lower().startswith("www.") and last not in _BARE_TLDS and "/" not in url:
            continue  # "Mr.Li" is not a link
        raw_host = _host_in_original(original) or host
        # full-width letters are not a disguise of the host: browsers map them to the plain ones
        homoglyph = decoded != host or not unicodedata.normalize("NFKC", raw_host).isascii()
        domain = f"{ext.domain}.{ext.suffix}"
        found.append(Link(url, decoded, domain, ext.suffix, False, homoglyph, skeleton(decoded), original, start, end))
    return found


def _is_bare_ip_link(url: str, before: str) -> bool:
    """"1.2.3.4" alone is as likely a version number; with a port, a path or 访问/登录 before it, it is a link."""
    host = url.split(":")[0].split("/")[0]
    if any(int(part) > 255 for part in host.split(".")):
        return False
    return url != host or bool(_LINK_VERB.search(before))


def _host_in_original(original: str) -> str:
    s = original.split("://", 1)[-1]
    return re.split(r"[/?#:]", s, maxsplit=1)[0].lower()


def _contacts(norm: Normalized) -> list[ContactId]:
    text = norm.text
    found: list[ContactId] = []
    if "@" in text:
        for m in _EMAIL_RE.finditer(text):
            found.append(ContactId("email", m.group(0), norm.original_span(m.start(), m.end()), m.start(), m.end()))
    lowered = text.lower()
    for app, hints, pattern in _CONTACT_RES:
        if not any(h in lowered for h in hints):
            continue
        for m in pattern.finditer(text):
            value = re.sub(r"[ \-]", "", m.group("id")) if app == "meeting" else m.group("id")
            found.append(ContactId(app, value, norm.original_span(m.start("id"), m.end("id")), m.start("id"), m.end("id")))
    return found


def _brands(norm: Normalized, directory: Directory) -> list[BrandClaim]:
    text = norm.text
    claims: list[BrandClaim] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_SIGNATURE_START, _SIGNATURE_END):
        m = pattern.search(text)
        if m and not any(s <= m.start(1) < e for s, e in taken):
            name = m.group(1).strip()
            claims.append(BrandClaim(directory.brands_of_name(name), name, "signature", m.start(1), m.end(1)))
            taken.append((m.start(), m.end()))
    for start, end, ids in directory.find_aliases(text):
        if any(s <= start < e for s, e in taken):
            continue
        claims.append(BrandClaim(ids, text[start:end], "mention", start, end))
    return claims


_SENDER_PUNCTUATION = re.compile(r"[\s\-()]")
_SENDER_NUMBER = re.compile(r"\+?\d{3,21}")


def parse_sender(sender) -> Sender | None:
    """Classify a sender as given by an export (number or alphanumeric name)."""
    if sender is None:
        return None
    raw = str(sender).strip()
    if not raw or raw.lower() == "nan":
        return None
    compact = _SENDER_PUNCTUATION.sub("", raw)
    if _SENDER_NUMBER.fullmatch(compact):
        digits = compact.lstrip("+")
        kind = classify_number(digits)
        if compact.startswith("+") and not digits.startswith("86"):
            kind = "international"
        return Sender(raw, domestic_number(digits) if kind != "international" else digits, kind or "unknown_number")
    return Sender(raw, None, "name")


def extract(norm: Normalized, directory: Directory, sender=None) -> Entities:
    """All entities of one normalised message."""
    brands = _brands(norm, directory)
    claimed = frozenset().union(*(b.brand_ids for b in brands)) if brands else frozenset()
    links = _links(norm)
    phones = _phones(norm)
    if links:  # digits inside a link ("12333-account.wang", "/pay/95588") are part of it, not a number to call
        phones = [p for p in phones if not any(l.start < p.end and p.start < l.end for l in links)]
    return Entities(
        text=norm,
        phones=tuple(phones),
        links=tuple(links),
        contacts=tuple(_contacts(norm)),
        brands=tuple(brands),
        codes=tuple(m.group(1) for m in _CODE_RE.finditer(norm.text)),
        sender=parse_sender(sender),
        _claimed=claimed,
    )
