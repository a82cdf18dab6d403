"""Read a file into a pandas DataFrame: ``credit_disclosure.pandas.read_records``.

Two engines give the same frame. The row engine reads :class:`RawRow` objects and
builds the frame from one dict per row (``DataFrame.from_records``). The columnar
engine builds each column as Arrow string arrays and hands them to pandas as they are
(pandas' ``str`` dtype is Arrow-backed): the regular blocks of a UTF-8 CSV file come
from the columnar reader of ``check_file`` (``_columnar._Tables``: the same regularity
test, Polars or pyarrow parsing the bytes), in blocks of ``BLOCK_BYTES`` parsed by a
pool of ``WORKERS`` threads; every other row comes from the row reader, gathered into
columns. Blank cells become missing values and blank rows are left out, as the row
engine does; ``tests/io/test_frame.py`` compares the two engines frame for frame.
"""

from __future__ import annotations

import collections
import concurrent.futures
import os
import weakref
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import IO, TYPE_CHECKING, Any, Final, Literal

import attrs

from .._optional import require
from ..errors import ArgumentError, MissingOptionalDependency
from ..identifiers import divisions
from ..standard import (
    ColumnChecks,
    HeaderResolver,
    RecordKind,
    StandardVersion,
    ValidationOptions,
    detect_kind,
)
from . import _columnar
from ._readers import CsvReader, FileFormat, RawRow, TableReader, open_table

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FrameVerdicts", "frame_verdicts", "read_records"]

#: ``"auto"`` (the columnar engine where it applies), ``"row"`` (a dict per row, then
#: ``DataFrame.from_records``) or ``"columnar"`` (``"auto"`` whatever the file's size, and an
#: error when pyarrow is not installed).
FrameEngine = Literal["auto", "row", "columnar"]

#: Rows of the row reader gathered into one Arrow batch of columns.
_ROWS_PER_BATCH: Final = 16_384


def read_records(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    format: FileFormat | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    engine: FrameEngine = "auto",
) -> pd.DataFrame:
    """Load a CSV, XLSX or JSON Lines export into a DataFrame, cells as read (text from CSV).

    Uses the library's readers (:func:`credit_disclosure.io.open_table`): the
    encoding is detected (UTF-8, GBK/GB18030, UTF-16), headers are kept as the
    file writes them. The index is the 1-based data-row number of the file
    (named ``row``), so issues point at file rows. Empty cells are missing
    values; rows the reader cannot split into cells are left out (a
    :func:`~credit_disclosure.io.check_file` of the same file reports them).

    ``engine`` ``"auto"`` builds the columns of a CSV file as Arrow arrays (pandas'
    ``str`` columns hold them as they are) when pyarrow is installed, and reads the
    regular part of a UTF-8 CSV file of 4 MB or more with the columnar reader of
    :func:`~credit_disclosure.io.check_file` (whole batches parsed by Polars or pyarrow);
    ``"columnar"`` does so whatever the size and raises
    :class:`~credit_disclosure.errors.MissingOptionalDependency` without pyarrow; ``"row"``
    builds the frame from one dict per row. The frame is the same either way (columns,
    dtypes, values, index); XLSX and JSON Lines files are always read row by row.

    >>> from credit_disclosure.samples import sample_path
    >>> df = read_records(sample_path("penalty"))
    >>> df.index.name, int(df.index[0]), df.columns[0]
    ('row', 1, 'CF_XDR_MC')
    >>> len(df)  # 300 rows, one of which has a wrong number of cells
    299
    >>> df.equals(read_records(sample_path("penalty"), engine="row"))
    True
    """
    if engine not in ("auto", "row", "columnar"):
        raise ArgumentError(
            "argument.value",
            message_en=f"engine must be 'auto', 'row' or 'columnar', not {engine!r}",
            message_zh=f"engine 应为 'auto'、'row' 或 'columnar'，而不是 {engine!r}",
            field="engine",
        )
    pandas = require("pandas", "pandas")
    with open_table(source, format=format, encoding=encoding, sheet=sheet) as reader:
        if engine != "row" and _columnar_applies(reader, pandas, engine):
            assert isinstance(reader, CsvReader)
            return _columnar_frame(reader, pandas, parse=engine == "columnar")
        return _row_frame(reader, pandas)


