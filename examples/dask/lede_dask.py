"""Extract the articles of many WARC files on dask.distributed: one task a WARC path.

    python examples/dask/lede_dask.py warc.paths out.jsonl --scheduler tcp://scheduler:8786

Without --scheduler it starts a LocalCluster on this machine. Each worker needs the `lede` package
(pip install it there, or upload its wheel: see README). Output: JSON Lines as `lede extract` writes them.
"""
from __future__ import annotations

import argparse
import json
from typing import Dict, List


def extract_path(path: str) -> List[Dict]:
    """One task: every page of one WARC, as lede's documents."""
    import lede  # imported on the worker

    return list(lede.extract_warc(path, on_error=lambda message: print(f"lede: {path}: {message}")))


def extract_all(client, paths: List[str]) -> List[Dict]:
    """Every page of every WARC, in path order, computed on the cluster behind `client`."""
    futures = client.map(extract_path, paths, pure=False)
    return [document for documents in client.gather(futures) for document in documents]


def main() -> None:
    from dask.distributed import Client, LocalCluster

    parser = argparse.ArgumentParser(description="Extract articles from WARC files with lede on Dask")
    parser.add_argument("paths_file", help="a text file with one WARC path a line")
    parser.add_argument("output", help="the JSON Lines file to write")
    parser.add_argument("--scheduler", help="address of a running dask scheduler (default: a LocalCluster)")
    args = parser.parse_args()
    with open(args.paths_file) as f:
        paths = [line.strip() for line in f if line.strip()]
    client = Client(args.scheduler) if args.scheduler else Client(LocalCluster(processes=True))
    try:
        with open(args.output, "w", encoding="utf-8") as out:
            # as_completed would stream; gathering per batch keeps the driver's memory to one batch of WARCs.
            for start in range(0, len(paths), 64):
                for document in extract_all(client, paths[start:start + 64]):
                    out.write(json.dumps(document, ensure_ascii=False) + "\n")
    finally:
        client.close()


if __name__ == "__main__":
    main()
