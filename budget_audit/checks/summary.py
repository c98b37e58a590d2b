"""The two-column summaries (收支总表, 财政拨款收支总表): each side adds up, and the sides balance."""

from __future__ import annotations

from budget_audit.checks.access import cell, item, label
from budget_audit.facts import Row
from budget_audit.messages import Term, message
from budget_audit.params import TEXT, ListOf, Param, Record
from budget_audit.rule import Context, check_kind
from budget_audit.tables.table import Table
from budget_audit.tolerance import Figure

_TOTAL_WORDS = ("合计", "总计", "小计", "结转结余")
_SUM_WORDS = ("合计", "总计", "小计")
_BY_SIDE = Record({"收入": Param(ListOf(TEXT), []), "支出": Param(ListOf(TEXT), [])})


def _is_total(row: Row) -> bool:
    return row.level is None and any(word in row.name for word in _TOTAL_WORDS)


def _side(table: Table, side: str) -> list[Row]:
    return [row for row in table.rows if row.section == side]


def _children(rows: list[Row], index: int) -> list[Row]:
    """The items printed under ``rows[index]``: deeper-numbered or unnumbered, up to the next peer."""
    level = rows[index].level or 0
    following: list[Row] = []
    for row in rows[index + 1 :]:
        if _is_total(row) or (row.level is not None and row.level <= level):
            break
        following.append(row)
    if not following:
        return []
    depth = min(row.level or 99 for row in following)
    return [row for row in following if (row.level or 99) == depth]


@check_kind(
    "summary_items",
    year_totals=Param(
        _BY_SIDE, {"收入": [], "支出": []}, "本年 totals of each side: their numbered items"
    ),
    grand_totals=Param(
        _BY_SIDE, {"收入": [], "支出": []}, "总计 of each side: items plus carry-over"
    ),
)
def summary_items(context: Context) -> None:
    """Each numbered item equals the items printed under it; 合计 rows equal their numbered items."""
    for table in context.document.tables:
        if table.kind.layout != "two_column":
            continue
        for side in ("收入", "支出"):
            rows = _side(table, side)
            for index, row in enumerate(rows):
                if row.level is None:
                    continue
                children = _children(rows, index)
                _compare_sum(context, table, row, children)
            year = _first(table, context.rule.params["year_totals"][side], side)
            top, carried = _top_and_carried(rows, year)
            for row in carried:
                _compare_sum(context, table, row, _breakdown(rows, row))
            if year is not None and top:
                _compare_sum(context, table, year, [r for r in top if "结转" not in r.name])
            # 总计 is 本年 plus the carry-over where 本年 is printed: an item's slip then
            # shows once, in 本年, not again in 总计.
            for total_name in context.rule.params["grand_totals"][side]:
                total = item(table, total_name, side)
                if total is not None and top:
                    year_and = [year] if year is not None and year.cells else top
                    _compare_sum(context, table, total, year_and + carried)


def _first(table: Table, names: list[str], side: str) -> Row | None:
    """The first of ``names`` the table prints on ``side``."""
    return next((row for n in names if (row := item(table, n, side)) is not None), None)


def _top_and_carried(rows: list[Row], year: Row | None) -> tuple[list[Row], list[Row]]:
    """The numbered items of the year and the rows that take 本年 to 总计.

    Where the side prints its 本年 total, the items are the numbered rows above
    it, and every unnumbered row below it up to 总计 carries the year to the
    total (a 决算's 年初结转和结余, 使用非财政拨款结余; its numbered rows under
    年初财政拨款结转和结余 are that row's breakdown, not items of the year).
    Without a 本年 total, every numbered row is an item and the 结转 rows carry.
    """
    if year is None or year not in rows:
        top = [row for row in rows if row.level == 1]
        return top, [row for row in rows if row.level is None and "结转" in row.name]
    cut = rows.index(year)
    top = [row for row in rows[:cut] if row.level == 1]
    carried = [
        row
        for row in rows[cut + 1 :]
        if row.level is None and not any(word in row.name for word in _SUM_WORDS)
    ]
    return top, carried


