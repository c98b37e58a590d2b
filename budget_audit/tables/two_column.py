"""Two-column tables (收支总表, 财政拨款收支总表): income items left, expenditure items right.

Each line holds up to two (label, amount) pairs. Tab-separated text keeps the
halves apart; in space-separated text a line like ``二、政府性基金预算拨款收入
二、国防支出`` is split where the expenditure label begins. Which side an item
is on follows from its label (expenditure items are 支出, 年终结转结余,
结转下年资金, 预备费 or 单位预留机动经费), so a line whose left half is empty is still read correctly.
"""

from __future__ import annotations

import re

from budget_audit.facts import Fact, Row
from budget_audit.location import Location
from budget_audit.numbers import at_precision, is_number, normalise, table_precision
from budget_audit.tables.kinds import compact
from budget_audit.tables.tokens import LineToken, identifier_reason, line_tokens

_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十廿]+、|[(（][一二三四五六七八九十廿]+[)）])")
_HEADER_WORDS = ("收入", "支出", "项目", "预算数")


_SPENDING_WORDS = ("支出", "年终结转", "结转下年", "预备费", "机动经费")


def side_of(label: str) -> str:
    """``支出`` for expenditure-side labels (spending, money carried forward to next year,
    reserves such as 预备费 and 单位预留机动经费), ``收入`` otherwise."""
    text = compact(label)
    return "支出" if any(word in text for word in _SPENDING_WORDS) else "收入"


def enumeration_level(label: str) -> int | None:
    """1 for ``一、…``, 2 for ``（一）…``, ``None`` for an item printed without a number."""
    match = _ENUMERATOR.match(compact(label))
    if match is None:
        return None
    return 2 if match.group().startswith(("(", "（")) else 1


def item_name(label: str) -> str:
    """The label without its enumerator and spacing (``一、一般公共服务支出`` → ``一般公共服务支出``)."""
    return _ENUMERATOR.sub("", compact(label))


def _split_label(label: str) -> list[str]:
    """Split ``二、政府性基金预算拨款收入 二、国防支出`` into its two labels."""
    words = label.split()
    for cut in range(1, len(words)):
        left, right = " ".join(words[:cut]), " ".join(words[cut:])
        if (
            side_of(right) == "支出"
            and side_of(left) == "收入"
            and _ENUMERATOR.sub("", compact(left))
        ) and (_ENUMERATOR.match(compact(right)) or item_name(right) in ("年终结转结余", "预备费")):
            return [left, right]
    return [label]


def _amounts(number: int, text: str) -> list[LineToken]:
    """The numbers of a line that can be amounts: not a unit's code in brackets (``[256001]``),
    an item's ordinal (``1. 一般公共预算资金``), a year or another identifier."""
    return [t for t in line_tokens(number, text) if identifier_reason(t) is None]


def _pairs(number: int, text: str) -> list[tuple[str, LineToken | None]]:
    normalised = normalise(text)
    tokens = _amounts(number, text)
    if "\t" in text:
        cells = normalised.split("\t")
        pairs: list[tuple[str, LineToken | None]] = []
        offset = 0
        label = ""
        for cell in cells:
            token = next(
                (t for t in tokens if t.token.start == offset + len(cell) - len(cell.lstrip())),
                None,
            )
            if token is not None and cell.strip() == token.token.raw:
                pairs.append((label, token))
                label = ""
            elif cell.strip():
                if label:
                    pairs.append((label, None))
                label = cell.strip()
            offset += len(cell) + 1
        if label:
            pairs.append((label, None))
        return pairs
    pairs = []
    position = 0
    for token in tokens:
        label = normalised[position : token.token.start].strip()
        for part in _split_label(label)[:-1]:
            pairs.append((part, None))
        pairs.append((_split_label(label)[-1] if label else "", token))
        position = token.token.end
    rest = normalised[position:].strip()
    if rest:
        pairs.extend((part, None) for part in _split_label(rest))
    return pairs


_AMOUNT_HEADERS = ("预算数", "决算数", "金额", "合计", "本年数", "年初预算数")
# Funding columns some templates print beside an expenditure item's total (Shanghai).
# Columns some templates print beside an expenditure item's total: its funds (Shanghai's
# 财政拨款收支总表) or its split (the 财务收支预算总表's 基本支出 | 人员经费 | 公用经费 | 项目支出).
_FUND_HEADERS = (
    "一般公共预算", "政府性基金预算", "国有资本经营预算",
    "基本支出", "人员经费", "公用经费", "项目支出",
)  # fmt: skip

Pairing = dict[int, tuple[int, str]]
"""Each amount column: the label column it belongs to and the column it states."""


