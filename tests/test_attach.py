"""A disclosure published as two files (情况说明 and 公开表) is audited as one with ``attach``."""

from __future__ import annotations

from pathlib import Path

import budget_audit as ba
from budget_audit.audit import audit_document
from budget_audit.engine import builtin_rules
from tests.conftest import CORPUS


def _split(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """Cut a corpus document into its tables part and the rest, as two publishers' files."""
    whole = ba.load(CORPUS / name)
    tables = next(p for p in whole.parts if p.name == "预算表")
    lines = (CORPUS / name).read_text("utf-8").split("\n")
    narrative = tmp_path / "说明.txt"
    attachment = tmp_path / "公开表.txt"
    narrative.write_text(
        "\n".join(lines[: tables.first_line - 1] + lines[tables.last_line :]), "utf-8"
    )
    attachment.write_text("\n".join(lines[tables.first_line - 1 : tables.last_line]), "utf-8")
    return narrative, attachment


def _verdicts(audit: ba.Audit) -> list[tuple[str, str, str]]:
    return sorted((f.rule, f.severity, f.message) for f in audit.found if f.severity != "info")


def test_two_files_give_the_findings_of_the_whole(tmp_path: Path) -> None:
    narrative, attachment = _split(tmp_path, "jiangxia-2026.txt")
    rules = builtin_rules()
    whole = audit_document(ba.load(CORPUS / "jiangxia-2026.txt"), rules)
    joined = audit_document(ba.load(narrative, attach=[attachment]), rules)
    assert _verdicts(joined) == _verdicts(whole)
    assert _verdicts(whole)  # jiangxia has real mistakes, so the comparison says something


def test_evidence_from_the_attachment_names_its_file(tmp_path: Path) -> None:
    narrative, attachment = _split(tmp_path, "jiangxia-2026.txt")
    audit = audit_document(ba.load(narrative, attach=[attachment]), builtin_rules())
    files = {e.file for f in audit.found for e in f.evidence}
    assert "公开表.txt" in files  # table figures cite the attachment
    assert None in files  # narrative figures stand in the main file, named by the report
