"""Audit a folder of disclosures with Dask and keep the findings as one Parquet file.

    pip install "budget-audit[dask]"
    python examples/dask_audit.py ../shared/corpus findings.parquet
    python examples/dask_audit.py ../shared/corpus findings.parquet --scheduler tcp://scheduler:8786

By default the files are shared among this machine's processes; with the
address of a ``dask.distributed`` scheduler they run on its cluster (every
worker needs budget-audit installed and the files at the same paths, for
example on a shared file system); ``--scheduler synchronous`` runs them here,
one after another. budget_audit adds no scheduler of its
own: ``audit_bag`` maps each path to its findings, Dask does the rest.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from budget_audit.distributed import audit_bag
from budget_audit.inputs import supported_files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("parquet", type=Path)
    parser.add_argument(
        "--scheduler",
        default="processes",
        help="a local Dask scheduler (processes, threads, synchronous) or a scheduler's address",
    )
    arguments = parser.parse_args()
    paths = supported_files(arguments.folder)
    if "://" in arguments.scheduler:
        from dask.distributed import Client

        with Client(arguments.scheduler):
            frame = audit_bag(paths, parquet=arguments.parquet)
    else:
        frame = audit_bag(paths, parquet=arguments.parquet, scheduler=arguments.scheduler)
    found = frame[frame["error"].isna()]
    print(f"{len(paths)} files, {len(found)} findings -> {arguments.parquet}")
    print(found.groupby("severity").size().to_string())
    for path, message in frame.loc[frame["error"].notna(), ["path", "error"]].itertuples(
        index=False
    ):
        print(f"not read: {path}: {message}")


if __name__ == "__main__":
    main()
