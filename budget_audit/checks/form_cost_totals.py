"""A project form's cost indicator that states the project's total against its budget (BA417).

Besides the 成本控制 cap (BA410), a form may give the project's cost as an
indicator: 项目总成本 ≤ N 万元, 预算控制数 = N 万元. Such a figure is the whole
project's, as the budget is, so a cap below the 项目当年预算 contradicts it,
and a stated total (= N, or N alone) differs from it only if one of the two
was left from another project or year. A unit cost is not the project's
total (人均伙食标准 = 900 元/月·人 times a head count is not comparable), so
only names the rule lists as totals are read, and never with a word that
makes the figure a part or a unit's (单价, 人均, 每 …). A stated total is
compared only where the form's 项目总预算 and 项目当年预算 agree (a one-year
project): a multi-year project's total is neither. Names with 成本控制 are
BA410's. Only figures in the form's 成本指标 block are read (项目总投入 in its
funding block is a budget field, not an indicator). 元 and 万元 are converted;
the figures' printed digits are intervals.
"""

from __future__ import annotations

import re

from budget_audit.checks.form_costs import printed_wan
from budget_audit.facts import Fact
from budget_audit.findings import Evidence
from budget_audit.messages import Term, message
from budget_audit.numbers import normalise
from budget_audit.params import TEXT, ListOf, Param
from budget_audit.rule import Context, check_kind
from budget_audit.tables.table import Table
from budget_audit.tables.tokens import without_spaces

_BUDGET = ("项目当年预算", "项目本年预算", "当年预算")
_TOTAL_BUDGET = ("项目总预算",)
_YEAR = re.compile(r"20\d\d")
_OTHER_LEVEL = re.compile(r"产出指标|效益指标|满意度指标")


def _relation(context: Context, fact: Fact) -> str:
    """The sign printed before the figure: ``cap`` (≤, <), ``floor`` (≥, >) or ``equal``."""
    if fact.location.start is None:
        return "equal"
    before = normalise(context.document.source.line(fact.location.line))[: fact.location.start]
    sign = re.search(r"([≤<≥>])=?\s*$", before)
    if sign is None:
        return "equal"
    return "cap" if sign.group(1) in "≤<" else "floor"


def _cost_lines(context: Context, table: Table) -> set[int]:
    """The lines of the form's 成本指标 blocks: from a line naming 成本指标 to the next other
    first-level indicator (产出, 效益, 满意度). A budget field (项目总投入 435) is not one."""
    lines: set[int] = set()
    inside = False
    for number in range(table.first_line, table.last_line + 1):
        text = without_spaces(normalise(context.document.source.line(number)))
        if "成本指标" in text:
            inside = True
        elif _OTHER_LEVEL.search(text):
            inside = False
        if inside:
            lines.add(number)
    return lines


def _one(table: Table, columns: tuple[str, ...]) -> Fact | None:
    facts = [f for f in table.facts if f.column in columns and printed_wan(f) is not None]
    return facts[0] if len({f.value_wan for f in facts}) == 1 else None


@check_kind(
    "cost_totals",
    totals=Param(ListOf(TEXT), help="indicator names that state the whole project's cost"),
    parts=Param(ListOf(TEXT), help="words that make a cost a part's or a unit's"),
)
def cost_totals(context: Context) -> None:
    """A project form's whole-project cost indicator agrees with its 项目当年预算."""
    params = context.rule.params
    totals, parts = tuple(params["totals"]), tuple(params["parts"])
    source = context.document.source
    for table in context.document.tables:
        if table.kind.name != "项目支出绩效目标表":
            continue
        budget = _one(table, _BUDGET)
        if budget is None:
            continue
        whole = _one(table, _TOTAL_BUDGET)
        single_year = whole is None or whole.value_wan == budget.value_wan
        budget_wan = printed_wan(budget)
        assert budget_wan is not None
        cost_lines = _cost_lines(context, table)
        for fact in table.facts:
            name = without_spaces(fact.name)
            figure = printed_wan(fact)
            if (
                figure is None
                or fact.location.line not in cost_lines
                or not any(word in name for word in totals)
                or any(word in name for word in parts)
                or "成本控制" in name
                or _YEAR.search(fact.column)
                or fact.column in _BUDGET + _TOTAL_BUDGET
            ):
                continue
            relation = _relation(context, fact)
            if relation == "cap":
                contradicts = figure.high < budget_wan.low
            elif relation == "equal" and single_year:
                contradicts = figure.high < budget_wan.low or figure.low > budget_wan.high
            else:
                continue
            if not contradicts:
                continue
            stated, expected = fact.value_wan, budget.value_wan
            assert stated is not None and expected is not None
            context.report(
                message(
                    f"form_cost_totals.{relation}",
                    table=Term(table.id),
                    row=name,
                    figure=stated,
                    budget=expected,
                ),
                [Evidence.of(fact, source), Evidence.of(budget, source)],
                expected=expected,
                stated=stated,
                difference=stated - expected,
            )
