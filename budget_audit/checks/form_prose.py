"""Sums stated in the prose of the performance forms (BA408).

A project form explains its money in sentences: 变动理由, 立项依据, 测算依据
("原租金及物业费 89.76 万元……年租金及物业费 201.564 万元，合计 292 万元").
The sum a sentence states must be the sum of the amounts it names before it.
These sentences are edited from year to year, and one half of a sentence
updated without the other is a mistake no table rule can see.

Only a plain enumeration is summed: amounts in 万元 in one sentence, nothing
between them that makes one a part, a rate or a change of another (其中, 每,
增加 …, the rule's ``blocking`` words), and the total named by a word that
means "the sum of these" (合计, 共计 …). The printed figures are intervals: a gap
rounding explains is no finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from budget_audit.findings import Evidence
from budget_audit.messages import Items, Term, message
from budget_audit.narrative import Sentence, passage
from budget_audit.numbers import NumberToken, find_numbers, normalise
from budget_audit.params import TEXT, ListOf, Param
from budget_audit.rule import Context, check_kind
from budget_audit.tables.table import Table
from budget_audit.tolerance import Figure, Verdict, compare

# a passage is cut where a new field, cell or numbered point begins: a sum never reaches back
# over a label's colon (理由:) or an enumerator (2.)
_BOUNDARY = re.compile(r"[\t:：]|(?:^|(?<=[\s。;；]))\d{1,2}[.、](?!\d)")
# 万元, or 万 alone (预计印刷费 0.94万，…合计 6.8万), never a rate (万元/年) or another 万 unit (万度)
_UNIT_AFTER = re.compile(r"\s*万(?:元(?!\s*/)|(?![\u4e00-\u9fff/]))")


@dataclass(frozen=True)
class _Piece:
    """One field or numbered point of a form's prose (its sentences together), with the passage
    that maps it to lines."""

    text: str
    offset: int  # where the sentence begins in the passage's text
    passage: Sentence

    def line_at(self, position: int) -> int:
        return self.passage.line_at(self.offset + position)


def _runs(context: Context, table: Table, wanted: re.Pattern[str]) -> Iterator[Sentence]:
    """The table's prose as passages: a tab-separated line is its own (its cells are split
    later); lines without tabs (PDF text wrapping a paragraph) are joined.

    Only passages in which ``wanted`` (the total words) is found: no other can state a sum,
    and most lines of a form hold none (a tab-separated line is tested before it is joined).
    """
    source = context.document.source
    run: list[int] = []
    for number in range(table.first_line, table.last_line + 1):
        line = source.line(number)
        if "\t" in line:
            if run:
                yield from _holding(passage(source, run[0], run[-1]), wanted)
                run = []
            if wanted.search(normalise(line)):
                yield passage(source, number, number)
        else:
            run.append(number)
    if run:
        yield from _holding(passage(source, run[0], run[-1]), wanted)


def _holding(joined: Sentence, wanted: re.Pattern[str]) -> Iterator[Sentence]:
    if wanted.search(joined.text):
        yield joined


def _pieces(joined: Sentence) -> Iterator[_Piece]:
    start = 0
    for match in _BOUNDARY.finditer(joined.text + "\t"):
        text = joined.text[start : match.start()]
        if text.strip():
            yield _Piece(text, start, joined)
        start = match.end()


def _amounts(text: str) -> list[NumberToken]:
    """The numbers of ``text`` followed by 万元 or 万 (not a rate such as 万元/年, nor 万度)."""
    return [
        token
        for token in find_numbers(text, loose=True)
        if _UNIT_AFTER.match(text, token.end) and not text[token.start - 1 : token.start].isdigit()
    ]


def _figure(token: NumberToken) -> Figure:
    return Figure(token.amount.value, token.amount.interval)


@check_kind(
    "prose_sums",
    tables=Param(ListOf(TEXT), help="the table kinds whose prose is read"),
    total_words=Param(ListOf(TEXT), help="words that name the sum of the amounts before them"),
    blocking=Param(ListOf(TEXT), help="words that make an amount a part, rate or change"),
)
def prose_sums(context: Context) -> None:
    """A sentence of a form that names amounts and then their 合计 adds up."""
    params = context.rule.params
    totals = re.compile("|".join(re.escape(w) for w in params["total_words"]))
    blocking = tuple(params["blocking"])
    for table in context.document.tables:
        if table.kind.name not in params["tables"]:
            continue
        seen: set[str] = set()
        for joined in _runs(context, table, totals):
            for piece in _pieces(joined):
                _check_piece(context, table, piece, totals, blocking, seen)


def _check_piece(
    context: Context,
    table: Table,
    piece: _Piece,
    totals: re.Pattern[str],
    blocking: tuple[str, ...],
    seen: set[str],
) -> None:
    """Each total word of the piece followed by an amount, against the amounts before it (back to
    the previous total or the last blocking word). An amount before the enumeration (a prior
    year's budget in an earlier sentence) is not one of its parts: the sum holds if the last two
    or more amounts give it."""
    if totals.search(piece.text) is None:  # no sum is stated here
        return
    amounts = _amounts(piece.text)
    begin = 0
    for word in totals.finditer(piece.text):
        after = [t for t in amounts if t.start >= word.end()]
        if not after or piece.text[word.end() : after[0].start].strip(" 为是") != "":
            continue
        total = after[0]
        start = max(
            [begin]
            + [
                piece.text.rfind(w, begin, word.start()) + len(w)
                for w in blocking
                if w in piece.text[begin : word.start()]
            ]
        )
        parts = [t for t in amounts if start <= t.start < word.start()]
        begin = total.end
        stated = _figure(total)
        if len(parts) < 2 or any(
            compare(stated, Figure.total(_figure(t) for t in parts[cut:])) is not Verdict.MISMATCH
            for cut in range(len(parts))
        ):
            continue
        key = piece.text.strip()
        if key in seen:  # a form printing the same text twice has one mistake, not two
            continue
        seen.add(key)
        _report(context, table, piece, total, parts)


def _report(
    context: Context, table: Table, piece: _Piece, total: NumberToken, parts: list[NumberToken]
) -> None:
    summed = Figure.total(_figure(t) for t in parts)
    stated = _figure(total)
    listed = Items(tuple(t.raw for t in parts), " + ", " + ")
    evidence = [
        Evidence.at(context.document.source, piece.line_at(t.start), t.raw) for t in (total, *parts)
    ]
    context.report(
        message(
            "form_prose.sum",
            table=Term(table.id),
            text=piece.text.strip()[:60],
            listed=listed,
            summed=summed.value,
            total=total.raw,
            gap=stated.value - summed.value,
        ),
        evidence,
        expected=summed.value,
        stated=stated.value,
        difference=stated.value - summed.value,
    )
