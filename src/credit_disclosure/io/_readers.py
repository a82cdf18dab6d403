"""Streaming readers of raw rows: CSV (any encoding Chinese Excel writes), XLSX, JSON Lines.

A reader turns a file into :class:`RawRow` objects one at a time, so memory
stays flat however large the file. It never fails on a bad row: a row that
cannot be decoded or split into cells carries an :class:`Issue` instead, and
the rows after it are read as usual. Only a file that cannot be opened at all
(missing, not a spreadsheet) raises.
"""

from __future__ import annotations

import codecs
import collections
import csv
import enum
import io
import itertools
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Final, TypeVar

import attrs

from .._optional import require
from ..errors import InvalidFormat
from ..standard import Issue
from . import _calamine
from ._encoding import (
    GB18030,
    SNIFF_BYTES,
    UTF8,
    UTF8_SIG,
    UTF16,
    LineDecoder,
    detect_encoding,
    sniff_not_text,
)
from ._issues import io_issue

__all__ = ["FileFormat", "RawRow", "TableReader", "guess_format", "open_table"]

Source = str | os.PathLike[str] | IO[bytes]
#: Whether a row's cells are the header row (see :func:`open_table`'s ``is_header``).
HeaderTest = Callable[[Sequence[object]], bool]

#: Non-blank rows searched for the header row before the first one is taken instead.
HEADER_SEARCH_ROWS: Final = 64
_R = TypeVar("_R")


class FileFormat(enum.Enum):
    """The file formats the batch layer reads and writes.

    >>> FileFormat("jsonl")
    <FileFormat.JSONL: 'jsonl'>
    """

    CSV = "csv"
    XLSX = "xlsx"
    JSONL = "jsonl"


_SUFFIXES: Final = {
    ".csv": FileFormat.CSV,
    ".txt": FileFormat.CSV,
    ".tsv": FileFormat.CSV,
    ".xlsx": FileFormat.XLSX,
    ".xlsm": FileFormat.XLSX,
    ".jsonl": FileFormat.JSONL,
    ".ndjson": FileFormat.JSONL,
    ".json": FileFormat.JSONL,
}


def guess_format(name: str | os.PathLike[str], head: bytes = b"") -> FileFormat:
    """Guess a file's format from its name, else from its first bytes.

    A ZIP signature means XLSX; a first non-blank ``{`` means JSON Lines;
    anything else is read as CSV.

    >>> guess_format("penalties.xlsx")
    <FileFormat.XLSX: 'xlsx'>
    >>> guess_format("export", b'{"CF_WSH": "x"}')
    <FileFormat.JSONL: 'jsonl'>
    >>> guess_format("export.dat", b"CF_WSH,CF_XDR_MC")
    <FileFormat.CSV: 'csv'>
    """
    suffix = Path(os.fspath(name)).suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if head.startswith(b"PK\x03\x04"):
        return FileFormat.XLSX
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return FileFormat.JSONL
    return FileFormat.CSV


@attrs.frozen
class RawRow:
    """One data row as read, before any validation.

    ``row`` is the 1-based data-row number (the header is not counted; blank
    rows are counted, so that row ``n`` is line ``n + 1`` of a one-line-per-row
    CSV file and spreadsheet row ``n + 1``). ``values`` maps the file's header
    texts (or JSON keys) to cell values: ``str`` from CSV and JSON Lines,
    possibly ``int``, ``float``, ``datetime`` or ``None`` from XLSX and JSON.
    ``issues`` are the problems met reading it; when ``usable`` is false the
    cells could not be matched to columns and ``values`` is empty.
    ``line`` and ``last_line`` are where the row is in the file, 1-based: the
    first and last physical line of a CSV or JSON Lines row (a quoted value may
    run over several lines), the sheet row of an XLSX row; ``None`` for rows
    that did not come from a file.

    >>> RawRow(3, {"CF_WSH": "京市监罚〔2024〕12号"}).usable
    True
    """

    row: int
    values: Mapping[str, object]
    issues: tuple[Issue, ...] = ()
    usable: bool = True
    line: int | None = None
    last_line: int | None = None