def _row_frame(reader: TableReader, pandas: Any) -> pd.DataFrame:
    """The frame from one dict per usable row (the row engine)."""
    headers = list(reader.headers)
    rows: list[dict[str, object]] = []
    labels: list[int] = []
    for raw in reader:
        if not raw.usable:
            continue
        rows.append(
            {k: (None if isinstance(v, str) and not v.strip() else v) for k, v in raw.values.items()}
        )
        labels.append(raw.row)
    index = pandas.Index(labels, name="row", dtype="int64")
    frame: pd.DataFrame = pandas.DataFrame.from_records(rows, index=index, columns=headers)
    return frame


def _columnar_applies(reader: TableReader, pandas: Any, engine: str) -> bool:
    """Whether the columnar engine gives this file's frame (else the row engine does)."""
    if not isinstance(reader, CsvReader) or not reader.headers or not reader._map.simple:
        return False  # XLSX/JSON Lines values of any type; blank or repeated headers
    if not _columnar.available():
        if engine == "columnar":
            raise MissingOptionalDependency("pyarrow", "fast", "the columnar fast path")
        return False
    dtype = pandas.Series(["x"]).dtype  # pandas 3: ``str``, held in Arrow arrays
    return getattr(dtype, "storage", None) == "pyarrow"


#: A frame's input is parsed in blocks of this many bytes, ``WORKERS`` at a time: the frame
#: holds the whole file anyway, so its reading need not stay within check_file's 2 MB batches.
BLOCK_BYTES = 8 << 20
#: The first block is smaller (then 4 times larger each, up to ``BLOCK_BYTES``), so that the
#: column checks of the reading thread start early instead of waiting for a whole block.
FIRST_BLOCK_BYTES = 1 << 20
#: Threads parsing blocks (Polars, pyarrow and numpy release the GIL): the machine's cores.
WORKERS: Final = 2


@attrs.frozen
class _Block:
    """A regular chunk's columns as a frame holds them (blank cells missing), and its rows."""

    columns: list[Any]
    #: the rows that are records (``None``: every row), numpy booleans
    keep: Any
    num_rows: int
    #: the same rows' cells as parsed (blank cells still text), for the column checks
    parsed: list[Any]


class _Blocks(_columnar._Tables):
    """The regular chunks of a file as :class:`_Block` values, parsed by a pool of threads.

    The file is cut into blocks in order (in the thread :meth:`rows` reads ahead in); each
    block is checked for regularity, parsed and its blank cells made missing in the pool,
    and the blocks are handed on in file order. At the first block that is not regular the
    row reader takes over from its first line, as in check_file's reader: the blocks parsed
    after it are dropped, their bytes handed on with it.
    """

    def __init__(self, reader: CsvReader, checks: ColumnChecks, offset: int, pool: Any) -> None:
        super().__init__(reader, HeaderResolver(checks.kind, checks.version), checks, offset)
        self.pool = pool
        self.cells = _Columns(self.width, checks)

    def block(self, chunk: bytes) -> tuple[_Block, bool] | None:
        """(the block, all ASCII) of a chunk, ``None`` when it is not regular (a worker's job)."""
        table = self.table(chunk)
        if table is None:
            return None
        columns, keep = self.cells.blank_to_null(table)
        parsed = table.columns
        if keep is not None:
            parsed = table.filter(self.cells.pa.array(keep)).columns
        return _Block(columns, keep, table.num_rows, parsed), chunk.isascii()

    def chunks(self) -> Iterator[tuple[Any, int, bool, bytes]]:
        pending: collections.deque[tuple[Any, bytes]] = collections.deque()
        try:
            cuts = self.cuts(min(FIRST_BLOCK_BYTES, BLOCK_BYTES), BLOCK_BYTES)
            for chunk, eof in cuts:
                work = self.pool.submit(self.block, chunk) if _columnar.cut_ok(chunk, eof) else None
                pending.append((work, chunk))
                while len(pending) > WORKERS or (pending and pending[0][0] is None):
                    yield (item := self._next(pending))
                    if item[0] is None:
                        return
            while pending:
                yield (item := self._next(pending))
                if item[0] is None:
                    return
        finally:
            for work, _ in pending:
                if work is not None:
                    work.cancel()

    def _next(self, pending: collections.deque[tuple[Any, bytes]]) -> tuple[Any, int, bool, bytes]:
        work, chunk = pending.popleft()
        done = None if work is None else work.result()
        if done is None:  # not regular: its bytes and all read after it go to the row reader
            rest = b"".join([chunk, *(c for _, c in pending), self.carry])
            return None, len(chunk), False, rest
        block, ascii = done
        return block, len(chunk), ascii, b""


