"""The columnar fast path of ``check_file`` for CSV: Arrow batches, rows cleared by columns.

The file is read in bounded byte chunks cut at line ends. A chunk is taken by the
fast path only when it is *regular*: every line is one record of exactly as many
cells as the header (no quoted line break, no blank line, no line end other than LF
or CR LF, no NUL byte, valid UTF-8, quotes only around whole cells), so that
pyarrow's CSV parser and the row reader (:class:`~credit_disclosure.io._readers.CsvReader`)
give the same cells, row numbers and lines. Then
:class:`~credit_disclosure.standard.ColumnChecks` clears the rows the row engine would
find nothing in; every other row is handed on as the :class:`RawRow` the row reader
would have made, for ``check_row``. At the first chunk that is not regular the rest
of the file is read by the row reader itself, from that chunk's first line on.
"""

from __future__ import annotations

import contextlib
import io
import queue
import threading
from collections.abc import Generator, Iterator
from typing import Any, Final

import attrs

from ..standard import ColumnChecks, HeaderResolver
from ._readers import CsvReader, RawRow, TableReader, _is_blank

__all__ = ["Cleared", "fast_rows"]

#: Bytes read per batch: about 4,000 penalty rows; memory stays flat at any file size.
CHUNK_BYTES: Final = 2 << 20
#: ``engine="auto"`` takes the fast path for files at least this large: below it the fixed
#: costs (importing pyarrow, per-batch work) outweigh the gain, and a caller streaming rows
#: (``on_row``, the HTTP service) gets the first ones at once.
AUTO_MIN_BYTES = 4 << 20
#: The first batch is smaller, so that a caller streaming rows (``on_row``) sees them soon.
FIRST_CHUNK_BYTES: Final = 256 << 10
_BOM: Final = b"\xef\xbb\xbf"

np: Any = None
pa: Any = None
pc: Any = None
pacsv: Any = None


def available() -> bool:
    """Whether pyarrow and numpy can be imported (else check_file uses the row engine)."""
    global np, pa, pc, pacsv
    if pacsv is not None:
        return True
    try:
        import numpy
        import pyarrow
        import pyarrow.compute
        import pyarrow.csv
    except ImportError:
        return False
    np, pa, pc, pacsv = numpy, pyarrow, pyarrow.compute, pyarrow.csv
    return True


#: Parse batches with Polars when it is installed (tests switch it off to cover pyarrow's).
USE_POLARS = True


def _polars() -> Any:
    try:
        import polars
    except ImportError:
        return None
    return polars


@attrs.frozen
class Cleared:
    """``count`` consecutive data rows from row ``first`` on, each without any issue.

    ``table`` is the batch they were read in (an Arrow table with one string column per
    header, in the header's order; ``None`` when none is kept) and ``start`` the index of
    row ``first`` in it: a consumer that needs the cleared rows' cells (the ledger's
    import stores them) takes them from there instead of reading the file again.

    >>> run = Cleared(5, 3)
    >>> run.first, run.count, run.table is None
    (5, 3, True)
    """

    first: int
    count: int
    table: Any = attrs.field(default=None, eq=False, repr=False)
    start: int = attrs.field(default=0, eq=False)


def _quotes_regular(a: Any, q: Any, newlines: Any, delimiter: int) -> bool:
    """Whether every quote of the chunk opens or closes a whole cell or doubles a quote.

    With that, and an even number of quotes on every line, the csv module and Arrow
    split each line into the same cells (no quoted line break, no text after a
    closing quote, no quote inside an unquoted cell).
    """
    if len(q) % 2:
        return False
    if (np.searchsorted(q, newlines) % 2).any():
        return False
    size = len(a)
    prev = a[np.maximum(q - 1, 0)]
    prev = np.where(q == 0, 10, prev)
    after = a[np.minimum(q + 1, size - 1)]
    after = np.where(q == size - 1, 10, after)
    even = (np.arange(len(q)) % 2) == 0
    opens = (prev == delimiter) | (prev == 10) | (prev == 34)
    closes = (after == delimiter) | (after == 13) | (after == 10) | (after == 34)
    return bool(np.where(even, opens, closes).all())


