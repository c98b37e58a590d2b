"""Grid tables (支出总表, 基本支出表, 项目支出表 ...): coded rows of numbers under known columns.

Two layouts reach us. Tab-separated text keeps empty cells, so a number's
column is its cell's position. Space-separated PDF text drops empty cells and
wraps names over several lines, so rows are first reassembled (code line, name
lines, numbers line) and their numbers placed by :mod:`placement`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from budget_audit.facts import Fact, Row
from budget_audit.layout import NOTE_WORDS, is_bare_page_number
from budget_audit.location import Location
from budget_audit.numbers import (
    Interval,
    at_precision,
    is_number,
    normalise,
    table_precision,
)
from budget_audit.tables.kinds import TableKind, compact
from budget_audit.tables.placement import PendingRow, candidates, resolve_children
from budget_audit.tables.tokens import LineToken, line_tokens

_CODE = re.compile(r"^\[?(\d{2,7}|\d{11}[A-Z]\d{9})\]?(?=\s|$|[^\d\w]|[\u4e00-\u9fff])(?!年)")
_TOTAL_LABELS = ("合计", "总计")
# An amount as tables print it (``705,443.00``, ``13.26``), found inside a row's label.
_AMOUNT_IN_LABEL = re.compile(
    r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\d.])\d+\.\d{2}(?!\d)"
)
# Rows a table may have that fit no placement, or carry no label, before its lines are taken
# not to be rows at all (or a fifth of its rows, if more; and never half of them).
_MOST_BROKEN_ROWS = 2
# A code printed in 类 | 款 | 项 columns and extracted as words (``201 13 01 行政运行``).
_SPLIT_CODE = re.compile(r"^(\d{3})\s+(\d{2})(?:\s+(\d{2}))?(?=\s*[^\d\s.,])")


def join_wrapped(pieces: Iterable[str]) -> str:
    """Join the pieces of a wrapped label: no space between Chinese characters, one elsewhere."""
    text = ""
    for piece in (p.strip() for p in pieces):
        if text and (text[-1].isascii() or piece[:1].isascii()):
            text += " "
        text += piece
    return text


@dataclass
class RawRow:
    """A row as read: its label cells, its numbers and (tab layout) their cell positions."""

    labels: list[str]
    tokens: list[LineToken]
    positions: list[int] | None
    first_line: int
    last_line: int
    text_of_code_line: str = ""
    name_index: int | None = None  # the label cell the header calls 名称 (tab layout only)

    @property
    def code(self) -> str | None:
        """The row's code (functional, economic, unit or project), if it has one."""
        for label in self.labels[:2]:
            match = _CODE.match(label.strip())
            if match:
                return match.group(1)
        return None

    @property
    def name(self) -> str:
        """The row's name: its label text without the code, width-normalised (（室） → (室))."""
        return normalise(self._raw_name)

    @property
    def _raw_name(self) -> str:
        if self.name_index is not None and self.name_index < len(self.labels):
            named = self.labels[self.name_index].strip()
            if named and not _CODE.fullmatch(named):
                return named
        text = join_wrapped(label for label in self.labels if label.strip())
        code = self.code
        if code is not None:
            text = re.sub(rf"^\[?{code}\]?\s*", "", text, count=1)
        return text.strip()


@dataclass
class GridResult:
    """The rows of a grid table and the tokens it claimed."""

    rows: list[Row] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    identifiers: dict[tuple[int, int], str] = field(default_factory=dict)


@dataclass
class TabGrid:
    """The rows of a tab-separated grid and the value columns its cells stand in.

    ``columns`` names the table's value columns in order; a row's ``positions``
    index into it. When the header names every value column (``合计 | 财政拨款收入
    | 事业收入 …``) the columns are the ones it names, so a template that prints
    its columns in another order or prints other ones is read right; otherwise
    they are the kind's canonical columns, taken by position from 合计 on.
    """

    rows: list[RawRow]
    columns: tuple[str, ...]
    printed: frozenset[str] | None  # the columns the header named; None when read by position


