"""Narrative wording of other provinces, written for these tests (names and figures made up).

Each sentence has the grammatical form of a real 情况说明 of a place our corpus
does not cover; the arithmetic that makes it right or wrong is written beside it.
"""

from __future__ import annotations

from decimal import Decimal

from budget_audit import parse
from budget_audit.audit import audit_document
from budget_audit.document import Document
from budget_audit.engine import builtin_rules
from budget_audit.source import decode

NARRATIVE_RULES = [r for r in builtin_rules() if r.family == "narrative"]
HEAD = "第一部分 示例中心概况\n\n第二部分 示例中心 2026 年部门预算表\n\n第三部分 情况说明\n"
FIRST = HEAD.count("\n") + 1  # the line of the first narrative line


def document(narrative: str) -> Document:
    return parse(decode((HEAD + narrative).encode(), "example.txt"))


def findings(narrative: str) -> list[tuple[str, str, int, str]]:
    """(rule, severity, line, message) of every error and warning."""
    found = audit_document(document(narrative), NARRATIVE_RULES).found
    return [(f.rule, f.severity, f.line, f.message) for f in found if f.severity != "info"]


def rules(narrative: str) -> list[tuple[str, str, int]]:
    return [(rule, severity, line) for rule, severity, line, _ in findings(narrative)]


# "与上年相比减少了 A 万元，减少 C%": the 了 after the direction.
# 2,460.5 + 539.5 = 3000.0 and 539.5 / 3000.0 = 17.983%, printed 17.98%.
def test_a_change_with_le_is_read_and_a_right_rate_passes() -> None:
    text = "项目支出预算数为 2,460.5 万元。与上年相比减少了 539.5\n万元，减少 17.98%。\n"
    [change] = document(text).claims.changes
    assert change.delta is not None and change.delta.raw == "539.5"
    assert change.current is not None and change.current.value.raw == "2,460.5"
    assert rules(text) == []


def test_a_change_with_le_and_a_wrong_rate_is_an_error_on_its_line() -> None:
    # 12.40% is no rounding, cutting or usual slip of 17.983% (539.5 / 2,460.5 = 21.93%)
    text = "项目支出预算数为 2,460.5 万元。与上年相比减少了 539.5\n万元，减少 12.40%。\n"
    assert rules(text) == [("BA703", "error", FIRST + 1)]


# 5,213.44 - 1,313.44 = 3,900.00 and 1,313.44 / 3,900.00 = 33.6779%: 33.68% rounded, 33.67% cut off.
RATE = "行政运行支出 5,213.44 万元，比上年增加 1,313.44 万元，增长 {}%。\n"


def test_a_rate_cut_off_instead_of_rounded_is_a_warning_saying_so() -> None:
    assert rules(RATE.format("33.68")) == []
    [(rule, severity, line, message)] = findings(RATE.format("33.67"))
    assert (rule, severity, line) == ("BA703", "warning", FIRST)
    assert "截断" in message


def test_a_rate_below_the_cut_off_one_is_still_an_error() -> None:
    # 33.66% is neither 33.6779% rounded (33.68) nor cut off (33.67)
    assert rules(RATE.format("33.66")) == [("BA703", "error", FIRST)]


def test_a_share_cut_off_instead_of_rounded_is_a_warning() -> None:
    # 523.37 / 800 = 65.42125% (65.42 right); 276.63 / 800 = 34.57875%: 34.58 rounded, 34.57 cut off
    text = (
        "本年支出合计 800 万元，其中：基本支出 523.37 万元，占 65.42%；"
        "项目支出 276.63 万元，占 {}%。\n"
    )
    assert rules(text.format("34.58")) == []
    [(rule, severity, _, message)] = findings(text.format("34.57"))
    assert (rule, severity) == ("BA702", "warning") and "截断" in message
    assert rules(text.format("34.68")) == [("BA702", "error", FIRST)]


# "同比减少 A 元，下降 C%" (figures in 元): 636,000 + 64,000 = 700,000 and 64,000 / 700,000 =
# 9.142857%, printed 9.14%; 10.06% is 64,000 / 636,000 = 10.063%, the current year as base.
def test_a_year_on_year_change_in_yuan_is_read() -> None:
    text = "基本支出预算 636,000.00 元，同比减少 64,000.00 元，下降 {}%。\n"
    [change] = document(text.format("9.14")).claims.changes
    assert change.delta is not None and change.delta.unit == "元"
    assert change.delta.amount.value == Decimal("64000.00")
    assert rules(text.format("9.14")) == []
    [(rule, severity, line, message)] = findings(text.format("10.06"))
    assert (rule, severity, line) == ("BA703", "error", FIRST)
    assert "本年数" in message  # the slip named: divided by the current year


