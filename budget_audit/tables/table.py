"""One table of the disclosure: its kind, unit, rows and facts, read from its block of lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from budget_audit.facts import Fact, Row
from budget_audit.layout import Block, is_page_number
from budget_audit.numbers import normalise
from budget_audit.source import SourceText
from budget_audit.tables.forms import read_form
from budget_audit.tables.grid import (
    LinkedFigures,
    RawRow,
    place_rows,
    read_space_rows,
    read_tab_rows,
)
from budget_audit.tables.halves import split_halves
from budget_audit.tables.kinds import Identity, TableKind
from budget_audit.tables.listing import read_listing
from budget_audit.tables.tokens import LineToken, identifier_reason, line_tokens
from budget_audit.tables.two_column import read_two_column

if TYPE_CHECKING:  # pandas is imported where a DataFrame is asked for: the CLI needs none
    import pandas as pd

_UNIT = re.compile(r"单位\s*[:：]?\s*(万元|元)|[(（](万元|元)[)）]")
_EMPTY_NOTE = re.compile(r"无|没有|未使用|未安排")


@dataclass
class Table:
    """A recognised table with its rows and facts.

    ``tokens`` are every number in the table's body; ``identifiers`` names the
    ones that are codes, dates or similar; ``ambiguous`` lists rows whose
    numbers fit more than one placement.
    """

    id: str
    kind: TableKind
    title: str
    number: str | None
    first_line: int
    last_line: int
    unit: str
    unit_stated: bool
    layout: str
    note: str | None = None
    rows: list[Row] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    tokens: list[LineToken] = field(default_factory=list)
    identifiers: dict[tuple[int, int], str] = field(default_factory=dict)
    in_text: dict[tuple[int, int], str] = field(default_factory=dict)
    ambiguous: list[str] = field(default_factory=list)
    columns: tuple[str, ...] = ()
    printed: frozenset[str] | None = None
    # What the checks worked out once about the table or a row and ask again (its identities,
    # whether a row can be trusted): kept here, as a table does not change once read.
    memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    def prints(self, column: str) -> bool:
        """Whether the table has this column: named by its header, or (read by position) one of
        its kind's columns. A figure of a column the table does not print is not zero: unknown."""
        return column in (self.printed if self.printed is not None else self.columns)

    def knows(self, column: str) -> bool:
        """Whether an empty cell of ``column`` means zero: the table prints the column and every
        number of its body was read, so an empty cell was printed empty."""
        return self.prints(column) and not self.unread

    @property
    def unread(self) -> int:
        """How many numbers of the table's body no fact, identifier or prose account claims.

        A missing cell of a table read whole is an empty cell (zero); in a table
        with unread numbers it may be a figure that was not understood.
        """
        claimed = {(f.location.line, f.location.start) for f in self.facts}
        return sum(
            1
            for t in self.tokens
            if t.key not in claimed and t.key not in self.identifiers and t.key not in self.in_text
        )

    @property
    def identities(self) -> tuple[Identity, ...]:
        """The kind's row identities this table can be held to.

        A table whose header named its columns is held only to identities over
        columns it prints: Shanghai's 收入预算总表 has no 本年收入小计 column, so
        合计 = 本年收入小计 + 上年结转结余小计 says nothing about it.

        Remembered in :attr:`memo` under the kind and the printed columns it is worked out
        from: every row a rule or a subject checks asks again.
        """
        key = ("identities", self.kind, self.printed)
        if key not in self.memo:
            self.memo[key] = (
                self.kind.positional_identities
                if self.printed is None
                else self.kind.identities_over(self.printed)
            )
        return cast("tuple[Identity, ...]", self.memo[key])

    @property
    def shape(self) -> tuple[int, int]:
        """Rows × value columns, as a reader would count them."""
        columns = len(self.columns) if self.columns else len({f.column for f in self.facts})
        return (len(self.rows), 1 if self.kind.layout == "two_column" else columns)

    def frame(self) -> pd.DataFrame:
        """The table as a DataFrame. Money cells are ``Decimal`` (or ``None`` where the cell is empty)."""
        import pandas as pd

        if self.kind.layout == "grid":
            records = [
                {
                    "code": r.code,
                    "name": r.name,
                    **{c: _value(r, c) for c in self.columns},
                    "line": r.last_line,
                }
                for r in self.rows
            ]
            return pd.DataFrame(
                records, columns=["code", "name", *self.columns, "line"], dtype=object
            )
        if self.kind.layout == "two_column":
            records = [
                {
                    "side": r.section,
                    "name": r.name,
                    "预算数": _value(r, "预算数"),
                    "line": r.last_line,
                }
                for r in self.rows
            ]
            return pd.DataFrame(records, columns=["side", "name", "预算数", "line"], dtype=object)
        records = [
            {"section": f.section, "name": f.name, "column": f.column, "value": f.value, "unit": f.unit,
             "line": f.location.line}
            for f in self.facts
        ]  # fmt: skip
        return pd.DataFrame(
            records, columns=["section", "name", "column", "value", "unit", "line"], dtype=object
        )