def read_tab_rows(
    lines: list[tuple[int, str]], kind: TableKind, by_position: bool = True
) -> TabGrid:
    """Rows of a tab-separated grid, each number placed in its cell's column.

    The first value column is where the header's 合计 (or 总计) cell stands:
    everything left of it is a label (code, name, project unit ...). Without
    ``by_position`` (a PDF or workbook, whose template may print any columns)
    a figure is read only under a header that names its column; the rest stay
    unread and are listed as not understood, never guessed.
    """
    value_start = None
    name_index = None
    headers: list[list[str]] = []
    named: dict[int, str] | None = None
    columns: tuple[str, ...] = kind.columns
    rows: list[RawRow] = []
    for number, text in lines:
        cells = text.split("\t")
        if value_start is None:
            if any(is_number(cell) for cell in cells):
                continue  # figures before any header: nothing says their columns
            if "\t" in text:
                headers.append(cells)
            value_start = _first_value_column(cells, kind, by_position)
            if value_start is not None:
                value_start = _leftmost_named(headers, value_start, kind)
                name_index = next(
                    (i for i, c in enumerate(cells[:value_start]) if "名称" in c), None
                )
            continue
        normalised = normalise(text)
        split = normalised.split("\t")
        value_cells = (
            [
                (index, cell)
                for index, cell in enumerate(split)
                if index >= value_start and is_number(cell)
            ]
            if by_position
            else _after_label(split)  # a grid source may print figures left of their header
        )
        if not rows and not value_cells:
            if "\t" in text:
                headers.append(cells)
            continue
        if not rows:
            named = _named_columns(headers, value_start, kind)
            if named is not None:
                extra = tuple(c for c in kind.extra if c in named.values())
                columns = (*kind.columns, *extra)
        tokens, positions = [], []
        starts = _cell_starts(normalised)
        row_tokens = line_tokens(number, text)
        row_named = named
        if named is not None and len(named) == 1 and not by_position:
            if len(value_cells) != 1:
                value_cells = []  # two figures under one header: which is it? left unread
            row_named = {index: next(iter(named.values())) for index, _ in value_cells}
        for index, _ in value_cells:
            found = [t for t in row_tokens if t.token.start >= starts[index]][:1]
            if not found:
                continue
            if named is None and by_position:
                position = index - value_start
            elif row_named is not None and index in row_named:
                position = columns.index(row_named[index])
            else:
                continue  # a figure under no header the kind knows: left unread, and said so
            tokens.append(found[0])
            positions.append(position)
        if tokens:
            labels_end = value_start if by_position else min(value_start, value_cells[0][0])
            rows.append(
                RawRow(cells[:labels_end], tokens, positions, number, number, text, name_index)
            )
    return TabGrid(rows, columns, frozenset(named.values()) if named is not None else None)


def _first_value_column(cells: list[str], kind: TableKind, by_position: bool) -> int | None:
    """Where the header's value columns begin: its 合计 (总计) cell, or, for a header that
    names its total otherwise (``金额``, the 决算 template's ``决算数``), that cell."""
    for index, cell in enumerate(cells):
        if any(label in compact(cell) for label in _TOTAL_LABELS):
            return index
    return next((i for i, c in enumerate(cells) if c and kind.column_named(c) == "合计"), None)


def _leftmost_named(headers: list[list[str]], value_start: int, kind: TableKind) -> int:
    """The first value column where an upper header row names a column of the kind left of
    the 合计 a lower row names (the 决算 fund tables: ``年初结转和结余 | 本年收入 | 本年支出
    (合计 | 基本支出 | 项目支出) | 年末结转和结余``); ``value_start`` otherwise."""
    named = [
        index
        for row in headers
        for index, cell in enumerate(row[:value_start])
        if index > 0 and cell.strip() and kind.column_named(cell) is not None
    ]
    return min(named, default=value_start)


def _after_label(cells: list[str]) -> list[tuple[int, str]]:
    """The figures right of a row's last label (its name): a table with one value column
    whose figures some publishers print a cell left of their header (Jiangsu's 金额)."""
    labels = [i for i, cell in enumerate(cells) if cell.strip() and not is_number(cell)]
    first = labels[-1] + 1 if labels else 0
    return [(i, c) for i, c in enumerate(cells) if i >= first and is_number(c)]


def _cell_starts(text: str) -> list[int]:
    starts, offset = [], 0
    for cell in text.split("\t"):
        starts.append(offset)
        offset += len(cell) + 1
    return starts


