"""The vocabulary of table kinds, loaded from ``data/tables.yaml``.

Kinds are data so that a new publisher's wording is a one-line change, not a
code change; this module only loads and applies it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from budget_audit.numbers import normalise
from budget_audit.yaml_files import load_yaml

_HEADER_SUFFIX = re.compile(r"(?:预算数|决算数|预算|决算|金额|数)$")
_TOTAL_WORDS = ("金额", "合计", "总计")
_HEADER_YEAR = re.compile(r"^(?:20\d\d年度?|本年|上年)")


@dataclass(frozen=True)
class Identity:
    """``total = part + part + ...`` across the columns of one row."""

    total: str
    parts: tuple[str, ...]
    unless: tuple[str, ...] = ()  # columns whose presence means the parts are not all listed

    @staticmethod
    def parse(entry: str | dict[str, Any]) -> Identity:
        """Read ``"合计 = 基本支出 + 项目支出"`` (no ``eval``: split on ``=`` and ``+``), or
        ``{sum: "…", unless: [上级补助收入]}`` for a sum that a template with more parts breaks."""
        text = entry if isinstance(entry, str) else str(entry["sum"])
        unless = () if isinstance(entry, str) else tuple(entry.get("unless", []))
        total, _, rest = text.partition("=")
        parts = tuple(part.strip() for part in rest.split("+"))
        if not total.strip() or not all(parts):
            raise ValueError(f"malformed identity: {text!r}")
        return Identity(total.strip(), parts, unless)


@dataclass(frozen=True)
class TableKind:
    """One standard table of the disclosure and what is known about its columns."""

    name: str
    title: tuple[str, ...]
    layout: str
    exclude: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    core: frozenset[str] = field(default_factory=frozenset)
    identities: tuple[Identity, ...] = ()
    links: tuple[tuple[str, str], ...] = ()
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    extra: tuple[str, ...] = ()
    # A header word under a column's name that says which figure it is (the 决算 三公
    # table's 预算数 | 决算数), and the suffix that keeps that figure's column apart.
    stages: tuple[tuple[str, str], ...] = ()

    def staged(self, header: str) -> str | None:
        """The suffix a stage word (``预算数``) gives its column's name, or ``None`` if
        ``header`` is not one of the kind's stage words."""
        return dict(self.stages).get(compact(header))

    @property
    def positional_identities(self) -> tuple[Identity, ...]:
        """The identities over the standard columns: the ones a table read by position
        (no header naming its columns) is held to and placed by."""
        known = set(self.columns)
        return tuple(
            i for i in self.identities if i.total in known and all(p in known for p in i.parts)
        )

    def column_named(self, header: str) -> str | None:
        """The canonical column a header label names (``财政拨款收入``, ``运行费`` …), or ``None``.

        ``extra`` columns are ones some templates print beside the standard set
        (机关运行经费 in Shanghai's 三公 table); they are read only by their header.
        """
        label = compact(header)
        dated = _HEADER_YEAR.sub("", label)  # 2024年机关运行经费预算数, 本年收入合计
        for candidate in dict.fromkeys(
            (label, dated, _HEADER_SUFFIX.sub("", label), _HEADER_SUFFIX.sub("", dated))
        ):
            for column in (*self.columns, *self.extra):
                if candidate == compact(column):
                    return column
            for column, names in self.aliases:
                if candidate in names:
                    return column
        if label in _TOTAL_WORDS and "合计" in self.columns:
            return "合计"  # a table of one value column heads it 金额 (Jiangsu)
        return None

    def matches(self, title: str) -> bool:
        """Whether a (normalised, space-free) title names this kind."""
        return any(p in title for p in self.title) and not any(x in title for x in self.exclude)


@dataclass(frozen=True)
class Vocabulary:
    """All table kinds, in matching order, and the phrases that veto a title."""

    kinds: tuple[TableKind, ...]
    not_a_title: tuple[str, ...]

    def kind(self, name: str) -> TableKind:
        """The kind called ``name``; raise ``KeyError`` listing the known names otherwise."""
        wanted = compact(name)
        for kind in self.kinds:
            if compact(kind.name) == wanted:
                return kind
        known = ", ".join(k.name for k in self.kinds)
        raise KeyError(f"unknown table kind {name!r}; known kinds: {known}")

    def recognise(self, text: str) -> TableKind | None:
        """The kind a title line names, or ``None`` when the line is not a table title."""
        title = compact(text)
        if "表" not in title or any(phrase in title for phrase in self.not_a_title):
            return None
        for kind in self.kinds:
            if kind.matches(title):
                return kind
        return None


def compact(text: str) -> str:
    """Normalise width, quotes and spacing so titles compare by their words alone."""
    text = normalise(text)
    text = re.sub(r"[\s“”〝〞\"'‘’]", "", text)
    return text.replace("（", "(").replace("）", ")")


def _kind(entry: dict[str, Any]) -> TableKind:
    return TableKind(
        name=entry["name"],
        title=tuple(compact(t) for t in entry["title"]),
        layout=entry["layout"],
        exclude=tuple(compact(t) for t in entry.get("exclude", [])),
        columns=tuple(entry.get("columns", [])),
        core=frozenset(entry.get("core", [])),
        identities=tuple(Identity.parse(i) for i in entry.get("identities", [])),
        links=tuple((str(c), str(code)) for c, code in entry.get("links", {}).items()),
        aliases=tuple(
            (str(column), tuple(compact(n) for n in names))
            for column, names in entry.get("aliases", {}).items()
        ),
        extra=tuple(entry.get("extra", [])),
        stages=tuple((compact(str(w)), str(s)) for w, s in entry.get("stages", {}).items()),
    )


@cache
def vocabulary() -> Vocabulary:
    """The packaged vocabulary (read once)."""
    text = resources.files("budget_audit").joinpath("data/tables.yaml").read_text("utf-8")
    data = load_yaml(text)
    return Vocabulary(
        kinds=tuple(_kind(entry) for entry in data["kinds"]),
        not_a_title=tuple(compact(p) for p in data["not_a_title"]),
    )
