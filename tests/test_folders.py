"""Folders: every supported file, recursively, in path order; the same findings with any --jobs."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from budget_audit.audit import Audit
from budget_audit.cli import main
from budget_audit.config import Settings, selected_rules
from budget_audit.inputs import skippable, supported_files
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


NOTES = "# 说明\n\n本文件夹收录各单位的部门预算公开文件。\n"


def test_a_notes_file_in_a_folder_is_skipped_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "a-2026.txt").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "NOTES.md").write_text(NOTES, "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "index.html").write_text(f"<html><body><p>{NOTES}</p></body></html>")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json", "--jobs", "1"])
    assert result.exit_code == 1  # the example's findings decide, as if the notes were not there
    assert [r["document"] for r in json.loads(result.stdout)] == ["a-2026.txt"]
    lines = result.stderr.strip().splitlines()
    assert [line.split(":")[0:2] for line in lines] == [
        ["budget-audit", " skipped NOTES.md"],
        ["budget-audit", " skipped index.html"],
    ]
    assert all("no budget tables and no 情况说明" in line for line in lines)


def test_a_folder_of_notes_only_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "NOTES.md").write_text(NOTES, "utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "no disclosures in this folder (1 files skipped)" in result.stderr


def test_a_notes_file_named_on_its_own_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "NOTES.md"
    notes.write_text(NOTES, "utf-8")
    result = CliRunner().invoke(main, ["check", str(notes)])
    assert result.exit_code == 2 and "skipped" not in result.stderr
    assert "does not look like a department budget disclosure" in result.stderr


def test_only_formats_notes_are_written_in_may_be_skipped() -> None:
    assert [skippable(Path(n)) for n in ("a.MD", "b.txt", "c.htm", "d.html")] == [True] * 4
    assert [skippable(Path(n)) for n in ("a.pdf", "b.xlsx")] == [False, False]
