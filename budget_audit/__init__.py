"""budget-audit: read a department budget disclosure (部门预算公开) into exact, traceable facts.

>>> import budget_audit as ba
>>> d = ba.load("../shared/corpus/jiangxia-2026.txt")  # doctest: +SKIP
>>> d.table("支出总表")                                   # doctest: +SKIP
"""

from budget_audit.audit import Audit, Audits, audit
from budget_audit.document import Document, load, parse
from budget_audit.errors import InputError


def __getattr__(name: str) -> str:
    """``__version__``, read when asked for: importlib.metadata costs a cold start 40 ms."""
    if name != "__version__":
        raise AttributeError(f"module 'budget_audit' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        # The one source of the version is pyproject.toml, read from the installed metadata.
        return version("budget-audit")
    except PackageNotFoundError:  # imported from a source tree that was never installed
        return "0+unknown"


__all__ = ["Audit", "Audits", "Document", "InputError", "__version__", "audit", "load", "parse"]
