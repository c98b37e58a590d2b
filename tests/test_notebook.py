"""The notebook API behaves like a data library: values that do not change behind one's back,
one-line reprs, HTML in Jupyter, typed DataFrames, configuration only when asked for."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import budget_audit as ba
from budget_audit.audit import Audit, Audits
from budget_audit.config import Settings

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample-2026.txt"


def one(result: Audit | Audits) -> Audit:
    assert isinstance(result, Audit)
    return result


def test_auditing_a_document_twice_leaves_the_first_audit_as_it_was() -> None:
    document = ba.load(EXAMPLE)
    first = one(ba.audit(document))
    claims = json.dumps(first.claims, ensure_ascii=False)
    # the example's narrative: 8 amounts, 2 shares, 1 change, 2 lists (examples/README.md);
    # the 其他商品和服务支出 5 万元 item and the 增长 6.7% change contradict
    assert (first.claims["found"], first.claims["contradicted"]) == (13, 2)
    only_sums = one(ba.audit(document, config=Settings(select=["BA1"])))
    assert only_sums.claims["verified"] == 0  # no narrative rule ran
    assert json.dumps(first.claims, ensure_ascii=False) == claims
    again = one(ba.audit(document))
    assert [f.as_json() for f in again.found] == [f.as_json() for f in first.found]
    assert again.claims == first.claims


def test_reprs_are_one_line() -> None:
    document = ba.load(EXAMPLE)
    assert (
        repr(document) == "<Document sample-2026.txt: 示例区城市服务中心 2026, 3 tables, 76 lines>"
    )
    assert repr(ba.audit(document)) == "<Audit sample-2026.txt: 4 errors, 0 warnings, 0 info>"
    html = document._repr_html_()
    assert "一般公共预算基本支出表" in html and "<table>" in html
    fragment = one(ba.audit(document))._repr_html_()
    assert "BA706" in fragment and "<mark>5</mark>" in fragment


def test_findings_frame_is_typed() -> None:
    frame = one(ba.audit(EXAMPLE)).findings
    assert list(frame.columns[:8]) == [
        "document", "rule", "severity", "title", "message", "page", "line", "lines",
    ]  # fmt: skip
    assert str(frame["line"].dtype) == "int64" and str(frame["page"].dtype) == "Int64"
    row = frame[frame["rule"] == "BA706"].iloc[0]
    # line 67 says 其他商品和服务支出 5 万元; the 基本支出表 row 30299 (line 47) says 6.00
    assert (row["line"], row["lines"], row["table"], row["row"], row["column"]) == (
        67, [47, 67], "一般公共预算基本支出表", "30299 其他商品和服务支出", "合计",
    )  # fmt: skip
    assert (row["stated"], row["expected"], row["difference"]) == (
        Decimal("5"), Decimal("6.00"), Decimal("-1.00"),
    )  # fmt: skip
    assert all(isinstance(v, Decimal) for v in frame["stated"])


def test_configuration_is_read_only_when_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.budget-audit]\nignore = ["BA1"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    assert "BA101" in {f.rule for f in one(ba.audit(EXAMPLE)).found}
    configured = one(ba.audit(EXAMPLE, config=tmp_path / "pyproject.toml"))
    assert {f.rule for f in configured.found} == {"BA703", "BA706"}
    assert {f.rule for f in one(ba.audit(EXAMPLE, config=tmp_path)).found} == {"BA703", "BA706"}
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "pyproject.toml").write_text("[project]\nname = 'x'\n", "utf-8")
    with pytest.raises(ba.InputError, match=r"no \[tool\.budget-audit\] section"):
        ba.audit(EXAMPLE, config=tmp_path / "other")


def test_a_folder_gives_audits_with_one_findings_frame(tmp_path: Path) -> None:
    for name in ("a-2026.txt", "b-2026.txt"):
        (tmp_path / name).write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "c-2026.txt").write_bytes(b"\xff\xfe\xff\xfe")
    audits = ba.audit(tmp_path)
    assert isinstance(audits, Audits) and len(audits) == 2
    assert audits.errors == [
        "c-2026.txt: not UTF-8 or GB18030 text; convert the file to UTF-8 and try again"
    ]
    assert list(audits.findings["document"]) == ["a-2026.txt"] * 4 + ["b-2026.txt"] * 4
    assert [r["document"] for r in json.loads(audits.to_json())] == ["a-2026.txt", "b-2026.txt"]
    for text in (audits.to_html(), audits.to_markdown(), audits.to_sarif()):
        assert "a-2026.txt" in text and "b-2026.txt" in text


def test_audit_methods_give_each_format() -> None:
    result = one(ba.audit(EXAMPLE))
    assert json.loads(result.to_json())["summary"] == {"error": 4, "warning": 0, "info": 0}
    assert json.loads(result.to_sarif())["version"] == "2.1.0"
    assert result.to_html().startswith("<!DOCTYPE html>")
    assert result.to_markdown().startswith("# budget-audit: sample-2026.txt")
