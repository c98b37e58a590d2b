"""The same figure stated twice in one paragraph with two values (BA714).

"基本支出 463.84 万元 … 基本支出 436.84 万元": one of the two is a typing slip.
Two amounts are the same figure when their subjects are the same words (long
enough to name something) and they are stated for the same year (named in their
clause, else earlier in their sentence), or for none.
"""

from __future__ import annotations

import re

from budget_audit.checks.claim_support import claim_evidence, mention_figure
from budget_audit.checks.narrative_amounts import clause_start
from budget_audit.claims.model import AmountClaim
from budget_audit.claims.subjects import compact_subject
from budget_audit.messages import message
from budget_audit.params import INTEGER, Param
from budget_audit.rule import Context, check_kind
from budget_audit.tolerance import Verdict, compare


@check_kind(
    "repeated_figure",
    min_characters=Param(INTEGER, 4, "shorter subjects (预算, 支出) name no one figure"),
)
def repeated_figure(context: Context) -> None:
    """Within a paragraph, one subject for one year has one value."""
    paragraph_of = {
        id(sentence): index
        for index, paragraph in enumerate(context.document.narrative)
        for sentence in paragraph.sentences
    }
    first: dict[tuple[int, str, str], AmountClaim] = {}
    reported: set[tuple[int, str, str]] = set()
    for claim in context.document.claims.amounts:
        subject = compact_subject(claim.subject)
        if len(subject) < context.rule.params["min_characters"]:
            continue
        text = claim.sentence.text
        key = (paragraph_of.get(id(claim.sentence), -1), subject, _year_of(text, claim.value.start))
        earlier = first.setdefault(key, claim)
        if earlier is claim or key in reported:
            continue
        if compare(mention_figure(claim.value), mention_figure(earlier.value)) is Verdict.MISMATCH:
            reported.add(key)
            context.report(
                message(
                    "repeated.two_values",
                    subject=claim.subject,
                    first=earlier.value.raw,
                    second=claim.value.raw,
                ),
                [
                    claim_evidence(context, claim.sentence, claim.value),
                    claim_evidence(context, earlier.sentence, earlier.value),
                ],
            )


def _year_of(text: str, position: int) -> str:
    """The year an amount is stated for: named in its clause, else the last named before it in
    its sentence ("2016年度支出合计 628 万元，其中：基本支出 230 万元" is 2016's 基本支出)."""
    year = re.search(r"20\d\d", text[clause_start(text, position) : position])
    if year is not None:
        return year.group()
    earlier = re.findall(r"(20\d\d)\s*年", text[:position])
    return earlier[-1] if earlier else ""
