"""The prior years' budgets the project forms state, summed, against the 整体 form (BA414).

Each project form states what the project was given in the two years before
(项目前两年预算: "2024 年项目预算 113 万元", or a small table of 年度 / 预算数 /
执行数 / 执行率); the 部门整体支出绩效目标表 states the department's project
spending in those years (近两年收支金额). The forms cover some of the
department's projects, perhaps not all, so their sum may fall short of the
整体 figure; it cannot exceed it unless one of the two is wrong (or a project
came from another department, which the forms would not say): a warning.

Only what is sure is summed. A year's figure is read from the form's own
前两年预算 field; a form printing the same project twice counts once; a
table row whose 预算数 cell may have been dropped (one amount and no 执行率)
is not read, and one with an 执行率 counts the least budget the rate allows.
Every printed figure is an interval: the sum's least value must exceed the
整体 figure's greatest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from budget_audit.checks.forms import funding_groups
from budget_audit.findings import Evidence
from budget_audit.messages import Items, Term, message
from budget_audit.numbers import Amount, find_numbers, normalise
from budget_audit.params import TEXT, ListOf, Param
from budget_audit.rule import Context, check_kind
from budget_audit.tables.forms import project_title
from budget_audit.tables.table import Table
from budget_audit.tables.tokens import without_spaces
from budget_audit.tolerance import wan

_TEN_THOUSAND = Decimal(10000)
_FIELD_START = re.compile(r"^项目前两年预")
# where the prior years' part of the field ends: the change and its reason, or the next field
_FIELD_END = re.compile(
    r"当年预算变动情况及理由|变动理由|2\.当年预算|项目(?:当年)?资金来源|项目实施方案"
)
_FIELD_REACH = 8  # lines a wrapped field may run over
# "2024 年项目预算 113 万元", "2023 年的预算安排为275 万元", "2023 预算安排为 3万元"
_STATED = re.compile(
    r"(20\d\d)\s*(?:年度?)?(?P<before>[^，。；;,、\d]{0,12}?)(?:预算|安排)"
    r"(?P<after>[^，。；;,、\d]{0,8}?)(?P<amount>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|万|元)"
)
_ROW = re.compile(r"(20\d\d)\s*年")


@dataclass(frozen=True)
class PriorBudget:
    """One form's budget for a prior year: the least value (万元) its printed figure allows."""

    table: str
    year: int
    low: Decimal
    value: Decimal
    line: int
    raw: str


def _wan(amount: Amount, unit: str) -> tuple[Decimal, Decimal]:
    """(least value, printed value) in 万元."""
    scale = _TEN_THOUSAND if unit == "元" else Decimal(1)
    return max(amount.interval.low, Decimal(0)) / scale, amount.value / scale


def _field_lines(context: Context, table: Table) -> list[tuple[int, str]]:
    """The lines of the form's 项目前两年预算 field(s), cut where the change's reason begins."""
    source = context.document.source
    found: list[tuple[int, str]] = []
    number = table.first_line
    while number <= table.last_line:
        text = normalise(source.line(number))
        if _FIELD_START.match(without_spaces(text)) is None:
            number += 1
            continue
        following = number  # the next line of the field to read
        while following < min(number + _FIELD_REACH, table.last_line + 1):
            line = normalise(source.line(following))
            if following > number and _FIELD_START.match(without_spaces(line)):
                break  # a second field of its own (项目前两年预算, then …及当年预算变动情况)
            label = re.match(r"\s*项目前两年预[^\t]*?(?:况|算)(?=\t|\s|$)", line)
            body = line[label.end() :] if label is not None else line
            end = _FIELD_END.search(without_spaces(body))
            following += 1
            if end is not None:
                found.append(
                    (following - 1, line[: len(line) - len(body) + _cut_at(body, end.start())])
                )
                break
            found.append((following - 1, line))
        number = following
    return found


def _cut_at(text: str, compact_index: int) -> int:
    """The position in ``text`` of the ``compact_index``-th character not a space."""
    seen = 0
    for position, char in enumerate(text):
        if char.isspace():
            continue
        if seen == compact_index:
            return position
        seen += 1
    return len(text)


def _stated(
    table: Table, lines: list[tuple[int, str]], before_year: int, not_budget: re.Pattern[str]
) -> list[PriorBudget]:
    """Budgets stated in words; wrapped lines are joined, each figure keeps its own line."""
    joined, starts = "", []
    for number, text in lines:
        starts.append((len(joined), number))
        joined += text.rstrip("\n")
    found = []
    for match in _STATED.finditer(joined):
        year = int(match.group(1))
        if year >= before_year or not_budget.search(match["before"] + match["after"]):
            continue
        token = next(find_numbers(match["amount"]), None)
        if token is None:
            continue
        unit = "元" if match["unit"] == "元" else "万元"
        low, value = _wan(token.amount, unit)
        line = max(n for start, n in starts if start <= match.start("amount"))
        found.append(PriorBudget(table.id, year, low, value, line, match["amount"]))
    return found