def _named_columns(
    headers: list[list[str]], value_start: int, kind: TableKind
) -> dict[int, str] | None:
    """Each value column's canonical name, read from the header rows; ``None`` unless every
    labelled value column names a column of the kind, each a different one.

    A merged header cell stands over several columns: in every header row but
    the last, an empty cell continues the label on its left while the row above
    it does too (``公务用车购置及运行费`` over ``小计 | 购置费 | 运行费``), under a
    label, not under blank header cells (a 合计 set low in its tall cell stands
    over its own column only). A ``小计`` column is its parent's total.
    """
    if not headers:
        return None
    width = max(len(row) for row in headers)
    grid = [[normalise(c).strip() for c in row] + [""] * (width - len(row)) for row in headers]
    filled: list[list[str]] = []
    for r, row in enumerate(grid):
        out: list[str] = []
        for c, text in enumerate(row):
            continues = (
                not text
                and c > value_start
                and r < len(grid) - 1
                and (r == 0 or filled[r - 1][c] == filled[r - 1][c - 1] != "")
            )
            out.append(out[-1] if continues else text)
        filled.append(out)
    named: dict[int, str] = {}
    for c in range(value_start, width):
        path = [filled[r][c] for r in range(len(grid)) if filled[r][c]]
        if not path:
            continue
        stage = kind.staged(path[-1]) if len(path) > 1 else None
        if stage is not None:  # 合计 over 预算数 | 决算数: two figures of 合计, kept apart
            path = path[:-1]
        label = path[-2] if compact(path[-1]) == "小计" and len(path) > 1 else path[-1]
        column = kind.column_named(label)
        if column is None and len(path) > 1:  # a label wrapped over two header rows
            column = kind.column_named(path[-2] + path[-1])
        if column is not None and stage:
            column = kind.column_named(column + stage)
        if column is None:
            return None
        named[c] = column
    if not named or len(set(named.values())) != len(named):
        return None
    return named


def read_space_rows(lines: list[tuple[int, str]]) -> list[RawRow]:
    """Rows of a space-separated grid, reassembled across wrapped lines.

    A code with no numbers opens a row; text lines that follow extend its
    name; the line that ends in numbers closes it.
    """
    rows: list[RawRow] = []
    pending: RawRow | None = None
    content = [(n, t) for n, t in lines if t.strip()]
    for position, (number, text) in enumerate(content):
        tokens = line_tokens(number, text)
        normalised = normalise(text)
        following = content[position + 1][1] if position + 1 < len(content) else ""
        if normalised.strip().startswith(NOTE_WORDS):
            pending = None  # a note under the table ends any row still open
            continue
        code_line = _is_code_line(normalised, following)
        if pending is None and not code_line and is_bare_page_number(normalised):
            continue  # a bare page number between two rows
        trailing = [] if code_line else _trailing_numbers(normalised, tokens)
        if pending is None and _leads_with_code(trailing):
            trailing = trailing[1:]  # ``30108 1,064.46``: the code, its name wrapped around it
        label = normalised[: trailing[0].token.start].strip() if trailing else normalised.strip()
        label = _SPLIT_CODE.sub(lambda m: "".join(g for g in m.groups() if g), label, count=1)
        if not trailing:
            if _CODE.match(label) or compact(label) in _TOTAL_LABELS:
                pending = RawRow([label], [], None, number, number, text)
            elif pending is not None and label:
                pending.labels.append(label)
                pending.last_line = number
            continue
        if pending is not None and (
            not label or not (_CODE.match(label) or compact(label) in _TOTAL_LABELS)
        ):
            pending.labels.append(label)
            pending.tokens, pending.last_line = trailing, number
            rows.append(pending)
        else:
            rows.append(RawRow([label], trailing, None, number, number, text))
        pending = None
    return rows


def _leads_with_code(trailing: list[LineToken]) -> bool:
    """A line of figures only whose first is a 科目 code: digits alone, three, five or seven
    of them, before amounts printed with separators or decimals (``30108 1,064.46``)."""
    if len(trailing) < 2 or not re.fullmatch(r"\d{3}(?:\d{2}){0,2}", trailing[0].token.raw):
        return False
    return all(re.search(r"[.,]", t.token.raw) for t in trailing[1:])


def _is_code_line(text: str, following: str) -> bool:
    """A lone code (``118``, ``118001``) whose name follows on the next line, not a lone amount."""
    stripped = text.strip()
    return bool(_CODE.fullmatch(stripped)) and not line_tokens(0, following)


