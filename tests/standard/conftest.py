"""Valid rows of both kinds, keyed by field code, that the tests of the data standard mutate."""

from __future__ import annotations

from datetime import date

import pytest

#: the check date used throughout: records are judged as of this day
AS_OF = date(2024, 6, 1)


@pytest.fixture
def as_of() -> date:
    """The check date of every validation in these tests."""
    return AS_OF


@pytest.fixture
def penalty_row() -> dict[str, object]:
    """A penalty on a company that breaks no rule."""
    return {
        "CF_XDR_MC": "成都某某科技有限公司",
        "CF_XDR_LB": "法人及非法人组织",
        "CF_XDR_SHXYM": "91512081MA62K0260E",
        "CF_XDR_ZZJG": "MA62K026-0",
        "CF_FRDB": "张三",
        "CF_WSH": "川市监罚〔2024〕12号",
        "CF_WFXW": "违反食品安全法",
        "CF_SY": "经查，当事人经营超过保质期的食品。",
        "CF_YJ": "《中华人民共和国食品安全法》第一百二十四条",
        "CF_CFLB": "警告；罚款",
        "CF_NR": "警告，并处罚款2000元",
        "CF_NR_FK": "0.2",
        "CF_JDRQ": "2024/03/05",
        "CF_YXQ": "2027/03/05",
        "CF_CFJG": "某某市市场监督管理局",
        "CF_CFJGDM": "91110000600037341L",
        "CF_SJLY": "某某市市场监督管理局",
        "CF_SJLYDM": "91110000600037341L",
        "BZ": "",
    }


@pytest.fixture
def license_row() -> dict[str, object]:
    """A licence granted to a natural person that breaks no rule."""
    return {
        "XK_XDR_MC": "李四",
        "XK_XDR_LB": "自然人",
        "XK_XDR_ZJLX": "身份证",
        "XK_XDR_ZJHM": "11010519491231002X",
        "XK_XKWS": "食品经营许可决定书",
        "XK_WSH": "JY15101000012345",
        "XK_XKLB": "普通",
        "XK_NR": "食品销售经营者",
        "XK_JDRQ": "2024-01-10",
        "XK_YXQZ": "20240110",
        "XK_YXQZI": "2099/12/31",
        "XK_XKJG": "某某市市场监督管理局",
        "XK_XKJGDM": "91110000600037341L",
        "XK_ZT": "1",
        "XK_LYDW": "某某市市场监督管理局",
        "XK_LYDWDM": "91110000600037341L",
    }
