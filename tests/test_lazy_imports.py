"""``check --format json`` loads no library it does not use: a cold start pays only for what it needs.

pandas alone (with pyarrow) is most of a cold start's imports; rich and openpyxl
serve the terminal and workbook reports, pdfplumber only PDFs.
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
print(" ".join(sorted({m.split(".")[0] for m in sys.modules})))
"""


def test_the_json_report_of_a_text_file_imports_no_pandas_rich_openpyxl_or_pdfplumber(
    tmp_path: Path,
) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(CORPUS / "qingshan-2026.txt"), f"{tmp_path}/r.json"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert "budget_audit" in out
    assert not {"pandas", "numpy", "pyarrow", "rich", "openpyxl", "pdfplumber"} & set(out)
