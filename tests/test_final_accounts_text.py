"""A filled 部门决算 saved as text: the same document as the workbook, read as lines.

A journalist's 决算 is often a PDF saved as text, its cells set apart by tabs
or by spaces (empty cells dropped). The consistent document of
:mod:`tests.final_accounts_workbook` rendered both ways must give no error and
no warning, and a figure changed on a coded row must be found on its line.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import budget_audit as ba
from tests.final_accounts_workbook import build


def _printed(cell: object) -> str:
    """A cell as a PDF prints it: amounts to the fen (``870.00``), text as it is."""
    if cell is None:
        return ""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return f"{cell:.2f}"
    return str(cell)


def _render(workbook: Path, separator: str) -> list[str]:
    """Every non-empty row of every sheet as one line: its cells joined by ``separator``
    (by spaces, empty cells are dropped as PDF text drops them)."""
    book = openpyxl.load_workbook(workbook, data_only=True)
    lines = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells = [_printed(cell) for cell in row]
            if not any(cells):
                continue
            kept = cells if separator == "\t" else [cell for cell in cells if cell]
            lines.append(separator.join(kept).rstrip("\t"))
    return lines


@pytest.fixture(scope="module", params=["\t", " "], ids=["tabs", "spaces"])
def as_text(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("final-accounts-text")
    path = folder / "决算.txt"
    path.write_text("\n".join(_render(build(folder / "决算.xlsx"), request.param)), "utf-8")
    return path


def _serious(path: Path) -> list[tuple[str, tuple[int, ...]]]:
    audit = ba.audit(path)
    return [
        (f.rule, tuple(sorted({e.line for e in f.evidence})))
        for f in audit.found
        if f.severity != "info"
    ]


def test_the_consistent_final_accounts_as_text_are_clean(as_text: Path) -> None:
    assert _serious(as_text) == []


def test_a_changed_coded_figure_in_the_text_is_found_on_its_line(
    as_text: Path, tmp_path: Path
) -> None:
    lines = as_text.read_text("utf-8").split("\n")
    # The 支出决算表's 2011301 行政运行: 本年支出合计 500.00 = 基本支出 500.00 (the 收入决算表's
    # rows print three of seven columns, which spaces cannot place: they are left unread).
    number = next(
        i for i, line in enumerate(lines) if line.startswith("2011301") and "500.00" in line
    )
    lines[number] = lines[number].replace("500.00", "501.00", 1)
    changed = tmp_path / "changed.txt"
    changed.write_text("\n".join(lines), "utf-8")
    found = _serious(changed)
    assert found, "501.00 ≠ 500.00 + 0 and 501.00 + 300.00 ≠ 800.00 must be reported"
    assert all(number + 1 in lines_cited for _, lines_cited in found)
