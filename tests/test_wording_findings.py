"""Every error and warning the wording rules raise on the corpus, each checked by hand.

A new one, or a real one that stops being found, fails the test until it is
checked here with the text that makes it real.
"""

from __future__ import annotations

import pytest

from budget_audit.audit import audit_document
from budget_audit.engine import builtin_rules
from tests import test_corpus_findings, test_narrative_findings
from tests.conftest import DOCUMENTS, corpus_document

WORDING_RULES = [r for r in builtin_rules() if r.family == "wording"]

# BA802-BA804: no document has a placeholder of the XX, ××, 某某 kind, a title naming another
# kind than 部门预算 (each cover and part heading says 部门预算), or two punctuation marks in a
# row (grep '[，。、；：,;:][，。、；：,;:]' finds none). BA802 finds the blanks of another kind:
# targets with sign and unit but no figure, and the template's own instruction.
EXPECTED: dict[str, set[tuple[str, str, tuple[int, ...]]]] = {
    # 15 万件 (lines 212, 791, 850) and 8.2 万度 (628) are counts, not money. BA802: the 视频平台
    # form's 前年/上年 columns print 「≤万元」(521), 「≥个 ≥个」(530), 「≤次 ≤次」(543) where every
    # other form prints 无: one form, one finding.
    "hanyang-2025": {("BA802", "warning", (521, 530, 543))},
    "jiangxia-2026": {
        # "6、江夏区政务信息化综合运维服务 272 万云，": 万云 for 万元 (项目支出表 line 393: 272.00)
        ("BA801", "warning", (1447,)),
        # BA806: the 名词解释 defines (一) and (二) as 区级财政 money (1483, 1485) and (三)
        # 国有资本经营预算财政拨款收入 as 市级财政 (1487); the department is 武汉市江夏区….
        ("BA806", "warning", (1483, 1487)),
    },
    "qiaokou-2025": set(),  # "印刷费 0.94万，" abbreviates 万元: not a misspelt unit
    # (十三)/(七) 其他专用名词 is followed by the template's instruction「根据本部门使用的其他专用
    # 名词补充解释。」instead of any term.
    "qingshan-2026": {("BA802", "warning", (639,))},
    "qingshan-bigdata-2024": {("BA802", "warning", (2039,))},
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_wording_errors_and_warnings_are_the_real_ones(name: str) -> None:
    found = audit_document(corpus_document(name), WORDING_RULES).found
    reported = {
        (f.rule, f.severity, tuple(sorted({e.line for e in f.evidence})))
        for f in found
        if f.severity != "info"
    }
    assert reported == EXPECTED[name]


def test_a_misspelt_unit_is_still_read_as_an_amount() -> None:
    document = corpus_document("jiangxia-2026")
    audit_document(document, [r for r in builtin_rules() if r.id == "BA701"])
    [claim] = [c for c in document.claims.amounts if c.value.line == 1447]
    assert (claim.subject, str(claim.value.amount), claim.value.unit) == (
        "江夏区政务信息化综合运维服务",
        "272",
        "万元",
    )
    assert claim.status == "verified"  # 项目支出表 line 393: 272.00


def test_every_family_is_pinned_on_the_corpus() -> None:
    pinned = {r.family for r in test_corpus_findings.TABLE_RULES}
    pinned |= {r.family for r in test_narrative_findings.NARRATIVE_RULES}
    pinned |= {r.family for r in WORDING_RULES}
    assert {r.family for r in builtin_rules()} == pinned


def test_words_written_twice_are_noted() -> None:
    # Each checked against its line: 「技术服务服务合同」 (jiangxia 1023 and 1043, the same
    # contract named twice), 「视频会议系统系统故障」 (1057), 「聚焦聚焦」 (qiaokou 1369),
    # 「派遣人员人员劳务费」 (1786). Info only: the figures are not affected.
    rule = [r for r in WORDING_RULES if r.id == "BA805"]
    found = {
        name: [(f.line, f.severity) for f in audit_document(corpus_document(name), rule).found]
        for name in DOCUMENTS
    }
    assert found == {
        "hanyang-2025": [],
        "jiangxia-2026": [(1023, "info"), (1043, "info"), (1057, "info")],
        "qiaokou-2025": [(1369, "info"), (1786, "info")],
        "qingshan-2026": [],
        "qingshan-bigdata-2024": [],
    }


def test_a_departments_level_is_read_from_the_places_at_the_head_of_its_name() -> None:
    from budget_audit.checks.levels import department_level

    assert department_level("武汉市江夏区城市运行管理中心") == "区"  # not the 市 of 城市
    assert department_level("江苏省人民检察院") == "省"
    assert department_level("上海市普陀区商务委员会") == "区"
    assert department_level("市场监督管理局") is None  # no place at its head
