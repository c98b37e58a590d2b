"""A page's characters and ruling lines read by PDFium (pypdfium2), in pdfplumber's own terms.

pdfplumber reads a page by interpreting its content stream in pure Python
(pdfminer): two thirds of the time a PDF takes to audit. PDFium, a C library
pdfplumber already depends on for rendering, reads the same page some twenty
times faster. This module gives pdfplumber the page's objects as pdfminer would
have made them (a character's box from its origin, advance and font size; a
path cut at each move into lines, rectangles and curves by the rules of
pdfminer's ``paint_path``), so that the table finder and the text extraction
run unchanged on them.

What PDFium leaves out is blank: it drops most space characters, which the
readers use only to split words, and the gap a space leaves splits them
anyway unless the space is narrower than pdfplumber's word tolerance (3 pt):
then two words pdfminer kept apart are one (``13.56 %`` reads ``13.56%``;
four lines of the corpus, no figure among them changed).
``tests/test_pdf_source.py`` holds the two readers' lines equal up to such
spaces. A page with turned (rotated) characters, whose boxes pdfminer draws
otherwise, is read by pdfminer. A standard font neither embedded nor described
(bare ``Helvetica``) takes PDFium's substitute's descent, not the AFM's: its
boxes sit 0.2 pt lower than pdfminer's, far inside the 3 pt the readers
tolerate.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]
from pdfplumber.page import Page

_Matrix = tuple[float, float, float, float, float, float]
_Point = tuple[float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class PdfiumPage(Page):
    """A pdfplumber page whose objects come from PDFium instead of pdfminer."""

    def __init__(self, page: Page, document: Any) -> None:
        super().__init__(page.pdf, page.page_obj, page.page_number, page.initial_doctop)
        self._document = document

    def parse_objects(self) -> dict[str, list[dict[str, Any]]]:
        """The page's chars, rects, lines and curves (the only objects the readers use)."""
        page = self._document[self.page_number - 1]
        text = page.get_textpage()
        try:
            geometry = _Geometry(float(self.height), float(self.initial_doctop), self.page_number)
            chars = _chars(text.raw, geometry)
            if chars is None:
                return super().parse_objects()
            objects: dict[str, list[dict[str, Any]]] = {"char": chars}
            for kind, items in _paths(page.raw, geometry).items():
                if items:
                    objects[kind] = items
            return objects
        finally:
            text.close()
            page.close()


def pdfium_pages(pages: list[Page], path: Any) -> tuple[list[Page], Callable[[], None]]:
    """``pages`` read through PDFium where it can serve, and how to close what it opened.

    A page PDFium can read as pdfplumber would is an upright one whose media box
    starts at the origin and is not cropped (pdfplumber's coordinates are then
    PDFium's turned upside down); any other page, and every page of a file
    PDFium cannot open, stays with pdfminer.
    """
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        return pages, lambda: None
    if len(document) != len(pages):
        document.close()
        return pages, lambda: None
    read = [PdfiumPage(page, document) if _plain(page) else page for page in pages]
    return read, document.close


def _plain(page: Page) -> bool:
    box = tuple(float(v) for v in page.mediabox)
    return page.rotation == 0 and box[:2] == (0.0, 0.0) and page.cropbox == page.mediabox


class _Geometry:
    """Turns PDF user space (y up) into pdfplumber's page space (``top`` down from the top)."""

    def __init__(self, height: float, doctop: float, page_number: int) -> None:
        self.height, self.doctop, self.page_number = height, doctop, page_number

    def box(self, x0: float, y0: float, x1: float, y1: float) -> dict[str, Any]:
        top = self.height - y1
        return {
            "page_number": self.page_number,
            "x0": x0,
            "x1": x1,
            "y0": y0,
            "y1": y1,
            "width": x1 - x0,
            "height": y1 - y0,
            "top": top,
            "bottom": self.height - y0,
            "doctop": self.doctop + top,
        }

    def points(self, points: list[_Point]) -> list[_Point]:
        return [(x, self.height - y) for x, y in points]


