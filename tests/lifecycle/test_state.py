"""The state of a record on a date and the actions it owes: the seeds' worked examples."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from credit_disclosure.lifecycle import (
    Action,
    Event,
    EventKind,
    Lifecycle,
    State,
    record_status,
)
from credit_disclosure.policy import (
    CHANGZHI_2021,
    NATIONAL,
    SHANGHAI_DATA_LIST,
    YINCHUAN_2017,
    PenaltyFacts,
)
from credit_disclosure.workdays import default_calendar

COMPANY = "法人及非法人组织"
KEY = "11140400MB1234567X|长市监罚〔2022〕15号"


def _events(*rows: tuple[str, date] | tuple[str, date, str]) -> list[Event]:
    return [
        Event(key=KEY, kind=row[0], date=row[1], outcome=row[2] if len(row) > 2 else None)
        for row in rows
    ]


# -- 长治 2021: a penalty through objection, correction and repair --------------------------

CZ_FACTS = PenaltyFacts(
    decision_date=date(2022, 3, 1), subject=COMPANY, tier="一般", procedure="普通程序"
)
CZ_EVENTS = _events(
    ("公示", date(2022, 3, 8)),
    ("异议", date(2022, 4, 6)),
    ("异议处理", date(2022, 4, 20), "修改"),
    ("申请修复", date(2022, 6, 10)),
    ("准予修复", date(2022, 6, 20)),
    ("撤下", date(2022, 6, 21)),
)


@pytest.mark.parametrize(
    ("on", "state", "actions", "citation"),
    [
        # 7 working days from Tuesday 2022-03-01: due Thursday 03-10 (长治 2021 (三))
        (date(2022, 3, 2), State.AWAITING_PUBLICATION, [("publish", "2022-03-10", False)], "(三)"),
        (date(2022, 3, 8), State.DISPLAYED, [], "(八)(十)"),
        # (九): the objection is checked with the deciding body; 长治 sets no deadline for it
        (date(2022, 4, 6), State.UNDER_OBJECTION, [("verify_objection", None, False)], "(九)"),
        # corrected (修改): the corrected record stays on the portal
        (date(2022, 4, 20), State.DISPLAYED, [], "(八)(十)"),
        # (十): applied after the 3-month minimum (repair from 2022-06-02)
        (date(2022, 6, 10), State.DISPLAYED, [("process_repair", None, False)], "(八)(十)"),
        # granted: the site takes the record down once it has checked (same day)
        (date(2022, 6, 20), State.REPAIRED, [("process_repair", "2022-06-20", False)], "(十)"),
        (date(2022, 6, 21), State.REPAIRED, [], "(十)"),
        # after the 1-year term the record stays repaired (the earlier end wins)
        (date(2023, 3, 2), State.REPAIRED, [], "(十)"),
    ],
)
def test_changzhi_objection_correction_repair(
    on: date, state: State, actions: list[tuple[str, str | None, bool]], citation: str
) -> None:
    """长治 2021 (三)(八)(九)(十): publication, objection corrected, repair granted and done."""
    status = record_status(CZ_FACTS, CZ_EVENTS, policy=CHANGZHI_2021, on=on)
    assert status.state is state
    assert [tuple(a.as_dict().values()) for a in status.actions] == actions
    assert str(status.citation) == f"长治 2021 实施意见 {citation}"
    assert not status.issues
    for action in status.actions:
        assert "长治 2021 实施意见" in str(action.citation)


def test_changzhi_repair_not_taken_down_is_overdue() -> None:
    """Without the take-down event, the granted repair is overdue from the next day."""
    status = record_status(CZ_FACTS, CZ_EVENTS[:-1], policy=CHANGZHI_2021, on=date(2022, 6, 22))
    assert [a.action for a in status.overdue] == [Action.PROCESS_REPAIR]


def test_changzhi_serious_repair_is_flagged() -> None:
    """A repair granted on a 严重 record (no repair under (十)) is applied but flagged."""
    serious = PenaltyFacts(
        decision_date=date(2022, 3, 1), subject=COMPANY, tier="严重", procedure="普通程序"
    )
    status = record_status(serious, CZ_EVENTS, policy=CHANGZHI_2021, on=date(2022, 7, 1))
    assert status.state is State.REPAIRED
    assert [i.code for i in status.issues] == ["sequence.repair_ineligible"]


def test_changzhi_excluded_record_that_was_published() -> None:
    """(三): a natural person's penalty is not published; published anyway, it must come down."""
    person = PenaltyFacts(decision_date=date(2022, 3, 1), subject="自然人", procedure="普通程序")
    status = record_status(person, CZ_EVENTS[:1], policy=CHANGZHI_2021, on=date(2022, 3, 9))
    assert status.state is State.NOT_PUBLISHED
    assert [tuple(a.as_dict().values()) for a in status.actions] == [
        ("take_down", "2022-03-08", True)
    ]
    assert [i.code for i in status.issues] == ["sequence.excluded_published"]


