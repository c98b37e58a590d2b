"""Workbooks for finance reviewers: the findings as a filterable sheet, and every table read.

Sheets: findings (one row each, an auto-filter on the header, the first row
frozen), evidence (one row per cited number, with its finding's number),
tables (an index) and one sheet per parsed table with its rows as read.
Money goes in as numbers written from the ``Decimal`` (no float arithmetic on
the way); a cell that was empty in the table stays empty.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from budget_audit.audit import Reportable, records
from budget_audit.document import Document
from budget_audit.record import DocumentDigest, Keep, digest
from budget_audit.reports.frame import COLUMNS, finding_lines, finding_record
from budget_audit.reports.labels import label
from budget_audit.reports.marks import finding_where, where

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_MONEY = "#,##0.00########"


def findings_workbook(audits: Sequence[Reportable], lang: str = "zh") -> Workbook:
    """Findings, evidence, and the tables of every audited document."""
    shown = records(audits, Keep(cells=True))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = label("findings", lang)
    _findings_sheet(sheet, shown, lang)
    _evidence_sheet(book.create_sheet(label("evidence", lang)), shown, lang)
    _add_tables(book, [a.document for a in shown], lang)
    return book


def tables_workbook(document: Document, lang: str = "zh") -> Workbook:
    """An index of the tables read and one sheet per table (``budget-audit tables --xlsx``)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    book.remove(sheet)
    _add_tables(book, [digest(document, Keep(cells=True))], lang)
    return book


def _findings_sheet(sheet: Worksheet, audits: Sequence[Reportable], lang: str) -> None:
    sheet.append(["#", *(label(c, lang) for c in COLUMNS), label("where", lang)])
    number = 0
    for audit in audits:
        for finding in audit.found:
            number += 1
            record = finding_record(audit, finding, lang)
            record["lines"] = " ".join(str(n) for n in finding_lines(finding))
            sheet.append([number, *(record[c] for c in COLUMNS), finding_where(audit, finding)])
    _format(sheet)


def _evidence_sheet(sheet: Worksheet, audits: Sequence[Reportable], lang: str) -> None:
    sheet.append(
        ["#", label("document", lang), label("rule", lang), label("where", lang),
         label("line", lang), label("page", lang), label("value", lang), label("table", lang),
         label("row", lang), label("column", lang), label("text", lang)]
    )  # fmt: skip
    number = 0
    for audit in audits:
        for finding in audit.found:
            number += 1
            for e in finding.evidence:
                sheet.append(
                    [number, audit.document.name, finding.rule, where(audit, e), e.line, e.page,
                     e.value, e.table, e.row, e.column, e.text]
                )  # fmt: skip
    _format(sheet)


def _add_tables(book: Workbook, documents: list[DocumentDigest], lang: str) -> None:
    index = book.create_sheet(label("tables", lang))
    index.append(
        [label("document", lang), label("sheet", lang), label("kind", lang), label("title", lang),
         label("lines", lang), label("unit", lang), label("rows", lang), label("facts", lang)]
    )  # fmt: skip
    used = set(book.sheetnames)
    for document in documents:
        for table in document.tables:
            base = (
                table.id if len(documents) == 1 else f"{Path(document.name).stem[:12]} {table.id}"
            )
            name = _sheet_name(base, used)
            used.add(name)
            sheet = book.create_sheet(name)
            if table.grid is None:
                raise ValueError(
                    "a workbook shows the cells: make its records with Keep(cells=True)"
                )
            sheet.append(list(table.grid.columns))
            for values in table.grid.rows:
                sheet.append(list(values))
            _format(sheet)
            index.append(
                [document.name, name, table.kind, table.title,
                 f"{table.first_line}-{table.last_line}", table.unit, table.rows, table.facts]
            )  # fmt: skip
    _format(index)


def _sheet_name(base: str, used: set[str]) -> str:
    """A valid, unused sheet name: at most 31 characters, none of ``[]:*?/\\``."""
    clean = _BAD_SHEET_CHARS.sub("_", base)[:31] or "table"
    name, counter = clean, 1
    while name in used:
        counter += 1
        suffix = f"~{counter}"
        name = clean[: 31 - len(suffix)] + suffix
    return name


def _format(sheet: Worksheet) -> None:
    """Filter on the header row, header frozen, money as numbers with their decimals, widths."""
    if sheet.max_row >= 1 and sheet.max_column >= 1:
        sheet.auto_filter.ref = f"A1:{get_column_letter(sheet.max_column)}{sheet.max_row}"
    sheet.freeze_panes = "A2"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, Decimal):
                cell.number_format = _MONEY
    for column in range(1, sheet.max_column + 1):
        letter = get_column_letter(column)
        longest = max(
            (len(str(c.value)) for c in sheet[letter][:200] if c.value is not None), default=4
        )
        sheet.column_dimensions[letter].width = min(60, max(6, longest + 2))
