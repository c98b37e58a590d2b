"""Year-over-year changes: the direction (BA704) and the prior year (BA705)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import replace

from budget_audit.checks.change_figures import change_mentions, prior_of
from budget_audit.checks.claim_support import (
    claim_evidence,
    fact_evidence,
    mention_figure,
    overall_figure,
)
from budget_audit.checks.forms import funding_groups
from budget_audit.claims.model import ChangeClaim
from budget_audit.claims.phrases import split_heading
from budget_audit.claims.reader import INCREASE, SAME
from budget_audit.claims.subjects import Resolution, compact_subject, resolve
from budget_audit.findings import Evidence
from budget_audit.messages import Message, Term, message
from budget_audit.rule import Context, check_kind
from budget_audit.tolerance import Figure, Verdict, compare


@check_kind("change_direction")
def change_direction(context: Context) -> None:
    """A change says one direction: 增加 with 增长, 减少 with 下降; 持平 with no change."""
    for claim in context.document.claims.changes:
        problem = None
        if claim.percent_direction is not None and claim.percent_direction != claim.direction:
            problem = message("change.amount_vs_rate", direction=Term(claim.direction), rate=Term("增长" if claim.percent_direction == INCREASE else "下降"))  # fmt: skip
        elif claim.direction == SAME and claim.delta is not None and claim.delta.amount.value != 0:
            problem = message("change.same_with_delta", delta=claim.delta.raw)
        elif claim.prior is not None and claim.current is not None:
            problem = _against_stated_prior(claim)
        if problem is None:
            continue
        claim.status = "contradicted"
        mentions = [
            m for m in (claim.delta, claim.percent, *change_mentions(claim)) if m is not None
        ]
        evidence = [claim_evidence(context, claim.sentence, m) for m in mentions] or [
            Evidence.at(context.document.source, claim.sentence.first_line, "")
        ]
        context.report(message("change.direction", problem=problem), evidence)


def _against_stated_prior(claim: ChangeClaim) -> Message | None:
    """The direction a change says against the two years the sentence states, beyond rounding."""
    assert claim.prior is not None and claim.current is not None
    current, prior = mention_figure(claim.current.value), mention_figure(claim.prior.value)
    if compare(current, prior) is not Verdict.MISMATCH:
        moved = SAME
    else:
        moved = INCREASE if current.value > prior.value else "减少"
    if moved == claim.direction or (moved == SAME and claim.direction != SAME and claim.percent):
        return None  # equal within rounding with a rate: BA703 judges the rate
    said = "持平" if claim.direction == SAME else claim.direction
    return message("change.years_vs_word", prior=claim.prior.value.raw, current=claim.current.value.raw, said=Term(said))  # fmt: skip


@check_kind("change_prior_year")
def change_prior_year(context: Context) -> None:
    """The prior year a change implies equals the one stated elsewhere: the 整体绩效目标表's
    近两年 columns, and any other sentence's change for the same figure and year."""
    overall = next(
        (t for t in context.document.tables if t.kind.name == "部门整体支出绩效目标表"), None
    )
    groups = funding_groups(overall) if overall is not None else []
    if overall is None:
        context.skip(message("change.no_overall_form"))
    earlier: dict[tuple[Hashable, int | None, bool], list[tuple[str, ChangeClaim, Figure]]] = {}
    for claim in context.document.claims.changes:
        implied = prior_of(claim)
        if implied is None or claim.current is None:
            continue
        year = claim.year or (context.document.year - 1 if context.document.year else None)
        from_delta = prior_of(replace(claim, prior=None)) if claim.prior is not None else None
        if claim.prior is not None and claim.delta is not None and from_delta is not None:
            _compare_prior(context, claim, from_delta, year, implied,
                           [claim_evidence(context, claim.sentence, claim.prior.value)],
                           message("change.same_sentence", year=year, prior=claim.prior.value.raw))  # fmt: skip
        resolution = resolve(context.document, claim.current.subject)
        if resolution is None:
            continue
        # the 整体 form's prior years are budgets: a change against what was spent is not compared
        stated = (
            overall_figure(groups, resolution.overall, f"{year}年")
            if resolution.overall and claim.against_budget
            else None
        )
        if stated is not None:
            _compare_prior(context, claim, implied, year, Figure.of(stated), [fact_evidence(context, stated)],
                           message("change.overall_form", year=year, prior=stated.raw))  # fmt: skip
        key = (_figure_key(resolution, claim.current.subject), year, claim.against_budget)
        side = (
            ""  # a 预算 balances: its income and spending totals are one figure
            if context.document.kind.stage == "预算"
            else _side(
                split_heading(compact_subject(claim.current.subject), context.document.department)[
                    1
                ]
            )
        )
        same = [e for e in earlier.get(key, []) if side in ("", e[0]) or not e[0]]
        if same:
            _, other, other_prior = same[0]
            _compare_prior(context, claim, implied, year, other_prior, _change_evidence(context, other),
                           message("change.other_line", line=other.sentence.first_line, year=year, prior=other_prior.value))  # fmt: skip
        else:
            earlier.setdefault(key, []).append((side, claim, implied))


def _figure_key(resolution: Resolution, subject: str) -> Hashable:
    """What identifies the figure a subject names: its 整体 form rows, else the facts it resolved
    to, else (a 科目 path the tables do not have) the subject's own words."""
    if resolution.overall:
        return resolution.overall
    if resolution.facts:
        return tuple((f.table, f.row, f.column) for f in resolution.facts)
    return (resolution.how, compact_subject(subject))


def _side(subject: str) -> str:
    """Which side of the accounts a subject speaks of: a 决算's 收入总计 and 支出总计 are two
    figures (the carry-overs differ), though both name the total of the same money. A subject
    naming both sides or neither (收支总预算) may be compared with either."""
    income, spending = "收" in subject, "支" in subject
    return "收入" if income and not spending else "支出" if spending and not income else ""


def _change_evidence(context: Context, claim: ChangeClaim) -> list[Evidence]:
    mentions = [m for m in (claim.current.value if claim.current else None, claim.delta) if m]
    return [claim_evidence(context, claim.sentence, m) for m in mentions]


def _compare_prior(
    context: Context,
    claim: ChangeClaim,
    implied: Figure,
    year: int | None,
    stated: Figure,
    stated_evidence: list[Evidence],
    stated_where: Message,
) -> None:
    assert claim.current is not None
    if compare(implied, stated) is not Verdict.MISMATCH:
        if claim.status == "not checkable":
            claim.status = "verified"
        return
    claim.status = "contradicted"
    context.report(
        message(
            "change.prior_implied",
            subject=claim.current.subject,
            current=claim.current.value.raw,
            year=year,
            direction=Term(claim.direction),
            delta=message("change.delta", delta=claim.delta.raw, unit=Term("万元"))
            if claim.delta
            else "",
            implied=implied.value,
            stated_where=stated_where,
        ),
        _change_evidence(context, claim) + stated_evidence,
        expected=stated.value,
        stated=implied.value,
        difference=implied.value - stated.value,
    )
