"""The narrative (情况说明) as paragraphs and sentences, each number with its line.

PDF text wraps a sentence anywhere, even inside ``37.53 万`` / ``元``, with
blank lines between. Lines are joined for reading while a character-to-line
map keeps the line of every number.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from budget_audit.layout import Part, is_page_number
from budget_audit.numbers import NumberToken, find_numbers, normalise
from budget_audit.source import SourceText

_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四]部分)"
)
_SENTENCE_END = re.compile(r"[。；;！？!?]")


@dataclass(frozen=True)
class NarrativeNumber:
    """A number in the narrative, with its line."""

    token: NumberToken
    line: int


@dataclass(frozen=True)
class Sentence:
    """A sentence: its joined text, its line span, its numbers, and where each line begins in it."""

    text: str
    first_line: int
    last_line: int
    numbers: tuple[NarrativeNumber, ...]
    breaks: tuple[tuple[int, int], ...] = ()  # (offset in text, line) where each source line begins

    def line_at(self, offset: int) -> int:
        """The source line of the character at ``offset`` in :attr:`text`."""
        line = self.first_line
        for start, number in self.breaks:
            if start <= offset:
                line = number
        return line


@dataclass
class Paragraph:
    """Consecutive lines of one paragraph, joined."""

    first_line: int
    last_line: int
    text: str = ""
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class _Joined:
    text: str = ""
    starts: list[int] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def add(self, line: int, text: str) -> None:
        if self.text and self.text[-1].isalnum() and text[:1].isalnum() and text[:1].isascii():
            self.text += " "
        self.starts.append(len(self.text))
        self.lines.append(line)
        self.text += text

    def line_at(self, offset: int) -> int:
        return self.lines[bisect.bisect_right(self.starts, offset) - 1]


def read_narrative(source: SourceText, part: Part | None) -> list[Paragraph]:
    """Paragraphs of the part, each with its sentences and their numbers.

    A paragraph ends before a heading (``一、``, ``（二）``, ``1.``), before a
    tab-separated line, and after a line that ends a sentence with ``。`` or ``：``.
    """
    if part is None:
        return []
    paragraphs: list[Paragraph] = []
    joined = _Joined()
    for number in range(part.first_line, part.last_line + 1):
        text = normalise(source.line(number)).strip()
        if not text or is_page_number(text):
            continue
        starts_new = (
            not paragraphs
            or _HEADING.match(text) is not None
            or "\t" in source.line(number)
            or joined.text.endswith(("。", "：", ":"))
            or _is_heading(joined.text)
        )
        if starts_new:
            if paragraphs:
                _finish(paragraphs[-1], joined)
            paragraphs.append(Paragraph(number, number))
            joined = _Joined()
        joined.add(number, text)
        paragraphs[-1].last_line = number
    if paragraphs:
        _finish(paragraphs[-1], joined)
    return paragraphs


def _is_heading(text: str) -> bool:
    """A short numbered title line (``二、收入预算安排情况``) is a paragraph of its own."""
    heading = _HEADING.match(text)
    return (
        heading is not None
        and len(text) <= 22
        and not _SENTENCE_END.search(text)
        and not re.search(r"\d", text[heading.end() :])
    )


def _finish(paragraph: Paragraph, joined: _Joined) -> None:
    paragraph.text = joined.text
    start = 0
    for match in _SENTENCE_END.finditer(joined.text + "。"):
        end = min(match.end(), len(joined.text))
        piece = joined.text[start:end]
        text = piece.strip()
        if text:
            base = start + len(piece) - len(piece.lstrip())
            breaks = tuple(
                (offset - base, line)
                for offset, line in zip(joined.starts, joined.lines, strict=True)
                if base < offset < base + len(text)
            )
            first = joined.line_at(base)
            sentence = Sentence(
                text, first, joined.line_at(base + len(text) - 1), (), ((0, first), *breaks)
            )
            numbers = tuple(
                NarrativeNumber(token, sentence.line_at(token.start))
                for token in find_numbers(text, loose=True)
            )
            paragraph.sentences.append(
                Sentence(text, sentence.first_line, sentence.last_line, numbers, sentence.breaks)
            )
        start = match.end()
