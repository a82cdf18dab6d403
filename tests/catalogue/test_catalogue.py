"""The 事项目录: reading the 附件2 table as departments fill it, writing it back, matching records."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credit_disclosure.catalogue import (
    Catalogue,
    CatalogueItem,
    DisclosureScope,
    ItemSubject,
    Matcher,
    MatchMethod,
    coverage,
    load_catalogue,
    parse_choices,
    read_catalogue,
    write_catalogue,
)
from credit_disclosure.errors import ValidationError
from credit_disclosure.standard import RecordKind


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("□自然人\n☑法人\n□其他组织", {"法人"}),
        ("☑自然人 ☑法人 □其他组织", {"自然人", "法人"}),
        ("√自然人□法人□其他组织", {"自然人"}),
        ("■法人\n□自然人", {"法人"}),
        ("[x]其他组织[ ]法人", {"其他组织"}),
        ("（√）自然人（ ）法人", {"自然人"}),
        ("☒其他组织", {"其他组织"}),
        ("法人、其他组织", {"法人", "其他组织"}),
        ("自然人，法人", {"自然人", "法人"}),
        ("", set()),
        (None, set()),
        ("□自然人\n□法人\n□其他组织", set()),
        ("☑法人", {"法人"}),
        ("☑ 法 人", {"法人"}),
    ],
)
def test_tick_boxes(cell: object, expected: set[str]) -> None:
    """Ticked boxes (☑ √ ■ ☒ [x]) count, empty ones (□ [ ]) do not; plain names count."""
    assert {s.value for s in parse_choices(cell, ItemSubject, column="c")} == expected


@pytest.mark.parametrize("cell", ["☑法人单位", "公司", "☑自然人 ☑外国人"])
def test_unknown_choice_is_an_error(cell: str) -> None:
    """An option the table does not know is an error naming the column, never dropped."""
    with pytest.raises(ValidationError) as info:
        parse_choices(cell, ItemSubject, column="行政相对人类别")
    assert info.value.code == "catalogue.choice"
    assert info.value.field == "行政相对人类别"


def _seed_workbook(path: Path) -> None:
    """附件2 as a department fills it: title, two sections, merged department cells, ticks."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["行政许可和行政处罚事项目录"])
    ws.append(["1、 行政许可事项目录"])
    ws.append(["序号", "行政决定部门", "项目名称", "行政相对人", "公示范围"])
    ws.append([1, "市发改委", "无", None, None])
    ws.append([None, None, None, None, None])
    ws.append(["二、行政处罚事项目录"])
    ws.append(["序号", "行政决定部门", "项目名称", "行政相对人类别", "公开范围", "设定依据"])
    ws.append([1, "市发改委", "对经营者捏造、散布涨价信息，哄抬价格，推动商品价格过高上涨的行为的处罚",
               "□自然人\n\n☑法人\n\n☑其他组织", "□政务公开\n\n☑社会公开", "《价格法》第十四条"])
    ws.append([2, None, "对不执行政府定价的处罚", "☑自然人☑法人□其他组织", "☑政务公开□社会公开", None])
    ws.merge_cells("B8:B9")
    ws.append(["…", "…", "…", "…", None])
    ws.append([None, None, None, "□自然人\n□法人\n□其他组织", "□政务公开\n□社会公开"])
    wb.save(path)


def test_reads_the_seed_layout(tmp_path: Path) -> None:
    """Sections, 无, …, merged department cells and template rows are read as a person would."""
    path = tmp_path / "附件2.xlsx"
    _seed_workbook(path)
    read = read_catalogue(path)
    assert read.ok, read.problems
    items = list(read.catalogue)
    assert [(i.kind, i.department) for i in items] == [(RecordKind.PENALTY, "市发改委")] * 2
    assert items[0].subjects == {ItemSubject.LEGAL_PERSON, ItemSubject.OTHER_ORGANISATION}
    assert items[0].scope is DisclosureScope.PUBLIC
    assert items[0].legal_basis == "《价格法》第十四条"
    assert items[1].scope is DisclosureScope.GOVERNMENT


def test_bad_rows_are_all_reported(tmp_path: Path) -> None:
    """Every unreadable row is reported with its sheet and row; the good rows are read."""
    text = (
        "事项类型,行政决定部门,项目名称,行政相对人类别,公开范围\n"
        "行政处罚,甲局,对甲的处罚,☑法人,☑社会公开\n"
        "行政处罚,甲局,对乙的处罚,☑法人单位,☑社会公开\n"
        "行政确认,甲局,确认丙,,\n"
        "行政许可,甲局,丁许可,,☑政务公开☑社会公开\n"
    )
    read = read_catalogue(io.BytesIO(text.encode("gb18030")))
    assert [i.name for i in read.catalogue] == ["对甲的处罚"]
    assert [(p.row, p.error.code) for p in read.problems] == [
        (3, "catalogue.choice"),
        (4, "catalogue.kind"),
        (5, "catalogue.scope"),
    ]
    with pytest.raises(ValidationError, match=r"catalogue\.rows"):
        load_catalogue(io.BytesIO(text.encode("utf-8")))


