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
