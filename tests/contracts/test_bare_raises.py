"""No bare ``ValueError``/``TypeError``/``KeyError`` that a user can trigger: coded errors only.

Everything a user can trigger raises a coded error of :mod:`credit_disclosure.errors` (each
also the nearest built-in), so one ``except CreditDisclosureError`` (the command line's) covers
it. The raises left bare are listed here, each with the reason it never reaches a user as it
is; a new bare raise, or a listed one that is gone, fails the test.
"""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "credit_disclosure"
BARE = re.compile(r"raise (ValueError|TypeError|KeyError)\b")

_HOOK = "a cattrs structure hook: the loader turns it into its coded file error"
_CAUGHT = "caught where it is raised and reported as a coded error"
_CLI = "command line: caught by the subcommand and printed as a usage error (exit 2)"

#: path relative to src/credit_disclosure -> {fragment of the raise line: why it stays bare}
ALLOWED: dict[str, dict[str, str]] = {
    "schema/_build.py": {
        "no schema rule for code list": "internal invariant: the field table names a code "
        "list the schema builder does not know (a developer's error, caught by the tests)",
    },
    "_datafile.py": {
        "expected a date, got a date and time": _HOOK,
        "expected a date as YYYY-MM-DD": _HOOK,
        "expected a whole number": _HOOK,
    },
    "workdays/_schedule.py": {
        "expected a table with name, start and end": _HOOK,
        "unknown keys": _HOOK,
    },
    "workdays/_bounds.py": {
        "unknown keys {sorted(extra)}": _HOOK,
        "in a window": _HOOK,
        "window distances are whole numbers": _HOOK,
    },
    "policy/_loader.py": {
        "a date is written YYYY-MM-DD": _HOOK,
        "write amounts as strings or integers": _HOOK,
        "not an amount": _HOOK,
    },
    "standard/_validate.py": {
        "expected a list of texts": _CAUGHT + " (from_mapping)",
        "not a number": _CAUGHT + " (from_mapping)",
        "expected true or false": _CAUGHT + " (from_mapping)",
        "expected a text of separator characters": _CAUGHT + " (from_mapping)",
    },
    "privacy/_keyset.py": {
        'TypeError("id")': _CAUGHT + " (a damaged keyset file: the reader's coded error)",
    },
    "privacy/_hazmat.py": {
        "ciphertext too short": "hazardous layer: turned into the one opaque DecryptionError",
        "is not a nonce-based AEAD": "hazardous layer: internal invariant",
        "is not a MAC": "hazardous layer: internal invariant",
    },
    "privacy/_encryptor.py": {
        "not canonical": "turned into the one opaque DecryptionError",
        "TypeError(": "pickling a FieldEncryptor: the protocol expects a TypeError",
        'ValueError("version")': "turned into the one opaque DecryptionError",
        'ValueError("algorithm")': "turned into the one opaque DecryptionError",
        "not decryptable": "turned into the one opaque DecryptionError",
    },
    "_cli/calendar.py": {"cli.calendar.not_text": _CLI},
    "_cli/mask.py": {"write HEADER=KIND": _CLI, "KIND is one of": _CLI},
    "_cli/_args.py": {"ValueError(text)": "argparse type function: caught at once and "
                      "re-raised as argparse.ArgumentTypeError (a usage error)"},
    "_cli/_output.py": {"not JSON": "json.dumps default hook: the json protocol expects TypeError"},
    "_cli/status.py": {"only one of RECORDS and --events": _CLI},
}


def _bare_raises() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if BARE.search(line):
                # the message may start on the next line
                text = line + " " + (lines[i + 1] if i + 1 < len(lines) else "")
                found.append((path.relative_to(SRC).as_posix(), i + 1, text.strip()))
    return found


def test_every_bare_raise_is_listed_with_a_reason() -> None:
    """A bare ValueError/TypeError/KeyError in src is on the allow-list, with a reason."""
    unlisted = [
        f"{path}:{line}: {text[:100]}"
        for path, line, text in _bare_raises()
        if not any(fragment in text for fragment in ALLOWED.get(path, {}))
    ]
    assert not unlisted, "raise a coded error (credit_disclosure.errors) instead:\n" + "\n".join(
        unlisted
    )


def test_the_allow_list_has_no_stale_entries() -> None:
    """Every allow-list entry still matches a bare raise (remove it once the raise is coded)."""
    found = _bare_raises()
    stale = [
        f"{path}: {fragment}"
        for path, fragments in ALLOWED.items()
        for fragment in fragments
        if not any(p == path and fragment in text for p, _, text in found)
    ]
    assert not stale, "\n".join(stale)
    assert all(reason.strip() for fragments in ALLOWED.values() for reason in fragments.values())


