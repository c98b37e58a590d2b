"""PDF disclosures with a text layer, read with pdfplumber (MIT) on objects PDFium reads.

Each page's characters and ruling lines come from PDFium
(:mod:`~budget_audit.sources.pdfium_objects`, pdfminer where PDFium cannot
serve), and each page is read once: its ruled tables through pdfplumber's table finder
(only on pages that draw rules), its prose as the text lines outside those
tables. Both are rendered in reading order (top to bottom) by
:class:`~budget_audit.sources.render.Rendering`, a table row as its cells.
Grids are tidied the way a reader would: columns and rows empty throughout are
dropped, a code printed as 类 | 款 | 项 cells becomes one code (``201 | 13 |
01`` → ``2011301``), and page furniture (page numbers, running heads, contents
leaders) is left out of the prose.
"""

from __future__ import annotations

import itertools
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from budget_audit.errors import InputError
from budget_audit.numbers import normalise
from budget_audit.source import SourceText
from budget_audit.sources.grid_tidy import code_columns, joined
from budget_audit.sources.render import Cell, Rendering, join_cell_text, strip_leaders

_PAGE_NUMBER = re.compile(r"^[\s\-—─–_]*(?:第\s*)?\d{1,4}(?:\s*页)?[\s\-—─–_]*$")
_ROW_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_AMOUNT = re.compile(r"^-?[\d,]+(?:\.\d+)?$")


@dataclass(frozen=True)
class PdfSettings:
    """Bounds on what one PDF may cost; a file beyond them is refused, not half-read."""

    max_pages: int = 300
    seconds_per_page: float = 10.0
    min_rules_for_tables: int = 4  # a page drawing fewer lines and boxes holds no ruled table


def read_pdf(path: Path, settings: PdfSettings | None = None) -> SourceText:
    """Render the PDF at ``path``; raise :class:`InputError` for a file that cannot be read."""
    import pdfplumber  # imported here: text users never pay for it
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    from budget_audit.sources.pdfium_objects import pdfium_pages

    settings = settings or PdfSettings()
    try:
        pdf = pdfplumber.open(path)
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise InputError(
            f"{path.name}: the PDF is encrypted; save an unprotected copy and try again"
        ) from error
    except Exception as error:  # pdfminer raises many kinds for a damaged file
        raise InputError(
            f"{path.name}: not a readable PDF ({type(error).__name__}); "
            "the file may be truncated or damaged"
        ) from error
    with pdf:
        try:
            pages = pdf.pages
        except Exception as error:
            raise InputError(
                f"{path.name}: the PDF's page tree cannot be read ({error})"
            ) from error
        if len(pages) > settings.max_pages:
            raise InputError(
                f"{path.name}: {len(pages)} pages, more than the limit of {settings.max_pages}; "
                "split the file or raise the limit (--max-pages)"
            )
        rendering = Rendering(path.name, "pdf")
        page_lines = []
        shape: _Shape | None = None
        pages, close_pdfium = pdfium_pages(pages, path)
        try:
            for number, page in enumerate(pages, start=1):
                started = time.monotonic()
                try:
                    items, shape = _page_items(page, settings, shape)
                    page_lines.append(items)
                    page.close()  # each page is read once: drop its parsed objects (half the peak memory)
                except Exception as error:
                    raise InputError(
                        f"{path.name}: page {number} cannot be read ({type(error).__name__}); "
                        "the file may be damaged"
                    ) from error
                if time.monotonic() - started > settings.seconds_per_page:
                    raise InputError(
                        f"{path.name}: page {number} took more than {settings.seconds_per_page:g} s "
                        "to read; the PDF is too complex to audit within this limit "
                        "(raise it with --seconds-per-page)"
                    )
        finally:
            close_pdfium()
    if not any(items for items in page_lines):
        raise InputError(
            f"{path.name}: the PDF has no text layer (a scanned image?); "
            "run OCR on it first (for example with ocrmypdf) and try again"
        )
    page_lines = _carry_table_numbers(page_lines)
    furniture = _running_heads(page_lines)
    for number, items in enumerate(page_lines, start=1):
        for item in items:
            if isinstance(item, _Prose):
                if not (item.at_edge and item.text in furniture):
                    rendering.prose(item.text, page=number)
            else:
                rendering.row(item, page=number)
    return rendering.source()


