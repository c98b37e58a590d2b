"""How fast budget-audit is on this machine, against the targets of issue 12, in one command.

    python benchmarks/bench.py [--shared ../shared] [--quick] [--json build/bench.json]

Measures (1) the floors: reading each text of ``shared/corpus`` and finding every
number with one regular expression, and extracting each PDF's text of
``shared/corpus-pdf`` with pypdfium2; (2) the in-process ``ba.audit`` of each of
those documents, median and max over rounds, and its ratio to the floor; (3) a
cold ``budget-audit check FILE --format json`` of the largest text and the
largest PDF, as whole processes; (4) a batch of 1,000 texts and one of 100 PDFs
(copies in a temporary folder) with ``--jobs 2``; (5) each batch's peak memory;
(6) a text made 10x longer (``benchmarks/longer.py``) against the original;
(7) what a worker sends back per document: the pickled record of a folder audit
against the pickled audit with its parsed document.

Timings are wall-clock medians (the targets are wall times); CPU time is recorded
beside them because this machine is shared and its load, recorded too, inflates
wall times. Measured here, never asserted in the tests. ``--quick`` is a smoke
run: fewer rounds, a batch of 20 texts and 4 PDFs (the batch targets scaled to
the count), so its figures are not the ones the targets are judged on.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pickle
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import psutil
import pypdfium2 as pdfium  # type: ignore[import-untyped]
from longer import lengthened

import budget_audit as ba
from budget_audit.config import Settings, selected_rules
from budget_audit.runner import audit_file

ROOT = Path(__file__).resolve().parents[1]
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
JOBS = 2


@dataclass(frozen=True)
class Plan:
    """How much to measure: the full run, or the --quick smoke run."""

    floor_rounds: int
    text_rounds: int
    pdf_rounds: int
    cli_rounds: int
    batch_texts: int
    batch_pdfs: int


FULL = Plan(
    floor_rounds=30, text_rounds=9, pdf_rounds=3, cli_rounds=7, batch_texts=1000, batch_pdfs=100
)
QUICK = Plan(
    floor_rounds=5, text_rounds=2, pdf_rounds=1, cli_rounds=2, batch_texts=20, batch_pdfs=4
)


def timed(work: Callable[[], object], rounds: int) -> dict[str, float]:
    """Median and max wall time of ``rounds`` runs, and the median CPU time, in ms."""
    walls, cpus = [], []
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return {
        "median_ms": statistics.median(walls) * 1000,
        "max_ms": max(walls) * 1000,
        "cpu_median_ms": statistics.median(cpus) * 1000,
    }


def text_floor(path: Path) -> int:
    """Read the file and find every number: what any reader of it must at least do."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    return len(NUMBER.findall(text))


def pdf_floor(path: Path) -> int:
    """Every page's text through pypdfium2 (PDFium's own text extraction, no layout)."""
    pdf = pdfium.PdfDocument(path)
    try:
        characters = 0
        for page in pdf:
            textpage = page.get_textpage()
            characters += len(textpage.get_text_range())
            textpage.close()
            page.close()
        return characters
    finally:
        pdf.close()


def per_document(
    files: list[Path], floor_rounds: int, rounds: int, floor: Callable[[Path], object]
) -> dict[str, Any]:
    """Floor and audit figures of each file; the audit rounds interleave the files, so that a
    burst of load on the shared machine falls on all of them rather than on one."""
    ba.audit(files[0])  # the first audit loads the vocabularies and rules once per process
    results = {f.name: {"floor": timed(partial(floor, f), floor_rounds)} for f in files}
    runs: dict[str, list[dict[str, float]]] = {f.name: [] for f in files}
    for _ in range(rounds):
        for file in files:
            runs[file.name].append(timed(partial(ba.audit, file), 1))
    for name, measured in runs.items():
        walls = [m["median_ms"] for m in measured]
        audit = {
            "median_ms": statistics.median(walls),
            "max_ms": max(walls),
            "cpu_median_ms": statistics.median(m["cpu_median_ms"] for m in measured),
        }
        audit["ratio_to_floor"] = audit["median_ms"] / results[name]["floor"]["median_ms"]
        results[name]["audit"] = audit
    return results