# "较 2025 年的 A 万元减少 B 万元": the prior year stated inside the change. 1,650 - 165 = 1,485,
# 165 / 1,650 = 10%, and the items after 其中 add to the current year: 35 + 210 + 1,240 = 1,485.
STATED_PRIOR = (
    "“三公”经费预算 1,485 万元，较 2025 年的 1,650 万元减少 165 万元，下降 10%。"
    "其中：因公出国（境）费 35 万元，公务接待费 210 万元，公务用车购置及运行维护费 {} 万元。\n"
)


def test_a_prior_year_stated_inside_the_change_is_its_prior_not_an_amount() -> None:
    claims = document(STATED_PRIOR.format("1,240")).claims
    [change] = claims.changes
    assert change.prior is not None and change.prior.value.raw == "1,650"
    assert change.delta is not None and change.delta.raw == "165"
    assert [a.value.raw for a in claims.amounts] == ["1,485", "35", "210", "1,240"]
    [item_list] = claims.lists
    assert item_list.total is not None and item_list.total.value.raw == "1,485"
    assert rules(STATED_PRIOR.format("1,240")) == []


def test_a_list_under_a_change_with_its_prior_is_summed_against_the_current_year() -> None:
    # 35 + 210 + 1,250 = 1,495, not 1,485
    assert rules(STATED_PRIOR.format("1,250")) == [("BA706", "error", FIRST)]


def test_a_prior_year_with_words_before_its_amount() -> None:
    # "比上年累计支出 A 万元减少 B 万元": 431 + 2 = 433, 2 / 433 = 0.462%, printed 0.46%
    text = "“三公”经费支出 431 万元，比上年累计支出 433 万元减少 2 万元，下降 0.46%。\n"
    [change] = document(text).claims.changes
    assert change.prior is not None and change.prior.value.raw == "433"
    assert rules(text) == []
    assert rules(text.replace("0.46%", "0.64%")) == [("BA703", "error", FIRST)]


def test_nothing_moved_from_zero_is_not_a_rate_error() -> None:
    # 0 to 0, "增长 0%": the rate is undefined but nothing is wrong
    assert rules("经营收入 0.00 万元，较上年增加 0.00 万元，增长 0%。\n") == []


# A change with no amount of its own after a sentence listing several: nothing says which it is
# about. Here it is the total's (300 + 20 = 320, 20 / 320 = 6.25%), not the last item's
# (240 + 20 = 260, 20 / 260 = 7.69%), and it is left unchecked rather than held to an item.
def test_a_bare_change_after_a_list_is_not_held_to_its_last_item() -> None:
    text = (
        "“三公”经费预算 300 万元。其中，公务接待费 60 万元，公务用车运行维护费 240 万元。"
        "同口径比 2025 年减少 20 万元，下降 6.25%。\n"
    )
    [change] = document(text).claims.changes
    assert change.current is None
    assert rules(text) == []


def test_an_item_with_no_amount_of_its_own_is_not_held_to_a_similar_one() -> None:
    # 公务用车购置费 is not 公务用车购置及运行费 (2,800): 334 / (2,800 + 334) = 10.66%, not 90%
    text = (
        "“三公”经费预算 3,000 万元。其中，公务接待费 200 万元，公务用车购置及运行费 2,800 万元。"
        "公务用车购置费同口径比 2025 年减少 334 万元，下降 90%。\n"
    )
    [change] = document(text).claims.changes
    assert change.current is None
    assert rules(text) == []


def test_a_bare_change_after_one_amount_refers_to_it() -> None:
    # 1,602.84 + 11.36 = 1,614.20 and 11.36 / 1,614.20 = 0.7037%, printed 0.70%; 0.71% is wrong
    text = "2026 年收支总预算 1,602.84 万元。比 2025 年预算减少 11.36 万元，下降 {}%。\n"
    assert rules(text.format("0.70")) == []
    assert [r for r in rules(text.format("0.71")) if r[0] == "BA703"] == [("BA703", "error", FIRST)]


