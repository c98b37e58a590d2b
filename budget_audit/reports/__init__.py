"""Reports of audits, one module per format: terminal, markdown, HTML, XLSX, SARIF, JSON, DataFrame.

Every format takes a list of :class:`~budget_audit.audit.Audit` and shows each
finding with its evidence: where (``file:line``, the page when the source has
pages), the text of the cited lines, and the cited numbers.
"""
