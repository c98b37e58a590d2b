"""BA410: a project form's 成本控制 cap against the form's own 项目当年预算."""

from __future__ import annotations

from budget_audit import parse
from budget_audit.engine import builtin_rules, run_rules
from budget_audit.findings import Finding
from budget_audit.source import decode

RULE = next(r for r in builtin_rules() if r.id == "BA410")

HEAD = "项目支出绩效目标申报表\n单位：{unit}\n项目名称\t平台运维\n项目总预算\t{budget}\t项目当年预算\t{budget}\n"
LONG = "长期绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t绩效标准\n"
ANNUAL = (
    "年度绩效指标\t一级指标\t二级指标\t三级指标名称\t指标值\t\t绩效标准\n"
    "\t\t\t\t2024 年\t2025 年\t\n"
)


def run(text: str) -> tuple[list[Finding], list[str]]:
    """The rule's findings and skips on a budget document holding ``text``."""
    document = parse(decode(("第二部分 示例中心 2026 年部门预算表\n" + text).encode(), "x.txt"))
    found, skipped = run_rules(document, [RULE])
    return found, [str(s) for s in skipped]


def form(cap: str, budget: str = "80.64", unit: str = "万元", name: str = "成本控制额度") -> str:
    return (
        HEAD.format(unit=unit, budget=budget)
        + LONG
        + f"\t成本指标\t经济成本指标\t{name}\t{cap}\t计划标准\n"
    )


def test_a_cap_below_the_budget_is_a_warning_citing_both() -> None:
    (finding,) = run(form("≤67.14 万元"))[0]
    assert finding.severity == "warning"
    assert [e.value for e in finding.evidence] == ["67.14", "80.64"]
    assert str(finding.difference) == "-13.50"


def test_a_cap_at_or_above_the_budget_is_not_reported() -> None:
    assert run(form("≤80.64 万元"))[0] == []
    assert run(form("≤90 万元"))[0] == []


def test_yuan_and_wan_are_converted() -> None:
    # 806400 元 is 80.64 万元: a cap of 80.64 万元 is the budget
    assert run(form("≤80.64 万元", budget="806400", unit="元"))[0] == []
    (finding,) = run(form("≤670000 元", budget="80.64"))[0]
    assert str(finding.stated) == "67"


def test_a_cap_whose_rounding_may_reach_the_budget_is_not_reported() -> None:
    # ≤266 万元 printed whole may stand for 266.04 rounded
    assert run(form("≤266 万元", budget="266.04"))[0] == []


def test_a_unit_cost_is_not_a_cap_on_the_project() -> None:
    assert run(form("≤5 万元", name="人均成本控制"))[0] == []
    assert run(form("≤5 万元", name="单位成本控制"))[0] == []


def test_different_caps_may_each_cap_a_part_so_they_are_skipped() -> None:
    text = form("≤20 万元") + "\t\t\t设备成本控制\t≤10 万元\t计划标准\n"
    found, skipped = run(text)
    assert found == [] and any("不同金额" in s for s in skipped)


def test_a_prior_years_cap_is_not_this_years() -> None:
    # 2024 and 2025 columns hold last years' caps; only the current value is compared
    text = (
        HEAD.format(unit="万元", budget="80")
        + ANNUAL
        + "\t成本指标\t经济成本指标\t成本控制额度\t≤60 万元\t≤70 万元\t≤80 万元\t计划标准\n"
    )
    assert run(text)[0] == []


# BA411: the functional classification a project form states against the 支出总表's codes.
SUBJECTS = next(r for r in builtin_rules() if r.id == "BA411")
OVERVIEW = (
    "表 3.支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    "\t合计\t100.00\t60.00\t40.00\n"
    "201\t一般公共服务支出\t100.00\t60.00\t40.00\n"
    "20137\t网信事务\t100.00\t60.00\t40.00\n"
    "2013799\t其他网信事务支出\t100.00\t60.00\t40.00\n"
)
PROJECT = "项目支出绩效目标申报表\n单位：万元\n项目名称\t{name}\n{field}\n项目总预算\t40\t项目当年预算\t40\n"


def subjects(text: str) -> tuple[list[Finding], list[str]]:
    """BA411's findings and skips on a budget document holding ``text``."""
    document = parse(decode(("第二部分 示例中心 2026 年部门预算表\n" + text).encode(), "x.txt"))
    found, skipped = run_rules(document, [SUBJECTS])
    return found, [str(s) for s in skipped]


def test_a_code_the_tables_use_is_not_reported() -> None:
    assert (
        subjects(OVERVIEW + PROJECT.format(name="平台运维", field="支出功能分类\t201 类\t37 款"))[0]
        == []
    )
    assert (
        subjects(OVERVIEW + PROJECT.format(name="平台运维", field="支出功能分类\t201类"))[0] == []
    )
    field = "支出功能分类\t201 类\t37 款\t99 项"
    assert subjects(OVERVIEW + PROJECT.format(name="平台运维", field=field))[0] == []


