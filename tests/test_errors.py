"""The exception hierarchy: built-in bases, codes, bilingual messages, pickling."""

from __future__ import annotations

import pickle

import pytest

from credit_disclosure import errors
from credit_disclosure.errors import (
    CalendarDataMissing,
    CreditDisclosureError,
    DecryptionError,
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    MissingOptionalDependency,
    PolicyError,
    ValidationError,
)

VALIDATION_CLASSES = [ValidationError, InvalidFormat, InvalidLength, InvalidChecksum, InvalidComponent]


@pytest.mark.parametrize("cls", VALIDATION_CLASSES)
def test_validation_errors_are_value_errors(cls: type[ValidationError]) -> None:
    """Every validation error is a ValueError and a CreditDisclosureError with code and messages."""
    err = cls("x.code", message_en="english", message_zh="中文", position=3, field="BZ")
    assert isinstance(err, ValueError)
    assert isinstance(err, CreditDisclosureError)
    assert (err.code, err.message_en, err.message_zh, err.position, err.field) == (
        "x.code",
        "english",
        "中文",
        3,
        "BZ",
    )
    assert str(err) == "x.code in field BZ at position 3: english (中文)"


@pytest.mark.parametrize("cls", VALIDATION_CLASSES)
def test_validation_errors_pickle(cls: type[ValidationError]) -> None:
    """Errors survive pickling (multiprocessing and Spark workers send them across)."""
    err = cls("x.code", message_en="e", message_zh="z", position=1)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is cls
    assert (back.code, back.position, back.field, str(back)) == ("x.code", 1, None, str(err))


def test_other_errors_have_builtin_bases() -> None:
    """Calendar gaps are LookupErrors; missing extras are ImportErrors; all share the root."""
    assert issubclass(CalendarDataMissing, LookupError)
    assert issubclass(MissingOptionalDependency, ImportError)
    for cls in (CalendarDataMissing, PolicyError, DecryptionError, MissingOptionalDependency):
        assert issubclass(cls, CreditDisclosureError)


def test_calendar_data_missing_names_year_and_remedy() -> None:
    """The message names the missing year and how to add it; it pickles with its year."""
    err = CalendarDataMissing(2031)
    assert "2031" in str(err) and "with_schedule" in str(err)
    back = pickle.loads(pickle.dumps(err))
    assert back.year == 2031 and str(back) == str(err)


def test_decryption_error_is_opaque() -> None:
    """DecryptionError takes no detail: there is nothing to leak."""
    assert str(DecryptionError()) == "decryption failed"
    assert str(pickle.loads(pickle.dumps(DecryptionError()))) == "decryption failed"


def test_missing_dependency_names_extra() -> None:
    """The message says which extra to install."""
    err = MissingOptionalDependency("pyspark", "spark")
    assert 'pip install "credit-disclosure[spark]"' in str(err)
    assert pickle.loads(pickle.dumps(err)).extra == "spark"


def test_hierarchy_drawn_in_docstring() -> None:
    """The module docstring draws every class of the hierarchy."""
    assert errors.__doc__ is not None
    for name in errors.__all__:
        assert name in errors.__doc__


@pytest.mark.parametrize(
    ("message", "code", "en"),
    [
        ("policy.no_rule: no rule on 2018-01-01", "policy.no_rule", "no rule on 2018-01-01"),
        ("policy.fact: on must be a datetime.date", "policy.fact", "on must be a datetime.date"),
        ("no rule in force", "policy.error", "no rule in force"),
        ("policy.x y: not a code", "policy.error", "policy.x y: not a code"),
    ],
)
def test_policy_error_is_coded(message: str, code: str, en: str) -> None:
    """PolicyError has a code (its message's prefix), an English and a Chinese message; pickles."""
    from credit_disclosure.errors import PolicyError

    err = PolicyError(message)
    assert (err.code, err.message_en) == (code, en)
    assert err.message_zh and not err.message_zh.isascii()
    assert str(err) == f"{code}: {en} ({err.message_zh})"
    again = pickle.loads(pickle.dumps(err))
    assert (again.code, again.message_en, again.message_zh) == (code, en, err.message_zh)


def test_calendar_data_missing_keeps_languages_apart() -> None:
    """CalendarDataMissing: English and Chinese messages each in one language; pickles."""
    from credit_disclosure.errors import CalendarDataMissing

    err = CalendarDataMissing(2031)
    assert err.code == "workdays.year_missing"
    assert "2031" in err.message_en and "缺少" not in err.message_en
    assert err.message_zh.startswith("缺少2031年节假日安排") and "working-day" not in err.message_zh
    custom = CalendarDataMissing(2100, "the lunar table covers 2004 to 2099 only")
    assert custom.message_zh == "缺少2100年节假日安排"
    again = pickle.loads(pickle.dumps(err))
    assert (again.year, again.message_en, again.message_zh) == (2031, err.message_en, err.message_zh)
