"""Check kinds: the Python behind the rules in ``rules/*.yaml``.

:data:`KINDS` is the explicit list of the built-in kinds the engine offers to
rule files; a kind that is not listed here (or in an installed rule pack)
cannot be named by a rule.
"""

from budget_audit.checks import (
    cross,
    document_kind,
    form_text,
    forms,
    listings,
    narrative_amounts,
    narrative_changes,
    narrative_lists,
    numbering,
    overview,
    plan_years,
    reasons,
    structure,
    summary,
    sums,
    wording,
)
from budget_audit.rule import CheckKind

KINDS: tuple[CheckKind, ...] = (
    sums.hierarchy_sum,
    sums.row_identity,
    summary.summary_items,
    summary.summary_balance,
    cross.same_figure,
    cross.same_by_code,
    cross.code_pair,
    cross.not_less_than,
    forms.overall_funding,
    forms.overall_vs_tables,
    forms.project_budgets,
    forms.calculation_lines,
    forms.calculation_total,
    listings.listing_totals,
    listings.listing_rows,
    narrative_amounts.claim_amounts,
    narrative_amounts.claim_shares,
    narrative_amounts.subject_names,
    narrative_amounts.claim_year,
    narrative_changes.change_percent,
    narrative_changes.change_direction,
    narrative_changes.change_prior_year,
    narrative_lists.claim_lists,
    narrative_lists.claim_counts,
    overview.staffing,
    structure.promised_tables,
    structure.empty_table_with_figures,
    structure.unit_magnitude,
    wording.unit_typos,
    wording.placeholders,
    wording.doubled_punctuation,
    document_kind.document_kind,
    numbering.numbers_agree,
    numbering.numbers_continuous,
    form_text.copied_text,
    plan_years.plan_years,
    plan_years.project_years,
    reasons.change_reasons,
)

__all__ = ["KINDS"]
