"""Typed usage of credit_disclosure.catalogue and .ledger, checked by ``mypy --strict`` (never executed)."""

from __future__ import annotations

import io
from datetime import date

from credit_disclosure.catalogue import (
    Catalogue,
    CatalogueItem,
    Coverage,
    DisclosureScope,
    ItemSubject,
    Match,
    Matcher,
    coverage,
    read_catalogue,
    write_catalogue,
)
from credit_disclosure.ledger import (
    EventImport,
    ImportResult,
    Ledger,
    LedgerRecord,
    LedgerReport,
    LedgerStatus,
    quarter_report,
    stats_report,
    weekly_report,
)
from credit_disclosure.policy import NATIONAL

item = CatalogueItem(
    kind="penalty",
    department="某镇人民政府",
    name="对违法建设行为的处罚",
    subjects={ItemSubject.LEGAL_PERSON},
    scope=DisclosureScope.PUBLIC,
)
catalogue: Catalogue = read_catalogue(io.BytesIO(b"")).catalogue
match: Match = Matcher(Catalogue([item]), threshold=0.7).match({"CF_WFXW": "违法建设"}, "penalty")
found: Coverage = coverage(catalogue, [{"CF_WFXW": "违法建设"}], "penalty")
write_catalogue(catalogue, io.BytesIO(), format="csv")

ledger = Ledger("sqlite:///ledger.sqlite3")
applied: tuple[int, ...] = ledger.init()
result: ImportResult = ledger.import_records("export.xlsx", as_of=date(2026, 10, 8))
events: EventImport = ledger.import_events("events.csv")
records: list[LedgerRecord] = list(ledger.records(unit="某镇人民政府", decided_from=date(2026, 7, 1)))
status: LedgerStatus = ledger.status()
weekly: LedgerReport = weekly_report(ledger, as_of=date(2026, 10, 8))
quarter: LedgerReport = quarter_report(ledger, unit="某镇人民政府", policy=NATIONAL)
stats: LedgerReport = stats_report(ledger, by="county", period="quarter")
report_id: int = ledger.save_report(
    weekly.kind,
    weekly.payload(),
    unit=None,
    period_start=weekly.period_start,
    period_end=weekly.period_end,
    as_of=weekly.as_of,
)
text: str = quarter.to_json()
quarter.write_xlsx("台账.xlsx")