def _trailing_numbers(text: str, tokens: list[LineToken]) -> list[LineToken]:
    """The numbers that end the line, each a cell of its own: separated by spaces.

    A number glued to the word before it (``类1``, ``保护2.0``) is part of the name.
    """
    trailing: list[LineToken] = []
    end = len(text.rstrip())
    for token in reversed(tokens):
        if text[token.token.end : end].strip():
            break
        if token.token.start > 0 and not text[token.token.start - 1].isspace():
            break
        trailing.insert(0, token)
        end = token.token.start
    return trailing


LinkedFigures = dict[str, set[Decimal]]
"""Figures other tables state, by economic code, in 万元 (``{"30217": {Decimal("0.20")}}``)."""


def place_rows(
    raw_rows: list[RawRow],
    kind: TableKind,
    table: str,
    unit: str,
    linked: LinkedFigures | None = None,
    columns: tuple[str, ...] | None = None,
) -> GridResult:
    """Turn raw rows into rows of facts, deciding each number's column.

    ``linked`` lets a placement that sums cannot decide follow another table:
    in the 三公 table ``0.2 0.2`` is 合计 + 公务接待费 when the 基本支出表
    states 30217 公务接待费 0.20 and no 30212 因公出国(境)费.
    """
    names = columns or kind.columns
    width = len(names)
    precision = table_precision(t.token.amount for raw in raw_rows for t in raw.tokens)
    pending = []
    for key, raw in enumerate(raw_rows):
        numbers = [at_precision(t.token.amount, precision) for t in raw.tokens]
        if raw.positions is not None:
            inside = all(p < width for p in raw.positions)
            placements = [tuple(raw.positions)] if inside else []
            pending.append(
                PendingRow(
                    key,
                    raw.code,
                    numbers,
                    placements,
                    placements[0] if placements else None,
                    "cell",
                )
            )
        else:
            found, how = candidates(kind, numbers)
            row = PendingRow(key, raw.code, numbers, found)
            if how in ("complete", "forced"):
                row.how = how
            if how == "complete":
                row.chosen = found[0]
            pending.append(row)
    _resolve_tree(raw_rows, pending, width)
    if linked is not None and kind.links:
        for row in pending:
            if row.how == "ambiguous":
                _resolve_by_link(row, kind, unit, linked)
    result = GridResult()
    broken = _not_rows(raw_rows, pending)
    if broken is not None:
        result.ambiguous.append(broken)
        return result  # no row: neither its figures nor its names are the table's
    for raw in raw_rows:
        if raw.code is not None:
            spelt = ""  # a code printed in 类 款 项 words is its words joined
            for token in line_tokens(raw.first_line, raw.text_of_code_line):
                if raw.code.startswith(spelt + token.token.raw):
                    result.identifiers[token.key] = "row code"
                    spelt += token.token.raw
                    if spelt == raw.code:
                        break
    for raw, row in zip(raw_rows, pending, strict=True):
        name = raw.name or ("合计" if raw is raw_rows[0] and raw.code is None else "")
        table_row = Row(len(result.rows), raw.code, name, raw.first_line, raw.last_line)
        why = None if row.chosen is None else _why_unread(raw, row, names)
        if row.chosen is None or why is not None:
            if why is not None:
                result.ambiguous.append(f"line {raw.last_line}: {why}; left unread")
            table_row.unread = bool(raw.tokens)
            result.rows.append(table_row)
            continue  # unclaimed numbers show as not understood; their cells are unknown
        if row.how == "forced":
            result.ambiguous.append(
                f"line {raw.last_line}: no placement keeps the row's identities; placed on the usual columns"
            )
        for token, amount, column in zip(raw.tokens, row.numbers, row.chosen, strict=True):
            fact = Fact(
                table=table,
                kind=kind.name,
                row=table_row.index,
                code=raw.code,
                name=name,
                column=names[column],
                amount=amount,
                unit=unit,
                location=Location(token.line, token.token.start),
                raw=token.token.raw,
                placement=row.how,
            )
            table_row.cells[fact.column] = fact
            result.facts.append(fact)
        result.rows.append(table_row)
    return result


