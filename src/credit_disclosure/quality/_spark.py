"""The Spark integration (public face: :mod:`credit_disclosure.spark`); pyspark is imported lazily."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Final

import attrs

from .._optional import require
from ..deadlines import DeadlineRule
from ..errors import ArgumentError, InvalidFormat, UnknownName
from ..io import io_issue
from ..standard import HeaderProblem, RecordKind, StandardVersion, ValidationOptions
from ..workdays import WorkdayCalendar
from ._frames import (
    ISSUE_COLUMNS,
    RECORD_COLUMNS,
    FramePlan,
    arrow_observations,
    check_batch,
    column_checks,
)
from ._metrics import GROUPINGS, MetricsTable, QualityMetrics, _by
from ._observe import Observation, unreadable

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "DAMAGE_COLUMN",
    "OUTCOME_SCHEMA",
    "SparkValidation",
    "local_session",
    "read_csv",
    "split_size",
    "validate_spark",
]

_TYPES: Final = {
    "row_id": "bigint",
    "is_issue": "boolean",
    "agency": "string",
    "month": "string",
    "kind": "string",
    "complete": "boolean",
    "accurate": "boolean",
    "has_errors": "boolean",
    "timeliness": "string",
    "working_days_late": "int",
    "unknown_reason": "string",
}

#: The schema (Spark DDL) of the rows ``mapInArrow`` emits: one row per record
#: (``is_issue`` false) and one per issue (``is_issue`` true), the issue columns
#: empty on record rows and the outcome columns empty on issue rows.
OUTCOME_SCHEMA: Final = ", ".join(
    [f"{name} {_TYPES[name]}" for name in ("row_id", "is_issue", *RECORD_COLUMNS)]
    + [f"{name} string" for name in ISSUE_COLUMNS]
)
_OUTCOME_COLUMNS: Final = ("row_id", "is_issue", *RECORD_COLUMNS, *ISSUE_COLUMNS)
_ROW_ID: Final = "__credit_disclosure_row_id"
#: The column :func:`read_csv` adds: the raw text of a line whose number of cells differs
#: from the header's (Spark's ``columnNameOfCorruptRecord``), empty on sound lines.
DAMAGE_COLUMN: Final = "__credit_disclosure_damaged"
#: The metadata key of the damage column: the separator and the header's number of columns.
_DAMAGE_META: Final = "credit_disclosure"

#: The counts one partition's metrics pass emits (``quality_metrics`` without a cache):
#: one row per (agency, month, kind) cell (``code`` empty) and one per issue code
#: (``code`` set, ``records`` the number of such issues). A few hundred small rows
#: per partition reach the JVM instead of one row per record and per issue.
_COUNT_FIELDS: Final = (
    "records",
    "complete",
    "accurate",
    "with_errors",
    "on_time",
    "late",
    "working_days_late",
    "max_working_days_late",
)
_COUNTS_SCHEMA: Final = ", ".join(
    [f"{name} string" for name in ("agency", "month", "kind", "code", "unknown_reasons")]
    + [f"{name} bigint" for name in _COUNT_FIELDS]
)


def _arrow_schema(ddl: str) -> pa.Schema:
    """The pyarrow schema of a Spark DDL string of the types used here."""
    arrow = require("pyarrow", "spark")
    types = {
        "bigint": arrow.int64(),
        "int": arrow.int32(),
        "boolean": arrow.bool_(),
        "string": arrow.string(),
    }
    schema: pa.Schema = arrow.schema(
        [(name, types[type_]) for name, type_ in (f.split(" ") for f in ddl.split(", "))]
    )
    return schema


def _sql() -> Any:
    require("pyspark", "spark")
    return require("pyspark.sql", "spark")


def local_session(
    cores: int = 2,
    *,
    app_name: str = "credit-disclosure",
    shuffle_partitions: int | None = None,
    driver_memory: str | None = None,
) -> Any:
    """A local Spark session (``local[cores]``) for notebooks, tests and benchmarks.

    The web UI is off, shuffles use ``shuffle_partitions`` partitions (default
    ``cores``: the 200 of Spark's default are slow for small data), Arrow is on,
    and the Python workers run the interpreter of this process (so they see
    the same installed packages). ``driver_memory`` (``"4g"``) sizes the one JVM
    of local mode; it only takes effect when the session is first started
    (Spark's default is 1 GB: enough for a few hundred thousand cached records).
    An existing session is reused.

    >>> local_session  # doctest: +ELLIPSIS
    <function local_session at ...>
    """
    sql = _sql()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    partitions = str(shuffle_partitions or cores)
    builder = sql.SparkSession.builder
    if driver_memory is not None:
        builder = builder.config("spark.driver.memory", driver_memory)
    return (
        builder.master(f"local[{cores}]")
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", partitions)
        .config("spark.default.parallelism", str(cores))
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )


#: Spark's default largest input split (``spark.sql.files.maxPartitionBytes``): 128 MiB.
_MAX_SPLIT: Final = 128 * 1024 * 1024


def split_size(total_bytes: int, cores: int, *, max_bytes: int = _MAX_SPLIT) -> int:
    """The input split size that cuts ``total_bytes`` into equal splits, a multiple of ``cores``.

    Spark cuts a file into splits of ``spark.sql.files.maxPartitionBytes`` (128 MiB)
    or of ``(size + 4 MiB) / cores`` when that is smaller, and runs one task per split:
    the last split is smaller than the others, and with few splits per core one core
    finishes early and idles while the other checks its last split (a 53 MB file on two
    cores is cut into 28.7 MB and 24.5 MB: a sixth of the second core's time lost).
    This size gives ``cores * k`` splits of equal size (within a byte), ``k`` the
    fewest rounds of tasks that keep each split within ``max_bytes``: every core gets
    the same work. :func:`read_csv` sets it; for other readers set it yourself:
    ``spark.conf.set("spark.sql.files.maxPartitionBytes", split_size(size, cores))``.

    >>> split_size(53_222_241, 2)  # two equal halves
    26611121
    >>> split_size(533_029_015, 2)  # four quarters of at most 128 MiB, two per core
    133257254
    >>> split_size(533_029_015, 1)
    133257254
    >>> split_size(0, 4)
    1
    >>> split_size(100, 0)
    Traceback (most recent call last):
    credit_disclosure.errors.ArgumentError: spark.split in field cores: ...
    """
    checked = (("total_bytes", total_bytes, 0), ("cores", cores, 1), ("max_bytes", max_bytes, 1))
    for name, value, least in checked:
        if type(value) is not int or value < least:
            raise ArgumentError(
                "spark.split",
                message_en=f"{name} must be a whole number of at least {least}",
                message_zh=f"{name} 应为不小于{least}的整数",
                field=name,
            )
    if total_bytes == 0:
        return 1
    rounds = -(-total_bytes // (cores * max_bytes))
    return -(-total_bytes // (cores * rounds))


def read_csv(
    spark: Any,
    path: str | os.PathLike[str],
    *,
    encoding: str = "utf-8",
    sep: str = ",",
    balance: bool = True,
) -> Any:
    """Read a CSV export (header row, every column text) into a Spark DataFrame for checking.

    Every column is read as text, as the standard's fields are (no schema inference,
    which would read the whole file once more and turn codes like ``0100`` into numbers);
    the header row names the columns, without the byte-order mark a file saved by Excel
    or Notepad starts with (Spark keeps it in the first name). A local file's header
    is read here, without a Spark job; other paths (``hdfs://``, ``s3a://``) let Spark
    read it. Quotes inside a quoted cell are doubled (``""``, as Excel and the
    library's writers write them). Spark reads one record per line (its default; cells
    spanning lines need ``multiLine``, which gives up splitting the file).

    ``balance`` sets the session's ``spark.sql.files.maxPartitionBytes`` to
    :func:`split_size` of the file's size and the session's cores
    (``defaultParallelism``), so that the file is cut into equal splits, a multiple of
    the cores (the setting stays for later reads of the session). Empty cells are
    ``None``, as Spark reads them.

    A line with more or fewer cells than the header is not read silently: the last
    column, :data:`DAMAGE_COLUMN`, holds its raw text (Spark's ``PERMISSIVE`` mode with
    ``columnNameOfCorruptRecord``), and :func:`validate_spark` counts it as
    :func:`~credit_disclosure.quality.score_file` does: unreadable, with a ``row.columns``
    error. Bytes that are not valid in ``encoding`` are not reported: Spark reads them as
    U+FFFD (see ``docs/quality/spark.md``).

    >>> read_csv.__name__  # run in docs/quality/spark.md and tests/test_spark.py
    'read_csv'
    """
    _sql()
    types = require("pyspark.sql.types", "spark")
    location = os.fspath(path)
    local = location.removeprefix("file://")
    reader = (
        spark.read.option("header", "true")
        .option("encoding", encoding)
        .option("sep", sep)
        .option("quote", '"')
        .option("escape", '"')
    )
    on_disk = "://" not in local and os.path.isfile(local)
    if balance:
        if on_disk:
            size = os.path.getsize(local)
        else:  # a directory, a glob or a remote path: its length as Hadoop's file system sums it
            jvm_path = spark._jvm.org.apache.hadoop.fs.Path(location)
            fs = jvm_path.getFileSystem(spark._jsc.hadoopConfiguration())
            size = int(fs.getContentSummary(jvm_path).getLength())
        cores = int(spark.sparkContext.defaultParallelism)
        spark.conf.set("spark.sql.files.maxPartitionBytes", str(split_size(size, cores)))
    names = _header(local, encoding, sep) if on_disk else []
    if not names:  # let Spark read the header (a job over the first split)
        names = [c.lstrip("\ufeff") for c in reader.csv(location).columns]
    # A row with more or fewer cells than the header: Spark keeps its raw text in the
    # damage column (PERMISSIVE mode), and validate_spark counts it as score_file does.
    # Column pruning would hide it (Spark then parses only the cells a query uses).
    damage = types.StructField(
        DAMAGE_COLUMN, types.StringType(), metadata={_DAMAGE_META: {"sep": sep, "columns": len(names)}}
    )
    schema = types.StructType([types.StructField(n, types.StringType()) for n in names] + [damage])
    return (
        reader.option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", DAMAGE_COLUMN)
        .option("columnPruning", "false")
        .schema(schema)
        .csv(location)
    )


def _header(path: str, encoding: str, sep: str) -> list[str]:
    """The column names of a local CSV file's first line (a byte-order mark dropped)."""
    import csv

    codec = "utf-8-sig" if encoding.replace("_", "-").lower() in ("utf-8", "utf8") else encoding
    try:
        with open(path, encoding=codec, newline="") as f:
            row = next(csv.reader(f, delimiter=sep), [])
    except UnicodeDecodeError:  # a GBK export read as UTF-8: say so, with what to pass
        name = os.path.basename(path)
        raise InvalidFormat(
            "file.encoding",
            message_en=f"{name}: the header row is not {encoding} text;"
            " pass read_csv(..., encoding=...) the file's encoding (gb18030 for a GBK export)",
            message_zh=f"{name}：表头行不是{encoding}编码的文本；请用 read_csv(..., encoding=...)"
            " 指定文件的编码（GBK 导出的文件用 gb18030）",
        ) from None
    return [name.lstrip("\ufeff") for name in row]


@attrs.frozen
class _Damage:
    """How to count the cells of a line in the damage column: its separator, the header's width."""

    sep: str
    columns: int

    @classmethod
    def of(cls, df: Any) -> _Damage | None:
        """The damage column's description in ``df`` (added by :func:`read_csv`), if any."""
        if DAMAGE_COLUMN not in df.columns:
            return None
        meta = df.schema[DAMAGE_COLUMN].metadata.get(_DAMAGE_META) or {}
        width = len(df.columns) - 1
        return cls(str(meta.get("sep", ",")), int(meta.get("columns", width)))


def _blank(cells: Iterable[str]) -> bool:
    return all(not c.strip() for c in cells)


def _split_damaged(
    batch: pa.RecordBatch, plan: FramePlan, damage: _Damage | None
) -> tuple[pa.RecordBatch, list[bool] | None, list[tuple[int, Observation]]]:
    """The batch without its damaged lines, which rows it kept, and each damaged line's observation.

    The rows kept are ``None`` when the batch is whole; observations come with their index.

    A line whose number of cells differs from the header's (Spark keeps its text in the
    damage column) is counted as :func:`score_file` counts it: unreadable, with a
    ``row.columns`` issue. As there, extra cells that are all empty are tolerated (Spark
    dropped them, the line is checked) and a line of empty cells is skipped.
    """
    if damage is None or DAMAGE_COLUMN not in batch.schema.names:
        return batch, None, []
    texts = batch.column(DAMAGE_COLUMN)
    if texts.null_count == len(texts):
        return batch, None, []
    import csv

    keep = [True] * batch.num_rows
    found: list[tuple[int, Observation]] = []
    width = damage.columns
    for i, text in enumerate(texts.to_pylist()):
        if text is None:
            continue
        cells = next(csv.reader([text], delimiter=damage.sep), [])
        n = len(cells)
        if n > width and _blank(cells[width:]):
            continue
        keep[i] = False
        if not _blank(cells):
            issue = io_issue("row.columns", cells=n, columns=width)
            found.append((i, unreadable(plan.kind, (issue,))))
    arrow = require("pyarrow", "spark")
    if all(keep):
        return batch, None, found
    return batch.filter(arrow.array(keep)), keep, found


def _check_partition(
    plan: FramePlan, id_col: str = _ROW_ID, damage: _Damage | None = None
) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """The function ``mapInArrow`` runs on each partition: Arrow batches in, outcomes out.

    Each output batch follows :data:`OUTCOME_SCHEMA`. The column checks clear the rows
    ``check_row`` would find nothing in; only the others reach the row engine (the
    outcomes are the same). Plain pyarrow: runs without Spark.
    """

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        arrow = require("pyarrow", "spark")
        schema = _arrow_schema(OUTCOME_SCHEMA)
        checks = column_checks(plan)  # one per partition: it remembers distinct values
        for batch in batches:
            if batch.num_rows == 0:
                continue
            labels = [int(v) for v in batch.column(id_col).to_pylist()]
            clean, keep, damaged = _split_damaged(batch, plan, damage)
            kept = labels if keep is None else [n for n, k in zip(labels, keep) if k]
            records, issues = check_batch(clean, plan, kept, checks)
            for i, obs in damaged:
                _add_unreadable(records, issues, labels[i], obs)
            n, m = len(records["row"]), len(issues["row"])
            data: dict[str, list[Any]] = {
                "row_id": records["row"] + issues["row"],
                "is_issue": [False] * n + [True] * m,
            }
            for name in RECORD_COLUMNS:
                data[name] = records[name] + [None] * m
            for name in ISSUE_COLUMNS:
                data[name] = [None] * n + issues[name]
            yield arrow.RecordBatch.from_pydict(data, schema=schema)

    return run


def _add_unreadable(
    records: dict[str, list[Any]], issues: dict[str, list[Any]], label: int, obs: Observation
) -> None:
    """Append an unreadable row's outcome and issues to the columns of :func:`check_batch`."""
    records["row"].append(label)
    for name, value in (
        ("agency", None),
        ("month", None),
        ("kind", obs.kind.value),
        ("complete", obs.complete),
        ("accurate", obs.accurate),
        ("has_errors", obs.has_errors),
        ("timeliness", obs.timeliness.value),
        ("working_days_late", obs.working_days_late),
        ("unknown_reason", None if obs.unknown_reason is None else obs.unknown_reason.value),
    ):
        records[name].append(value)
    for issue in obs.issues:
        issues["row"].append(label)
        for name, value in (
            ("field", issue.field),
            ("field_name", None),
            ("code", issue.code),
            ("severity", issue.severity.value),
            ("message_en", issue.message_en),
            ("message_zh", issue.message_zh),
        ):
            issues[name].append(value)


def _score_partition(
    plan: FramePlan, damage: _Damage | None = None
) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """The function ``mapInArrow`` runs for the metrics alone: one partition's counts.

    The records of the whole partition are scored into one
    :class:`~credit_disclosure.quality.QualityMetrics` in the worker (the column checks
    clear rows, the others go through the same ``check_row`` and ``observe`` as
    everywhere), and only its cells and issue
    counts are emitted (``_COUNTS_SCHEMA``). Plain pyarrow: runs without Spark.
    """

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        arrow = require("pyarrow", "spark")
        metrics = QualityMetrics()
        checks = column_checks(plan)
        for batch in batches:
            batch, _, damaged = _split_damaged(batch, plan, damage)
            for _, lost in damaged:
                metrics.add(lost)
            for obs in arrow_observations(batch, plan, checks):
                metrics.add(obs)
        data: dict[str, list[Any]] = {
            name: [] for name in ("agency", "month", "kind", "code", "unknown_reasons")
        }
        data.update({name: [] for name in _COUNT_FIELDS})
        for (agency, month, kind), cell in metrics._cells.items():
            values = (
                cell.records,
                cell.complete,
                cell.accurate,
                cell.with_errors,
                cell.on_time,
                cell.late,
                cell.sum_late,
                cell.max_late,
            )
            data["agency"].append(agency)
            data["month"].append(month)
            data["kind"].append(kind)
            data["code"].append(None)
            data["unknown_reasons"].append(json.dumps(dict(cell.reasons), ensure_ascii=False))
            for name, value in zip(_COUNT_FIELDS, values):
                data[name].append(value)
        for code, count in metrics._issues.items():
            for name in ("agency", "month", "kind", "unknown_reasons"):
                data[name].append(None)
            data["code"].append(code)
            for name in _COUNT_FIELDS:
                data[name].append(count if name == "records" else 0)
        yield arrow.RecordBatch.from_pydict(data, schema=_arrow_schema(_COUNTS_SCHEMA))

    return run


@attrs.frozen
class SparkValidation:
    """What :func:`validate_spark` found: Spark DataFrames of outcomes, issues and metrics.

    ``outcomes`` is the raw output of the ``mapInArrow`` pass
    (:data:`OUTCOME_SCHEMA`), persisted when ``validate_spark(cache=True)`` so
    that reading issues and metrics validates the data once. Without the cache,
    :meth:`quality_metrics` (and :meth:`table`) scores each partition in its
    Python worker and sends only the partition's counts to the JVM: one pass over
    the data, with no row per record or per issue to move, convert and aggregate.

    >>> SparkValidation.__name__
    'SparkValidation'
    """

    outcomes: Any
    kind: RecordKind
    #: columns naming no field or a field an earlier column names (counted by quality_metrics)
    header_problems: tuple[HeaderProblem, ...] = ()
    #: the selected input columns and the plan, for the metrics pass without a cache
    _source: Any = attrs.field(default=None, repr=False, eq=False)
    _plan: FramePlan | None = attrs.field(default=None, repr=False, eq=False)
    _damage: _Damage | None = attrs.field(default=None, repr=False, eq=False)
    _cached: bool = attrs.field(default=True, repr=False, eq=False)

    @property
    def records(self) -> Any:
        """One row per record: ``row_id`` and the outcome columns (agency, month, verdicts)."""
        F = _sql().functions
        return self.outcomes.where(~F.col("is_issue")).select("row_id", *RECORD_COLUMNS)

    @property
    def issues(self) -> Any:
        """One row per issue: ``row_id``, ``field``, ``field_name``, ``code``, ``severity``, messages."""
        F = _sql().functions
        return self.outcomes.where(F.col("is_issue")).select("row_id", *ISSUE_COLUMNS)

    def metrics(self, by: str | Sequence[str] = ("agency",)) -> Any:
        """The scores per group as a Spark DataFrame, aggregated by Spark.

        Columns: the grouping columns, ``records``, ``complete``, ``accurate``,
        ``with_errors``, ``on_time``, ``late``, ``timeliness_unknown``,
        ``working_days_late``, ``max_working_days_late`` and the rates
        ``completeness``, ``accuracy``, ``timeliness`` (as in
        :class:`~credit_disclosure.quality.MetricRow`).
        """
        F = _sql().functions
        names = list(_by(by))
        agg = self.records.groupBy(*names).agg(*_aggregates(F))
        rate = _rate(F)
        return agg.select(
            *names,
            *_COUNT_COLUMNS,
            rate("complete", "records").alias("completeness"),
            rate("accurate", "records").alias("accuracy"),
            rate("on_time", F.col("on_time") + F.col("late")).alias("timeliness"),
        ).orderBy(*[F.col(n).asc_nulls_last() for n in names])

    def quality_metrics(self) -> QualityMetrics:
        """Collect the per-(agency, month, kind, reason) counts into a :class:`QualityMetrics`.

        One pass over the data, even uncached; only one small row per cell and per issue
        code reaches the driver. Uncached (``validate_spark(cache=False)``), each
        partition is scored in its Python worker and emits its counts; cached, one Spark
        aggregation over the outcomes fills the cache for later questions.
        """
        if not self._cached and self._source is not None and self._plan is not None:
            return self._partition_metrics()
        F = _sql().functions
        # One aggregation over the outcomes: record rows give the cells, issue rows
        # (whose outcome columns are empty) give the counts by code. One pass over the data.
        cells = (
            self.outcomes.groupBy("is_issue", *GROUPINGS, "unknown_reason", "code")
            .agg(*_aggregates(F))
            .collect()
        )
        return _metrics_of(
            cells,
            self.header_problems,
            code_of=lambda cell: cell["code"] if cell["is_issue"] else None,
            reasons_of=lambda cell: (
                {cell["unknown_reason"] or "unknown": int(cell["timeliness_unknown"])}
                if int(cell["timeliness_unknown"])
                else {}
            ),
        )

    def _partition_metrics(self) -> QualityMetrics:
        assert self._plan is not None
        counts = self._source.mapInArrow(
            _score_partition(self._plan, self._damage), _COUNTS_SCHEMA
        ).collect()
        return _metrics_of(
            counts,
            self.header_problems,
            code_of=lambda row: row["code"],
            reasons_of=lambda row: json.loads(row["unknown_reasons"]),
        )

    def table(self, by: str | Sequence[str] = ("agency",)) -> MetricsTable:
        """The scores as a plain :class:`~credit_disclosure.quality.MetricsTable` (rich in Jupyter)."""
        return self.quality_metrics().table(by)

    def unpersist(self) -> None:
        """Release the cached outcomes."""
        self.outcomes.unpersist()


_COUNT_COLUMNS: Final = (
    "records",
    "complete",
    "accurate",
    "with_errors",
    "on_time",
    "late",
    "timeliness_unknown",
    "working_days_late",
    "max_working_days_late",
)


def _aggregates(F: Any) -> list[Any]:
    def flag(column: Any) -> Any:
        return F.sum(F.when(column, 1).otherwise(0))

    status = F.col("timeliness")
    return [
        F.count(F.lit(1)).alias("records"),
        flag(F.col("complete")).alias("complete"),
        flag(F.col("accurate")).alias("accurate"),
        flag(F.col("has_errors")).alias("with_errors"),
        flag(status == "on_time").alias("on_time"),
        flag(status == "late").alias("late"),
        flag(status == "unknown").alias("timeliness_unknown"),
        F.sum(F.when(status == "late", F.col("working_days_late")).otherwise(0)).alias(
            "working_days_late"
        ),
        F.max(F.when(status == "late", F.col("working_days_late")).otherwise(0)).alias(
            "max_working_days_late"
        ),
    ]


def _rate(F: Any) -> Callable[[str, Any], Any]:
    def rate(part: str, whole: Any) -> Any:
        denominator = F.col(whole) if isinstance(whole, str) else whole
        return F.when(denominator > 0, F.col(part) / denominator)

    return rate


def validate_spark(
    df: Any,
    kind: RecordKind | str | None = None,
    *,
    published_col: str | None = None,
    id_col: str | None = None,
    version: StandardVersion = StandardVersion.V2018,
    as_of: date | None = None,
    options: ValidationOptions | None = None,
    rule: DeadlineRule | None = None,
    calendar: WorkdayCalendar | None = None,
    count_warnings: bool = False,
    cache: bool = True,
) -> SparkValidation:
    """Validate a Spark DataFrame of records (columns in any header style) with the library's rules.

    ``kind`` ``None`` detects it from the column names. ``published_col``
    names the column with the publication date (default: the first of
    :data:`~credit_disclosure.quality.PUBLISHED_COLUMNS` present). ``id_col``
    names an integer column identifying the rows (default: an id from
    ``monotonically_increasing_id()``, unique but not consecutive). ``as_of``
    is fixed on the driver (default: today) so that every executor judges
    "future" dates alike. ``cache`` persists the outcomes so that issues and
    metrics reuse one validation pass (call :meth:`SparkValidation.unpersist`
    when done); without it, :meth:`SparkValidation.quality_metrics` scores each
    partition in its worker and moves only the counts (the fastest way to the
    scores alone). Other arguments as in
    :func:`credit_disclosure.quality.compute_metrics`.

    >>> validate_spark.__name__  # run in docs/quality/spark.md and tests/test_spark.py
    'validate_spark'
    """
    F = _sql().functions
    columns = list(df.columns)
    damage = _Damage.of(df)
    plan = FramePlan.build(
        [c for c in columns if c not in (id_col, DAMAGE_COLUMN)],
        kind,
        version=version,
        published_col=published_col,
        as_of=as_of or date.today(),
        options=options,
        rule=rule,
        calendar=calendar,
        count_warnings=count_warnings,
    )
    if id_col is None:
        id_col = _ROW_ID
        df = df.withColumn(id_col, F.monotonically_increasing_id())
    elif id_col not in columns:
        raise UnknownName(
            "quality.column",
            message_en=f"no column {id_col!r} to identify the rows",
            message_zh=f"没有用于标识行的列 {id_col!r}",
        )
    needed = [id_col, *(name for name, _ in plan.fields)]
    if plan.published_col is not None:
        needed.append(plan.published_col)
    if damage is not None:
        needed.append(DAMAGE_COLUMN)
    source = df.select(*[F.col(f"`{c}`") for c in needed])
    outcomes = source.mapInArrow(_check_partition(plan, id_col, damage), OUTCOME_SCHEMA)
    if cache:
        outcomes = outcomes.persist()
    return SparkValidation(
        outcomes,
        plan.kind,
        plan.header_problems,
        source=source,
        plan=plan,
        damage=damage,
        cached=cache,
    )


def _metrics_of(
    rows: Iterable[Any],
    header_problems: Iterable[HeaderProblem],
    *,
    code_of: Callable[[Any], str | None],
    reasons_of: Callable[[Any], dict[str, int]],
) -> QualityMetrics:
    """The metrics of collected count rows: one per cell, or one per issue code (``code_of``)."""
    metrics = QualityMetrics()
    issue_counts: dict[str, int] = {}
    for row in rows:
        code = code_of(row)
        if code is not None:
            issue_counts[code] = issue_counts.get(code, 0) + int(row["records"])
            continue
        metrics.add_counts(
            agency=row["agency"],
            month=row["month"],
            kind=row["kind"],
            unknown_reasons=reasons_of(row),
            **{name: int(row[name] or 0) for name in _COUNT_FIELDS},
        )
    for problem in header_problems:
        issue_counts[problem.code] = issue_counts.get(problem.code, 0) + 1
    metrics.add_issue_counts(issue_counts)
    return metrics