class TableReader:
    """A streaming reader of one file: the header, then :class:`RawRow` objects.

    Use :func:`open_table` to make one. ``headers`` are the header texts in
    column order (for JSON Lines, the keys of the first object);
    ``file_issues`` collects file-level issues (no row) as they are met;
    ``blank_rows`` counts the blank rows skipped; ``header_line`` is the line
    (XLSX: the sheet row) of the header, 0 for JSON Lines and an empty file;
    ``progress()`` gives the fraction of the file read so far, for progress bars.

    Every line after the header is accounted for: it is in the ``line`` to
    ``last_line`` span of exactly one row read, or it is one of the
    ``blank_rows``.

    >>> import io
    >>> data = "CF_WSH,CF_XDR_MC\\n文号1,甲公司\\n,\\n文号2\\n".encode("utf-8")
    >>> with open_table(io.BytesIO(data)) as reader:
    ...     rows = [(raw.row, raw.line, raw.usable) for raw in reader]
    ...     print(reader.headers, rows, reader.blank_rows, reader.progress())
    ('CF_WSH', 'CF_XDR_MC') [(1, 2, True), (3, 4, False)] 1 1.0
    """

    format: FileFormat
    encoding: str | None
    headers: tuple[str, ...]
    name: str

    def __init__(self) -> None:
        self.file_issues: list[Issue] = []
        self.blank_rows = 0
        self.header_line = 0

    def __iter__(self) -> Iterator[RawRow]:
        raise NotImplementedError  # pragma: no cover

    def progress(self) -> float | None:
        """The fraction of the file read so far, between 0 and 1, or ``None`` if unknown."""
        return None

    def close(self) -> None:
        """Close the underlying file (if the reader opened it)."""

    def __enter__(self) -> TableReader:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


#: Big-endian byte-order marks of the codecs whose line end is wider than a byte.
_WIDE_BOMS: Final = {"utf-16": codecs.BOM_UTF16_BE, "utf-32": codecs.BOM_UTF32_BE}
#: The codec of each wide LF, to encode its CR with.
_WIDE_CODECS: Final = {
    "\n".encode(c): c for c in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
}


def _open_binary(source: Source) -> tuple[IO[bytes], str, bool]:
    """Return (binary file, display name, whether we opened it)."""
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        return open(path, "rb"), path, True
    return source, str(getattr(source, "name", "<stream>")), False


def _size(fp: IO[bytes]) -> int | None:
    try:
        return os.fstat(fp.fileno()).st_size
    except (OSError, AttributeError, io.UnsupportedOperation):
        try:
            pos = fp.tell()
            end = fp.seek(0, io.SEEK_END)
            fp.seek(pos)
        except (OSError, io.UnsupportedOperation):
            return None
        return end


