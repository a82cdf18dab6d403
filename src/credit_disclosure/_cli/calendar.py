"""``credit-disclosure calendar``: add a holiday notice, show a year, and the calendar's status.

Thin over :mod:`credit_disclosure.workdays`; no rule is decided here.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from .._i18n import Lang, error_text, ui
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
from ._args import add_lang_argument, date_arg, lang_of
from ._output import add_text_json_argument, json_document, print_json

_ENCODINGS = ("utf-8-sig", "gb18030")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    """Add the ``calendar`` subcommand and its ``add``, ``show`` and ``status`` actions."""
    parser = subparsers.add_parser(
        "calendar",
        help=ui("help.calendar", lang),
        description=ui("help.calendar.about", lang),
    )
    add_lang_argument(parser, lang)
    actions = parser.add_subparsers(title=ui("help.calendar.actions", lang), metavar="ACTION")
    add = actions.add_parser(
        "add",
        help=ui("help.calendar.add", lang),
    )
    add.add_argument(
        "notice", metavar="NOTICE.txt", help=ui("help.calendar.notice", lang)
    )
    add.add_argument("--url", default="", help=ui("help.calendar.url", lang))
    add_text_json_argument(add, lang)
    add_lang_argument(add, lang)
    add.set_defaults(handler=_add)
    show = actions.add_parser("show", help=ui("help.calendar.show", lang))
    show.add_argument("year", type=int, metavar="YEAR", help=ui("help.calendar.year", lang))
    add_text_json_argument(show, lang)
    add_lang_argument(show, lang)
    show.set_defaults(handler=_show)
    status = actions.add_parser(
        "status", help=ui("help.calendar.status", lang)
    )
    status.add_argument(
        "--today", type=date_arg, help=ui("help.calendar.today", lang)
    )
    add_text_json_argument(status, lang)
    add_lang_argument(status, lang)
    status.set_defaults(handler=_status)
    parser.set_defaults(handler=lambda _args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _read(path: str, lang: Lang) -> str:
    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    what = ui("cli.stdin", lang) if path == "-" else path
    raise ValueError(ui("cli.calendar.not_text", lang, what=what))


def _add(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    try:
        text = _read(args.notice, lang)
        schedule = add_notice(text, url=args.url)
    except ValidationError as exc:
        message = error_text(exc, lang)
        print(f"credit-disclosure calendar add: {args.notice}: {message}", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        print(f"credit-disclosure calendar add: {error_text(exc, lang)}", file=sys.stderr)
        return 2
    ref = schedule.amendments[-1] if schedule.amendments else schedule.notice
    if args.format == "json":
        data = _days(schedule.year)
        stored = str(data_dir() / "schedules")
        print_json(json_document(**{k: v for k, v in data.items() if k != "lines"}, stored_in=stored))
        return 0
    where = data_dir() / "schedules"
    print(ui("cli.calendar.added", lang, year=schedule.year, ref=ref, where=where))
    for line in _days(schedule.year, lang)["lines"]:
        print(f"  {line}")
    return 0


def _days(year: int, lang: Lang = "en") -> dict[str, Any]:
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
        off_text, working = ui("cli.calendar.off", lang), ui("cli.calendar.working", lang)
        for r in schedule.holidays:
            span = _span(r.start, r.end, lang)
            lines.append(f"{off_text} {span}  {r.name}")
        for w in schedule.workdays:
            lines.append(f"{working} {w.day}  {w.name}{_sp(lang)}{ui('cli.calendar.makeup', lang)}")
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
        off_label = ui("cli.calendar.off", lang)
        certain = ui("cli.calendar.certain", lang)
        for r in schedule.holidays:
            span = _span(r.start, r.end, lang)
            lines.append(f"{off_label} {span}  {r.name}{_sp(lang)}{certain}")
        lines.append(ui("cli.calendar.maybe", lang, n=len(possible), year=year))
        for d, off, n in possible:
            may = "cli.calendar.may_off" if off else "cli.calendar.may_on"
            lines.append("  " + ui(may, lang, day=d, name=n))
        out["source_text"] = ui(
            "cli.calendar.statutory_source", lang, citation=statutory_rules(year).citation
        )
    else:
        out["source"] = "nothing is known of this year"
        out["source_text"] = ui("cli.calendar.nothing", lang)
    out["lines"] = lines
    return out


def _sp(lang: Lang) -> str:
    return " " if lang == "en" else ""


def _span(start: date, end: date, lang: Lang) -> str:
    return str(start) if start == end else ui("range.to", lang, first=start, last=end)


def _show(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    data = _days(args.year, lang)
    if args.format == "json":
        body = {k: v for k, v in data.items() if k not in ("lines", "source_text")}
        print_json(json_document(**body), indent=None)
        return 0
    state = ui(f"yearstate.{data['state']}", lang)
    source = data.get("source_text", data["source"])
    print(ui("cli.calendar.year", lang, year=data["year"], state=state, source=source))
    sep = ": " if lang == "en" else "："
    if "notice" in data:
        notice = data["notice"]
        label = ui("cli.calendar.notice", lang)
        print(f"  {label}{sep}{notice['title']} {notice['number']} {notice['published']}".rstrip())
        if notice["url"]:
            print(f"  {ui('cli.calendar.url', lang)}{sep}{notice['url']}")
    for amendment in data.get("amendments", []):
        print(f"  {ui('cli.calendar.amended', lang)}{sep}{amendment}")
    for line in data["lines"]:
        print(f"  {line}")
    return 0


def _status(args: argparse.Namespace) -> int:
    today = args.today or date.today()  # the one place the system date is read
    lang = lang_of(args)
    try:
        rows = coverage()
        status = notice_status(today)
    except ValidationError as exc:  # a damaged file in the data directory
        print(f"credit-disclosure calendar status: {error_text(exc, lang)}", file=sys.stderr)
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
        print(row.describe(lang))
    print(ui("cli.calendar.data_dir", lang, where=data_dir()))
    message = (status.message_zh or status.message) if lang == "zh" else status.message
    if status.level == "ok":
        print(message)
    else:
        print(ui("cli.warning", lang, message=message), file=sys.stderr)
    return 0
