"""The ``budget-audit`` command line.

Bad input ends with a one-line message and exit status 2, never a traceback.
Each command imports the report it writes when it writes it (rich for the
terminal, openpyxl for a workbook), so ``check --format json`` loads neither.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

import click

from budget_audit.baseline import apply_baseline, read_baseline
from budget_audit.baseline import write_baseline as write_baseline_file
from budget_audit.config import find_settings, selected_rules
from budget_audit.document import Document, load
from budget_audit.engine import Rule, builtin_rules
from budget_audit.errors import InputError
from budget_audit.findings import SEVERITIES
from budget_audit.inputs import skippable, supported_files
from budget_audit.record import BARE, AuditRecord, Keep
from budget_audit.reports.labels import LANGS
from budget_audit.runner import RecordOutcome, Skipped, default_jobs, record_files
from budget_audit.sources.pdf import PdfSettings

if TYPE_CHECKING:
    from rich.console import Console

EXIT_FINDINGS = 1
EXIT_INPUT_ERROR = 2
FORMATS = ("text", "json", "sarif", "markdown", "html", "xlsx")
_Command = TypeVar("_Command", bound=Callable[..., None])


def _pdf_options(command: _Command) -> _Command:
    """``--max-pages`` and ``--seconds-per-page``: what one PDF may cost before it is refused
    (``[tool.budget-audit]`` sets them too; an option given here wins)."""
    command = click.option(
        "--seconds-per-page",
        type=click.FloatRange(min=0, min_open=True),
        help=f"Refuse a PDF whose page takes longer to read (default {PdfSettings.seconds_per_page:g}).",
    )(command)
    return click.option(
        "--max-pages",
        type=click.IntRange(min=1),
        help=f"Refuse a PDF with more pages (default {PdfSettings.max_pages}).",
    )(command)


def _pdf_limits(max_pages: int | None, seconds_per_page: float | None) -> PdfSettings:
    """The PDF limits in force: the options, then pyproject.toml, then the defaults."""
    return find_settings().pdf(max_pages, seconds_per_page)


def _print_version(context: click.Context, _: click.Parameter, value: bool) -> None:
    """``--version``, as click's version option prints it, the version read only when asked."""
    if value and not context.resilient_parsing:
        from budget_audit import __version__

        click.echo(f"budget-audit, version {__version__}")
        context.exit()


