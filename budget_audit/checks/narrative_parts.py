"""A narrative amount and the parts it says it includes (BA415).

The 情况说明 breaks some amounts down by a sentence that ends on 包括:
"(一)人员经费 278.1 万元。包括：" and then one paragraph a part, "工资福利支出
278.1 万元，主要用于：…", or the parts on the same line ("…24.29 万元。包括商品和
服务支出 24.29 万元。"). Where the tables are pictures, the parts are the only
check the amount gets. The item-list reader does not take these (its lists
end at the full stop), so they are read here; a total that reader already
lists is left to it.

Only what is sure to be a part is summed: a paragraph that begins after a
sentence has ended, with a name and an amount in 万元; the breakdown ends at
the first paragraph that does not (a heading, "2、公用经费", a sentence). Parts
above the total, beyond rounding, are a contradiction; parts below it are a
warning, since 包括 may name only some.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budget_audit.findings import Evidence
from budget_audit.messages import Items, message
from budget_audit.numbers import Amount, find_numbers, normalise
from budget_audit.rule import Context, check_kind
from budget_audit.tolerance import Figure, Verdict, compare

_AMOUNT = r"(\d[\d,]*(?:\.\d+)?)\s*万元"
# the total: an amount in 万元, a stop or comma, 包括 (with or without a colon)
_TRIGGER = re.compile(_AMOUNT + r"\s*[。，,；;]\s*包括\s*[:：]?\s*")
# a part: a name (no digits, no enumerator before it) and its amount, at a paragraph's start
_PART = re.compile(r"^\s*([\u4e00-\u9fff][^\d\s:：，,。；;、()（）]{1,19}?)\s*" + _AMOUNT)
_ANY_PART = re.compile(r"^\s*[\u4e00-\u9fff][^\d\s:：，,。；;、()（）]{1,19}?\s*\d")
_PAGE_NUMBER = re.compile(r"^[\s\-—─–]*\d{1,3}[\s\-—─–]*$")
_PURPOSE = re.compile(r"\s*[，,]\s*(?:主要)?用于")  # what follows a part details it
_INLINE_END = re.compile(r"[。]")
_INLINE_SEPARATOR = re.compile(r"[；;、，,]")


@dataclass(frozen=True)
class _Mention:
    """An amount in 万元 on a line."""

    line: int
    raw: str
    start: int

    @property
    def figure(self) -> Figure:
        amount: Amount = next(find_numbers(self.raw)).amount
        return Figure(amount.value, amount.interval)


def _in_tables(context: Context) -> set[int]:
    return {
        number
        for table in context.document.tables
        for number in range(table.first_line, table.last_line + 1)
    }


def _listed_totals(context: Context) -> set[tuple[int, str]]:
    """The totals the item-list reader already sums (BA706)."""
    return {
        (item_list.total.value.line, item_list.total.value.raw)
        for item_list in context.document.claims.lists
        if item_list.total is not None
    }


def _inline_parts(number: int, text: str, start: int) -> list[_Mention] | None:
    """The parts from ``start`` to the sentence's end on one line: every piece between
    separators must be a name and an amount, and the sentence must end on the line; else the
    breakdown is not read (``None``)."""
    end = _INLINE_END.search(text, start)
    if end is None:
        return None  # the sentence runs on: where its parts end is not on this line
    parts = []
    offset = start
    for piece in _INLINE_SEPARATOR.split(text[start : end.start()]):
        found = _PART.fullmatch(piece.strip())
        if found is None:
            return None
        parts.append(_Mention(number, found.group(2), offset + piece.index(found.group(2))))
        offset += len(piece) + 1
    return parts


def _paragraph(number: int, text: str) -> list[_Mention] | None:
    """The parts a paragraph opens with: its name-and-amount pieces when they make its whole
    sentence, or its first part when the rest says what it is for (主要用于：…, whose amounts are
    its own items) or names no other amount in 万元; ``None`` when it opens with no part or its parts cannot be told."""
    found = _PART.match(text)
    if found is None:
        return None
    pieces = _inline_parts(number, text, 0)
    if pieces is not None:
        return pieces
    if _PURPOSE.match(text, found.end()) is None and re.search(_AMOUNT, text[found.end() :]):
        return None
    return [_Mention(number, found.group(2), found.start(2))]


def _paragraph_parts(context: Context, after: int, skip: set[int]) -> list[_Mention] | None:
    """Parts one a paragraph after the line ``after``: a line that begins after a sentence has
    ended and opens with a name and an amount; the first other such line ends them. ``None``
    when a paragraph's parts cannot be told."""
    source = context.document.source
    parts: list[_Mention] = []
    ended = True  # the trigger line ended on 包括：
    number = after + 1
    while number <= len(source.lines) and number not in skip:
        text = normalise(source.line(number))
        if not text.strip() or _PAGE_NUMBER.match(text):
            number += 1
            continue
        if ended:
            if _PART.match(text) is None:
                # a paragraph opening with a name and a figure in another unit (元) may be a part
                return None if _ANY_PART.match(text) else parts
            found = _paragraph(number, text)
            if found is None:
                return None
            parts.extend(found)
        ended = text.rstrip().endswith("。")
        number += 1
    return parts


@check_kind("included_parts")
def included_parts(context: Context) -> None:
    """A narrative amount followed by 包括 and its parts is their sum."""
    source = context.document.source
    skip = _in_tables(context)
    listed = _listed_totals(context)
    for number in range(1, len(source.lines) + 1):
        if number in skip:
            continue
        text = normalise(source.line(number))
        for trigger in _TRIGGER.finditer(text):
            total = _Mention(number, trigger.group(1), trigger.start(1))
            if (number, total.raw) in listed:
                continue
            rest = text[trigger.end() :].strip()
            parts = (
                _inline_parts(number, text, trigger.end())
                if rest
                else _paragraph_parts(context, number, skip)
            )
            if parts:
                _judge(context, total, parts)


def _judge(context: Context, total: _Mention, parts: list[_Mention]) -> None:
    stated = total.figure
    summed = Figure.total(p.figure for p in parts)
    if compare(stated, summed) is not Verdict.MISMATCH:
        return
    above = summed.interval.low > stated.interval.high
    source = context.document.source
    context.report(
        message(
            "narrative_parts.above" if above else "narrative_parts.below",
            total=total.raw,
            listed=Items(tuple(p.raw for p in parts), " + ", " + "),
            summed=summed.value,
            gap=abs(summed.value - stated.value),
        ),
        [Evidence.at(source, m.line, m.raw, m.start) for m in (total, *parts)],
        severity="error" if above else "warning",
        expected=summed.value,
        stated=stated.value,
        difference=stated.value - summed.value,
    )
