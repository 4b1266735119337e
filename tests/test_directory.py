"""The bundled official directory: coverage, shape, and user overrides."""
import json
import re

import pytest

from scamguard.directory import Directory
from scamguard.errors import DataFileError


@pytest.fixture(scope="module")
def bundled():
    return Directory.bundled()


def test_at_least_60_brands_each_with_a_source(bundled):
    assert len(bundled.brands) >= 60
    for b in bundled.brands:
        assert b.source.strip(), b.id
        assert b.numbers or b.domains, b.id


def test_required_coverage(bundled):
    sectors = {}
    for b in bundled.brands:
        sectors.setdefault(b.sector, []).append(b)
    assert len(sectors.get("bank", [])) >= 15
    for number, who in [("4006668800", "apple"), ("95588", None), ("95533", None), ("95555", None), ("10086", None),
                        ("10010", None), ("10000", None), ("95188", None), ("95516", None), ("95338", None),
                        ("12306", None), ("96110", None), ("12345", None), ("12315", None), ("12333", None), ("12366", None)]:
        owners = bundled.brands_of_number(number)
        assert owners, f"{number} missing"
        if who:
            assert who in owners


def test_apple_domains(bundled):
    assert "apple" in bundled.brands_of_host("www.apple.com.cn")
    assert not bundled.brands_of_host("apple.com-id.cn")


def test_entries_are_well_formed(bundled):
    ids = [b.id for b in bundled.brands]
    assert len(ids) == len(set(ids))
    for b in bundled.brands:
        assert all(re.fullmatch(r"\d{3,}", n) for n in b.numbers), b.id
        assert all(re.fullmatch(r"[a-z0-9.\-]+\.[a-z]{2,}", d) for d in b.domains), b.id
        assert all(len(a) >= 2 for a in b.aliases), b.id


def test_user_file_extends_a_brand(tmp_path, bundled):
    p = tmp_path / "mine.json"
    p.write_text(json.dumps({"brands": [{"id": "apple", "numbers": ["400-000-1234"], "source": "test"}]}), "utf-8")
    d = Directory.load(p)
    assert "apple" in d.brands_of_number("4000001234") and "apple" in d.brands_of_number("4006668800")
    assert d.version != bundled.version


def test_user_csv_adds_a_brand(tmp_path):
    p = tmp_path / "mine.csv"
    p.write_text("id,name,sector,aliases,numbers,domains,source\nmybank,我的银行,bank,我的银行;MyBank,95000123,mybank.cn,test\n", "utf-8")
    d = Directory.load(p)
    assert d.brands_of_name("我的银行") == {"mybank"} and d.brands_of_host("m.mybank.cn") == {"mybank"}


@pytest.mark.parametrize("content,match", [
    ("{not json", "not valid JSON"),
    ('{"brands": [{"name": "x"}]}', "needs an 'id'"),
    ('{"brands": [{"id": "x", "domains": ["http://x.com/a"]}]}', "unusable domain"),
    ('{"items": []}', "brands"),
])
def test_bad_user_files_fail_clearly(tmp_path, content, match):
    p = tmp_path / "bad.json"
    p.write_text(content, "utf-8")
    with pytest.raises(DataFileError, match=match):
        Directory.load(p)


def test_user_directory_takes_effect_without_retraining(tmp_path, tiny_detector):
    from scamguard.detector import Detector

    text = "【工商银行】您的专属客户经理电话 021-55556666"
    assert any(r.rule == "fake_support_number" for r in tiny_detector.check(text).reasons)
    p = tmp_path / "mine.json"
    p.write_text(json.dumps({"brands": [{"id": "icbc", "numbers": ["02155556666"], "source": "my branch"}]}), "utf-8")
    det = Detector(tiny_detector.model, Directory.load(p))
    assert not any(r.rule == "fake_support_number" for r in det.check(text).reasons)


def test_words_that_only_contain_a_short_brand_name_are_not_a_mention():
    directory = Directory.bundled()
    assert list(directory.find_aliases("我在施工行业干了十年")) == []
    assert list(directory.find_aliases("南京东路店今日开业")) == []
    assert [ids for _, _, ids in directory.find_aliases("京东客服")] == [frozenset({"jd"})]


def test_user_file_can_add_words_that_are_not_brand_names(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text('{"brands": [], "not_brand_words": ["京东方"]}', encoding="utf-8")
    assert list(Directory.load(path).find_aliases("京东方科技")) == []
    assert list(Directory.bundled().find_aliases("京东方科技")) != []


def test_signature_names_count_only_as_a_signature():
    directory = Directory.bundled()
    assert directory.brands_of_name("联通") == frozenset({"unicom"})
    assert directory.brands_of_name("东航") == frozenset({"ceair"})
    assert list(directory.find_aliases("谨防电信诈骗，移动支付要小心")) == []
