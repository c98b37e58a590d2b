# %% [markdown]
# # budget-audit in a notebook
#
# Load a disclosure, look at what was read, audit it, and take the findings
# further as a DataFrame or as a report file. Run it as a script
# (`python examples/walkthrough.py`) or cell by cell in an editor that knows `# %%`.

# %%
from pathlib import Path

import budget_audit as ba

HERE = Path(__file__).resolve().parent if "__file__" in globals() else Path("examples")
document = ba.load(HERE / "sample-2026.txt")
print(repr(document))  # one line; in Jupyter the document shows as an HTML summary

# %% What was read: tables by kind, one fact per number, the narrative's claims
print(document.table("一般公共预算基本支出表")[["code", "name", "合计", "公用经费", "line"]])
print(document.coverage.summary())

# %% Audit: every built-in rule (a pyproject.toml is read only when passed as config=)
result = ba.audit(document)
print(repr(result))
findings = result.findings  # one row per finding; money stays Decimal
print(findings[["rule", "severity", "line", "stated", "expected", "difference"]])

# %% Filter like any DataFrame: the errors about the 一般公共预算基本支出表 (表 2)
table6 = findings[findings["table"] == "一般公共预算基本支出表"]
print(table6[["rule", "row", "column", "message"]].to_string())

# %% Auditing the same document again gives the same result, and leaves the first one as it was
assert ba.audit(document).findings.equals(findings)

# %% Reports: the same findings for a browser, an issue, a review tool
out = Path("walkthrough-output")
out.mkdir(exist_ok=True)
(out / "sample-2026.html").write_text(result.to_html(), "utf-8")
(out / "sample-2026.md").write_text(result.to_markdown(), "utf-8")
(out / "sample-2026.sarif").write_text(result.to_sarif(), "utf-8")
print(sorted(p.name for p in out.iterdir()))
