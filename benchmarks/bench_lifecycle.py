"""``status`` of many records with events, side by side with ``check`` of the same records.

Issue 14 asks that the status of 1,000,000 records with events runs in one
pass within twice the time of checking them: the ratio ours/peer (rates) must
be at least 0.5. Ours reads RECORDS (the standard's fields plus ``tier`` and
``procedure`` columns) with :func:`~credit_disclosure.lifecycle.records_from_file`,
reads an EVENTS file of about one event per record
(:func:`~credit_disclosure.lifecycle.read_events`), matches them by key and
gives every record's state and actions under the national rules
(:func:`~credit_disclosure.lifecycle.iter_statuses`, streamed and summarised).
The peer is :func:`credit_disclosure.io.check_file` on the same RECORDS file.

Files are synthetic (``credit_disclosure.samples``), generated once and cached
under ``benchmarks/_data/`` (git-ignored). Full mode uses 200,000 records (the
two-core machine shared by the session does not leave room for 1,000,000 in
memory next to the others' runs; ``LIFECYCLE_BENCH_ROWS=1000000`` asks for it);
quick mode 2,000.
"""

from __future__ import annotations

import csv
import os
import random
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from benchmarks._harness import Case, Findings
from credit_disclosure.errors import CreditDisclosureError
from credit_disclosure.io import check_file
from credit_disclosure.lifecycle import Lifecycle, iter_statuses, read_events, records_from_file
from credit_disclosure.policy import NATIONAL, PenaltyFacts
from credit_disclosure.samples import generate_records
from credit_disclosure.standard import RecordKind

DATA = Path(__file__).parent / "_data"
AS_OF = date(2026, 11, 30)
_TIERS = ("一般",) * 7 + ("严重",) * 2 + ("轻微",)
COMPANY = "法人及非法人组织"


def lifecycle_files(n: int) -> tuple[Path, Path]:
    """The cached RECORDS and EVENTS CSV files for ``n`` penalty records, made when missing."""
    records = DATA / f"lifecycle_records_{n}.csv"
    events = DATA / f"lifecycle_events_{n}.csv"
    if records.exists() and events.exists():
        return records, events
    DATA.mkdir(exist_ok=True)
    rng = random.Random(14)
    header: list[str] | None = None
    with open(records, "w", encoding="utf-8", newline="") as rf, open(
        events, "w", encoding="utf-8", newline=""
    ) as ef:
        rw, ew = csv.writer(rf), csv.writer(ef)
        ew.writerow(["key", "event", "date", "outcome"])
        for sample in generate_records(RecordKind.PENALTY, n, seed=14_000):
            values = dict(sample.values)
            if header is None:
                header = list(values)
                rw.writerow([*header, "tier", "procedure"])
            tier = rng.choice(_TIERS)
            key = f"{values.get('CF_CFJGDM', '')}|{values.get('CF_WSH', '')}"
            try:
                decided = date(*map(int, str(values.get("CF_JDRQ", "")).split("/")))
                term = NATIONAL.term(
                    PenaltyFacts(decision_date=decided, subject=COMPANY, tier=tier)
                )
            except (TypeError, ValueError, CreditDisclosureError):
                rw.writerow([*(values.get(h, "") for h in header), tier, "普通"])
                continue
            if term.last_day_shown is not None and rng.random() < 0.95:
                # 公示截止期 as the policy computes it; 5 % disagree (record.publication_end)
                values["CF_GSJZQ"] = term.last_day_shown.strftime("%Y/%m/%d")
            rw.writerow([*(values.get(h, "") for h in header), tier, "普通"])
            roll = rng.random()
            if roll < 0.85:  # most are published within a few days
                published = decided + timedelta(days=rng.randint(1, 12))
                ew.writerow([key, "published", published.isoformat(), ""])
                if roll < 0.05:
                    filed = published + timedelta(days=rng.randint(5, 60))
                    ew.writerow([key, "objection_filed", filed.isoformat(), ""])
                    if roll < 0.03:
                        done = filed + timedelta(days=rng.randint(5, 40))
                        ew.writerow([key, "objection_resolved", done.isoformat(), "maintained"])
                elif roll < 0.07:
                    revoked = published + timedelta(days=rng.randint(10, 90))
                    ew.writerow([key, "revoked", revoked.isoformat(), ""])
                elif roll < 0.10:
                    applied = published + timedelta(days=rng.randint(100, 200))
                    ew.writerow([key, "repair_applied", applied.isoformat(), ""])
    return records, events


def run_status(records: Path, events: Path) -> Counter[str]:
    """The whole ``status`` pass: read both files, match, state of each record, summary."""
    record_set = records_from_file(records, as_of=AS_OF)
    log = read_events(events)
    life = Lifecycle(NATIONAL)
    states: Counter[str] = Counter()
    for status in iter_statuses(record_set.records, log, life=life, on=AS_OF):
        states[status.state.value] += 1
    return states


def cases(quick: bool) -> list[Case]:
    n = 2_000 if quick else int(os.environ.get("LIFECYCLE_BENCH_ROWS", "200000"))
    findings = Findings()
    state: dict[str, Path] = {}

    def prepare() -> None:
        started = time.perf_counter()
        records, events = lifecycle_files(n)
        state["records"], state["events"] = records, events
        made = time.perf_counter() - started
        states = run_status(records, events)
        with open(events, encoding="utf-8") as fp:
            n_events = sum(1 for _ in fp) - 1
        findings.text = (
            f"{n:,} records, {n_events:,} events (files ready in {made:.0f}s); states "
            + ", ".join(f"{k} {v:,}" for k, v in sorted(states.items()))
        )

    def ours() -> None:
        if "records" not in state:  # the untimed warm-up call
            prepare()
            return
        run_status(state["records"], state["events"])

    def peer() -> None:
        if "records" not in state:
            prepare()
            return
        check_file(state["records"], as_of=AS_OF).close()

    return [
        Case(
            name=f"status of {n:,} records with events (national rules)",
            items=n,
            ours=ours,
            peer_name="check_file of the same records",
            peer=peer,
            target=0.5,
            note=findings,  # type: ignore[arg-type]  # a str-like filled in by the warm-up
        )
    ]


if __name__ == "__main__":  # pragma: no cover - convenience: python benchmarks/bench_lifecycle.py
    for case in cases("--quick" in sys.argv):
        case.ours()
        for name, func in (("status", case.ours), ("check", case.peer)):
            assert func is not None
            start = time.perf_counter()
            func()
            print(name, f"{case.items / (time.perf_counter() - start):,.0f} rec/s")
        print(case.note)