def _count_byte(column: Any, byte: int) -> int | None:
    """How often ``byte`` occurs in the values of a (chunked) Arrow string column
    (``None``: not a column of strings with offsets)."""
    total = 0
    for chunk in column.chunks:
        wide = pa.types.is_large_string(chunk.type)
        if not wide and not pa.types.is_string(chunk.type):
            return None
        if not len(chunk):
            continue
        buffers = chunk.buffers()
        offsets = np.frombuffer(buffers[1], dtype=np.int64 if wide else np.int32)
        first, last = offsets[chunk.offset], offsets[chunk.offset + len(chunk)]
        if buffers[2] is not None and last > first:
            data = np.frombuffer(buffers[2], dtype=np.uint8)[first:last]
            total += int(np.count_nonzero(data == byte))
    return total


class _Fast:
    def __init__(
        self, reader: CsvReader, resolver: HeaderResolver, checks: ColumnChecks, offset: int
    ) -> None:
        self.reader = reader
        self.checks = checks
        self.offset = offset
        headers = reader.headers
        self.width = len(headers)
        self.names = [f"c{i}" for i in range(self.width)]
        self.codes: dict[str, int] = {}
        for i, h in enumerate(headers):
            code = resolver.codes.get(h)
            if code is not None:
                self.codes[code] = i
        self.keys = list(reader._map.keys)
        delimiter = reader.delimiter
        self.delimiter = ord(delimiter)
        #: Polars' CSV parser reads a batch about twice as fast as pyarrow's (docs/standard.md)
        self.polars = _polars() if USE_POLARS else None
        self.read_options = pacsv.ReadOptions(
            column_names=self.names, use_threads=False, block_size=CHUNK_BYTES + (1 << 20)
        )
        self.parse_options = pacsv.ParseOptions(
            delimiter=delimiter,
            quote_char='"',
            double_quote=True,
            escape_char=False,
            newlines_in_values=False,
            ignore_empty_lines=True,
        )
        self.convert_options = pacsv.ConvertOptions(
            column_types=dict.fromkeys(self.names, pa.string()),
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
            check_utf8=True,
        )

    def table(self, chunk: bytes) -> Any:
        """The chunk's cells as an Arrow table, or ``None`` when the chunk is not regular."""
        if b"\x00" in chunk or chunk.startswith(_BOM):
            return None
        a = np.frombuffer(chunk, dtype=np.uint8)
        newlines = np.flatnonzero(a == 10)
        if b"\r" in chunk:
            crs = np.count_nonzero(a == 13)
            if crs != len(newlines) or not (a[newlines - 1] == 13).all():
                return None  # a line that ends in CR alone (or some lines in LF, some in CR LF)
        lines = len(newlines) + (0 if chunk.endswith(b"\n") else 1)
        quoted = b'"' in chunk
        if quoted and not _quotes_regular(a, np.flatnonzero(a == 34), newlines, self.delimiter):
            return None
        table = self.parse(chunk)
        if table is None or table.num_rows != lines:
            return None
        table = table.combine_chunks()  # one chunk per column, here beside the checks
        # Every line holds exactly width - 1 separators. The parsers refuse a line with more
        # cells than the header (Polars fills a line with fewer, pyarrow refuses it too), so
        # it is enough that the chunk holds lines * (width - 1) separators: its delimiters
        # less those inside quoted cells, which the cells' values hold.
        separators = int(np.count_nonzero(a == self.delimiter))
        if quoted:
            for column in table.columns:
                inside = _count_byte(column, self.delimiter)
                if inside is None:
                    return None
                separators -= inside
        if separators != lines * (self.width - 1):
            return None  # blank lines, rows with fewer cells
        return table

    def parse(self, chunk: bytes) -> Any:
        """The cells of a chunk already known regular (Polars' parser when installed)."""
        if self.polars is not None:
            try:
                frame = self.polars.read_csv(
                    chunk,
                    has_header=False,
                    new_columns=self.names,
                    separator=chr(self.delimiter),
                    quote_char='"',
                    infer_schema=False,
                    empty_string_is_null=False,
                    encoding="utf8",
                    raise_if_empty=False,
                )
            except Exception:
                return None
            return frame.to_arrow()
        try:
            return pacsv.read_csv(
                pa.py_buffer(chunk),
                read_options=self.read_options,
                parse_options=self.parse_options,
                convert_options=self.convert_options,
            )
        except (pa.ArrowInvalid, pa.ArrowException):
            return None  # bytes that are not UTF-8, ...

    def batch(self, table: Any, line: int) -> Iterator[RawRow | Cleared]:
        """The rows of one regular chunk whose first line is ``line``."""
        reader = self.reader
        n = table.num_rows
        first_row = line - reader.header_line
        columns = {code: table.column(i) for code, i in self.codes.items()}
        cleared = self.checks.clean(columns, n)
        # blank rows (every cell empty or white space) are counted, not checked
        # (a blank row is never cleared: the standard's required fields are empty in it)
        pending = np.flatnonzero(~cleared)
        if not len(pending):
            yield Cleared(first_row, n, table, 0)
            return
        sub = table.take(pa.array(pending))
        cells = list(zip(*(sub.column(i).to_pylist() for i in range(self.width))))
        keys = self.keys
        done = 0
        for index, values in zip(pending.tolist(), cells):
            if index > done:
                yield Cleared(first_row + done, index - done, table, done)
            done = index + 1
            if _is_blank(values):  # stops at the first cell with a value
                reader.blank_rows += 1
                continue
            number = line + index
            yield RawRow(first_row + index, dict(zip(keys, values)), (), True, number, number)
        if done < n:
            yield Cleared(first_row + done, n - done, table, done)

    def chunks(self) -> Iterator[tuple[Any, int, bool, bytes]]:
        """(table, bytes, all ASCII, rest) of each chunk in file order, from the data on.

        ``table`` is ``None`` for the first chunk that is not regular; ``rest`` then holds
        its bytes and those read after it, nothing more is read, and the row reader goes on
        from there. Only the table of a regular chunk is kept, not its bytes.
        """
        for chunk, eof in self.cuts(FIRST_CHUNK_BYTES, CHUNK_BYTES):
            table = self.table(chunk) if cut_ok(chunk, eof) else None
            if table is None:
                yield None, len(chunk), False, chunk + self.carry
                return
            yield table, len(chunk), chunk.isascii(), b""

    #: The bytes :meth:`cuts` read after the chunk it gave last.
    carry: bytes = b""

    def cuts(self, first: int, size: int) -> Iterator[tuple[bytes, bool]]:
        """(chunk, end of file) in file order from the data on: ``first`` bytes, then up to
        ``size``, each cut after its last line end (a chunk without one only at the end
        of the file or past ``16 * size``); :attr:`carry` holds what was read after it."""
        fp = self.reader._fp
        fp.seek(self.offset)
        carry = b""
        step = first
        while True:
            data = fp.read(step)
            step = min(step * 4, size)
            eof = not data
            buf = carry + data if carry else data
            del data
            if eof:
                chunk, carry = buf, b""
                if not chunk:
                    return
            else:
                cut = buf.rfind(b"\n") + 1
                if cut == 0 and len(buf) < 16 * size:
                    carry = buf  # one very long line so far
                    continue
                chunk, carry = (buf[:cut], buf[cut:]) if cut else (buf, b"")
            del buf
            self.carry = carry
            yield chunk, eof
            if eof:
                return

    def rows(self) -> Generator[RawRow | Cleared, None, None]:
        reader = self.reader
        consumed = self.offset
        line = reader.header_line + 1
        decoder = reader._decoder
        # the next batch is read, scanned and parsed in a thread while this one is checked
        # (the parsers, Arrow and numpy release the GIL); at most AHEAD batches wait
        ahead = _Ahead(self.chunks())
        try:
            for table, size, ascii, rest in ahead:
                if table is None:
                    # not regular: the row reader reads the rest, from this chunk's first line
                    ahead.close()
                    yield from reader._resume(rest, line, consumed)
                    return
                if decoder.undecided and not ascii:
                    decoder.undecided = False  # real UTF-8 seen, as the line decoder would note
                yield from self.batch(table, line)
                line += table.num_rows
                consumed += size
                reader._lines.consumed = consumed
        finally:
            ahead.close()