def test_one_finding_per_code_cites_every_form_and_the_class_row() -> None:
    text = (
        OVERVIEW
        + PROJECT.format(name="平台运维", field="支出功能分类\t208 类\t16 款")
        + PROJECT.format(name="机房运维", field="支出功能分类\t208 类\t16 款")
    )
    (finding,) = subjects(text)[0]
    assert finding.severity == "warning" and "20816" in finding.message
    # the two forms' lines, and the 支出总表's first coded row (the 类 208 is not in it)
    assert [e.line for e in finding.evidence] == [12, 17, 6]


def test_a_class_the_table_has_with_another_section_cites_the_class_row() -> None:
    (finding,) = subjects(
        OVERVIEW + PROJECT.format(name="平台运维", field="支出功能分类\t201 类\t16 款")
    )[0]
    assert [e.line for e in finding.evidence] == [12, 6]
    assert "20137" in finding.message


def test_names_are_not_compared_and_no_overview_is_a_skip() -> None:
    field = "支出功能分类\t社会保障和就业支出\t其他社会保障"
    assert subjects(OVERVIEW + PROJECT.format(name="平台运维", field=field))[0] == []
    found, skipped = subjects(PROJECT.format(name="平台运维", field="支出功能分类\t208 类\t16 款"))
    assert found == [] and any("未比较" in s for s in skipped)


# BA412: an indicator's value against the unit its name asks for.
UNITS = next(r for r in builtin_rules() if r.id == "BA412")


def indicator(name: str, value: str) -> list[Finding]:
    """BA412's findings on a form with one indicator ``name`` valued ``value``."""
    text = (
        "第二部分 示例中心 2026 年部门预算表\n"
        + HEAD.format(unit="万元", budget="20")
        + LONG
        + f"\t产出指标\t质量指标\t{name}\t{value}\t计划标准\n"
    )
    return run_rules(parse(decode(text.encode(), "x.txt")), [UNITS])[0]


def test_a_share_above_a_hundred_percent_is_a_warning() -> None:
    (finding,) = indicator("保障工作完成合格率", "≥110%")
    assert finding.severity == "warning" and finding.evidence[0].value == "110"
    assert indicator("服务对象满意度", "≥98%") == []
    assert indicator("保障工作完成合格率", "=100%") == []


def test_a_bare_completion_rate_may_be_over_fulfilled() -> None:
    assert indicator("工作计划完成率", "≥105%") == []


def test_a_duration_in_percent_is_a_warning_but_a_change_of_one_is_not() -> None:
    (finding,) = indicator("故障响应时间", "≤95%")
    assert "95" in finding.message
    assert indicator("故障响应时间", "≤2 小时") == []
    assert indicator("响应时间缩短", "≥10%") == []
    assert indicator("按时响应时间达标率", "≥95%") == []


# BA413: a cost cap stated for a prior year whose budget the form gives as 0.
ZERO_YEAR = next(r for r in builtin_rules() if r.id == "BA413")
PRIOR = (
    "项目支出绩效目标申报表\n单位：万元\n项目名称\t平台运维\n"
    "项目总预算\t272 万元\t项目当年预算\t272 万元\n"
    "项目前两年预算\t2024 年项目预算 {y1} 万元，2025 年项目预算 {y2} 万元。\n"
    "年度绩效指标\t一级指标\t二级指标\t三级指标名称\t指标值\t\t\t绩效标准\n"
    "\t\t\t\t2024年\t2025年\t预期当年实现值\t\n"
    "\t成本指标\t经济成本指标\t成本控制额度\t{caps}\t计划标准\n"
)


def zero_year(y1: str, y2: str, caps: str) -> tuple[list[Finding], list[str]]:
    """BA413's findings and skips on one form."""
    text = "第二部分 示例中心 2026 年部门预算表\n" + PRIOR.format(y1=y1, y2=y2, caps=caps)
    found, skipped = run_rules(parse(decode(text.encode(), "x.txt")), [ZERO_YEAR])
    return found, [str(s) for s in skipped]


def test_caps_in_years_without_budget_are_one_warning_citing_both_lines() -> None:
    (finding,) = zero_year("0", "0", "≤272万元\t≤272万元\t≤272万元")[0]
    assert finding.severity == "warning"
    assert sorted({e.line for e in finding.evidence}) == [6, 9]
    assert "2024、2025" in finding.message


def test_a_year_with_a_budget_or_a_zero_cap_is_not_reported() -> None:
    assert zero_year("10", "20", "≤10万元\t≤20万元\t≤272万元")[0] == []
    assert zero_year("0", "20", "≤0万元\t≤20万元\t≤272万元")[0] == []


def test_a_line_with_an_empty_year_cell_is_skipped() -> None:
    # "\t\t≤9.52" : the empty cell is dropped, the caps cannot be given their years
    found, skipped = zero_year("0", "9.52", "\t≤9.52万元\t≤272万元")
    assert found == [] and any("空缺" in s for s in skipped)


def test_a_floor_is_not_a_cap() -> None:
    assert run(form("≥67.14 万元"))[0] == []
