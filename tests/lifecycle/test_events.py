"""The event vocabulary: kinds, outcomes, keys, and reading EVENTS files row by row."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.errors import InvalidComponent, InvalidFormat, ValidationError
from credit_disclosure.lifecycle import (
    LIFECYCLE_ISSUES,
    Event,
    EventKind,
    ObjectionOutcome,
    RecordKey,
    events_from_rows,
    read_events,
    record_key,
)
from credit_disclosure.standard import LicenseRecord, PenaltyRecord

CODE = "11140400MB1234567X"
NUMBER = "长市监罚〔2022〕15号"


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("published", EventKind.PUBLISHED),
        ("公示", EventKind.PUBLISHED),
        ("变更", EventKind.CHANGED),
        ("Objection Filed", EventKind.OBJECTION_FILED),
        ("异议", EventKind.OBJECTION_FILED),
        ("objection-resolved", EventKind.OBJECTION_RESOLVED),
        ("异议处理", EventKind.OBJECTION_RESOLVED),
        ("撤销", EventKind.REVOKED),
        ("REVOKED", EventKind.REVOKED),
        ("申请修复", EventKind.REPAIR_APPLIED),
        ("准予修复", EventKind.REPAIR_GRANTED),
        ("信用修复", EventKind.REPAIR_GRANTED),
        ("不予修复", EventKind.REPAIR_REFUSED),
        ("撤下", EventKind.TAKEN_DOWN),
        ("ｔａｋｅｎ＿ｄｏｗｎ", EventKind.TAKEN_DOWN),
    ],
)
def test_event_words(word: str, kind: EventKind) -> None:
    """English values (any case, spaces, hyphens, full width) and the Chinese words name kinds."""
    assert EventKind.parse(word) is kind


def test_every_kind_has_a_chinese_word_that_reads_back() -> None:
    """Each kind's Chinese word parses back to the kind (no two kinds share a word)."""
    assert {EventKind.parse(k.zh) for k in EventKind} == set(EventKind)


@pytest.mark.parametrize("word", ["", "repair", "撤回", "published!", "0"])
def test_unknown_event_words_are_coded(word: str) -> None:
    """A word that names no kind raises event.kind (撤回, an applicant's withdrawal, is not 撤下)."""
    with pytest.raises(InvalidComponent) as err:
        EventKind.parse(word)
    assert err.value.code == "event.kind" and err.value.message_zh


@pytest.mark.parametrize(
    ("word", "outcome"),
    [
        ("maintained", ObjectionOutcome.MAINTAINED),
        ("维持", ObjectionOutcome.MAINTAINED),
        ("corrected", ObjectionOutcome.CORRECTED),
        ("修改", ObjectionOutcome.CORRECTED),
        ("更正", ObjectionOutcome.CORRECTED),
        ("Withdrawn", ObjectionOutcome.WITHDRAWN),
        ("撤下", ObjectionOutcome.WITHDRAWN),
    ],
)
def test_outcome_words(word: str, outcome: ObjectionOutcome) -> None:
    """The three outcomes of 长治 2021 (九), in English or Chinese."""
    assert ObjectionOutcome.parse(word) is outcome


def test_event_outcome_required_and_refused() -> None:
    """A resolved objection needs an outcome; any other event refuses one."""
    with pytest.raises(InvalidComponent, match=r"event\.outcome"):
        Event(key=NUMBER, kind=EventKind.OBJECTION_RESOLVED, date=date(2022, 3, 1))
    with pytest.raises(InvalidComponent, match=r"event\.outcome"):
        Event(key=NUMBER, kind="revoked", date=date(2022, 3, 1), outcome="维持")


@pytest.mark.parametrize("bad", ["2022-03-01", None, 20220301])
def test_event_date_must_be_a_date(bad: object) -> None:
    """An Event's date is a datetime.date; text is read by the file readers, not here."""
    with pytest.raises(InvalidFormat, match=r"event\.date"):
        Event(key=NUMBER, kind="公示", date=bad)  # type: ignore[arg-type]


def test_event_repr_hides_the_note() -> None:
    """The note is free text that may name a person: repr shows its length only."""
    event = Event(key=NUMBER, kind="异议", date=date(2022, 3, 1), note="申请人张三 110105194912310029")
    assert "张三" not in repr(event) and "1101051949" not in repr(event)
    assert "characters" in repr(event)


def test_event_row_is_not_compared() -> None:
    """The source row locates an event; two rows with the same event are equal events."""
    a = Event(key=NUMBER, kind="公示", date=date(2022, 3, 1), row=1)
    b = Event(key=NUMBER, kind="公示", date=date(2022, 3, 1), row=9)
    assert a == b