@click.group()
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
def main() -> None:
    """Audit department budget disclosures (部门预算公开) for internal consistency."""


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--all-unread", is_flag=True, help="List every number not understood (default: the first 40)."
)
@click.option(
    "--xlsx",
    "workbook",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write every table read to this workbook, one sheet each.",
)
@click.option("--lang", type=click.Choice(LANGS), default="zh", show_default=True)
@click.option(
    "--debug",
    "debug_folder",
    type=click.Path(path_type=Path, file_okay=False),
    help="For a PDF: write each page to this folder as a picture with the tables and cells found.",
)
@_pdf_options
def tables(
    path: Path,
    all_unread: bool,
    workbook: Path | None,
    lang: str,
    debug_folder: Path | None,
    max_pages: int | None,
    seconds_per_page: float | None,
) -> None:
    """List the tables recognised in PATH and how much of them was read."""
    from rich.console import Console

    from budget_audit.reports.xlsx import tables_workbook

    try:
        limits = _pdf_limits(max_pages, seconds_per_page)
    except InputError as error:
        _fail(error)
    document = _load_or_exit(path, limits)
    if debug_folder is not None:
        if document.source.kind != "pdf":
            _fail(InputError(f"{path.name}: --debug draws PDF pages; this is not a PDF"))
        from budget_audit.sources.pdf import draw_pages

        pictures = draw_pages(path, debug_folder, limits)
        click.echo(f"budget-audit: {len(pictures)} pages drawn in {debug_folder}", err=True)
    if workbook is not None:
        try:
            _write(workbook, lambda: tables_workbook(document, lang).save(workbook))
        except InputError as error:
            _fail(error)
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    _print_tables(console, document)
    _print_coverage(console, document, limit=None if all_unread else 40)


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text: the terminal report; the others for tools, files and people.",
)
@click.option(
    "-o",
    "--output",
    "destination",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to FILE (required for xlsx).",
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
    help="Also print rounding tails, what was not checked, and the coverage (text format).",
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default="error",
    show_default=True,
    help="Exit 1 when a finding of this severity or a worse one is reported.",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Hide the findings accepted in this file (the report says how many).",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Accept every current finding: record them in this file.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes for a folder (default: one per core).",
)
@click.option("--lang", type=click.Choice(LANGS), default="zh", show_default=True)
@click.option("--no-color", is_flag=True, help="Plain text even on a terminal.")
@click.option(
    "--attach",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A file published with PATH (its 公开表 beside a 情况说明); repeatable.",
)
@_pdf_options
def check(
    path: Path,
    output: str,
    destination: Path | None,
    select: str | None,
    ignore: str | None,
    rule_files: tuple[Path, ...],
    show_info: bool,
    fail_on: str,
    baseline: Path | None,
    write_baseline: Path | None,
    jobs: int | None,
    lang: str,
    no_color: bool,
    attach: tuple[Path, ...],
    max_pages: int | None,
    seconds_per_page: float | None,
) -> None:
    """Audit the disclosure PATH (a file, or every supported file in a folder and its subfolders).

    Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,
    2 usage error or a file that could not be read.
    """
    try:
        if output == "xlsx" and destination is None:
            raise InputError("--format xlsx writes a workbook: give it a file with -o FILE.xlsx")
        rules = _rules(select, ignore, rule_files)
        limits = _pdf_limits(max_pages, seconds_per_page)
        files = supported_files(path)
        if attach and not path.is_file():
            raise InputError("--attach goes with one file, not a folder")
        accepted = read_baseline(baseline) if baseline else frozenset()
    except InputError as error:
        _fail(error)
    # A folder's JSON report is written as the files' records come in, so that the records of
    # a thousand files are not all held; a new baseline needs every finding first, and on a
    # terminal the report waits for the progress bar to go.
    stream = output == "json" and not path.is_file() and write_baseline is None
    stream = stream and (destination is not None or not sys.stdout.isatty())
    writer = _JsonStream(destination, lang) if stream else None
    audits: list[AuditRecord] = []
    skipped: list[str] = []
    failed: list[str] = []
    hit = False  # a finding at or above --fail-on was reported
    worst = SEVERITIES.index(fail_on)
    keep = _KEEP.get(output, BARE)
    outcomes = _audit_all(files, rules, jobs or default_jobs(), attach, limits, keep)
    try:
        for file, outcome in zip(files, outcomes, strict=True):
            if isinstance(outcome, AuditRecord):
                if writer is None:
                    audits.append(outcome)
                    continue
                shown = apply_baseline(outcome, accepted)
                hit = hit or any(SEVERITIES.index(f.severity) <= worst for f in shown.found)
                writer.add(shown)
            elif isinstance(outcome, Skipped) and not path.is_file() and skippable(file):
                skipped.append(outcome)
            else:
                failed.append(outcome)
        for message in skipped:
            click.echo(f"budget-audit: skipped {message}", err=True)
        for message in failed:
            click.echo(f"budget-audit: {message}", err=True)
        if skipped and not failed and (writer.count if writer else len(audits)) == 0:
            raise InputError(
                f"{path}: no disclosures in this folder ({len(skipped)} files skipped)"
            )
        if writer is not None:
            writer.close()
        else:
            if write_baseline is not None:
                count = write_baseline_file(write_baseline, audits)
                accepted = accepted | read_baseline(write_baseline)
                click.echo(f"budget-audit: {count} findings accepted in {write_baseline}", err=True)
            audits = [apply_baseline(a, accepted) for a in audits]
            _emit(audits, output, destination, single=path.is_file(), lang=lang,
                  show_info=show_info, no_color=no_color)  # fmt: skip
            hit = any(SEVERITIES.index(f.severity) <= worst for a in audits for f in a.found)
    except InputError as error:
        _fail(error)
    if failed:
        sys.exit(EXIT_INPUT_ERROR)
    if hit:
        sys.exit(EXIT_FINDINGS)


class _JsonStream:
    """A folder's JSON report written to ``destination`` (or stdout) one audit at a time; the
    file is opened when the first piece is written, so a run that ends before has written none."""

    def __init__(self, destination: Path | None, lang: str) -> None:
        from budget_audit.reports.json_report import JsonListWriter

        self._destination = destination
        self._file: io.TextIOWrapper | None = None
        self._writer = JsonListWriter(self._write, lang)
        self.count = 0

    def add(self, audit: AuditRecord) -> None:
        self._writer.add(audit)
        self.count += 1

    def close(self) -> None:
        self._writer.close()
        if self._file is not None:
            self._file.close()

    def _write(self, text: str) -> None:
        if self._destination is None:
            click.echo(text, nl=False)
            return
        try:
            if self._file is None:
                self._file = open(self._destination, "w", encoding="utf-8")  # noqa: SIM115
            self._file.write(text)
        except OSError as error:
            raise InputError(f"{self._destination}: cannot write ({error.strerror})") from error


