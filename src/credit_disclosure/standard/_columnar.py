"""Column forms of the record rules: which rows of a batch are certainly clean.

The row engine (:func:`~credit_disclosure.standard.check_row`) is the only author of
issues. This module only *clears* rows: given the raw cells of many rows as Arrow
string arrays keyed by field code, :meth:`ColumnChecks.clean` says, per row, whether
``check_row`` would certainly find no issue at all (no error, no warning) with the same
``as_of`` and options. Every rule has a column form that is conservative in that sense
(it may leave a clean row uncleared, never clear a faulty one):

- values that repeat (dates, amounts, codes, categories, 证件类型, authority codes) are
  judged once per distinct value by the row engine's own parsers and identifier checks,
  so those forms are exact;
- identifiers that differ on every row (the subject's credit code, organisation code,
  identity numbers) are cleared only in their canonical form (upper-case ASCII of the
  right length) with the check character computed over the whole column with numpy; the
  division and birth-date parts are judged once per distinct value by the identifier
  module's public ``is_valid``;
- free text is cleared by length (bytes within the limit, else characters) and presence
  (the first byte cannot start white space); 罚款 in 处罚内容 only in one plain form;
- anything unusual (white space around a value, lower case, another identifier kind, a
  first 罚款 of the content in another form, a column that is not text) leaves the row to
  the row engine.

The 2015 standard has no column forms yet: every row goes to the row engine.
docs/standard.md ("Two paths, one report") explains why the reports cannot differ.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, Final

from .._optional import require
from ._codes import PenaltyType, SubjectCategory
from ._fields import FieldSpec, FieldType, RecordKind, RequirementKind, StandardVersion, fields
from ._ids import cert_kind, check_identifier
from ._parsing import (
    OPEN_ENDED_WORDS,
    PLACEHOLDER_CREDIT_CODE,
    _amount_text,
    _parse_date_text,
    parse_penalty_categories,
)
from ._records import OPEN_ENDED
from ._validate import (
    _DEFAULT_OPTIONS,
    _LICENSE_CATEGORIES,
    _NEW_IN_2021,
    _OPEN_ENDED_FIELDS,
    _TEXTUAL,
    PENALTY_LAW_2021_IN_FORCE,
    ValidationOptions,
    _as_of,
)

__all__ = ["ColumnChecks"]

np: Any = None
pa: Any = None
pc: Any = None
# identifier modules, imported on first use as in _ids.py (they load division tables)
business_reg_no: Any = None
divisions: Any = None
resident_id: Any = None
uscc: Any = None


def _load() -> None:
    global np, pa, pc, business_reg_no, divisions, resident_id, uscc
    if pc is None:
        from ..identifiers import business_reg_no, divisions, resident_id, uscc

        np = require("numpy", "fast", "the columnar fast path")
        pa = require("pyarrow", "fast", "the columnar fast path")
        pc = require("pyarrow.compute", "fast", "the columnar fast path")


#: Every character ``str.strip()`` removes (``str.isspace``; a test checks the list against
#: the running Python), by the length of its UTF-8 form.
SPACES: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_SPACES: Final = SPACES
_SPACE_1: Final = [ord(c) for c in _SPACES if ord(c) < 0x80]
_SPACE_AFTER_C2: Final = [c.encode()[1] for c in _SPACES if len(c.encode()) == 2]
_SPACE_3: Final = [int.from_bytes(c.encode(), "big") for c in _SPACES if len(c.encode()) == 3]

_CATEGORY_LIST: Final = list(SubjectCategory)
_CATEGORY_INDEX: Final = {c.value: i for i, c in enumerate(_CATEGORY_LIST)}
_LEGAL: Final = _CATEGORY_INDEX[SubjectCategory.LEGAL_PERSON.value]
_NATURAL: Final = _CATEGORY_INDEX[SubjectCategory.NATURAL_PERSON.value]
_BUSINESS: Final = _CATEGORY_INDEX[SubjectCategory.INDIVIDUAL_BUSINESS.value]

_ABSENT: Final = -1  # no value (None, "", white space only)
_BAD: Final = -2  # a value the row engine reports (or may report): the row is not cleared

#: 处罚内容 in the one form cleared by columns: its first 罚款 right before the amount
#: (computed over the bytes by ``_stated_fine``; tests hold it to this expression, matched
#: from the character before the first 罚款).
_FINE_IN_CONTENT: Final = r"(?:^|[^元的])罚款(?:人民币)?(?P<n>[0-9]{1,14})(?P<u>万元|元)"
#: Distinct values remembered between batches, per column.
_CACHE_LIMIT: Final = 200_000

_USCC_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS: Final = [pow(3, i, 31) for i in range(17)]
_ORG_WEIGHTS: Final = [3, 7, 9, 10, 5, 8, 4, 2]
_RIC_WEIGHTS: Final = [pow(2, 17 - i, 11) for i in range(17)]
#: ISO 7064 MOD 11,10 (工商注册号, GS15-2006): state p in 1..10, p' = 2 * ((p + d) % 10 or 10) % 11.
_MOD11_10_LIST: Final = [[(2 * (((p + d) % 10) or 10)) % 11 for d in range(10)] for p in range(11)]
#: Days of each month in a common year (index 0 unused).
_MONTH_DAYS_LIST: Final = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def _dated() -> frozenset[str]:
    """The identifier kinds whose check takes ``as_of``."""
    from ..identifiers import REGISTRY

    return frozenset(k.name for k in REGISTRY.values() if k.dated)


def _ordinals(year: Any, month: Any, day: Any) -> Any:
    """``date(year, month, day).toordinal()`` over numpy arrays of valid calendar days."""
    months = (year - 1970) * 12 + (month - 1)
    days = months.astype("datetime64[M]").astype("datetime64[D]") + (day - 1)
    return days.astype(np.int64) + _EPOCH_ORDINAL


_EPOCH_ORDINAL: Final = date(1970, 1, 1).toordinal()


def _is_absent(v: str | None) -> bool:
    return v is None or v == "" or v.isspace()


_USCC_INDEX: Final = {c: v for v, c in enumerate(_USCC_ALPHABET)}


def _uscc_check(body: str) -> str:
    total = sum(_USCC_INDEX[c] * w for c, w in zip(body, _USCC_WEIGHTS))
    return _USCC_ALPHABET[-total % 31]


def _mod11_10_check(body: str) -> str:
    p = 10
    for c in body:
        p = _MOD11_10_LIST[p][int(c)]
    return str((11 - p) % 10)


def _ric_check(body: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(body, _RIC_WEIGHTS)) % 11]


_YUAN: Final = tuple("元".encode())
_DE: Final = tuple("的".encode())
_RMB: Final = tuple("人民币".encode())
_WAN_YUAN: Final = tuple("万元".encode())


def _stated_fine(col: _Text, rows: Any, at: Any) -> Any:
    """Per row of ``rows`` (whose first 罚款 starts at byte ``at`` of the cell): the amount in
    yuan the content states in the form ``_FINE_IN_CONTENT`` matches, else -2.

    The regular expression computed over the bytes with numpy: 罚款 at the start or not
    right after 元 or 的, then 人民币 or nothing, 1 to 14 ASCII digits, 万元 or 元.
    """
    data = col.data
    last = len(data) - 1
    begin = col.start[rows]
    end = begin + col.nbytes[rows]
    pos = begin + at

    def window(offset: Any, width: int) -> Any:  # the bytes from offset on; 0 past the cell
        index = offset[:, None] + np.arange(width)
        return np.where(index < end[:, None], data[np.clip(index, 0, last)], 0)

    before = window(pos - 3, 3)
    after_unit_word = (before == _YUAN).all(axis=1) | (before == _DE).all(axis=1)
    fine = (at < 3) | ~after_unit_word
    after = pos + 6  # 罚款 is 6 bytes
    digits_from = after + 9 * (window(after, 9) == _RMB).all(axis=1)
    cells = window(digits_from, 15)
    is_digit = (cells >= 48) & (cells <= 57)
    length = np.where(is_digit.all(axis=1), 15, np.argmin(is_digit, axis=1))
    unit = window(digits_from + length, 6)
    wan = (unit == _WAN_YUAN).all(axis=1)
    fine &= (length >= 1) & (length <= 14) & (wan | (unit[:, :3] == _YUAN).all(axis=1))
    exponent = length[:, None] - 1 - np.arange(15)
    scale = np.where(exponent >= 0, 10 ** np.clip(exponent, 0, 14), 0)
    number = ((cells.astype(np.int64) - 48) * scale).sum(axis=1)
    return np.where(fine, np.where(wan, number * 10000, number), -2)


class _Text:
    """One column of raw cells over numpy views of its Arrow buffers."""

    __slots__ = ("arr", "data", "n", "nbytes", "start", "text", "valid")

    def __init__(self, arr: Any, n: int) -> None:
        self.text = True
        if arr is None:
            arr = pa.nulls(n, pa.string())
        if isinstance(arr, pa.ChunkedArray):
            arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
        wide = pa.types.is_large_string(arr.type)  # 64-bit offsets (Polars' strings)
        if not pa.types.is_string(arr.type) and not wide:
            if pa.types.is_string_view(arr.type):
                arr = arr.cast(pa.large_string())
                wide = True
            elif pa.types.is_null(arr.type):
                arr = pa.nulls(n, pa.string())
            else:
                self.text = False  # numbers, dates, ...: the row engine reads those
        self.arr = arr
        self.n = n
        if arr.null_count:
            self.valid = arr.is_valid().to_numpy(zero_copy_only=False)
        else:
            self.valid = np.ones(n, dtype=bool)
        if not self.text:
            self.nbytes = np.zeros(n, dtype=np.int64)
            self.start = self.nbytes
            self.data = np.zeros(1, dtype=np.uint8)
            return
        buffers = arr.buffers()
        width = np.int64 if wide else np.int32
        offsets = np.frombuffer(buffers[1], dtype=width)[arr.offset : arr.offset + n + 1]
        self.start = offsets[:-1]
        self.nbytes = np.diff(offsets)
        data = buffers[2]
        self.data = np.frombuffer(data, dtype=np.uint8) if data is not None and data.size else None
        if self.data is None:
            self.data = np.zeros(1, dtype=np.uint8)
        if arr.null_count:
            self.nbytes = np.where(self.valid, self.nbytes, 0)

    def absent(self) -> Any:
        """Rows certainly without a value (null or empty)."""
        return self.nbytes == 0

    def present(self) -> Any:
        """Rows certainly with a value: a first character that is not white space."""
        data = self.data
        last = len(data) - 1
        first = data[np.minimum(self.start, last)]
        lead = _SPACE_LEAD[first]  # 0: not white space, 1: white space, 2: look further
        space = lead == 1
        further = np.flatnonzero(lead == 2)
        if len(further):
            at = self.start[further]
            head = first[further]
            second = data[np.minimum(at + 1, last)].astype(np.int64)
            third = data[np.minimum(at + 2, last)].astype(np.int64)
            two = (head == 0xC2) & _SPACE_AFTER_C2_TABLE[second]
            key = (np.clip(head.astype(np.int64) - 0xE1, 0, 2) << 16) | (second << 8) | third
            three = (head >= 0xE1) & (head <= 0xE3) & _SPACE_3_TABLE[key]
            space[further] = two | three
        return (self.nbytes > 0) & ~space

    def fixed(self, width: int) -> tuple[Any, Any]:
        """(row numbers, bytes matrix) of the values exactly ``width`` bytes long."""
        rows = np.flatnonzero(self.nbytes == width)
        if not len(rows):
            return rows, np.zeros((0, width), dtype=np.uint8)
        return rows, self.data[self.start[rows][:, None] + np.arange(width)]


_SPACE_ASCII: Any = None
_SPACE_LEAD: Any = None
_SPACE_AFTER_C2_TABLE: Any = None
_SPACE_3_TABLE: Any = None
_POWERS_6: Any = None
#: Verdicts on identifier parts by key, per part: (division generation, int8 table; -1 unknown).
_JUDGED: dict[str, tuple[int, Any]] = {}
_MONTH_DAYS: Any = None
_USCC_VALUE: Any = None
_ORG_VALUE: Any = None
_MOD11_10: Any = None


def _tables() -> None:
    global _SPACE_ASCII, _USCC_VALUE, _ORG_VALUE, _MONTH_DAYS, _POWERS_6
    global _SPACE_AFTER_C2_TABLE, _SPACE_3_TABLE, _MOD11_10, _SPACE_LEAD
    if _SPACE_ASCII is not None:
        return
    assert all(len(c.encode()) <= 3 for c in _SPACES)
    assert all(c.encode()[0] == 0xC2 for c in _SPACES if len(c.encode()) == 2)
    assert all(0xE1 <= c.encode()[0] <= 0xE3 for c in _SPACES if len(c.encode()) == 3)
    lead = np.zeros(256, dtype=bool)
    lead[_SPACE_1] = True
    uscc = np.full(256, 255, dtype=np.uint8)
    for v, c in enumerate(_USCC_ALPHABET):
        uscc[ord(c)] = v
    org = np.full(256, 255, dtype=np.uint8)
    for v, c in enumerate("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"):
        org[ord(c)] = v
    _USCC_VALUE, _ORG_VALUE, _SPACE_ASCII = uscc, org, lead
    _MONTH_DAYS = np.array(_MONTH_DAYS_LIST, dtype=np.int64)
    after_c2 = np.zeros(256, dtype=bool)
    after_c2[_SPACE_AFTER_C2] = True
    three = np.zeros(3 << 16, dtype=bool)  # (first byte - 0xE1, second, third)
    three[[k - (0xE1 << 16) for k in _SPACE_3]] = True
    _SPACE_AFTER_C2_TABLE, _SPACE_3_TABLE = after_c2, three
    # by first byte: 1 an ASCII space, 2 the lead byte of a longer one (look at the next two)
    _SPACE_LEAD = lead.astype(np.uint8)
    _SPACE_LEAD[[0xC2, 0xE1, 0xE2, 0xE3]] = 2
    _POWERS_6 = 10 ** np.arange(5, -1, -1, dtype=np.int64)
    _MOD11_10 = np.array(_MOD11_10_LIST, dtype=np.int64)


class ColumnChecks:
    """The column forms of the record rules for one kind, version, ``as_of`` and options.

    :meth:`clean` takes a batch of raw cells (Arrow string arrays keyed by field code,
    as a file or frame holds them; a missing field is a column of nulls) and returns a
    numpy boolean array: ``True`` where :func:`check_row` would certainly report nothing
    for the row (the row engine then need not see it), ``False`` where it may report
    something (send the row to ``check_row``). It never clears a row that ``check_row``
    would report: every rule's column form is conservative (docs/standard.md, "Two paths,
    one report"). Needs pyarrow and numpy (the ``fast`` extra).

    >>> import pyarrow as pa
    >>> from datetime import date
    >>> checks = ColumnChecks(RecordKind.LICENSE, as_of=date(2025, 6, 30))
    >>> from credit_disclosure.samples import generate_records
    >>> from credit_disclosure.standard import check_row
    >>> rows = [r.values for r in generate_records(RecordKind.LICENSE, 3, seed=1)]
    >>> rows[1]["XK_JDRQ"] = "2024/02/30"  # no such day
    >>> batch = {code: pa.array([row.get(code) for row in rows]) for code in rows[0]}
    >>> checks.clean(batch, 3).tolist()
    [True, False, True]
    >>> [bool(check_row(row, RecordKind.LICENSE, as_of=date(2025, 6, 30)).issues) for row in rows]
    [False, True, False]
    """

    def __init__(
        self,
        kind: RecordKind | str,
        version: StandardVersion | str = StandardVersion.V2018,
        *,
        as_of: date | None = None,
        options: ValidationOptions | None = None,
    ) -> None:
        _load()
        _tables()
        self.kind = RecordKind(kind)
        self.version = StandardVersion(version)
        self.as_of = _as_of(as_of)
        self.options = options or _DEFAULT_OPTIONS
        #: Whether this kind and version have column forms (else :meth:`clean` clears nothing).
        self.supported = self.version is StandardVersion.V2018
        self._specs: dict[str, FieldSpec] = {f.attr: f for f in fields(self.kind, self.version)}
        # per field: (values seen, one numpy array per result), and the results of None
        self._memo: dict[str, tuple[Any, list[Any]]] = {}
        self._none: dict[str, tuple[Any, ...]] = {}
        self._as_of_ord = self.as_of.toordinal()
        #: per row, the latest day cleared rows took to be on or before as_of (``clean(latest=)``)
        self._latest: Any = None

    def maybe_blank(self, column: Any) -> Any:
        """Per cell of an Arrow string array: whether it may be empty or white space only.

        ``False`` is certain (the cell starts with a character that is not white space);
        a reader decides the ``True`` ones itself (a row of blank cells is not a record).

        >>> import pyarrow as pa
        >>> ColumnChecks("penalty").maybe_blank(pa.array(["", " x", "\u3000", "某", None])).tolist()
        [True, True, True, False, True]
        """
        col = _Text(column, len(column))
        return ~col.present()

    @property
    def codes(self) -> tuple[str, ...]:
        """The field codes :meth:`clean` reads, in the standard's order."""
        return tuple(f.code for f in self._specs.values())

    # ------------------------------------------------------------------ distinct values

    def _each(
        self, key: str, col: _Text, fn: Callable[[str | None], tuple[Any, ...]], dtypes: Sequence[Any]
    ) -> list[Any]:
        """``fn`` of every cell, computed once per distinct value: one numpy array per result.

        The batch is dictionary-encoded (one hash pass in Arrow), its distinct values are
        looked up among the values seen before (kept per field, up to a limit), and ``fn``
        runs only on the new ones: a batch whose values were all seen costs a few
        vectorised calls, whatever its number of distinct values.
        """
        n = col.n
        none = self._none.get(key)
        if none is None:
            none = self._none[key] = fn(None)
        if not col.valid.any():
            return [np.full(n, v, dtype=t) for v, t in zip(none, dtypes)]
        encoded = pc.dictionary_encode(col.arr)
        distinct = encoded.dictionary
        memo = self._memo.get(key)
        if memo is None or memo[0].type != distinct.type:
            memo = (distinct.slice(0, 0), [np.zeros(0, dtype=t) for t in dtypes])
        known, results = memo
        positions = pc.index_in(distinct, value_set=known)
        if positions.null_count:
            new = distinct.filter(positions.is_null()).to_pylist()
            computed = [fn(v) for v in new]
            if len(known) + len(new) > _CACHE_LIMIT:
                known, results = distinct.slice(0, 0), [r[:0] for r in results]
            known = pa.concat_arrays([known, pa.array(new, type=distinct.type)])
            results = [
                np.concatenate([r, np.array(part, dtype=t)])
                for r, part, t in zip(results, zip(*computed), dtypes)
            ]
            positions = pc.index_in(distinct, value_set=known)
        self._memo[key] = (known, results)
        where = positions.to_numpy(zero_copy_only=False)
        indices = encoded.indices
        if indices.null_count:
            indices = indices.fill_null(len(distinct))
        idx = indices.to_numpy(zero_copy_only=False)
        return [np.append(r[where], v)[idx] for r, v in zip(results, none)]

    @staticmethod
    def _judged(part: str, size: int, keys: Any, valid: Callable[[int], bool]) -> Any:
        """Per key in ``range(size)``: ``valid(key)``, computed once per key and process.

        The verdicts live in a numpy table per part (dropped when division codes are
        registered), so that a batch costs one lookup per row once its keys were seen.
        """
        generation = divisions.generation()
        table = _JUDGED.get(part)
        if table is None or table[0] != generation:
            table = (generation, np.full(size, -1, dtype=np.int8))
            _JUDGED[part] = table
        verdicts = table[1]
        found = verdicts[keys]
        unknown = found < 0
        if unknown.any():
            for key in np.unique(keys[unknown]).tolist():
                verdicts[key] = valid(key)
            found = verdicts[keys]
        return found == 1

    # ------------------------------------------------------------------ identifiers

    def _uscc(self, col: _Text) -> tuple[Any, Any]:
        """(rows certainly valid, their 18 bytes as a matrix, indexed by row) for credit codes."""
        n = col.n
        ok = np.zeros(n, dtype=bool)
        rows, mat = col.fixed(18)
        full = np.zeros((n, 18), dtype=np.uint8)
        if not len(rows):
            return ok, full
        values = _USCC_VALUE[mat]
        good = (values != 255).all(axis=1)
        total = values[:, :17].astype(np.int64) @ np.array(_USCC_WEIGHTS, dtype=np.int64)
        good &= values[:, 17] == (-total) % 31
        rows, mat = rows[good], mat[good]
        # registration authority and type, and the division: independent conditions of
        # uscc.validate, each judged by uscc itself once per distinct value
        types = mat[:, 0].astype(np.int64) * 256 + mat[:, 1]
        digits = mat[:, 2:8].astype(np.int64) - 48
        numeric = ((digits >= 0) & (digits <= 9)).all(axis=1)
        division = np.where(numeric[:, None], digits, 0) @ _POWERS_6

        def by_type(key: int) -> bool:
            body = chr(key // 256) + chr(key % 256) + uscc.NATIONAL_DIVISION + "000000000"
            return bool(uscc.is_valid(body + _uscc_check(body)))

        def by_division(key: int) -> bool:
            body = f"91{key:06d}000000000"
            return bool(uscc.is_valid(body + _uscc_check(body)))

        fine = numeric & self._judged("uscc type", 1 << 16, types, by_type)
        fine &= self._judged("uscc division", 10**6, division, by_division)
        ok[rows[fine]] = True
        full[rows] = mat
        return ok, full

    def _org_code(self, col: _Text) -> tuple[Any, Any]:
        n = col.n
        ok = np.zeros(n, dtype=bool)
        full = np.zeros((n, 9), dtype=np.uint8)
        rows, mat = col.fixed(9)
        if not len(rows):
            return ok, full
        values = _ORG_VALUE[mat[:, :8]]
        good = (values != 255).all(axis=1)
        total = values.astype(np.int64) @ np.array(_ORG_WEIGHTS, dtype=np.int64)
        expected = np.frombuffer(b"0123456789X0", dtype=np.uint8)[11 - total % 11]
        good &= mat[:, 8] == expected
        ok[rows[good]] = True
        full[rows] = mat
        return ok, full

    def _business_reg_no(self, col: _Text) -> Any:
        """Rows certainly valid as 工商注册号: 15 ASCII digits, check digit computed here."""
        ok = np.zeros(col.n, dtype=bool)
        rows, mat = col.fixed(15)
        if not len(rows):
            return ok
        digits = mat.astype(np.int64) - 48
        good = ((digits >= 0) & (digits <= 9)).all(axis=1)
        rows, digits = rows[good], digits[good]
        state = np.full(len(rows), 10, dtype=np.int64)
        for i in range(14):
            state = _MOD11_10[state, digits[:, i]]
        fine = (state + digits[:, 14]) % 10 == 1
        authority = digits[:, :6] @ _POWERS_6

        def by_authority(key: int) -> bool:
            # the registration authority (a division, or 100000) judged by the module itself
            body = f"{key:06d}00000001"
            return bool(business_reg_no.is_valid(body + _mod11_10_check(body)))

        fine &= self._judged("business authority", 10**6, authority, by_authority)
        ok[rows[fine]] = True
        return ok

    def _resident_id(self, col: _Text) -> Any:
        n = col.n
        ok = np.zeros(n, dtype=bool)
        rows, mat = col.fixed(18)
        if not len(rows):
            return ok
        digits = mat.astype(np.int64) - 48
        good = ((digits[:, :17] >= 0) & (digits[:, :17] <= 9)).all(axis=1)
        total = np.where(good[:, None], digits[:, :17], 0) @ np.array(_RIC_WEIGHTS, dtype=np.int64)
        good &= mat[:, 17] == np.frombuffer(b"10X98765432", dtype=np.uint8)[total % 11]
        rows, digits = rows[good], digits[good]
        if not len(rows):
            return ok
        division = digits[:, :6] @ _POWERS_6
        birth = digits[:, 6:14] @ (10 ** np.arange(7, -1, -1, dtype=np.int64))

        def by_division(key: int) -> bool:
            body = f"{key:06d}19000101001"
            return bool(resident_id.is_valid(body + _ric_check(body), as_of=date(2000, 1, 1)))

        # the division and the birth date are independent conditions of the number: the
        # division judged by resident_id itself once per distinct code, the birth date a
        # calendar day from 1900-01-01 to as_of (GB 11643-1999 4.2, as resident_id checks it)
        fine = self._judged("resident division", 10**6, division, by_division)
        year, month, day = birth // 10000, birth // 100 % 100, birth % 100
        leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
        last = _MONTH_DAYS[np.clip(month, 0, 12)] + ((month == 2) & leap)
        as_of = self.as_of
        limit = as_of.year * 10000 + as_of.month * 100 + as_of.day
        fine &= (month >= 1) & (month <= 12) & (day >= 1) & (day <= last)
        fine &= (birth >= 19000101) & (birth <= limit)
        ok[rows[fine]] = True
        latest = self._latest
        if latest is not None and fine.any():  # cleared because born on or before as_of
            at = rows[fine]
            days = _ordinals(year[fine], month[fine], day[fine])
            latest[at] = np.maximum(latest[at], days)
        return ok

    # ------------------------------------------------------------------ the batch

    def clean(self, columns: Mapping[str, Any], length: int, *, latest: Any = None) -> Any:
        """Per row, whether ``check_row`` would certainly report nothing (a numpy bool array).

        ``columns`` maps field codes to Arrow arrays (or chunked arrays) of ``length``
        raw cells; text columns are judged, others leave the rows where they hold a
        value to the row engine; fields without a column count as empty.

        ``latest``, a numpy int64 array of ``length`` (filled by the caller, e.g. with 0),
        receives per row the latest day (an ordinal) the clearing took to be on or before
        ``as_of`` (a date in ``future_date_fields``, a resident's date of birth): judged with
        ``as_of=date.max``, a row is then cleared for any ``as_of`` on or after its ``latest``
        day, ``clean(as_of=d) == ok & (latest <= d.toordinal())`` with nothing else to
        compute (``read_records`` judges blocks so before ``score_frame`` knows its
        ``as_of``). With it, identifiers whose check takes ``as_of`` are not cleared by the
        per-value checks (none of the 2018 standard's fields have one today).
        """
        n = length
        if not self.supported or n == 0:
            return np.zeros(n, dtype=bool)
        self._latest = latest
        try:
            return self._clean(columns, n)
        finally:
            self._latest = None

    def _clean(self, columns: Mapping[str, Any], n: int) -> Any:
        specs = self._specs
        opts = self.options
        cols = {attr: _Text(columns.get(spec.code), n) for attr, spec in specs.items()}
        ok = np.ones(n, dtype=bool)
        present: dict[str, Any] = {}
        for attr, spec in specs.items():
            col = cols[attr]
            if not col.text:
                ok &= ~col.valid  # a number or a date from a frame: the row engine reads it
                present[attr] = np.zeros(n, dtype=bool)
                continue
            if spec.type in _TEXTUAL:
                here = col.present()
                ok &= here | col.absent()  # white space first: the row engine decides
                present[attr] = here
                if spec.requirement.kind is RequirementKind.REQUIRED:
                    ok &= here
        # lengths of the textual fields that are not checked as identifiers
        if opts.check_lengths:
            for attr, spec in specs.items():
                if spec.type not in _TEXTUAL or spec.identifier is not None:
                    continue
                limit = opts.lengths.get(spec.code, spec.length) if opts.lengths else spec.length
                col = cols[attr]
                if limit is None or not col.text:
                    continue
                long = col.nbytes > limit
                if long.any():
                    chars = pc.utf8_length(col.arr).to_numpy(zero_copy_only=False)
                    ok &= ~long | (np.nan_to_num(chars) <= limit)
        cat = self._category(cols["subject_category"])
        ok &= cat >= 0
        # required for some categories
        for attr, spec in specs.items():
            if spec.requirement.kind is RequirementKind.REQUIRED_FOR and attr in present:
                wanted = np.zeros(len(_CATEGORY_LIST) + 2, dtype=bool)  # by index; -1, -2 last
                wanted[[_CATEGORY_INDEX[c.value] for c in spec.requirement.categories]] = True
                ok &= present[attr] | ~wanted[cat]
        # dates
        days: dict[str, Any] = {}
        for attr, spec in specs.items():
            if spec.type is FieldType.DATE:
                day = self._date(attr, cols[attr], spec.code in _OPEN_ENDED_FIELDS)
                ok &= day != _BAD
                if spec.requirement.kind is RequirementKind.REQUIRED:
                    ok &= day >= 0
                if spec.code in opts.future_date_fields:
                    ok &= day <= self._as_of_ord
                    if self._latest is not None:
                        np.maximum(self._latest, day, out=self._latest)
                days[attr] = day
        # identifiers checked field by field
        orgs: tuple[Any, Any] | None = None
        for attr, spec in specs.items():
            module = spec.identifier
            if module is None or attr in ("credit_code", "cert_no", "legal_rep_cert_no"):
                continue
            col = cols[attr]
            if module == "org_code":
                valid, org = self._org_code(col)
                orgs = (valid, org)  # the subject's rules compare it with the credit code
                ok &= valid | col.absent()
            elif module == "business_reg_no":  # one value per row: computed over the column
                ok &= self._business_reg_no(col) | col.absent()
            elif self._latest is not None and module in _dated():
                ok &= col.absent()  # its verdict may depend on as_of: the row engine judges it
            else:
                ok &= self._each(attr, col, self._identifier(module), [bool])[0]
        self._subject(cols, present, cat, ok, orgs)
        if self.kind is RecordKind.PENALTY:
            self._penalty(cols, days, ok)
        else:
            self._license(cols, days, ok)
        return ok

    def _identifier(self, module: str) -> Callable[[str | None], tuple[bool]]:
        as_of = self.as_of

        def valid(v: str | None) -> tuple[bool]:
            if v is None or _is_absent(v):
                return (True,)
            return (type(check_identifier(module, v.strip(), as_of)) is str,)

        return valid

    def _category(self, col: _Text) -> Any:
        def category(v: str | None) -> tuple[int]:
            if _is_absent(v):
                return (_ABSENT,)
            assert v is not None
            # an older wording is a code.alias warning: not cleared
            return (_CATEGORY_INDEX.get(v.strip(), _BAD),)

        if not col.text:
            return np.where(col.valid, _BAD, _ABSENT)
        return self._each("subject_category", col, category, [np.int8])[0]

    def _date(self, attr: str, col: _Text, open_ended: bool) -> Any:
        def day(v: str | None) -> tuple[int]:
            if _is_absent(v):
                return (_ABSENT,)
            assert v is not None
            parsed = _parse_date_text(v)
            if parsed is not None:
                return (parsed.toordinal(),)
            if open_ended and v.strip() in OPEN_ENDED_WORDS:
                return (OPEN_ENDED.toordinal(),)
            return (_BAD,)

        if not col.text:
            return np.where(col.valid, _BAD, _ABSENT)
        return self._each(attr, col, day, [np.int64])[0]

    def _amount(self, attr: str, col: _Text) -> tuple[Any, Any, Any]:
        """(state, positive, yuan) of an amount in 万元: state -1 absent, -2 reported, 0 fine."""
        threshold = self.options.large_amount_threshold

        def amount(v: str | None) -> tuple[int, bool, int]:
            if _is_absent(v):
                return (_ABSENT, False, -1)
            assert v is not None
            d = _amount_text(v)
            if d is None or d < 0 or (threshold is not None and d > threshold):
                return (_BAD, False, -1)
            yuan = d * 10000  # rounded to the context's 28 digits: 0.2000...01 gives 2000
            exact = (
                yuan == yuan.to_integral_value() and yuan < 10**18 and yuan / 10000 == d
            )  # so the yuan must give back the amount the row engine compares (exactly)
            return (0, d > 0, int(yuan) if exact else -1)

        if not col.text:
            bad = np.where(col.valid, _BAD, _ABSENT)
            return bad, np.zeros(col.n, dtype=bool), np.full(col.n, -1, dtype=np.int64)
        state, positive, yuan = self._each(attr, col, amount, [np.int8, bool, np.int64])
        return state, positive, yuan

    def _subject(
        self,
        cols: dict[str, _Text],
        present: dict[str, Any],
        cat: Any,
        ok: Any,
        orgs: tuple[Any, Any] | None,
    ) -> None:
        opts = self.options
        cc_col, org_col = cols["credit_code"], cols["org_code"]
        if cc_col.valid.any():
            valid, cc = self._uscc(cc_col)
            # 790号: an individual business without a credit code writes the placeholder,
            # with its business registration number (checked with the other identifiers)
            others = ~valid & ~cc_col.absent()  # the placeholder is looked for only there
            if others.any():
                placeholder = pc.equal(cc_col.arr, PLACEHOLDER_CREDIT_CODE).fill_null(False)
                placeholder = placeholder.to_numpy(zero_copy_only=False)
                placeholder &= (cat == _BUSINESS) & present["business_reg_no"]
                ok &= ~others | placeholder
            has = valid
            ok &= ~(has & (cat == _NATURAL))
            is_92 = (cc[:, 0] == ord("9")) & (cc[:, 1] == ord("2"))
            ok &= ~(has & (cat >= 0) & (is_92 != (cat == _BUSINESS)))
            if org_col.valid.any():
                org_ok, org = orgs if orgs is not None else self._org_code(org_col)
                same = (org == cc[:, 8:17]).all(axis=1) & org_ok
                ok &= ~has | org_col.absent() | same
        if opts.legal_rep_id_required:
            ok &= (cat != _LEGAL) | present["legal_rep_cert_no"]
        for type_attr, no_attr in (("cert_type", "cert_no"), ("legal_rep_cert_type", "legal_rep_cert_no")):
            kind = self._cert_type(type_attr, cols[type_attr])
            ok &= kind != _BAD
            number = cols[no_attr]
            if not number.valid.any():
                continue
            checked = (kind > 0) & ~number.absent()  # a 证件类型 whose number is checked
            ok &= ~checked | ((kind == 1) & self._resident_id(number))

    def _cert_type(self, attr: str, col: _Text) -> Any:
        """Per row: -2 reported, -1 no type, 0 a type whose number is not checked, 1 身份证
        (checked here), 2 another identifier kind (left to the row engine)."""
        opts = self.options

        def kind(v: str | None) -> tuple[int]:
            if _is_absent(v):
                return (_ABSENT,)
            assert v is not None
            text = v.strip()
            module = cert_kind(text)
            if text not in opts.certificate_types and not text.startswith("其他") and module is None:
                return (_BAD,)
            if module is None:
                return (0,)
            return (1 if module == "resident_id" else 2,)

        if not col.text:
            return np.where(col.valid, _BAD, _ABSENT)
        return self._each(attr, col, kind, [np.int8])[0]

    def _penalty(self, cols: dict[str, _Text], days: dict[str, Any], ok: Any) -> None:
        opts = self.options
        separators, aliases = opts.penalty_type_separators, opts.penalty_type_aliases

        def categories(v: str | None) -> tuple[int, bool]:
            if _is_absent(v):
                return (_ABSENT, False)
            assert v is not None
            parsed = parse_penalty_categories(v.strip(), separators=separators, aliases=aliases)
            if parsed.unknown:
                return (_BAD, False)
            has_fine = PenaltyType.FINE in parsed.types
            return (1 if has_fine else 0, not _NEW_IN_2021.isdisjoint(parsed.types))

        col = cols["penalty_categories"]
        if col.text:
            state, new = self._each("penalty_categories", col, categories, [np.int8, bool])
        else:
            state, new = np.where(col.valid, _BAD, _ABSENT), np.zeros(col.n, dtype=bool)
        ok &= state != _BAD
        decided = days["decision_date"]
        in_force = date.toordinal(PENALTY_LAW_2021_IN_FORCE)
        ok &= ~(new & (decided >= 0) & (decided < in_force))
        fine, positive, yuan = self._amount("fine_amount", cols["fine_amount"])
        ok &= fine != _BAD
        if opts.fine_amount_required:
            ok &= ~((fine == _ABSENT) & (state == 1))
        ok &= ~(positive & (state == 0))  # amount.without_fine
        confiscation, _, _ = self._amount("confiscation_amount", cols["confiscation_amount"])
        ok &= confiscation != _BAD
        # 罚款 in the content: cleared only when its first 罚款 comes right before an amount
        # equal to the fine. The row engine is satisfied when any amount it finds agrees, and
        # this one is the first it finds: a match before it would need a 罚款 before it, or
        # end in 元罚款 / 元的罚款, which the form excludes (_stated_fine).
        content = cols["content"]
        check = positive & content.valid
        if check.any() and content.text:
            at = pc.find_substring(content.arr, "罚款").fill_null(-1).to_numpy()
            check &= at >= 0
            rows = np.flatnonzero(check)
            if len(rows):
                agrees = np.zeros(content.n, dtype=bool)
                stated = _stated_fine(content, rows, at[rows])
                agrees[rows] = (yuan[rows] >= 0) & (stated == yuan[rows])
                ok &= ~check | agrees
        if opts.penalty_validity_required:
            ok &= days["valid_until"] != _ABSENT
        for later in ("valid_until", "publication_end"):
            ok &= ~((days[later] >= 0) & (decided >= 0) & (days[later] < decided))

    def _license(self, cols: dict[str, _Text], days: dict[str, Any], ok: Any) -> None:
        statuses = self.options.license_status_codes

        def category(v: str | None) -> tuple[bool]:
            if _is_absent(v):
                return (True,)
            assert v is not None
            text = v.strip()
            return (text in _LICENSE_CATEGORIES or text.startswith("其他"),)

        def status(v: str | None) -> tuple[bool]:
            return (_is_absent(v) or v.strip() in statuses,)  # type: ignore[union-attr]

        for attr, fn in (("license_category", category), ("status", status)):
            col = cols[attr]
            if col.text:
                ok &= self._each(attr, col, fn, [bool])[0]
        later, earlier = days["valid_to"], days["valid_from"]
        ok &= ~((later >= 0) & (earlier >= 0) & (later < earlier))

