"""Procurement, purchase-of-service and asset listings: totals, quantity × price, 中小企业 parts."""

from __future__ import annotations

from budget_audit.checks.access import cell, label, tables
from budget_audit.facts import Row
from budget_audit.messages import Term, message
from budget_audit.numbers import Interval
from budget_audit.params import TEXT, ListOf, Param
from budget_audit.rule import Context, check_kind
from budget_audit.tables.table import Table
from budget_audit.tolerance import Figure, Verdict, compare

LISTINGS = ("政府采购预算表", "政府购买服务预算表", "资产配置预算表")


def _column(row: Row, names: list[str]) -> str | None:
    """The first of the row's columns whose header contains one of ``names`` (in order of preference)."""
    for name in names:
        for column in row.cells:
            if name in column:
                return column
    return None


def _split(table: Table) -> tuple[list[Row], list[Row]]:
    """Summary rows (合计, unnamed, or a shorter code than the records') and the records under them."""
    rows = [row for row in table.rows if row.cells]
    longest = max((len(row.code) for row in rows if row.code), default=0)
    summary = [
        r for r in rows if r.name in ("", "合计") or (r.code is not None and len(r.code) < longest)
    ]
    return summary, [r for r in rows if r not in summary]


def _placed(context: Context, table: Table) -> bool:
    if any(fact.placement == "unplaced" for fact in table.facts):
        context.skip(message("listings.unplaced", table=Term(table.id)))
        return False
    return bool(table.facts)


@check_kind(
    "listing_totals",
    not_summed=Param(ListOf(TEXT), ["单价"], "columns whose header has these words are not summed"),
)
def listing_totals(context: Context) -> None:
    """Each summary row of a listing equals the sum of its records, column by column (单价 excepted)."""
    skipped = tuple(context.rule.params["not_summed"])
    for table in (t for kind in LISTINGS for t in tables(context.document, kind)):
        if not _placed(context, table):
            continue
        summary, records = _split(table)
        if not summary or not records:
            continue
        levels = {r.level for r in records if r.level is not None}
        if (
            len(levels) > 1
        ):  # a listing in levels (大类 > 专项 > 物品): each level adds up to the one above
            records = [r for r in records if r.level == min(levels)]
        columns = {c for r in records for c in r.cells if not any(word in c for word in skipped)}
        for total in summary:
            for column in sorted(columns):
                stated = cell(total, column)
                if stated.fact is None:
                    continue
                parts = [cell(r, column) for r in records]
                context.compare(
                    stated,
                    Figure.total(parts),
                    parts,
                    message("figure.cell", table=Term(table.id), row=label(total), column=column),
                    message("how.records_sum", n=len(records)),
                )


_HEADERS = ListOf(TEXT)


@check_kind(
    "listing_rows",
    quantity=Param(_HEADERS, help="header words of the quantity column, preferred first"),
    unit_price=Param(_HEADERS, help="header words of the unit price column"),
    amount=Param(_HEADERS, help="header words of the amount column"),
    parts=Param(_HEADERS, help="header words of the columns that are parts of the amount"),
)
def listing_rows(context: Context) -> None:
    """In each record, 数量 × 单价 = 金额, and the 中小企业 parts do not exceed the amount."""
    params = context.rule.params
    for table in (t for kind in LISTINGS for t in tables(context.document, kind)):
        if not _placed(context, table):
            continue
        for row in _split(table)[1]:
            quantity, price = _column(row, params["quantity"]), _column(row, params["unit_price"])
            amount = _column(row, params["amount"])
            if quantity and price and amount:
                _product(context, table, row, quantity, price, amount)
            for part in (c for c in row.cells if any(word in c for word in params["parts"])):
                if amount and part != amount:
                    _not_above(context, table, row, part, amount)


def _product(
    context: Context, table: Table, row: Row, quantity: str, price: str, amount: str
) -> None:
    count, unit_price, stated = cell(row, quantity), cell(row, price), cell(row, amount)
    if count.fact is None or unit_price.fact is None or stated.fact is None:
        return
    expected_value = count.fact.value * unit_price.value
    low = count.fact.amount.interval.low * unit_price.interval.low
    high = count.fact.amount.interval.high * unit_price.interval.high
    expected = Figure(expected_value, Interval(low, high))
    context.compare(
        stated,
        expected,
        [unit_price, Figure.of(count.fact)],
        message("figure.cell", table=Term(table.id), row=label(row), column=amount),
        message("how.product", left=quantity, right=price),
    )


def _not_above(context: Context, table: Table, row: Row, part: str, amount: str) -> None:
    share, whole = cell(row, part), cell(row, amount)
    if share.fact is None or whole.fact is None or share.value <= whole.value:
        return
    if compare(share, whole) is Verdict.ROUNDING:
        return
    evidence = [*context.evidence(share), *context.evidence(whole)]
    context.report(
        message(
            "listings.part_above_amount",
            table=Term(table.id),
            row=label(row),
            part=part,
            share=share.value,
            amount=amount,
            whole=whole.value,
        ),
        evidence,
        expected=whole.value,
        stated=share.value,
        difference=share.value - whole.value,
    )
