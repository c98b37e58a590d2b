"""Sections of the 情况说明 against their headings: a heading with nothing under it (BA906), a
heading whose text speaks of another section's subject (BA907).

The 情况说明 follows a template of numbered sections (一、… （一）…). Filling it in, a
publisher may leave a section empty or write one section's text under another's heading
(the 国有资产 paragraph under 国有资本经营预算支出). Only headings of the two upper levels are
read (``一、`` and ``（一）``; ``1.`` also numbers list items), and a heading is a short line
without a sentence end. A heading is mislabelled only when its text names none of its own
subject's words and names another subject's: both from the rule's vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from budget_audit.document import Document
from budget_audit.findings import Evidence
from budget_audit.layout import is_page_number
from budget_audit.messages import Term, message
from budget_audit.numbers import normalise
from budget_audit.params import ANY, INTEGER, ListOf, Param
from budget_audit.rule import Context, check_kind

_LEVELS = (
    re.compile(r"^[一二三四五六七八九十]+、"),
    re.compile(r"^[(][一二三四五六七八九十]+[)]"),
)
_LONGEST_HEADING = 40
_NOT_A_HEADING = re.compile(r"\d\s*(?:万|元|%)|[,，、;；]$|合计|比上年")


@dataclass(frozen=True)
class _Section:
    """A heading of the 情况说明 and the lines under it, up to the next heading of its level or
    above (its sub-sections are under it)."""

    line: int
    heading: str
    level: int
    body: tuple[tuple[int, str], ...]  # (line, text) of every non-empty line under it


def _level(text: str) -> int | None:
    """The heading level of a line, or ``None`` for prose: a sentence (。), an amount or a rate, or
    a line that goes on in the next (PDF text wraps ``(一)2026 年部门政府采购预算支出合计``)."""
    if len(text) > _LONGEST_HEADING or "。" in text or _NOT_A_HEADING.search(text):
        return None
    return next((depth for depth, p in enumerate(_LEVELS) if p.match(text)), None)


def sections(document: Document) -> Iterator[_Section]:
    """The headed sections of the 情况说明 parts, in order. A table's row or a line of cells
    (``二、事业收入 \t 2,620,000``) is never a heading, but is content under one."""
    in_tables = {n for t in document.tables for n in range(t.first_line, t.last_line + 1)}
    in_tables |= {n for b in document.title_only for n in range(b.title_line, b.last_line + 1)}
    for part in (p for p in document.parts if p.name == "情况说明"):
        lines = [
            (number, text, number not in in_tables and "\t" not in document.source.line(number))
            for number in range(part.first_line + 1, part.last_line + 1)
            if (text := normalise(document.source.line(number)).strip())
            and not is_page_number(text)
        ]
        for index, (number, text, prose) in enumerate(lines):
            level = _level(text) if prose else None
            if level is None:
                continue
            body: list[tuple[int, str]] = []
            for other, other_text, other_prose in lines[index + 1 :]:
                other_level = _level(other_text) if other_prose else None
                if other_level is not None and other_level <= level:
                    break
                body.append((other, other_text))
            yield _Section(number, text, level, tuple(body))


@check_kind("empty_sections")
def empty_sections(context: Context) -> None:
    """A heading of the 情况说明 followed at once by the next heading of its level (or above)."""
    found = list(sections(context.document))
    for section, following in pairwise(found):
        if section.body or following.level > section.level:
            continue
        context.report(
            message("parts.empty", heading=section.heading, following=following.heading),
            [
                Evidence.at(context.document.source, section.line, section.heading),
                Evidence.at(context.document.source, following.line, following.heading),
            ],
        )


@check_kind(
    "section_subjects",
    subjects=Param(
        ListOf(ANY),
        help="each subject: name, heading (words naming it in a heading), text (words its text uses)",
    ),
    shortest_text=Param(INTEGER, 10, help="fewer characters under a heading say too little"),
)
def section_subjects(context: Context) -> None:
    """A heading names one subject and its text none of that subject's words but another's."""
    subjects: list[dict[str, Any]] = context.rule.params["subjects"]
    for section in sections(context.document):
        text = "".join(t for _, t in section.body)
        if len(text) < context.rule.params["shortest_text"]:
            continue
        named = [s for s in subjects if any(w in section.heading for w in s["heading"])]
        if len(named) != 1 or any(w in text for w in named[0]["text"]):
            continue
        others = [
            s
            for s in subjects
            if s is not named[0]
            and any(w in text for w in s["text"])
            and not any(w in section.heading for w in s["heading"])
        ]
        if len(others) != 1:
            continue
        other = others[0]
        word = next(w for w in other["text"] if w in text)
        line = (
            next(number for number, t in section.body if word in t)
            if any(word in t for _, t in section.body)
            else section.body[0][0]
        )
        context.report(
            message(
                "parts.other_subject",
                heading=section.heading,
                named=Term(named[0]["name"]),
                other=Term(other["name"]),
                word=word,
            ),
            [
                Evidence.at(context.document.source, section.line, section.heading),
                Evidence.at(context.document.source, line, word),
            ],
        )
