"""The shipped examples work: the walkthrough runs, the sample gives exactly its planted errors."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

import budget_audit as ba
from budget_audit.audit import Audit

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_walkthrough_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    namespace = runpy.run_path(str(EXAMPLES / "walkthrough.py"), run_name="__main__")
    assert len(namespace["findings"]) == 4
    assert sorted(p.name for p in (tmp_path / "walkthrough-output").iterdir()) == [
        "sample-2026.html", "sample-2026.md", "sample-2026.sarif",
    ]  # fmt: skip


def test_the_sample_reports_its_planted_errors_and_nothing_else() -> None:
    # examples/README.md: line 44 BA101 (合计 and 公用经费), line 67 BA706, line 71 BA703
    result = ba.audit(EXAMPLES / "sample-2026.txt")
    assert isinstance(result, Audit)
    assert sorted((f.rule, f.line, f.severity) for f in result.found) == [
        ("BA101", 44, "error"), ("BA101", 44, "error"), ("BA703", 71, "error"),
        ("BA706", 67, "error"),
    ]  # fmt: skip
    change = next(f for f in result.found if f.rule == "BA703")
    assert (
        "上年应为 280 万元，增长率应为 7.14%，列示 6.7%：误以本年数而非上年数为基数计算"
        in change.message
    )
