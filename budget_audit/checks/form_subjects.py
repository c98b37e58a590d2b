"""A project form's 支出功能分类 against the functional codes the budget tables use.

A project form may state the functional classification its money is charged
to (``支出功能分类 208 类 16 款``). The 支出总表 lists every functional code
the department spends under, down to 项, with its 项目支出; a project's budget
is part of that spending, so its 类 and 款 must be among the table's codes. A
form code the tables never use was most often left from another department's
or year's template. Only codes are compared: a 类 or 款 written as a name may
be abbreviated, so names are not checked.
"""

from __future__ import annotations

import re

from budget_audit.checks.access import first_table, tables
from budget_audit.claims.rows import FUNCTIONAL_TABLES
from budget_audit.findings import Evidence
from budget_audit.messages import Term, message
from budget_audit.numbers import normalise
from budget_audit.rule import Context, check_kind
from budget_audit.tables.table import Table
from budget_audit.tables.tokens import without_spaces

_FIELD = re.compile(r"^支出功能分类(?:科目)?[:：]?(\d{3})类(?:(\d{2})款)?(?:(\d{2})项)?")


def _stated(context: Context, table: Table) -> tuple[int, str] | None:
    """The line and the code (类, 类+款 or 类+款+项) a project form states, if it states one."""
    source = context.document.source
    for number in range(table.first_line, table.last_line + 1):
        text = without_spaces(normalise(source.line(number)))
        found = _FIELD.match(text)
        if found is not None:
            return number, "".join(part for part in found.groups() if part)
    return None


@check_kind("form_function_code")
def form_function_code(context: Context) -> None:
    """Each project form's 支出功能分类 code is one the 支出总表 (or a 支出表 by 功能科目) uses."""
    document = context.document
    stated: dict[str, list[tuple[Table, int]]] = {}
    for table in tables(document, "项目支出绩效目标表"):
        found = _stated(context, table)
        if found is not None:
            stated.setdefault(found[1], []).append((table, found[0]))
    if not stated:
        return
    overview = first_table(document, "支出总表")
    codes = {
        row.code
        for kind in FUNCTIONAL_TABLES
        for table in tables(document, kind)
        for row in table.rows
        if row.code
    }
    if overview is None or not any(row.code for row in overview.rows):
        context.skip(message("form_subjects.no_codes"))
        return
    for code, forms in sorted(stated.items()):
        if code in codes:
            continue
        parent = next((row for row in overview.rows if row.code == code[:3]), None)
        anchor = parent or next((row for row in overview.rows if row.code), None)
        assert anchor is not None
        evidence = [
            Evidence.at(document.source, line, code[:3], table=table.id) for table, line in forms
        ]
        evidence.append(
            Evidence.at(
                document.source,
                anchor.first_line,
                anchor.code or "",
                table=overview.id,
                row=anchor.name,
            )
        )
        under = sorted(
            c for c in codes if c.startswith(code[:3]) and len(c) == 5 and len(code) >= 5
        )
        context.report(
            message(
                "form_subjects.code_not_in_tables",
                code=code,
                n=len(forms),
                table=Term(overview.id),
                used=", ".join(under) if under else "—",
            ),
            evidence,
        )
