"""``--lang en`` on the corpus: every report format gives the findings in English, in our own
words; the default stays Chinese, as every pinned finding has it."""

from __future__ import annotations

import json

from click.testing import CliRunner

import budget_audit as ba
from budget_audit.audit import Audit
from budget_audit.cli import main
from budget_audit.messages import note_in
from budget_audit.reports.xlsx import findings_workbook
from tests.conftest import CORPUS
from tests.test_lang import CJK, TRANSLATED, masked

JIANGXIA = str(CORPUS / "jiangxia-2026.txt")
# jiangxia-2026 line 420: the 整体 form's project total against the 项目支出表 (BA403), as the
# Chinese report has it and as an English reader should get it (both written out by hand)
CHINESE = (
    "部门整体支出绩效目标表 项目合计「项目本年预算」：列示 978.487 万元，项目支出表合计为 "
    "978.48 万元，相差 0.007 万元"
)
ENGLISH = (
    "overall performance targets table project total “项目本年预算”: stated 978.487 10k yuan, "
    "the project expenditure table's total gives 978.48 10k yuan, a gap of 0.007 10k yuan"
)
ENGLISH_PART = "stated 978.487 10k yuan"  # free of characters a format escapes


def _audit() -> Audit:
    audit = ba.audit(JIANGXIA)
    assert isinstance(audit, Audit)
    return audit


def test_corpus_findings_in_english_hold_no_chinese_of_our_own(any_document: ba.Document) -> None:
    audit = ba.audit(any_document)
    assert isinstance(audit, Audit)
    for finding in audit.found:
        if finding.template is None:  # a check not converted yet: shown as written
            assert finding.rule not in TRANSLATED, finding.message
            continue
        english = masked(finding.template).render("en")
        assert not CJK.search(english), english


def test_the_api_gives_both_languages() -> None:
    audit = _audit()
    messages = {f.message: f.message_in("en") for f in audit.found}
    assert messages[CHINESE] == ENGLISH
    assert CHINESE in set(audit.findings["message"])
    english = audit.to_frame("en")
    assert ENGLISH in set(english["message"])
    assert "Project budgets agree with the project expenditure table" in set(english["title"])


def test_json_keeps_its_contract_with_messages_in_the_language_asked() -> None:
    audit = _audit()
    chinese = json.loads(CliRunner().invoke(main, ["check", JIANGXIA, "--format", "json"]).output)
    english = json.loads(
        CliRunner().invoke(main, ["check", JIANGXIA, "--format", "json", "--lang", "en"]).output
    )
    assert [f["message"] for f in chinese["findings"]] == [f.message for f in audit.found]
    assert [f["message"] for f in english["findings"]] == [f.message_in("en") for f in audit.found]
    assert ENGLISH in [f["message"] for f in english["findings"]]
    for finding in english["findings"]:
        assert {"rule", "severity", "message", "evidence"} <= set(finding)
        assert "message_id" in finding or finding["rule"] not in TRANSLATED
    assert [f.get("message_id") for f in english["findings"]] == [
        f.get("message_id") for f in chinese["findings"]
    ]
    assert chinese["not_checked"] == audit.not_checked
    assert english["not_checked"] == [note_in(n, "en") for n in audit.not_checked]
    assert english["not_checked"] != chinese["not_checked"]
    unchecked = audit.claims["unchecked"]
    assert [c["why"] for c in chinese["claims"]["unchecked"]] == [c["why"] for c in unchecked]
    english_why = [c["why"] for c in english["claims"]["unchecked"]]
    assert english_why == [note_in(c["why"], "en") for c in unchecked]
    assert "no figure of the tables corresponds" in english_why


def test_every_text_format_shows_the_english_message() -> None:
    for output in ("text", "markdown", "html", "sarif"):
        args = ["check", JIANGXIA, "--no-color", "--format", output]
        english = CliRunner().invoke(main, [*args, "--lang", "en"]).output
        chinese = CliRunner().invoke(main, args).output
        assert ENGLISH_PART in english and "a gap of 0.007 10k yuan" in english, output
        assert "列示 978.487 万元" not in english, output
        assert "列示 978.487 万元" in chinese and ENGLISH_PART not in chinese, output


def test_the_workbook_shows_the_english_message() -> None:
    book = findings_workbook([_audit()], "en")
    cells = {cell.value for row in book.worksheets[0].iter_rows() for cell in row}
    assert ENGLISH in cells and CHINESE not in cells


def test_the_terminal_heading_says_what_the_document_is_in_english() -> None:
    english = CliRunner().invoke(main, ["check", JIANGXIA, "--no-color", "--lang", "en"]).output
    chinese = CliRunner().invoke(main, ["check", JIANGXIA, "--no-color"]).output
    # the department's name is the document's own words; the kind is ours
    assert english.splitlines()[0].endswith(
        "武汉市江夏区城市运行管理中心  2026  department budget (wuhan)"
    )
    assert chinese.splitlines()[0].endswith("2026  部门预算（wuhan）")
