"""Shanghai 单位预算 PDFs: whole tables pinned cell by cell from the printed pages.

Every expected figure was read off the page (pdfplumber's words with their
positions), not from this package's output; the sums in the comments are done
by hand.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import budget_audit as ba

PDFS = Path(__file__).resolve().parents[2] / "shared" / "corpus-pdf"

pytestmark = pytest.mark.skipif(not PDFS.is_dir(), reason="../shared/corpus-pdf is not present")


# 社会福利院 2024 单位预算, 支出预算总表 (p9, 单位：元): 类 | 款 | 项 cells joined into one code.
# The page prints the 类 of 事业单位医疗 as ``7`` (not 210): the code reads 71102, as printed.
#   208 = 20805 + 20810: 1,696,828 + 9,584,796 = 11,281,624
#   20805 = 538,440 + 767,579 + 383,789 + 7,020 = 1,696,828
#   合计 = 208 + 210 + 221: 11,281,624 + 503,724 + 335,816 = 12,121,164
#   基本支出 合计 = 8,661,624 + 503,724 + 335,816 = 9,501,164; 9,501,164 + 2,620,000 = 12,121,164
WELFARE_SPENDING = [
    ("208", "社会保障和就业支出", "11,281,624", "8,661,624", "2,620,000"),
    ("20805", "行政事业单位养老支出", "1,696,828", "1,696,828", None),
    ("2080502", "事业单位离退休", "538,440", "538,440", None),
    ("2080505", "机关事业单位基本养老保险缴费支出", "767,579", "767,579", None),
    ("2080506", "机关事业单位职业年金缴费支出", "383,789", "383,789", None),
    ("2080599", "其他行政事业单位养老支出", "7,020", "7,020", None),
    ("20810", "社会福利", "9,584,796", "6,964,796", "2,620,000"),
    ("2081005", "社会福利事业单位", "9,584,796", "6,964,796", "2,620,000"),
    ("210", "卫生健康支出", "503,724", "503,724", None),
    ("21011", "行政事业单位医疗", "503,724", "503,724", None),
    ("71102", "事业单位医疗", "503,724", "503,724", None),
    ("221", "住房保障支出", "335,816", "335,816", None),
    ("22102", "住房改革支出", "335,816", "335,816", None),
    ("2210201", "住房公积金", "335,816", "335,816", None),
    (None, "合计", "12,121,164", "9,501,164", "2,620,000"),
]


def _money(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text.replace(",", ""))


def test_the_welfare_home_spending_table_is_read_whole() -> None:
    document = ba.load(PDFS / "shanghai-putuo-shehuifuliyuan-2024-danwei-yusuan.pdf")
    table = document.tables_of("支出总表")[0]
    assert table.unit == "元"
    assert {document.source.page(f.location.line) for f in table.facts} == {9}
    got = [
        (r["code"], r["name"], r["合计"], r["基本支出"], r["项目支出"])
        for r in document.table("支出总表").to_dict("records")
    ]
    assert got == [(c, n, _money(a), _money(b), _money(p)) for c, n, a, b, p in WELFARE_SPENDING]


# 商务委 2025 单位预算, 财政拨款收支预算总表 (p14, 单位：元): 财政拨款收入 项目 | 预算数, then
# 财政拨款支出 项目 | 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 (the last two empty).
#   21,601,733 + 17,200,000 + 3,808,085 + 881,803 + 293,810,000 + 31,364,000 + 2,849,034
#   = 371,514,655 (支出总计), the 一般公共预算资金 and 收入总计 on the income side
UNIT_FUNDING = [
    ("收入", "一般公共预算资金", [("预算数", "371,514,655.00")]),
    ("支出", "一般公共服务支出", [("预算数", "21,601,733.00"), ("一般公共预算", "21,601,733.00")]),
    ("支出", "科学技术支出", [("预算数", "17,200,000.00"), ("一般公共预算", "17,200,000.00")]),
    ("支出", "社会保障和就业支出", [("预算数", "3,808,085.00"), ("一般公共预算", "3,808,085.00")]),
    ("支出", "卫生健康支出", [("预算数", "881,803.00"), ("一般公共预算", "881,803.00")]),
    ("支出", "资源勘探工业信息等支出",
     [("预算数", "293,810,000.00"), ("一般公共预算", "293,810,000.00")]),
    ("支出", "商业服务业等支出", [("预算数", "31,364,000.00"), ("一般公共预算", "31,364,000.00")]),
    ("支出", "住房保障支出", [("预算数", "2,849,034.00"), ("一般公共预算", "2,849,034.00")]),
    ("收入", "收入总计", [("预算数", "371,514,655.00")]),
    ("支出", "支出总计", [("预算数", "371,514,655.00"), ("一般公共预算", "371,514,655.00")]),
]  # fmt: skip


def test_the_unit_funding_overview_is_read_whole() -> None:
    document = ba.load(PDFS / "shanghai-putuo-shangwuwei-2025-danwei-yusuan.pdf")
    table = document.tables_of("财政拨款收支总表")[0]
    assert table.unit == "元"
    assert {document.source.page(f.location.line) for f in table.facts} == {14}
    got = [
        (r.section, r.name, [(column, fact.raw) for column, fact in r.cells.items()])
        for r in table.rows
        if r.cells
    ]
    assert got == UNIT_FUNDING
    # the printed labels with no figure (二、政府性基金, 三、国有资本经营预算) are rows too
    assert {"政府性基金", "国有资本经营预算"} <= {r.name for r in table.rows if not r.cells}
