"""Grids printed in two halves side by side (the 决算 基本支出表: 人员经费 codes left, 公用经费 right).

The national 决算 template prints its 一般公共预算财政拨款基本支出决算表 as
``经济分类科目编码 | 科目名称 | 决算数`` twice on one row, so that a long list
of economic codes fits a page. Read across, a row holds two unrelated items;
read as the publisher meant, it is two lists. A header whose label cells
repeat (the right half starts with the cell the row starts with) marks such a
grid: every line is cut at the repeat, and the left halves are read first,
then the right ones, as one list. The right half of a line keeps its
characters' positions (its left part is blanked with spaces, its tabs
included), so every figure still cites where it stands on the printed line.
"""

from __future__ import annotations

from budget_audit.numbers import is_number
from budget_audit.tables.kinds import compact

_LABEL_WORDS = ("编码", "名称", "项目")


def split_halves(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines of a side-by-side grid as one list (left halves, then right halves);
    any other grid's lines unchanged."""
    cut = next((c for _, text in lines if (c := _repeat(text)) is not None), None)
    if cut is None:
        return lines
    left: list[tuple[int, str]] = []
    right: list[tuple[int, str]] = []
    for number, text in lines:
        cells = text.split("\t")
        if "\t" not in text or len(cells) <= cut:
            left.append((number, text))
            continue
        head = "\t".join(cells[:cut])
        left.append((number, head))
        if any(cell.strip() for cell in cells[cut:]):
            right.append((number, " " * (len(head) + 1) + "\t".join(cells[cut:])))
    return left + right


def _repeat(text: str) -> int | None:
    """Where a header row's label cells start again (``编码 | 名称 | 决算数 | 编码 | 名称 |
    决算数`` → 3), or ``None``: the row holds no figure, opens with a label column (编码,
    名称: not the 三公 table's ``预算数 | 决算数`` pairs, which repeat too), and its second
    half repeats its first cell by cell."""
    cells = [compact(cell) for cell in text.split("\t")]
    if len(cells) < 4 or any(is_number(cell) for cell in cells):
        return None
    if not any(word in cells[0] for word in _LABEL_WORDS):
        return None
    for cut in range(2, len(cells) // 2 + 1):
        if cells[cut : 2 * cut] == cells[:cut] and not any(cells[2 * cut :]):
            return cut
    return None
