"""Read a disclosure's bytes into lines of text.

Government files come as UTF-8 (with or without BOM) or GB18030; line
endings as CRLF or LF. Anything else is refused with a clear message rather
than decoded into mojibake that would parse into nonsense.
"""

from dataclasses import dataclass
from pathlib import Path

from budget_audit.errors import InputError

_ENCODINGS = ("utf-8-sig", "gb18030")


Box = tuple[float, float, float, float]
"""A rectangle on a PDF page in points: ``(x0, top, x1, bottom)``, as pdfplumber gives it."""


@dataclass(frozen=True)
class CellPlace:
    """One table cell of a rendered line: its character span in the line and where it stands."""

    start: int
    end: int
    box: Box | None = None
    ref: str | None = None  # a spreadsheet cell (``B7``)


@dataclass(frozen=True)
class Place:
    """Where a line of the text rendering came from in the published file.

    Text files need none: their lines are the file's own. A PDF or workbook is
    rendered into lines (a table row as its cells joined by tabs) and each
    line keeps its file, page or sheet, and the place of each cell.
    """

    file: str
    page: int | None = None
    sheet: str | None = None
    cells: tuple[CellPlace, ...] = ()

    def cell_at(self, start: int | None) -> CellPlace | None:
        """The cell whose span holds character offset ``start`` of the line; with no offset,
        the line's cell when it has just one (a paragraph written in one workbook cell)."""
        if start is None:
            return self.cells[0] if len(self.cells) == 1 else None
        return next((c for c in self.cells if c.start <= start < c.end), None)


@dataclass(frozen=True)
class SourceText:
    """The decoded text of one file, split into lines as ``text.split("\\n")`` does.

    ``places`` is empty for a text file; for a rendered PDF or workbook it holds
    one :class:`Place` per line.
    """

    name: str
    encoding: str
    lines: tuple[str, ...]
    places: tuple[Place | None, ...] = ()
    kind: str = "text"  # "text", "pdf" or "xlsx"

    def line(self, number: int) -> str:
        """The text of 1-based line ``number``."""
        return self.lines[number - 1]

    def place(self, number: int) -> Place | None:
        """Where 1-based line ``number`` stands in the published file (``None`` for text)."""
        return self.places[number - 1] if self.places else None

    def page(self, number: int) -> int | None:
        """The PDF page of 1-based line ``number``, if the source has pages."""
        place = self.place(number)
        return place.page if place is not None else None


def decode(data: bytes, name: str) -> SourceText:
    """Decode ``data`` as UTF-8 or GB18030, or raise :class:`InputError`."""
    if b"\x00" in data:
        raise InputError(f"{name}: contains NUL bytes; this is not a text file")
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return SourceText(
            name=name, encoding=encoding.removesuffix("-sig"), lines=tuple(text.split("\n"))
        )
    raise InputError(f"{name}: not UTF-8 or GB18030 text; convert the file to UTF-8 and try again")


def read_source(path: str | Path) -> SourceText:
    """Read the file at ``path``; raise :class:`InputError` when it cannot be read."""
    file = Path(path)
    if not file.exists():
        raise InputError(f"{file}: no such file")
    if file.is_dir():
        raise InputError(f"{file}: is a folder, not a file")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(f"{file}: cannot be read ({error.strerror})") from error
    if not data.strip():
        raise InputError(f"{file}: is empty")
    return decode(data, file.name)