def _breakdown(rows: list[Row], carry: Row) -> list[Row]:
    """The numbered rows printed right under a carry-over row (年初财政拨款结转和结余: 一、一般公共
    预算财政拨款 …), up to the next unnumbered row."""
    following: list[Row] = []
    for row in rows[rows.index(carry) + 1 :]:
        if row.level is None:
            break
        following.append(row)
    return following


def _compare_sum(context: Context, table: Table, total: Row, parts_rows: list[Row]) -> None:
    """``total`` against the sum of ``parts_rows`` in every column of the side: the amount
    (预算数, 决算数) and the funding columns some templates print beside it."""
    if not parts_rows:
        return
    rows = [total, *parts_rows]
    for column in dict.fromkeys(c for row in rows for c in row.cells):
        _compare_column(context, table, total, parts_rows, column)


def _compare_column(
    context: Context, table: Table, total: Row, parts_rows: list[Row], column: str
) -> None:
    stated = cell(total, column)
    parts = [cell(row, column) for row in parts_rows]
    if stated.fact is None and all(p.fact is None for p in parts):
        return
    if table.unread and (stated.fact is None or all(p.fact is None for p in parts)):
        context.skip(
            message("summary.unread", table=Term(table.id), row=label(total), n=table.unread)
        )
        return
    context.compare(
        stated,
        Figure.total(parts),
        parts,
        message("figure.row", table=Term(table.id), row=label(total))
        if column == "预算数"
        else message("figure.cell", table=Term(table.id), row=label(total), column=Term(column)),
        message("how.listed_sum", n=len(parts)),
    )


@check_kind(
    "summary_balance",
    pairs=Param(ListOf(ListOf(TEXT, 2)), help="[income row, expenditure row] that must be equal"),
)
def summary_balance(context: Context) -> None:
    """Income equals expenditure: 收入总计 = 支出总计, 本年收入合计 = 本年支出合计."""
    pairs = context.rule.params["pairs"]
    for table in context.document.tables:
        if table.kind.layout != "two_column":
            continue
        for income_name, expenditure_name in pairs:
            income, expenditure = (
                item(table, income_name, "收入"),
                item(table, expenditure_name, "支出"),
            )
            if income is None or expenditure is None:
                continue
            income_carry = _carry(table, income, "收入")
            spending_carry = _carry(table, expenditure, "支出")
            if any(
                cell(row, "预算数").value for row, _ in income_carry + spending_carry
            ) and _totalled(income_carry, spending_carry):
                context.skip(
                    message(
                        "summary.balance_by_totals",
                        table=Term(table.id),
                        income=income_name,
                        spending=expenditure_name,
                    )
                )
                continue
            carried_in = [cell(row, "预算数") for row, _ in income_carry]
            carried_out = [cell(row, "预算数") for row, _ in spending_carry]
            spent, received = cell(expenditure, "预算数"), cell(income, "预算数")
            if spent.fact is None and received.fact is None:
                continue
            if not any(figure.value for figure in carried_in + carried_out):
                what = message("figure.row", table=Term(table.id), row=expenditure_name)
                how = message("figure.quoted", row=income_name)
                context.compare(spent, received, [received], what, how)
                continue
            context.compare(
                Figure.total([spent, *carried_out]),
                Figure.total([received, *carried_in]),
                [spent, *carried_out, received, *carried_in],
                message("summary.row_with_carry", table=Term(table.id), row=expenditure_name),
                message("summary.quoted_with_carry", row=income_name),
            )


def _carry(table: Table, total: Row, side: str) -> list[tuple[Row, Row | None]]:
    """The unnumbered rows printed under ``total`` on its side up to the next 合计/总计 row
    (a 决算's 使用非财政拨款结余, 年初结转和结余), each with that next total row."""
    rows = _side(table, side)
    found: list[Row] = []
    for row in rows[rows.index(total) + 1 :]:
        if any(word in row.name for word in _SUM_WORDS):
            return [(r, row) for r in found]
        if row.level is None:
            found.append(row)
    return [(r, None) for r in found]


def _totalled(*carries: list[tuple[Row, Row | None]]) -> bool:
    """Whether the carry-over rows of each side lead to a printed total: then the totals'
    balance and sums check the same identity, and once is enough."""
    return all(not carry or (carry[0][1] is not None and carry[0][1].cells) for carry in carries)