def _coded_cases() -> list[tuple[str, object, type[BaseException], str]]:
    from datetime import datetime

    from credit_disclosure.identifiers import divisions
    from credit_disclosure.privacy import (
        Algorithm,
        FieldEncryptor,
        KeepEnds,
        Key,
        Keyset,
        MaskingProfile,
        get_profile,
    )
    from credit_disclosure.quality import compute_metrics
    from credit_disclosure.samples import generate_records
    from credit_disclosure.service import ServiceSettings
    from credit_disclosure.standard import PenaltyRecord, RecordKind, validate
    from credit_disclosure.workdays import (
        Anchor,
        NoticeRef,
        StatutoryHoliday,
        WorkdayCalendar,
        parse_notice,
    )

    now = datetime(2026, 1, 1).astimezone()
    return [
        ("workdays.schedules", lambda: WorkdayCalendar(()), ValueError, "at least one year"),
        ("workdays.date", lambda: NoticeRef("t", published="2026-01-01"), TypeError,
         "datetime.date or None"),
        ("workdays.holiday", lambda: StatutoryHoliday("元旦", Anchor.FIXED, 1), ValueError,
         "needs month and day"),
        ("service.limit", lambda: ServiceSettings(max_rows=0), ValueError, "positive number"),
        ("division.register", lambda: divisions.register("1101", "x"), ValueError, "six ASCII"),
        ("record.type", lambda: validate(object()), TypeError,  # type: ignore[arg-type]
         "not a record"),
        ("record.field_type", lambda: validate(PenaltyRecord(fine_amount=2000)), TypeError,  # type: ignore[arg-type]
         "must be Decimal"),
        ("keyset.time", lambda: Key(key_id=1, algorithm=Algorithm.AES256_GCM,
                                    created_at="2026", material=b"k" * 32), TypeError,  # type: ignore[arg-type]
         "records datetimes"),
        ("keyset.algorithm", lambda: Key(key_id=1, algorithm="aes", created_at=now,  # type: ignore[arg-type]
                                         material=b"k" * 32), TypeError, "an Algorithm"),
        ("keyset.material", lambda: Key(key_id=1, algorithm=Algorithm.AES256_GCM,
                                        created_at=now, material="k" * 32), TypeError,  # type: ignore[arg-type]
         "must be bytes"),
        ("keyset.keys", lambda: Keyset(("k",)), TypeError, "Key objects only"),  # type: ignore[arg-type]
        ("keyset.env", lambda: Keyset.from_env("CD_NO_SUCH_VARIABLE", environ={}), KeyError,
         "is not set"),
        ("privacy.field", lambda: FieldEncryptor(Keyset.generate(Algorithm.AES256_GCM)).encrypt("x", field="f" * 70000),
         ValueError, "at most 65535"),
        ("privacy.rule", lambda: KeepEnds(mask_char="**"), ValueError, "single character"),
        ("privacy.rule", lambda: KeepEnds(keep_start=-1), ValueError, "not be negative"),
        ("privacy.rule", lambda: KeepEnds(fixed_width=0), ValueError, "at least 1"),
        ("privacy.rule", lambda: MaskingProfile(name="p", rules={"name": None}), TypeError,  # type: ignore[dict-item]
         "not a ValueKind"),
        ("privacy.record", lambda: get_profile("public").mask_record(object()), TypeError, "neither a mapping"),
        ("privacy.profile", lambda: get_profile("nope"), KeyError, "no masking profile"),
        ("quality.by", lambda: compute_metrics([], "penalty", by="colour"), KeyError, "group by"),
        ("quality.by", lambda: compute_metrics([], "penalty", by=()), ValueError, "each once"),
        ("samples.fault", lambda: list(generate_records(RecordKind.PENALTY, 1, faults={"x": 1})),
         KeyError, "unknown fault"),
        ("samples.faults", lambda: list(generate_records(RecordKind.PENALTY, 1, faults={
            next(iter(__import__("credit_disclosure.samples", fromlist=["FAULTS"]).FAULTS)): 5})),
         ValueError, "do not fit"),
        ("notice.type", lambda: parse_notice(42), TypeError, "a notice is text"),
    ]


def test_formerly_bare_errors_are_coded_and_still_builtin() -> None:
    """Errors that were bare are coded (zh and en), and still the built-in callers caught."""
    import pytest

    from credit_disclosure.errors import CreditDisclosureError

    for code, call, builtin, text in _coded_cases():
        with pytest.raises(CreditDisclosureError) as info:
            call()  # type: ignore[operator]
        exc = info.value
        assert isinstance(exc, builtin), code
        assert getattr(exc, "code", None) == code, (code, exc)
        assert text in str(exc) and getattr(exc, "message_zh", ""), code
