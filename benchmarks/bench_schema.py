"""The check of a file against frictionless validating the same file with our Table Schema.

Issue 18 asks for frictionless in the table as a peer: the general tool a data team
would reach for, given the Table Schema the project exports
(``credit_disclosure.schema.table_schema``, ``credit-disclosure schema --format
tableschema``). Both sides read the same penalty CSV of ``bench_check`` (1 % of the
rows with a planted fault) from the file in every round:

- ours: ``check_file`` (the whole standard: identifiers' check characters, cross-field
  rules, dates against ``as_of``; the columnar fast path when pyarrow is installed);
- peer: ``frictionless.validate`` of a ``Resource`` with that Table Schema, every error
  kept (``limit_errors`` above the row count), which checks what a Table Schema can
  say: types, required fields, lengths, enumerations and patterns. It is less work than
  ours, not more.

100,000 rows in full mode (frictionless reads a few thousand rows a second), 5,000 in
quick mode.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from benchmarks._harness import Case

AS_OF = date(2026, 1, 1)


def cases(quick: bool) -> list[Case]:
    n = 5_000 if quick else 100_000
    state: dict[str, Any] = {}

    def path() -> Any:
        if "path" not in state:
            from benchmarks.bench_check import penalty_file

            state["path"] = penalty_file(n)
        return state["path"]

    def ours() -> None:
        from credit_disclosure.io import check_file

        check_file(path(), as_of=AS_OF).close()

    try:
        import frictionless
    except ImportError as exc:
        return [
            Case(
                name="check_file vs frictionless with the exported Table Schema",
                items=n,
                ours=ours,
                peer_name="frictionless.validate",
                peer_missing=f"frictionless not installed ({exc.name})",
            )
        ]

    from credit_disclosure.schema import table_schema
    from credit_disclosure.standard import RecordKind

    schema = frictionless.Schema.from_descriptor(table_schema(RecordKind.PENALTY))

    def peer() -> None:
        file = path()
        resource = frictionless.Resource(
            path=file.name, basepath=str(file.parent), encoding="utf-8-sig", schema=schema
        )
        report = frictionless.validate(resource, limit_errors=10 * n)
        state["errors"] = len(report.tasks[0].errors)

    def note() -> str:
        return (
            f"{n:,}-row penalty CSV read from the file by both; frictionless "
            f"{frictionless.__version__} found {state.get('errors', '?')} errors with "
            "table_schema('penalty') (types, required, lengths, code lists, patterns), "
            "ours the whole standard"
        )

    class _Note:
        def __str__(self) -> str:
            return note()

        def __format__(self, spec: str) -> str:
            return note()

    return [
        Case(
            name="check_file vs frictionless with the exported Table Schema",
            items=n,
            ours=ours,
            peer_name="frictionless.validate",
            peer=peer,
            note=_Note(),  # type: ignore[arg-type]
            rounds=3,
        )
    ]
