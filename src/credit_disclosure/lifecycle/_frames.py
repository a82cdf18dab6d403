"""The lifecycle over DataFrames: pandas (:func:`status_frame`) and Spark (:func:`status_spark`).

Both call the same functions as the record API (:func:`iter_statuses` over
:class:`RecordInput` built by the same reader as :func:`records_from_file`),
so a record's state is the same whichever way it is asked for. pandas and
pyspark are imported when first needed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from .._optional import require
from ..errors import ValidationError
from ..policy import Policy
from ..standard import RecordKind, StandardVersion, detect_kind
from ._dataset import _FACT_COLUMNS, RecordInput, _fold, _Reader, iter_statuses
from ._events import Event, EventLog
from ._state import Lifecycle

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..workdays import WorkdayCalendar

__all__ = ["STATUS_COLUMNS", "STATUS_SCHEMA", "status_frame", "status_spark"]

#: The columns of :func:`status_frame` (and of :func:`status_spark`, with ``row`` a label).
STATUS_COLUMNS: Final = (
    "row",
    "key",
    "state",
    "shown",
    "reason",
    "citation",
    "actions",
    "overdue",
    "issues",
)
#: The Spark schema of :func:`status_spark`'s result (``row`` is the ``row_col`` value).
STATUS_SCHEMA: Final = (
    "row long, key string, state string, shown boolean, reason string, citation string, "
    "actions string, overdue boolean, issues string"
)


def _kind(columns: list[Any], kind: RecordKind | str | None) -> RecordKind:
    if kind is not None:
        return RecordKind(kind)
    found = detect_kind(
        [c for c in columns if isinstance(c, str) and _fold(c) not in _FACT_COLUMNS]
    )
    if found is None:
        raise ValidationError(
            "file.kind",
            message_en="the column names do not say whether the rows are licences or penalties",
            message_zh="无法根据列名判断是行政许可还是行政处罚记录",
        )
    return found


def _rows(
    labels: Iterable[Any], records: Iterable[dict[Any, object]], reader: _Reader
) -> list[RecordInput]:
    out = []
    for label, values in zip(labels, records):
        cleaned = {k: (None if _missing(v) else v) for k, v in values.items()}
        out.append(reader.record(label, cleaned))
    return out


def _missing(value: object) -> bool:
    # pandas writes NaN, None or NaT for an empty cell
    return value is None or (isinstance(value, float) and value != value) or str(value) == "NaT"


def _columns(statuses: Iterable[Any]) -> dict[str, list[Any]]:
    data: dict[str, list[Any]] = {name: [] for name in STATUS_COLUMNS}
    for s in statuses:
        data["row"].append(s.row)
        data["key"].append(None if s.key is None else str(s.key))
        data["state"].append(s.state.value)
        data["shown"].append(s.shown)
        data["reason"].append(s.reason_en)
        data["citation"].append(str(s.citation))
        data["actions"].append(json.dumps([a.as_dict() for a in s.actions]))
        data["overdue"].append(bool(s.overdue))
        data["issues"].append(" ".join(i.code for i in s.issues))
    return data


def status_frame(
    df: pd.DataFrame,
    events: Iterable[Event] | EventLog = (),
    *,
    policy: Policy,
    on: date,
    kind: RecordKind | str | None = None,
    version: StandardVersion = StandardVersion.V2018,
    calendar: WorkdayCalendar | None = None,
) -> pd.DataFrame:
    """The state of every row of ``df`` on day ``on``: one output row per input row.

    Columns: :data:`STATUS_COLUMNS` (``row`` is the label of the row in
    ``df``'s index; ``actions`` is the JSON list of ``{"action", "due",
    "overdue"}``; ``issues`` the issue codes, space-separated). ``df`` has the
    standard's columns (any header style) and optionally ``tier``,
    ``procedure``, ``sector``, ``corrected``, ``performed``.

    >>> import pandas as pd
    >>> from credit_disclosure.policy import CHANGZHI_2021
    >>> df = pd.DataFrame({"CF_WSH": ["1号", "2号"], "CF_JDRQ": ["2022/03/01", "2022/03/01"],
    ...                    "CF_XDR_LB": ["法人及非法人组织", "自然人"], "tier": ["一般", "一般"],
    ...                    "procedure": ["普通", "普通"]}, index=[10, 11])
    >>> out = status_frame(df, [Event(key="1号", kind="公示", date=date(2022, 3, 8))],
    ...                    policy=CHANGZHI_2021, on=date(2022, 4, 1))
    >>> out[["row", "state", "shown"]].values.tolist()
    [[10, 'displayed', True], [11, 'not_published', False]]
    """
    pandas = require("pandas", "pandas")
    found = _kind(list(df.columns), kind)
    reader = _Reader(found, StandardVersion(version))
    records = _rows(df.index.tolist(), df.to_dict("records"), reader)
    life = Lifecycle(policy, calendar=calendar)
    data = _columns(iter_statuses(records, events, life=life, on=on))
    frame: pd.DataFrame = pandas.DataFrame(data, columns=list(STATUS_COLUMNS))
    return frame


def _status_partition(
    policy: Policy,
    events: tuple[Event, ...],
    on: date,
    kind: RecordKind,
    row_col: str,
) -> Callable[[Iterator[pd.DataFrame]], Iterator[pd.DataFrame]]:
    """The function ``mapInPandas`` runs on each partition (plain pandas: runs without Spark)."""

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        pandas = require("pandas", "spark")
        life = Lifecycle(policy)
        reader = _Reader(kind, StandardVersion.V2018)
        for batch in batches:
            labels = [int(v) for v in batch[row_col].tolist()]
            values = batch.drop(columns=[row_col]).to_dict("records")
            records = _rows(labels, values, reader)
            data = _columns(iter_statuses(records, events, life=life, on=on))
            yield pandas.DataFrame(data, columns=list(STATUS_COLUMNS))

    return run


def status_spark(
    df: Any,
    events: Iterable[Event] | EventLog = (),
    *,
    policy: Policy,
    on: date,
    kind: RecordKind | str | None = None,
    row_col: str | None = None,
) -> Any:
    """:func:`status_frame` on a Spark DataFrame, partition by partition (``mapInPandas``).

    Returns a Spark DataFrame with :data:`STATUS_SCHEMA`. ``row_col`` names a
    column of row numbers (default: a ``monotonically_increasing_id``). The
    events (a list, usually far smaller than the records) travel with the
    function to every executor. Keys are matched within each partition: a key
    shared by records of two partitions is not reported as ``key.duplicate``,
    and an event keyed by the number alone is not checked for ambiguity
    across partitions; run :func:`dataset_status` for those checks.

    >>> STATUS_SCHEMA.split(", ")[:2]
    ['row long', 'key string']
    """
    sql = require("pyspark.sql", "spark")
    found = _kind(list(df.columns), kind)
    if isinstance(events, EventLog):
        events = events.events
    if row_col is None:
        row_col = "__row__"
        df = df.withColumn(row_col, sql.functions.monotonically_increasing_id())
    run = _status_partition(policy, tuple(events), on, found, row_col)
    return df.mapInPandas(run, schema=STATUS_SCHEMA)
