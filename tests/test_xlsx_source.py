"""Excel workbooks: the Shanghai template renders sheet by sheet, a filled-in workbook is
audited with ``sheet!cell`` evidence, and a damaged or foreign file is refused in one line.

Every expected figure, cell and line below was read off the workbook by hand
(the template with openpyxl's cell dump, the test workbooks from the figures
written into them).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

import budget_audit as ba
from budget_audit.cli import main
from budget_audit.errors import InputError
from budget_audit.findings import Evidence
from budget_audit.sources import read_any

TEMPLATE = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "corpus-pdf"
    / "shanghai-bumen-yusuan-template.xlsx"
)
TEMPLATE_SHEETS = [
    "封面", "目录", "部门主要职能", "部门机构设置", "名词解释", "部门编制说明",
    "部门收支总表", "部门收入总表", "部门支出总表", "部门财政拨款收支总表",
    "部门一般公共预算拨款表", "部门政府性基金拨款表", "部门国有资本经营预算拨款表 ",
    "部门一般公共预算拨款基本支出明细表", "部门“三公”经费和机关运行费预算表",
    "其他相关情况说明", "项目经费情况说明",
]  # fmt: skip
MONEY = "#,##0.00"
_Value = int | float | str | None


def _lines_of(document: ba.Document, sheet: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each rendered line of ``sheet`` with the refs of its cells."""
    source = document.source
    return [
        (line, tuple(c.ref or "" for c in place.cells))
        for line, place in zip(source.lines, source.places, strict=True)
        if place is not None and place.sheet == sheet
    ]


def test_template_renders_each_sheet_in_workbook_order() -> None:
    document = ba.load(TEMPLATE)
    sheets = [place.sheet for place in document.source.places if place is not None]
    assert list(dict.fromkeys(sheets)) == TEMPLATE_SHEETS
    assert document.source.kind == "xlsx"
    # the contents page: dot leaders dropped, entries as prose (目录!A4, A9)
    contents = _lines_of(document, "目录")
    assert contents[1] == ("一、部门主要职能", ("A4",))
    assert contents[6] == ("1. 2026年部门财务收支预算总表", ("A9",))
    # a text part: the paragraph typed into merged A3:A17, one line per line break
    assert _lines_of(document, "部门机构设置") == [
        ("XX(部门)机构设置", ("A1",)),
        ("XX部门预算是包括XX本部以及下属XX家预算单位的综合收支计划。", ("A3",)),
        ("本部门中,行政单位XX家,事业单位XX家,具体包括(列示至基层预算单位):", ("A3",)),
        ("1. XX本部", ("A3",)),
        ("2. ......", ("A3",)),  # an ellipsis is text, not a leader
    ]


def test_template_tables_are_grids_with_codes_joined() -> None:
    document = ba.load(TEMPLATE)
    spending = _lines_of(document, "部门支出总表")
    assert spending[:6] == [
        ("2026年部门支出预算总表", ("A2",)),
        ("编制部门: 单位:元", ("A4", "G4")),
        ("项目\t\t支出预算\t\t", ("A6", "E6")),
        ("功能分类科目编码\t功能分类科目名称\t合计\t基本支出\t项目支出",
         ("A7", "D7", "E7", "F7", "G7")),
        ("类款项\t\t\t\t", ("A8:C8",)),
        ("205\t教育支出\t\t\t", ("A9", "D9")),
    ]  # fmt: skip
    # 205 | 02 | 05 in A11:C11 is one code; 205 | 02 | (empty) a parent
    assert ("2050205\t高等教育\t\t\t", ("A11:C11", "D11")) in spending
    assert ("20502\t普通教育\t\t\t", ("A10:B10", "D10")) in spending
    # the 三公 table is in 万元, its caption says so
    assert ("编制部门: 单位:万元", ("A3", "G3")) in _lines_of(
        document, "部门“三公”经费和机关运行费预算表"
    )


