"""``credit-disclosure calendar``: add a holiday notice, show a year, and the calendar's status.

Thin over :mod:`credit_disclosure.workdays`; no rule is decided here.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import ValidationError
from ..workdays import (
    YearState,
    add_notice,
    coverage,
    data_dir,
    default_bounds,
    notice_status,
    statutory_rules,
)
from ._args import date_arg
from ._output import json_document, print_json

_ENCODINGS = ("utf-8-sig", "gb18030")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``calendar`` subcommand and its ``add``, ``show`` and ``status`` actions."""
    parser = subparsers.add_parser(
        "calendar",
        help="the working-day calendar: add a holiday notice, show a year, status",
        description=(
            "Each year is published (its notice is loaded), statutory-only (the notice is not "
            "out: the statutory holidays are certain, the 调休 is not) or unknown. Added notices "
            "are stored in the user's data directory ($CREDIT_DISCLOSURE_DATA_DIR overrides it; "
            "now: see `calendar status`) and used by every later run."
        ),
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    add = actions.add_parser(
        "add",
        help="read a State Council holiday notice (text as published) and store its schedule",
    )
    add.add_argument(
        "notice", metavar="NOTICE.txt", help="the notice's text (UTF-8 or GB18030; '-': stdin)"
    )
    add.add_argument("--url", default="", help="where the notice was published (recorded)")
    add.add_argument("--format", choices=("text", "json"), default="text")
    add.set_defaults(handler=_add)
    show = actions.add_parser("show", help="a year's state, source and days")
    show.add_argument("year", type=int, metavar="YEAR")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=_show)
    status = actions.add_parser(
        "status", help="which years are known, and whether next year's notice is overdue"
    )
    status.add_argument(
        "--today", type=date_arg, help="the date to judge by (default: the system date)"
    )
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.set_defaults(handler=_status)
    parser.set_defaults(handler=lambda _args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _read(path: str) -> str:
    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError(f"{'standard input' if path == '-' else path}: not UTF-8 or GB18030 text")


def _add(args: argparse.Namespace) -> int:
    try:
        text = _read(args.notice)
        schedule = add_notice(text, url=args.url)
    except ValidationError as exc:
        print(f"credit-disclosure calendar add: {args.notice}: {exc}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        print(f"credit-disclosure calendar add: {exc}", file=sys.stderr)
        return 2
    ref = schedule.amendments[-1] if schedule.amendments else schedule.notice
    if args.format == "json":
        data = _days(schedule.year)
        stored = str(data_dir() / "schedules")
        print_json(json_document(**{k: v for k, v in data.items() if k != "lines"}, stored_in=stored))
        return 0
    print(f"{schedule.year}: published ({ref}); stored in {data_dir() / 'schedules'}")
    for line in _days(schedule.year)["lines"]:
        print(f"  {line}")
    return 0


def _days(year: int) -> dict[str, Any]:
    """The year's state, source and days, as lines of text and as data."""
    bounds = default_bounds()
    state = bounds.state(year)
    out: dict[str, Any] = {"year": year, "state": state.value}
    lines: list[str] = []
    if state is YearState.PUBLISHED:
        schedule = bounds.calendar.schedule(year)
        out["source"] = schedule.source
        if schedule.notice is not None:
            out["notice"] = {
                "title": schedule.notice.title,
                "number": schedule.notice.number,
                "published": str(schedule.notice.published or ""),
                "sha256": schedule.notice.sha256,
                "url": schedule.notice.url,
            }
        out["amendments"] = [str(a) for a in schedule.amendments]
        out["days_off"] = [
            {"name": r.name, "start": r.start.isoformat(), "end": r.end.isoformat()}
            for r in schedule.holidays
        ]
        out["make_up_days"] = [
            {"day": w.day.isoformat(), "name": w.name} for w in schedule.workdays
        ]
        for r in schedule.holidays:
            span = str(r.start) if r.start == r.end else f"{r.start} to {r.end}"
            lines.append(f"off      {span}  {r.name}")
        for w in schedule.workdays:
            lines.append(f"working  {w.day}  {w.name} (调休上班)")
    elif state is YearState.STATUTORY_ONLY:
        schedule = bounds.scenarios[1].schedule(year)
        out["source"] = f"statutory holidays ({statutory_rules(year).citation})"
        out["days_off"] = [
            {"name": r.name, "start": r.start.isoformat(), "end": r.end.isoformat()}
            for r in schedule.holidays
        ]
        possible = bounds.possible_tiaoxiu(year)
        out["possible_tiaoxiu"] = [
            {"day": d.isoformat(), "may_become": "day off" if off else "working day", "name": n}
            for d, off, n in possible
        ]
        for r in schedule.holidays:
            span = str(r.start) if r.start == r.end else f"{r.start} to {r.end}"
            lines.append(f"off      {span}  {r.name} (statutory, certain)")
        lines.append(
            f"maybe    {len(possible)} days the {year} notice may move (调休), within how far "
            "from its holiday a 调休 day has fallen in the published years:"
        )
        for d, off, n in possible:
            lines.append(f"  {d}  may become a {'day off' if off else 'working day'} ({n})")
    else:
        out["source"] = "nothing is known of this year"
    out["lines"] = lines
    return out


def _show(args: argparse.Namespace) -> int:
    data = _days(args.year)
    if args.format == "json":
        print_json(json_document(**{k: v for k, v in data.items() if k != "lines"}), indent=None)
        return 0
    print(f"{data['year']}: {data['state']} ({data['source']})")
    if "notice" in data:
        notice = data["notice"]
        print(f"  notice: {notice['title']} {notice['number']} {notice['published']}".rstrip())
        if notice["url"]:
            print(f"  url: {notice['url']}")
    for amendment in data.get("amendments", []):
        print(f"  amended by: {amendment}")
    for line in data["lines"]:
        print(f"  {line}")
    return 0


def _status(args: argparse.Namespace) -> int:
    today = args.today or date.today()  # the one place the system date is read
    try:
        rows = coverage()
        status = notice_status(today)
    except ValidationError as exc:  # a damaged file in the data directory
        print(f"credit-disclosure calendar status: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print_json(
            json_document(
                as_of=today,
                years=[
                    {"first": r.first, "last": r.last, "state": r.state.value, "source": r.source}
                    for r in rows
                ],
                data_dir=str(data_dir()),
                next_notice={
                    "year": status.year,
                    "state": status.state.value,
                    "level": status.level,
                    "message": status.message,
                },
            )
        )
        return 0
    for row in rows:
        print(row)
    print(f"added notices: {data_dir()}")
    if status.level == "ok":
        print(status.message)
    else:
        print(f"warning: {status.message}", file=sys.stderr)
    return 0
