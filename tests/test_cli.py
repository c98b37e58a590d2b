"""The command line: useful output on good input, one clear line and exit 2 on bad input."""

from pathlib import Path

from click.testing import CliRunner

from budget_audit.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample-2026.txt"


def test_tables_lists_kinds_and_coverage() -> None:
    result = CliRunner().invoke(main, ["tables", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    for kind in ("支出总表", "一般公共预算基本支出表", "三公经费支出表"):
        assert kind in result.output
    assert "coverage:" in result.output
    assert "0 not understood" in result.output


def test_check_reports_the_examples_error_with_its_lines() -> None:
    # examples/sample-2026.txt line 44: 302 商品和服务支出 20.00; its items (lines 45-47) add to 21.00
    result = CliRunner().invoke(main, ["check", str(EXAMPLE)])
    assert result.exit_code == 1
    assert "sample-2026.txt:44: BA101 [error] 科目层级合计: " in result.output
    lines = result.output.split("\n")
    # the cited lines, tabs shown as two spaces; not a terminal, so carets mark the cited figure
    at = lines.index("    44 │ 302  商品和服务支出  20.00    20.00")
    #                 "    44 │ 302  " is 14 columns, 商品和服务支出 is 7 wide characters (14 columns)
    assert lines[at + 1] == " " * (14 + 14 + 2) + "^^^^^"
    for line in (45, 46, 47):
        assert any(text.startswith(f"    {line} │ ") for text in lines[at:])


def test_bad_input_exits_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xff\xfe")
    for command in ("tables", "check"):
        result = CliRunner().invoke(main, [command, str(bad)])
        assert result.exit_code == 2
        assert "Traceback" not in result.output
        assert "not UTF-8 or GB18030" in result.output
