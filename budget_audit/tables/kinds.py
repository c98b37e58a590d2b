"""The vocabulary of table kinds, loaded from ``data/tables.yaml``.

Kinds are data so that a new publisher's wording is a one-line change, not a
code change; this module only loads and applies it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from budget_audit.numbers import normalise
from budget_audit.yaml_files import load_yaml

_HEADER_SUFFIX = re.compile(r"(?:预算数|决算数|预算|决算|金额|数)$")
_TOTAL_WORDS = ("金额", "合计", "总计")
# The heading of a table's only figure column: read as its total when it names no other column.
_SOLE_FIGURE_WORDS = (*_TOTAL_WORDS, "决算数", "预算数", "本年数", "金额(万元)", "金额(元)")
# Short header words that are whole words, not pieces of a label wrapped a character a line.
_HEADER_WORDS = frozenset(("类", "款", "项", "项目", "科目", "合计", "小计", "总计", "金额", "收入", "支出", "名称", "编码", "代码", "单位", "部门"))  # fmt: skip
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
    # False when the columns were named by a header whose cells' order was lost (PDF text):
    # a row no placement fits then stays unread instead of being placed on the usual columns.
    ordered: bool = True
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

    def identities_over(self, printed: frozenset[str]) -> tuple[Identity, ...]:
        """The identities a table printing only ``printed`` is held to, over those columns.

        A template prints the columns it uses and leaves out the ones it has no
        money in, so an identity holds over its printed parts (Shanghai's 支出总表:
        合计 = 基本支出 + 项目支出, with no 事业单位经营支出 column). It applies only
        when its total and two of its parts are printed, and when no printed column
        is a part of another sum of the same total that this one lacks (Jiangsu's
        支出总表 adds 单位预留机动经费 and 结转下年资金: only the sum naming them holds), a
        part summed within a printed part counting as named by it.
        Two sums that come to the same printed columns are one identity.
        """
        kept: dict[tuple[str, frozenset[str]], Identity] = {}
        for identity in self.identities:
            parts = tuple(p for p in identity.parts if p in printed)
            siblings = {
                part
                for other in self.identities
                if other.total == identity.total
                for part in other.parts
                if part in printed
            }
            # a part's own parts are in it too (合计 = 三公经费小计 + 会议费 + 培训费 counts the
            # 因公出国(境)费 that 三公经费小计 sums)
            covered = set(identity.parts) | {
                part
                for other in self.identities
                if other.total in identity.parts
                for part in other.parts
            }
            if (
                identity.total not in printed
                or (len(parts) < 2 and len(parts) < len(identity.parts))
                or not siblings <= covered
                or any(u in printed for u in identity.unless)
            ):
                continue
            kept.setdefault((identity.total, frozenset(parts)), Identity(identity.total, parts))
        return tuple(kept.values())

    def printing(self, columns: tuple[str, ...]) -> TableKind:
        """This kind as a table that prints only ``columns`` (in this order) shows it: the
        columns, the usual ones among them and the identities it can be placed by."""
        printed = frozenset(columns)
        return replace(
            self,
            columns=columns,
            core=frozenset(c for c in columns if c in self.core or c in self.extra),
            identities=self.identities_over(printed),
            extra=(),
            ordered=False,
        )

    def header_columns(self, header_lines: list[str]) -> tuple[str, ...]:
        """The columns (standard and extra) whose names a header printed as plain text states,
        in the kind's order.

        Text taken from a PDF loses the columns' positions, so a name counts when
        it stands in one line, longest names first, or wrapped as two pieces that
        are words of their own on two lines (``事业单位`` over ``经营收入``).
        """
        lines = [[_bare_header(word) for word in normalise(t).split()] for t in header_lines]
        fragments = [
            w for line in lines for w in line if len(w) <= 2 and w not in _HEADER_WORDS and w
        ]
        if len(fragments) >= 3:
            return ()  # a header wrapped a character or two a line: its words are lost
        text = "|".join("|".join(words) for words in lines)
        names = sorted(
            (
                (name, column)
                for column in (*self.columns, *self.extra)
                for name in (compact(column), *dict(self.aliases).get(column, ()))
            ),
            key=lambda pair: -len(pair[0]),
        )
        found: set[str] = set()
        for name, column in names:
            if name in text:
                text = text.replace(name, "#")
                found.add(column)
            elif column not in found and (pieces := _wrapped(name, lines)):
                found.add(column)
                for piece in pieces:  # the pieces of a longer name name nothing shorter
                    text = re.sub(f"(?<![^|]){re.escape(piece)}(?![^|])", "#", text)
        if "合计" in self.columns and not found:
            words = {compact(w) for t in header_lines for w in normalise(t).split()}
            if words & set(_SOLE_FIGURE_WORDS):
                found.add("合计")  # one figure a row, headed 金额 or 决算数 (Jiangsu, 决算)
        return tuple(c for c in (*self.columns, *self.extra) if c in found)

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


def _bare_header(word: str) -> str:
    """A header word without its year and its 预算数/决算数 ending (``2024年机关运行经`` → ``机关运行经``)."""
    label = _HEADER_YEAR.sub("", compact(word))
    return _HEADER_SUFFIX.sub("", label) or label


def _wrapped(name: str, lines: list[list[str]]) -> tuple[str, str] | None:
    """The two words ``name`` is printed as on two different header lines, or ``None``."""
    for cut in range(2, len(name)):
        head, tail = name[:cut], name[cut:]
        heads = [i for i, words in enumerate(lines) if head in words]
        tails = [i for i, words in enumerate(lines) if tail in words]
        if any(h != t for h in heads for t in tails):
            return head, tail
    return None


@lru_cache(maxsize=1 << 14)
def compact(text: str) -> str:
    """Normalise width, quotes and spacing so titles compare by their words alone.

    Cached: a pure function of the text (nothing invalidates it), and the table readers and
    the layout ask it for the same lines and column names over and over.
    """
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
