"""Performance forms: the 整体 form's funding block adds up, its shares and amounts match the tables,
and each project's budget in the forms matches the 项目支出表."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from budget_audit.checks.access import cell, first_table, item, tables, total_row
from budget_audit.facts import Fact, Row
from budget_audit.findings import Evidence
from budget_audit.messages import Term, message
from budget_audit.numbers import Interval
from budget_audit.params import TEXT, MapOf, Param
from budget_audit.rule import Context, check_kind
from budget_audit.tables.forms import CALCULATION, FACTOR, project_title
from budget_audit.tables.table import Table
from budget_audit.tolerance import Figure, Verdict, exact_share, share_verdict

_YEAR_COLUMN = re.compile(r"20\d\d年")
_PREFIXES = ("收入构成", "支出构成")


@dataclass
class FundingRow:
    """One row of the 整体 form's 资金情况 block: its amount, share and prior years."""

    name: str
    line: int
    cells: dict[str, Fact] = field(default_factory=dict)


def funding_groups(table: Table) -> list[list[FundingRow]]:
    """The income rows and the expenditure rows, each group ending with its 合计."""
    rows: dict[int, FundingRow] = {}
    for fact in table.facts:
        if fact.column in ("当年金额", "占比") or _YEAR_COLUMN.fullmatch(fact.column):
            name = fact.name
            for prefix in _PREFIXES:
                name = name.removeprefix(prefix)
            row = rows.setdefault(fact.location.line, FundingRow(name, fact.location.line))
            row.cells.setdefault(fact.column, fact)
    groups: list[list[FundingRow]] = [[]]
    for row in sorted(rows.values(), key=lambda r: r.line):
        groups[-1].append(row)
        if row.name.replace(" ", "") == "合计":
            groups.append([])
    return [
        group for group in groups if len(group) >= 2 and group[-1].name.replace(" ", "") == "合计"
    ]


def _figure(row: FundingRow, column: str) -> Figure:
    fact = row.cells.get(column)
    return Figure.of(fact) if fact is not None and fact.unit != "%" else Figure.zero()


@check_kind("overall_funding")
def overall_funding(context: Context) -> None:
    """In the 整体 form each group's items add up to 合计 (this year and the prior years), and each share fits."""
    for table in tables(context.document, "部门整体支出绩效目标表"):
        for group in funding_groups(table):
            *items, total = group
            columns = {c for row in group for c in row.cells if c != "占比"}
            for column in sorted(columns):
                stated = _figure(total, column)
                parts = [_figure(row, column) for row in items]
                if stated.fact is None:
                    continue
                context.compare(
                    stated,
                    Figure.total(parts),
                    parts,
                    message("figure.cell", table=Term(table.id), row="合计", column=column),
                    message("how.items_sum", n=len(parts)),
                )
            for row in items:
                _check_share(context, table, row, total)


def _check_share(context: Context, table: Table, row: FundingRow, total: FundingRow) -> None:
    share = row.cells.get("占比")
    part, whole = _figure(row, "当年金额"), _figure(total, "当年金额")
    if share is None or part.fact is None or whole.fact is None:
        return
    verdict = share_verdict(share.amount.interval, part, whole)
    if verdict is not Verdict.MISMATCH:
        return
    source = context.document.source
    evidence = [
        Evidence.of(share, source),
        Evidence.of(part.fact, source),
        Evidence.of(whole.fact, source),
    ]
    computed = exact_share(part, whole)
    context.report(
        message(
            "forms.share",
            table=Term(table.id),
            row=row.name,
            share=share.raw,
            part=part.value,
            whole=whole.value,
            computed=computed,
        ),
        evidence,
        expected=computed,
        stated=share.value,
        difference=share.value - computed,
    )


@check_kind(
    "overall_vs_tables",
    rows=Param(MapOf(TEXT), {}, "整体 form row name → the 支出总表 figure it restates"),
)
def overall_vs_tables(context: Context) -> None:
    """The 整体 form's current amounts equal the tables' (收入合计, 基本支出, 项目支出 ...)."""
    summary, expenditure = (
        first_table(context.document, "收支总表"),
        first_table(context.document, "支出总表"),
    )
    references: dict[str, Figure] = {}
    income_total = item(summary, "收入总计", "收入") if summary is not None else None
    if income_total is not None:
        references["收入合计"] = cell(income_total, "预算数")
    if expenditure is not None and (total := total_row(expenditure)) is not None:
        references["支出合计"] = cell(total, "合计")
        references["基本支出"] = cell(total, "基本支出")
        references["项目支出"] = cell(total, "项目支出")
    names = context.rule.params["rows"]
    for table in tables(context.document, "部门整体支出绩效目标表"):
        groups = funding_groups(table)
        if len(groups) < 2 or not references:
            context.skip(message("forms.no_funding", table=Term(table.id)))
            continue
        for group, side in zip(groups[:2], ("收入", "支出"), strict=False):
            for row in group:
                key = "收入合计" if side == "收入" and row.name == "合计" else names.get(row.name)
                if side == "支出" and row.name == "合计":
                    key = "支出合计"
                stated = _figure(row, "当年金额")
                if key is None or key not in references or stated.fact is None:
                    continue
                reference = references[key]
                what = message(
                    "figure.cell", table=Term(table.id), row=row.name, column=Term("当年金额")
                )
                context.compare(
                    stated, reference, [reference], what, message("term", term=Term(key))
                )


