"""One cause, one finding: the table checks that fail over one printed cell become one finding.

A figure typed wrong in a table breaks every identity it takes part in: its row's
合计, its parent's sum, the same 科目 in the next table. Each check reports its
own identity, so one slip shows as three or six errors, each citing different
companions of the one wrong cell. A reviewer fixes one cell, so the report
shows one finding: the failing checks that share a table cell are gathered
under the first of them, the rest kept as its ``related`` findings with all
their evidence.

Only the table checks are gathered. A sentence of the 情况说明 that misstates a
table figure is its own mistake, with its own place to fix, even when a table
slip sits beside it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from budget_audit.findings import Evidence, Finding

# The rule families whose findings are identities over table cells (sums, summary, cross,
# 决算 identities): the families whose failures a single wrong cell multiplies.
TABLE_FAMILIES = ("BA1", "BA2", "BA3", "BA6")
_GATHERED_SEVERITIES = ("error", "warning")

Cell = tuple[int, int]  # (line, start) of a printed figure


def _cells(finding: Finding) -> set[Cell]:
    """The printed table figures a finding used (evidence with a value at a known place)."""
    return {
        (e.line, e.start)
        for e in finding.evidence
        if e.table is not None and e.value and e.start is not None
    }


def _gathers(finding: Finding) -> bool:
    return finding.rule.startswith(TABLE_FAMILIES) and finding.severity in _GATHERED_SEVERITIES


def _primary(group: list[Finding], cell: Cell) -> Finding:
    """The finding to show: the most severe, and among those one whose stated figure (its
    first evidence) is the shared cell, else the first in report order."""
    worst = min(_GATHERED_SEVERITIES.index(f.severity) for f in group)
    candidates = [f for f in group if _GATHERED_SEVERITIES.index(f.severity) == worst]
    return next(
        (f for f in candidates if (f.evidence[0].line, f.evidence[0].start) == cell),
        candidates[0],
    )


def gather_by_cell(findings: list[Finding]) -> list[Finding]:
    """``findings`` with every set of table findings that share a cell made one finding.

    The cell cited by the most findings is taken first (a parent's typo is shared by its
    column sum, its row identity and the other tables'); findings gathered under it are
    not gathered again. The order of the report is kept: a group stands where its primary
    finding stood.
    """
    open_findings = [f for f in findings if _gathers(f)]
    counts = Counter(cell for f in open_findings for cell in _cells(f))
    gathered: dict[int, Finding] = {}  # id of the primary -> it with its related findings
    taken: set[int] = set()
    for cell, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if count < 2:
            break
        group = [f for f in open_findings if id(f) not in taken and cell in _cells(f)]
        if len(group) < 2:
            continue
        primary = _primary(group, cell)
        related = tuple(f for f in group if f is not primary)
        taken.update(id(f) for f in group)
        gathered[id(primary)] = replace(
            primary, related=related, suspect=_evidence_at(primary, group, cell)
        )
    return [gathered.get(id(f), f) for f in findings if id(f) not in taken or id(f) in gathered]


def _evidence_at(primary: Finding, group: list[Finding], cell: Cell) -> Evidence:
    """The evidence of the shared cell, as the group cites it."""
    return next(e for f in (primary, *group) for e in f.evidence if (e.line, e.start) == cell)
