"""Reading claims from composed sentences (the templates of other provinces included)."""

from __future__ import annotations

from decimal import Decimal

from budget_audit import parse
from budget_audit.claims.model import Claims
from budget_audit.source import decode


def claims_of(narrative: str) -> Claims:
    text = "第一部分 示例中心概况\n\n第二部分 示例中心 2026 年部门预算表\n\n第三部分 情况说明\n"
    return parse(decode((text + narrative).encode(), "example.txt")).claims


def test_an_amount_with_a_misspelt_unit_is_read_in_wan_yuan() -> None:
    claims = claims_of("6、网络安全服务 27 万云，全面提升防护能力。网络运维 1.5 万圆。\n")
    assert [(c.subject, c.value.amount.value, c.value.unit) for c in claims.amounts] == [
        ("网络安全服务", Decimal("27"), "万元"),
        ("网络运维", Decimal("1.5"), "万元"),
    ]


def test_counts_in_wan_and_words_after_wan_are_not_amounts() -> None:
    claims = claims_of("全年处理诉求 15 万件，部署 2 万云主机，节电 8.2 万度。\n")
    assert claims.amounts == []


def test_a_change_against_the_prior_years_spending_stated_in_the_sentence() -> None:
    # the Shanghai template: both years stated, the change only as a rate
    [change] = claims_of(
        "2025年当年预算执行数为60.00万元，2026年预算安排66.00万元，比2025年预算执行数增加10.00%。\n"
    ).changes
    assert change.current is not None and change.prior is not None and change.percent is not None
    assert (change.current.value.raw, change.prior.value.raw) == ("66.00", "60.00")
    assert (change.year, change.direction, change.percent.raw) == (2025, "增加", "10.00")
    assert change.delta is None and not change.against_budget


def test_a_change_with_jiangsu_words() -> None:
    # "与上年相比减少 A 万元，降幅 C%": 降幅 is the rate of a decrease
    [change] = claims_of(
        "检察监督支出（项）1,500 万元，与上年相比减少 100 万元，降幅 6.25 %。\n"
    ).changes
    assert change.current is not None and change.delta is not None and change.percent is not None
    assert (change.current.value.raw, change.delta.raw, change.percent.raw) == (
        "1,500",
        "100",
        "6.25",
    )
    assert (change.direction, change.percent_direction, change.year) == ("减少", "减少", None)
    assert change.prior is None and change.against_budget


def test_a_change_against_the_prior_years_budget_keeps_its_basis() -> None:
    [change] = claims_of(
        "2026 年收支总预算 100 万元，比 2025 年预算增加 10 万元，增长 11.11%。\n"
    ).changes
    assert change.basis == "预算" and change.against_budget and change.prior is None


def test_a_budget_and_its_outturn_with_rate_and_comparison() -> None:
    [claim] = claims_of(
        "一般公共预算财政拨款支出年初预算为 200.00 万元，支出决算为 180.00 万元，完成年初预算的 90%。"
        "决算数小于预算数的主要原因：项目结余。\n"
    ).outturns
    assert claim.rate is not None
    assert (claim.subject, claim.budget.raw, claim.outturn.raw) == (
        "一般公共预算财政拨款支出",
        "200.00",
        "180.00",
    )
    assert (claim.rate.raw, claim.comparison) == ("90", "小于")


def test_the_templates_two_words_are_no_comparison_and_a_part_without_budget_no_pair() -> None:
    claims = claims_of(
        "“三公”经费财政拨款支出年初预算为 10 万元，支出决算为 8 万元，完成预算的 80%，其中："
        "因公出国（境）费决算为 2 万元，完成预算的 50%。决算数小于（大于）预算数的主要原因：厉行节约。\n"
    )
    claim, part = claims.outturns
    assert claim.rate is not None and claim.rate.raw == "80"
    assert claim.comparison is None
    # the part is read, without a budget: its 50% is checked against the table's 预算数
    assert part.budget is None and part.subject == "因公出国(境)费"
    assert (part.outturn.raw, part.rate.raw if part.rate else None) == ("2", "50")
    assert part.comparison is None


def test_a_comparison_opening_the_next_paragraph_belongs_to_the_pair_before() -> None:
    [claim] = claims_of(
        "1、教育支出（类）普通教育（款）初中教育（项）。年初预算为 50.00 万元，支出决算为 60.00 万元。\n"
        "决算数大于预算数的主要原因：追加学生资助。\n"
    ).outturns
    assert (claim.subject, claim.comparison) == ("教育支出(类)普通教育(款)初中教育(项)", "大于")
