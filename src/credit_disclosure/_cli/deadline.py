"""``credit-disclosure deadline``: a due date under a named rule, and why.

Thin over :mod:`credit_disclosure.deadlines`; no rule is decided here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from .._i18n import Lang, error_text, ljust, ui
from ..deadlines import (
    RULES,
    Deadline,
    DeadlineRule,
    Verdict,
    bounded_deadline,
    check_timeliness,
    check_timeliness_bounded,
    get_rule,
    load_rules,
)
from ..errors import CalendarDataMissing, PolicyError, ValidationError
from ..workdays import DayOverride, default_bounds, default_calendar
from ._args import add_lang_argument, date_arg, lang_of
from ._output import json_document, print_json


def _override(workday: bool) -> Callable[[str], DayOverride]:
    def parse(text: str) -> DayOverride:
        day, _, name = text.partition("=")
        return DayOverride(
            date_arg(day), workday=workday, name=name.strip() or "local", source="command line"
        )

    return parse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    """Add the ``deadline`` subcommand."""
    parser = subparsers.add_parser(
        "deadline",
        help=ui("help.deadline", lang),
        description=ui("help.deadline.about", lang),
    )
    parser.add_argument(
        "start", nargs="?", type=date_arg, help=ui("help.deadline.start", lang)
    )
    parser.add_argument(
        "--rule", default="publication", help=ui("help.deadline.rule", lang)
    )
    parser.add_argument("--published", type=date_arg, help=ui("help.deadline.published", lang))
    parser.add_argument(
        "--schedule",
        action="append",
        default=[],
        metavar="FILE",
        help=ui("help.deadline.schedule", lang),
    )
    for flag, working, what in (
        ("--local-holiday", False, "help.deadline.local_holiday"),
        ("--local-workday", True, "help.deadline.local_workday"),
    ):
        parser.add_argument(
            flag,
            action="append",
            default=[],
            type=_override(working),
            metavar="DATE[=NAME]",
            help=ui(what, lang),
        )
    parser.add_argument(
        "--provisional",
        action="store_true",
        help=ui("help.deadline.provisional", lang),
    )
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE",
        help=ui("help.deadline.rules", lang),
    )
    parser.add_argument(
        "--list", action="store_true", help=ui("help.deadline.list", lang)
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=ui("help.deadline.format", lang),
    )
    add_lang_argument(parser, lang)
    parser.set_defaults(handler=run)


def _rules(paths: list[str]) -> dict[str, DeadlineRule]:
    table = dict(RULES)
    for path in paths:
        table.update(load_rules(path))
    return table


def run(args: argparse.Namespace) -> int:
    """Handle ``credit-disclosure deadline``; return the exit code."""
    lang = lang_of(args)
    try:
        table = _rules(args.rules)
        if args.list:
            for rule in table.values():
                period = rule.period.describe(lang)
                print(f"{rule.name:<28} {ljust(period, 18)} {rule.citation}")
            return 0
        if args.start is None:
            need = ui("cli.deadline.need_start", lang)
            print(f"credit-disclosure deadline: {need}", file=sys.stderr)
            return 2
        rule = get_rule(args.rule, table)
        calendar = default_calendar(provisional=args.provisional)
        if args.schedule:
            calendar = calendar.with_schedule(*args.schedule)
        if args.local_holiday or args.local_workday:
            calendar = calendar.with_overrides(*args.local_holiday, *args.local_workday)
        if args.provisional:  # the user asked for the old single estimate
            if args.published is None:
                deadline = rule.due(args.start, calendar=calendar)
                _emit(args, deadline.explain(lang), _provisional_dict(deadline))
                return 0
            result = check_timeliness(args.start, args.published, rule=rule, calendar=calendar)
            _emit(args, result.explain(lang), _provisional_dict(result.deadline, result.on_time))
            return 0 if result.on_time else 1
        bounds = default_bounds(calendar)
        if args.published is None:
            bounded = bounded_deadline(args.start, rule=rule, bounds=bounds)
            _emit(args, bounded.explain(lang), bounded.to_dict())
            return 0
        verdict = check_timeliness_bounded(args.start, args.published, rule=rule, bounds=bounds)
    except CalendarDataMissing as exc:
        print(
            f"credit-disclosure deadline: {error_text(exc, lang)}\n"
            f"  {ui('cli.deadline.schedule_hint', lang, year=exc.year)}",
            file=sys.stderr,
        )
        return 2
    except KeyError as exc:
        print(f"credit-disclosure deadline: {error_text(exc, lang)}", file=sys.stderr)
        return 2
    except (PolicyError, ValidationError, OSError) as exc:
        print(f"credit-disclosure deadline: {error_text(exc, lang)}", file=sys.stderr)
        return 2
    _emit(args, verdict.explain(lang), verdict.to_dict())
    return 1 if verdict.verdict is Verdict.LATE else 0


def _emit(args: argparse.Namespace, text: str, data: dict[str, Any]) -> None:
    if args.format == "json":
        print_json(json_document(**data), indent=None)
    else:
        print(text)


def _provisional_dict(deadline: Deadline, on_time: bool | None = None) -> dict[str, Any]:
    """The JSON of a provisional answer: one estimate, never certain when provisional."""
    due = deadline.due.isoformat()
    out: dict[str, Any] = {
        "rule": deadline.rule.name,
        "citation": deadline.rule.citation,
        "start": deadline.start.isoformat(),
        "due": None if deadline.provisional else due,
        "earliest": due,
        "latest": due,
        "estimate": due,
        "certain": not deadline.provisional,
        "provisional": deadline.provisional,
    }
    if on_time is not None:
        out["verdict"] = "on_time" if on_time else "late"
    return out
