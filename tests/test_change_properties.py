"""Property: a year-over-year sentence computed right raises nothing; computed on the current year is diagnosed.

The prior year and the change are drawn at 0.01 万元; the sentence prints the
current figure, the change and the rate at two decimals, as disclosures do.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from budget_audit import parse
from budget_audit.audit import audit_document
from budget_audit.engine import builtin_rules
from budget_audit.source import decode

RULES = [r for r in builtin_rules() if r.id in ("BA703", "BA704")]
CENT, HUNDRED = Decimal("0.01"), Decimal(100)

cents = st.integers(min_value=1_000, max_value=10_000_000).map(
    lambda c: Decimal(c) * CENT
)  # 10 to 100 000 万元


def sentence(current: Decimal, delta: Decimal, rate: Decimal) -> str:
    words = ("增加", "增长") if delta > 0 else ("减少", "下降")
    return (
        "第一部分 测试中心概况\n第二部分 测试中心 2026 年部门预算表\n第三部分 情况说明\n"
        f"2026 年部门收支总预算 {current} 万元，比 2025 年预算{words[0]} {abs(delta)} 万元，{words[1]} {rate}%。\n"
    )


def findings(text: str) -> list[str]:
    document = parse(decode(text.encode(), "yoy.txt"))
    return [f.message for f in audit_document(document, RULES).found if f.severity != "info"]


@settings(max_examples=200, deadline=None)
@given(prior=cents, change=st.integers(min_value=10, max_value=90), grows=st.booleans())
def test_rates_on_the_prior_year_pass_and_on_the_current_year_are_diagnosed(
    prior: Decimal, change: int, grows: bool
) -> None:
    delta = (prior * Decimal(change) / HUNDRED).quantize(CENT)  # a change of 10% to 90%
    current = prior + delta if grows else prior - delta
    right = (delta / prior * HUNDRED).quantize(CENT, ROUND_HALF_UP)
    wrong = (delta / current * HUNDRED).quantize(CENT, ROUND_HALF_UP)
    signed = delta if grows else -delta
    assert findings(sentence(current, signed, right)) == []
    diagnosed = findings(sentence(current, signed, wrong))
    assert len(diagnosed) == 1 and "本年数而非上年数" in diagnosed[0], diagnosed
