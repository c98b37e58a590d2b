"""The HTML report: one self-contained page a journalist can send to an editor.

It works offline (no external file; styles and the one small script inline)
and treats the disclosure as untrusted input: every piece of document text is
escaped, and the page's Content-Security-Policy lets no script run but its
own (by hash), so text that slipped through would still run nothing.

Each document shows a map (its parts, tables and findings as a strip, so one
sees where problems cluster), the findings, and the text with the cited lines
highlighted. A finding links to its line: a click scrolls the text there and
marks the finding's lines (without the script, the link and ``:target`` do).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from html import escape

from budget_audit.audit import Reportable, records
from budget_audit.document import Document
from budget_audit.findings import SEVERITIES, Finding
from budget_audit.record import AuditRecord, Keep
from budget_audit.reports.labels import label, rule_title
from budget_audit.reports.marks import Span, cited_lines, finding_where, number_spans
from budget_audit.reports.pdf_crops import finding_pictures

_RANK = {severity: index for index, severity in enumerate(SEVERITIES)}

STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#222}
header{padding:.6em 1em;background:#24292f;color:#fff}header h1{font-size:1.1em;margin:0}
section.doc{padding:.5em 1em 1em;border-bottom:2px solid #ddd}
h2{font-size:1.15em;margin:.4em 0}h2 small{color:#666;font-weight:normal}
.counts span{margin-right:1em}.error{--c:#cf222e}.warning{--c:#bf8700}.info{--c:#0969da}
.map{position:relative;height:54px;margin:.5em 0;background:#f6f8fa;border:1px solid #d0d7de}
.map .part,.map .tbl{position:absolute;overflow:hidden;white-space:nowrap;font-size:11px;
  box-sizing:border-box;border-right:1px solid #fff}
.map .part{top:0;height:18px;background:#d0d7de;padding-left:3px}
.map .tbl{top:19px;height:14px;background:#afb8c1}
.map .mark{position:absolute;top:34px;width:4px;height:18px;margin-left:-2px;background:var(--c)}
.map .mark.info{height:9px;top:43px;opacity:.6}
.panes{display:flex;gap:1em;align-items:flex-start}
.findings{flex:1 1 45%;margin:0;padding:0;list-style:none;max-height:80vh;overflow:auto}
.finding{border-left:4px solid var(--c);padding:.3em .6em;margin:.4em 0;background:#fafbfc}
.finding.selected{background:#fff8c5}
.finding a.jump{text-decoration:none;color:inherit;display:block;cursor:pointer}
.where{font-family:ui-monospace,monospace;font-size:.9em;color:#555}.rule{font-weight:bold;color:var(--c)}
.msg{margin:.2em 0}.cite{font-family:ui-monospace,monospace;font-size:.85em;white-space:pre-wrap}
.cite a{color:#555}
.source{flex:1 1 55%;max-height:80vh;overflow:auto;border:1px solid #d0d7de;
  font-family:ui-monospace,"Noto Sans Mono CJK SC",monospace;font-size:12px}
.ln{display:flex;white-space:pre-wrap;tab-size:4;scroll-margin-top:40vh}
.ln .no{flex:0 0 4.5em;text-align:right;padding-right:.6em;color:#888;user-select:none;
  text-decoration:none}
.ln.cited{background:#fff1e5}.ln.current,.ln:target{background:#fff8c5;outline:2px solid var(--c,#bf8700)}
mark{background:#ffd33d;color:#000;font-weight:bold}
img.crop{display:block;max-width:100%;margin:.3em 0;border:1px solid #d0d7de}
details>summary{cursor:pointer;color:#555;margin:.4em 0}
"""

SCRIPT = """
document.addEventListener('click', function (event) {
  var link = event.target.closest('a[data-lines]');
  if (!link) { return; }
  var doc = link.closest('section.doc');
  doc.querySelectorAll('.ln.current').forEach(function (l) { l.classList.remove('current'); });
  doc.querySelectorAll('.finding.selected').forEach(function (f) { f.classList.remove('selected'); });
  link.getAttribute('data-lines').split(' ').forEach(function (id) {
    var line = document.getElementById(id);
    if (line) { line.classList.add('current'); }
  });
  var finding = document.getElementById(link.getAttribute('data-finding'));
  if (finding) { finding.classList.add('selected'); }
});
"""


