"""A 情况说明 saved from a web page: read as a reader sees it, audited against itself, never refused."""

from __future__ import annotations

from pathlib import Path

import budget_audit as ba

PAGE = """<!DOCTYPE html><html><head><title>预算公开</title>
<style>body { font-size: 12px; } .t { color: #333; }</style>
<script>var total = 999; document.write("123 万元");</script></head>
<body><div class="t"><h2>某某区某某局2025年部门预算情况说明</h2>
<p>一、收支预算总体情况</p>
<p>2025年收支预算总计500.00万元，其中：基本支出300.00万元，项目支出150.00万元。</p>
<p>二、“三公”经费预算情况</p>
<p>2025年“三公”经费预算12.00万元，比上年减少3.00万元，下降25.00%。</p>
</div></body></html>"""


def _page(tmp_path: Path) -> Path:
    path = tmp_path / "说明.html"
    path.write_text(PAGE, "utf-8")
    return path


def test_markup_styles_and_scripts_are_not_text(tmp_path: Path) -> None:
    document = ba.load(_page(tmp_path))
    text = "\n".join(document.source.lines)
    assert "font-size" not in text and "document.write" not in text and "<p>" not in text
    assert "2025年收支预算总计500.00万元,其中:基本支出300.00万元,项目支出150.00万元。" in text


def test_a_narrative_without_tables_is_checked_against_itself(tmp_path: Path) -> None:
    audit = ba.audit(_page(tmp_path))
    errors = [f for f in audit.found if f.severity == "error"]
    # 300.00 + 150.00 = 450.00, not the 500.00 stated: the list does not add up.
    assert any("500" in f.message and "450" in f.message for f in errors), errors
    # 12.00 + 3.00 = 15.00 last year; 3/15 = 20.00%, not the 25.00% stated (divided by this year: 3/12).
    assert any(f.rule == "BA703" for f in errors), errors