def command() -> list[str]:
    """The installed ``budget-audit`` beside this Python, else ``python -m budget_audit``."""
    script = Path(sys.executable).with_name("budget-audit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "budget_audit"]


# The processes measured may write and read Python's bytecode cache, as an installed copy has
# one (pip compiles it): a shell that sets PYTHONDONTWRITEBYTECODE would otherwise make each
# cold start compile every module again, a third of its time.
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(arguments: list[str], sample_memory: bool = False) -> dict[str, float]:
    """One process run: wall and CPU seconds of it and its children and, when asked, the peak
    of the memory its process tree holds (PSS summed: each shared page counted once)."""
    started, before = time.perf_counter(), os.times()
    process = psutil.Popen(
        arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENVIRONMENT
    )
    peak = 0.0
    while process.poll() is None:
        if sample_memory:
            peak = max(peak, _tree_pss(process))
        time.sleep(0.05)
    wall = time.perf_counter() - started
    after = os.times()
    if process.returncode not in (0, 1):
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(arguments)} failed ({process.returncode}): {error}")
    cpu = (
        after.children_user - before.children_user + after.children_system - before.children_system
    )
    return {"seconds": wall, "cpu_seconds": cpu, "peak_mb": peak / 2**20}


def _tree_pss(process: psutil.Process) -> float:
    total = 0.0
    for member in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):  # it ended between listing and reading
            total += member.memory_full_info().pss
    return total


def cold_cli(file: Path, rounds: int) -> dict[str, Any]:
    """Whole ``budget-audit check FILE --format json`` processes, after one untimed run (which
    brings the files into the page cache, as a user's second run finds them)."""
    arguments = [*command(), "check", str(file), "--format", "json"]
    run(arguments)
    runs = [run(arguments) for _ in range(rounds)]
    walls = [r["seconds"] * 1000 for r in runs]
    return {
        "file": file.name,
        "median_ms": statistics.median(walls),
        "max_ms": max(walls),
        "cpu_median_ms": statistics.median(r["cpu_seconds"] * 1000 for r in runs),
    }


def batch(sources: list[Path], count: int, folder: Path) -> dict[str, Any]:
    """``count`` copies of the sources (in turn) audited as one folder with ``--jobs 2``."""
    folder.mkdir()
    for index in range(count):
        source = sources[index % len(sources)]
        shutil.copyfile(source, folder / f"{index:05d}-{source.name}")
    measured = run(
        [
            *command(),
            "check",
            str(folder),
            "--jobs",
            str(JOBS),
            "--format",
            "json",
            "-o",
            os.devnull,
        ],
        sample_memory=True,
    )
    return {"documents": count, **measured, "documents_per_second": count / measured["seconds"]}


def scaling(original: Path, factor: int, rounds: int, folder: Path) -> dict[str, Any]:
    """The audit of ``original`` against the same document made ``factor`` times longer."""
    text = original.read_text("utf-8")
    long_file = folder / f"x{factor}-{original.name}"
    long_file.write_text(lengthened(text, factor), "utf-8")
    ba.audit(long_file)
    short = timed(lambda: ba.audit(original), rounds)
    long = timed(lambda: ba.audit(long_file), rounds)
    lines = len(long_file.read_text("utf-8").splitlines()) / len(text.splitlines())
    return {
        "file": original.name,
        "line_ratio": lines,
        "original_ms": short["median_ms"],
        "longer_ms": long["median_ms"],
        "time_ratio": long["median_ms"] / short["median_ms"],
        "cpu_time_ratio": long["cpu_median_ms"] / short["cpu_median_ms"],
    }


def record_sizes(files: list[Path]) -> dict[str, dict[str, int]]:
    """Bytes pickled per document: the record a folder audit's worker sends back, and the whole
    audit (its parsed document with it) that workers sent before; neither with the rules."""
    rules = selected_rules(Settings())
    sizes = {}
    for file in files:
        audit = audit_file(file, rules)
        assert not isinstance(audit, str), audit
        audit.rules = ()
        sizes[file.name] = {
            "record_bytes": len(pickle.dumps(audit.record())),
            "audit_bytes": len(pickle.dumps(audit)),
        }
    return sizes


def targets(results: dict[str, Any], plan: Plan) -> list[dict[str, Any]]:
    """Each target of issue 12 with the figure it is judged on and whether it was met."""
    texts, pdfs = results["text"], results["pdf"]
    checks: list[tuple[str, float, float, str]] = [
        (
            "text audit, worst median per document",
            max(d["audit"]["median_ms"] for d in texts.values()),
            25,
            "ms",
        ),
        (
            "text audit, worst ratio to its floor",
            max(d["audit"]["ratio_to_floor"] for d in texts.values()),
            40,
            "x",
        ),
        (
            "PDF audit, worst median per document",
            max(d["audit"]["median_ms"] for d in pdfs.values()) / 1000,
            1,
            "s",
        ),
        ("cold CLI, largest text", results["cold_cli"]["text"]["median_ms"] / 1000, 0.35, "s"),
        (
            f"{plan.batch_texts} texts, --jobs {JOBS}",
            results["batch"]["text"]["seconds"],
            20 * plan.batch_texts / 1000,
            "s",
        ),
        (
            f"{plan.batch_pdfs} PDFs, --jobs {JOBS}",
            results["batch"]["pdf"]["seconds"],
            60 * plan.batch_pdfs / 100,
            "s",
        ),
        ("peak memory of the text batch", results["batch"]["text"]["peak_mb"], 250, "MB"),
        ("peak memory of the PDF batch", results["batch"]["pdf"]["peak_mb"], 250, "MB"),
        ("10x document, time ratio", results["scaling"]["time_ratio"], 12, "x"),
    ]
    return [
        {
            "target": name,
            "value": round(value, 3),
            "limit": limit,
            "unit": unit,
            "met": value <= limit,
        }
        for name, value, limit, unit in checks
    ]