@dataclass(frozen=True)
class _Prose:
    text: str
    at_edge: bool  # in the top or bottom margin, where running heads and page numbers stand


_Item = _Prose | list[Cell]


@dataclass(frozen=True)
class _Shape:
    """How a table's columns were tidied, so that its continuation on the next page, which
    repeats no header, is tidied the same way."""

    width: int
    keep: tuple[int, ...]
    codes: tuple[int, int] | None  # (first column, how many) of the 类/款/项 cells


def _page_items(
    page: Any, settings: PdfSettings, shape: _Shape | None
) -> tuple[list[_Item], _Shape | None]:
    """The page's prose lines and table rows, top to bottom, and the shape of its last table."""
    tables = []
    if len(page.rects) + len(page.lines) >= settings.min_rules_for_tables:
        tables = [t for t in page.find_tables() if len(t.rows) > 1]
    boxes = [table.bbox for table in tables]

    def outside(obj: dict[str, Any]) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    prose = page.filter(outside) if boxes else page
    positioned: list[tuple[float, int, _Item]] = []
    height = float(page.height)
    for order, line in enumerate(prose.extract_text_lines(return_chars=False)):
        text = strip_leaders(normalise(line["text"])).strip()
        at_edge = line["top"] > 0.9 * height or line["bottom"] < 0.08 * height
        if not text or (at_edge and _PAGE_NUMBER.match(text)):
            continue
        positioned.append((float(line["top"]), order, _Prose(text, at_edge)))
    words = page.extract_words() if tables else []
    for table in sorted(tables, key=lambda t: t.bbox[1]):
        rows, shape = _grid_rows(table, shape, words)
        for order, (top, cells) in enumerate(rows):
            heading = (
                _caption(cells) if order == 0 or isinstance(positioned[-1][2], _Prose) else None
            )
            item: _Item = _Prose(heading, False) if heading is not None else cells
            positioned.append((top, 10_000 + order, item))
    positioned.sort(key=lambda item: (item[0], item[1]))
    return _join_table_numbers(_join_wrapped_titles([item for _, _, item in positioned])), shape


_QUOTES_ONLY = re.compile(r"^[\s“”\"'‘’]+$")
_NUMERAL = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_TABLE_NUMBER = re.compile(rf"^(?:公开|附)?\s*(?:表\s*{_NUMERAL}|{_NUMERAL}\s*表)$")


def _carry_table_numbers(pages: list[list[_Item]]) -> list[list[_Item]]:
    """A table number left alone at the foot of a page, moved to the head of the next page when
    that page opens with a title (``公开04表`` on p15, ``财政拨款收支预算总表`` atop p16)."""
    carried = [list(items) for items in pages]
    for items, following in itertools.pairwise(carried):
        last = items[-1] if items else None
        if isinstance(last, _Prose) and _TABLE_NUMBER.match(last.text) and following:
            joined = _join_table_numbers([_Prose(last.text, False), following[0]])
            if len(joined) == 1:
                items.pop()
                following[0] = joined[0]
    return carried


def _join_table_numbers(items: list[_Item]) -> list[_Item]:
    """A table's number set on a line of its own above its title (``公开02表`` / ``收入预算总表``)
    as one line with it: alone, its digits would stand in the previous table's last rows.
    ``items`` may run over pages: a number left at the foot of a page joins the title that
    opens the next one."""
    joined: list[_Item] = []
    for item in items:
        previous = joined[-1] if joined else None
        if (
            isinstance(item, _Prose)
            and isinstance(previous, _Prose)
            and _TABLE_NUMBER.match(previous.text)
            and "表" in item.text
        ):
            joined[-1] = _Prose(f"{previous.text} {item.text}", previous.at_edge)
            continue
        joined.append(item)
    return joined


