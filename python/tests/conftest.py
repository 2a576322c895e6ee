"""Fixtures for the package's tests (helpers live in pytest_pages.py: a conftest is not importable by name
when python/tests and examples/ run in one pytest session)."""
from pytest_pages import cli, small_warcs  # noqa: F401
