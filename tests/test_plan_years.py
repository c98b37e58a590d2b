"""Years in plans are a budget's: a 决算, written after its year, counts 截至 that year's end."""

from __future__ import annotations

from budget_audit import parse
from budget_audit.engine import builtin_rules, run_rules
from budget_audit.source import decode

RULES = [r for r in builtin_rules() if r.id in ("BA711", "BA407")]
HEADINGS = (
    "示例局 {year} 年度{kind}\n第一部分 示例局概况\n第二部分 示例局 {year} 年度{kind}表\n"
    "第三部分 示例局 {year} 年度{kind}情况说明\n截至 2024 年 12 月 31 日，本部门共有车辆 2 辆。\n"
)


def audit(kind: str, year: int) -> tuple[list[str], list[str]]:
    text = HEADINGS.format(kind=kind, year=year)
    found, not_checked = run_rules(parse(decode(text.encode(), "x.txt")), RULES)
    return [f.rule for f in found], not_checked


def test_a_final_accounts_document_dates_its_stock_at_its_own_years_end() -> None:
    found, not_checked = audit("部门决算", 2024)
    assert found == []
    assert any(line.startswith("BA711: 文档是决算") for line in not_checked)


def test_a_budget_dates_its_stock_at_the_end_of_the_year_before() -> None:
    assert audit("部门预算", 2025)[0] == []
    assert audit("部门预算", 2024)[0] == ["BA711"]  # 截至 2024 年末 in the 2024 budget
