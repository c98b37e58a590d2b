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
from budget_audit.params import TEXT, ListOf, MapOf, Param
from budget_audit.rule import Context, check_kind
from budget_audit.tables.table import Table
from budget_audit.tolerance import Figure, Verdict, compare, exact_share, share_verdict, wan


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
                f"{table.id}「{label(row)}」合计",
                " + ".join(funds),
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
                f"{table.id}: 类级科目 {'、'.join(other)} 不在任何小计的范围内，小计未核对"
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
                    f"{table.id}「{name}」",
                    "+".join(row.code or "" for row in classes) or "无所列类级科目",
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
                    f"{table.id}「{label(row)}」{' + '.join(spending)}",
                    " + ".join(income),
                )


@check_kind("outturn_figures")
def outturn_figures(context: Context) -> None:
    """A 决算 sentence's 决算 figure is the table's; its 年初预算 the table's 预算数 if printed."""
    document = context.document
    for claim in document.claims.outturns:
        resolution = resolve(document, claim.subject, sentence=claim.sentence)
        facts = list(resolution.facts) if resolution is not None else []
        if not facts:
            context.skip(f"「{claim.subject}」的决算数在表中找不到对应的数，未核对")
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
        f"情况说明称「{claim.subject}」决算 {claim.outturn.raw} 万元、完成预算的 {rate.raw}%，"
        f"表中预算数为 {wan(Figure.of(budget).value)} 万元，完成率应为 {computed}%",
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
        f"情况说明称「{claim.subject}」{what} {mention.raw} 万元，表中为 {wan(table.value)} 万元",
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
