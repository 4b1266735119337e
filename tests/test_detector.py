import math

import numpy as np
import pandas as pd
import pytest

from scamguard.detector import Detector
from scamguard.errors import InvalidInputError

SCAM = "【Apple】您的Apple ID已被锁定，请立即致电Apple官方客服 4008-015-726 解锁"
APPLE_GENUINE = "【Apple】您的订单已发货，可在 apple.com.cn 查看物流，如有疑问请致电 400-666-8800。"


def test_scam_and_genuine(tiny_detector):
    v = tiny_detector.check(SCAM)
    assert v.is_scam and v.category
    assert any("4008-015-726" in r.message for r in v.reasons)
    assert not tiny_detector.check(APPLE_GENUINE).is_scam


@pytest.mark.parametrize("bad", [None, float("nan"), pd.NA, np.nan, object(), ["list"]])
def test_check_rejects_non_text_clearly(tiny_detector, bad):
    with pytest.raises(InvalidInputError):
        tiny_detector.check(bad)


@pytest.mark.parametrize("odd", ["", "   ", "\x00\x01\x02", "🙂" * 10, 12345, b"\xff\xfe binary"])
def test_odd_but_scannable_inputs_get_clean_verdicts(tiny_detector, odd):
    v = tiny_detector.check(odd)
    assert v.error is None and 0.0 <= v.score <= 1.0


def test_huge_text_is_truncated_with_a_note(tiny_detector):
    v = tiny_detector.check("正常内容" * 300_000)  # 1.2 M characters
    assert any("truncated" in n for n in v.notes)


def test_check_many_keeps_order_and_every_row(tiny_detector):
    texts = [SCAM, None, APPLE_GENUINE, float("nan"), 42, "", SCAM]
    verdicts = tiny_detector.check_many(texts, batch_size=2)
    assert len(verdicts) == len(texts)
    assert [v.error is not None for v in verdicts] == [False, True, False, True, False, False, False]
    assert verdicts[0].is_scam and verdicts[-1].is_scam and math.isnan(verdicts[1].score)


def test_check_many_parallel_matches_serial(tiny_detector):
    texts = [SCAM, APPLE_GENUINE] * 30
    serial = [v.score for v in tiny_detector.check_many(texts, batch_size=7)]
    parallel = [v.score for v in tiny_detector.check_many(texts, n_jobs=2, batch_size=7)]
    assert serial == pytest.approx(parallel)


def test_scan_frame(tiny_detector):
    df = pd.DataFrame({"id": [1, 2, 3], "content": [SCAM, APPLE_GENUINE, None]})
    out = tiny_detector.scan_frame(df)
    assert list(out["id"]) == [1, 2, 3]
    assert list(out["is_scam"])[:2] == [True, False] and out["scan_error"][2]


def test_rules_only_detector_works_without_model(rules_only):
    v = rules_only.check("【工商银行】请登录 www.icbc-verify.top 认证，否则冻结")
    assert v.is_scam and v.model_version == "rules-only"


def test_decisive_lookalike_flags_even_a_calm_message(rules_only):
    v = rules_only.check("【工商银行】您好，资料更新请访问 icbc-service.com")
    assert v.is_scam


def test_verdict_to_dict_is_json_ready(tiny_detector):
    import json

    d = tiny_detector.check(SCAM).to_dict()
    json.dumps(d, ensure_ascii=False)
    assert {"is_scam", "score", "category", "reasons", "entities", "top_terms", "bottom_terms"} <= set(d)


def test_repeated_messages_are_checked_once_with_the_same_verdict(tiny_detector, monkeypatch):
    texts = ["【工商银行】请联系客服 13812345678 办理退款", "今天一起吃饭吗", "【工商银行】请联系客服 13812345678 办理退款", 1, "1", None]
    senders = ["95588", None, "95588", None, None, None]
    alone = [tiny_detector.check_many([t], [s])[0] for t, s in zip(texts, senders)]
    analysed = []
    original = Detector.analyse
    monkeypatch.setattr(Detector, "analyse", lambda self, t, s=None: analysed.append(t) or original(self, t, s))
    together = tiny_detector.check_many(texts, senders)
    assert [v.to_dict() for v in together] == [v.to_dict() for v in alone]  # to_dict: NaN scores compare equal
    assert analysed == texts[:2] + texts[3:]  # the repeat is not analysed again; 1 and "1" both are
