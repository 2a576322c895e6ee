"""Writes small WARC/1.1 files of HTML responses: for tests, examples and benchmarks.

Not a general WARC library: it writes `response` records (and an optional `warcinfo`) only, uncompressed,
gzip one member a record (as crawlers write them) or one zstd frame a record when `zstandard` is present.
"""
from __future__ import annotations

import gzip
import uuid
from typing import BinaryIO, Iterable, Optional, Tuple

Page = Tuple[str, bytes, str]  # (target URI, HTML bytes, HTTP Content-Type)


def _record(headers: dict, block: bytes) -> bytes:
    head = "WARC/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    head += f"Content-Length: {len(block)}\r\n\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


def response_record(uri: str, html: bytes, content_type: str = "text/html; charset=utf-8",
                    date: str = "2024-05-01T12:00:00Z", record_id: Optional[str] = None) -> bytes:
    """One `response` record holding an HTTP 200 message with `html` as its body."""
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(html)}\r\n\r\n").encode() + html
    return _record({
        "WARC-Type": "response",
        "WARC-Target-URI": uri,
        "WARC-Date": date,
        "WARC-Record-ID": record_id or f"<urn:uuid:{uuid.uuid4()}>",
        "Content-Type": "application/http; msgtype=response",
    }, http)


def warcinfo_record() -> bytes:
    return _record({"WARC-Type": "warcinfo", "WARC-Date": "2024-05-01T12:00:00Z",
                    "WARC-Record-ID": f"<urn:uuid:{uuid.uuid4()}>",
                    "Content-Type": "application/warc-fields"}, b"software: lede warc_writer\r\n")


def write_warc(out: BinaryIO, pages: Iterable[Page], compression: str = "gzip") -> int:
    """Writes one record a page to `out` ("none", "gzip" or "zstd"); returns how many were written."""
    def emit(record: bytes) -> None:
        if compression == "gzip":
            out.write(gzip.compress(record, compresslevel=6, mtime=0))
        elif compression == "zstd":
            import zstandard  # optional: only for .warc.zst
            out.write(zstandard.ZstdCompressor(level=3).compress(record))
        else:
            out.write(record)

    emit(warcinfo_record())
    count = 0
    for i, (uri, html, content_type) in enumerate(pages):
        emit(response_record(uri, html, content_type, record_id=f"<urn:uuid:{uuid.UUID(int=i + 1)}>"))
        count += 1
    return count


def main() -> None:
    """python -m lede.warc_writer OUT.warc.gz DIR [--repeat N]: a WARC of DIR's *.html pages."""
    import argparse
    import pathlib

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("output")
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    compression = "gzip" if args.output.endswith(".gz") else "zstd" if args.output.endswith(".zst") else "none"
    files = sorted(p for d in args.dirs for p in pathlib.Path(d).glob("*.html"))

    def pages():
        for r in range(args.repeat):
            for p in files:
                yield (f"https://example.org/{r}/{p.parent.name}/{p.name}", p.read_bytes(), "text/html")

    with open(args.output, "wb") as out:
        n = write_warc(out, pages(), compression)
    print(f"{args.output}: {n} pages")


if __name__ == "__main__":
    main()
