"""A workbook cell's value as its sheet prints it.

openpyxl gives a number cell as a float (or int) and its number format apart.
The float carries binary noise (``0.1 + 0.2`` is ``0.30000000000000004``) and
has lost the precision the sheet prints (``371514655.0`` for
``371,514,655.00``). The audit reads a printed figure as an interval at its
printed precision, so the text must be the printed one: the value rounded to
Excel's 15 significant digits (which is how Excel itself hides the noise),
then to the decimals of its number format, with the format's thousands
separator and percent sign. Money never passes through float arithmetic here:
the float's shortest ``repr`` becomes a :class:`~decimal.Decimal` first.

Only the format's first section is read: a negative figure is printed with a
minus sign whatever colour or parentheses its format's negative section asks
for, and a zero as ``0.00`` where an accounting format would print ``-``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

# Parts of a format section that print no digits: quoted text, escaped
# characters, [Red]/[$-804] brackets, _x (space as wide as x), *x (fill).
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_PLACEHOLDERS = "0#?"
_EXCEL_DIGITS = 15


@dataclass(frozen=True)
class NumberFormat:
    """What a number format does to a figure: the parts this package needs."""

    min_decimals: int  # '0' places after the point: always printed
    max_decimals: int  # '0', '#' and '?' places: printed when not trailing zeros
    grouped: bool  # thousands separator (#,##0)
    percent: bool  # 0.00% prints the value times 100
    scale: int  # trailing commas (#,##0,) divide by 1000 each
    min_integer_digits: int  # 00 prints 2 as 02


def printed(value: object, number_format: str | None) -> str:
    """The text of a cell value as the sheet shows it; ``""`` for an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return format_number(value, number_format or "General")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def exact(value: int | float) -> Decimal:
    """The figure a number cell holds, as Excel sees it: at most 15 significant digits."""
    if isinstance(value, int):
        return Decimal(value)
    figure = Decimal(repr(value))
    if figure == 0 or not figure.is_finite():
        return figure
    return figure.quantize(
        Decimal(1).scaleb(figure.adjusted() - _EXCEL_DIGITS + 1), rounding=ROUND_HALF_EVEN
    )


def format_number(value: int | float, number_format: str) -> str:
    """``value`` printed by ``number_format`` (``#,##0.00``, ``0.0%``, ``General`` ...)."""
    figure = exact(value)
    spec = parse_format(number_format)
    if spec is None or not figure.is_finite():
        return _plain(figure)
    if spec.percent:
        figure *= 100
    figure = figure.scaleb(-3 * spec.scale)
    rounded = figure.quantize(Decimal(1).scaleb(-spec.max_decimals), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0.00"
    text = format(rounded, ",f" if spec.grouped else "f")
    if spec.max_decimals > spec.min_decimals:
        whole, point, fraction = text.partition(".")
        fraction = fraction.rstrip("0").ljust(spec.min_decimals, "0")
        text = whole + (point + fraction if fraction else "")
    if spec.min_integer_digits > 1 and not spec.grouped:
        sign = "-" if text.startswith("-") else ""
        whole, point, fraction = text.removeprefix("-").partition(".")
        text = sign + whole.zfill(spec.min_integer_digits) + point + fraction
    return text + ("%" if spec.percent else "")


def parse_format(number_format: str) -> NumberFormat | None:
    """The positive section of a number format, or ``None`` when it prints the plain value
    (General, text ``@``, scientific, or no digit placeholders at all)."""
    section = _LITERALS.sub("", number_format.split(";")[0]).strip()
    if section.lower() in ("", "general", "@") or "e+" in section.lower():
        return None
    if not any(ch in _PLACEHOLDERS for ch in section):
        return None
    last = max(section.rfind(ch) for ch in _PLACEHOLDERS)
    scale = len(section[last + 1 :]) - len(section[last + 1 :].lstrip(","))
    digits = section[: last + 1]
    whole, _, fraction = digits.partition(".")
    return NumberFormat(
        min_decimals=fraction.count("0"),
        max_decimals=sum(fraction.count(ch) for ch in _PLACEHOLDERS),
        grouped="," in whole.strip(","),
        percent="%" in section,
        scale=scale,
        min_integer_digits=whole.count("0"),
    )


def _plain(figure: Decimal) -> str:
    """A figure without a format: no exponent, no trailing zeros (General)."""
    if figure == 0:
        return "0"
    return format(figure.normalize(), "f")
