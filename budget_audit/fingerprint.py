"""A finding's fingerprint: what it is about, not where it stands.

A reviewer who accepts a finding wants it to stay accepted when a paragraph is
added above it, so line numbers never enter. What does: the rule, each cited
figure's table, row (科目编码 and name), column and stated text, and the
subjects the message quotes (「…」), which tell apart narrative findings whose
evidence has no table. The same finding can occur twice (a sentence printed
twice is two claims); the second copy gets ``#2``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from budget_audit.findings import Finding
from budget_audit.numbers import normalise

_QUOTED = re.compile(r"「([^」]*)」")


def fingerprint_key(finding: Finding) -> str:
    """The text the fingerprint hashes (readable, for debugging a baseline)."""
    cited = sorted(
        "|".join([*(normalise(p or "") for p in (e.table, e.row, e.column)), _figure(e.value)])
        for e in finding.evidence
    )
    subjects = _QUOTED.findall(normalise(finding.message))
    return "\n".join([finding.rule, *cited, *subjects])


def _figure(text: str) -> str:
    """A stated figure as written, less the thousands separators a reprint may add or drop."""
    return normalise(text).replace(",", "")


def fingerprints(findings: list[Finding]) -> list[str]:
    """The fingerprint of each finding, in order; repeated findings are numbered ``#2`` …"""
    seen: Counter[str] = Counter()
    result = []
    for finding in findings:
        digest = hashlib.sha256(fingerprint_key(finding).encode("utf-8")).hexdigest()[:20]
        seen[digest] += 1
        result.append(digest if seen[digest] == 1 else f"{digest}#{seen[digest]}")
    return result
