"""Fingerprints survive edits elsewhere; a baseline hides accepted findings and says how many;
--fail-on sets the exit status."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import budget_audit as ba
from budget_audit.audit import Audit
from budget_audit.cli import main
from budget_audit.fingerprint import fingerprints
from tests.conftest import CORPUS

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample-2026.txt"


def audit_text(tmp_path: Path, text: str, name: str = "sample-2026.txt") -> Audit:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    result = ba.audit(path)
    assert isinstance(result, Audit)
    return result


def test_fingerprints_ignore_lines_but_not_figures(tmp_path: Path) -> None:
    text = EXAMPLE.read_text("utf-8")
    before = audit_text(tmp_path, text)
    shifted = audit_text(tmp_path, "\n\n\n\n\n" + text)
    assert [f.line + 5 for f in before.found] == [f.line for f in shifted.found]
    assert [f.fingerprint for f in before.found] == [f.fingerprint for f in shifted.found]
    # 30299 其他商品和服务支出 6.00 -> 7.00 (line 47, both columns): 302's children now add to 22,
    # so the two BA101 findings state other figures and are other findings.
    changed = audit_text(
        tmp_path,
        text.replace(
            "30299\t其他商品和服务支出\t6.00\t\t6.00", "30299\t其他商品和服务支出\t7.00\t\t7.00"
        ),
    )
    old = {f.fingerprint for f in before.found if f.rule == "BA101"}
    new = {f.fingerprint for f in changed.found if f.rule == "BA101"}
    assert len(new) == 2 and not old & new


def test_a_finding_printed_twice_gets_two_fingerprints() -> None:
    found = ba.audit(CORPUS / "jiangxia-2026.txt")
    assert isinstance(found, Audit)
    twice = found.found + found.found
    keys = fingerprints(twice)
    assert len(set(keys)) == len(twice)
    assert keys[len(found.found)] == keys[0] + "#2"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_baseline_hides_accepted_findings_after_an_edit(tmp_path: Path) -> None:
    baseline = tmp_path / "accepted.json"
    code, out, err = run(
        "check", str(EXAMPLE), "--write-baseline", str(baseline), "--format", "json"
    )
    assert code == 0, err  # everything current is accepted now
    assert "4 findings accepted" in err
    assert json.loads(out)["findings"] == [] and json.loads(out)["hidden"] == 4
    recorded = json.loads(baseline.read_text("utf-8"))["accepted"]
    assert [(e["document"], e["rule"]) for e in recorded] == [
        ("sample-2026.txt", "BA101"), ("sample-2026.txt", "BA101"), ("sample-2026.txt", "BA706"),
        ("sample-2026.txt", "BA703"),
    ]  # fmt: skip

    code, out, _ = run("check", str(EXAMPLE), "--baseline", str(baseline))
    assert code == 0
    assert "4 条已在基线中接受，未显示" in out

    # Five lines added at the top and a new mistake: 200 of 300 is 66.67%, not 67.7%.
    edited = tmp_path / "sample-2026.txt"
    edited.write_text(
        "\n" * 5 + EXAMPLE.read_text("utf-8").replace("占 66.7%", "占 67.7%"), "utf-8"
    )
    code, out, _ = run("check", str(edited), "--baseline", str(baseline), "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert [(f["rule"], f["line"]) for f in report["findings"]] == [("BA702", 68)]
    assert report["hidden"] == 4


def test_a_bad_baseline_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "accepted.json"
    for content in ("not json", '{"accepted": [{"document": 1}]}', "[]"):
        bad.write_text(content, "utf-8")
        code, out, err = run("check", str(EXAMPLE), "--baseline", str(bad))
        assert code == 2 and out == ""
        assert err.startswith(f"budget-audit: {bad}: not a baseline file") and err.count("\n") == 1
    code, _, err = run("check", str(EXAMPLE), "--baseline", str(tmp_path / "missing.json"))
    assert code == 2 and "cannot read the baseline" in err


def test_fail_on_sets_the_exit_status() -> None:
    hanyang, jiangxia = str(CORPUS / "hanyang-2025.txt"), str(CORPUS / "jiangxia-2026.txt")
    # hanyang's BA901 findings are warnings (tables printed as images), jiangxia's BA102 only info
    assert run("check", hanyang, "--select", "BA901")[0] == 0
    assert run("check", hanyang, "--select", "BA901", "--fail-on", "warning")[0] == 1
    assert run("check", jiangxia, "--select", "BA102", "--fail-on", "warning")[0] == 0
    assert run("check", jiangxia, "--select", "BA102", "--fail-on", "info")[0] == 1
    assert run("check", str(EXAMPLE), "--fail-on", "nonsense")[0] == 2
