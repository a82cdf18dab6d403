"""The HTTP service: Litestar routes over the library, and an ASGI guard for the limits.

Every route calls the library and changes only shapes (:mod:`credit_disclosure._wire`); no
rule is decided here. Errors are RFC 9457 problem details carrying the
library's code and its Chinese and English messages.
"""

from __future__ import annotations

import asyncio
import enum
import hmac
import json
import logging
import queue
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping, Sequence
from datetime import date
from typing import IO, Annotated, Any, Final, TypeVar, cast

import attrs
from litestar import Litestar, Request, Response, get, post
from litestar.exceptions import HTTPException, ValidationException
from litestar.openapi import OpenAPIConfig
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Tag
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.response import Stream
from multipart import (  # type: ignore[import-untyped]
    MultipartError,
    MultipartSegment,
    PushMultipartParser,
    parse_options_header,
)

from .. import _wire as cv
from .. import _wire_models
from .._version import __version__
from .._wire_models import (
    DeadlineRequest,
    DueAnswer,
    Health,
    IdentifierAnswer,
    IdentifierDetectAnswer,
    IdentifierDetectRequest,
    IdentifierRequest,
    IssueModel,
    MaskAnswer,
    MaskRequest,
    PolicyRequest,
    Problem,
    PublicationAnswer,
    RecordCheckAnswer,
    RecordCheckRequest,
    RepairAnswerModel,
    RepairRequest,
    StatusAnswer,
    StatusRequest,
    TermAnswer,
    TermRequest,
    TimelinessAnswer,
    TimelinessRequest,
    field_descriptions,
)
from ..deadlines import DeadlineRule, check_timeliness, get_rule
from ..errors import CreditDisclosureError, InvalidFormat
from ..identifiers import detect, identifier_kind
from ..io import FileFormat, check_file, check_rows
from ..lifecycle import Event, record_status
from ..policy import PRESETS, get_preset
from ..privacy import PROFILES
from ..schema import issue_catalogue, json_schema
from ..standard import (
    Issue,
    RecordKind,
    Severity,
    StandardVersion,
    SubjectCategory,
    check_row,
    fields,
)
from ..workdays import default_calendar
from ._ledger_routes import LEDGER_ROUTES, close_ledger
from ._settings import ServiceSettings

__all__ = ["create_app", "openapi_document"]

_LOG: Final = logging.getLogger("credit_disclosure.service")
_ACCESS: Final = logging.getLogger("credit_disclosure.service.access")
PROBLEM_JSON: Final = "application/problem+json"
NDJSON: Final = "application/x-ndjson"

_PROBLEMS: Final = {
    400: ResponseSpec(Problem, description="the request is malformed", media_type=PROBLEM_JSON),
    422: ResponseSpec(
        Problem, description="the value breaks a rule (code, zh/en)", media_type=PROBLEM_JSON
    ),
}


# --- helpers ----------------------------------------------------------------------------


def _bad_request(code: str, en: str, zh: str, field: str | None = None) -> CreditDisclosureError:
    return InvalidFormat(code, message_en=en, message_zh=zh, field=field)


_E = TypeVar("_E", bound=enum.Enum)


def _member(cls: type[_E], text: str, field: str, en: str, zh: str) -> _E:
    """``cls(text)``, or the 400 problem ``request.<field>`` saying what the field may be."""
    try:
        return cls(text)
    except ValueError:
        raise _bad_request(f"request.{field}", en, zh, field) from None


def _kind(text: str) -> RecordKind:
    return _member(
        RecordKind, text, "kind", "kind must be license or penalty", "kind应为license或penalty"
    )


def _standard(text: str) -> StandardVersion:
    return _member(
        StandardVersion, text, "standard", "standard must be 2018 or 2015", "standard应为2018或2015"
    )


def _category(text: str | None) -> SubjectCategory | None:
    if text is None:
        return None
    return _member(
        SubjectCategory,
        text,
        "category",
        "category must be 法人及非法人组织, 自然人 or 个体工商户",
        "category应为法人及非法人组织、自然人或个体工商户",
    )


