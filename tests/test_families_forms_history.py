"""Family 3 (rest), 4 and 13 of the project forms: prior years against the 整体 form (BA414)."""

from __future__ import annotations

from decimal import Decimal

from budget_audit import parse
from budget_audit.engine import builtin_rules, run_rules
from budget_audit.findings import Finding
from budget_audit.source import decode
from tests.conftest import CORPUS, DOCUMENTS, corpus_document

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
    278.47+12.93+1078.79), 2024 265+3+3+5 = 276 <= 1316.82; qingshan 2025 333.2+83.8 = 417
    <= 806.77. jiangxia's 整体 form prints one prior year only and is not compared (its 821
    would be above the forms' 2024 113+73+40+70+80 = 376 and 2025 437.98 either way).
    """
    found = {name: run_rules(corpus_document(name), [HISTORY])[0] for name in DOCUMENTS}
    assert {name: len(f) for name, f in found.items() if f} == {"qiaokou-2025": 1}
    (finding,) = found["qiaokou-2025"]
    assert finding.line == 716
    assert [e.line for e in finding.evidence] == [716, 1129, 1380]
    assert str(finding.stated) == "232.695" and str(finding.expected) == "39.1"


# BA415: a narrative amount and the parts it says it includes (family 13).
PARTS = next(r for r in builtin_rules() if r.id == "BA415")


def parts_run(text: str) -> list[Finding]:
    document = parse(decode(("第三部分 情况说明\n" + text).encode(), "x.txt"))
    return run_rules(document, [PARTS])[0]


PERSONNEL = (
    "(一)人员经费 {total} 万元。包括：\n\n"
    "工资福利支出 {wages} 万元，主要用于：在职人员基本工资、\n\n津贴补贴等。\n\n"
    "对个人和家庭的补助 2.94 万元，主要用于：离休费、退休\n\n— 28 —\n\n费等。\n\n"
    "(二)公用经费 24.29 万元。主要用于：办公费 10 万元。\n"
)


def test_paragraph_parts_are_summed_over_wrapped_lines_and_page_numbers() -> None:
    assert parts_run(PERSONNEL.format(total="380.8", wages="377.86")) == []
    (finding,) = parts_run(PERSONNEL.format(total="382.24", wages="377.86"))
    # 377.86 + 2.94 = 380.8, 1.44 short of 382.24: 包括 may name some parts, a warning
    assert finding.severity == "warning" and finding.line == 2
    assert [e.value for e in finding.evidence] == ["382.24", "377.86", "2.94"]
    assert finding.difference == Decimal("1.44")


def test_parts_above_the_total_are_an_error() -> None:
    (finding,) = parts_run(PERSONNEL.format(total="370", wages="377.86"))
    assert finding.severity == "error"  # 377.86 + 2.94 = 380.8 > 370


def test_a_parts_own_items_after_its_purpose_are_not_parts() -> None:
    text = (
        "(一)人员经费585.65万元,包括:\n"
        "工资福利支出578.17万元,主要用于:基本工资107.08万元、津贴补贴21.33万元、职业年金缴\n"
        "费 449.76 万元。\n对个人和家庭的补助 7.48 万元，主要用于：退休费 7.48 万元。\n"
        "(二)公用经费 38.7 万元。\n"
    )
    assert parts_run(text) == []  # 578.17 + 7.48 = 585.65; 费 449.76 continues a sentence


def test_inline_parts_are_read_to_the_sentence_end() -> None:
    text = "政府采购预算支出预算数合计 415.88 万元。包括：\n\n货物类 3万元，工程 0万元，服务类 412.88 万元。\n"
    assert parts_run(text) == []
    assert len(parts_run(text.replace("412.88", "402.88"))) == 1
    # a sentence that runs over the line: where its parts end cannot be told
    wrapped = "合计 415.88 万元。包括：\n货物类 3万元，工程 0万元，\n服务类 402.88 万元。\n"
    assert parts_run(wrapped) == []


def test_a_list_the_item_list_reader_sums_is_left_to_it() -> None:
    # "…合计 425.16 万元。包括：货物类 …" on one line is BA706's list
    text = (
        "2026 年部门政府采购预算支出合计 425.16 万元。包括：货物类 0.6 万元；服务类 424.56 万元。\n"
    )
    document = parse(decode(("第三部分 情况说明\n" + text).encode(), "x.txt"))
    assert any(lst.total is not None for lst in document.claims.lists)
    assert run_rules(document, [PARTS])[0] == []


def test_corpus_breakdowns_agree_and_a_changed_part_is_found() -> None:
    """No BA415 finding on the corpus: every breakdown adds up (checked by hand):
    hanyang 1983 278.1 = 278.1; jiangxia 1411 578.17 + 7.48 = 585.65; qiaokou 1622
    377.86 + 1.44 + 2.94 = 382.24, 1642 24.29 = 24.29; qingshan 557 425.47 + 9.57 = 435.04;
    qingshan-bigdata 1865 456.02 + 4.28 = 460.3, 1934 3 + 0 + 412.88 = 415.88."""
    for name in DOCUMENTS:
        assert run_rules(corpus_document(name), [PARTS])[0] == [], name
    text = (CORPUS / "hanyang-2025.txt").read_text(encoding="utf-8")
    changed = text.replace("工资福利支出 278.1 万元", "工资福利支出 270.1 万元")
    (finding,) = run_rules(parse(decode(changed.encode(), "hanyang-2025.txt")), [PARTS])[0]
    assert finding.line == 1983 and finding.difference == Decimal(8)


# BA416: an item's amount in a project form's prose against its 测算 line (family 4).
BASIS = next(r for r in builtin_rules() if r.id == "BA416")


def basis_form(prose: str, lines: str) -> str:
    """A project form in 元 whose 实施方案 is ``prose`` and whose 测算 block is ``lines``."""
    return (
        "项目申报表\n单位: 元\n项目名称 平台运维\n项目实施方案\n"
        f"{prose}\n项目总预算 47000.00 项目当年预算 47000.00\n项目支出明细测算\n"
        f"项目任务明细 支出标准 单价 计量数 测算数 测算依据及说明\n{lines}项目采购\n"
    )


def basis_run(text: str) -> list[Finding]:
    document = parse(decode(("第二部分 示例中心 2025 年部门预算表\n" + text).encode(), "x.txt"))
    return run_rules(document, [BASIS])[0]


def test_an_items_amount_off_its_calculation_line_is_a_warning() -> None:
    text = basis_form("预计印刷费 0.94万，办公费 0.5万。", "印刷费 9400\n办公费 6000\n")
    (finding,) = basis_run(text)
    # 办公费 0.5 万元 in the prose, 6000 元 = 0.6 万元 on its line
    assert finding.severity == "warning"
    assert [e.value for e in finding.evidence] == ["0.5", "6000"]
    assert finding.difference == Decimal("-0.1")


def test_the_name_with_zhichu_and_wan_yuan_rounding_match() -> None:
    # 其他商品和服务 is the line 其他商品和服务支出; 3.3 万 printed to 0.1 covers 32600 元
    text = basis_form("其他商品和服务 3.3万元。", "其他商品和服务支出 32600\n")
    assert basis_run(text) == []
    assert len(basis_run(text.replace("3.3万元", "3.2万元"))) == 1


def test_rates_totals_and_twice_stated_items_are_not_compared() -> None:
    lines = "印刷费 9400\n办公费 5000\n"
    assert basis_run(basis_form("每年印刷费 1万元，办公费 0.5万，合计 9万。", lines)) == []
    assert basis_run(basis_form("印刷费 1万元/年。", lines)) == []
    assert basis_run(basis_form("印刷费 1万元；调整后印刷费 0.94万元。", lines)) == []


def test_an_item_no_calculation_line_names_is_not_compared() -> None:
    # 派遣人员工作经费 is not the line 派遣人员经费: which item it is cannot be told
    text = basis_form("预计发生派遣人员工作经费 171.2万。", "派遣人员经费 1612000\n")
    assert basis_run(text) == []


def test_corpus_items_agree_and_a_changed_one_is_found() -> None:
    """No BA416 finding on the corpus. qiaokou-2025's first form is the one that names its
    items (line 1120: 印刷费 0.94万, 办公费 0.5万, 办公室购置 2.1万, 其他商品和服务 3.26万) and
    its 测算 lines agree (1159 印刷费 9400, 1161 办公费 5000, 1165 办公室购置 21000, 1163
    其他商品和服务支出 32600 元). Changing 办公费 to 0.6万 is found, citing both lines."""
    for name in DOCUMENTS:
        assert run_rules(corpus_document(name), [BASIS])[0] == [], name
    text = (CORPUS / "qiaokou-2025.txt").read_text(encoding="utf-8")
    changed = text.replace("办公费 0.5万", "办公费 0.6万")
    (finding,) = run_rules(parse(decode(changed.encode(), "qiaokou-2025.txt")), [BASIS])[0]
    assert [e.line for e in finding.evidence] == [1120, 1161]
    assert finding.difference == Decimal("0.1")


# BA417: a cost indicator that states the project's total against its budget (family 3).
TOTALS = next(r for r in builtin_rules() if r.id == "BA417")


def cost_form(name: str, value: str, total: str = "80", budget: str = "80") -> str:
    return (
        "项目支出绩效目标申报表\n单位：万元\n项目名称\t平台运维\n"
        f"项目总预算\t{total} 万元\t项目当年预算\t{budget} 万元\n"
        "长期绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t绩效标准\n"
        f"\t成本指标\t经济成本指标\t{name}\t{value}\t计划标准\n"
        "\t产出指标\t数量指标\t项目资金\t=10 万元\t计划标准\n"
    )


def totals_run(text: str) -> list[Finding]:
    document = parse(decode(("第二部分 示例中心 2026 年部门预算表\n" + text).encode(), "x.txt"))
    return run_rules(document, [TOTALS])[0]


def test_a_total_cap_below_the_budget_and_a_different_stated_total_are_warnings() -> None:
    (cap,) = totals_run(cost_form("项目总成本", "≤67.14 万元"))
    assert cap.severity == "warning" and cap.difference == Decimal("-12.86")  # 67.14 - 80
    (stated,) = totals_run(cost_form("预算控制数", "=900000 元"))
    assert stated.difference == Decimal(10)  # 900000 元 = 90 万元, 10 above 80


def test_what_is_not_a_total_or_not_this_years_is_not_compared() -> None:
    assert totals_run(cost_form("项目总成本", "≤80 万元")) == []
    assert totals_run(cost_form("项目总成本", "≥60 万元")) == []  # a floor
    assert totals_run(cost_form("人均伙食标准", "=900 元")) == []  # a unit's cost
    assert totals_run(cost_form("项目成本控制", "≤60 万元")) == []  # BA410's
    # a multi-year project: its total is neither this year's budget nor the whole
    assert totals_run(cost_form("项目总成本", "=240 万元", total="240")) == []
    # 项目资金 =10 万元 under 产出指标 is no cost indicator (each form above has it)


def test_corpus_has_no_whole_project_cost_indicator_findings() -> None:
    """No corpus form states a whole-project cost indicator other than 成本控制: qingshan-bigdata's
    项目总投入 (lines 1524, 1633, 1742) is its funding block's budget field, not an indicator."""
    for name in DOCUMENTS:
        assert run_rules(corpus_document(name), [TOTALS])[0] == [], name