def _join_wrapped_titles(items: list[_Item]) -> list[_Item]:
    """A table title wrapped over lines (``…培训费支出预`` / ``“ ”`` / ``算表``) as one line.

    A short line that ends a title (``…表``) right after a line that ends no
    sentence continues it; a line of bare quotation marks between them is the
    quotes of a word like “三公” set on their own baseline.
    """
    joined: list[_Item] = []
    for item in items:
        if (
            isinstance(item, _Prose)
            and len(item.text) <= 6
            and item.text.endswith("表")
            and joined
            and isinstance(joined[-1], _Prose)
        ):
            quotes = ""
            last = joined[-1]
            if isinstance(last, _Prose) and _QUOTES_ONLY.match(last.text) and len(joined) > 1:
                quotes = last.text
                joined.pop()
            previous = joined[-1]
            if isinstance(previous, _Prose) and not previous.text.endswith(
                ("。", ";", "；", ":", "：", "表")
            ):
                joined[-1] = _Prose(
                    previous.text + quotes.replace(" ", "") + item.text, previous.at_edge
                )
                continue
            if quotes:
                joined.append(_Prose(quotes, False))
        joined.append(item)
    return joined


def _grid_rows(
    table: Any, previous: _Shape | None, words: list[dict[str, Any]]
) -> tuple[list[tuple[float, list[Cell]]], _Shape]:
    """The table's rows as cells, tidied: empty columns and rows dropped, code columns joined.

    A table that opens with figures, no header of its own, continues the
    previous page's table and is tidied with its shape when it has as many
    columns; otherwise its columns are kept as they are (dropping an empty one
    would move the figures right of it into the wrong column).
    """
    texts = table.extract()
    _realign_header(table, texts, words)
    boxes = [list(row.cells) for row in table.rows]
    _realign_figures(table, texts, boxes)
    grid: list[list[Cell]] = []
    tops: list[float] = []
    for row, row_texts, row_boxes in zip(table.rows, texts, boxes, strict=True):
        cells = [
            Cell(join_cell_text(text), tuple(box) if box is not None else None)
            for text, box in zip(row_texts, row_boxes, strict=True)
        ]
        grid.append(_mend_split_words(cells, words))
        tops.append(float(row.bbox[1]))
    width = max((len(r) for r in grid), default=0)
    grid = [r + [Cell("")] * (width - len(r)) for r in grid]
    continued = not _has_header(grid)
    if continued and previous is not None and previous.width == width:
        shape = previous
    elif continued:
        shape = _Shape(width, tuple(range(width)), None)
    else:
        # a caption ruled into the frame (部门名称：… 单位：万元) is read as prose: it keeps no column
        body = [r for r in grid if _caption(r) is None]
        keep = tuple(c for c in range(width) if any(r[c].text for r in body))
        kept = [[r[c] for c in keep] for r in grid]
        shape = _Shape(width, keep, code_columns(kept))
    grid = [
        [r[c] for c in shape.keep] if _caption(r) is None else _one_cell(r, len(shape.keep))
        for r in grid
    ]
    if shape.codes is not None:
        grid = [joined(row, *shape.codes) for row in grid]
    rows = [
        (top, cells) for top, cells in zip(tops, grid, strict=True) if any(c.text for c in cells)
    ]
    return _rejoin_split_rows(rows), shape


def _header_columns(
    table: Any, texts: list[list[str | None]]
) -> tuple[int, int, list[float]] | None:
    """The table's width, its first row of figures and its column edges (each column's left, then
    the table's right), for realigning a header or its figures; ``None`` when there is no header
    over figures or the cell boxes do not draw the columns one by one."""
    width = max((len(r) for r in texts), default=0)
    first = next((i for i, r in enumerate(texts) if any(c and _AMOUNT.match(c) for c in r)), 0)
    lefts = sorted({box[0] for row in table.rows for box in row.cells if box is not None})
    if not first or len(lefts) != width:
        return None
    return width, first, [*lefts, table.bbox[2]]


