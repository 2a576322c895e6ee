"""lede: the article in a web page — its text, parts and metadata, without the page around it.

A thin shell over the C++ library's one call: `extract()` gives the same JSON document as
`lede extract --format json`, as a dict; `extract_as()` the text, Markdown or HTML that
`lede extract --format text|markdown|html` writes; `extract_warc()` walks the HTML pages of a WARC archive.
All release the GIL while they work, so threads extract in parallel. Schema: docs/json-schema.md.
"""
from __future__ import annotations

import json
import warnings
from typing import Any, Callable, Dict, Iterator, Optional, Union

from . import _lede

__all__ = ["extract", "extract_as", "extract_warc", "ExtractError", "__version__"]
__version__: str = _lede.version()

_DEFAULTS: Dict[str, Any] = {
    "charset": "",
    "reference_date": "",
    "include_comments": False,
    "include_links": True,
    "include_images": True,
    "include_metadata": True,
    "max_input_bytes": 64 << 20,
    "max_nodes": 2_000_000,
    "max_depth": 512,
    "max_milliseconds": 2000,
}


class ExtractError(ValueError):
    """A page that cannot be read: `code` is lede's status name ("empty_input", "too_large", ...)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code


def _options(url: Optional[str], content_type: Optional[str], options: Dict[str, Any]) -> Any:
    unknown = set(options) - set(_DEFAULTS)
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}; known: {', '.join(_DEFAULTS)}")
    merged = {**_DEFAULTS, **{k: v for k, v in options.items() if v is not None}}
    return _lede.options(url=url or "", content_type=content_type or "", **merged)


def extract(html: Union[bytes, str], url: Optional[str] = None, content_type: Optional[str] = None,
            **options: Any) -> Dict[str, Any]:
    """The article in one page, as the dict of lede's JSON document.

    html: the page's raw bytes (decoded as a browser would), or text already decoded (read as UTF-8).
    url: the page's URL, for absolute links and images. content_type: the HTTP Content-Type header.
    options: charset, reference_date, include_comments, include_links, include_images, include_metadata,
    max_input_bytes, max_nodes, max_depth, max_milliseconds (see include/lede/options.h).
    Raises ExtractError for a page that cannot be read (e.g. empty input).
    """
    if isinstance(html, str):
        html = html.encode("utf-8")
        options.setdefault("charset", "utf-8")
    code, text = _lede.extract_json(html, _options(url, content_type, options))
    if code != "ok":
        raise ExtractError(code, text)
    return json.loads(text)


_FORMATS = ("text", "markdown", "html")


def extract_as(html: Union[bytes, str], format: str = "text", url: Optional[str] = None,
               content_type: Optional[str] = None, links: bool = False, images: bool = False,
               metadata: bool = False, **options: Any) -> str:
    """The article in one page as `lede extract --format FORMAT` writes it: "text", "markdown" (the title
    as a "#" heading) or "html" (a document with one <article>, safe to show: text escaped, no markup of
    the page). links / images: keep them (Markdown and HTML; HTML only for http(s) addresses). metadata:
    Markdown's front matter, text's "Key: value" header. Other options as for extract().
    Raises ExtractError for a page that cannot be read, ValueError for an unknown format.
    """
    if format not in _FORMATS:
        raise ValueError(f"format must be one of {', '.join(_FORMATS)}, not {format!r}")
    if isinstance(html, str):
        html = html.encode("utf-8")
        options.setdefault("charset", "utf-8")
    code, text = _lede.extract_rendered(html, _options(url, content_type, options), format, links, images, metadata)
    if code != "ok":
        raise ExtractError(code, text)
    return text


def extract_warc(path: str, on_error: Optional[Callable[[str], None]] = None,
                 **options: Any) -> Iterator[Dict[str, Any]]:
    """The HTML pages of a WARC archive (.warc, .warc.gz, .warc.zst), in archive order, one dict each.

    Each dict is extract()'s document plus "warc_target_uri", "warc_date" and "warc_record_id".
    Records that are not HTML responses are skipped. A corrupt or truncated record, or a page that cannot
    be extracted, is passed to on_error as a message (default: a warning) and the walk goes on.
    """
    report = on_error or (lambda message: warnings.warn(f"lede: {path}: {message}", RuntimeWarning, stacklevel=3))
    pages = _lede.WarcPages(path, _options(None, None, options))
    while True:
        kind, text, uri, date, record_id = pages.next()
        if kind == "end":
            return
        if kind != "page":
            report(text if kind == "error" else f"{uri} {record_id}: {text}")
            continue
        document = json.loads(text)
        document["warc_target_uri"] = uri
        document["warc_date"] = date
        document["warc_record_id"] = record_id
        yield document