def _value(row: Row, column: str) -> object:
    fact = row.cells.get(column)
    return fact.value if fact is not None else None


def read_table(
    source: SourceText,
    block: Block,
    kind: TableKind,
    table_id: str,
    default_unit: str,
    linked: LinkedFigures | None = None,
) -> Table:
    """Read the block's lines into a :class:`Table`; ``linked`` as in :func:`place_rows`."""
    lines = [(n, source.line(n)) for n in block.body if not is_page_number(source.line(n))]
    unit, stated = _unit(lines, default_unit)
    layout = "tab" if any("\t" in text for _, text in lines) else "space"
    table = Table(
        id=table_id, kind=kind, title=block.title, number=block.number, first_line=block.title_line,
        last_line=block.last_line, unit=unit, unit_stated=stated, layout=layout, note=_note([(n, source.line(n)) for n in range(block.title_line, block.last_line + 1)]),
    )  # fmt: skip
    for number, text in lines:
        if not _UNIT.search(normalise(text)) or "\t" in text:
            table.tokens.extend(line_tokens(number, text))
    table.columns = kind.columns
    if kind.layout == "grid":
        if layout == "tab":
            grid = read_tab_rows(split_halves(lines), kind, by_position=source.kind == "text")
            raw, table.columns, table.printed = grid.rows, grid.columns, grid.printed
            placing = kind
        else:
            raw = read_space_rows(split_halves(lines))
            placing = _printed_kind(kind, lines, raw)
            if placing is not kind:
                table.columns, table.printed = placing.columns, frozenset(placing.columns)
        result = place_rows(raw, placing, table_id, unit, linked, table.columns)
        table.rows, table.facts, table.ambiguous = result.rows, result.facts, result.ambiguous
        table.identifiers.update(result.identifiers)
    elif kind.layout == "two_column":
        table.rows, table.facts = read_two_column(
            lines, table_id, kind.name, unit, by_position=source.kind == "text"
        )
    else:
        form = (
            read_listing(lines, table_id, kind, unit)
            if kind.layout == "listing"
            else read_form(lines, table_id, kind.name, unit)
        )
        table.rows, table.facts, table.identifiers = form.rows, form.facts, form.identifiers
        table.in_text = form.in_text
    claimed = {(f.location.line, f.location.start) for f in table.facts}
    for token in table.tokens:
        if (
            token.key not in claimed
            and token.key not in table.identifiers
            and token.key not in table.in_text
        ):
            reason = identifier_reason(token)
            if reason is not None:
                table.identifiers[token.key] = reason
    return table


def _printed_kind(kind: TableKind, lines: list[tuple[int, str]], raw: list[RawRow]) -> TableKind:
    """The kind as this space-separated table prints it, when its header says so.

    A header that names the total and some of the kind's columns (``功能科目名称
    金额``, ``合计 基本支出 项目支出``) tells which columns the figures stand in, as
    long as no row prints more figures than it names. Otherwise (a column named
    in words we do not know, or a header wrapped a character a line) the figures
    are placed over the kind's standard columns.
    """
    first = raw[0].first_line if raw else None
    header = [text for number, text in lines if first is None or number < first]
    named = kind.header_columns(header)
    if "合计" not in named or set(named) == set(kind.columns):
        return kind
    if any(len(row.tokens) > len(named) for row in raw):
        return kind  # the header names a column in words we do not know
    return kind.printing(named)


def _unit(lines: list[tuple[int, str]], default: str) -> tuple[str, bool]:
    for _, text in [line for line in lines if line[1].strip()][:30]:
        match = _UNIT.search(normalise(text))
        if match:
            return match.group(1) or match.group(2), True
    return default, False


def _note(lines: list[tuple[int, str]]) -> str | None:
    """A sentence saying the table is empty (``说明：2026 年度本单位无…``)."""
    for _, text in lines:
        stripped = normalise(text).strip()
        if (
            "\t" not in text
            and _EMPTY_NOTE.search(stripped)
            and ("本单位" in stripped or "本部门" in stripped or "说明" in stripped)
        ):
            return stripped
    return None