#: Batches read and parsed ahead of the one being checked.
AHEAD: Final = 1


class _Ahead:
    """The items of an iterator computed in a thread, at most ``AHEAD`` in waiting.

    :meth:`close` stops the thread and waits for it, so that the caller may use what
    the iterator read from (the file) afterwards. An exception in the thread is raised
    where the item it would have made is taken.
    """

    _END: Final = object()

    def __init__(self, source: Iterator[Any]) -> None:
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=AHEAD)
        self._stop = threading.Event()
        self._source = source
        self._thread = threading.Thread(target=self._run, name="credit-disclosure-read", daemon=True)
        self._thread.start()

    def _put(self, item: Any) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.05)
            except queue.Full:
                continue
            return True
        return False

    def _run(self) -> None:
        try:
            for item in self._source:
                if not self._put((item, None)):
                    return
        except BaseException as exc:  # handed to the consumer, raised there
            self._put((None, exc))
        finally:
            self._put((self._END, None))

    def __iter__(self) -> Iterator[Any]:
        while True:
            item, exc = self._queue.get()
            if exc is not None:
                raise exc
            if item is self._END:
                return
            yield item

    def close(self) -> None:
        self._stop.set()
        while self._thread.is_alive():
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.05)  # free a producer waiting to put
        self._thread.join()


