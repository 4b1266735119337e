"""Readers and writers on real files in the formats people export."""
import io
import json

import pytest

from scamguard.batch import scan_file
from scamguard.errors import InputFileError
from scamguard.io import open_records, read_frame
from scamguard.io.readers import ROW_ERROR, detect_encoding
from scamguard.io.writers import open_writer

SCAM = "【Apple】您的Apple ID已被锁定，请致电 4008-015-726 解锁"
LEGIT = "【工商银行】验证码 482913，请勿泄露给他人。"


def _rows(path, **kw):
    return list(open_records(path, **kw).rows())


def test_csv_utf8_with_bom(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text("id,content\n1,\"" + SCAM + "\"\n2," + LEGIT + "\n", encoding="utf-8-sig")
    rows = _rows(p)
    assert [r["content"] for r in rows] == [SCAM, LEGIT]


def test_gbk_csv_is_detected(tmp_path):
    p = tmp_path / "gbk.csv"
    p.write_bytes(("号码,短信内容\n13800000000," + SCAM + "\n").encode("gbk"))
    src = open_records(p)
    assert src.encoding == "gb18030"
    assert next(src.rows())["短信内容"] == SCAM


def test_utf16_tsv_with_sniffed_delimiter(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("sender\tbody\n95588\t" + LEGIT + "\n", encoding="utf-16")
    rows = _rows(p)
    assert rows == [{"sender": "95588", "body": LEGIT}]


def test_malformed_csv_rows_are_kept_and_flagged(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("id,text\n1,ok\n2,too,many,fields\n3\n4,\"unterminated\n", encoding="utf-8")
    rows = _rows(p)
    assert len(rows) == 4
    assert ROW_ERROR not in rows[0] and ROW_ERROR in rows[1] and ROW_ERROR in rows[2]


def test_jsonl_with_a_broken_line(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": SCAM}, ensure_ascii=False) + "\n{broken\n" + json.dumps({"text": LEGIT}, ensure_ascii=False) + "\n", encoding="utf-8")
    rows = _rows(p)
    assert len(rows) == 3 and ROW_ERROR in rows[1] and rows[2]["text"] == LEGIT


def test_json_array(tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps([{"message": SCAM}, {"message": LEGIT}], ensure_ascii=False), encoding="utf-8")
    assert [r["message"] for r in _rows(p)] == [SCAM, LEGIT]


def test_xlsx(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["号码", "内容"])
    ws.append(["13800000000", SCAM])
    ws.append([None, None])
    ws.append(["95588", LEGIT])
    p = tmp_path / "a.xlsx"
    wb.save(p)
    assert [r["内容"] for r in _rows(p)] == [SCAM, LEGIT]


SMS_XML = """<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="2">
  <sms protocol="0" address="13812345678" date="1700000000000" type="1" body="{scam}" contact_name="(Unknown)" />
  <sms protocol="0" address="95588" date="1700000001000" type="1" body="{legit}" contact_name="工行" />
</smses>"""


def test_sms_backup_xml(tmp_path):
    p = tmp_path / "sms.xml"
    p.write_text(SMS_XML.format(scam=SCAM, legit=LEGIT), encoding="utf-8")
    rows = _rows(p)
    assert [(r["address"], r["body"]) for r in rows] == [("13812345678", SCAM), ("95588", LEGIT)]


def test_xml_entity_bomb_is_refused(tmp_path):
    bomb = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<smses><sms address="1" body="&lol2;" /></smses>"""
    p = tmp_path / "bomb.xml"
    p.write_text(bomb, encoding="utf-8")
    with pytest.raises(InputFileError, match="entity"):
        _rows(p)


def test_stdin_csv():
    data = ("text\n" + SCAM + "\n").encode("utf-8")
    rows = list(open_records("-", stdin=io.BytesIO(data)).rows())
    assert rows == [{"text": SCAM}]


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputFileError, match="no such file"):
        open_records(tmp_path / "missing.csv")
    with pytest.raises(InputFileError, match="folder"):
        open_records(tmp_path)


def test_detect_encoding():
    assert detect_encoding("中文短信".encode("utf-8")) == "utf-8"
    assert detect_encoding(("您的账户存在异常，请及时处理。" * 20).encode("gb18030")) == "gb18030"


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".xlsx"])
def test_writers_round_trip_atomically(tmp_path, suffix):
    out = tmp_path / f"out{suffix}"
    w = open_writer(str(out), ["text", "is_scam"])
    w.write({"text": SCAM, "is_scam": True})
    w.write({"text": "控制字符\x01", "is_scam": False})
    assert not out.exists()  # nothing visible until close
    w.close()
    df = read_frame(out)
    assert len(df) == 2 and df["text"][0] == SCAM
    assert not list(tmp_path.glob(".*part"))


def test_aborted_writer_leaves_nothing(tmp_path):
    out = tmp_path / "out.csv"
    w = open_writer(str(out), ["text"])
    w.write({"text": "x"})
    w.abort()
    assert not out.exists() and not list(tmp_path.iterdir())


def test_scan_file_accounts_for_every_row(tmp_path, tiny_detector):
    p = tmp_path / "mixed.csv"
    p.write_text("id,text\n1," + SCAM + "\n2,\n3,a,b\n4," + LEGIT + "\n", encoding="utf-8")
    results = list(scan_file(p, tiny_detector, chunk_size=2))
    assert [r.row["id"] for r in results] == ["1", "2", "3", "4"]
    assert results[0].verdict.is_scam
    assert results[2].verdict.error  # wrong field count is reported


def test_scan_file_missing_column_lists_columns(tmp_path, tiny_detector):
    p = tmp_path / "x.csv"
    p.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="columns are: a, b"):
        list(scan_file(p, tiny_detector))
