import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scamguard.normalize import normalize

CASES = [
    ("【Ａｐｐｌｅ】全角字母", "【Apple】全角字母"),
    ("【工 商 银 行】账户异常", "【工商银行】账户异常"),
    ("工*商*银*行提醒您", "工商银行提醒您"),
    ("您的帳戶已被凍結", "您的账户已被冻结"),
    ("加\u200b微\u200b信", "加微信"),
    ("访问 аррle.com", "访问 apple.com"),
    ("联系电话 壹叁捌壹贰叁肆伍陆柒捌", "联系电话13812345678"),
    ("电话一三八一二三四五六七八", "电话13812345678"),
    ("加V信 kf01", "加微信 kf01"),
    ("加薇信 kf01", "加微信 kf01"),
    ("加vx：kf01", "加微信:kf01"),
    ("扣扣 12345678", "QQ 12345678"),
    ("登录 apple-id点com", "登录 apple-id.com"),
    ("登录 www。icbc-cn。top", "登录 www.icbc-cn.top"),
    ("【 A p p l e 】 请 致 电 4 0 0 8 - 0 1 5 - 7 2 6", "【Apple】请致电4008-015-726"),
    ("访问 w w w . i c b c - c n . t o p 认证", "访问www.icbc-cn.top认证"),
    ("Your code is 123456", "Your code is 123456"),
    ("加V信zhang-jing09", "加微信zhang-jing09"),
    ("vxyz 不是微信", "vxyz 不是微信"),
    ("打开 45(.)77(.)12(.)9 或 45。77。12。9", "打开 45.77.12.9 或 45.77.12.9"),
    ("登录 apple . com 查看", "登录 apple.com 查看"),
    ("下午3点30分见", "下午3点30分见"),
    # a whole message spaced out, its own spaces showing as wider gaps
    (" ".join("请拨打 4008 1566 32 核实"), "请拨打 4008 1566 32 核实"),
    # spaced out by its writer, then spaced again
    (" ".join("请 登 录 t a o b a o - t k . t o p 领 取"), "请登录taobao-tk.top领取"),
    ("I am a boy, see you at 5 pm", "I am a boy, see you at 5 pm"),
    ("【南*航】航班取消", "【南航】航班取消"),
]


@pytest.mark.parametrize("raw,expected", CASES)
def test_normalize(raw, expected):
    assert normalize(raw).text == expected


@pytest.mark.parametrize("text", ["普通短信，没有任何伪装。", "今天一起吃饭吗", "Your code is 123456"])
def test_plain_text_keeps_positions(text):
    n = normalize(text)
    assert n.original_span(0, len(n.text)) == text


def test_ordinary_numbers_in_words_are_not_rewritten():
    assert normalize("一二三四").text == "一二三四"  # too short to be a disguised number
    assert normalize("星期一开会").text == "星期一开会"


def test_original_span_maps_back_through_rewrites():
    n = normalize("【Ａｐｐｌｅ】請致電 4008-015-726")
    i = n.text.index("4008")
    assert n.original_span(i, i + 12) == "4008-015-726"
    n = normalize("电话壹叁捌 1234 5678")
    i = n.text.index("138")
    assert n.original_span(i, i + 11).startswith("壹叁捌")


def test_rejects_non_text():
    with pytest.raises(TypeError):
        normalize(None)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_fuzz_never_crashes_and_offsets_are_consistent(text):
    n = normalize(text)
    assert isinstance(n.text, str)
    if n.offsets is not None:
        assert len(n.offsets) == len(n.text)
        assert all(0 <= o < len(text) for o in n.offsets)
        assert list(n.offsets) == sorted(n.offsets)


def test_long_pathological_input_is_linear():
    # Repeated separators and digit-like characters are what backtracking regexes choke on.
    for chunk in ("1 " * 50_000, "工-" * 50_000, "a." * 50_000, "壹 " * 50_000, "【" * 50_000):
        assert normalize(chunk).text is not None


_DISGUISE_ALPHABET = "工商银行微薇信加扣企鹅号点。一壹两八0123456789 .-*_·/[](){}dotDOTVvWwXxQqcomtp@:\u3000\t【】"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_DISGUISE_ALPHABET, max_size=60))
def test_rewrite_triggers_never_skip_a_rewrite(text):
    """A rewrite is skipped only when its trigger characters are absent: never changes the result."""
    from scamguard import normalize as module

    every_rewrite = tuple((pattern, repl, ()) for pattern, repl, _ in module._REWRITES)
    gated = module._undisguise(text, None)
    module_rewrites, module._REWRITES = module._REWRITES, every_rewrite
    try:
        ungated = module._undisguise(text, None)
    finally:
        module._REWRITES = module_rewrites
    assert gated == ungated
