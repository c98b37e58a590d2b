"""Procurement as the document states it: a project form's 项目采购 part, its 测算 lines'
economic classes, and the records and category rows of a procurement or asset listing.

The form reader (:mod:`budget_audit.tables.forms`) stops its 测算 block at 项目采购 and
reads what follows as loose cells; this module reads the part as what it is, a
list of purchases (品名, 数量, 金额, 是否属新增资产配置预算). It only says what is
printed and where: a line whose numbers cannot be given a column is kept as
unread, never guessed, so a check can tell a sum it knows from a lower bound.
What the words mean (the 品目 code letters, the headings) is data:
``budget_audit/data/procurement.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from budget_audit.facts import Fact
from budget_audit.location import Location
from budget_audit.numbers import normalise, parse_amount
from budget_audit.source import SourceText
from budget_audit.tables.forms import money_amount, project_title
from budget_audit.tables.table import Table
from budget_audit.tables.tokens import without_spaces
from budget_audit.yaml_files import load_yaml

_NUMBER = re.compile(r"^-?\d[\d,]*(?:\.\d+)?$")
_ITEM_CODE = re.compile(r"^\[?([A-Z])(\d{2,8})\]?")
_ECONOMIC = re.compile(r"\[?(3\d{4})\]?\s*[-－]?\s*([^\d\[\]\s][^\[\]]*)?")
_UNIT_IN_HEADER = re.compile(r"[(（](万元|元)[)）]")
_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])")
FORM_KIND = "项目支出绩效目标表"
LISTING_KINDS = ("政府采购预算表", "资产配置预算表")


@cache
def vocabulary() -> dict[str, Any]:
    """The procurement words (``data/procurement.yaml``), read once."""
    text = resources.files("budget_audit").joinpath("data/procurement.yaml").read_text("utf-8")
    data: dict[str, Any] = load_yaml(text)
    return data


def bare(text: str) -> str:
    """Text without spaces, in half-width form: how names are compared."""
    return without_spaces(normalise(text))


def category_of_name(name: str) -> str | None:
    """The category (货物, 工程, 服务) a 品目 code or name says, if it says one for certain."""
    words = vocabulary()
    code = _ITEM_CODE.match(bare(name))
    if code is not None:
        found: str | None = words["code_categories"].get(code.group(1))
        return found
    name = re.sub(r"[(（][^)）]*[)）]$", "", bare(name))
    for suffix, category in words["name_suffixes"].items():
        if name.endswith(suffix):
            return str(category)
    return None


@dataclass(frozen=True)
class Purchase:
    """One line of a project form's 项目采购 part."""

    name: str
    category: str | None
    amount: Fact
    new_asset: bool | None  # 是否属新增资产配置预算: 是, 否, or not printed


@dataclass
class FormProcurement:
    """The 项目采购 part of one project form."""

    table: str
    project: str
    heading_line: int
    purchases: list[Purchase] = field(default_factory=list)
    stated_none: bool = False  # the part prints 无 (or nothing) under its header
    unread: list[int] = field(default_factory=list)  # lines whose numbers have no known column

    @property
    def complete(self) -> bool:
        """Every purchase line was read: its amounts sum to the project's procurement."""
        return not self.unread


def project_name(source: SourceText, table: Table) -> str:
    """A project form's 项目名称 as names are compared (its title, wrapped lines joined, bare)."""
    return bare(project_title(source, table))


def _cells(text: str) -> list[str]:
    """A line's cells: tab-separated as printed, or space-separated words."""
    normalised = normalise(text)
    if "\t" in normalised:
        return [c.strip() for c in normalised.split("\t")]
    return normalised.split()


def _column(header: list[str], names: list[str]) -> int | None:
    return next((i for i, c in enumerate(header) if any(n in bare(c) for n in names)), None)


def _starts(text: str, words: list[str]) -> bool:
    return any(bare(text).startswith(w) for w in words)