def test_changzhi_revocation_same_day() -> None:
    """(九): the site takes a revoked penalty down from the day it is told."""
    events = _events(("公示", date(2022, 3, 8)), ("撤销", date(2022, 5, 6)))
    on_day = record_status(CZ_FACTS, events, policy=CHANGZHI_2021, on=date(2022, 5, 6))
    assert on_day.state is State.WITHDRAWN
    assert [tuple(a.as_dict().values()) for a in on_day.actions] == [
        ("withdraw", "2022-05-06", False)
    ]
    assert str(on_day.actions[0].citation) == "长治 2021 实施意见 (九)"


def test_changzhi_upheld_objection_withdraws() -> None:
    """(九): an objection resolved 撤下 withdraws the record, the same day."""
    events = _events(
        ("公示", date(2022, 3, 8)), ("异议", date(2022, 4, 6)), ("异议处理", date(2022, 4, 20), "撤下")
    )
    status = record_status(CZ_FACTS, events, policy=CHANGZHI_2021, on=date(2022, 4, 21))
    assert status.state is State.WITHDRAWN
    assert [a.as_dict() for a in status.overdue] == [
        {"action": "withdraw", "due": "2022-04-20", "overdue": True}
    ]


def test_changzhi_expiry_takes_down() -> None:
    """(八): a 1-year term ends; a record still on the portal must come down the next day."""
    events = CZ_EVENTS[:1]
    last = record_status(CZ_FACTS, events, policy=CHANGZHI_2021, on=date(2023, 3, 1))
    after = record_status(CZ_FACTS, events, policy=CHANGZHI_2021, on=date(2023, 3, 3))
    assert last.state is State.DISPLAYED
    assert after.state is State.EXPIRED
    assert [a.as_dict() for a in after.actions] == [
        {"action": "take_down", "due": "2023-03-02", "overdue": True}
    ]


# -- national rules: a revoked penalty crossing 清明 -----------------------------------------

NAT_FACTS = PenaltyFacts(decision_date=date(2026, 3, 10), subject=COMPANY, tier="一般")
NAT_EVENTS = _events(("published", date(2026, 3, 12)), ("revoked", date(2026, 4, 2)))


@pytest.mark.parametrize(
    ("on", "overdue"),
    [(date(2026, 4, 2), False), (date(2026, 4, 8), False), (date(2026, 4, 9), True)],
)
def test_national_revocation_across_qingming(on: date, overdue: bool) -> None:
    """行政处罚法 第四十八条, 第八十五条: 3 working days from Thu 04-02: Fri 04-03, then 清明
    (04-04..06), Tue 04-07, Wed 04-08."""
    status = record_status(NAT_FACTS, NAT_EVENTS, policy=NATIONAL, on=on)
    assert status.state is State.WITHDRAWN
    (action,) = status.actions
    assert (action.action, action.due, action.overdue) == (
        Action.WITHDRAW,
        date(2026, 4, 8),
        overdue,
    )
    assert action.citation.article == "第四十八条, 第八十五条"
    assert str(status.citation).startswith("中华人民共和国行政处罚法")


def test_national_revocation_done() -> None:
    """Once the portal takes it down, nothing is owed."""
    events = [*NAT_EVENTS, *_events(("taken_down", date(2026, 4, 7)))]
    status = record_status(NAT_FACTS, events, policy=NATIONAL, on=date(2026, 4, 20))
    assert status.state is State.WITHDRAWN and status.actions == ()


# -- 银川 2017: an objection verified in 20 working days ----------------------------------------

YC_FACTS = PenaltyFacts(decision_date=date(2026, 9, 1), subject=COMPANY, tier="一般")
YC_EVENTS = _events(("公示", date(2026, 9, 3)), ("异议", date(2026, 9, 28)))


