"""Comparing rounded figures: intervals, not epsilons.

Each published figure v printed with p decimals stands for [v - p/2, v + p/2].
Two figures, or a total and its parts, are consistent when their intervals
overlap. A gap that rounding can explain is a *rounding tail* (at most
``info``); one it cannot is a mismatch (``error``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from budget_audit.facts import Fact
from budget_audit.numbers import Interval

_TEN_THOUSAND = Decimal(10000)
_WAN_PER_YUAN = Decimal(1) / _TEN_THOUSAND  # exact (0.0001); worked out once, not per figure


class Verdict(Enum):
    """How two figures compare."""

    EQUAL = "equal"
    ROUNDING = "rounding"
    MISMATCH = "mismatch"


@dataclass(frozen=True)
class Figure:
    """A money figure in 万元 as an interval, with the fact it came from (if any)."""

    value: Decimal
    interval: Interval
    fact: Fact | None = None

    @staticmethod
    def of(fact: Fact) -> Figure:
        """The figure of a fact, converted exactly to 万元."""
        scale = _WAN_PER_YUAN if fact.unit == "元" else Decimal(1)
        interval = fact.amount.interval
        return Figure(
            fact.value * scale, Interval(interval.low * scale, interval.high * scale), fact
        )

    @staticmethod
    def zero() -> Figure:
        """An empty cell: exactly zero."""
        return Figure(Decimal(0), Interval.exact(Decimal(0)))

    @staticmethod
    def total(figures: Iterable[Figure]) -> Figure:
        """The sum of figures, its interval the sum of their intervals."""
        items = list(figures)
        return Figure(
            sum((f.value for f in items), Decimal(0)), Interval.total(f.interval for f in items)
        )


def compare(stated: Figure, expected: Figure) -> Verdict:
    """Whether a stated figure agrees with the one expected from others."""
    if stated.value == expected.value:
        return Verdict.EQUAL
    if stated.interval.overlaps(expected.interval):
        return Verdict.ROUNDING
    return Verdict.MISMATCH


def wan(value: Decimal) -> str:
    """A 万元 amount for a message, without float noise or trailing exponent."""
    text = f"{value.normalize():f}"
    return text if "." not in text else text.rstrip("0").rstrip(".")


def share_interval(part: Figure, total: Figure) -> tuple[Decimal, Decimal] | None:
    """Every percentage ``part / total`` can be, given both are rounded; ``None`` if total may be 0."""
    if total.interval.low <= 0:
        return None
    hundred = Decimal(100)
    low = max(part.interval.low, Decimal(0)) / total.interval.high * hundred
    high = part.interval.high / total.interval.low * hundred
    return low, high


def share_verdict(printed: Interval, part: Figure, total: Figure) -> Verdict | None:
    """Whether a printed share (as an interval at its printed precision) fits ``part / total``."""
    possible = share_interval(part, total)
    if possible is None:
        return None
    low, high = possible
    if printed.low <= high and low <= printed.high:
        return Verdict.EQUAL
    return Verdict.MISMATCH


def exact_share(part: Figure, total: Figure) -> Decimal:
    """``part / total`` in percent from the stated values (for messages)."""
    return (part.value / total.value * Decimal(100)).quantize(Decimal("0.01"))
