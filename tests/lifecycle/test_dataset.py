"""Datasets: records and events matched by key, portal view and diff, subject view, CF_GSJZQ."""

from __future__ import annotations

import io
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.errors import PolicyError
from credit_disclosure.lifecycle import (
    Event,
    RecordKey,
    State,
    dataset_status,
    events_from_rows,
    portal_diff,
    records_from_file,
    records_from_rows,
    subject_view,
)
from credit_disclosure.policy import CHANGZHI_2021, NATIONAL, Procedure, Tier

BODY_A = "11140400MB1234567X"
BODY_B = "11140400MB7654321Y"
COMPANY = "法人及非法人组织"
ON = date(2022, 7, 1)


def _row(number: str | None, *, body: str | None = BODY_A, **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "CF_WSH": number,
        "CF_CFJGDM": body,
        "CF_JDRQ": "2022/03/01",
        "CF_XDR_LB": COMPANY,
        "tier": "一般",
        "procedure": "普通",
    }
    row.update(extra)
    return row


def _records(*rows: dict[str, object]):  # type: ignore[no-untyped-def]
    return records_from_rows(rows, "penalty", as_of=ON)


@pytest.mark.parametrize(
    ("cell", "tier"),
    [("一般", Tier.GENERAL), ("general", Tier.GENERAL), ("严重失信", Tier.SERIOUS), ("minor", Tier.MINOR)],
)
def test_tier_words(cell: str, tier: Tier) -> None:
    """The tier column takes 轻微/一般/严重 or minor/general/serious."""
    assert _records(_row("1号", tier=cell)).records[0].facts.tier is tier


@pytest.mark.parametrize(
    ("cell", "procedure"),
    [("简易", Procedure.SIMPLE), ("simple", Procedure.SIMPLE), ("普通程序", Procedure.ORDINARY)],
)
def test_procedure_words(cell: str, procedure: Procedure) -> None:
    """The procedure column takes 简易/普通 (with or without 程序) or simple/ordinary."""
    facts = _records(_row("1号", procedure=cell)).records[0].facts
    assert facts is not None and facts.procedure is procedure


def test_bad_fact_word_is_undetermined_not_lost() -> None:
    """A tier the library does not know leaves the record undetermined, with the reason."""
    rs = _records(_row("1号", tier="很严重"))
    status = dataset_status(rs, (), policy=CHANGZHI_2021, on=ON).statuses[0]
    assert status.state is State.UNDETERMINED and "tier" in status.reason_en


def test_key_rules() -> None:
    """Missing, duplicate and ambiguous keys behave as documented."""
    rs = _records(
        _row("1号"),
        _row("1号"),  # same body, same number: duplicate
        _row("2号", body=BODY_A),
        _row("2号", body=BODY_B),  # 2号 used by two bodies
        _row(None),  # no number: no key
    )
    events = [
        Event(key="1号", kind="公示", date=date(2022, 3, 8)),
        Event(key="2号", kind="公示", date=date(2022, 3, 8)),  # ambiguous: reaches none
        Event(key=f"{BODY_B}|2号", kind="公示", date=date(2022, 3, 9)),
        Event(key="3号", kind="公示", date=date(2022, 3, 9)),  # no such record
    ]
    ds = dataset_status(rs, events, policy=CHANGZHI_2021, on=ON)
    states = [s.state for s in ds.statuses]
    assert states == [
        State.DISPLAYED,
        State.DISPLAYED,
        State.AWAITING_PUBLICATION,
        State.DISPLAYED,
        State.AWAITING_PUBLICATION,
    ]
    assert [i.code for i in ds.statuses[0].issues] == ["key.duplicate"]
    assert [i.code for i in ds.statuses[4].issues] == ["key.missing"]
    assert sorted(i.code for i in ds.issues) == ["key.ambiguous", "key.unmatched"]


def test_every_row_gets_a_status(tmp_path: pytest.TempPathFactory) -> None:
    """A RECORDS row the reader cannot split still has a status (undetermined), with the reason."""
    data = (
        "CF_WSH,CF_JDRQ,CF_XDR_LB,tier,procedure\r\n"
        "1号,2022/03/01,法人及非法人组织,一般,普通\r\n"
        "2号,2022/03/01,法人及非法人组织,一般,普通,extra,cells\r\n"
        "\r\n"
        "3号,,法人及非法人组织,一般,普通\r\n"
    )
    rs = records_from_file(io.BytesIO(data.encode("gbk")), as_of=ON)
    assert rs.rows == 4 and rs.blank_rows == 1
    ds = dataset_status(rs, (), policy=CHANGZHI_2021, on=ON)
    assert [s.row for s in ds.statuses] == [1, 2, 4]
    assert [s.state for s in ds.statuses] == [
        State.AWAITING_PUBLICATION,
        State.UNDETERMINED,
        State.UNDETERMINED,
    ]
    assert "CF_JDRQ" in ds.statuses[2].reason_en


def test_publication_end_checked_against_term() -> None:
    """CF_GSJZQ that disagrees with the policy's term is reported (the policy decides)."""
    rs = _records(_row("1号", CF_GSJZQ="2023/03/01"), _row("2号", CF_GSJZQ="2023/06/01"))
    ds = dataset_status(rs, (), policy=CHANGZHI_2021, on=ON)
    assert [i.code for i in ds.statuses[0].issues] == []
    assert [i.code for i in ds.statuses[1].issues] == ["record.publication_end"]
    assert "2023-03-01" in ds.statuses[1].issues[0].message_en