def _is_blank(cells: Iterable[object]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


class _CountingLines:
    """Iterate the physical lines of a binary file, counting the bytes handed out.

    A line ends at CR LF, a lone LF or a lone CR (kept at its end), whatever the
    file mixes: Excel on a Mac, old Mac tools and some exporters end lines with CR
    alone. ``newline`` is the LF of the codec; when it is wider than one byte
    (UTF-16/32) line ends are found only at whole-unit offsets, so that U+0A00 or a
    character whose code unit holds 0x0A or 0x0D never splits a line.
    """

    def __init__(self, fp: IO[bytes], prefix: bytes, newline: bytes = b"\n") -> None:
        self._fp = fp
        self._prefix = prefix
        self._newline = newline
        self.consumed = 0

    def __iter__(self) -> Iterator[bytes]:
        lines = self._split_bytes() if len(self._newline) == 1 else self._split_units()
        for line in lines:
            self.consumed += len(line)
            yield line

    def _split_bytes(self) -> Iterator[bytes]:
        # bytes.splitlines breaks at CR LF, LF and CR only (unlike str.splitlines), and
        # 0x0A/0x0D never occur inside a UTF-8 or GB18030 character.
        buf, read = self._prefix, self._fp.read
        while True:
            chunk = read(SNIFF_BYTES)
            if not chunk:
                yield from buf.splitlines(keepends=True)
                return
            lines = (buf + chunk).splitlines(keepends=True)
            last = lines.pop()
            # an unfinished last line, or one ending in CR whose LF may be in the next chunk
            buf = b"" if last.endswith(b"\n") else last
            if not buf:
                lines.append(last)
            yield from lines

    def _split_units(self) -> Iterator[bytes]:
        lf, width = self._newline, len(self._newline)
        cr = "\r".encode(_WIDE_CODECS[lf])
        buf, start = self._prefix, 0
        eof = False
        while True:
            end = _unit_break(buf, start, width, cr, lf, eof)
            if end is not None:
                yield buf[start:end]
                start = end
                continue
            if eof:
                if start < len(buf):
                    yield buf[start:]
                return
            chunk = self._fp.read(SNIFF_BYTES)
            eof = not chunk
            buf, start = buf[start:] + chunk, 0


def _aligned_find(buf: bytes, unit: bytes, start: int, width: int) -> int:
    pos = buf.find(unit, start)
    while pos != -1 and (pos - start) % width:
        pos = buf.find(unit, pos + 1)
    return pos


def _unit_break(
    buf: bytes, start: int, width: int, cr: bytes, lf: bytes, eof: bool
) -> int | None:
    """The end of the line that starts at ``start`` (after its CR LF, CR or LF), if in ``buf``."""
    pos_lf = _aligned_find(buf, lf, start, width)
    pos_cr = _aligned_find(buf, cr, start, width)
    if pos_cr == -1 or (pos_lf != -1 and pos_lf < pos_cr):
        return None if pos_lf == -1 else pos_lf + width
    after = pos_cr + width
    if buf.startswith(lf, after):
        return after + width
    if after >= len(buf) and not eof:
        return None  # a CR at the end of what was read: its LF may follow
    return after


class _HeaderMap:
    """Header plumbing shared by CSV and XLSX: blanks and positions."""

    def __init__(self, headers: list[str]) -> None:
        self.headers = tuple(headers)
        self.width = len(headers)
        # Columns with an empty header: their values are ignored (reported once).
        self.blank_positions = [i for i, h in enumerate(headers) if not h.strip()]
        self.keys = [h for h in headers if h.strip()]
        self.key_positions = [i for i, h in enumerate(headers) if h.strip()]
        self.blank_reported = False
        # Duplicate header texts: keep the first column, the later ones are ignored
        # here and reported by the check layer (it knows which texts name the same field).
        seen: set[str] = set()
        keep_keys: list[str] = []
        keep_positions: list[int] = []
        for key, pos in zip(self.keys, self.key_positions):
            if key in seen:
                continue
            seen.add(key)
            keep_keys.append(key)
            keep_positions.append(pos)
        self.keys, self.key_positions = keep_keys, keep_positions
        self.simple = not self.blank_positions and len(self.keys) == self.width

    def values(self, cells: list[Any] | tuple[Any, ...]) -> dict[str, object]:
        if self.simple:
            return dict(zip(self.keys, cells))
        return {k: cells[i] for k, i in zip(self.keys, self.key_positions)}

    def blank_issue(self, cells: list[Any] | tuple[Any, ...], row: int) -> Issue | None:
        if self.blank_reported or not self.blank_positions:
            return None
        for i in self.blank_positions:
            if i < len(cells) and not _is_blank((cells[i],)):
                self.blank_reported = True
                return io_issue("header.blank", row, column=i + 1)
        return None


class _LineReader(TableReader):
    """A reader of a byte stream split into lines (CSV, JSON Lines): progress by bytes read."""

    _fp: IO[bytes]
    _owned: bool
    _size: int | None
    _lines: _CountingLines

    def _open(self, source: Source) -> None:
        self._fp, self.name, self._owned = _open_binary(source)
        self._size = _size(self._fp)

    def progress(self) -> float | None:
        """The fraction of the file's bytes read so far."""
        if not self._size:
            return None
        return min(1.0, self._lines.consumed / self._size)

    def close(self) -> None:
        """Close the file if this reader opened it."""
        if self._owned:
            self._fp.close()




class _Feed:
    """What :func:`csv.reader` reads: a record's first line, then more lines only if it asks.

    The csv module knows the quotes: it asks for another line only when a quoted value
    is still open at the end of one. The feed hands it the following lines of the file
    (kept in :attr:`taken`) and says when there were none left (:attr:`starved`): the
    end of the file, or lines that are being read again one by one (``more`` is ``None``).
    """

    __slots__ = ("first", "more", "starved", "taken")

    def __init__(self) -> None:
        self.first: str | None = None
        self.more: Iterator[tuple[int, str]] | None = None
        self.taken: list[tuple[int, str]] = []
        self.starved = False

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        first = self.first
        if first is not None:
            self.first = None
            return first
        item = None if self.more is None else next(self.more, None)
        if item is None:
            self.starved = True
            raise StopIteration
        self.taken.append(item)
        return item[1]


class CsvReader(_LineReader):
    """Stream a CSV file (UTF-8, UTF-8 with BOM, GBK/GB18030 or UTF-16), accounting for every line.

    Lines end at CR LF, LF or CR, mixed freely. A quoted value may run over several
    lines, as in any CSV file; a quote that is never closed (or not within
    :func:`csv.field_size_limit` characters) is an error on the row where it opened
    (``row.quote``), and the lines after it are read again as rows of their own; so is
    a quoted value that runs over several lines into a row that does not fit the
    header (``row.quote_span``). Every line after the header is a row, part of a row,
    or blank.
    """

    format = FileFormat.CSV

    def __init__(
        self,
        source: Source,
        *,
        encoding: str | None = None,
        delimiter: str | None = None,
        header_row: int | None = None,
        is_header: HeaderTest | None = None,
    ) -> None:
        super().__init__()
        self._open(source)
        try:
            self._start(encoding, delimiter, header_row, is_header)
        except BaseException:
            self.close()
            raise

    def _start(
        self,
        encoding: str | None,
        delimiter: str | None,
        header_row: int | None = None,
        is_header: HeaderTest | None = None,
    ) -> None:
        head = self._fp.read(SNIFF_BYTES)
        detected = encoding or detect_encoding(head)
        if encoding is None and detected not in (UTF16, UTF8_SIG):  # no byte-order mark
            _refuse_non_text(head, self.name)
        self.encoding = codecs.lookup(detected).name
        undecided = encoding is None and head.isascii() and len(head) == SNIFF_BYTES
        codec = UTF8 if self.encoding == "utf-8-sig" else self.encoding
        if codec in _WIDE_BOMS:
            # UTF-16/32 lines end in a wide unit: split them as bytes in the byte order of
            # the BOM (little-endian without one), then decode line by line like the others.
            codec += "-be" if head.startswith(_WIDE_BOMS[codec]) else "-le"
        self._lines = _CountingLines(self._fp, head, "\n".encode(codec))
        self._decoder = LineDecoder(codec, undecided=undecided)
        self._text: Iterator[tuple[int, str]] = enumerate(
            self._decoder.decode(self._lines), start=1
        )
        self._rows: Iterator[RawRow] = iter(())
        found = _find_header(
            self._text,
            header_row,
            is_header,
            lambda line: _split_line(line, delimiter or _sniff_delimiter(line, detected)),
            lambda line: not line.strip(),
        )
        if found is None:
            self.headers = ()
            self.file_issues.append(io_issue("file.empty"))
            return
        self.header_line, first, self._text = found
        self.delimiter = delimiter or _sniff_delimiter(first, self.encoding)
        self._feed = _Feed()
        self._reader = csv.reader(self._feed, delimiter=self.delimiter)
        reason = None
        self._feed.first = first  # the header is one line: no feed of more lines
        try:
            header = next(self._reader)
        except csv.Error as exc:  # a value longer than the parser's limit
            reason = str(exc)
        if self._feed.starved:
            reason = "a quote that is not closed on the header line"
        if reason is not None:
            raise InvalidFormat(
                "file.header",
                message_en=f"the header line of {self.name} cannot be read as CSV ({reason})",
                message_zh=f"{self.name}的表头行无法按CSV解析（{reason}）",
            )
        self._map = _HeaderMap(header)
        self.headers = self._map.headers
        self._rows = self._iter_rows()

    def __iter__(self) -> Iterator[RawRow]:
        return self._rows

    def _resume(self, data: bytes, line: int, consumed: int) -> Iterator[RawRow]:
        """The rows from line ``line`` on, whose bytes start with ``data``, then the rest of the file.

        The columnar fast path (``io/_columnar.py``) reads the regular start of a file
        itself and hands the rest over here: line and row numbers, blank rows and the
        line decoder go on as if this reader had read every line.
        """
        self._lines = _CountingLines(self._fp, data, self._lines._newline)
        self._lines.consumed = consumed
        self._decoder.line = line - 1
        self._text = enumerate(self._decoder.decode(self._lines), start=line)
        return self._iter_rows(line - 1 - self.header_line)

    def _iter_rows(self, row: int = 0) -> Iterator[RawRow]:
        """The data rows; ``row`` is the number of data rows before the next line."""
        text = self._text
        reader = self._reader
        feed = self._feed
        delimiter = self.delimiter
        hmap = self._map
        width = hmap.width
        simple = hmap.simple
        keys = hmap.keys
        decoder = self._decoder
        bad_lines = decoder.bad_lines
        # Lines to read again, one by one, after a quote went wrong: (line number, text).
        again: collections.deque[tuple[int, str]] = collections.deque()
        while True:
            if again:
                number, line = again.popleft()
                feed.more = None  # a quote opened here would not close either
            else:
                try:
                    number, line = next(text)
                except StopIteration:
                    if decoder.encoding == GB18030:
                        self.encoding = GB18030  # it may have switched from UTF-8
                    return
                feed.more = text
            row += 1
            last = number
            issues: tuple[Issue, ...] = ()
            feed.first = line
            try:
                cells = next(reader)
            except (csv.Error, StopIteration) as exc:
                if feed.taken:  # a quoted value past the parser's limit: count it unclosed
                    feed.starved = True
                    cells = []
                else:
                    reason = str(exc).split("(")[0].strip() or type(exc).__name__
                    issue = io_issue("row.csv", row, reason=reason)
                    yield RawRow(row, {}, (issue,), False, number, number)
                    continue
            if feed.starved or feed.taken:
                taken = feed.taken
                feed.taken = []
                if feed.starved:  # the quote never closed: name the row, read the rest again
                    feed.starved = False
                    bad_lines.discard(number)
                    again.extendleft(reversed(taken))
                    yield _quote_row(row, number, again)
                    continue
                last = taken[-1][0]
                n = len(cells)
                if n != width and not (n > width and _is_blank(cells[width:])):
                    # the quote ran into rows of their own: name the row, read them again
                    bad_lines.discard(number)
                    again.extendleft(reversed(taken))
                    issue = io_issue(
                        "row.quote_span", row, line=number, last=last, cells=n, columns=width
                    )
                    yield RawRow(row, {}, (issue,), False, number, number)
                    continue
                look_alikes = sum(1 for _, more in taken if more.count(delimiter) >= width - 1)
                if look_alikes and width > 1:
                    issues = (
                        io_issue("row.multiline", row, line=number, last=last, rows=look_alikes),
                    )
            if bad_lines:
                hit = [k for k in range(number, last + 1) if k in bad_lines]
                if hit:
                    bad_lines.difference_update(hit)
                    issues += (io_issue("row.encoding", row, encoding=decoder.encoding),)
            n = len(cells)
            if n != width:
                if not cells:
                    self.blank_rows += 1
                    continue
                if n > width and _is_blank(cells[width:]):
                    cells = cells[:width]
                else:
                    if last == number and _is_blank(cells):
                        self.blank_rows += 1
                        continue
                    issues += (io_issue("row.columns", row, cells=n, columns=width),)
                    yield RawRow(row, {}, issues, False, number, last)
                    continue
            # empty or white space only, as in XLSX (the first cell decides for most rows)
            if last == number and not cells[0].strip() and _is_blank(cells):
                self.blank_rows += 1
                continue
            if simple:
                values: dict[str, object] = dict(zip(keys, cells))
            else:
                blank = hmap.blank_issue(cells, row)
                if blank is not None:
                    self.file_issues.append(blank)
                values = hmap.values(cells)
            yield RawRow(row, values, issues, True, number, last)


def _quote_row(row: int, line: int, again: collections.deque[tuple[int, str]]) -> RawRow:
    """The row where a quote opened that does not close: an error; the lines after it are read again."""
    issue = io_issue("row.quote", row, line=line, again=len(again))
    return RawRow(row, {}, (issue,), usable=False, line=line, last_line=line)


#: Why a "CSV" file is refused before reading: what it looks like, and what to do.
_NOT_TEXT: Final = {
    "utf-16-le": (
        "looks like UTF-16 text without a byte-order mark: pass the encoding utf-16-le",
        "疑似无字节序标记（BOM）的UTF-16文本，请指定编码utf-16-le",
    ),
    "utf-16-be": (
        "looks like UTF-16 text without a byte-order mark: pass the encoding utf-16-be",
        "疑似无字节序标记（BOM）的UTF-16文本，请指定编码utf-16-be",
    ),
    "xls": (
        "is an old Excel workbook (.xls) or another binary document, not CSV: "
        "save it as .xlsx or CSV",
        "是旧版Excel工作簿（.xls）或其他二进制文档而非CSV，请另存为.xlsx或CSV",
    ),
    "binary": (
        "is a binary file, not CSV text",
        "是二进制文件而非CSV文本",
    ),
}


def _refuse_non_text(head: bytes, name: str) -> None:
    """Raise ``file.encoding`` (UTF-16 without a BOM) or ``file.binary`` for a file that is not text."""
    problem = sniff_not_text(head)
    if problem is None:
        return
    en, zh = _NOT_TEXT[problem]
    raise InvalidFormat(
        "file.encoding" if problem.startswith("utf-16") else "file.binary",
        message_en=f"{name} {en}",
        message_zh=f"{name}{zh}",
    )


class _Prefixed(io.RawIOBase):
    """A raw stream that returns ``head`` and then the rest of ``fp``."""

    def __init__(self, head: bytes, fp: IO[bytes]) -> None:
        self._head = head
        self._fp = fp
        self.name = getattr(fp, "name", "<stream>")

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._fp.read(len(b))
        b[: len(data)] = data
        return len(data)


def _split_line(line: str, delimiter: str) -> list[str]:
    """The cells of one line of CSV (``[]`` when the csv module refuses it)."""
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def _find_header(
    rows: Iterator[tuple[int, _R]],
    header_row: int | None,
    is_header: HeaderTest | None,
    cells_of: Callable[[_R], Sequence[object]],
    blank: Callable[[_R], bool],
) -> tuple[int, _R, Iterator[tuple[int, _R]]] | None:
    """Find the header among numbered ``rows``: (its number, the row, the rows after it).

    ``header_row`` takes the row of that number (a blank one or none: ``None``);
    otherwise the header is the first non-blank row that ``is_header`` accepts among
    the first :data:`HEADER_SEARCH_ROWS` non-blank ones (a title, notes or blank rows
    above it are skipped); failing that, or without ``is_header``, the first non-blank
    row, and the rows after it are read as they come.

    >>> rows = iter(enumerate(["", "某区公示表", "CF_WSH", "x"], start=1))
    >>> number, header, rest = _find_header(rows, None, lambda c: c == ["CF_WSH"],
    ...                                     lambda r: [r], lambda r: not r)
    >>> number, header, list(rest)
    (3, 'CF_WSH', [(4, 'x')])
    """
    if header_row is not None:
        for number, row in rows:
            if number >= header_row:
                return None if number > header_row or blank(row) else (number, row, rows)
        return None
    seen: list[tuple[int, _R]] = []
    for number, row in rows:
        if blank(row):
            if seen:
                seen.append((number, row))
            continue
        if is_header is None or is_header(cells_of(row)):
            return number, row, rows
        seen.append((number, row))
        if sum(1 for _, r in seen if not blank(r)) >= HEADER_SEARCH_ROWS:
            break
    if not seen:
        return None
    (number, row), rest = seen[0], seen[1:]
    return number, row, itertools.chain(rest, rows)


def _sniff_delimiter(first_line: str, encoding: str) -> str:
    """Pick the separator the header line uses most: comma, tab or semicolon."""
    counts = {d: first_line.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0:
        return "\t" if encoding.startswith("utf-16") else ","
    return best


class XlsxReader(TableReader):
    """Stream the first (or a named) sheet of an XLSX workbook.

    With python-calamine installed, workbooks it reads exactly as openpyxl would
    (no formulas, error cells or over-long integers: see ``io/_calamine.py``)
    are read by it, several times faster; all others by openpyxl's read-only mode.
    """

    format = FileFormat.XLSX
    encoding = None

    def __init__(
        self,
        source: Source,
        *,
        sheet: str | None = None,
        header_row: int | None = None,
        is_header: HeaderTest | None = None,
    ) -> None:
        super().__init__()
        openpyxl = require("openpyxl", "xlsx")
        self._owned: IO[bytes] | None = None
        if isinstance(source, (str, os.PathLike)):
            self.name = os.fspath(source)
            # opened here, so that openpyxl does not refuse a workbook by its name (.csv)
            self._owned = open(self.name, "rb")  # noqa: SIM115
            target: Any = self._owned
        else:
            self.name = str(getattr(source, "name", "<stream>"))
            target = source
            if not source.seekable():  # a pipe: a ZIP archive is read from its end
                # A real temporary file, not SpooledTemporaryFile: zipfile asks for
                # seekable(), which SpooledTemporaryFile lacks before Python 3.11.
                target = tempfile.TemporaryFile()  # noqa: SIM115
                shutil.copyfileobj(source, target)
                target.seek(0)
        fast = _calamine.open_sheet(target, sheet) if target.seekable() else None
        if fast is not None:  # python-calamine, when it reads this workbook as openpyxl would
            self._wb, self._total, self._iter = fast
            self._done = 0
            self._read_header(header_row, is_header)
            return
        try:
            self._wb = openpyxl.load_workbook(target, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            if self._owned is not None:
                self._owned.close()
            raise InvalidFormat(
                "file.xlsx",
                message_en=f"{self.name} is not a readable XLSX workbook ({type(exc).__name__})",
                message_zh=f"{self.name}不是可读取的XLSX工作簿（{type(exc).__name__}）",
            ) from exc
        if sheet is not None and sheet not in self._wb.sheetnames:
            names = ", ".join(self._wb.sheetnames)
            self.close()
            raise InvalidFormat(
                "file.sheet",
                message_en=f"{self.name} has no sheet {sheet!r} (sheets: {names})",
                message_zh=f"{self.name}没有名为“{sheet}”的工作表（现有：{names}）",
            )
        ws = self._wb[sheet] if sheet is not None else self._wb.worksheets[0]
        self._total = ws.max_row if isinstance(ws.max_row, int) else None
        self._done = 0
        self._iter = _sheet_rows(ws)
        self._read_header(header_row, is_header)

    def _read_header(self, header_row: int | None, is_header: HeaderTest | None) -> None:
        found = _find_header(
            self._iter,
            header_row,
            is_header,
            lambda cells: ["" if c is None or c is _UNCOMPUTED else c for c in cells],
            _is_blank,
        )
        header: tuple[Any, ...] | None = None
        if found is not None:
            self.header_line, header, self._iter = found
            self._done = self.header_line
        if header is None:
            self.headers = ()
            self.file_issues.append(io_issue("file.empty"))
            self._map = _HeaderMap([])
            return
        texts = ["" if c is None or c is _UNCOMPUTED else str(c) for c in header]
        while texts and not texts[-1].strip():
            texts.pop()  # trailing formatted-but-empty header cells
        self._map = _HeaderMap(texts)
        self.headers = self._map.headers

    def __iter__(self) -> Iterator[RawRow]:
        if not self.headers:
            return
        hmap = self._map
        width = hmap.width
        header_row = self.header_line
        for line, cells in self._iter:
            self._done = line
            row = line - header_row
            issues: tuple[Issue, ...] = ()
            if _UNCOMPUTED in cells:  # identity: the sentinel is never equal to a value
                issues = tuple(
                    io_issue("row.formula", row, column=i + 1)
                    for i, c in enumerate(cells)
                    if c is _UNCOMPUTED
                )
                cells = tuple(None if c is _UNCOMPUTED else c for c in cells)
            if _is_blank(cells) and not issues:
                self.blank_rows += 1
                continue
            n = len(cells)
            if n > width:
                if not _is_blank(cells[width:]):
                    last = max(i for i, c in enumerate(cells) if not _is_blank((c,))) + 1
                    issue = io_issue("row.columns", row, cells=last, columns=width)
                    yield RawRow(row, {}, (*issues, issue), False, line, line)
                    continue
                cells = cells[:width]
            elif n < width:  # read-only mode drops trailing empty cells
                cells = (*cells, *([None] * (width - n)))
            blank = hmap.blank_issue(cells, row)
            if blank is not None:
                self.file_issues.append(blank)
            yield RawRow(row, hmap.values(cells), issues, line=line, last_line=line)

    def progress(self) -> float | None:
        """The fraction of the sheet's rows read so far (when the sheet says how many)."""
        if not self._total:
            return None
        return min(1.0, self._done / self._total)

    def close(self) -> None:
        """Close the workbook (and the file, if this reader opened it)."""
        self._wb.close()
        if self._owned is not None:
            self._owned.close()


class _Uncomputed:
    """The value of an XLSX cell holding a formula that no spreadsheet ever computed."""

    def __repr__(self) -> str:
        return "<formula without a computed value>"


_UNCOMPUTED: Final = _Uncomputed()


def _sheet_rows(ws: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """The sheet row number and values of every row; see :data:`_UNCOMPUTED`.

    openpyxl's read-only mode reads a formula's cached value (``data_only``), and a
    formula without one as ``None``, like an empty cell. A workbook written by a
    program (openpyxl, many exporters) holds formulas without values until a
    spreadsheet opens and saves it: such a cell is :data:`_UNCOMPUTED` here, so the
    reader reports it instead of reading a blank. This uses openpyxl's sheet parser
    (the documented read-only reader has no hook for it); if that ever changes, the
    rows are read the documented way, without the distinction.
    """
    try:
        from openpyxl.worksheet import _reader

        wb = ws.parent
        options = {
            "data_only": True,
            "epoch": wb.epoch,
            "date_formats": wb._date_formats,
            "timedelta_formats": wb._timedelta_formats,
        }
        source, strings, get_row = ws._get_source, ws._shared_strings, ws._get_row
        max_col, max_row = ws.max_column, ws.max_row
        formula_tag, base = _reader.FORMULA_TAG, _reader.WorkSheetParser
    except (ImportError, AttributeError):  # pragma: no cover - another openpyxl
        yield from enumerate(ws.iter_rows(values_only=True), start=1)
        return

    class Parser(base):  # type: ignore[misc,valid-type]
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            # no value saved, and not a formula whose saved value is the empty string
            if (
                cell["value"] is None
                and cell["data_type"] != "str"
                and element.find(formula_tag) is not None
            ):
                cell["value"] = _UNCOMPUTED
            return cell

    counter = 1
    idx = 0
    with source() as src:
        for idx, cells in Parser(src, strings, **options).parse():
            if isinstance(max_row, int) and idx > max_row:
                break
            while counter < idx:  # rows the sheet leaves out are empty
                yield counter, ()
                counter += 1
            if counter == idx:
                yield idx, get_row(cells, 1, max_col, True)
                counter += 1
    if isinstance(max_row, int):
        for number in range(counter, max_row + 1):
            yield number, ()


def _scalar(value: object) -> object:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


#: How many lines a JSON Lines reader looks through for its first object (the headers).
_JSONL_PEEK_LINES: Final = 1000


class JsonlReader(_LineReader):
    """Stream a JSON Lines file: one JSON object per line, keys in any of the three styles."""

    format = FileFormat.JSONL

    def __init__(self, source: Source) -> None:
        super().__init__()
        self._open(source)
        self.encoding = UTF8
        head = self._fp.read(SNIFF_BYTES)
        try:
            _refuse_non_text(head, self.name)
        except InvalidFormat:
            self.close()
            raise
        self._lines = _CountingLines(self._fp, head)
        self._iter = iter(self._lines)
        # Peek at the first object for the header (used to detect the record kind); the
        # lines before it (blank, or not objects) are kept and read again as rows.
        self._pending: list[bytes] = []
        self.headers = ()
        for line in self._iter:
            self._pending.append(line)
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                obj = None
            if isinstance(obj, dict):
                self.headers = tuple(str(k) for k in obj)
                break
            if len(self._pending) >= _JSONL_PEEK_LINES:
                break
        if not any(line.strip() for line in self._pending):
            self.file_issues.append(io_issue("file.empty"))

    def __iter__(self) -> Iterator[RawRow]:
        row = 0
        for line in itertools.chain(self._pending, self._iter):
            row += 1
            if not line.strip():
                self.blank_rows += 1
                continue
            issues: tuple[Issue, ...] = ()
            try:
                text = line.decode(UTF8_SIG)  # Windows Notepad starts the file with a BOM
            except UnicodeDecodeError:
                text = line.decode(UTF8_SIG, errors="replace")
                issues = (io_issue("row.encoding", row, encoding=UTF8),)
            try:
                obj = json.loads(text)
            except ValueError:
                obj = None
            if not isinstance(obj, dict):
                issues += (io_issue("row.json", row),)
                yield RawRow(row, {}, issues, usable=False, line=row, last_line=row)
                continue
            values = {str(k): _scalar(v) for k, v in obj.items()}
            yield RawRow(row, values, issues, line=row, last_line=row)


def _format_of(name: str | os.PathLike[str], head: bytes) -> FileFormat:
    """The format to read: a ZIP archive is a workbook whatever its name (``.csv`` or not)."""
    if head.startswith(b"PK\x03\x04"):
        return FileFormat.XLSX
    return guess_format(name, head)


def open_table(
    source: Source,
    *,
    format: FileFormat | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
    is_header: HeaderTest | None = None,
) -> TableReader:
    """Open ``source`` (a path or a binary file) for streaming, guessing its format.

    ``encoding`` (CSV only) overrides the detection; ``delimiter`` (CSV only)
    overrides the guess from the header line; ``sheet`` (XLSX only) names the
    sheet (default: the first). The header is the first non-blank row, or
    (CSV and XLSX) the row numbered ``header_row`` (the line, or the sheet's row),
    or the first of the first 64 non-blank rows whose cells ``is_header``
    accepts: a title or notes above the header are skipped
    (:func:`credit_disclosure.io.check_file` passes one that asks the standard).
    Iterate the reader for :class:`RawRow` objects.

    >>> import io
    >>> data = "CF_WSH,CF_XDR_MC\\n京市监罚〔2024〕12号,某某有限公司\\n".encode("gbk")
    >>> with open_table(io.BytesIO(data)) as reader:
    ...     print(reader.encoding, reader.headers)
    ...     for raw in reader:
    ...         print(raw.row, raw.values["CF_XDR_MC"])
    gb18030 ('CF_WSH', 'CF_XDR_MC')
    1 某某有限公司
    """
    if format is None:
        if isinstance(source, (str, os.PathLike)):
            with open(os.fspath(source), "rb") as fp:
                head = fp.read(512)
            format = _format_of(source, head)
        else:
            name = str(getattr(source, "name", ""))
            peek = getattr(source, "peek", None)
            if callable(peek):
                head = peek(512)[:512]
            elif source.seekable():
                pos = source.tell()
                head = source.read(512)
                source.seek(pos)
            else:  # a pipe without peek: read the head, then hand it out again
                head = source.read(512)
                source = io.BufferedReader(_Prefixed(head, source))
            format = _format_of(name, head)
    if format is FileFormat.XLSX:
        return XlsxReader(source, sheet=sheet, header_row=header_row, is_header=is_header)
    if format is FileFormat.JSONL:
        return JsonlReader(source)
    return CsvReader(
        source,
        encoding=encoding,
        delimiter=delimiter,
        header_row=header_row,
        is_header=is_header,
    )