# A 决算's 收入总计 and 支出总计 are two figures: each change implies its own prior year.
# 1,500 - 300 = 1,200 (300 / 1,200 = 25%); 1,650 - 350 = 1,300 (350 / 1,300 = 26.923%).
SIDES = (
    "四、财政拨款收入支出决算总体情况说明\n"
    "2025年财政拨款收入总计 1,500 万元，与2024年相比增加 300 万元，增长 25%；"
    "财政拨款{}总计 1,650 万元，与2024年相比增加 {} 万元，增长 {}%。\n"
)


def test_income_and_spending_totals_of_a_juesuan_imply_their_own_prior_years() -> None:
    assert juesuan_rules(SIDES.format("支出", "350", "26.92")) == []


def test_two_changes_of_one_side_that_imply_two_prior_years_disagree() -> None:
    # the second 收入总计 implies 1,650 - 450 = 1,200, as the first; 1,650 - 350 = 1,300 does not
    # (450 / 1,200 = 37.5% and 350 / 1,300 = 26.923% keep each rate right)
    assert juesuan_rules(SIDES.format("收入", "450", "37.5")) == []
    assert juesuan_rules(SIDES.format("收入", "350", "26.92")) == [("BA705", "error", FIRST + 1)]


def test_a_budgets_income_and_spending_totals_are_one_figure() -> None:
    # a 预算 balances, so its 收入总计 and 支出总计 changes imply one prior year: 1,200 against
    # 1,650 - 350 = 1,300 disagree (the years moved to 2026/2025 for the 2026 budget)
    budget = SIDES.format("支出", "350", "26.92").replace("2025", "2026").replace("2024", "2025")
    assert rules(budget) == [("BA705", "error", FIRST + 1)]


# "其中：A 0 万元，比上年持平；B 12 万元，比上年减少 1.5 万元，C 36 万元…": the items change their
# separator midway. 0 + 12 + 36 = 48, the total; the first two alone (12) are not the list.
SEPARATORS = (
    "“三公”经费支出合计 48 万元，比上年减少 3.5 万元。其中：因公出国（境）费 0 万元，比上年持平；"
    "公务用车购置及运行维护费 12 万元，比上年减少 1.5 万元，公务接待费 {} 万元，比上年减少 2 万元。\n"
)


def test_a_list_that_changes_separator_midway_may_run_on() -> None:
    assert rules(SEPARATORS.format("36")) == []
    [item_list] = document(SEPARATORS.format("36")).claims.lists
    assert [i.value.raw for i in item_list.whole] == ["0", "12", "36"]


def test_a_list_whose_end_is_uncertain_is_not_summed() -> None:
    # 0 + 12 + 34 = 46 is not 48, but nor is it sure the list is those three: not checkable
    document_ = document(SEPARATORS.format("34"))
    assert [r for r in rules(SEPARATORS.format("34")) if r[0] == "BA706"] == []
    audit_document(document_, NARRATIVE_RULES)
    [item_list] = document_.claims.lists
    assert item_list.status == "not checkable" and "不明确" in item_list.note


def test_a_prior_year_without_its_unit_inside_the_change() -> None:
    # "较上年 3.12 减少 0.12 万元，减少了 3.85%": 3.12 - 0.12 = 3.00, 0.12 / 3.12 = 3.846%. The
    # items after 其中 add to the current year (0 + 1.10 + 1.90 = 3.00), not to the change.
    text = (
        "本部门“三公”经费支出 3.00 万元，较上年 3.12 减少 0.12 万元，减少了 {}%；其中：因公出国（境）"
        "支出 0 万元；公务用车运行维护费支出 1.10 万元；公务接待费支出 1.90 万元。\n"
    )
    [change] = document(text.format("3.85")).claims.changes
    assert change.prior is not None and change.prior.value.raw == "3.12"
    assert change.prior.value.unit == "万元"
    assert rules(text.format("3.85")) == []
    # 4.00% is 0.12 / 3.00 (the current year as base) exactly, while the right rate's rounding
    # range, 0.115 / 3.125 = 3.68% to 0.125 / 3.115 = 4.01%, also holds it: a warning saying both;
    # 4.85% is no slip at all
    assert rules(text.format("4.00")) == [("BA703", "warning", FIRST)]
    assert rules(text.format("4.85")) == [("BA703", "error", FIRST)]


