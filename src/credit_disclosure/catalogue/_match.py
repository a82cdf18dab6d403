"""Matching records to catalogue items, and what the match shows (应归尽归, 应示尽示).

A record names its item in different fields by kind: a licence by its 项目名称
(2015 ``XK_XMMC``) or, in the 2018 standard, the 决定文书名称 / 许可证书名称
(``XK_XKWS``, ``XK_XKZS``), narrowed by 许可类别; a penalty by the item its
department names (2015 ``CF_CFMC`` 处罚名称, 2018 ``CF_WFXW`` 违法行为类型). Where a
unit's records use a name of their own, an explicit mapping column (事项名称 or the
权力清单编码) or the item's 匹配名称 settles it; otherwise a similarity score is
reported as the match's confidence.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Final

import attrs

from ..standard import RecordKind, SubjectCategory, parse_date
from ._model import DEFAULT_SUBJECT_MATCHES, Catalogue, CatalogueItem, ItemSubject, normalise_name

__all__ = [
    "DEFAULT_THRESHOLD",
    "Coverage",
    "Finding",
    "Match",
    "MatchMethod",
    "Matcher",
    "coverage",
]

#: The lowest similarity (0..1) at which a name is taken to mean an item.
DEFAULT_THRESHOLD: Final = 0.6

#: The fields that name a record's item, by kind, in the order they are tried.
NAME_FIELDS: Final[dict[RecordKind, tuple[str, ...]]] = {
    RecordKind.LICENSE: ("XK_XMMC", "XK_XKWS", "XK_XKZS"),
    RecordKind.PENALTY: ("CF_CFMC", "CF_WFXW"),
}
_AGENCY_FIELDS: Final = {
    RecordKind.LICENSE: ("XK_XKJG", "XK_XZJG"),
    RecordKind.PENALTY: ("CF_CFJG", "CF_XZJG"),
}
_CATEGORY_FIELDS: Final = ("XK_XKLB", "XK_SPLB")
_DATE_FIELDS: Final = {RecordKind.LICENSE: "XK_JDRQ", RecordKind.PENALTY: "CF_JDRQ"}
_SUBJECT_FIELDS: Final = {RecordKind.LICENSE: "XK_XDR_LB", RecordKind.PENALTY: "CF_XDR_LB"}


class MatchMethod(enum.Enum):
    """How a record was matched to an item.

    >>> MatchMethod.FUZZY.value
    'fuzzy'
    """

    #: the record's mapping column names the item (its name, a 匹配名称 or its 权力清单编码)
    MAPPING = "mapping"
    #: the record's name is the item's name or one of its 匹配名称
    EXACT = "exact"
    #: equal once width, punctuation and 对…的处罚 wrappers are set aside
    NORMALISED = "normalised"
    #: similar enough (``confidence`` says how similar)
    FUZZY = "fuzzy"
    #: no item
    NONE = "none"


@attrs.frozen
class Match:
    """The item a record belongs to (``None``: no catalogued item), how, and how sure (0..1).

    >>> Match(None, MatchMethod.NONE, 0.0).matched
    False
    """

    item: CatalogueItem | None
    method: MatchMethod
    confidence: float

    @property
    def matched(self) -> bool:
        """Whether an item was found."""
        return self.item is not None


_NO_MATCH: Final = Match(None, MatchMethod.NONE, 0.0)


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    short, long_ = sorted((a, b), key=len)
    score = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    if len(short) >= 4 and short in long_:  # 哄抬价格 inside 对经营者…哄抬价格…的处罚
        score = max(score, 0.6 + 0.4 * len(short) / len(long_))
    return score


class Matcher:
    """Match records (mappings keyed by field code) to the items of a catalogue.

    Answers are cached by the names a record carries, so a large import costs
    a few dictionary look-ups per record.

    >>> from credit_disclosure.catalogue import Catalogue, CatalogueItem
    >>> cat = Catalogue([CatalogueItem(kind="penalty", department="市发改委",
    ...     name="对经营者捏造、散布涨价信息，哄抬价格的行为的处罚", aliases=["价格违法"])])
    >>> m = Matcher(cat)
    >>> m.match({"CF_WFXW": "价格违法", "CF_CFJG": "市发改委"}, "penalty").method
    <MatchMethod.EXACT: 'exact'>
    >>> r = m.match({"CF_WFXW": "捏造散布涨价信息哄抬价格"}, "penalty")
    >>> r.method, round(r.confidence, 2)
    (<MatchMethod.FUZZY: 'fuzzy'>, 0.92)
    >>> m.match({"CF_WFXW": "未按规定办理"}, "penalty").matched
    False
    """

    def __init__(self, catalogue: Catalogue, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.catalogue = catalogue
        self.threshold = threshold
        self._by_kind = {kind: catalogue.of_kind(kind) for kind in RecordKind}
        self._mapping: dict[tuple[RecordKind, str], CatalogueItem] = {}
        self._exact: dict[tuple[RecordKind, str], list[CatalogueItem]] = {}
        self._normal: dict[tuple[RecordKind, str], list[CatalogueItem]] = {}
        for item in catalogue:
            for text in (item.name, *item.aliases):
                self._mapping.setdefault((item.kind, text), item)
                self._exact.setdefault((item.kind, text), []).append(item)
                self._normal.setdefault((item.kind, normalise_name(text)), []).append(item)
            if item.power_code:
                self._mapping.setdefault((item.kind, item.power_code), item)
        self._cache: dict[tuple[object, ...], Match] = {}

    def match(
        self,
        values: Mapping[str, object],
        kind: RecordKind | str,
        *,
        mapping: str | None = None,
    ) -> Match:
        """The item of one record; ``mapping`` is the value of its explicit mapping column, if any.

        A mapping that names no item is no match (never a guess in its place).
        """
        kind = RecordKind(kind)
        if mapping is not None and mapping.strip():
            item = self._mapping.get((kind, mapping.strip()))
            return Match(item, MatchMethod.MAPPING, 1.0) if item is not None else _NO_MATCH
        names = tuple(
            str(v).strip() for f in NAME_FIELDS[kind] if (v := values.get(f)) not in (None, "")
        )
        agency = next(
            (str(v).strip() for f in _AGENCY_FIELDS[kind] if (v := values.get(f))), ""
        )
        category = next((str(v).strip() for f in _CATEGORY_FIELDS if (v := values.get(f))), "")
        key = (kind, names, agency, category)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = self._find(kind, names, agency, category)
        return hit

    def _pick(self, found: list[CatalogueItem], agency: str, category: str) -> CatalogueItem:
        if len(found) > 1:
            found = [i for i in found if i.department == agency] or found
        if len(found) > 1 and category:
            found = [i for i in found if i.license_category in (None, category)] or found
        return found[0]

    def _find(self, kind: RecordKind, names: tuple[str, ...], agency: str, category: str) -> Match:
        for name in names:
            if found := self._exact.get((kind, name)):
                return Match(self._pick(found, agency, category), MatchMethod.EXACT, 1.0)
        for name in names:
            if found := self._normal.get((kind, normalise_name(name))):
                return Match(self._pick(found, agency, category), MatchMethod.NORMALISED, 0.95)
        candidates = self._by_kind[kind]
        own = [i for i in candidates if i.department == agency]
        best: tuple[float, int, CatalogueItem] | None = None
        for name in names:
            wanted = normalise_name(name)
            for item in own or candidates:
                for text in (item.name, *item.aliases):
                    score = _similarity(wanted, normalise_name(text))
                    if category and item.license_category not in (None, category):
                        score *= 0.8
                    if best is None or score > best[0]:
                        best = (score, 0, item)
        if best is not None and best[0] >= self.threshold:
            return Match(best[2], MatchMethod.FUZZY, best[0])
        return _NO_MATCH


@attrs.frozen
class Finding:
    """One thing the catalogue and the records disagree on.

    ``code`` is stable: ``catalogue.record_unmatched`` (a record of no catalogued
    item), ``catalogue.item_unused`` (an item with no record in the period),
    ``catalogue.subject_not_allowed`` (a subject category the item does not
    allow), ``catalogue.government_only_public`` (a record of a 政务公开 item
    bound for the public portal). ``record`` is the record's 决定文书号 (never a
    subject's name or number); ``row`` its 1-based position in the input.

    >>> f = Finding("catalogue.item_unused", "本期无记录", "no record in the period")
    >>> str(f)
    'catalogue.item_unused: no record in the period (本期无记录)'
    """

    code: str
    message_zh: str
    message_en: str
    item: CatalogueItem | None = None
    record: str | None = None
    row: int | None = None
    confidence: float | None = None

    def __str__(self) -> str:
        where = f" [row {self.row}]" if self.row is not None else ""
        return f"{self.code}{where}: {self.message_en} ({self.message_zh})"


@attrs.frozen
class Coverage:
    """Records per item, and the findings, of a set of records against a catalogue.

    ``counts`` maps each item's key to its number of records (every item is
    present, unused ones with 0); ``unmatched`` counts records of no item.
    """

    counts: Mapping[tuple[str, str, str], int]
    unmatched: int
    findings: tuple[Finding, ...]
    records: int

    def by_code(self) -> dict[str, int]:
        """The number of findings of each code."""
        out: dict[str, int] = {}
        for f in self.findings:
            out[f.code] = out.get(f.code, 0) + 1
        return out


_WSH: Final = {RecordKind.LICENSE: "XK_WSH", RecordKind.PENALTY: "CF_WSH"}


def _date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if value in (None, ""):
        return None
    try:
        return parse_date(str(value))
    except ValueError:
        return None


def coverage(
    catalogue: Catalogue,
    rows: Iterable[Mapping[str, object]],
    kind: RecordKind | str,
    *,
    decided_from: date | None = None,
    decided_to: date | None = None,
    mapping_column: str | None = None,
    public_portal: bool = True,
    matcher: Matcher | None = None,
    subject_matches: Mapping[SubjectCategory, frozenset[ItemSubject]] | None = None,
) -> Coverage:
    """Match every record of ``kind`` (mappings keyed by field code) and list the findings.

    Records decided outside ``decided_from``..``decided_to`` (inclusive; ``None``
    unbounded) are not counted. ``public_portal`` says the records are bound for
    the public portal (so a 政务公开 item among them is a finding).
    ``subject_matches`` overrides :data:`~credit_disclosure.catalogue.DEFAULT_SUBJECT_MATCHES`.

    >>> from credit_disclosure.catalogue import Catalogue, CatalogueItem, ItemSubject
    >>> cat = Catalogue([CatalogueItem(kind="penalty", department="甲局", name="对乱倒垃圾的处罚",
    ...                                subjects={ItemSubject.LEGAL_PERSON}, scope="政务公开"),
    ...                  CatalogueItem(kind="penalty", department="甲局", name="对占道经营的处罚")])
    >>> rows = [{"CF_WSH": "甲罚〔2026〕1号", "CF_WFXW": "乱倒垃圾", "CF_XDR_LB": "自然人"}]
    >>> sorted(coverage(cat, rows, "penalty").by_code())
    ['catalogue.government_only_public', 'catalogue.item_unused', 'catalogue.subject_not_allowed']
    """
    kind = RecordKind(kind)
    matcher = matcher or Matcher(catalogue)
    counts = {item.key: 0 for item in catalogue.of_kind(kind)}
    findings: list[Finding] = []
    unmatched = total = 0
    table = dict(subject_matches or DEFAULT_SUBJECT_MATCHES)
    for row, values in enumerate(rows, start=1):
        decided = _date(values.get(_DATE_FIELDS[kind]))
        if decided is not None and (
            (decided_from is not None and decided < decided_from)
            or (decided_to is not None and decided > decided_to)
        ):
            continue
        total += 1
        mapped = values.get(mapping_column) if mapping_column else None
        match = matcher.match(values, kind, mapping=None if mapped is None else str(mapped))
        wsh = str(values.get(_WSH[kind]) or "") or None
        if match.item is None:
            unmatched += 1
            findings.append(
                Finding(
                    "catalogue.record_unmatched",
                    "记录不属于事项目录中的任何事项",
                    "the record belongs to no item of the catalogue",
                    record=wsh,
                    row=row,
                )
            )
            continue
        item = match.item
        counts[item.key] = counts.get(item.key, 0) + 1
        category_text = values.get(_SUBJECT_FIELDS[kind])
        try:
            category = SubjectCategory(str(category_text).strip()) if category_text else None
        except ValueError:
            category = None
        if category is not None and not item.allows(category, table):
            findings.append(
                Finding(
                    "catalogue.subject_not_allowed",
                    f"事项“{item.name[:30]}”不适用于行政相对人类别“{category.value}”",
                    f"the item does not allow subjects of category {category.value}",
                    item=item,
                    record=wsh,
                    row=row,
                    confidence=match.confidence,
                )
            )
        if public_portal and not item.scope.is_public:
            findings.append(
                Finding(
                    "catalogue.government_only_public",
                    f"事项“{item.name[:30]}”仅政务公开，记录不应在门户网站公示",
                    "the item is for 政务公开 only: the record must not appear on the public portal",
                    item=item,
                    record=wsh,
                    row=row,
                    confidence=match.confidence,
                )
            )
    for item in catalogue.of_kind(kind):
        if counts[item.key] == 0:
            findings.append(
                Finding(
                    "catalogue.item_unused",
                    f"事项“{item.name[:30]}”本期没有记录",
                    "no record of the item in the period",
                    item=item,
                )
            )
    return Coverage(counts, unmatched, tuple(findings), total)
