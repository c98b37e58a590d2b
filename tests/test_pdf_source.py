"""PDF input: tables found, cells read into the right columns with their page, bad files refused.

Expected figures are read off the PDFs by hand (the printed pages), not from
this package's output.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

import budget_audit as ba
from budget_audit.audit import audit_document
from budget_audit.document import Document, parse
from budget_audit.engine import builtin_rules
from budget_audit.errors import InputError
from budget_audit.sources import read_any

PDFS = Path(__file__).resolve().parents[2] / "shared" / "corpus-pdf"
BUMEN = PDFS / "shanghai-putuo-shangwuwei-2025-bumen-yusuan.pdf"
FULIYUAN = PDFS / "shanghai-putuo-shehuifuliyuan-2024-danwei-yusuan.pdf"
JUESUAN = PDFS / "juesuan-template-2024.pdf"

pytestmark = pytest.mark.skipif(not PDFS.is_dir(), reason="../shared/corpus-pdf is not present")


@pytest.fixture(scope="module")
def bumen() -> Document:
    return ba.load(BUMEN)


def test_every_table_of_the_shanghai_bumen_budget_is_found(bumen: Document) -> None:
    # The contents page (p2) lists nine tables; each is printed on pp9-21.
    assert [t.kind.name for t in bumen.tables] == [
        "收支总表",  # 1. 部门财务收支预算总表 p9
        "收入总表",  # 2. 部门收入预算总表 pp10-11
        "支出总表",  # 3. 部门支出预算总表 pp12-13
        "财政拨款收支总表",  # 4. p14
        "一般公共预算支出表",  # 5. 一般公共预算支出功能分类预算表 pp15-16
        "政府性基金预算支出表",  # 6. p17, printed empty with a note
        "国有资本经营预算支出表",  # 7. p18, printed empty with a note
        "一般公共预算基本支出表",  # 8. 基本支出部门预算经济分类预算表 pp19-20
        "三公经费支出表",  # 9. 三公经费和机关运行经费预算表 p21
    ]
    assert bumen.department == "上海市普陀区商务委员会"
    assert bumen.year == 2025


# 2025年部门支出预算总表, pp12-13 (单位：元): every row as printed, codes joined from 类|款|项.
SPENDING = [
    ("201", "一般公共服务支出", "21,601,733.00", "12,291,733.00", "9,310,000.00"),
    ("20113", "商贸事务", "21,601,733.00", "12,291,733.00", "9,310,000.00"),
    ("2011301", "行政运行", "9,389,913.00", "9,389,913.00", None),
    ("2011302", "一般行政管理事务", "4,545,000.00", None, "4,545,000.00"),
    ("2011350", "事业运行", "2,901,820.00", "2,901,820.00", None),
    ("2011399", "其他商贸事务支出", "4,765,000.00", None, "4,765,000.00"),
    ("206", "科学技术支出", "17,200,000.00", None, "17,200,000.00"),
    ("20605", "科技条件与服务", "17,200,000.00", None, "17,200,000.00"),
    ("2060503", "科技条件专项", "17,200,000.00", None, "17,200,000.00"),
    ("208", "社会保障和就业支出", "3,808,085.00", "3,808,085.00", None),
    ("20805", "行政事业单位养老支出", "3,808,085.00", "3,808,085.00", None),
    ("2080501", "行政单位离退休", "1,661,216.00", "1,661,216.00", None),
    ("2080502", "事业单位离退休", "17,280.00", "17,280.00", None),
    ("2080505", "机关事业单位基本养老保险缴费支出", "1,410,886.00", "1,410,886.00", None),
    # page break: p13 repeats no header
    ("2080506", "机关事业单位职业年金缴费支出", "705,443.00", "705,443.00", None),
    ("2080599", "其他行政事业单位养老支出", "13,260.00", "13,260.00", None),
    ("210", "卫生健康支出", "881,803.00", "881,803.00", None),
    ("21011", "行政事业单位医疗", "881,803.00", "881,803.00", None),
    ("2101101", "行政单位医疗", "631,941.00", "631,941.00", None),
    ("2101102", "事业单位医疗", "249,862.00", "249,862.00", None),
    ("215", "资源勘探工业信息等支出", "293,810,000.00", None, "293,810,000.00"),
    ("21508", "支持中小企业发展和管理支出", "293,810,000.00", None, "293,810,000.00"),
    ("2150899", "其他支持中小企业发展和管理支出", "293,810,000.00", None, "293,810,000.00"),
    ("216", "商业服务业等支出", "31,364,000.00", None, "31,364,000.00"),
    ("21699", "其他商业服务业等支出", "31,364,000.00", None, "31,364,000.00"),
    ("2169999", "其他商业服务业等支出", "31,364,000.00", None, "31,364,000.00"),
    ("221", "住房保障支出", "2,849,034.00", "2,849,034.00", None),
    ("22102", "住房改革支出", "2,849,034.00", "2,849,034.00", None),
    ("2210201", "住房公积金", "1,361,034.00", "1,361,034.00", None),
    ("2210203", "购房补贴", "1,488,000.00", "1,488,000.00", None),
    (None, "合计", "371,514,655.00", "19,830,655.00", "351,684,000.00"),
]


def _money(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text.replace(",", ""))


def test_a_table_over_a_page_break_is_read_whole(bumen: Document) -> None:
    table = bumen.tables_of("支出总表")[0]
    assert table.unit == "元"
    frame = bumen.table("支出总表")
    got = [
        (r["code"], r["name"], r["合计"], r["基本支出"], r["项目支出"])
        for r in frame.to_dict("records")
    ]
    want = [(c, n, _money(a), _money(b), _money(p)) for c, n, a, b, p in SPENDING]
    assert got == want
    pages = {f.code: bumen.source.page(f.location.line) for f in table.facts}
    assert pages["2080505"] == 12 and pages["2080506"] == 13
    total = next(f for f in table.facts if f.name == "合计" and f.column == "合计")
    assert total.value_wan == Decimal("37151.4655")  # 元 / 10000, exactly


def test_a_cell_of_a_pdf_table_has_its_box_in_the_evidence(bumen: Document) -> None:
    table = bumen.tables_of("支出总表")[0]
    fact = next(f for f in table.facts if f.code == "2011302" and f.column == "项目支出")
    place = bumen.source.place(fact.location.line)
    assert place is not None and place.page == 12
    cell = place.cell_at(fact.location.start)
    assert cell is not None and cell.box is not None
    x0, top, x1, bottom = cell.box
    assert x0 < x1 and top < bottom  # a real rectangle on the page, right of the 合计 column
    total_cell = place.cell_at(next(f for f in table.facts if f.code == "2011302").location.start)
    assert total_cell is not None and total_cell.box is not None and total_cell.box[2] <= x0


def test_the_three_public_table_is_read_by_its_header(bumen: Document) -> None:
    # p21, 单位:万元: 合计 1.00 | 因公出国(境)费 (empty) | 公务接待费 1.00 | 公务用车 小计/购置费/运行费
    # (empty) | 机关运行经费预算数 171.01. Its columns are in another order than Wuhan's.
    table = bumen.tables_of("三公经费支出表")[0]
    assert table.unit == "万元"
    cells = {f.column: f.value for f in table.facts}
    assert cells == {
        "合计": Decimal("1.00"),
        "公务接待费": Decimal("1.00"),
        "机关运行经费": Decimal("171.01"),
    }


def test_a_caption_ruled_into_the_frame_is_a_title() -> None:
    # 社会福利院 p10: the title and 编制单位 line sit inside the table's rules.
    document = ba.load(FULIYUAN)
    assert "财政拨款收支总表" in {t.kind.name for t in document.tables}
    three = document.tables_of("三公经费支出表")[0]
    # p15: 6.4 | 0 | 0 | 6.4 (小计) | (购置费 empty) | 6.4 (运行费) | 0 (机关运行经费)
    assert {f.column: f.value for f in three.facts} == {
        "合计": Decimal("6.4"),
        "因公出国(境)费": Decimal("0"),
        "公务接待费": Decimal("0"),
        "公务用车购置及运行费": Decimal("6.4"),
        "公务用车运行费": Decimal("6.4"),
        "机关运行经费": Decimal("0"),
    }


def test_the_juesuan_template_tables_are_recognised() -> None:
    document = ba.load(JUESUAN)
    assert document.year == 2024
    assert [t.title for t in document.tables] == [
        "收入支出决算总表",
        "收入决算表",
        "支出决算表",
        "财政拨款收入支出决算总表",
        "一般公共预算财政拨款支出决算表",
        "一般公共预算财政拨款基本支出决算表",
        "财政拨款“三公”经费支出决算表",
        "政府性基金预算财政拨款收入支出决算表",
        "国有资本经营预算财政拨款收入支出决算表",
    ]


def _mutated(source: ba.Document, line: int, start: int, raw: str) -> Document:
    text = source.source.line(line)
    bumped = _bump(raw)
    lines = list(source.source.lines)
    lines[line - 1] = text[:start] + bumped + text[start + len(raw) :]
    return parse(dataclasses.replace(source.source, lines=tuple(lines)))


def _bump(raw: str) -> str:
    """Add one to the ones place, keeping separators and decimals (``9,389,913.00`` → ``9,389,914.00``)."""
    whole, dot, decimals = raw.partition(".")
    digits = whole.replace(",", "")
    value = int(digits) + 1
    text = f"{value:,}" if "," in whole else str(value)
    return text + dot + decimals


def test_changing_any_amount_of_a_coded_pdf_row_is_reported_with_its_page(bumen: Document) -> None:
    rules = builtin_rules()
    baseline = {
        (f.rule, f.message) for f in audit_document(bumen, rules).found if f.severity == "error"
    }
    tried = 0
    for kind in ("支出总表", "一般公共预算支出表", "一般公共预算基本支出表"):
        for fact in bumen.tables_of(kind)[0].facts:
            if fact.code is None or fact.location.start is None:
                continue
            tried += 1
            mutated = _mutated(bumen, fact.location.line, fact.location.start, fact.raw)
            new = [
                f
                for f in audit_document(mutated, rules).found
                if f.severity == "error" and (f.rule, f.message) not in baseline
            ]
            cited = [e for f in new for e in f.evidence if e.line == fact.location.line]
            assert cited, f"{kind} {fact.code} {fact.column} {fact.raw}: no new error"
            assert cited[0].page == bumen.source.page(fact.location.line)
    assert tried > 150


MINIMAL_BLANK_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n"
)


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("scan.pdf", MINIMAL_BLANK_PDF, "no text layer"),
        ("cut.pdf", BUMEN.read_bytes()[:3000] if BUMEN.exists() else b"%PDF-", "PDF"),
        ("notes.docx", b"PK\x03\x04rest-of-a-zip", "supported"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "supported"),
        ("fake.pdf", b"hello, not a pdf", "not a PDF"),
    ],
)
def test_unreadable_files_are_refused_with_one_line(
    tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        read_any(path)
    message = str(raised.value)
    assert says in message and "\n" not in message and name in message


JIANGSU = [  # the contents page of each year lists these twelve (一 … 十二 / 公开01 … 12)
    "收支总表", "收入总表", "支出总表", "财政拨款收支总表", "财政拨款支出表", "财政拨款基本支出表",
]  # fmt: skip
SHANGHAI_UNIT = [  # 1. … 9. of the 单位预算's contents page
    "收支总表", "收入总表", "支出总表", "财政拨款收支总表", "一般公共预算支出表",
    "政府性基金预算支出表", "国有资本经营预算支出表", "一般公共预算基本支出表", "三公经费支出表",
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        # 2017: 七 政府性基金 before 八 一般公共预算; 十 机关运行经费 before 十一 三公 (its title
        # wraps over three lines with the quotes of “三公” on their own baseline)
        ("jiangsu-jianchayuan-2017-yusuan.pdf", [*JIANGSU, "政府性基金预算支出表",
         "一般公共预算支出表", "一般公共预算基本支出表", "机关运行经费支出表", "三公经费支出表",
         "政府采购预算表"]),
        ("jiangsu-jianchayuan-2018-yusuan.pdf", [*JIANGSU, "一般公共预算支出表",
         "一般公共预算基本支出表", "三公经费支出表", "政府性基金预算支出表", "机关运行经费支出表",
         "政府采购预算表"]),
        ("jiangsu-jianchayuan-2019-yusuan.pdf", [*JIANGSU, "一般公共预算支出表",
         "一般公共预算基本支出表", "三公经费支出表", "政府性基金预算支出表", "机关运行经费支出表",
         "政府采购预算表"]),
        ("shanghai-putuo-shangwuwei-2025-danwei-yusuan.pdf", SHANGHAI_UNIT),
        ("shanghai-putuo-shehuifuliyuan-2024-danwei-yusuan.pdf", SHANGHAI_UNIT),
    ],
)  # fmt: skip
def test_every_table_the_contents_page_lists_is_found(name: str, kinds: list[str]) -> None:
    document = ba.load(PDFS / name)
    assert [t.kind.name for t in document.tables] == kinds
    assert not document.coverage.promised_missing


# Jiangsu 2018 公开07 表 (p17-18), 单位：万元: the figure of each row is printed a cell left of its
# 金额 header, and 204/208/221 print theirs a rule below their label.
JIANGSU_2018_GENERAL = [
    (None, "合 计", "21,940.96"),
    ("204", "公共安全支出", "16,444.36"),
    ("20404", "检察", "16,444.36"),
    ("2040401", "行政运行", "10,883.36"),
    ("2040402", "一般行政管理事务", "3,666.00"),
    ("2040405", "公诉、审判、侦查、执行等检察监督支出", "1895.00"),
    ("208", "社会保障和就业支出", "1,836.22"),
    ("20805", "行政事业单位离退休", "1,836.22"),
    ("2080504", "未归口管理的行政单位离退休", "371.92"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "1,045.93"),
    ("2080506", "机关事业单位职业年金缴费支出", "418.37"),
    ("221", "住房保障支出", "3,660.38"),
    ("22102", "住房改革支出", "3,660.38"),
    ("2210201", "住房公积金", "1,073.77"),
    ("2210202", "提租补贴", "2,586.61"),
]


def test_a_one_column_table_with_figures_off_their_header_is_read() -> None:
    document = ba.load(PDFS / "jiangsu-jianchayuan-2018-yusuan.pdf")
    table = document.tables_of("一般公共预算支出表")[0]
    assert table.unit == "万元"
    got = [(r.code, r.name, r.cells["合计"].raw) for r in table.rows if "合计" in r.cells]
    assert got == JIANGSU_2018_GENERAL


@pytest.mark.parametrize(
    "name",
    ["shanghai-putuo-shangwuwei-2025-danwei-yusuan.pdf", "jiangsu-jianchayuan-2018-yusuan.pdf"],
)
def test_pages_read_through_pdfium_give_pdfminers_lines(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PDFium only replaces pdfminer's reading of each page's objects: the lines, their pages
    # and their cells must be pdfminer's, up to the narrow spaces PDFium drops (Jiangsu prints
    # "13.56 %" with a space narrower than pdfplumber's 3 pt word gap; Shanghai has none).
    from budget_audit.sources import pdfium_objects

    fast = read_any(PDFS / name)
    monkeypatch.setattr(pdfium_objects, "pdfium_pages", lambda pages, path: (pages, lambda: None))
    slow = read_any(PDFS / name)
    assert len(fast.lines) == len(slow.lines)
    differ = [(a, b) for a, b in zip(fast.lines, slow.lines, strict=True) if a != b]
    assert all(a.replace(" ", "") == b.replace(" ", "") for a, b in differ)
    assert len(differ) <= (3 if name.startswith("jiangsu") else 0)
    for a, b in zip(fast.places, slow.places, strict=True):
        assert a.page == b.page
        assert [c.start for c in a.cells] == [c.start for c in b.cells]
        for x, y in zip(a.cells, b.cells, strict=True):
            assert (x.box is None) == (y.box is None)
            if x.box is not None and y.box is not None:
                assert max(abs(u - v) for u, v in zip(x.box, y.box, strict=True)) < 0.01


def _one_line_pdf(path: Path, matrix: tuple[float, ...]) -> None:
    """A page with one line of Helvetica, placed by ``matrix`` (upright, turned …)."""
    import ctypes

    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    document = pdfium.PdfDocument.new()
    page = document.new_page(300, 300)
    font = pdfium_c.FPDFText_LoadStandardFont(document.raw, b"Helvetica")
    text = pdfium_c.FPDFPageObj_CreateTextObj(document.raw, font, 12.0)
    buffer = ctypes.create_string_buffer("Total2019\0".encode("utf-16-le"))
    pdfium_c.FPDFText_SetText(text, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
    pdfium_c.FPDFPageObj_Transform(text, *matrix)
    pdfium_c.FPDFPage_InsertObject(page.raw, text)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    document.save(path)
    document.close()


@pytest.mark.parametrize(
    "matrix",
    [(1, 0, 0, 1, 40, 200), (1, 0, 0.3, 1, 40, 200), (0, 1, -1, 0, 150, 40)],
    ids=["upright", "slanted", "turned"],
)
def test_a_page_read_through_pdfium_has_pdfminers_characters(
    tmp_path: Path, matrix: tuple[float, ...]
) -> None:
    # Upright and slanted text is read by PDFium into pdfminer's boxes; turned text, whose
    # boxes pdfminer draws otherwise, is left to pdfminer. Helvetica is not embedded and has
    # no font descriptor: pdfminer takes its descent from the AFM (-0.207 em), PDFium from the
    # font it substitutes (-0.224 em), so the boxes stand 0.2 pt apart in height (0.06 pt
    # across when slanted); the corpus's fonts all have descriptors and agree to 0.01 pt.
    import pdfplumber

    from budget_audit.sources.pdfium_objects import pdfium_pages

    path = tmp_path / "one-line.pdf"
    _one_line_pdf(path, matrix)
    with pdfplumber.open(path) as pdf:
        plain = pdf.pages[0].chars
        pages, close = pdfium_pages(list(pdf.pages), path)
        read = pages[0].chars
        close()
    assert [c["text"] for c in read] == [c["text"] for c in plain] == list("Total2019")
    for mine, theirs in zip(read, plain, strict=True):
        for key, tolerance in (("x0", 0.1), ("x1", 0.1), ("top", 0.3), ("bottom", 0.3)):
            assert abs(mine[key] - theirs[key]) < tolerance, (mine["text"], key)
        assert abs(mine["size"] - theirs["size"]) < 0.01
        assert mine["upright"] == theirs["upright"]
