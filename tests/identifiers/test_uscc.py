"""统一社会信用代码 (GB 32100-2015): the standard's samples, every error code, parse and generate."""

from __future__ import annotations

import pytest

from credit_disclosure.errors import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from credit_disclosure.identifiers import uscc

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def reference_check(body: str) -> str:
    """GB 32100-2015 4.2 written out as in the standard: weights 3**i mod 31."""
    weights = [pow(3, i, 31) for i in range(17)]
    total = sum(ALPHABET.index(c) * w for c, w in zip(body, weights))
    return ALPHABET[(31 - total % 31) % 31]


def with_check(body: str) -> str:
    """``body`` followed by its check character from the reference implementation."""
    return body + reference_check(body)


@pytest.mark.parametrize(
    ("value", "compact"),
    [
        ("91512081MA62K0260E", "91512081MA62K0260E"),
        ("91110000600037341L", "91110000600037341L"),
        ("９１５１２０８１ＭＡ６２Ｋ０２６０Ｅ", "91512081MA62K0260E"),
        ("91512081ma62k0260e", "91512081MA62K0260E"),
        (" 9151 2081-MA62 K026 0E\u3000", "91512081MA62K0260E"),
    ],
)
def test_samples_validate(value: str, compact: str) -> None:
    """REFERENCE.md 4 samples validate, also full-width, lower-case and with separators."""
    assert uscc.validate(value) == compact
    assert uscc.is_valid(value)
    assert uscc.compact(value) == compact


@pytest.mark.parametrize("org_type", ["A1", "A9", "N1", "N2", "N3", "N9", "Y1"])
def test_letter_authorities_accepted(org_type: str) -> None:
    """Authorities A, N and Y (which python-stdnum rejects) are in the type table."""
    code = with_check(org_type + "110105" + "MA62K0260")
    assert uscc.is_valid(code)
    assert uscc.parse(code).registration_authority == org_type[0]


@pytest.mark.parametrize(
    ("value", "exc", "code", "position"),
    [
        ("91512081MA62K0260", InvalidLength, "uscc.length", None),
        ("91512081MA62K0260EE", InvalidLength, "uscc.length", None),
        ("91512081MI62K0260E", InvalidFormat, "uscc.format", 9),
        ("91512081MA62K0260O", InvalidFormat, "uscc.format", 17),
        ("9151208１MA62K026Ö0", InvalidFormat, "uscc.format", 16),
        ("91512081MA62K0260F", InvalidChecksum, "uscc.checksum", 17),
        (with_check("94512081MA62K0260"), InvalidComponent, "uscc.org_type", 1),
        (with_check("B1512081MA62K0260"), InvalidComponent, "uscc.org_type", 0),
        (with_check("91999999MA62K0260"), InvalidComponent, "uscc.division", 2),
    ],
)
def test_errors(value: str, exc: type[Exception], code: str, position: int | None) -> None:
    """Each broken rule raises its own error class, stable code and position."""
    with pytest.raises(exc) as info:
        uscc.validate(value)
    err = info.value
    assert getattr(err, "code", None) == code
    assert getattr(err, "position", None) == position
    assert getattr(err, "message_zh", "") and getattr(err, "message_en", "")
    assert not uscc.is_valid(value)


def test_error_message_hides_value() -> None:
    """No error message or repr contains the rejected value."""
    value = "91512081MA62K0260F"
    with pytest.raises(InvalidChecksum) as info:
        uscc.validate(value)
    assert value not in str(info.value)
    assert value not in repr(info.value)


def test_national_division() -> None:
    """Codes registered nationally carry division 100000, which is accepted and named 全国."""
    code = with_check("91100000" + "100003962")
    assert uscc.parse(code).division_name == "全国"


def test_embedded_org_code_strict_only() -> None:
    """A bad GB 11714 check in positions 9-17 is reported by parse, rejected only with strict."""
    code = with_check("91512081MA62K0261")
    assert uscc.is_valid(code)
    assert uscc.parse(code).org_code_valid is False
    assert not uscc.is_valid(code, strict=True)
    with pytest.raises(InvalidChecksum) as info:
        uscc.validate(code, strict=True)
    assert info.value.code == "uscc.org_code_checksum"
    assert uscc.validate("91512081MA62K0260E", strict=True) == "91512081MA62K0260E"


def test_parse_parts() -> None:
    """parse splits the code into its four parts and names each."""
    info = uscc.parse("91110000600037341L")
    assert (info.registration_authority, info.org_type, info.division, info.org_code) == (
        "9",
        "91",
        "110000",
        "600037341",
    )
    assert info.check == "L"
    assert (info.authority_name, info.authority_name_en, info.org_type_name) == (
        "工商",
        "industry and commerce",
        "企业",
    )
    assert info.division_name == "北京市"
    assert info.org_code_valid


def test_format() -> None:
    """format gives the 18 compact characters."""
    assert uscc.format("9151 2081 MA62 K026 0E") == "91512081MA62K0260E"


def test_generate_options() -> None:
    """generate honours the parts it is given and is reproducible with a seed."""
    code = uscc.generate(org_type="N2", division="310115", org_code="MA62K0260", seed=3)
    assert code.startswith("N2310115MA62K0260")
    assert uscc.generate(seed=9) == uscc.generate(seed=9)
    assert uscc.is_valid(uscc.generate(seed=9), strict=True)


def test_type_table_has_sources() -> None:
    """Every authority/type entry names its authority and type in Chinese."""
    assert all(len(k) == 2 and zh and en and t for k, (zh, en, t) in uscc.AUTHORITY_TYPES.items())
    assert uscc.NATIONAL_DIVISION == "100000"


def test_peer_rejects_letter_authorities() -> None:
    """python-stdnum rejects authority N codes that we accept (the gap this library closes)."""
    stdnum_uscc = pytest.importorskip("stdnum.cn.uscc")
    code = with_check("N2110105MA62K0260")
    assert uscc.is_valid(code) and not stdnum_uscc.is_valid(code)


def test_authority_types_are_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pair added to AUTHORITY_TYPES at run time is accepted and named by parse."""
    code = with_check("Y2110105MA62K0260")
    assert not uscc.is_valid(code)
    monkeypatch.setitem(uscc.AUTHORITY_TYPES, "Y2", ("其他", "other", "新类别"))
    assert uscc.parse(code).org_type_name == "新类别"
