"""Pure functions from the selectors' plain data to report content, Plotly figures, API bodies and CSV:
no database, testable alone."""