def _identifier(data: IdentifierRequest) -> tuple[str, Any, dict[str, Any]]:
    """The kind's name, its module and the keyword arguments its verbs take (``as_of``)."""
    kind = identifier_kind(data.kind)
    return kind.name, kind.module, ({"as_of": data.as_of} if kind.dated else {})


def _rule(name: str) -> DeadlineRule:
    try:
        return get_rule(name)
    except KeyError as exc:
        raise _bad_request("deadline.unknown_rule", str(exc.args[0]), "未知的期限规则", "rule") from None


def _answer(path: str, tag: str) -> post:
    """A JSON route answering ``POST path`` with 200, or a 400/422 problem (RFC 9457)."""
    return post(path, tags=[tag], status_code=200, sync_to_thread=False, responses=_PROBLEMS)


_CODES: Final = {
    (k, v): frozenset(f.code for f in fields(k, v)) for k in RecordKind for v in StandardVersion
}


def _counts(issues: Sequence[Issue]) -> tuple[int, int]:
    errors = sum(1 for i in issues if i.severity is Severity.ERROR)
    return errors, len(issues) - errors


# --- routes -----------------------------------------------------------------------------


@get("/v1/health", tags=["service"], sync_to_thread=False)
def health() -> Health:
    """Whether the service is up, its version and the standards it checks."""
    return Health(status="ok", version=__version__, standards=[v.value for v in StandardVersion])


@_answer("/v1/identifiers/validate", "identifiers")
def identifiers_validate(data: JSONBody[IdentifierRequest]) -> IdentifierAnswer:
    """Validate an identifier: compact and printed forms, or the code and messages of the fault.

    An invalid value is an answer (``valid: false`` with ``error``), not an HTTP error.
    """
    name, module, kwargs = _identifier(data)
    try:
        compact = module.validate(data.value, **kwargs)
    except CreditDisclosureError as exc:
        p = cv.problem_for(exc)
        error = IssueModel(p.code, p.field, "error", p.message_en, p.message_zh)
        return IdentifierAnswer(kind=name, valid=False, error=error, tool_version=__version__)
    return IdentifierAnswer(
        kind=name, valid=True, compact=compact, formatted=module.format(compact),
        tool_version=__version__,
    )


@_answer("/v1/identifiers/parse", "identifiers")
def identifiers_parse(data: JSONBody[IdentifierRequest]) -> IdentifierAnswer:
    """Parse an identifier into its parts (division, birth date, type, check character, ...).

    An invalid value is a 422 problem with the identifier's code (``uscc.checksum``, ...).
    """
    name, module, kwargs = _identifier(data)
    info = module.parse(data.value, **kwargs)
    compact = module.compact(data.value)
    return IdentifierAnswer(
        kind=name,
        valid=True,
        compact=compact,
        formatted=module.format(compact),
        parts=cv.jsonable(info),
        tool_version=__version__,
    )


@post("/v1/identifiers/detect", tags=["identifiers"], status_code=200, sync_to_thread=False)
def identifiers_detect(data: JSONBody[IdentifierDetectRequest]) -> IdentifierDetectAnswer:
    """The identifier kinds a value is valid as (empty when none)."""
    return IdentifierDetectAnswer(kinds=list(detect(data.value)), tool_version=__version__)


@_answer("/v1/records/check", "records")
def records_check(data: JSONBody[RecordCheckRequest]) -> RecordCheckAnswer:
    """Check one record against the data standard: every issue with its code and zh/en message.

    Keys may be field codes, Chinese names or attribute names; unknown keys are ignored.
    """
    kind, version = _kind(data.kind), _standard(data.standard)
    as_of = data.as_of or date.today()
    issues: list[Issue]
    if data.record.keys() <= _CODES[kind, version]:  # keyed by field code: the row checker
        issues = list(check_row(data.record, kind, version=version, as_of=as_of).issues)
    else:
        # check_rows maps the three header styles exactly as a file check does; an unknown
        # key is a file-level issue of the one-row batch
        report = check_rows([data.record], kind, version=version, as_of=as_of)
        issues = [*report.file_issues, *(attrs.evolve(i, row=None) for i in report)]
    errors, warnings = _counts(issues)
    return RecordCheckAnswer(
        kind=kind.value,
        standard=version.value,
        as_of=as_of,
        valid=errors == 0,
        errors=errors,
        warnings=warnings,
        issues=[cv.issue_model(i) for i in issues],
        tool_version=__version__,
    )


