"""Auditing many files: in worker processes, results in input order, one bad file not stopping others.

Parsing and checking are pure Python and CPU-bound, so files go to processes,
not threads. Each file's outcome is its :class:`Audit` or the one-line message
of why it could not be read.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from pathlib import Path

from budget_audit.audit import Audit, audit_document
from budget_audit.document import load
from budget_audit.engine import Rule
from budget_audit.errors import InputError, NotADisclosure
from budget_audit.sources.pdf import PdfSettings


class Skipped(str):
    """The message of a file that was read but is no disclosure (:class:`NotADisclosure`): a
    str like any unreadable file's message, so that callers that only tell audits from
    failures go on working, and one that audits a folder can skip it instead."""


Outcome = Audit | str


def default_jobs() -> int:
    """One process per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def audit_file(
    path: Path, rules: list[Rule], attach: tuple[Path, ...] = (), pdf: PdfSettings | None = None
) -> Outcome:
    """Load and audit one file (with the files published beside it); an unreadable file gives
    its message instead. ``pdf`` bounds what a PDF may cost."""
    try:
        return audit_document(load(path, attach, pdf), rules, path=str(path))
    except NotADisclosure as error:
        return Skipped(error)
    except InputError as error:
        return str(error)


def audit_files(
    files: list[Path],
    rules: list[Rule],
    jobs: int = 1,
    done: Callable[[Path], None] | None = None,
    attach: tuple[Path, ...] = (),
    pdf: PdfSettings | None = None,
) -> list[Outcome]:
    """Each file's outcome, in the order of ``files``; ``done`` is called as each one finishes.

    ``attach`` goes with a single file: the files published beside it. ``pdf`` bounds what
    each PDF may cost."""
    workers = max(1, min(jobs, len(files)))
    if workers == 1:
        outcomes = []
        for file in files:
            outcomes.append(audit_file(file, rules, attach, pdf))
            if done is not None:
                done(file)
        return outcomes
    # Imported for a pool only: it loads multiprocessing, 40 ms of a one-file run's cold start.
    from concurrent.futures import ProcessPoolExecutor, as_completed

    results: dict[int, Outcome] = {}
    # This process only unpickles and keeps results, which makes no garbage cycles; with the
    # cyclic collector on, each of its passes re-scanned every audit kept so far (53 ms of CPU
    # a file at 200 files, 8 ms without), most of this process's time in a large batch. The
    # workers, forked from it, switch the collector back on: parsing makes cycles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=gc.enable) as pool:
            futures = {
                pool.submit(audit_file, file, rules, (), pdf): i for i, file in enumerate(files)
            }
            for future in as_completed(futures):
                index = futures[future]
                results[index] = future.result()
                if done is not None:
                    done(files[index])
    finally:
        if collecting:
            gc.enable()
    return [results[index] for index in range(len(files))]