def _rules(select: str | None, ignore: str | None, rule_files: tuple[Path, ...]) -> list[Rule]:
    """The rules in force: pyproject.toml of the working folder, then the options."""
    settings = find_settings()
    if select:
        settings.select = _split(select)
    if ignore:
        settings.ignore = [*settings.ignore, *_split(ignore)]
    settings.rule_files = [*settings.rule_files, *rule_files]
    return selected_rules(settings)


# What a report shows beyond what every report needs: the HTML page the text, a workbook the
# tables' cells. A folder's other reports keep a few kilobytes of each document.
_KEEP = {"html": Keep(text=True), "xlsx": Keep(cells=True)}


def _audit_all(
    files: list[Path],
    rules: list[Rule],
    jobs: int,
    attach: tuple[Path, ...],
    pdf: PdfSettings,
    keep: Keep,
) -> Iterator[RecordOutcome]:
    """Audit the files, each outcome as soon as it and those before it are done; a progress bar
    on the terminal when there are several."""
    if len(files) < 2:
        yield from record_files(files, rules, jobs, attach=attach, pdf=pdf, keep=keep)
        return
    from rich.console import Console
    from rich.progress import Progress

    errors = Console(stderr=True)
    if not errors.is_terminal:
        yield from record_files(files, rules, jobs, attach=attach, pdf=pdf, keep=keep)
        return
    with Progress(console=errors, transient=True) as progress:
        task = progress.add_task("auditing", total=len(files))
        yield from record_files(
            files, rules, jobs, lambda _: progress.advance(task), pdf=pdf, keep=keep
        )


def _emit(
    audits: list[AuditRecord],
    output: str,
    destination: Path | None,
    single: bool,
    lang: str,
    show_info: bool,
    no_color: bool,
) -> None:
    """Write the report in the chosen format to the terminal or to ``destination``."""
    if output == "xlsx":
        from budget_audit.reports.xlsx import findings_workbook

        assert destination is not None
        _write(destination, lambda: findings_workbook(audits, lang).save(destination))
        return
    if output == "text":
        from rich.console import Console

        from budget_audit.reports.terminal import print_report

        buffer = io.StringIO() if destination is not None else None
        console = Console(
            file=buffer, color_system=None if no_color else "auto", highlight=False, soft_wrap=True,
            width=None if buffer is None and sys.stdout.isatty() else 200,
        )  # fmt: skip
        print_report(console, audits, lang=lang, show_info=show_info)
        text = buffer.getvalue() if buffer is not None else ""
    else:
        text = _render(output, audits, lang, single)
    if destination is None:
        if output != "text":
            click.echo(text, nl=False)
        return
    _write(destination, lambda: destination.write_text(text, "utf-8"))


def _render(output: str, audits: list[AuditRecord], lang: str, single: bool) -> str:
    """The report as text in one of the formats that are text (all but ``text`` and ``xlsx``)."""
    if output == "json":
        from budget_audit.reports.json_report import render_json

        return render_json(audits, single, lang)
    if output == "sarif":
        from budget_audit.reports.sarif import render_sarif

        return render_sarif(audits, lang)
    if output == "markdown":
        from budget_audit.reports.markdown import render_markdown

        return render_markdown(audits, lang)
    from budget_audit.reports.html_report import render_html

    return render_html(audits, lang)


def _write(destination: Path, write: Callable[[], object]) -> None:
    try:
        write()
    except OSError as error:
        raise InputError(f"{destination}: cannot write ({error.strerror})") from error


def _fail(error: InputError) -> NoReturn:
    click.echo(f"budget-audit: {error}", err=True)
    sys.exit(EXIT_INPUT_ERROR)


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


def _print_rule(rule: Rule) -> None:
    click.echo(
        f"{rule.id} {rule.title}  ({rule.severity}; family {rule.family}; check kind {rule.check})\n"
    )
    click.echo("Why it matters:\n" + rule.rationale + "\n")
    if rule.failing:
        click.echo("A failing example:\n" + rule.failing[0])


def _load_or_exit(path: Path, pdf: PdfSettings) -> Document:
    try:
        return load(path, pdf=pdf)
    except InputError as error:
        click.echo(f"budget-audit: {error}", err=True)
        sys.exit(EXIT_INPUT_ERROR)


def _print_tables(console: Console, document: Document) -> None:
    from rich.table import Table as RichTable

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
