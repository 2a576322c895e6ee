"""A real local Spark session (2 worker threads, Python worker processes) over WARCs built by the test:
the union of its output equals a single-process run."""
from __future__ import annotations

import json
import os
import shutil
import sys

import pytest

from example_warcs import single_process

pyspark = pytest.importorskip("pyspark")
sys.path.insert(0, os.path.dirname(__file__))
import lede_spark  # noqa: E402


@pytest.mark.skipif(shutil.which("java") is None and not os.environ.get("JAVA_HOME"), reason="Spark needs Java")
def test_spark_equals_single_process(small_warcs, tmp_path):
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    spark = (SparkSession.builder.master("local[2]").appName("lede-test")
             .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
             .config("spark.driver.bindAddress", "127.0.0.1").config("spark.local.dir", str(tmp_path))
             .getOrCreate())
    # What spark-submit --py-files does: ship the job's module to the Python workers.
    spark.sparkContext.addPyFile(lede_spark.__file__)
    try:
        lines = lede_spark.extract_rdd(spark, small_warcs, partitions=2).collect()
        # The job's real output path too: saveAsTextFile writes part files.
        out = tmp_path / "out"
        lede_spark.extract_rdd(spark, small_warcs, partitions=2).saveAsTextFile(str(out))
    finally:
        spark.stop()
    key = lambda d: d["warc_record_id"] + d["warc_target_uri"]  # noqa: E731
    expected = sorted(single_process(small_warcs), key=key)
    assert len(expected) == 12
    assert sorted((json.loads(line) for line in lines), key=key) == expected
    written = [json.loads(line) for part in sorted(out.glob("part-*")) for line in part.read_text().splitlines()]
    assert sorted(written, key=key) == expected
