"""Every corpus document: its department, year, parts, and which tables it has and lacks.

Expected values were read off the documents by hand (see the line numbers cited).
"""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from tests.conftest import corpus_document

STANDARD = {
    "收支总表", "收入总表", "支出总表", "财政拨款收支总表", "一般公共预算支出表",
    "一般公共预算基本支出表", "三公经费支出表", "政府性基金预算支出表",
    "国有资本经营预算支出表", "项目支出表", "部门整体支出绩效目标表",
}  # fmt: skip

EXPECTED = {
    # name: (department, year, kinds present with counts beyond one, missing promised kinds)
    "qingshan-2026": (
        "青山区城市运行管理中心", 2026,
        STANDARD | {"政府购买服务预算表", "资产配置预算表", "项目支出绩效目标表"},
        {"项目支出绩效目标表": 2},
        # contents page line 19 promises 表 5 分功能 and 分单位, line 25 a 政府采购预算表: neither printed
        ["一般公共预算支出表(分单位)", "政府采购预算表"],
    ),
    "jiangxia-2026": (
        "武汉市江夏区城市运行管理中心", 2026,
        STANDARD | {"一般公共预算支出表(分单位)", "政府购买服务预算表", "政府采购预算表", "项目支出绩效目标表"},
        {"项目支出绩效目标表": 11},  # 表 12-1 … 12-11
        [],
    ),
    "qiaokou-2025": (
        "硚口区城市运行管理中心(硚口区社会管理网格化服务中心)", 2025,
        STANDARD | {"一般公共预算支出表(分单位)", "项目支出绩效目标表"},
        {"项目支出绩效目标表": 2},  # 12-1, 12-2
        [],
    ),
    "qingshan-bigdata-2024": (
        "青山区大数据中心", 2024,
        STANDARD | {"政府采购预算表", "政府购买服务预算表", "资产配置预算表", "项目支出绩效目标表"},
        {"项目支出绩效目标表": 3},
        [],
    ),
    "hanyang-2025": (
        "汉阳区城市运行管理中心", 2025,
        # tables 1-7 and 10 were images: only their titles remain (lines 65-88)
        {"政府性基金预算支出表", "国有资本经营预算支出表", "部门整体支出绩效目标表", "项目支出绩效目标表"},
        {"项目支出绩效目标表": 6},
        ["一般公共预算基本支出表", "一般公共预算支出表", "一般公共预算支出表(分单位)", "三公经费支出表",
         "支出总表", "收入总表", "收支总表", "财政拨款收支总表", "项目支出表"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_department_year_and_tables(name: str) -> None:
    department, year, kinds, counts, missing = EXPECTED[name]
    document = corpus_document(name)
    assert document.department == department
    assert document.year == year
    present = Counter(table.kind.name for table in document.tables)
    assert set(present) == kinds
    for kind, count in counts.items():
        assert present[kind] == count
    assert document.coverage.promised_missing == sorted(missing)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_four_parts_in_order(name: str) -> None:
    parts = corpus_document(name).parts
    assert [p.name for p in parts] == ["概况", "预算表", "情况说明", "名词解释"]
    assert all(a.last_line < b.first_line for a, b in itertools.pairwise(parts))


def test_jiangxia_tables_are_recognised_by_title_not_number() -> None:
    # The contents list (line 134) calls the procurement table 表 14; the body prints it as 表 12 (line 1340).
    procurement = corpus_document("jiangxia-2026").tables_of("政府采购预算表")
    assert [(t.number, t.first_line) for t in procurement] == [("12", 1338)]


def test_empty_tables_keep_the_sentence_that_says_so() -> None:
    fund = corpus_document("hanyang-2025").tables_of("政府性基金预算支出表")[0]
    assert fund.note == "2025 年本部门没有使用政府性基金预算安排的支出"  # line 83
    assert fund.facts == []


def test_units_are_read_from_each_table() -> None:
    jiangxia = corpus_document("jiangxia-2026")
    assert jiangxia.tables_of("支出总表")[0].unit == "万元"
    assert jiangxia.tables_of("政府采购预算表")[0].unit == "元"  # line 1342 单位：元
    bigdata = corpus_document("qingshan-bigdata-2024")
    assert {t.unit for t in bigdata.tables if t.kind.layout == "grid"} == {"元"}
