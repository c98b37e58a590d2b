"""Forms and listings: performance forms (绩效目标表) and procurement, service and asset tables.

These are not coded grids. A line is either a *header* (text cells naming
columns), a *key-value* line (``项目总预算→333.2→项目当年预算→333.2``) or a
*record* (labels, then values under the header's columns). Each number
becomes a fact named by its row label and its column; where the column cannot
be known (a space-separated record whose empty cells were dropped) the fact
says so with placement ``unplaced`` and the coverage report counts it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from budget_audit.facts import Fact, Row
from budget_audit.location import Location
from budget_audit.numbers import Amount, at_precision, normalise
from budget_audit.source import SourceText
from budget_audit.tables.tokens import LineToken, identifier_reason, line_tokens, without_spaces

if TYPE_CHECKING:  # table.py imports this module to read forms
    from budget_audit.tables.table import Table

_YEAR_CELL = re.compile(r"^\s*20\d\d\s*年?\s*(?:度)?\s*$")
_YEAR_IN_HEADER = re.compile(r"20\d\d\s*年")
_QUANTITY_SUFFIX = re.compile(
    r"^\s*(%|万元|元|个|人|项|期|条|次|台|套|件|份|分钟|小时|天|月|年|平方米|辆|家|场|篇|户|张|个月)"
)
_PLACEHOLDERS = ("-", "—", "无", "/")  # an empty cell written out
MONEY_PLACES = 2  # published money is rounded to 0.01 (万元 or 元); trailing zeros may be dropped
CALCULATION = "测算"  # the section of the 项目支出明细测算 block's figures
FACTOR = "测算因子"  # the column of a quantity or price in a 测算 line ("1360 平方米*70 元/平方米")
# A unit standing alone after a number ("99.16% 1311.82"), not the first letter of a label ("项目当年预算").
_UNIT_ONLY = re.compile(_QUANTITY_SUFFIX.pattern + r"(?![\u4e00-\u9fff])")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SPACES_AND_BARS = re.compile(r"[\s|]")
_CALCULATION_ENDS = re.compile(r"(测算依据及说明|项目采购|项目绩效|项目资金来源)")
_LEADING_YEAR = re.compile(r"\s*(20\d\d)\s*年")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"20\d\d")
_SENTENCE_MARK = re.compile(r"[，。；：、,;]")
# "2024 年项目预算 0 万元" / "2025 年度项目预算金额 333.2 万元": a prior year's budget stated in words.
_YEAR_BUDGET = re.compile(
    r"(20\d\d)\s*年度?[^，。；,;\d]{0,10}?预算[^，。；,;\d]{0,6}?(-?\d[\d,]*(?:\.\d+)?)\s*万?元"
)
# "1360 平方米*70 元/平方米", "30 人*900 元/月. 人*12 月": the factors of a 测算依据 line.
_FACTOR = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*([^\d*×xX\s]{0,8})\s*(?=[*×xX])|(?<=[*×xX])\s*(\d[\d,]*(?:\.\d+)?)\s*([^\d*×xX]{0,8})"
)


def is_prose(text: str) -> bool:
    """Descriptive text (a sentence, a reason, a plan) rather than a cell value or a label."""
    return _SENTENCE_MARK.search(text) is not None and len(_CJK.findall(text)) >= 10


@dataclass
class FormResult:
    """Rows and facts of a form, and the tokens named as identifiers."""

    rows: list[Row] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    identifiers: dict[tuple[int, int], str] = field(default_factory=dict)
    in_text: dict[tuple[int, int], str] = field(default_factory=dict)


@dataclass(slots=True)
class _Cell:
    index: int
    text: str
    tokens: list[LineToken]
    start: int  # offset of ``text`` in the normalised line


def _cells(number: int, text: str) -> list[_Cell]:
    normalised = normalise(text)
    tokens = line_tokens(number, text)  # left to right, so each cell takes the next run of them
    cells, offset, taken = [], 0, 0
    for index, cell in enumerate(normalised.split("\t")):
        end = offset + len(cell)
        first = taken
        while taken < len(tokens) and tokens[taken].token.start < end:
            taken += 1
        cells.append(_Cell(index, cell.strip(), tokens[first:taken], end - len(cell.lstrip())))
        offset = end + 1
    return cells


def _is_value_cell(cell: _Cell) -> bool:
    """A cell that holds a quantity (``333.2``, ``12 期``, ``≥88%``), not a label or a year."""
    return bool(cell.tokens) and not _YEAR_CELL.match(cell.text) and len(cell.text) <= 24


class FormReader:
    """Reads one form or listing block line by line, keeping the header and section in force."""

    def __init__(self, table: str, kind: str, unit: str) -> None:
        self.table, self.kind, self.unit = table, kind, unit
        self.result = FormResult()
        self.header: dict[int, str] = {}
        self.section: str | None = None
        self.pending_label = ""
        self.years: list[str] = []
        self.in_calculation = False  # inside the 项目支出明细测算 block of a project form

    def read(self, lines: list[tuple[int, str]]) -> FormResult:
        """Read every line of the block."""
        for number, text in lines:
            self._track_calculation(text)
            if "\t" in text:
                self._tab_line(number, text)
            else:
                self._space_line(number, text)
        return self.result

    def _track_calculation(self, text: str) -> None:
        """Enter the 测算 block at its title; leave it at its explanation, 采购 or 绩效 part."""
        normalised = normalise(text)
        if "测" not in normalised and "项" not in normalised:  # no title of either can be here
            return
        words = _SPACES_AND_BARS.sub("", normalised)
        if _CALCULATION_ENDS.match(words):
            self.in_calculation = False
        elif "测算" in words and ("明细" in words or "预算及" in words):
            self.in_calculation = True

    def _tab_line(self, number: int, text: str) -> None:
        cells = _cells(number, text)
        key = next((c.text for c in cells if c.text and not c.tokens), "")
        descriptive = [
            c for c in cells if c.tokens and (is_prose(c.text) or _FACTOR.search(c.text))
        ]
        for cell in descriptive:
            self._read_text(number, key, cell.text, cell.tokens, cell.start)
        all_cells = cells
        skipped = {c.index for c in descriptive}  # a line's cells differ by index
        cells = [c for c in cells if c.index not in skipped]
        for cell in cells:
            if cell.tokens and _YEAR_CELL.match(cell.text):
                for token in cell.tokens:
                    self.result.identifiers[token.key] = "year"
        values = [c for c in cells if _is_value_cell(c)]
        valued = {c.index for c in values}
        texts = [
            c for c in all_cells if c.text and c.index not in valued and c.text not in _PLACEHOLDERS
        ]
        if not values:
            if len(texts) >= 2:
                self._take_header(cells)
            return
        if (
            cells[0].text
            and not cells[0].tokens
            and all(
                cells[c.index - 1].text and not _is_value_cell(cells[c.index - 1]) for c in values
            )
            and len(texts) == len(values)
        ):
            for value in values:  # key-value line
                self._emit(
                    number,
                    cells[value.index - 1].text,
                    cells[value.index - 1].text,
                    value.tokens,
                    "label",
                )
            self.header = {}
            return
        before_first = [c for c in texts if c.index < values[0].index]
        if len(before_first) >= 2:
            self.section = without_spaces(before_first[-2].text)
        label = before_first[-1].text if before_first else (self.section or "")
        named = [c for c in before_first if "名称" in self.header.get(c.index, "")]
        if named:  # the header says which cell names the row (项目名称, 指标名称)
            label = named[-1].text
        columns = self._share_record_columns(values) or [
            self.header.get(v.index) or "值" for v in values
        ]
        for value, column in zip(values, columns, strict=True):
            self._emit(number, label, column, value.tokens, "cell")

    def _share_record_columns(self, values: list[_Cell]) -> list[str] | None:
        """A funding record of the 整体 form read by content, not position.

        Its one share (``100%``) is 占比, the amount before it 当年金额, the
        figures after it the header's prior years in order; so a row whose cells
        are shifted against the header (``合计→→1,602.84→100%→1287.21``) still
        reads right.
        """
        shares = [i for i, v in enumerate(values) if v.text.endswith("%")]
        if shares != [1]:
            return None
        years = [name for _, name in sorted(self.header.items()) if _YEAR_IN_HEADER.fullmatch(name)]
        if len(years) < 2 or len(values) > 2 + len(years):
            return None
        return ["当年金额", "占比", *years[: len(values) - 2]]

    def _take_header(self, cells: list[_Cell]) -> None:
        """A header line names columns; a sub-header line (years) refines the cells it fills."""
        is_sub_header = not cells[0].text and any(_YEAR_CELL.match(c.text) for c in cells if c.text)
        if not is_sub_header:
            self.header = {}
        for cell in cells:
            if cell.text:
                self.header[cell.index] = without_spaces(cell.text)

    def _space_line(self, number: int, text: str) -> None:
        normalised = normalise(text)
        tokens = line_tokens(number, text)
        years = _YEAR_IN_HEADER.findall(normalised)
        if len(years) >= 2 and len(tokens) == len(years):
            self.years = [without_spaces(y) for y in years]
            self.pending_label = ""
            return
        if not tokens:
            if normalised.strip():
                self.pending_label = (self.pending_label + normalised.strip())[-40:]
            return
        if is_prose(normalised) or _FACTOR.search(normalised):
            self._read_text(number, self.pending_label, normalised, tokens)
            return
        leading_year = _LEADING_YEAR.match(normalised)
        if leading_year is not None:  # "2023年 391050.00 100%": a row of the prior years' budgets
            self.result.identifiers[tokens[0].key] = "year"
            tokens = tokens[1:]
            normalised = " " * leading_year.end() + normalised[leading_year.end() :]
            if not tokens:
                return
            self.pending_label = leading_year.group(1) + "年"
        segments = _segments(normalised, tokens)
        own_label = segments[0][0] if segments else ""
        if own_label and self.pending_label:
            self.section = self.pending_label
        first_text = own_label or self.pending_label
        lone_value = len(segments) == 1 and len(segments[0][1]) == 1
        if lone_value and _is_field_name(first_text):
            # a field and its one value ("项目当年预" / "算" / "15", or "合计 15")
            self.pending_label = ""
            self._emit(number, first_text, first_text, segments[0][1], "label")
            return
        self.pending_label = ""
        keyed = sum(1 for label, _ in segments if label) >= 2
        positional = self._positional_columns(segments)
        for position, (label, run) in enumerate(segments):
            for offset, token in enumerate(run):
                if keyed and label:
                    self._emit(
                        number,
                        label,
                        label if offset == 0 else f"{label}#{offset + 1}",
                        [token],
                        "label",
                    )
                elif positional is not None:
                    self._emit(number, first_text, positional[offset], [token], "position")
                else:
                    row = label or first_text
                    self._emit(number, row, f"值{position + offset + 1}", [token], "unplaced")

    def _read_text(
        self, number: int, label: str, text: str, tokens: list[LineToken], base: int = 0
    ) -> None:
        """Numbers inside descriptive text: prior years' budgets and 测算 factors become facts,
        the rest is accounted as text (the narrative reader's business, not a table cell's)."""
        taken: set[int] = set()
        for match in _YEAR_BUDGET.finditer(text):
            token = next((t for t in tokens if t.token.start == base + match.start(2)), None)
            if token is not None:
                self._emit(number, label or "预算", f"{match.group(1)}年预算", [token], "label")
                taken.add(token.token.start)
        for match in _FACTOR.finditer(text):
            start = base + (match.start(1) if match.group(1) else match.start(3))
            token = next((t for t in tokens if t.token.start == start), None)
            if token is not None and start not in taken:
                self._emit(number, label or "测算依据", FACTOR, [token], "label")
                taken.add(start)
        for token in tokens:
            if token.token.start not in taken:
                reason = identifier_reason(token, label)
                if reason is not None:
                    self.result.identifiers[token.key] = reason
                else:
                    self.result.in_text[token.key] = "descriptive text"

    def _positional_columns(self, segments: list[tuple[str, list[LineToken]]]) -> list[str] | None:
        """Columns of a funding line of the 整体 form: 当年金额, 占比, then the header's years."""
        if len(segments) != 1 or not self.years:
            return None
        run = segments[0][1]
        if len(run) == 2 + len(self.years):
            return ["当年金额", "占比", *self.years]
        return None

    def _emit(
        self, number: int, label: str, column: str, tokens: list[LineToken], placement: str
    ) -> None:
        label = without_spaces(label)
        section = CALCULATION if self.in_calculation else self.section
        row = Row(len(self.result.rows), None, label, number, number, section=section)
        self.result.rows.append(row)
        for token in tokens:
            # A factor of a 测算 line ("*12 月") is a quantity even where it looks like a date.
            reason = None if column == FACTOR else identifier_reason(token, label, column)
            if reason is None and column != FACTOR and _is_year_header(column, token):
                reason = "year"
            if reason is not None:
                self.result.identifiers[token.key] = reason
                continue
            unit = self._unit_after(token, column)
            fact = Fact(
                table=self.table, kind=self.kind, row=row.index, code=None, name=label,
                column=column, amount=money_amount(token.token.amount, unit), unit=unit,
                location=Location(number, token.token.start), raw=token.token.raw, placement=placement,
                section=section,
            )  # fmt: skip
            row.cells[column] = fact
            self.result.facts.append(fact)

    def _unit_after(self, token: LineToken, column: str) -> str:
        suffix = _QUANTITY_SUFFIX.match(token.context_after)
        if suffix:
            return suffix.group(1)
        return "%" if "占比" in column else self.unit


