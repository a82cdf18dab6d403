"""The ledger (台账) of a unit's 双公示 work in a database, and the reports it owes.

Records, their events, the 事项目录 and every report submitted, kept in SQLite
(embedded, the default) or PostgreSQL (shared by many units), through the same
SQLAlchemy Core code (the ``ledger`` extra; ``postgresql`` adds the driver).
Imports are one transaction each and idempotent; a changed record becomes a
``changed`` (变更) event that keeps the old values; every row names the file
(name, sha256) and the time it came from. Reports: weekly (长春净月 实施细则
(2020) 第七条), the quarterly 台账 (第十条), the 报送情况统计表 (长治 2020 附件3/4) and the
monthly evaluation.

>>> import io, tempfile
>>> from datetime import date
>>> from credit_disclosure.ledger import Ledger, weekly_report
>>> ledger = Ledger(f"sqlite:///{tempfile.mkdtemp()}/ledger.sqlite3")
>>> ledger.init()
(1, 2, 3, 4)
>>> csv = "CF_WSH,CF_CFJG,CF_JDRQ\\n某罚〔2026〕7号,某镇政府,2026/09/29\\n"
>>> ledger.import_records(io.BytesIO(csv.encode()), as_of=date(2026, 10, 8)).added
1
>>> weekly_report(ledger, as_of=date(2026, 10, 8)).data["counts"]
{'license': 0, 'penalty': 1}
"""

from __future__ import annotations

from .._optional import require as _require

_require("sqlalchemy", "ledger")

from ._ledger import (  # noqa: E402  (after the check that names the extra)
    DEFAULT_DB_ENV,
    DEFAULT_DB_FILE,
    MAPPING_COLUMNS,
    CatalogueImport,
    EventImport,
    ImportResult,
    Ledger,
    LedgerRecord,
    LedgerStatus,
    default_url,
)
from ._migrations import MIGRATIONS, Migration  # noqa: E402
from ._reports import (  # noqa: E402
    LedgerReport,
    Table,
    evaluation_report,
    month_of,
    previous_week,
    quarter_of,
    quarter_report,
    stats_report,
    weekly_report,
)

__all__ = [
    "DEFAULT_DB_ENV",
    "DEFAULT_DB_FILE",
    "MAPPING_COLUMNS",
    "MIGRATIONS",
    "CatalogueImport",
    "EventImport",
    "ImportResult",
    "Ledger",
    "LedgerRecord",
    "LedgerReport",
    "LedgerStatus",
    "Migration",
    "Table",
    "default_url",
    "evaluation_report",
    "month_of",
    "previous_week",
    "quarter_of",
    "quarter_report",
    "stats_report",
    "weekly_report",
]
