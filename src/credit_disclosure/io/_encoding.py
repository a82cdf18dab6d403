"""Encoding detection for the CSV files Chinese office software writes.

Excel on a Chinese Windows saves "CSV" in the ANSI code page, which is GBK
(code page 936); "CSV UTF-8" adds a byte-order mark; other tools write plain
UTF-8. GB18030 is a superset of GBK, so a file detected as GBK is decoded
with the ``gb18030`` codec: every GBK file decodes the same, and the rare
characters only GB18030 has decode too.

UTF-8 is tried first because it is strict: a GBK text of any length almost
never happens to be valid UTF-8, while UTF-8 bytes often decode as (wrong)
GBK without error.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from typing import Final

__all__ = ["SNIFF_BYTES", "LineDecoder", "detect_encoding", "sniff_not_text"]

#: How many bytes :func:`detect_encoding` looks at when given a file.
SNIFF_BYTES: Final = 1 << 16

UTF8: Final = "utf-8"
UTF8_SIG: Final = "utf-8-sig"
GB18030: Final = "gb18030"
UTF16: Final = "utf-16"


def detect_encoding(head: bytes) -> str:
    """Name the codec of a CSV file from its first bytes.

    Returns ``"utf-8-sig"`` (a UTF-8 byte-order mark), ``"utf-16"`` (a UTF-16
    byte-order mark: Excel's "Unicode text"), ``"utf-8"`` (valid UTF-8,
    including pure ASCII) or ``"gb18030"`` (anything else: GBK exports from
    Chinese Excel; GB18030 is a superset of GBK). A multi-byte character cut
    off at the end of ``head`` does not count against UTF-8. Bytes that are
    valid UTF-8 but hold no character from U+0800 up (so no Chinese at all)
    and are valid GB18030 too are taken for GB18030.

    >>> detect_encoding("行政相对人名称".encode("utf-8-sig"))
    'utf-8-sig'
    >>> detect_encoding("行政相对人名称".encode("utf-8"))
    'utf-8'
    >>> detect_encoding("行政相对人名称".encode("gbk"))
    'gb18030'
    >>> detect_encoding(b"CF_WSH,CF_XDR_MC")
    'utf-8'
    >>> detect_encoding("000司".encode("gbk"))  # also valid UTF-8 (U+02FE), but no CJK in it
    'gb18030'
    """
    if head.startswith(codecs.BOM_UTF8):
        return UTF8_SIG
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return UTF16
    decoder = codecs.getincrementaldecoder(UTF8)()
    try:
        text = decoder.decode(head, final=False)  # a character cut at the end is fine
    except UnicodeDecodeError:
        return GB18030
    if not head.isascii() and max(text, default="\0") < "\u0800":
        # Valid UTF-8 but without a single three-byte character: Chinese text in UTF-8
        # has them all over; a short GBK text can pass for two-byte UTF-8 (司 = CB BE).
        try:
            head.decode(GB18030)
        except UnicodeDecodeError:
            return UTF8
        return GB18030
    return UTF8


#: Control bytes that text files do not hold (tab, LF, VT, FF, CR and ESC are left out).
_CONTROL: Final = bytes([*range(0x09), 0x0E, 0x0F, *range(0x10, 0x1B), *range(0x1C, 0x20)])
#: Every other byte: deleting them from a sample leaves its control bytes.
_NOT_CONTROL: Final = bytes(b for b in range(256) if b not in _CONTROL)
#: The start of an OLE2 compound file: an old Excel workbook (.xls), or a Word or other file.
_OLE2: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_not_text(head: bytes) -> str | None:
    """Say why the first bytes of a "CSV" file are not text, or ``None`` when they may be.

    Returns ``"utf-16-le"`` or ``"utf-16-be"`` (UTF-16 without a byte-order mark:
    NUL bytes at every other position), ``"xls"`` (an old Excel workbook) or
    ``"binary"`` (a control character no text holds in more than one byte in 4,
    or in one in 25 and at least 8 of them, and a first line that is not a clean
    header with a separator). A text file with a few stray NUL bytes, or a damaged
    body under a good header, is still text: its rows are read, the damaged ones
    reported.

    >>> sniff_not_text("CF_WSH,BZ\\r\\n".encode("utf-16-le")), sniff_not_text(b"CF_WSH,BZ\\r\\n")
    ('utf-16-le', None)
    >>> sniff_not_text(bytes(range(256)) * 4), sniff_not_text(b"a,b\\r\\n\\x00,c\\r\\n")
    ('binary', None)
    """
    if head.startswith(_OLE2):
        return "xls"
    n = len(head) - len(head) % 2
    even, odd = head[0:n:2].count(0), head[1:n:2].count(0)
    if even + odd >= max(4, n // 50) and max(even, odd) >= 0.9 * (even + odd):
        codec = "utf-16-le" if odd > even else "utf-16-be"
        try:
            codecs.getincrementaldecoder(codec)().decode(head[:n], final=False)
        except UnicodeDecodeError:
            pass
        else:
            return codec
    control = len(head.translate(None, _NOT_CONTROL))
    many = control * 4 > len(head) or (control >= 8 and control * 25 > len(head))
    if many and not _text_header(head):
        return "binary"
    return None


def _text_header(head: bytes) -> bool:
    """Whether the first line looks like a CSV header: no control byte, a separator in it.

    A text file whose rows were damaged (or whose end a crash overwrote with NUL
    bytes) still starts with its header: its rows are read and the damaged ones
    reported, instead of refusing the whole file.
    """
    first = head[:4096].split(b"\n", 1)[0].split(b"\r", 1)[0]
    if first.translate(None, _NOT_CONTROL):
        return False
    return any(sep in first for sep in (b",", b"\t", b";"))


class LineDecoder:
    """Decode physical lines of bytes one by one, remembering which ones were bad.

    A line that does not decode (or holds a NUL character, which no text has) is
    decoded with replacement characters and its 1-based line number is kept in
    :attr:`bad_lines`, so that the reader can
    report the row it belongs to instead of failing the whole file. When the
    sniffed part of the file was pure ASCII (``encoding`` is ``"utf-8"`` and
    ``undecided`` is true), the first line that is not UTF-8 but is GB18030
    switches the decoder to GB18030 for the rest of the file.

    >>> dec = LineDecoder("utf-8")
    >>> list(dec.decode([b"a,b\\n", b"\\xff\\xfe,c\\n"]))
    ['a,b\\n', '\\ufffd\\ufffd,c\\n']
    >>> dec.bad_lines
    {2}
    """

    def __init__(self, encoding: str, *, undecided: bool = False) -> None:
        self.encoding = encoding
        self.undecided = undecided and encoding == UTF8
        self.bad_lines: set[int] = set()
        self.line = 0

    def decode(self, lines: Iterable[bytes]) -> Iterator[str]:
        """Yield each line decoded; bad lines are decoded with U+FFFD and remembered."""
        encoding = self.encoding
        for raw in lines:
            self.line += 1
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                text = self._fallback(raw)
                encoding = self.encoding
            else:
                if self.undecided and not raw.isascii():
                    self.undecided = False  # real UTF-8 seen: the file is UTF-8
            if "\x00" in text:  # no text holds NUL: damage, reported like an undecodable byte
                self.bad_lines.add(self.line)
                text = text.replace("\x00", "\ufffd")
            if self.line == 1 and text.startswith("\ufeff"):
                text = text[1:]
            yield text

    def _fallback(self, raw: bytes) -> str:
        if self.undecided:
            self.undecided = False
            try:
                text = raw.decode(GB18030)
            except UnicodeDecodeError:
                pass
            else:
                self.encoding = GB18030
                return text
        self.bad_lines.add(self.line)
        return raw.decode(self.encoding, errors="replace")
