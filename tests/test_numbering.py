"""Reading table numbers: Chinese numerals of the contents page, 表 N-M titles."""

from __future__ import annotations

import pytest

from budget_audit.checks.numbering import chinese_number, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("十五", 15), ("二十", 20), ("二十三", 23)],
)
def test_chinese_numerals(text: str, value: int) -> None:
    assert chinese_number(text) == value


@pytest.mark.parametrize("text", ["", "十十", "一二", "百"])
def test_not_chinese_numerals(text: str) -> None:
    assert chinese_number(text) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("十一、政府采购预算表", (11,)),
        ("- 五、一般公共预算支出表(分功能分类,分单位)", (5,)),
        ("表 5-1. 一般公共预算支出情况表(分功能科目)", (5, 1)),
        ("附表-5-2", (5, 2)),
        ("表 13. 政府购买服务预算表", (13,)),
        ("表 11", (11,)),
        ("政府采购预算表", None),
        ("一般公共预算支出表", None),
    ],
)
def test_numbers_of_titles_and_contents_entries(text: str, number: tuple[int, ...] | None) -> None:
    assert parse_number(text) == number