# "占本年支出合计的 C%": a share naming its base, stated in an earlier section.
# 1,264.92 / 4,021.94 = 31.4505%, printed 31.45%; 2,719.24 / 4,021.94 = 67.6097%.
NAMED = (
    "三、支出决算情况说明\n"
    "2025年本年支出合计4,021.94万元，其中：基本支出2,719.24万元，占67.61%；项目支出1,302.70万元，占32.39%。\n"
    "五、一般公共预算财政拨款支出决算情况说明\n"
    "2025年一般公共预算财政拨款支出1,264.92万元，占本年支出合计的{}%。\n"
)


def test_a_share_naming_its_base_is_held_to_that_amount() -> None:
    shares = document(NAMED.format("31.45")).claims.shares
    named = [s for s in shares if s.share.raw == "31.45"]
    assert len(named) == 1 and named[0].base is not None
    assert named[0].base.value.raw == "4,021.94"
    assert rules(NAMED.format("31.45")) == []
    assert rules(NAMED.format("31.54")) == [("BA702", "error", FIRST + 3)]


def test_a_share_whose_named_base_has_two_values_is_not_checked() -> None:
    # two amounts go by 本年支出合计 (4,021.94 and 3,900): which one is meant nobody can say
    text = "其他单位本年支出合计3,900万元。\n" + NAMED.format("31.54")
    named = [s for s in document(text).claims.shares if s.share.raw == "31.54"]
    assert len(named) == 1 and named[0].base is None
    assert rules(text) == []


def test_a_share_of_amounts_in_yuan_names_yuan() -> None:
    # 165,247.88 / 881,300.39 = 18.7505%: 18.75 rounded; 18.76 is no rounding or cutting of it
    text = (
        "1. 基本支出预算 881,300.39 元，其中：\n"
        "工资福利支出预算 716,052.51 元，占基本支出预算81.25%。\n"
        "商品和服务支出预算 165,247.88 元，占基本支出预算{}%。\n"
    )
    assert rules(text.format("18.75")) == []
    [(rule, severity, line, message)] = findings(text.format("18.76"))
    assert (rule, severity, line) == ("BA702", "error", FIRST + 2)
    assert "165,247.88 元" in message and "881,300.39 元" in message


# "与 2025 年相比，X 增加 A 万元，增长 C%": the subject stands after 相比. 1,264.92 - 27.44 =
# 1,237.48 and 27.44 / 1,237.48 = 2.2174%, printed 2.22%.
AFTER_COMPARED = (
    "2026年一般公共预算财政拨款支出1,264.92万元。"
    "与2025年相比，一般公共预算财政拨款增加27.44万元，增长{}%。\n"
)


def test_a_subject_after_xiangbi_names_the_amount_the_change_is_about() -> None:
    [change] = document(AFTER_COMPARED.format("2.22")).claims.changes
    assert change.current is not None and change.current.value.raw == "1,264.92"
    assert change.delta is not None and change.delta.raw == "27.44"
    assert rules(AFTER_COMPARED.format("2.22")) == []
    assert rules(AFTER_COMPARED.format("2.72")) == [("BA703", "error", FIRST)]


def test_a_subject_after_xiangbi_that_names_nothing_stated_is_not_checked() -> None:
    # 项目支出 has no amount of its own here: the change is not held to 1,264.92
    text = AFTER_COMPARED.format("2.22").replace("，一般公共预算财政拨款增加", "，项目支出增加")
    [change] = document(text).claims.changes
    assert change.current is None
    assert rules(text) == []


def test_a_subject_enumerating_with_dun_before_deng_is_one_subject() -> None:
    # "侦查、起诉、监所等检察监督支出(项)" names one 项, not "监所等检察监督支出(项)"
    text = "2.检察(款)侦查、起诉、监所等检察监督支出(项)1,205万元，主要用于办案。\n"
    [amount] = document(text).claims.amounts
    assert amount.subject == "检察(款)侦查、起诉、监所等检察监督支出(项)"


def test_items_joined_by_dun_remain_items() -> None:
    # without 等 the 、 separates items: 办公费 2 万元、水费 3 万元
    text = "公用经费 5 万元，其中：办公费 2 万元、水费 3 万元。\n"
    assert [a.subject for a in document(text).claims.amounts] == ["公用经费", "办公费", "水费"]


