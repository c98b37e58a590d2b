"""BA408: sums stated in the prose of project forms."""

from __future__ import annotations

from budget_audit import parse
from budget_audit.engine import builtin_rules, run_rules
from budget_audit.findings import Finding
from budget_audit.source import decode

RULE = next(r for r in builtin_rules() if r.id == "BA408")

FORM = "项目支出绩效目标申报表\n单位：万元\n项目名称\t办公场所租赁\n{prose}\n项目总预算\t30\t项目当年预算\t30\n"


def findings(prose: str, form: str = FORM) -> list[Finding]:
    text = "第二部分 示例中心 2026 年部门预算表\n" + form.format(prose=prose)
    document = parse(decode(text.encode(), "example.txt"))
    return run_rules(document, [RULE])[0]


def test_a_sum_off_by_more_than_rounding_is_an_error() -> None:
    # 10.5 + 20.25 = 30.75, not 31 (31 printed whole stands for 30.5..31.5: 30.75 is inside)
    assert findings("测算依据\t租金 10.5 万元，物业费 20.25 万元，合计 31 万元。") == []
    # 10.5 + 20.25 = 30.75; 32 stands for 31.5..32.5: beyond rounding
    (finding,) = findings("测算依据\t租金 10.5 万元，物业费 20.25 万元，合计 32 万元。")
    assert finding.severity == "error"
    assert finding.expected == finding.stated - finding.difference  # type: ignore[operator]
    assert str(finding.expected) == "30.75" and str(finding.difference) == "1.25"
    assert [e.value for e in finding.evidence] == ["32", "10.5", "20.25"]


def test_the_sum_reaches_over_a_sentence_end_within_one_field() -> None:
    prose = "变动理由\t原租金 10.5 万元（附合同）。新增租金 15.25 万元，合计 27 万元。"
    (finding,) = findings(prose)  # 10.5 + 15.25 = 25.75, stated 27 (26.5..27.5)
    assert "10.5 + 15.25" in finding.message


def test_an_earlier_amount_that_is_not_a_part_is_left_out() -> None:
    # the prior year's 80 stands before the enumeration: the last two amounts give the sum
    prose = "变动理由\t上年预算 80 万元。本年租金 10 万元，物业费 20 万元，合计 30 万元。"
    assert findings(prose) == []


def test_a_numbered_point_or_a_label_ends_the_parts() -> None:
    # point 1's 73 is not a part of point 2's sum (10 + 20 = 30)
    prose = "变动情况\t1. 前两年预算：2024 年 73 万元。2. 理由：租金 10 万元，物业费 20 万元，合计 30 万元。"
    assert findings(prose) == []


def test_parts_after_a_blocking_word_only() -> None:
    # 其中 makes 10 a part of 40: the sum is taken after it (25 + 15 = 40)
    assert (
        findings("测算依据\t租金 40 万元，其中 10 万元。物业 25 万元，维修 15 万元，合计 40 万元。")
        == []
    )
    # a rate is not an amount to add: 0.5 万元/月 is left out (12 + 18 = 30)
    assert findings("测算依据\t0.5 万元/月，租金 12 万元，物业费 18 万元，共计 30 万元。") == []


def test_wrapped_pdf_prose_keeps_each_numbers_line() -> None:
    form = "项目申报表\n单位：万元\n项目名称 平台运维\n{prose}\n项目总预算 30 项目当年预算 30\n"
    prose = "项目立项依据\n运维费 10 万元，软件\n服务费 15 万元，合计 30 万元。"
    (finding,) = findings(prose, form)  # 10 + 15 = 25 (24..26 as printed), stated 30 (29.5..30.5)
    # lines: 1 第二部分, 2 title, 3 unit, 4 项目名称, 5 立项依据, 6 运维费…, 7 服务费…
    assert [(e.value, e.line) for e in finding.evidence] == [("30", 7), ("10", 6), ("15", 7)]
