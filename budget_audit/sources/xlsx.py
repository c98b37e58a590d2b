"""Excel workbooks (.xlsx, .xlsm) rendered as their sheets print, read with openpyxl (MIT).

A department prepares its disclosure in a workbook with one sheet per part
and per table (Shanghai's template: 封面, 目录, the text parts, nine tables)
and prints it to PDF. Every visible sheet is rendered in workbook order, so
the lines read as the printed document does; a hidden sheet is not printed,
so it is not read. What a row is follows from its cells, not from the sheet's
name:

- a row whose one filled cell holds text is prose: a title, a caption, a note,
  or a paragraph typed into a (merged) cell, one line per line break;
- above a sheet's grid, a caption row (``编制部门：…`` … ``单位：元``: it opens
  with a ``label：`` cell and holds no figure) is one prose line, its cells
  joined by a space, as the PDF prints it;
- every other row is a grid row, its cells by column (an empty cell kept, so
  position is column), tidied as the PDF tables are: columns empty in every
  grid row of the sheet are dropped, and 类 | 款 | 项 code cells are joined.

Every cell keeps its coordinate, so evidence cites ``Sheet!C7``. Numbers are
printed by :mod:`cell_format` at their number format's precision.

Formulas: the workbook is opened with ``data_only`` to get the value Excel
saved with each formula. A workbook written by a program that does not
calculate (openpyxl, some exporters) saves no value; such a cell would read
as empty and its figure would silently drop out of every check, so the file
is refused with the first such cell named and what to do about it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl.utils import get_column_letter as letter

from budget_audit.errors import InputError
from budget_audit.numbers import normalise
from budget_audit.source import SourceText
from budget_audit.sources.cell_format import printed
from budget_audit.sources.grid_tidy import code_columns, joined
from budget_audit.sources.render import Cell, Rendering, join_cell_text, strip_leaders

_CAPTION = re.compile(r"^[^:：]+[:：]")
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_FIGURE = re.compile(r"^-?[\d,]+(?:\.\d+)?%?$")

_Row = list[Cell]  # a sheet row: one cell per column from A, text as printed (line breaks kept)
_EMPTY = Cell("")
_LEADER_RUN = 10


def read_xlsx(path: Path) -> SourceText:
    """Render the workbook at ``path``; raise :class:`InputError` for a file that cannot be read."""
    rendering = Rendering(path.name, "xlsx")
    with _opened(path) as workbook:
        for sheet in _visible(workbook):
            _refuse_uncalculated(path, sheet)
            _render_sheet(rendering, sheet.title, _read_rows(path, sheet))
    if not any(line.strip() for line in rendering.lines):
        raise InputError(f"{path.name}: the workbook's visible sheets are empty")
    return rendering.source()


class _opened:
    """The workbook opened read-only, closed after use; a damaged file becomes an InputError."""

    def __init__(self, path: Path) -> None:
        from openpyxl import load_workbook  # imported here: text users never pay for it

        # A stream, not the path: openpyxl would refuse a workbook by its name
        # (export.dat), and read_any has already judged it by its content.
        self.stream = path.open("rb")
        try:
            self.workbook: Any = load_workbook(self.stream, read_only=True, data_only=True)
        except Exception as error:  # zipfile, XML and openpyxl each raise their own kinds
            self.stream.close()
            raise InputError(
                f"{path.name}: not a readable Excel workbook ({type(error).__name__}); "
                "the file may be truncated or damaged, or not .xlsx at all"
            ) from error

    def __enter__(self) -> Any:
        return self.workbook

    def __exit__(self, *_: object) -> None:
        self.workbook.close()
        self.stream.close()


def _visible(workbook: Any) -> Iterator[Any]:
    for sheet in workbook.worksheets:
        if sheet.sheet_state == "visible":
            if sheet.max_row is None or (sheet.max_row, sheet.max_column) == (1, 1):
                # read-only mode stops at the sheet's <dimension>; a writer that leaves it
                # out or at A1 gets every row read. Excel's and WPS's are right, and
                # stopping there skips the thousands of formatted empty rows a template has.
                sheet.reset_dimensions()
            yield sheet


def _read_rows(path: Path, sheet: Any) -> list[_Row]:
    """The sheet's non-empty rows, one cell per column from A (empty cells kept, without a ref)."""
    rows: list[_Row] = []
    try:
        for number, values in enumerate(sheet.iter_rows(), start=1):
            filled = {
                column: Cell(
                    printed(cell.value, cell.number_format), ref=f"{letter(column)}{number}"
                )
                for column, cell in enumerate(values, start=1)
                if cell.value is not None
            }
            filled = {column: cell for column, cell in filled.items() if cell.text.strip()}
            if filled:
                rows.append([filled.get(c, _EMPTY) for c in range(1, max(filled) + 1)])
    except Exception as error:
        raise InputError(
            f"{path.name}: sheet {sheet.title!r} cannot be read ({type(error).__name__}); "
            "the file may be damaged"
        ) from error
    return rows


