"""``check --format json`` loads no library it does not use: a cold start pays only for what it needs.

pandas alone (with pyarrow) is most of a cold start's imports; rich and openpyxl
serve the terminal and workbook reports, pdfplumber only PDFs. A single file
needs no process pool (multiprocessing), importlib.metadata only when an
installed package declares a rule pack, and tomllib only in a project with a
pyproject.toml.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import CORPUS

PROBE = """
import sys
from pathlib import Path
from budget_audit.cli import main
try:
    main(["check", sys.argv[1], "--format", "json", "-o", sys.argv[2]])
except SystemExit:
    pass
print(" ".join(sorted(sys.modules)))
"""


def _modules(tmp_path: Path) -> set[str]:
    """The modules a cold ``check FILE --format json`` loaded, run where no pyproject.toml is."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(CORPUS / "qingshan-2026.txt"), f"{tmp_path}/r.json"],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    ).stdout.split()  # fmt: skip
    assert (tmp_path / "r.json").is_file()  # the report was written: the run got that far
    return set(out)


def test_the_json_report_of_a_text_file_imports_no_pandas_rich_openpyxl_or_pdfplumber(
    tmp_path: Path,
) -> None:
    out = {m.split(".")[0] for m in _modules(tmp_path)}
    assert "budget_audit" in out
    assert not {"pandas", "numpy", "pyarrow", "rich", "openpyxl", "pdfplumber"} & out


def test_one_file_starts_no_pool_and_reads_no_package_metadata_or_toml(tmp_path: Path) -> None:
    out = _modules(tmp_path)
    assert "budget_audit.runner" in out
    assert not {"multiprocessing", "concurrent.futures.process", "importlib.metadata"} & out
    assert "tomllib" not in out
