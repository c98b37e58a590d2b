"""Family 3 (rest), 4 and 13 of the project forms: prior years against the 整体 form (BA414)."""

from __future__ import annotations

from decimal import Decimal

from budget_audit import parse
from budget_audit.engine import builtin_rules, run_rules
from budget_audit.findings import Finding
from budget_audit.source import decode
from tests.conftest import DOCUMENTS, corpus_document

HISTORY = next(r for r in builtin_rules() if r.id == "BA414")

OVERALL = (
    "部门整体支出绩效目标申报表\n单位：万元\n总体资金情况 当年金额 占比 近两年收支金额\n"
    "2023 年 2024 年\n财政拨款 100 100% 90 80\n合计 100 100% 90 80\n"
    "基本支出 60 60% 50 40\n项目支出 40 40% {p2023} {p2024}\n合计 100 100% 90 80\n"
)


def words_form(name: str, prior: str, unit: str = "万元") -> str:
    """A project form stating its prior years' budgets in a sentence."""
    return (
        f"项目申报表\n单位：{unit}\n项目名称 {name}\n项目总预算 10 项目当年预算 10\n"
        f"项目前两年预算及当年预算变动情况\n1.前两年预算安排情况：{prior}\n"
        "2.当年预算变动情况及理由：2024 年预算增加 500 万元。\n"
    )


def table_form(name: str, rows: str) -> str:
    """A project form (in 元) stating its prior years in a 预算数 / 执行数 / 执行率 table."""
    return (
        f"项目申报表\n单位: 元\n项目名称 {name}\n项目总预算 100000 项目当年预算 100000\n"
        f"项目前两年预算情况\n年度 预算数 执行数 执行率\n{rows}项目资金来源\n"
    )


def run(text: str, p2023: str = "40", p2024: str = "40") -> list[Finding]:
    return checked(text, p2023, p2024)[0]


def checked(text: str, p2023: str = "40", p2024: str = "40") -> tuple[list[Finding], list[str]]:
    """The findings and the skips on a 2025 budget holding the 整体 form and ``text``."""
    head = "第二部分 示例中心 2025 年部门预算表\n" + OVERALL.format(p2023=p2023, p2024=p2024)
    document = parse(decode((head + text).encode(), "x.txt"))
    found, skipped = run_rules(document, [HISTORY])
    return found, [str(s) for s in skipped]


def test_a_sum_above_the_overall_figure_is_a_warning_citing_all() -> None:
    text = words_form("平台运维", "2023 年的预算安排为 25 万元；2024 年的预算安排为 30 万元。")
    text += words_form("热线运行", "2023 年预算安排为 20 万元；2024 年预算安排为 10 万元。")
    (finding,) = run(text)
    # 2023: 25 + 20 = 45 > 40; 2024: 30 + 10 = 40, not above
    assert finding.severity == "warning"
    assert [e.value for e in finding.evidence] == ["40", "25", "20"]
    assert str(finding.difference) == "5"


def test_a_sum_below_is_not_reported_forms_may_cover_some_projects() -> None:
    text = words_form("平台运维", "2023 年项目预算 5 万元，2024 年项目预算 6 万元。")
    assert run(text) == []


def test_a_sum_that_rounding_may_bring_to_the_figure_is_not_reported() -> None:
    # 20 + 20.4 printed whole could be 19.5 + 20.4 = 39.9 < 40.2
    text = words_form("平台运维", "2023 年项目预算 20 万元，2024 年项目预算 0 万元。")
    text += words_form("热线运行", "2023 年项目预算 20.4 万元，2024 年项目预算 0 万元。")
    assert run(text, p2023="40.2") == []
    assert len(run(text, p2023="39")) == 1


def test_changes_outturns_and_the_budget_year_are_not_summed() -> None:
    # an outturn (预算执行), a change (预算增加), the budget year (2025) are no prior budget;
    # nor is the change's reason after the field (its 2024 年预算增加 500 万元)
    prior = "2023 年预算执行 90 万元，2024 年预算增加 90 万元，2025 年项目预算 90 万元。"
    assert run(words_form("平台运维", prior)) == []


def test_a_project_printed_twice_counts_once() -> None:
    text = words_form("平台运维", "2023 年项目预算 30 万元，2024 年项目预算 30 万元。")
    assert run(text + text) == []


def test_yuan_tables_are_converted_and_a_rate_widens_a_lone_amount() -> None:
    # 250000 元 = 25 万元 and 200000 元 = 20 万元, at 执行率 100% (99.5%..100.5%):
    # the least budget is 25/1.005 + 20/1.005 = 44.78 > 40
    rows = "2023年 250000.00 100%\n2024年 100000.00 100000.00 100%\n"
    text = table_form("平台运维", rows) + table_form("热线运行", "2023年 200000.00 100%\n")
    (finding,) = run(text)
    assert finding.stated == Decimal("45")
    # one amount without a rate may be the 执行数 of a budget whose cell was dropped
    assert run(table_form("平台运维", "2023年 450000.00\n")) == []


def test_several_overall_forms_are_not_compared() -> None:
    text = OVERALL.format(p2023="1", p2024="1") + words_form(
        "平台运维", "2023 年项目预算 30 万元。"
    )
    found, skipped = checked(text)
    assert found == [] and any("2 张部门整体支出绩效目标表" in s for s in skipped)


def test_corpus_findings() -> None:
    """Every BA414 finding on the corpus, checked by hand.

    qiaokou-2025: the 整体 form (line 716) gives 项目支出 2023年 39.1 万元; its two project
    forms, in 元, give 2023 预算数 391050.00 (line 1129, 工作经费) and 1935900.00 (line 1380,
    劳务派遣人员工作经费), both at 执行率 100%: 39.105 + 193.59 = 232.695 万元 > 39.1. (2024:
    13.64 + 190.21 = 203.85 = the 整体 form's 203.85, no finding: the forms are read right.)
    The others are below: hanyang 2023 275+3+3+5 = 286 <= 1370.19 (all three 项目 rows:
    278.47+12.93+1078.79), 2024 265+3+3+5 = 276 <= 1316.82; jiangxia 2024 113+73+40+70+80
    = 376 <= 821; qingshan 2025 333.2+83.8 = 417 <= 806.77.
    """
    found = {name: run_rules(corpus_document(name), [HISTORY])[0] for name in DOCUMENTS}
    assert {name: len(f) for name, f in found.items() if f} == {"qiaokou-2025": 1}
    (finding,) = found["qiaokou-2025"]
    assert finding.line == 716
    assert [e.line for e in finding.evidence] == [716, 1129, 1380]
    assert str(finding.stated) == "232.695" and str(finding.expected) == "39.1"
