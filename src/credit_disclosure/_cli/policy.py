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
from .._i18n import Lang, error_text, ui
from .._text import to_halfwidth
from ..errors import PolicyError
from ..policy import PRESETS, PenaltyFacts, Policy, Procedure, Tier, get_preset, load_policy
from ..standard import PenaltyType, RecordKind, SubjectCategory, parse_penalty_categories
from ..workdays import WorkdayCalendar, default_calendar
from ._args import add_lang_argument, date_arg, lang_of
from ._output import answer_body, json_document, print_json


def _choice(kind: type[enum.Enum], what: str) -> object:
    """Parse an enum argument by its name in kebab case (``natural-person``) or its value."""
    table: dict[str, object] = {m.name.lower().replace("_", "-"): m for m in kind}
    table.update({m.value: m for m in kind})

    def parse(text: str) -> object:
        try:
            return table[to_halfwidth(text).strip().lower()]
        except KeyError:
            names = ", ".join(k for k in table if k.isascii())
            raise argparse.ArgumentTypeError(
                ui("usage.unknown_name", "en", what=what, value=repr(text), names=names)
            ) from None

    return parse


def _types(text: str) -> frozenset[PenaltyType]:
    """处罚类别 text, split like the data standard's field (``; ； , ， 、``)."""
    parsed = parse_penalty_categories(text)
    if parsed.unknown or not parsed.types:
        names = "、".join(t.value for t in PenaltyType)
        unknown = ", ".join(parsed.unknown) or repr(text)
        raise argparse.ArgumentTypeError(ui("usage.not_penalty_type", "en", value=unknown, names=names))
    return frozenset(parsed.types)


def _common(parser: argparse.ArgumentParser, lang: Lang) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--preset",
        default="national",
        help=ui("help.policy.preset", lang, presets=", ".join(sorted(PRESETS))),
    )
    where.add_argument("--policy-file", metavar="FILE", help=ui("help.policy.policy_file", lang))
    parser.add_argument(
        "--decided", type=date_arg, required=True, metavar="DATE", help=ui("help.policy.decided", lang)
    )
    parser.add_argument(
        "--subject",
        type=_choice(SubjectCategory, "subject"),  # type: ignore[arg-type]
        default=SubjectCategory.LEGAL_PERSON,
        help=ui("help.policy.subject", lang),
    )
    parser.add_argument("--licence", action="store_true", help=ui("help.policy.licence", lang))
    parser.add_argument(
        "--tier",
        type=_choice(Tier, "tier"),  # type: ignore[arg-type]
        help=ui("help.policy.tier", lang),
    )
    parser.add_argument(
        "--procedure",
        type=_choice(Procedure, "procedure"),  # type: ignore[arg-type]
        help=ui("help.policy.procedure", lang),
    )
    parser.add_argument("--sector", help=ui("help.policy.sector", lang))
    parser.add_argument(
        "--types",
        type=_types,
        default=frozenset(),
        metavar="TYPES",
        help=ui("help.policy.types", lang),
    )
    parser.add_argument("--fine", metavar="WAN", help=ui("help.policy.fine", lang))
    parser.add_argument(
        "--restriction-months",
        type=int,
        metavar="N",
        help=ui("help.policy.restriction_months", lang),
    )
    parser.add_argument(
        "--published", type=date_arg, metavar="DATE", help=ui("help.policy.published", lang)
    )
    parser.add_argument(
        "--revoked",
        type=date_arg,
        metavar="DATE",
        help=ui("help.policy.revoked", lang),
    )
    parser.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help=ui("help.policy.format", lang),
    )
    parser.add_argument(
        "--provisional",
        action="store_true",
        help=ui("help.policy.provisional", lang),
    )
    add_lang_argument(parser, lang)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    """Add the ``term`` and ``repair`` subcommands."""
    term = subparsers.add_parser(
        "term",
        help=ui("help.policy.term", lang),
        description=ui("help.policy.term.about", lang),
    )
    _common(term, lang)
    term.add_argument(
        "--on", type=date_arg, metavar="DATE", help=ui("help.policy.on", lang)
    )
    term.set_defaults(handler=run_term)

    repair = subparsers.add_parser(
        "repair",
        help=ui("help.policy.repair", lang),
        description=ui("help.policy.repair.about", lang),
    )
    _common(repair, lang)
    repair.add_argument(
        "--applied", type=date_arg, required=True, metavar="DATE", help=ui("help.policy.applied", lang)
    )
    for flag, text in (
        ("--performed", "help.policy.performed"),
        ("--corrected", "help.policy.corrected"),
        ("--commitment", "help.policy.commitment"),
        ("--consent", "help.policy.consent"),
    ):
        repair.add_argument(flag, action="store_true", default=None, help=ui(text, lang))
    repair.add_argument(
        "--previous-repair",
        type=date_arg,
        action="append",
        default=[],
        metavar="DATE",
        help=ui("help.policy.previous_repair", lang),
    )
    repair.add_argument(
        "--previous-serious",
        type=date_arg,
        action="append",
        default=[],
        metavar="DATE",
        help=ui("help.policy.previous_serious", lang),
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
            {**_json_head(policy, args), "repair": answer_body(_wire.repair_answer(answer))}
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
            document[name] = answer_body(answer())
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
