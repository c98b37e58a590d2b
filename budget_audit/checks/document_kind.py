"""What a document calls itself: a 部门预算 is not a 单位预算, a 预算 is not a 决算 (BA803).

A template copied from another kind of disclosure keeps the other kind's
name in a heading. The document's own kind is what its cover and part
headings call it most often; a heading that names another kind is the slip.
Only titles are read: a sentence may well mention another kind (所属单位预算,
上年决算) without being wrong.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from budget_audit.document import Document
from budget_audit.findings import Evidence
from budget_audit.messages import message
from budget_audit.numbers import normalise
from budget_audit.rule import Context, check_kind
from budget_audit.source import SourceText

_SELF_NAME = re.compile(r"(部门|单位)\s*(预算|决算)")
_PART_HEADING = re.compile(r"^\s*第[一二三四]部分")
_CONTENTS = re.compile(r"^\s*目\s*录\s*$")
_COMPLETE = re.compile(r"预算|决算|概况|名词解释")
_WRAP_LINES = 2  # a heading wrapped in PDF text goes on for at most this many lines


@dataclass(frozen=True)
class SelfName:
    """A name the document gives itself in a title: its line, what it says, the title."""

    line: int
    name: str
    title: str


def self_names(source: SourceText) -> list[SelfName]:
    """The kinds the cover and the part headings name (部门预算, 单位决算 …), in order."""
    names: list[SelfName] = []
    for line, title in _titles(source):
        for match in _SELF_NAME.finditer(title):
            names.append(SelfName(line, match.group(1) + match.group(2), title))
    return names


def _titles(source: SourceText) -> list[tuple[int, str]]:
    """The cover's lines (before the contents or the first part heading) and each part heading."""
    lines = [normalise(text).strip() for text in source.lines]
    first = next(
        (i for i, text in enumerate(lines) if _PART_HEADING.match(text) or _CONTENTS.match(text)),
        len(lines),
    )
    titles = [(i + 1, text) for i, text in enumerate(lines[:first]) if text]
    for index, text in enumerate(lines):
        if not _PART_HEADING.match(text):
            continue
        following = [t for t in lines[index + 1 : index + 6] if t][:_WRAP_LINES]
        while not _COMPLETE.search(text) and following:
            text += following.pop(0)
        titles.append((index + 1, text))
    return titles


def document_self_names(document: Document) -> list[SelfName]:
    """:func:`self_names` of the document's text, worked out once per document (its memo): this
    check and the ones that ask :func:`own_kind` read the same titles, and the text does not
    change once read."""
    return document.remembered("self names", lambda: self_names(document.source))


def own_kind(document: Document) -> str | None:
    """What the document calls itself most often in its titles (部门预算, 单位决算 …), if anything."""
    counts = Counter(name.name for name in document_self_names(document)).most_common(2)
    if not counts or (len(counts) > 1 and counts[0][1] == counts[1][1]):
        return None
    return counts[0][0]


@check_kind("document_kind")
def document_kind(context: Context) -> None:
    """Every title names the kind most titles name (部门 or 单位, 预算 or 决算)."""
    names = document_self_names(context.document)
    counts = Counter(name.name for name in names)
    if not counts:
        context.skip(message("document_kind.unnamed"))
        return
    ranked = counts.most_common()
    kind, count = ranked[0]
    if len(names) < 2:
        context.skip(message("document_kind.named_once"))
        return
    if len(ranked) > 1 and ranked[1][1] == count:
        context.skip(message("document_kind.no_majority", counts=str(dict(counts))))
        return
    usual = next(name for name in names if name.name == kind)
    source = context.document.source
    for name in names:
        if name.name == kind:
            continue
        context.report(
            message(
                "document_kind.other_kind",
                count=count,
                kind=kind,
                name=name.name,
                title=name.title[:40],
            ),
            [Evidence.at(source, name.line, name.name), Evidence.at(source, usual.line, kind)],
        )
