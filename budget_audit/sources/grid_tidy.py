"""Tidy-up shared by the adapters that read grids of cells (PDF tables, workbook sheets).

A publisher prints a 科目 code either whole (``2011301``) or split into 类 |
款 | 项 cells (``201 | 13 | 01``), a parent row leaving its lower cells
empty. The readers want one code cell, so every grid source joins the split
cells the same way, wherever the header labels them.
"""

from __future__ import annotations

import re

from budget_audit.numbers import normalise
from budget_audit.sources.render import Cell

CODE_LEVELS = ("类", "款", "项")
_CODE_PART = re.compile(r"^\d{1,3}$")


def code_columns(grid: list[list[Cell]]) -> tuple[int, int] | None:
    """Where the 类 | 款 (| 项) code cells stand: a header row labels consecutive cells so.

    Returns ``(first column, how many)``, or ``None`` when no header splits the code.
    """
    for header in grid:
        labels = [normalise(c.text).replace(" ", "") for c in header]
        for start in range(len(labels) - 1):
            levels = tuple(labels[start : start + 3])
            if levels[:2] == CODE_LEVELS[:2]:
                return start, 3 if levels == CODE_LEVELS else 2
    return None


def joined(row: list[Cell], start: int, span: int) -> list[Cell]:
    """``row`` with its ``span`` code cells from ``start`` made one cell.

    Code parts (``201 | 13 | 01``, or ``201 | |`` for a parent) become the
    code ``2011301``; anything else in those cells (the header's 类款项, a
    合计 label) is their texts run together. The joined cell covers the boxes
    of all the parts, and the sheet cells that hold its text.
    """
    parts = row[start : start + span]
    texts = [c.text for c in parts]
    filled = [c.ref for c in parts if c.text and c.ref]
    ref = (filled[0] if len(filled) == 1 else f"{filled[0]}:{filled[-1]}") if filled else None
    if texts[0] and all(not t or _CODE_PART.match(t) for t in texts):
        boxes = [c.box for c in parts if c.box is not None]
        box = (boxes[0][0], boxes[0][1], boxes[-1][2], boxes[-1][3]) if boxes else None
        code = Cell("".join(t for t in texts if t), box, ref)
    else:
        code = Cell("".join(texts), parts[0].box, ref if ref is not None else parts[0].ref)
    return [*row[:start], code, *row[start + span :]]
