"""Logging: the ``credit_disclosure`` logger tree, no handlers installed, no personal data logged."""

from __future__ import annotations

import importlib
import logging
import pkgutil
from datetime import date

import pytest

import credit_disclosure
from credit_disclosure.errors import MissingOptionalDependency
from credit_disclosure.io import check_file, open_table
from credit_disclosure.samples import sample_path
from credit_disclosure.standard import RecordKind

PERSONAL_FIELDS = ("XDR_ZJHM", "FR_ZJHM", "FRDB")


def _import_everything() -> None:
    for info in pkgutil.walk_packages(credit_disclosure.__path__, "credit_disclosure."):
        try:
            importlib.import_module(info.name)
        except (MissingOptionalDependency, ImportError):
            continue


def test_no_handlers_installed() -> None:
    """Importing every module installs no handler on any credit_disclosure logger."""
    _import_everything()
    names = [n for n in logging.root.manager.loggerDict if n.split(".")[0] == "credit_disclosure"]
    for name in ["credit_disclosure", *names]:
        logger = logging.getLogger(name)
        assert logger.handlers == [], name
        assert logger.propagate, name


def _personal_values() -> set[str]:
    values: set[str] = set()
    for kind in RecordKind:
        with open_table(sample_path(kind)) as reader:
            for raw in reader:
                for header, value in raw.values.items():
                    if not isinstance(value, str) or len(value) < 2:
                        continue
                    is_person = any(p in header for p in PERSONAL_FIELDS) or header in {
                        "证件号码",
                        "法定代表人",
                        "法定代表人证件号码",
                    }
                    if is_person:
                        values.add(value)
    return values


def test_records_logged_hold_no_personal_data(caplog: pytest.LogCaptureFixture) -> None:
    """A file check logs under credit_disclosure.io, with counts only: no cell value."""
    caplog.set_level(logging.DEBUG, logger="credit_disclosure")
    for kind in RecordKind:
        check_file(sample_path(kind), as_of=date(2025, 7, 1))
    records = [r for r in caplog.records if r.name.startswith("credit_disclosure")]
    assert any(r.name == "credit_disclosure.io" and "checked 300 rows" in r.getMessage() for r in records)
    personal = _personal_values()
    assert personal
    for record in records:
        text = record.getMessage() + repr(record.args)
        assert not any(v in text for v in personal), record.getMessage()
        assert "sample" not in text  # not even the file name
