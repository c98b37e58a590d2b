"""The ``budget-audit`` command line.

Bad input ends with a one-line message and exit status 2, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table as RichTable

from budget_audit import __version__
from budget_audit.audit import Audit, audit_document
from budget_audit.config import find_settings, selected_rules
from budget_audit.document import Document, load
from budget_audit.engine import Rule, builtin_rules
from budget_audit.errors import InputError
from budget_audit.sarif import to_sarif

EXIT_FINDINGS = 1
EXIT_INPUT_ERROR = 2


@click.group()
@click.version_option(version=__version__, prog_name="budget-audit")
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


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json", "sarif"]),
    default="text",
    show_default=True,
)
@click.option("--select", help="Only these rules (ids or prefixes, comma-separated).")
@click.option("--ignore", help="Skip these rules (ids or prefixes, comma-separated).")
@click.option(
    "--rules",
    "rule_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A rule file of your own.",
)
@click.option(
    "--show-info",
    is_flag=True,
    help="Also print rounding tails and other info findings (text format).",
)
def check(
    path: Path,
    output: str,
    select: str | None,
    ignore: str | None,
    rule_files: tuple[Path, ...],
    show_info: bool,
) -> None:
    """Audit the disclosure PATH (a file, or a folder of .txt files).

    Exit status: 0 no error or warning, 1 errors or warnings found, 2 input could not be read.
    """
    try:
        settings = find_settings()
        if select:
            settings.select = _split(select)
        if ignore:
            settings.ignore = [*settings.ignore, *_split(ignore)]
        settings.rule_files = [*settings.rule_files, *rule_files]
        rules = selected_rules(settings)
        files = _files(path)
    except InputError as error:
        click.echo(f"budget-audit: {error}", err=True)
        sys.exit(EXIT_INPUT_ERROR)
    audits, failed = [], False
    for file in files:
        try:
            audits.append(audit_document(load(file), rules))
        except InputError as error:
            click.echo(f"budget-audit: {error}", err=True)
            failed = True
    if output == "json":
        payload = [a.as_json() for a in audits]
        click.echo(
            json.dumps(
                payload[0] if path.is_file() and payload else payload, ensure_ascii=False, indent=2
            )
        )
    elif output == "sarif":
        audited = [file for file in files if any(a.document.name == file.name for a in audits)]
        click.echo(json.dumps(to_sarif(audits, rules, audited), ensure_ascii=False, indent=2))
    else:
        for result in audits:
            _print_audit(result, show_info)
    if failed:
        sys.exit(EXIT_INPUT_ERROR)
    if any(a.summary["error"] or a.summary["warning"] for a in audits):
        sys.exit(EXIT_FINDINGS)


@main.command("rules")
def list_rules() -> None:
    """List every rule: id, severity, title."""
    for rule in builtin_rules():
        click.echo(f"{rule.id}  {rule.severity:<7}  {rule.title}")


@main.command("rule")
@click.argument("rule_id")
def show_rule(rule_id: str) -> None:
    """Explain a rule: what it checks, why it matters, a failing example."""
    found = [r for r in builtin_rules() if r.id == rule_id.upper()]
    if not found:
        click.echo(f"budget-audit: no rule {rule_id}; 'budget-audit rules' lists them", err=True)
        sys.exit(EXIT_INPUT_ERROR)
    _print_rule(found[0])


def _split(text: str) -> list[str]:
    return [part.strip().upper() for part in text.split(",") if part.strip()]


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.txt") if p.is_file())
        if not files:
            raise InputError(f"{path}: no .txt disclosures in this folder")
        return files
    if not path.exists():
        raise InputError(f"{path}: no such file")
    return [path]


def _print_audit(result: Audit, show_info: bool) -> None:
    name = result.document.name
    for finding in result.found:
        if finding.severity == "info" and not show_info:
            continue
        click.echo(f"{name}:{finding.line}: {finding.rule} [{finding.severity}] {finding.message}")
        for evidence in finding.evidence:
            click.echo(f"    line {evidence.line}: {evidence.value}  | {evidence.text[:80]}")
    counts = result.summary
    click.echo(
        f"{name}: {counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
        + ("" if show_info or not counts["info"] else " (--show-info prints them)")
    )
    for reason in result.not_checked:
        click.echo(f"{name}: not checked: {reason}")
    claims = result.claims
    click.echo(
        f"{name}: narrative claims: {claims['found']} found, {claims['verified']} verified, "
        f"{claims['contradicted']} contradicted, {claims['not_checkable']} not checkable"
        + ("" if show_info or not claims["unchecked"] else " (--show-info lists them)")
    )
    if show_info:
        for claim in claims["unchecked"]:
            click.echo(
                f"{name}:{claim['line']}: claim not checkable: {claim['claim']} ({claim['why']})"
            )
    click.echo(f"{name}: coverage: {result.document.coverage.summary()}")


def _print_rule(rule: Rule) -> None:
    click.echo(
        f"{rule.id} {rule.title}  ({rule.severity}; family {rule.family}; check kind {rule.check})\n"
    )
    click.echo("Why it matters:\n" + rule.rationale + "\n")
    if rule.failing:
        click.echo("A failing example:\n" + rule.failing[0])


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