@_answer("/v1/deadlines/due", "deadlines")
def deadlines_due(data: JSONBody[DeadlineRequest]) -> DueAnswer:
    """The day a named duty (publication by default) is due, counted in working days."""
    calendar = default_calendar(provisional=data.provisional)
    answer = cv.deadline_answer(_rule(data.rule).due(data.start, calendar=calendar))
    return DueAnswer(**attrs.asdict(answer, recurse=False), tool_version=__version__)


@_answer("/v1/deadlines/timeliness", "deadlines")
def deadlines_timeliness(data: JSONBody[TimelinessRequest]) -> TimelinessAnswer:
    """Whether a record was published in time, and how many working days late."""
    rule = _rule(data.rule)
    calendar = default_calendar(provisional=data.provisional)
    result = check_timeliness(data.decision_date, data.published_on, rule=rule, calendar=calendar)
    return cv.timeliness_answer(result)


@_answer("/v1/policy/publication", "policy")
def policy_publication(data: JSONBody[PolicyRequest]) -> PublicationAnswer:
    """Whether a record is published under a policy, why (with the rule), and by when."""
    policy = get_preset(data.preset)
    calendar = default_calendar(provisional=data.provisional)
    return cv.publication_answer(policy.publication(cv.facts(data.facts), calendar=calendar))


@_answer("/v1/policy/term", "policy")
def policy_term(data: JSONBody[TermRequest]) -> TermAnswer:
    """The display term: first and last day shown, the minimum term; whether shown on ``on``."""
    policy = get_preset(data.preset)
    facts = cv.facts(data.facts)
    term = policy.term(facts)
    shown = None if data.on is None else policy.is_displayed(facts, on=data.on)
    return cv.term_answer(term, on=data.on, shown=shown)


@_answer("/v1/policy/repair", "policy")
def policy_repair(data: JSONBody[RepairRequest]) -> RepairAnswerModel:
    """Whether an application for credit repair can succeed: every condition, the earliest day."""
    policy = get_preset(data.preset)
    calendar = default_calendar(provisional=data.provisional)
    answer = policy.repair(cv.facts(data.facts), applied_on=data.applied_on, calendar=calendar)
    return cv.repair_answer(answer)


@_answer("/v1/lifecycle/status", "policy")
def lifecycle_status(data: JSONBody[StatusRequest]) -> StatusAnswer:
    """Where a record stands on a day (displayed, withdrawn, expired, ...) and what it owes."""
    policy = get_preset(data.preset)
    calendar = default_calendar(provisional=data.provisional)
    events = [
        Event(key="request", kind=e.kind, date=e.date, outcome=e.outcome)
        for e in data.events
    ]
    status = record_status(
        cv.facts(data.facts), events, policy=policy, on=data.on, calendar=calendar
    )
    return cv.status_answer(status)


@_answer("/v1/mask", "privacy")
def mask_record(data: JSONBody[MaskRequest]) -> MaskAnswer:
    """Mask a record's personal data as the profile says (public: what the portal shows)."""
    profile = PROFILES.get(data.profile)
    if profile is None:
        raise _bad_request(
            "mask.profile",
            f"unknown masking profile; known: {', '.join(PROFILES)}",
            f"未知的脱敏方案，可选：{'、'.join(PROFILES)}",
            "profile",
        )
    masked = profile.mask_record(dict(data.record), category=_category(data.category))
    return MaskAnswer(profile=profile.name, record=masked, tool_version=__version__)


@get("/v1/issues", tags=["schemas"], sync_to_thread=False)
def issues() -> dict[str, Any]:
    """The catalogue of issue codes: code, severity, zh and en templates, meaning, source."""
    return issue_catalogue()


@get("/v1/schemas/{standard:str}/{kind:str}", tags=["schemas"], sync_to_thread=False)
def record_schema(standard: FromPath[str], kind: FromPath[str]) -> dict[str, Any]:
    """The JSON Schema (2020-12) of one record of ``kind`` in ``standard``."""
    return json_schema(_kind(kind), _standard(standard))


