"""Encoding detection and per-line decoding of CSV bytes."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.io import detect_encoding
from credit_disclosure.io._encoding import LineDecoder

HEADER = "行政相对人名称,统一社会信用代码,处罚决定日期\r\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (HEADER.encode("utf-8-sig"), "utf-8-sig"),
        (HEADER.encode("utf-8"), "utf-8"),
        (HEADER.encode("gbk"), "gb18030"),
        (HEADER.encode("gb18030"), "gb18030"),
        (HEADER.encode("utf-16"), "utf-16"),
        (b"CF_WSH,CF_XDR_MC\r\n", "utf-8"),
        (b"", "utf-8"),
    ],
)
def test_detect_encoding(data: bytes, expected: str) -> None:
    """Each encoding Chinese office software writes is recognised from the first bytes."""
    assert detect_encoding(data) == expected


def test_detect_encoding_tolerates_cut_character() -> None:
    """A UTF-8 character cut off at the end of the sniffed bytes does not make the file GBK."""
    data = HEADER.encode("utf-8")
    assert detect_encoding(data[:4]) == "utf-8"  # 行 is 3 bytes: the cut is inside 政


@given(st.text(alphabet="行政处罚许可决定书文号某某有限公司罚款万元〔〕0123456789,", min_size=1))
def test_gbk_text_is_never_taken_for_utf8(text: str) -> None:
    """Chinese text saved as GBK is detected as GB18030, whatever the characters."""
    data = text.encode("gbk")
    expected = "utf-8" if data.isascii() else "gb18030"
    assert detect_encoding(data) == expected


@given(st.text(alphabet="行政处罚许可决定书文号某某有限公司罚款万元〔〕0123456789,", min_size=1))
def test_utf8_chinese_is_never_taken_for_gbk(text: str) -> None:
    """Chinese text saved as UTF-8 is detected as UTF-8."""
    assert detect_encoding(text.encode("utf-8")) == "utf-8"


def test_line_decoder_remembers_bad_lines() -> None:
    """A line that does not decode is replaced with U+FFFD and its number kept."""
    dec = LineDecoder("gb18030")
    lines = ["甲\n".encode("gbk"), b"\xff,x\n", "乙\n".encode("gbk")]
    assert list(dec.decode(lines)) == ["甲\n", "\ufffd,x\n", "乙\n"]
    assert dec.bad_lines == {2}


def test_line_decoder_switches_to_gb18030_after_ascii_head() -> None:
    """A file whose sniffed head was pure ASCII switches to GB18030 at the first GBK line."""
    dec = LineDecoder("utf-8", undecided=True)
    out = list(dec.decode([b"a,b\n", "某某公司,1\n".encode("gbk")]))
    assert out[1] == "某某公司,1\n"
    assert dec.encoding == "gb18030"
    assert not dec.bad_lines


def test_line_decoder_strips_bom_of_first_line() -> None:
    """The byte-order mark of a UTF-8-with-BOM file does not end up in the first header."""
    dec = LineDecoder("utf-8")
    assert next(iter(dec.decode([codecs.BOM_UTF8 + b"CF_WSH\n"]))) == "CF_WSH\n"
