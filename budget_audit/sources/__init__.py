"""Source adapters: a published file (text, PDF, workbook) rendered into lines with places.

:func:`read_any` picks the adapter by the file's content, not only its name,
and refuses formats it cannot read with one line that names the ones it can.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from budget_audit.errors import InputError
from budget_audit.source import Place, SourceText, read_source
from budget_audit.sources.html import looks_like_html, render_html
from budget_audit.sources.pdf import PdfSettings

SUPPORTED_SUFFIXES = (".html", ".htm", ".txt", ".md", ".pdf", ".xlsx")
_WORD = (".doc", ".docx", ".wps", ".rtf")
_WORKBOOK = (".xlsx", ".xlsm")
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary Office formats (.doc, .xls)


def read_any(path: str | Path, pdf: PdfSettings | None = None) -> SourceText:
    """Read ``path`` with the adapter its content calls for; raise :class:`InputError` otherwise.

    ``pdf`` bounds what a PDF may cost (pages, seconds a page); the defaults when ``None``.
    """
    file = Path(path)
    if not file.is_file():
        return read_source(file)  # says "no such file" or "is a folder"
    suffix = file.suffix.lower()
    with file.open("rb") as stream:
        head = stream.read(8)
    if head.startswith(b"%PDF") or suffix == ".pdf":
        if not head.startswith(b"%PDF"):
            raise InputError(f"{file.name}: named .pdf but is not a PDF file")
        from budget_audit.sources.pdf import read_pdf

        return read_pdf(file, pdf)
    if suffix == ".xls" or (suffix in _WORKBOOK and head.startswith(_OLE)):
        raise InputError(
            f"{file.name}: an old binary Excel workbook (.xls) is not read; "
            "save it as .xlsx and try again"
        )
    if suffix in _WORKBOOK or (
        head.startswith(b"PK") and suffix not in _WORD and _is_workbook(file)
    ):
        from budget_audit.sources.xlsx import read_xlsx

        return read_xlsx(file)
    if suffix in _WORD or head.startswith(_OLE):
        raise InputError(
            f"{file.name}: Word and other office documents are not read; save it as PDF "
            f"or text (supported: {', '.join(SUPPORTED_SUFFIXES)})"
        )
    if head.startswith(b"PK"):
        raise InputError(
            f"{file.name}: a zip archive (docx, ods …?) is not read; "
            f"supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )
    source = read_source(file)
    text = "\n".join(source.lines)
    if suffix in (".html", ".htm") or looks_like_html(text):
        return render_html(text, file.name)
    return source


def _is_workbook(file: Path) -> bool:
    """Whether a zip file is an Excel workbook (it holds ``xl/workbook.xml``), whatever its name."""
    try:
        with zipfile.ZipFile(file) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def combine(sources: list[SourceText]) -> SourceText:
    """One disclosure published as several files (情况说明 and 公开表): their lines in order.

    Every line keeps the file it came from, so evidence cites the attachment
    by name. The whole reads as a grid source when any part is one.
    """
    if len(sources) == 1:
        return sources[0]
    lines: list[str] = []
    places: list[Place | None] = []
    for source in sources:
        lines.extend(source.lines)
        if source.places:
            places.extend(source.places)
        else:
            places.extend(Place(source.name) for _ in source.lines)
    kinds = {source.kind for source in sources}
    return SourceText(
        name=sources[0].name,
        encoding=sources[0].encoding,
        lines=tuple(lines),
        places=tuple(places),
        kind=sources[0].kind if len(kinds) == 1 else "mixed",
    )
