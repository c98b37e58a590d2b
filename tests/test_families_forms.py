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


# BA409: a project's amount in the 情况说明 against its own form
PROJECT_RULE = next(r for r in builtin_rules() if r.id == "BA409")
PROJECT = (
    "第二部分 示例中心 2026 年部门预算表\n项目申报表\n单位：万元\n项目名称 {name}\n"
    "项目总预算 {total} 项目当年预算 {total}\n项目资金来源\n合计 {total}\n"
    "一般公共预算财政拨款 {public}\n单位资金 {own}\n"
    "第三部分 情况说明\n{sentence}\n"
)


def project_findings(sentence: str, name: str = "平台运维服务") -> list[Finding]:
    text = PROJECT.format(name=name, total="15", public="12", own="3", sentence=sentence)
    document = parse(decode(text.encode(), "example.txt"))
    return run_rules(document, [PROJECT_RULE])[0]


def test_a_project_amount_off_its_form_is_reported() -> None:
    (finding,) = project_findings("1.平台运维服务 16 万元，主要用于：运维。")
    assert finding.line == 11 and [e.line for e in finding.evidence] == [11, 5]
    assert str(finding.difference) == "1"  # 16 - 15


def test_a_funding_source_of_the_form_is_not_a_contradiction() -> None:
    # 12 is the form's 一般公共预算财政拨款: the sentence may speak of that money alone
    assert project_findings("1.平台运维服务 12 万元，主要用于：运维。") == []
    assert project_findings("1.平台运维服务 15 万元，主要用于：运维。") == []


def test_a_name_that_is_not_the_forms_is_not_compared() -> None:
    assert project_findings("1.网格员终端服务 16 万元，主要用于：运维。") == []
    # 经费 is too short a name to be found inside other subjects
    assert project_findings("1.网格员终端运行经费 16 万元。", name="经费") == []


def test_hanyang_projects_are_verified_against_their_forms() -> None:
    from tests.conftest import corpus_document

    document = corpus_document("hanyang-2025")
    found, _ = run_rules(document, [PROJECT_RULE])
    assert found == []
    verified = {
        (c.value.line, c.value.raw)
        for c in document.claims.amounts
        if c.status == "verified" and c.value.line >= 2012
    }
    # the six projects of 十、项目支出安排情况 and their forms' 项目当年预算 (line):
    # 机动经费 12.96 (932), 残保金 3 (1168), 乡村振兴专项资金 3 (1412), 视频汇聚共享平台运维服务
    # 15 (364), 热线平台及人大履职系统运行经费 266.04 (638), 单位往来资金 5 (1676)
    assert {(2012, "12.96"), (2016, "3"), (2020, "3"), (2024, "15"), (2034, "266.04")} <= verified
    assert (2040, "5") in verified


def test_wan_alone_is_money_and_other_wan_units_are_not() -> None:
    # 0.94 + 0.5 + 2.1 + 3.26 = 6.8 (qiaokou-2025's 实施方案 writes 万 for 万元)
    assert (
        findings(
            "实施方案\t预计印刷费 0.94万，办公费 0.5万，办公室购置 2.1万，其他 3.26万，合计 6.8万。"
        )
        == []
    )
    # 0.94 + 0.52 = 1.46 (1.455..1.465 as printed), stated 1.6 (1.55..1.65)
    (finding,) = findings("实施方案\t预计印刷费 0.94万，办公费 0.52万，合计 1.6万。")
    assert str(finding.expected) == "1.46"
    # 8.2 万度 is electricity, not money: only 9.8 is an amount before the 合计, and one is no sum
    assert findings("立项依据\t已使用 8.2 万度，电费 9.8 万元，合计 9.8 万元。") == []


def test_the_same_text_printed_twice_is_one_finding() -> None:
    prose = "变动理由\t原租金 10.5 万元，新增租金 15.25 万元，合计 27 万元。"
    assert len(findings(f"{prose}\n{prose}")) == 1  # 10.5 + 15.25 = 25.75, stated 27
