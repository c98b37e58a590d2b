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
from budget_audit.tables.tokens import LineToken, line_tokens

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


def _pairs(number: int, text: str) -> list[tuple[str, LineToken | None]]:
    normalised = normalise(text)
    tokens = line_tokens(number, text)
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


def _header_pairs(lines: list[tuple[int, str]]) -> dict[int, int] | None:
    """For a grid source: each amount column and the label column it belongs to, from the header.

    The header row names its amount columns (预算数, 金额 …); an amount column
    belongs to the nearest label column on its left. Jiangsu prints two views
    of spending side by side (功能分类 | 支出用途), and some rows hold a label in
    one view and an amount in the other: only the header can pair them right.
    """
    for _, text in lines:
        if "\t" not in text:
            continue
        cells = [compact(c) for c in normalise(text).split("\t")]
        if any(is_number(c) for c in cells):
            return None  # figures before any header that names its amount columns
        amounts = [i for i, c in enumerate(cells) if c in _AMOUNT_HEADERS]
        if not amounts:
            continue
        pairs: dict[int, int] = {}
        for index in amounts:
            labels = [i for i in range(index) if cells[i] and i not in amounts]
            if labels:
                pairs[index] = labels[-1]
        return pairs or None
    return None


def _grid_pairs(
    number: int, text: str, pairing: dict[int, int]
) -> list[tuple[str, LineToken | None]]:
    """A row's (label, amount) pairs by the header's columns; an amount whose label cell is
    empty pairs with nothing and stays unread (it belongs to a row drawn apart)."""
    normalised = normalise(text)
    cells = normalised.split("\t")
    tokens = line_tokens(number, text)
    starts, offset = [], 0
    for cell in cells:
        starts.append(offset)
        offset += len(cell) + 1
    pairs: list[tuple[str, LineToken | None]] = []
    labelled = set(pairing.values())
    for index, cell in enumerate(cells):
        if index in pairing and is_number(cell):
            label = cells[pairing[index]].strip() if pairing[index] < len(cells) else ""
            token = next((t for t in tokens if t.token.start >= starts[index]), None)
            if label and token is not None:
                pairs.append((label, token))
        elif index in labelled and cell.strip():
            amount_columns = [a for a, owner in pairing.items() if owner == index]
            if not any(a < len(cells) and is_number(cells[a]) for a in amount_columns):
                pairs.append((cell.strip(), None))
    return pairs


def read_two_column(
    lines: list[tuple[int, str]], table: str, kind: str, unit: str, by_position: bool = True
) -> tuple[list[Row], list[Fact]]:
    """Rows (one per item, with its side as section) and the facts of their amounts.

    Without ``by_position`` (a PDF or workbook) a tab row's amounts are paired
    with labels by the header's columns, not by adjacency.
    """
    rows: list[Row] = []
    facts: list[Fact] = []
    pairing = None if by_position else _header_pairs(lines)
    pairs = [
        (number, pair)
        for number, text in lines
        for pair in (
            _grid_pairs(number, text, pairing)
            if pairing is not None and "\t" in text
            else _pairs(number, text)
        )
    ]
    precision = table_precision(token.token.amount for _, (_, token) in pairs if token is not None)
    for number, (label, token) in pairs:
        name = item_name(label)
        if not name or (token is None and all(w in _HEADER_WORDS for w in label.split())):
            continue
        if token is None and name in ("收入", "支出", "项目预算数", "项目"):
            continue
        side = side_of(label)
        row = Row(
            len(rows), None, name, number, number, section=side, level=enumeration_level(label)
        )
        rows.append(row)
        if token is None:
            continue
        fact = Fact(
            table=table, kind=kind, row=row.index, code=None, name=name, column="预算数",
            amount=at_precision(token.token.amount, precision), unit=unit,
            location=Location(number, token.token.start),
            raw=token.token.raw, placement="label", section=side,
        )  # fmt: skip
        row.cells["预算数"] = fact
        facts.append(fact)
    return rows, facts
