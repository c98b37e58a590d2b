"""Reading figures out of parsed tables for the checks: rows, cells, hierarchies."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

from budget_audit.document import Document
from budget_audit.facts import Row
from budget_audit.messages import Note, Term, message
from budget_audit.tables.table import Table
from budget_audit.tolerance import Figure, Verdict, compare

PROJECT_CODE_LENGTH = 21


def cell(row: Row, column: str) -> Figure:
    """The figure of a cell; an empty cell is exactly zero."""
    fact = row.cells.get(column)
    return Figure.of(fact) if fact is not None else Figure.zero()


def label(row: Row) -> str:
    """How a row is named in a message: its code and name."""
    return " ".join(part for part in (row.code, row.name) if part) or f"第 {row.index + 1} 行"


def total_row(table: Table) -> Row | None:
    """The table's 合计 row: the first row, when it has no code."""
    if table.rows and table.rows[0].code is None and table.rows[0].cells:
        return table.rows[0]
    return None


def children_of(table: Table) -> list[tuple[Row, list[Row]]]:
    """Each parent row with the rows that must add up to it.

    A row's parent is the nearest earlier row whose code prefixes its own
    (类 201 → 款 20103 → 项 2010350; unit 143 → 143001). The total row's
    children are the rows with the shortest code. In a 项目支出表 a project
    group (``31 本级支出项目``) holds the project rows that follow it.
    """
    coded = [row for row in table.rows if row.code is not None]
    groups: list[tuple[Row, list[Row]]] = []
    total = total_row(table)
    if total is not None and coded:
        shortest = min(len(row.code or "") for row in coded)
        groups.append((total, [row for row in coded if len(row.code or "") == shortest]))
    for index, row in enumerate(table.rows):
        code = row.code
        if code is None or len(code) >= PROJECT_CODE_LENGTH:
            continue
        children = [
            other
            for other in table.rows[index + 1 :]
            if other.code is not None
            and len(other.code) > len(code)
            and other.code.startswith(code)
            and _nearest_parent(table.rows, other) is row
        ]
        if not children and len(code) == 2:
            children = _project_group(table.rows[index + 1 :])
        if children:
            groups.append((row, children))
    return groups


def _nearest_parent(rows: list[Row], child: Row) -> Row | None:
    code = child.code or ""
    best: Row | None = None
    for row in rows:
        if row is child:
            break
        if row.code and len(row.code) < len(code) and code.startswith(row.code):
            best = row
    return best


def _project_group(following: list[Row]) -> list[Row]:
    """The project rows after a group row, up to the next coded row that is not a project."""
    members = []
    for row in following:
        if row.code is not None and len(row.code) < PROJECT_CODE_LENGTH:
            break
        members.append(row)
    return members


def tables(document: Document, kind: str) -> list[Table]:
    """The document's tables of a kind."""
    return [table for table in document.tables if table.kind.name == kind]


def first_table(document: Document, kind: str) -> Table | None:
    """The document's first table of a kind, if any."""
    found = tables(document, kind)
    return found[0] if found else None


_ENUMERATOR = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))"
)


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def bare_name(name: str) -> str:
    """A row name without its enumerator and spaces (``1、一般公共预算资金`` → ``一般公共预算资金``):
    publishers number the same row differently. Cached: the narrative's subjects look rows up
    by name, each lookup stripping every row's name again (a third of a text audit's time)."""
    return _ENUMERATOR.sub("", _SPACES.sub("", name))


def item(table: Table, name: str, side: str | None = None) -> Row | None:
    """A row of a two-column table (or any table) by its name, whatever its enumerator."""
    wanted = bare_name(name)
    for row in table.rows:
        if bare_name(row.name) == wanted and (side is None or row.section == side):
            return row
    return None


def row_by_code(table: Table, code: str) -> Row | None:
    """A row by its code."""
    return next((row for row in table.rows if row.code == code), None)


def select_row(table: Table, key: str, side: str | None = None) -> Row | None:
    """The row a rule or the subject vocabulary names: 合计 (the total), a code, or a name.

    A listing printed without a 合计 row has its total in its first summary row
    (the shortest unit code).
    """
    if table.kind.layout == "two_column":
        return item(table, key, side)
    if key == "合计":
        found = total_row(table) or item(table, "合计")
        if found is None and table.kind.layout == "listing":
            coded = [r for r in table.rows if r.code and r.cells]
            found = min(coded, key=lambda r: len(r.code or "")) if coded else None
        return found
    if key.isdigit():
        return row_by_code(table, key)
    return item(table, key, side)


def unreliable(table: Table, row: Row) -> str | None:
    """Why a row's figures cannot be trusted to confirm or contradict another figure, if so.

    A row that does not add up across its own columns (合计 ≠ 人员经费 + 公用经费)
    cannot say which of its cells is wrong, and a row with numbers on its lines
    that were not read into any cell was not read as printed: its empty cells
    do not state 0. The table rules report such rows; a comparison with them
    would only repeat that cause as another finding.

    Worked out once per row (in ``table.memo``): each subject naming the row asks again.
    """
    key = ("unreliable", id(row))
    if key not in table.memo:  # the row is kept with its answer: its id is not reused meanwhile
        table.memo[key] = (row, _unreliable(table, row))
    return cast("tuple[Row, str | None]", table.memo[key])[1]


def _unreliable(table: Table, row: Row) -> str | None:
    for identity in table.identities:
        parts = [cell(row, part) for part in identity.parts]
        if compare(cell(row, identity.total), Figure.total(parts)) is Verdict.MISMATCH:
            return Note(
                message(
                    "access.row_mismatch",
                    table=Term(table.id),
                    row=label(row),
                    total=Term(identity.total),
                )
            )
    if table.kind.layout != "grid":  # two-column rows share their lines
        return None
    lines = range(row.first_line, row.last_line + 1)
    read = {(f.location.line, f.location.start) for f in row.cells.values()}
    for token in table.tokens:
        if (
            token.line in lines
            and token.key not in read
            and token.key not in table.identifiers
            and (row.code is None or token.token.raw != row.code)
        ):
            return Note(
                message(
                    "access.unread", table=Term(table.id), row=label(row), number=token.token.raw
                )
            )
    return None