def test_empty_template_loads_with_its_tables_recognised_and_no_figures() -> None:
    document = ba.load(TEMPLATE)
    found = {table.kind.name: table for table in document.tables}
    assert len(found) == len(document.tables)
    # the nine tables of its 目录, each known by its sheet's title
    assert [table.kind.name for table in document.tables] == [
        "收支总表", "收入总表", "支出总表", "财政拨款收支总表", "一般公共预算支出表",
        "政府性基金预算支出表", "国有资本经营预算支出表", "一般公共预算基本支出表",
        "三公经费支出表",
    ]  # fmt: skip
    assert found["支出总表"].title == "2026年部门支出预算总表"
    assert found["支出总表"].unit == "元"
    assert found["三公经费支出表"].unit == "万元"
    assert document.all_facts == []  # every amount cell is empty (XX)
    assert document.year == 2026


def _spending_sheet(workbook: Workbook, first: bool) -> None:
    """A 支出总表 as Shanghai lays it out, in 元: 3,000,000.00 = 2,000,000.00 basic + 1,000,000.00 project."""
    sheet = workbook.active if first else workbook.create_sheet()
    assert isinstance(sheet, Worksheet)
    sheet.title = "支出总表"
    sheet["A1"] = "2026年部门支出预算总表"
    sheet["A2"], sheet["G2"] = "编制部门：测试局", "单位：元"
    sheet["A3"], sheet["E3"] = "项目", "支出预算"
    for ref, text in zip(
        ("A4", "D4", "E4", "F4", "G4"),
        ("功能分类科目编码", "功能分类科目名称", "合计", "基本支出", "项目支出"),
        strict=True,
    ):
        sheet[ref] = text
    sheet["A5"], sheet["B5"], sheet["C5"] = "类", "款", "项"
    rows: list[tuple[_Value, ...]] = [
        (201, None, None, "一般公共服务支出", 3000000, 2000000, 1000000),
        (201, "13", None, "商贸事务", 3000000, 2000000, 1000000),
        (201, "13", "01", "行政运行", 2000000, 2000000, None),
        (201, "13", "02", "一般行政管理事务", 1000000, None, 1000000),
        ("合计", None, None, None, 3000000, 2000000, 1000000),
    ]
    _write(sheet, rows, first_row=6, money_from=5)


def _basic_sheet(workbook: Workbook) -> None:
    """A 基本支出表 in 元 whose 301 row states 1,800,000.00 over items of 1,000,000.00 + 700,000.00."""
    sheet = workbook.create_sheet("基本支出")
    sheet["A1"] = "2026年部门一般公共预算基本支出表"
    sheet["A2"], sheet["F2"] = "编制部门：测试局", "单位：元"
    sheet["A3"], sheet["D3"] = "项目", "一般公共预算基本支出"
    for ref, text in zip(
        ("A4", "C4", "D4", "E4", "F4"),
        ("经济分类科目编码", "经济分类科目名称", "合计", "人员经费", "公用经费"),
        strict=True,
    ):
        sheet[ref] = text
    sheet["A5"], sheet["B5"] = "类", "款"
    rows: list[tuple[_Value, ...]] = [
        (301, None, "工资福利支出", 1800000, 1800000, None),  # row 6: items add to 1,700,000
        (301, "01", "基本工资", 1000000, 1000000, None),
        (301, "02", "津贴补贴", 700000.0, 700000.0, None),  # floats, as Excel saves them
        (302, None, "商品和服务支出", 200000, None, 200000),
        (302, "01", "办公费", 200000, None, 200000),
        ("合计", None, None, 2000000, 1800000, 200000),
    ]
    _write(sheet, rows, first_row=6, money_from=4)


def _write(
    sheet: Worksheet, rows: list[tuple[_Value, ...]], first_row: int, money_from: int
) -> None:
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=first_row + offset, column=column, value=value)
            if column >= money_from:
                cell.number_format = MONEY


