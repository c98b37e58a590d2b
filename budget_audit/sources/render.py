"""Render the blocks a source adapter found into lines of text, each with its place.

A PDF page or a workbook sheet holds prose and grids of cells. The readers of
this package read lines, so each adapter renders once: a prose line as it is,
a grid row as its cells joined by tabs (empty cells kept, so a cell's position
is its column). Every rendered line remembers its file and page or sheet, and
every cell its character span and its box, so that evidence can point at the
number where it is printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from budget_audit.numbers import normalise
from budget_audit.source import Box, CellPlace, Place, SourceText

_SPACES = re.compile(r"[ \t]+")
_LEADERS = re.compile(r"\s*(?:[.…·]{3,}|…+)\s*\d*\s*$")


@dataclass(frozen=True)
class Cell:
    """One cell of a grid as the source gives it: text (wrapped lines joined), box or sheet ref."""

    text: str
    box: Box | None = None
    ref: str | None = None


def strip_leaders(text: str) -> str:
    """A contents entry without its dot leaders and page number (``一、概况……3`` → ``一、概况``)."""
    return _LEADERS.sub("", text)


def join_cell_text(text: str | None) -> str:
    """A cell's text on one line: its wrapped lines joined, no space inside Chinese words.

    ``1.一般公共预\\n算`` → ``1.一般公共预算``; ``Total\\nincome`` keeps a space.
    """
    if not text:
        return ""
    pieces = [normalise(piece).strip() for piece in text.replace("\r", "\n").split("\n")]
    joined = ""
    for piece in pieces:
        if not piece:
            continue
        if joined and joined[-1].isascii() and piece[0].isascii() and joined[-1] != "-":
            joined += " "
        joined += piece
    return _SPACES.sub(" ", joined)


@dataclass
class Rendering:
    """Lines rendered so far and their places, built page by page."""

    file: str
    kind: str
    lines: list[str] = field(default_factory=list)
    places: list[Place | None] = field(default_factory=list)

    def prose(self, text: str, page: int | None = None, sheet: str | None = None) -> None:
        """Add a line of prose (tabs inside it become spaces: only grid rows hold tabs)."""
        self.lines.append(normalise(text).replace("\t", " ").rstrip())
        self.places.append(Place(self.file, page, sheet))

    def prose_cells(
        self, cells: list[Cell], page: int | None = None, sheet: str | None = None
    ) -> None:
        """Add a line of prose printed in cells (a paragraph's line in one cell, a caption row).

        The cells' texts are joined by a space, and each keeps its span and
        place, so a number in a workbook's paragraph is cited by its cell.
        """
        text = ""
        spans: list[CellPlace] = []
        for cell in cells:
            piece = normalise(cell.text).replace("\t", " ").strip()
            if not piece:
                continue
            if text:
                text += " "
            spans.append(CellPlace(len(text), len(text) + len(piece), cell.box, cell.ref))
            text += piece
        self.lines.append(text)
        self.places.append(Place(self.file, page, sheet, tuple(spans)))

    def row(self, cells: list[Cell], page: int | None = None, sheet: str | None = None) -> None:
        """Add a grid row: its cells joined by tabs, each cell's span and box remembered."""
        texts: list[str] = []
        spans: list[CellPlace] = []
        offset = 0
        for cell in cells:
            text = cell.text.replace("\t", " ")
            texts.append(text)
            if text:
                spans.append(CellPlace(offset, offset + len(text), cell.box, cell.ref))
            offset += len(text) + 1
        self.lines.append("\t".join(texts))
        self.places.append(Place(self.file, page, sheet, tuple(spans)))

    def source(self) -> SourceText:
        """The rendering as the :class:`SourceText` every reader takes."""
        return SourceText(
            name=self.file,
            encoding=self.kind,
            lines=tuple(self.lines),
            places=tuple(self.places),
            kind=self.kind,
        )
