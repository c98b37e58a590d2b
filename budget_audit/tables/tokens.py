"""The numbers on each line of a table, and the ones that are identifiers, not quantities.

Coverage is counted over these tokens: every one is claimed by a fact, named
as an identifier (a code, a date, a phone number...), or listed as not
understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from budget_audit.numbers import NumberToken, find_numbers, normalise

_CODE_IN_BRACKETS = re.compile(r"[\[〔【][^\]〔〕【】]*[\]〕】]")  # [256001], 硚办文〔2024〕31 号
_ORDINAL_AFTER = re.compile(r"^\s*(?:[、.．:：)）]\s*\D|[、:：)）])")
_ORDINAL_BEFORE = re.compile(r"(?:目标|指标|[(（]|第)\s*$")
_DATE_UNIT_AFTER = re.compile(r"^\s*(?:年|月|日|号)")
_SUBJECT_LEVEL_AFTER = re.compile(r"^\s*(?:类|款)")
_DOCUMENT_NUMBER_AFTER = re.compile(r"^\s*[(（]\s*\d+\s*[)）]\s*号")  # 会议纪要 2007（14）号
_SHORTEST_CUT_FIELD = 3  # a field name cut by the page (邮政编) still names its field
# Form fields whose numbers identify rather than measure (the label must name the field itself).
_IDENTIFIER_FIELDS = ("联系电话", "电话", "邮政编码", "邮编", "项目编码", "单位地址", "地址", "填报日期", "申报日期", "起始年度", "终止年度")  # fmt: skip


@dataclass(frozen=True)
class LineToken:
    """A number on a given line; its span refers to ``text``, the normalised line."""

    line: int
    token: NumberToken
    text: str

    @property
    def context_after(self) -> str:
        """The few characters that follow the number (its unit, if any)."""
        return self.text[self.token.end : self.token.end + 6]

    @property
    def key(self) -> tuple[int, int]:
        """Identity of the token within the document: line and start offset."""
        return (self.line, self.token.start)


def line_tokens(line: int, text: str) -> list[LineToken]:
    """The numbers of one (raw) line."""
    return list(_line_tokens(line, text))


@lru_cache(maxsize=1 << 14)
def _line_tokens(line: int, text: str) -> tuple[LineToken, ...]:
    """Cached: a pure function of the line's number and text, and the table's own reader,
    the grid, form and listing readers and the coverage count each tokenise the same line."""
    normalised = normalise(text)
    return tuple(LineToken(line, token, normalised) for token in find_numbers(normalised))


def _is_date(raw: str, after: str) -> bool:
    """``2024 年``, ``12 月``, ``30 日``, ``3 年``: a whole number before 年/月/日/号 (an amount
    with decimals before 年初结转 or 年末结余 is none of them)."""
    return _DATE_UNIT_AFTER.match(after) is not None and "." not in raw


_YEAR = re.compile(r"20\d\d")
_CENTURY_YEAR = re.compile(r"(?:19|20)\d\d")
_LONG_CODE = re.compile(r"\d{5,7}")
_CODE_DASH_AFTER = re.compile(r"-(\D|$)")
_ROW_CODE = re.compile(r"\d{3}(?:\d{2}){0,2}")
_NAME_CELL_AFTER = re.compile(r"\t\s*[\u4e00-\u9fff]")


def without_spaces(text: str) -> str:
    """``text`` without whitespace (str.isspace is the regex ``\\s``; a split is faster than a sub)."""
    return "".join(text.split())


@lru_cache(maxsize=1 << 12)
def _bracket_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the bracketed codes of a line; cached, as each of its numbers asks."""
    return tuple(m.span() for m in _CODE_IN_BRACKETS.finditer(text))


def identifier_reason(
    found: LineToken, row_label: str = "", column: str | None = None
) -> str | None:
    """Why a number on a line is an identifier rather than a quantity, or ``None``.

    ``row_label`` is the label of the row (or field) the number stands in; ``column``, when
    given, is the column's name, asked after the row's label: the reason is the one the row
    label gives, else the one the column gives (a year column, a 电话 column).
    """
    reason = _reason(found, row_label)
    if reason is not None or column is None or column == row_label:
        return reason
    return _label_reason(found, column)


def _label_reason(found: LineToken, label: str) -> str | None:
    """The reasons of :func:`_reason` that ``label`` gives, in its order: asked when those of the
    number and its line alone gave none (so only a label can add one)."""
    token = found.token
    if _YEAR.fullmatch(token.raw) and "年" in label + found.text[token.end : token.end + 3]:
        return "date or year"
    field = without_spaces(label)
    if field and _names_identifier_field(field):
        return f"{field} field"
    return None


def _reason(found: LineToken, row_label: str) -> str | None:
    text, token = found.text, found.token
    before, after = text[: token.start], text[token.end :]
    spans = _bracket_spans(text)  # most lines have none: no generator for them
    if spans and any(start < token.start < end for start, end in spans):
        return "code in brackets"
    if _is_date(token.raw, after) or (_YEAR.fullmatch(token.raw) and "年" in row_label + after[:3]):
        return "date or year"
    if _SUBJECT_LEVEL_AFTER.match(after) or (
        _LONG_CODE.fullmatch(token.raw) and _CODE_DASH_AFTER.match(after)
    ):
        return "subject code"  # "208 类", "31007-信息网络及软件购置更新"
    if (
        _ROW_CODE.fullmatch(token.raw)
        and (not before.strip() or before.endswith("\t\t"))  # first, or after an empty cell
        and _NAME_CELL_AFTER.match(after)
    ):
        return (
            "row code"  # a 科目 code in its own cell before its name (a 测算 amount follows text)
        )
    if _CENTURY_YEAR.fullmatch(token.raw) and _DOCUMENT_NUMBER_AFTER.match(after):
        return "document number"
    # the field is the row's label, or the cell just before the number (填报人 … 联系电话 81810066)
    for field in (without_spaces(row_label), _cell_before(before)):
        if field and _names_identifier_field(field):
            return f"{field} field"
    if "." not in token.raw and (_ORDINAL_AFTER.match(after) or _ORDINAL_BEFORE.search(before)):
        return "ordinal"
    return None


def _cell_before(before: str) -> str:
    """The cell just before a number in a tab-separated line (empty when none is)."""
    if "\t" not in before:
        return ""
    cells = [cell.strip(" :：") for cell in before.rsplit("\t", 2)]  # the last two are enough
    return without_spaces(cells[-1] or (cells[-2] if len(cells) > 1 else ""))


@lru_cache(maxsize=1 << 12)
def _names_identifier_field(field: str) -> bool:
    """Whether a label names a field of identifiers, also when the page cut its last characters
    (``邮政编`` for 邮政编码). Cached: the same labels are asked for each of their numbers."""
    return any(field.endswith(name) for name in _IDENTIFIER_FIELDS) or (
        len(field) >= _SHORTEST_CUT_FIELD
        and any(name.startswith(field) and name != field for name in _IDENTIFIER_FIELDS)
    )
