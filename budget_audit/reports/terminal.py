"""The terminal report (rich): findings by severity, each with its cited lines and numbers marked.

The first line of a finding is ``file:line: RULE [severity] title: message``,
as linters print it, so editors and grep can use it. Under it stand the cited
lines with the cited numbers highlighted; without colour (not a terminal,
``--no-color``, ``NO_COLOR``) a caret line marks them instead. A summary
table closes the report.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from budget_audit.audit import Reportable
from budget_audit.findings import SEVERITIES, Finding
from budget_audit.messages import note_in
from budget_audit.reports.labels import kind_name, label, rule_title
from budget_audit.reports.marks import CitedLine, cited_lines, finding_where

TAB = "  "
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_MARK = "bold black on yellow"


def print_report(
    console: Console, audits: Sequence[Reportable], lang: str = "zh", show_info: bool = False
) -> None:
    """Print every audit, then the summary table."""
    for audit in audits:
        _print_audit(console, audit, lang, show_info)
    if audits:
        console.print(summary_table(audits, lang))


def _print_audit(console: Console, audit: Reportable, lang: str, show_info: bool) -> None:
    document = audit.document
    console.print(
        Text.assemble(
            (document.name, "bold"),
            f"  {document.department or ''}  {document.year or ''}  "
            f"{kind_name(document.kind, lang)}".rstrip(),
        )
    )
    marked = not _plain(console)
    for severity in SEVERITIES:
        found = [f for f in audit.found if f.severity == severity]
        if not found:
            continue
        heading = Text(f"{label(severity, lang)} ({len(found)})", style=_STYLE[severity])
        if severity == "info" and not show_info:
            console.print(heading.append(f"  {label('show_info', lang)}", style="dim"))
            continue
        console.print(heading)
        for finding in found:
            _print_finding(console, audit, finding, lang, marked)
    if not audit.found:
        console.print(Text(label("no_findings", lang), style="green"))
    if audit.hidden:
        console.print(f"{len(audit.hidden)} {label('hidden', lang)}")
    _print_unchecked(console, audit, lang, show_info)


def _print_finding(
    console: Console, audit: Reportable, finding: Finding, lang: str, marked: bool
) -> None:
    console.print(
        Text.assemble(
            (finding_where(audit, finding), "bold"),
            ": ",
            (finding.rule, _STYLE[finding.severity]),
            f" [{finding.severity}] ",
            (rule_title(finding, audit.rules, lang), "bold"),
            ": ",
            finding.message_in(lang),
        ),
        soft_wrap=True,
    )
    for cited in cited_lines(audit, finding):
        page = f"p{cited.page}:" if cited.page is not None else ""
        prefix = f"    {page}{cited.line} │ "
        text, spans = display(cited)
        body = Text(text)
        for start, end in spans:
            body.stylize(_MARK, start, end)
        console.print(Text.assemble((prefix, "dim"), body), soft_wrap=True)
        if not marked and spans:
            console.print(" " * cell_len(prefix) + carets(text, spans), soft_wrap=True)
    for other in finding.related:  # one cause, one finding: the other checks the cell fails
        console.print(
            Text.assemble(
                (f"    {label('same_cell', lang)} ", "dim"),
                (other.rule, _STYLE[other.severity]),
                f" {finding_where(audit, other)}: ",
                other.message_in(lang),
            ),
            soft_wrap=True,
        )
    console.print()


def display(cited: CitedLine) -> tuple[str, list[tuple[int, int]]]:
    """The cited line with tabs shown as two spaces, and its spans moved along."""
    shift = [0]
    for char in cited.text:
        shift.append(shift[-1] + (len(TAB) - 1 if char == "\t" else 0))
    spans = [(a + shift[a], b + shift[b]) for a, b in cited.spans]
    return cited.text.replace("\t", TAB), spans


def carets(text: str, spans: list[tuple[int, int]]) -> str:
    """A line of ``^`` under the spans, counting wide (CJK) characters as two columns."""
    out = ""
    for start, end in spans:
        column = cell_len(text[:start])
        out += " " * max(0, column - cell_len(out)) + "^" * max(1, cell_len(text[start:end]))
    return out


def _print_unchecked(console: Console, audit: Reportable, lang: str, show_info: bool) -> None:
    if audit.not_checked:
        hint = "" if show_info else f"  ({label('show_info', lang)})"
        console.print(f"{label('not_checked', lang)}: {len(audit.not_checked)}{hint}", style="dim")
    claims = audit.claims
    if show_info:
        for reason in audit.not_checked:
            console.print(Text(f"  {note_in(reason, lang)}", style="dim"), soft_wrap=True)
        for claim in claims.get("unchecked", []):
            console.print(
                Text(
                    f"  {audit.document.name}:{claim['line']}: {label('not_checkable', lang)}: "
                    f"{claim['claim']} ({note_in(claim['why'], lang)})",
                    style="dim",
                ),
                soft_wrap=True,
            )
        console.print(
            Text(f"  {label('coverage', lang)}: {audit.document.coverage.summary()}", style="dim"),
            soft_wrap=True,
        )


def summary_table(audits: Sequence[Reportable], lang: str) -> RichTable:
    """One row per document: findings by severity, hidden, claims judged, coverage."""
    table = RichTable(title=label("summary", lang), title_justify="left", show_edge=False)
    table.add_column(label("document", lang))
    for severity in SEVERITIES:
        table.add_column(label(severity, lang), justify="right", style=_STYLE[severity])
    table.add_column(label("hidden_column", lang), justify="right")
    table.add_column(
        f"{label('claims', lang)} {label('verified', lang)}/{label('contradicted', lang)}/"
        f"{label('not_checkable', lang)}"
    )
    table.add_column(label("coverage", lang), justify="right")
    for audit in audits:
        claims = audit.claims
        coverage = audit.document.coverage
        table.add_row(
            audit.document.name,
            *(str(audit.summary[s]) for s in SEVERITIES),
            str(len(audit.hidden)),
            f"{claims.get('verified', 0)}/{claims.get('contradicted', 0)}/{claims.get('not_checkable', 0)}",
            f"{coverage.ratio:.1%}" if coverage.table_numbers else "-",
        )
    return table


def _plain(console: Console) -> bool:
    return console.no_color or console.color_system is None or not console.is_terminal
