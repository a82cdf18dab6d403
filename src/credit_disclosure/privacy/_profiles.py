"""Masking profiles: which rule applies to which field of a record, by subject category.

A profile maps each :class:`ValueKind` to a rule (or to ``None``: shown as is)
and reads the field table (:data:`DEFAULT_FIELD_PRIVACY`) to know each field's
kind and when it is personal. A natural person's personal fields are masked;
an organisation's public fields (name, credit code, legal representative) are
left alone unless the profile has a ``public_rules`` entry for their kind.

Records are keyed in any of the three header styles the checker reads (field
code, Chinese name, attribute name; :func:`credit_disclosure.standard.resolve_header`).
A key that is neither in the profile's field table nor a field of the standard
is *unclassified*: the profile fails closed on it (:class:`UnknownFields`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final, TypeVar, overload

import attrs

from .._text import safe_repr
from ..errors import ArgumentTypeError, UnknownName, ValidationError
from ..standard import RecordKind, SubjectCategory
from ._fields import DEFAULT_FIELD_PRIVACY, FieldPrivacy, Personal
from ._masking import DEFAULT_RULES, FreeTextRule, KeepEnds, MaskRule, ValueKind
from ._records import (
    _CATEGORY_FIELDS,
    _USCC_FIELDS,
    as_code_map,
    code_of,
    codes_of,
    is_credit_code,
    rebuild,
    resolve_category,
)

__all__ = [
    "INTERNAL",
    "NONE",
    "PROFILES",
    "PUBLIC",
    "MaskingProfile",
    "UnknownFields",
    "get_profile",
]

_R = TypeVar("_R")

#: What a kind without a rule in a profile gets: everything masked (safe default).
_MASK_ALL: Final = KeepEnds(min_hidden=0, compact=False)


def _checked_rules(mapping: Mapping[Any, Any], what: str) -> dict[ValueKind, Any]:
    """A private copy of ``mapping`` whose keys are kinds and values rules (or ``None``)."""
    for kind, rule in mapping.items():
        if not isinstance(kind, ValueKind):
            shown = safe_repr(kind, 40)
            raise ArgumentTypeError(
                "privacy.rule",
                message_en=f"{what}: the key {shown} is not a ValueKind (ValueKind({shown})?)",
                message_zh=f"{what}：键 {shown} 不是 ValueKind",
                field=what,
            )
        if rule is not None and not callable(rule):
            raise ArgumentTypeError(
                "privacy.rule",
                message_en=f"{what}[{kind}]: a rule is a callable str -> str or None",
                message_zh=f"{what}[{kind}]：规则应为可调用对象（str -> str 或 None）",
                field=what,
            )
    return dict(mapping)


# Private copies of the mappings, so that a profile cannot change under its user.
def _copy_rules(
    mapping: Mapping[ValueKind, MaskRule | None],
) -> Mapping[ValueKind, MaskRule | None]:
    return _checked_rules(mapping, "rules")


def _copy_public(mapping: Mapping[ValueKind, MaskRule]) -> Mapping[ValueKind, MaskRule]:
    return _checked_rules(mapping, "public_rules")


def _copy_fields(mapping: Mapping[str, FieldPrivacy]) -> Mapping[str, FieldPrivacy]:
    return dict(mapping)


def _copy_overrides(mapping: Mapping[str, MaskRule | None]) -> Mapping[str, MaskRule | None]:
    return dict(mapping)


def _passport(type_value: object) -> bool:
    return isinstance(type_value, str) and "护照" in type_value


class UnknownFields(enum.Enum):
    """What a profile does with a field it cannot classify (fail closed).

    A field is *unclassified* when its key is neither in the profile's field
    table (:data:`DEFAULT_FIELD_PRIVACY` and :meth:`MaskingProfile.with_fields`)
    nor a field code, Chinese name or attribute name of the data standard: a
    local column such as 联系电话 or 家庭住址 that nobody described.

    >>> UnknownFields("refuse")
    <UnknownFields.REFUSE: 'refuse'>
    """

    #: mask the value completely in a record that may be a person's (自然人, or no
    #: category); scrub it as free text (identity and mobile numbers) in an
    #: organisation's. The default of ``public`` and ``internal``.
    MASK = "mask"
    #: raise :class:`~credit_disclosure.errors.ValidationError` ``privacy.field_unclassified``
    #: naming the field, whatever the record: nothing is masked until every field is described
    REFUSE = "refuse"
    #: show the value as it is (the ``none`` profile, which masks nothing)
    SHOW = "show"


#: The error code of an unclassified field under :attr:`UnknownFields.REFUSE`.
UNCLASSIFIED: Final = "privacy.field_unclassified"

#: Key plans kept per profile (one per distinct tuple of record keys) before the cache is reset.
_PLAN_CACHE_SIZE: Final = 256

#: Per key: (key, (rule for a person, rule for an organisation) or None when the key is
#: unclassified, (document-type field, field) or None); and the deciding look-ups.
_RecordPlan = tuple[
    tuple[tuple[object, "tuple[MaskRule | None, MaskRule | None] | None", Any], ...],
    tuple[tuple[str, object], ...],
]

#: The fields whose values decide the subject category (``*_XDR_LB``, the credit code).
_DECIDING: Final = (*_CATEGORY_FIELDS, *_USCC_FIELDS)

@attrs.frozen
class _CreditCodeOrScrub:
    """An organisation's credit code is shown; anything else in its place is scrubbed.

    A clerk who files a person as an organisation often types the person's
    identity number into 统一社会信用代码: only a valid credit code (GB 32100-2015)
    that is not also a valid identity number is shown as it is.
    """

    scrub: MaskRule

    def __call__(self, value: str, /) -> str:
        if is_credit_code(value):
            return value
        return self.scrub(value)


def _as_text(value: object) -> str | None:
    """The text a masking rule reads from ``value``, or ``None`` when there is nothing to mask.

    Numbers are masked too: a spreadsheet or JSON holds a 15-digit identity number
    or a phone number as a number.
    """
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    return None


def _unclassified(key: object) -> ValidationError:
    name = str(key)
    return ValidationError(
        UNCLASSIFIED,
        message_en=f"the field {name!r} is neither in the masking profile's field table nor a "
        "field of the standard: describe it (MaskingProfile.with_fields) or drop it",
        message_zh=f"字段“{name}”既不在脱敏方案的字段表中，也不是标准字段："
        "请用 with_fields 说明其类型，或删除该列",
        field=name,
    )


@attrs.frozen(kw_only=True)
class MaskingProfile:
    """A named set of masking rules applied to whole records by field metadata.

    ``rules`` gives the rule for each kind of personal value (``None``: shown
    as is; a kind missing from ``rules`` is masked completely).
    ``public_rules`` masks public registration data (``USCC``, ``ORG_CODE``,
    an organisation's name) too. ``personal_categories`` are the subject
    categories whose subject-dependent fields are personal (default: only
    自然人; add 个体工商户 to mask an individual business owner's name).
    ``fields`` is the field table; ``overrides`` gives a rule (or ``None``)
    for a field code whatever the subject. ``unknown_fields`` says what
    happens to a field the profile cannot classify (:class:`UnknownFields`:
    masked completely in a record that may be a person's, by default).

    >>> p = PUBLIC
    >>> p.mask_record({"CF_XDR_LB": "自然人", "CF_XDR_MC": "欧阳娜娜",
    ...                "CF_XDR_ZJHM": "11010519491231002X"})
    {'CF_XDR_LB': '自然人', 'CF_XDR_MC': '欧阳**', 'CF_XDR_ZJHM': '1101**********002X'}
    >>> p.mask_record({"CF_XDR_LB": "法人及非法人组织", "CF_XDR_MC": "某某科技有限公司",
    ...                "CF_XDR_SHXYM": "91512081MA62K0260E", "CF_FRDB": "张三"})["CF_XDR_MC"]
    '某某科技有限公司'
    """

    name: str
    rules: Mapping[ValueKind, MaskRule | None] = attrs.field(converter=_copy_rules, factory=dict)
    public_rules: Mapping[ValueKind, MaskRule] = attrs.field(converter=_copy_public, factory=dict)
    personal_categories: frozenset[SubjectCategory] = frozenset({SubjectCategory.NATURAL_PERSON})
    fields: Mapping[str, FieldPrivacy] = attrs.field(
        converter=_copy_fields, default=DEFAULT_FIELD_PRIVACY, repr=False
    )
    overrides: Mapping[str, MaskRule | None] = attrs.field(converter=_copy_overrides, factory=dict)
    unknown_fields: UnknownFields = attrs.field(
        default=UnknownFields.MASK, converter=UnknownFields
    )
    description: str = attrs.field(default="", repr=False)
    # precompiled plans: field code -> (rule for a person, rule for an organisation)
    _plan: Mapping[str, tuple[MaskRule | None, MaskRule | None]] = attrs.field(
        init=False, repr=False, eq=False
    )
    # record keys -> the field code of each key (None: unclassified), cached per key tuple
    _key_plans: dict[tuple[object, ...], tuple[str | None, ...]] = attrs.field(
        init=False, repr=False, eq=False
    )
    _record_plans: dict[tuple[object, ...], _RecordPlan] = attrs.field(
        init=False, repr=False, eq=False
    )
    # the keys that are their own field codes: the field table's and the overrides'
    _known: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        plan: dict[str, tuple[MaskRule | None, MaskRule | None]] = {}
        for code, fp in self.fields.items():
            personal_rule = self.rule_for(fp.kind)
            public_rule = self.public_rules.get(fp.kind)
            if fp.personal is Personal.ALWAYS:
                plan[code] = (personal_rule, personal_rule)
            elif fp.personal is Personal.SUBJECT:
                plan[code] = (personal_rule, public_rule)
            else:
                # An organisation's codes and representative are public; a person has none,
                # so whatever a person's record holds there (often the person's own identity
                # number in 统一社会信用代码) is scrubbed as free text.
                scrub = self.rule_for(ValueKind.TEXT)
                org_rule = public_rule
                if org_rule is None and fp.kind is ValueKind.USCC and scrub is not None:
                    org_rule = _CreditCodeOrScrub(scrub)
                plan[code] = (public_rule or scrub, org_rule)
        for code, rule in self.overrides.items():
            plan[code] = (rule, rule)
        object.__setattr__(self, "_plan", plan)
        object.__setattr__(self, "_key_plans", {})
        object.__setattr__(self, "_known", frozenset((*self.fields, *self.overrides)))
        object.__setattr__(self, "_record_plans", {})

    def field_code(self, key: object, kind: RecordKind | None = None) -> str | None:
        """The field code a record key names for this profile, or ``None`` when unclassified.

        A key of the profile's field table (or of ``overrides``) is its own code;
        any other key is read as a header of the standard (field code, Chinese
        name or attribute name, as :func:`~credit_disclosure.standard.resolve_header`
        reads it), first for ``kind`` (default: penalty) and the 2018 standard.

        >>> PUBLIC.field_code("证件号码"), PUBLIC.field_code("subject_name", RecordKind.LICENSE)
        ('CF_XDR_ZJHM', 'XK_XDR_MC')
        >>> PUBLIC.field_code("CF_WSH"), PUBLIC.field_code("联系电话") is None
        ('CF_WSH', True)
        """
        return code_of(key, self._known, kind)

    def unclassified(self, keys: Iterable[object]) -> tuple[object, ...]:
        """The keys (column headers) this profile cannot classify, in order.

        What :attr:`unknown_fields` applies to: not in the field table, not a
        header of the standard in any of its three styles. Blank keys are not
        listed (a reader drops the values of a column without a header).

        >>> PUBLIC.unclassified(["行政相对人名称", "证件号码", "联系电话", "CF_WSH"])
        ('联系电话',)
        """
        keys = tuple(keys)
        return tuple(
            key
            for key, code in zip(keys, self._codes(keys))
            if code is None and not (isinstance(key, str) and not key.strip())
        )

    def _codes(self, keys: tuple[object, ...]) -> tuple[str | None, ...]:
        """The field code of each key (``None``: unclassified), cached per tuple of keys."""
        plans = self._key_plans
        cached = plans.get(keys)
        if cached is not None:
            return cached
        found = codes_of(keys, self._known)
        if len(plans) >= _PLAN_CACHE_SIZE:
            plans.clear()
        plans[keys] = found
        return found

    def rule_for(self, kind: ValueKind) -> MaskRule | None:
        """The rule this profile applies to a personal value of ``kind`` (``None``: shown).

        >>> INTERNAL.rule_for(ValueKind.NAME) is None
        True
        >>> PUBLIC.rule_for(ValueKind.NAME)("张三")
        '张*'
        """
        return self.rules.get(kind, _MASK_ALL)  # present with None: shown as is

    def mask_value(self, value: str, kind: ValueKind) -> str:
        """Mask one personal ``value`` of ``kind`` with this profile's rule.

        >>> PUBLIC.mask_value("13812345678", ValueKind.PHONE)
        '138****5678'
        >>> NONE.mask_value("13812345678", ValueKind.PHONE)
        '13812345678'
        """
        rule = self.rule_for(kind)
        return value if rule is None else rule(value)

    @overload
    def mask_record(
        self, record: Mapping[str, Any], *, category: SubjectCategory | None = None
    ) -> dict[str, Any]: ...

    @overload
    def mask_record(self, record: _R, *, category: SubjectCategory | None = None) -> _R: ...

    def mask_record(self, record: object, *, category: SubjectCategory | None = None) -> object:
        """Mask the fields of ``record`` that this profile masks for its subject.

        ``record`` is a mapping (a new ``dict`` is returned) keyed in any of the
        three header styles of the standard — field code, Chinese name,
        attribute name — or by the keys of :meth:`with_fields`; or a record class
        of :mod:`credit_disclosure.standard` (a new record is returned). The
        subject category comes from ``category``, else from the record's
        行政相对人类别 (``*_XDR_LB``), else from its credit code; a record that says
        nothing is treated as a natural person's (masks more, never less).
        Numbers in a masked field are masked as text (a spreadsheet holds a
        15-digit ID as a number); ``None``, dates and other values are left alone.

        A key the profile cannot classify (:meth:`unclassified`) fails closed,
        as :attr:`unknown_fields` says: by default its value is masked
        completely in a record that may be a person's, and scrubbed of identity
        and mobile numbers in an organisation's.

        >>> PUBLIC.mask_record({"XK_XDR_MC": "张三", "XK_NR": "同意"})
        {'XK_XDR_MC': '张*', 'XK_NR': '同意'}
        >>> PUBLIC.mask_record({"XK_XDR_MC": "张三"}, category=SubjectCategory.INDIVIDUAL_BUSINESS)
        {'XK_XDR_MC': '张三'}
        >>> PUBLIC.mask_record({"行政相对人类别": "自然人", "行政相对人名称": "欧阳娜娜",
        ...                     "证件号码": "11010519491231002X", "联系电话": "13812345678"})
        {'行政相对人类别': '自然人', '行政相对人名称': '欧阳**', '证件号码': '1101**********002X', '联系电话': '***********'}
        """
        is_mapping = type(record) is dict or isinstance(record, Mapping)
        values: Mapping[Any, Any] = record if is_mapping else as_code_map(record)  # type: ignore[assignment]
        keys = tuple(values)
        steps, lookups = self._record_plan(keys)
        # the few fields that decide: the category, the credit code, the document types
        facts = {code: values[key] for code, key in lookups}
        category = resolve_category(category, facts)
        personal = category is None or category in self.personal_categories
        index = 0 if personal else 1
        scrub = self.rule_for(ValueKind.TEXT)
        changes: dict[object, object] = {}
        for key, entry, type_field in steps:
            value = values[key]
            if entry is None:  # unclassified: fail closed
                masked = self._mask_unclassified(key, value, personal)
                if masked is not None:
                    changes[key] = masked
                continue
            rule = entry[index]
            if rule is None or (rule is scrub and type(value) is not str):
                continue  # shown; a number or a date in a shown field stays what it is
            text = value if type(value) is str else _as_text(value)
            if not text:  # nothing (None, a date) or nothing to hide ("")
                continue
            if type_field is not None and _passport(facts.get(type_field[0])):
                fp = self.fields[type_field[1]]
                if personal or fp.personal is Personal.ALWAYS:
                    passport_rule = self.rule_for(ValueKind.PASSPORT)
                    if passport_rule is None:
                        continue
                    rule = passport_rule
            masked = rule(text)
            if masked != value:
                changes[key] = masked
        if not is_mapping:
            return rebuild(record, changes)  # type: ignore[arg-type]  # keys are codes here
        out = dict(values)
        if changes:
            out.update(changes)
        return out

    def _record_plan(self, keys: tuple[object, ...]) -> _RecordPlan:
        """What to do with each key of a record with these keys (cached per tuple of keys).

        The steps are the keys that may be masked (with their rules, and the
        field holding their document type) and the unclassified keys (entry
        ``None``); the look-ups are the keys whose values decide the subject
        category and the document types, by field code.
        """
        plans = self._record_plans
        found = plans.get(keys)
        if found is not None:
            return found
        codes = self._codes(keys)
        plan, fields, overrides = self._plan, self.fields, self.overrides
        scrub = self.rule_for(ValueKind.TEXT)
        by_code: dict[str, object] = {}
        for key, code in zip(keys, codes):
            if code is not None:
                by_code.setdefault(code, key)
        steps: list[tuple[object, tuple[MaskRule | None, MaskRule | None] | None, Any]] = []
        lookups: dict[str, object] = {c: by_code[c] for c in _DECIDING if c in by_code}
        for key, code in zip(keys, codes):
            if code is None:
                if not (isinstance(key, str) and not key.strip()):
                    steps.append((key, None, None))
                continue
            entry = plan.get(code)
            if scrub is not None and code not in overrides:
                # A field the profile shows is still scrubbed of identity numbers typed into
                # it (docs/errors.md: no identity number in any output), unless the profile
                # masks nothing at all or an override asks to show this field.
                entry = (scrub, scrub) if entry is None else (entry[0] or scrub, entry[1] or scrub)
            if entry is None or entry == (None, None):
                continue
            fp = fields.get(code)
            type_field = None
            if (
                fp is not None
                and fp.type_field is not None
                and fp.kind is ValueKind.ID_NUMBER
                and code not in overrides
            ):
                type_field = (fp.type_field, code)
                if fp.type_field in by_code:
                    lookups[fp.type_field] = by_code[fp.type_field]
            steps.append((key, entry, type_field))
        found = (tuple(steps), tuple(lookups.items()))
        if len(plans) >= _PLAN_CACHE_SIZE:
            plans.clear()
        plans[keys] = found
        return found

    def _mask_unclassified(self, key: object, value: object, personal: bool) -> str | None:
        """The masked value of an unclassified field, or ``None`` to leave it."""
        mode = self.unknown_fields
        if mode is UnknownFields.SHOW:
            return None
        if mode is UnknownFields.REFUSE:
            raise _unclassified(key)
        if value is None or value == "" or isinstance(value, bool):
            return None
        text = value if isinstance(value, str) else str(value)
        if personal:
            masked = _MASK_ALL(text)
        else:
            scrub = self.rule_for(ValueKind.TEXT)
            if scrub is None:
                return None
            masked = scrub(text)
        return None if masked == value else masked

    def evolve(self, **changes: Any) -> MaskingProfile:
        """A copy of this profile with some attributes replaced (a user's own profile).

        >>> mine = PUBLIC.evolve(name="mine", rules={**PUBLIC.rules, ValueKind.NAME: None})
        >>> mine.mask_record({"CF_XDR_MC": "张三"})
        {'CF_XDR_MC': '张三'}
        """
        return attrs.evolve(self, **changes)

    def with_fields(self, fields: Mapping[str, FieldPrivacy]) -> MaskingProfile:
        """A copy that also knows the local fields in ``fields`` (e.g. 联系电话).

        >>> from credit_disclosure.privacy import FieldPrivacy, Personal
        >>> p = PUBLIC.with_fields({"LXDH": FieldPrivacy(ValueKind.PHONE, Personal.SUBJECT)})
        >>> p.mask_record({"CF_XDR_LB": "自然人", "LXDH": "13812345678"})["LXDH"]
        '138****5678'
        """
        return attrs.evolve(self, fields={**self.fields, **fields})


#: What a public portal (信用中国 and the local credit sites) may show: a natural
#: person's surname, the first and last 4 characters of an identity number, the
#: phone's first 3 and last 4 digits, the address down to the district or county.
PUBLIC: Final = MaskingProfile(
    name="public",
    rules=DEFAULT_RULES,
    description="what a public portal may show",
)

#: Sharing between agencies (共享): names, phones, addresses and e-mails shown;
#: identity numbers keep 6 + 4 characters (division and sequence, the birth
#: date hidden); bank cards 6 + 4.
INTERNAL: Final = MaskingProfile(
    name="internal",
    rules={
        ValueKind.NAME: None,
        ValueKind.ID_NUMBER: KeepEnds(keep_start=6, keep_end=4, min_hidden=8),
        ValueKind.PASSPORT: KeepEnds(keep_start=2, keep_end=3, min_hidden=4),
        ValueKind.PHONE: None,
        ValueKind.ADDRESS: None,
        ValueKind.BANK_CARD: KeepEnds(keep_start=6, keep_end=4, min_hidden=6),
        ValueKind.EMAIL: None,
        ValueKind.TEXT: FreeTextRule(
            id_rule=KeepEnds(keep_start=6, keep_end=4, min_hidden=8),
            phone_rule=None,
        ),
    },
    description="sharing between agencies",
)

#: Nothing masked: for the system of record itself (protect it with encryption).
NONE: Final = MaskingProfile(
    name="none",
    rules=dict.fromkeys(ValueKind),
    unknown_fields=UnknownFields.SHOW,
    description="nothing masked",
)

#: The built-in profiles by name.
PROFILES: Final[Mapping[str, MaskingProfile]] = {p.name: p for p in (PUBLIC, INTERNAL, NONE)}


def get_profile(name: str) -> MaskingProfile:
    """The built-in profile called ``name`` (``public``, ``internal``, ``none``).

    >>> get_profile("internal").name
    'internal'
    """
    try:
        return PROFILES[name]
    except KeyError:
        raise UnknownName(
            "privacy.profile",
            message_en=f"no masking profile {name!r}; known: {', '.join(PROFILES)}",
            message_zh=f"没有名为 {name!r} 的脱敏方案；可选：{', '.join(PROFILES)}",
        ) from None