class _Columns:
    """The usable rows of a file gathered as Arrow string columns, batch by batch."""

    def __init__(self, width: int, checks: ColumnChecks) -> None:
        self.pa: Any = _columnar.pa
        self.np: Any = _columnar.np
        self.checks = checks
        self.chunks: list[list[Any]] = [[] for _ in range(width)]
        self.labels: list[Any] = []
        #: per chunk: (cleared whatever as_of, latest day) from the column checks, or None
        self.verdicts: list[tuple[Any, Any] | None] = []

    def blank_to_null(self, table: Any) -> tuple[list[Any], Any]:
        """(the columns of a regular chunk without its blank rows, blank cells missing; which
        rows were kept, ``None`` for all). Shares nothing between calls: a worker's job."""
        pa = self.pa
        columns = []
        blank_rows = None
        for i in range(table.num_columns):
            column, blanks = self._blank_to_null(table.column(i))
            blank_rows = blanks if blank_rows is None else blank_rows & blanks
            columns.append(column)
        if blank_rows is None or not blank_rows.any():
            return columns, None
        keep = ~blank_rows  # a row of blank cells is no record
        mask = pa.array(keep)
        return [c.filter(mask) for c in columns], keep

    def add_block(self, first: int, block: _Block, judge: _Judge | None = None) -> None:
        """The rows of a regular chunk, from :meth:`blank_to_null`; ``judge`` runs the column
        checks over them (for :func:`score_frame`), while the next blocks are parsed."""
        np = self.np
        labels = np.arange(first, first + block.num_rows, dtype=np.int64)
        if block.keep is not None:
            labels = labels[block.keep]
        if len(labels):
            self._add(labels, block.columns, None if judge is None else judge(block.parsed))

    def add_rows(self, rows: list[RawRow]) -> None:
        """Rows of the row reader (already without blank rows), as columns."""
        if not rows:
            return
        pa = self.pa
        labels = self.np.fromiter((r.row for r in rows), dtype=self.np.int64, count=len(rows))
        cells = zip(*(r.values.values() for r in rows))  # simple headers: one value per column
        self._add(
            labels, [self._blank_to_null(pa.array(c, pa.large_string()))[0] for c in cells]
        )

    def _add(self, labels: Any, columns: list[Any], verdict: tuple[Any, Any] | None = None) -> None:
        self.labels.append(labels)
        self.verdicts.append(verdict)
        for chunks, column in zip(self.chunks, columns):
            chunks.append(column)

    def _blank_to_null(self, column: Any) -> tuple[Any, Any]:
        """(the column with empty and white-space cells missing, which cells were so)."""
        np, pa, pc = self.np, self.pa, _columnar.pc
        if isinstance(column, pa.ChunkedArray):
            column = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
        if not pa.types.is_large_string(column.type):
            column = column.cast(pa.large_string())
        maybe = self.checks.maybe_blank(column)  # False: certainly not blank
        if not maybe.any():
            return column, maybe
        n = len(column)
        offsets = np.frombuffer(column.buffers()[1], dtype=np.int64)[column.offset :][: n + 1]
        unsure = np.flatnonzero(maybe & (offsets[1:] != offsets[:-1]))
        if len(unsure):  # starts with white space: str.strip() decides, as the row engine
            values = column.take(pa.array(unsure)).to_pylist()
            maybe[unsure] = [v is None or not v.strip() for v in values]
        if maybe.all():
            return pa.nulls(n, pa.large_string()), maybe
        if maybe.any():
            column = pc.if_else(pa.array(maybe), pa.scalar(None, pa.large_string()), column)
        return column, maybe

    def frame(
        self, headers: Sequence[str], pandas: Any, judge: _Judge | None = None
    ) -> pd.DataFrame:
        """The DataFrame, each column handed to pandas as its Arrow blocks (no copy).

        pandas' ``str`` columns hold a chunked Arrow array; the column checks of
        :func:`~credit_disclosure.pandas.score_frame` and ``validate_frame`` judge it block
        by block.
        """
        np, pa = self.np, self.pa
        labels = np.concatenate(self.labels) if self.labels else np.zeros(0, dtype=np.int64)
        n = len(labels)
        self.labels = []
        index = pandas.Index(labels, name="row", dtype="int64")
        if n == 0:  # as the row engine builds it (pandas drops the index's name there)
            empty: pd.DataFrame = pandas.DataFrame.from_records([], index=index, columns=headers)
            return empty
        string = pandas.Series(["x"]).dtype
        data: dict[str, Any] = {}
        held: dict[int, list[Any]] = {}
        for i, (name, chunks) in enumerate(zip(headers, self.chunks)):
            column = pa.chunked_array(chunks, pa.large_string())
            held[i] = list(chunks)
            chunks.clear()
            if column.null_count == n:  # no value at all: an object column of None
                data[name] = np.full(n, None, dtype=object)
                continue
            data[name] = string.__from_arrow__(column)
        frame: pd.DataFrame = pandas.DataFrame(data, index=index, copy=False)
        if judge is not None and any(v is not None for v in self.verdicts):
            chunks_by_code = {code: held[i] for code, i in judge.columns.items()}
            _remember(frame, judge.judged(chunks_by_code, self.verdicts))
        return frame


