"""The numbers of a text part's sections run in order: (五) is followed by (六), not (十二).

The 概况, the 情况说明 and the 名词解释 number their sections ``一、`` … and
``（一）`` …. A number skipped or repeated says a section was deleted, pasted
twice or copied from a longer template. Only the two upper levels are read:
``1.`` and ``(1)`` also number items inside a sentence, where a wrapped line can
begin with any of them. A number counts only where a paragraph begins (the line
before ends a sentence, a clause or a heading), never in a line of cells, and
a higher level's number starts the lower level's count again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budget_audit.document import Document
from budget_audit.findings import Evidence
from budget_audit.layout import is_page_number
from budget_audit.messages import message
from budget_audit.numbers import normalise
from budget_audit.params import TEXT, ListOf, Param
from budget_audit.rule import Context, check_kind

_DIGITS = {c: n for n, c in enumerate("一二三四五六七八九", start=1)}
_LEVELS = (
    re.compile(r"^(?P<number>[一二三四五六七八九十]{1,3})、"),
    re.compile(r"^[(（](?P<number>[一二三四五六七八九十]{1,3})[)）]"),
)
_PARAGRAPH_END = re.compile(r"[。；;：:！？!?]$")
_LONGEST_HEADING = 40
_CLAUSE = re.compile(r"[，,：:；;、]")


def _is_heading(text: str) -> bool:
    """A short line without a clause in it: a heading, after which a paragraph begins."""
    return len(text) <= _LONGEST_HEADING and not _CLAUSE.search(text)


def chinese_numeral(number: int) -> str:
    """1 … 99 written as a section number is (12 → 十二, 20 → 二十, 21 → 二十一)."""
    digits = "一二三四五六七八九"
    tens, units = divmod(number, 10)
    high = "" if tens == 0 else "十" if tens == 1 else digits[tens - 1] + "十"
    return high + (digits[units - 1] if units else "")


def chinese_number(text: str) -> int | None:
    """一 … 九十九 as an int (十二 → 12, 二十 → 20, 二十一 → 21); ``None`` for anything else."""
    if text == "十":
        return 10
    tens, _, units = text.partition("十")
    if "十" not in text:
        return _DIGITS.get(text) if len(text) == 1 else None
    high = _DIGITS.get(tens, 0) if tens else 1
    low = _DIGITS.get(units, 0) if units else 0
    if (tens and tens not in _DIGITS) or (units and units not in _DIGITS):
        return None
    return high * 10 + low


@dataclass(frozen=True)
class Numbered:
    """A paragraph that begins with a section number: its line, level (0 for ``一、``, 1 for
    ``（一）``), number and the number as printed."""

    line: int
    level: int
    number: int
    printed: str


def numbered_paragraphs(document: Document, parts: list[str]) -> list[list[Numbered]]:
    """The numbered paragraph starts of each of the named parts, in order."""
    in_tables = {n for t in document.tables for n in range(t.first_line, t.last_line + 1)}
    in_tables |= {n for b in document.title_only for n in range(b.title_line, b.last_line + 1)}
    found: list[list[Numbered]] = []
    for part in (p for p in document.parts if p.name in parts):
        numbered: list[Numbered] = []
        before = ""  # the last non-empty prose line: does a paragraph begin after it?
        for line in range(part.first_line + 1, part.last_line + 1):
            raw = document.source.line(line)
            text = normalise(raw).strip()
            if not text or is_page_number(text):
                continue
            if line in in_tables or "\t" in raw:
                before = ""
                continue
            starts = not before or _PARAGRAPH_END.search(before) or _is_heading(before)
            if starts:
                for level, pattern in enumerate(_LEVELS):
                    match = pattern.match(text)
                    number = chinese_number(match.group("number")) if match else None
                    if match and number is not None:
                        numbered.append(Numbered(line, level, number, match.group(0)))
                        break
            before = text
        found.append(numbered)
    return found


def _printed_between(document: Document, first: int, last: int, level: int, number: int) -> bool:
    """Whether section number ``number`` of ``level`` is printed anywhere on the lines between:
    a heading after a line that does not end its sentence is no paragraph start, but it is
    there, so the numbers are not skipped."""
    numeral = chinese_numeral(number)
    printed = (f"{numeral}、",) if level == 0 else (f"({numeral})", f"（{numeral}）")
    return any(
        mark in normalise(document.source.line(line))
        for line in range(first + 1, last)
        for mark in printed
    )


def slips(numbered: list[Numbered]) -> list[tuple[Numbered, Numbered]]:
    """Each section number that does not follow the one before it at its level (a gap or a
    repeat), with that one. A level's count starts again under a higher level's number, and a
    count that starts again at 一 is a new list."""
    last: dict[int, Numbered] = {}
    found: list[tuple[Numbered, Numbered]] = []
    for item in numbered:
        for level in [level for level in last if level > item.level]:
            del last[level]
        previous = last.get(item.level)
        if previous is not None and item.number not in (previous.number + 1, 1):
            found.append((previous, item))
        last[item.level] = item
    return found


@check_kind(
    "section_numbers",
    parts=Param(
        ListOf(TEXT), ["概况", "情况说明", "名词解释"], "the text parts whose numbers are read"
    ),
)
def section_numbers(context: Context) -> None:
    """Within each text part the sections of a level are numbered one after another."""
    source = context.document.source
    for numbered in numbered_paragraphs(context.document, context.rule.params["parts"]):
        for previous, item in slips(numbered):
            skipped = item.number > previous.number
            if skipped and _printed_between(
                context.document, previous.line, item.line, item.level, previous.number + 1
            ):
                continue
            context.report(
                message(
                    "enumeration.skipped" if skipped else "enumeration.repeated",
                    previous=previous.printed,
                    printed=item.printed,
                ),
                [
                    Evidence.at(source, item.line, item.printed),
                    Evidence.at(source, previous.line, previous.printed),
                ],
            )
