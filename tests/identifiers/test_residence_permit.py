"""港澳台居民居住证: regions, errors, the check character."""

from __future__ import annotations

from datetime import date

import pytest

from credit_disclosure.errors import InvalidChecksum, InvalidComponent
from credit_disclosure.identifiers import (
    Gender,
    residence_permit,
)

from .conftest import gb11643_check


@pytest.mark.parametrize(
    ("region", "zh", "en"),
    [("810000", "香港", "Hong Kong"), ("820000", "澳门", "Macao"), ("830000", "台湾", "Taiwan")],
)
def test_residence_permit_regions(region: str, zh: str, en: str) -> None:
    """The three prefixes validate with the resident-ID check digit and are named."""
    body = region + "19940823002"
    number = body + gb11643_check(body)
    info = residence_permit.parse(number)
    assert (info.region, info.region_name, info.region_name_en) == (region, zh, en)
    assert info.birth_date == date(1994, 8, 23)
    assert info.gender is Gender.FEMALE


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("11010519491231002", "residence_permit.division"),
        ("84000019491231002", "residence_permit.division"),
        ("81000018991231002", "residence_permit.birth_date"),
    ],
)
def test_residence_permit_errors(body: str, code: str) -> None:
    """A resident-ID prefix, an unknown prefix or a bad date are errors."""
    with pytest.raises(InvalidComponent) as info:
        residence_permit.validate(body + gb11643_check(body))
    assert info.value.code == code


def test_residence_permit_checksum() -> None:
    """A wrong check digit raises residence_permit.checksum."""
    body = "81000019940823002"
    wrong = "0" if gb11643_check(body) != "0" else "1"
    with pytest.raises(InvalidChecksum, match=r"residence_permit\.checksum"):
        residence_permit.validate(body + wrong)