def test_damaged_workbook_is_a_clear_error() -> None:
    """A damaged XLSX raises catalogue.file naming the file."""
    with pytest.raises(ValidationError) as info:
        read_catalogue(io.BytesIO(b"PK\x03\x04garbage"))
    assert info.value.code == "catalogue.file"


def test_duplicate_items_reported(tmp_path: Path) -> None:
    """The same department and name twice is reported, the first kept."""
    text = "事项类型,行政决定部门,项目名称\n行政许可,甲,x许可\n行政许可,甲,x许可\n"
    read = read_catalogue(io.BytesIO(text.encode()))
    assert len(read.catalogue) == 1
    assert [p.error.code for p in read.problems] == ["catalogue.duplicate"]


def test_formula_text_stays_text(tmp_path: Path) -> None:
    """A name starting with = stays text (XLSX: a text cell; CSV: an apostrophe) and reads back."""
    cat = Catalogue([CatalogueItem(kind="license", department="=HYPERLINK(1)", name="=1+1许可")])
    path = tmp_path / "c.xlsx"
    write_catalogue(cat, path)
    wb = openpyxl.load_workbook(path)
    cells = [c for row in wb.active.iter_rows() for c in row if c.value == "=1+1许可"]
    assert cells and all(c.data_type == "s" for c in cells)
    assert read_catalogue(path).catalogue == cat
    csv_path = tmp_path / "c.csv"
    write_catalogue(cat, csv_path, format="csv")
    assert "'=1+1许可" in csv_path.read_text(encoding="utf-8-sig")
    assert read_catalogue(csv_path).catalogue == cat


_names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp", "Zs")),
    min_size=1,
    max_size=12,
).filter(
    lambda s: s.strip()
    and s.strip() not in {"无", "…", "...", "……", "/", "-", "——"}
    and not s.startswith("'")  # an apostrophe before a formula-like cell is the inert CSV's
)

_items = st.builds(
    CatalogueItem,
    kind=st.sampled_from(list(RecordKind)),
    department=_names,
    name=_names.filter(lambda s: "目录" not in s),
    subjects=st.frozensets(st.sampled_from(list(ItemSubject))),
    scope=st.sampled_from(list(DisclosureScope)),
    legal_basis=_names,
    power_code=st.none() | st.from_regex(r"[A-Z0-9]{4,10}", fullmatch=True),
    aliases=st.lists(_names.filter(lambda s: "；" not in s and ";" not in s), max_size=2),
)


@settings(max_examples=25, deadline=None)
@given(st.lists(_items, max_size=5, unique_by=lambda i: i.key), st.sampled_from(["xlsx", "csv"]))
def test_round_trip(items: list[CatalogueItem], fmt: str) -> None:
    """What write_catalogue writes, read_catalogue reads back to the same items."""
    ordered = sorted(items, key=lambda i: i.kind is RecordKind.PENALTY)  # sections: licences first
    cat = Catalogue(ordered)
    buf = io.BytesIO()
    write_catalogue(cat, buf, format=fmt)
    read = read_catalogue(io.BytesIO(buf.getvalue()))
    assert read.ok, read.problems
    norm = [attrs_evolve_strip(i) for i in ordered]
    assert list(read.catalogue) == norm


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize(
    ("department", "name", "basis"),
    [
        ("0", "name", "0"),  # hypothesis's find: the row was read as a header and lost
        ("部门", "事项名称", "依据"),
        ("department", "项目名称", "legal_basis"),
    ],
)
def test_an_item_named_like_a_header_is_an_item(
    department: str, name: str, basis: str, fmt: str
) -> None:
    """A row whose cells read like header texts is not a header while it fills a column the
    header names with a value (its 事项类型, its 公开范围): no row is lost, no column shifts."""
    items = [
        CatalogueItem(kind=RecordKind.LICENSE, department="市监局", name="食品经营许可",
                      scope=DisclosureScope.PUBLIC, legal_basis="食品安全法"),
        CatalogueItem(kind=RecordKind.LICENSE, department=department, name=name,
                      scope=DisclosureScope.GOVERNMENT, legal_basis=basis),
        CatalogueItem(kind=RecordKind.LICENSE, department="市监局", name="药品经营许可",
                      scope=DisclosureScope.PUBLIC, legal_basis="药品管理法"),
    ]
    buf = io.BytesIO()
    write_catalogue(Catalogue(items), buf, format=fmt)
    read = read_catalogue(io.BytesIO(buf.getvalue()))
    assert read.ok, read.problems
    assert list(read.catalogue) == items


def test_a_header_repeated_on_the_next_page_is_still_a_header() -> None:
    """The table's header again further down (a printed page, a pasted second table) is skipped."""
    text = (
        "事项类型,行政决定部门,项目名称,公开范围,设定依据\n"
        "行政许可,市监局,食品经营许可,社会公开,食品安全法\n"
        "事项类型,行政决定部门,项目名称,公开范围,设定依据\n"
        "行政许可,市监局,药品经营许可,社会公开,药品管理法\n"
    )
    read = read_catalogue(io.BytesIO(text.encode("utf-8")))
    assert read.ok, read.problems
    assert [i.name for i in read.catalogue] == ["食品经营许可", "药品经营许可"]