def print_table(results: dict[str, Any]) -> None:
    print(
        f"{'document':46} {'floor ms':>9} {'median ms':>10} {'max ms':>9} {'cpu ms':>8} {'x floor':>8}"
    )
    for kind in ("text", "pdf"):
        for name, d in results[kind].items():
            a = d["audit"]
            print(
                f"{name:46} {d['floor']['median_ms']:9.2f} {a['median_ms']:10.1f} {a['max_ms']:9.1f} {a['cpu_median_ms']:8.1f} {a['ratio_to_floor']:8.0f}"
            )
    cli = results["cold_cli"]
    print(f"\nbare python start: {cli['bare_python_ms']:.0f} ms")
    for kind in ("text", "pdf"):
        c = cli[kind]
        print(
            f"cold CLI {c['file']:38} median {c['median_ms']:7.0f} ms  max {c['max_ms']:7.0f} ms  cpu {c['cpu_median_ms']:7.0f} ms"
        )
    for kind, b in results["batch"].items():
        print(
            f"batch of {b['documents']:5} {kind:5}: {b['seconds']:6.1f} s ({b['documents_per_second']:.1f}/s, cpu {b['cpu_seconds']:.1f} s), peak {b['peak_mb']:.0f} MB"
        )
    for name, size in results["record_sizes"].items():
        print(
            f"{name:46} record {size['record_bytes'] / 1024:6.0f} KB, whole audit {size['audit_bytes'] / 1024:6.0f} KB"
        )
    s = results["scaling"]
    print(
        f"{s['line_ratio']:.1f}x the lines of {s['file']}: {s['original_ms']:.0f} -> {s['longer_ms']:.0f} ms, {s['time_ratio']:.1f}x the time (cpu {s['cpu_time_ratio']:.1f}x)"
    )
    print(
        f"\nload average {results['machine']['load_before']} before, {results['machine']['load_after']} after\n"
    )
    for t in results["targets"]:
        print(
            f"{'met ' if t['met'] else 'MISS'} {t['target']:42} {t['value']:>10} {t['unit']:2} (<= {t['limit']:g})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--quick", action="store_true", help="a smoke run: few rounds, small batches"
    )
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "bench.json")
    arguments = parser.parse_args()
    plan = QUICK if arguments.quick else FULL
    texts = sorted((arguments.shared / "corpus").glob("*.txt"))
    pdfs = sorted((arguments.shared / "corpus-pdf").glob("*.pdf"))
    results: dict[str, Any] = {
        "machine": {
            "cores": os.cpu_count(),
            "python": sys.version.split()[0],
            "budget_audit": ba.__version__,
            "load_before": [round(x, 2) for x in os.getloadavg()],
            "quick": arguments.quick,
        }
    }
    results["text"] = per_document(texts, plan.floor_rounds, plan.text_rounds, text_floor)
    results["pdf"] = per_document(pdfs, plan.floor_rounds // 5, plan.pdf_rounds, pdf_floor)
    results["cold_cli"] = {
        "bare_python_ms": statistics.median(
            run([sys.executable, "-c", "pass"])["seconds"] * 1000 for _ in range(plan.cli_rounds)
        ),
        "text": cold_cli(max(texts, key=lambda p: p.stat().st_size), plan.cli_rounds),
        "pdf": cold_cli(max(pdfs, key=lambda p: p.stat().st_size), plan.cli_rounds),
    }
    with tempfile.TemporaryDirectory(prefix="budget-audit-bench-") as scratch:
        folder = Path(scratch)
        results["batch"] = {
            "text": batch(texts, plan.batch_texts, folder / "texts"),
            "pdf": batch(pdfs, plan.batch_pdfs, folder / "pdfs"),
        }
        results["scaling"] = scaling(
            arguments.shared / "corpus" / "qingshan-2026.txt", 10, plan.text_rounds, folder
        )
    results["record_sizes"] = record_sizes(texts + pdfs)
    results["machine"]["load_after"] = [round(x, 2) for x in os.getloadavg()]
    results["targets"] = targets(results, plan)
    arguments.json.parent.mkdir(parents=True, exist_ok=True)
    arguments.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print_table(results)
    print(f"\nwritten to {arguments.json}")


if __name__ == "__main__":
    main()
