"""Which fields of a 双公示 record hold personal data, and of what kind.

The data standard (发改办财金〔2018〕790号, and the 2015 standard) names the
fields; this table adds what the privacy layer needs: the kind of value (which
masking rule applies) and when the value is personal information.

A subject's name is personal only when the subject is a natural person: an
organisation's name and codes are public registration data (docs/sources.md#src-790:
subjects are keyed by 统一社会信用代码 for organisations and 身份证号 for natural
persons). An identity document number is personal whoever the subject is (the
legal representative's number too). Free text can carry identity and mobile
numbers of anyone (违法事实, 备注), so it is scrubbed for every subject.

Sources: 《个人信息保护法》(2021) 第四条 (personal information), 第二十八条
(sensitive personal information: 身份证件号码 is treated as such in GB/T
35273-2020 附录B); 长治 2021 实施意见 (十一) (technical treatment before
publishing personal information); 790号 field lists.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Final

import attrs

from ..standard import RecordKind, StandardVersion, fields
from ._masking import ValueKind

__all__ = ["DEFAULT_FIELD_PRIVACY", "FieldPrivacy", "Personal"]


class Personal(enum.Enum):
    """When a field's value is personal information.

    >>> Personal("subject")
    <Personal.SUBJECT: 'subject'>
    """

    #: always personal (identity document numbers, free text)
    ALWAYS = "always"
    #: personal only when the record's subject is a natural person (the subject's name)
    SUBJECT = "subject"
    #: public registration data of an organisation (codes, legal representative's name)
    NEVER = "never"


@attrs.frozen
class FieldPrivacy:
    """The privacy facts of one field: the kind of value and when it is personal.

    ``type_field`` names the field that holds the document type of an identity
    number (``CF_XDR_ZJLX``): a 护照 number is masked as a passport.

    >>> FieldPrivacy(ValueKind.PHONE, Personal.ALWAYS, source="local extension: 联系电话")
    FieldPrivacy(kind=<ValueKind.PHONE: 'phone'>, personal=<Personal.ALWAYS: 'always'>, source='local extension: 联系电话', type_field=None)
    """

    kind: ValueKind
    personal: Personal
    source: str = ""
    type_field: str | None = None


def _from_field_table() -> dict[str, FieldPrivacy]:
    # The field table (standard/data/fields-*.csv) holds each field's privacy kind;
    # a code shared by several tables (CF_XDR_MC, BZ) keeps its first source (2018).
    out: dict[str, FieldPrivacy] = {}
    for version in StandardVersion:
        for kind in RecordKind:
            for spec in fields(kind, version):
                if spec.privacy is None or spec.personal is None or spec.code in out:
                    continue
                out[spec.code] = FieldPrivacy(
                    ValueKind(spec.privacy),
                    Personal(spec.personal),
                    str(spec.source),
                    type_field=spec.type_field,
                )
    return out


#: The privacy facts of the 2018 and 2015 standard fields that hold personal or
#: registration data, keyed by field code, read from the field table (the
#: ``privacy``, ``personal`` and ``type_field`` columns of
#: :func:`credit_disclosure.standard.fields`). Fields not listed (decision numbers,
#: dates, authorities) are never masked. Add local fields (联系电话, 住所, ...)
#: with :meth:`MaskingProfile.with_fields`.
DEFAULT_FIELD_PRIVACY: Final[Mapping[str, FieldPrivacy]] = _from_field_table()