def _columnar_frame(reader: CsvReader, pandas: Any, *, parse: bool) -> pd.DataFrame:
    """The frame of a CSV file with simple headers, built column by column in Arrow."""
    checks = ColumnChecks(RecordKind.PENALTY)  # only for its blank-cell test
    offset = _columnar._fast_start(reader) if parse or _columnar.worth_it(reader) else None
    if offset is None:
        return _gathered(reader, iter(reader), _Columns(len(reader.headers), checks), pandas)
    assert isinstance(reader, CsvReader)
    with concurrent.futures.ThreadPoolExecutor(WORKERS, "credit-disclosure-parse") as pool:
        blocks = _Blocks(reader, checks, offset, pool)
        items = blocks.rows()
        try:
            return _gathered(reader, items, blocks.cells, pandas, blocks, _Judge.of(reader.headers))
        finally:
            items.close()  # stops the thread reading ahead before the file is closed


def _gathered(
    reader: CsvReader,
    items: Iterator[RawRow | _columnar.Cleared],
    columns: _Columns,
    pandas: Any,
    blocks: _Blocks | None = None,
    judge: _Judge | None = None,
) -> pd.DataFrame:
    """The frame of the usable rows of ``items`` (a :class:`_Blocks`' parsed blocks come as
    :class:`~._columnar.Cleared` runs, their cells in ``blocks.parsed``, judged by ``judge``
    in this thread while the pool parses the next ones)."""
    pending: list[RawRow] = []
    for item in items:
        if isinstance(item, _columnar.Cleared):
            assert blocks is not None
            columns.add_rows(pending)
            pending = []
            columns.add_block(item.first, blocks.parsed, judge)
            blocks.parsed = None
            continue
        if item.usable:
            pending.append(item)
            if len(pending) >= _ROWS_PER_BATCH:
                columns.add_rows(pending)
                pending = []
    columns.add_rows(pending)
    return columns.frame(reader.headers, pandas, judge)


