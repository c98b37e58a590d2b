"""The ``budget-audit`` command line.

Bad input ends with a one-line message and exit status 2, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table as RichTable

from budget_audit.document import Document, load
from budget_audit.errors import InputError

EXIT_INPUT_ERROR = 2


@click.group()
@click.version_option(package_name="budget-audit")
def main() -> None:
    """Audit department budget disclosures (部门预算公开) for internal consistency."""


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--all-unread", is_flag=True, help="List every number not understood (default: the first 40)."
)
def tables(path: Path, all_unread: bool) -> None:
    """List the tables recognised in PATH and how much of them was read."""
    document = _load_or_exit(path)
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    _print_tables(console, document)
    _print_coverage(console, document, limit=None if all_unread else 40)


def _load_or_exit(path: Path) -> Document:
    try:
        return load(path)
    except InputError as error:
        click.echo(f"budget-audit: {error}", err=True)
        sys.exit(EXIT_INPUT_ERROR)


def _print_tables(console: Console, document: Document) -> None:
    console.print(
        f"[bold]{document.name}[/bold]  {document.department or '(department not found)'}  "
        f"{document.year or '(year not found)'}  encoding {document.source.encoding}"
    )
    grid = RichTable(show_edge=False, pad_edge=False)
    for heading in ("kind", "title", "unit", "lines", "rows × cols", "facts", "note"):
        grid.add_column(heading)
    for table in document.tables:
        rows, columns = table.shape
        unit = table.unit if table.unit_stated else f"{table.unit}?"
        grid.add_row(
            table.id, table.title[:30], unit, f"{table.first_line}-{table.last_line}",
            f"{rows} × {columns}", str(len(table.facts)), (table.note or "")[:30],
        )  # fmt: skip
    console.print(grid)


def _print_coverage(console: Console, document: Document, limit: int | None) -> None:
    coverage = document.coverage
    console.print(f"coverage: {coverage.summary()}", soft_wrap=True)
    for kind in coverage.promised_missing:
        console.print(f"  promised but not found in the body: {kind}")
    for entry in coverage.title_only:
        console.print(f"  title without contents: {entry}")
    for entry in coverage.ambiguous:
        console.print(f"  ambiguous placement: {entry}")
    unread = coverage.not_understood if limit is None else coverage.not_understood[:limit]
    for item in unread:
        console.print(
            f"  not understood: line {item.line}: {item.raw}  ({item.table})  {item.text[:60]}"
        )
    if limit is not None and len(coverage.not_understood) > limit:
        console.print(f"  … {len(coverage.not_understood) - limit} more (--all-unread lists them)")
