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
_VALUE_CLASS = (
    "validator of a value class (attrs): constructing one with a wrong value is a "
    "ValueError/TypeError as attrs does (docs/errors.md, not yet coded)"
)
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
    "workdays/_calendar.py": {"needs at least one year's schedule": _VALUE_CLASS},
    "workdays/_schedule.py": {
        "must be a datetime.date or None": _VALUE_CLASS,
        "expected a table with name, start and end": _HOOK,
        "unknown keys": _HOOK,
    },
    "workdays/_bounds.py": {
        "unknown keys {sorted(extra)}": _HOOK,
        "in a window": _HOOK,
        "window distances are whole numbers": _HOOK,
    },
    "workdays/_statutory.py": {"a FIXED holiday needs month and day": _VALUE_CLASS},
    "policy/_loader.py": {
        "a date is written YYYY-MM-DD": _HOOK,
        "write amounts as strings or integers": _HOOK,
        "not an amount": _HOOK,
    },
    "service/_settings.py": {"must be a positive number": _VALUE_CLASS},
    "identifiers/_divisions.py": {
        "ValueError(": "register(): to be coded (identifiers.division); the public boundary "
        "(_contracts.guard) already turns it into argument.value",
    },
    "standard/_validate.py": {
        "expected a list of texts": _CAUGHT + " (from_mapping)",
        "not a number": _CAUGHT + " (from_mapping)",
        "expected true or false": _CAUGHT + " (from_mapping)",
        "expected a text of separator characters": _CAUGHT + " (from_mapping)",
        "not a record of the data standard": "validate(): a wrong record type; the public "
        "boundary (_contracts.guard) turns it into argument.type",
        "TypeError(": "validate(): a field of a wrong type; the public boundary "
        "(_contracts.guard) turns it into argument.type",
    },
    "privacy/_keyset.py": {
        "a keyset records datetimes": _VALUE_CLASS,
        "algorithm must be an Algorithm": _VALUE_CLASS,
        "material must be bytes": _VALUE_CLASS,
        "a keyset holds Key objects only": _VALUE_CLASS,
        "environment variable": "Keyset.from_env documents KeyError; never carries key material",
        'TypeError("id")': _CAUGHT + " (a damaged keyset file: the reader's coded error)",
    },
    "privacy/_hazmat.py": {
        "ciphertext too short": "hazardous layer: turned into the one opaque DecryptionError",
        "is not a nonce-based AEAD": "hazardous layer: internal invariant",
        "is not a MAC": "hazardous layer: internal invariant",
    },
    "privacy/_encryptor.py": {
        "a field name is at most 65535": "to be coded (privacy.field); a field name of 64 KiB",
        "not canonical": "turned into the one opaque DecryptionError",
        "TypeError(": "pickling a FieldEncryptor: the protocol expects a TypeError",
        'ValueError("version")': "turned into the one opaque DecryptionError",
        'ValueError("algorithm")': "turned into the one opaque DecryptionError",
        "not decryptable": "turned into the one opaque DecryptionError",
    },
    "privacy/_masking.py": {
        "must be a single character": _VALUE_CLASS,
        "must not be negative": _VALUE_CLASS,
        "must be at least 1": _VALUE_CLASS,
    },
    "privacy/_profiles.py": {
        "is not a ValueKind": _VALUE_CLASS,
        "a rule is a callable": _VALUE_CLASS,
    },
    "privacy/_records.py": {
        "TypeError(": "mask_record() of a non-record; the public boundary "
        "(_contracts.guard) turns it into argument.type",
    },
    "_cli/calendar.py": {"not UTF-8 or GB18030 text": _CLI},
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
    from credit_disclosure.privacy import get_profile
    from credit_disclosure.quality import compute_metrics
    from credit_disclosure.samples import generate_records
    from credit_disclosure.standard import RecordKind
    from credit_disclosure.workdays import parse_notice

    return [
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
