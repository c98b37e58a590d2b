"""Jiangsu's 部门预算 PDFs: whole tables pinned cell by cell from the printed pages.

Every expected figure below was read off the page (pdfplumber's words with
their positions, checked against the page image), not from this package's
output; the sums in the comments are done by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import budget_audit as ba
from budget_audit.sources import read_any

PDFS = Path(__file__).resolve().parents[2] / "shared" / "corpus-pdf"
JIANGSU_2018 = PDFS / "jiangsu-jianchayuan-2018-yusuan.pdf"

pytestmark = pytest.mark.skipif(not PDFS.is_dir(), reason="../shared/corpus-pdf is not present")


# 2018 公开01 表 收支预算总表 (p13-14, 单位：万元), every figure it prints, by side, top to bottom
# (rows left to right). Three views side by side: 收入 | 支出 by 功能分类 | 支出 by 支出用途.
#   收入: 财政拨款 21,940.96 + 其他资金 14.39 = 21,955.35 (当年收入小计, 收入合计)
#   功能: 公共安全 16,458.75 + 社会保障和就业 1,836.22 + 住房保障 3,660.38 = 21,955.35
#   用途: 基本支出 13,994.31 + 项目支出 5,573.00 + 单位预留机动经费 2,388.04 = 21,955.35
# Traps: 1.一般公共预算 and 三、单位预留机动经费 wrap over two ruled lines with their figure
# centred between them, on the row of 二、外交支出 / 三、国防支出 (which print none); the
# rows after 十七 are on p14, ruled anew with fewer columns; 当年支出小计 and 支出合计 span
# the expenditure side and print their figure under 支出用途's 金额.
JIANGSU_2018_OVERVIEW = [
    ("收入", "财政拨款", "21,940.96", 13),
    ("支出", "基本支出", "13,994.31", 13),
    ("收入", "1.一般公共预算", "21,940.96", 13),
    ("支出", "项目支出", "5,573.00", 13),
    ("支出", "单位预留机动经费", "2,388.04", 13),
    ("支出", "公共安全支出", "16,458.75", 13),
    ("收入", "其他资金", "14.39", 13),
    ("支出", "社会保障和就业支出", "1,836.22", 13),
    ("支出", "住房保障支出", "3,660.38", 14),
    ("收入", "当年收入小计", "21,955.35", 14),
    ("支出", "当年支出小计", "21,955.35", 14),
    ("收入", "收入合计", "21,955.35", 14),
    ("支出", "支出合计", "21,955.35", 14),
]


def test_the_2018_overview_is_read_whole() -> None:
    document = ba.load(JIANGSU_2018)
    table = document.tables_of("收支总表")[0]
    assert table.unit == "万元"
    got = [(f.section, f.name, f.raw, document.source.page(f.location.line)) for f in table.facts]
    assert got == JIANGSU_2018_OVERVIEW
    assert {f.column for f in table.facts} == {"预算数"}
    # the lines of a wrapped label whose figure stands between them are no rows of their own
    names = {r.name for r in table.rows}
    assert (
        "1.一般公共预" not in names and "单位预留机动" not in names and "三、国防支出" not in names
    )
    assert {"国防支出", "外交支出"} <= {r.name for r in table.rows if not r.cells}


def test_the_2018_overview_adds_no_finding() -> None:
    findings = ba.audit(JIANGSU_2018).findings
    assert "收支总表" not in set(findings["table"])
    assert not any("收支总表" in str(message) for message in findings["message"])


def test_a_figure_cut_at_a_column_rule_is_one_figure() -> None:
    # 2018 公开09 表 (p19): 运行维护费 267.80 is printed across the rule between two columns
    # (one word from x 357.2 to 384.2, the rule at 379); the table finder cut it as 267.8 | 0.
    source = read_any(JIANGSU_2018)
    row = next(line for line in source.lines if line.startswith("1,384.74"))
    assert row.split("\t").count("267.80") == 2  # 公务用车 小计 and 运行维护费
    assert "267.8\t0" not in row