# -- keys ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "number"),
    [
        (NUMBER, None, NUMBER),
        (f"{CODE}|{NUMBER}", CODE, NUMBER),
        (f"{CODE} {NUMBER}", CODE, NUMBER),
        (f" {CODE.lower()}｜长市监罚[2022]15号 ", CODE, NUMBER),
        ("长市监罚（２０２２）15 号", None, NUMBER),
        (f"|{NUMBER}", None, NUMBER),
        ("某某 字第1号", None, "某某字第1号"),  # a space, but no 18-character code before it
    ],
)
def test_key_forms(text: str, code: str | None, number: str) -> None:
    """Keys are read in the one-column forms and normalised (brackets, width, spaces)."""
    key = RecordKey.parse(text)
    assert (key.authority_code, key.decision_no) == (code, number)
    assert RecordKey.parse(str(key)) == key


def test_key_separator_is_what_str_writes() -> None:
    """RecordKey.SEPARATOR is the one-column form's separator (the ledger writes keys with it)."""
    key = RecordKey(NUMBER, CODE)
    assert str(key) == f"{CODE}{RecordKey.SEPARATOR}{NUMBER}"
    assert RecordKey.parse(f"{CODE}{RecordKey.SEPARATOR}{NUMBER}") == key


@pytest.mark.parametrize("text", ["", "   ", f"{CODE}|", "|"])
def test_key_without_number(text: str) -> None:
    """A key without a decision number is refused with key.number."""
    with pytest.raises(ValidationError, match=r"key\.number"):
        RecordKey.parse(text)


def test_record_key_from_records() -> None:
    """Penalty and licence records are keyed by body code and number; no number, no key."""
    assert record_key(PenaltyRecord(decision_no=NUMBER, authority_code=CODE)) == RecordKey(
        NUMBER, CODE
    )
    assert record_key(LicenseRecord(decision_no=NUMBER)) == RecordKey(NUMBER)
    assert record_key(PenaltyRecord(authority_code=CODE)) is None
    assert record_key(PenaltyRecord(decision_no="  ")) is None


def test_key_matching() -> None:
    """A number-only key matches any body's record with that number; two codes must agree."""
    bare, full = RecordKey(NUMBER), RecordKey(NUMBER, CODE)
    assert bare.matches(full) and full.matches(bare)
    assert not full.matches(RecordKey(NUMBER, "91110000600037341L"))
    assert not bare.matches(RecordKey("另一号"))


@given(st.text(max_size=30))
def test_key_parse_never_crashes(text: str) -> None:
    """Junk keys either parse (and round-trip) or raise the coded error."""
    try:
        key = RecordKey.parse(text)
    except InvalidFormat as exc:
        code: str | None = exc.code
    else:
        code = None
        assert RecordKey.parse(str(key)) == key
    assert code in (None, "key.number")


@pytest.mark.parametrize("text", ["||0", "|0|", "||", "|1号|2"])
def test_keys_holding_the_separator_round_trip(text: str) -> None:
    """A number holding '|' is written so that it reads back whole."""
    key = RecordKey.parse(text)
    assert RecordKey.parse(str(key)) == key


# -- reading files ---------------------------------------------------------------------

GOOD = [
    {"key": NUMBER, "event": "公示", "date": "2022/03/08"},
    {"key": NUMBER, "event": "异议", "date": "2022/04/01", "note": "申请人来电"},
    {"key": NUMBER, "event": "异议处理", "date": "2022-04-20", "outcome": "修改"},
]
BAD = [
    ({"key": "", "event": "公示", "date": "2022/03/08"}, "event.key"),
    ({"key": NUMBER, "event": "撤回", "date": "2022/03/08"}, "event.kind"),
    ({"key": NUMBER, "event": "公示", "date": "2022/02/30"}, "event.date"),
    ({"key": NUMBER, "event": "公示", "date": ""}, "event.date"),
    ({"key": NUMBER, "event": "异议处理", "date": "2022/03/08"}, "event.outcome"),
    ({"key": NUMBER, "event": "异议处理", "date": "2022/03/08", "outcome": "驳回"}, "event.outcome"),
]