def _header_pairs(lines: list[tuple[int, str]]) -> Pairing | None:
    """For a grid source: each amount column, its label column and its name, from the header.

    The header rows (the rows before the first figure) name the label columns
    (项目, 项目名称, 功能科目名称 …) and the amount columns (预算数, 金额, 合计,
    and funding columns such as 一般公共预算); an amount column belongs to the
    nearest label column on its left, and the first of them states the item's
    amount (预算数). Jiangsu prints two views of spending side by side (功能分类
    | 支出用途) and some rows hold a label in one view and an amount in the
    other: only the header can pair them right.
    """
    labels: set[int] = set()
    amounts: dict[int, str] = {}
    for _, text in lines:
        if "\t" not in text:
            continue
        cells = [compact(c) for c in normalise(text).split("\t")]
        if any(is_number(c) for c in cells):
            break
        for index, cell in enumerate(cells):
            if cell in _AMOUNT_HEADERS or _fund(cell):
                amounts[index] = _fund(cell) or cell  # a lower header row names it more exactly
            elif "项目" in cell or "名称" in cell:
                labels.add(index)
    pairing: Pairing = {}
    for index in sorted(amounts):
        owners = [i for i in labels if i < index]
        if not owners:
            continue
        owner = max(owners)
        first = not any(o == owner for o, _ in pairing.values())
        pairing[index] = (owner, "预算数" if first else amounts[index])
    return pairing or None


def _header_width(lines: list[tuple[int, str]]) -> int:
    """How many cells the header rows print: the rows drawn on the header's grid."""
    width = 0
    for _, text in lines:
        cells = normalise(text).split("\t")
        if any(is_number(c) for c in cells):
            break
        width = max(width, len(cells))
    return width


class _GridRows:
    """The rows drawn on the header's grid, their cells by column, read by the header's pairing.

    A label wrapped over two ruled lines with its figure centred between them
    comes out as three rows (``1.一般公共预 |`` / ``| 21,940.96`` / ``算 |``): a
    figure whose label cell is empty takes the label above it (a label row with
    no figure of its own) and the fragment below it (no enumerator, no figure),
    and those rows then stand for nothing more. A figure with no label above it
    either belongs to a label drawn across both views (``当年支出小计``, ``支出合计``
    span the expenditure side): the nearest label on its left with no figure of
    its own.

    Without a ``width`` (text, read by its header when that names fund columns)
    every tab row is on the grid and nothing is drawn apart: an amount whose
    label cell is empty pairs with nothing and stays unread.
    """

    def __init__(self, lines: list[tuple[int, str]], pairing: Pairing, width: int | None) -> None:
        self.pairing = pairing
        self.drawn = width is not None
        self.cells = {
            i: normalise(text).split("\t")
            for i, (_, text) in enumerate(lines)
            if "\t" in text and (width is None or len(normalise(text).split("\t")) == width)
        }
        self.owners = sorted({o for o, _ in pairing.values()})
        self.used: set[tuple[int, int]] = set()
        self.borrowed: dict[tuple[int, int], str] = {}
        for line in sorted(self.cells) if self.drawn else []:
            for owner in self.owners:
                if not self.label(line, owner) and self.has_figures(line, owner):
                    label = self._borrow(line, owner)
                    if label:
                        self.borrowed[(line, owner)] = label

    def label(self, line: int, owner: int) -> str:
        cells = self.cells.get(line)
        return cells[owner].strip() if cells is not None and owner < len(cells) else ""

    def has_figures(self, line: int, owner: int) -> bool:
        cells = self.cells.get(line, [])
        return any(
            index < len(cells) and is_number(cells[index])
            for index, (o, _) in self.pairing.items()
            if o == owner
        )

    def _borrow(self, line: int, owner: int) -> str:
        """The wrapped label of a figure printed between its label's lines, or ``""``."""
        above = self.label(line - 1, owner)
        if not above or self.has_figures(line - 1, owner) or (line - 1, owner) in self.used:
            return ""
        self.used.add((line - 1, owner))
        below = self.label(line + 1, owner)
        if below and not self.has_figures(line + 1, owner) and enumeration_level(below) is None:
            self.used.add((line + 1, owner))
            return above + below
        return above

    def items(
        self, line: int, number: int, text: str
    ) -> list[tuple[str, list[tuple[str, LineToken]], bool]]:
        """The row's items by the header's columns: each label with its amounts by column,
        and whether its label column is right of the first (the expenditure side)."""
        cells = self.cells[line]
        tokens = _amounts(number, text)
        starts, offset = [], 0
        for cell in cells:
            starts.append(offset)
            offset += len(cell) + 1
        found: dict[int, tuple[str, list[tuple[str, LineToken]]]] = {}
        home: dict[int, int] = {}  # the owner whose label an owner's figures go with
        for owner in self.owners:
            if (line, owner) in self.used:
                continue  # a line of a label whose figure stands on another row
            label = self.borrowed.get((line, owner)) or self.label(line, owner)
            if label:
                found[owner] = (label, [])
                home[owner] = owner
            elif self.drawn and self.has_figures(line, owner):
                left = [o for o in found if o < owner and not self.has_figures(line, o)]
                if left:
                    home[owner] = max(left)
        for index, (owner, column) in self.pairing.items():
            if index >= len(cells) or not is_number(cells[index]) or owner not in home:
                continue
            end = starts[index] + len(cells[index])
            token = next((t for t in tokens if starts[index] <= t.token.start < end), None)
            if token is not None:
                found[home[owner]][1].append((column, token))
        return [(*found[o], o > self.owners[0]) for o in sorted(found)]


