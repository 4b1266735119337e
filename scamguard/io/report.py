"""A self-contained HTML report of a scan: no scripts, no network, opens in any browser."""
from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path

from ..columns import mask_private
from ..results import CATEGORY_NAMES

__all__ = ["write_report", "render_report"]

_CSS = """
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:960px;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}
.cards{display:flex;gap:1em}.card{flex:1;background:#f5f5f7;border-radius:8px;padding:.8em 1em}
.card b{display:block;font-size:1.6em}.bar{background:#d9534f;height:1em;border-radius:3px}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.35em .5em;text-align:left;vertical-align:top}
.muted{color:#777;font-size:.9em}
"""


def _table(rows, headers) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def render_report(summary, mask: bool = False) -> str:
    esc = (lambda s: html.escape(mask_private(str(s)))) if mask else (lambda s: html.escape(str(s)))
    rate = summary.rows / summary.seconds if summary.seconds else 0
    parts = [
        "<!doctype html><html lang='zh-CN'><meta charset='utf-8'><title>scamguard 扫描报告</title>",
        f"<style>{_CSS}</style><h1>scamguard 扫描报告</h1>",
        "<div class='cards'>",
        f"<div class='card'>读取<b>{summary.rows:,}</b>条</div>",
        f"<div class='card'>疑似诈骗<b>{summary.flagged:,}</b>条</div>",
        f"<div class='card'>无法检测<b>{summary.errors:,}</b>条</div></div>",
        f"<p class='muted'>用时 {summary.seconds:.1f} 秒（{rate:,.0f} 条/秒）。模型 {esc(summary.model_version)}；规则数据 {esc(summary.data_version)}</p>",
    ]
    if summary.categories:
        top = max(summary.categories.values())
        rows = [(esc(CATEGORY_NAMES.get(k, k)), f"{n:,}", f"<div class='bar' style='width:{max(2, 300 * n // top)}px'></div>")
                for k, n in summary.categories.most_common()]
        parts += ["<h2>诈骗类别</h2>", _table(rows, ["类别", "条数", ""])]
    for title, counter in (("出现最多的冒充电话", summary.numbers), ("出现最多的可疑链接", summary.domains), ("出现最多的聊天账号", summary.contacts)):
        if counter:
            parts += [f"<h2>{title}</h2>", _table([(esc(k), f"{n:,}") for k, n in counter.most_common(15)], ["", "次数"])]
    if summary.examples:
        rows = [(esc(text[:300]), f"{v.score:.2f}", "<br>".join(esc(r.message) for r in v.reasons if r.weight > 0))
                for text, v in summary.examples]
        parts += ["<h2>示例</h2>", _table(rows, ["短信", "得分", "理由"])]
    parts.append("</html>")
    return "".join(parts)


def write_report(path, summary, mask: bool = False) -> Path:
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent if str(path.parent) else ".")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(render_report(summary, mask))
    os.replace(tmp, path)
    return path