def _filled_workbook(path: Path, narrative: str) -> Path:
    """编制说明 (the narrative), 支出总表 and 基本支出 sheets, figures in 元."""
    workbook = Workbook()
    notes = workbook.active
    assert notes is not None
    notes.title = "编制说明"
    notes["A1"] = "2026年部门预算编制说明"
    notes["A3"] = narrative
    _spending_sheet(workbook, first=False)
    _basic_sheet(workbook)
    workbook.save(path)
    return path


CONSISTENT = (
    "    2026年，测试局支出预算300.00万元，其中：基本支出200.00万元，项目支出100.00万元。\n"
)


def test_filled_workbook_reads_figures_in_yuan_with_their_cells(tmp_path: Path) -> None:
    document = ba.load(_filled_workbook(tmp_path / "预算.xlsx", CONSISTENT))
    basic = document.table("一般公共预算基本支出表")
    assert list(basic["code"]) == ["301", "30101", "30102", "302", "30201", None]
    assert list(basic["合计"]) == [
        Decimal("1800000.00"), Decimal("1000000.00"), Decimal("700000.00"),
        Decimal("200000.00"), Decimal("200000.00"), Decimal("2000000.00"),
    ]  # fmt: skip
    [table] = document.tables_of("一般公共预算基本支出表")
    assert table.unit == "元"
    fact = next(f for f in table.facts if f.code == "30102" and f.column == "合计")
    assert fact.raw == "700,000.00"  # the float 700000.0 printed at the cell's #,##0.00
    assert Evidence.of(fact, document.source).cell == "基本支出!D8"


def test_filled_workbook_sum_error_cites_sheet_cells(tmp_path: Path) -> None:
    result = ba.audit(_filled_workbook(tmp_path / "预算.xlsx", CONSISTENT))
    errors = [f for f in result.found if f.severity == "error"]
    # 301 states 1,800,000.00 in 合计 (D6) and 人员经费 (E6); its items D7+D8, E7+E8 make 1,700,000.00
    assert sorted((f.rule, tuple(e.cell for e in f.evidence)) for f in errors) == [
        ("BA101", ("基本支出!D6", "基本支出!D7", "基本支出!D8")),
        ("BA101", ("基本支出!E6", "基本支出!E7", "基本支出!E8")),
    ]
    for finding in errors:  # findings state money in 万元: 1,800,000.00 元 is 180 万元
        assert finding.stated == Decimal("180")
        assert finding.expected == Decimal("170")
        assert finding.difference == Decimal("10")
    assert result.claims["contradicted"] == 0


def test_narrative_in_wan_is_compared_with_a_table_cell_in_yuan(tmp_path: Path) -> None:
    wrong = "2026年，测试局支出预算310.00万元，其中：基本支出210.00万元，项目支出100.00万元。"
    result = ba.audit(_filled_workbook(tmp_path / "预算.xlsx", wrong))
    # 基本支出 210.00 万元 against the 支出总表 合计 row's 基本支出, F10 = 2,000,000.00 元
    cited = {
        (e.cell, e.value)
        for f in result.found
        if f.rule.startswith("BA7") and f.severity == "error"
        for e in f.evidence
    }
    assert ("支出总表!F10", "2,000,000.00") in cited


def test_hidden_sheets_are_not_read(tmp_path: Path) -> None:
    path = _filled_workbook(tmp_path / "预算.xlsx", CONSISTENT)
    workbook = load_workbook(path)
    workbook["基本支出"].sheet_state = "hidden"
    workbook.save(path)
    document = ba.load(path)
    assert "基本支出" not in {p.sheet for p in document.source.places if p is not None}
    assert document.tables_of("一般公共预算基本支出表") == []


def test_a_workbook_is_known_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    path = _filled_workbook(tmp_path / "预算.xlsx", CONSISTENT)
    renamed = tmp_path / "export.dat"
    renamed.write_bytes(path.read_bytes())
    assert read_any(renamed).kind == "xlsx"


