"""Jiangsu's 部门预算 PDFs: whole tables pinned cell by cell from the printed pages.

Every expected figure below was read off the page (pdfplumber's words with
their positions, checked against the page image), not from this package's
output; the sums in the comments are done by hand.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

import budget_audit as ba
from budget_audit.audit import audit_document
from budget_audit.document import parse
from budget_audit.engine import builtin_rules
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


# 公开09 “三公”经费、会议费、培训费 (单位：万元): the 三公's own total is the 小计 under
# “三公”经费, and 合计 counts 会议费 and 培训费 beside it.
#   2017 (p16): 110.00 + 317.80 + 156.55 = 584.35; 50.00 + 267.80 = 317.80;
#               584.35 + 168.00 + 700.00 = 1,452.35
#   2018 (p19): its header is drawn on a finer grid than its figures (小计 a column left of
#               484.30 in the table finder's cells); 购置费 left empty. 100.00 + 267.80 + 116.50 =
#               484.30; 运行维护费 267.80 = 267.80; 484.30 + 200.44 + 700.00 = 1,384.74
#   2019 (p20, figures printed without decimals where they are whole): 80 + 237 + 101.26 =
#               418.26; 购置费 left empty, 运行维护费 237 = 237; 418.26 + 158.44 + 700 = 1,276.70
THREE_PUBLIC = {
    2017: [
        ("合计", "1,452.35"), ("三公经费小计", "584.35"), ("因公出国(境)费", "110.00"),
        ("公务用车购置及运行费", "317.80"), ("公务用车购置费", "50.00"),
        ("公务用车运行费", "267.80"), ("公务接待费", "156.55"), ("会议费", "168.00"),
        ("培训费", "700.00"),
    ],
    2018: [
        ("合计", "1,384.74"), ("三公经费小计", "484.30"), ("因公出国(境)费", "100.00"),
        ("公务用车购置及运行费", "267.80"), ("公务用车运行费", "267.80"), ("公务接待费", "116.50"),
        ("会议费", "200.44"), ("培训费", "700.00"),
    ],
    2019: [
        ("合计", "1276.7"), ("三公经费小计", "418.26"), ("因公出国(境)费", "80"),
        ("公务用车购置及运行费", "237"), ("公务用车运行费", "237"), ("公务接待费", "101.26"),
        ("会议费", "158.44"), ("培训费", "700"),
    ],
}  # fmt: skip


@pytest.mark.parametrize("year", sorted(THREE_PUBLIC))
def test_the_three_public_table_with_meetings_and_training_is_read_whole(year: int) -> None:
    document = ba.load(PDFS / f"jiangsu-jianchayuan-{year}-yusuan.pdf")
    table = document.tables_of("三公经费支出表")[0]
    assert table.unit == "万元"
    assert [(f.column, f.raw) for f in table.facts] == THREE_PUBLIC[year]
    # 合计 here is not the 三公's sum: only the template's own identities hold it
    sums = {(i.total, i.parts) for i in table.identities}
    assert ("合计", ("三公经费小计", "会议费", "培训费")) in sums
    assert ("合计", ("因公出国(境)费", "公务用车购置及运行费", "公务接待费")) not in sums
    assert "三公经费支出表" not in set(ba.audit(document).findings["table"])


def test_a_wrong_meeting_figure_breaks_the_total_of_the_three_public_table() -> None:
    document = ba.load(PDFS / "jiangsu-jianchayuan-2017-yusuan.pdf")
    meetings = next(
        f for f in document.tables_of("三公经费支出表")[0].facts if f.column == "会议费"
    )
    assert meetings.location.start is not None
    lines = list(document.source.lines)
    text = lines[meetings.location.line - 1]
    start = meetings.location.start
    lines[meetings.location.line - 1] = text[:start] + "169.00" + text[start + len("168.00") :]
    mutated = parse(dataclasses.replace(document.source, lines=tuple(lines)))
    errors = [f for f in audit_document(mutated, builtin_rules()).found if f.severity == "error"]
    # 584.35 + 169.00 + 700.00 = 1,453.35, one more than the printed 1,452.35
    cited = [f for f in errors if any(e.line == meetings.location.line for e in f.evidence)]
    assert len(cited) == 1 and "三公经费支出表" in cited[0].message
    assert cited[0].difference is not None and abs(cited[0].difference) == Decimal("1.00")


@pytest.mark.parametrize("year", [2017, 2018, 2019])
def test_every_number_in_the_tables_is_read(year: int) -> None:
    # 2018's 公开12 prints the item 空调机(总预算20万以下): its 20 is part of the name,
    # not a figure; the row's figure is 7.40
    document = ba.load(PDFS / f"jiangsu-jianchayuan-{year}-yusuan.pdf")
    assert document.coverage.not_understood == []
    if year == 2018:
        purchases = document.tables_of("政府采购预算表")[0]
        row = next(r for r in purchases.rows if "空调机" in r.name)
        assert [f.raw for f in row.cells.values()] == ["7.40"]


# 2019 公开01 表 (p14): the same two-view layout, all on one page.
#   用途: 15,844.04 + 4,335.30 + 3,990.40 = 24,169.74
#   功能: 16,593.12 + 1,890.27 + 5,686.35 = 24,169.74
# 三、单位预留机动经费 wraps (…机动经 / 费) around its 3,990.40, printed on 三、国防支出's row.
# The next table's number stands on a line of its own (公开02表) above its title: it is part
# of that title, not a figure of this table.
JIANGSU_2019_OVERVIEW = [
    ("收入", "财政拨款", "24,169.74"),
    ("支出", "基本支出", "15,844.04"),
    ("收入", "1.一般公共预算", "24,169.74"),
    ("支出", "项目支出", "4,335.30"),
    ("支出", "单位预留机动经费", "3,990.40"),
    ("支出", "公共安全支出", "16,593.12"),
    ("支出", "社会保障和就业支出", "1,890.27"),
    ("支出", "住房保障支出", "5,686.35"),
    ("收入", "当年收入小计", "24,169.74"),
    ("支出", "当年支出小计", "24,169.74"),
    ("收入", "收入合计", "24,169.74"),
    ("支出", "支出合计", "24,169.74"),
]


def test_the_2019_overview_is_read_whole_and_the_next_tables_number_is_its_title() -> None:
    document = ba.load(PDFS / "jiangsu-jianchayuan-2019-yusuan.pdf")
    table = document.tables_of("收支总表")[0]
    assert [(f.section, f.name, f.raw) for f in table.facts] == JIANGSU_2019_OVERVIEW
    assert "公开02表 收入预算总表" in document.source.lines
    # 公开04表 ends p15; its title opens p16: they are one line, on p16
    at = document.source.lines.index("公开04表 财政拨款收支预算总表") + 1
    assert document.source.page(at) == 16


def test_the_2019_expenditure_overview_puts_each_figure_under_its_label() -> None:
    # 2019 公开03表 支出预算总表 (p15) is one header row over one row of figures. Each label
    # has a ruled cell of its own between two narrow spacer columns; each figure's cell spans
    # its label's and both spacers, so the table finder gives the figure to the left spacer,
    # and a figure read there stood before its label (24169.74 合计 15844.04 基本支出 …).
    #   15,844.04 + 4,335.30 + 3,990.40 = 24,169.74; 结转下年资金 prints no figure
    document = ba.load(PDFS / "jiangsu-jianchayuan-2019-yusuan.pdf")
    table = document.tables_of("支出总表")[0]
    got = [(f.name, f.column, f.raw, document.source.page(f.location.line)) for f in table.facts]
    assert got == [
        ("合计", "合计", "24169.74", 15),
        ("合计", "基本支出", "15844.04", 15),
        ("合计", "项目支出", "4335.30", 15),
        ("合计", "单位预留机动经费", "3990.4", 15),
    ]
    assert "支出总表" not in set(ba.audit(document).findings["table"])
