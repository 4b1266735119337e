"""Every rule: a message it must hit and a near miss it must leave alone."""
import pytest

from scamguard.extract import extract
from scamguard.normalize import normalize
from scamguard.rules import DEFAULT_RULES, RULES_BY_ID

CASES = [
    # (rule, text, sender, should_hit)
    ("fake_support_number", "【Apple】您的Apple ID已被锁定，请致电 4008-015-726 解锁", None, True),
    ("fake_support_number", "【Apple】您的订单已发货，如有疑问请致电 400-666-8800。", None, False),
    ("fake_support_number", "【顺丰】快件丢失，理赔请联系客服13812345678", None, True),
    ("fake_support_number", "【顺丰速运】快递员张师傅13812345678正在派送您的快件", None, False),
    ("lookalike_domain", "【工商银行】账户异常，请登录 www.icbc-verify.top 认证", None, True),
    ("lookalike_domain", "【工商银行】详情请登录 www.icbc.com.cn 查看", None, False),
    ("lookalike_domain", "请访问 аррle.com 解锁您的账户", None, True),  # Cyrillic а and р
    ("lookalike_domain", "请访问 apple.com 查看订单", None, False),
    ("lookalike_domain", "请登录 alipey.com 处理", None, True),  # one letter off alipay
    ("lookalike_domain", "活动详情见 example.com", None, False),
    ("lookalike_domain", "跨越速运提醒：您的运单已签收，详情见 www.ky-express.com", None, False),  # a real site, not sf-express.com
    ("ip_link", "您的包裹地址不详，请点击 http://103.45.67.89:8080/sf 更新", None, True),
    ("ip_link", "版本号 1.2.3.4 已发布，详见官网", None, False),
    ("shortened_link", "您有一笔退款待领取 t.cn/A6xYz", None, True),
    ("shortened_link", "【中国联通】流量详情 u.10010.cn/qAAp9", None, False),
    ("risky_tld", "积分即将清零，兑换请访问 jf-duihuan.top", None, True),
    ("risky_tld", "积分兑换请访问 example.com", None, False),
    ("unofficial_link", "【工商银行】请访问 gongshang-service.com 更新信息", None, True),
    ("unofficial_link", "【工商银行】请访问 icbc.com.cn 查看", None, False),
    ("contact_handoff", "理赔请添加客服微信：kf_sf8866", None, True),
    ("contact_handoff", "【顺丰速运】关注顺丰微信公众号，随时查件", None, False),
    ("screen_share", "请下载腾讯会议，开启屏幕共享，我指导您操作", None, True),
    ("screen_share", "明天上午10点开周会，腾讯会议号 123 456 789", None, False),
    ("screen_share", "凡是要求屏幕共享的都是诈骗，请提高警惕", None, False),
    ("safe_account_transfer", "您涉嫌洗钱，请将资金转入安全账户配合调查", None, True),
    ("safe_account_transfer", "公检法机关不会要求转账到安全账户", None, False),
    ("acquaintance_money_request", "我是你们王总，这是我新微信，先帮我给合作方转一笔保证金，我在开会", None, True),
    ("acquaintance_money_request", "爸，我手机丢了，这是同学的号，急需交培训费", None, True),
    ("acquaintance_money_request", "爸，这个月生活费不够了，转我500吧", None, False),
    ("acquaintance_money_request", "我换号了，新号13812345678，有空打给我", None, False),
    ("emergency_money_request", "你姐夫出事了，先转一万，别问。", None, True),
    ("emergency_money_request", "爸住院了，手术费我已经交了，你周末有空来看看他", None, False),
    ("acquaintance_money_request", "我手机被偷了，已补卡。要是有人用我微信找你借钱，一个字都别信", None, False),
    ("asks_for_secrets", "如对方要求您下载App、转账或提供验证码，请立即挂断", None, False),
    ("asks_for_secrets", "您的账号存在被盗风险，请立即回复您的QQ号及收到的验证码进行保护", None, True),
    ("asks_for_secrets", "请回复“申诉”并附上您的身份证号码", None, True),
    ("asks_for_secrets", "如需帮助请回复1，验证码请勿告诉他人", None, False),
    ("asks_for_secrets", "为了给您退款，请把收到的验证码发给客服", None, True),
    ("asks_for_secrets", "【工商银行】验证码 482913，请勿泄露给他人。", None, False),
    ("urgency_threat", "您的账户将被冻结，请于24小时内完成认证", None, True),
    ("urgency_threat", "您的话费余额不足10元，请及时充值", None, False),
    ("fake_authority", "我是市公安局刑侦大队警官，你涉嫌一起洗钱案", None, True),
    ("fake_authority", "公安机关提醒：接到陌生电话请及时挂断", None, False),
    ("refund_lure", "您购买的商品质检不合格，可获双倍赔偿，请联系客服办理", None, True),
    ("refund_lure", "您的退款已原路退回，预计1-3个工作日到账", None, False),
    ("student_loan_cancel", "您大学期间开通的校园贷需注销，否则影响征信", None, True),
    ("student_loan_cancel", "您的国家助学贷款将于12月20日扣款，请保证余额充足", None, False),
    ("benefit_lure", "您的ETC认证已失效，请点击 etc-renzheng.top 重新认证", None, True),
    ("benefit_lure", "个税年度汇算已开始，请通过个人所得税APP办理", None, False),
    ("sender_mismatch", "【工商银行】您的账户存在风险", "13812345678", True),
    ("sender_mismatch", "【工商银行】您的账户存在风险", "95588", False),
    ("warning_language", "【工商银行】验证码 482913，请勿泄露给他人。", None, True),
    ("warning_language", "请把验证码告诉我，我帮你处理", None, False),
    ("official_contacts_only", "【Apple】订单已发货，查看 apple.com.cn 或致电 400-666-8800", None, True),
    ("official_contacts_only", "【Apple】订单异常，请致电 4008-015-726", None, False),
]


@pytest.mark.parametrize("rule_id,text,sender,should_hit", CASES)
def test_rule(rule_id, text, sender, should_hit, mini_directory):
    entities = extract(normalize(text), mini_directory, sender)
    hits = list(RULES_BY_ID[rule_id].check(entities, mini_directory))
    assert bool(hits) == should_hit, [h.message for h in hits]
    for h in hits:
        assert h.message and 0 < h.strength <= 1


def test_every_rule_has_a_hit_and_a_near_miss():
    covered = {(rule, hit) for rule, _, _, hit in CASES}
    for r in DEFAULT_RULES:
        assert (r.id, True) in covered and (r.id, False) in covered, r.id


def test_reason_quotes_the_original_text(mini_directory):
    text = "【Ａｐｐｌｅ】請致電 4008-015-726"
    entities = extract(normalize(text), mini_directory)
    (hit,) = RULES_BY_ID["fake_support_number"].check(entities, mini_directory)
    assert "4008-015-726" in hit.message and hit.evidence == ("4008-015-726",)


def test_rule_ids_are_unique_and_documented():
    ids = [r.id for r in DEFAULT_RULES]
    assert len(ids) == len(set(ids))
    for r in DEFAULT_RULES:
        assert r.description and r.title
