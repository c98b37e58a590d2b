"""The package list for setuptools; everything else is in ``pyproject.toml``.

``[tool.setuptools.packages.find]`` alone cannot describe this project: it searches
directories and ignores ``package-dir``, so it never finds ``budget_audit.rule_packs``,
which lives in ``rules/`` (setuptools issue 5145). So the list is computed here:
every ``budget_audit`` package on disk, found afresh at each build (a new subpackage
needs no edit; ``data/`` is a namespace package holding only YAML), plus the rule packs.
``tests/test_packaging.py`` checks the result against the directories on disk.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages(
            include=["budget_audit", "budget_audit.*"], exclude=["*__pycache__*"]
        ),
        "budget_audit.rule_packs",
    ]
)
