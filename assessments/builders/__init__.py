"""Pure functions from the selectors' plain data to what a page shows: no queries, no request, testable alone."""
