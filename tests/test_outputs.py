"""The machine outputs: the JSON contract of design.md and SARIF 2.1.0 against its schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from budget_audit.cli import main
from tests.conftest import CORPUS

SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_json_contract_of_one_document() -> None:
    code, output = run("check", str(CORPUS / "jiangxia-2026.txt"), "--format", "json")
    assert code == 1  # jiangxia has an error (978.487 in its 整体 form)
    report = json.loads(output)
    assert report["document"] == "jiangxia-2026.txt"
    assert set(report["summary"]) == {"error", "warning", "info"}
    assert report["summary"]["error"] == sum(
        1 for f in report["findings"] if f["severity"] == "error"
    )
    for finding in report["findings"]:
        assert {"rule", "severity", "message", "evidence"} <= set(finding)
        assert finding["evidence"], "a finding without evidence is not a finding"
        for evidence in finding["evidence"]:
            line = (
                (CORPUS / "jiangxia-2026.txt").read_text("utf-8").split("\n")[evidence["line"] - 1]
            )
            assert evidence["text"] == line.strip()


def test_folder_gives_one_report_per_document() -> None:
    code, output = run("check", str(CORPUS), "--format", "json")
    assert code == 1
    assert sorted(r["document"] for r in json.loads(output)) == sorted(
        p.name for p in CORPUS.glob("*.txt")
    )


def test_sarif_output_satisfies_the_schema(tmp_path: Path) -> None:
    code, output = run("check", str(CORPUS), "--format", "sarif")
    assert code == 1
    sarif = json.loads(output)
    jsonschema.validate(sarif, json.loads(SCHEMA.read_text("utf-8")))
    results = sarif["runs"][0]["results"]
    assert any(r["ruleId"] == "BA403" and r["level"] == "error" for r in results)


def test_select_and_ignore(tmp_path: Path) -> None:
    path = str(CORPUS / "jiangxia-2026.txt")
    _, selected = run("check", path, "--format", "json", "--select", "BA1")
    assert {f["rule"] for f in json.loads(selected)["findings"]} <= {"BA101", "BA102"}
    ignore = ("BA403", "BA406", "BA408", "BA7", "BA8", "BA904", "BA905")
    code, ignored = run("check", path, "--format", "json", "--ignore", ",".join(ignore))
    # jiangxia's table error is BA403; its form, narrative, wording and numbering warnings and
    # errors are BA406, BA408 (a sum in a form's prose), BA7xx, BA8xx, BA904 and BA905
    assert code == 0
    assert not any(f["rule"].startswith(ignore) for f in json.loads(ignored)["findings"])
    code, unknown = run("check", path, "--select", "ZZ9")
    assert code == 2 and "no rule matches" in unknown


def test_pyproject_settings_and_user_rule_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mine.yaml").write_text(
        "rules:\n  - id: XY001\n    title: 我的规则\n    severity: warning\n    check: hierarchy_sum\n"
        "    rationale: test\n",
        "utf-8",
    )
    (tmp_path / "pyproject.toml").write_text(
        '[tool.budget-audit]\nignore = ["BA9"]\nrules = ["mine.yaml"]\n[tool.budget-audit.severity]\nBA403 = "warning"\n',
        "utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, output = run("check", str(CORPUS / "jiangxia-2026.txt"), "--format", "json")
    report = json.loads(output)
    assert code == 1
    assert {f["rule"]: f["severity"] for f in report["findings"] if f["rule"] == "BA403"} == {
        "BA403": "warning"
    }
    assert not any(f["rule"].startswith("BA9") for f in report["findings"])


def test_rules_and_rule_commands() -> None:
    code, listing = run("rules")
    assert code == 0 and "BA101" in listing and "BA403" in listing
    code, explained = run("rule", "BA101")
    assert code == 0 and "Why it matters" in explained and "failing example" in explained
    code, _ = run("rule", "BA999")
    assert code == 2


def test_a_folder_with_one_unreadable_file_reports_the_rest_and_exits_2(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parent.parent / "examples" / "sample-2026.txt"
    (tmp_path / "good.txt").write_bytes(example.read_bytes())
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xff\xfe")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"])
    assert result.exit_code == 2
    reports = json.loads(result.stdout)
    assert [r["document"] for r in reports] == ["good.txt"]
    assert "bad.txt: not UTF-8 or GB18030" in result.stderr