# --- the file check: a streamed report ------------------------------------------------

_FORMATS: Final = {
    "text/csv": FileFormat.CSV,
    "application/csv": FileFormat.CSV,
    "text/plain": FileFormat.CSV,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": FileFormat.XLSX,
    "application/x-ndjson": FileFormat.JSONL,
    "application/jsonl": FileFormat.JSONL,
    "application/json-lines": FileFormat.JSONL,
}
_BATCH: Final = 256


class _Stop(Exception):
    """Raised in the checking thread to end a check early (limit or client gone)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _line(obj: dict[str, Any]) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, default=str) + "\n").encode("utf-8")


def _issue_json(issue: Issue, row: int | None = None) -> dict[str, Any]:
    return attrs.asdict(cv.issue_model(issue if row is None else issue.with_row(row)))


class _FileCheck:
    """Runs ``check_file`` in a thread and hands its rows over in batches of NDJSON lines."""

    def __init__(
        self,
        spool: IO[bytes],
        *,
        kind: RecordKind | None,
        version: StandardVersion,
        as_of: date,
        fmt: FileFormat | None,
        encoding: str | None,
        only_issues: bool,
        settings: ServiceSettings,
    ) -> None:
        self.spool = spool
        self.kind, self.version, self.as_of = kind, version, as_of
        self.fmt, self.encoding, self.only_issues = fmt, encoding, only_issues
        self.max_rows = settings.max_rows
        self.deadline = time.monotonic() + settings.timeout_seconds
        self.queue: queue.Queue[list[bytes] | BaseException | None] = queue.Queue(maxsize=16)
        self.cancelled = threading.Event()
        self.rows = self.valid = self.with_errors = self.with_warnings = 0
        self.batch: list[bytes] = []

    def _put(self, item: list[bytes] | BaseException | None) -> None:
        while not self.cancelled.is_set():
            try:
                self.queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def _on_row(self, row: int, issues: Sequence[Issue]) -> None:
        if self.cancelled.is_set():
            raise _Stop("client.gone")
        if self.rows >= self.max_rows:
            raise _Stop("limit.rows")
        if time.monotonic() > self.deadline:
            raise _Stop("limit.time")
        self.rows += 1
        errors, warnings = _counts(issues)
        self.valid += errors == 0
        self.with_errors += errors > 0
        self.with_warnings += warnings > 0
        if issues or not self.only_issues:
            self.batch.append(
                _line(
                    {
                        "type": "row",
                        "row": row,
                        "valid": errors == 0,
                        "issues": [_issue_json(i, row) for i in issues],
                    }
                )
            )
        if len(self.batch) >= _BATCH:
            self._put(self.batch)
            self.batch = []

    def run(self) -> None:
        """The thread's body: check, then put the last batch, the summary and ``None``."""
        try:
            report = check_file(
                self.spool,
                kind=self.kind,
                version=self.version,
                as_of=self.as_of,
                format=self.fmt,
                encoding=self.encoding,
                on_row=self._on_row,
            )
        except _Stop as stop:
            self.batch.append(_line(self._stopped(stop.code)))
            self.batch.append(_line(self._summary(None)))
            self._put(self.batch)
        except BaseException as exc:  # handed to the request: a problem, never a lost row
            if self.rows == 0 and not self.batch:
                self._put(exc)
            else:
                self.batch.append(_line(self._stopped("file.unreadable")))
                self.batch.append(_line(self._summary(None)))
                self._put(self.batch)
        else:
            for issue in report.file_issues:
                self.batch.append(_line({"type": "file_issue", **_issue_json(issue)}))
            self.batch.append(_line(self._summary(report.summary())))
            self._put(self.batch)
        finally:
            self.spool.close()
            self._put(None)

    def _stopped(self, code: str) -> dict[str, Any]:
        texts = {
            "limit.rows": (
                f"the file has more than {self.max_rows} rows: rows after {self.rows} were "
                "not checked",
                f"文件超过{self.max_rows}行：第{self.rows}行之后未检查",
            ),
            "limit.time": (
                f"the check took longer than the time limit: rows after {self.rows} were "
                "not checked",
                f"检查超时：第{self.rows}行之后未检查",
            ),
        }
        en, zh = texts.get(
            code,
            (
                f"the file could not be read further: rows after {self.rows} were not checked",
                f"文件无法继续读取：第{self.rows}行之后未检查",
            ),
        )
        return {"type": "stopped", "code": code, "rows_checked": self.rows, "message_en": en,
                "message_zh": zh}

    def _summary(self, summary: dict[str, Any] | None) -> dict[str, Any]:
        base = {
            "type": "summary",
            "complete": summary is not None,
            "tool_version": __version__,
            "as_of": self.as_of.isoformat(),
        }
        if summary is not None:  # the upload has no file name: say where it came from
            return {**base, **summary, "source": "request body"}
        return {
            **base,
            "kind": None if self.kind is None else self.kind.value,
            "standard": self.version.value,
            "rows": self.rows,
            "valid": self.valid,
            "with_errors": self.with_errors,
            "with_warnings": self.with_warnings,
        }


