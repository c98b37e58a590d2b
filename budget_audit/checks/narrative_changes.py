"""Year-over-year changes: the rate and its slip (BA703), the direction (BA704), the prior year (BA705)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from budget_audit.checks.claim_support import (
    HUNDRED,
    claim_evidence,
    fact_evidence,
    mention_figure,
    overall_figure,
)
from budget_audit.checks.forms import funding_groups
from budget_audit.claims.model import ChangeClaim, Mention
from budget_audit.claims.reader import INCREASE, SAME
from budget_audit.claims.subjects import resolve
from budget_audit.findings import Evidence
from budget_audit.numbers import Interval
from budget_audit.rule import Context, check_kind
from budget_audit.tolerance import Figure, Verdict, compare, share_interval, wan


def prior_of(claim: ChangeClaim) -> Figure | None:
    """The prior year implied by a change: current ∓ delta (current for 持平)."""
    if claim.current is None:
        return None
    current = mention_figure(claim.current.value)
    if claim.direction == SAME:
        return current
    if claim.delta is None:
        return None
    delta = mention_figure(claim.delta)
    if claim.direction == INCREASE:
        return Figure(current.value - delta.value, current.interval - delta.interval)
    return Figure(current.value + delta.value, current.interval + delta.interval)


def _fits(printed: Interval, possible: tuple[Decimal, Decimal] | None) -> bool:
    return possible is not None and printed.low <= possible[1] and possible[0] <= printed.high


@check_kind("change_percent")
def change_percent(context: Context) -> None:
    """A change's percentage is delta over the prior year (current ∓ delta), at its printed precision;
    when it is not, the usual slip is named."""
    for claim in context.document.claims.changes:
        if claim.percent is None or claim.delta is None or claim.current is None:
            if claim.percent is not None:
                claim.note = "缺少本年数或增减额，无法复核增减率"
            continue
        prior = prior_of(claim)
        assert prior is not None
        current, delta = mention_figure(claim.current.value), mention_figure(claim.delta)
        printed = claim.percent.amount.interval
        if _fits(printed, share_interval(delta, prior)):
            claim.status = "verified"
            slip = _exact_slip(claim.percent, current, delta, prior)
            if slip is not None:
                _report_exact_slip(context, claim, prior, slip)
            continue
        claim.status = "contradicted"
        diagnosis, severity = _diagnose(printed, current, delta, prior)
        expected = (
            (delta.value / prior.value * HUNDRED).quantize(Decimal("0.01")) if prior.value else None
        )
        word = "增长" if claim.direction == INCREASE else "下降"
        evidence = [
            claim_evidence(context, claim.sentence, m)
            for m in (claim.percent, claim.delta, claim.current.value)
        ]
        context.report(
            f"「{claim.current.subject}」{claim.current.value.raw} 万元比上年{claim.direction} {claim.delta.raw} 万元，"
            f"上年应为 {wan(prior.value)} 万元，{word}率"
            + (f"应为 {expected}%" if expected is not None else "无从计算")
            + f"，列示 {claim.percent.raw}%：{diagnosis}",
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
    context: Context, claim: ChangeClaim, prior: Figure, slip: tuple[str, Decimal]
) -> None:
    """A rate rounding can explain but that is exactly the usual slip: a warning saying both."""
    assert claim.current is not None and claim.delta is not None and claim.percent is not None
    what, value = slip
    places = Decimal(1).scaleb(-claim.percent.amount.places)
    right = rounded(mention_figure(claim.delta).value / prior.value * HUNDRED, places)
    word = "增长" if claim.direction == INCREASE else "下降"
    context.report(
        f"「{claim.current.subject}」{claim.current.value.raw} 万元比上年{claim.direction} "
        f"{claim.delta.raw} 万元，{word}率列示 {claim.percent.raw}%：按上年 {wan(prior.value)} 万元"
        f"计算为 {right}%，列示数恰是{_AS_COMPUTED[what]}（{rounded(value, places)}%）；"
        "因金额经四舍五入，列示数也可能成立，请核对",
        [
            claim_evidence(context, claim.sentence, m)
            for m in (claim.percent, claim.delta, claim.current.value)
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


@check_kind("change_direction")
def change_direction(context: Context) -> None:
    """A change says one direction: 增加 with 增长, 减少 with 下降; 持平 with no change."""
    for claim in context.document.claims.changes:
        problem = None
        if claim.percent_direction is not None and claim.percent_direction != claim.direction:
            problem = f"金额说{claim.direction}，比率却说{'增长' if claim.percent_direction == INCREASE else '下降'}"
        elif claim.direction == SAME and claim.delta is not None and claim.delta.amount.value != 0:
            problem = f"说持平，却列出变动 {claim.delta.raw} 万元"
        if problem is None:
            continue
        claim.status = "contradicted"
        mentions = [m for m in (claim.delta, claim.percent) if m is not None]
        evidence = [claim_evidence(context, claim.sentence, m) for m in mentions] or [
            Evidence.at(context.document.source, claim.sentence.first_line, "")
        ]
        context.report(f"增减方向自相矛盾：{problem}", evidence)


@check_kind("change_prior_year")
def change_prior_year(context: Context) -> None:
    """The prior year a change implies equals the one stated elsewhere: the 整体绩效目标表's
    近两年 columns, and any other sentence's change for the same figure and year."""
    overall = next(
        (t for t in context.document.tables if t.kind.name == "部门整体支出绩效目标表"), None
    )
    groups = funding_groups(overall) if overall is not None else []
    if overall is None:
        context.skip("没有部门整体支出绩效目标表，上年数只在情况说明内部核对")
    earlier: dict[tuple[object, int | None], tuple[ChangeClaim, Figure]] = {}
    for claim in context.document.claims.changes:
        implied = prior_of(claim)
        if implied is None or claim.current is None:
            continue
        resolution = resolve(context.document, claim.current.subject)
        if resolution is None:
            continue
        year = claim.year or (context.document.year - 1 if context.document.year else None)
        stated = (
            overall_figure(groups, resolution.overall, f"{year}年") if resolution.overall else None
        )
        if stated is not None:
            _compare_prior(context, claim, implied, year, Figure.of(stated), [fact_evidence(context, stated)],
                           f"整体绩效目标表列 {year} 年为 {stated.raw} 万元")  # fmt: skip
        key = (resolution.overall or resolution.how, year)
        if key in earlier:
            other, other_prior = earlier[key]
            _compare_prior(context, claim, implied, year, other_prior, _change_evidence(context, other),
                           f"第 {other.sentence.first_line} 行同一数字推得 {year} 年为 {wan(other_prior.value)} 万元")  # fmt: skip
        else:
            earlier[key] = (claim, implied)


def _change_evidence(context: Context, claim: ChangeClaim) -> list[Evidence]:
    mentions = [
        m for m in (claim.current.value if claim.current else None, claim.delta) if m is not None
    ]
    return [claim_evidence(context, claim.sentence, m) for m in mentions]


def _compare_prior(
    context: Context,
    claim: ChangeClaim,
    implied: Figure,
    year: int | None,
    stated: Figure,
    stated_evidence: list[Evidence],
    stated_where: str,
) -> None:
    assert claim.current is not None
    if compare(implied, stated) is not Verdict.MISMATCH:
        if claim.status == "not checkable":
            claim.status = "verified"
        return
    claim.status = "contradicted"
    context.report(
        f"按「{claim.current.subject} {claim.current.value.raw} 万元，比 {year} 年{claim.direction}"
        f"{' ' + claim.delta.raw + ' 万元' if claim.delta else ''}」推得 {year} 年为 {wan(implied.value)} 万元，"
        f"而{stated_where}",
        _change_evidence(context, claim) + stated_evidence,
        expected=stated.value,
        stated=implied.value,
        difference=implied.value - stated.value,
    )