def render_html(audits: Sequence[Reportable], lang: str = "zh") -> str:
    """The whole page."""
    shown = records(audits, Keep(text=True))
    if any(a.document.line_count and not a.document.lines for a in shown):
        raise ValueError("the HTML page shows the text: make its records with Keep(text=True)")
    script_hash = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode()
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{script_hash}'"
    )
    title = "budget-audit: " + ", ".join(a.document.name for a in shown)
    body = "".join(_section(audit, f"d{index}", lang) for index, audit in enumerate(shown))
    index = _index(shown, lang) if len(shown) > 1 else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<header><h1>{escape(title)}</h1></header>\n{index}{body}"
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def _index(audits: list[AuditRecord], lang: str) -> str:
    rows = "".join(
        f'<li><a href="#d{i}">{escape(a.document.name)}</a> {_counts(a, lang)}</li>'
        for i, a in enumerate(audits)
    )
    return f'<nav class="index"><ul>{rows}</ul></nav>\n'


def _counts(audit: Reportable, lang: str) -> str:
    spans = "".join(
        f'<span class="{s}">{escape(label(s, lang))} {n}</span>' for s, n in audit.summary.items()
    )
    if audit.hidden:
        spans += f"<span>{len(audit.hidden)} {escape(label('hidden', lang))}</span>"
    return f'<span class="counts">{spans}</span>'


def _section(audit: AuditRecord, prefix: str, lang: str) -> str:
    document = audit.document
    about = " ".join(escape(x) for x in (document.department or "", str(document.year or "")) if x)
    return (
        f'<section class="doc" id="{prefix}">\n'
        f"<h2>{escape(document.name)} <small>{about}</small></h2>\n"
        f"<p>{_counts(audit, lang)}</p>\n"
        f"{document_map(audit, prefix, lang)}\n"
        f'<div class="panes">\n{_findings(audit, prefix, lang, finding_pictures(audit))}\n'
        f"{_source(audit, prefix, lang)}\n"
        f"</div>\n</section>\n"
    )


def document_map(audit: AuditRecord, prefix: str, lang: str) -> str:
    """The strip: parts on top, tables under them, a mark per finding where it falls."""
    document = audit.document
    total = max(1, document.line_count)

    def box(css: str, first: int, last: int, text: str) -> str:
        left, width = 100 * (first - 1) / total, 100 * (last - first + 1) / total
        return (
            f'<div class="{css}" style="left:{left:.3f}%;width:{width:.3f}%" '
            f'title="{escape(text)}">{escape(text)}</div>'
        )

    parts = [
        box(
            "part", p.first_line, p.last_line, f"{label(p.name, lang)} {p.first_line}-{p.last_line}"
        )
        for p in document.parts
    ]
    tables = [box("tbl", t.first_line, t.last_line, t.id) for t in document.tables]
    marks = [
        f'<a class="mark {f.severity}" style="left:{100 * (f.line - 0.5) / total:.3f}%" '
        f'href="#{prefix}-L{f.line}" data-lines="{_line_ids(f, prefix)}" '
        f'data-finding="{prefix}-f{n}" title="{escape(f.rule)} {escape(finding_where(audit, f))}"></a>'
        for n, f in enumerate(audit.found)
    ]
    return (
        f'<nav class="map" aria-label="{escape(label("map", lang))}">'
        + "".join(parts + tables + marks)
        + "</nav>"
    )


def _line_ids(finding: Finding, prefix: str) -> str:
    return " ".join(dict.fromkeys(f"{prefix}-L{e.line}" for e in finding.evidence))


def _findings(audit: AuditRecord, prefix: str, lang: str, pictures: dict[int, list[str]]) -> str:
    if not audit.found:
        return f'<ol class="findings"><li>{escape(label("no_findings", lang))}</li></ol>'
    items = [(n, f) for n, f in enumerate(audit.found)]
    main = "".join(
        _finding(audit, f, n, prefix, lang, pictures.get(n, []))
        for n, f in items
        if f.severity != "info"
    )
    tails = [
        _finding(audit, f, n, prefix, lang, pictures.get(n, []))
        for n, f in items
        if f.severity == "info"
    ]
    info = (
        f"<li><details><summary>{escape(label('info', lang))} ({len(tails)})</summary>"
        f'<ol class="findings">{"".join(tails)}</ol></details></li>'
        if tails
        else ""
    )
    return f'<ol class="findings">{main}{info}</ol>'


