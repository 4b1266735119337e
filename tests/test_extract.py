import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scamguard.extract import classify_number, extract, parse_sender
from scamguard.normalize import normalize

PHONES = [
    ("请致电 4008-015-726", "4008015726", "service_400"),
    ("请致电400 666 8800", "4006668800", "service_400"),
    ("联系13812345678", "13812345678", "mobile"),
    ("联系 138-1234-5678", "13812345678", "mobile"),
    ("联系 +86 138 1234 5678", "13812345678", "mobile"),
    ("致电95588", "95588", "service_95"),
    ("拨打10086", "10086", "carrier"),
    ("致电12345", "12345", "public_12"),
    ("电话 021-12345678", "02112345678", "landline"),
    ("电话 (0755) 8765 4321", "075587654321", "landline"),
    ("联系 +852 9123 4567", "85291234567", "international"),
    ("联系 00852 9123 4567", "85291234567", "international"),
    ("发送方 1069012345678", "1069012345678", "gateway_106"),
    ("请拨打110报警", "110", "emergency"),
]


@pytest.mark.parametrize("text,number,kind", PHONES)
def test_phones(text, number, kind, mini_directory):
    phones = extract(normalize(text), mini_directory).phones
    assert [(p.number, p.kind) for p in phones] == [(number, kind)]


@pytest.mark.parametrize("text", [
    "您的验证码是 953421，请勿泄露",
    "支出人民币2,000.00元，余额95588.00元",
    "订单号 2026112512345678",
    "消费10000元",
    "尾号1234的卡",
    "时间 2026-11-25 14:32",
    "选项 0 12 3",  # a lone digit before spaced digits once crashed the classifier
])
def test_not_phones(text, mini_directory):
    assert extract(normalize(text), mini_directory).phones == ()


LINKS = [
    ("点击 https://www.icbc-verify.top/login?id=1 认证", "icbc-verify.top", False),
    ("访问apple.com.cn查看", "apple.com.cn", False),
    ("详见 u.10010.cn/qAAp9，回复TD退订", "10010.cn", False),
    ("http://103.45.67.89:8080/a", "103.45.67.89", True),
    ("登录 xn--pple-43d.com", "аpple.com", False),
]


@pytest.mark.parametrize("text,domain,is_ip", LINKS)
def test_links(text, domain, is_ip, mini_directory):
    (link,) = extract(normalize(text), mini_directory).links
    assert link.domain == domain and link.is_ip == is_ip


def test_homoglyph_host_is_marked(mini_directory):
    (link,) = extract(normalize("访问 аррle.com"), mini_directory).links
    assert link.homoglyph and link.host == "apple.com" and link.original == "аррle.com"


@pytest.mark.parametrize("text", ["Mr.Li 你好", "版本1.5.2", "文件 report.pdf", "邮箱 kf@example.com"])
def test_not_links(text, mini_directory):
    assert extract(normalize(text), mini_directory).links == ()


def test_contacts(mini_directory):
    e = extract(normalize("加V信：kf_8866 或 QQ：2837465910，腾讯会议号 123 456 789"), mini_directory)
    assert {(c.app, c.value) for c in e.contacts} == {("wechat", "kf_8866"), ("qq", "2837465910"), ("meeting", "123456789")}


def test_brand_claims(mini_directory):
    e = extract(normalize("【工 商 银 行】您的Apple ID已锁定"), mini_directory)
    assert e.signature.brand_ids == {"icbc"}
    assert e.claimed_brand_ids == {"icbc", "apple"}


def test_signature_at_end(mini_directory):
    e = extract(normalize("您的快件已签收。【顺丰速运】"), mini_directory)
    assert e.signature is not None and e.signature.brand_ids == {"sf"}


def test_sender():
    assert parse_sender("13812345678").kind == "mobile"
    assert parse_sender("95588").kind == "service_95"
    assert parse_sender("+85291234567").kind == "international"
    assert parse_sender("ICBC").kind == "name"
    assert parse_sender(None) is None and parse_sender("") is None


def test_classify_number():
    assert classify_number("4006668800") == "service_400"
    assert classify_number("123456") is None
    assert classify_number("") is None and classify_number("0") is None


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("0123456789 -+.:/【】工商银行微信QQapple.comhttpwx壹叁@")), max_size=200))
def test_fuzz_extract(text, mini_directory):
    e = extract(normalize(text), mini_directory)
    for group in (e.phones, e.links, e.contacts):
        for item in group:
            assert 0 <= item.start <= item.end


def test_pathological_inputs_stay_fast(mini_directory):
    for chunk in ("1-" * 20_000, "a." * 20_000, "a-" * 20_000, "微信" * 10_000, "http://" + "a" * 100_000):
        extract(normalize(chunk), mini_directory)


# ----- gaps found while writing the templated corpus --------------------------------------------
def _entities(text, directory):
    return extract(normalize(text), directory)


def test_digits_inside_a_link_are_not_a_phone_number(mini_directory):
    e = _entities("社保认证请登录12333-account.wang办理", mini_directory)
    assert [l.domain for l in e.links] == ["12333-account.wang"]
    assert e.phones == ()


def test_licence_plate_is_not_a_phone_number(mini_directory):
    assert _entities("您的车辆辽B·96592有一条违章未处理", mini_directory).phones == ()


def test_bare_ip_address_is_a_link_and_a_version_number_is_not(mini_directory):
    assert [l.host for l in _entities("登录 45.77.12.9:8080/pay 处理", mini_directory).links] == ["45.77.12.9"]
    assert _entities("固件版本 2.10.300.7 已发布", mini_directory).links == ()


def test_full_width_official_domain_is_not_a_homoglyph(mini_directory):
    (link,) = _entities("详情登录ｗｗｗ.ａｐｐｌｅ.ｃｏｍ查询", mini_directory).links
    assert link.host == "www.apple.com" and not link.homoglyph
    (fake,) = _entities("详情登录 аррle.com 查询", mini_directory).links
    assert fake.homoglyph


_CONTACT_PIECES = ["微信", "企业微信", "WeChat", "weixin", "WEİXIN", "QQ", "qq", "tg", "TG", "Telegram", "纸飞机", "飞机号",
                   "腾讯会议", "会议号", "ZOOM", "号", "ID", "群", ":", "是", " ", "@", "x", "zhang_san9", "kf2024",
                   "12345678", "13812345678", "123 456 789", "mail@example.com", "加", "联系"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_CONTACT_PIECES), max_size=8).map("".join))
def test_contact_hints_never_skip_a_match(text):
    """Each contact pattern is skipped only when none of its hints occur: the result never changes."""
    from scamguard import extract as module

    norm = normalize(text)
    gated = module._contacts(norm)
    every_pattern = tuple((app, ("",), pattern) for app, _, pattern in module._CONTACT_RES)
    module_patterns, module._CONTACT_RES = module._CONTACT_RES, every_pattern
    try:
        assert module._contacts(norm) == gated
    finally:
        module._CONTACT_RES = module_patterns


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abchtpswxw0123456789:/-_。点 ", max_size=40))
def test_no_link_without_a_dot_or_scheme(text):
    from scamguard.extract import _URL_RE

    assert _URL_RE.search(text) is None
