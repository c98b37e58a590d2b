"""Listings: 政府采购预算表, 政府购买服务预算表, 资产配置预算表.

One record per purchase or asset, with text cells (project, 品目, codes in
brackets) and a few numeric columns (数量, 单价, 金额, 中小企业 parts). In
tab-separated text the header's lines are merged cell by cell (a group header
``采购金额`` refined by ``采购金额合计(元)`` below it) and each number takes
its cell's column; digits inside a text cell are part of its name. Space-separated text keeps no cell positions: its numbers
become facts without a known column and the coverage report counts them.
"""

from __future__ import annotations

import re

from budget_audit.facts import Fact, Row
from budget_audit.location import Location
from budget_audit.numbers import is_number, normalise
from budget_audit.tables.forms import FormResult, money_amount
from budget_audit.tables.kinds import TableKind
from budget_audit.tables.tokens import LineToken, line_tokens

_CODE_CELL = re.compile(r"^\d{2,7}$")
_LONE_CODE = re.compile(r"^\s*(\d{3}|\d{6})\s*$")


def _is_column_numbering(cells: list[str]) -> bool:
    """The row ``1→2→3→…→12`` that numbers the columns under the header."""
    filled = [c.strip() for c in cells if c.strip()]
    return len(filled) >= 3 and filled == [str(i) for i in range(1, len(filled) + 1)]


def read_listing(
    lines: list[tuple[int, str]], table: str, kind: TableKind, unit: str
) -> FormResult:
    """Facts of a listing block, in either layout."""
    if any("\t" in text for _, text in lines):
        return _read_tab(lines, table, kind.name, unit)
    return _read_space(lines, table, kind, unit)


def _read_tab(lines: list[tuple[int, str]], table: str, kind: str, unit: str) -> FormResult:
    result = FormResult()
    header: dict[int, str] = {}
    for number, text in lines:
        if "\t" not in text:
            continue
        normalised = normalise(text)
        cells = normalised.split("\t")
        tokens = line_tokens(number, text)
        if _is_column_numbering(cells):
            for token in tokens:
                result.identifiers[token.key] = "column number"
            continue
        code = cells[0].strip() if _CODE_CELL.match(cells[0].strip()) else None
        numeric = [i for i, cell in enumerate(cells) if is_number(cell) and not (i == 0 and code)]
        if not numeric:
            if not tokens:
                header = _merge_header(header, cells)
            continue
        labels = [c.strip() for i, c in enumerate(cells) if c.strip() and i not in numeric]
        name = next((c for c in labels if c != code and not c.startswith("[")), code or "")
        row = Row(len(result.rows), code, name, number, number)
        # how deep the row stands: the column of its first label (品目大类 | 专项 | 物品 …)
        row.level = next((i for i, c in enumerate(cells) if c.strip()), None)
        result.rows.append(row)
        offsets = _cell_offsets(cells)
        for token in tokens:
            index = _cell_at(offsets, token.token.start)
            if index in numeric:
                column = header.get(index, "值")
                fact = _fact(table, kind, row, column, token, _column_unit(column, unit), "cell")
                row.cells[column] = fact
                result.facts.append(fact)
            elif code is not None and index == 0:
                result.identifiers[token.key] = "row code"
            elif cells[index].strip():
                # digits in a text cell belong to its words (``空调机(总预算20万以下)``)
                result.identifiers[token.key] = "part of a name"
    return result


def _merge_header(header: dict[int, str], cells: list[str]) -> dict[int, str]:
    """Add a header line: a cell below a group names the column, prefixed by the group when the
    name repeats (``财政审核数`` over a second ``单价(万元)`` gives ``财政审核数单价(万元)``)."""
    merged = dict(header)
    for index, cell in enumerate(cells):
        name = re.sub(r"\s+", "", cell)
        if not name:
            continue
        repeated = any(i != index and other == name for i, other in merged.items())
        if repeated:
            group = next((header[i] for i in range(index, -1, -1) if header.get(i)), "")
            name = group + name
        merged[index] = name
    return merged


def _read_space(lines: list[tuple[int, str]], table: str, kind: TableKind, unit: str) -> FormResult:
    """Records of a space-separated listing, each from a unit code line to the next.

    A record's numbers may stand on several lines, between wrapped text; digits
    inside brackets, even a bracket split over lines (``[3020`` / ``1]办公费``),
    are codes. The numbers take the kind's columns when the record prints all
    of them; otherwise they keep no column (placement ``unplaced``).
    """
    result = FormResult()
    records: list[tuple[str | None, list[str], list[LineToken]]] = []
    code: str | None = None
    depth = 0  # open brackets carried from earlier lines
    for number, text in lines:
        normalised = normalise(text)
        tokens = line_tokens(number, text)
        lone = _LONE_CODE.match(normalised)
        if lone and tokens and depth == 0:
            result.identifiers[tokens[0].key] = "row code"
            code = lone.group(1)
            records.append((code, [], []))
            continue
        if not records:
            records.append((code, [], []))
        words, numbers = records[-1][1], records[-1][2]
        for token in tokens:
            inside = (
                depth
                + normalised.count("[", 0, token.token.start)
                - normalised.count("]", 0, token.token.start)
            )
            if inside > 0 or normalised[token.token.end : token.token.end + 1] == "]":
                result.identifiers[token.key] = "code in brackets"
            else:
                numbers.append(token)
        depth = max(0, depth + normalised.count("[") - normalised.count("]"))
        words.append(normalised.strip())
    for record_code, words, numbers in records:
        if numbers:
            _record(result, table, kind, unit, record_code, words, numbers)
    return result


def _record(
    result: FormResult,
    table: str,
    kind: TableKind,
    unit: str,
    code: str | None,
    words: list[str],
    numbers: list[LineToken],
) -> None:
    label = "".join(w for w in words if not _LONE_CODE.match(w))
    label = re.sub(r"[\d\s.,]+$", "", re.sub(r"^[\d\s.,]+", "", label))[:30]
    row = Row(len(result.rows), code, label, numbers[0].line, numbers[-1].line)
    result.rows.append(row)
    complete = len(numbers) == len(kind.columns)
    for position, token in enumerate(numbers):
        column = kind.columns[position] if complete else f"值{position + 1}"
        fact = _fact(
            table,
            kind.name,
            row,
            column,
            token,
            _column_unit(column, unit),
            "complete" if complete else "unplaced",
        )
        row.cells[fact.column] = fact
        result.facts.append(fact)


def _column_unit(column: str, table_unit: str) -> str:
    """A column's own unit: ``单价(万元)`` is money in 万元, ``采购数量`` a count."""
    stated = re.search(r"[(（](万元|元)[)）]", column)
    if stated:
        return stated.group(1)
    if "数量" in column or column.endswith("数"):
        return "个"
    return table_unit


def _cell_offsets(cells: list[str]) -> list[int]:
    offsets, offset = [], 0
    for cell in cells:
        offsets.append(offset)
        offset += len(cell) + 1
    return offsets


def _cell_at(offsets: list[int], position: int) -> int:
    index = 0
    for i, start in enumerate(offsets):
        if start <= position:
            index = i
    return index


def _fact(
    table: str, kind: str, row: Row, column: str, token: LineToken, unit: str, placement: str
) -> Fact:
    return Fact(
        table=table, kind=kind, row=row.index, code=row.code, name=row.name, column=column,
        amount=money_amount(token.token.amount, unit), unit=unit, location=Location(token.line, token.token.start),
        raw=token.token.raw, placement=placement,
    )  # fmt: skip
