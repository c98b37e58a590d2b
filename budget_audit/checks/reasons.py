"""Reasons against the document's own figures (BA712).

"比上年减少 11.36 万元，主要是项目支出减少": the reason names a figure and a
direction. When the document itself states that figure for both years (the
部门整体支出绩效目标表's 当年金额 and its 近两年 column), the figure must have
moved that way. Both years are read from the one form, so they cover the same
money; a reason about headcount (人员增加), policy (压减经费) or anything the
document gives no two-year figure for is not checked.
"""

from __future__ import annotations

import re
from typing import Any

from budget_audit.checks.claim_support import overall_fact
from budget_audit.claims.model import ChangeClaim
from budget_audit.claims.reader import DECREASE, INCREASE
from budget_audit.claims.subjects import resolve
from budget_audit.findings import Evidence
from budget_audit.messages import Note, Term, message
from budget_audit.params import TEXT, ListOf, Param, Record
from budget_audit.rule import Context, check_kind
from budget_audit.tolerance import Figure, Verdict, compare

_REASON = re.compile(r"(?:主要|原因)(?:原因)?(?:是|系|由于|因为|为)")
_UP = "增加|增长|上升|新增|提高"
_DOWN = "减少|下降|降低|压减|缩减|削减|调减"


def _direction(word: str) -> str:
    return INCREASE if re.fullmatch(_UP, word) else DECREASE


@check_kind(
    "change_reasons",
    components=Param(
        ListOf(Record({"words": Param(ListOf(TEXT)), "subject": Param(TEXT)})),
        help="how a reason names a figure, and the subject (data/subjects.yaml) that figure is",
    ),
)
def change_reasons(context: Context) -> None:
    """A change's reason ("主要是项目支出减少") agrees with how that figure moved in the 整体 form."""
    for claim in context.document.claims.changes:
        found = _reason(claim, context.rule.params["components"])
        if found is None or claim.current is None:
            continue
        subject, word, start = found
        own = resolve(context.document, claim.current.subject)
        resolution = resolve(context.document, subject)
        if resolution is None or not resolution.overall:
            continue
        if own is not None and own.overall == resolution.overall:
            continue  # the figure's change explained by itself: nothing to compare
        year = claim.year or (context.document.year - 1 if context.document.year else None)
        current = overall_fact(context, resolution.overall, "当年金额")
        prior = overall_fact(context, resolution.overall, f"{year}年")
        if current is None or prior is None:
            claim.note = claim.note or Note(message("claims.no_two_years", subject=subject))
            continue
        verdict = compare(Figure.of(current), Figure.of(prior))
        moved = (
            "持平" if verdict is not Verdict.MISMATCH
            else INCREASE if current.value > prior.value else DECREASE
        )  # fmt: skip
        if moved == _direction(word):
            continue
        source = context.document.source
        context.report(
            message(
                "reasons.moved_otherwise",
                direction=Term(claim.direction),
                subject=subject,
                word=word,
                table=Term(current.table),
                year=year,
                prior=Figure.of(prior).value,
                current=Figure.of(current).value,
                moved=Term(moved),
            ),
            [
                Evidence.at(source, claim.sentence.line_at(start), word),
                Evidence.of(current, source),
                Evidence.of(prior, source),
            ],
        )


def _reason(claim: ChangeClaim, components: list[dict[str, Any]]) -> tuple[str, str, int] | None:
    """The figure and direction the change's reason names: (subject, direction word, offset)."""
    mentions = [m for m in (claim.delta, claim.percent) if m is not None]
    if not mentions:
        return None
    text = claim.sentence.text
    after = max(m.end for m in mentions)
    opening = _REASON.search(text, after)
    if opening is None or re.search(r"[。;]", text[after : opening.start()]):
        return None
    clause = re.split(r"[。;,]", text[opening.end() :])[0]
    for component in components:
        words = "|".join(re.escape(word) for word in component["words"])
        match = re.search(
            rf"(?P<before>{_UP}|{_DOWN})了?(?:{words})|(?:{words})的?(?P<after>{_UP}|{_DOWN})",
            clause,
        )
        if match:
            word = match.group("before") or match.group("after")
            return str(component["subject"]), word, opening.end() + match.start()
    return None
