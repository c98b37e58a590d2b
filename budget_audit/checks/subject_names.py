"""科目 named outside the 情况说明 (BA715): the 概况's and the 名词解释's list of the 科目 the
department uses must name the rows the tables print, under the tables' names.

A disclosure lists "本部门使用的支出功能分类科目" as 科目 paths
(``卫生健康支出(类)行政事业单位医疗(款)事业单位医疗、公务员医疗补助(项)``). Such a list
is copied from year to year and from other departments, so it drifts from the tables:
a 项 named 行政单位医疗 where the tables print 2101102 事业单位医疗, a 款 the department
has no row for, a 类 under its name of earlier years. Names change over the years, so
the only reference is this document's own functional tables; the 情况说明's paths are
BA710's (:mod:`budget_audit.checks.narrative_amounts`). A path whose level the tables
do not detail, or whose names cannot be tied to one row, is not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budget_audit.checks.access import bare_name
from budget_audit.claims.rows import FUNCTIONAL_TABLES
from budget_audit.document import Document
from budget_audit.facts import Row
from budget_audit.findings import Evidence
from budget_audit.messages import Items, Message, Term, message
from budget_audit.narrative import Sentence, read_narrative
from budget_audit.params import TEXT, ListOf, Param
from budget_audit.rule import Context, check_kind

_LENGTH = {"类": 3, "款": 5, "项": 7}
_CJK = "\u4e00-\u9fff"
# a level: its name (Chinese, with bracketed words such as (室) or (境) and 、 between items)
_LEVEL = re.compile(
    rf"(?P<name>(?:[{_CJK}、]|\((?!(?:类|款|项)\))[{_CJK}]+\))+)\((?P<level>类|款|项)\)"
)
_BRACKETED = re.compile(rf"\([{_CJK}]+\)")
# a level mark, spaces allowed inside (the text is compacted before _LEVEL reads it)
_ANY_LEVEL = re.compile(r"\(\s*(?:类|款|项)\s*\)")
_LONGEST_CLASS_NAME = 12  # 灾害防治及应急管理支出: a longer run before (类) holds prose


@dataclass(frozen=True)
class _Level:
    name: str
    level: str
    start: int  # offset of the name in the sentence's text without spaces


@dataclass(frozen=True)
class _Path:
    """A 科目 path of one sentence: its levels from the 类 down, and where it stands."""

    sentence: Sentence
    levels: tuple[_Level, ...]
    offsets: tuple[
        int, ...
    ]  # each character of the text without spaces: its offset in the sentence

    @property
    def text(self) -> str:
        return "".join(f"{level.name}({level.level})" for level in self.levels)


def _compact(text: str) -> tuple[str, list[int]]:
    """The text without spaces, and for each character its offset in ``text`` (PDF text breaks
    ``行政事业单位医疗 (款)``)."""
    kept = [(index, char) for index, char in enumerate(text) if not char.isspace()]
    return "".join(char for _, char in kept), [index for index, _ in kept]


def _paths(sentence: Sentence) -> list[_Path]:
    """The 科目 paths of a sentence: runs of levels that begin at a 类, each level right after
    the one above it, nothing but a name between them."""
    if not _ANY_LEVEL.search(sentence.text):  # most sentences name no level: nothing to compact
        return []
    text, offsets = _compact(sentence.text)
    paths: list[_Path] = []
    current: list[_Level] = []
    end = -1
    for match in _LEVEL.finditer(text):
        name, start = match.group("name"), match.start("name")
        if (
            match.group("level") == "类"
        ):  # the 类 begins after an enumerator's 、 (``3、社会…(类)``)
            cut = name.rfind("、") + 1
            name, start = name[cut:], start + cut
        level = _Level(name, match.group("level"), start)
        joined = current and match.start() == end
        if joined and _LENGTH[level.level] > _LENGTH[current[-1].level]:
            current.append(level)
        else:
            if current:
                paths.append(_Path(sentence, tuple(current), tuple(offsets)))
            current = [level] if level.level == "类" else []
        end = match.end()
    if current:
        paths.append(_Path(sentence, tuple(current), tuple(offsets)))
    return paths


def _bare(name: str) -> str:
    """A 科目 name as compared: without bracketed words (政府办公厅(室) is 政府办公厅 either way)
    and without the 支出 many texts drop (一般公共服务(类) is 一般公共服务支出)."""
    return _BRACKETED.sub("", bare_name(name)).removesuffix("支出")


def _rows(document: Document) -> dict[str, Row] | None:
    """Each functional 科目 code the tables print (3, 5 or 7 digits) with its row, or ``None``
    when a coded row's name was not read (the tables cannot then say a name is absent)."""
    rows: dict[str, Row] = {}
    for table in document.tables:
        if table.kind.name not in FUNCTIONAL_TABLES:
            continue
        for row in table.rows:
            if row.code and len(row.code) in (3, 5, 7) and row.code.isdigit():
                if not bare_name(row.name):
                    return None
                rows.setdefault(row.code, row)
    return rows


