"""What one PDF may cost, set on the command line or in ``[tool.budget-audit]``.

A file beyond a limit is refused with one line and exit status 2, never half-read
and never with a traceback; an option given on the command line wins over the
configuration, which wins over the defaults.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from budget_audit.cli import main
from budget_audit.config import Settings, read_settings
from budget_audit.errors import InputError
from budget_audit.sources.pdf import PdfSettings

PDFS = Path(__file__).resolve().parents[2] / "shared" / "corpus-pdf"
JIANGSU_2018 = PDFS / "jiangsu-jianchayuan-2018-yusuan.pdf"  # 31 pages
FULIYUAN = PDFS / "shanghai-putuo-shehuifuliyuan-2024-danwei-yusuan.pdf"  # 16 pages

needs_pdfs = pytest.mark.skipif(not PDFS.is_dir(), reason="../shared/corpus-pdf is not present")


def _one_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    assert "Traceback" not in output
    return lines[0]


@needs_pdfs
@pytest.mark.parametrize("command", ["check", "tables"])
def test_a_small_page_limit_refuses_the_pdf_with_one_line(command: str) -> None:
    result = CliRunner().invoke(main, [command, str(JIANGSU_2018), "--max-pages", "5"])
    assert result.exit_code == 2
    line = _one_line(result.output)
    assert "31 pages, more than the limit of 5" in line and "--max-pages" in line


@needs_pdfs
def test_a_small_time_limit_refuses_the_pdf_with_one_line() -> None:
    result = CliRunner().invoke(main, ["check", str(JIANGSU_2018), "--seconds-per-page", "1e-9"])
    assert result.exit_code == 2
    assert "page 1 took more than 1e-09 s" in _one_line(result.output)


@needs_pdfs
def test_the_configured_limit_holds_and_an_option_overrides_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.budget-audit]\nmax-pages = 15\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    refused = CliRunner().invoke(main, ["tables", str(FULIYUAN)])
    assert refused.exit_code == 2
    assert "16 pages, more than the limit of 15" in _one_line(refused.output)
    read = CliRunner().invoke(main, ["tables", str(FULIYUAN), "--max-pages", "16"])
    assert read.exit_code == 0 and "coverage" in read.output


@pytest.mark.parametrize("value", ["0", "-3", "2.5", '"many"', "true"])
def test_a_bad_configured_page_limit_is_refused_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.budget-audit]\nmax-pages = {value}\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", str(tmp_path / "none.txt")])
    assert result.exit_code == 2
    assert "max-pages must be a whole number above 0" in _one_line(result.output)


def test_options_win_over_the_configuration_which_wins_over_the_defaults(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[tool.budget-audit]\nseconds-per-page = 2.5\n", "utf-8")
    settings = read_settings(pyproject)
    assert settings is not None
    assert settings.pdf() == PdfSettings(max_pages=300, seconds_per_page=2.5)
    assert settings.pdf(max_pages=7) == PdfSettings(max_pages=7, seconds_per_page=2.5)
    assert settings.pdf(seconds_per_page=1) == PdfSettings(max_pages=300, seconds_per_page=1)
    assert Settings().pdf() == PdfSettings()


def test_a_bad_configured_time_limit_is_refused(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[tool.budget-audit]\nseconds-per-page = 0\n", "utf-8")
    with pytest.raises(InputError, match="seconds-per-page must be a number above 0"):
        read_settings(pyproject)
