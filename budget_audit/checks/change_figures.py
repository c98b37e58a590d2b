"""The figures of a year-over-year change: the current year, the prior year, the change.

A sentence states two of them and the third follows: "100 万元，比上年增加
10 万元" (prior 90), or Shanghai's "2023年当年预算执行数为54.60万元，2024年预算
安排53.84万元，比2023年预算执行数减少1.39%" (change 0.76). Every figure keeps its
rounding interval, so a rate is judged against everything the printed
figures allow.
"""

from __future__ import annotations

from budget_audit.checks.claim_support import mention_figure
from budget_audit.claims.model import ChangeClaim, Mention
from budget_audit.claims.reader import INCREASE, SAME
from budget_audit.messages import Message, Term, message
from budget_audit.tolerance import Figure


def prior_of(claim: ChangeClaim) -> Figure | None:
    """The prior year: as the sentence states it, else current ∓ delta (current for 持平)."""
    if claim.current is None:
        return None
    if claim.prior is not None:
        return mention_figure(claim.prior.value)
    current = mention_figure(claim.current.value)
    if claim.direction == SAME:
        return current
    if claim.delta is None:
        return None
    delta = mention_figure(claim.delta)
    if claim.direction == INCREASE:
        return Figure(current.value - delta.value, current.interval - delta.interval)
    return Figure(current.value + delta.value, current.interval + delta.interval)


def delta_of(claim: ChangeClaim) -> Figure | None:
    """The change in the direction the sentence says: as stated, else |current - prior| taken
    that way (negative when the figures moved the other way, which BA704 reports)."""
    if claim.delta is not None:
        return mention_figure(claim.delta)
    if claim.current is None or claim.prior is None or claim.direction == SAME:
        return None
    current, prior = mention_figure(claim.current.value), mention_figure(claim.prior.value)
    if claim.direction == INCREASE:
        return Figure(current.value - prior.value, current.interval - prior.interval)
    return Figure(prior.value - current.value, prior.interval - current.interval)


def change_mentions(claim: ChangeClaim) -> list[Mention]:
    """The numbers a change's figures come from: the change (or the prior year) and the current year."""
    first = claim.prior.value if claim.delta is None and claim.prior is not None else claim.delta
    return [m for m in (first, claim.current.value if claim.current else None) if m is not None]


def change_story(claim: ChangeClaim) -> Message:
    """The change as the sentence tells it, for a message (a fragment of the catalogue)."""
    assert claim.current is not None
    subject, current = claim.current.subject, claim.current.value.raw
    unit = claim.current.value.unit  # 万元, or 元 where the narrative states 元
    if claim.delta is not None or claim.prior is None:
        delta = (
            message("change.delta", delta=claim.delta.raw, unit=Term(claim.delta.unit))
            if claim.delta
            else ""
        )
        return message(
            "change.story", subject=subject, current=current, unit=Term(unit),
            direction=Term(claim.direction), delta=delta,
        )  # fmt: skip
    return message(
        "change.story_years", subject=subject, prior=claim.prior.value.raw,
        prior_unit=Term(claim.prior.value.unit), current=current, unit=Term(unit),
        direction=Term(claim.direction),
    )  # fmt: skip
