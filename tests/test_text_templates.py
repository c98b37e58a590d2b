"""Text taken from another template's PDF: its tables found, its columns read from its header.

A user's first document is often a PDF of a province we have not seen, saved
as text. Its tables sit between paragraphs of prose with no table part, its
header names the columns it prints (one 金额 column; 合计 基本支出 项目支出
without the others), its codes may stand in 类 款 项 columns, and its empty
cells are gone. Where the text cannot say which column a figure stands in,
the figure is left unread and the sums over it are not checked: a guess would
be a false alarm.

The tables below are written for these tests (figures checked by hand in the
comments); the last test extracts the text of every corpus PDF and holds the
text's findings to the ones the PDF itself gives, which are pinned by hand in
``test_pdf_findings.py``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import budget_audit as ba
from budget_audit import Document, parse
from budget_audit.audit import audit_document
from budget_audit.engine import builtin_rules
from budget_audit.source import decode
from budget_audit.tables.kinds import Identity, vocabulary

PDFS = sorted((Path(__file__).parents[1] / ".." / "shared" / "corpus-pdf").glob("*.pdf"))

# A Shanghai-style document: the tables come between paragraphs, under no table part.
HEAD = "示例局2026年部门预算\n2026年部门预算编制说明\n本部门2026年收入预算30.00万元。\n"


def document(tables: str) -> Document:
    return parse(decode((HEAD + tables).encode(), "示例.txt"))


def findings(doc: Document) -> list[tuple[str, str, int]]:
    audit = audit_document(doc, builtin_rules())
    return [
        (f.rule, f.severity, f.evidence[0].line)
        for f in audit.every_finding
        if f.severity != "info"
    ]


ONE_COLUMN = """公开05表
财政拨款支出预算表
单位：万元
功能科目代码 功能科目名称 金额
合计 30.00
201 一般公共服务支出 30.00
20101 人大事务 30.00
2010101 行政运行 {leaf}
2010102 一般行政管理事务 10.00
"""


def test_a_table_of_one_amount_column_reads_each_figure_as_its_total() -> None:
    # 20.00 + 10.00 = 30.00 (款 20101) = 30.00 (类 201) = 30.00 (合计)
    doc = document(ONE_COLUMN.format(leaf="20.00"))
    (table,) = doc.tables
    assert table.kind.name == "财政拨款支出表"
    assert table.printed == frozenset({"合计"})
    leaf = next(row for row in table.rows if row.code == "2010101")
    assert {column: fact.value for column, fact in leaf.cells.items()} == {"合计": Decimal("20.00")}
    assert findings(doc) == []


def test_a_wrong_leaf_of_a_one_column_table_is_found_on_its_line() -> None:
    # 21.00 + 10.00 = 31.00, printed 30.00 for 款 20101: one error on the 款's line
    doc = document(ONE_COLUMN.format(leaf="21.00"))
    found = findings(doc)
    assert ("BA101", "error", 10) in found  # line 10: "20101 人大事务 30.00"
    assert all(rule != "BA102" for rule, _, _ in found)  # no 基本支出/项目支出 column to hold it to


SPLIT_CODES = """2026年部门支出预算总表
编制部门：示例局 单位：元
项目 支出预算
功能分类科目编码
功能分类科目名称 合计 基本支出 项目支出
类 款 项
201 一般公共服务支出 300,000.00 200,000.00 100,000.00
201 13 商贸事务 300,000.00 200,000.00 100,000.00
201 13 01 行政运行 200,000.00 200,000.00
201 13 02 一般行政管理事务 100,000.00 100,000.00
合计 300,000.00 200,000.00 100,000.00
"""


def test_codes_in_category_columns_are_joined_and_dropped_cells_placed_by_the_sums() -> None:
    doc = document(SPLIT_CODES)
    (table,) = doc.tables
    assert table.kind.name == "支出总表"
    assert table.printed == frozenset({"合计", "基本支出", "项目支出"})
    rows = {row.code: row for row in table.rows}
    assert set(rows) >= {"201", "20113", "2011301", "2011302"}
    # 行政运行 200,000 goes to 基本支出 and 一般行政管理事务 100,000 to 项目支出: only so
    # do the two add up to their 款 (200,000 基本 + 100,000 项目).
    assert set(rows["2011301"].cells) == {"合计", "基本支出"}
    assert set(rows["2011302"].cells) == {"合计", "项目支出"}
    assert findings(doc) == []


def test_a_row_total_that_differs_from_its_printed_parts_is_an_error() -> None:
    # 合计 300,000 against 基本支出 200,000 + 项目支出 90,000 = 290,000 on the 类 row
    doc = document(
        SPLIT_CODES.replace(
            "201 一般公共服务支出 300,000.00 200,000.00 100,000.00",
            "201 一般公共服务支出 300,000.00 200,000.00 90,000.00",
        )
    )
    assert ("BA102", "error", 10) in findings(doc)


AMBIGUOUS = """2026年部门收入预算总表
编制部门：示例局 单位：元
功能分类科目名称 合计 财政拨款收入 事业收入 其他收入
208 社会保障和就业支出 300 200 100
20810 社会福利 300 200 100
合计 300 200 100
"""


def test_figures_whose_column_only_a_guess_could_give_are_left_unread() -> None:
    # 300 = 200 + 100 holds whether the 100 is 事业收入 or 其他收入: the text cannot tell.
    doc = document(AMBIGUOUS)
    (table,) = doc.tables
    assert all(row.unread and not row.cells for row in table.rows)
    assert len(doc.coverage.ambiguous) == 3
    assert findings(doc) == []  # nothing compared with a guessed cell, nothing taken as 0


def test_a_note_that_the_table_is_empty_keeps_the_table_found() -> None:
    doc = document(
        "2026年部门政府性基金预算支出功能分类预算表\n编制部门：示例局 单位：元\n"
        "功能分类科目名称 合计 基本支出 项目支出\n"
        "注:本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。\n"
        "其他相关情况说明\n"
    )
    (table,) = doc.tables
    assert table.kind.name == "政府性基金预算支出表"
    assert table.rows == []


def test_a_title_wrapped_around_its_quotes_is_one_title() -> None:
    doc = document(
        "十一、一般公共预算 三公 经费支出预\n“ ”\n算表\n单位：万元\n"
        "合计 因公出国(境)费 公务用车购置及运行费 公务接待费\n3.00 1.00 1.00 1.00\n"
    )
    (table,) = doc.tables
    assert table.kind.name == "三公经费支出表"
    assert table.first_line == 4 and table.title.endswith("算表")


def test_a_page_number_between_rows_is_not_a_row() -> None:
    doc = document(ONE_COLUMN.format(leaf="20.00").replace("2010101", "18\n2010101"))
    (table,) = doc.tables
    assert [row.code for row in table.rows] == [None, "201", "20101", "2010101", "2010102"]


def test_a_code_line_with_its_name_wrapped_around_it_keeps_its_code() -> None:
    doc = document(
        ONE_COLUMN.format(leaf="20.00").replace(
            "2010102 一般行政管理事务 10.00", "一般行政管理\n2010102 10.00\n事务"
        )
    )
    (table,) = doc.tables
    assert table.rows[-1].code == "2010102"
    assert table.rows[-1].cells["合计"].value == Decimal("10.00")
    assert findings(doc) == []


def identities(kind: str, printed: set[str]) -> set[Identity]:
    return set(vocabulary().kind(kind).identities_over(frozenset(printed)))


def test_an_identity_holds_over_the_columns_a_template_prints() -> None:
    assert identities("支出总表", {"合计", "基本支出", "项目支出"}) == {
        Identity("合计", ("基本支出", "项目支出"))
    }
    # Jiangsu adds 单位预留机动经费 and 结转下年资金: only the sum that names them holds.
    assert identities(
        "支出总表", {"合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"}
    ) == {Identity("合计", ("基本支出", "项目支出", "单位预留机动经费", "结转下年资金"))}
    # No part printed beside the total: nothing to hold it to.
    assert identities("收入总表", {"合计"}) == set()
    # Jiangsu's 三公 table: its 合计 counts 会议费 and 培训费 beside the 三公's own 小计, whose
    # parts it counts through that 小计; the 三公's sum then holds the 小计, not the 合计.
    three = {"因公出国(境)费", "公务用车购置及运行费", "公务接待费"}
    assert identities("三公经费支出表", {"合计", "三公经费小计", "会议费", "培训费", *three}) == {
        Identity("三公经费小计", ("因公出国(境)费", "公务用车购置及运行费", "公务接待费")),
        Identity("合计", ("三公经费小计", "会议费", "培训费")),
    }
    assert identities("三公经费支出表", {"合计", *three}) == {
        Identity("合计", ("因公出国(境)费", "公务用车购置及运行费", "公务接待费"))
    }


def test_a_three_public_total_headed_three_public_total_is_the_total() -> None:
    # “三公”经费合计 (wrapped or not) heads the 合计, never the 三公's own 小计 of Jiangsu's
    # template, which “三公”经费 alone heads beside 会议费 and 培训费.
    kind = vocabulary().kind("三公经费支出表")
    for header in (
        ["“三公”经费合计 因公出国（境）费 公务接待费"],
        ["“三公”经费合", "计 因公出国", "（境）费 公务接待费"],
    ):
        assert kind.header_columns(header) == ("合计", "因公出国(境)费", "公务接待费")


def test_a_table_extracted_cell_by_cell_is_left_unread_not_misread() -> None:
    # Each cell a paragraph of its own, column after column: no line is a row.
    doc = document(
        "2026年部门支出预算总表\n编制部门：示例局 单位：元\n合计\n基本支出\n项目支出\n"
        "201\n20113\n一般公共服务支出\n商贸事务\n300.00\n300.00\n200.00\n200.00\n"
        "100.00\n100.00\n"
    )
    (table,) = doc.tables
    assert table.rows == [] and table.facts == []
    assert any("not read as rows" in entry for entry in table.ambiguous)
    assert findings(doc) == []


def test_a_part_heading_glued_to_the_sentence_before_it_opens_its_part() -> None:
    doc = parse(
        decode(
            (
                "目录\n第一部分 概况\n第二部分 部门预算表\n第一部分 概况\n"
                "本部门负责示例工作，严格依照标准安排支出。 第二部分 示例局 2026 年部门预算表\n"
                + ONE_COLUMN.format(leaf="20.00")
            ).encode(),
            "示例.txt",
        )
    )
    assert [part.name for part in doc.parts][-1] == "预算表"
    assert [table.kind.name for table in doc.tables] == ["财政拨款支出表"]


def _plumber(pdf_path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _pdfium(pdf_path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(pdf_path)
    text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    return text.replace("\r\n", "\n")


def _pdfminer(pdf_path: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(pdf_path)).replace("\x0c", "\n")


EXTRACTORS = {"pdfplumber": _plumber, "pypdfium2": _pdfium, "pdfminer": _pdfminer}

# Findings a text extraction gives that the PDF reading misses, each checked by hand.
FOUND_ONLY_IN_TEXT = {
    # 一般公共预算收入 21,940.96 of 21,955.35 万元 is 99.934%, which rounds to 99.93%: the
    # text says 99.94% (so that 99.94% + 0.06% make 100%). pypdfium2 keeps the subject on
    # the line of the figure; pdfplumber's PDF reading cut the sentence at its line break.
    ("BA702", "99.94", "99.93"),
}


def said(audit: ba.Audit) -> set[tuple[str, str, str]]:
    """What an audit reports, the same however the document was turned into lines: a finding
    with figures by its rule and figures (its message names line numbers), the others by
    their message, and a count of placeholders over the lines (BA802) by its rule alone."""
    return {
        (f.rule, str(f.stated), str(f.expected))
        if f.stated is not None
        else (f.rule, "" if f.rule == "BA802" else f.message, "")
        for f in audit.found
        if f.severity != "info"
    }


@pytest.fixture(scope="module")
def as_pdf() -> dict[str, ba.Audit]:
    return {}


# The unfilled 决算 template taken cell by cell: its one 支出决算表 row with a figure reads the
# next row's code (207) as its 合计, and one row cannot show that the lines are not rows.
UNREADABLE = {("juesuan-template-2024", "pdfminer")}


@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_a_pdf_saved_as_text_reports_nothing_its_pdf_does_not(
    pdf: Path, extractor: str, as_pdf: dict[str, ba.Audit], tmp_path: Path
) -> None:
    """Every error and warning of the text is one the PDF gives too (all checked by hand).

    Three common ways of saving a PDF as text: pdfplumber's and pypdfium2's keep a
    row on a line; pdfminer's puts every cell in a paragraph of its own, and its
    tables must then be left unread rather than misread.
    """
    if (pdf.stem, extractor) in UNREADABLE:
        pytest.xfail("a known false finding: one misread row in a table of codes and no figures")
    text_path = tmp_path / (pdf.stem + ".txt")
    text_path.write_text(EXTRACTORS[extractor](pdf), encoding="utf-8")
    as_text = ba.audit(text_path)
    if pdf.name not in as_pdf:
        as_pdf[pdf.name] = ba.audit(pdf)

    assert said(as_text) - FOUND_ONLY_IN_TEXT <= said(as_pdf[pdf.name])
    if extractor == "pdfplumber":
        found_in_pdf = [t.kind.name for t in as_pdf[pdf.name].document.tables]
        assert [t.kind.name for t in as_text.document.tables] == found_in_pdf
