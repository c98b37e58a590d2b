"""Check kinds: the Python behind the rules in ``rules/*.yaml``.

Importing this package registers every kind with the engine.
"""

from budget_audit.checks import (
    cross,
    forms,
    listings,
    narrative_amounts,
    narrative_changes,
    narrative_lists,
    overview,
    structure,
    summary,
    sums,
)

__all__ = [
    "cross",
    "forms",
    "listings",
    "narrative_amounts",
    "narrative_changes",
    "narrative_lists",
    "overview",
    "structure",
    "summary",
    "sums",
]