def _why_unread(raw: RawRow, row: PendingRow, names: tuple[str, ...]) -> str | None:
    """Why a placed row's figures are not read, or ``None``: which column each stands in
    would be a guess (several placements fit), or its label holds amounts (rows run
    together on one line: which figures are whose?)."""
    if raw.positions is None and _AMOUNT_IN_LABEL.search(" ".join(raw.labels)):
        return "amounts inside the row's label"
    if row.how == "ambiguous":
        fits = "; ".join(", ".join(names[i] for i in p) for p in row.candidates)
        return f"{len(row.candidates)} placements fit ({fits})"
    return None


def _not_rows(raw_rows: list[RawRow], pending: list[PendingRow]) -> str | None:
    """Why the lines of a table do not read as its rows, or ``None`` when they do.

    Text taken from a PDF cell by cell (each cell a paragraph of its own) lists
    a table's figures column after column: they come out as rows with no label
    and rows that no placement fits. A table whose rows read like that is left
    unread, so that nothing is compared with a figure taken from another row.
    """
    with_figures = [
        (raw, row)
        for raw, row in zip(raw_rows, pending, strict=True)
        if raw.tokens and raw.positions is None  # cells of a grid are where they are printed
    ]
    if not with_figures:
        return None
    unlabelled = {i for i, (raw, _) in enumerate(with_figures) if raw.code is None and not raw.name}
    forced = {i for i, (_, row) in enumerate(with_figures) if row.how == "forced"}
    broken = len(unlabelled | forced)
    if broken <= max(_MOST_BROKEN_ROWS, len(with_figures) // 5) and not (
        broken >= _MOST_BROKEN_ROWS and 2 * broken >= len(with_figures)
    ):
        return None
    return (
        f"lines {raw_rows[0].first_line}-{raw_rows[-1].last_line}: {len(unlabelled)} rows without "
        f"a label and {len(forced)} rows no placement fits: not read as rows; left unread"
    )


def _resolve_by_link(row: PendingRow, kind: TableKind, unit: str, linked: LinkedFigures) -> None:
    scale = Decimal(1) if unit == "万元" else Decimal("0.0001")
    links = dict(kind.links)
    consistent = []
    for placement in row.candidates:
        placed = dict(zip(placement, row.numbers, strict=True))
        agrees = True
        for index, column in enumerate(kind.columns):
            if column not in links:
                continue
            value = placed[index].value * scale if index in placed else Decimal(0)
            stated = linked.get(links[column], {Decimal(0)})
            agrees = agrees and any(value == figure for figure in stated)
        if agrees:
            consistent.append(placement)
    if len(consistent) == 1:
        row.chosen, row.how = consistent[0], "link"


def _resolve_tree(raw_rows: list[RawRow], pending: list[PendingRow], width: int) -> None:
    """Resolve placements top-down: the total row first, then each parent's children."""
    parents = _parents(raw_rows)
    children: dict[int | None, list[PendingRow]] = {}
    for row in pending:
        children.setdefault(parents[row.key], []).append(row)
    order: list[int | None] = [None]
    for parent_key in order:
        group = children.get(parent_key, [])
        parent = pending[parent_key] if parent_key is not None else None
        resolve_children(_vector(parent, width) if parent is not None else None, group, width)
        if parent is not None and parent.how == "ambiguous":
            for row in group:  # placed by an uncertain parent's sums: as uncertain as it
                if row.how in ("sum", "parent"):
                    row.how = "ambiguous"
        order.extend(row.key for row in group if row.key in children)


def _vector(row: PendingRow, width: int) -> list[Interval] | None:
    return row.vector(row.chosen, width) if row.chosen is not None else None


def _parents(raw_rows: list[RawRow]) -> dict[int, int | None]:
    """Each row's parent: the nearest earlier row whose code prefixes its own, else the total row."""
    total = next((i for i, r in enumerate(raw_rows) if r.code is None and i == 0), None)
    if total is None and raw_rows and raw_rows[-1].code is None:
        total = len(raw_rows) - 1 if compact(raw_rows[-1].name) in _TOTAL_LABELS else None
    parents: dict[int, int | None] = {}
    for index, raw in enumerate(raw_rows):
        parent = None if index == total else total
        if raw.code is not None:
            for earlier in range(index - 1, -1, -1):
                code = raw_rows[earlier].code
                if code is not None and len(code) < len(raw.code) and raw.code.startswith(code):
                    parent = earlier
                    break
        parents[index] = parent
    return parents