def attrs_evolve_strip(item: CatalogueItem) -> CatalogueItem:
    import attrs

    return attrs.evolve(
        item,
        legal_basis=item.legal_basis.strip(),
        aliases=tuple(a.strip() for a in item.aliases),
    )


@given(st.binary(max_size=300))
@settings(max_examples=50, deadline=None)
def test_junk_never_crashes(data: bytes) -> None:
    """Junk bytes give a catalogue and problems, or a catalogue.* error: nothing else."""
    code = "ok"
    try:
        read_catalogue(io.BytesIO(data))
    except ValidationError as exc:
        code = exc.code
    assert code == "ok" or code.startswith("catalogue.")


CAT = Catalogue(
    [
        CatalogueItem(kind="license", department="某镇政府", name="乡村建设规划许可证核发",
                      subjects={ItemSubject.NATURAL_PERSON}, license_category="普通"),
        CatalogueItem(kind="license", department="某镇政府", name="乡村建设规划许可证核发（变更）",
                      license_category="核准"),
        CatalogueItem(kind="penalty", department="某镇政府", name="对擅自占用城市道路行为的处罚",
                      power_code="CF-0012", aliases=["占道经营"]),
        CatalogueItem(kind="penalty", department="某局", name="对乱倒垃圾的处罚", scope="政务公开"),
    ]
)


@pytest.mark.parametrize(
    ("values", "mapping", "name", "method"),
    [
        ({"XK_XKWS": "乡村建设规划许可证核发"}, None, "乡村建设规划许可证核发", MatchMethod.EXACT),
        ({"XK_XMMC": " 乡村建设规划许可证核发 "}, None, "乡村建设规划许可证核发", MatchMethod.EXACT),
        ({"XK_XKZS": "乡村建设规划许可证核发许可"}, None, "乡村建设规划许可证核发", MatchMethod.NORMALISED),
        ({"CF_WFXW": "擅自占用城市道路"}, None, "对擅自占用城市道路行为的处罚", MatchMethod.NORMALISED),
        ({"CF_WFXW": "占道经营"}, None, "对擅自占用城市道路行为的处罚", MatchMethod.EXACT),
        ({"CF_WFXW": "其他"}, "CF-0012", "对擅自占用城市道路行为的处罚", MatchMethod.MAPPING),
        ({"CF_WFXW": "乱倒垃圾"}, "不存在的事项", None, MatchMethod.NONE),
        ({"CF_WFXW": "未取得许可从事经营"}, None, None, MatchMethod.NONE),
        ({}, None, None, MatchMethod.NONE),
    ],
)
def test_matching(values: dict[str, str], mapping: str | None, name: str | None, method: MatchMethod) -> None:
    """Explicit mapping first, then exact names and 匹配名称, normalised names, similarity."""
    kind = "license" if any(k.startswith("XK") for k in values) else "penalty"
    match = Matcher(CAT).match(values, kind, mapping=mapping)
    assert match.method is method
    assert (match.item.name if match.item else None) == name


def test_licence_category_breaks_ties() -> None:
    """Among similar licence items, the one of the record's 许可类别 is preferred."""
    m = Matcher(CAT).match({"XK_XKWS": "乡村建设规划许可证核发 变更", "XK_XKLB": "核准"}, "license")
    assert m.item is not None and m.item.license_category == "核准"
    assert 0.6 <= m.confidence <= 1.0


def test_coverage_findings() -> None:
    """All four findings: unmatched, unused, subject not allowed, 政务公开 item on the portal."""
    rows = [
        {"XK_WSH": "许1", "XK_XKWS": "乡村建设规划许可证核发", "XK_XDR_LB": "法人及非法人组织",
         "XK_JDRQ": "2026/03/02"},
        {"XK_WSH": "许2", "XK_XKWS": "采矿许可", "XK_JDRQ": "2026/03/03"},
        {"XK_WSH": "许3", "XK_XKWS": "采矿许可", "XK_JDRQ": "2025/03/03"},  # outside the period
    ]
    from datetime import date

    cov = coverage(CAT, rows, "license", decided_from=date(2026, 1, 1), decided_to=date(2026, 3, 31))
    assert cov.records == 2 and cov.unmatched == 1
    assert cov.by_code() == {
        "catalogue.record_unmatched": 1,
        "catalogue.subject_not_allowed": 1,
        "catalogue.item_unused": 1,
    }
    assert cov.counts[("license", "某镇政府", "乡村建设规划许可证核发")] == 1
    pen = coverage(CAT, [{"CF_WSH": "罚1", "CF_WFXW": "乱倒垃圾", "CF_CFJG": "某局"}], "penalty")
    assert "catalogue.government_only_public" in pen.by_code()
    assert "catalogue.government_only_public" not in coverage(
        CAT, [{"CF_WFXW": "乱倒垃圾"}], "penalty", public_portal=False
    ).by_code()
    for finding in cov.findings:
        assert "法人及非法人组织" not in (finding.record or "")
