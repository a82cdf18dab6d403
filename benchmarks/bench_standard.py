"""Record validation: ``check_row`` (parse + validate a raw CSV row) and ``validate`` per record.

No peer library validates 双公示 records, so the figures are absolute rates
(``peer_name=None``). The target for ``check_row`` on a typical valid penalty
row is the per-row budget of the ``check`` command (>= 20,000 records/s end to
end): at most 30 microseconds, i.e. >= 33,333 rows/s.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from benchmarks._harness import Case
from credit_disclosure.identifiers import resident_id, uscc
from credit_disclosure.standard import RecordKind, check_row, validate

AS_OF = date(2025, 7, 1)
_AUTHORITIES = [uscc.generate(org_type="11", seed=1000 + i) for i in range(20)]


def _penalty_rows(n: int, *, faulty: bool = False) -> list[dict[str, object]]:
    rng = random.Random(5)
    rows: list[dict[str, object]] = []
    for i in range(n):
        code = uscc.generate(org_type="91", rng=rng)
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(800))
        yuan = rng.choice([500, 2000, 5000, 10000, 30000])
        authority = rng.choice(_AUTHORITIES)
        row: dict[str, object] = {
            "CF_XDR_MC": f"某某{i}科技有限公司",
            "CF_XDR_LB": "法人及非法人组织",
            "CF_XDR_SHXYM": code,
            "CF_XDR_ZZJG": code[8:17],
            "CF_FRDB": "张三",
            "CF_WSH": f"市监罚〔{day.year}〕{i}号",
            "CF_WFXW": "违反《中华人民共和国食品安全法》",
            "CF_SY": "经查，当事人经营超过保质期的食品，货值金额较小。",
            "CF_YJ": "《中华人民共和国食品安全法》第一百二十四条第一款",
            "CF_CFLB": "警告；罚款",
            "CF_NR": f"警告，并处罚款{yuan}元",
            "CF_NR_FK": str(yuan / 10000),
            "CF_NR_WFFF": "",
            "CF_NR_ZKDX": "",
            "CF_JDRQ": day.strftime("%Y/%m/%d"),
            "CF_YXQ": (day + timedelta(days=365)).strftime("%Y/%m/%d"),
            "CF_GSJZQ": "",
            "CF_CFJG": "某某市市场监督管理局",
            "CF_CFJGDM": authority,
            "CF_SJLY": "某某市市场监督管理局",
            "CF_SJLYDM": authority,
            "BZ": "",
        }
        if faulty and i % 2:
            row["CF_NR_FK"] = str(yuan)  # yuan in the 万元 field
            row["CF_JDRQ"] = "2023/02/30"
            row["CF_XDR_SHXYM"] = code[:-1] + ("0" if code[-1] != "0" else "1")
        rows.append(row)
    return rows


def _license_rows(n: int) -> list[dict[str, object]]:
    rng = random.Random(7)
    rows: list[dict[str, object]] = []
    for i in range(n):
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(800))
        authority = rng.choice(_AUTHORITIES)
        rows.append(
            {
                "XK_XDR_MC": "李四",
                "XK_XDR_LB": "自然人",
                "XK_XDR_ZJLX": "身份证",
                "XK_XDR_ZJHM": resident_id.generate(rng=rng),
                "XK_XKWS": "食品经营许可决定书",
                "XK_WSH": f"JY{i:014d}",
                "XK_XKLB": "普通",
                "XK_NR": "食品销售经营者（预包装食品销售）",
                "XK_JDRQ": day.isoformat(),
                "XK_YXQZ": day.isoformat(),
                "XK_YXQZI": "2099/12/31",
                "XK_XKJG": "某某市市场监督管理局",
                "XK_XKJGDM": authority,
                "XK_ZT": "1",
                "XK_LYDW": "某某市市场监督管理局",
                "XK_LYDWDM": authority,
            }
        )
    return rows


def _run_rows(rows: list[dict[str, object]], kind: RecordKind) -> Callable[[], object]:
    def run() -> object:
        return [check_row(r, kind, as_of=AS_OF) for r in rows]

    return run


def cases(quick: bool) -> list[Case]:
    n = 300 if quick else 20_000
    penalties = _penalty_rows(n)
    assert all(not check_row(r, RecordKind.PENALTY, as_of=AS_OF).issues for r in penalties[:50])
    faulty = _penalty_rows(n, faulty=True)
    licences = _license_rows(n)
    records = [check_row(r, RecordKind.PENALTY, as_of=AS_OF).record for r in penalties]
    note = (
        "distinct subjects (fresh USCC per row), 20 authorities; the time goes to the "
        "identifier checks (subject USCC + org code), building the frozen record and the "
        "per-field loop; dates and authority codes hit caches"
    )
    return [
        Case(
            name="check_row: valid penalty row",
            items=len(penalties),
            ours=_run_rows(penalties, RecordKind.PENALTY),
            target=1 / 30e-6,
            note=note,
        ),
        Case(
            name="check_row: penalty rows, half with 3 faults",
            items=len(faulty),
            ours=_run_rows(faulty, RecordKind.PENALTY),
        ),
        Case(
            name="check_row: valid licence row (natural person)",
            items=len(licences),
            ours=_run_rows(licences, RecordKind.LICENSE),
        ),
        Case(
            name="validate: built penalty record",
            items=len(records),
            ours=lambda: [validate(r, as_of=AS_OF) for r in records if r is not None],
        ),
    ]
