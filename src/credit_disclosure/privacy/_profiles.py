"""Masking profiles: which rule applies to which field of a record, by subject category.

A profile maps each :class:`ValueKind` to a rule (or to ``None``: shown as is)
and reads the field table (:data:`DEFAULT_FIELD_PRIVACY`) to know each field's
kind and when it is personal. A natural person's personal fields are masked;
an organisation's public fields (name, credit code, legal representative) are
left alone unless the profile has a ``public_rules`` entry for their kind.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, TypeVar, overload

import attrs

from ..standard._codes import SubjectCategory
from ._fields import DEFAULT_FIELD_PRIVACY, FieldPrivacy, Personal
from ._masking import DEFAULT_RULES, FreeTextRule, KeepEnds, MaskRule, ValueKind
from ._records import as_code_map, rebuild, resolve_category

__all__ = ["INTERNAL", "NONE", "PROFILES", "PUBLIC", "MaskingProfile", "get_profile"]

_R = TypeVar("_R")

#: What a kind without a rule in a profile gets: everything masked (safe default).
_MASK_ALL: Final = KeepEnds(min_hidden=0, compact=False)


def _checked_rules(mapping: Mapping[Any, Any], what: str) -> dict[ValueKind, Any]:
    """A private copy of ``mapping`` whose keys are kinds and values rules (or ``None``)."""
    for kind, rule in mapping.items():
        if not isinstance(kind, ValueKind):
            raise TypeError(f"{what}: the key {kind!r} is not a ValueKind (ValueKind({kind!r})?)")
        if rule is not None and not callable(rule):
            raise TypeError(f"{what}[{kind}]: a rule is a callable str -> str or None")
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
    for a field code whatever the subject.

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
    description: str = attrs.field(default="", repr=False)
    # precompiled plans: field code -> (rule for a person, rule for an organisation)
    _plan: Mapping[str, tuple[MaskRule | None, MaskRule | None]] = attrs.field(
        init=False, repr=False, eq=False
    )

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
                plan[code] = (public_rule, public_rule)
        for code, rule in self.overrides.items():
            plan[code] = (rule, rule)
        object.__setattr__(self, "_plan", plan)

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

        ``record`` is a mapping keyed by field code (a new ``dict`` is returned)
        or a record class of :mod:`credit_disclosure.standard` (a new record is
        returned). The subject category comes from ``category``, else from the
        record's ``*_XDR_LB`` field, else from its credit code; a record that
        says nothing is treated as a natural person's (masks more, never less).
        Values that are not strings (``None``, dates, amounts) are left alone.

        >>> PUBLIC.mask_record({"XK_XDR_MC": "张三", "XK_NR": "同意"})
        {'XK_XDR_MC': '张*', 'XK_NR': '同意'}
        >>> PUBLIC.mask_record({"XK_XDR_MC": "张三"}, category=SubjectCategory.INDIVIDUAL_BUSINESS)
        {'XK_XDR_MC': '张三'}
        """
        values = as_code_map(record)
        category = resolve_category(category, values)
        personal = category is None or category in self.personal_categories
        index = 0 if personal else 1
        plan = self._plan
        changes: dict[str, object] = {}
        for code, value in values.items():
            entry = plan.get(code)
            if entry is None or not isinstance(value, str):
                continue
            rule = entry[index]
            if rule is None:
                continue
            fp = self.fields.get(code)
            if (
                fp is not None
                and fp.type_field is not None
                and fp.kind is ValueKind.ID_NUMBER
                and code not in self.overrides
                and _passport(values.get(fp.type_field))
                and (personal or fp.personal is Personal.ALWAYS)
            ):
                passport_rule = self.rule_for(ValueKind.PASSPORT)
                if passport_rule is None:
                    continue
                rule = passport_rule
            masked = rule(value)
            if masked != value:
                changes[code] = masked
        return rebuild(record, changes)

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
        raise KeyError(f"no masking profile {name!r}; known: {', '.join(PROFILES)}") from None
