"""Claims: the typed statements the narrative makes (amounts, shares, changes, item lists, counts)."""
