"""Deciding which column each number of a row belongs to when empty cells were dropped.

In PDF text a row ``2010399 … 178 178`` has lost its empty cells: it is 合计
and 项目支出, but the same shape ``30201 办公费 0.50 0.50`` is 合计 and 公用经费.
Position cannot tell them apart; the table's own structure can:

1. *identity*: only placements that keep the row's identities
   (合计 = 基本支出 + 项目支出 ...) are candidates, missing cells being zero;
   placements on the usual (core) columns are preferred over rare ones;
2. *sum*: the children of a parent row must add up to it column by column,
   so the combination of children's placements that does so is chosen;
3. *parent*: failing that, the child takes the columns its parent uses.

What stays undecided is reported, never silently guessed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from budget_audit.numbers import Amount, Interval
from budget_audit.tables.kinds import TableKind

# The most sibling combinations tried before falling back to the parent rule.
_MAX_COMBINATIONS = 4096

Placement = tuple[int, ...]  # column index of each number, increasing


@dataclass
class PendingRow:
    """A row's numbers and the placements still possible for them."""

    key: int
    code: str | None
    numbers: list[Amount]
    candidates: list[Placement]
    chosen: Placement | None = None
    how: str = ""

    def vector(self, placement: Placement, width: int) -> list[Interval]:
        """The row's columns under ``placement`` (missing cells are exactly zero)."""
        columns = [Interval.exact(Decimal(0))] * width
        for number, column in zip(self.numbers, placement, strict=True):
            columns[column] = number.interval
        return columns


def candidates(kind: TableKind, numbers: Sequence[Amount]) -> tuple[list[Placement], str]:
    """Placements of ``numbers`` (in order) on the kind's columns that keep its identities.

    Returns the candidates of the most usual tier (core columns first) and how
    they were found: ``complete`` when every column is present.
    """
    width = len(kind.columns)
    if len(numbers) == width:
        return [tuple(range(width))], "complete"
    if len(numbers) > width:
        return [], "too many numbers"
    index = {name: i for i, name in enumerate(kind.columns)}
    # each identity as column indices, worked out once rather than for every placement tried
    identities = [
        (index[i.total], tuple(index[p] for p in i.parts)) for i in kind.positional_identities
    ]
    fitting = []
    for placement in itertools.combinations(range(width), len(numbers)):
        values = {c: number.interval for c, number in zip(placement, numbers, strict=True)}
        if all(_identity_holds(total, parts, values) for total, parts in identities):
            fitting.append(placement)
    core = {index[name] for name in kind.core}
    usual = [p for p in fitting if set(p) <= core]
    if fitting:
        return (usual or fitting), "identity"
    # No placement keeps the identities: the row itself is wrong. Place it on the
    # usual columns anyway (sums and the parent decide where), its first number
    # on the 合计 column every row prints first, so that the rules can report the
    # broken identity instead of the number going unread.
    if not kind.ordered:
        return [], "no placement"  # the printed order is unknown: placing it would be a guess
    forced = [p for p in itertools.combinations(sorted(core), len(numbers)) if p[:1] == (0,)]
    return forced, "forced"


def _identity_holds(total: int, parts: tuple[int, ...], values: dict[int, Interval]) -> bool:
    """Whether the total column's interval meets the sum of the parts' (a missing cell is 0)."""
    low = high = Decimal(0)
    for part in parts:
        interval = values.get(part)
        if interval is not None:  # an empty cell adds exactly nothing
            low += interval.low
            high += interval.high
    stated = values.get(total)
    if stated is None:
        return low <= 0 <= high
    return stated.low <= high and low <= stated.high


def resolve_children(parent: list[Interval] | None, children: list[PendingRow], width: int) -> None:
    """Choose placements for ``children`` so that they add up to ``parent`` column by column."""
    open_rows = [row for row in children if row.chosen is None]
    for row in open_rows:
        if len(row.candidates) == 1:
            row.chosen, row.how = row.candidates[0], row.how or "identity"
    open_rows = [row for row in open_rows if row.chosen is None and row.candidates]
    if not open_rows:
        return
    if parent is not None:
        combination_count = 1
        for row in open_rows:
            combination_count *= len(row.candidates)
        if combination_count <= _MAX_COMBINATIONS and _resolve_by_sum(
            parent, children, open_rows, width
        ):
            return
    for row in open_rows:
        if row.chosen is None:
            _resolve_by_parent(parent, row)


def _resolve_by_sum(
    parent: list[Interval], children: list[PendingRow], open_rows: list[PendingRow], width: int
) -> bool:
    fixed = [row for row in children if row.chosen is not None]
    base_low, base_high = [Decimal(0)] * width, [Decimal(0)] * width
    for row in fixed:
        for column, interval in enumerate(row.vector(row.chosen or (), width)):
            base_low[column] += interval.low
            base_high[column] += interval.high
    # each placement as its placed cells alone (the other columns add exactly 0): a combination
    # then costs the row's numbers, not the table's width
    options = [
        [
            (
                placement,
                [
                    (column, number.interval.low, number.interval.high)
                    for column, number in zip(placement, row.numbers, strict=True)
                ],
            )
            for placement in row.candidates
        ]
        for row in open_rows
    ]
    # a column no option places a number in holds its fixed sum in every combination: checked
    # once here, so each combination checks only the columns it can change
    placed = sorted({column for row in options for _, cells in row for column, _, _ in cells})
    if not all(
        base_low[c] <= parent[c].high and parent[c].low <= base_high[c]
        for c in range(width)
        if c not in placed
    ):
        return False
    fits = []
    for combination in itertools.product(*options):
        low, high = list(base_low), list(base_high)
        for _, cells in combination:
            for column, cell_low, cell_high in cells:
                low[column] += cell_low
                high[column] += cell_high
        if all(low[c] <= parent[c].high and parent[c].low <= high[c] for c in placed):
            fits.append(tuple(placement for placement, _ in combination))
    if not fits:
        return False
    for position, row in enumerate(open_rows):
        choices = {combination[position] for combination in fits}
        if len(choices) == 1:
            row.chosen, row.how = choices.pop(), "sum"
    return all(row.chosen is not None for row in open_rows)


def _resolve_by_parent(parent: list[Interval] | None, row: PendingRow) -> None:
    within = row.candidates
    if parent is not None:
        used = {i for i, interval in enumerate(parent) if not interval.contains(Decimal(0))}
        within = [p for p in row.candidates if set(p) <= used] or row.candidates
        if len(within) == 1:
            row.chosen, row.how = within[0], "forced" if row.how == "forced" else "parent"
            return
    row.chosen, row.how = within[0], "forced" if row.how == "forced" else "ambiguous"
