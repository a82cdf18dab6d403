"""Fixtures shared by the io tests."""

from __future__ import annotations

import pytest


@pytest.fixture(params=["polars", "pyarrow"])
def small_batches(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of a few rows, so that every file spans several (and fallbacks start
    mid-file); a test that uses it runs with each batch parser (the differential tests of
    the columnar reader: ``test_columnar.py``, ``test_frame.py``)."""
    from credit_disclosure.io import _columnar, _frame

    monkeypatch.setattr(_columnar, "AUTO_MIN_BYTES", 0)
    monkeypatch.setattr(_columnar, "FIRST_CHUNK_BYTES", 700)
    monkeypatch.setattr(_columnar, "CHUNK_BYTES", 3000)
    monkeypatch.setattr(_frame, "BLOCK_BYTES", 3000)  # read_records' blocks
    if request.param == "polars":
        pytest.importorskip("polars")
    monkeypatch.setattr(_columnar, "USE_POLARS", request.param == "polars")
