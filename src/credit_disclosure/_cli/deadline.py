"""``credit-disclosure deadline``: a due date under a named rule, and why.

Thin over :mod:`credit_disclosure.deadlines`; no rule is decided here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from .._i18n import error_text, ljust, ui
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


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``deadline`` subcommand."""
    parser = subparsers.add_parser(
        "deadline",
        help="compute a working-day deadline (e.g. publication within 7 working days)",
        description=(
            "Print the due date of a duty that starts on START under a named rule, with the "
            "days counted and skipped. In a year whose holiday notice is not out yet "
            "(statutory-only), print the earliest and latest possible due dates and the "
            "statutory-only estimate. With --published, say whether it was done on time: "
            "exit 0 on time or undetermined (until the notice), 1 late."
        ),
    )
    parser.add_argument(
        "start", nargs="?", type=date_arg, help="start date, e.g. the decision date"
    )
    parser.add_argument(
        "--rule", default="publication", help="rule name (default: publication); see --list"
    )
    parser.add_argument("--published", type=date_arg, help="the day it was done (published)")
    parser.add_argument(
        "--schedule",
        action="append",
        default=[],
        metavar="FILE",
        help="a year's holiday notice as .json or .toml (repeatable)",
    )
    for flag, working, what in (
        ("--local-holiday", False, "an extra local day off"),
        ("--local-workday", True, "an extra local working day"),
    ):
        parser.add_argument(
            flag,
            action="append",
            default=[],
            type=_override(working),
            metavar="DATE[=NAME]",
            help=f"{what}, e.g. 2026-04-20=三月三 (repeatable)",
        )
    parser.add_argument(
        "--provisional",
        action="store_true",
        help="treat years without a schedule as their statutory holidays and weekends "
        "(results marked provisional)",
    )
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE",
        help="your own rules as .json or .toml ([[rules]] tables; repeatable); "
        "a rule with a built-in name replaces it",
    )
    parser.add_argument(
        "--list", action="store_true", help="list the rules (built-in and --rules) and exit"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default: the explanation) or json (one object: rule, start, due, "
        "earliest, latest, estimate, certain, years, and with --published the verdict)",
    )
    add_lang_argument(parser)
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
