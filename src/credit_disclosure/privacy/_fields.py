"""Which fields of a 双公示 record hold personal data, and of what kind.

The data standard (发改办财金〔2018〕790号, and the 2015 standard) names the
fields; this table adds what the privacy layer needs: the kind of value (which
masking rule applies) and when the value is personal information.

A subject's name is personal only when the subject is a natural person: an
organisation's name and codes are public registration data (REFERENCE §1:
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


def _subject_fields(p: str) -> dict[str, FieldPrivacy]:
    doc = "790号 附件"
    return {
        f"{p}_XDR_MC": FieldPrivacy(ValueKind.NAME, Personal.SUBJECT, f"{doc} 第1项"),
        f"{p}_XDR_SHXYM": FieldPrivacy(ValueKind.USCC, Personal.NEVER, f"{doc} 第3项"),
        f"{p}_XDR_GSZC": FieldPrivacy(ValueKind.ORG_CODE, Personal.NEVER, f"{doc} 第4项"),
        f"{p}_XDR_ZZJG": FieldPrivacy(ValueKind.ORG_CODE, Personal.NEVER, f"{doc} 第5项"),
        f"{p}_XDR_SWDJ": FieldPrivacy(ValueKind.ORG_CODE, Personal.NEVER, f"{doc} 第6项"),
        f"{p}_XDR_SYDW": FieldPrivacy(ValueKind.ORG_CODE, Personal.NEVER, f"{doc} 第7项"),
        f"{p}_XDR_SHZZ": FieldPrivacy(ValueKind.ORG_CODE, Personal.NEVER, f"{doc} 第8项"),
        f"{p}_FRDB": FieldPrivacy(ValueKind.NAME, Personal.NEVER, f"{doc} 第9项"),
        f"{p}_FR_ZJHM": FieldPrivacy(
            ValueKind.ID_NUMBER, Personal.ALWAYS, f"{doc} 第11项", type_field=f"{p}_FR_ZJLX"
        ),
        f"{p}_XDR_ZJHM": FieldPrivacy(
            ValueKind.ID_NUMBER, Personal.ALWAYS, f"{doc} 第13项", type_field=f"{p}_XDR_ZJLX"
        ),
    }


_2015 = "2015年双公示数据标准"

#: The privacy facts of the 2018 and 2015 standard fields that hold personal or
#: registration data, keyed by field code. Fields not listed (decision numbers,
#: dates, authorities) are never masked. Add local fields (联系电话, 住所, ...)
#: with :meth:`MaskingProfile.with_fields`.
DEFAULT_FIELD_PRIVACY: Final[Mapping[str, FieldPrivacy]] = {
    **_subject_fields("XK"),
    **_subject_fields("CF"),
    "XK_NR": FieldPrivacy(ValueKind.TEXT, Personal.ALWAYS, "790号 行政许可 第19项"),
    "CF_SY": FieldPrivacy(ValueKind.TEXT, Personal.ALWAYS, "790号 行政处罚 第16项"),
    "CF_NR": FieldPrivacy(ValueKind.TEXT, Personal.ALWAYS, "790号 行政处罚 第19项"),
    "BZ": FieldPrivacy(ValueKind.TEXT, Personal.ALWAYS, "790号 备注"),
    # the 2015 standard
    "XK_XDR": FieldPrivacy(ValueKind.NAME, Personal.SUBJECT, f"{_2015} 行政许可 XK_XDR"),
    "XK_XDR_ZDM": FieldPrivacy(ValueKind.ORG_CODE, Personal.NEVER, f"{_2015} XK_XDR_ZDM"),
    "XK_XDR_GSDJ": FieldPrivacy(ValueKind.ORG_CODE, Personal.NEVER, f"{_2015} XK_XDR_GSDJ"),
    "XK_XDR_SFZ": FieldPrivacy(ValueKind.ID_NUMBER, Personal.ALWAYS, f"{_2015} XK_XDR_SFZ"),
    "XK_FR": FieldPrivacy(ValueKind.NAME, Personal.NEVER, f"{_2015} XK_FR"),
    "CF_XDR_ZDM": FieldPrivacy(ValueKind.ORG_CODE, Personal.NEVER, f"{_2015} CF_XDR_ZDM"),
    "CF_XDR_GSDJ": FieldPrivacy(ValueKind.ORG_CODE, Personal.NEVER, f"{_2015} CF_XDR_GSDJ"),
    "CF_XDR_SFZ": FieldPrivacy(ValueKind.ID_NUMBER, Personal.ALWAYS, f"{_2015} CF_XDR_SFZ"),
    "CF_FR": FieldPrivacy(ValueKind.NAME, Personal.NEVER, f"{_2015} CF_FR"),
    "CF_JG": FieldPrivacy(ValueKind.TEXT, Personal.ALWAYS, f"{_2015} CF_JG"),
}