@check_kind("project_budgets")
def project_budgets(context: Context) -> None:
    """Each project's budget in the 整体 form and in its own form equals its row of the 项目支出表."""
    projects = first_table(context.document, "项目支出表")
    if projects is None:
        context.skip(message("forms.no_project_table"))
        return
    rows = {
        re.sub(r"\s+", "", row.name): row
        for row in projects.rows
        if row.name and "合计" in row.cells
    }
    total = total_row(projects)
    for table in context.document.tables:
        if table.kind.name not in ("部门整体支出绩效目标表", "项目支出绩效目标表"):
            continue
        for fact in table.facts:
            if fact.column not in ("项目本年预算", "项目当年预算", "当年预算"):
                continue
            if (
                fact.name in ("合计", "合 计")
                and total is not None
                and table.kind.name == "部门整体支出绩效目标表"
            ):
                reference = cell(total, "合计")
                context.compare(
                    Figure.of(fact),
                    reference,
                    [reference],
                    message("forms.projects_total", table=Term(table.id), column=fact.column),
                    message("forms.project_table_total"),
                )
                continue
            name = _project_name(context, table, fact)
            match = match_project(rows, name)
            if match is None:
                context.skip(
                    message(
                        "forms.no_project",
                        table=Term(table.id),
                        name=name,
                        column=fact.column,
                        figure=fact.raw,
                    )
                )
                continue
            reference = cell(match, "合计")
            context.compare(
                Figure.of(fact),
                reference,
                [reference],
                message("figure.cell", table=Term(table.id), row=name, column=fact.column),
                message("figure.row", table=Term("项目支出表"), row=match.name),
            )


def _project_name(context: Context, table: Table, fact: Fact) -> str:
    """The project a budget figure belongs to: the form's 项目名称, or the row's name in the 整体 form."""
    if table.kind.name == "项目支出绩效目标表":
        return project_title(context.document.source, table)
    return re.sub(r"\s+", "", fact.name)


def match_project(rows: dict[str, Row], name: str) -> Row | None:
    """The 项目支出表 row whose name is the project's (or contains it, for wrapped names)."""
    if not name:
        return None
    if name in rows:
        return rows[name]
    found = [row for key, row in rows.items() if name in key or (len(key) >= 4 and key in name)]
    return found[0] if len(found) == 1 else None


@check_kind("calculation_lines")
def calculation_lines(context: Context) -> None:
    """A 测算依据 line's factors multiply to its amount (``1360 平方米*70 元/平方米 → 9.52 万元``)."""
    for table in tables(context.document, "项目支出绩效目标表"):
        by_line: dict[int, list[Fact]] = {}
        for fact in table.facts:
            by_line.setdefault(fact.location.line, []).append(fact)
        for facts in by_line.values():
            factors = [f for f in facts if f.column == FACTOR]
            amounts = [f for f in facts if f.column != FACTOR and f.unit in ("万元", "元")]
            prices = [f for f in factors if f.unit in ("万元", "元")]
            if len(factors) < 2 or len(amounts) != 1 or len(prices) != 1:
                continue
            product = Decimal(1)
            for factor in factors:
                product *= factor.value
            scale = Decimal(1) if prices[0].unit == "万元" else Decimal("0.0001")
            expected = Figure(product * scale, Interval.exact(product * scale))
            stated = Figure.of(amounts[0])
            what = "×".join(f"{f.raw}{f.unit}" for f in factors)
            context.compare(
                stated,
                expected,
                [Figure.of(f) for f in factors],
                message("forms.calculation", table=Term(table.id), factors=what),
                message("forms.factors_product"),
            )


@check_kind("calculation_total")
def calculation_total(context: Context) -> None:
    """A project form's 测算 amounts add up to the block's 合计, and that to the 项目当年预算.

    Only figures under an amount column count (the 合计 row's column, or a header
    naming 金额 or 测算数): in space-separated forms, where cells keep no column,
    the block is not summed and the report says so.
    """
    for table in tables(context.document, "项目支出绩效目标表"):
        block = [
            f
            for f in table.facts
            if f.section == CALCULATION and f.column != FACTOR and f.unit in ("万元", "元")
        ]
        budget = next((f for f in table.facts if f.column in ("项目当年预算", "当年预算")), None)
        total = next((f for f in block if f.name == "合计"), None)
        columns = (
            {total.column}
            if total is not None
            else {f.column for f in block if "金额" in f.column or "测算数" in f.column}
        )
        items = [f for f in block if f.column in columns and f is not total]
        if not items:
            if block:
                context.skip(message("forms.no_amount_column", table=Term(table.id)))
            continue
        parts = [Figure.of(f) for f in items]
        summed = Figure.total(parts)
        if total is not None:
            context.compare(
                Figure.of(total),
                summed,
                parts,
                message("forms.calculation", table=Term(table.id), factors="合计"),
                message("forms.calculations_sum", n=len(items)),
            )
        if budget is not None:
            reference = Figure.of(total) if total is not None else summed
            evidence = [Figure.of(total)] if total is not None else parts
            context.compare(
                Figure.of(budget),
                reference,
                evidence,
                message("figure.row", table=Term(table.id), row="项目当年预算"),
                message("forms.calculation_total"),
            )
