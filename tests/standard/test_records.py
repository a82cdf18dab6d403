"""Record classes: what their repr shows and hides (names of natural persons, identity numbers)."""

from __future__ import annotations

import pytest

from credit_disclosure.standard import (
    AnyRecord,
    License2015Record,
    LicenseRecord,
    Penalty2015Record,
    PenaltyRecord,
    SubjectCategory,
)


@pytest.mark.parametrize(
    "record",
    [
        PenaltyRecord(subject_name="张三丰", subject_category=SubjectCategory.NATURAL_PERSON),
        LicenseRecord(subject_name="张三丰", cert_no="11010519491231002X"),
        Penalty2015Record(subject_name="张三丰", resident_id="11010519491231002X"),
        License2015Record(subject_name="某某公司", legal_rep="张三丰"),
        PenaltyRecord(subject_name="某某公司", legal_rep="张三丰"),
    ],
)
def test_names_of_natural_persons_are_masked_in_repr(record: AnyRecord) -> None:
    """A natural person's name (the subject's, the legal representative's) never shows in repr."""
    text = repr(record)
    assert "张三丰" not in text and "'张**'" in text
    assert "11010519491231002X" not in text


def test_organisation_names_stay_readable_in_repr() -> None:
    """The name of an organisation is public: repr keeps it."""
    record = PenaltyRecord(subject_name="某某公司", subject_category=SubjectCategory.LEGAL_PERSON)
    assert repr(record).startswith("PenaltyRecord(subject_name='某某公司', subject_category=")
