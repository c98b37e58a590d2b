"""The words reports put around findings, in Chinese (default) or English.

With ``lang="en"`` a report gives the rule titles (``title_en`` in the rule
files) and its own labels in English; the messages are rendered from their
catalogue (``Finding.message_in``, budget_audit/messages.py).
"""

from __future__ import annotations

from budget_audit.engine import Rule
from budget_audit.findings import Finding
from budget_audit.layout import DocumentKind
from budget_audit.messages import Term

LANGS = ("zh", "en")

_LABELS: dict[str, tuple[str, str]] = {
    "error": ("错误", "errors"),
    "warning": ("警告", "warnings"),
    "info": ("提示", "info"),
    "document": ("文件", "document"),
    "department": ("部门", "department"),
    "year": ("年度", "year"),
    "severity": ("级别", "severity"),
    "rule": ("规则", "rule"),
    "title": ("规则名称", "rule title"),
    "message": ("说明", "message"),
    "where": ("位置", "where"),
    "page": ("页", "page"),
    "line": ("行", "line"),
    "lines": ("引用行", "lines"),
    "table": ("表", "table"),
    "row": ("行项目", "row"),
    "column": ("列", "column"),
    "stated": ("列示数", "stated"),
    "expected": ("应为", "expected"),
    "difference": ("差额", "difference"),
    "value": ("数字", "value"),
    "text": ("原文", "text"),
    "evidence": ("依据", "evidence"),
    "fingerprint": ("指纹", "fingerprint"),
    "findings": ("问题", "findings"),
    "summary": ("汇总", "summary"),
    "no_findings": ("未发现问题", "no findings"),
    "hidden": ("条已在基线中接受，未显示", "hidden by the baseline"),
    "hidden_column": ("基线隐藏", "hidden"),
    "not_checked": ("未核对", "not checked"),
    "claims": ("情况说明陈述", "narrative claims"),
    "verified": ("已核实", "verified"),
    "contradicted": ("有矛盾", "contradicted"),
    "not_checkable": ("无法核对", "not checkable"),
    "coverage": ("读取覆盖", "coverage"),
    "map": ("文档结构", "document map"),
    "source": ("原文", "document text"),
    "tables": ("表格", "tables"),
    "kind": ("表类", "kind"),
    "unit": ("单位", "unit"),
    "rows": ("行数", "rows"),
    "facts": ("数字", "facts"),
    "sheet": ("工作表", "sheet"),
    "show_info": ("加 --show-info 显示", "--show-info shows them"),
    "printed": ("原件中所引单元格", "the cited cells as printed"),
    "unreadable": ("无法读取", "could not be read"),
    "same_cell": ("同一数字另致不符", "the same figure also fails"),
    "概况": ("概况", "overview"),
    "预算表": ("预算表", "tables"),
    "情况说明": ("情况说明", "narrative"),
    "名词解释": ("名词解释", "glossary"),
}


def label(key: str, lang: str) -> str:
    """The label ``key`` in ``lang`` (the key itself when there is none)."""
    pair = _LABELS.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]


def kind_name(kind: DocumentKind, lang: str) -> str:
    """What the document is (部门预算（wuhan）), in English as "department budget (wuhan)"."""
    if lang != "en":
        return str(kind)
    words = " ".join(Term(word).render(lang) for word in (kind.scope, kind.stage) if word)
    words = words or "not recognised"
    return f"{words} ({kind.template})" if kind.template else words


def rule_title(finding: Finding, rules: tuple[Rule, ...], lang: str) -> str:
    """The finding's rule title in ``lang`` (the Chinese title when the rule has no English one)."""
    if lang == "en":
        rule = next((r for r in rules if r.id == finding.rule), None)
        if rule is not None and rule.title_en:
            return rule.title_en
    return finding.title
