"""Wording a reviewer's check form flags every round: unit typos, template leftovers, doubled
punctuation, a document naming itself the wrong kind.

Never errors: the figures may be right while the words are wrong.
"""

from __future__ import annotations

import re
from functools import cache

from budget_audit.checks.passages import passages
from budget_audit.claims.reader import MISSPELT_UNIT, subject_before
from budget_audit.claims.subjects import resolve
from budget_audit.document import Document
from budget_audit.findings import Evidence
from budget_audit.messages import Items, message
from budget_audit.narrative import Sentence
from budget_audit.params import INTEGER, PATTERN, TEXT, ListOf, Param
from budget_audit.rule import Context, check_kind

_OTHER_MONEY = re.compile(r"\d\s*(?:万元|元)")
Place = tuple[Sentence, list[re.Match[str]]]  # a passage and the blanks found in it


@check_kind(
    "unit_typos",
    money_words=Param(ListOf(TEXT), help="words that make the clause before a number about money"),
)
def unit_typos(context: Context) -> None:
    """A number followed by 万 and a character written for 元 (万云, 万圆) in a money context.

    The claims reader already reads such an amount as 万元, so the narrative
    checks compare its figure; this rule reports the unit itself.
    """
    words = tuple(context.rule.params["money_words"])
    texts = passages(context.document)
    for index, text in enumerate(texts):
        if "万" not in text.text:  # every misspelt unit is 万 and a character for 元
            continue
        for match in MISSPELT_UNIT.finditer(text.text):
            neighbours = [t.text for t in texts[max(index - 1, 0) : index + 2] if t is not text]
            if not _about_money(context, text, match, words, neighbours):
                continue
            line = text.line_at(match.start("unit"))
            unit = re.sub(r"\s+", "", match.group("unit"))
            context.report(
                message("wording.unit_typo", number=match.group("num"), unit=unit, right="万元"),
                [Evidence.at(context.document.source, line, match.group("num") + unit)],
            )


def _about_money(
    context: Context,
    text: Sentence,
    match: re.Match[str],
    words: tuple[str, ...],
    neighbours: list[str],
) -> bool:
    """Whether the number is money: its clause names money, its passage or the passages beside
    it (the other items of a list) state amounts in 元, or the words before it name a figure of
    the tables."""
    clause = re.split(r"[,;:。]", text.text[: match.start()])[-1]
    if any(word in clause for word in words):
        return True
    rest = text.text[: match.start()] + " " + text.text[match.end() :]
    if any(_OTHER_MONEY.search(other) for other in [rest, *neighbours]):
        return True
    resolution = resolve(context.document, subject_before(text.text, match.start()))
    return resolution is not None and bool(resolution.facts)


@check_kind(
    "placeholders",
    patterns=Param(ListOf(PATTERN), help="what a template's unfilled blanks look like"),
    most=Param(INTEGER, 10, "more passages with blanks than this: the document is a template"),
)
def placeholders(context: Context) -> None:
    """Placeholders left from the template (XX, XXX 万元, ××, 某某) anywhere in the document.

    One finding per paragraph (or line) that has any. A document with blanks in
    more places than ``most`` was never filled in: one finding says so, citing
    the first places.
    """
    source, most = context.document.source, context.rule.params["most"]
    any_blank = _any_of(tuple(context.rule.params["patterns"]))
    places: list[Place] = []
    for text in passages(context.document):
        if any_blank is not None and any_blank.search(text.text) is None:
            continue
        found = sorted(
            (m for pattern in context.rule.params["patterns"] for m in pattern.finditer(text.text)),
            key=lambda m: m.start(),
        )
        if found:
            places.append((text, _not_overlapping(found)))
    if len(places) > most:
        count = sum(len(found) for _, found in places)
        context.report(
            message("wording.template", places=len(places), count=count, most=most),
            [Evidence.at(source, text.line_at(found[0].start()), found[0].group())
             for text, found in places[:most]],
        )  # fmt: skip
        return
    for group in _by_table(context.document, places):
        text, first = group[0][0], group[0][1][0]
        context.report(
            message(
                "wording.placeholders",
                found=Items(tuple(m.group() for _, found in group for m in found), "」「", "” “"),
                around=_around(text.text, first),
            ),
            [
                Evidence.at(source, text.line_at(m.start()), m.group())
                for text, found in group
                for m in found
            ],
        )


_NUMBERED_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


@cache
def _any_of(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern that matches somewhere exactly when one of ``patterns`` does: a prefilter, so
    the passages without any blank (nearly all) are searched once, not once per pattern.

    ``None`` when the patterns cannot be joined safely (different flags, an inline flag, a
    reference to a group by number or name, which joining would renumber or clash). Cached per
    rule's tuple of patterns; nothing invalidates it (a pattern is immutable).
    """
    if len({p.flags for p in patterns}) != 1 or any(
        _NUMBERED_REFERENCE.search(p.pattern) for p in patterns
    ):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:
        return None


def _by_table(document: Document, places: list[Place]) -> list[list[Place]]:
    """The places with blanks, those inside one table (a form's unfilled year columns) taken
    together: one table left unfilled is one slip, however many of its lines show it."""
    spans = [(t.first_line, t.last_line) for t in document.tables]
    groups: list[list[Place]] = []
    last_span: tuple[int, int] | None = None
    for place in places:
        line = place[0].first_line
        span = next((s for s in spans if s[0] <= line <= s[1]), None)
        if span is not None and span == last_span:
            groups[-1].append(place)
        else:
            groups.append([place])
        last_span = span
    return groups


def _not_overlapping(matches: list[re.Match[str]]) -> list[re.Match[str]]:
    """One finding per place, when two patterns match the same characters (XX年XX月 and XX)."""
    kept: list[re.Match[str]] = []
    for match in matches:
        if kept and match.start() < kept[-1].end():
            if match.end() - match.start() > kept[-1].end() - kept[-1].start():
                kept[-1] = match
            continue
        kept.append(match)
    return kept


def _around(text: str, match: re.Match[str], width: int = 12) -> str:
    return text[max(match.start() - width, 0) : match.end() + width]


@check_kind(
    "doubled_words",
    shortest=Param(INTEGER, 2, "the fewest characters of a word that counts when doubled"),
    longest=Param(INTEGER, 6, "the most characters of a word that counts when doubled"),
)
def doubled_words(context: Context) -> None:
    """A word of two or more characters written twice in a row (聚焦聚焦, 服务服务合同): a slip
    of editing. One character doubled (常常, 仅仅) is Chinese, so it is not read."""
    shortest, longest = context.rule.params["shortest"], context.rule.params["longest"]
    pattern = re.compile(f"([\u4e00-\u9fff]{{{shortest},{longest}}})\\1")
    for text in passages(context.document):
        for match in pattern.finditer(text.text):
            context.report(
                message(
                    "wording.doubled_word", word=match.group(1), around=_around(text.text, match)
                ),
                [Evidence.at(context.document.source, text.line_at(match.start()), match.group())],
            )


@check_kind(
    "doubled_punctuation",
    marks=Param(TEXT, help="punctuation that never stands twice in a row (as NFKC folds it)"),
)
def doubled_punctuation(context: Context) -> None:
    """Two clause or sentence marks in a row (，， 。。 ，。): a slip of editing."""
    marks = re.escape(context.rule.params["marks"])
    pattern = re.compile(f"[{marks}]{{2,}}")
    for text in passages(context.document):
        for match in pattern.finditer(text.text):
            context.report(
                message("wording.doubled", marks=match.group(), around=_around(text.text, match)),
                [Evidence.at(context.document.source, text.line_at(match.start()), match.group())],
            )