def _realign_header(table: Any, texts: list[list[str | None]], words: list[dict[str, Any]]) -> None:
    """Put each header label over the column of figures it names, in place.

    The table finder gives a merged header cell's text to the first column of
    its span, and a publisher's rules may start that span on a narrow spacer
    column: Jiangsu's ``小计`` stands over 484.30 on the page but comes out a
    column left of it. A label whose own column holds no figure and whose
    printed words are centred outside that column moves to the first column of
    its span that holds figures; a label printed over its own column (a 购置费
    whose figure is left empty) stays.
    """
    columns = _header_columns(table, texts)
    if columns is None:
        return
    width, first, edges = columns
    figures = {c for r in texts[first:] for c, t in enumerate(r) if t and _AMOUNT.match(t)}
    for cells, row in zip(texts[:first], table.rows[:first], strict=True):
        for c, text in enumerate(cells):
            box = row.cells[c]
            if not text or c in figures or box is None:
                continue
            printed = [
                w for w in words
                if box[0] <= (w["x0"] + w["x1"]) / 2 <= box[2]
                and box[1] <= (w["top"] + w["bottom"]) / 2 <= box[3]
            ]  # fmt: skip
            if not printed:
                continue
            centre = (min(w["x0"] for w in printed) + max(w["x1"] for w in printed)) / 2
            if edges[c] <= centre <= edges[c + 1]:
                continue
            span = [k for k in range(c + 1, width) if edges[k + 1] <= box[2] + 0.5]  # its columns
            target = next((k for k in span if k in figures), None)
            if target is not None:
                cells[target], cells[c] = text, ""


def _realign_figures(table: Any, texts: list[list[str | None]], boxes: list[list[Any]]) -> None:
    """Put each figure under the header label of its column, in place.

    The mirror of :func:`_realign_header`: a figure's cell may be ruled wider
    than its label's, over the narrow spacer columns either side (Jiangsu's
    支出总表 prints ``合计`` in a column of its own and 24169.74 in a cell that
    spans it and the spacers), and the table finder gives the figure to the
    first, unlabelled, column of its span. A figure whose column has no label
    moves, with its box, to the one column its cell spans that is labelled and
    holds no figure of its own.
    """
    columns = _header_columns(table, texts)
    if columns is None:
        return
    width, first, edges = columns
    labelled = {c for r in texts[:first] for c, t in enumerate(r) if t}
    labelled -= {c for r in texts[first:] for c, t in enumerate(r) if t and _AMOUNT.match(t)}
    for cells, row_boxes in zip(texts[first:], boxes[first:], strict=True):
        for c, text in enumerate(cells):
            box = row_boxes[c]
            if not _AMOUNT.match(text or "") or _ROW_CODE.match(text or "") or box is None:
                continue  # not a figure (a 科目 code stays in its own column)
            if c in labelled:
                continue
            span = [k for k in range(c + 1, width) if edges[k + 1] <= box[2] + 0.5]
            targets = [k for k in span if k in labelled and not cells[k]]
            if len(targets) == 1:
                (target,) = targets
                cells[target], cells[c] = text, ""
                row_boxes[target], row_boxes[c] = box, None


def _one_cell(cells: list[Cell], width: int) -> list[Cell]:
    """A caption row's texts in its first cell, the row ``width`` cells wide: its texts may
    stand in columns the table's body leaves empty, which tidying drops."""
    text = " ".join(c.text for c in cells if c.text)
    return [Cell(text, cells[0].box, cells[0].ref), *[Cell("")] * (width - 1)]


def _mend_split_words(cells: list[Cell], words: list[dict[str, Any]]) -> list[Cell]:
    """Put back together a figure the table finder cut in two at a column rule.

    A figure printed across a rule (Jiangsu's ``267.80`` over the line between
    two 公务用车 columns) comes out as ``267.8 | 0``. When one word on the page
    spans the boundary of two neighbouring cells and its text is exactly theirs
    joined, it is one figure: it goes in the cell where it starts, and the
    other cell is left empty.
    """
    mended = list(cells)
    for index in range(len(mended) - 1):
        left, right = mended[index], mended[index + 1]
        if not (left.text and right.text and left.box and right.box):
            continue
        boundary, whole = left.box[2], left.text + right.text
        if any(
            w["text"] == whole
            and w["x0"] < boundary < w["x1"]
            and left.box[1] <= (w["top"] + w["bottom"]) / 2 <= left.box[3]
            for w in words
        ):
            box = (left.box[0], left.box[1], right.box[2], right.box[3])
            mended[index] = Cell(whole, box, left.ref)
            mended[index + 1] = Cell("", right.box, right.ref)
    return mended


