"""Markdown for pasting into an issue or an article draft.

A summary table of the findings, then each finding with its message and its
cited lines, the cited numbers in bold. Document text is untrusted: every
character Markdown or HTML would read as syntax is escaped. Rounding tails
(``info``) fold into a ``<details>`` block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from budget_audit.audit import Reportable
from budget_audit.findings import SEVERITIES, Finding
from budget_audit.reports.labels import label, rule_title
from budget_audit.reports.marks import cited_lines, finding_where

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~&$])")
_LEADING = re.compile(r"^(\s*)([-+#>=]|\d+(?=[.)]))")


def inline(text: str) -> str:
    """``text`` as literal Markdown inside a line: syntax characters backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split("\n")))


def escape(text: str) -> str:
    """``text`` as literal Markdown that may start a line: a start that would open a list,
    heading or quote is defused too."""
    text = inline(text)
    match = _LEADING.match(text)
    if match is None:
        return text
    if match.group(2)[0].isdigit():
        end = match.end()
        return text[:end] + "\\" + text[end:]
    return text[: match.start(2)] + "\\" + text[match.start(2) :]


def render_markdown(audits: Sequence[Reportable], lang: str = "zh") -> str:
    """The Markdown report of every audit."""
    return "\n".join(_audit(audit, lang) for audit in audits).rstrip() + "\n"


def _audit(audit: Reportable, lang: str) -> str:
    document = audit.document
    counts = " · ".join(f"{label(s, lang)} {n}" for s, n in audit.summary.items())
    out = [f"# budget-audit: {escape(document.name)}", ""]
    facts = [escape(x) for x in (document.department or "", str(document.year or "")) if x]
    out += [" · ".join([*facts, counts]), ""]
    if audit.hidden:
        out += [f"{len(audit.hidden)} {label('hidden', lang)}", ""]
    if not audit.found:
        return "\n".join([*out, label("no_findings", lang), ""])
    out += [
        f"| {label('severity', lang)} | {label('rule', lang)} | {label('where', lang)} | "
        f"{label('message', lang)} |",
        "|---|---|---|---|",
    ]
    out += [
        f"| {f.severity} | {f.rule} {escape(rule_title(f, audit.rules, lang))} | "
        f"`{finding_where(audit, f).replace('`', '')}` | {escape(f.message_in(lang))} |"
        for f in audit.found
        if f.severity != "info"
    ]
    out.append("")
    for severity in SEVERITIES:
        found = [f for f in audit.found if f.severity == severity]
        if not found:
            continue
        heading = f"{label(severity, lang)} ({len(found)})"
        if severity == "info":
            out += ["<details>", f"<summary>{heading}</summary>", ""]
        else:
            out += [f"## {heading}", ""]
        for finding in found:
            out += _finding(audit, finding, lang)
        if severity == "info":
            out += ["</details>", ""]
    return "\n".join(out)


def _finding(audit: Reportable, finding: Finding, lang: str) -> list[str]:
    out = [
        f"### {finding.rule} {escape(rule_title(finding, audit.rules, lang))} — "
        f"`{finding_where(audit, finding).replace('`', '')}`",
        "",
        escape(finding.message_in(lang)),
        "",
    ]
    for cited in cited_lines(audit, finding):
        place = f"p{cited.page}:{cited.line}" if cited.page is not None else str(cited.line)
        out.append(f"- {label('line', lang)} {place}: {_marked(cited.text, cited.spans)}")
    for other in finding.related:  # one cause, one finding: the other checks the cell fails
        where = finding_where(audit, other).replace("`", "")
        out.append(
            f"- {label('same_cell', lang)}: {other.rule} `{where}` {escape(other.message_in(lang))}"
        )
    out.append("")
    return out


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The line escaped, cited numbers in bold, cells (tabs) separated by ``·``."""
    pieces, position = [], 0
    for start, end in spans:
        pieces.append(inline(text[position:start]))
        pieces.append(f"**{inline(text[start:end])}**")
        position = end
    pieces.append(inline(text[position:]))
    return "".join(pieces).replace("\t", " · ")
