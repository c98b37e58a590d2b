"""Finding messages as a template id plus parameters, rendered in the report's language.

A check does not write a finished sentence: it names a message of the
catalogue (``data/messages.yaml``, each id in Chinese and English) and gives its
parameters. The report renders it in its language (``--lang``); the Chinese
rendering is the message every pinned finding and fingerprint is built from.

What each parameter is decides how it is rendered:

- ``Decimal`` / ``int``: a number, formatted by the template (``{x:wan}`` for a
  万元 amount without trailing zeros, or any ``format()`` spec);
- ``str``: the document's own text (a row name, a title, a printed figure),
  shown as printed in every language: it has no settled translation;
- :class:`Term`: a word of the tool's vocabulary (a table kind, a canonical
  column, a unit), given in English by the catalogue's ``terms`` when it knows it;
- :class:`Message`: a fragment that is itself a message (a figure's description);
- :class:`Items`: several values joined the way the language joins a list;
- :class:`Note`: a reason built elsewhere (why a row is unreliable): a ``str``
  holding its Chinese text that renders in the language asked.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from budget_audit.tolerance import wan
from budget_audit.yaml_files import load_yaml


@dataclass(frozen=True)
class Term:
    """A word of the tool's vocabulary (``支出总表``, ``基本支出``, ``万元``): English from the catalogue.

    A table id of a second table of a kind (``项目支出表#2``) keeps its number.
    A term the catalogue does not know is shown as written. ``sense`` picks the
    English of a word that has several (持平 is "no change" for a change, "equal
    to" between two figures): the catalogue's ``持平@comparison`` before ``持平``.
    """

    text: str
    sense: str | None = None

    def render(self, lang: str) -> str:
        """The term in ``lang``."""
        if lang == "zh":
            return self.text
        base, hash_, number = self.text.partition("#")
        terms = _catalogue()[1]
        english = terms.get(f"{base}@{self.sense}") if self.sense else None
        english = english or terms.get(base)
        return self.text if english is None else f"{english}{hash_}{number}"

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Items:
    """Values shown as one list: joined by ``、`` in Chinese and ``, `` in English by default."""

    values: tuple[Any, ...]
    zh: str = "、"
    en: str = ", "

    def render(self, lang: str) -> str:
        """The list in ``lang``."""
        return (self.en if lang == "en" else self.zh).join(text_of(v, lang) for v in self.values)

    def __str__(self) -> str:
        return self.render("zh")


@dataclass(frozen=True)
class Message:
    """A catalogue message: its id and its parameters (see the module's docstring)."""

    id: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str = "zh") -> str:
        """The message in ``lang`` (``zh`` or ``en``)."""
        templates = _catalogue()[0].get(self.id)
        if templates is None:
            raise KeyError(f"message {self.id!r} is not in data/messages.yaml")
        values = {
            name: value if isinstance(value, int | Decimal) else text_of(value, lang)
            for name, value in self.params
        }
        return _FORMATTER.vformat(templates["en" if lang == "en" else "zh"], (), values)

    def __str__(self) -> str:
        return self.render("zh")


class Note(str):
    """A line of a report that also knows the message it renders (a not-checked reason).

    It is its Chinese text wherever a ``str`` is expected (lists compared in tests, the
    JSON report's ``not_checked``), and :func:`note_in` gives it in another language;
    ``prefix`` (a rule id) stays as it is.
    """

    template: Message
    prefix: str

    def __new__(cls, template: Message, prefix: str = "") -> Note:
        note = super().__new__(cls, prefix + template.render("zh"))
        note.template, note.prefix = template, prefix
        return note

    def __reduce__(self) -> tuple[Any, ...]:  # pickled to and from the worker processes
        return (Note, (self.template, self.prefix))


def note_in(text: str, lang: str) -> str:
    """A report line in ``lang``: a :class:`Note` rendered, any other string as written."""
    return text.prefix + text.template.render(lang) if isinstance(text, Note) else text


def message(id: str, **params: Any) -> Message:
    """The message ``id`` with ``params`` (``str`` params are document text, shown as is)."""
    return Message(id, tuple(params.items()))


def text_of(value: Any, lang: str) -> str:
    """A parameter as text in ``lang``: document text as is, our own words translated (a
    :class:`Note` is ours: a reason built elsewhere and quoted in this message)."""
    if isinstance(value, Note):
        return note_in(value, lang)
    if isinstance(value, Term | Items | Message):
        return value.render(lang)
    if isinstance(value, Decimal):
        return wan(value)
    return str(value)


class _Formatter(string.Formatter):
    """``str.format`` plus the ``wan`` spec: an amount as published, no trailing zeros."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "wan":
            return wan(value)
        return str(super().format_field(value, format_spec))


_FORMATTER = _Formatter()


@cache
def _catalogue() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """The messages (id → {zh, en}) and the terms (Chinese → English), read once a process."""
    text = resources.files("budget_audit").joinpath("data/messages.yaml").read_text("utf-8")
    data = load_yaml(text)
    return data["messages"], data["terms"]


def catalogue() -> dict[str, dict[str, str]]:
    """Every message id with its templates (for the tests and for a rule pack's author)."""
    return dict(_catalogue()[0])


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
