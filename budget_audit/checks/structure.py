"""The document's structure: promised tables, tables that say they are empty, units."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from budget_audit.findings import Evidence
from budget_audit.layout import Promise
from budget_audit.messages import Items, Term, message
from budget_audit.params import NUMBER, Param
from budget_audit.rule import Context, check_kind
from budget_audit.tables.kinds import compact

_TOTALS = ("合计", "总计")


@check_kind("promised_tables")
def promised_tables(context: Context) -> None:
    """A table the contents page promises is printed in the body.

    One cause, one finding: tables printed as bare titles (images in the
    original) are one finding citing every title; tables the contents page
    lists and the body lacks are another, citing every contents line.
    """
    document = context.document
    present = {table.kind.name for table in document.tables}
    missing = [p for p in document.promises if p.kind not in present]
    title_only = {p.kind for p in missing if p.title_only}
    pictured = _first_per_kind(p for p in missing if p.title_only)
    unprinted = _first_per_kind(p for p in missing if p.kind not in title_only)
    source = document.source
    if pictured:
        context.report(
            message(
                "structure.title_only",
                n=len(pictured),
                tables=Items(tuple(Term(p.kind) for p in pictured)),
            ),
            [Evidence.at(source, p.line, p.text) for p in pictured],
        )
    if unprinted:
        context.report(
            message(
                "structure.unprinted",
                n=len(unprinted),
                tables=Items(tuple(Term(p.kind) for p in unprinted)),
            ),
            [Evidence.at(source, p.line, p.text) for p in unprinted],
        )


def _first_per_kind(promises: Iterable[Promise]) -> list[Promise]:
    """The first promise of each kind, in document order."""
    first: dict[str, Promise] = {}
    for promise in promises:
        first.setdefault(promise.kind, promise)
    return sorted(first.values(), key=lambda p: p.line)


@check_kind("empty_table_with_figures")
def empty_table_with_figures(context: Context) -> None:
    """A table that says it has nothing ("本单位无…") holds no non-zero figure."""
    for table in context.document.tables:
        if table.note is None:
            continue
        nonzero = [fact for fact in table.facts if fact.value != 0]
        if nonzero:
            evidence = [Evidence.of(fact, context.document.source) for fact in nonzero]
            context.report(
                message(
                    "structure.empty_with_figures",
                    table=Term(table.id),
                    note=table.note,
                    figure=nonzero[0].raw,
                ),
                evidence,
            )


@check_kind(
    "unit_magnitude",
    times_total=Param(NUMBER, Decimal(2), "how many times the budget total a figure may reach"),
)
def unit_magnitude(context: Context) -> None:
    """No figure of a part of the budget exceeds the whole budget, as one in the wrong unit would."""
    document = context.document
    reference = _budget_total(context)
    if reference is None:
        context.skip(message("structure.no_total"))
        return
    limit = reference * context.rule.params["times_total"]
    for table in document.tables:
        if table.kind.layout not in ("grid", "listing", "two_column"):
            continue
        largest = max(
            (f for f in table.facts if f.value_wan is not None and f.unit in ("万元", "元")),
            key=lambda f: f.value_wan or Decimal(0),
            default=None,
        )
        if largest is not None and largest.value_wan is not None and largest.value_wan > limit:
            context.report(
                message(
                    "structure.unit_magnitude",
                    table=Term(table.id),
                    unit=table.unit,
                    figure=largest.raw,
                    wan=largest.value_wan,
                    total=reference,
                ),
                [Evidence.of(largest, document.source)],
            )


def _budget_total(context: Context) -> Decimal | None:
    """The budget's total: the largest figure the 支出总表 or 收支总表 prints on a 合计 or 总计 row.

    Only a row named as a total counts, so that a figure read from a table the
    reader could not follow (a page's table number, say) never stands for it.
    """
    for table in context.document.tables:
        if table.kind.name in ("支出总表", "收支总表") and table.facts:
            values = [
                f.value_wan
                for f in table.facts
                if f.value_wan is not None and any(word in compact(f.name) for word in _TOTALS)
            ]
            if values:
                return max(values)
    return None