def _csv(rows: list[dict[str, str]], encoding: str = "utf-8") -> bytes:
    header = ["key", "event", "date", "outcome", "note"]
    lines = [",".join(header)]
    for row in rows:
        lines.append(",".join(row.get(h, "") for h in header))
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def _jsonl(rows: list[dict[str, str]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()


def _xlsx(rows: list[dict[str, str]]) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    header = ["key", "event", "date", "outcome", "note"]
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(h) or None for h in header])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("make", [_csv, _jsonl, _xlsx], ids=["csv", "jsonl", "xlsx"])
def test_every_row_accounted_for(make: object) -> None:
    """Good rows become events, each bad row one coded issue on its row, in every format."""
    rows = [*GOOD, *(r for r, _ in BAD)]
    log = read_events(io.BytesIO(make(rows)))  # type: ignore[operator]
    assert log.rows == len(rows)
    assert [e.row for e in log.events] == [1, 2, 3]
    assert log.rejected_rows == len(BAD)
    got = sorted((i.row, i.code) for i in log.issues)
    assert got == [(len(GOOD) + n, code) for n, (_, code) in enumerate(BAD, start=1)]
    assert log.events[2].outcome is ObjectionOutcome.CORRECTED
    assert not log.ok


def test_gbk_csv_with_chinese_headers() -> None:
    """A GBK file with Chinese headers (记录键, 事件, 日期, 处理结果, 备注) reads the same."""
    data = "记录键,事件,日期,处理结果,备注\r\n" + f"{CODE}|{NUMBER},撤销,2022/05/06,,复议撤销\r\n"
    log = read_events(io.BytesIO(data.encode("gbk")))
    assert log.ok and log.events[0].key == RecordKey(NUMBER, CODE)
    assert log.events[0].note == "复议撤销"


def test_missing_column_and_odd_headers() -> None:
    """A missing required column is one file-level error; unknown headers are warnings."""
    data = "key,event,extra\r\n1号,公示,x\r\n"
    log = read_events(io.BytesIO(data.encode()))
    codes = sorted(i.code for i in log.issues)
    assert codes == ["event.column", "event.date", "event.header"]
    assert log.rejected_rows == 1


def test_headerless_file_never_echoes_an_identifier() -> None:
    """A file without a header row makes data the header: identifiers are not echoed."""
    data = "110105194912310029,公示,2022/03/01\r\n"
    log = read_events(io.BytesIO(data.encode()))
    text = " ".join(i.message_en + i.message_zh for i in log.issues)
    assert "110105194912310029" not in text and "1101051949" not in text


def test_damaged_rows_are_reported() -> None:
    """A line that is not JSON, and a CSV row with too many cells, are reported on their rows."""
    data = _jsonl(GOOD[:1]) + b"{not json\n" + _jsonl(GOOD[1:2])
    log = read_events(io.BytesIO(data))
    assert [(i.row, i.code) for i in log.issues] == [(2, "row.json")]
    assert log.rows == 3 and len(log.events) == 2
    csv_data = b"key,event,date\r\n1,published,2022/03/01,x,y\r\n\r\n"
    log = read_events(io.BytesIO(csv_data))
    assert [i.code for i in log.issues] == ["row.columns"]
    assert log.rows == 2 and log.blank_rows == 1 and log.rejected_rows == 1


def test_outcome_on_another_event_is_a_warning() -> None:
    """An outcome on a non-objection event is dropped with a warning; the event is kept."""
    log = events_from_rows([{"key": "1号", "event": "撤销", "date": "2022/03/01", "outcome": "维持"}])
    assert len(log.events) == 1 and log.events[0].outcome is None
    assert [i.code for i in log.issues] == ["event.outcome_unexpected"]
    assert log.ok


def test_excel_dates_and_numbers() -> None:
    """Dates as date objects or Excel serial numbers, and numeric keys, are read."""
    log = events_from_rows(
        [
            {"key": 12345, "event": "公示", "date": date(2022, 3, 1)},
            {"key": "1号", "event": "公示", "date": 44621},
        ]
    )
    assert [e.date for e in log.events] == [date(2022, 3, 1), date(2022, 3, 1)]
    assert log.events[0].key.decision_no == "12345"


row_values = st.one_of(st.none(), st.text(max_size=12), st.integers(), st.dates())


@given(
    st.lists(
        st.fixed_dictionaries(
            {"key": row_values, "event": row_values, "date": row_values},
            optional={"outcome": row_values, "note": row_values},
        ),
        max_size=12,
    )
)
def test_accounting_identity_on_junk(rows: list[dict[str, object]]) -> None:
    """Rows in = events + rejected rows, and each rejected row has an error on its row."""
    log = events_from_rows(rows)
    assert log.rows == len(rows) == len(log.events) + log.rejected_rows
    rejected = {i.row for i in log.issues if i.is_error}
    assert len(rejected) == log.rejected_rows
    assert not rejected & {e.row for e in log.events}


def test_catalogue_messages_bilingual() -> None:
    """Every lifecycle issue code has an English and a Chinese message."""
    for spec in LIFECYCLE_ISSUES.values():
        assert spec.message_en and spec.message_zh and spec.meaning
