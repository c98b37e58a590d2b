"""Workbook numbers are read as the sheet prints them: no float noise, the format's precision.

Each expected text is what Excel shows for that value and format, worked out
by hand from the format's rules (not copied from the code's output).
"""

from __future__ import annotations

import datetime as dt

import pytest

from budget_audit.sources.cell_format import format_number, printed

ACCOUNTING = '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ '


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (0.1 + 0.2, "General", "0.3"),  # the float is 0.30000000000000004
        (0.1 + 0.2, "0.00", "0.30"),
        (371514655, "#,##0.00", "371,514,655.00"),
        (371514655.0, "#,##0.00_ ", "371,514,655.00"),
        (2.675, "0.00", "2.68"),  # Python's round(2.675, 2) gives 2.67: the binary value
        (1234.5, "#,##0_ ", "1,235"),  # Excel rounds half away from zero
        (-1234.5, "#,##0.00;[Red]-#,##0.00", "-1,234.50"),
        (12.5, ACCOUNTING, "12.50"),
        (0.125, "0.0%", "12.5%"),
        (2, "00", "02"),  # a code cell typed as a number, printed with its zero
        (-0.001, "0.00", "0.00"),  # not "-0.00"
        (1234567, "#,##0,", "1,235"),  # a trailing comma prints thousands
        (12.0, "0.0#", "12.0"),
        (12.345, "0.0#", "12.35"),
        (1e20, "General", "100000000000000000000"),
        (123456789.12345679, "General", "123456789.123457"),  # Excel keeps 15 digits
        (1234.5, "G/通用格式", "1234.5"),  # General as a Chinese Excel names it
        (7, "@", "7"),
    ],
)
def test_numbers_print_as_the_sheet_shows_them(
    value: float, number_format: str, shown: str
) -> None:
    assert format_number(value, number_format) == shown


def test_other_values_print_plainly() -> None:
    assert printed(None, "General") == ""
    assert printed("02", "@") == "02"  # text stays text, leading zero and all
    assert printed(True, "General") == "TRUE"
    assert printed(dt.datetime(2025, 8, 31), "yyyy-mm-dd") == "2025-08-31"
    assert printed(dt.datetime(2025, 8, 31, 9, 30), "yyyy-mm-dd h:mm") == "2025-08-31 09:30:00"
