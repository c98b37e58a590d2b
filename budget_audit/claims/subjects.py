"""From a narrative subject to the table figures it restates.

Named figures (收支总预算, 基本支出, "三公"经费 …) come from the vocabulary in
``data/subjects.yaml``; anything else is looked up by row name: a 科目 path
(``一般公共服务支出(类)网信事务(款)事业运行(项)``), an economic or functional
row name (办公费, 住房公积金), or a project name.

A subject resolves only when it names one figure unambiguously, and only to
figures of the money it speaks of (:mod:`budget_audit.claims.scope`): a
sentence about 政府性基金 or about 财政拨款 alone is never compared with the
total of all funds. What cannot be resolved so is "not checkable", with why.
"""

from __future__ import annotations

import re
from typing import Any, cast

from budget_audit.checks.access import select_row, unreliable
from budget_audit.checks.funding import same_money, scopes_differ_why, table_scope
from budget_audit.claims.phrases import (
    Entry,
    compact_subject,
    match_phrase,
    split_heading,
    vocabulary,
)
from budget_audit.claims.rows import PATH, Resolution, by_name, by_path
from budget_audit.claims.scope import ALL, context_scope, scope_words
from budget_audit.document import Document
from budget_audit.facts import Fact, Row
from budget_audit.messages import Items, Note, Term, message
from budget_audit.narrative import Sentence
from budget_audit.tables.table import Table

__all__ = [
    "Resolution",
    "compact_subject",
    "labelled",
    "names_known_figure",
    "resolve",
    "subject_scope",
]

_NARROW_FIRST = ("政府性基金", "国有资本经营", "一般公共预算", "财政拨款", ALL)


def _figure_fact(table: Table, figure: dict[str, Any], doubts: list[str]) -> Fact | Row | None:
    """The fact a figure names in ``table``, or its row when that cell is empty (the table states 0).

    A table printed empty under a note that the body has no such money
    (``本单位无政府性基金预算…故本表为空表``) states 0 for its 合计. A row that
    cannot be trusted (:func:`unreliable`) gives nothing; why goes to ``doubts``.
    """
    names = figure.get("row", "合计")
    if names == "合计" and not table.rows and table.note:
        return Row(0, None, "合计", table.first_line, table.last_line)
    for name in [names] if isinstance(names, str) else names:
        row = select_row(table, str(name), figure.get("side"))
        if row is None:
            continue
        doubt = unreliable(table, row)
        if doubt is not None:
            doubts.append(doubt)
            return None
        wanted = figure.get("column", "预算数")
        for column, fact in row.cells.items():
            if column == wanted or (wanted not in row.cells and wanted in column):
                return fact
        # an empty cell states 0 only in a column the table prints and a table read whole
        if table.kind.layout == "grid" and table.knows(wanted):
            return row
    return None


def _overall(document: Document, entry: Entry, scope: str) -> tuple[str, ...]:
    """The 整体 form rows stating the figure for ``scope``: its own, else the narrowest same money."""
    if scope in entry.overall:
        return entry.overall[scope]
    for key in _NARROW_FIRST:
        if key in entry.overall and same_money(document, scope, key):
            return entry.overall[key]
    return ()


def _from_vocabulary(document: Document, entry: Entry, phrase: str, scope: str) -> Resolution:
    how = f"vocabulary:{phrase or scope}@{scope}"
    overall = _overall(document, entry, scope)
    found: list[Fact | Row] = []
    doubts: list[str] = []
    in_scope, other_scopes = False, set[str]()
    for figure in entry.figures:
        for table in (t for t in document.tables if t.kind.name == figure["table"]):
            figure_scope = figure.get("scope") or table_scope(table)
            if not same_money(document, scope, figure_scope):
                other_scopes.add(figure_scope)
                continue
            in_scope = True
            hit = _figure_fact(table, figure, doubts)
            if hit is not None:
                found.append(hit)
    if not found and doubts:
        doubt = Note(message("claims.unreliable", doubt=doubts[0]))
        return Resolution((), how, overall=overall, why=doubt)
    if not found:
        why = _not_found(document, scope, in_scope, other_scopes)
        return Resolution((), how, overall=overall, why=why)
    first = found[0]
    if isinstance(first, Row):
        return Resolution((), how, empty_row=first, overall=overall)
    return Resolution((first,), how, overall=overall)


