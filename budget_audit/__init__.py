"""budget-audit: read a department budget disclosure (部门预算公开) into exact, traceable facts.

>>> import budget_audit as ba
>>> d = ba.load("../shared/corpus/jiangxia-2026.txt")  # doctest: +SKIP
>>> d.table("支出总表")                                   # doctest: +SKIP
"""

from budget_audit.audit import Audit, audit
from budget_audit.document import Document, load, parse
from budget_audit.errors import InputError

__all__ = ["Audit", "Document", "InputError", "audit", "load", "parse"]
