"""The shipped presets, loaded from the JSON tables in ``policy/data``.

>>> sorted(PRESETS)
['changzhi-2021', 'national', 'samr-45', 'shanghai-data-list', 'yinchuan-2017']
>>> PRESETS["national"] is NATIONAL
True
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ..errors import PolicyError
from ._facts import short_repr
from ._loader import policy_from_dict, read_data
from ._policy import Policy

__all__ = [
    "CHANGZHI_2021",
    "NATIONAL",
    "PRESETS",
    "SAMR_45",
    "SHANGHAI_DATA_LIST",
    "YINCHUAN_2017",
    "get_preset",
]


def _load(name: str) -> Policy:
    return policy_from_dict(read_data(name))


#: National rules: 527号 (2019), NDRC 令第58号 (2023-05-01), NDRC 令2025年第36号 with 国办发〔2025〕22号 (2026-04-01).
NATIONAL: Policy = _load("national")
#: SAMR 令第45号: market-regulation penalties (2021-09-01).
SAMR_45: Policy = _load("samr-45")
#: 长治 2021 实施意见 (2021-12-16).
CHANGZHI_2021: Policy = _load("changzhi-2021")
#: 上海 信用三清单 data-list defaults (有效期限).
SHANGHAI_DATA_LIST: Policy = _load("shanghai-data-list")



def _over_national(name: str) -> Policy:
    # a local scheme that sets deadlines but no terms: its rows go in front of NATIONAL's
    local = _load(name)
    combined = NATIONAL.with_rules(
        *local.publication_rules,
        *local.deadline_choices,
        *local.term_rules,
        *local.repair_rules,
        name=local.name,
        title=local.title,
    )
    return attrs.evolve(
        combined,
        description=local.description,
        sources=(*local.sources, *NATIONAL.sources),
    )


#: 银川 2017 工作方案 (publication in 7, objection verification in 20 working days) over NATIONAL.
YINCHUAN_2017: Policy = _over_national("yinchuan-2017")

#: Every preset by name (``"national"``, ``"samr-45"``, ``"changzhi-2021"``,
#: ``"shanghai-data-list"``, ``"yinchuan-2017"``).
PRESETS: Mapping[str, Policy] = MappingProxyType(
    {p.name: p for p in (NATIONAL, SAMR_45, CHANGZHI_2021, SHANGHAI_DATA_LIST, YINCHUAN_2017)}
)


def get_preset(name: str) -> Policy:
    """The preset called ``name``; :class:`PolicyError` listing the names otherwise.

    >>> get_preset("changzhi-2021").title
    '长治市 双公示 实施意见 (2021-12-16)'
    """
    try:
        return PRESETS[name]
    except KeyError:
        shown = short_repr(name)
        known = ", ".join(sorted(PRESETS))
        raise PolicyError(
            "policy.preset",
            message_en=f"no preset {shown}; known: {known}",
            message_zh=f"没有名为 {shown} 的政策预设；已有：{known}",
        ) from None
