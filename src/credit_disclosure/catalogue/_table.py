"""The 事项目录 as a table: read it as departments fill it in Excel (附件2) or CSV, write it back.

The layout is the one of 长治 2020 通知 附件2 (行政许可和行政处罚事项目录): a title,
then a section per kind (``1、行政许可事项目录``, ``二、行政处罚事项目录``), each with
the columns 序号 | 行政决定部门 | 项目名称 | 行政相对人类别 | 公开范围 and tick boxes
(□自然人 □法人 □其他组织; □政务公开 □社会公开). Four columns the seed leaves out
follow on the right: 设定依据, 权力清单编码, 许可类别 and 匹配名称 (other names the
unit's records use for the item, separated by ``；``). A CSV holds one item per row
with a 事项类型 column (行政许可 / 行政处罚) instead of sections.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Final

import attrs

from .._atomic import atomic_output
from .._optional import require
from ..errors import ArgumentError, ValidationError
from ..io import FORMULA_TRIGGERS, inert_csv_writer
from ..standard import RecordKind
from ._model import Catalogue, CatalogueItem, DisclosureScope, ItemSubject, parse_choices

__all__ = ["CatalogueRead", "RowProblem", "load_catalogue", "read_catalogue", "write_catalogue"]

Source = str | os.PathLike[str] | IO[bytes]

#: Column -> the header texts that name it (first is the one written).
COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "kind": ("事项类型", "类别", "类型", "kind"),
    "no": ("序号",),
    "department": ("行政决定部门", "决定部门", "实施部门", "部门", "department"),
    "name": ("项目名称", "事项名称", "name"),
    "subjects": ("行政相对人类别", "行政相对人", "subjects"),
    "scope": ("公开范围", "公示范围", "scope"),
    "legal_basis": ("设定依据", "法律依据", "依据", "legal_basis"),
    "power_code": ("权力清单编码", "权力编码", "事项编码", "power_code"),
    "license_category": ("许可类别", "license_category"),
    "aliases": ("匹配名称", "别名", "aliases"),
}
_HEADER_OF: Final = {text: col for col, texts in COLUMNS.items() for text in texts}
_KIND_TEXT: Final = {
    "行政许可": RecordKind.LICENSE,
    "许可": RecordKind.LICENSE,
    "license": RecordKind.LICENSE,
    "行政处罚": RecordKind.PENALTY,
    "处罚": RecordKind.PENALTY,
    "penalty": RecordKind.PENALTY,
}
_SECTION_TITLES: Final = {
    RecordKind.LICENSE: "一、行政许可事项目录",
    RecordKind.PENALTY: "二、行政处罚事项目录",
}
_TITLE: Final = "行政许可和行政处罚事项目录"
_PLACEHOLDERS: Final = frozenset({"", "…", "...", "……", "无", "/", "-", "——"})
_ALIAS_SEPARATORS: Final = ("；", ";", "\n")


@attrs.frozen
class RowProblem:
    """A catalogue row that could not be read: where (sheet, 1-based row) and why."""

    sheet: str
    row: int
    error: ValidationError

    def __str__(self) -> str:
        return f"{self.sheet} row {self.row}: {self.error}"


@attrs.frozen
class CatalogueRead:
    """What :func:`read_catalogue` found: the items it could read and every row it could not.

    >>> CatalogueRead(Catalogue(()), ()).ok
    True
    """

    catalogue: Catalogue
    problems: tuple[RowProblem, ...]

    @property
    def ok(self) -> bool:
        """Whether every row was read."""
        return not self.problems


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    if text[:1] == "'" and text[1:2] and text[1] in FORMULA_TRIGGERS:
        return text[1:]  # the apostrophe an inert CSV puts before a formula-like cell
    return text


def _section_kind(cells: Sequence[str]) -> RecordKind | None:
    """The kind a section heading row announces (``二、行政处罚事项目录``), else ``None``."""
    filled = [c for c in cells if c]
    if len(filled) != 1 or "目录" not in filled[0]:
        return None
    text = filled[0]
    lic, pen = "许可" in text, "处罚" in text
    if lic == pen:  # the title names both
        return None
    return RecordKind.LICENSE if lic else RecordKind.PENALTY


def _column_of(cell: str) -> str | None:
    """The column a header cell names (spaces and line breaks inside it ignored), else ``None``."""
    return _HEADER_OF.get(cell.replace(" ", "").replace("\n", ""))


def _header_map(cells: Sequence[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        col = _column_of(cell)
        if col is not None and col not in found:
            found[col] = index
    return found if "name" in found else None


def _repeats_header(
    cells: Sequence[str], found: Mapping[str, int], header: Mapping[str, int]
) -> bool:
    """Whether a row below a header is a header again (a table repeated on the next page, or a
    second table) rather than an item whose name or department happens to read like a header
    (an item named ``事项名称`` or ``name``): it names every column the current header names,
    or every cell it fills is a header text.

    >>> head = _header_map(["事项类型", "部门", "事项名称", "公开范围"])
    >>> _repeats_header(["事项类型", "部门", "事项名称", "公开范围"], head, head)
    True
    >>> row = ["行政许可", "部门", "name", "社会公开"]
    >>> _repeats_header(row, _header_map(row), head)
    False
    """
    if set(found) >= set(header):
        return True
    return all(_column_of(c) for c in cells if c)


def _split_aliases(text: str) -> tuple[str, ...]:
    for sep in _ALIAS_SEPARATORS[1:]:
        text = text.replace(sep, _ALIAS_SEPARATORS[0])
    return tuple(a.strip() for a in text.split(_ALIAS_SEPARATORS[0]) if a.strip())


def _item(
    values: Mapping[str, str], kind: RecordKind | None, department: str
) -> CatalogueItem | None:
    name = values.get("name", "")
    if name in _PLACEHOLDERS:
        return None
    if values.get("kind"):
        kind_text = values["kind"]
        kind = _KIND_TEXT.get(kind_text.replace("事项", ""))
        if kind is None:
            raise ValidationError(
                "catalogue.kind",
                message_en=f"事项类型 {kind_text[:20]!r} is neither 行政许可 nor 行政处罚",
                message_zh=f"事项类型“{kind_text[:20]}”不是行政许可或行政处罚",
                field="事项类型",
            )
    if kind is None:
        raise ValidationError(
            "catalogue.kind",
            message_en="the row is under no 行政许可/行政处罚 section and has no 事项类型",
            message_zh="该行不在行政许可或行政处罚目录之下，也没有事项类型",
            field="事项类型",
        )
    scopes = parse_choices(values.get("scope"), DisclosureScope, column="公开范围")
    if len(scopes) > 1:
        raise ValidationError(
            "catalogue.scope",
            message_en="公开范围 ticks both 政务公开 and 社会公开",
            message_zh="公开范围同时勾选了政务公开和社会公开",
            field="公开范围",
        )
    subjects = parse_choices(values.get("subjects"), ItemSubject, column="行政相对人类别")
    return CatalogueItem(
        kind=kind,
        department=department,
        name=name,
        subjects=subjects,  # type: ignore[arg-type]  # parse_choices returns ItemSubject members
        scope=next(iter(scopes)) if scopes else DisclosureScope.PUBLIC,
        legal_basis=values.get("legal_basis", ""),
        power_code=values.get("power_code") or None,
        license_category=values.get("license_category") or None,
        aliases=_split_aliases(values.get("aliases", "")),
    )


def _read_rows(
    sheet: str, rows: Iterable[Sequence[object]], kind: RecordKind | None
) -> Iterator[CatalogueItem | RowProblem]:
    """Items of one sheet (or CSV): sections, header rows, department carried down merged cells."""
    header: dict[str, int] | None = None
    department = ""
    for number, raw in enumerate(rows, start=1):
        cells = [_text(c) for c in raw]
        if not any(cells):
            continue
        section = _section_kind(cells)
        if section is not None:
            kind, header, department = section, None, ""
            continue
        found = _header_map(cells)
        if found is not None and (header is None or _repeats_header(cells, found, header)):
            header, department = found, ""
            continue
        if header is None:
            continue  # a title or a note above the table
        values = {col: cells[i] if i < len(cells) else "" for col, i in header.items()}
        if values.get("department"):
            department = values["department"]  # merged cells: only the first row holds it
        try:
            item = _item(values, kind, department)
        except ValidationError as exc:
            yield RowProblem(sheet, number, exc)
            continue
        if item is not None:
            yield item


def _sheet_kind(title: str) -> RecordKind | None:
    lic, pen = "许可" in title, "处罚" in title
    return None if lic == pen else (RecordKind.LICENSE if lic else RecordKind.PENALTY)


def _open(source: Source) -> tuple[bytes, str]:
    if isinstance(source, (str, os.PathLike)):
        return Path(source).read_bytes(), os.fspath(source)
    return source.read(), getattr(source, "name", "<stream>")


def read_catalogue(source: Source) -> CatalogueRead:
    """Read a 事项目录 from an XLSX workbook (附件2 layout) or a CSV file; report every bad row.

    XLSX: every sheet is read; sections (``1、行政许可事项目录``) or the sheet's
    name (``行政处罚``) say the kind; a header row (序号, 行政决定部门, 项目名称, ...)
    starts each table; a department cell left blank (merged cells) repeats the
    one above; rows without a name, ``…`` and ``无`` are the template's empty
    lines. CSV (UTF-8 or GB18030): one header row, a 事项类型 column.

    >>> data = "事项类型,行政决定部门,项目名称,行政相对人类别,公开范围\\n行政处罚,市发改委,对哄抬价格的处罚,□自然人☑法人,☑社会公开\\n"
    >>> read = read_catalogue(io.BytesIO(data.encode("utf-8")))
    >>> read.ok, [(i.name, sorted(s.value for s in i.subjects)) for i in read.catalogue]
    (True, [('对哄抬价格的处罚', ['法人'])])
    """
    data, name = _open(source)
    found: list[CatalogueItem | RowProblem] = []
    if data[:4] == b"PK\x03\x04":
        openpyxl = require("openpyxl", "xlsx")
        try:
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # a damaged workbook: one clear error naming the file
            raise ValidationError(
                "catalogue.file",
                message_en=f"{Path(name).name} is not a readable XLSX workbook ({type(exc).__name__})",
                message_zh=f"{Path(name).name} 不是可读取的 XLSX 工作簿",
            ) from None
        try:
            for ws in wb.worksheets:
                found.extend(_read_rows(ws.title, ws.iter_rows(values_only=True), _sheet_kind(ws.title)))
        finally:
            wb.close()
    else:
        text = _decode(data, name)
        found.extend(_read_rows(Path(name).name, csv.reader(io.StringIO(text, newline="")), None))
    items = [f for f in found if isinstance(f, CatalogueItem)]
    problems = [f for f in found if isinstance(f, RowProblem)]
    unique: dict[tuple[str, str, str], CatalogueItem] = {}
    for item in items:
        if item.key in unique:
            problems.append(
                RowProblem(
                    Path(name).name,
                    0,
                    ValidationError(
                        "catalogue.duplicate",
                        message_en=f"item listed twice: {item.department} / {item.name[:40]}",
                        message_zh=f"事项重复：{item.department} / {item.name[:40]}",
                        field="项目名称",
                    ),
                )
            )
            continue
        unique[item.key] = item
    return CatalogueRead(Catalogue(tuple(unique.values())), tuple(problems))


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(  # pragma: no cover  (gb18030 decodes nearly anything)
        "catalogue.encoding",
        message_en=f"{Path(name).name}: not UTF-8 or GB18030 text",
        message_zh=f"{Path(name).name}：不是 UTF-8 或 GB18030 编码的文本",
    )


def load_catalogue(source: Source) -> Catalogue:
    """Read a catalogue and raise if any row could not be read (``catalogue.rows``, naming them).

    >>> load_catalogue(io.BytesIO("事项类型,项目名称,公开范围\\n行政许可,建房许可,半公开\\n".encode()))
    Traceback (most recent call last):
    ...
    credit_disclosure.errors.ValidationError: catalogue.rows: 1 row(s) could not be read: ...
    """
    read = read_catalogue(source)
    if read.problems:
        listed = "; ".join(str(p) for p in read.problems[:10])
        raise ValidationError(
            "catalogue.rows",
            message_en=f"{len(read.problems)} row(s) could not be read: {listed}",
            message_zh=f"{len(read.problems)} 行无法读取：{listed}",
        )
    return read.catalogue


def _boxes(chosen: Iterable[Any], options: Iterable[Any]) -> str:
    chosen = set(chosen)
    return "\n".join(("☑" if o in chosen else "□") + o.value for o in options)


_WRITE_COLUMNS: Final = (
    "no",
    "department",
    "name",
    "subjects",
    "scope",
    "legal_basis",
    "power_code",
    "license_category",
    "aliases",
)


def _cells(number: int, item: CatalogueItem) -> list[str]:
    return [
        str(number),
        item.department,
        item.name,
        _boxes(item.subjects, ItemSubject),
        _boxes({item.scope}, DisclosureScope),
        item.legal_basis,
        item.power_code or "",
        item.license_category or "",
        "；".join(item.aliases),
    ]


def write_catalogue(
    catalogue: Catalogue,
    target: str | os.PathLike[str] | IO[bytes],
    *,
    format: str = "xlsx",
) -> None:
    """Write a catalogue back in the layout it is read in: 附件2 sections (XLSX) or CSV rows.

    Every cell is text (a name starting with ``=`` stays text, never a
    formula); a CSV is UTF-8 with a BOM so that Excel opens it. What this writes,
    :func:`read_catalogue` reads back to the same catalogue.

    >>> cat = Catalogue((CatalogueItem(kind="penalty", department="甲局", name="对某行为的处罚",
    ...                                subjects={ItemSubject.LEGAL_PERSON}),))
    >>> buf = io.BytesIO()
    >>> write_catalogue(cat, buf, format="csv")
    >>> read_catalogue(io.BytesIO(buf.getvalue())).catalogue == cat
    True
    """
    if format == "csv":
        text = io.StringIO(newline="")
        writer = inert_csv_writer(text)  # a name starting with "=" never runs as a formula
        writer.writerow([COLUMNS["kind"][0], *(COLUMNS[c][0] for c in _WRITE_COLUMNS)])
        for number, item in enumerate(catalogue, start=1):
            kind_text = "行政许可" if item.kind is RecordKind.LICENSE else "行政处罚"
            writer.writerow([kind_text, *_cells(number, item)])
        payload = text.getvalue().encode("utf-8-sig")
        if isinstance(target, (str, os.PathLike)):
            with atomic_output(target, binary=True) as fp:
                fp.write(payload)
        else:
            target.write(payload)
        return
    if format != "xlsx":
        raise ArgumentError(
            "catalogue.format",
            message_en=f"format must be 'xlsx' or 'csv', not {format!r}",
            message_zh=f"format 应为 'xlsx' 或 'csv'，而不是 {format!r}",
            field="format",
        )
    openpyxl = require("openpyxl", "xlsx")
    styles = require("openpyxl.styles", "xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "事项目录"
    width = len(_WRITE_COLUMNS)
    ws.append([_TITLE])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(1, 1).font = styles.Font(bold=True, size=14)
    ws.cell(1, 1).alignment = styles.Alignment(horizontal="center")
    wrap = styles.Alignment(wrap_text=True, vertical="top")
    for kind in (RecordKind.LICENSE, RecordKind.PENALTY):
        ws.append([])
        ws.append([_SECTION_TITLES[kind]])
        ws.cell(ws.max_row, 1).font = styles.Font(bold=True)
        ws.append([COLUMNS[c][0] for c in _WRITE_COLUMNS])
        for cell in ws[ws.max_row]:
            cell.font = styles.Font(bold=True)
        items = catalogue.of_kind(kind)
        if not items:
            ws.append(["", "", "无"])
        for number, item in enumerate(items, start=1):
            ws.append(_cells(number, item))
            for cell in ws[ws.max_row]:
                cell.data_type = "s"  # text, even when it starts with "=": never a formula
                cell.alignment = wrap
    for letter, size in zip("ABCDEFGHI", (6, 16, 40, 14, 12, 30, 16, 10, 24)):
        ws.column_dimensions[letter].width = size
    if isinstance(target, (str, os.PathLike)):
        with atomic_output(target, binary=True) as fp:
            wb.save(fp)
    else:
        wb.save(target)
