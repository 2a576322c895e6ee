#!/usr/bin/env python3
"""bench/meta_score.py: the metadata benchmark of issue 3 — lede's JSON predictions against the ground truth
of the development sets, with the issue's metrics and bars.

usage: bench/meta_score.py [--lede PATH] [--pred DIR] [--data DIR] [--threads N] [--per-page FILE] [SET...]
  --lede PATH    run PATH as `lede extract DIR --format json --output PRED/SET --threads N` first
  --pred DIR     predictions folder, one sub-folder a set holding <id>.json (default build-meta/meta-pred)
  --data DIR     the unpacked development sets (default: what ../shared/bench/unpack prints)
  --per-page F   write one CSV row a page and field (set, id, field, gold, predicted, ok, lede's source) for
                 finding losses
  SET            sets to score (default: fundus readability wcxb-dev newspaper4k)

Metrics (exact match after Unicode NFKC, casefold, punctuation folded to spaces and white space collapsed;
authors as a set of names, a labelled byline string split into names the same way lede splits them, or
matched whole when lede gives one name):
  fundus       title; authors as a set of names; publishing_date as the calendar day (YYYY-MM-DD as written)
  readability  title, byline (as a set of names, against lede's authors), excerpt (against lede's lead),
               site_name
  wcxb-dev     author (as a set of names); publish_date as the calendar day on labelled pages; and
               "invented": the share of pages with an empty publish_date label where lede gives a date
  every set    language: the primary subtag of lede's language equals `lang` on pages where
               lang_source == "given"
A field is scored on the pages whose label is not empty; `silent` is the share of pages with an empty label
where lede's field is empty too.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import time
import unicodedata

DEFAULT_SETS = ["fundus", "readability", "wcxb-dev", "newspaper4k"]

# Bars of issue 3: (set, field) -> minimum score; ("wcxb-dev", "invented") is a maximum.
BARS = {
    ("fundus", "title"): 0.95,
    ("fundus", "authors"): 0.85,
    ("fundus", "date"): 0.97,
    ("readability", "title"): 0.95,
    ("readability", "byline"): 0.80,
    ("wcxb-dev", "date"): 0.90,
    ("wcxb-dev", "invented"): 0.02,
    ("all", "language"): 0.97,
}


def norm(s):
    """NFKC, casefold, every punctuation character a space, white space collapsed."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).casefold()
    s = "".join(" " if unicodedata.category(c).startswith("P") else c for c in s)
    return " ".join(s.split())


_JOIN = re.compile(r"\s*(?:[,;|&/\n]|\band\b|\bund\b|\bet\b|\by\b|\bи\b|\bта\b)\s*", re.IGNORECASE)
_LEAD_IN = re.compile(r"^(?:written by|posted by|by|von|par|por|di|door|av|автор|авторы|автори|author|authors)\b\s*:?\s*",
                      re.IGNORECASE)


_LINK = re.compile(r"\(?\s*(?:https?://|www\.)\S*\s*\)?", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b",
                   re.IGNORECASE)


def names(value):
    """A set of normalized names: a list of names as given, or one byline string split into names at commas,
    semicolons, slashes, ampersands, line breaks and "and" in a few languages, each without a leading
    "By" / "Von" / "Par" / "Автор:" (the issue's authors carry no "By"). A byline string's links and its
    parts that hold a year or a "Month day" date are not names (labels copied from a page carry "By Jane Doe\n March 25, 2015"
    or "Jane Doe (http://example.org/jane)"); they are left out of the string's names."""
    if value is None:
        return frozenset()
    if isinstance(value, list):
        parts = value
    else:
        text = _LINK.sub(" ", str(value))
        parts = [_LEAD_IN.sub("", p.strip()) for p in _JOIN.split(text) if not _YEAR.search(p)]
    return frozenset(n for n in (norm(p) for p in parts) if n)


def same_authors(predicted, gold):
    """Authors as a set of names; a byline string that is one predicted name whole also matches (a gold
    "Center for Drug Evaluation and Research" is one name, not two)."""
    if names(predicted) == names(gold):
        return True
    if isinstance(gold, str) and len(predicted) == 1:
        return norm(predicted[0]) == norm(_LEAD_IN.sub("", gold.strip()))
    return False


def day(value):
    """The calendar day of an ISO-like date string, as written (no time zone conversion)."""
    if not value:
        return ""
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    return "-".join(m.groups()) if m else ""


def primary(tag):
    return str(tag or "").strip().lower().replace("_", "-").split("-")[0]


class Tally:
    def __init__(self):
        self.hit = 0
        self.labelled = 0
        self.silent = 0
        self.unlabelled = 0

    def add(self, labelled, ok, predicted_empty):
        if labelled:
            self.labelled += 1
            self.hit += ok
        else:
            self.unlabelled += 1
            self.silent += predicted_empty

    def score(self):
        return self.hit / self.labelled if self.labelled else float("nan")


