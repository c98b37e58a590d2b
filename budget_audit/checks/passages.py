"""The document's text as passages for checks of wording: paragraphs of prose, lines elsewhere.

Template leftovers, unit typos and doubled punctuation can stand anywhere: in
the 概况 and 情况说明 (read a paragraph at a time, so a typo wrapped over two
lines is seen whole), and in the contents page, the tables' prose cells and
the 名词解释 (read a line at a time).
"""

from __future__ import annotations

from budget_audit.document import Document
from budget_audit.narrative import Sentence, passage
from budget_audit.numbers import normalise


def passages(document: Document) -> list[Sentence]:
    """Every passage of the document in line order; each character knows its line.

    Several rules read them in turn: worked out once per document (its memo), as they depend
    on the document alone, which does not change once read.
    """
    return document.remembered("passages", lambda: _read(document))


def _read(document: Document) -> list[Sentence]:
    source = document.source
    found: list[Sentence] = []
    prose: set[int] = set()
    for paragraph in [*document.overview, *document.narrative]:
        found.append(passage(source, paragraph.first_line, paragraph.last_line))
        prose.update(range(paragraph.first_line, paragraph.last_line + 1))
    for number, text in enumerate(source.lines, start=1):
        if number not in prose and text.strip():
            found.append(Sentence(normalise(text).strip(), number, number, ()))
    return sorted(found, key=lambda s: s.first_line)
