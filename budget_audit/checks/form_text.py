"""The prose fields of project forms (申请理由, 主要内容 …), and text copied between projects (BA406).

A project form's reasons and contents describe that project. Two different
projects whose field says the very same thing were most likely filled in
from one template, the second left with the first project's words.

A field is its label's cell: the rest of the label's line in a tab-separated
form, or the lines after the label up to the next field (a line starting
with 项目, or a tab-separated line) in PDF text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budget_audit.document import Document
from budget_audit.findings import Evidence
from budget_audit.layout import is_page_number
from budget_audit.messages import Items, message
from budget_audit.numbers import normalise
from budget_audit.params import INTEGER, TEXT, ListOf, Param
from budget_audit.rule import Context, check_kind
from budget_audit.tables.forms import project_title
from budget_audit.tables.table import Table

_NEXT_FIELD = re.compile(r"^项目|\t")
_FIELD_LINES = 40  # a field runs over at most this many lines of PDF text


@dataclass(frozen=True)
class Field:
    """A prose field of a form: its label, its text (as printed, joined), and its first line."""

    label: str
    text: str
    line: int

    @property
    def key(self) -> str:
        """The text without spaces (PDF text wraps copies differently): what two copies share."""
        return re.sub(r"\s+", "", self.text)


def form_fields(document: Document, table: Table, labels: list[str]) -> list[Field]:
    """The fields ``labels`` name in a project form, in the order they stand."""
    source = document.source
    fields = []
    number = table.first_line
    while number <= table.last_line:
        raw = source.line(number)
        text = normalise(raw).strip()
        label = next((lb for lb in labels if text.startswith(lb)), None)
        start, number = number, number + 1
        if label is None:
            continue
        if "\t" in raw:
            cells = [normalise(c).strip() for c in raw.split("\t")]
            body = " ".join(c for c in cells[1:] if c)
        else:
            body = text.removeprefix(label).strip()
            end = min(number + _FIELD_LINES, table.last_line + 1)
            while number < end:
                following = normalise(source.line(number)).strip()
                if _NEXT_FIELD.search(following) or "\t" in source.line(number):
                    break
                if following and not is_page_number(following):
                    body += following
                number += 1
        fields.append(Field(label, body, start))
    return fields


@check_kind(
    "copied_text",
    labels=Param(ListOf(TEXT), help="the fields that describe one project"),
    min_characters=Param(INTEGER, 20, "shorter texts (无, 保障运转) may coincide innocently"),
)
def copied_text(context: Context) -> None:
    """Two different projects whose field (申请理由, 主要内容) is the same text, word for word.

    One finding per set of projects sharing text, naming every field they share.
    """
    document = context.document
    labels, shortest = context.rule.params["labels"], context.rule.params["min_characters"]
    forms = [t for t in document.tables if t.kind.name == "项目支出绩效目标表"]
    holders: dict[tuple[str, str], list[tuple[str, Field]]] = {}
    for table in forms:
        title = project_title(context.document.source, table)
        for field in form_fields(document, table, labels):
            if len(field.key) >= shortest:
                holders.setdefault((field.label, field.key), []).append((title, field))
    shared: dict[tuple[str, ...], list[list[tuple[str, Field]]]] = {}
    for copies in holders.values():
        projects = tuple(sorted({title for title, _ in copies}))
        if len(projects) > 1 and all(projects):
            shared.setdefault(projects, []).append(copies)
    for projects, groups in shared.items():
        fields = Items(tuple(dict.fromkeys(copies[0][1].label for copies in groups)))
        later_first = [(title, field) for copies in groups for title, field in reversed(copies)]
        context.report(
            message(
                "form_text.copied",
                projects=Items(tuple(message("figure.quoted", row=p) for p in projects)),
                fields=fields,
            ),
            [Evidence.at(document.source, f.line, f.text[:30]) for _, f in later_first],
        )
