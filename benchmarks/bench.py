"""Throughput of parse + audit over a folder of disclosures (default: ../shared/corpus/).

    python benchmarks/bench.py [FOLDER] [--rounds N]

Prints per-document time and documents per second, so a reviewer can tell how
long a folder of hundreds of documents takes. Measured, not asserted: timing
belongs here, not in the tests.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from budget_audit import parse
from budget_audit.audit import audit_document
from budget_audit.engine import builtin_rules
from budget_audit.source import read_source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "folder", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpus")
    )
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()
    files = sorted(Path(arguments.folder).glob("*.txt"))
    rules = builtin_rules()
    sources = [read_source(file) for file in files]
    per_document: dict[str, list[float]] = {source.name: [] for source in sources}
    started = time.perf_counter()
    for _ in range(arguments.rounds):
        for source in sources:
            begin = time.perf_counter()
            audit_document(parse(source), rules)
            per_document[source.name].append(time.perf_counter() - begin)
    elapsed = time.perf_counter() - started
    for name, times in per_document.items():
        print(
            f"{name:32} median {statistics.median(times) * 1000:7.1f} ms   max {max(times) * 1000:7.1f} ms"
        )
    count = len(sources) * arguments.rounds
    print(
        f"{count} audits in {elapsed:.2f} s: {count / elapsed:.1f} documents/s (parse + all {len(rules)} rules)"
    )


if __name__ == "__main__":
    main()
