"""A disclosure saved from a web page: its visible text and tables, never its markup.

Some departments publish the 情况说明 as a web page, and a page saved to disk
carries styles, scripts and tags. The page is rendered as a reader sees it:
text of block elements on lines of their own, a table row as its cells,
scripts, styles and the head left out (Python's own :mod:`html.parser`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from budget_audit.source import SourceText
from budget_audit.sources.render import Cell, Rendering

_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "header",
        "footer",
        "tr",
        "table",
        "ul",
        "ol",
        "title",
    ]
)
_HIDDEN = frozenset(("script", "style", "head", "noscript", "template", "svg"))
_LOOKS_LIKE_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|body|div|p|table)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether decoded text is a web page rather than plain text."""
    return _LOOKS_LIKE_HTML.search(text[:5000]) is not None


class _PageText(HTMLParser):
    """Collects the page's lines: prose, and table rows as lists of cell texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[str | list[str]] = []
        self._hidden = 0
        self._text = ""
        self._row: list[str] | None = None
        self._cell: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "tr":
            self._flush()
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if any(self._row):
                self.items.append(self._row)
            self._row = None
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._cell is not None:
            self._cell += data
        elif self._row is None:
            self._text += data

    def _flush(self) -> None:
        text = " ".join(self._text.split())
        if text:
            self.items.append(text)
        self._text = ""

    def close(self) -> None:
        super().close()
        self._flush()


def render_html(text: str, name: str) -> SourceText:
    """The page's text as lines, its tables as rows of cells."""
    parser = _PageText()
    parser.feed(text)
    parser.close()
    rendering = Rendering(name, "html")
    for item in parser.items:
        if isinstance(item, str):
            rendering.prose(item)
        else:
            rendering.row([Cell(cell) for cell in item])
    return rendering.source()
