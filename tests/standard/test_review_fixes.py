"""Regression tests for bugs found in review of the data standard (one test per bug)."""

from __future__ import annotations

from datetime import date

from credit_disclosure.identifiers import divisions, uscc
from credit_disclosure.standard import RecordKind, check_row

AS_OF = date(2024, 6, 1)
_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _with_check_char(body: str) -> str:
    """GB 32100-2015: weights 3^i mod 31, check = alphabet[(31 - sum mod 31) mod 31]."""
    total = sum(_ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    return body + _ALPHABET[(31 - total % 31) % 31]


def test_division_registered_after_a_check_is_accepted(penalty_row: dict[str, object]) -> None:
    """A credit code rejected for its unknown division passes once the division is registered."""
    code = "119907"
    assert divisions.lookup(code) is None
    authority = uscc.generate(org_type="11", division="110101", seed=5)
    body = authority[:2] + code + authority[8:17]
    with_new_division = _with_check_char(body)
    row = dict(penalty_row, CF_CFJGDM=with_new_division)
    before = check_row(row, RecordKind.PENALTY, as_of=AS_OF)
    assert [(i.code, i.field) for i in before.issues] == [("uscc.division", "CF_CFJGDM")]
    divisions.register(code, "新设区", from_year=2024)
    after = check_row(row, RecordKind.PENALTY, as_of=AS_OF)
    assert after.issues == ()