def _chars(textpage: Any, geometry: _Geometry) -> list[dict[str, Any]] | None:
    """Each printed character with pdfminer's box, or ``None`` when a character is turned
    (rotated text, whose box pdfminer draws otherwise).

    pdfminer's box runs from the origin's descent up one font size, and across
    the advance, slanted with the text (an oblique figure's box leans right).
    PDFium's loose box has the same left and bottom but runs up to the font's
    ascent: its height is put back to the font size, and a slanted box's right
    edge with it.
    """
    chars = []
    box = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    for index in range(pdfium_c.FPDFText_CountChars(textpage)):
        if pdfium_c.FPDFText_IsGenerated(textpage, index):
            continue  # a space or line break PDFium inferred; pdfminer has none
        pdfium_c.FPDFText_GetMatrix(textpage, index, matrix)
        if matrix.b != 0 or matrix.a * matrix.d <= 0 or matrix.c * matrix.b > 0:
            return None
        pdfium_c.FPDFText_GetLooseCharBox(textpage, index, box)
        font_size = pdfium_c.FPDFText_GetFontSize(textpage, index)
        size = font_size * abs(matrix.d)
        right = box.right + matrix.c * (font_size - (box.top - box.bottom) / matrix.d)
        char = geometry.box(box.left, box.bottom, right, box.bottom + size)
        char.update(
            object_type="char",
            text=chr(pdfium_c.FPDFText_GetUnicode(textpage, index)),
            size=size,
            upright=True,
            matrix=(matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f),
        )
        chars.append(char)
    return chars


def _paths(page: Any, geometry: _Geometry) -> dict[str, list[dict[str, Any]]]:
    """The page's painted paths as pdfminer's lines, rects and curves, form objects included."""
    found: dict[str, list[dict[str, Any]]] = {"rect": [], "line": [], "curve": []}

    def walk(count: int, get: Callable[[int], Any], outer: _Matrix) -> None:
        for index in range(count):
            obj = get(index)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            matrix = _times(_matrix_of(obj), outer)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                walk(pdfium_c.FPDFFormObj_CountObjects(obj), _form_objects(obj), matrix)
            elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                for shape, points in _subpaths(obj, matrix):
                    kind_, item = _classify(shape, points, geometry)
                    item.update(_paint(obj), object_type=kind_)
                    found[kind_].append(item)

    walk(
        pdfium_c.FPDFPage_CountObjects(page),
        lambda i: pdfium_c.FPDFPage_GetObject(page, i),
        _IDENTITY,
    )
    return found


def _form_objects(form: Any) -> Callable[[int], Any]:
    return lambda index: pdfium_c.FPDFFormObj_GetObject(form, index)


def _matrix_of(obj: Any) -> _Matrix:
    m = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, m)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _times(m: _Matrix, n: _Matrix) -> _Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _subpaths(obj: Any, matrix: _Matrix) -> list[tuple[str, list[_Point]]]:
    """The path cut at each move, as pdfminer's operator letters (``m``, ``l``, ``c``, ``h``)
    and the points they end at, in user space."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[tuple[str, list[_Point]]] = []
    shape, points = "", list[_Point]()
    control = 0  # PDFium gives a Bézier curve as three segments: two control points, the end
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if shape:
                subpaths.append((shape, points))
            shape, points = "m", [point]
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            shape, points = shape + "l", [*points, point]
        else:
            control = (control + 1) % 3
            if control:
                continue
            shape, points = shape + "c", [*points, point]
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            shape, points = shape + "h", [*points, points[0]]
    if shape:
        subpaths.append((shape, points))
    return subpaths


def _classify(shape: str, points: list[_Point], geometry: _Geometry) -> tuple[str, dict[str, Any]]:
    """A line, rect or curve by pdfminer's rules (``PDFLayoutAnalyzer.paint_path``)."""
    if len(shape) > 3 and shape.endswith("lh") and points[-2] == points[0]:
        shape, points = shape[:-2] + "h", points[:-1]  # a closing line drawn twice
    if shape in ("ml", "mlh"):
        return "line", _bounds(points[:2], geometry)
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = points
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        )
        if points[0] == points[4] and square:
            box = _bounds([points[0], points[2]], geometry)
            del box["pts"]
            return "rect", box
    return "curve", _bounds(points, geometry)


def _bounds(points: list[_Point], geometry: _Geometry) -> dict[str, Any]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    item = geometry.box(min(xs), min(ys), max(xs), max(ys))
    item["pts"] = geometry.points(points)
    return item


def _paint(obj: Any) -> dict[str, Any]:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke)
    width = ctypes.c_float()
    pdfium_c.FPDFPageObj_GetStrokeWidth(obj, width)
    return {
        "stroke": bool(stroke.value),
        "fill": fill.value != 0,
        "evenodd": fill.value == pdfium_c.FPDF_FILLMODE_ALTERNATE,
        "linewidth": width.value,
    }
