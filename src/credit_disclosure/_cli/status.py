"""``credit-disclosure status`` and ``subject``: where each record stands, and what it owes.

Thin over :mod:`credit_disclosure.lifecycle`: read RECORDS and EVENTS, call
:func:`~credit_disclosure.lifecycle.dataset_status` (or
:func:`~credit_disclosure.lifecycle.subject_view`), print. No rule is decided
here. Exit codes: 0 nothing is overdue (and, with ``--shown``, the portal shows
exactly what it must), 1 an action is overdue (or the portal over- or
under-discloses), 2 the command could not run (no such file, unknown preset,
a file without the columns it needs).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import IO, Any

from .._i18n import Lang, error_text, ui
from ..errors import CreditDisclosureError
from ..io import inert_csv_writer
from ..lifecycle import (
    DatasetStatus,
    EventLog,
    PortalDiff,
    RecordStatus,
    State,
    SubjectView,
    dataset_status,
    portal_diff,
    read_events,
    records_from_file,
    subject_view,
)
from ..policy import PRESETS, Policy, get_preset, load_policy
from ..standard import Issue
from ..workdays import default_calendar
from ._args import add_lang_argument, date_arg, lang_of
from ._output import (
    add_excel_argument,
    add_output_argument,
    excel_bom,
    json_document,
    open_output,
    output_error,
    print_json,
)

__all__ = ["register", "run_status", "run_subject"]


def _common(parser: Any, lang: Lang) -> None:
    parser.add_argument("records", metavar="RECORDS", help=ui("help.status.records", lang))
    parser.add_argument(
        "--events",
        default=None,
        metavar="EVENTS",
        help=ui("help.status.events", lang),
    )
    policy = parser.add_mutually_exclusive_group()
    policy.add_argument(
        "--preset",
        default="national",
        choices=sorted(PRESETS),
        help=ui("help.status.preset", lang),
    )
    policy.add_argument(
        "--policy", default=None, metavar="FILE", help=ui("help.status.policy", lang)
    )
    parser.add_argument(
        "--as-of",
        type=date_arg,
        default=None,
        metavar="DATE",
        help=ui("help.status.as_of", lang),
    )
    parser.add_argument(
        "--provisional",
        action="store_true",
        help=ui("help.status.provisional", lang),
    )
    parser.add_argument(
        "--kind",
        choices=["auto", "penalty", "license"],
        default="auto",
        help=ui("help.check.kind", lang),
    )
    add_lang_argument(parser, lang)


def register(subparsers: Any, lang: Lang) -> None:
    """Add the ``status`` and ``subject`` subcommands."""
    status = subparsers.add_parser(
        "status",
        help=ui("help.status", lang),
        description=ui("help.status.about", lang),
    )
    _common(status, lang)
    add_excel_argument(status, lang)
    status.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        dest="output_format",
        help=ui("help.status.format", lang),
    )
    status.add_argument(
        "--shown",
        default=None,
        metavar="FILE",
        help=ui("help.status.shown", lang),
    )
    add_output_argument(status, lang, what="status")
    status.set_defaults(handler=run_status)

    subject = subparsers.add_parser(
        "subject",
        help=ui("help.subject", lang),
        description=ui("help.subject.about", lang),
    )
    subject.add_argument("subject", metavar="ID", help=ui("help.subject.subject", lang))
    _common(subject, lang)
    subject.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        dest="output_format",
        help=ui("help.status.format", lang),
    )
    add_output_argument(subject, lang, what="subject")
    subject.set_defaults(handler=run_subject)


def _policy(args: argparse.Namespace) -> Policy:
    if args.policy is not None:
        return load_policy(args.policy)
    return get_preset(args.preset)


def _load(args: argparse.Namespace, on: date) -> tuple[Any, EventLog]:
    kind = None if args.kind == "auto" else args.kind
    if args.records == "-" and args.events == "-":
        raise ValueError("only one of RECORDS and --events can be - (standard input)")
    # "-" reads standard input, as every command that reads a file does
    records = records_from_file(
        sys.stdin.buffer if args.records == "-" else args.records, kind=kind, as_of=on
    )
    if args.events is None:
        events = EventLog(events=())
    else:
        events = read_events(sys.stdin.buffer if args.events == "-" else args.events)
    return records, events


def _shown_keys(path: str) -> list[str]:
    if Path(path).suffix.lower() in (".txt", ".lst", ""):
        with open(path, encoding="utf-8-sig") as fp:
            return [line.strip() for line in fp if line.strip()]
    from ..io import open_table

    keys: list[str] = []
    with open_table(path) as reader:
        for raw in reader:
            value = raw.values.get("key", raw.values.get("记录键"))
            if value is not None and str(value).strip():
                keys.append(str(value).strip())
    return keys


def _setup(
    args: argparse.Namespace, err: IO[str], command: str
) -> tuple[Policy, date, Any, EventLog, Any] | int:
    on = args.as_of if args.as_of is not None else date.today()  # the CLI is the edge
    try:
        policy = _policy(args)
        records, events = _load(args, on)
    except (OSError, CreditDisclosureError, LookupError, ValueError) as exc:
        err.write(f"credit-disclosure {command}: {error_text(exc, lang_of(args))}\n")
        return 2
    calendar = default_calendar().with_provisional() if args.provisional else None
    return policy, on, records, events, calendar


def _state(value: str, lang: Lang) -> str:
    return value if lang == "en" else State(value).zh


def _reason(status: RecordStatus, lang: Lang) -> str:
    return status.reason_zh if lang == "zh" else status.reason_en


def _issue_text(issue: Issue, lang: Lang) -> str:
    return f"{issue.code}: {issue.message_zh if lang == 'zh' else issue.message_en}"


def _write_status_text(
    fp: IO[str], result: DatasetStatus, diff: PortalDiff | None, source_issues: int, lang: Lang
) -> None:
    fp.write(ui("cli.status.head", lang, on=result.on.isoformat(), policy=result.policy) + "\n")
    for status in result.statuses:
        _write_record(fp, status, lang)
    summary = result.summary()
    fp.write("\n" + ui("cli.status.records", lang, n=summary["records"]) + "\n")
    for state, count in summary["states"].items():
        fp.write(f"  {_state(state, lang)}: {count}\n")
    if summary["actions"]:
        fp.write(ui("cli.status.actions", lang) + "\n")
        for action, count in summary["actions"].items():
            name = ui(f"action.{action}", lang)
            fp.write(f"  {name}: {count} ({summary['overdue'].get(action, 0)})\n")
    if result.issues:
        fp.write(ui("cli.status.event_issues", lang, n=len(result.issues)) + "\n")
        for issue in result.issues:
            where = "" if issue.row is None else ui("cli.row", lang, row=issue.row) + ": "
            fp.write(f"  {where}{_issue_text(issue, lang)}\n")
    if source_issues:
        fp.write(ui("cli.status.source_issues", lang, n=source_issues) + "\n")
    if diff is not None:
        fp.write(
            ui(
                "cli.status.portal", lang, over=len(diff.over), under=len(diff.under),
                unknown=len(diff.unknown),
            )
            + "\n"
        )
        for label, statuses in (("cli.status.over", diff.over), ("cli.status.under", diff.under)):
            for status in statuses:
                row = ui("cli.row", lang, row=status.row)
                fp.write(f"  {ui(label, lang)}: {row} {status.key}: {_reason(status, lang)}\n")
        for key in diff.unknown:
            fp.write(f"  {ui('cli.status.unknown', lang)}: {key}\n")


def _write_record(fp: IO[str], status: RecordStatus, lang: Lang, extra: str = "") -> None:
    key = ui("cli.status.no_key", lang) if status.key is None else str(status.key)
    mark = ui("lifecycle.marked", lang) if status.marked else ""
    row = ui("cli.row", lang, row=status.row)
    state = _state(status.state.value, lang)
    fp.write(f"{row}  {key}  {state}{mark}{extra}: {_reason(status, lang)} [{status.citation}]\n")
    for action in status.actions:
        fp.write(f"    {ui('cli.status.owes', lang, action=action.explain(lang))}\n")
    for issue in status.issues:
        fp.write(f"    {_issue_text(issue, lang)}\n")


def _write_status_csv(fp: IO[str], result: DatasetStatus) -> None:
    writer = inert_csv_writer(fp)
    writer.writerow(["row", "key", "state", "reason", "citation", "actions", "overdue", "issues"])
    for s in result.statuses:
        writer.writerow(
            [
                s.row,
                None if s.key is None else str(s.key),
                s.state.value,
                s.reason_en,
                str(s.citation),
                "; ".join(
                    f"{a.action.value} {a.due.isoformat() if a.due else '-'}"
                    + (" overdue" if a.overdue else "")
                    for a in s.actions
                ),
                "yes" if s.overdue else "no",
                " ".join(i.code for i in s.issues),
            ]
        )


def run_status(
    args: argparse.Namespace, *, stdout: IO[str] | None = None, stderr: IO[str] | None = None
) -> int:
    """Run ``status`` with parsed ``args``; return the exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    setup = _setup(args, err, "status")
    if isinstance(setup, int):
        return setup
    policy, on, records, events, calendar = setup
    result = dataset_status(records, events, policy=policy, on=on, calendar=calendar)
    diff: PortalDiff | None = None
    if args.shown is not None:
        try:
            diff = portal_diff(result.statuses, _shown_keys(args.shown))
        except (OSError, CreditDisclosureError, ValueError) as exc:
            err.write(f"credit-disclosure status: {error_text(exc, lang_of(args))}\n")
            return 2
    encoding = "utf-8-sig" if args.output_format == "csv" else "utf-8"
    excel = args.output_format == "csv" and excel_bom(args)
    try:
        with open_output(args.output, stdout=out, encoding=encoding, excel=excel) as fp:
            if args.output_format == "json":
                data = {**json_document(as_of=on), **result.as_dict()}
                if diff is not None:
                    data["portal"] = {
                        "over": [str(s.key) for s in diff.over],
                        "under": [str(s.key) for s in diff.under],
                        "unknown": list(diff.unknown),
                    }
                print_json(data, file=fp, indent=1)
            elif args.output_format == "csv":
                _write_status_csv(fp, result)
            else:
                _write_status_text(fp, result, diff, len(records.issues), lang_of(args))
    except OSError as exc:
        if args.output is None or args.output == "-":
            raise  # standard output: the entry point handles a closed pipe
        return output_error("status", args.output, exc, err, lang_of(args))
    return 1 if result.any_overdue or (diff is not None and not diff.clean) else 0


