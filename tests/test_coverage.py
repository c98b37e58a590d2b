"""Coverage: every number in the table part is read, or listed with its line."""

from budget_audit import Document


def test_at_least_99_percent_of_table_numbers_are_read(any_document: Document) -> None:
    coverage = any_document.coverage
    assert coverage.ratio >= 0.99, coverage.summary()
    assert coverage.numbers == coverage.facts + coverage.identifiers + coverage.in_text + len(
        coverage.not_understood
    )


def test_every_fact_cites_a_line_holding_its_raw_text(any_document: Document) -> None:
    from budget_audit.numbers import normalise

    for fact in any_document.all_facts:
        line = normalise(any_document.source.line(fact.location.line))
        assert line[fact.location.start or 0 :].startswith(fact.raw), (fact.location, fact.raw)
