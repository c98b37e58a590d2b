"""Wording a reviewer's check form flags every round: unit typos (BA801).

Never errors: the figures may be right while the words are wrong.
"""

from __future__ import annotations

import re

from budget_audit.checks.passages import passages
from budget_audit.claims.reader import MISSPELT_UNIT, subject_before
from budget_audit.claims.subjects import resolve
from budget_audit.findings import Evidence
from budget_audit.narrative import Sentence
from budget_audit.params import TEXT, ListOf, Param
from budget_audit.rule import Context, check_kind

_OTHER_MONEY = re.compile(r"\d\s*(?:万元|元)")


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
        for match in MISSPELT_UNIT.finditer(text.text):
            neighbours = [t.text for t in texts[max(index - 1, 0) : index + 2] if t is not text]
            if not _about_money(context, text, match, words, neighbours):
                continue
            line = text.line_at(match.start("unit"))
            unit = re.sub(r"\s+", "", match.group("unit"))
            context.report(
                f"金额 {match.group('num')} 的单位写成「{unit}」，应为「万元」",
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
