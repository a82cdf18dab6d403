"""``credit-disclosure deadline``: a due date under a named rule, and why.

Thin over :mod:`credit_disclosure.deadlines`; no rule is decided here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from ..deadlines import RULES, DeadlineRule, check_timeliness, get_rule, load_rules
from ..errors import CalendarDataMissing, PolicyError, ValidationError
from ..workdays import DayOverride, default_calendar
from ._args import date_arg


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
            "days counted and skipped. With --published, say whether it was done on time "
            "(exit 1 when late)."
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
    parser.set_defaults(handler=run)


def _rules(paths: list[str]) -> dict[str, DeadlineRule]:
    table = dict(RULES)
    for path in paths:
        table.update(load_rules(path))
    return table


def run(args: argparse.Namespace) -> int:
    """Handle ``credit-disclosure deadline``; return the exit code."""
    try:
        table = _rules(args.rules)
        if args.list:
            for rule in table.values():
                print(f"{rule.name:<28} {rule.period!s:<18} {rule.citation}")
            return 0
        if args.start is None:
            print("credit-disclosure deadline: a START date is needed (or --list)", file=sys.stderr)
            return 2
        rule = get_rule(args.rule, table)
        calendar = default_calendar(provisional=args.provisional)
        if args.schedule:
            calendar = calendar.with_schedule(*args.schedule)
        if args.local_holiday or args.local_workday:
            calendar = calendar.with_overrides(*args.local_holiday, *args.local_workday)
        if args.published is None:
            print(rule.due(args.start, calendar=calendar).explain())
            return 0
        result = check_timeliness(args.start, args.published, rule=rule, calendar=calendar)
    except CalendarDataMissing as exc:
        print(
            f"credit-disclosure deadline: {exc}\n"
            f"  on the command line: --schedule FILE with the {exc.year} notice, or --provisional",
            file=sys.stderr,
        )
        return 2
    except KeyError as exc:
        print(f"credit-disclosure deadline: {exc.args[0]}", file=sys.stderr)
        return 2
    except (PolicyError, ValidationError, OSError) as exc:
        print(f"credit-disclosure deadline: {exc}", file=sys.stderr)
        return 2
    print(result.explain())
    return 0 if result.on_time else 1
