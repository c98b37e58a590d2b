"""Facts: one record per number a table states, with where it stands.

Parsers produce facts and never judge them; rules only read facts. Money
stays :class:`~decimal.Decimal` in the unit the table states, with an exact
万元 view (元 / 10000, never rounded).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from budget_audit.location import Location
from budget_audit.numbers import Amount

if TYPE_CHECKING:  # pandas is imported where a DataFrame is asked for: the CLI needs none
    import pandas as pd

_TEN_THOUSAND = Decimal(10000)


@dataclass(frozen=True)
class Fact:
    """One number of one table.

    ``placement`` says how the column was decided: ``cell`` (the cell's position
    in a tab-separated row), ``complete`` (the row printed every column),
    ``identity`` (the only placement the row's own sums allow), ``sum`` (the
    placement that makes the rows add up to their parent), ``parent`` (the
    columns the parent row uses), ``link`` (another table states the same
    figure), ``core`` (the usual columns of the table), ``label`` (a form
    field named by its label), or ``ambiguous`` (two placements fit equally;
    listed in the coverage report).
    """

    table: str
    kind: str
    row: int
    code: str | None
    name: str
    column: str
    amount: Amount
    unit: str
    location: Location
    raw: str
    placement: str
    section: str | None = None

    @property
    def value(self) -> Decimal:
        """The value in the table's own unit."""
        return self.amount.value

    @property
    def value_wan(self) -> Decimal | None:
        """The value in 万元, exactly; ``None`` when the unit is not money."""
        if self.unit == "万元":
            return self.amount.value
        if self.unit == "元":
            return self.amount.value / _TEN_THOUSAND
        return None


@dataclass
class Row:
    """A row of a table: its labels and the facts it states by column."""

    index: int
    code: str | None
    name: str
    first_line: int
    last_line: int
    section: str | None = None
    cells: dict[str, Fact] = field(default_factory=dict)
    level: int | None = None  # enumeration depth in two-column tables: 1 for 一、, 2 for （一）
    unread: bool = False  # figures printed on the row that no column could be given: not zero


FACT_COLUMNS = [
    "table", "kind", "row", "section", "code", "name", "column",
    "value", "value_wan", "unit", "line", "raw", "placement",
]  # fmt: skip


def facts_frame(facts: list[Fact]) -> pd.DataFrame:
    """Facts as a DataFrame; money columns hold ``Decimal`` objects, never floats."""
    import pandas as pd

    records = [
        {
            "table": f.table,
            "kind": f.kind,
            "row": f.row,
            "section": f.section,
            "code": f.code,
            "name": f.name,
            "column": f.column,
            "value": f.value,
            "value_wan": f.value_wan,
            "unit": f.unit,
            "line": f.location.line,
            "raw": f.raw,
            "placement": f.placement,
        }
        for f in facts
    ]
    return pd.DataFrame(records, columns=FACT_COLUMNS, dtype=object)
