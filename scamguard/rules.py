"""The rule set: small, named checks that turn entities into readable reasons.

Each rule declares its id (public interface: allow lists and filters use it), a short Chinese
title, a prior weight in log-odds (used when no model is loaded; a trained model learns its own
weight for every rule, recorded in the model card), and a function that yields ``Hit``s. A hit's
``strength`` (0-1] scales the weight, e.g. a personal mobile counts more than an unknown 400 number.

Add a rule: write the function with ``@rule(...)`` and list it in ``DEFAULT_RULES``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from .directory import Directory
from .extract import PHONE_KINDS, Entities, Link, skeleton

__all__ = ["Hit", "Rule", "DEFAULT_RULES", "RULES_BY_ID", "run_rules", "rule"]


@dataclass(frozen=True)
class Hit:
    message: str
    evidence: tuple[str, ...] = ()
    strength: float = 1.0


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    description: str
    weight: float
    category: str | None
    check: Callable[[Entities, Directory], Iterable[Hit]]

    def __reduce__(self):
        # Bundled rules travel to worker processes by id (their functions are not importable by name).
        if RULES_BY_ID.get(self.id) is self:
            return (_bundled_rule, (self.id,))
        return (Rule, (self.id, self.title, self.description, self.weight, self.category, self.check))


def _bundled_rule(rule_id: str) -> "Rule":
    return RULES_BY_ID[rule_id]


def rule(id: str, title: str, weight: float, category: str | None = None):
    """Declare a rule; the function's docstring is its description."""

    def wrap(fn: Callable[[Entities, Directory], Iterable[Hit]]) -> Rule:
        return Rule(id, title, (fn.__doc__ or "").strip(), weight, category, fn)

    return wrap


# ---------------------------------------------------------------------------------------------
# shared helpers

# A negation or warning just before a lure word turns it into advice ("公检法不会要求转账到安全账户").
_WARNING_BEFORE = re.compile(r"(?:(?:如|如果|若|要是|假如|万一|一旦)(?:有人|对方|陌生人|他人|自称)[^。!?\n]{0,16}|(?:不会|绝不|从不|从来不|不存在|没有所谓|并无|切勿|请勿|勿|不要|别|谨防|警惕|提防|凡是|凡|防范|严禁|不得)[^。!?\n]{0,10})$")
_WARNING_AFTER = re.compile(r"^[^。!?\n]{0,14}(?:都别信|千万别信|不要相信|别相信|不要理会|都是诈骗|就是诈骗|均为诈骗|均是诈骗|一律是诈骗|是诈骗|都是骗子|是骗子|是骗局|都是骗局|均系诈骗)")


def _warned(text: str, start: int, end: int) -> bool:
    return bool(_WARNING_BEFORE.search(text, max(0, start - 24), start) or _WARNING_AFTER.search(text[end:end + 20]))


