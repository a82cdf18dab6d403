"""Streaming readers of raw rows: CSV (any encoding Chinese Excel writes), XLSX, JSON Lines.

A reader turns a file into :class:`RawRow` objects one at a time, so memory
stays flat however large the file. It never fails on a bad row: a row that
cannot be decoded or split into cells carries an :class:`Issue` instead, and
the rows after it are read as usual. Only a file that cannot be opened at all
(missing, not a spreadsheet) raises.
"""

from __future__ import annotations

import codecs
import csv
import enum
import io
import itertools
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Final

import attrs

from .._optional import require
from ..errors import InvalidFormat
from ..standard import Issue
from ._encoding import GB18030, SNIFF_BYTES, UTF8, UTF8_SIG, LineDecoder, detect_encoding
from ._issues import io_issue

__all__ = ["FileFormat", "RawRow", "TableReader", "guess_format", "open_table"]

Source = str | os.PathLike[str] | IO[bytes]


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

    >>> RawRow(3, {"CF_WSH": "京市监罚〔2024〕12号"}).usable
    True
    """

    row: int
    values: Mapping[str, object]
    issues: tuple[Issue, ...] = ()
    usable: bool = True


class TableReader:
    """A streaming reader of one file: the header, then :class:`RawRow` objects.

    Use :func:`open_table` to make one. ``headers`` are the header texts in
    column order (for JSON Lines, the keys of the first object);
    ``file_issues`` collects file-level issues (no row) as they are met;
    ``blank_rows`` counts the blank rows skipped; ``progress()`` gives the
    fraction of the file read so far, for progress bars.

    >>> import io
    >>> data = "CF_WSH,CF_XDR_MC\\n文号1,甲公司\\n,\\n文号2\\n".encode("utf-8")
    >>> with open_table(io.BytesIO(data)) as reader:
    ...     rows = [(raw.row, raw.usable) for raw in reader]
    ...     print(reader.headers, rows, reader.blank_rows, reader.progress())
    ('CF_WSH', 'CF_XDR_MC') [(1, True), (3, False)] 1 1.0
    """

    format: FileFormat
    encoding: str | None
    headers: tuple[str, ...]
    name: str

    def __init__(self) -> None:
        self.file_issues: list[Issue] = []
        self.blank_rows = 0

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
    """Iterate the lines of a binary file, counting the bytes handed out.

    ``newline`` is the line end to split on when it is not the one-byte ``\\n``
    (UTF-16/32: two or four bytes, found only at whole-unit offsets, so that U+0A00 or a
    character whose code unit holds 0x0A never splits a line).
    """

    def __init__(self, fp: IO[bytes], prefix: bytes, newline: bytes = b"\n") -> None:
        self._fp = fp
        self._prefix = prefix
        self._newline = newline
        self.consumed = 0

    def __iter__(self) -> Iterator[bytes]:
        lines: Iterable[bytes]
        if self._newline != b"\n":
            lines = self._split_units()
        elif self._prefix:
            lines = itertools.chain(io.BytesIO(self._prefix + self._fp.readline()), self._fp)
        else:
            lines = self._fp
        for line in lines:
            self.consumed += len(line)
            yield line

    def _split_units(self) -> Iterator[bytes]:
        newline, width = self._newline, len(self._newline)
        buf, start, scan = self._prefix, 0, 0
        while True:
            pos = buf.find(newline, scan)
            while pos != -1 and (pos - start) % width:
                pos = buf.find(newline, pos + 1)
            if pos != -1:
                yield buf[start : pos + width]
                start = scan = pos + width
                continue
            rest = buf[start:]
            chunk = self._fp.read(SNIFF_BYTES)
            if not chunk:
                if rest:
                    yield rest
                return
            buf, start, scan = rest + chunk, 0, max(0, len(rest) - width + 1)


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


#: Big-endian byte-order marks of the codecs whose line end is wider than a byte.
_WIDE_BOMS: Final = {"utf-16": codecs.BOM_UTF16_BE, "utf-32": codecs.BOM_UTF32_BE}


class CsvReader(_LineReader):
    """Stream a CSV file (UTF-8, UTF-8 with BOM, GBK/GB18030 or UTF-16)."""

    format = FileFormat.CSV

    def __init__(
        self,
        source: Source,
        *,
        encoding: str | None = None,
        delimiter: str | None = None,
    ) -> None:
        super().__init__()
        self._open(source)
        head = self._fp.read(SNIFF_BYTES)
        detected = encoding or detect_encoding(head)
        self.encoding = codecs.lookup(detected).name
        undecided = encoding is None and head.isascii() and len(head) == SNIFF_BYTES
        codec = UTF8 if self.encoding == "utf-8-sig" else self.encoding
        if codec in _WIDE_BOMS:
            # UTF-16/32 lines end in a wide unit: split them as bytes in the byte order of
            # the BOM (little-endian without one), then decode line by line like the others.
            codec += "-be" if head.startswith(_WIDE_BOMS[codec]) else "-le"
        self._lines = _CountingLines(self._fp, head, "\n".encode(codec))
        self._decoder = LineDecoder(codec, undecided=undecided)
        text = self._decoder.decode(self._lines)
        first = next(text, None)
        if first is None or not first.strip():
            self.headers = ()
            self.file_issues.append(io_issue("file.empty"))
            self._rows: Iterator[RawRow] = iter(())
            return
        self.delimiter = delimiter or _sniff_delimiter(first, self.encoding)
        self._reader = csv.reader(itertools.chain([first], text), delimiter=self.delimiter)
        try:
            header = next(self._reader)
        except csv.Error as exc:  # a binary file, or a header with a bare carriage return
            self.close()
            raise InvalidFormat(
                "file.header",
                message_en=f"the header line of {self.name} cannot be read as CSV ({exc})",
                message_zh=f"{self.name}的表头行无法按CSV解析（{exc}）",
            ) from None
        self._map = _HeaderMap(header)
        self.headers = self._map.headers
        self._rows = self._iter_rows()

    def __iter__(self) -> Iterator[RawRow]:
        return self._rows

    def _iter_rows(self) -> Iterator[RawRow]:
        reader = self._reader
        hmap = self._map
        width = hmap.width
        simple = hmap.simple
        keys = hmap.keys
        decoder = self._decoder
        bad_lines = decoder.bad_lines
        row = 0
        while True:
            before = reader.line_num
            try:
                cells = next(reader)
            except StopIteration:
                if decoder.encoding == GB18030:
                    self.encoding = GB18030  # it may have switched from UTF-8
                return
            except csv.Error as exc:
                row += 1
                reason = str(exc).split("(")[0].strip() or type(exc).__name__
                yield RawRow(row, {}, (io_issue("row.csv", row, reason=reason),), usable=False)
                if reader.line_num == before:  # no progress: give up on the rest
                    return
                continue
            row += 1
            issues: tuple[Issue, ...] = ()
            if bad_lines:
                last = reader.line_num
                hit = [n for n in bad_lines if n <= last]
                if hit:
                    bad_lines.difference_update(hit)
                    issues = (io_issue("row.encoding", row, encoding=decoder.encoding),)
            n = len(cells)
            if n != width:
                if not cells:
                    self.blank_rows += 1
                    continue
                if n > width and _is_blank(cells[width:]):
                    cells = cells[:width]
                else:
                    if _is_blank(cells):
                        self.blank_rows += 1
                        continue
                    issues += (io_issue("row.columns", row, cells=n, columns=width),)
                    yield RawRow(row, {}, issues, usable=False)
                    continue
            # empty or white space only, as in XLSX (the first cell decides for most rows)
            if not cells[0].strip() and _is_blank(cells):
                self.blank_rows += 1
                continue
            if simple:
                values: dict[str, object] = dict(zip(keys, cells))
            else:
                blank = hmap.blank_issue(cells, row)
                if blank is not None:
                    self.file_issues.append(blank)
                values = hmap.values(cells)
            yield RawRow(row, values, issues)


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


def _sniff_delimiter(first_line: str, encoding: str) -> str:
    """Pick the separator the header line uses most: comma, tab or semicolon."""
    counts = {d: first_line.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0:
        return "\t" if encoding.startswith("utf-16") else ","
    return best


class XlsxReader(TableReader):
    """Stream the first (or a named) sheet of an XLSX workbook with openpyxl's read-only mode."""

    format = FileFormat.XLSX
    encoding = None

    def __init__(self, source: Source, *, sheet: str | None = None) -> None:
        super().__init__()
        openpyxl = require("openpyxl", "xlsx")
        if isinstance(source, (str, os.PathLike)):
            self.name = os.fspath(source)
            target: Any = self.name
        else:
            self.name = str(getattr(source, "name", "<stream>"))
            target = source
            if not source.seekable():  # a pipe: a ZIP archive is read from its end
                # A real temporary file, not SpooledTemporaryFile: zipfile asks for
                # seekable(), which SpooledTemporaryFile lacks before Python 3.11.
                target = tempfile.TemporaryFile()  # noqa: SIM115
                shutil.copyfileobj(source, target)
                target.seek(0)
        try:
            self._wb = openpyxl.load_workbook(target, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise InvalidFormat(
                "file.xlsx",
                message_en=f"{self.name} is not a readable XLSX workbook ({type(exc).__name__})",
                message_zh=f"{self.name}不是可读取的XLSX工作簿（{type(exc).__name__}）",
            ) from exc
        if sheet is not None and sheet not in self._wb.sheetnames:
            names = ", ".join(self._wb.sheetnames)
            self._wb.close()
            raise InvalidFormat(
                "file.sheet",
                message_en=f"{self.name} has no sheet {sheet!r} (sheets: {names})",
                message_zh=f"{self.name}没有名为“{sheet}”的工作表（现有：{names}）",
            )
        ws = self._wb[sheet] if sheet is not None else self._wb.worksheets[0]
        self._total = ws.max_row if isinstance(ws.max_row, int) else None
        self._done = 0
        self._iter = ws.iter_rows(values_only=True)
        header: tuple[Any, ...] | None = None
        for cells in self._iter:
            self._done += 1
            if not _is_blank(cells):
                header = cells
                break
        if header is None:
            self.headers = ()
            self.file_issues.append(io_issue("file.empty"))
            self._map = _HeaderMap([])
            return
        texts = ["" if c is None else str(c) for c in header]
        while texts and not texts[-1].strip():
            texts.pop()  # trailing formatted-but-empty header cells
        self._map = _HeaderMap(texts)
        self.headers = self._map.headers

    def __iter__(self) -> Iterator[RawRow]:
        if not self.headers:
            return
        hmap = self._map
        width = hmap.width
        row = 0
        for cells in self._iter:
            self._done += 1
            row += 1
            if _is_blank(cells):
                self.blank_rows += 1
                continue
            n = len(cells)
            if n > width:
                if not _is_blank(cells[width:]):
                    last = max(i for i, c in enumerate(cells) if not _is_blank((c,))) + 1
                    issue = io_issue("row.columns", row, cells=last, columns=width)
                    yield RawRow(row, {}, (issue,), usable=False)
                    continue
                cells = cells[:width]
            elif n < width:  # read-only mode drops trailing empty cells
                cells = (*cells, *([None] * (width - n)))
            blank = hmap.blank_issue(cells, row)
            if blank is not None:
                self.file_issues.append(blank)
            yield RawRow(row, hmap.values(cells))

    def progress(self) -> float | None:
        """The fraction of the sheet's rows read so far (when the sheet says how many)."""
        if not self._total:
            return None
        return min(1.0, self._done / self._total)

    def close(self) -> None:
        """Close the workbook."""
        self._wb.close()


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
        self._lines = _CountingLines(self._fp, b"")
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
                yield RawRow(row, {}, (*issues, io_issue("row.json", row)), usable=False)
                continue
            values = {str(k): _scalar(v) for k, v in obj.items()}
            yield RawRow(row, values, issues)


def open_table(
    source: Source,
    *,
    format: FileFormat | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> TableReader:
    """Open ``source`` (a path or a binary file) for streaming, guessing its format.

    ``encoding`` (CSV only) overrides the detection; ``delimiter`` (CSV only)
    overrides the guess from the header line; ``sheet`` (XLSX only) names the
    sheet (default: the first). Iterate the reader for :class:`RawRow` objects.

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
            format = guess_format(source, head)
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
            format = guess_format(name, head)
    if format is FileFormat.XLSX:
        return XlsxReader(source, sheet=sheet)
    if format is FileFormat.JSONL:
        return JsonlReader(source)
    return CsvReader(source, encoding=encoding, delimiter=delimiter)
