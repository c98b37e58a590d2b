"""What the reports need of an audit, without the parsed document: a folder's audits stay small.

A parsed :class:`~budget_audit.document.Document` (its tables, facts, claims
and the checks' memo) weighs a few megabytes in memory; the reports use its
name, kind, coverage, a line or two per table and, for the HTML page only, its
text. An :class:`AuditRecord` keeps just that, so a worker process sends back
tens of kilobytes instead of the whole document, and the process writing the
report of a thousand files holds a thousand records, not a thousand documents.
The reports take records; :meth:`budget_audit.audit.Audit.record` makes one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from budget_audit.coverage import Coverage
from budget_audit.findings import Finding, severity_counts
from budget_audit.layout import DocumentKind, Part

if TYPE_CHECKING:
    from budget_audit.document import Document
    from budget_audit.engine import Rule
    from budget_audit.tables.table import Table


@dataclass(frozen=True)
class Keep:
    """What a record keeps beyond what every report needs: the text (the HTML page shows it)
    and the tables' cells (a workbook has a sheet per table)."""

    text: bool = False
    cells: bool = False


BARE = Keep()  # what every report needs, and no more


@dataclass(frozen=True)
class Grid:
    """A table's cells as a workbook sheet shows them: column names, then the rows' values."""

    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


@dataclass(frozen=True)
class TableDigest:
    """A table as the reports name it: kind, title, where it stands, unit and size."""

    id: str
    kind: str
    title: str
    first_line: int
    last_line: int
    unit: str
    unit_stated: bool
    rows: int
    facts: int
    pages: tuple[int, ...] = ()
    grid: Grid | None = None


@dataclass(frozen=True)
class DocumentDigest:
    """A document as the reports describe it. ``lines`` is empty unless the text was kept."""

    name: str
    department: str | None
    year: int | None
    kind: DocumentKind
    source_kind: str
    line_count: int
    parts: tuple[Part, ...]
    tables: tuple[TableDigest, ...]
    coverage: Coverage
    lines: tuple[str, ...] = ()


@dataclass
class AuditRecord:
    """An audit as the reports use it: the findings, what was not checked, the claims' verdicts,
    the rules that ran, and the document's digest. ``hidden`` holds the findings a baseline
    accepted; ``path`` is the file as the user named it."""

    document: DocumentDigest
    found: list[Finding]
    not_checked: list[str]
    claims: dict[str, Any] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    hidden: list[Finding] = field(default_factory=list)
    path: str | None = None

    @property
    def summary(self) -> dict[str, int]:
        """How many findings of each severity (hidden ones not counted)."""
        return severity_counts(self.found)


def digest(document: Document, keep: Keep = BARE) -> DocumentDigest:
    """The digest of a parsed document, keeping what ``keep`` asks for besides."""
    source = document.source
    return DocumentDigest(
        name=document.name,
        department=document.department,
        year=document.year,
        kind=document.kind,
        source_kind=source.kind,
        line_count=len(source.lines),
        parts=tuple(document.parts),
        tables=tuple(_table(document, table, keep.cells) for table in document.tables),
        coverage=document.coverage,
        lines=source.lines if keep.text else (),
    )


def _table(document: Document, table: Table, cells: bool) -> TableDigest:
    pages = {
        page
        for line in range(table.first_line, table.last_line + 1)
        if (page := document.source.page(line)) is not None
    }
    return TableDigest(
        id=table.id,
        kind=table.kind.name,
        title=table.title,
        first_line=table.first_line,
        last_line=table.last_line,
        unit=table.unit,
        unit_stated=table.unit_stated,
        rows=len(table.rows),
        facts=len(table.facts),
        pages=tuple(sorted(pages)),
        grid=grid(table) if cells else None,
    )


def grid(table: Table) -> Grid:
    """The table's cells as its DataFrame holds them; a value of no cell type as its text."""
    frame = table.frame()
    return Grid(
        tuple(str(column) for column in frame.columns),
        tuple(tuple(_cell(v) for v in values) for values in frame.itertuples(index=False)),
    )


def _cell(value: object) -> object:
    if value is None or isinstance(value, (str, int, Decimal)):
        return value
    return str(value)
