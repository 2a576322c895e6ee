"""lede.extract_warc(): pages in archive order, the same documents as extract(), bad records reported."""
from __future__ import annotations

import gzip
import json
import subprocess

import lede
from pytest_pages import pages
from lede.warc_writer import response_record, write_warc


def test_extract_warc_matches_extract(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    source = pages(0, 5)
    with open(path, "wb") as out:
        write_warc(out, source)
    docs = list(lede.extract_warc(str(path)))
    assert [d["warc_target_uri"] for d in docs] == [uri for uri, _, _ in source]
    for doc, (uri, html, content_type) in zip(docs, source):
        single = lede.extract(html, url=uri, content_type=content_type, reference_date="2024-05-01")
        assert {k: v for k, v in doc.items() if not k.startswith("warc_")} == single
        assert doc["warc_date"] == "2024-05-01T12:00:00Z"
        assert doc["warc_record_id"].startswith("<urn:uuid:")


def test_extract_warc_reports_a_truncated_record_and_goes_on(tmp_path):
    path = tmp_path / "broken.warc"
    good = [response_record(uri, html, ct) for uri, html, ct in pages(0, 2)]
    cut = response_record("https://town.example/cut", b"<html><body><p>cut", "text/html")
    path.write_bytes(good[0] + b"garbage line\r\n" + good[1] + cut[: len(cut) // 2])
    errors = []
    docs = list(lede.extract_warc(str(path), on_error=errors.append))
    assert len(docs) == 2
    assert len(errors) == 2
    assert errors[0].startswith("corrupt") and errors[1].startswith("truncated")


def test_extract_warc_equals_cli_jsonl(tmp_path, cli):
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as out:
        write_warc(out, pages(0, 6))
    output = tmp_path / "pages.jsonl.gz"
    subprocess.run([cli, "extract", str(path), "--output", str(output), "--threads", "2"], check=True,
                   capture_output=True)
    with gzip.open(output, "rt", encoding="utf-8") as lines:
        from_cli = [json.loads(line) for line in lines]
    assert list(lede.extract_warc(str(path))) == from_cli