class _Judge:
    """The column checks of the 2018 standard run over a frame's blocks as they are read.

    The kind is detected from the headers (no kind, no judging) and the checks judged with
    ``as_of=date.max`` and the default options, noting each row's latest day
    (:meth:`ColumnChecks.clean`'s ``latest``): :func:`score_frame` and ``validate_frame``
    then take the verdicts of the blocks they find unchanged, for their own ``as_of``.

    A block is judged on its cells as parsed, before blank cells become missing values (the
    column checks run about a third faster on columns without missing values). That clears
    no row the frame's cells would not: the column checks take an empty cell and a missing
    value alike, and a cell of white space only (missing in the frame) keeps its row from
    being cleared, where the frame's missing value would not; such rows go to the row engine.
    """

    def __init__(self, kind: RecordKind, columns: dict[str, int]) -> None:
        self.checks = ColumnChecks(kind, StandardVersion.V2018, as_of=date.max)
        #: field code -> column number
        self.columns = columns
        self.generation = divisions.generation()

    @classmethod
    def of(cls, headers: Sequence[str]) -> _Judge | None:
        kind = detect_kind(headers, StandardVersion.V2018)
        if kind is None:
            return None
        resolver = HeaderResolver(kind, StandardVersion.V2018)
        resolver.resolve_all(headers)
        number = {h: i for i, h in enumerate(headers)}  # simple headers: each once
        columns = {code: number[str(h)] for h, code in resolver.columns()}
        return cls(kind, columns) if columns else None

    def __call__(self, columns: list[Any]) -> tuple[Any, Any]:
        """(rows cleared whatever as_of, their latest day) of one block's columns."""
        n = len(columns[0])
        latest = _columnar.np.zeros(n, dtype=_columnar.np.int64)
        cells = {code: columns[i] for code, i in self.columns.items()}
        ok = self.checks.clean(cells, n, latest=latest)
        return ok, latest.astype(_columnar.np.int32)  # day ordinals fit: 5 bytes a row kept

    def judged(
        self, chunks: dict[str, list[Any]], verdicts: list[tuple[Any, Any] | None]
    ) -> FrameVerdicts:
        checks = self.checks
        return FrameVerdicts(checks.kind, checks.version, checks.options, self.generation, chunks, verdicts)