def test_portal_view_and_diff() -> None:
    """Over-disclosure (shown, must not be) and under-disclosure (must be, is not)."""
    rs = _records(
        _row("1号"),  # published: must be shown
        _row("2号", CF_XDR_LB="自然人"),  # 长治 (三): never shown
        _row("3号"),  # revoked
        _row("4号"),  # not yet published: not required on the portal
    )
    events = events_from_rows(
        [
            {"key": "1号", "event": "公示", "date": "2022/03/08"},
            {"key": "3号", "event": "公示", "date": "2022/03/08"},
            {"key": "3号", "event": "撤销", "date": "2022/05/06"},
        ]
    )
    ds = dataset_status(rs, events, policy=CHANGZHI_2021, on=ON)
    must = [str(s.key) for s in ds.statuses if s.shown]
    assert must == [f"{BODY_A}|1号"]
    diff = portal_diff(ds.statuses, ["2号", f"{BODY_A}|3号", "8号", ""])
    assert [s.row for s in diff.over] == [2, 3]
    assert [s.row for s in diff.under] == [1]
    assert diff.unknown == ("8号",)
    assert not diff.clean
    assert portal_diff(ds.statuses, [f"{BODY_A}|1号"]).clean


def test_subject_view() -> None:
    """Every record of a subject: shown, serious, repair from when; the ID masked."""
    person = "11010519491231002X"
    rs = _records(
        _row("1号", CF_XDR_LB="自然人", CF_XDR_ZJHM=person, CF_XDR_ZJLX="身份证"),
        _row("2号", CF_XDR_SHXYM="91110000600037341L"),
    )
    view = subject_view(rs, (), " 110105-19491231002x ", policy=CHANGZHI_2021, on=ON)
    assert len(view.entries) == 1 and view.entries[0].status.state is State.NOT_PUBLISHED
    assert person not in repr(view) and person not in str(view.as_dict())
    assert view.subject == "1101**********002X"
    with pytest.raises(PolicyError):
        subject_view(rs, (), "  ", policy=CHANGZHI_2021, on=ON)


def test_subject_view_repair_dates() -> None:
    """长治 (十): a 一般 record may be repaired from 3 months on; a 严重 one never."""
    code = "91110000600037341L"
    rs = _records(
        _row("1号", CF_XDR_SHXYM=code), _row("2号", CF_XDR_SHXYM=code, tier="严重")
    )
    events = [
        Event(key="1号", kind="公示", date=date(2022, 3, 8)),
        Event(key="2号", kind="公示", date=date(2022, 3, 8)),
    ]
    view = subject_view(rs, events, code, policy=CHANGZHI_2021, on=ON)
    assert [e.repair_from for e in view.entries] == [date(2022, 6, 2), None]
    assert [e.serious for e in view.entries] == [False, True]
    assert len(view.displayed) == 2 and len(view.serious) == 1


def test_licence_records_are_open_ended() -> None:
    """A licence with no term row is shown while it stands (licences have no penalty term)."""
    rs = records_from_rows(
        [{"XK_WSH": "许可1号", "XK_JDRQ": "2026/05/06", "XK_XDR_LB": COMPANY}],
        "license",
        as_of=date(2026, 6, 1),
    )
    events = [Event(key="许可1号", kind="公示", date=date(2026, 5, 8))]
    (status,) = dataset_status(rs, events, policy=NATIONAL, on=date(2027, 1, 1)).statuses
    assert status.state is State.DISPLAYED and "open-ended" in status.reason_en


def test_summary_counts() -> None:
    """The summary counts states, actions owed and overdue actions."""
    rs = _records(_row("1号"), _row("2号"))
    ds = dataset_status(rs, [Event(key="1号", kind="公示", date=date(2022, 3, 8))],
                        policy=CHANGZHI_2021, on=ON)
    assert ds.summary() == {
        "records": 2,
        "states": {"awaiting_publication": 1, "displayed": 1},
        "actions": {"publish": 1},
        "overdue": {"publish": 1},
    }
    assert ds.any_overdue
    assert RecordKey.parse(ds.as_dict()["records"][0]["key"]) == RecordKey("1号", BODY_A)

_cells = st.one_of(st.none(), st.text(max_size=12), st.integers(), st.dates())


@given(
    st.lists(
        st.fixed_dictionaries(
            {"CF_WSH": _cells, "CF_JDRQ": _cells, "CF_XDR_LB": _cells},
            optional={"tier": _cells, "procedure": _cells, "CF_CFJGDM": _cells,
                      "CF_GSJZQ": _cells, "CF_XDR_SHXYM": _cells},
        ),
        max_size=8,
    ),
    st.lists(
        st.fixed_dictionaries({"key": _cells, "event": _cells, "date": _cells}), max_size=8
    ),
)
def test_junk_rows_every_record_a_status(
    rows: list[dict[str, object]], event_rows: list[dict[str, object]]
) -> None:
    """Junk RECORDS and EVENTS: one status per record, every event applied or reported."""
    records = records_from_rows(rows, "penalty")
    log = events_from_rows(event_rows)
    ds = dataset_status(records, log, policy=CHANGZHI_2021, on=ON)
    assert [s.row for s in ds.statuses] == list(range(1, len(rows) + 1))
    assert all(isinstance(s.state, State) for s in ds.statuses)
    for status in ds.statuses:
        if status.state is State.UNDETERMINED:
            assert status.reason_en and any(i.code == "state.undetermined" for i in status.issues)