def unpack_dir():
    here = os.path.dirname(os.path.abspath(__file__))
    unpack = os.path.join(here, "..", "..", "shared", "bench", "unpack")
    return subprocess.run([unpack], check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]


def run_lede(lede, data, pred, sets, threads):
    for name in sets:
        out = os.path.join(pred, name)
        os.makedirs(out, exist_ok=True)
        start = time.monotonic()
        subprocess.run([lede, "extract", os.path.join(data, name), "--format", "json", "--output", out,
                        "--threads", str(threads)], check=False, stderr=subprocess.DEVNULL)
        print(f"# ran lede over {name} in {time.monotonic() - start:.1f} s", file=sys.stderr)


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def score_set(name, data, pred, tallies, rows):
    folder = os.path.join(data, name)
    for file in sorted(os.listdir(folder)):
        if not file.endswith(".json") or file.startswith("_"):
            continue
        gold = load(os.path.join(folder, file))
        if "id" not in gold:
            continue
        p = load(os.path.join(pred, name, gold["id"] + ".json"))

        sources = p.get("sources", {})

        def check(field, labelled, ok, predicted_empty, g, got):
            tallies.setdefault((name, field), Tally()).add(labelled, ok, predicted_empty)
            source = sources.get({"byline": "authors", "author": "authors", "date": "published", "excerpt": "lead"}
                                 .get(field, field), "")
            rows.append((name, gold["id"], field, g, got, int(bool(ok)) if labelled else "", source))

        title = p.get("title", "")
        authors = p.get("authors", [])
        published = p.get("published", "")
        if name == "fundus":
            check("title", bool(norm(gold.get("title"))), norm(title) == norm(gold.get("title")), not norm(title),
                  gold.get("title"), title)
            g = names(gold.get("authors") or [])
            check("authors", bool(g), names(authors) == g, not authors, "; ".join(gold.get("authors") or []),
                  "; ".join(authors))
            g = day(gold.get("publishing_date"))
            check("date", bool(g), day(published) == g, not published, g, published)
        elif name == "readability":
            check("title", bool(norm(gold.get("title"))), norm(title) == norm(gold.get("title")), not norm(title),
                  gold.get("title"), title)
            g = names(gold.get("byline"))
            check("byline", bool(g), same_authors(authors, gold.get("byline")), not authors, gold.get("byline"),
                  "; ".join(authors))
            lead = p.get("lead", "")
            check("excerpt", bool(norm(gold.get("excerpt"))), norm(lead) == norm(gold.get("excerpt")), not lead,
                  gold.get("excerpt"), lead)
            site = p.get("site_name", "")
            check("site_name", bool(norm(gold.get("site_name"))), norm(site) == norm(gold.get("site_name")),
                  not site, gold.get("site_name"), site)
        elif name == "wcxb-dev":
            g = names(gold.get("author"))
            check("author", bool(g), same_authors(authors, gold.get("author")), not authors, gold.get("author"),
                  "; ".join(authors))
            g = day(gold.get("publish_date"))
            check("date", bool(g), day(published) == g, not published, g, published)
            if not g:
                tallies.setdefault((name, "invented"), Tally()).add(True, bool(published), not published)
                rows.append((name, gold["id"], "invented", "", published, int(bool(published)),
                             sources.get("published", "")))
        if gold.get("lang_source") == "given" and gold.get("lang"):
            got = p.get("language", "")
            ok = primary(got) == primary(gold["lang"])
            for key in ((name, "language"), ("all", "language")):
                tallies.setdefault(key, Tally()).add(True, ok, not got)
            rows.append((name, gold["id"], "language", gold["lang"], got, int(ok), sources.get("language", "")))


def main():
    ap = argparse.ArgumentParser(add_help=True, description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="*", default=DEFAULT_SETS)
    ap.add_argument("--lede")
    ap.add_argument("--pred", default="build-meta/meta-pred")
    ap.add_argument("--data")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--per-page")
    args = ap.parse_args()
    data = args.data or unpack_dir()
    if args.lede:
        run_lede(args.lede, data, args.pred, args.sets, args.threads)
    tallies, rows = {}, []
    for name in args.sets:
        score_set(name, data, args.pred, tallies, rows)
    print("| set | field | score | pages | bar | silent on unlabelled |")
    print("|---|---|---:|---:|---|---:|")
    missed = 0
    for (name, field), t in tallies.items():
        bar = BARS.get((name, field))
        s = t.score()
        bar_text = ""
        if bar is not None:
            ok = s <= bar if field == "invented" else s >= bar
            missed += not ok
            bar_text = f"{'≤' if field == 'invented' else '≥'} {bar:.2f} {'ok' if ok else 'MISSED'}"
        silent = f"{t.silent / t.unlabelled:.3f} of {t.unlabelled}" if t.unlabelled else ""
        print(f"| {name} | {field} | {s:.3f} | {t.labelled} | {bar_text} | {silent} |")
    if args.per_page:
        with open(args.per_page, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["set", "id", "field", "gold", "predicted", "ok", "source"])
            w.writerows(rows)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