@pytest.mark.parametrize(
    ("on", "overdue"),
    [(date(2026, 10, 8), False), (date(2026, 10, 30), False), (date(2026, 11, 2), True)],
)
def test_yinchuan_objection_twenty_working_days(on: date, overdue: bool) -> None:
    """银川 2017 一(四)8.(2): 20 working days from Mon 09-28, across 国庆: due Fri 10-30."""
    status = record_status(YC_FACTS, YC_EVENTS, policy=YINCHUAN_2017, on=on)
    assert status.state is State.UNDER_OBJECTION and status.shown
    (action,) = status.actions
    assert (action.action, action.due, action.overdue) == (
        Action.VERIFY_OBJECTION,
        date(2026, 10, 30),
        overdue,
    )
    assert str(action.citation) == "银川 2017 工作方案 一(四)8.(2)"
    assert not status.marked  # 银川 does not mark disputed records on the portal


def test_yinchuan_objection_answered_in_time() -> None:
    """Verified and maintained on 10-29: displayed again, nothing owed."""
    events = [*YC_EVENTS, *_events(("异议处理", date(2026, 10, 29), "维持"))]
    status = record_status(YC_FACTS, events, policy=YINCHUAN_2017, on=date(2026, 11, 2))
    assert status.state is State.DISPLAYED and status.actions == ()


def test_shanghai_marks_objections() -> None:
    """上海市社会信用条例: a disputed record is marked; the decision is due in 5 working days."""
    facts = PenaltyFacts(decision_date=date(2026, 9, 1), subject=COMPANY)
    status = record_status(facts, YC_EVENTS, policy=SHANGHAI_DATA_LIST, on=date(2026, 9, 29))
    assert status.state is State.UNDER_OBJECTION and status.marked
    # 09-29, 09-30, 10-08, 10-09 and Saturday 10-10, a make-up working day (调休)
    assert status.actions[0].due == date(2026, 10, 10)


# -- invalid sequences are reported, never folded --------------------------------------------


@pytest.mark.parametrize(
    ("events", "code", "state"),
    [
        (_events(("准予修复", date(2022, 6, 20))), "sequence.not_published", State.AWAITING_PUBLICATION),
        (_events(("公示", date(2022, 2, 1))), "sequence.before_decision", State.AWAITING_PUBLICATION),
        (
            _events(("公示", date(2022, 3, 8)), ("撤销", date(2022, 5, 6)), ("撤销", date(2022, 5, 9))),
            "sequence.repeated",
            State.WITHDRAWN,
        ),
        (
            _events(("公示", date(2022, 3, 8)), ("异议处理", date(2022, 4, 20), "撤下")),
            "sequence.no_objection",
            State.DISPLAYED,
        ),
        (
            _events(("公示", date(2022, 3, 8)), ("不予修复", date(2022, 6, 20))),
            "sequence.no_application",
            State.DISPLAYED,
        ),
        (
            _events(("公示", date(2022, 3, 8)), ("撤销", date(2022, 5, 6)), ("异议", date(2022, 5, 7))),
            "sequence.after_end",
            State.WITHDRAWN,
        ),
        (_events(("撤下", date(2022, 3, 8))), "sequence.not_published", State.AWAITING_PUBLICATION),
    ],
)
def test_invalid_sequences_reported(events: list[Event], code: str, state: State) -> None:
    """Impossible events are reported with a code and left out of the state."""
    status = record_status(CZ_FACTS, events, policy=CHANGZHI_2021, on=date(2022, 7, 1))
    assert code in [i.code for i in status.issues]
    assert status.state is state


def test_granted_without_application_still_repairs() -> None:
    """A grant with no application is reported but applied: the portal was told."""
    events = _events(("公示", date(2022, 3, 8)), ("准予修复", date(2022, 6, 20)))
    status = record_status(CZ_FACTS, events, policy=CHANGZHI_2021, on=date(2022, 6, 20))
    assert status.state is State.REPAIRED
    assert [i.code for i in status.issues] == ["sequence.no_application"]


def test_taken_down_without_reason_owes_publication() -> None:
    """Taken down inside its term with no reason: under-disclosure, publish again at once."""
    events = _events(("公示", date(2022, 3, 8)), ("撤下", date(2022, 4, 1)))
    status = record_status(CZ_FACTS, events, policy=CHANGZHI_2021, on=date(2022, 4, 2))
    assert status.state is State.DISPLAYED
    assert [a.as_dict() for a in status.actions] == [
        {"action": "publish", "due": "2022-04-01", "overdue": True}
    ]


