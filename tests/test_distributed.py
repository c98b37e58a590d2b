"""The Dask path gives the findings of the in-process audit, on the whole text corpus.

Run with Dask's local schedulers (synchronous and threads), as CI can; skipped
where the ``dask`` extra is not installed.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from budget_audit.audit import Audit, audit
from budget_audit.config import Settings, selected_rules
from budget_audit.distributed import audit_bag
from budget_audit.inputs import supported_files
from budget_audit.record import AuditRecord
from budget_audit.reports.frame import COLUMNS, finding_record
from budget_audit.runner import record_files
from tests.conftest import CORPUS

pytest.importorskip("dask.bag")  # the optional extra: budget-audit[dask]

FILES = sorted(CORPUS.glob("*.txt"))
PDFS = CORPUS.parent / "corpus-pdf"


def _in_process() -> list[dict[str, object]]:
    records = []
    for file in FILES:
        result = audit(file)
        assert isinstance(result, Audit)
        records.extend({"path": str(file), **finding_record(result, f)} for f in result.found)
    return records


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_dask_bag_gives_the_findings_of_the_in_process_audit(scheduler: str) -> None:
    frame = audit_bag(FILES, scheduler=scheduler, npartitions=3)
    assert list(frame.columns) == ["path", *COLUMNS, "error"]
    assert frame["error"].isna().all()
    got = frame.drop(columns="error").astype({"line": "int64"}).to_dict("records")
    assert [{k: _plain(v) for k, v in r.items()} for r in got] == _in_process()


@pytest.mark.skipif(not PDFS.is_dir(), reason="../shared/corpus-pdf is not present")
def test_dask_processes_give_the_findings_of_two_jobs_on_the_whole_corpus() -> None:
    files = [f for f in supported_files(CORPUS) + supported_files(PDFS) if f.suffix != ".md"]
    frame = audit_bag(files, scheduler="processes", npartitions=4)
    assert frame["error"].isna().all()
    got = frame.drop(columns="error").astype({"line": "int64"}).to_dict("records")
    records = record_files(files, selected_rules(Settings()), jobs=2)
    expected = [
        {"path": str(file), **finding_record(record, finding)}
        for file, record in zip(files, records, strict=True)
        if isinstance(record, AuditRecord)
        for finding in record.found
    ]
    assert len(expected) > 50 and {r["path"] for r in expected} > {str(f) for f in FILES}
    assert [{k: _plain(v) for k, v in r.items()} for r in got] == expected


def test_an_unreadable_file_is_one_row_and_the_others_are_audited(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe\xff\xfe")
    parquet = tmp_path / "findings.parquet"
    frame = audit_bag([FILES[3], broken], scheduler="synchronous", parquet=parquet)
    errors = frame[frame["error"].notna()]
    assert errors["path"].tolist() == [str(broken)] and errors["rule"].isna().all()
    assert "not UTF-8 or GB18030" in errors["error"].iloc[0]
    assert (frame["path"] == str(FILES[3])).sum() == len(frame) - 1 > 0
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    stored = pd.read_parquet(parquet)
    assert stored["fingerprint"].tolist() == frame["fingerprint"].tolist()
    assert stored["stated"].dropna().tolist() == frame["stated"].dropna().tolist()


def _plain(value: object) -> object:
    """A DataFrame cell as the record holds it (pandas' missing value as ``None``)."""
    return None if value is not None and not isinstance(value, list) and value != value else value


def test_the_example_writes_the_findings_as_parquet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = Path(__file__).resolve().parent.parent / "examples" / "sample-2026.txt"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / sample.name).write_bytes(sample.read_bytes())
    out = tmp_path / "findings.parquet"
    argv = ["dask_audit.py", str(tmp_path / "in"), str(out), "--scheduler", "synchronous"]
    monkeypatch.setattr("sys.argv", argv)
    runpy.run_path(str(sample.parent / "dask_audit.py"), run_name="__main__")
    assert capsys.readouterr().out.startswith(f"1 files, 4 findings -> {out}")
    assert out.is_file()
