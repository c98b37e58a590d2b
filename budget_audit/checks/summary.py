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
            top = [row for row in rows if row.level == 1]
            carried = [row for row in rows if row.level is None and "结转" in row.name]
            for total_name in context.rule.params["year_totals"][side]:
                total = item(table, total_name, side)
                current_year = [r for r in top if "结转" not in r.name]
                if total is not None and current_year:
                    _compare_sum(context, table, total, current_year)
            for total_name in context.rule.params["grand_totals"][side]:
                total = item(table, total_name, side)
                if total is not None and top:
                    _compare_sum(context, table, total, top + carried)


def _compare_sum(context: Context, table: Table, total: Row, parts_rows: list[Row]) -> None:
    if not parts_rows:
        return
    stated = cell(total, "预算数")
    parts = [cell(row, "预算数") for row in parts_rows]
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
        message("figure.row", table=Term(table.id), row=label(total)),
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
            stated, expected = cell(expenditure, "预算数"), cell(income, "预算数")
            if stated.fact is None and expected.fact is None:
                continue
            context.compare(
                stated,
                expected,
                [expected],
                message("figure.row", table=Term(table.id), row=expenditure_name),
                message("figure.quoted", row=income_name),
            )
