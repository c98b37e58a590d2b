"""Auditing many files: in worker processes, results in input order, one bad file not stopping others.

Parsing and checking are pure Python and CPU-bound, so files go to processes,
not threads. Each file's outcome is its :class:`Audit` (:func:`audit_files`)
or its :class:`AuditRecord` (:func:`record_files`, what the reports need and no
parsed document), or the one-line message of why it could not be read.

The workers are forked once per batch and given the rules once, when they
start; a task is a path, and a result comes back without its rules (the
parent puts its own back), so neither way carries the rule pack per file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar, cast

from budget_audit.audit import Audit, audit_document
from budget_audit.document import load
from budget_audit.engine import Rule
from budget_audit.errors import InputError, NotADisclosure
from budget_audit.record import BARE, AuditRecord, Keep
from budget_audit.sources.pdf import PdfSettings


class Skipped(str):
    """The message of a file that was read but is no disclosure (:class:`NotADisclosure`): a
    str like any unreadable file's message, so that callers that only tell audits from
    failures go on working, and one that audits a folder can skip it instead."""


Outcome = Audit | str
RecordOutcome = AuditRecord | str
_Result = TypeVar("_Result", Audit, AuditRecord)


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


def record_file(
    path: Path,
    rules: list[Rule],
    attach: tuple[Path, ...] = (),
    pdf: PdfSettings | None = None,
    keep: Keep = BARE,
) -> RecordOutcome:
    """:func:`audit_file`, and of the audit only what the reports need (see ``keep``)."""
    outcome = audit_file(path, rules, attach, pdf)
    return outcome.record(keep) if isinstance(outcome, Audit) else outcome


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
    each PDF may cost. Every audit keeps its parsed document: for a large folder,
    :func:`record_files` holds far less."""
    work = partial(audit_file, rules=rules, attach=attach, pdf=pdf)
    return list(_in_order(files, work, tuple(rules), jobs, done))


def record_files(
    files: list[Path],
    rules: list[Rule],
    jobs: int = 1,
    done: Callable[[Path], None] | None = None,
    attach: tuple[Path, ...] = (),
    pdf: PdfSettings | None = None,
    keep: Keep = BARE,
) -> Iterator[RecordOutcome]:
    """Each file's record (or message), yielded in the order of ``files`` as soon as it and
    every file before it are done; ``done`` is called as each file finishes, in any order.

    Only records travel back from the workers, and only the records of files done
    before an unfinished one wait here, so memory does not grow with the documents."""
    work = partial(record_file, rules=rules, attach=attach, pdf=pdf, keep=keep)
    return _in_order(files, work, tuple(rules), jobs, done)


@dataclass(frozen=True)
class _Work:
    """What a worker does with a path: set once per worker process, not sent with each file."""

    run: Callable[[Path], Audit | AuditRecord | str]


_worker: _Work | None = None


def _start_worker(work: _Work) -> None:
    global _worker
    _worker = work


def _in_worker(path: Path) -> Audit | AuditRecord | str:
    assert _worker is not None, "a worker runs only after _start_worker"
    outcome = _worker.run(path)
    if not isinstance(outcome, str):
        outcome.rules = ()  # the parent has them: not pickled back with every file
    return outcome


def _in_order(
    files: list[Path],
    work: Callable[[Path], _Result | str],
    rules: tuple[Rule, ...],
    jobs: int,
    done: Callable[[Path], None] | None,
) -> Iterator[_Result | str]:
    """``work`` on each file, in ``jobs`` processes when there are several, yielded in order."""
    workers = max(1, min(jobs, len(files)))
    if workers == 1:
        for file in files:
            outcome = work(file)
            if done is not None:
                done(file)
            yield outcome
        return
    # Imported for a pool only: it loads multiprocessing, 40 ms of a one-file run's cold start.
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(_Work(work),)) as pool:
        try:
            futures = {pool.submit(_in_worker, file): i for i, file in enumerate(files)}
            ready: dict[int, Audit | AuditRecord | str] = {}  # finished, a file before unfinished
            following = 0  # the first file not yet yielded
            for future in as_completed(futures):
                index = futures.pop(future)
                ready[index] = future.result()
                if done is not None:
                    done(files[index])
                while following in ready:
                    result = ready.pop(following)
                    if not isinstance(result, str):
                        result.rules = rules
                    yield cast("_Result | str", result)
                    following += 1
        finally:  # the consumer stopped early or a file failed: no more files are started
            pool.shutdown(cancel_futures=True)