def read_form_procurement(source: SourceText, table: Table) -> FormProcurement | None:
    """The 项目采购 part of a project form, or ``None`` when the form prints none."""
    words = vocabulary()["form"]
    lines = range(table.first_line, table.last_line + 1)
    heading = next((n for n in lines if bare(source.line(n)).startswith(words["heading"])), None)
    if heading is None:
        return None
    part = FormProcurement(table.id, project_name(source, table), heading)
    header: list[str] | None = None
    unit = table.unit
    for number in range(heading, table.last_line + 1):
        text = source.line(number)
        cells = _cells(text)
        if number == heading and cells and bare(cells[0]).startswith(words["heading"]):
            cells = ["", *cells[1:]]  # the heading's cell stands over the rows' empty first cell
        filled = [c for c in cells if c]
        if not filled:
            continue
        if header is None:
            if any(n in bare(c) for c in filled for n in words["name"]):
                header = cells if "\t" in text else filled
                amount_cell = next((c for c in filled if any(a in c for a in words["amount"])), "")
                stated = _UNIT_IN_HEADER.search(normalise(amount_cell))
                unit = stated.group(1) if stated else unit
                continue
            part.stated_none = len(filled) == 1 and filled[0] in words["none"]  # 项目采购 无
            break  # no header: not a list of purchases
        if _starts(filled[0], words["ends"]):
            break
        if len(filled) == 1 and filled[0] in words["none"]:
            part.stated_none = True
            break
        _purchase(part, header, cells if "\t" in text else filled, "\t" in text, number, text, unit)
    if header is not None and not part.purchases and not part.unread:
        part.stated_none = True  # a header with nothing under it lists no purchase
    return part


def _purchase(
    part: FormProcurement,
    header: list[str],
    cells: list[str],
    by_position: bool,
    number: int,
    text: str,
    unit: str,
) -> None:
    """One purchase line: by the header's positions when tab-separated, else by count."""
    words = vocabulary()["form"]
    name_at = _column(header, words["name"])
    amount_at, quantity_at = _column(header, words["amount"]), _column(header, words["quantity"])
    asset_at = _column(header, words["new_asset"])
    numeric = [i for i, c in enumerate(cells) if _NUMBER.match(c)]
    amount: int | None
    if by_position:
        amount = amount_at if amount_at in numeric else None
        known = {amount_at, quantity_at}
        if amount is None or any(i not in known for i in numeric):
            part.unread.append(number)
            return
        name = cells[name_at] if name_at is not None and name_at < len(cells) else ""
        flag = cells[asset_at] if asset_at is not None and asset_at < len(cells) else ""
    else:  # words keep no position: the numbers are the header's numeric columns in order
        expected = [i for i in (quantity_at, amount_at) if i is not None]
        if len(numeric) != len(expected) or amount_at is None or not numeric:
            part.unread.append(number)
            return
        amount = numeric[-1]
        name = " ".join(c for i, c in enumerate(cells) if i < numeric[0])
        flags = [c for c in cells if c in (*words["marked"], *words["unmarked"])]
        flag = flags[-1] if flags and asset_at is not None else ""
    raw = cells[amount]
    start = normalise(text).rfind(raw) if not by_position else _offset(text, cells, amount)
    fact = Fact(
        table=part.table, kind=FORM_KIND, row=len(part.purchases), code=None, name=bare(name),
        column="金额", amount=money_amount(parse_amount(raw), unit), unit=unit,
        location=Location(number, max(start, 0)), raw=raw, placement="label", section=words["heading"],
    )  # fmt: skip
    new_asset = True if flag in words["marked"] else False if flag in words["unmarked"] else None
    part.purchases.append(Purchase(bare(name), category_of_name(name), fact, new_asset))


def _offset(text: str, cells: list[str], index: int) -> int:
    """Where cell ``index`` of a tab-separated line begins."""
    parts = normalise(text).split("\t")
    offset = sum(len(p) + 1 for p in parts[:index])
    return offset + len(parts[index]) - len(parts[index].lstrip())


@dataclass(frozen=True)
class EconomicClass:
    """An economic class (部门支出经济分类) as printed: its code if any, its name."""

    code: str | None
    name: str

    def same(self, other: EconomicClass) -> bool:
        """Whether two printings name one class: by code when both print one, else by name."""
        if self.code and other.code:
            return self.code == other.code
        return bool(self.name) and _class_name(self.name) == _class_name(other.name)


def _class_name(name: str) -> str:
    return re.sub(r"[()（）]", "", bare(name))


def economic_class(text: str) -> EconomicClass | None:
    """The economic class a cell prints (``[30201]办公费``, ``30226-劳务费``, ``劳务费``)."""
    cell = bare(text)
    if not cell or _NUMBER.match(cell):
        return None
    match = _ECONOMIC.fullmatch(cell)
    if match is not None:
        return EconomicClass(match.group(1), match.group(2) or "")
    if re.search(r"\d", cell):
        return None
    return EconomicClass(None, cell)


@dataclass(frozen=True)
class CalculationLine:
    """A 测算 line's economic class and the line it stands on."""

    economic: EconomicClass
    line: int


