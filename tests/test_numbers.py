"""Printed figures are exact decimals standing for an interval of true values."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from budget_audit.numbers import Amount, Interval, find_numbers, normalise, parse_amount


def test_figures_keep_their_printed_precision() -> None:
    assert parse_amount("38.7") == Amount(Decimal("38.7"), 1)
    assert parse_amount("1,602.84") == Amount(Decimal("1602.84"), 2)
    assert parse_amount("２０") == Amount(Decimal("20"), 0)
    assert parse_amount("－5.5").value == Decimal("-5.5")


def test_a_rounded_figure_is_an_interval() -> None:
    assert parse_amount("38.7").interval == Interval(Decimal("38.65"), Decimal("38.75"))
    assert parse_amount("20").interval == Interval(Decimal("19.5"), Decimal("20.5"))


def test_sums_of_rounded_figures_overlap_the_rounded_total() -> None:
    parts = [parse_amount(x).interval for x in ("0.33", "0.33", "0.33")]
    assert Interval.total(parts).overlaps(parse_amount("1.00").interval)
    assert not Interval.total(parts).overlaps(parse_amount("1.02").interval)


def test_numbers_inside_identifiers_are_not_numbers() -> None:
    text = normalise("42010726143T000000100 网上 [A02021301] 333.2")
    assert [t.raw for t in find_numbers(text)] == ["333.2"]


def test_latex_and_html_residue_is_removed() -> None:
    assert normalise(r"预算执行率 $\geq 95\%$") == "预算执行率 ≥ 95%"
    assert "<" not in normalise('<p>1. 持续性项目 <input checked="" type="checkbox"/></p>')


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_thousands_separators_do_not_change_a_value(value: Decimal) -> None:
    plain, grouped = f"{value:.2f}", f"{value:,.2f}"
    assert parse_amount(plain) == parse_amount(grouped)
    assert [t.amount for t in find_numbers(f"合计 {grouped} 万元")] == [parse_amount(plain)]
