"""Two-column tables (收支总表, 财政拨款收支总表): income items left, expenditure items right.

Each line holds up to two (label, amount) pairs. Tab-separated text keeps the
halves apart; in space-separated text a line like ``二、政府性基金预算拨款收入
二、国防支出`` is split where the expenditure label begins. Which side an item
is on follows from its label (expenditure items are 支出, 年终结转结余 or
预备费), so a line whose left half is empty is still read correctly.
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


def side_of(label: str) -> str:
    """``支出`` for expenditure-side labels, ``收入`` otherwise."""
    text = compact(label)
    return "支出" if ("支出" in text or "年终结转" in text or "预备费" in text) else "收入"


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
    """The numbers of a line that can be amounts: not a unit's code in brackets (``[256001]``)."""
    return [t for t in line_tokens(number, text) if identifier_reason(t) != "code in brackets"]


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


def _grid_pairs(
    number: int, text: str, pairing: Pairing
) -> list[tuple[str, list[tuple[str, LineToken]], bool]]:
    """A row's items by the header's columns: each label with its amounts by column, and
    whether its label column is right of the first (the expenditure side). An amount
    whose label cell is empty pairs with nothing and stays unread (a row drawn apart)."""
    normalised = normalise(text)
    cells = normalised.split("\t")
    tokens = _amounts(number, text)
    starts, offset = [], 0
    for cell in cells:
        starts.append(offset)
        offset += len(cell) + 1
    items: dict[int, tuple[str, list[tuple[str, LineToken]]]] = {}
    for owner in sorted({o for o, _ in pairing.values()}):
        label = cells[owner].strip() if owner < len(cells) else ""
        if label:
            items[owner] = (label, [])
    for index, (owner, column) in pairing.items():
        if index >= len(cells) or not is_number(cells[index]) or owner not in items:
            continue
        token = next((t for t in tokens if t.token.start >= starts[index]), None)
        if token is not None:
            items[owner][1].append((column, token))
    first = min(o for o, _ in pairing.values())
    return [(*items[owner], owner > first) for owner in sorted(items)]


def read_two_column(
    lines: list[tuple[int, str]], table: str, kind: str, unit: str, by_position: bool = True
) -> tuple[list[Row], list[Fact]]:
    """Rows (one per item, with its side as section) and the facts of their amounts.

    Without ``by_position`` (a PDF or workbook) a tab row's amounts are paired
    with labels by the header's columns, not by adjacency.
    """
    rows: list[Row] = []
    facts: list[Fact] = []
    pairing = _header_pairs(lines)
    if by_position and not _names_funds(pairing):
        pairing = None  # text pairs by adjacency unless its header names fund columns
    # (line, label, amounts by column, printed in a right-hand label column)
    items: list[tuple[int, str, list[tuple[str, LineToken]], bool]] = []
    for number, text in lines:
        if pairing is not None and "\t" in text:
            items.extend(
                (number, label, found, right)
                for label, found, right in _grid_pairs(number, text, pairing)
            )
        else:
            items.extend(
                (number, label, [("预算数", token)] if token is not None else [], False)
                for label, token in _pairs(number, text)
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
