"""Folders: every supported file, recursively, in path order; the same findings with any --jobs."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from budget_audit.audit import Audit
from budget_audit.cli import main
from budget_audit.config import Settings, selected_rules
from budget_audit.inputs import skippable, supported_files
from budget_audit.record import AuditRecord, DocumentDigest, Keep
from budget_audit.reports.html_report import render_html
from budget_audit.reports.json_report import audit_json, render_json
from budget_audit.runner import RecordOutcome, audit_files, record_files
from tests.conftest import CORPUS

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample-2026.txt"
PDFS = CORPUS.parent / "corpus-pdf"


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


def _report(outcome: RecordOutcome) -> object:
    """Everything a report shows of a file: its JSON report (findings with their evidence and
    fingerprints, claims, coverage, tables), or its message."""
    return outcome if isinstance(outcome, str) else audit_json(outcome)


@pytest.mark.skipif(not PDFS.is_dir(), reason="../shared/corpus-pdf is not present")
def test_the_whole_corpus_gives_the_same_reports_with_one_or_two_processes() -> None:
    files = supported_files(CORPUS) + supported_files(PDFS)  # texts, PDFs, a workbook, READMEs
    rules = selected_rules(Settings())
    one = [_report(o) for o in record_files(files, rules, jobs=1)]
    two = [_report(o) for o in record_files(files, rules, jobs=2)]
    assert one == two
    assert [r["document"] for r in one if isinstance(r, dict)] == [
        f.name for f in files if f.suffix != ".md"
    ]
    assert sum(len(r["findings"]) for r in one if isinstance(r, dict)) > 50  # not all empty


def test_a_record_reports_as_its_audit_does_without_the_document() -> None:
    files = sorted(CORPUS.glob("*.txt"))
    rules = selected_rules(Settings())
    audits = [o for o in audit_files(files, rules) if isinstance(o, Audit)]
    records = [o for o in record_files(files, rules, jobs=2) if isinstance(o, AuditRecord)]
    assert render_json(records, single=False) == render_json(audits, single=False)
    assert all(isinstance(r.document, DocumentDigest) and not r.document.lines for r in records)
    # what a worker sends back: a small part of the audit it came from
    for record, audit in zip(records, audits, strict=True):
        record.rules = audit.rules = ()  # neither travels with the result
        assert len(pickle.dumps(record)) * 5 < len(pickle.dumps(audit))


def test_the_html_page_of_records_keeps_the_text_it_shows() -> None:
    files = [CORPUS / "qingshan-2026.txt"]
    rules = selected_rules(Settings())
    (audit,) = audit_files(files, rules)
    (record,) = record_files(files, rules, keep=Keep(text=True))
    assert isinstance(audit, Audit) and isinstance(record, AuditRecord)
    assert record.document.lines == audit.document.source.lines
    assert render_html([record]) == render_html([audit])


def test_records_come_in_input_order_and_each_file_is_reported_done_once(tmp_path: Path) -> None:
    long = tmp_path / "a-long.txt"  # first, and the slowest, so later files finish before it
    long.write_bytes((CORPUS / "jiangxia-2026.txt").read_bytes())
    shorts = []
    for index in range(5):
        short = tmp_path / f"b{index}.txt"
        short.write_bytes(EXAMPLE.read_bytes())
        shorts.append(short)
    broken = tmp_path / "c-broken.txt"
    broken.write_bytes(b"\xff\xfe\xff\xfe")
    files = [long, *shorts, broken]
    finished: list[Path] = []
    outcomes = list(record_files(files, selected_rules(Settings()), 2, done=finished.append))
    assert [o.document.name for o in outcomes if isinstance(o, AuditRecord)] == [
        f.name for f in files[:-1]
    ]
    assert isinstance(outcomes[-1], str) and "not UTF-8 or GB18030" in outcomes[-1]
    assert sorted(finished) == sorted(files)
    assert all(o.rules for o in outcomes if isinstance(o, AuditRecord))  # put back in this process


def test_a_consumer_that_stops_early_ends_the_pool(tmp_path: Path) -> None:
    files = []
    for index in range(6):
        files.append(tmp_path / f"{index}.txt")
        files[-1].write_bytes(EXAMPLE.read_bytes())
    outcomes = record_files(files, selected_rules(Settings()), jobs=2)
    first = next(outcomes)
    outcomes.close()  # returns once the pool is shut down, the files not started cancelled
    assert isinstance(first, AuditRecord) and first.document.name == "0.txt"


def test_a_folder_report_is_the_same_with_one_or_two_processes() -> None:
    runs = [
        CliRunner().invoke(main, ["check", str(CORPUS), "--format", f, "--jobs", jobs])
        for f in ("json", "markdown")
        for jobs in ("1", "2")
    ]
    assert all(r.exit_code == 1 for r in runs)  # the corpus has errors
    assert runs[0].stdout == runs[1].stdout and runs[2].stdout == runs[3].stdout


def test_the_json_list_written_piece_by_piece_is_json_dumps_of_the_list() -> None:
    files = sorted(CORPUS.glob("*.txt"))[:2]
    records = [o for o in record_files(files, selected_rules(Settings())) if not isinstance(o, str)]
    for shown in ([], records[:1], records):
        whole = json.dumps([audit_json(r) for r in shown], ensure_ascii=False, indent=2) + "\n"
        assert render_json(shown, single=False) == whole


def test_a_streamed_folder_report_is_the_one_written_at_the_end(tmp_path: Path) -> None:
    for name in ("a-2026.txt", "b-2026.txt"):
        (tmp_path / name).write_bytes(EXAMPLE.read_bytes())
    folder, out = str(tmp_path), tmp_path / "r.json"
    streamed = CliRunner().invoke(main, ["check", folder, "--format", "json", "-o", str(out)])
    # a new baseline needs every finding before the report: the report is written at the end
    held = CliRunner().invoke(
        main, ["check", folder, "--format", "json", "--write-baseline", str(tmp_path / "b.json")]
    )
    assert streamed.exit_code == 1 and held.exit_code == 0  # the baseline hides every finding
    reports = json.loads(out.read_text("utf-8"))
    assert [r["document"] for r in reports] == ["a-2026.txt", "b-2026.txt"]
    assert all(r["summary"]["error"] == 4 and r["hidden"] == 0 for r in reports)
    hidden = [(r["hidden"], r["findings"]) for r in json.loads(held.stdout)]
    assert hidden == [(len(r["findings"]), []) for r in reports]


def test_a_streamed_report_that_cannot_be_written_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a-2026.txt").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "b-2026.txt").write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "missing" / "r.json"
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json", "-o", str(out)])
    assert result.exit_code == 2 and f"{out}: cannot write" in result.stderr


def test_a_record_without_the_text_is_refused_by_the_html_page() -> None:
    (record,) = record_files([EXAMPLE], selected_rules(Settings()))
    assert isinstance(record, AuditRecord)
    with pytest.raises(ValueError, match="Keep"):
        render_html([record])
