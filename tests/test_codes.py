"""BA103: a coded row whose parent code its table prints nowhere (``orphans``)."""

from __future__ import annotations

from budget_audit.checks.codes import orphans
from budget_audit.facts import Row


def rows(*codes: str) -> list[Row]:
    return [
        Row(index=i, code=c, name=f"row {c}", first_line=i + 1, last_line=i + 1)
        for i, c in enumerate(codes)
    ]


def test_a_row_under_no_printed_parent_is_found_with_the_row_above_it() -> None:
    table = rows("208", "20805", "2080505", "210", "21011", "71102", "221", "22102")
    [(row, parent, above)] = orphans(table)
    assert (row.code, parent, above and above.code) == ("71102", "711", "210")


def test_a_complete_hierarchy_has_no_orphan() -> None:
    assert orphans(rows("208", "20805", "2080505", "2080506", "210", "21011", "2101102")) == []


def test_a_table_of_one_level_is_not_held_to_a_hierarchy() -> None:
    assert orphans(rows("2080505", "2080506", "2101102")) == []


def test_a_level_printed_mostly_without_parents_is_not_a_slip() -> None:
    # Two 项 of three lack their 款: the table lists 项 on their own, not one mistyped code.
    assert orphans(rows("208", "20805", "2080505", "2081005", "2101102")) == []


def test_a_level_needs_two_rows_under_their_parents_to_show_a_hierarchy() -> None:
    assert orphans(rows("208", "20805", "71102")) == []
    assert [o[0].code for o in orphans(rows("208", "20805", "20810", "71102"))] == ["71102"]


def test_codes_that_are_not_classification_codes_are_left_alone() -> None:
    # Unit codes (6 digits) are not 类/款/项: read as a level, 150001 would be the one code of
    # three whose "parent" 150 is not printed, and would be reported.
    assert orphans(rows("143", "143001", "143002", "150001")) == []
