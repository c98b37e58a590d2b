"""The narrative (情况说明) as paragraphs and sentences, each number with its line.

PDF text wraps a sentence anywhere, even inside ``37.53 万`` / ``元``, with
blank lines between. Lines are joined for reading while a character-to-line
map keeps the line of every number.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from budget_audit.layout import Part, is_page_number
from budget_audit.numbers import NumberToken, find_numbers, normalise
from budget_audit.source import SourceText

_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四]部分)"
)
_SENTENCE_END = re.compile(r"[。！？!?]")  # a ； joins the clauses of one list or enumeration
_PART_HEADING = re.compile(r"^\s*第[一二三四]部分")


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
    breaks: tuple[
        tuple[int, int], ...
    ] = ()  # (offset in text, line) where each source line begins;
    # the first line may begin before the sentence (a negative offset)

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
        """Append a line's text, with a space only where two words of Latin script or digits meet."""
        if self.text and self.text[-1].isalnum() and text[:1].isalnum() and text[:1].isascii():
            self.text += " "
        self.starts.append(len(self.text))
        self.lines.append(line)
        self.text += text

    def line_at(self, offset: int) -> int:
        """The line of the character at ``offset`` in the joined text."""
        return self.lines[bisect.bisect_right(self.starts, offset) - 1]


def read_narrative(
    source: SourceText, parts: list[Part], skip: Collection[int] = ()
) -> list[Paragraph]:
    """Paragraphs of the parts, each with its sentences and their numbers.

    A paragraph ends before a heading (``一、``, ``（二）``, ``1.``), before a
    tab-separated line, and after a line that ends a sentence with ``。`` or ``：``.
    Lines in ``skip`` (tables printed inside a part) are not prose.
    """
    paragraphs: list[Paragraph] = []
    joined = _Joined()
    numbers = [n for part in parts for n in range(part.first_line, part.last_line + 1)]
    previous = 0
    for number in numbers:
        text = normalise(source.line(number)).strip()
        if not text or is_page_number(text) or number in skip:
            continue
        after_gap = any(n in skip for n in range(previous + 1, number)) or (
            previous and not any(p.first_line <= previous < number <= p.last_line for p in parts)
        )
        previous = number
        starts_new = (
            not paragraphs
            or after_gap
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
    """A part heading (``第三部分 …情况说明``) is a paragraph of its own.

    Shorter numbered titles (``二、收入预算安排情况``) are not treated so: in
    PDF text they cannot be told from the first half of a wrapped sentence
    (``（1）其他政府办公厅（室）及相`` / ``关机构事务支出 178 万元``).
    """
    return _PART_HEADING.match(text) is not None


def _finish(paragraph: Paragraph, joined: _Joined) -> None:
    paragraph.text = joined.text
    start = 0
    for match in _SENTENCE_END.finditer(joined.text + "。"):
        end = min(match.end(), len(joined.text))
        piece = joined.text[start:end]
        text = piece.strip()
        if text:
            base = start + len(piece) - len(piece.lstrip())
            # where each line the sentence touches begins, relative to the sentence (the first may be < 0)
            breaks = tuple(
                (offset - base, line)
                for index, (offset, line) in enumerate(
                    zip(joined.starts, joined.lines, strict=True)
                )
                if offset < base + len(text)
                and (index + 1 == len(joined.starts) or joined.starts[index + 1] > base)
            )
            first = joined.line_at(base)
            sentence = Sentence(text, first, joined.line_at(base + len(text) - 1), (), breaks)
            numbers = tuple(
                NarrativeNumber(token, sentence.line_at(token.start))
                for token in find_numbers(text, loose=True)
            )
            paragraph.sentences.append(
                Sentence(text, sentence.first_line, sentence.last_line, numbers, sentence.breaks)
            )
        start = match.end()


def passage(source: SourceText, first_line: int, last_line: int) -> Sentence:
    """Lines ``first_line``..``last_line`` joined for reading, as one :class:`Sentence`.

    Checks of wording (a doubled ``。。``, a unit typo wrapped as ``272 万`` /
    ``云``) read a paragraph whole, across its sentence ends and line breaks,
    while each character keeps its line.
    """
    joined = _Joined()
    for number in range(first_line, last_line + 1):
        text = normalise(source.line(number)).strip()
        if text and not is_page_number(text):
            joined.add(number, text)
    breaks = tuple(zip(joined.starts, joined.lines, strict=True))
    return Sentence(joined.text, first_line, last_line, (), breaks)
