"""Numbers as published: exact decimals with the precision they were printed at.

A published figure is rounded. ``Amount("38.7")`` stands for every value in
[38.65, 38.75]; comparisons between figures are made on these intervals, never
with float epsilons (the XBRL Calculations 1.1 "round-to-nearest" idea).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property, lru_cache

# A number as printed: optional sign, thousands separators, decimals.
NUMBER_PATTERN = re.compile(
    r"(?<![A-Za-z0-9.])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![A-Za-z0-9])"
)
# The same, but allowed to touch CJK text on either side ("预算数23.84万元").
LOOSE_NUMBER_PATTERN = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_DIGIT = re.compile(r"\d")  # every number of either pattern holds one


_LATEX = ((r"\geq", "≥"), (r"\leq", "≤"), (r"\%", "%"), ("$", ""))
_HTML_TAG = re.compile(r"<[^<>]{0,200}>")


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Fold full-width digits, signs and spaces to ASCII (NFKC) so one pattern reads all.

    Conversion residue goes too: LaTeX (``$\\geq 95\\%$`` → ``≥95%``) and HTML tags.
    Cached: the readers and the checks normalise the same lines many times over.
    """
    text = unicodedata.normalize("NFKC", text).replace("\u3000", " ")
    if "$" in text:
        for latex, plain in _LATEX:
            text = text.replace(latex, plain)
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    return text


@dataclass(frozen=True)
class Interval:
    """A closed interval of exact decimals."""

    low: Decimal
    high: Decimal

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def contains(self, value: Decimal) -> bool:
        """Whether ``value`` lies in the interval."""
        return self.low <= value <= self.high

    def overlaps(self, other: Interval) -> bool:
        """Whether the two intervals share a value."""
        return self.low <= other.high and other.low <= self.high

    @staticmethod
    def exact(value: Decimal) -> Interval:
        """The degenerate interval of one exact value."""
        return Interval(value, value)

    @staticmethod
    def total(intervals: Iterable[Interval]) -> Interval:
        """The interval of a sum of rounded figures (the bounds summed in order, as ``+`` would,
        without an interval made for each partial sum: placing a row's numbers sums thousands)."""
        low = high = Decimal(0)
        for interval in intervals:
            low += interval.low
            high += interval.high
        return Interval(low, high)


@dataclass(frozen=True)
class Amount:
    """A printed figure: its exact value and the number of decimals it was printed with."""

    value: Decimal
    places: int

    @property
    def half_unit(self) -> Decimal:
        """Half of the last printed digit: the most rounding can have moved the value."""
        return Decimal(5).scaleb(-(self.places + 1))

    @cached_property
    def interval(self) -> Interval:
        """Every true value that prints as this figure."""
        return Interval(self.value - self.half_unit, self.value + self.half_unit)

    def __str__(self) -> str:
        return f"{self.value:f}"


def at_precision(amount: Amount, places: int) -> Amount:
    """The amount as rounded to ``places`` decimals, when it was printed with fewer.

    A table of 0.01 万元 figures that prints ``178`` for ``178.00`` or ``38.7``
    for ``38.70`` has dropped trailing zeros, not rounded to the unit.
    """
    return amount if amount.places >= places else Amount(amount.value, places)


def table_precision(amounts: Iterable[Amount]) -> int:
    """The decimals a table prints its figures with: the most common non-zero count, else 0."""
    counts: dict[int, int] = {}
    for amount in amounts:
        if amount.places:
            counts[amount.places] = counts.get(amount.places, 0) + 1
    return max(counts, key=lambda places: (counts[places], places)) if counts else 0


@lru_cache(maxsize=1 << 14)
def parse_amount(text: str) -> Amount:
    """Read one printed figure (``1,602.84``, ``38.7``, ``－5``, ``１２``) exactly.

    Cached (a pure function of the text; the result is immutable): the same figures are
    read again by the table readers, the narrative and the checks.
    """
    cleaned = normalise(text).replace(",", "").strip()
    if not LOOSE_NUMBER_PATTERN.fullmatch(cleaned):
        raise ValueError(f"not a number: {text!r}")
    places = len(cleaned.partition(".")[2])
    return Amount(Decimal(cleaned), places)


def is_number(text: str) -> bool:
    """Whether ``text`` is a single printed figure and nothing else."""
    return LOOSE_NUMBER_PATTERN.fullmatch(normalise(text).strip()) is not None


@dataclass(frozen=True)
class NumberToken:
    """A number found in a line: its raw text, its amount and its character span."""

    raw: str
    amount: Amount
    start: int
    end: int


def find_numbers(text: str, loose: bool = False) -> Iterator[NumberToken]:
    """Every number in ``text`` (already normalised), left to right.

    ``loose`` also finds numbers glued to letters (``2023年``, ``预算数23.84``);
    the strict form refuses digits inside identifiers such as ``42010726143T000000100``.
    """
    return iter(_numbers(text, loose))


@lru_cache(maxsize=1 << 14)
def _numbers(text: str, loose: bool) -> tuple[NumberToken, ...]:
    """The tokens of :func:`find_numbers`, cached: a pure function of the text, and the same
    lines are searched by several table readers and checks (tens of thousands of calls an audit)."""
    if _DIGIT.search(text) is None:  # most lines of prose hold no digit: no scan to make
        return ()
    pattern = LOOSE_NUMBER_PATTERN if loose else NUMBER_PATTERN
    return tuple(
        NumberToken(match.group(), parse_amount(match.group()), match.start(), match.end())
        for match in pattern.finditer(text)
    )
