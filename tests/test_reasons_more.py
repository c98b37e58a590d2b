"""BA712 beyond the 整体 form's money columns: the document's own line holding all of the named
money, and headcount reasons against the form's 单位在职人员数."""

from __future__ import annotations

from budget_audit import parse
from budget_audit.engine import builtin_rules, run_rules
from budget_audit.findings import Finding
from budget_audit.source import decode
from tests.conftest import corpus_document

BA712 = next(rule for rule in builtin_rules() if rule.id == "BA712")

_HEAD = "第一部分 示例中心概况\n第二部分 示例中心 2026 年部门预算表\n部门整体支出绩效目标申报表\n单位：万元\n"
# The money part of a 整体 form that gives 2024 but not 2025 (as jiangxia's does): 项目支出 40.
_MONEY = (
    "部门总体资金情况\t总体资金情况\t\t当年金额\t占比\t近两年收支金额\t\n"
    "\t\t\t\t\t2024年\t2025年\n"
    "\t收入构成\t财政拨款\t100\t100%\t105\t\n"
    "\t\t合计\t100\t100%\t105\t\n"
    "\t支出构成\t基本支出\t60\t60%\t75\t\n"
    "\t\t项目支出\t40\t40%\t30\t\n"
    "合计\t\t100\t100%\t105\t\t\n"
)


def _staff(prior: int, current: int) -> str:
    return (
        "一级指标\t二级指标\t三级指标\t指标值\n"
        "\t\t\t项目近两年指标值\t\t当年指标值\t长期指标值\n"
        "\t\t\t2024年\t2025年\n"
        f"产出指标\t数量指标\t单位在职人员数\t19人\t{prior}人\t{current}人\t{current}人\n"
    )


def _found(form: str, narrative: str) -> list[Finding]:
    text = f"{_HEAD}{form}第三部分 情况说明\n{narrative}\n"
    found, _ = run_rules(parse(decode(text.encode(), "x.txt")), [BA712])
    return found


_TOTAL_FELL = "2026 年收支总预算 100 万元，比 2025 年预算减少 5 万元，主要是项目支出减少。"


def _line_rose(amount: int, why: str = "主要是项目支出增加") -> str:
    return f"其他支出(项)2026年预算为{amount}万元，比2025年预算增加10万元，{why}。"


def test_a_reason_the_line_holding_all_of_that_money_contradicts() -> None:
    [finding] = _found(_MONEY, _TOTAL_FELL + _line_rose(40))
    assert finding.severity == "warning"
    assert "全部项目支出 40 万元" in finding.message and "增加 10 万元" in finding.message
    # the reason's line, the line that rose, and the form's 项目支出 (line 10)
    assert sorted({e.line for e in finding.evidence}) == [10, 13]


def test_a_line_holding_part_of_the_money_says_nothing_of_the_whole() -> None:
    assert _found(_MONEY, _TOTAL_FELL + _line_rose(30)) == []


def test_a_line_explained_otherwise_is_not_the_documents_word_on_that_money() -> None:
    assert _found(_MONEY, _TOTAL_FELL + _line_rose(40, "主要是新增网络运维服务")) == []


def test_a_reason_agreeing_with_the_line_is_not_reported() -> None:
    rose = "2026 年收支总预算 100 万元，比 2025 年预算增加 5 万元，主要是项目支出增加。"
    assert _found(_MONEY, rose + _line_rose(40)) == []


_STAFF_FELL = "事业运行(项)2026年预算为60万元，比2025年预算减少15万元，主要是在职人员减少。"


def test_headcount_reasons_against_the_forms_headcount() -> None:
    [finding] = _found(_staff(20, 23), _STAFF_FELL + _STAFF_FELL.replace("事业运行", "住房公积金"))
    assert "2 处" in finding.message and "2025 年 20 人、本年 23 人" in finding.message
    assert sorted({e.line for e in finding.evidence}) == [8, 10]


def test_headcount_that_fell_or_stayed_agrees_or_says_nothing() -> None:
    assert _found(_staff(20, 18), _STAFF_FELL) == []
    assert _found(_staff(20, 20), _STAFF_FELL) == []


def test_a_staff_section_stating_another_headcount_leaves_the_reason_unchecked() -> None:
    # the form's 当年 23 is not the 人员构成's 18: which is right is not ours to say
    narrative = "在职实有人数 18 人。\n" + _STAFF_FELL
    assert _found(_staff(20, 23), narrative) == []


def test_jiangxia_two_reasons_against_its_own_figures() -> None:
    found = {
        tuple(sorted({e.line for e in f.evidence})): f.message
        for f in run_rules(corpus_document("jiangxia-2026"), [BA712])[0]
    }
    # 1379: "比2025年预算减少11.36万元…主要是2026年项目支出减少"; 1389: 其他网信事务支出 978.48
    # (all of 项目支出 978.48, 整体 form line 414) "比2025年预算增加414.74万元…主要是2026年项目支出增加".
    # Its 2025 figure is 978.48 − 414.74 = 563.74.
    assert "比 2025 年增加 414.74 万元" in found[(414, 1379, 1389)]
    # seven "主要是2026年在职人员减少" against 单位在职人员数 2025 年 20 人, 当年 23 人 (line 447);
    # the 人员构成 (line 82) also says 在职实有人数 23 人.
    assert "7 处" in found[(447, 1387, 1393, 1397, 1399, 1401, 1403, 1405)]
    assert len(found) == 2
