"""What a built wheel ships: setuptools' configuration against the source tree.

The configuration is read as setuptools reads it for a build (setup.py's package list
plus pyproject.toml's package-dir and package-data), without building; ``.ci/wheel-check``
builds and installs the real wheel. A package directory or data file that the
configuration leaves out (as budget_audit.claims once was) fails here.
"""

from __future__ import annotations

import fnmatch
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from setuptools.dist import Distribution

import budget_audit

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def distribution() -> Distribution:
    """setuptools' Distribution for this project, configured but not run."""
    from distutils.core import run_setup  # setuptools' own distutils, as setuptools is imported

    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)  # setup.py and pyproject.toml name paths relative to the project root
        configured = run_setup("setup.py", stop_after="config")
    assert isinstance(configured, Distribution)
    return configured


def _source_dirs() -> dict[str, Path]:
    """Every package the source tree holds, by dotted name: the directories of budget_audit/
    with any file in them, and the rule packs of rules/."""
    found = {"budget_audit.rule_packs": ROOT / "rules"}
    for directory in [ROOT / "budget_audit", *(ROOT / "budget_audit").rglob("*")]:
        relative = directory.relative_to(ROOT).parts
        if not directory.is_dir() or any(p == "__pycache__" or p.startswith(".") for p in relative):
            continue
        if any(p.is_file() for p in directory.iterdir()):
            found[".".join(relative)] = directory
    return found


def _files(directory: Path) -> list[Path]:
    return [p for p in directory.iterdir() if p.is_file() and p.suffix not in (".pyc", ".pyo")]


def test_every_package_directory_is_shipped(distribution: Distribution) -> None:
    packages = set(distribution.packages or [])
    source = _source_dirs()
    assert "budget_audit.claims" in source  # the package whose absence broke installs
    missing = sorted(set(source) - packages)
    assert not missing, f"setuptools would not ship these packages (see setup.py): {missing}"
    stale = sorted(packages - set(source))
    assert not stale, f"setuptools lists packages that have no directory: {stale}"


def test_the_rule_packs_come_from_rules(distribution: Distribution) -> None:
    package_dir = distribution.package_dir or {}
    assert package_dir.get("budget_audit.rule_packs") == "rules"


def test_every_data_file_is_shipped(distribution: Distribution) -> None:
    package_data: dict[str, list[str]] = distribution.package_data or {}
    source = _source_dirs()

    def shipped(file: Path, package: str) -> bool:
        # A pattern of the file's package or of a package above it, relative to that package.
        parts = package.split(".")
        for depth in range(len(parts), 0, -1):
            owner = ".".join(parts[:depth])
            if owner not in source or not file.is_relative_to(source[owner]):
                continue
            relative = file.relative_to(source[owner]).as_posix()
            patterns = [*package_data.get(owner, []), *package_data.get("", [])]
            if any(fnmatch.fnmatch(relative, pattern) for pattern in patterns):
                return True
        return False

    data_files = [
        (file, package)
        for package, directory in source.items()
        for file in _files(directory)
        if file.suffix != ".py"
    ]
    assert len(data_files) >= 9  # data/*.yaml and the seven rule packs at least
    left_out = sorted(
        file.relative_to(ROOT).as_posix()
        for file, package in data_files
        if not shipped(file, package)
    )
    assert not left_out, f"no package-data pattern ships these files: {left_out}"


def test_version_is_the_metadata_version() -> None:
    assert budget_audit.__version__ == version("budget-audit")
    printed = subprocess.run(
        [sys.executable, "-m", "budget_audit", "--version"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    assert printed == f"budget-audit, version {version('budget-audit')}\n"


def test_the_package_is_marked_typed_and_the_marker_is_shipped(distribution: Distribution) -> None:
    # PEP 561: without py.typed in the installed package, mypy users of the library get
    # "module is installed, but missing library stubs or py.typed marker".
    assert (ROOT / "budget_audit" / "py.typed").is_file()
    assert "py.typed" in (distribution.package_data or {}).get("budget_audit", [])
