"""``credit-disclosure ledger``: the unit's ledger (台账) in SQLite or PostgreSQL, and its reports.

Thin over :mod:`credit_disclosure.ledger` and :mod:`credit_disclosure.catalogue`:
``init`` creates or upgrades the database, ``import`` adds files of records (one
transaction each, the same file twice adds nothing), ``catalogue import`` the
事项目录, ``report`` computes a report (and keeps it with ``--save``), ``status``
says what the ledger holds. ``--db`` takes a SQLAlchemy URL; the default is
``$CREDIT_DISCLOSURE_DB`` or the file ``credit-disclosure.sqlite3`` in the current
directory. Exit codes: 0 done, 1 an import had rows that break the standard
(they are stored, not accepted), 2 the command could not run.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import IO, Any

from .._atomic import atomic_output
from .._i18n import Lang, error_text, ui
from ..errors import CreditDisclosureError
from ..policy import PRESETS, get_preset
from ..standard import RecordKind, StandardVersion
from ._args import add_lang_argument, date_arg, lang_of
from ._output import add_text_json_argument, json_document, print_json
from .check import ProgressBar

__all__ = ["register", "run"]

_REPORTS = ("weekly", "quarter", "stats", "evaluation")


def register(subparsers: Any, lang: Lang) -> None:
    """Add the ``ledger`` subcommand to the CLI."""
    parser = subparsers.add_parser(
        "ledger",
        help=ui("help.ledger", lang),
        description=ui("help.ledger.about", lang),
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help=ui("help.ledger.db", lang),
    )
    add_lang_argument(parser, lang)
    sub = parser.add_subparsers(title=ui("help.ledger.commands", lang), metavar="ACTION")

    p = sub.add_parser("init", help=ui("help.ledger.init", lang))
    add_text_json_argument(p, lang, dest="output_format")
    add_lang_argument(p, lang)
    p.set_defaults(handler=run, action="init")

    p = sub.add_parser("import", help=ui("help.ledger.import", lang))
    p.add_argument("files", nargs="+", metavar="FILE", help=ui("help.stdin_dash", lang))
    p.add_argument("--kind", choices=[k.value for k in RecordKind], help=ui("help.ledger.kind", lang))
    p.add_argument(
        "--standard", choices=[v.value for v in StandardVersion], default="2018",
        help=ui("help.check.standard", lang),
    )
    p.add_argument("--as-of", type=date_arg, metavar="YYYY-MM-DD", help=ui("help.ledger.as_of", lang))
    p.add_argument("--published-col", metavar="COLUMN", help=ui("help.ledger.published_col", lang))
    p.add_argument("--mapping-col", metavar="COLUMN", help=ui("help.ledger.mapping_col", lang))
    add_text_json_argument(p, lang, dest="output_format")
    bar = p.add_mutually_exclusive_group()
    bar.add_argument(
        "--progress", dest="progress", action="store_true", default=None,
        help=ui("help.check.progress", lang),
    )
    bar.add_argument(
        "--no-progress", dest="progress", action="store_false", help=ui("help.check.no_progress", lang)
    )
    add_lang_argument(p, lang)
    p.set_defaults(handler=run, action="import")

    p = sub.add_parser("event", help=ui("help.ledger.event", lang))
    p.add_argument("file", metavar="FILE", help=ui("help.stdin_dash", lang))
    add_text_json_argument(p, lang, dest="output_format")
    add_lang_argument(p, lang)
    p.set_defaults(handler=run, action="event")

    p = sub.add_parser("catalogue", help=ui("help.ledger.catalogue", lang))
    add_lang_argument(p, lang)
    csub = p.add_subparsers(title=ui("help.ledger.catalogue.commands", lang), metavar="ACTION")
    cp = csub.add_parser("import", help=ui("help.ledger.catalogue.import", lang))
    cp.add_argument("file", metavar="FILE", help=ui("help.stdin_dash", lang))
    add_text_json_argument(cp, lang, dest="output_format")
    add_lang_argument(cp, lang)
    cp.set_defaults(handler=run, action="catalogue-import")
    cp = csub.add_parser("export", help=ui("help.ledger.catalogue.export", lang))
    cp.add_argument("file", metavar="FILE", help=ui("help.ledger.catalogue.file", lang))
    add_text_json_argument(cp, lang, dest="output_format")
    add_lang_argument(cp, lang)
    cp.set_defaults(handler=run, action="catalogue-export")

    p = sub.add_parser("report", help=ui("help.ledger.report", lang))
    p.add_argument("report", choices=_REPORTS, help=ui("help.ledger.report_kind", lang))
    p.add_argument("--unit", metavar="U", help=ui("help.ledger.unit", lang))
    p.add_argument("--as-of", type=date_arg, metavar="YYYY-MM-DD", help=ui("help.ledger.as_of", lang))
    p.add_argument(
        "--format", choices=("xlsx", "json"), default="json", dest="output_format",
        help=ui("help.ledger.report_format", lang),
    )
    p.add_argument("-o", "--output", metavar="FILE", help=ui("help.ledger.output", lang))
    p.add_argument("--save", action="store_true", help=ui("help.ledger.save", lang))
    p.add_argument(
        "--by",
        choices=("department", "county"),
        default="department",
        help=ui("help.ledger.by", lang),
    )
    p.add_argument(
        "--period", choices=("year", "quarter", "month"), default="year", help=ui("help.ledger.period", lang)
    )
    p.add_argument(
        "--preset",
        default="national",
        choices=sorted(PRESETS),
        help=ui("help.ledger.preset", lang),
    )
    add_lang_argument(p, lang)
    p.set_defaults(handler=run, action="report")

    p = sub.add_parser("status", help=ui("help.ledger.status", lang))
    add_text_json_argument(p, lang, dest="output_format")
    add_lang_argument(p, lang)
    p.set_defaults(handler=run, action="status")

    parser.set_defaults(handler=_usage(parser))


def _usage(parser: argparse.ArgumentParser) -> Any:
    def handler(_args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return 2

    return handler


def run(args: argparse.Namespace, *, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Run one ledger action; return the exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        from ..ledger import Ledger
    except CreditDisclosureError as exc:  # the extra is not installed
        err.write(f"credit-disclosure ledger: {error_text(exc, lang_of(args))}\n")
        return 2
    try:
        with Ledger(args.db) as ledger:
            return _ACTIONS[args.action](ledger, args, out, err)
    except (OSError, CreditDisclosureError, ValueError, LookupError) as exc:
        err.write(f"credit-disclosure ledger: {error_text(exc, lang_of(args))}\n")
        return 2


def _source(path: str) -> Any:
    """A file argument: ``-`` is standard input (read once, as bytes)."""
    return sys.stdin.buffer if path == "-" else path


def _json(out: IO[str], document: dict[str, Any]) -> None:
    print_json(document, file=out)


def _init(ledger: Any, args: argparse.Namespace, out: IO[str], _err: IO[str]) -> int:
    applied = ledger.init()
    version = ledger.schema_version()
    if args.output_format == "json":
        _json(out, json_document(migrations_applied=list(applied), schema_version=version))
    elif applied:
        steps = ", ".join(map(str, applied))
        out.write(ui("cli.ledger.migrated", lang_of(args), ledger=repr(ledger), steps=steps, version=version) + "\n")
    else:
        out.write(ui("cli.ledger.up_to_date", lang_of(args), ledger=repr(ledger), version=version) + "\n")
    return 0


def _import(ledger: Any, args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    show = args.progress if args.progress is not None else err.isatty()
    if args.files.count("-") > 1:
        err.write("credit-disclosure ledger import: '-' (standard input) can be given once\n")
        return 2
    status = 0
    results = []
    for path in args.files:
        delay = 0.0 if args.progress else 0.5
        bar = ProgressBar(err, delay=delay, lang=lang_of(args)) if show else None
        try:
            result = ledger.import_records(
                _source(path),
                kind=args.kind,
                version=args.standard,
                as_of=args.as_of,
                published_col=args.published_col,
                mapping_col=args.mapping_col,
                progress=bar,
            )
        finally:
            if bar is not None:
                bar.finish()
        results.append(result.summary())
        if result.rejected:
            status = 1
        if args.output_format == "text":
            lang = lang_of(args)
            if result.already_imported:
                line = ui("cli.ledger.already", lang, source=result.source, sha=result.sha256[:12])
            else:
                line = ui(
                    "cli.ledger.imported", lang, source=result.source, rows=result.rows,
                    added=result.added, changed=result.changed, unchanged=result.unchanged,
                    rejected=result.rejected,
                )
            out.write(line + "\n")
    if args.output_format == "json":
        as_of = args.as_of or date.today()
        _json(out, json_document(standard=args.standard, as_of=as_of, files=results))
    return status


def _event(ledger: Any, args: argparse.Namespace, out: IO[str], _err: IO[str]) -> int:
    r = ledger.import_events(_source(args.file))
    if args.output_format == "json":
        _json(out, json_document(**r.summary()))
    elif r.already_imported:
        out.write(ui("cli.ledger.events_already", lang_of(args), source=r.source) + "\n")
    else:
        out.write(
            ui(
                "cli.ledger.events", lang_of(args), source=r.source, rows=r.rows, added=r.added,
                duplicates=r.duplicates, unmatched=r.unmatched, ambiguous=r.ambiguous,
                rejected=r.rejected,
            )
            + "\n"
        )
        for issue in r.issues:
            out.write(f"  {ui('cli.row', lang_of(args), row=issue.row)}: {issue.code}\n")
    return 1 if r.rejected else 0


def _catalogue_import(ledger: Any, args: argparse.Namespace, out: IO[str], _err: IO[str]) -> int:
    r = ledger.import_catalogue(_source(args.file))
    if args.output_format == "json":
        _json(
            out,
            json_document(
                source=r.source,
                already_imported=r.already_imported,
                added=r.added,
                changed=r.changed,
                retired=r.retired,
                unchanged=r.unchanged,
            ),
        )
    elif r.already_imported:
        out.write(ui("cli.ledger.catalogue_already", lang_of(args), source=r.source) + "\n")
    else:
        out.write(
            ui(
                "cli.ledger.catalogue", lang_of(args), source=r.source, added=r.added,
                changed=r.changed, retired=r.retired, unchanged=r.unchanged,
            )
            + "\n"
        )
    return 0


def _catalogue_export(ledger: Any, args: argparse.Namespace, out: IO[str], _err: IO[str]) -> int:
    from ..catalogue import write_catalogue

    fmt = "csv" if str(args.file).lower().endswith(".csv") else "xlsx"
    catalogue = ledger.catalogue()
    write_catalogue(catalogue, args.file, format=fmt)
    if args.output_format == "json":
        _json(out, json_document(file=str(args.file), items=len(catalogue)))
    else:
        out.write(ui("cli.ledger.items", lang_of(args), file=args.file, n=len(catalogue)) + "\n")
    return 0


def _report(ledger: Any, args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .. import ledger as lib

    as_of: date = args.as_of or date.today()
    if args.report == "stats":
        report = lib.stats_report(
            ledger, unit=args.unit, as_of=as_of, by=args.by, period=args.period
        )
    elif args.report == "quarter":
        report = lib.quarter_report(
            ledger, unit=args.unit, as_of=as_of, policy=get_preset(args.preset)
        )
    else:
        make = getattr(lib, f"{args.report}_report")
        report = make(ledger, unit=args.unit, as_of=as_of)
    if args.save:
        report_id = ledger.save_report(
            report.kind,
            report.payload(),
            unit=report.unit,
            period_start=report.period_start,
            period_end=report.period_end,
            as_of=report.as_of,
        )
        err.write(ui("cli.ledger.kept", lang_of(args), id=report_id) + "\n")
    if args.output_format == "xlsx":
        if not args.output:
            err.write(f"credit-disclosure ledger report: {ui('cli.ledger.need_o', lang_of(args))}\n")
            return 2
        report.write_xlsx(args.output)
        out.write(f"{args.output}: {report.title}\n")
        return 0
    # the tool's envelope first; the report's own members (its as_of among them) follow
    text = json.dumps(
        {**json_document(as_of=as_of), **json.loads(report.to_json())}, ensure_ascii=False, indent=2
    ) + "\n"
    if args.output:
        with atomic_output(args.output, encoding="utf-8") as fp:
            fp.write(text)
        out.write(f"{args.output}: {report.title}\n")
    else:
        out.write(text)
    return 0


def _status(ledger: Any, args: argparse.Namespace, out: IO[str], _err: IO[str]) -> int:
    s = ledger.status()
    if args.output_format == "json":
        _json(out, json_document(**s.as_dict()))
        return 0
    lang = lang_of(args)
    sep, none = ui("list.sep", lang), ui("deadline.nothing", lang)
    records = sep.join(f"{k} {v}" for k, v in sorted(s.records.items())) or none
    events = sep.join(f"{k} {v}" for k, v in sorted(s.events.items())) or none
    out.write(
        ui(
            "cli.ledger.status", lang, url=s.url, version=s.schema_version,
            latest=s.latest_version, sources=s.sources, records=records, accepted=s.accepted,
            events=events, items=s.catalogue_items, reports=s.reports, units=len(s.units),
        )
        + "\n"
    )
    return 0


_ACTIONS = {
    "init": _init,
    "import": _import,
    "event": _event,
    "catalogue-import": _catalogue_import,
    "catalogue-export": _catalogue_export,
    "report": _report,
    "status": _status,
}
