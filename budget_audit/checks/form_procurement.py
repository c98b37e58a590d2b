"""The project forms' procurement, summed, against the narrative's 政府采购 total (BA418).

Each project form lists what the project buys (项目采购: 品名, 数量, 金额); the
情况说明 states the department's 政府采购预算 in one total ("政府采购预算支出
合计 173.95 万元"). A project's purchases are part of the department's, and
the department may also buy from its basic spending, so the forms' sum may
be below the total, never above it. Where the 政府采购预算表 is missing (a
picture, or left out) this is the only check the narrative total gets.

Only rows whose amount is sure are summed: in a tab-separated block the cell
under the header's 金额; in a space-separated one a row of exactly a quantity
and an amount after its name. A row that cannot be read only lowers the sum,
so it is left out. The narrative total is compared only when the document
states one (one figure, in 万元 or 元). A warning: a template may list in
项目采购 a purchase below the procurement threshold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from budget_audit.checks.claim_support import mention_figure
from budget_audit.claims.model import AmountClaim
from budget_audit.findings import Evidence
from budget_audit.messages import Items, Term, message
from budget_audit.numbers import Interval, find_numbers, normalise
from budget_audit.params import TEXT, ListOf, Param
from budget_audit.rule import Context, check_kind
from budget_audit.tables.table import Table
from budget_audit.tolerance import Figure, wan

_TEN_THOUSAND = Decimal(10000)
_BUDGET = ("项目当年预算", "项目本年预算", "当年预算")
_HEADER_REACH = 4  # lines after 项目采购 its header (品名, 数量, 金额) may stand on
_BLOCK_END = re.compile(r"^(?:项目绩效|绩效目标|长期|年度|项目资金|项目支出)")
_CODE = re.compile(r"^\s*[A-Z]\d{4,}")  # a procurement catalogue code standing for the name
_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z]")


@dataclass(frozen=True)
class _Purchase:
    table: str
    line: int
    raw: str
    figure: Figure


def _unit(header: str, table: Table) -> str:
    found = re.search(r"金额\s*[(（]\s*(万元|元)\s*[)）]", header)
    return found.group(1) if found else table.unit


def _figure(raw: str, unit: str) -> Figure:
    amount = next(find_numbers(raw)).amount
    scale = _TEN_THOUSAND if unit == "元" else Decimal(1)
    interval = amount.interval
    return Figure(amount.value / scale, Interval(interval.low / scale, interval.high / scale))


def purchases(context: Context, table: Table) -> list[_Purchase]:
    """The amounts of a project form's 项目采购 rows that can be read for sure."""
    source = context.document.source

    def compact(number: int) -> str:
        return re.sub(r"\s+", "", normalise(source.line(number)))

    lines = range(table.first_line, table.last_line + 1)
    start = next((n for n in lines if compact(n).startswith("项目采购")), None)
    if start is None:
        return []
    header = next(
        (n for n in range(start, min(start + _HEADER_REACH, table.last_line + 1))
         if "品名" in compact(n) and "金额" in compact(n)),
        None,
    )  # fmt: skip
    if header is None:
        return []
    found: list[_Purchase] = []
    for number in range(header + 1, table.last_line + 1):
        if _BLOCK_END.match(compact(number)):
            break
        row = _row(context, header, number, table)
        if row is not None:
            found.append(row)
    return found


def _row(context: Context, header_line: int, number: int, table: Table) -> _Purchase | None:
    """A purchase row's amount: the cell under 金额 (tabs), or the second of exactly two numbers
    after a name (spaces); ``None`` when it cannot be told."""
    source = context.document.source
    header = normalise(source.line(header_line))
    text = normalise(source.line(number))
    if "\t" in header and "\t" in text:
        columns = [re.sub(r"\s+", "", c) for c in header.split("\t")]
        index = next((i for i, c in enumerate(columns) if c.startswith("金额")), None)
        cells = text.split("\t")
        if index is None or index >= len(cells):
            return None
        tokens = list(find_numbers(cells[index]))
        if len(tokens) != 1 or cells[index].strip() != tokens[0].raw:
            return None
    else:
        body = _CODE.sub(lambda m: " " * len(m.group()), text)
        tokens = list(find_numbers(body))
        if len(tokens) != 2 or body[tokens[1].end :].strip():
            return None  # not a name, a quantity and an amount
        if _CODE.match(text) is None and not _NAME.search(body[: tokens[0].start]):
            return None
        tokens = tokens[1:]
    return _Purchase(table.id, number, tokens[0].raw, _figure(tokens[0].raw, _unit(header, table)))


def _within_budget(context: Context, table: Table) -> list[_Purchase]:
    """The form's purchases, unless they add up to more than its own 项目当年预算: then their
    unit (元 in a 万元 form) or their reading is in doubt, and none is counted."""
    bought = purchases(context, table)
    budgets = {Figure.of(f).value: f for f in table.facts if f.column in _BUDGET}
    if len(budgets) != 1 or not bought:
        return bought
    budget = Figure.of(next(iter(budgets.values())))
    if Figure.total(p.figure for p in bought).interval.low <= budget.interval.high:
        return bought
    context.skip(message("form_procurement.above_budget", table=Term(table.id)))
    return []


def _narrative_total(context: Context, not_total: re.Pattern[str]) -> AmountClaim | None:
    """The one 政府采购 total the narrative states."""
    totals = [
        claim
        for claim in context.document.claims.amounts
        if "政府采购" in claim.subject
        and "合计" in claim.subject
        and not_total.search(claim.subject.split("政府采购")[-1]) is None
    ]
    values = {mention_figure(c.value).value for c in totals}
    return totals[0] if len(values) == 1 else None


@check_kind(
    "project_procurement",
    not_total=Param(
        ListOf(TEXT), help="words after 政府采购 that make an amount a category's or a change"
    ),
)
def project_procurement(context: Context) -> None:
    """The project forms' 项目采购 amounts, summed, do not exceed the narrative's 政府采购 total."""
    words = context.rule.params["not_total"]
    not_total = re.compile("|".join(re.escape(w) for w in words))
    forms = [t for t in context.document.tables if t.kind.name == "项目支出绩效目标表"]
    if not forms:
        return
    bought = [p for form in forms for p in _within_budget(context, form)]
    if not bought:
        return
    total = _narrative_total(context, not_total)
    if total is None:
        return
    stated = mention_figure(total.value)
    summed = Figure.total(p.figure for p in bought)
    if summed.interval.low <= stated.interval.high:
        return
    source = context.document.source
    context.report(
        message(
            "form_procurement.above_total",
            n=len(bought),
            listed=Items(tuple(wan(p.figure.value) for p in bought), " + ", " + "),
            summed=summed.value,
            total=total.value.raw,
        ),
        [
            Evidence.at(source, total.value.line, total.value.raw),
            *(Evidence.at(source, p.line, p.raw, table=p.table, column="金额") for p in bought),
        ],
        expected=stated.value,
        stated=summed.value,
        difference=summed.value - stated.value,
    )