def _rejoin_split_rows(rows: list[tuple[float, list[Cell]]]) -> list[tuple[float, list[Cell]]]:
    """Put a row's figures back beside its label when the publisher drew them a rule apart.

    Some tables (Jiangsu's) rule each item as a label row over a figures row:
    ``301 | 工资福利支出 |`` then ``| | 10,204.52``. A row of figures with no label
    cannot stand alone, so when the row above holds labels and no figures, and the
    two fill different cells, they are one row.
    """
    joined: list[tuple[float, list[Cell]]] = []
    for top, cells in rows:
        if joined and _figures_only(cells) and _labels_only(joined[-1][1]):
            above = joined[-1][1]
            if all(not (a.text and b.text) for a, b in zip(above, cells, strict=True)):
                joined[-1] = (
                    joined[-1][0],
                    [a if a.text else b for a, b in zip(above, cells, strict=True)],
                )
                continue
        joined.append((top, cells))
    return joined


def _figures_only(cells: list[Cell]) -> bool:
    texts = [c.text for c in cells if c.text]
    return bool(texts) and all(_AMOUNT.match(t) for t in texts)


def _labels_only(cells: list[Cell]) -> bool:
    """A row that opens with a 科目 code (or is the 合计 row) and holds no figures: a label
    row waiting for its figures. A header row (``功能科目代码 | 功能科目名称``) is not one."""
    texts = [c.text for c in cells if c.text]
    opens = texts[0] if texts else ""
    return (
        _ROW_CODE.match(opens) is not None or opens.replace(" ", "") in ("合计", "总计")
    ) and not any(_AMOUNT.match(t) for t in texts[1:])


def _caption(cells: list[Cell]) -> str | None:
    """A table's title or its 编制单位/单位 line drawn inside its frame, read as the prose it is.

    Some publishers rule the title and unit rows into the table; as grid rows
    they would hide the title from the layout and the unit from the reader.
    """
    texts = [c.text for c in cells if c.text]
    if len(texts) == 1 and texts[0].endswith("表"):
        return texts[0]
    if any(re.search(r"单位\s*[:：]", t) for t in texts) and not any(
        _AMOUNT.match(t) for t in texts
    ):
        return " ".join(texts)
    return None


def _has_header(grid: list[list[Cell]]) -> bool:
    """Whether the table opens with a row of words (a header) rather than with figures."""
    for row in grid:
        texts = [c.text for c in row if c.text]
        if texts:
            return not any(_AMOUNT.match(t) for t in texts)
    return False


def _running_heads(pages: list[list[_Item]]) -> set[str]:
    """Prose lines that open or close at least three pages the same way (running heads, footers)."""
    counts: Counter[str] = Counter()
    for items in pages:
        for text in {i.text for i in items if isinstance(i, _Prose) and i.at_edge}:
            counts[text] += 1
    return {text for text, count in counts.items() if count >= 3 and not _looks_like_title(text)}


def _looks_like_title(text: str) -> bool:
    """A table title may open several pages (continued tables); it is not furniture."""
    return "表" in text


def draw_pages(path: Path, folder: Path, settings: PdfSettings | None = None) -> list[Path]:
    """Write each page as a PNG with the tables and cells the reader found drawn on it.

    The same table finder and settings as :func:`read_pdf`, drawn by
    pdfplumber's visual debugging (rendered through pypdfium2): what a reviewer
    who doubts a finding and a developer chasing a misread cell both look at.
    """
    import pdfplumber

    from budget_audit.sources.pdfium_objects import pdfium_pages

    settings = settings or PdfSettings()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with pdfplumber.open(path) as pdf:
        pages, close_pdfium = pdfium_pages(pdf.pages, path)
        try:
            for number, page in enumerate(pages, start=1):
                image = page.to_image(resolution=96)
                if len(page.rects) + len(page.lines) >= settings.min_rules_for_tables:
                    image.debug_tablefinder()
                target = folder / f"{path.stem}-p{number:03d}.png"
                image.save(target)
                written.append(target)
        finally:
            close_pdfium()
    return written
