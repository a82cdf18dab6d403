"""The items of a 双公示 事项目录: who decides what, about whom, disclosed how far.

Every unit with licence or penalty powers keeps a catalogue of the items it
decides and must disclose (长治 2020 通知 2 and 附件2; 长治 2021 实施意见 (二);
长春净月 实施细则 (2020) 第八条). An item names the deciding department, the item
(项目名称), the subject categories it may concern (行政相对人类别: 自然人 / 法人 /
其他组织), how far it is disclosed (公开范围: 政务公开 or 社会公开), its legal basis
and, where known, its code in the unit's power list (权力清单).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from ..errors import ValidationError
from ..standard import RecordKind, SubjectCategory

__all__ = [
    "DEFAULT_SUBJECT_MATCHES",
    "Catalogue",
    "CatalogueItem",
    "DisclosureScope",
    "ItemSubject",
    "normalise_name",
    "parse_choices",
]


class ItemSubject(enum.Enum):
    """A 行政相对人类别 as the 事项目录 names it (长治 2020 通知 附件2).

    The catalogue uses three categories, which are not the data standard's
    (:class:`~credit_disclosure.standard.SubjectCategory`):
    :data:`DEFAULT_SUBJECT_MATCHES` relates the two.

    >>> ItemSubject("法人")
    <ItemSubject.LEGAL_PERSON: '法人'>
    """

    NATURAL_PERSON = "自然人"
    LEGAL_PERSON = "法人"
    OTHER_ORGANISATION = "其他组织"


class DisclosureScope(enum.Enum):
    """公开范围 of an item: to the government only, or to society (长治 2020 通知 附件2).

    >>> DisclosureScope("社会公开").is_public
    True
    """

    GOVERNMENT = "政务公开"
    PUBLIC = "社会公开"

    @property
    def is_public(self) -> bool:
        """Whether records of the item may appear on the public portal."""
        return self is DisclosureScope.PUBLIC


#: Which catalogue categories admit a record of each data-standard category. The standard's
#: 法人及非法人组织 covers both 法人 and 其他组织; where a 个体工商户 belongs is not settled by any
#: source we have (?): the default admits it under 其他组织 or 自然人. Pass your own table to
#: :meth:`Catalogue.allows` / the findings to override it.
DEFAULT_SUBJECT_MATCHES: Final[dict[SubjectCategory, frozenset[ItemSubject]]] = {
    SubjectCategory.NATURAL_PERSON: frozenset({ItemSubject.NATURAL_PERSON}),
    SubjectCategory.LEGAL_PERSON: frozenset(
        {ItemSubject.LEGAL_PERSON, ItemSubject.OTHER_ORGANISATION}
    ),
    SubjectCategory.INDIVIDUAL_BUSINESS: frozenset(
        {ItemSubject.OTHER_ORGANISATION, ItemSubject.NATURAL_PERSON}
    ),
}

# Tick boxes as departments type them in Excel and Word: ticked, and not ticked.
_TICKED: Final = "☑☒✓✔√■▣✅▇●◉⊠"
_UNTICKED: Final = "□☐◻○"
_BRACKETED: Final = re.compile(r"[\[［(（]\s*([xX×√✓✔ ]?)\s*[\]］)）]")
_SPLIT: Final = re.compile(r"[\n\r\t,，;；、/|\s]+")


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def parse_choices(cell: object, choices: type[enum.Enum], *, column: str) -> frozenset[enum.Enum]:
    """The options chosen in a cell: tick boxes (□/☑/√/■, ``[x]``) or plain names.

    A cell with tick boxes yields the ticked options only; a cell without any
    box names the options it holds (``法人、其他组织``); an empty cell yields no
    option. An option the cell names that ``choices`` does not know raises
    :class:`~credit_disclosure.errors.ValidationError` (``catalogue.choice``)
    naming ``column``, never a silent drop.

    >>> sorted(s.value for s in parse_choices("□自然人\\n☑法人\\n√其他组织", ItemSubject, column="c"))
    ['其他组织', '法人']
    >>> sorted(s.value for s in parse_choices("法人、其他组织", ItemSubject, column="c"))
    ['其他组织', '法人']
    >>> parse_choices("[x]社会公开 [ ]政务公开", DisclosureScope, column="c")
    frozenset({<DisclosureScope.PUBLIC: '社会公开'>})
    """
    if cell is None:
        return frozenset()
    text = _BRACKETED.sub(lambda m: "☑" if m.group(1).strip() else "□", _clean(str(cell)))
    by_value = {member.value: member for member in choices}
    boxed = any(ch in _TICKED or ch in _UNTICKED for ch in text)
    chosen: set[enum.Enum] = set()
    if boxed:
        marks = f"[{re.escape(_TICKED + _UNTICKED)}]"
        for part in re.split(f"(?={marks})", text):
            part = part.strip()
            if not part:
                continue
            ticked = part[0] in _TICKED
            name = _SPLIT.sub("", part.lstrip(_TICKED + _UNTICKED))
            if not name and not ticked:
                continue
            member = by_value.get(name)
            if member is None:
                raise _choice_error(name or part, column, by_value)
            if ticked:
                chosen.add(member)
        return frozenset(chosen)
    for name in _SPLIT.split(text):
        if not name:
            continue
        member = by_value.get(name)
        if member is None:
            raise _choice_error(name, column, by_value)
        chosen.add(member)
    return frozenset(chosen)


def _choice_error(name: str, column: str, known: dict[str, enum.Enum]) -> ValidationError:
    options = "/".join(known)
    return ValidationError(
        "catalogue.choice",
        message_en=f"column {column}: {name[:20]!r} is not one of {options}",
        message_zh=f"“{column}”列的“{name[:20]}”不是可选项（{options}）",
        field=column,
    )


_WRAPPERS: Final = re.compile(r"^(对|关于)|(的?(行政)?(处罚|行为|许可|审批|核准|登记|备案))+$")
_PUNCT: Final = re.compile(r"[\s\W_]+")


def normalise_name(name: str) -> str:
    """An item or record name reduced for matching: width, punctuation, 对…的处罚 wrappers.

    >>> normalise_name("对经营者捏造、散布涨价信息的行为的处罚")
    '经营者捏造散布涨价信息'
    >>> normalise_name("食品经营许可") == normalise_name(" 食品经营 ")
    True
    """
    text = _PUNCT.sub("", _clean(name))
    previous = None
    while previous != text:
        previous, text = text, _WRAPPERS.sub("", text)
    return text


def _kind(value: RecordKind | str) -> RecordKind:
    return RecordKind(value)


def _stripped(value: str) -> str:
    return str(value).strip()


def _item_tuple(value: Iterable[CatalogueItem]) -> tuple[CatalogueItem, ...]:
    return tuple(value)


def _subjects(value: Iterable[ItemSubject]) -> frozenset[ItemSubject]:
    return frozenset(ItemSubject(v) for v in value)


def _aliases(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(v for v in (str(a).strip() for a in value) if v)


@attrs.frozen(kw_only=True)
class CatalogueItem:
    """One item of the catalogue (one line of 附件2 行政许可和行政处罚事项目录).

    ``kind`` licence or penalty; ``department`` 行政决定部门; ``name`` 项目名称;
    ``subjects`` the 行政相对人类别 allowed; ``scope`` 公开范围; ``legal_basis``
    设定依据; ``power_code`` the 权力清单 code (``None`` unknown);
    ``license_category`` the 许可类别 of a licence item when known (matching
    then prefers items of the record's category); ``aliases`` other names
    records use for it (the explicit mapping, 匹配名称).

    >>> item = CatalogueItem(kind=RecordKind.PENALTY, department="市发改委",
    ...     name="对哄抬价格行为的处罚", subjects={ItemSubject.LEGAL_PERSON},
    ...     scope=DisclosureScope.PUBLIC)
    >>> item.key
    ('penalty', '市发改委', '对哄抬价格行为的处罚')
    """

    kind: RecordKind = attrs.field(converter=_kind)
    department: str = attrs.field(converter=_stripped)
    name: str = attrs.field(converter=_stripped)
    subjects: frozenset[ItemSubject] = attrs.field(converter=_subjects, factory=frozenset)
    scope: DisclosureScope = attrs.field(
        converter=DisclosureScope, default=DisclosureScope.PUBLIC
    )
    legal_basis: str = ""
    power_code: str | None = None
    license_category: str | None = None
    aliases: tuple[str, ...] = attrs.field(converter=_aliases, default=())

    @name.validator
    def _name_given(self, _attribute: object, value: str) -> None:
        if not value:
            raise ValidationError(
                "catalogue.name",
                message_en="an item needs a name (项目名称)",
                message_zh="事项缺少项目名称",
                field="项目名称",
            )

    @property
    def key(self) -> tuple[str, str, str]:
        """What identifies an item across versions of a catalogue: its kind, department and name."""
        return (self.kind.value, self.department, self.name)

    def allows(
        self,
        category: SubjectCategory,
        matches: dict[SubjectCategory, frozenset[ItemSubject]] | None = None,
    ) -> bool:
        """Whether a record about a subject of ``category`` fits this item.

        An item that names no category allows every one (the table was left blank).

        >>> item = CatalogueItem(kind="penalty", department="d", name="n",
        ...                      subjects={ItemSubject.LEGAL_PERSON})
        >>> item.allows(SubjectCategory.LEGAL_PERSON), item.allows(SubjectCategory.NATURAL_PERSON)
        (True, False)
        """
        if not self.subjects:
            return True
        table = DEFAULT_SUBJECT_MATCHES if matches is None else matches
        return bool(table.get(category, frozenset()) & self.subjects)


@attrs.frozen
class Catalogue:
    """A unit's (or a county's) catalogue: items in the order they were listed.

    >>> cat = Catalogue((CatalogueItem(kind="license", department="镇政府", name="建房许可"),))
    >>> len(cat), [i.name for i in cat.of_kind("license")]
    (1, ['建房许可'])
    """

    items: tuple[CatalogueItem, ...] = attrs.field(converter=_item_tuple)

    def __attrs_post_init__(self) -> None:
        seen: set[tuple[str, str, str]] = set()
        for item in self.items:
            if item.key in seen:
                raise ValidationError(
                    "catalogue.duplicate",
                    message_en=f"item listed twice: {item.department} / {item.name[:40]}",
                    message_zh=f"事项重复：{item.department} / {item.name[:40]}",
                    field="项目名称",
                )
            seen.add(item.key)

    def __iter__(self) -> Iterator[CatalogueItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def of_kind(self, kind: RecordKind | str) -> tuple[CatalogueItem, ...]:
        """The items of one kind, in catalogue order."""
        kind = RecordKind(kind)
        return tuple(i for i in self.items if i.kind is kind)

    def departments(self) -> tuple[str, ...]:
        """The departments named, in order of first appearance.

        >>> Catalogue((CatalogueItem(kind="license", department="乙", name="x"),
        ...            CatalogueItem(kind="penalty", department="甲", name="y"))).departments()
        ('乙', '甲')
        """
        return tuple(dict.fromkeys(i.department for i in self.items))
