"""A real dask.distributed LocalCluster with 2 worker processes over WARCs built by the test: the union of
its output equals a single-process run."""
from __future__ import annotations

import os
import sys

import pytest

from example_warcs import single_process

distributed = pytest.importorskip("distributed")
sys.path.insert(0, os.path.dirname(__file__))
import lede_dask  # noqa: E402


def test_dask_equals_single_process(small_warcs):
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster, Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        documents = lede_dask.extract_all(client, small_warcs)
    expected = single_process(small_warcs)
    assert len(expected) == 12
    assert documents == expected
