"""A project form's cost ceiling (成本控制) against the project's own budget for the year.

A 成本指标 such as ``成本控制额度 ≤67.14 万元`` caps what the project may
spend; the same form's 项目当年预算 is what it is given to spend. A cap on
the whole project that is below the budget contradicts it: either the cap or
the budget was left from another project or year. Only caps on the whole
project are compared: a unit cost (单价, 人均, 每…) or one of several cost
indicators with different figures may cap a part, so those are not checked.
"""

from __future__ import annotations

import re
from decimal import Decimal

from budget_audit.facts import Fact
from budget_audit.findings import Evidence
from budget_audit.messages import Term, message
from budget_audit.numbers import Amount, Interval
from budget_audit.rule import Context, check_kind
from budget_audit.tables.table import Table

_BUDGET_COLUMNS = ("项目当年预算", "项目本年预算", "当年预算")
_YEAR = re.compile(r"20\d\d")
# A cap on a part or a unit, not on the whole project.
_PART = re.compile(r"单价|单位成本|人均|平均|每|标准")
_TEN_THOUSAND = Decimal(10000)
_NUMBER = re.compile(r"\d+(?:\.(\d+))?")


def _wan(fact: Fact) -> Interval | None:
    """Every value in 万元 the printed figure may stand for; ``None`` when it is not money."""
    interval = fact.amount.interval
    printed = _NUMBER.search(fact.raw.replace(",", ""))
    if printed is not None:  # as printed: a cap written whole (≤266 万元) may be a rounded figure
        places = len(printed.group(1) or "")
        interval = Amount(fact.amount.value, places).interval
    if fact.unit == "万元":
        return interval
    if fact.unit == "元":
        return Interval(interval.low / _TEN_THOUSAND, interval.high / _TEN_THOUSAND)
    return None


def _is_total_cap(fact: Fact) -> bool:
    """A money figure of a 成本控制 indicator for the whole project, in no prior year's column."""
    name = re.sub(r"\s+", "", fact.name)
    return (
        "成本控制" in name
        and _PART.search(name) is None
        and _wan(fact) is not None
        and _YEAR.search(fact.column) is None
    )


def _caps(table: Table) -> tuple[list[Fact], str | None]:
    """The form's whole-project cost caps, or why they cannot be told apart."""
    caps = [fact for fact in table.facts if _is_total_cap(fact)]
    per_line: dict[int, int] = {}
    for fact in caps:
        per_line[fact.location.line] = per_line.get(fact.location.line, 0) + 1
    if any(count > 1 for count in per_line.values()):
        return [], "lines"  # several amounts outside the years' columns: which is this year's?
    values = {fact.value_wan for fact in caps}
    if len(values) > 1:
        return [], "values"
    return caps, None


@check_kind("cost_cap")
def cost_cap(context: Context) -> None:
    """Each project form's 成本控制 cap is not below the form's own 项目当年预算."""
    source = context.document.source
    for table in context.document.tables:
        if table.kind.name != "项目支出绩效目标表":
            continue
        caps, why = _caps(table)
        if why is not None:
            context.skip(message(f"form_costs.ambiguous_{why}", table=Term(table.id)))
            continue
        if not caps:
            continue
        budgets = [f for f in table.facts if f.column in _BUDGET_COLUMNS and _wan(f) is not None]
        if len({f.value_wan for f in budgets}) != 1:
            context.skip(message("form_costs.no_budget", table=Term(table.id)))
            continue
        budget = budgets[0]
        budget_wan = _wan(budget)
        assert budget_wan is not None
        cap = caps[0]  # all caps of the form state one figure (see _caps)
        cap_wan = _wan(cap)
        assert cap_wan is not None
        if cap_wan.high >= budget_wan.low:
            continue
        cap_value, budget_value = cap.value_wan, budget.value_wan
        assert cap_value is not None and budget_value is not None
        context.report(
            message(
                "form_costs.cap_below_budget",
                table=Term(table.id),
                row=cap.name,
                cap=cap_value,
                budget=budget_value,
                unit=Term("万元"),
            ),
            [*(Evidence.of(c, source) for c in caps), Evidence.of(budget, source)],
            expected=budget_value,
            stated=cap_value,
            difference=cap_value - budget_value,
        )
