"""``credit-disclosure term`` and ``credit-disclosure repair``: explained policy answers.

Thin over :mod:`credit_disclosure.policy`; no rule is decided here. Facts the
command line does not get are left unstated, and the answer says what it
lacked.
"""

from __future__ import annotations

import argparse
import enum
import sys
from collections.abc import Callable
from datetime import date

import attrs

from .. import _wire
from .._i18n import error_text, ui
from .._text import to_halfwidth
from ..errors import PolicyError
from ..policy import PRESETS, PenaltyFacts, Policy, Procedure, Tier, get_preset, load_policy
from ..standard import PenaltyType, RecordKind, SubjectCategory, parse_penalty_categories
from ..workdays import WorkdayCalendar, default_calendar
from ._args import add_lang_argument, date_arg, lang_of
from ._output import json_document, print_json


def _choice(kind: type[enum.Enum], what: str) -> object:
    """Parse an enum argument by its name in kebab case (``natural-person``) or its value."""
    table: dict[str, object] = {m.name.lower().replace("_", "-"): m for m in kind}
    table.update({m.value: m for m in kind})

    def parse(text: str) -> object:
        try:
            return table[to_halfwidth(text).strip().lower()]
        except KeyError:
            names = ", ".join(k for k in table if k.isascii())
            raise argparse.ArgumentTypeError(f"unknown {what} {text!r}; use {names}") from None

    return parse


def _types(text: str) -> frozenset[PenaltyType]:
    """处罚类别 text, split like the data standard's field (``; ； , ， 、``)."""
    parsed = parse_penalty_categories(text)
    if parsed.unknown or not parsed.types:
        names = "、".join(t.value for t in PenaltyType)
        unknown = ", ".join(parsed.unknown) or repr(text)
        raise argparse.ArgumentTypeError(f"not a penalty type: {unknown}; use {names}")
    return frozenset(parsed.types)


