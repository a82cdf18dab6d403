"""Run the Spark walk-through (spark.md) only where pyspark and a Java runtime are present."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest


def _spark_ready() -> bool:
    if importlib.util.find_spec("pyspark") is None or importlib.util.find_spec("pyarrow") is None:
        return False
    home = os.environ.get("JAVA_HOME")
    return shutil.which("java") is not None or bool(home and Path(home, "bin", "java").exists())


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if item.path == here / "spark.md":
            item.add_marker(pytest.mark.spark)
            item.add_marker(
                pytest.mark.filterwarnings(
                    "ignore:PySpark does not yet fully support pandas:FutureWarning"
                )
            )
            if not _spark_ready():
                item.add_marker(pytest.mark.skip(reason="needs pyspark and a Java runtime"))