def _render_sheet(rendering: Rendering, sheet: str, rows: list[_Row]) -> None:
    """Render one sheet's rows in order: prose lines and (tidied) grid rows."""
    kinds: list[tuple[str, _Row]] = []
    in_grid = False
    for cells in rows:
        filled = [c for c in cells if c.text.strip()]
        if len(filled) == 1 and not _FIGURE.match(normalise(filled[0].text).strip()):
            kinds.append(("prose", filled))
        elif (
            not in_grid
            and _CAPTION.match(normalise(filled[0].text).strip())
            and not any(_FIGURE.match(normalise(c.text).strip()) for c in filled)
        ):
            kinds.append(("caption", [Cell(join_cell_text(c.text), ref=c.ref) for c in filled]))
        else:
            in_grid = True
            kinds.append(("grid", [Cell(join_cell_text(c.text), ref=c.ref) for c in cells]))
    grid = _tidy([cells for kind, cells in kinds if kind == "grid"])
    for kind, cells in kinds:
        if kind == "grid":
            rendering.row(next(grid), sheet=sheet)
        elif kind == "caption":
            rendering.prose_cells(cells, sheet=sheet)
        else:
            for line in cells[0].text.replace("\r", "\n").split("\n"):
                text = _without_leaders(normalise(line)).strip()
                if text:
                    rendering.prose_cells([Cell(text, ref=cells[0].ref)], sheet=sheet)


def _without_leaders(text: str) -> str:
    """A contents entry without its dot leaders, which fill its cell (dozens of dots); a
    short run is an ellipsis (``主要用于……``, ``2. ……``) and belongs to the text."""
    text = text.rstrip()
    stripped = strip_leaders(text)
    return stripped if len(text) - len(stripped) >= _LEADER_RUN else text


def _tidy(grid: list[_Row]) -> Iterator[_Row]:
    """The sheet's grid rows with its empty columns dropped and its code columns joined.

    A sheet's rows share its columns, so the columns are kept and the code
    header is looked for over all the grid rows of the sheet together.
    """
    width = max((len(row) for row in grid), default=0)
    padded = [row + [Cell("")] * (width - len(row)) for row in grid]
    keep = [c for c in range(width) if any(row[c].text for row in padded)]
    kept = [[row[c] for c in keep] for row in padded]
    codes = code_columns(kept)
    for row in kept:
        yield joined(row, *codes) if codes is not None else row


def _refuse_uncalculated(path: Path, sheet: Any) -> None:
    """Raise :class:`InputError` at the first formula cell saved without its value.

    The sheet's XML is scanned directly: openpyxl reads such a cell as empty,
    and only the XML tells it (a ``<c>`` with an ``<f>`` and an empty or no
    ``<v>``) from an empty cell or a formula whose value is empty text
    (``t="str"``).
    """
    try:
        with sheet._get_source() as source:
            data = source.read()
        if not _FORMULA_TAG.search(data):
            return
        for _, element in ElementTree.iterparse(io.BytesIO(data)):
            if element.tag.endswith("}c"):
                children = {child.tag.rpartition("}")[2]: child.text for child in element}
                if "f" in children and not children.get("v") and element.get("t") != "str":
                    raise InputError(
                        f"{path.name}: formula cell {sheet.title}!{element.get('r')} has no "
                        "saved value (the workbook was written by a program that does not "
                        "calculate); open it in Excel or LibreOffice, save it, and try again"
                    )
                element.clear()
    except InputError:
        raise
    except Exception as error:  # zipfile, zlib and the XML parser each raise their own kinds
        raise InputError(
            f"{path.name}: sheet {sheet.title!r} cannot be read ({type(error).__name__}); "
            "the file may be damaged"
        ) from error
