"""One cause, one finding (budget_audit/causes.py): table checks failing over one cell are one finding."""

from __future__ import annotations

import json

from budget_audit import Document, parse
from budget_audit.audit import audit_document
from budget_audit.engine import builtin_rules
from budget_audit.findings import Finding
from budget_audit.reports.json_report import render_json
from budget_audit.source import decode

RULES = builtin_rules()

# Consistent as printed: 301 = 30101 + 30102, 302 = 30201 + 30299, 合计 = 301 + 302, and
# each row's 合计 = 人员经费 + 公用经费.
TABLE = """表 6.一般公共预算基本支出表
单位：万元
科目编码 科目名称 合计 人员经费 公用经费
合计 30.00 20.00 10.00
301 工资福利支出 20.00 20.00 0.00
30101 基本工资 12.00 12.00 0.00
30102 津贴补贴 8.00 8.00 0.00
302 商品和服务支出 10.00 0.00 10.00
30201 办公费 4.00 0.00 4.00
30299 其他商品和服务支出 6.00 0.00 6.00
"""
OFFICE_LINE = 9  # 30201 办公费


def document(text: str) -> Document:
    return parse(decode(text.encode(), "示例.txt"))


def table_findings(text: str) -> list[Finding]:
    audit = audit_document(document(text), RULES)
    return [f for f in audit.found if f.severity in ("error", "warning")]


def test_the_printed_table_is_consistent() -> None:
    assert table_findings(TABLE) == []


def test_one_mistyped_cell_is_one_finding_with_the_other_failures_under_it() -> None:
    # 30201's 合计 4.00 → 5.00: its row says 0.00 + 4.00 = 4.00 (BA102) and its column
    # under 302 says 5.00 + 6.00 = 11.00 ≠ 10.00 (BA101). One cell, one finding.
    [finding] = table_findings(TABLE.replace("30201 办公费 4.00", "30201 办公费 5.00"))
    assert sorted(f.rule for f in finding.with_related) == ["BA101", "BA102"]
    assert finding.suspect is not None
    assert (finding.suspect.line, finding.suspect.value) == (OFFICE_LINE, "5.00")


def test_two_slips_in_different_cells_stay_two_findings() -> None:
    # 30101's 人员经费 12.00 → 13.00 and 30299's 公用经费 6.00 → 7.00: no cell is shared by
    # the failures of the one and of the other.
    text = TABLE.replace("30101 基本工资 12.00 12.00", "30101 基本工资 12.00 13.00").replace(
        "30299 其他商品和服务支出 6.00 0.00 6.00", "30299 其他商品和服务支出 6.00 0.00 7.00"
    )
    found = table_findings(text)
    assert len(found) == 2
    assert {f.suspect.line for f in found if f.suspect is not None} == {6, 10}


def test_the_json_report_keeps_the_gathered_findings() -> None:
    audit = audit_document(document(TABLE.replace("30201 办公费 4.00", "30201 办公费 5.00")), RULES)
    report = json.loads(render_json([audit], single=True))
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert [f["rule"] for f in finding["related"]] and finding["suspect"]["line"] == OFFICE_LINE


def test_markdown_and_sarif_show_the_gathered_findings() -> None:
    from budget_audit.reports.markdown import render_markdown
    from budget_audit.reports.sarif import sarif_log

    audit = audit_document(document(TABLE.replace("30201 办公费 4.00", "30201 办公费 5.00")), RULES)
    [primary] = [f for f in audit.found if f.severity == "error"]
    [other] = primary.related
    assert f"同一数字另致不符: {other.rule}" in render_markdown([audit])
    [result] = [r for r in sarif_log([audit])["runs"][0]["results"] if r["level"] == "error"]
    said = [loc["message"]["text"] for loc in result["relatedLocations"]]
    assert any(text.startswith(f"{other.rule}: ") for text in said)
