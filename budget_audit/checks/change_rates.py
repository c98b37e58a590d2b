"""Year-over-year change rates (BA703): the rate is the change over the prior year, at its
printed precision; a wrong one is diagnosed by the usual slips (divided by the current year, the
ratio printed instead of the change, 100% from zero)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from budget_audit.checks.change_figures import change_mentions, change_story, delta_of, prior_of
from budget_audit.checks.claim_support import (
    HUNDRED,
    TRUNCATED,
    claim_evidence,
    mention_figure,
    truncated,
)
from budget_audit.claims.model import ChangeClaim, Mention
from budget_audit.claims.reader import INCREASE
from budget_audit.messages import Note, Term, message
from budget_audit.numbers import Interval
from budget_audit.rule import Context, check_kind
from budget_audit.tolerance import Figure, share_interval


def _fits(printed: Interval, possible: tuple[Decimal, Decimal] | None) -> bool:
    return possible is not None and printed.low <= possible[1] and possible[0] <= printed.high


@check_kind("change_percent")
def change_percent(context: Context) -> None:
    """A change's percentage is delta over the prior year (current ∓ delta), at its printed precision;
    when it is not, the usual slip is named."""
    for claim in context.document.claims.changes:
        prior, delta = prior_of(claim), delta_of(claim)
        if claim.percent is None or claim.current is None or prior is None or delta is None:
            if claim.percent is not None:
                claim.note = Note(message("claims.no_rate_figures"))
            continue
        if delta.interval.high < 0:
            continue  # the figures moved the other way: BA704 says so, once
        current = mention_figure(claim.current.value)
        printed = claim.percent.amount.interval
        if delta.value == 0 and printed.contains(Decimal(0)):
            claim.status = "verified"  # nothing moved, 0%: true even when both years are 0
            continue
        if _fits(printed, share_interval(delta, prior)):
            claim.status = "verified"
            slip = _exact_slip(claim.percent, current, delta, prior)
            if slip is not None:
                _report_exact_slip(context, claim, prior, delta, slip)
            continue
        claim.status = "contradicted"
        severity: str | None
        if truncated(claim.percent, share_interval(delta, prior)):
            diagnosis, severity = TRUNCATED, "warning"
        else:
            diagnosis, severity = _diagnose(printed, current, delta, prior)
        expected = (
            (delta.value / prior.value * HUNDRED).quantize(Decimal("0.01")) if prior.value else None
        )
        word = "增长" if claim.direction == INCREASE else "下降"
        evidence = [
            claim_evidence(context, claim.sentence, m)
            for m in (claim.percent, *change_mentions(claim))
        ]
        context.report(
            message(
                "rates.wrong",
                story=change_story(claim),
                prior_verb=message("rates.prior_stated" if claim.prior else "rates.prior_implied"),
                prior=in_unit(prior, claim),
                unit=Term(unit_of(claim)),
                word=Term(word),
                expected=message("rates.expected", rate=expected)
                if expected is not None
                else message("rates.no_expected"),
                printed=claim.percent.raw,
                diagnosis=Term(diagnosis),
            ),
            evidence,
            severity,
            expected=expected,
            stated=claim.percent.amount.value,
            difference=claim.percent.amount.value - expected if expected is not None else None,
        )


def _slips(
    current: Figure, delta: Figure, prior: Figure
) -> list[tuple[str, tuple[Decimal, Decimal] | None, Decimal | None]]:
    """The usual wrong computations: (what went wrong, the interval it gives, its exact value)."""

    def exact(numerator: Figure, denominator: Figure) -> Decimal | None:
        return numerator.value / denominator.value * HUNDRED if denominator.value else None

    return [
        ("误以本年数而非上年数为基数计算", share_interval(delta, current), exact(delta, current)),
        (
            "列示的是本年与上年之比，而非增减率",
            share_interval(current, prior),
            exact(current, prior),
        ),
    ]


def _diagnose(
    printed: Interval, current: Figure, delta: Figure, prior: Figure
) -> tuple[str, str | None]:
    """The usual slip that explains a wrong percentage, and the severity it deserves."""
    if prior.interval.high <= 0 or prior.value == 0:
        if printed.contains(HUNDRED):
            return "上年为 0，增长率无从计算（写成 100% 是常见写法，但不成立）", "warning"
        return "上年为 0，增长率无从计算", None
    slips = _slips(current, delta, prior)
    for what, possible, _ in slips:
        if _fits(printed, possible):
            return what, None
    unit = Decimal(1).scaleb(-printed_places(printed))
    middle = (printed.low + printed.high) / 2
    for what, _, value in slips:
        if value is not None and abs(middle - value) <= unit * Decimal("1.5"):
            return f"{what}（差一个末位）", None
    if abs(middle - delta.value / prior.value * HUNDRED) <= unit * Decimal("1.5"):
        return "常见的计算错误都不能解释这个数，与正确结果差一个末位", None
    return "常见的计算错误都不能解释这个数", None


# How a slip reads after "列示数恰是…": the diagnosis names it as a mistake, this as a computation.
_AS_COMPUTED = {
    "误以本年数而非上年数为基数计算": "以本年数而非上年数为基数计算的结果",
    "列示的是本年与上年之比，而非增减率": "本年与上年之比（而非增减率）",
}


def _report_exact_slip(
    context: Context, claim: ChangeClaim, prior: Figure, delta: Figure, slip: tuple[str, Decimal]
) -> None:
    """A rate rounding can explain but that is exactly the usual slip: a warning saying both."""
    assert claim.current is not None and claim.percent is not None
    what, value = slip
    places = Decimal(1).scaleb(-claim.percent.amount.places)
    right = rounded(delta.value / prior.value * HUNDRED, places)
    word = "增长" if claim.direction == INCREASE else "下降"
    context.report(
        message(
            "rates.exact_slip",
            story=change_story(claim),
            word=Term(word),
            printed=claim.percent.raw,
            prior=in_unit(prior, claim),
            unit=Term(unit_of(claim)),
            right=right,
            slip=Term(_AS_COMPUTED[what]),
            slip_rate=rounded(value, places),
        ),
        [
            claim_evidence(context, claim.sentence, m)
            for m in (claim.percent, *change_mentions(claim))
        ],
        "warning",
        expected=right,
        stated=claim.percent.amount.value,
        difference=claim.percent.amount.value - right,
    )


def _exact_slip(
    printed: Mention, current: Figure, delta: Figure, prior: Figure
) -> tuple[str, Decimal] | None:
    """A slip that reproduces the printed percentage exactly when the right computation does not:
    what went wrong and the percentage it gives."""
    unit = Decimal(1).scaleb(-printed.amount.places)
    right = rounded(delta.value / prior.value * HUNDRED, unit) if prior.value else None
    if right == printed.amount.value:
        return None
    for what, _, value in _slips(current, delta, prior):
        if value is not None and rounded(value, unit) == printed.amount.value:
            return what, value
    return None


def rounded(value: Decimal, unit: Decimal) -> Decimal:
    """``value`` as printed at ``unit`` (四舍五入: halves round up, as disclosures print)."""
    return value.quantize(unit, ROUND_HALF_UP)


def printed_places(printed: Interval) -> int:
    """The decimals of a printed percentage, from its rounding interval's width."""
    width = printed.high - printed.low
    places = 0
    while width < 1 and places < 6:
        width *= 10
        places += 1
    return places


def unit_of(claim: ChangeClaim) -> str:
    """The unit the sentence states its amounts in: 元, or 万元."""
    return "元" if claim.current is not None and claim.current.value.unit == "元" else "万元"


def in_unit(figure: Figure, claim: ChangeClaim) -> Decimal:
    """A 万元 figure for a message in the unit the sentence states its amounts in (元 or 万元)."""
    return figure.value * 10000 if unit_of(claim) == "元" else figure.value
