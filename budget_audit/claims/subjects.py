"""From a narrative subject to the table figures it restates.

Named figures (收支总预算, 基本支出, "三公"经费 …) come from the vocabulary in
``data/subjects.yaml``; anything else is looked up by row name: a 科目 path
(``一般公共服务支出(类)网信事务(款)事业运行(项)``), an economic or functional
row name (办公费, 住房公积金), or a project name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from budget_audit.checks.access import select_row
from budget_audit.checks.funding import general_budget_only
from budget_audit.document import Document
from budget_audit.facts import Fact, Row
from budget_audit.yaml_files import load_yaml

_PATH = re.compile(r"(?P<name>[^()]+?)\((?P<level>类|款|项)\)")
_QUOTES = re.compile(r"[“”〝〞\"'\s]")
_FUNCTIONAL = ("支出总表", "一般公共预算支出表")
_BY_NAME = ("一般公共预算基本支出表", "支出总表", "一般公共预算支出表", "项目支出表")


@dataclass(frozen=True)
class Resolution:
    """The facts a subject names (any of which may be the one meant), and how it was found.

    ``empty_row`` is a row whose cell for the figure is empty: the table states 0 there.
    """

    facts: tuple[Fact, ...]
    how: str
    path_problem: str | None = None  # a 科目 path whose names do not match the table's
    empty_row: Row | None = None
    overall: tuple[str, ...] = ()  # rows of the 整体 form that state this figure for prior years


def compact_subject(subject: str) -> str:
    """The subject without quotes and spaces."""
    return _QUOTES.sub("", subject)


@dataclass(frozen=True)
class _Phrase:
    """A vocabulary phrase: the figures it names, the 整体 form rows, whether it is generic."""

    text: str
    figures: list[dict[str, Any]]
    overall: tuple[str, ...]
    generic: bool


@cache
def _vocabulary() -> tuple[list[_Phrase], re.Pattern[str]]:
    """The phrases, longest first, and what may stand right before a generic one."""
    text = resources.files("budget_audit").joinpath("data/subjects.yaml").read_text("utf-8")
    data = load_yaml(text)
    phrases = [
        _Phrase(compact_subject(p), entry["figures"], tuple(entry.get("overall", [])),
                bool(entry.get("generic", False)))
        for entry in data["subjects"]
        for p in entry["phrases"]
    ]  # fmt: skip
    after = re.compile("(?:" + "|".join(map(re.escape, data["generic_after"])) + ")$")
    return sorted(phrases, key=lambda phrase: -len(phrase.text)), after


def _figure_fact(document: Document, figure: dict[str, Any]) -> Fact | Row | None:
    """The fact a figure names, or its row when that cell is empty (the table states 0)."""
    for table in document.tables:
        if table.kind.name != figure["table"]:
            continue
        row = select_row(table, str(figure.get("row", "合计")), figure.get("side"))
        if row is None:
            continue
        wanted = figure.get("column", "预算数")
        for column, fact in row.cells.items():
            if column == wanted or (wanted not in row.cells and wanted in column):
                return fact
        if table.kind.layout == "grid" and table.prints(wanted):
            return row
    return None


def names_known_figure(subject: str) -> bool:
    """Whether the subject contains a phrase of the vocabulary ("公务用车购置及运行费支出"): it names
    a figure the vocabulary knows, so a row that merely states the same amount is not it."""
    key = compact_subject(subject)
    return any(entry.text in key for entry in _vocabulary()[0] if not entry.generic)


def resolve(document: Document, subject: str, rows_first: bool = False) -> Resolution | None:
    """The facts ``subject`` restates, or ``None`` when nothing in the tables is named so.

    ``rows_first`` looks the subject up as a row name before the vocabulary: an
    item of a 公用经费 list called 公务接待费 is the 基本支出表's 30217 row, while
    the same words on their own are the "三公" table's column.
    """
    key = compact_subject(subject)
    if not key:
        return None
    if rows_first and not _PATH.search(key):
        by_name = _by_name(document, key)
        if by_name is not None:
            return by_name
    phrases, generic_after = _vocabulary()
    for entry in phrases:
        phrase, figures, overall = entry.text, entry.figures, entry.overall
        if key.endswith(phrase) and _applies(document, key[: -len(phrase)], entry, generic_after):
            found = [
                hit for figure in figures if (hit := _figure_fact(document, figure)) is not None
            ]
            if not found:  # a named figure the document's tables do not print
                return Resolution((), f"vocabulary:{phrase}", overall=overall)
            first = found[0]
            if isinstance(first, Row):
                return Resolution((), f"vocabulary:{phrase}", empty_row=first, overall=overall)
            return Resolution((first,), f"vocabulary:{phrase}", overall=overall)
    if _PATH.search(key):
        return _by_path(document, key)
    return _by_name(document, key)


# A fund named right before a phrase narrows it: "政府性基金拨款支出预算" is not the budget's
# 支出预算, and "财政拨款支出预算" is it only when every yuan is 财政拨款 (一般公共预算).
_FUND = re.compile(
    r"(?P<fund>政府性基金|国有资本经营|财政专户(?:管理)?|单位资金|财政拨款|一般公共(?:预算)?)"
    r"(?:预算)?(?:财政)?(?:拨款)?(?:资金)?$"
)


def _applies(
    document: Document, prefix: str, phrase: _Phrase, generic_after: re.Pattern[str]
) -> bool:
    """Whether a phrase names the subject whose words before it are ``prefix``.

    A fund named right before it narrows any phrase. A generic phrase (the
    whole budget: 支出预算) applies only after nothing, the department, the year
    or a heading: "因公出国(境)费预算支出" is not the budget.
    """
    match = _FUND.search(prefix)
    if match is not None:
        return match.group("fund").startswith(("财政拨款", "一般公共")) and bool(
            general_budget_only(document)[0]
        )
    return not phrase.generic or not prefix or generic_after.search(prefix) is not None


def _by_path(document: Document, key: str) -> Resolution | None:
    """A 科目 path: each level's name must be a row under the previous level's row."""
    levels = [(m.group("name").lstrip(".．"), m.group("level")) for m in _PATH.finditer(key)]
    failure: Resolution | None = None
    for table in (t for t in document.tables if t.kind.name in _FUNCTIONAL):
        parent_code, problem = "", None
        row: Row | None = None
        for name, level in levels:
            length = {"类": 3, "款": 5, "项": 7}[level]
            candidates = [
                r
                for r in table.rows
                if r.code and len(r.code) == length and r.code.startswith(parent_code)
            ]
            # "公共安全(类)支出" names the 类 公共安全支出: the marker may stand before 支出
            named = [r for r in candidates if r.name in (name, f"{name}支出")]
            if named:
                row = named[0]
            elif len(candidates) == 1:
                row, problem = (
                    candidates[0],
                    f"{name}({level}) 在表中为「{candidates[0].code} {candidates[0].name}」",
                )
            else:
                row = None
                if candidates and failure is None:  # a table without this level says nothing
                    failure = Resolution(
                        (),
                        "path",
                        f"表中没有{level}级科目「{name}」（该级现有："
                        f"{'、'.join(r.name for r in candidates)}）",
                    )
                break
            parent_code = row.code or ""
        if row is not None:
            return Resolution(tuple(row.cells.values()), f"path:{row.code}", problem)
    return failure


def _by_name(document: Document, key: str) -> Resolution | None:
    """A row name (economic, functional, project) in the tables that print rows by name."""
    facts: list[Fact] = []
    for table in (t for t in document.tables if t.kind.name in _BY_NAME):
        for row in table.rows:
            name = compact_subject(row.name)
            if name and (
                name == key
                or (
                    table.kind.name == "项目支出表"
                    and len(key) >= 4
                    and (key in name or name in key)
                )
            ):
                facts.extend(row.cells.values())
    return Resolution(tuple(facts), "name") if facts else None
