#!/usr/bin/env python3
"""The benchmark's report: one Markdown table from what bench/run left in its output folder, and the README
section between the bench markers. Reads results only; it never runs an extractor or a scorer.

usage: report.py OUT_DIR --sets SET... [--baselines NAME...] [--header TEXT]   prints the table
       report.py --readme README.md --section FILE                              rewrites the marked section

OUT_DIR holds lede/<set>.json (`lede bench --json`), score/<tool>-<set>.json (`score --json`) and
speed/<name>-<set>.txt (a baseline's last stderr line, `pages=N seconds=S`).
"""
import argparse
import json
import re
import sys
from pathlib import Path

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"

LABELS = {
    "trafilatura": "trafilatura",
    "resiliparse": "Resiliparse",
    "readability-js": "Readability.js (jsdom)",
    "readability-js-linkedom": "Readability.js (linkedom)",
    "readability-lxml": "readability-lxml",
}


def load_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def baseline_speed(path):
    """pages/s from the harness's `pages=N seconds=S` line, or None."""
    try:
        fields = dict(re.findall(r"(\w+)=([0-9.]+)", path.read_text()))
        pages, seconds = float(fields["pages"]), float(fields["seconds"])
    except (OSError, KeyError, ValueError):
        return None
    return pages / seconds if seconds > 0 else None


def f1s(score):
    if not score or "shingle" not in score:
        return None
    return score["shingle"], score["bow"]


def rate(value):
    return "n/a" if value is None else f"{value:.0f}"


def table(out, sets, baselines, header):
    columns = ["set", "pages", "shingle F1 (P/R)", "bow F1", "pages/s", "MB/s", "peak RSS (over input)"]
    for name in baselines:
        label = LABELS.get(name, name)
        columns += [f"{label} F1 / bow · pages/s", f"lede ÷ {label}"]
    align = ["---", "---:"] + ["---:"] * (len(columns) - 2)
    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join(align) + "|"]
    for set_name in sets:
        run = load_json(out / "lede" / f"{set_name}.json")
        timing = run["sets"][0] if run and run.get("sets") else None
        score = f1s(load_json(out / "score" / f"lede-{set_name}.json"))
        pages = timing["pages"] if timing else "n/a"
        lede_rate = timing["pages_per_second"] if timing else None
        row = [set_name, str(pages)]
        if score:
            shingle, bow = score
            row += [f"{shingle['f1']:.3f} ({shingle['precision']:.3f}/{shingle['recall']:.3f})", f"{bow['f1']:.3f}"]
        else:
            row += ["n/a", "n/a"]
        if timing:
            memory = f"{timing['peak_rss_mb']:.0f} MB" if timing.get("peak_rss_mb") is not None else "n/a"
            if timing.get("peak_over_input_mb") is not None:
                memory += f" (+{timing['peak_over_input_mb']:.0f})"
            row += [rate(lede_rate), f"{timing['mb_per_second']:.1f}", memory]
        else:
            row += ["n/a", "n/a", "n/a"]
        for name in baselines:
            other = f1s(load_json(out / "score" / f"{name}-{set_name}.json"))
            other_rate = baseline_speed(out / "speed" / f"{name}-{set_name}.txt")
            quality = f"{other[0]['f1']:.3f} / {other[1]['f1']:.3f}" if other else "n/a"
            row.append(f"{quality} · {rate(other_rate)}/s")
            row.append(f"{lede_rate / other_rate:.1f}×" if lede_rate and other_rate else "n/a")
        lines.append("| " + " | ".join(row) + " |")
    notes = [
        "Speed is one thread: lede's decode, parse, extract and JSON rendering per page (`lede bench`, pages "
        "already in memory); each baseline's extraction calls as its wrapper times them. "
        "Peak RSS is `lede bench`'s ru_maxrss for the set, which includes the set's pages held in memory; "
        "(+N) is how far it rose above that. F1 is the shingle metric of `../shared/bench/score`.",
    ]
    if baselines:
        notes.append("lede ÷ X is lede's pages/s divided by X's pages/s, both measured in this run.")
    parts = ([header, ""] if header else []) + lines + [""] + notes
    return "\n".join(parts) + "\n"


def rewrite_readme(readme, section):
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    begin, end = text.find(BEGIN), text.find(END)
    if begin < 0 or end < begin:
        return False
    body = section.read_text(encoding="utf-8").strip("\n")
    readme.write_text(text[:begin + len(BEGIN)] + "\n" + body + "\n" + text[end:], encoding="utf-8")
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("--sets", nargs="*", default=[])
    ap.add_argument("--baselines", nargs="*", default=[])
    ap.add_argument("--header", default="")
    ap.add_argument("--readme", type=Path)
    ap.add_argument("--section", type=Path)
    args = ap.parse_args()
    if args.readme:
        sys.exit(0 if rewrite_readme(args.readme, args.section) else 1)
    if not args.out:
        ap.error("give OUT_DIR, or --readme with --section")
    sys.stdout.write(table(args.out, args.sets, [b for b in args.baselines if b], args.header))


if __name__ == "__main__":
    main()