def money_amount(amount: Amount, unit: str) -> Amount:
    """A money figure of a form or listing, at the 0.01 its publishers round to (``20`` is 20.00)."""
    return at_precision(amount, MONEY_PLACES) if unit in ("万元", "元") else amount


def _is_field_name(text: str) -> bool:
    """Text that can name a form field: a few words, no digits, more than a unit or a symbol."""
    words = without_spaces(text)
    return (
        2 <= len(words) <= 16
        and not _DIGIT.search(words)
        and _CJK.search(_UNIT_ONLY.sub("", words)) is not None
    )


def _is_year_header(column: str, token: LineToken) -> bool:
    return bool(_YEAR.fullmatch(token.token.raw)) and ("年度" in column or "年" in column[:6])


def _segments(text: str, tokens: list[LineToken]) -> list[tuple[str, list[LineToken]]]:
    """Split a line into (text, run of numbers) segments."""
    segments: list[tuple[str, list[LineToken]]] = []
    position = 0
    for token in tokens:
        between = text[position : token.token.start].strip()
        if segments:  # the previous number's unit ("99.16%", "15 万元") is not a label
            between = _UNIT_ONLY.sub("", between, count=1).strip()
        between = between.strip("≥≤<>=~,，-—/").strip()
        if between or not segments:
            segments.append((between, [token]))
        else:
            segments[-1][1].append(token)
        position = token.token.end
    return segments


def read_form(lines: list[tuple[int, str]], table: str, kind: str, unit: str) -> FormResult:
    """Facts of a form or listing block."""
    return FormReader(table, kind, unit).read(lines)


def project_title(source: SourceText, table: Table) -> str:
    """The 项目名称 of a project form, joined when PDF text wrapped it over lines."""
    for number in range(table.first_line, table.last_line + 1):
        text = normalise(source.line(number)).strip()
        if not text.startswith("项目名称"):
            continue
        name = re.split(r"\t+|\s{2,}|项目编码", text.removeprefix("项目名称").strip())[0].strip()
        if name and "\t" in source.line(number):
            return re.sub(r"\s+", "", name)  # a tab-separated cell is whole: PDF text wraps
        following = number + 1
        while not name and following <= table.last_line:
            name = normalise(source.line(following)).strip()
            following += 1
        while following <= table.last_line:
            more = normalise(source.line(following)).strip()
            if not more:
                following += 1
                continue
            if re.match(r"项目(编码|主管|负责|执行)", more) or re.search(r"\d", more):
                break
            name += more
            following += 1
        return re.sub(r"\s+", "", name)
    return ""
