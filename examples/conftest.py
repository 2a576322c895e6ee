"""Fixtures for the Spark and Dask examples' tests (helpers live in example_warcs.py)."""
from example_warcs import small_warcs  # noqa: F401
