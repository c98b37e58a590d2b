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
from budget_audit.messages import Items, Term, message
from budget_audit.numbers import Amount, Interval, normalise
from budget_audit.rule import Context, check_kind
from budget_audit.tables.table import Table
from budget_audit.tables.tokens import without_spaces

_BUDGET_COLUMNS = ("项目当年预算", "项目本年预算", "当年预算")
_YEAR = re.compile(r"20\d\d")
# A cap on a part or a unit, not on the whole project.
_PART = re.compile(r"单价|单位成本|人均|平均|每|标准")
_TEN_THOUSAND = Decimal(10000)
_NUMBER = re.compile(r"\d+(?:\.(\d+))?")


def printed_wan(fact: Fact) -> Interval | None:
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
    name = without_spaces(fact.name)
    return (
        "成本控制" in name
        and _PART.search(name) is None
        and printed_wan(fact) is not None
        and _YEAR.search(fact.column) is None
    )


def _is_floor(context: Context, fact: Fact) -> bool:
    """A figure printed after ``≥`` or ``>``: a floor, which a budget above it does not break."""
    if fact.location.start is None:
        return False
    before = normalise(context.document.source.line(fact.location.line))[: fact.location.start]
    return re.search(r"[≥>]=?\s*$", before) is not None


def _caps(context: Context, table: Table) -> tuple[list[Fact], str | None]:
    """The form's whole-project cost caps, or why they cannot be told apart."""
    caps = [f for f in table.facts if _is_total_cap(f) and not _is_floor(context, f)]
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
        caps, why = _caps(context, table)
        if why is not None:
            context.skip(message(f"form_costs.ambiguous_{why}", table=Term(table.id)))
            continue
        if not caps:
            continue
        budgets = [
            f for f in table.facts if f.column in _BUDGET_COLUMNS and printed_wan(f) is not None
        ]
        if len({f.value_wan for f in budgets}) != 1:
            context.skip(message("form_costs.no_budget", table=Term(table.id)))
            continue
        budget = budgets[0]
        budget_wan = printed_wan(budget)
        assert budget_wan is not None
        cap = caps[0]  # all caps of the form state one figure (see _caps)
        cap_wan = printed_wan(cap)
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


# "2024 年项目预算 0 万元" in the 项目前两年预算 field.
_PRIOR_BUDGET = re.compile(r"(20\d\d)年度?项目预算(?:金额)?[为:：]?(\d+(?:\.\d+)?)万元")
_HEADER_YEAR = re.compile(r"^(20\d\d)年度?$")
_CAP_CELL = re.compile(r"^[≤<]=?(\d+(?:\.\d+)?)(万元|元)$")
_HEADER_REACH = 4  # lines above a cap line its header of years may stand on


def _cells(context: Context, line: int) -> list[str]:
    """The tab-separated cells of a line, spaces removed, empty ones dropped."""
    text = normalise(context.document.source.line(line))
    return [c for c in (without_spaces(cell) for cell in text.split("\t")) if c]


def _header_years(context: Context, table: Table, line: int) -> list[str]:
    """The years of the columns before 预期当年实现值, from the header just above ``line``.

    Only a header whose cells are all years (``2024 年 2025 年``, with or without
    预期当年实现值) is used: the cap cells then stand in those years' order."""
    for number in range(line - 1, max(table.first_line, line - _HEADER_REACH) - 1, -1):
        cells = _cells(context, number)
        years = [c for c in cells if _HEADER_YEAR.match(c)]
        if years and all(_HEADER_YEAR.match(c) or c == "预期当年实现值" for c in cells):
            return [c[:4] for c in years]
    return []


@check_kind("cost_cap_zero_year")
def cost_cap_zero_year(context: Context) -> None:
    """No project form caps the cost of a prior year whose budget it states as 0."""
    source = context.document.source
    for table in context.document.tables:
        if table.kind.name != "项目支出绩效目标表":
            continue
        prior: dict[str, tuple[Decimal, int]] = {}
        for number in range(table.first_line, table.last_line + 1):
            text = without_spaces(normalise(source.line(number)))
            if text.startswith("项目前两年预算") and not text.startswith("项目前两年预算及"):
                for year, amount in _PRIOR_BUDGET.findall(text):
                    prior.setdefault(year, (Decimal(amount), number))
        zero = {year: line for year, (amount, line) in prior.items() if amount == 0}
        if not zero:
            continue
        for number in range(table.first_line, table.last_line + 1):
            cells = _cells(context, number)
            if not any("成本控制" in c for c in cells):
                continue
            caps = [c for c in cells if _CAP_CELL.match(c)]
            years = _header_years(context, table, number)
            if not caps or not years:
                continue
            if len(caps) != len(years) + 1:
                # an empty year cell was dropped: which cap is which year cannot be told
                context.skip(
                    message("form_costs.years_unplaced", table=Term(table.id), line=number)
                )
                continue
            capped = [
                (year, cap)
                for year, cap in zip(years, caps, strict=False)
                if year in zero and Decimal(_number(cap)) != 0
            ]
            if not capped:
                continue
            context.report(
                message(
                    "form_costs.cap_in_zero_year",
                    table=Term(table.id),
                    year=Items(tuple(year for year, _ in capped)),
                    cap=capped[0][1],
                ),
                [
                    *(
                        Evidence.at(source, number, cap, table=table.id, column=f"{year}年")
                        for year, cap in capped
                    ),
                    *(
                        Evidence.at(source, zero[year], "0", table=table.id, row="项目前两年预算")
                        for year, _ in capped
                    ),
                ],
            )


def _number(cap: str) -> str:
    """The figure of a cap cell (``≤272万元`` → ``272``)."""
    found = _CAP_CELL.match(cap)
    assert found is not None
    return found.group(1)