def _refused(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        ba.load(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(path.name)
    return message


def test_truncated_workbook_is_refused_in_one_line(tmp_path: Path) -> None:
    whole = _filled_workbook(tmp_path / "whole.xlsx", CONSISTENT).read_bytes()
    truncated = tmp_path / "预算.xlsx"
    truncated.write_bytes(whole[: len(whole) // 2])
    assert "not a readable Excel workbook" in _refused(truncated)
    result = CliRunner().invoke(main, ["check", str(truncated)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_word_and_old_excel_files_are_refused_naming_what_is_read(tmp_path: Path) -> None:
    docx = tmp_path / "说明.docx"
    docx.write_bytes(_filled_workbook(tmp_path / "a.xlsx", CONSISTENT).read_bytes())
    assert ".xlsx" in _refused(docx)  # names the supported formats
    xls = tmp_path / "预算.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    assert "save it as .xlsx" in _refused(xls)
    text = tmp_path / "预算.xlsx"
    text.write_text("2026年部门预算\n", encoding="utf-8")
    assert "not a readable Excel workbook" in _refused(text)


def test_formula_without_a_saved_value_is_refused_naming_its_cell(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "基本支出"
    sheet["A1"] = "2026年部门一般公共预算基本支出表"
    sheet["D7"], sheet["D8"] = 1000000, 700000
    sheet["D6"] = "=SUM(D7:D8)"  # openpyxl saves the formula, never its value
    path = tmp_path / "预算.xlsx"
    workbook.save(path)
    message = _refused(path)
    assert "基本支出!D6" in message
    assert "no saved value" in message


# The 2025年部门支出预算总表 of 商务委 (shanghai-putuo-shangwuwei-2025-bumen-yusuan.pdf,
# pages 12-13) in 元, typed off the PDF: code, name, 合计, 基本支出, 项目支出.
SHANGWUWEI_SPENDING: list[tuple[str, str, str, str, str]] = [
    ("201", "一般公共服务支出", "21601733", "12291733", "9310000"),
    ("20113", "商贸事务", "21601733", "12291733", "9310000"),
    ("2011301", "行政运行", "9389913", "9389913", ""),
    ("2011302", "一般行政管理事务", "4545000", "", "4545000"),
    ("2011350", "事业运行", "2901820", "2901820", ""),
    ("2011399", "其他商贸事务支出", "4765000", "", "4765000"),
    ("206", "科学技术支出", "17200000", "", "17200000"),
    ("20605", "科技条件与服务", "17200000", "", "17200000"),
    ("2060503", "科技条件专项", "17200000", "", "17200000"),
    ("208", "社会保障和就业支出", "3808085", "3808085", ""),
    ("20805", "行政事业单位养老支出", "3808085", "3808085", ""),
    ("2080501", "行政单位离退休", "1661216", "1661216", ""),
    ("2080502", "事业单位离退休", "17280", "17280", ""),
    ("2080505", "机关事业单位基本养老保险缴费支出", "1410886", "1410886", ""),
    ("2080506", "机关事业单位职业年金缴费支出", "705443", "705443", ""),
    ("2080599", "其他行政事业单位养老支出", "13260", "13260", ""),
    ("210", "卫生健康支出", "881803", "881803", ""),
    ("21011", "行政事业单位医疗", "881803", "881803", ""),
    ("2101101", "行政单位医疗", "631941", "631941", ""),
    ("2101102", "事业单位医疗", "249862", "249862", ""),
    ("215", "资源勘探工业信息等支出", "293810000", "", "293810000"),
    ("21508", "支持中小企业发展和管理支出", "293810000", "", "293810000"),
    ("2150899", "其他支持中小企业发展和管理支出", "293810000", "", "293810000"),
    ("216", "商业服务业等支出", "31364000", "", "31364000"),
    ("21699", "其他商业服务业等支出", "31364000", "", "31364000"),
    ("2169999", "其他商业服务业等支出", "31364000", "", "31364000"),
    ("221", "住房保障支出", "2849034", "2849034", ""),
    ("22102", "住房改革支出", "2849034", "2849034", ""),
    ("2210201", "住房公积金", "1361034", "1361034", ""),
    ("2210203", "购房补贴", "1488000", "1488000", ""),
]
SHANGWUWEI_TOTAL = ("371514655", "19830655", "351684000")
PDF = TEMPLATE.parent / "shanghai-putuo-shangwuwei-2025-bumen-yusuan.pdf"


def _template_filled_with_spending(path: Path, change: tuple[str, str] | None = None) -> Path:
    """The template workbook with the PDF's 支出总表 typed into its sheet (rows 9-38, 合计 39),
    codes split into 类 | 款 | 项 cells as the template has them; ``change`` = (code, new 基本支出)."""
    workbook = load_workbook(TEMPLATE)
    sheet = workbook["部门支出总表"]
    sheet.unmerge_cells("A20:D20")
    for row in range(9, 24):
        for column in range(1, 8):
            sheet.cell(row=row, column=column, value=None)
    rows = [*SHANGWUWEI_SPENDING, ("合计", "", *SHANGWUWEI_TOTAL)]
    for number, (code, name, total, basic, project) in enumerate(rows, start=9):
        if change is not None and code == change[0]:
            basic = change[1]
        parts = [code[:3], code[3:5], code[5:7]] if code.isdigit() else [code, "", ""]
        sheet.cell(row=number, column=1, value=int(parts[0]) if parts[0].isdigit() else parts[0])
        for column, part in ((2, parts[1]), (3, parts[2]), (4, name)):
            sheet.cell(row=number, column=column, value=part or None)
        for column, figure in ((5, total), (6, basic), (7, project)):
            cell = sheet.cell(row=number, column=column, value=int(figure) if figure else None)
            cell.number_format = MONEY
    workbook.save(path)
    return path


def test_template_filled_from_the_pdf_reads_as_the_pdf_does(tmp_path: Path) -> None:
    document = ba.load(_template_filled_with_spending(tmp_path / "商务委.xlsx"))
    frame = document.table("支出总表")
    expected = [*SHANGWUWEI_SPENDING, (None, "合计", *SHANGWUWEI_TOTAL)]
    assert len(frame) == len(expected)
    for (_, row), (code, name, total, basic, project) in zip(
        frame.iterrows(), expected, strict=True
    ):
        assert (row["code"], row["name"]) == (code, name)
        for column, figure in (("合计", total), ("基本支出", basic), ("项目支出", project)):
            assert row[column] == (Decimal(figure) if figure else None), (code, column)
    # the PDF of the same table gives the same facts (the two adapters agree)
    pdf = ba.load(PDF)

    def facts(doc: ba.Document) -> list[tuple[str | None, str, str, Decimal]]:
        [table] = doc.tables_of("支出总表")
        return [(f.code, f.name, f.column, f.value) for f in table.facts]

    assert facts(document) == facts(pdf)


def test_a_changed_cell_of_the_filled_template_is_reported_at_its_cell(tmp_path: Path) -> None:
    # 2011350 事业运行 基本支出 2,901,820.00 → 2,901,830.00 (F13): 20113's 12,291,733.00 (F10)
    # is now 10 元 less than its items 9,389,913.00 (F11) + 2,901,830.00 (F13)
    path = _template_filled_with_spending(tmp_path / "商务委.xlsx", ("2011350", "2901830"))
    result = ba.audit(path)
    cited = [
        tuple(e.cell for e in f.evidence)
        for f in result.found
        if f.rule == "BA101" and f.severity == "error"
    ]
    assert ("部门支出总表!F10", "部门支出总表!F11", "部门支出总表!F13") in cited