def _unwarned(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    for m in pattern.finditer(text):
        if not _warned(text, m.start(), m.end()):
            yield m


def _first_unwarned(pattern: re.Pattern, text: str) -> re.Match | None:
    """``next(_unwarned(...), None)`` without a generator: most rules want only the first match,
    and most messages have none."""
    for m in pattern.finditer(text):
        if not _warned(text, m.start(), m.end()):
            return m
    return None


def _names(e: Entities, d: Directory, ids: Iterable[str]) -> str:
    return "/".join(d.by_id[i].name for i in sorted(ids) if i in d.by_id)


def _claimed_for_contacts(e: Entities) -> frozenset[str]:
    """The brands a message claims: its signature's if it has one, else every brand it names."""
    sig = e.signature
    if sig is not None and sig.brand_ids:
        return sig.brand_ids
    return e.claimed_brand_ids


def _official_link(link: Link, d: Directory) -> frozenset[str]:
    return frozenset() if link.homoglyph or link.is_ip else d.brands_of_host(link.host)


def _quote(s: str) -> str:
    return f"「{s}」"


# ---------------------------------------------------------------------------------------------
# rules: where the message sends the victim

_COURIER_ROLE = re.compile(r"(?:快递员|派送员|配送员|收派员|骑手|师傅|小哥|驿站|快递柜|司机|站点|网点电话)[^。,!?\n]{0,6}$")
_STRENGTH_BY_KIND = {"mobile": 1.0, "landline": 1.0, "international": 1.0, "service_400": 0.8}


@rule("fake_support_number", "冒充官方的电话", 3.0, "impersonate_customer_service")
def fake_support_number(e: Entities, d: Directory) -> Iterator[Hit]:
    """The message claims a brand but gives a number that is not one of the brand's official numbers."""
    claimed = _claimed_for_contacts(e)
    if not claimed:
        return
    text = e.text.text
    for p in e.phones:
        if p.kind in ("gateway_106", "emergency"):
            continue
        owners = d.brands_of_number(p.number)
        if owners:
            continue  # official for the claimed brand, or a partner's official number
        if _COURIER_ROLE.search(text, max(0, p.start - 16), p.start):
            continue  # couriers legitimately give their own mobile
        brand_id = sorted(claimed)[0]
        official = d.describe_numbers(brand_id)
        official_note = f"（官方：{official}）" if official else ""
        yield Hit(
            f"自称{_quote(_names(e, d, claimed))}，但留的{PHONE_KINDS.get(p.kind, '电话')} {p.original} "
            f"不是其官方号码{official_note}",
            (p.original,), _STRENGTH_BY_KIND.get(p.kind, 0.5),
        )


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def lookalike_brands(link: Link, d: Directory) -> tuple[frozenset[str], str]:
    """Brands whose identity a link borrows, and how ('homoglyph', 'inside', 'typo')."""
    key = ("lookalike", link.host, link.domain, link.homoglyph, link.skeleton)
    return d.remembered(key, lambda: _lookalike_brands(link, d))


def _lookalike_brands(link: Link, d: Directory) -> tuple[frozenset[str], str]:
    host = link.host
    if link.homoglyph:
        ids = d.brands_of_host(link.skeleton) or d.brands_of_host(host)
        if ids:
            return ids, "homoglyph"
    if not link.homoglyph and (d.brands_of_host(host) or link.domain in d.links.well_known_sites):
        return frozenset(), ""
    label = link.domain.split(".")[0]
    tokens = [t for t in re.split(r"[.\-_]", host) if t]
    compact = re.sub(r"[.\-_]", "", host)
    found: set[str] = set()
    for kw, ids in d.domain_keywords.items():
        if (len(kw) >= 4 and kw in compact) or kw in tokens:
            found |= ids
    if found:
        return frozenset(found), "homoglyph" if link.homoglyph else "inside"
    sk = skeleton(label)
    for official, ids in d.official_domain_labels.items():
        if len(official) < 5 or official == label:
            continue
        limit = 2 if len(official) >= 8 else 1
        if sk == official or _edit_distance(label, official, limit) <= limit:
            found |= ids
    return frozenset(found), ("typo" if found else "")


@rule("lookalike_domain", "仿冒官方网址", 4.0, "impersonate_customer_service")
def lookalike_domain(e: Entities, d: Directory) -> Iterator[Hit]:
    """A link that borrows a brand's name or domain: the brand inside someone else's domain,
    look-alike letters from other scripts, or a domain one or two letters off the official one."""
    for link in e.links:
        if link.is_ip:
            continue
        ids, how = lookalike_brands(link, d)
        if not ids:
            continue
        name = _names(e, d, ids)
        official = d.describe_domains(sorted(ids)[0])
        what = {
            "homoglyph": f"用形近的外文字母拼出{_quote(name)}的域名",
            "inside": f"把{_quote(name)}的名字放进了别人的域名 {link.domain}",
            "typo": f"域名 {link.domain} 与{_quote(name)}的官方域名只差一两个字母",
        }[how]
        strength = 1.0 if (ids & e.claimed_brand_ids or how == "homoglyph") else 0.8
        official_note = f"（官方：{official}）" if official else ""
        yield Hit(f"链接 {link.original} {what}{official_note}", (link.original,), strength)


@rule("ip_link", "直接用 IP 地址的链接", 2.5, "phishing_link")
def ip_link(e: Entities, d: Directory) -> Iterator[Hit]:
    """A link to a bare IP address: no organisation sends those to customers."""
    for link in e.links:
        if link.is_ip:
            yield Hit(f"链接 {link.original} 直接指向 IP 地址，正规机构不会这样发链接", (link.original,))


@rule("shortened_link", "来历不明的短链接", 1.0)
def shortened_link(e: Entities, d: Directory) -> Iterator[Hit]:
    """A generic URL shortener hides where the link goes (a brand's own short domain is not counted)."""
    for link in e.links:
        if link.domain in d.links.shorteners and not d.brands_of_host(link.host):
            yield Hit(f"短链接 {link.original} 隐藏了真实网址", (link.original,))


@rule("risky_tld", "廉价可疑域名后缀", 1.5, "phishing_link")
def risky_tld(e: Entities, d: Directory) -> Iterator[Hit]:
    """A domain on a throw-away top-level domain (.top, .xyz, .vip ...) that is no brand's."""
    for link in e.links:
        tld = link.suffix.rsplit(".", 1)[-1]
        if tld in d.links.risky_tlds and not _official_link(link, d):
            yield Hit(f"链接 {link.original} 使用廉价域名后缀 .{tld}，常见于钓鱼网站", (link.original,))


@rule("unofficial_link", "非官方网址", 1.5, "impersonate_customer_service")
def unofficial_link(e: Entities, d: Directory) -> Iterator[Hit]:
    """The message is signed by a brand but links to a domain that belongs to no brand we know."""
    sig = e.signature
    if sig is None or not sig.brand_ids:
        return
    for link in e.links:
        if link.is_ip or d.brands_of_host(link.host) or link.domain in d.links.shorteners:
            continue
        if lookalike_brands(link, d)[0]:
            continue  # lookalike_domain says it better
        official = d.describe_domains(sorted(sig.brand_ids)[0])
        yield Hit(
            f"署名{_quote(sig.name)}，但链接 {link.original} 不是其官方网站（官方：{official or '未收录'}）",
            (link.original,),
        )


_HANDOFF = re.compile(
    r"(?:加|添加|联系|私信|咨询|通过|搜索|扫码加|加一下|加我)[^。!?\n]{0,6}?"
    r"(?:微信|企业微信|QQ|飞机|telegram|TG|whatsapp|line)(?!支付|公众号|小程序|搜一搜|红包|钱包|零钱|账单|服务通知)",
    re.IGNORECASE,
)
_AGENT_BEFORE = re.compile(r"(?:客服|专员|老师|经理|助理|工作人员|处理|理赔|退款|导师|群|审核)")


@rule("contact_handoff", "引导加私人聊天账号", 2.0)
def contact_handoff(e: Entities, d: Directory) -> Iterator[Hit]:
    """Moves the victim to a WeChat/QQ/Telegram account, where no official filter protects them."""
    text = e.text.text
    ids = [c for c in e.contacts if c.app in ("wechat", "qq", "telegram")]
    if ids:
        c = ids[0]
        yield Hit(f"引导添加聊天账号 {c.original}（{ {'wechat': '微信', 'qq': 'QQ', 'telegram': 'Telegram'}[c.app] }）", (c.original,))
        return
    for m in _unwarned(_HANDOFF, text):
        window = text[max(0, m.start() - 12):m.end() + 6]
        if _AGENT_BEFORE.search(window) or e.claimed_brand_ids:
            original = e.text.original_span(m.start(), m.end())
            yield Hit(f"要求{_quote(original)}，把对话转到私人聊天账号", (original,), 0.8)
            return


_SCREEN_SHARE = re.compile(r"屏幕共享|共享屏幕|开启共享|共享桌面|远程协助|远程控制|远程操作|投屏给")
_REMOTE_APP = re.compile(
    r"(?:下载|安装|打开|进入|登录|使用|注册)[^。!?\n]{0,8}?"
    r"(?:腾讯会议|钉钉|zoom|向日葵|todesk|teamviewer|anydesk|飞书|瞩目|云会议|会议软件|会议app|安全助手|安全软件|网络会议|云视讯)",
    re.IGNORECASE,
)


@rule("screen_share", "要求屏幕共享或下载会议软件", 3.0, "impersonate_customer_service")
def screen_share(e: Entities, d: Directory) -> Iterator[Hit]:
    """Asks for screen sharing or remote control, or to install a meeting/remote app to 'handle' a case."""
    text = e.text.text
    for pattern, strength in ((_SCREEN_SHARE, 1.0), (_REMOTE_APP, 0.7)):
        m = _first_unwarned(pattern, text)
        if m:
            original = e.text.original_span(m.start(), m.end())
            yield Hit(f"要求{_quote(original)}，骗子借此看到验证码和银行卡信息", (original,), strength)
            return


_SAFE_ACCOUNT = re.compile(
    r"安全账户|安全帐户|监管账户|核查账户|清查账户|国家账户|资金清查|资金核查|资金审查|验资|解冻费|解冻金|激活费|刷流水|"
    r"(?:转|汇|存)(?:入|到|至)(?:指定|以下|下列|该|我们的|我方|对公|监管|安全)(?:的)?(?:账户|账号|银行卡|卡)|"
    r"(?:缴纳|支付|交纳|转账|汇款|充值|垫付)[^。!?\n]{0,8}?(?:解冻|保证金|激活|认证费|工本费|押金|服务费|税费|手续费|会员费|违约金)"
)


@rule("safe_account_transfer", "要求转账到所谓安全账户或交费", 3.0)
def safe_account_transfer(e: Entities, d: Directory) -> Iterator[Hit]:
    """'Safe account', unfreeze or deposit fees, 'verify your funds': money leaves the victim here."""
    m = _first_unwarned(_SAFE_ACCOUNT, e.text.text)
    if m:
        original = e.text.original_span(m.start(), m.end())
        yield Hit(f"要求{_quote(original)}：正规机构不会要求转账到“安全账户”或先交费", (original,))


# Someone the reader supposedly knows, reached through a channel the reader cannot check.
_UNVERIFIABLE_IDENTITY = re.compile(
    r"我是(?:你|您)们?的?[\u4e00-\u9fff]{0,3}?(?:总|局长?|处长?|主任|书记|领导|老板|经理|老师|班主任|校长|院长|科长|部长|董事长)"
    r"|(?:我|这是我的?)(?:换|新)(?:了个?|的)?(?:新)?(?:号|手机号|号码|电话|微信|QQ)"
    r"|(?:新|换了?)(?:的)?(?:微信|QQ|号码|手机号)[^。!?\n]{0,4}?(?:加|存|记)"
    r"|(?:手机|电话)(?:丢了|坏了|掉了|掉[进到在]|被偷|进水|摔坏|没电)"
    r"|(?:这是|用的是|借用?)(?:我)?(?:朋友|同学|同事|室友|别人)的(?:手机|电话|号码?)"
    r"|猜猜我是谁|不记得我了|听不出我(?:是谁)?"
)
_MONEY_REQUEST = re.compile(
    r"转(?:账|给|我|一下|一笔|到|过来|点)|汇(?:款|钱|到|一笔)|打(?:钱|款)|借(?:我|点|钱|一下|些)|垫(?:付|一下|上)|(?:帮我|先)付"
    r"|保证金|定金|押金|礼金|培训费|医药费|手术费|资料费|收款码|扫这个码|账户我发你|账号发你|卡号发你"
    r"|(?:转|汇|打|交)\s?[\d一二两三四五六七八九十几]+\s?(?:万|千|百|块|元)"
)
_SECRECY = re.compile(r"(?:别|不要|先别|不用)(?:告诉|跟|和)|不方便(?:接|打|说)|在开会|先别(?:打|回)电话|保密")


@rule("acquaintance_money_request", "冒充熟人或领导要钱", 2.0, "impersonate_acquaintance")
def acquaintance_money_request(e: Entities, d: Directory) -> Iterator[Hit]:
    """Claims to be a boss, teacher or relative on a new number or account and asks for money:
    the real person can be called on the number the reader already has."""
    text = e.text.text
    who = _first_unwarned(_UNVERIFIABLE_IDENTITY, text)
    ask = _first_unwarned(_MONEY_REQUEST, text) if who else None
    if who is None or ask is None:
        return
    w = e.text.original_span(who.start(), who.end())
    a = e.text.original_span(ask.start(), ask.end())
    secret = _SECRECY.search(text)
    yield Hit(
        f"{_quote(w)}，又要求{_quote(a)}：冒充熟人、领导的常见说法，先用原来存的号码打给本人核实",
        (w, a), 1.0 if secret else 0.8,
    )


_EMERGENCY = re.compile(
    r"出事了|出了(?:点)?事|出车祸|车祸|住院|被打|打架|被抓|被拘|被扣|被绑|绑了|急救|抢救|手术|大出血|出意外|被骗了|遇到(?:点)?麻烦|急用钱|急需"
)
_NO_QUESTIONS = re.compile(r"别问|别打电话|不准报警|不要报警|不能报警|别报警|不准挂|别声张")


@rule("emergency_money_request", "借亲友出事催要钱", 1.5, "impersonate_acquaintance")
def emergency_money_request(e: Entities, d: Directory) -> Iterator[Hit]:
    """Someone close is hurt, arrested or in hospital, money is wanted now or in secret: the
    pressure is there to stop the reader from calling the family first."""
    text = e.text.text
    emergency = _first_unwarned(_EMERGENCY, text)
    ask = _first_unwarned(_MONEY_REQUEST, text) if emergency else None
    if ask is None:
        return
    pressure = _first_unwarned(_PRESSURE, text) or _SECRECY.search(text) or _NO_QUESTIONS.search(text)
    if pressure is None:
        return
    spans = tuple(e.text.original_span(m.start(), m.end()) for m in (emergency, ask, pressure))
    yield Hit(f"说{_quote(spans[0])}，要求{_quote(spans[1])}，又催促或要求保密（{_quote(spans[2])}）："
              "先挂断，用原来存的号码打给本人或家人核实", spans)


_SECRET = r"(?:验证码|校验码|动态码|动态密码|密码|支付密码|身份证号?|银行卡号|卡号|CVV|安全码|有效期|网银|U盾)"
_ASK_SECRET = re.compile(
    rf"(?:回复|告知|告诉|提供|发送|发给|报给|念给|读给|转发|截图发|附上)(?:我|客服|专员|工作人员|我们|本人|给我|给客服|给专员)?[^。!?,;\n]{{0,12}}?{_SECRET}"
    rf"|{_SECRET}[^。!?\n]{{0,4}}?(?:发给|告诉|告知|报给|提供给|回复给|念给)(?:我|客服|专员|工作人员|我们)"
    rf"|(?:填写|输入|提交|上传|录入|核对)[^。!?\n]{{0,10}}?(?:银行卡号|卡号|支付密码|取款密码|银行卡密码|身份证|CVV|安全码|有效期|网银)",
    re.IGNORECASE,
)


@rule("asks_for_secrets", "索要验证码或卡号密码", 3.0)
def asks_for_secrets(e: Entities, d: Directory) -> Iterator[Hit]:
    """Asks the reader to hand over a verification code, password, ID or card number
    (the genuine warning "请勿泄露验证码" is not a request)."""
    m = _first_unwarned(_ASK_SECRET, e.text.text)
    if m:
        original = e.text.original_span(m.start(), m.end())
        yield Hit(f"要求{_quote(original)}：任何人索要验证码、密码或卡号都是诈骗", (original,))


_THREAT = re.compile(r"冻结|停机|逾期|影响(?:个人)?征信|征信|封号|注销|停用|失效|作废|扣费|起诉|拘留|逮捕|黑名单|追究|强制执行|清零|销户|罚款")
_PRESSURE = re.compile(r"\d+\s?小时内|[一二两三]?天内|今天内|今日内|当天|立即|立刻|马上|尽快|否则|逾期不|限期|截止|最后期限|最后一天|过时不候|务必")


@rule("urgency_threat", "制造紧迫感和威胁", 1.0)
def urgency_threat(e: Entities, d: Directory) -> Iterator[Hit]:
    """A threat (冻结, 停机, 影响征信 ...) together with a deadline or 否则: pressure to act before thinking."""
    text = e.text.text
    threat = _first_unwarned(_THREAT, text)
    pressure = _first_unwarned(_PRESSURE, text) if threat else None
    if threat and pressure:
        t = e.text.original_span(threat.start(), threat.end())
        p = e.text.original_span(pressure.start(), pressure.end())
        yield Hit(f"用{_quote(t)}和{_quote(p)}制造紧迫感，催人不加思考地照做", (t, p))


_AUTHORITY = re.compile(r"公安|警官|警察|刑警|民警|派出所|刑侦|经侦|网警|检察院|检察官|法院|法官|传票|通缉|专案组|国安|反诈中心|公检法")
_COERCION = re.compile(
    r"涉嫌|洗钱|配合(?:调查|侦查|工作|我们)|逮捕|拘留|保密|不得(?:告诉|透露|挂断)|不要(?:告诉|挂断)|资金清查|冻结(?:你|您)?(?:名下|的)?(?:账户|资产|银行卡)|"
    r"立案|案件|传唤|出庭|被(?:人)?冒用|被盗用|通缉令|逮捕令|冻结令|财产保全|征信黑名单"
)


@rule("fake_authority", "冒充公检法", 2.5, "impersonate_authority")
def fake_authority(e: Entities, d: Directory) -> Iterator[Hit]:
    """Police, procuratorate or court language combined with an accusation or secrecy demand."""
    text = e.text.text
    auth = _first_unwarned(_AUTHORITY, text)
    coercion = _first_unwarned(_COERCION, text) if auth else None
    if auth and coercion:
        a = e.text.original_span(auth.start(), auth.end())
        c = e.text.original_span(coercion.start(), coercion.end())
        yield Hit(f"以{_quote(a)}名义并称{_quote(c)}：公检法不会通过短信或电话办案、要求转账", (a, c))


_REFUND = re.compile(r"理赔|赔偿|补偿|退款|退费|赔付|返还|退还|双倍|退货款|补发|赔款")
_REFUND_ACTION = re.compile(r"联系|添加|致电|点击|加|办理|申请|领取|回复|登录|登陆|拨打|进入|扫码|下载")
_REFUND_DONE = re.compile(r"已退回|已到账|已原路|退款成功|已退款|已受理|已为您办理|已退还|将原路|原路退回|已完成退款|退款已")


@rule("refund_lure", "退款理赔诱饵", 2.0, "impersonate_customer_service")
def refund_lure(e: Entities, d: Directory) -> Iterator[Hit]:
    """Promises a refund or compensation the victim did not ask for, if they contact or click."""
    text = e.text.text
    if _REFUND_DONE.search(text):
        return
    for m in _unwarned(_REFUND, text):
        window = text[max(0, m.start() - 15):m.end() + 20]
        if _REFUND_ACTION.search(window):
            original = e.text.original_span(m.start(), m.end())
            yield Hit(f"主动提出{_quote(original)}并让人联系或点链接：退款理赔只在官方 App 内办理", (original,))
            return


_STUDENT = re.compile(r"校园贷|学生贷|助学贷|学生账户|学生身份|学籍|大学期间|在校期间|学生时期|学生会员|学生认证")
_CANCEL = re.compile(r"注销|关闭|清除|消除|影响(?:个人)?征信|清空|取消")


@rule("student_loan_cancel", "注销校园贷骗局", 2.5, "impersonate_customer_service")
def student_loan_cancel(e: Entities, d: Directory) -> Iterator[Hit]:
    """'Your student account must be cancelled or your credit record suffers': a classic opener."""
    text = e.text.text
    for m in _unwarned(_STUDENT, text):
        window = text[max(0, m.start() - 20):m.end() + 25]
        c = _CANCEL.search(window)
        if c:
            s, k = m.group(0), c.group(0)
            yield Hit(f"声称{_quote(s)}需要{_quote(k)}：校园贷“注销”是常见诈骗开场", (s, k))
            return


_BENEFIT = re.compile(
    r"ETC[^。!?\n]{0,12}?(?:失效|停用|过期|禁用|异常|认证|更新|升级|注销|冻结)|"
    r"医保[^。!?\n]{0,8}?(?:异常|冻结|停用|补贴|返还|升级|清零|过期|停保|退费)|"
    r"退税|个税退还|税费返还|税款退还|退还个税|"
    r"社保[^。!?\n]{0,8}?(?:认证|停用|补贴|返还|升级|冻结|暂停|异常)|"
    r"(?:补贴|补助|津贴|救助金|养老金)[^。!?\n]{0,8}?(?:领取|申领|发放|到账|认证)",
    re.IGNORECASE,
)


@rule("benefit_lure", "ETC/医保/退税/补贴诱饵", 2.0, "impersonate_authority")
def benefit_lure(e: Entities, d: Directory) -> Iterator[Hit]:
    """ETC, medical insurance, tax refund, social security or subsidy news delivered with an
    unofficial link, number or chat account."""
    text = e.text.text
    m = _first_unwarned(_BENEFIT, text)
    if m is None:
        return
    channels = [l.original for l in e.links if not _official_link(l, d)]
    channels += [p.original for p in e.phones if p.kind not in ("gateway_106", "emergency") and not d.brands_of_number(p.number)]
    channels += [c.original for c in e.contacts if c.app in ("wechat", "qq", "telegram")]
    if channels:
        original = e.text.original_span(m.start(), m.end())
        yield Hit(f"以{_quote(original)}为由，却让人通过非官方渠道 {channels[0]} 办理", (original, channels[0]))


_ORG_SIGNATURE = re.compile(r"银行|公司|客服|中心|局|政府|法院|官方|平台|集团|保险|证券|快递|速运|物流|航空|移动|联通|电信")


@rule("sender_mismatch", "署名与发送号码不符", 2.5)
def sender_mismatch(e: Entities, d: Directory) -> Iterator[Hit]:
    """Signed as an organisation but sent from a personal or overseas number (when the sender is known)."""
    sig, sender = e.signature, e.sender
    if sig is None or sender is None or sender.kind not in ("mobile", "landline", "international"):
        return
    if not (sig.brand_ids or _ORG_SIGNATURE.search(sig.name)):
        return
    kind = PHONE_KINDS[sender.kind]
    yield Hit(f"署名{_quote(sig.name)}，却是从{kind} {sender.raw} 发出的：正规机构用短信平台号码发通知", (sender.raw,))


# ---------------------------------------------------------------------------------------------
# rules that speak for the message

_WARNING_LANGUAGE = re.compile(
    r"(?:请勿|切勿|不要|勿|严禁)(?:向任何人|向他人|给他人)?(?:泄露|泄漏|透露|告知|告诉|转发|提供|转告|出示)|"
    r"(?:工作人员|客服|任何人)[^。!?\n]{0,6}?不会[^。!?\n]{0,6}?(?:索取|索要|询问|要求)|"
    r"谨防(?:诈骗|上当|受骗)|防范(?:电信)?诈骗|提高防骗意识|凡是[^。!?\n]{0,16}?(?:都是|均为|一律是)诈骗|"
    r"不存在[^。!?\n]{0,4}?安全账户|如非本人操作|非本人操作|国家反诈中心提醒|反诈提醒|96110"
)


@rule("warning_language", "防诈骗提醒用语", -2.0)
def warning_language(e: Entities, d: Directory) -> Iterator[Hit]:
    """Anti-fraud advice such as "请勿泄露验证码": genuine notices say this; it is not a lure."""
    m = _WARNING_LANGUAGE.search(e.text.text)
    if m:
        original = e.text.original_span(m.start(), m.end())
        yield Hit(f"含防诈骗提醒{_quote(original)}，正规通知常这样写", (original,))


@rule("official_contacts_only", "联系方式均为官方渠道", -2.5)
def official_contacts_only(e: Entities, d: Directory) -> Iterator[Hit]:
    """Every number and link in the message is an official one of the brand it is signed by."""
    sig = e.signature
    claimed = sig.brand_ids if sig is not None and sig.brand_ids else e.claimed_brand_ids
    phones = [p for p in e.phones if p.kind not in ("gateway_106",)]
    if not claimed or not (phones or e.links):
        return
    if any(c.app in ("wechat", "qq", "telegram") for c in e.contacts):
        return
    if all(d.brands_of_number(p.number) & claimed for p in phones) and all(_official_link(l, d) & claimed for l in e.links):
        shown = [p.original for p in phones] + [l.original for l in e.links]
        yield Hit(f"电话和链接（{'、'.join(shown[:3])}）都是{_quote(_names(e, d, claimed))}的官方渠道", tuple(shown[:3]))


DEFAULT_RULES: tuple[Rule, ...] = (
    fake_support_number,
    lookalike_domain,
    ip_link,
    shortened_link,
    risky_tld,
    unofficial_link,
    contact_handoff,
    screen_share,
    safe_account_transfer,
    acquaintance_money_request,
    emergency_money_request,
    asks_for_secrets,
    urgency_threat,
    fake_authority,
    refund_lure,
    student_loan_cancel,
    benefit_lure,
    sender_mismatch,
    warning_language,
    official_contacts_only,
)
RULES_BY_ID = {r.id: r for r in DEFAULT_RULES}


def run_rules(e: Entities, d: Directory, rules: Iterable[Rule] = DEFAULT_RULES) -> list[tuple[Rule, Hit]]:
    """Every hit of every rule, in rule order."""
    return [(r, hit) for r in rules for hit in r.check(e, d)]