def _write_subject_text(fp: IO[str], view: SubjectView, lang: Lang) -> None:
    fp.write(ui("cli.subject.head", lang, subject=view.subject, on=view.on.isoformat()) + "\n")
    for entry in view.entries:
        extra = ui("cli.subject.serious", lang) if entry.serious else ""
        if entry.repair_from is not None:
            extra += ui("cli.subject.repair_from", lang, day=entry.repair_from.isoformat())
        blockers = entry.repair_blockers_zh if lang == "zh" else entry.repair_blockers
        if blockers and entry.status.shown:
            extra += ui("cli.subject.not_met", lang, blockers=ui("list.semi", lang).join(blockers))
        _write_record(fp, entry.status, lang, extra)
    fp.write(
        "\n"
        + ui(
            "cli.subject.summary", lang, records=len(view.entries), shown=len(view.displayed),
            serious=len(view.serious),
        )
        + "\n"
    )


def run_subject(
    args: argparse.Namespace, *, stdout: IO[str] | None = None, stderr: IO[str] | None = None
) -> int:
    """Run ``subject`` with parsed ``args``; return the exit code (1 when an action is overdue)."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    setup = _setup(args, err, "subject")
    if isinstance(setup, int):
        return setup
    policy, on, records, events, calendar = setup
    try:
        view = subject_view(records, events, args.subject, policy=policy, on=on, calendar=calendar)
    except CreditDisclosureError as exc:
        err.write(f"credit-disclosure subject: {error_text(exc, lang_of(args))}\n")
        return 2
    try:
        with open_output(args.output, stdout=out) as fp:
            if args.output_format == "json":
                print_json({**json_document(as_of=on), **view.as_dict()}, file=fp, indent=1)
            else:
                _write_subject_text(fp, view, lang_of(args))
    except OSError as exc:
        if args.output is None or args.output == "-":
            raise
        return output_error("subject", args.output, exc, err, lang_of(args))
    return 1 if any(e.status.overdue for e in view.entries) else 0
