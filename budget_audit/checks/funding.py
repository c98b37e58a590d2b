"""When two figures of different funding scope are the same money: the document's funding decides.

The 一般公共预算支出表 restates the 支出总表 only when every yuan is
一般公共预算 money; a 财政拨款 figure is the total only when there is no
事业收入 or other income. Otherwise they legitimately differ, and a
comparison between them is skipped with the reason said.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from budget_audit.checks.access import cell, first_table, item, total_row
from budget_audit.claims.scope import ALL, scope_words
from budget_audit.document import Document
from budget_audit.facts import Row
from budget_audit.messages import Note, Term, message
from budget_audit.tables.table import Table
from budget_audit.tolerance import Verdict, compare
from budget_audit.yaml_files import load_yaml

FISCAL, GENERAL = "财政拨款", "一般公共预算"


@cache
def _data() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    text = resources.files("budget_audit").joinpath("data/subjects.yaml").read_text("utf-8")
    data = load_yaml(text)
    rows = {key: tuple(names) for key, names in data["income_rows"].items()}
    return dict(data["table_scopes"]), rows


def table_scope(table: Table) -> str:
    """The money a table covers: what its title names (``财政拨款基本支出预算表``), else its kind's."""
    named = scope_words().named(table.title.replace(" ", ""))
    return named or _data()[0].get(table.kind.name, ALL)


def row_aliases(name: str) -> tuple[str, ...]:
    """The names publishers give the income row ``name`` (``一般公共预算拨款收入``, ``一般公共预算资金`` …)."""
    for names in _data()[1].values():
        if name in names:
            return names
    return (name,)


def income_row(table: Table, key: str) -> Row | None:
    """An income-side row of a two-column table by what it is (``total``, ``fiscal``, ``general``).

    A row that prints a figure wins over one that does not (a header cell read as a row).
    """
    found = [row for name in _data()[1][key] if (row := item(table, name, "收入")) is not None]
    return next((row for row in found if row.cells), found[0] if found else None)


def _equal(a: Row | None, b: Row | None, column: str = "预算数") -> bool | None:
    if a is None or b is None:
        return None
    return compare(cell(a, column), cell(b, column)) is not Verdict.MISMATCH


def general_budget_only(document: Document) -> tuple[bool | None, str]:
    """Whether all money is 一般公共预算 (``None`` when the tables do not say), and why.

    Worked out once per document: every subject a sentence names asks again.
    """
    return document.remembered("general_budget_only", lambda: _general_budget_only(document))


def _general_budget_only(document: Document) -> tuple[bool | None, str]:
    summary = first_table(document, "收支总表")
    if summary is not None:
        equal = _equal(income_row(summary, "general"), income_row(summary, "total"))
        if equal is not None:
            return equal, Note(
                message("funding.summary_equal" if equal else "funding.summary_unequal")
            )
    income = first_table(document, "收入总表")
    row = total_row(income) if income is not None else None
    if row is not None and "一般公共预算" in row.cells:
        verdict = compare(cell(row, "一般公共预算"), cell(row, "合计"))
        equal = verdict is not Verdict.MISMATCH
        return equal, Note(message("funding.income_equal" if equal else "funding.income_unequal"))
    return None, Note(message("funding.undecided"))


def fiscal_is_all(document: Document) -> bool | None:
    """Whether all money is 财政拨款 (no 事业收入, 单位资金 …); ``None`` when the tables do not say.

    Worked out once per document, as :func:`general_budget_only`.
    """
    return document.remembered("fiscal_is_all", lambda: _fiscal_is_all(document))


def _fiscal_is_all(document: Document) -> bool | None:
    if general_budget_only(document)[0]:
        return True
    summary = first_table(document, "收支总表")
    if summary is not None:
        equal = _equal(income_row(summary, "fiscal"), income_row(summary, "total"))
        if equal is not None:
            return equal
    income = first_table(document, "收入总表")
    row = total_row(income) if income is not None else None
    if row is not None and "财政拨款收入" in row.cells:
        return compare(cell(row, "财政拨款收入"), cell(row, "合计")) is not Verdict.MISMATCH
    return None


def general_is_fiscal(document: Document) -> bool | None:
    """Whether all 财政拨款 is 一般公共预算 (no 政府性基金, 国有资本经营 money); ``None`` when unsaid.

    Worked out once per document, as :func:`general_budget_only`.
    """
    return document.remembered("general_is_fiscal", lambda: _general_is_fiscal(document))


def _general_is_fiscal(document: Document) -> bool | None:
    if general_budget_only(document)[0]:
        return True
    fiscal = first_table(document, "财政拨款收支总表")
    if fiscal is not None:
        equal = _equal(income_row(fiscal, "general"), income_row(fiscal, "total"))
        if equal is not None:
            return equal
    summary = first_table(document, "收支总表")
    if summary is not None:
        return _equal(income_row(summary, "general"), income_row(summary, "fiscal"))
    return None


def same_money(document: Document, one: str, other: str) -> bool:
    """Whether figures of two scopes are the same money in this document (as its tables show)."""
    if one == other:
        return True
    pair = {one, other}
    if not pair <= {ALL, FISCAL, GENERAL}:
        return False
    if ALL in pair and not fiscal_is_all(document):
        return False
    return GENERAL not in pair or bool(general_is_fiscal(document))


def scopes_differ_why(document: Document, one: str, other: str) -> str:
    """Why figures of two scopes cannot be taken for the same money here."""
    if {one, other} <= {ALL, FISCAL, GENERAL}:
        return Note(message("funding.scopes_unclear", one=Term(one), other=Term(other)))
    return Note(message("funding.other_money", one=Term(one), other=Term(other)))