async def _next(check: _FileCheck) -> list[bytes] | BaseException | None:
    loop = asyncio.get_running_loop()
    while True:
        try:
            return check.queue.get_nowait()
        except queue.Empty:
            pass
        item = await loop.run_in_executor(None, _get_blocking, check.queue)
        if item is not _EMPTY:
            return cast("list[bytes] | BaseException | None", item)


_EMPTY: Final = object()


def _get_blocking(q: queue.Queue[Any]) -> Any:
    try:
        return q.get(timeout=0.5)
    except queue.Empty:
        return _EMPTY


async def _stream(first: list[bytes], check: _FileCheck) -> AsyncIterator[bytes]:
    try:
        yield b"".join(first)
        while True:
            item = await _next(check)
            if item is None:
                return
            if isinstance(item, BaseException):  # only before the first row: not here
                return
            yield b"".join(item)
    finally:
        check.cancelled.set()


_SUFFIXES: Final = {
    ".csv": FileFormat.CSV,
    ".txt": FileFormat.CSV,
    ".xlsx": FileFormat.XLSX,
    ".jsonl": FileFormat.JSONL,
    ".ndjson": FileFormat.JSONL,
}


def _no_file_part() -> CreditDisclosureError:
    return _bad_request(
        "request.form",
        "a multipart/form-data upload needs one file part named 'file' (curl -F file=@data.csv)",
        "multipart/form-data 上传须含一个名为 file 的文件部分（curl -F file=@data.csv）",
        "file",
    )


async def _read_form(
    request: Request[Any, Any, Any], content_type: str, spool: IO[bytes], limit: int
) -> FileFormat | None:
    """Stream the ``file`` part of a multipart/form-data body into ``spool``.

    The body is parsed as it arrives (never held whole in memory); the size limit counts
    the raw body. The format comes from the part's media type, else from its file name's
    suffix, else it is detected from the content as for a raw body.
    """
    _, options = parse_options_header(content_type)
    boundary = options.get("boundary")
    if not boundary:
        raise _no_file_part()
    size = 0
    part: MultipartSegment | None = None
    found: MultipartSegment | None = None
    try:
        with PushMultipartParser(boundary) as parser:
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise HTTPException(status_code=413, detail="request.too_large")
                for event in parser.parse(chunk):
                    if isinstance(event, MultipartSegment):
                        part = event
                        if found is None and (event.name == "file" or event.filename):
                            found = event
                    elif event is None:
                        part = None
                    elif part is not None and part is found:
                        spool.write(event)
        # leaving the parser checks the body ended where the form did (a truncated upload fails)
    except MultipartError as exc:
        raise _bad_request(
            "request.form",
            "the multipart/form-data body is damaged or incomplete",
            "multipart/form-data 请求体已损坏或不完整",
        ) from exc
    if found is None:
        raise _no_file_part()
    media = (found.content_type or "").lower()
    if media in _FORMATS and media != "text/plain":
        return _FORMATS[media]
    name = (found.filename or "").lower()
    suffix = name[name.rfind(".") :] if "." in name else ""
    return _SUFFIXES.get(suffix, _FORMATS.get(media))


