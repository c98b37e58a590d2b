"""Rewriting the narrative without changing what it says changes no finding.

Every ``%`` of the 情况说明 becomes ``％``, and every long narrative line is
broken in the middle of its sentence (with a blank line between, as PDF text
does), away from any number.
"""

from __future__ import annotations

import pytest

from budget_audit import Document, parse
from budget_audit.audit import audit_document
from budget_audit.engine import builtin_rules
from budget_audit.source import SourceText
from tests.conftest import DOCUMENTS, corpus_document

RULES = builtin_rules()


def narrative_lines(document: Document) -> range:
    part = next(p for p in document.parts if p.name == "情况说明")
    return range(part.first_line, part.last_line + 1)


def full_width_percent(document: Document) -> SourceText:
    lines = list(document.source.lines)
    for number in narrative_lines(document):
        lines[number - 1] = lines[number - 1].replace("%", "％")
    return SourceText(document.source.name, document.source.encoding, tuple(lines))


def break_point(text: str) -> int | None:
    """A place near the middle of a line between two Chinese characters (never inside a number)."""
    middle = len(text) // 2
    for distance in range(len(text) // 2):
        for at in (middle - distance, middle + distance):
            if (
                0 < at < len(text)
                and "\u4e00" <= text[at - 1] <= "\u9fff"
                and "\u4e00" <= text[at] <= "\u9fff"
            ):
                return at
    return None


def broken_lines(document: Document) -> SourceText:
    lines: list[str] = []
    narrative = narrative_lines(document)
    for number, text in enumerate(document.source.lines, start=1):
        at = (
            break_point(text)
            if number in narrative and len(text) >= 30 and "\t" not in text
            else None
        )
        lines.extend([text] if at is None else [text[:at], "", text[at:]])
    return SourceText(document.source.name, document.source.encoding, tuple(lines))


def finding_keys(document: Document) -> list[tuple[str, str, str]]:
    return sorted((f.rule, f.severity, f.message) for f in audit_document(document, RULES).found)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_full_width_percent_signs_change_nothing(name: str) -> None:
    original = corpus_document(name)
    assert finding_keys(parse(full_width_percent(original))) == finding_keys(original)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_line_breaks_inside_sentences_change_nothing(name: str) -> None:
    original = corpus_document(name)
    rewritten = parse(broken_lines(original))
    assert len(rewritten.source.lines) > len(original.source.lines)
    assert finding_keys(rewritten) == finding_keys(original)
