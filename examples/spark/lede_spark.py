"""Extract the articles of many WARC files on Spark: the Common Crawl pattern.

A text file lists WARC paths (local, or any path every executor can open: a shared file system, or a
fetch step of your own); Spark spreads the paths over partitions and each partition runs lede over its
WARCs with mapPartitions, one process a core. Output: JSON Lines, one document a page (lede's JSON schema
plus warc_target_uri, warc_date, warc_record_id).

    spark-submit examples/spark/lede_spark.py warc.paths out/ --partitions 64

Each executor needs the `lede` package (pip install it there, or ship its wheel: see README).
"""
from __future__ import annotations

import argparse
import json
from typing import Iterable, Iterator


def extract_partition(paths: Iterable[str]) -> Iterator[str]:
    """mapPartitions body: every page of every WARC in the partition, as one JSON line each."""
    import lede  # imported on the executor

    for path in paths:
        path = path.strip()
        if not path:
            continue
        for document in lede.extract_warc(path, on_error=lambda message, p=path: print(f"lede: {p}: {message}")):
            yield json.dumps(document, ensure_ascii=False)


def extract_rdd(spark, paths, partitions: int):
    """An RDD of JSON lines from a list of WARC paths."""
    return spark.sparkContext.parallelize(list(paths), partitions).mapPartitions(extract_partition)


def main() -> None:
    from pyspark.sql import SparkSession

    parser = argparse.ArgumentParser(description="Extract articles from WARC files with lede on Spark")
    parser.add_argument("paths_file", help="a text file with one WARC path a line")
    parser.add_argument("output", help="output directory (Spark writes part-* files of JSON Lines)")
    parser.add_argument("--partitions", type=int, default=0, help="default: one a WARC path")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("lede-extract").getOrCreate()
    paths = [line.strip() for line in spark.sparkContext.textFile(args.paths_file).collect() if line.strip()]
    extract_rdd(spark, paths, args.partitions or max(1, len(paths))).saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
