"""Which characters a report marks: the cited number, whole, the cited copy of two."""

from budget_audit.reports.marks import number_spans
from budget_audit.reports.terminal import carets


def test_every_copy_without_an_offset_and_the_cited_one_with_it() -> None:
    row = (
        "302\t商品和服务支出\t20.00\t\t20.00"  # 302 (0-2), tab, 7 characters (4-10), tab, 12-16, …
    )
    assert number_spans(row, "20.00") == [(12, 17), (19, 24)]
    assert number_spans(row, "20.00", start=12) == [(12, 17)]
    assert number_spans(row, "20.00", start=19) == [(19, 24)]


def test_offsets_of_a_line_that_was_stripped() -> None:
    # evidence text is the stripped line; the offset counts the full line's leading space
    assert number_spans("20.00 20.00", "20.00", start=7) == [(6, 11)]
    assert number_spans("20.00 20.00", "20.00", start=1) == [(0, 5)]


def test_only_whole_numbers() -> None:
    assert number_spans("120.00 20.00", "20.00") == [(7, 12)]
    assert number_spans("20.001 2.84 2026年", "20.00") == []
    assert number_spans("差旅费 2 万元、2.84、2026 年", "2") == [(4, 5)]
    assert number_spans("合计 1,602.84", "602.84") == []
    assert number_spans("合计 1,602.84", "1,602.84") == [(3, 11)]


def test_full_width_digits_are_found_in_the_original_text() -> None:
    assert number_spans("合计 ２０.００ 万元", "20.00") == [(3, 8)]


def test_carets_count_wide_characters_twice() -> None:
    assert carets("公用经费 20 万元", [(5, 7)]) == " " * 9 + "^^"
