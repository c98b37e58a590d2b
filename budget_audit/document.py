"""A loaded disclosure: its structure, tables, facts, narrative and coverage."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from budget_audit.claims.model import Claims
from budget_audit.claims.reader import read_claims
from budget_audit.coverage import Coverage, measure
from budget_audit.errors import NotADisclosure
from budget_audit.facts import Fact, facts_frame
from budget_audit.layout import (
    Block,
    DocumentKind,
    Part,
    Promise,
    contents_end,
    find_blocks,
    find_department,
    find_grid_blocks,
    find_kind,
    find_parts,
    find_promises,
    find_year,
    is_page_number,
)
from budget_audit.narrative import Paragraph, read_narrative
from budget_audit.source import SourceText
from budget_audit.sources import combine, read_any
from budget_audit.sources.pdf import PdfSettings
from budget_audit.tables.grid import LinkedFigures
from budget_audit.tables.kinds import Vocabulary, vocabulary
from budget_audit.tables.table import Table, read_table

if TYPE_CHECKING:  # pandas is imported where a DataFrame is asked for: the CLI needs none
    import pandas as pd

T = TypeVar("T")


@dataclass
class Document:
    """Everything read from one disclosure. Build it with :func:`load`."""

    source: SourceText
    parts: list[Part]
    department: str | None
    year: int | None
    promises: list[Promise]
    tables: list[Table]
    title_only: list[Block]
    narrative: list[Paragraph] = field(default_factory=list)
    overview: list[Paragraph] = field(default_factory=list)
    kind: DocumentKind = field(default_factory=lambda: DocumentKind(None, None, None))
    # What the checks worked out once about this document and ask again (the rows a
    # narrative subject names): kept here, as the document does not change once read.
    memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    def remembered(self, key: object, compute: Callable[[], T]) -> T:
        """``compute()``, worked out once per document under ``key`` (in :attr:`memo`): for what
        depends on the document alone and many checks ask again (the funding it shows)."""
        if key not in self.memo:
            self.memo[key] = compute()
        return cast("T", self.memo[key])

    def remembered_for(self, owner: object, name: str, compute: Callable[[], T]) -> T:
        """As :meth:`remembered`, for what depends on one object read from the document (a
        sentence): keyed by the object's identity, and the object kept with the value, so that
        its id cannot be taken by another object while the memo holds it."""
        key = (name, id(owner))
        if key not in self.memo:
            self.memo[key] = (owner, compute())
        return cast("tuple[object, T]", self.memo[key])[1]

    @property
    def name(self) -> str:
        """The file name the document was read from."""
        return self.source.name

    @property
    def all_facts(self) -> list[Fact]:
        """Every fact of every table, in document order."""
        return [fact for table in self.tables for fact in table.facts]

    @cached_property
    def facts(self) -> pd.DataFrame:
        """One row per number read from the tables, with its table, row, column, value, unit and line."""
        return facts_frame(self.all_facts)

    @cached_property
    def claims(self) -> Claims:
        """What the narrative (情况说明) claims: amounts, shares, changes, item lists, counts."""
        return read_claims(self.narrative)

    @cached_property
    def coverage(self) -> Coverage:
        """Which numbers of the table part were read, and which were not."""
        coverage = measure(self.tables, self.source.lines)
        present = {table.kind.name for table in self.tables}
        coverage.promised_missing = sorted({p.kind for p in self.promises} - present)
        coverage.title_only = [
            f"line {b.title_line}: {b.title}"
            for b in self.title_only
            if b.kind is None or b.kind.name not in present
        ]
        return coverage

    def tables_of(self, kind: str) -> list[Table]:
        """Every table of a kind (a document has one 项目支出绩效目标表 per project)."""
        wanted = vocabulary().kind(kind).name
        return [table for table in self.tables if table.kind.name == wanted]

    def table(self, kind: str) -> pd.DataFrame:
        """The first table of ``kind`` (``"支出总表"``, ``"一般公共预算基本支出表"`` ...) as a DataFrame."""
        found = self.tables_of(kind)
        if not found:
            present = ", ".join(sorted({t.kind.name for t in self.tables})) or "none"
            raise KeyError(f"{self.name} has no {kind}; tables present: {present}")
        return found[0].frame()

    def __repr__(self) -> str:
        return (
            f"<Document {self.name}: {self.department or '?'} {self.year or '?'}, "
            f"{len(self.tables)} tables, {len(self.source.lines)} lines>"
        )

    def _repr_html_(self) -> str:
        from budget_audit.reports.html_report import document_fragment

        return document_fragment(self)


def load(
    path: str | Path, attach: Sequence[str | Path] = (), pdf: PdfSettings | None = None
) -> Document:
    """Read a disclosure file into a :class:`Document`; raise ``InputError`` if it cannot be read
    or holds nothing a disclosure holds: no table and no budget statement (an audit of it would
    report "no findings" and lie).

    ``attach`` names files published with it (the 公开表 beside a 情况说明):
    they are read as one document, each line citing its own file. ``pdf`` bounds what a
    PDF among them may cost (:class:`~budget_audit.sources.pdf.PdfSettings`).
    """
    document = parse(combine([read_any(path, pdf), *(read_any(extra, pdf) for extra in attach)]))
    if not document.tables and not document.title_only and not document.claims.all():
        raise NotADisclosure(
            f"{document.name}: no budget tables and no 情况说明 found; this does not look like a "
            "department budget disclosure (部门预算公开), so nothing was checked"
        )
    return document


def parse(source: SourceText, words: Vocabulary | None = None) -> Document:
    """Parse already-decoded text."""
    words = words or vocabulary()
    parts = find_parts(source)
    table_part = next((p for p in parts if p.name == "预算表"), None)
    if table_part is not None:
        blocks = find_blocks(source, table_part, words)
    else:
        blocks = find_grid_blocks(source, contents_end(source), words)
    with_body = [b for b in blocks if b.kind is not None and _has_body(source, b)]
    title_only = [b for b in blocks if b not in with_body]
    default_unit = _document_unit(source, with_body)
    tables = _read_tables(source, with_body, default_unit, linked=None)
    if any(table.ambiguous and table.kind.links for table in tables):
        linked = _economic_figures(tables)
        for index, (block, table) in enumerate(zip(with_body, tables, strict=True)):
            if table.ambiguous and table.kind.links:
                tables[index] = read_table(
                    source, block, table.kind, table.id, default_unit, linked
                )
    promises = find_promises(source, parts, words)
    promises.extend(
        Promise(b.kind.name, b.title_line, b.title, title_only=True)
        for b in title_only
        if b.kind is not None
    )
    in_tables = {n for b in blocks for n in range(b.title_line, b.last_line + 1)}
    narrative_parts = [p for p in parts if p.name == "情况说明"]
    if not parts:  # a 情况说明 on its own (a saved web page): the whole text is the narrative
        narrative_parts = [Part("情况说明", contents_end(source) + 1, len(source.lines))]
    return Document(
        source=source,
        parts=parts,
        department=find_department(source, parts),
        year=find_year(source),
        promises=promises,
        tables=tables,
        title_only=title_only,
        narrative=read_narrative(source, narrative_parts, in_tables),
        overview=read_narrative(source, [p for p in parts if p.name == "概况"], in_tables),
        kind=find_kind(source),
    )


def _read_tables(
    source: SourceText, blocks: list[Block], unit: str, linked: LinkedFigures | None
) -> list[Table]:
    tables: list[Table] = []
    counts: Counter[str] = Counter()
    for block in blocks:
        assert block.kind is not None
        counts[block.kind.name] += 1
        table_id = (
            block.kind.name
            if counts[block.kind.name] == 1
            else f"{block.kind.name}#{counts[block.kind.name]}"
        )
        tables.append(read_table(source, block, block.kind, table_id, unit, linked))
    return tables


def _economic_figures(tables: list[Table]) -> LinkedFigures:
    """The 合计 of each economic code in the 基本支出表, in 万元, for cross-table placement."""
    figures: LinkedFigures = {}
    for table in tables:
        if table.kind.name != "一般公共预算基本支出表":
            continue
        for fact in table.facts:
            if fact.code is not None and fact.column == "合计" and fact.value_wan is not None:
                figures.setdefault(fact.code, set()).add(fact.value_wan)
    return figures


def _has_body(source: SourceText, block: Block) -> bool:
    """Whether anything but blank lines and page numbers follows the title."""
    return any(source.line(n).strip() and not is_page_number(source.line(n)) for n in block.body)


def _document_unit(source: SourceText, blocks: list[Block]) -> str:
    """The unit most tables state, for a table that states none."""
    units: Counter[str] = Counter()
    for block in blocks:
        for number in list(block.body)[:12]:
            text = source.line(number)
            if "万元" in text:
                units["万元"] += 1
            elif "单位" in text and "元" in text:
                units["元"] += 1
    return units.most_common(1)[0][0] if units else "万元"
