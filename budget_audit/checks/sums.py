"""Sums inside one table: the 科目 hierarchy and the identities across each row."""

from __future__ import annotations

from budget_audit.checks.access import cell, children_of, label
from budget_audit.messages import Items, Term, message
from budget_audit.params import TEXT, ListOf, Param
from budget_audit.rule import Context, check_kind
from budget_audit.tolerance import Figure


@check_kind(
    "hierarchy_sum",
    kinds=Param(ListOf(TEXT), [], "only tables of these kinds (all grid tables when empty)"),
)
def hierarchy_sum(context: Context) -> None:
    """Every parent row equals the sum of its children, column by column."""
    kinds = set(context.rule.params["kinds"])
    for table in context.document.tables:
        if table.kind.layout != "grid" or (kinds and table.kind.name not in kinds):
            continue
        for parent, children in children_of(table):
            if parent.unread or any(child.unread for child in children):
                continue  # a row whose figures have no column: its cells are unknown, not 0
            for column in table.columns:
                stated = cell(parent, column)
                parts = [cell(child, column) for child in children]
                if stated.fact is None and all(p.fact is None for p in parts):
                    continue
                context.compare(
                    stated, Figure.total(parts), parts,
                    message("figure.cell", table=Term(table.id), row=label(parent), column=Term(column)),
                    message("how.rows_under", n=len(children)),
                )  # fmt: skip


@check_kind("row_identity")
def row_identity(context: Context) -> None:
    """Across a row, a total equals its parts (合计 = 基本支出 + 项目支出, 小计 = 购置 + 运行 ...)."""
    for table in context.document.tables:
        if table.kind.layout != "grid":
            continue
        for row in table.rows:
            if row.unread:
                continue
            for identity in table.identities:
                stated = cell(row, identity.total)
                parts = [cell(row, part) for part in identity.parts]
                if stated.fact is None and all(p.fact is None for p in parts):
                    continue
                how = (
                    message(
                        "how.sum_of",
                        parts=Items(tuple(Term(p) for p in identity.parts), " + ", " + "),
                    )
                    if len(identity.parts) <= 3
                    else message("how.parts_sum", n=len(identity.parts))
                )
                context.compare(
                    stated,
                    Figure.total(parts),
                    parts,
                    message(
                        "figure.cell",
                        table=Term(table.id),
                        row=label(row),
                        column=Term(identity.total),
                    ),
                    how,
                )
