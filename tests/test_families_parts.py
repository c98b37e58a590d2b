"""BA906 and BA907: sections of the 情况说明 against their headings."""

from __future__ import annotations

from budget_audit import parse
from budget_audit.engine import builtin_rules, run_rules
from budget_audit.findings import Finding
from budget_audit.source import decode

RULES = {r.id: r for r in builtin_rules() if r.id in ("BA906", "BA907")}


def findings(narrative: str, rule: str, before: str = "") -> list[Finding]:
    text = "第一部分 概况\n" + before + "第二部分 预算表\n第三部分 情况说明\n" + narrative
    return run_rules(parse(decode(text.encode(), "example.txt")), [RULES[rule]])[0]


def test_a_heading_followed_by_its_own_subsection_is_not_empty() -> None:
    narrative = "十一、其他重要事项\n(一) 机关运行经费情况\n2026 年机关运行经费 38.7 万元。\n"
    assert findings(narrative, "BA906") == []


def test_an_empty_heading_cites_itself_and_the_next() -> None:
    narrative = "(三) 政府购买服务预算情况\n\n(四) 预算绩效管理情况\n全面实施绩效管理。\n"
    (finding,) = findings(narrative, "BA906")
    assert [e.line for e in finding.evidence] == [4, 6]  # lines 1-3 are the part headings


def test_a_lower_level_heading_ending_a_list_is_not_a_section() -> None:
    # 1. numbers list items (the units of the department): never a heading here
    narrative = "二、预算单位构成\n1. 本级\n三、人员构成\n总编制 4 人。\n"
    assert findings(narrative, "BA906") == []


def test_the_overview_is_not_read() -> None:
    before = "(八)负责其他事项\n(九)承担上级交办的其他事项\n"
    assert findings("一、收支预算\n收入 10 万元。\n", "BA906", before) == []


def test_a_heading_over_another_subjects_text_is_reported_at_the_heading() -> None:
    narrative = "(四) 政府采购预算情况\n本部门 2026 年“三公”经费预算为 0 万元，与上年持平。\n"
    (finding,) = findings(narrative, "BA907")
    assert finding.line == 4 and "“三公”经费" in finding.message
    assert [e.line for e in finding.evidence] == [4, 5]


def test_a_text_naming_its_own_subject_or_two_others_is_left_alone() -> None:
    own = "(四) 政府采购预算情况\n本部门无采购，“三公”经费预算为 0 万元。\n"
    assert findings(own, "BA907") == []
    two = "(四) 政府采购预算情况\n“三公”经费预算为 0 万元，机关运行经费 2 万元。\n"
    assert findings(two, "BA907") == []


def test_a_wrapped_sentence_is_no_heading() -> None:
    # PDF text: the first line of a sentence starting with (一) is not a heading over the rest
    narrative = (
        "(一)2026 年部门政府采购预算支出合计 254.83 万元，比\n"
        "上年减少 5 万元。“三公”经费 0 万元。\n(二)政府购买服务预算情况\n无。\n"
    )
    assert findings(narrative, "BA907") == []
    assert findings(narrative, "BA906") == []
