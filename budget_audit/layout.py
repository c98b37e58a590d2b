"""The document's structure: its parts, department, year, contents page and table blocks.

A disclosure has four parts (概况 / 预算表 / 情况说明 / 名词解释). Their
headings usually appear twice, first in the contents page (目录) and then in
the body, so the body of a part starts at the *last* heading of that part.
Inside the table part every table is a block that starts at its title.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from budget_audit.numbers import normalise
from budget_audit.source import SourceText
from budget_audit.tables.kinds import TableKind, Vocabulary, compact
from budget_audit.yaml_files import load_yaml

_PART_HEADING = re.compile(r"^\s*第([一二三四五六七八九十])部分")
# Text taken from a PDF can end a page's last sentence on the next part's heading line
# (``…相关支出。 第二部分 省检察院 2017 年度部门预算表``): the heading starts after the 。.
_GLUED_HEADING = re.compile(r"^[^\t]*?[。；]\s*(?=第[一二三四五六七八九十]部分)")
_GENERIC_NAMES = ("部门", "单位", "本部门", "本单位", "部门单位")
_ENUMERATOR = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十]+[)）]|\d+[、.．])"
)
_TABLE_ANCHOR = re.compile(
    r"^\s*(?:(?:附)?表\s*-?\s*\d+(?:\s*-\s*\d+)?\s*[.．、]?|\d+\s*-\s*\d+\s*$"
    r"|公开\s*\d+\s*表\s*[:：]?)"  # Jiangsu numbers its tables 公开01表 … 公开12表
)
_DIGIT = re.compile(r"\d")
_QUOTES_AND_SPACES = re.compile(r"[“”\"\s]")
_DATE_OR_YEAR = re.compile(r"20\d\d\s*年(?:\s*\d+\s*月(?:\s*\d+\s*日)?)?")
_BARE_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
# Words that open a note under a table (``注：…``, ``说明：本部门无…``).
NOTE_WORDS = ("注", "说明", "备注")
_PAGE_NUMBER = re.compile(r"^\s*[—\-–]+\s*\d+\s*[—\-–]+\s*$")
_EMPTY_WORDS = re.compile(r"为空|空表|无相关|没有|本部门无|本单位无|未安排|未使用")
_TITLE_TAIL = 4  # the most characters a title's wrapped end has on its line (``算表``)
_SENTENCE_PUNCTUATION = re.compile(r"[，。；！？]")
_FIGURES_AT_END = re.compile(r"(?:^|\s)-?\d[\d,]*(?:\.\d+)?$")


@dataclass(frozen=True)
class Part:
    """A part of the document and its line span (1-based, inclusive)."""

    name: str
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Promise:
    """A table the document says it contains (contents page or an index of titles)."""

    kind: str
    line: int
    text: str
    title_only: bool = False  # a title printed in the table part with nothing under it


@dataclass
class Block:
    """The lines of one table: its title lines, then everything up to the next title."""

    kind: TableKind | None
    title_line: int
    title: str
    last_line: int
    number: str | None = None
    body_start: int = 0

    @property
    def body(self) -> range:
        """The 1-based line numbers after the title lines."""
        return range(self.body_start, self.last_line + 1)


@cache
def _layout() -> dict[str, Any]:
    """The part headings, contents marker and labels of ``data/layout.yaml`` (read once)."""
    text = resources.files("budget_audit").joinpath("data/layout.yaml").read_text("utf-8")
    data: dict[str, Any] = load_yaml(text)
    return data


@lru_cache(maxsize=1 << 14)
def part_of_heading(text: str) -> str | None:
    """The part a heading line opens (``第三部分 …情况说明``, ``2025年部门预算编制说明``), or ``None``.

    A worded heading is a short line of its own that ends with its part's words.
    Cached (a pure function of the line over the packaged layout words): finding the
    parts asks it of every line of the document, some lines twice.
    """
    layout = _layout()
    stripped = normalise(text).strip()
    numbered = _PART_HEADING.match(stripped)
    if numbered:
        name: str | None = layout["numbered_parts"].get(numbered.group(1))
        return name
    words = _ENUMERATOR.sub("", compact(stripped))
    if not words or len(words) > 30 or "\t" in text or words.endswith(("。", "；", ";", "，")):
        return None
    for part, endings in layout["part_words"].items():
        if words.endswith(tuple(endings)):
            return str(part)
    return None


def contents_end(source: SourceText) -> int:
    """The last line of the contents page (0 when the document has none).

    The contents page opens with 目录 and lists short entries; it ends before
    the first line of running text, less that text's own heading. In a PDF it
    ends with the last page that holds its entries.
    """
    markers = set(_layout()["contents"])
    start = next(
        (n for n, line in enumerate(source.lines[:400], 1) if compact(line) in markers), None
    )
    if start is None:
        return 0
    for number in range(start + 1, len(source.lines) + 1):
        text = normalise(source.line(number)).strip()
        if len(text) > 40 or "\t" in source.line(number) or text.endswith("。"):
            end = number - 1
            while end > start and not source.line(end).strip():
                end -= 1
            if source.page(end) is not None and source.page(end) != source.page(start):
                pages = {source.page(start)}
                while end > start and source.page(end) not in pages:
                    end -= 1
            elif part_of_heading(source.line(end)) is not None:
                end -= 1
            return end
    return start


@dataclass(frozen=True)
class DocumentKind:
    """What a disclosure is: 部门 or 单位, 预算 or 决算, and the template it follows."""

    scope: str | None
    stage: str | None
    template: str | None

    def __str__(self) -> str:
        words = f"{self.scope or ''}{self.stage or ''}" or "未识别"
        return f"{words}（{self.template}）" if self.template else words


def find_kind(source: SourceText) -> DocumentKind:
    """The document's scope and stage from the phrases its first lines use (``2025年区级部门预算``),
    its template from phrases only that template prints (``data/layout.yaml``)."""
    layout = _layout()
    scopes, stages = layout["kind_words"]["scope"], layout["kind_words"]["stage"]
    body = compact("\n".join(source.lines))
    counts: Counter[tuple[str, str]] = Counter()
    for text in (compact("".join(source.lines[:60])), body):  # the cover first, else the whole
        counts = Counter(
            (scope, stage)
            for scope in scopes
            for stage in stages
            for _ in re.finditer(f"{scope}{stage}", text)
        )
        if counts:
            break
    scope, stage = counts.most_common(1)[0][0] if counts else (None, None)
    template = next(
        (
            str(name)
            for name, phrases in layout["templates"].items()
            if any(compact(p) in body for p in phrases)
        ),
        None,
    )
    return DocumentKind(scope, stage, template)


def is_bare_page_number(text: str) -> bool:
    """A line of one to three digits alone: a page number where no figure can stand (between
    a table's number and its title, or between two rows of a table)."""
    return _BARE_PAGE_NUMBER.match(text) is not None


def is_page_number(text: str) -> bool:
    """Page numbers of PDF text (``— 17 —``, ``- 8 -``)."""
    return _PAGE_NUMBER.match(text) is not None


def _is_content(text: str) -> bool:
    """A line that holds figures, as opposed to a title, a date line or a page number.

    A title can wrap over two lines (``2025 年区城市运行管理中心（…网格化`` /
    ``服务中心）整体支出绩效目标申报表``); its first half is not content.
    """
    if is_page_number(text):
        return False
    return _DIGIT.search(_DATE_OR_YEAR.sub("", normalise(text))) is not None


def find_parts(source: SourceText) -> list[Part]:
    """The body spans of the parts whose headings the document has.

    With numbered parts (第一部分 … 第四部分) the body of a part starts at the
    *last* heading of its numeral, the first being the contents entry. With
    worded headings a part may come back (Shanghai's 编制说明, 其他相关情况说明
    and 项目经费情况说明 are all 情况说明), so every heading after the contents
    page opens a span.
    """
    last_heading: dict[str, int] = {}
    seen: Counter[str] = Counter()
    for number, printed in enumerate(source.lines, start=1):
        text = _unglued(printed)
        match = _PART_HEADING.match(text)
        if match and part_of_heading(text) is not None:
            last_heading[match.group(1)] = number
            seen[match.group(1)] += 1
    first = contents_end(source) + 1
    worded = [
        (number, name)
        for number in range(first, len(source.lines) + 1)
        if (name := part_of_heading(source.line(number))) is not None
    ]
    if not last_heading:
        starts = worded
    else:
        repeated = [last_heading[n] for n, count in seen.items() if count > 1]
        if repeated:  # a numeral seen only on the contents page heads no body
            last_heading = {n: line for n, line in last_heading.items() if line >= min(repeated)}
        starts = [
            (line, str(part_of_heading(_unglued(source.line(line)))))
            for line in last_heading.values()
        ]
        named = {name for _, name in starts}
        # a part whose body heading is worded (决算: "…2024 年度部门决算表" under no 第二部分)
        starts = sorted(
            [*starts, *_first_each((n, name) for n, name in worded if name not in named)]
        )
    parts = []
    for index, (line, name) in enumerate(starts):
        end = len(source.lines)
        if index + 1 < len(starts):
            following = starts[index + 1][0]
            # the sentence the next heading is glued to ends this part
            end = following if _GLUED_HEADING.match(source.line(following)) else following - 1
        parts.append(Part(name, line, end))
    return parts


def _unglued(text: str) -> str:
    """The line from its part heading on, when a sentence ends before it on the same line."""
    return _GLUED_HEADING.sub("", text, count=1)


def _first_each(headings: Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    """The first heading of each part name."""
    seen: dict[str, int] = {}
    for line, name in headings:
        seen.setdefault(name, line)
    return [(line, name) for name, line in seen.items()]


def find_year(source: SourceText) -> int | None:
    """The budget year the document names most often (``2026 年部门预算``)."""
    text = normalise("".join(line.strip() for line in source.lines))
    phrases = "|".join(re.escape(p) for p in _layout()["year_phrases"])
    pattern = re.compile(rf"(20\d\d)\s*年\s*(?:度\s*)?(?:{phrases})")
    counts = Counter(int(m.group(1)) for m in pattern.finditer(text))
    return counts.most_common(1)[0][0] if counts else None


def find_department(source: SourceText, parts: list[Part]) -> str | None:
    """The department's name, from the 概况 heading or a ``部门名称`` / ``部门：`` line.

    The heading may wrap over lines in PDF text, so lines are joined until 概况.
    A longer name from a table's ``部门：`` line wins when it ends with the heading's
    name (``青山区大数据中心`` over ``大数据中心``).
    """
    overview = next((p for p in parts if p.name == "概况"), None)
    heading_name = None
    if overview is not None:
        joined = ""
        for number in range(
            overview.first_line, min(overview.first_line + 4, overview.last_line) + 1
        ):
            joined += normalise(source.line(number)).strip()
            match = re.search(r"第一部分\s*(.+?)\s*(?:\d{4}\s*年)?(?:部门)?概况", joined)
            if match:
                heading_name = match.group(1).strip()
                if heading_name in _GENERIC_NAMES:
                    heading_name = None  # "第一部分 部门概况" names no department
                break
    labels = "|".join(re.escape(label) for label in _layout()["department_labels"])
    label = re.compile(rf"^\s*(?:{labels})\s*[：:]\s*(\S+)")
    labelled = Counter(
        m.group(1).strip()
        for line in source.lines[:2000]
        if "\t" not in line
        and (m := label.match(normalise(line)))
        and not m.group(1).startswith("单位")  # an empty field followed by the unit
    )
    for name, _ in labelled.most_common():
        if heading_name is None or (name.endswith(heading_name) and len(name) > len(heading_name)):
            return name
    return heading_name


def find_promises(source: SourceText, parts: list[Part], vocabulary: Vocabulary) -> list[Promise]:
    """The tables the contents page lists under the table part's entry."""
    last = parts[0].first_line - 1 if parts else contents_end(source)
    promises: list[Promise] = []
    in_table_list = False
    for number in range(1, last + 1):
        text = normalise(source.line(number)).strip()
        part = part_of_heading(text)
        if part is not None:
            in_table_list = part == "预算表"
            continue
        if in_table_list and text:
            promises.extend(_promised_kinds(text, number, vocabulary))
    return promises


def _promised_kinds(text: str, line: int, vocabulary: Vocabulary) -> list[Promise]:
    """One contents entry can promise two tables (``一般公共预算支出表（分功能分类，分单位）``)."""
    entry = text.lstrip("-• ").strip()
    if "分单位" in compact(entry) and "分功能" in compact(entry):
        titles = ["一般公共预算支出表", "一般公共预算支出表(分单位)"]
    else:
        titles = [entry if "表" in entry else entry + "表"]
    kinds = [vocabulary.recognise(title) for title in titles]
    return [Promise(kind.name, line, entry) for kind in kinds if kind is not None]


def _wrapped_title(source: SourceText, number: int, last: int) -> tuple[str, int] | None:
    """A title that text taken from a PDF wrapped: ``…培训费支出预`` / ``“ ”`` / ``算表``.

    The line must not read as a title by itself and the next one or two lines
    must be short pieces (the quotes of “三公” set apart, the end of the title);
    returns the joined title and the last line it takes.
    """
    text = normalise(source.line(number)).strip()
    if not text or "\t" in text or "表" in text or len(text) > 60:
        return None
    joined = text
    for following in range(number + 1, min(number + 3, last) + 1):
        raw_piece = normalise(source.line(following)).strip()
        piece = _QUOTES_AND_SPACES.sub("", raw_piece)
        if not raw_piece or len(piece) > _TITLE_TAIL:
            return None
        joined += piece
        if joined.endswith("表"):
            return joined, following
    return None


def _title_of(text: str, vocabulary: Vocabulary) -> tuple[TableKind | None, str | None] | None:
    """``(kind, number)`` when the line is a table title or a bare ``表 N`` anchor."""
    stripped = normalise(text).strip()
    if not stripped or "\t" in text or len(stripped) > 70:
        return None
    anchor = _TABLE_ANCHOR.match(stripped)
    number = re.sub(r"[^\d-]", "", anchor.group()) if anchor else None
    kind = vocabulary.recognise(stripped)
    if kind is None and anchor is None:
        return None
    if kind is None and anchor is not None and stripped[anchor.end() :].strip():
        return None  # "表 3 说明…" style text, not a bare anchor
    return kind, number


def is_figures_row(text: str) -> bool:
    """A line that reads as a table row: cells (tabs), or words then figures set apart by spaces.

    Text extracted from a PDF keeps a table row on one line with its cells
    separated by spaces (``201 13 01 行政运行 9,389,913.00 9,389,913.00``); a
    sentence of prose that ends in a figure carries its punctuation.
    """
    if "\t" in text:
        return True
    stripped = normalise(text).strip()
    if not stripped or _SENTENCE_PUNCTUATION.search(stripped) or is_page_number(text):
        return False
    return _FIGURES_AT_END.search(stripped) is not None


def _says_empty(text: str) -> bool:
    """A note that the table above it has no figures (``注：本部门无政府性基金预算…，故本表为空表``)."""
    stripped = normalise(text).strip()
    return stripped.startswith(NOTE_WORDS) and _EMPTY_WORDS.search(stripped) is not None


def find_grid_blocks(source: SourceText, first: int, vocabulary: Vocabulary) -> list[Block]:
    """Table blocks anywhere after line ``first``, for a document without a table part.

    Without a table part (Shanghai prints its tables between two parts of
    prose) a title counts only when table rows follow it (the search starts on
    the line after ``first``), and its block ends
    with its last table row and the notes under it (``注：…``), so the prose
    after a table stays prose.
    """
    span = Part("预算表", first, len(source.lines))
    blocks = []
    for block in find_blocks(source, span, vocabulary):
        grid = [
            n
            for n in range(block.body_start, block.last_line + 1)
            if is_figures_row(source.line(n))
        ]
        if block.kind is None:
            continue
        if not grid:
            grid = [n for n in block.body if _says_empty(source.line(n))][:1]
            if not grid:
                continue
        last = grid[-1]
        while last < block.last_line and normalise(source.line(last + 1)).strip().startswith(
            NOTE_WORDS
        ):
            last += 1
        block.last_line = last
        blocks.append(block)
    return blocks


def find_blocks(source: SourceText, part: Part, vocabulary: Vocabulary) -> list[Block]:
    """Split the table part into blocks, one per table title.

    Title lines that follow one another before any content (``表 3`` then
    ``支出总表``) belong to the same block; a new title after content starts a
    new block.
    """
    blocks: list[Block] = []
    current: Block | None = None
    has_content = False
    skip_to = 0
    for number in range(part.first_line + 1, part.last_line + 1):
        if number <= skip_to:
            continue
        text = source.line(number)
        title = _title_of(text, vocabulary)
        if title is None:
            wrapped = _wrapped_title(source, number, part.last_line)
            if wrapped is not None and (title := _title_of(wrapped[0], vocabulary)) is not None:
                text, skip_to = wrapped
        if title is not None:
            kind, table_number = title
            joins = (
                current is not None
                and not has_content
                and (current.kind is None or kind is None or current.kind is kind)
                and (table_number is None or current.number in (None, table_number))
            )
            end = max(number, skip_to)
            if joins and current is not None:
                current.kind = current.kind or kind
                current.number = current.number or table_number
                if kind is not None:
                    current.title = normalise(text).strip()
                current.last_line = end
                current.body_start = end + 1
                continue
            current = Block(kind, number, normalise(text).strip(), end, table_number, end + 1)
            blocks.append(current)
            has_content = False
            continue
        if current is not None:
            current.last_line = number
            if not has_content and _is_content(text) and not is_bare_page_number(text):
                has_content = True  # (a page number between a table's number and its title is not)
    return blocks
