"""Rule files users write: validated when loaded, one line naming file, rule and field; a rule that
fails inside is reported as not checked; rule packs install through an entry point."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from budget_audit.audit import audit_document
from budget_audit.cli import main
from budget_audit.config import Settings, selected_rules
from budget_audit.document import load
from budget_audit.engine import ENTRY_POINT_GROUP, check_kinds, installed_packs, load_rule_file
from budget_audit.errors import InputError

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample-2026.txt"


def rule_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text("rules:\n" + textwrap.indent(textwrap.dedent(body), "  "), "utf-8")
    return path


def load_error(tmp_path: Path, body: str) -> str:
    with pytest.raises(InputError) as caught:
        load_rule_file(rule_file(tmp_path, body))
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(tmp_path / "mine.yaml"))
    return message


RULE_HEAD = "- id: XY001\n  title: 我的规则\n  severity: warning\n"


@pytest.mark.parametrize(
    ("body", "names"),
    [
        # today's KeyError: a same_by_code rule without its reference table
        (RULE_HEAD + "  check: same_by_code\n", ["rule XY001", "params.reference", "missing"]),
        # a misspelt parameter that used to check nothing
        (
            RULE_HEAD + "  check: same_figure\n  params:\n    figure: []\n",
            ["rule XY001", "params.figure", "did you mean 'figures'"],
        ),
        (
            RULE_HEAD + "  check: same_figure\n  params:\n    figures:\n"
            "      - name: 支出合计\n        sources:\n          - {table: 支出总表, colum: 合计}\n",
            ["params.figures[0].sources[0].colum", "did you mean 'column'"],
        ),
        (
            RULE_HEAD + "  check: unit_magnitude\n  params:\n    times_total: 两倍\n",
            ["params.times_total", "expected a number"],
        ),
        (
            RULE_HEAD + "  check: summary_balance\n  params:\n    pairs: [[收入总计]]\n",
            ["params.pairs[0]", "expected 2 items"],
        ),
        (RULE_HEAD + "  check: no_such_kind\n", ["rule XY001", "check", "unknown check kind"]),
        (
            RULE_HEAD + "  check: hierarchy_sum\n  parms: {}\n",
            ["rule XY001", "parms", "did you mean 'params'"],
        ),
        (
            "- id: XY001\n  title: t\n  severity: fatal\n  check: hierarchy_sum\n",
            ["severity", "one of error, warning, info"],
        ),
        ("- title: t\n  severity: error\n  check: hierarchy_sum\n", ["rule #1 (no id)", "id"]),
        (
            RULE_HEAD
            + "  check: hierarchy_sum\n  examples:\n    fail:\n      - {text: x, line: two}\n",
            ["examples.fail[0]"],
        ),
    ],
)
def test_a_wrong_rule_is_one_line_naming_file_rule_and_field(
    tmp_path: Path, body: str, names: list[str]
) -> None:
    message = load_error(tmp_path, body)
    for name in names:
        assert name in message


def test_a_valid_rule_gets_its_defaults(tmp_path: Path) -> None:
    [rule] = load_rule_file(
        rule_file(tmp_path, RULE_HEAD + "  check: same_by_code\n  params: {reference: 支出总表}\n")
    )
    assert rule.params == {
        "reference": "支出总表",
        "code_lengths": [3],
        "columns": ["合计"],
        "others": [],
        "by_name": [],
    }


def test_the_cli_turns_a_wrong_rule_file_into_exit_2(tmp_path: Path) -> None:
    path = rule_file(tmp_path, RULE_HEAD + "  check: same_by_code\n")
    result = CliRunner().invoke(main, ["check", str(EXAMPLE), "--rules", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "params.reference" in result.output


PACK_MODULE = """
from pathlib import Path

from budget_audit.engine import RulePack
from budget_audit.params import TEXT, Param
from budget_audit.rule import check_kind


@check_kind("always_fails")
def always_fails(context):
    raise RuntimeError("boom")


@check_kind("names_the_department", expected=Param(TEXT))
def names_the_department(context):
    if context.document.department != context.rule.params["expected"]:
        context.skip("部门名称不符")


PACK = RulePack("demo", (Path(__file__).parent / "demo_rules.yaml",), (always_fails, names_the_department))
"""

PACK_RULES = """\
family: demo
rules:
  - id: ZZ001
    title: 总是出错
    severity: error
    check: always_fails
  - id: ZZ002
    title: 部门名称
    severity: info
    check: names_the_department
    params: {expected: 示例中心}
"""


@pytest.fixture
def installed_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A real installed distribution (a dist-info folder on sys.path) declaring a rule pack."""
    (tmp_path / "demo_pack.py").write_text(PACK_MODULE, "utf-8")
    (tmp_path / "demo_rules.yaml").write_text(PACK_RULES, "utf-8")
    info = tmp_path / "demo_pack-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: demo-pack\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\ndemo = demo_pack:PACK\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    sys.modules.pop("demo_pack", None)
    installed_packs.cache_clear()
    yield tmp_path
    sys.modules.pop("demo_pack", None)
    installed_packs.cache_clear()


@pytest.mark.usefixtures("installed_pack")
def test_an_installed_pack_adds_its_rules_and_kinds() -> None:
    assert {"always_fails", "names_the_department"} <= set(check_kinds())
    rules = {rule.id: rule for rule in selected_rules(Settings())}
    assert rules["ZZ002"].family == "demo" and "BA101" in rules


@pytest.mark.usefixtures("installed_pack")
def test_a_rule_that_raises_is_not_checked_and_the_others_still_run() -> None:
    audit = audit_document(load(EXAMPLE), selected_rules(Settings()))
    assert any(
        line.startswith("ZZ001: 规则运行出错") and "boom" in line for line in audit.not_checked
    )
    assert any(f.rule == "BA101" and f.line == 44 for f in audit.found)  # the example's known error


def test_a_pack_whose_rules_use_an_unknown_kind_is_an_input_error(
    installed_pack: Path,
) -> None:
    (installed_pack / "demo_rules.yaml").write_text(PACK_RULES.replace("always_fails", "gone"))
    with pytest.raises(InputError, match=r"demo_rules.yaml: rule ZZ001: check: unknown check kind"):
        selected_rules(Settings())