def cut_ok(chunk: bytes, eof: bool) -> bool:
    """A chunk must end at a line end unless it is the end of the file."""
    return eof or chunk.endswith(b"\n")


def _data_offset(reader: CsvReader) -> int | None:
    """The byte offset of the line after the header (``None``: not found near the start)."""
    fp = reader._fp
    try:
        fp.seek(0)
        head = fp.read(4 << 20)
    except (OSError, io.UnsupportedOperation):
        return None
    lines = head.splitlines(keepends=True)
    whole = len(head) < 4 << 20
    if len(lines) < reader.header_line or (len(lines) == reader.header_line and not whole):
        return None
    return sum(len(x) for x in lines[: reader.header_line])


def worth_it(reader: TableReader) -> bool:
    """Whether a file is large enough for ``engine="auto"`` to take the fast path."""
    size = getattr(reader, "_size", None)
    return size is not None and size >= AUTO_MIN_BYTES


def fast_rows(
    reader: TableReader, resolver: HeaderResolver, checks: ColumnChecks
) -> Generator[RawRow | Cleared, None, None] | None:
    """The rows of ``reader`` for the batch loop, cleared in batches where columns can tell.

    ``None`` when the fast path does not apply (not a seekable UTF-8 CSV file with one
    header per column, or a kind and version without column forms): the caller then
    iterates ``reader`` itself.
    """
    if not checks.supported:
        return None
    offset = _fast_start(reader)
    if offset is None:
        return None
    assert isinstance(reader, CsvReader)
    return _Fast(reader, resolver, checks, offset).rows()


def _fast_start(reader: TableReader) -> int | None:
    """Where the data rows start (a byte offset), or ``None`` when the fast path does not apply."""
    if not isinstance(reader, CsvReader) or not available():
        return None
    if not reader.headers or not reader._map.simple or reader.encoding not in ("utf-8", "utf-8-sig"):
        return None
    if len(reader.delimiter) != 1 or reader.delimiter in '"\r\n' or not reader.delimiter.isascii():
        return None
    try:
        seekable = reader._fp.seekable()
    except (AttributeError, ValueError):
        seekable = False
    if not seekable or reader._decoder.bad_lines:
        return None
    position = reader._fp.tell()
    offset = _data_offset(reader)
    if offset is None:
        reader._fp.seek(position)
    return offset


class _Tables(_Fast):
    """The regular chunks as Arrow tables, no rule applied (``read_records``' reader).

    :meth:`rows` gives a :class:`Cleared` run for each regular chunk, whose table (every
    line of the chunk, blank rows included) is :attr:`parsed` until the next one.
    """

    parsed: Any = None

    def batch(self, table: Any, line: int) -> Iterator[RawRow | Cleared]:
        self.parsed = table  # the caller takes it as it gets the Cleared run
        yield Cleared(line - self.reader.header_line, table.num_rows)
