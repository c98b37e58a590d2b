"""Parsed rows pinned against the text, each value checked by hand at the line cited.

The space-separated documents drop empty cells; these tests pin the columns
the parser must infer from the table's own sums (``2010399 … 178 178`` is
合计 + 项目支出, ``30201 办公费 0.50 0.50`` is 合计 + 公用经费).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import DOCUMENTS, corpus_document

D = Decimal
EXPENDITURE = [
    "合计",
    "基本支出",
    "项目支出",
    "事业单位经营支出",
    "上缴上级支出",
    "对附属单位补助支出",
]


def row(name: str, kind: str, line: int) -> dict[str, object]:
    """The parsed row of table ``kind`` that ends on ``line``."""
    frame = corpus_document(name).table(kind)
    found = frame[frame["line"] == line]
    assert len(found) == 1, f"no single row on line {line}"
    return dict(found.iloc[0])


def values(record: dict[str, object], columns: list[str]) -> list[object]:
    return [record[c] for c in columns]


@pytest.mark.parametrize(
    ("name", "line", "code", "expected"),
    [
        # qingshan-2026, tab-separated, zeros written out
        ("qingshan-2026", 149, None, [D("880.84"), D("463.84"), D("417.00"), None, None, None]),
        ("qingshan-2026", 153, "2010399", [D("417.00"), D("0.00"), D("417.00"), None, None, None]),
        ("qingshan-2026", 165, "2210202", [D("7.45"), D("7.45"), D("0.00"), None, None, None]),
        # jiangxia-2026, tab-separated, empty cells left blank
        ("jiangxia-2026", 199, None, [D("1602.84"), D("624.36"), D("978.48"), None, None, None]),
        ("jiangxia-2026", 203, "2013799", [D("978.48"), None, D("978.48"), None, None, None]),
        ("jiangxia-2026", 208, "2080506", [D("21.61"), D("21.61"), None, None, None, None]),
        # qiaokou-2025, space-separated, empty cells dropped
        ("qiaokou-2025", 290, None, [D("584.53"), D("406.53"), D("178"), None, None, None]),
        ("qiaokou-2025", 296, "2010350", [D("290.19"), D("290.19"), None, None, None, None]),
        ("qiaokou-2025", 298, "2010399", [D("178"), None, D("178"), None, None, None]),
        # qingshan-bigdata-2024, space-separated, in 元
        ("qingshan-bigdata-2024", 288, None, [D("13529386.59"), D("4924586.59"), D("8604800.00"), None, None, None]),
        ("qingshan-bigdata-2024", 296, "2010399", [D("8604800.00"), D("0.00"), D("8604800.00"), None, None, None]),
        ("qingshan-bigdata-2024", 320, "2210202", [D("80255.17"), D("80255.17"), D("0.00"), None, None, None]),
    ],
)  # fmt: skip
def test_expenditure_summary_rows(
    name: str, line: int, code: str | None, expected: list[object]
) -> None:
    record = row(name, "支出总表", line)
    assert (record["code"] if isinstance(record["code"], str) else None) == code
    assert values(record, EXPENDITURE) == expected


def test_space_layout_places_dropped_cells_by_the_tables_sums() -> None:
    functional = ["合计", "基本支出", "人员经费", "公用经费", "项目支出"]
    # qiaokou 表 5-1 line 415: "2010399 … 178 178" has lost three empty cells
    assert values(row("qiaokou-2025", "一般公共预算支出表", 415), functional) == [
        D("178"),
        None,
        None,
        None,
        D("178"),
    ]
    assert values(row("qiaokou-2025", "一般公共预算支出表", 413), functional) == [
        D("290.19"), D("290.19"), D("265.90"), D("24.29"), None,
    ]  # fmt: skip
    economic = ["合计", "人员经费", "公用经费"]
    # 表 6: the same shape, different columns (lines 479, 501, 519)
    assert values(row("qiaokou-2025", "一般公共预算基本支出表", 479), economic) == [
        D("75.81"),
        D("75.81"),
        None,
    ]
    assert values(row("qiaokou-2025", "一般公共预算基本支出表", 501), economic) == [
        D("0.50"),
        None,
        D("0.50"),
    ]
    assert values(row("qiaokou-2025", "一般公共预算基本支出表", 519), economic) == [
        D("15.41"),
        D("1.44"),
        D("13.97"),
    ]


def test_three_public_row_follows_the_basic_expenditure_table() -> None:
    # qiaokou 表 7 line 538 "0.2 0.2": 合计 and one part; 表 6 line 513 states 30217 公务接待费 0.20
    frame = corpus_document("qiaokou-2025").table("三公经费支出表")
    record = dict(frame.iloc[0])
    assert record["合计"] == D("0.2")
    assert record["公务接待费"] == D("0.2")
    assert record["因公出国(境)费"] is None
    facts = corpus_document("qiaokou-2025").facts
    assert set(facts[facts["kind"] == "三公经费支出表"]["placement"]) == {"link"}


def test_wrapped_unit_rows_are_reassembled() -> None:
    # qiaokou 表 2 lines 277-281: code, name over two lines, numbers on the last
    record = row("qiaokou-2025", "收入总表", 281)
    assert record["code"] == "118001"
    assert record["name"] == "硚口区城市运行管理中心本级"
    assert values(record, ["合计", "本年收入小计", "一般公共预算"]) == [D("584.53")] * 3


def test_two_column_summary_sides() -> None:
    # qiaokou 表 1 line 100: "七、上级补助收入 七、社会保障和就业支出 37.53"
    frame = corpus_document("qiaokou-2025").table("收支总表")
    on_line = frame[frame["line"] == 100]
    assert list(zip(on_line["side"], on_line["name"], on_line["预算数"], strict=True)) == [
        ("收入", "上级补助收入", None),
        ("支出", "社会保障和就业支出", D("37.53")),
    ]


def test_overall_performance_form_without_tables_1_to_10() -> None:
    # hanyang 表 11 line 109 "2024 年 2023 年", line 115 "财政拨款 593.34 99.16% 1311.82 1365.19"
    form = corpus_document("hanyang-2025").tables_of("部门整体支出绩效目标表")[0].frame()
    line = form[form["line"] == 115]
    assert list(zip(line["name"], line["column"], line["value"], line["unit"], strict=True)) == [
        ("财政拨款", "当年金额", D("593.34"), "万元"),
        ("财政拨款", "占比", D("99.16"), "%"),
        ("财政拨款", "2024年", D("1311.82"), "万元"),
        ("财政拨款", "2023年", D("1365.19"), "万元"),
    ]


def test_project_form_budget_fields() -> None:
    # qingshan 表 15 line 426: "项目总预算→333.2→项目当年预算→333.2"
    form = corpus_document("qingshan-2026").tables_of("项目支出绩效目标表")[0].frame()
    line = form[form["line"] == 426]
    assert list(zip(line["column"], line["value"], strict=True)) == [
        ("项目总预算", D("333.2")),
        ("项目当年预算", D("333.2")),
    ]


def test_prior_year_budget_stated_in_words_is_a_fact() -> None:
    # jiangxia line 484: "项目前两年预算→2024 年项目预算 0 万元，2025 年项目预算 9.52 万元。"
    facts = corpus_document("jiangxia-2026").facts
    stated = facts[facts["line"] == 484]
    assert list(zip(stated["column"], stated["value"], strict=True)) == [
        ("2024年预算", D("0")),
        ("2025年预算", D("9.52")),
    ]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_money_is_never_float(name: str) -> None:
    facts = corpus_document(name).facts
    assert len(facts) > 0
    assert all(isinstance(v, Decimal) for v in facts["value"])
    assert all(v is None or isinstance(v, Decimal) for v in facts["value_wan"])


def test_exact_wan_view_of_yuan_tables() -> None:
    facts = corpus_document("qingshan-bigdata-2024").facts
    total = facts[
        (facts["kind"] == "支出总表") & (facts["line"] == 288) & (facts["column"] == "合计")
    ]
    assert list(total["value_wan"]) == [D("1352.938659")]


def test_listing_columns_come_from_the_merged_header() -> None:
    # jiangxia 表 12 (元), header lines 1344-1345, numbering row 1346, total row 1347:
    # "→合计→→→→→→→4→4251600→4245600→6000"
    frame = corpus_document("jiangxia-2026").tables_of("政府采购预算表")[0].frame()
    total = frame[frame["line"] == 1347]
    assert list(zip(total["column"], total["value"], total["unit"], strict=True)) == [
        ("采购数量", D("4"), "个"),
        ("采购金额合计(元)", D("4251600"), "元"),
        ("其中面向中小企业(元)", D("4245600"), "元"),
        ("其中面向小微企业(元)", D("6000"), "元"),
    ]
    assert not any(frame["line"] == 1346), "the column-numbering row 1→2→…→12 is not data"


def test_space_layout_listing_records_are_placed_and_add_up() -> None:
    # bigdata 表 11 line 683 "6 4158800 4158800 2090000 30000" (unit 121), records of unit 121001 below:
    # 1450000+5000+25000+1200000+640000+838800 = 4158800; 中小 1450000+640000 = 2090000; 小微 5000+25000 = 30000
    from budget_audit.audit import audit_document
    from budget_audit.engine import builtin_rules

    document = corpus_document("qingshan-bigdata-2024")
    table = document.tables_of("政府采购预算表")[0]
    summary = next(r for r in table.rows if r.code == "121")
    assert {c: f.value for c, f in summary.cells.items()} == {
        "采购数量": D("6"), "单价(元)": D("4158800"), "采购金额合计(元)": D("4158800"),
        "其中面向中小企业(元)": D("2090000"), "其中面向小微企业(元)": D("30000"),
    }  # fmt: skip
    records = [r for r in table.rows if r.code == "121001"]
    assert [r.cells["采购金额合计(元)"].value for r in records] == [
        D("1450000"), D("5000"), D("25000"), D("1200000"), D("640000"), D("838800"),
    ]  # fmt: skip
    rules = [r for r in builtin_rules() if r.id in ("BA501", "BA502")]
    assert audit_document(document, rules).found == []
