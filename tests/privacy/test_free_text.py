"""Free text (违法事实, 备注, 处罚内容): anything that could be an identity number is masked."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure._text import SEPARATORS, compact_identifier
from credit_disclosure.identifiers import foreign_permanent_id, residence_permit, resident_id
from credit_disclosure.privacy import PUBLIC, FreeTextRule, KeepEnds, ValueKind, mask

# The separators people (and office software) put inside a number.
_SPLITTERS = ["\u00a0", "\u200b", "\u200c", "\u2060", "\ufeff", ".", "-", " ", "\u3000", "－", "．"]
_FULL = str.maketrans("0123456789Xx", "０１２３４５６７８９Ｘｘ")
_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_TEXT = st.text(alphabet=st.one_of(_CJK, st.sampled_from("，。：；（）“” ")), max_size=12)


def _seeded(make: object) -> st.SearchStrategy[str]:
    return st.integers(0, 2**32 - 1).map(lambda seed: make(seed=seed))  # type: ignore[operator]


#: Every shape of number that could be an identity number: valid and invalid 18-character
#: resident IDs, legacy 15-digit ones, residence permits, both foreign permanent IDs.
NUMBERS = st.one_of(
    _seeded(resident_id.generate),
    st.from_regex(r"[0-9]{17}[0-9X]", fullmatch=True),  # any checksum, any first digit
    st.from_regex(r"[1-9][0-9]{14}", fullmatch=True),  # legacy 15 digits
    _seeded(residence_permit.generate),
    _seeded(foreign_permanent_id.generate),
    st.integers(0, 2**32 - 1).map(lambda s: foreign_permanent_id.generate(seed=s, old_card=True)),
)


@st.composite
def written(draw: st.DrawFn, number: str) -> str:
    """``number`` as a person might write it in free text."""
    form = draw(st.sampled_from(["plain", "6-4-4-4", "6-8-4", "split", "split"]))
    letters = len(number) - len(number.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if form == "6-4-4-4" and len(number) == 18:
        text = "-".join((number[:6], number[6:10], number[10:14], number[14:]))
    elif form == "6-8-4" and len(number) == 18:
        sep = draw(st.sampled_from([" ", "\u3000", "-", "\u00a0"]))
        text = sep.join((number[:6], number[6:14], number[14:]))
    elif form == "split":  # a separator (or two) between any two characters after the letters
        text = number[: letters + 1]
        for ch in number[letters + 1 :]:
            if draw(st.integers(0, 3)) == 0:
                text += draw(st.sampled_from(_SPLITTERS))
                if draw(st.booleans()):
                    text += draw(st.sampled_from(_SPLITTERS))
            text += ch
    else:
        text = number
    if draw(st.booleans()):
        text = text.replace("X", "x")
    if draw(st.integers(0, 3)) == 0:
        text = text.translate(_FULL)
    prefix = draw(st.sampled_from(["", "", "ID", "ID:", "身份证号", "No.", "证件号码ID"]))
    suffix = draw(st.sampled_from(["", "", "", "123", "0", "13812345678"]))
    return prefix + text + suffix


_STRIP = str.maketrans(dict.fromkeys(SEPARATORS))


@given(data=st.data(), number=NUMBERS, before=_TEXT, after=_TEXT)
def test_no_digit_run_of_an_identity_number_survives(
    data: st.DataObject, number: str, before: str, after: str
) -> None:
    """However an identity number is written inside Chinese free text, at most 4 of its characters in a row are shown."""
    text = before + data.draw(written(number)) + after
    out = compact_identifier(mask(text, ValueKind.TEXT).translate(_STRIP))
    for i in range(len(number) - 4):
        assert number[i : i + 5] not in out, (i, out)
    assert PUBLIC.mask_record({"CF_SY": text})["CF_SY"] == mask(text, ValueKind.TEXT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the reproducers of issue 11
        ("当事人ID362321199001014043违法", "当事人ID3623**********4043违法"),
        ("ID11010519491231002X", "ID1101**********002X"),
        ("证号1101\u00a005194912\u200b31002X。", "证号1101**********002X。"),
        ("110105.1949.1231.002X", "1101**********002X"),
        ("110105-1949-1231-002X", "1101**********002X"),
        ("当事人110105194912310021123违法", "当事人1101*************1123违法"),
        # the other shapes: legacy 15 digits, residence permit, old foreign permanent ID
        ("旧证110105491231002。", "旧证110*********002。"),
        ("居住证810000199408230021", "居住证8100**********0021"),
        ("永久居留证USA110185050101", "永久居留证USA*********101"),
        # numbers that cannot be identity numbers are left alone
        ("有效期2023.03.14-2024.03.13", "有效期2023.03.14-2024.03.13"),
        ("罚款人民币8000元，没收2000.50元", "罚款人民币8000元，没收2000.50元"),
        ("京罚〔2024〕12号，2024年3月5日", "京罚〔2024〕12号，2024年3月5日"),
    ],
)
def test_free_text_identity_number_table(text: str, expected: str) -> None:
    """Each way an identity number hid from masking (issue 11) is masked; amounts, dates and decision numbers are not."""
    assert mask(text, ValueKind.TEXT) == expected


def test_long_digit_runs_are_masked_whole() -> None:
    """A run of 15 or more digits may hold an identity number, so it is masked whatever else it is."""
    assert mask("单号12345678901234567890", ValueKind.TEXT) == "单号1234************7890"
    custom = FreeTextRule(id_rule=KeepEnds(), phone_rule=None)
    assert custom("ID110105491231002。") == "ID***************。"
