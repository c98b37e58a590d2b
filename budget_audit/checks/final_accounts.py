"""决算 identities the budget rules do not state: fund columns of a summary row, a fund's
flow by 科目, the 基本支出表's subtotals, and the 情况说明's 年初预算 / 决算 pairs against
the tables.

A 决算's 财政拨款收入支出决算总表 prints each expenditure row's 合计 beside its
funds (一般公共预算 | 政府性基金预算 | 国有资本经营预算 财政拨款), so 合计 is their
sum. Its 情况说明 writes "年初预算为 A 万元，支出决算为 B 万元" for the
一般公共预算 spending, each of its 项 and the “三公” 经费: B is the table's
决算 figure, and A the table's 预算数 where the table prints one beside it
(the “三公” table does; the spending tables do not, so A is not checked there).
"""

from __future__ import annotations

from budget_audit.checks.access import cell, item, label
from budget_audit.checks.claim_support import claim_evidence, fact_evidence, mention_figure
from budget_audit.claims.model import Mention, OutturnClaim
from budget_audit.claims.subjects import resolve
from budget_audit.facts import Fact
from budget_audit.messages import Items, Term, message
from budget_audit.params import TEXT, ListOf, MapOf, Param
from budget_audit.rule import Context, check_kind
from budget_audit.tables.table import Table
from budget_audit.tolerance import Figure, Verdict, compare, exact_share, share_verdict


@check_kind(
    "fund_columns",
    total=Param(TEXT, "预算数", "the column of a two-column table that states the row's total"),
    funds=Param(ListOf(TEXT), [], "the funding columns printed beside it, which add up to it"),
)
def fund_columns(context: Context) -> None:
    """Across a two-column table's row: the total equals the funds printed beside it."""
    total, funds = context.rule.params["total"], context.rule.params["funds"]
    for table in context.document.tables:
        if table.kind.layout != "two_column":
            continue
        for row in table.rows:
            printed = [column for column in row.cells if column != total]
            if not printed or any(column not in funds for column in printed):
                continue  # no funds beside it, or a split that is not by fund (基本/项目支出)
            parts = [cell(row, fund) for fund in funds]
            context.compare(
                cell(row, total),
                Figure.total(parts),
                parts,
                message("figure.cell", table=Term(table.id), row=label(row), column=Term("合计")),
                message("how.sum_of", parts=_plus(funds)),
            )


@check_kind(
    "class_subtotals",
    table=Param(TEXT, help="the table kind whose subtotal rows close its economic classes"),
    subtotals=Param(
        MapOf(ListOf(TEXT)), {}, "each subtotal row's name and the class codes it adds up"
    ),
)
def class_subtotals(context: Context) -> None:
    """A subtotal row (人员经费合计) equals the economic classes it covers (301 + 303)."""
    subtotals: dict[str, list[str]] = context.rule.params["subtotals"]
    covered = {code for codes in subtotals.values() for code in codes}
    for table in context.document.tables_of(context.rule.params["table"]):
        other = [row.code for row in table.rows if row.code and len(row.code) == 3]
        other = [code for code in other if code not in covered]
        if other:
            context.skip(
                message("final.classes_outside", table=Term(table.id), codes=Items(tuple(other)))
            )
            continue
        for name, codes in subtotals.items():
            total = item(table, name)
            if total is None or not total.cells:
                continue
            classes = [row for row in table.rows if row.code in codes]
            for column in total.cells:
                parts = [cell(row, column) for row in classes]
                context.compare(
                    cell(total, column),
                    Figure.total(parts),
                    parts,
                    message("figure.row", table=Term(table.id), row=name),
                    message(
                        "how.sum_of",
                        parts=Items(tuple(row.code or "" for row in classes), "+", "+"),
                    )
                    if classes
                    else message("final.no_classes"),
                )


