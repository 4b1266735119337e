"""The command line, run in-process as a user would type it, on the shipped model."""
import json
import subprocess
import sys

import pytest

from scamguard.cli import main

APPLE_SCAM = "【Apple】您的Apple ID已被锁定，请立即致电Apple官方客服 4008-015-726 解锁"
APPLE_GENUINE = "【Apple】您的订单已发货，可访问 apple.com.cn 查看物流信息。如有疑问，请致电 400-666-8800。"
CODE = "【工商银行】验证码 482913，您正在进行网上银行登录，工作人员不会向您索取，请勿泄露。"


def _check_json(capsys, *args):
    assert main(["check", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_apple_scam_is_flagged_with_the_number_quoted(capsys):
    out = _check_json(capsys, APPLE_SCAM)
    assert out["is_scam"] is True and out["category"]
    assert any("4008-015-726" in r["message"] for r in out["reasons"])
    assert out["top_terms"] and all(t["weight"] > 0 for t in out["top_terms"])


def test_genuine_apple_message_passes(capsys):
    assert _check_json(capsys, APPLE_GENUINE)["is_scam"] is False


def test_verification_code_shows_terms_pulling_down(capsys):
    out = _check_json(capsys, CODE)
    assert out["is_scam"] is False
    assert out["bottom_terms"] and all(t["weight"] < 0 for t in out["bottom_terms"])


def test_readable_output(capsys):
    assert main(["check", APPLE_SCAM]) == 0
    text = capsys.readouterr().out
    assert "疑似诈骗" in text and "4008-015-726" in text and "理由" in text


def test_sender_mismatch_from_the_command_line(capsys):
    out = _check_json(capsys, "--sender", "13812345678", "【工商银行】您的账户存在风险，请及时处理")
    assert any(r["rule"] == "sender_mismatch" for r in out["reasons"])


@pytest.mark.parametrize("argv,needle", [
    (["check", "--model", "/nonexistent/model", "x"], "no model directory"),
    (["scan", "/nonexistent/file.csv"], "no such file"),
    (["check", "--lists", "/nonexistent/lists.csv", "x"], "cannot read list file"),
    (["evaluate", "/nonexistent.csv"], "no such file"),
])
def test_user_mistakes_give_one_line_errors(capsys, argv, needle):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err


def test_python_dash_m_and_entry_point_work():
    r = subprocess.run([sys.executable, "-m", "scamguard", "check", "--json", APPLE_SCAM], capture_output=True, text=True)
    assert r.returncode == 0 and json.loads(r.stdout)["is_scam"] is True


def test_evaluate_on_a_labelled_file(tmp_path, capsys):
    p = tmp_path / "labelled.csv"
    p.write_text(f"text,label\n{APPLE_SCAM},scam\n{APPLE_GENUINE},legit\n{CODE},legit\n", "utf-8")
    assert main(["evaluate", str(p), "--json", "--plots", str(tmp_path / "plots")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["metrics"]["recall"] == 1.0 and out["metrics"]["fpr"] == 0.0
    assert (tmp_path / "plots" / "pr_curve.png").stat().st_size > 0


def test_terms_that_round_to_zero_are_not_printed():
    import io

    from scamguard.cli import _print_verdict
    from scamguard.results import TermWeight, Verdict

    v = Verdict(is_scam=True, score=0.9, category=None, top_terms=(TermWeight("客服", 0.25), TermWeight("立即致", 0.001)),
                bottom_terms=(TermWeight("已", -0.004),))
    out = io.StringIO()
    _print_verdict(v, out)
    assert "客服 +0.25" in out.getvalue() and "立即致" not in out.getvalue() and "拉低得分" not in out.getvalue()
