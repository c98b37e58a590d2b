"""What the narrative checks share: a claimed number as a figure, evidence, the 整体 form's figures."""

from __future__ import annotations

from decimal import Decimal

from budget_audit.checks.forms import FundingRow, funding_groups
from budget_audit.claims.model import AmountClaim, Mention
from budget_audit.claims.subjects import Resolution
from budget_audit.facts import Fact
from budget_audit.findings import Evidence
from budget_audit.messages import Items, Term, message
from budget_audit.narrative import Sentence
from budget_audit.numbers import Interval, parse_amount
from budget_audit.rule import Context
from budget_audit.tolerance import Figure, Verdict, compare

HUNDRED = Decimal(100)


def mention_figure(mention: Mention) -> Figure:
    """A narrative amount as a 万元 figure with its rounding interval."""
    scale = Decimal("0.0001") if mention.unit == "元" else Decimal(1)
    interval = mention.amount.interval
    return Figure(
        mention.amount.value * scale, Interval(interval.low * scale, interval.high * scale)
    )


def whole_units_figure(mention: Mention) -> Figure:
    """A narrative amount printed without decimals (2906 万元) as a figure rounded to the unit:
    a narrative that prints whole 万元 throughout has rounded, not dropped trailing zeros."""
    scale = Decimal("0.0001") if mention.unit == "元" else Decimal(1)
    interval = parse_amount(mention.raw).interval
    return Figure(
        mention.amount.value * scale, Interval(interval.low * scale, interval.high * scale)
    )


def claim_evidence(context: Context, sentence: Sentence, mention: Mention) -> Evidence:
    """The evidence of a narrative number: its line and the text of that line."""
    return Evidence.at(context.document.source, mention.line, mention.raw)


def fact_evidence(context: Context, fact: Fact) -> Evidence:
    """The evidence of a table figure."""
    return Evidence.of(fact, context.document.source)


def judge(claim: AmountClaim, resolution: Resolution) -> tuple[Verdict | None, list[Figure]]:
    """How the claimed amount compares with the figures its subject names (the best of them)."""
    stated = mention_figure(claim.value)
    figures = [Figure.of(fact) for fact in resolution.facts if fact.value_wan is not None]
    if resolution.empty_row is not None:
        figures.append(Figure.zero())
    if not figures:
        return None, []
    verdicts = [compare(stated, figure) for figure in figures]
    for wanted in (Verdict.EQUAL, Verdict.ROUNDING):
        if wanted in verdicts:
            return wanted, [figures[verdicts.index(wanted)]]
    return Verdict.MISMATCH, figures


def report_amount(
    context: Context, claim: AmountClaim, resolution: Resolution, figures: list[Figure]
) -> None:
    """Report a narrative amount that no figure its subject names can be (an error)."""
    distinct: dict[Decimal, Figure] = {}
    for figure in figures:  # a row states the same figure in several columns: cite it once
        distinct.setdefault(figure.value, figure)
    figures = list(distinct.values())
    evidence = [claim_evidence(context, claim.sentence, claim.value)]
    evidence += [fact_evidence(context, f.fact) for f in figures if f.fact is not None]
    if resolution.empty_row is not None:
        row = resolution.empty_row
        evidence.append(Evidence.at(context.document.source, row.last_line, ""))
    table_values = Items(tuple(f.value for f in figures))
    where = figures[0].fact.table if figures[0].fact is not None else "表"
    stated = mention_figure(claim.value).value
    context.report(
        message(
            "narrative.amount",
            subject=claim.subject,
            stated=claim.value.raw,
            table=Term(where),
            values=table_values,
        ),
        evidence,
        expected=figures[0].value,
        stated=stated,
        difference=stated - figures[0].value,
    )


def overall_fact(context: Context, rows: tuple[str, ...], column: str) -> Fact | None:
    """The 整体绩效目标表's figure for one of ``rows`` in ``column`` (a 合计 is the income side's)."""
    if not rows:
        return None
    overall = next(
        (t for t in context.document.tables if t.kind.name == "部门整体支出绩效目标表"), None
    )
    return overall_figure(funding_groups(overall), rows, column) if overall is not None else None


def overall_figure(
    groups: list[list[FundingRow]], rows: tuple[str, ...], column: str
) -> Fact | None:
    """The first of ``rows`` in the 整体 form's funding groups with a figure in ``column``.

    A 合计 is the income side's (the first group), where the two sides' totals are alike.
    """
    for group_index, group in enumerate(groups[:2]):
        for row in group:
            wanted = row.name in rows and not (
                row.name == "合计" and group_index == 1 and "合计" in rows
            )
            if wanted and column in row.cells:
                fact: Fact = row.cells[column]
                return fact
    return None


def overall_current(context: Context, rows: tuple[str, ...]) -> Fact | None:
    """The 整体 form's current amount for a figure the tables do not print.

    Totals (合计, 财政拨款) always compare. A use of money (基本支出, 项目支出,
    人员类 ...) compares only when all money is 财政拨款: otherwise a narrative
    section about 一般公共预算 legitimately states a smaller figure than the
    form's, which covers every source.
    """
    fact = overall_fact(context, rows, "当年金额")
    if fact is None or fact.name in ("合计", "财政拨款"):
        return fact
    other_sources = [
        overall_fact(context, (name,), "当年金额")
        for name in ("财政专户管理资金", "单位资金", "其他资金")
    ]
    if any(f is not None and f.value != 0 for f in other_sources):
        return None
    return fact


def truncated(printed: Mention, possible: tuple[Decimal, Decimal] | None) -> bool:
    """Whether a printed percentage is what the right computation gives when cut off at the
    printed places instead of rounded (36.586% printed 36.58%): a real slip, but a minor one, so
    the checks report it as a warning saying so rather than as an error."""
    if possible is None:
        return False
    unit = Decimal(1).scaleb(-printed.amount.places)
    low, high = printed.amount.value, printed.amount.value + unit
    return low <= possible[1] and possible[0] < high


TRUNCATED = "列示数是截断而非四舍五入的结果"
