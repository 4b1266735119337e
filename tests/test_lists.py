"""Allow/deny lists: each priority rule in the documented order."""
import pytest

from scamguard.errors import DataFileError
from scamguard.lists import UserLists

ICBC_ALERT = "【工商银行】您尾号1234的卡于11月20日支出2,000.00元，余额5,321.45元。"
ICBC_LOOKALIKE = "【工商银行】您的账户需要更新，请登录 www.icbc-verify.top 完成认证"
FAKE_APPLE = "【Apple】您的Apple ID已被锁定，请致电 4008-015-726 解锁"


@pytest.fixture()
def lists_file(tmp_path):
    p = tmp_path / "lists.csv"
    p.write_text(
        "action,kind,value,note\n"
        "allow,sender,95588,工行官方\n"
        "deny,number,4008-015-726,冒充苹果\n"
        "allow,number,021-55556666,我的客户经理座机\n"
        "deny,pattern,\"re:刷单.{0,4}返利\",\n"
        "allow,pattern,公司内部通知,\n",
        encoding="utf-8",
    )
    return p


def test_allowed_sender_clears_an_alert(tiny_detector, lists_file):
    det = tiny_detector.with_lists(lists_file)
    v = det.check(ICBC_ALERT, sender="95588")
    assert not v.is_scam and any(r.rule == "user_allow" and "95588" in r.message for r in v.reasons)


def test_allowed_sender_does_not_whitelist_a_lookalike_link(tiny_detector, lists_file):
    det = tiny_detector.with_lists(lists_file)
    v = det.check(ICBC_LOOKALIKE, sender="95588")
    rules = [r.rule for r in v.reasons]
    assert v.is_scam and "lookalike_domain" in rules and "user_allow" in rules


def test_deny_number_in_body_beats_allowed_sender(tiny_detector, lists_file):
    det = tiny_detector.with_lists(lists_file)
    v = det.check("【工商银行】如有疑问请致电 4008-015-726", sender="95588")
    assert v.is_scam and v.reasons[0].rule == "user_deny" and "4008015726" in v.reasons[0].message


def test_deny_pattern_flags_an_otherwise_quiet_message(tiny_detector, lists_file):
    det = tiny_detector.with_lists(lists_file)
    assert det.check("周末有空吗，刷单就能返利哦").is_scam


def test_allowed_number_counts_as_official(tiny_detector, lists_file):
    text = "【工商银行】您的客户经理王敏为您服务，咨询电话 021-55556666"
    plain = [r.rule for r in tiny_detector.check(text).reasons]
    allowed = tiny_detector.with_lists(lists_file).check(text)
    assert "fake_support_number" in plain
    assert "fake_support_number" not in [r.rule for r in allowed.reasons]


def test_allowed_pattern_clears_but_deny_wins(tiny_detector, lists_file):
    det = tiny_detector.with_lists(lists_file)
    assert not det.check("公司内部通知：请将报销单交财务，转入指定账户").is_scam
    assert det.check("公司内部通知：刷单立即返利").is_scam


def test_lists_version_is_reported(tiny_detector, lists_file):
    v = tiny_detector.with_lists(lists_file).check(ICBC_ALERT)
    assert "lists." in v.data_version


def test_toml_lists(tmp_path, tiny_detector):
    p = tmp_path / "l.toml"
    p.write_text('[allow]\nsenders = ["95588"]\n[deny]\nnumbers = ["4008015726"]\n', encoding="utf-8")
    lists = UserLists.load(p)
    assert lists.values("allow", "sender") == {"95588"} and lists.values("deny", "number") == {"4008015726"}


@pytest.mark.parametrize("content,match", [
    ("action,kind\nallow,sender\n", "needs columns"),
    ("action,kind,value\nmaybe,sender,1\n", "allow or deny"),
    ("action,kind,value\nallow,color,red\n", "kind must be"),
    ("action,kind,value\ndeny,pattern,re:(\n", "regular expression"),
])
def test_bad_list_files_fail_clearly(tmp_path, content, match):
    p = tmp_path / "l.csv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=match):
        UserLists.load(p)