def _not_found(document: Document, scope: str, in_scope: bool, other_scopes: set[str]) -> str:
    """Why a named figure has nothing to compare with: no such row, or only other money's."""
    if in_scope:
        return Note(message("claims.no_row"))
    if not other_scopes:
        return Note(message("claims.no_table"))
    family = {ALL, "财政拨款", "一般公共预算"}
    wider = sorted(other_scopes & family) if scope in family else []
    if not wider:
        return Note(message("claims.no_such_money", scope=Term(scope)))
    return Note(
        message(
            "claims.only_other_scope",
            scope=Term(scope),
            wider=Items(tuple(Term(w) for w in wider)),
            differ=scopes_differ_why(document, scope, wider[0]),
        )
    )


def names_known_figure(subject: str) -> bool:
    """Whether the subject contains a phrase of the vocabulary ("公务用车购置及运行费支出"): it names
    a figure the vocabulary knows, so a row that merely states the same amount is not it. The
    phrases of the budget's total (支出, 收入 …) end too many subjects to count."""
    key = compact_subject(subject)
    return any(
        phrase in key for entry in vocabulary() if not entry.bare_scope for phrase in entry.phrases
    )


def subject_scope(document: Document, subject: str, sentence: Sentence | None = None) -> str | None:
    """The money ``subject`` speaks of: named in it (or in a heading joined before it), else
    by the headings above its sentence; ``None`` when nothing says."""
    heading, own = split_heading(compact_subject(subject), document.department)
    words = scope_words()
    named = words.named(own) or words.named(heading)
    if named is None and sentence is not None:
        # once per sentence: each subject of a sentence, in each rule, asks again
        named = document.remembered_for(
            sentence, "context scope", lambda: context_scope(document.narrative, sentence)
        )
    return named


_LABEL = re.compile(r"([^,;:。、]*\((?:类|款|项)\))\s*:[^,;:。、]*$")
_ITEM_NUMBER = re.compile(r"^\s*(?:[(（]?[一二三四五六七八九十\d]+[)）.、．]\s*)+")


def labelled(subject: str, sentence: Sentence | None, at: int | None) -> str:
    """The subject with the 科目 label its clause stands under (``检察(款): 2018 年预算支出合计
    16,444.36 万元`` speaks of 检察(款), not of the whole budget)."""
    if sentence is None or at is None:
        return subject
    match = _LABEL.search(sentence.text[:at])
    return subject if match is None else _ITEM_NUMBER.sub("", match.group(1)) + subject


def resolve(
    document: Document,
    subject: str,
    rows_first: bool = False,
    sentence: Sentence | None = None,
    at: int | None = None,
) -> Resolution | None:
    """The facts ``subject`` restates, or ``None`` when nothing in the tables is named so.

    ``rows_first`` looks the subject up as a row name before the vocabulary: an
    item of a 公用经费 list called 公务接待费 is the 基本支出表's 30217 row, while
    the same words on their own are the "三公" table's column. ``sentence``
    (the claim's) lets the headings above it say which money it speaks of, and
    a 科目 label before a colon in it (``at`` is where the amount stands) say
    which 科目.
    """
    memo_key = ("resolve", subject, rows_first, id(sentence), at)
    if memo_key in document.memo:  # three rules ask for the same subjects
        return cast("tuple[object, Resolution | None]", document.memo[memo_key])[1]
    resolution = _resolve(document, subject, rows_first, sentence, at)
    # the sentence is kept with its answer, so that its id cannot be taken by another sentence
    # (one a check builds on the fly) while the memo holds the answer
    document.memo[memo_key] = (sentence, resolution)
    return resolution


def _resolve(
    document: Document,
    subject: str,
    rows_first: bool,
    sentence: Sentence | None,
    at: int | None,
) -> Resolution | None:
    subject = labelled(subject, sentence, at)
    key = compact_subject(subject)
    if not key:
        return None
    scope = subject_scope(document, subject, sentence)
    # the rest depends on the words and the money alone: sentences repeat both (once a document)
    return document.remembered(
        ("resolve words", key, scope, rows_first),
        lambda: _resolve_words(document, key, scope, rows_first),
    )


def _resolve_words(
    document: Document, key: str, scope: str | None, rows_first: bool
) -> Resolution | None:
    """What the subject's compacted words ``key`` name, for the money ``scope``."""
    if PATH.search(key):
        return by_path(document, key, scope)
    if rows_first:
        named = by_name(document, key, scope)
        if named is not None:
            return named
    own = split_heading(key, document.department)[1]
    words = scope_words()
    matched = match_phrase(words.without(own), words.named(own) is not None, document.department)
    if matched is not None:
        entry, phrase = matched
        return _from_vocabulary(document, entry, phrase, scope or entry.scope or ALL)
    return by_name(document, key, scope)
