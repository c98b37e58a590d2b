"""``python -m budget_audit``: the same command line as ``budget-audit``."""

from budget_audit.cli import main

if __name__ == "__main__":
    main(prog_name="budget-audit")
