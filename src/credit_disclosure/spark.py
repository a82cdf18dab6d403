"""Spark integration: validate and score a Spark DataFrame of records with the library's rules.

Needs the optional ``spark`` extra (``pip install "credit-disclosure[spark]"``:
pyspark, pandas, pyarrow) and a Java runtime; pyspark is imported when a
function is first called, and a missing one raises
:class:`~credit_disclosure.errors.MissingOptionalDependency` naming the extra.

:func:`validate_spark` runs :func:`credit_disclosure.standard.check_row` and
:func:`credit_disclosure.quality.observe`, the very functions of the plain
record API, inside ``mapInArrow`` on every executor, after the column checks
(:class:`~credit_disclosure.standard.ColumnChecks`) cleared the rows ``check_row``
would find nothing in: the verdicts are the same record for record. It returns a :class:`SparkValidation` holding a DataFrame
of issues and one of per-record outcomes, and computes the metrics with a
Spark aggregation across the cluster (only the per-group counts reach the
driver). credit_disclosure must be installed on the executors as on the driver.

The examples start a local session and are run by the docs' walk-through
(``docs/quality/spark.md``) and by ``tests/test_spark.py``, which skip when
pyspark or Java is missing::

    >>> from credit_disclosure.spark import local_session, validate_spark
    >>> spark = local_session(2)                                      # doctest: +SKIP
    >>> df = spark.read.csv("penalties.csv", header=True)             # doctest: +SKIP
    >>> result = validate_spark(df, published_col="公示日期")          # doctest: +SKIP
    >>> result.issues.groupBy("code").count().show()                  # doctest: +SKIP
    >>> result.table("month").to_pandas()                             # doctest: +SKIP

:func:`status_spark` runs the lifecycle's state of each record the same way
(see :mod:`credit_disclosure.lifecycle`).

What runs without Spark is checked here:

>>> OUTCOME_SCHEMA.split(", ")[:3]
['row_id bigint', 'is_issue boolean', 'agency string']

:func:`read_csv` adds a last column, :data:`DAMAGE_COLUMN`, with the raw text of each line
whose number of cells differs from the header's; :func:`validate_spark` counts those lines
as unreadable ``row.columns`` rows, as :func:`~credit_disclosure.quality.score_file` does:

>>> DAMAGE_COLUMN
'__credit_disclosure_damaged'
"""

from __future__ import annotations

from .lifecycle._frames import STATUS_SCHEMA, status_spark
from .quality._spark import (
    DAMAGE_COLUMN,
    OUTCOME_SCHEMA,
    SparkValidation,
    local_session,
    read_csv,
    split_size,
    validate_spark,
)

__all__ = [
    "DAMAGE_COLUMN",
    "OUTCOME_SCHEMA",
    "STATUS_SCHEMA",
    "SparkValidation",
    "local_session",
    "read_csv",
    "split_size",
    "status_spark",
    "validate_spark",
]
