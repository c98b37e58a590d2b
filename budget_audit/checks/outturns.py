"""决算 sentences (BA713): the completion rate and the comparison word against the two figures.

"年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 C%。决算数大于预算数": C is
B ÷ A at its printed precision, and 大于/小于/持平 is how B stands to A. A
comparison that only rounding could reverse (the two print equal, or differ by
less than their rounding) is a warning; one the figures contradict is an error.
"""

from __future__ import annotations

from budget_audit.checks.claim_support import claim_evidence, mention_figure
from budget_audit.claims.model import OutturnClaim
from budget_audit.findings import Evidence
from budget_audit.messages import Note, Term, message
from budget_audit.rule import Context, check_kind
from budget_audit.tolerance import Verdict, compare, exact_share, share_verdict


@check_kind("outturn")
def outturn(context: Context) -> None:
    """A 决算's completion rate is outturn ÷ budget; its comparison word fits the two figures."""
    for claim in context.document.claims.outturns:
        checkable = claim.budget is not None and (
            claim.rate is not None or claim.comparison is not None
        )
        if not checkable:
            # another rule (BA603, against the tables) may have judged it: keep its verdict
            if claim.status == "not checkable":
                claim.note = Note(
                    message(
                        "claims.no_outturn_words"
                        if claim.budget is not None
                        else "claims.no_budget_in_sentence"
                    )
                )
            continue
        if claim.status == "not checkable":
            claim.status = "verified"
        _check_rate(context, claim)
        _check_comparison(context, claim)


def _check_rate(context: Context, claim: OutturnClaim) -> None:
    if claim.rate is None or claim.budget is None:
        return  # without a budget in the sentence, the rate is the table's (BA603)
    budget, outturn = mention_figure(claim.budget), mention_figure(claim.outturn)
    if share_verdict(claim.rate.amount.interval, outturn, budget) is not Verdict.MISMATCH:
        return
    claim.status = "contradicted"
    computed = exact_share(outturn, budget)
    context.report(
        message(
            "outturn.rate",
            subject=claim.subject,
            budget=claim.budget.raw,
            outturn=claim.outturn.raw,
            computed=computed,
            rate=claim.rate.raw,
        ),
        [
            claim_evidence(context, claim.sentence, m)
            for m in (claim.rate, claim.outturn, claim.budget)
        ],
        expected=computed,
        stated=claim.rate.amount.value,
        difference=claim.rate.amount.value - computed,
    )


def _check_comparison(context: Context, claim: OutturnClaim) -> None:
    if claim.comparison is None or claim.budget is None:
        return
    budget, outturn = mention_figure(claim.budget), mention_figure(claim.outturn)
    printed = (
        "等于" if outturn.value == budget.value
        else "大于" if outturn.value > budget.value
        else "小于"
    )  # fmt: skip
    if printed == claim.comparison:
        return
    beyond_rounding = compare(outturn, budget) is Verdict.MISMATCH
    claim.status = "contradicted"
    said = "持平" if claim.comparison == "等于" else claim.comparison
    context.report(
        message(
            "outturn.comparison" if beyond_rounding else "outturn.comparison_rounding",
            subject=claim.subject,
            outturn=claim.outturn.raw,
            printed=Term(printed),
            budget=claim.budget.raw,
            gap=outturn.value - budget.value,
            said=Term(said, "comparison"),
        ),
        [
            Evidence.at(context.document.source, claim.comparison_line, claim.comparison),
            claim_evidence(context, claim.sentence, claim.outturn),
            claim_evidence(context, claim.sentence, claim.budget),
        ],
        None if beyond_rounding else "warning",
    )
