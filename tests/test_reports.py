"""Every report format, produced from every corpus document and the example, parsed back.

JSON against the contract, SARIF against the official schema (a copy in
tests/data), XLSX with openpyxl, Markdown and the terminal report by their
lines, HTML for escaping (the browser test is in test_html_browser.py).
"""

from __future__ import annotations

import base64
import json
import re
from decimal import Decimal
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from click.testing import CliRunner

import budget_audit as ba
from budget_audit.audit import Audit
from budget_audit.cli import main
from budget_audit.config import Settings
from budget_audit.reports.html_report import render_html
from budget_audit.reports.json_report import render_json
from budget_audit.reports.markdown import render_markdown
from budget_audit.reports.sarif import render_sarif
from budget_audit.reports.xlsx import findings_workbook
from tests.conftest import CORPUS, DOCUMENTS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "sample-2026.txt"
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
PATHS = [CORPUS / f"{name}.txt" for name in DOCUMENTS] + [EXAMPLE]

_audits: dict[Path, Audit] = {}


def audited(path: Path) -> Audit:
    if path not in _audits:
        result = ba.audit(path)
        assert isinstance(result, Audit)
        _audits[path] = result
    return _audits[path]


@pytest.fixture(params=PATHS, ids=[p.stem for p in PATHS])
def any_audit(request: pytest.FixtureRequest) -> Audit:
    return audited(request.param)


def test_json_keeps_the_contract(any_audit: Audit) -> None:
    report = json.loads(render_json([any_audit], single=True))
    lines = any_audit.document.source.lines
    assert report["document"] == any_audit.document.name
    assert set(report["summary"]) == {"error", "warning", "info"}
    for severity, count in report["summary"].items():
        assert count == sum(1 for f in report["findings"] if f["severity"] == severity)
    for finding in report["findings"]:
        assert {"rule", "severity", "message", "evidence", "fingerprint"} <= set(finding)
        for evidence in finding["evidence"]:
            assert evidence["text"] == lines[evidence["line"] - 1].strip()
    for table in report["tables"]:
        assert {"kind", "title", "first_line", "last_line", "unit", "rows"} <= set(table)
        assert table["first_line"] <= table["last_line"]
    assert len({f["fingerprint"] for f in report["findings"]}) == len(report["findings"])


def test_json_lists_the_examples_tables() -> None:
    # Counted by hand in examples/sample-2026.txt: 支出总表 from its title at line 11 has 8
    # coded rows (合计 and 7 科目); 基本支出表 (line 29) 9 rows; 三公 (line 49) one row of figures.
    tables = json.loads(render_json([audited(EXAMPLE)], single=True))["tables"]
    assert [(t["kind"], t["first_line"], t["rows"], t["unit"]) for t in tables] == [
        ("支出总表", 11, 8, "万元"),
        ("一般公共预算基本支出表", 29, 9, "万元"),
        ("三公经费支出表", 49, 1, "万元"),
    ]


def test_sarif_validates_and_points_at_the_cited_line(any_audit: Audit) -> None:
    sarif = json.loads(render_sarif([any_audit]))
    jsonschema.validate(sarif, SCHEMA)
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len(run["results"]) == len(any_audit.found)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for result, finding in zip(run["results"], any_audit.found, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.rule
        assert result["level"] == levels[finding.severity]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] == finding.evidence[0].line
        assert result["partialFingerprints"]["budgetAudit/v1"] == finding.fingerprint


def test_markdown_has_a_section_per_finding(any_audit: Audit) -> None:
    text = render_markdown([any_audit])
    found = any_audit.found
    assert text.count("\n### ") == len(found)
    table_rows = [line for line in text.split("\n") if re.match(r"\| (error|warning) \|", line)]
    assert len(table_rows) == sum(1 for f in found if f.severity != "info")
    outside_tags = re.sub(r"</?(details|summary)>", "", text)
    assert not re.search(r"(?<!\\)<", outside_tags), "raw '<' would be read as HTML"


def test_markdown_marks_the_cited_figure_of_the_example() -> None:
    text = render_markdown([audited(EXAMPLE)])
    # line 44 is 302 商品和服务支出 20.00 (合计) and 20.00 (公用经费): the 合计 finding bolds the first
    assert "- 行 44: 302 · 商品和服务支出 · **20.00** ·  · 20.00" in text
    assert "- 行 44: 302 · 商品和服务支出 · 20.00 ·  · **20.00**" in text


def test_xlsx_findings_and_tables_read_back(tmp_path: Path) -> None:
    audits = [audited(path) for path in PATHS]
    path = tmp_path / "audit.xlsx"
    findings_workbook(audits).save(path)
    book = openpyxl.load_workbook(path)
    sheet = book["问题"]
    header = [c.value for c in sheet[1]]
    assert (
        sheet.auto_filter.ref
        == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
    )
    rows = [
        dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)
    ]
    found = [(a, f) for a in audits for f in a.found]
    assert len(rows) == len(found)
    for row, (audit, finding) in zip(rows, found, strict=True):
        assert (row["文件"], row["规则"], row["行"]) == (
            audit.document.name,
            finding.rule,
            finding.line,
        )
        if finding.stated is not None:
            assert Decimal(str(row["列示数"])) == finding.stated
    tables = sum(len(a.document.tables) for a in audits)
    assert len(book.sheetnames) == 3 + tables  # findings, evidence, the index, a sheet each
    assert book["表格"].max_row == 1 + tables


