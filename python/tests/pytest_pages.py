"""Shared helpers and fixtures: small pages written here (never benchmark pages) and WARCs built from them."""
from __future__ import annotations

import os
import pathlib
import shutil

import pytest

from lede.warc_writer import write_warc

ROOT = pathlib.Path(__file__).resolve().parents[2]


def page(n: int, paragraphs: int = 6) -> bytes:
    body = "".join(
        f"<p>Paragraph {i} of story {n}: the council met on Tuesday and agreed the budget for the coming year, "
        f"after a long debate about roads, schools and the library on Station Street.</p>" for i in range(paragraphs))
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Story {n} | The Town Paper</title>"
            f"</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Story {n}</h1>"
            f"<p class='byline'>By Ann Writer</p>{body}</article><footer>© The Town Paper</footer></body></html>"
            ).encode()


def pages(start: int, count: int):
    return [(f"https://town.example/news/{n}", page(n), "text/html; charset=utf-8") for n in range(start, start + count)]


@pytest.fixture
def small_warcs(tmp_path):
    """Three small WARCs (gzip, plain, gzip) of 4 + 3 + 5 pages."""
    paths = []
    for i, (start, count, suffix) in enumerate([(0, 4, ".warc.gz"), (10, 3, ".warc"), (20, 5, ".warc.gz")]):
        path = tmp_path / f"crawl-{i}{suffix}"
        with open(path, "wb") as out:
            write_warc(out, pages(start, count), "gzip" if suffix.endswith(".gz") else "none")
        paths.append(str(path))
    return paths


@pytest.fixture
def cli():
    path = os.environ.get("LEDE_CLI") or str(ROOT / "build" / "release" / "lede")
    if not os.path.exists(path):
        found = shutil.which("lede")
        if not found:
            pytest.skip("no lede CLI built (set LEDE_CLI)")
        path = found
    return path
