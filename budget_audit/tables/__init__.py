"""Reading the budget tables: recognising each block and turning its rows into facts."""