def _names_funds(pairing: Pairing | None) -> bool:
    """Whether a header pairs fund columns with a label: then a tab-separated text row is
    read by the header too, as only the header says which fund a figure is."""
    return pairing is not None and any(column in _FUND_HEADERS for _, column in pairing.values())


def _fund(cell: str) -> str | None:
    """The funding column a header names, also with the 决算 wording (``一般公共预算财政拨款``)."""
    for fund in _FUND_HEADERS:
        if cell == fund or (cell.startswith(fund) and cell[len(fund) :] in _FUND_TAILS):
            return fund
    return None


_FUND_TAILS = ("财政拨款", "拨款")


def read_two_column(
    lines: list[tuple[int, str]], table: str, kind: str, unit: str, by_position: bool = True
) -> tuple[list[Row], list[Fact]]:
    """Rows (one per item, with its side as section) and the facts of their amounts.

    Without ``by_position`` (a PDF or workbook) a tab row drawn on the header's
    grid has its amounts paired with labels by the header's columns, not by
    adjacency; a row drawn on another grid (the table's continuation on the
    next page, ruled anew) is read by adjacency, label then amount, and a line
    drawn outside the grid's cells is no row at all.
    """
    rows: list[Row] = []
    facts: list[Fact] = []
    pairing = _header_pairs(lines)
    if by_position and not _names_funds(pairing):
        pairing = None  # text pairs by adjacency unless its header names fund columns
    width = _header_width(lines) if not by_position else None
    grid = None if pairing is None else _GridRows(lines, pairing, width)
    # (line, label, amounts by column, printed in a right-hand label column)
    items: list[tuple[int, str, list[tuple[str, LineToken]], bool]] = []
    for line, (number, text) in enumerate(lines):
        if grid is not None and line in grid.cells:
            items.extend(
                (number, label, found, right)
                for label, found, right in grid.items(line, number, text)
            )
        elif not by_position and "\t" not in text:
            continue  # a grid source's line outside its cells: a caption or note (公开02表), no row
        else:  # an item after one with its amount stands in the right-hand (支出) columns
            pairs = _pairs(number, text)
            # so does a drawn row's item whose first cell is blank: the rest of a 支出 label
            # wrapped onto a row drawn apart (``| | 出 | |`` under ``十七、国土海洋气象等支``)
            blank = not by_position and not normalise(text).split("\t")[0].strip()
            items.extend(
                (
                    number,
                    label,
                    [("预算数", token)] if token is not None else [],
                    blank or any(earlier is not None for _, earlier in pairs[:index]),
                )
                for index, (label, token) in enumerate(pairs)
            )
    precision = table_precision(t.token.amount for _, _, found, _ in items for _, t in found)
    for number, label, found, right in items:
        name = item_name(label)
        if not name or (not found and all(w in _HEADER_WORDS for w in label.split())):
            continue
        if not found and name in ("收入", "支出", "项目预算数", "项目"):
            continue
        # A grid's right-hand label column is the expenditure side, whatever its label
        # says (a 决算's 结余分配, 年末结转和结余 and 总计 name no 支出).
        side = "支出" if right else side_of(label)
        row = Row(
            len(rows), None, name, number, number, section=side, level=enumeration_level(label)
        )
        rows.append(row)
        for column, token in found:
            fact = Fact(
                table=table, kind=kind, row=row.index, code=None, name=name, column=column,
                amount=at_precision(token.token.amount, precision), unit=unit,
                location=Location(number, token.token.start),
                raw=token.token.raw, placement="label", section=side,
            )  # fmt: skip
            row.cells[column] = fact
            facts.append(fact)
    return rows, facts
