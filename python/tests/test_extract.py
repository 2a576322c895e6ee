"""lede.extract(): the same document as the CLI, options, errors, and threads that run in parallel."""
from __future__ import annotations

import json
import subprocess
import threading
import time

import pytest

import lede
from pytest_pages import page


def test_extract_equals_cli_json(tmp_path, cli):
    html = page(7)
    path = tmp_path / "story.html"
    path.write_bytes(html)
    url = "https://town.example/news/7"
    out = subprocess.run([cli, "extract", "-f", "json", "--url", url, str(path)], check=True, capture_output=True)
    assert lede.extract(html, url=url) == json.loads(out.stdout)


def test_extract_str_and_options():
    doc = lede.extract(page(1).decode(), url="https://town.example/news/1")
    assert doc["title"] == "Story 1"
    assert doc["schema"] == "lede/1"
    assert "Paragraph 0 of story 1" in doc["text"]
    assert "Home" not in doc["text"]
    assert doc["url"] == "https://town.example/news/1"
    bare = lede.extract(page(1), include_metadata=False)
    assert bare["text"] == doc["text"]
    with pytest.raises(TypeError):
        lede.extract(page(1), no_such_option=True)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_extract_as_equals_cli(tmp_path, cli, fmt):
    html = page(7)
    path = tmp_path / "story.html"
    path.write_bytes(html)
    url = "https://town.example/news/7"
    out = subprocess.run([cli, "extract", "-f", fmt, "--url", url, "--links", str(path)], check=True,
                         capture_output=True)
    assert lede.extract_as(html, fmt, url=url, links=True) == out.stdout.decode()


def test_extract_as_html_and_errors():
    out = lede.extract_as(page(1), "html")
    assert out.startswith("<!DOCTYPE html>")
    assert "<h1>Story 1</h1>" in out
    with pytest.raises(ValueError):
        lede.extract_as(page(1), "pdf")
    with pytest.raises(lede.ExtractError):
        lede.extract_as(b"   ", "html")


def test_extract_error_is_a_value_error():
    with pytest.raises(lede.ExtractError) as error:
        lede.extract(b"   ")
    assert error.value.code == "empty_input"
    with pytest.raises(lede.ExtractError) as error:
        lede.extract(page(1), max_input_bytes=100)
    assert error.value.code == "too_large"


def test_two_threads_extract_in_parallel():
    """The GIL is released while extracting: two threads should do close to twice the work of one.
    The timing is printed, not asserted (CI machines are shared); the results must match."""
    pages = [page(n, paragraphs=400) for n in range(60)]
    expected = [lede.extract(p) for p in pages]

    start = time.perf_counter()
    for p in pages:
        lede.extract(p)
    one = time.perf_counter() - start

    results = [None] * len(pages)

    def work(offset):
        for i in range(offset, len(pages), 2):
            results[i] = lede.extract(pages[i])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(2)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    two = time.perf_counter() - start
    print(f"\nlede.extract: 1 thread {one:.3f} s, 2 threads {two:.3f} s, speed-up {one / two:.2f}x")
    assert results == expected