def test_undetermined_without_tier() -> None:
    """长治 2021 (八) needs the tier; unstated, the state is undetermined and says why."""
    facts = PenaltyFacts(decision_date=date(2022, 3, 1), subject=COMPANY, procedure="普通程序")
    status = record_status(facts, CZ_EVENTS, policy=CHANGZHI_2021, on=date(2022, 4, 1))
    assert status.state is State.UNDETERMINED
    assert "tier" in status.reason_en
    assert [i.code for i in status.issues] == ["state.undetermined"]


def test_future_events_do_not_count_yet() -> None:
    """An event dated after the day asked about has not happened on that day."""
    status = record_status(CZ_FACTS, CZ_EVENTS, policy=CHANGZHI_2021, on=date(2022, 3, 7))
    assert status.state is State.AWAITING_PUBLICATION and not status.issues


def test_unknown_year_gives_no_due_date() -> None:
    """A deadline that needs 2027's schedule has no due date and says why (never guessed)."""
    facts = PenaltyFacts(decision_date=date(2026, 12, 28), subject=COMPANY, tier="一般")
    status = record_status(facts, (), policy=NATIONAL, on=date(2026, 12, 30))
    (action,) = status.actions
    assert action.due is None and not action.overdue and action.problem
    # said in both languages: the action, the state's reason and explain(lang=...)
    assert "2027" in action.problem and "缺少2027年节假日安排" in (action.problem_zh or "")
    assert "deadline unknown" in action.explain() and "期限无法确定" in action.explain("zh")
    assert "缺少2027年节假日安排" in status.reason_zh and "2027" in status.reason_en
    zh = status.explain("zh")
    assert "缺少2027年节假日安排" in zh and "no working-day schedule" not in zh
    assert "缺少" not in status.explain()


def test_undetermined_state_says_why_in_both_languages() -> None:
    """A policy that cannot decide: the reason and the issue in English and Chinese."""
    facts = PenaltyFacts(decision_date=date(2022, 3, 1), subject=COMPANY)  # no procedure
    status = record_status(facts, (), policy=CHANGZHI_2021, on=date(2022, 4, 1))
    assert status.state is State.UNDETERMINED
    assert "procedure" in status.reason_en and "未给出" in status.reason_zh
    (issue,) = status.issues
    assert "未给出" in issue.message_zh and "unstated" in issue.message_en
    assert "未给出" not in issue.message_en and "unstated" not in issue.message_zh


def test_provisional_calendar_gives_a_date() -> None:
    """With a provisional calendar the 2027 deadline is computed (weekends only)."""
    facts = PenaltyFacts(decision_date=date(2026, 12, 28), subject=COMPANY, tier="一般")
    life = Lifecycle(NATIONAL, calendar=default_calendar().with_provisional())
    (action,) = life.status(facts, (), on=date(2026, 12, 30)).actions
    assert action.due is not None


def test_every_state_and_action_cites() -> None:
    """Over the seeds' examples every status and action has a document in its citation."""
    for on in (date(2022, 3, 1) + timedelta(days=d) for d in range(0, 400, 7)):
        status = record_status(CZ_FACTS, CZ_EVENTS, policy=CHANGZHI_2021, on=on)
        assert status.citation.document
        assert all(a.citation.document for a in status.actions)


kinds = st.sampled_from(list(EventKind))


@given(
    st.lists(
        st.tuples(kinds, st.dates(date(2022, 1, 1), date(2023, 6, 1))),
        max_size=10,
    ),
    st.dates(date(2022, 1, 1), date(2023, 6, 1)),
)
def test_any_sequence_gives_a_state(rows: list[tuple[EventKind, date]], on: date) -> None:
    """Any event sequence yields a state; every issue names a sequence code."""
    events = [
        Event(
            key=KEY,
            kind=kind,
            date=day,
            outcome="维持" if kind is EventKind.OBJECTION_RESOLVED else None,
        )
        for kind, day in rows
    ]
    status = record_status(CZ_FACTS, events, policy=CHANGZHI_2021, on=on)
    assert isinstance(status.state, State)
    expected = ("sequence.", "state.") if on < CZ_FACTS.decision_date else ("sequence.",)
    assert all(i.code.startswith(expected) for i in status.issues)
    assert status.shown == (status.state in (State.DISPLAYED, State.UNDER_OBJECTION))


def test_day_before_the_decision_is_undetermined() -> None:
    """Asked about a day before the decision, the record does not exist yet: undetermined."""
    status = record_status(CZ_FACTS, CZ_EVENTS, policy=CHANGZHI_2021, on=date(2022, 2, 28))
    assert status.state is State.UNDETERMINED and status.actions == ()
    assert "after the day asked about" in status.reason_en
