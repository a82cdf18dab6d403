"""Read and write records keyed by field code, Chinese name or attribute name (cattrs at the edge).

>>> from credit_disclosure.convert import KeyStyle, from_mapping, to_mapping
>>> from credit_disclosure.standard import LicenseRecord
>>> rec = from_mapping({"行政相对人名称": "某某公司", "XK_YXQZI": "2099/12/31"}, LicenseRecord)
>>> to_mapping(rec, keys=KeyStyle.ATTR)["valid_to"]
'2099/12/31'
"""

from __future__ import annotations

from ._convert import (
    DateFormat,
    KeyStyle,
    format_date,
    format_value,
    from_mapping,
    headers,
    make_converter,
    to_mapping,
)

__all__ = [
    "DateFormat",
    "KeyStyle",
    "format_date",
    "format_value",
    "from_mapping",
    "headers",
    "make_converter",
    "to_mapping",
]
