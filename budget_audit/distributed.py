"""Auditing more disclosures than one machine gets through: Dask maps the files, pandas gathers.

``budget-audit check DIR --jobs N`` uses the cores of one machine. A province's
or a country's disclosures (tens of thousands of PDFs a year) need a cluster,
and a cluster needs a scheduler that already exists, so this module adds none:
:func:`audit_bag` gives each path to ``dask.bag`` and says only what a path
turns into, its findings as rows (the columns of ``Audit.findings``), so the
workers send back small tables rather than parsed documents. With a
``dask.distributed`` client open, the bag runs on its cluster; without one, on
this machine's processes; ``scheduler="synchronous"`` runs it in this process.

Dask is an optional extra: ``pip install "budget-audit[dask]"`` (with pyarrow,
for the Parquet output).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from budget_audit.audit import audit_document, rules_from
from budget_audit.config import Settings
from budget_audit.document import load
from budget_audit.engine import Rule
from budget_audit.errors import InputError

if TYPE_CHECKING:
    import pandas as pd


def audit_bag(
    paths: Iterable[str | Path],
    config: Settings | str | Path | None = None,
    parquet: str | Path | None = None,
    npartitions: int | None = None,
    scheduler: str | None = None,
) -> pd.DataFrame:
    """The findings of every file in ``paths``, one row each, in the order of ``paths``.

    The columns are ``path`` (as given), those of ``Audit.findings`` (``line``
    a nullable integer here), and ``error``: a file that cannot be read is one
    row with its message there and no rule, so one damaged PDF does not stop a
    run of thousands. ``config`` selects the rules as :func:`budget_audit.audit`
    does; ``parquet`` also writes the table to that file; ``npartitions`` and
    ``scheduler`` go to Dask (by default, at most 100 partitions and Dask's own
    scheduler, which is a ``dask.distributed`` client's when one is open).
    """
    import dask.bag as db
    import pandas as pd

    from budget_audit.reports.frame import COLUMNS, findings_frame

    names = [str(path) for path in paths]
    partitions = npartitions or max(1, min(len(names), 100))
    bag = db.from_sequence(names, npartitions=partitions)  # type: ignore[no-untyped-call]
    parts: list[pd.DataFrame] = bag.map(findings_of, rules=rules_from(config)).compute(
        scheduler=scheduler
    )
    frame = pd.concat([findings_frame([]), *parts], ignore_index=True)
    frame = frame.reindex(columns=["path", *COLUMNS, "error"])
    frame = frame.astype({"path": "string", "line": "Int64", "error": "string"})
    if parquet is not None:
        frame.to_parquet(parquet, index=False)
    return frame


def findings_of(path: str, rules: list[Rule]) -> pd.DataFrame:
    """One file's findings as rows; a file that cannot be read, one row with its message."""
    import pandas as pd

    from budget_audit.reports.frame import findings_frame

    try:
        frame = findings_frame([audit_document(load(path), rules, path=path)])
    except InputError as error:
        return pd.DataFrame({"path": [path], "error": [str(error)]})
    frame.insert(0, "path", path)
    return frame