def _common(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--preset",
        default="national",
        help=f"preset policy (default: national): {', '.join(sorted(PRESETS))}",
    )
    where.add_argument("--policy-file", metavar="FILE", help="a policy JSON file of your own")
    parser.add_argument(
        "--decided", type=date_arg, required=True, metavar="DATE", help="decision date (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--subject",
        type=_choice(SubjectCategory, "subject"),  # type: ignore[arg-type]
        default=SubjectCategory.LEGAL_PERSON,
        help="legal-person (default), natural-person or individual-business",
    )
    parser.add_argument("--licence", action="store_true", help="the record is a licence")
    parser.add_argument(
        "--tier",
        type=_choice(Tier, "tier"),  # type: ignore[arg-type]
        help="minor, general, serious or special-serious (轻微/一般/严重/特定严重)",
    )
    parser.add_argument(
        "--procedure",
        type=_choice(Procedure, "procedure"),  # type: ignore[arg-type]
        help="simple or ordinary (简易程序/普通程序)",
    )
    parser.add_argument("--sector", help="sector, e.g. 消防 or 食品药品")
    parser.add_argument(
        "--types",
        type=_types,
        default=frozenset(),
        metavar="TYPES",
        help="penalty types (处罚类别), e.g. 罚款、没收违法所得",
    )
    parser.add_argument("--fine", metavar="WAN", help="fine in 万元 (10,000 yuan), e.g. 0.2")
    parser.add_argument(
        "--restriction-months",
        type=int,
        metavar="N",
        help="length of a 限制从业 / 限制开展生产经营活动 ban (SAMR 令第45号)",
    )
    parser.add_argument(
        "--published", type=date_arg, metavar="DATE", help="the day it was published"
    )
    parser.add_argument(
        "--revoked",
        type=date_arg,
        metavar="DATE",
        help="the day the platform was told of a revocation",
    )
    parser.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help="text (default) or json (the HTTP service's answer shapes, with the tool version)",
    )
    parser.add_argument(
        "--provisional",
        action="store_true",
        help="treat years without a holiday schedule as weekends-only (deadlines marked)",
    )
    add_lang_argument(parser)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``term`` and ``repair`` subcommands."""
    term = subparsers.add_parser(
        "term",
        help="publication, display term and withdrawal of a penalty under a policy",
        description=(
            "Say whether a record is published and by when, its first and last day shown and "
            "its minimum term, each with the rule that decided; with --on, whether it is shown "
            "that day."
        ),
    )
    _common(term)
    term.add_argument(
        "--on", type=date_arg, metavar="DATE", help="say whether the record is shown on this day"
    )
    term.set_defaults(handler=run_term)

    repair = subparsers.add_parser(
        "repair",
        help="whether a credit-repair application can succeed, and from when",
        description=(
            "Evaluate every repair condition in force on the application date, with its rule, "
            "and print the earliest date an application can succeed."
        ),
    )
    _common(repair)
    repair.add_argument(
        "--applied", type=date_arg, required=True, metavar="DATE", help="application date"
    )
    for flag, text in (
        ("--performed", "the penalty has been performed"),
        ("--corrected", "the violation has been corrected"),
        ("--commitment", "a public credit commitment is made"),
        ("--consent", "the deciding body consents in writing (长治)"),
    ):
        repair.add_argument(flag, action="store_true", default=None, help=text)
    repair.add_argument(
        "--previous-repair",
        type=date_arg,
        action="append",
        default=[],
        metavar="DATE",
        help="the day an earlier repair took effect (repeatable)",
    )
    repair.add_argument(
        "--previous-serious",
        type=date_arg,
        action="append",
        default=[],
        metavar="DATE",
        help="the decision date of an earlier serious penalty (repeatable)",
    )
    repair.set_defaults(handler=run_repair)


def _policy(args: argparse.Namespace) -> Policy:
    if args.policy_file:
        return load_policy(args.policy_file)
    return get_preset(args.preset)


def _facts(args: argparse.Namespace, **extra: object) -> PenaltyFacts:
    return PenaltyFacts(
        decision_date=args.decided,
        subject=args.subject,
        kind=RecordKind.LICENSE if args.licence else RecordKind.PENALTY,
        tier=args.tier,
        procedure=args.procedure,
        sector=args.sector,
        penalty_types=args.types,
        fine_wan=args.fine,
        restriction_months=args.restriction_months,
        published_on=args.published,
        revoked_on=args.revoked,
        **extra,  # type: ignore[arg-type]
    )


def run_term(args: argparse.Namespace) -> int:
    """Handle ``credit-disclosure term``; return the exit code (2 when a part cannot be decided).

    Each part (publication, term, display, withdrawal) is answered on its own,
    so a fact the publication rules need does not hide the term.
    """
    calendar = default_calendar(provisional=args.provisional)
    lang = lang_of(args)
    try:
        policy = _policy(args)
        facts = _facts(args)
    except PolicyError as exc:
        print(f"credit-disclosure term: {error_text(exc, lang)}", file=sys.stderr)
        return 2
    if args.format == "json":
        return _term_json(args, policy, facts, calendar)
    print(ui("cli.policy.head", lang, name=policy.name, title=policy.title))
    failed = False
    parts: list[tuple[str, Callable[[], str]]] = [
        ("publication", lambda: policy.publication(facts, calendar=calendar).explain(lang)),
        ("term", lambda: policy.term(facts).explain(lang)),
    ]
    if args.on is not None:
        on: date = args.on
        parts.append(("display", lambda: policy.is_displayed(facts, on=on).explain(lang)))
    if args.revoked is not None:
        parts.append(
            ("withdrawal", lambda: policy.withdrawal(facts, calendar=calendar).explain(lang))
        )
    for name, answer in parts:
        try:
            print(answer())
        except PolicyError as exc:
            failed = True
            part = ui(f"cli.policy.part.{name}", lang)
            print(ui("cli.policy.cannot", lang, part=part, error=error_text(exc, lang)))
    return 2 if failed else 0


def run_repair(args: argparse.Namespace) -> int:
    """Handle ``credit-disclosure repair``; return the exit code (0 eligible, 1 not)."""
    try:
        policy = _policy(args)
        facts = _facts(
            args,
            performed=args.performed,
            corrected=args.corrected,
            commitment=args.commitment,
            authority_consent=args.consent,
            previous_repairs=tuple(args.previous_repair),
            previous_serious_penalties=tuple(args.previous_serious),
        )
        calendar = default_calendar(provisional=args.provisional)
        answer = policy.repair(facts, applied_on=args.applied, calendar=calendar)
    except PolicyError as exc:
        print(f"credit-disclosure repair: {error_text(exc, lang_of(args))}", file=sys.stderr)
        return 2
    if args.format == "json":
        _print_json(
            {**_json_head(policy, args), "repair": attrs.asdict(_wire.repair_answer(answer))}
        )
        return 0 if answer.eligible else 1
    print(ui("cli.policy.head", lang_of(args), name=policy.name, title=policy.title))
    print(answer.explain(lang_of(args)))
    return 0 if answer.eligible else 1


def _json_head(policy: Policy, args: argparse.Namespace) -> dict[str, object]:
    return json_document(
        as_of=getattr(args, "on", None) or getattr(args, "applied", None),
        policy=policy.name,
        decision_date=args.decided,
    )


def _print_json(document: dict[str, object]) -> None:
    print_json(document)


def _term_json(
    args: argparse.Namespace, policy: Policy, facts: PenaltyFacts, calendar: WorkdayCalendar
) -> int:
    """``term --format json``: every part answered on its own; a part that cannot be decided
    carries its problem (code, messages) instead, and the exit code is 2."""
    document: dict[str, object] = _json_head(policy, args)
    failed = False

    def part(name: str, answer: Callable[[], object]) -> None:
        nonlocal failed
        try:
            document[name] = attrs.asdict(answer())  # type: ignore[arg-type]
        except PolicyError as exc:
            failed = True
            document[name] = {"problem": attrs.asdict(_wire.problem_for(exc))}

    part("publication", lambda: _wire.publication_answer(policy.publication(facts, calendar=calendar)))

    def term() -> object:
        on: date | None = args.on
        answer = policy.term(facts)
        shown = None if on is None else policy.is_displayed(facts, on=on)
        return _wire.term_answer(answer, on=on, shown=shown)

    part("term", term)
    _print_json(document)
    return 2 if failed else 0
