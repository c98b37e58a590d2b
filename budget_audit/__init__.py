"""budget-audit: read a department budget disclosure (部门预算公开) into exact, traceable facts.

>>> import budget_audit as ba
>>> d = ba.load("../shared/corpus/jiangxia-2026.txt")  # doctest: +SKIP
>>> d.table("支出总表")                                   # doctest: +SKIP
"""

from importlib.metadata import PackageNotFoundError, version

from budget_audit.audit import Audit, Audits, audit
from budget_audit.document import Document, load, parse
from budget_audit.errors import InputError

try:
    # The one source of the version is pyproject.toml, read from the installed metadata.
    __version__ = version("budget-audit")
except PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["Audit", "Audits", "Document", "InputError", "__version__", "audit", "load", "parse"]