@post(
    "/v1/files/check",
    tags=["records"],
    status_code=200,
    media_type=NDJSON,
    responses={
        **_PROBLEMS,
        413: ResponseSpec(Problem, description="the body is too large", media_type=PROBLEM_JSON),
    },
)
async def files_check(
    request: Request[Any, Any, Any],
    kind: Annotated[
        str | None, QueryParameter(description="license or penalty (default: from the headers)")
    ] = None,
    standard: Annotated[str, QueryParameter(description="2018 (default) or 2015")] = "2018",
    as_of: Annotated[
        date | None, QueryParameter(description="the check date (default: today)")
    ] = None,
    encoding: Annotated[
        str | None, QueryParameter(description="the CSV encoding (default: detected)")
    ] = None,
    only_issues: Annotated[
        bool, QueryParameter(description="leave out the lines of rows without issues")
    ] = False,
) -> Stream:
    """Check every row of an uploaded CSV, XLSX or JSON Lines file; the report streams back.

    Send the file as the request body (``Content-Type: text/csv``, the XLSX media type, or
    ``application/x-ndjson``), or as the part named ``file`` of a ``multipart/form-data``
    upload (``curl -F file=@data.csv``; the part's media type or file name gives the format). The answer is JSON Lines: one ``row`` line per data row (with
    ``only_issues``, rows without issues are left out), ``file_issue`` lines, and a closing
    ``summary`` line whose ``rows`` equals the rows read. When a limit stops the check, a
    ``stopped`` line names it and the summary says ``complete: false``.
    """
    settings: ServiceSettings = request.app.state.settings
    version = _standard(standard)
    record_kind = None if kind is None else _kind(kind)
    content_type = request.headers.get("content-type") or ""
    media = content_type.split(";")[0].strip().lower()
    fmt = _FORMATS.get(media)
    spool: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    try:
        if media == "multipart/form-data":
            fmt = await _read_form(request, content_type, spool, settings.max_body_bytes)
        else:
            size = 0
            async for chunk in request.stream():
                size += len(chunk)
                if size > settings.max_body_bytes:
                    raise HTTPException(status_code=413, detail="request.too_large")
                spool.write(chunk)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    check = _FileCheck(
        spool,
        kind=record_kind,
        version=version,
        as_of=as_of or date.today(),
        fmt=fmt,
        encoding=encoding,
        only_issues=only_issues,
        settings=settings,
    )
    threading.Thread(target=check.run, name="credit-disclosure-file-check", daemon=True).start()
    first = await _next(check)
    if isinstance(first, BaseException):
        raise first
    if first is None:  # pragma: no cover - run() always puts a summary first
        first = []
    return Stream(_stream(first, check), media_type=NDJSON)


# --- errors as problem details ---------------------------------------------------------


def _problem_response(p: Problem, headers: dict[str, str] | None = None) -> Response[Any]:
    return Response(
        content=attrs.asdict(p), status_code=p.status, media_type=PROBLEM_JSON, headers=headers
    )


def _library_error(_: Request[Any, Any, Any], exc: CreditDisclosureError) -> Response[Any]:
    return _problem_response(cv.problem_for(exc))


_HTTP_TEXT: Final = {
    404: ("http.not_found", "no such resource", "资源不存在"),
    405: ("http.method_not_allowed", "method not allowed", "不支持该请求方法"),
    413: ("request.too_large", "the request body is too large", "请求体过大"),
    415: ("request.media_type", "unsupported media type", "不支持的媒体类型"),
}


