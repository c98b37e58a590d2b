"""When two tables must state the same figure: the document's funding decides.

The 一般公共预算支出表 restates the 支出总表 only when every yuan is
一般公共预算 money; otherwise they legitimately differ, and a comparison is
skipped with the reason said.
"""

from __future__ import annotations

from budget_audit.checks.access import cell, first_table, item, total_row
from budget_audit.document import Document
from budget_audit.tolerance import Verdict, compare


def general_budget_only(document: Document) -> tuple[bool | None, str]:
    """Whether all money is 一般公共预算 (``None`` when the tables do not say), and why."""
    summary = first_table(document, "收支总表")
    if summary is not None:
        general = item(summary, "一般公共预算拨款收入", "收入")
        total = item(summary, "收入总计", "收入")
        if general is not None and total is not None:
            verdict = compare(cell(general, "预算数"), cell(total, "预算数"))
            equal = verdict is not Verdict.MISMATCH
            return equal, "收支总表：一般公共预算拨款收入" + (
                "等于" if equal else "不等于"
            ) + "收入总计"
    income = first_table(document, "收入总表")
    row = total_row(income) if income is not None else None
    if row is not None:
        verdict = compare(cell(row, "一般公共预算"), cell(row, "合计"))
        equal = verdict is not Verdict.MISMATCH
        return equal, "收入总表：一般公共预算" + ("等于" if equal else "不等于") + "合计"
    return None, "收支总表和收入总表都没有，无法判断资金是否全部为一般公共预算"