@dataclass(frozen=True)
class _Miss:
    """A name of a path that no row under its parent bears."""

    level: _Level
    name: str
    parent: Row | None
    siblings: tuple[Row, ...]


def _children(rows: dict[str, Row], parent: str, level: str) -> list[Row]:
    return [
        row
        for code, row in sorted(rows.items())
        if len(code) == _LENGTH[level] and code.startswith(parent)
    ]


def _match(name: str, candidates: list[Row], first: bool) -> Row | None:
    """The row of ``candidates`` named ``name``; a 类 may have prose run into its name
    (``主要用于一般公共服务支出(类)``) and matches at its end."""
    wanted = _bare(name)
    for row in candidates:
        printed = _bare(row.name)
        if wanted == printed or (first and printed and wanted.endswith(printed)):
            return row
    return None


def _items(name: str, candidates: list[Row], first: bool) -> list[tuple[str, int, Row | None]]:
    """The items of a level listed with 、 (``事业单位医疗、公务员医疗补助(项)``), each with its
    offset in ``name`` and its row. A name that itself holds a 、 (``公诉、审判、侦查、执行等检察
    监督支出``) is the longest run of pieces that names a row."""
    pieces = name.split("、")
    items: list[tuple[str, int, Row | None]] = []
    index, offset = 0, 0
    while index < len(pieces):
        for stop in range(len(pieces), index, -1):
            joined = "、".join(pieces[index:stop])
            row = _match(joined, candidates, first=first and index == 0)
            if row is not None or stop == index + 1:
                items.append((joined, offset, row))
                offset += len(joined) + 1
                index = stop
                break
    return items


def _misses(path: _Path, rows: dict[str, Row]) -> list[_Miss] | None:
    """The names of ``path`` the tables do not print under its parent, or ``None`` when the
    tables do not detail a level of it (or a name cannot be tied to one row)."""
    parent: Row | None = None
    misses: list[_Miss] = []
    for depth, level in enumerate(path.levels):
        candidates = _children(rows, parent.code if parent and parent.code else "", level.level)
        if not candidates:
            return None
        last = depth == len(path.levels) - 1
        if last:
            if depth == 0:  # a 类 alone may be a glossary's general term, not the department's
                return misses if _match(level.name, candidates, first=True) else None
            for name, offset, row in _items(level.name, candidates, first=False):
                if row is None and name:
                    shifted = _Level(name, level.level, level.start + offset)
                    misses.append(_Miss(shifted, name, parent, tuple(candidates)))
            return misses
        row = _match(level.name, candidates, first=depth == 0)
        if row is None:
            if "、" in level.name or (depth == 0 and len(level.name) > _LONGEST_CLASS_NAME):
                return None
            return [_Miss(level, level.name, parent, tuple(candidates))]
        parent = row
    return misses


def _evidence(context: Context, path: _Path, miss: _Miss) -> list[Evidence]:
    source = context.document.source
    line = path.sentence.line_at(path.offsets[miss.level.start])
    cited = [Evidence.at(source, line, miss.name)]
    shown = miss.parent or miss.siblings[0]
    row_label = f"{shown.code} {bare_name(shown.name)}"
    cited.append(Evidence.at(source, shown.first_line, shown.code or "", row=row_label))
    return cited


def _message(part: str, path: _Path, miss: _Miss) -> Message:
    level = Term(miss.level.level)
    where = (
        message(
            "subject_names.not_under",
            parent=f"{miss.parent.code} {bare_name(miss.parent.name)}",
            level=level,
        )
        if miss.parent is not None
        else message("subject_names.not_in_tables", level=level)
    )
    known = Items(tuple(f"{row.code} {bare_name(row.name)}" for row in miss.siblings))
    return message(
        "subject_names.missing",
        part=Term(part),
        path=path.text,
        where=where,
        name=miss.name,
        known=known,
    )


@check_kind("subject_paths", parts=Param(ListOf(TEXT), default=["概况", "名词解释"]))
def subject_paths(context: Context) -> None:
    """Every 科目 path named in ``parts`` is a row of the functional tables, under their names."""
    document = context.document
    rows = _rows(document)
    if not rows:
        context.skip(message("subject_names.no_rows"))
        return
    for part_name in context.rule.params["parts"]:
        parts = [part for part in document.parts if part.name == part_name]
        for paragraph in read_narrative(document.source, parts):
            for sentence in paragraph.sentences:
                for path in _paths(sentence):
                    misses = _misses(path, rows)
                    if misses is None:
                        context.skip(
                            message(
                                "subject_names.level_unlisted",
                                line=sentence.first_line,
                                path=path.text,
                            )
                        )
                        continue
                    for miss in misses:
                        context.report(
                            _message(part_name, path, miss), _evidence(context, path, miss)
                        )