def _http_error(_: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    if isinstance(exc, ValidationException):
        where = []
        extra = exc.extra if isinstance(exc.extra, list) else []
        for item in extra:
            if isinstance(item, dict):
                key, message = item.get("key"), item.get("message")
                where.append(f"{key}: {message}" if key else str(message))
        detail = "; ".join(where) or "the request does not match its schema"
        p = cv.problem(
            400,
            "request.invalid",
            f"the request is not valid: {detail}",
            f"请求格式不正确：{detail}",
            title="the request is not valid",
        )
        return _problem_response(p)
    if exc.status_code == 400:  # a body that is not JSON, a bad query parameter
        detail = str(exc.detail)
        p = cv.problem(
            400,
            "request.invalid",
            f"the request is not valid: {detail}",
            f"请求格式不正确：{detail}",
            title="the request is not valid",
        )
        return _problem_response(p)
    code, en, zh = _HTTP_TEXT.get(
        exc.status_code, (f"http.{exc.status_code}", str(exc.detail), str(exc.detail))
    )
    return _problem_response(cv.problem(exc.status_code, code, en, zh, title=en))


def _internal_error(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    # Only the type: a message or traceback might hold a value from the request.
    _LOG.error("internal error in %s: %s", request.url.path, type(exc).__name__)
    p = cv.problem(500, "service.internal", "internal error", "服务内部错误", title="internal error")
    return _problem_response(p)


# --- the app ----------------------------------------------------------------------------

_ROUTES: Final = [
    health,
    identifiers_validate,
    identifiers_parse,
    identifiers_detect,
    records_check,
    files_check,
    deadlines_due,
    deadlines_timeliness,
    policy_publication,
    policy_term,
    policy_repair,
    lifecycle_status,
    mask_record,
    issues,
    record_schema,
    *LEDGER_ROUTES,
]


def _litestar(settings: ServiceSettings) -> Litestar:
    app = Litestar(
        route_handlers=_ROUTES,
        openapi_config=OpenAPIConfig(
            title="credit-disclosure",
            version=__version__,
            description=(
                "双公示 credit disclosure over HTTP: identifiers, record and file checks against "
                "the national data standard, working-day deadlines, policy answers, masking. "
                "Errors are RFC 9457 problem details with the library's code and zh/en messages."
            ),
            tags=[
                Tag(name="identifiers", description="统一社会信用代码, 身份证号码 and the others"),
                Tag(name="records", description="records and files against the data standard"),
                Tag(name="deadlines", description="working-day deadlines and timeliness"),
                Tag(name="policy", description="publication, display term, credit repair"),
                Tag(name="privacy", description="masking for display"),
                Tag(name="schemas", description="JSON Schema and the issue catalogue"),
                Tag(name="ledger", description="the ledger's reports and status (read-only)"),
                Tag(name="service", description="health"),
            ],
            path="/schema",
        ),
        exception_handlers={
            CreditDisclosureError: _library_error,
            HTTPException: _http_error,
            Exception: _internal_error,
        },
        request_max_body_size=settings.max_body_bytes,
        on_shutdown=[lambda app: close_ledger(app.state)],
        logging_config=None,
        debug=False,
    )
    app.state.settings = settings
    _describe(app.openapi_schema)
    return app


def _describe(document: Any) -> None:
    """Give each model of the OpenAPI document its docstring and each member its meaning
    (:func:`credit_disclosure._wire_models.field_descriptions`): read from the models, never
    written a second time. Sphinx's ``code`` quotes become Markdown's."""
    presets = ", ".join(sorted(PRESETS))
    for name, schema in (document.components.schemas or {}).items():
        model = getattr(_wire_models, name, None)
        if not (isinstance(model, type) and attrs.has(model)):
            continue
        if not schema.description and model.__doc__:
            schema.description = model.__doc__.strip().split("\n\n")[0].replace("``", "`")
        for member, text in field_descriptions(model, presets=presets).items():
            prop = (schema.properties or {}).get(member)
            if prop is not None and not prop.description:
                prop.description = text.replace("``", "`")


def openapi_document(settings: ServiceSettings | None = None) -> dict[str, Any]:
    """The OpenAPI 3.1 document of the service, generated from the typed models.

    >>> doc = openapi_document()
    >>> doc["openapi"], "/v1/records/check" in doc["paths"]
    ('3.1.0', True)
    """
    app = _litestar(settings or ServiceSettings())
    return app.openapi_schema.to_schema()


# --- the guard: authentication, concurrency, time, access log --------------------------

ASGIApp = Callable[
    [MutableMapping[str, Any], Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]],
    Awaitable[None],
]
_OPEN_PATHS: Final = frozenset({"/v1/health"})
_STREAM_GRACE: Final = 5.0


async def _within(work: Awaitable[None], seconds: float) -> None:
    """Await ``work`` for at most ``seconds`` (asyncio.timeout where there is one: no extra task)."""
    if sys.version_info >= (3, 11):
        async with asyncio.timeout(seconds):
            await work
    else:  # pragma: no cover - Python 3.10
        await asyncio.wait_for(work, seconds)


class _Guard:
    """An ASGI wrapper that keeps the limits and writes an access log without personal data."""

    def __init__(self, app: Any, settings: ServiceSettings) -> None:
        self.app: ASGIApp = app
        self.settings = settings
        self.keys = tuple(k.encode("utf-8") for k in settings.api_keys)
        self._slots: asyncio.Semaphore | None = None

    def _authorised(self, scope: MutableMapping[str, Any]) -> bool:
        sent: bytes | None = None
        for name, value in scope.get("headers", ()):
            if name == b"x-api-key":
                sent = value.strip()
            elif name == b"authorization" and value[:7].lower() == b"bearer ":
                sent = value[7:].strip()
        if sent is None:
            return False
        # compare with every key, always: the time taken says nothing about which matched
        return any([hmac.compare_digest(sent, key) for key in self.keys])  # noqa: C419

    async def _send_problem(
        self, send: Callable[[Any], Awaitable[None]], p: Problem, headers: list[tuple[bytes, bytes]]
    ) -> None:
        body = json.dumps(attrs.asdict(p), ensure_ascii=False).encode("utf-8")
        await send(
            {
                "type": "http.response.start",
                "status": p.status,
                "headers": [
                    (b"content-type", PROBLEM_JSON.encode()),
                    (b"content-length", str(len(body)).encode()),
                    *headers,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def __call__(
        self,
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[Any]],
        send: Callable[[Any], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        state = {"status": 0, "started": False}

        async def tracking_send(message: Any) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
                state["started"] = True
            await send(message)

        try:
            await self._handle(scope, receive, tracking_send, state)
        finally:
            # method, path (never the query or body), status, duration: no personal data
            _ACCESS.info(
                "%s %s %s %.1fms",
                scope.get("method", "-"),
                scope.get("path", "-"),
                state["status"],
                (time.perf_counter() - started) * 1000,
            )

    async def _handle(
        self,
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[Any]],
        send: Callable[[Any], Awaitable[None]],
        state: dict[str, Any],
    ) -> None:
        path = scope.get("path", "")
        if self.keys and path not in _OPEN_PATHS and not self._authorised(scope):
            p = cv.problem(
                401,
                "service.unauthorized",
                "an API key is required (X-API-Key header or Authorization: Bearer)",
                "需要API密钥（X-API-Key请求头或Authorization: Bearer）",
                title="unauthorized",
            )
            await self._send_problem(send, p, [(b"www-authenticate", b"Bearer")])
            return
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.settings.max_concurrency)
        if self._slots.locked():
            p = cv.problem(
                503,
                "service.busy",
                f"more than {self.settings.max_concurrency} requests at once: retry shortly",
                f"同时处理的请求超过{self.settings.max_concurrency}个，请稍后重试",
                title="busy",
            )
            await self._send_problem(send, p, [(b"retry-after", b"1")])
            return
        timeout = self.settings.timeout_seconds
        if path == "/v1/files/check":  # the stream ends itself with limit.time first
            timeout += _STREAM_GRACE
        async with self._slots:
            try:
                await _within(self.app(scope, receive, send), timeout)
            except asyncio.TimeoutError:
                if state["started"]:
                    return  # the body was under way: the client sees it cut short
                p = cv.problem(
                    503,
                    "service.timeout",
                    f"the request took longer than {timeout:g} seconds",
                    f"请求处理超过{timeout:g}秒",
                    title="timeout",
                )
                await self._send_problem(send, p, [])


def create_app(settings: ServiceSettings | None = None) -> ASGIApp:
    """The ASGI application of the service, limits included (serve it with any ASGI server).

    >>> app = create_app(ServiceSettings(max_rows=10))
    >>> callable(app)
    True
    """
    settings = settings or ServiceSettings()
    return _Guard(_litestar(settings), settings)
