"""Fixtures for the Spark and Dask examples' tests: small WARCs built here from pages written here."""
from __future__ import annotations

import pytest

from lede.warc_writer import write_warc


def page(n: int) -> bytes:
    body = "".join(f"<p>Paragraph {i} of report {n}: the river rose overnight and the bridge on Mill Lane stayed "
                   f"closed while engineers checked its piers.</p>" for i in range(5))
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Report {n}</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>Report {n}</h1>{body}</article></body></html>").encode()


@pytest.fixture
def small_warcs(tmp_path):
    """Three WARCs (two gzip, one plain) of 4, 3 and 5 pages."""
    paths = []
    for i, (start, count, suffix) in enumerate([(0, 4, ".warc.gz"), (10, 3, ".warc"), (20, 5, ".warc.gz")]):
        path = tmp_path / f"crawl-{i}{suffix}"
        pages = [(f"https://river.example/{n}", page(n), "text/html; charset=utf-8") for n in range(start, start + count)]
        with open(path, "wb") as out:
            write_warc(out, pages, "gzip" if suffix.endswith(".gz") else "none")
        paths.append(str(path))
    return paths


def single_process(paths):
    """The reference: every page of every WARC, extracted in this process, in order."""
    import lede
    return [doc for path in paths for doc in lede.extract_warc(path)]