def test_one_prior_year_printed_is_not_placed() -> None:
    # jiangxia-2026's 整体 form prints one figure a row under 2024年 2025年: whose year is it?
    text = words_form("平台运维", "2023 年项目预算 45 万元。")
    head = (
        "第二部分 示例中心 2025 年部门预算表\n部门整体支出绩效目标申报表\n单位：万元\n"
        "总体资金情况\t\t当年金额\t占比\t近两年收支金额\t\n\t\t\t\t2023年\t2024年\n"
        "\t财政拨款\t100\t100%\t90\t\n\t合计\t100\t100%\t90\t\n"
        "\t基本支出\t60\t60%\t50\t\n\t项目支出\t40\t40%\t40\t\n\t合计\t100\t100%\t90\t\n"
    )
    document = parse(decode((head + text).encode(), "x.txt"))
    assert run_rules(document, [HISTORY])[0] == []
    assert len(run(text)) == 1  # with both years printed, 45 > 40 is found


def test_a_sentence_about_another_year_is_not_compared() -> None:
    lines = "印刷费 9400\n办公费 5000\n"
    assert basis_run(basis_form("2024 年印刷费 1.2万元。", lines)) == []
    assert basis_run(basis_form("原印刷费 1.2万元，现调整。", lines)) == []
    assert len(basis_run(basis_form("2025 年印刷费 1.2万元。", lines))) == 1  # the budget year


def test_a_part_in_another_unit_leaves_the_breakdown_unread() -> None:
    # 其他 5000 元 may be a part: the sum of the 万元 parts alone says nothing
    text = "(一)人员经费 100.5 万元。包括：\n工资福利支出 99.2 万元，主要用于：工资。\n其他 5000 元。\n"
    assert parts_run(text) == []
    assert len(parts_run(text.replace("其他 5000 元。", "以上为全部。"))) == 1