def test_tables_command_writes_one_sheet_per_table(tmp_path: Path) -> None:
    out = tmp_path / "tables.xlsx"
    result = CliRunner().invoke(main, ["tables", str(EXAMPLE), "--xlsx", str(out)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["表格", "支出总表", "一般公共预算基本支出表", "三公经费支出表"]
    basic = book["一般公共预算基本支出表"]
    header = [c.value for c in basic[1]]
    row = next(r for r in basic.iter_rows(min_row=2, values_only=True) if r[0] == "302")
    # examples/sample-2026.txt line 44: 302 商品和服务支出 20.00 (合计), empty 人员经费, 20.00 公用经费
    assert dict(zip(header, row, strict=True)) == {
        "code": "302", "name": "商品和服务支出", "合计": 20, "人员经费": None, "公用经费": 20,
        "line": 44,
    }  # fmt: skip


def test_html_escapes_document_text(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile-2026.txt"
    text = EXAMPLE.read_text("utf-8").replace(
        "其他商品和服务支出 5 万元。", "其他商品和服务支出 5 万元。<script>alert('x')</script>"
    )
    hostile.write_text(
        text.replace("负责示例区", '<img src=x onerror="alert(1)">负责示例区'), "utf-8"
    )
    page = render_html([audited_file(hostile)])
    assert page.count("<script>") == 1  # the report's own
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<img" not in page and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert "script-src 'sha256-" in page and "default-src 'none'" in page


def audited_file(path: Path) -> Audit:
    result = ba.audit(path)
    assert isinstance(result, Audit)
    return result


def test_html_links_every_finding_to_its_line(any_audit: Audit) -> None:
    page = render_html([any_audit])
    for number, finding in enumerate(any_audit.found):
        assert f'id="d0-f{number}"' in page
        assert f'href="#d0-L{finding.line}"' in page
        assert f'id="d0-L{finding.line}"' in page
    assert page.count('class="ln') == len(any_audit.document.source.lines)


def test_output_option_writes_each_format(tmp_path: Path) -> None:
    for fmt in ("text", "json", "sarif", "markdown", "html", "xlsx"):
        out = tmp_path / f"report.{fmt}"
        result = CliRunner().invoke(main, ["check", str(EXAMPLE), "--format", fmt, "-o", str(out)])
        assert result.exit_code == 1, (fmt, result.output)  # the example's errors
        assert result.stdout == "" and out.stat().st_size > 0
    assert "sample-2026.txt:44: BA101 [error]" in (tmp_path / "report.text").read_text("utf-8")
    assert "\x1b[" not in (tmp_path / "report.text").read_text("utf-8")


def test_xlsx_needs_an_output_file() -> None:
    result = CliRunner().invoke(main, ["check", str(EXAMPLE), "--format", "xlsx"])
    assert result.exit_code == 2 and "-o FILE.xlsx" in result.output


def test_english_titles_labels_and_messages_keep_the_documents_words() -> None:
    result = CliRunner().invoke(main, ["check", str(EXAMPLE), "--lang", "en", "--no-color"])
    assert result.exit_code == 1
    assert "errors (4)" in result.output
    # the row name is the document's and stays as printed; the rest is ours, in English
    assert (
        "sample-2026.txt:44: BA101 [error] Hierarchy sums (parent = sum of children): "
        "general public budget basic expenditure table “302 商品和服务支出” total: stated 20 10k "
        "yuan, the sum of the 3 rows under it gives 21 10k yuan, a gap of -1 10k yuan"
        in result.output
    )


def test_every_builtin_rule_has_an_english_title() -> None:
    from budget_audit.engine import builtin_rules

    assert [r.id for r in builtin_rules() if not r.title_en] == []


# A rule of the user's that compares two different figures of the 商务委 PDF, so that its finding
# cites two table cells on their pages (the file's own figures agree with each other).
TWO_CELLS = """\
rules:
  - id: XY901
    title: 收入总计与项目支出
    severity: error
    check: same_figure
    params:
      figures:
        - name: 收入总计
          sources:
            - {table: 收支总表, row: 收入总计, side: 收入}
            - {table: 支出总表, row: 合计, column: 项目支出}
"""


def test_html_of_a_pdf_shows_the_cited_cells_as_printed(tmp_path: Path) -> None:
    pdf = CORPUS.parent / "corpus-pdf" / "shanghai-putuo-shangwuwei-2025-bumen-yusuan.pdf"
    (tmp_path / "two-cells.yaml").write_text(TWO_CELLS, "utf-8")
    settings = Settings(select=["XY901"], rule_files=[tmp_path / "two-cells.yaml"])
    result = ba.audit(pdf, settings)
    assert isinstance(result, Audit)
    boxed = [n for n, f in enumerate(result.found) if any(e.box for e in f.evidence)]
    assert boxed, "XY901 cites the 收支总表's 收入总计 cell (page 9) and the 支出总表's 项目支出"
    page = render_html([result])
    pictures = re.findall(r'<img class="crop" src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    pages = [{e.page for e in result.found[n].evidence if e.box} for n in boxed]
    assert len(pictures) == sum(len(p) for p in pages)  # one picture per finding and page
    assert all(base64.b64decode(p)[:8] == b"\x89PNG\r\n\x1a\n" for p in pictures)
    assert "<img" not in render_html([audited(EXAMPLE)])  # a text source has no page to show
