"""The same project under two names (BA418): a project form whose 项目名称 names no row of the
项目支出表, while its 项目当年预算 is the amount of exactly one project row no other form names.

BA403 (:func:`budget_audit.checks.forms.project_budgets`) compares a form's budget with the row
of the same name and leaves a form it cannot name unchecked. Publishers shorten or rename
projects between the table and the forms (城运中心工作经费 / 硚口区城市运行管理中心…工作经费),
so such a form's budget goes unchecked and a reader cannot tell which row it is. The amount
settles it only when it is unambiguous: one project row with that amount (元 and 万元
converted exactly, rounded figures as intervals), no other form naming that row or stating the
same amount, and either the codes agreeing (where both print a 项目编码) or the two names
sharing a word beyond the department's name and generic words. Anything less is not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budget_audit.checks.access import PROJECT_CODE_LENGTH, cell, children_of, first_table, tables
from budget_audit.checks.forms import match_project
from budget_audit.facts import Fact, Row
from budget_audit.findings import Evidence
from budget_audit.messages import Term, message
from budget_audit.numbers import normalise
from budget_audit.params import TEXT, ListOf, Param
from budget_audit.rule import Context, check_kind
from budget_audit.tables.forms import project_title
from budget_audit.tables.table import Table
from budget_audit.tolerance import Figure, Verdict, compare

_BUDGET_COLUMNS = ("项目本年预算", "项目当年预算", "当年预算")
_FORM_CODE = re.compile(rf"项目编码\s*([0-9A-Z]{{{PROJECT_CODE_LENGTH},}})")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class _Form:
    """A project form: its name, the line naming it, its budget figure and its code."""

    table: Table
    name: str
    name_line: int | None
    budget: Fact
    code: str | None


def _forms(context: Context) -> list[_Form]:
    """The project forms stating a budget, with the line of their 项目名称 and any 项目编码."""
    source = context.document.source
    found = []
    for table in tables(context.document, "项目支出绩效目标表"):
        budget = next((f for f in table.facts if f.column in _BUDGET_COLUMNS), None)
        if budget is None:
            continue
        name_line, code = None, None
        for number in range(table.first_line, table.last_line + 1):
            text = normalise(source.line(number))
            if name_line is None and text.strip().startswith("项目名称"):
                name_line = number
            if code is None and (match := _FORM_CODE.search(text)):
                code = match.group(1)
        found.append(
            _Form(table, project_title(context.document.source, table), name_line, budget, code)
        )
    return found


def _project_rows(table: Table) -> list[Row]:
    """The rows of single projects: coded as a project, or listed under a project group."""
    rows = [row for row in table.rows if len(row.code or "") >= PROJECT_CODE_LENGTH]
    for parent, children in children_of(table):
        if parent.code is not None and len(parent.code) == 2:
            rows.extend(child for child in children if child.code is None)
    return [row for row in rows if row.name and "合计" in row.cells]


def _units(table: Table, projects: list[Row]) -> list[str]:
    """The names of the table's unit rows (and without 本级), longest first: a row's name
    may carry its unit's, which says nothing of the project."""
    names: set[str] = set()
    for row in table.rows[1:]:
        if row in projects or not row.name or (row.code is not None and len(row.code) == 2):
            continue
        name = _SPACES.sub("", row.name)
        names.update({name, name.removesuffix("本级")})
    return sorted((n for n in names if len(n) >= 4), key=len, reverse=True)


def _words(name: str, units: list[str], generic: list[str]) -> set[str]:
    """The two-character words of a name, its units' names and generic words left out."""
    for unit in units:
        name = name.replace(unit, "|")
    pairs = {name[i : i + 2] for i in range(len(name) - 1)}
    return {
        pair
        for pair in pairs
        if all("\u4e00" <= char <= "\u9fff" for char in pair) and pair not in generic
    }


def _shown(name: str, units: list[str]) -> str:
    """A row's name without the unit name the table printed after it (for the message)."""
    name = _SPACES.sub("", name)
    for unit in units:
        if name.endswith(unit) and len(name) > len(unit):
            return name.removesuffix(unit)
    return name


def _keys(rows: list[Row]) -> dict[str, Row]:
    return {_SPACES.sub("", row.name): row for row in rows}


@check_kind(
    "project_aliases",
    generic=Param(ListOf(TEXT), [], "words any project's name may hold: they tie no two names"),
)
def project_aliases(context: Context) -> None:
    """A form that names no row of the 项目支出表 but states the budget of exactly one project
    row no other form names is that project under another name; said only when the codes
    agree or the names share a word."""
    projects_table = first_table(context.document, "项目支出表")
    if projects_table is None:
        return
    projects = _project_rows(projects_table)
    keys = _keys(projects)
    forms = _forms(context)
    named = {id(row) for form in forms if (row := match_project(keys, form.name)) is not None}
    units = _units(projects_table, projects)
    generic = list(context.rule.params["generic"])
    for form in forms:
        if not form.name or match_project(keys, form.name) is not None:
            continue  # BA403's
        if form.budget.value == 0:
            continue  # an empty budget ties no project: many may be zero
        budget = Figure.of(form.budget)
        same = [r for r in projects if compare(budget, cell(r, "合计")) is not Verdict.MISMATCH]
        twins = [
            other
            for other in forms
            if other is not form
            and compare(Figure.of(other.budget), budget) is not Verdict.MISMATCH
        ]
        label = message(
            "forms.no_project",
            table=Term(form.table.id),
            name=form.name,
            column=form.budget.column,
            figure=form.budget.raw,
        )
        if len(same) != 1 or id(same[0]) in named or twins:
            if same:
                context.skip(message("project_names.ambiguous", form=label, n=len(same)))
            continue
        row = same[0]
        if form.code is not None and row.code is not None:
            if form.code != row.code:
                context.skip(message("project_names.codes_differ", form=label, code=row.code))
                continue
        elif not _words(form.name, units, generic) & _words(
            _SPACES.sub("", row.name), units, generic
        ):
            context.skip(message("project_names.unrelated", form=label, row=row.name))
            continue
        _report(context, form, row, _shown(row.name, units))


def _report(context: Context, form: _Form, row: Row, shown: str) -> None:
    source = context.document.source
    amount = row.cells["合计"]
    evidence = [Evidence.of(form.budget, source), Evidence.of(amount, source)]
    if form.name_line is not None:
        evidence.insert(0, Evidence.at(source, form.name_line, form.name))
    named = next(
        (
            number
            for number in range(row.first_line, row.last_line + 1)
            if shown[:4] in _SPACES.sub("", source.line(number))
        ),
        row.first_line,
    )
    evidence.append(Evidence.at(source, named, shown))
    context.report(
        message(
            "project_names.alias",
            table=Term(form.table.id),
            name=form.name,
            column=form.budget.column,
            figure=form.budget.raw,
            unit=Term(form.budget.unit),
            row=shown,
            amount=amount.raw,
            row_unit=Term(amount.unit),
        ),
        evidence,
    )