def _tabled(table: Table, lines: list[tuple[int, str]], before_year: int) -> list[PriorBudget]:
    """Budgets in a 年度 / 预算数 / 执行数 / 执行率 table (its header names 预算数 first)."""
    header = next((i for i, (_, text) in enumerate(lines) if "预算数" in text), None)
    if header is None or "执行数" not in "".join(text for _, text in lines[header:]):
        return []
    found = []
    for number, text in lines[header:]:
        row = _ROW.search(text)
        if row is None or int(row.group(1)) >= before_year:
            continue
        tokens = list(find_numbers(text[row.end() :]))
        amounts = [t for t in tokens if not text[row.end() + t.end :].lstrip().startswith("%")]
        rates = [t for t in tokens if t not in amounts]
        if not amounts:
            continue
        low, value = _wan(amounts[0].amount, table.unit)
        if len(amounts) == 1:  # 预算数 or 执行数, one of them dropped
            if len(rates) != 1 or rates[0].amount.interval.high <= 0:
                continue
            # the amount is the budget, or the outturn at this rate of it: the lesser of the two
            low = min(low, low * 100 / rates[0].amount.interval.high)
        found.append(PriorBudget(table.id, int(row.group(1)), low, value, number, amounts[0].raw))
    return found


def prior_budgets(
    context: Context, table: Table, before_year: int, not_budget: re.Pattern[str]
) -> dict[int, PriorBudget]:
    """The form's budget of each year before ``before_year`` (the least where it says two)."""
    lines = _field_lines(context, table)
    by_year: dict[int, PriorBudget] = {}
    for budget in [
        *_stated(table, lines, before_year, not_budget),
        *_tabled(table, lines, before_year),
    ]:
        if budget.year not in by_year or budget.low < by_year[budget.year].low:
            by_year[budget.year] = budget
    return by_year


@dataclass(frozen=True)
class _Spending:
    """The 整体 form's project spending of one year: its cells and the greatest value they allow."""

    high: Decimal
    value: Decimal
    evidence: list[Evidence]


def _overall_spending(context: Context, table: Table) -> dict[int, _Spending]:
    """Each prior year's project spending in the 整体 form: the sum of its 项目 rows, where every
    one of them has that year's cell; nothing when the rows hold one prior year only."""
    rows = [
        row
        for group in funding_groups(table)
        for row in group
        if "项目" in row.name and "合计" not in row.name
    ]
    years = {c for row in rows for c in row.cells if re.fullmatch(r"20\d\d年", c)}
    if len(years) < 2:
        # one prior year printed: a row read by content puts its one figure under the header's
        # first year, and which year it is cannot be told
        return {}
    found = {}
    for column in years:
        facts = [row.cells.get(column) for row in rows]
        if not rows or any(f is None or f.unit not in ("万元", "元") for f in facts):
            continue
        high = value = Decimal(0)
        evidence = []
        for fact in facts:
            assert fact is not None
            scale = _TEN_THOUSAND if fact.unit == "元" else Decimal(1)
            high += fact.amount.interval.high / scale
            value += fact.amount.value / scale
            evidence.append(Evidence.of(fact, context.document.source))
        found[int(column[:4])] = _Spending(high, value, evidence)
    return found


@check_kind(
    "prior_project_budgets",
    not_budget=Param(
        ListOf(TEXT), help="words that make a year's stated figure an outturn or a change"
    ),
)
def prior_project_budgets(context: Context) -> None:
    """The project forms' budgets of a prior year, summed, do not exceed the 整体 form's project
    spending of that year."""
    words = context.rule.params["not_budget"]
    not_budget = re.compile("|".join(re.escape(w) for w in words))
    document = context.document
    overall = [t for t in document.tables if t.kind.name == "部门整体支出绩效目标表"]
    forms = [t for t in document.tables if t.kind.name == "项目支出绩效目标表"]
    if not forms or document.year is None:
        return
    if len(overall) != 1:
        if overall:  # one per unit: which forms belong to which cannot be told
            context.skip(message("form_history.several_overall", n=len(overall)))
        return
    spending = _overall_spending(context, overall[0])
    by_name: dict[str, dict[int, PriorBudget]] = {}
    for form in forms:
        name = project_title(context.document.source, form) or form.id
        budgets = prior_budgets(context, form, document.year, not_budget)
        kept = by_name.setdefault(name, {})  # a project printed twice counts once
        for year, budget in budgets.items():
            if year not in kept or budget.low < kept[year].low:
                kept[year] = budget
    for year, total in sorted(spending.items()):
        stated = [b[year] for b in by_name.values() if year in b and b[year].value > 0]
        if sum((b.low for b in stated), Decimal(0)) <= total.high:
            continue
        summed = sum((b.value for b in stated), Decimal(0))
        source = document.source
        context.report(
            message(
                "form_history.above_overall",
                year=year,
                n=len(stated),
                listed=Items(tuple(wan(b.value) for b in stated), " + ", " + "),
                summed=summed,
                table=Term(overall[0].id),
                spending=total.value,
            ),
            [
                *total.evidence,
                *(
                    Evidence.at(source, b.line, b.raw, table=b.table, column=f"{year}年预算")
                    for b in stated
                ),
            ],
            expected=total.value,
            stated=summed,
            difference=summed - total.value,
        )
