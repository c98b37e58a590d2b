"""Folders: every supported file, recursively, in path order; the same findings with any --jobs."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from budget_audit.audit import Audit
from budget_audit.cli import main
from budget_audit.config import Settings, selected_rules
from budget_audit.inputs import supported_files
from budget_audit.runner import audit_files
from tests.conftest import CORPUS

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample-2026.txt"


def test_supported_files_recurses_and_skips_other_suffixes(tmp_path: Path) -> None:
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    names = ("z.txt", "b/a.TXT", "b/deeper/c.txt", "b/d.pdf", "e.md", "notes.csv", "README.md")
    for name in names:
        (tmp_path / name).write_text("x", "utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in supported_files(tmp_path)] == [
        "b/a.TXT", "b/d.pdf", "b/deeper/c.txt", "e.md", "z.txt",
    ]  # fmt: skip


def _summary(outcome: Audit | str) -> object:
    if isinstance(outcome, str):
        return outcome
    return (outcome.document.name, [f.as_json() for f in outcome.found], outcome.claims)


def test_two_processes_give_the_findings_of_one() -> None:
    files = sorted(CORPUS.glob("*.txt"))
    rules = selected_rules(Settings())
    one = audit_files(files, rules, jobs=1)
    two = audit_files(files, rules, jobs=2)
    assert [_summary(o) for o in one] == [_summary(o) for o in two]
    assert [o.document.name for o in two if isinstance(o, Audit)] == [f.name for f in files]


def test_folder_on_the_command_line_with_jobs(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b-2026.txt", "sub/a-2026.txt"):
        (tmp_path / name).write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\xff\xfe")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json", "--jobs", "2"])
    assert result.exit_code == 2  # one file could not be read; the others were still audited
    reports = json.loads(result.stdout)
    assert [r["document"] for r in reports] == ["b-2026.txt", "a-2026.txt"]  # path order
    assert all(r["summary"]["error"] == 4 for r in reports)
    assert (
        result.stderr.strip()
        == "budget-audit: broken.txt: not UTF-8 or GB18030 text; convert the file to UTF-8 and try again"
    )


def test_folder_without_disclosures_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b", "utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2 and "no disclosures in this folder" in result.stderr