def calculation_classes(source: SourceText, table: Table) -> list[CalculationLine] | None:
    """The economic classes of a project form's 测算 lines, when the block has such a column
    (tab-separated) and every line with an amount names one; otherwise ``None``."""
    words = vocabulary()
    lines = range(table.first_line, table.last_line + 1)
    start = next(
        (n for n in lines if _starts(source.line(n), words["calculation"]["heading"])), None
    )
    if start is None:
        return None
    header: list[str] | None = None
    classes: list[CalculationLine] = []
    for number in range(start + 1, table.last_line + 1):
        text = source.line(number)
        if "\t" not in text or _starts(text, [words["form"]["heading"]]):
            if bare(text).startswith(words["form"]["heading"]):
                break
            continue
        cells = _cells(text)
        if header is None:
            if _column(cells, words["calculation"]["economic_class"]) is not None:
                header = cells
            continue
        at = _column(header, words["calculation"]["economic_class"])
        amount_at = _column(header, words["calculation"]["amount"])
        if at is None or amount_at is None or amount_at >= len(cells):
            return None
        if not _NUMBER.match(cells[amount_at]):
            continue  # a wrapped explanation, not a line of the block
        found = economic_class(cells[at]) if at < len(cells) else None
        if found is None:
            return None
        classes.append(CalculationLine(found, number))
    return classes or None


@dataclass(frozen=True)
class ListingRecord:
    """A record of a procurement or asset listing: whose project, what, charged where, how much."""

    table: str
    project: str
    category: str | None
    economic: EconomicClass | None
    amount: Fact


@dataclass
class ListingReading:
    """A listing's records and category rows (一、货物 A), and whether every record was read."""

    table: Table
    records: list[ListingRecord] = field(default_factory=list)
    categories: dict[str, Fact] = field(default_factory=dict)
    complete: bool = False  # every record has its project, 品目 category and amount

    def category_totals(self) -> dict[str, Fact | list[Fact]] | None:
        """Each category's figure: its category row, or the amounts of its records (a category
        with no record is empty) when every record was read; ``None`` when neither is known."""
        if self.categories:
            return dict(self.categories)
        if not self.complete or not self.records:
            return None
        totals: dict[str, Fact | list[Fact]] = {
            c: [] for c in vocabulary()["code_categories"].values()
        }
        for record in self.records:
            assert record.category is not None
            found = totals[record.category]
            assert isinstance(found, list)
            found.append(record.amount)
        return totals


def read_listing_records(source: SourceText, table: Table) -> ListingReading:
    """Records of a tab-separated listing by its header's 项目 column; the record's 品目 code and
    economic class are read from its cells' content (``[A05049900] 其他办公用品``,
    ``[30201]办公费``), its amount from the listing reader's fact on its line."""
    words = vocabulary()
    reading = ListingReading(table)
    category_row = re.compile(
        r"^(" + "|".join(words["category_words"]) + r")([A-Z])?$"
    )  # 一、货物 A
    for row in table.rows:
        match = category_row.match(_ENUMERATOR.sub("", bare(row.name)))
        facts = list(row.cells.values())
        if match is not None and len(facts) == 1:
            reading.categories[words["category_words"][match.group(1)]] = facts[0]
    if table.layout != "tab" or reading.categories:
        return reading
    header: list[str] = []
    complete = True
    by_line = {row.first_line: row for row in table.rows if row.cells}
    for number in range(table.first_line, table.last_line + 1):
        cells = _cells(source.line(number))
        if number not in by_line:
            if not header and _column(cells, words["listing"]["project"]) is not None:
                header = cells
            continue
        at = _column(header, words["listing"]["project"]) if header else None
        if at is None or at >= len(cells):
            return reading
        project = bare(cells[at])
        if not project:
            continue  # a summary row (合计, a unit): no project
        row = by_line[number]
        amount = next(
            (
                fact
                for name in words["listing"]["amount"]
                for column, fact in row.cells.items()
                if name in column
            ),
            None,
        )
        codes = [c for c in cells if _ITEM_CODE.match(c) and c.startswith("[")]
        category = category_of_name(codes[0]) if codes else None
        economic = next(
            (e for c in cells if (e := economic_class(c)) is not None and e.code is not None),
            None,
        )
        if amount is None:
            complete = False
            continue
        complete = complete and category is not None
        reading.records.append(ListingRecord(table.id, project, category, economic, amount))
    reading.complete = complete and bool(reading.records)
    return reading
