"""Reports of audits, one module per format: terminal, markdown, HTML, XLSX, SARIF, JSON, DataFrame.

Every format takes a list of audits, each an :class:`~budget_audit.audit.Audit` or
the :class:`~budget_audit.record.AuditRecord` a folder's worker sends back (what
the reports need, without the parsed document), and shows each finding with its
evidence: where (``file:line``, the page when the source has
pages), the text of the cited lines, and the cited numbers.
"""