JUESUAN_HEAD = "第一部分 示例站概况\n\n第二部分 示例站 2025 年度部门决算表\n\n第三部分 2025年度部门决算情况说明\n"


def juesuan_rules(narrative: str) -> list[tuple[str, str, int]]:
    doc = parse(decode((JUESUAN_HEAD + narrative).encode(), "example.txt"))
    assert doc.kind.stage == "决算"
    found = audit_document(doc, NARRATIVE_RULES).found
    return [(f.rule, f.severity, f.line) for f in found if f.severity != "info"]


# A 决算 states the prior year beside this year, in whole 万元: 279 + 2,626 = 2,905 against
# 2,906, which rounding each figure to the unit explains (2,905 ± 1 and 2,906 ± 0.5 overlap);
# 230 and 398 are 2024's, not a second value of 2025's 基本支出 and 项目支出; "增了 2,228 万元，
# 增加的原因…" states no prior year (398 + 2,228 = 2,626).
PRIOR_BESIDE = (
    "2025年度支出合计2906万元，其中：基本支出279万元，项目支出{}万元。"
    "2024年度支出合计628万元，其中：基本支出230万元，项目支出398万元。"
    "2025年项目支出2626万元，2024年项目支出398万元，与上年相比增了2228万元，增加的原因是新增项目。\n"
)


def test_a_juesuan_stating_the_prior_year_beside_this_one_has_no_finding() -> None:
    assert juesuan_rules(PRIOR_BESIDE.format("2626")) == []


def test_whole_units_that_rounding_cannot_explain_are_still_an_error() -> None:
    # 279 + 2,624 = 2,903: 2,903 ± 1 does not reach 2,906 ± 0.5 (the first sentence alone: the
    # third restates 项目支出 as 2,626, which BA714 would report besides)
    first = PRIOR_BESIDE.format("2624").split("。")[0] + "。\n"
    assert juesuan_rules(first) == [("BA706", "error", FIRST)]


def test_a_stated_prior_needs_the_direction_right_after_it() -> None:
    [change] = [
        c
        for c in document(
            "项目支出398万元，与上年相比增了2228万元，增加的原因是新增项目。\n"
        ).claims.changes
    ] or [None]
    assert change is None or change.prior is None


# One total broken down twice: by function (2 + 2.06 + 4,134.05 + 466.96 = 4,605.07) and by
# economic class (3,720.57 + 326.36 + 558.14 = 4,605.07); names masked as ******** by the publisher.
TWICE = (
    "2026年一般公共预算财政拨款支出4,605.07万元。其中：按功能分类科目，********支出2万元，"
    "********支出2.06万元，********支出4,134.05万元，********支出466.96万元；按经济分类科目，"
    "工资福利支出3,720.57万元，商品和服务支出{}万元，对个人和家庭的补助支出558.14万元。\n"
)


def test_a_total_broken_down_twice_is_two_lists() -> None:
    lists = document(TWICE.format("326.36")).claims.lists
    assert [len(item_list.items) for item_list in lists] == [4, 3]
    assert all(item_list.total is not None for item_list in lists)
    assert {item_list.total.value.raw for item_list in lists if item_list.total} == {"4,605.07"}
    assert rules(TWICE.format("326.36")) == []


def test_a_breakdown_that_does_not_add_up_is_reported_once() -> None:
    # 3,720.57 + 362.36 + 558.14 = 4,641.07, not 4,605.07
    assert rules(TWICE.format("362.36")) == [("BA706", "error", FIRST)]


def test_a_masked_name_is_no_subject() -> None:
    amounts = document(TWICE.format("326.36")).claims.amounts
    assert [a.subject for a in amounts[1:5]] == ["支出"] * 4


def test_a_change_in_yuan_is_reported_in_yuan() -> None:
    # 116,433.12 - 16,803.36 = 99,629.76 and 16,803.36 / 99,629.76 = 16.8658%; 14.43% is
    # 16,803.36 / 116,433.12 = 14.4318%, the current year as base
    text = "（二）社会保障和就业支出类科目 116,433.12 元，同比增加 16,803.36 元，增长 14.43%。\n"
    [(rule, severity, line, message)] = findings(text)
    assert (rule, severity, line) == ("BA703", "error", FIRST)
    assert "116,433.12 元" in message and "16,803.36 元" in message
    assert "99629.76 元" in message and "16.87%" in message


