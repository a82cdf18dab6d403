"""Read-only ledger endpoints: what a unit's ledger holds and the reports it owes.

A vendor's portal shows the same weekly report, quarterly 台账, statistics and
evaluation the command line writes, from the database the service is given
(``--ledger URL`` / ``CREDIT_DISCLOSURE_SERVICE_LEDGER_URL``). Nothing here
writes: imports stay with ``credit-disclosure ledger``, where a clerk sees
what each file did. Every route calls the library's report functions and
returns :meth:`~credit_disclosure.ledger.LedgerReport.payload` as it is, with the
``tool_version`` that answered first (as the command line's JSON reports have it).
"""

from __future__ import annotations

import threading
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Final

from litestar import Request, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import QueryParameter

from .._version import __version__
from .._wire_models import Problem
from ..errors import InvalidFormat, LedgerError

if TYPE_CHECKING:
    from ..ledger import Ledger

__all__ = ["LEDGER_ROUTES", "close_ledger"]

PROBLEM_JSON: Final = "application/problem+json"
_PROBLEMS: Final = {
    404: ResponseSpec(
        Problem, description="the service has no ledger (service.no_ledger)", media_type=PROBLEM_JSON
    ),
    422: ResponseSpec(
        Problem, description="the value breaks a rule (code, zh/en)", media_type=PROBLEM_JSON
    ),
}
_LOCK: Final = threading.Lock()

Unit = Annotated[
    str | None, QueryParameter(description="the deciding unit (default: every unit)")
]
AsOf = Annotated[
    date | None, QueryParameter(description="the day the report is made on (default: today)")
]


def _ledger(request: Request[Any, Any, Any]) -> Ledger:
    """The app's one :class:`~credit_disclosure.ledger.Ledger` (its engine pools connections)."""
    state = request.app.state
    url = state.settings.ledger_url
    if url is None:
        raise LedgerError(
            "service.no_ledger",
            message_en="this service has no ledger: start it with --ledger URL",
            message_zh="本服务未配置台账数据库：请以 --ledger URL 启动",
        )
    with _LOCK:
        ledger = state.get("ledger")
        if ledger is None:
            from ..ledger import Ledger

            ledger = state.ledger = Ledger(url)
    return ledger


def close_ledger(state: Any) -> None:
    """Release the ledger's connections when the app stops."""
    with _LOCK:
        ledger = state.get("ledger")
        if ledger is not None:
            ledger.close()
            state.ledger = None


def _versioned(payload: dict[str, Any]) -> dict[str, Any]:
    return {"tool_version": __version__, **payload}


def _choice(value: str, allowed: tuple[str, ...], name: str) -> str:
    if value not in allowed:
        raise InvalidFormat(
            f"ledger.{name}",
            message_en=f"{name} is one of {', '.join(allowed)}",
            message_zh=f"{name} 应为 {'、'.join(allowed)} 之一",
            field=name,
        )
    return value


@get("/v1/ledger/status", tags=["ledger"], responses=_PROBLEMS, sync_to_thread=True)
def ledger_status(request: Request[Any, Any, Any]) -> dict[str, Any]:
    """What the ledger holds: schema version, files imported, records, events, catalogue, units.

    The database's address is shown without its password.
    """
    return _versioned(_ledger(request).status().as_dict())


@get("/v1/ledger/reports/weekly", tags=["ledger"], responses=_PROBLEMS, sync_to_thread=True)
def ledger_weekly(request: Request[Any, Any, Any], unit: Unit = None, as_of: AsOf = None) -> dict[str, Any]:
    """The weekly report due on the Monday (or next working day) of ``as_of``'s week."""
    from ..ledger import weekly_report

    return _versioned(weekly_report(_ledger(request), unit=unit, as_of=as_of).payload())


@get("/v1/ledger/reports/quarter", tags=["ledger"], responses=_PROBLEMS, sync_to_thread=True)
def ledger_quarter(request: Request[Any, Any, Any], unit: Unit = None, as_of: AsOf = None) -> dict[str, Any]:
    """The quarterly 台账 of ``unit`` for the quarter of ``as_of`` (the leader's block included)."""
    from ..ledger import quarter_report

    return _versioned(quarter_report(_ledger(request), unit=unit, as_of=as_of).payload())


@get("/v1/ledger/reports/stats", tags=["ledger"], responses=_PROBLEMS, sync_to_thread=True)
def ledger_stats(
    request: Request[Any, Any, Any],
    unit: Unit = None,
    as_of: AsOf = None,
    by: Annotated[str, QueryParameter(description="department (附件4) or county (附件3)")] = "department",
    period: Annotated[str, QueryParameter(description="year, quarter or month of as_of")] = "year",
) -> dict[str, Any]:
    """The 双公示信息报送情况统计表 per department or county, for a year, quarter or month."""
    from ..ledger import stats_report

    by = _choice(by, ("department", "county"), "by")
    period = _choice(period, ("year", "quarter", "month"), "period")
    return _versioned(stats_report(_ledger(request), unit=unit, as_of=as_of, by=by, period=period).payload())


@get("/v1/ledger/reports/evaluation", tags=["ledger"], responses=_PROBLEMS, sync_to_thread=True)
def ledger_evaluation(
    request: Request[Any, Any, Any], unit: Unit = None, as_of: AsOf = None
) -> dict[str, Any]:
    """The monthly evaluation (timeliness, 完整率, accuracy, 入库率) of the month before ``as_of``."""
    from ..ledger import evaluation_report

    return _versioned(evaluation_report(_ledger(request), unit=unit, as_of=as_of).payload())


#: The ledger's routes, in the order the OpenAPI document lists them.
LEDGER_ROUTES: Final = [ledger_status, ledger_weekly, ledger_quarter, ledger_stats, ledger_evaluation]
