"""Shared fixtures: the real disclosures of ../shared/corpus/, each loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

import budget_audit as ba

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
DOCUMENTS = [
    "hanyang-2025",
    "jiangxia-2026",
    "qiaokou-2025",
    "qingshan-2026",
    "qingshan-bigdata-2024",
]

_loaded: dict[str, ba.Document] = {}


def corpus_document(name: str) -> ba.Document:
    """The parsed corpus document ``name`` (without ``.txt``), cached for the session."""
    if name not in _loaded:
        _loaded[name] = ba.load(CORPUS / f"{name}.txt")
    return _loaded[name]


@pytest.fixture(params=DOCUMENTS)
def any_document(request: pytest.FixtureRequest) -> ba.Document:
    """Each corpus document in turn."""
    return corpus_document(request.param)