def _finding(
    audit: AuditRecord, finding: Finding, number: int, prefix: str, lang: str, pictures: list[str]
) -> str:
    ident = f"{prefix}-f{number}"
    cites = "".join(
        f'<div class="cite"><a href="#{prefix}-L{c.line}" data-lines="{prefix}-L{c.line}" '
        f'data-finding="{ident}">{_short(c.page, c.line)}</a> {_marked(c.text, c.spans)}</div>'
        for c in cited_lines(audit, finding)
    )
    return (
        f'<li class="finding {finding.severity}" id="{ident}">'
        f'<a class="jump" href="#{prefix}-L{finding.line}" data-lines="{_line_ids(finding, prefix)}" '
        f'data-finding="{ident}"><span class="where">{escape(finding_where(audit, finding))}</span> '
        f'<span class="rule">{escape(finding.rule)}</span> '
        f"<span>{escape(rule_title(finding, audit.rules, lang))}</span></a>"
        f'<p class="msg">{escape(finding.message_in(lang))}</p>{cites}'
        + "".join(
            f'<img class="crop" src="{escape(uri)}" alt="{escape(label("printed", lang))}">'
            for uri in pictures
        )
        + "</li>"
    )


def _short(page: int | None, line: int) -> str:
    return f"p{page}:{line}" if page is not None else str(line)


def _marked(text: str, spans: list[Span] | tuple[Span, ...]) -> str:
    """``text`` escaped, with the spans in ``<mark>``."""
    pieces, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        pieces.append(escape(text[position:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def _source(audit: AuditRecord, prefix: str, lang: str) -> str:
    """Every line of the text, cited lines marked with the worst severity citing them."""
    severity: dict[int, str] = {}
    owners: dict[int, str] = {}
    spans: dict[int, set[Span]] = {}
    lines = audit.document.lines
    for number, finding in enumerate(audit.found):
        for evidence in finding.evidence:
            line = evidence.line
            if line not in severity or _RANK[finding.severity] < _RANK[severity[line]]:
                severity[line] = finding.severity
            owners.setdefault(line, f"{prefix}-f{number}")
            spans.setdefault(line, set()).update(
                number_spans(lines[line - 1], evidence.value, evidence.start)
            )
    rows = []
    for line, text in enumerate(lines, start=1):
        css = f"ln cited {severity[line]}" if line in severity else "ln"
        gutter = (
            f'<a class="no" href="#{owners[line]}">{line}</a>'
            if line in owners
            else f'<span class="no">{line}</span>'
        )
        body = _marked(text, sorted(spans[line])) if line in spans else escape(text)
        rows.append(f'<div class="{css}" id="{prefix}-L{line}">{gutter}<span>{body}</span></div>')
    return (
        f'<div class="source" role="region" aria-label="{escape(label("source", lang))}">'
        + "\n".join(rows)
        + "</div>"
    )


def audit_fragment(audit: Reportable, lang: str = "zh") -> str:
    """A compact summary for Jupyter: counts and a table of findings with their cited lines."""
    rows = "".join(
        f"<tr><td>{escape(f.severity)}</td><td>{escape(f.rule)}</td>"
        f"<td>{escape(finding_where(audit, f))}</td><td>{escape(f.message_in(lang))}"
        + "".join(
            f'<div style="font-family:monospace;font-size:85%">{escape(c.where)} '
            f"{_marked(c.text, c.spans)}</div>"
            for c in cited_lines(audit, f)
        )
        + "</td></tr>"
        for f in audit.found
        if f.severity != "info"
    )
    info = audit.summary["info"]
    more = f"<p>{info} {escape(label('info', lang))}: <code>.findings</code></p>" if info else ""
    head = "".join(
        f"<th>{escape(label(k, lang))}</th>" for k in ("severity", "rule", "where", "message")
    )
    return (
        f"<div><strong>{escape(audit.document.name)}</strong> {_counts(audit, lang)}"
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{more}</div>"
    )


def document_fragment(document: Document, lang: str = "zh") -> str:
    """A compact summary of a loaded document for Jupyter: what was read, and how much of it."""
    head = "".join(
        f"<th>{escape(label(k, lang))}</th>"
        for k in ("kind", "title", "lines", "unit", "rows", "facts")
    )
    rows = "".join(
        f"<tr><td>{escape(t.id)}</td><td>{escape(t.title)}</td>"
        f"<td>{t.first_line}-{t.last_line}</td><td>{escape(t.unit)}</td>"
        f"<td>{len(t.rows)}</td><td>{len(t.facts)}</td></tr>"
        for t in document.tables
    )
    about = " ".join(escape(x) for x in (document.department or "", str(document.year or "")) if x)
    return (
        f"<div><strong>{escape(document.name)}</strong> {about}"
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        f"<p>{escape(label('coverage', lang))}: {escape(document.coverage.summary())}</p></div>"
    )
