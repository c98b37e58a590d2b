"""Subjects that name table rows: a 科目 path, a functional or economic row name, a project.

A row is compared only in a table that covers the money the sentence speaks
of (:mod:`budget_audit.claims.scope`): a 科目's 财政拨款 amount is its row in
the 一般公共预算支出表, not in the 支出总表, which covers every source. When
the text does not say, the rows count only if every table states them alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from budget_audit.checks.access import bare_name, unreliable
from budget_audit.checks.funding import same_money, scopes_differ_why, table_scope
from budget_audit.claims.phrases import compact_subject
from budget_audit.claims.scope import ALL
from budget_audit.document import Document
from budget_audit.facts import Fact, Row
from budget_audit.messages import Items, Message, Note, Term, message
from budget_audit.tables.table import Table

PATH = re.compile(r"(?P<name>[^()]+?)\((?P<level>类|款|项)\)")
# The tables whose rows are 科目 by function (类/款/项 codes).
FUNCTIONAL_TABLES = (
    "支出总表",
    "财政拨款支出表",
    "一般公共预算支出表",
    "政府性基金预算支出表",
    "国有资本经营预算支出表",
)
_ECONOMIC = ("一般公共预算基本支出表", "财政拨款基本支出表")
_BY_NAME = (*_ECONOMIC, *FUNCTIONAL_TABLES)
_SUMMARIES = ("收支总表", "财政拨款收支总表")
_STRAY_FIGURE = re.compile(r"[\s\d,.]+$")
_PROJECTS = "项目支出表"


@dataclass(frozen=True)
class Resolution:
    """The facts a subject names (any of which may be the one meant), and how it was found.

    ``empty_row`` is a row whose cell for the figure is empty: the table states 0 there.
    ``why`` says why no figure is given to compare with (the claim's "not checkable" note).
    """

    facts: tuple[Fact, ...]
    how: str
    path_problem: Message | None = None  # a 科目 path whose names do not match the table's
    empty_row: Row | None = None
    overall: tuple[str, ...] = ()  # rows of the 整体 form that state this figure for prior years
    why: str = ""


def row_name(row: Row) -> str:
    """A row's name as printed, without a figure read into its cell (``检察 16,593.12``)."""
    return _printed_name(row.name)


@lru_cache(maxsize=1 << 12)
def _printed_name(name: str) -> str:
    """:func:`row_name` of a name; cached, as every lookup of a subject compares row names."""
    return _STRAY_FIGURE.sub("", compact_subject(name))


def _same_name(name: str, row_name: str) -> bool:
    """A level's name in the text and in the table, alike but for a trailing 支出
    (``公共安全(类)支出`` names the 类 ``公共安全支出``). A name that holds a 、 reaches
    the subject cut at it (``公诉、审判、侦查、执行等检察监督支出`` as ``执行等检察监督支出``)."""
    return (
        name == row_name
        or name.removesuffix("支出") == row_name.removesuffix("支出")
        or row_name.endswith(f"、{name}")
    )


@dataclass(frozen=True)
class _Walk:
    """Where a 科目 path leads in one table: its row, a level named otherwise (a problem to
    report), or why the table cannot say (a level it does not detail, names not read)."""

    row: Row | None
    problem: Message | None = None
    silent: str | None = None


def _walk(table: Table, levels: list[tuple[str, str]]) -> _Walk:
    """The row a 科目 path names in ``table``, and what does not match on the way."""
    parent_code, problem = "", None
    row: Row | None = None
    for name, level in levels:
        length = {"类": 3, "款": 5, "项": 7}[level]
        candidates = [
            r
            for r in table.rows
            if r.code and len(r.code) == length and r.code.startswith(parent_code)
        ]
        named = [r for r in candidates if _same_name(name, row_name(r))]
        if not candidates:
            silent = message(
                "subjects.level_not_listed", table=Term(table.id), level=Term(level), name=name
            )
            return _Walk(None, silent=Note(silent))
        if not all(row_name(r) for r in candidates):
            silent = message("subjects.names_unread", table=Term(table.id), level=Term(level))
            return _Walk(None, silent=Note(silent))
        if named:
            row = named[0]
        elif len(candidates) == 1:
            row, problem = (
                candidates[0],
                message(
                    "subjects.named_otherwise",
                    name=name,
                    level=level,
                    row=f"{candidates[0].code} {row_name(candidates[0])}",
                ),
            )
        else:
            known = Items(tuple(row_name(r) for r in candidates))
            return _Walk(
                None, message("subjects.no_such", level=Term(level), name=name, known=known)
            )
        parent_code = row.code or ""
    return _Walk(row, problem)


def _summary_rows(document: Document, name: str) -> list[tuple[Table, Row]]:
    """The 类 rows of the expenditure side of the two-column tables named ``name``."""
    return [
        (table, row)
        for table in document.tables
        if table.kind.name in _SUMMARIES
        for row in table.rows
        if row.section == "支出" and row.cells and _same_name(name, bare_name(row.name))
    ]


def by_path(document: Document, key: str, scope: str | None) -> Resolution | None:
    """A 科目 path: each level's name must be a row under the previous level's row.

    A 类 alone is also the expenditure row of that name in the 收支总表 (all funds).
    """
    levels = [(m.group("name"), m.group("level")) for m in PATH.finditer(key)]
    coded = [
        t
        for t in document.tables
        if t.kind.name in FUNCTIONAL_TABLES and any(r.code and len(r.code) <= 7 for r in t.rows)
    ]
    found: list[tuple[Table, Row]] = []
    missing: Message | None = None
    silent: str | None = None
    renamed: list[Message] = []
    for table in coded:
        walk = _walk(table, levels)
        if walk.row is None:
            missing, silent = missing or walk.problem, silent or walk.silent
            continue
        found.append((table, walk.row))
        renamed += [walk.problem] if walk.problem else []
    if not found:
        why = Note(missing) if missing else silent or ""
        return Resolution((), f"path:{key}", missing, why=why) if coded else None
    # a level named otherwise is a problem only when no table names the path as the text does
    problem = renamed[0] if len(renamed) == len(found) else None
    row = found[0][1]
    if len(levels) == 1 and levels[0][1] == "类":
        found += _summary_rows(document, levels[0][0])
    return _scoped(
        document, found, scope, f"path:{row.code}", f"{row.code} {row_name(row)}", problem
    )


def _total(row: Row) -> Fact | None:
    return row.cells.get("合计") or row.cells.get("预算数")


def _scoped(
    document: Document,
    found: list[tuple[Table, Row]],
    scope: str | None,
    how: str,
    what: str,
    problem: Message | None = None,
) -> Resolution:
    """The facts of the rows whose table covers the subject's money.

    When the text does not say which money, the rows count only if they are
    all money's figure: a table of all funds states the row and every table
    states it alike. (Economic rows are printed only for 一般公共预算 money:
    there, tables stating them alike is enough.)
    """
    if scope is None:
        totals = {fact.value_wan for _, r in found if (fact := _total(r)) is not None}
        whole = all(t.kind.name in _ECONOMIC for t, _ in found) or any(
            same_money(document, ALL, table_scope(t)) for t, _ in found
        )
        if len(totals) > 1 or not whole:
            stated = Items(
                tuple(
                    message("lists.item", subject=Term(t.id), value=fact.raw)
                    for t, r in found
                    if (fact := _total(r)) is not None
                )
            )
            why = Note(
                message("claims.tables_differ", what=what, stated=stated)
                if len(totals) > 1
                else message("claims.no_table_of_all_funds", what=what)
            )
            return Resolution((), how, problem, why=why)
        rows = found
    else:
        rows = [(t, r) for t, r in found if same_money(document, scope, table_scope(t))]
        if not rows:
            scopes = sorted({table_scope(t) for t, _ in found})
            why = Note(
                message(
                    "claims.other_scope",
                    scope=Term(scope),
                    what=what,
                    scopes=Items(tuple(Term(s) for s in scopes)),
                    differ=scopes_differ_why(document, scope, scopes[0]),
                )
            )
            return Resolution((), how, problem, why=why)
    doubts = [doubt for t, r in rows if (doubt := unreliable(t, r)) is not None]
    rows = [(t, r) for t, r in rows if unreliable(t, r) is None]
    if not rows:
        return Resolution((), how, problem, why=Note(message("claims.unreliable", doubt=doubts[0])))
    facts = tuple(fact for _, row in rows for fact in row.cells.values())
    return Resolution(facts, how, problem)


def by_name(document: Document, key: str, scope: str | None) -> Resolution | None:
    """A row name (economic, functional, project) in the tables that print rows by name."""
    found = list(_rows_by_name(document).get(key, ()))
    if any(t.kind.name in FUNCTIONAL_TABLES for t, _ in found):
        found += _summary_rows(document, key)
    projects = [
        fact
        for name, row in _project_rows(document)
        if name == key or (len(key) >= 4 and (key in name or name in key))
        for fact in row.cells.values()
    ]
    if found:
        scoped = _scoped(document, found, scope, f"name:{key}", key)
        if scoped.facts or not projects:
            return Resolution(scoped.facts + tuple(projects), scoped.how, why=scoped.why)
    if projects:  # a project's row splits it by fund: any of its columns may be the one meant
        return Resolution(tuple(projects), f"name:{key}")
    return None


def _rows_by_name(document: Document) -> dict[str, list[tuple[Table, Row]]]:
    """The rows that state figures in the tables printing rows by name, by :func:`row_name`, in
    document order. Built once per document (its tables do not change once read): each
    subject looked up by name scanned every row of them."""

    def build() -> dict[str, list[tuple[Table, Row]]]:
        index: dict[str, list[tuple[Table, Row]]] = {}
        for table in document.tables:
            if table.kind.name in _BY_NAME:
                for row in table.rows:
                    if row.cells:
                        index.setdefault(row_name(row), []).append((table, row))
        return index

    return document.remembered("rows by name", build)


def _project_rows(document: Document) -> list[tuple[str, Row]]:
    """The named rows of the 项目支出表s with their names compacted, once per document
    (as :func:`_rows_by_name`)."""
    return document.remembered(
        "project rows",
        lambda: [
            (name, row)
            for table in document.tables
            if table.kind.name == _PROJECTS
            for row in table.rows
            if (name := compact_subject(row.name))
        ],
    )