@check_kind(
    "flow_columns",
    tables=Param(ListOf(TEXT), [], "the table kinds that print a fund's flow by 科目"),
    income=Param(ListOf(TEXT), [], "the columns that bring money in (年初结转和结余, 本年收入)"),
    spending=Param(ListOf(TEXT), [], "the columns it goes to (本年支出 合计, 年末结转和结余)"),
)
def flow_columns(context: Context) -> None:
    """Across a row of a fund's 决算 table: what came in is what went out or was carried on."""
    params = context.rule.params
    income, spending = params["income"], params["spending"]
    for kind in params["tables"]:
        for table in context.document.tables_of(kind):
            if table.printed is None or not set(income + spending) <= table.printed:
                continue  # a 预算 table (no flow columns): nothing to hold it to
            for row in table.rows:
                came = [cell(row, column) for column in income]
                went = [cell(row, column) for column in spending]
                if all(f.fact is None for f in came + went):
                    continue
                context.compare(
                    Figure.total(went),
                    Figure.total(came),
                    [*went, *came],
                    message(
                        "figure.cell",
                        table=Term(table.id),
                        row=label(row),
                        column=_plus(spending),
                    ),
                    message("how.sum_of", parts=_plus(income)),
                )


@check_kind("outturn_figures")
def outturn_figures(context: Context) -> None:
    """A 决算 sentence's 决算 figure is the table's; its 年初预算 the table's 预算数 if printed."""
    document = context.document
    for claim in document.claims.outturns:
        resolution = resolve(document, claim.subject, sentence=claim.sentence)
        facts = list(resolution.facts) if resolution is not None else []
        if not facts:
            context.skip(message("final.outturn_not_found", subject=claim.subject))
            continue
        if not _agrees(context, claim, claim.outturn, facts, "支出决算"):
            continue
        if claim.status == "not checkable":
            claim.status = "verified"
        budgets = [b for fact in facts if (b := _budget_of(document.tables, fact)) is not None]
        if budgets and claim.budget is not None:
            _agrees(context, claim, claim.budget, budgets, "年初预算")
        elif budgets and claim.rate is not None:
            _rate_agrees(context, claim, claim.rate, budgets[0])


def _rate_agrees(context: Context, claim: OutturnClaim, rate: Mention, budget: Fact) -> None:
    """ "B 万元，完成预算的 C%" with no budget in the sentence: C is B ÷ the table's 预算数."""
    outturn = mention_figure(claim.outturn)
    if share_verdict(rate.amount.interval, outturn, Figure.of(budget)) is not Verdict.MISMATCH:
        return
    claim.status = "contradicted"
    computed = exact_share(outturn, Figure.of(budget))
    context.report(
        message(
            "final.rate",
            subject=claim.subject,
            outturn=claim.outturn.raw,
            rate=rate.raw,
            budget=Figure.of(budget).value,
            computed=computed,
        ),
        [
            claim_evidence(context, claim.sentence, rate),
            claim_evidence(context, claim.sentence, claim.outturn),
            fact_evidence(context, budget),
        ],
        expected=computed,
        stated=rate.amount.value,
        difference=rate.amount.value - computed,
    )


def _agrees(
    context: Context, claim: OutturnClaim, mention: Mention, facts: list[Fact], what: str
) -> bool:
    """Whether the narrative figure is one of the table's (within rounding); report if not."""
    stated = mention_figure(mention)
    if any(compare(stated, Figure.of(fact)) is not Verdict.MISMATCH for fact in facts):
        return True
    claim.status = "contradicted"
    table = Figure.of(facts[0])
    context.report(
        message(
            "final.figure",
            subject=claim.subject,
            what=Term(what),
            stated=mention.raw,
            table=table.value,
        ),
        [
            claim_evidence(context, claim.sentence, mention),
            *(fact_evidence(context, f) for f in facts),
        ],
        expected=table.value,
        stated=stated.value,
        difference=stated.value - table.value,
    )
    return False


def _budget_of(tables: list[Table], fact: Fact) -> Fact | None:
    """The 预算数 its table prints beside a 决算 figure (the “三公” table's ``合计(预算数)``)."""
    table = next((t for t in tables if t.id == fact.table), None)
    if table is None or fact.row is None:
        return None
    suffix = table.kind.staged("预算数")
    if not suffix:
        return None
    return table.rows[fact.row].cells.get(f"{fact.column}{suffix}")


def _plus(columns: list[str]) -> Items:
    """Columns added up, as a message shows them (``年初结转和结余 + 本年收入``)."""
    return Items(tuple(Term(column) for column in columns), " + ", " + ")