def test_a_list_that_adds_up_before_its_separator_changes_is_judged_as_it_stands() -> None:
    # 585.65 + 38.7 = 624.35 against 624.36: a rounding tail (info), whatever follows the ；
    text = (
        "基本支出624.36万元，占38.95%，其中：人员经费585.65万元、公用经费38.7万元；"
        "项目支出978.48万元，占61.05%。\n"
    )
    doc = document(text)
    found = audit_document(doc, NARRATIVE_RULES).found
    assert [(f.rule, f.severity) for f in found if f.rule == "BA706"] == [("BA706", "info")]
    [item_list] = doc.claims.lists
    assert item_list.status == "verified"


def test_a_list_in_yuan_is_reported_in_yuan() -> None:
    # 10,000 + 7,500 = 17,500, not 17,000
    text = "2026 年政府采购预算 17,000 元，其中：货物类采购 10,000 元，服务类采购 7,500 元。\n"
    [(rule, severity, line, message)] = findings(text)
    assert (rule, severity, line) == ("BA706", "error", FIRST)
    assert "17,000 元" in message and "17500 元" in message and "相差 -500" in message


# "较上年增 A 万元，增幅 C%" / "减 A 万元，减幅 C%": one-character directions before a number.
# 85.4 - 12.6 = 72.8 and 12.6 / 72.8 = 17.308%, printed 17.31%.
def test_one_character_directions_are_read() -> None:
    text = "工资福利支出 85.4 万元，较上年增12.6万元，增幅{}%。\n"
    [change] = document(text.format("17.31")).claims.changes
    assert (change.direction, change.percent_direction) == ("增加", "增加")
    assert change.delta is not None and change.delta.raw == "12.6"
    assert rules(text.format("17.31")) == []
    assert rules(text.format("14.75")) == [("BA703", "error", FIRST)]  # 12.6 / 85.4 = 14.754%


def test_a_decrease_with_an_increasing_rate_contradicts_itself() -> None:
    # 24.36 + 0.04 = 24.40 and 0.04 / 24.40 = 0.16%: "减 0.04 万元，增 0.16%" says two directions
    text = "商品和服务支出 24.36 万元，较上年减0.04万元，{}0.16%。\n"
    assert rules(text.format("减幅")) == []
    assert rules(text.format("增")) == [("BA704", "error", FIRST)]


def test_a_lone_zeng_before_words_is_no_direction() -> None:
    # "增设" is no change: nothing is read
    assert document("比上年增设 2 个岗位，经费 12 万元。\n").claims.changes == []


def test_a_named_base_narrowed_by_a_scope_word_is_not_that_base() -> None:
    # the only 基本支出 stated is 财政拨款's (500): 占基本支出的 80% may mean all funds' 基本支出,
    # so it is not held to 500 (400 / 500 = 80% would pass, 420 / 500 = 84% would fail)
    text = "财政拨款基本支出 500 万元。人员经费 420 万元，占基本支出的 80%。\n"
    [share] = document(text).claims.shares
    assert share.base is None
    assert rules(text) == []


def test_a_short_subject_names_no_earlier_amount() -> None:
    # "支出比上年增加…" after a sentence of several amounts: 支出 (2 characters) names none of them
    text = "基本支出 300 万元，项目支出 200 万元。支出比上年增加 50 万元，增长 11.11%。\n"
    [change] = document(text).claims.changes
    assert change.current is None


# "收入、支出预算总计 A 万元，与上年相比收、支预算总计各增加 B 万元，增长 C%": the change's subject
# (收、支预算总计) shares 预算总计 with the amount stated just before it in the same sentence.
# 1,200.00 - 200.00 = 1,000.00 and 200.00 / 1,000.00 = 20.00%.
BOTH_TOTALS = (
    "本部门 2026 年度收入、支出预算总计\n1,200.00 万元，与上年相比收、支预算总计各增加\n"
    "200.00 万元，增长 {}%。\n"
)


def test_a_change_naming_both_totals_is_held_to_the_total_before_it() -> None:
    assert rules(BOTH_TOTALS.format("20.00")) == []
    # 19.95% is no rounding of 20.00% (nor 200 / 1,200 = 16.67%): an error on the rate's line
    assert rules(BOTH_TOTALS.format("19.95")) == [("BA703", "error", FIRST + 2)]
