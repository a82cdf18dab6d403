"""pandas integration: validate a DataFrame of records, score it, check identifier columns fast.

:func:`status_frame` gives each record's state on a date (see :mod:`credit_disclosure.lifecycle`).
Importing this module registers the ``df.credit`` accessor (:class:`CreditAccessor`):
``df.credit.check()`` and ``df.credit.metrics()``.

Needs the optional ``pandas`` extra (``pip install "credit-disclosure[pandas]"``);
pandas is imported when a function is first called, and a missing pandas raises
:class:`~credit_disclosure.errors.MissingOptionalDependency` naming the extra.
Columns may be named in any of the three header styles (field code
``CF_WSH``, Chinese name ``行政处罚决定书文号``, attribute name ``decision_no``).
The rules are exactly those of :func:`credit_disclosure.standard.check_row`.

>>> import pandas as pd
>>> from datetime import date
>>> from credit_disclosure.pandas import validate_frame
>>> df = pd.DataFrame({"CF_XDR_MC": ["某某餐饮有限公司"], "CF_XDR_LB": ["法人及非法人组织"],
...                    "CF_XDR_SHXYM": ["91512081MA62K0260F"]})
>>> issues = validate_frame(df, "penalty", as_of=date(2025, 6, 1))
>>> issues.loc[issues["field"] == "CF_XDR_SHXYM", ["row", "code", "severity"]].values.tolist()
[[0, 'uscc.checksum', 'error']]
"""

from __future__ import annotations

from ._accessor import CreditAccessor, register_accessor
from .io._frame import read_records
from .lifecycle._frames import status_frame
from .quality._pandas import (
    issues_frame,
    score_frame,
    valid_identifiers,
    validate_frame,
)

__all__ = [
    "CreditAccessor",
    "issues_frame",
    "read_records",
    "register_accessor",
    "score_frame",
    "status_frame",
    "valid_identifiers",
    "validate_frame",
]

register_accessor()  # df.credit.check(), df.credit.metrics()