@attrs.frozen(eq=False)
class FrameVerdicts:
    """What ``read_records`` established about a frame it built: the column checks' verdicts
    on its blocks, which ``score_frame`` and ``validate_frame`` take instead of judging again.

    ``read_records`` judges each block it parses with :class:`~credit_disclosure.standard.ColumnChecks`
    (the kind its headers name, the 2018 standard, the default options) once for any
    ``as_of``: per row, whether it is cleared and the latest day its clearing took to be on
    or before ``as_of``. :meth:`cleared` gives a block's verdict only while its cells are
    still the ones judged: for every field the column checks read, the frame's column holds
    the very Arrow chunk that was judged, at the rows it was judged at (same buffers, which this value holds, so that
    their memory cannot be reused for other cells while it lives), or the field had no value
    there and still has none; and only for the same kind, standard, options and division
    codes. A user who edits cells, sorts, renames or replaces columns between the two calls
    gets those blocks judged afresh. Get it with :func:`frame_verdicts`.

    >>> import io
    >>> from credit_disclosure.io import write_csv
    >>> from credit_disclosure.pandas import read_records
    >>> from credit_disclosure.samples import generate_records
    >>> from credit_disclosure.standard import RecordKind
    >>> records = generate_records(RecordKind.PENALTY, 50, seed=1)
    >>> text = io.StringIO()
    >>> _ = write_csv((r.values for r in records), text, RecordKind.PENALTY)
    >>> frame = read_records(io.BytesIO(text.getvalue().encode()), engine="columnar")
    >>> verdicts = frame_verdicts(frame)
    >>> verdicts.kind.value, len(verdicts.verdicts), frame_verdicts(frame.copy()) is None
    ('penalty', 1, True)
    """

    kind: RecordKind
    version: StandardVersion
    options: ValidationOptions
    generation: int
    #: field code -> the frame's chunks of its column, as judged
    chunks: Mapping[str, list[Any]]
    #: per chunk: (cleared whatever as_of, latest day) or None (not judged)
    verdicts: list[tuple[Any, Any] | None]

    def cleared(
        self, arrays: Mapping[str, Any], slices: Sequence[tuple[int, int]], checks: ColumnChecks
    ) -> list[Any | None]:
        """Per slice of ``arrays`` (field code -> the frame's arrays, as the column checks
        get them): the rows ``checks`` clears, from the verdicts, or ``None`` (judge it)."""
        unknown: list[Any | None] = [None] * len(slices)
        if (
            checks.kind is not self.kind
            or checks.version is not self.version
            or checks.options != self.options
            or divisions.generation() != self.generation
            or [size for _, size in slices] != [len(c) for c in self._any_chunks()]
        ):
            return unknown
        day = checks.as_of.toordinal()
        out = unknown
        for k, (start, size) in enumerate(slices):
            verdict = self.verdicts[k]
            if verdict is not None and all(
                _same(self.chunks[code][k] if code in self.chunks else None, arrays.get(code), start, size)
                for code in checks.codes
            ):
                ok, latest = verdict
                out[k] = ok & (latest <= day)
        return out

    def _any_chunks(self) -> list[Any]:
        return next(iter(self.chunks.values()))


def _same(judged: Any, now: Any, start: int, size: int) -> bool:
    """Whether a column's cells in a slice are still the judged chunk's (or, with it, none).

    The slice is cut from the column at the slice's own rows: a column whose chunks start
    at other rows than the slices (a column shifted, ``frame[c] = frame[c].shift(-1)``) may
    hold a judged chunk, but at other rows than its verdict's, and then it is no match.
    """
    if now is not None:
        now = now.slice(start, size)
        if hasattr(now, "num_chunks"):  # the rows of the slice, in one chunk or several
            if now.num_chunks == 1:
                now = now.chunk(0)
            elif not (judged is None or judged.null_count == len(judged)):
                return False  # cells of several chunks are not the one chunk judged
    if judged is None or judged.null_count == len(judged):
        return now is None or (len(now) == size and now.null_count == size)
    if now is None or now.type != judged.type or len(now) != len(judged) or now.offset != judged.offset:
        return False
    return all(
        a is b is None or (a is not None and b is not None and (a.address, a.size) == (b.address, b.size))
        for a, b in zip(now.buffers(), judged.buffers(), strict=True)
    )


#: id of a frame -> (a weak reference to it, what read_records established); an entry goes
#: with its frame.
_JUDGED: dict[int, tuple[weakref.ref[Any], FrameVerdicts]] = {}


def _remember(frame: Any, judged: FrameVerdicts) -> None:
    key = id(frame)

    def forget(_: object) -> None:
        _JUDGED.pop(key, None)

    _JUDGED[key] = (weakref.ref(frame, forget), judged)


def frame_verdicts(frame: Any) -> FrameVerdicts | None:
    """What ``read_records`` established about ``frame`` when it built it (``None``: nothing).

    Only the very frame ``read_records`` returned has them (not a copy or a slice of it);
    they go when the frame is freed. See :class:`FrameVerdicts`.

    >>> from credit_disclosure.pandas import read_records
    >>> from credit_disclosure.samples import sample_path
    >>> frame_verdicts(read_records(sample_path("license"))) is None  # GB18030: row by row
    True
    """
    entry = _JUDGED.get(id(frame))
    if entry is None or entry[0]() is not frame:
        return None
    return entry[1]
