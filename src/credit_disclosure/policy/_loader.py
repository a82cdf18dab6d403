"""Policies to and from plain data (JSON files), with cattrs at the edge.

The models know nothing of JSON; this converter maps dates to ISO strings,
periods to ``"3M"`` / ``"1Y"``, amounts to decimal strings, enums to their
Chinese values and sets to sorted lists. Unknown keys are errors, so a typo
in a policy file is reported rather than ignored.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

import cattrs

from .._datafile import read_table
from ..errors import PolicyError
from ._periods import Period
from ._policy import Policy

__all__ = ["load_policy", "policy_from_dict", "policy_to_dict", "read_data"]


def _structure_date(value: Any, _: type) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"a date is written YYYY-MM-DD, not {value!r}")
    return date.fromisoformat(value)


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, (bool, float)):
        raise ValueError('write amounts as strings or integers, e.g. "0.2"')
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError):
        raise ValueError(f"not an amount: {value!r}") from None


def _structure_period(value: Any, _: type) -> Period:
    if isinstance(value, Period):
        return value
    return Period.parse(value)


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(date, lambda d: d.isoformat())
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Period, _structure_period)
    conv.register_unstructure_hook(Period, Period.code)
    conv.register_unstructure_hook_func(
        lambda t: getattr(t, "__origin__", None) is frozenset,
        lambda s: sorted(conv.unstructure(v) for v in s),
    )
    return conv


_CONVERTER = _make_converter()


def read_data(name: str) -> Any:
    """The parsed JSON file ``policy/data/<name>.json`` shipped with the package.

    >>> read_data("severity")["serious_fine_wan"]
    '100'
    """
    data = resources.files("credit_disclosure.policy").joinpath("data").joinpath(f"{name}.json")
    with resources.as_file(data) as path:  # read as users' files are, by the one loader
        return read_table(path, "policy.file", error=_file_error)


def policy_from_dict(data: Mapping[str, Any]) -> Policy:
    """Build a :class:`Policy` from plain data (as :func:`policy_to_dict` writes it).

    Every problem is collected and reported at once with its path.

    >>> policy_from_dict({"name": "x", "title": "X", "term_rules": [{"citation": {},
    ...                   "minimum": "3 months"}]})
    Traceback (most recent call last):
    ...
    credit_disclosure.errors.PolicyError: policy.file: ...$.term_rules[0]...
    """
    if not isinstance(data, Mapping):
        raise PolicyError(
            "policy.file",
            message_en=f"a policy is a JSON object (mapping), not {type(data).__name__}",
            message_zh=f"政策应为 JSON 对象（映射），而不是 {type(data).__name__}",
        )
    shape = list(_shape_problems(data))
    if shape:
        # cattrs would read a string as a list of characters: say what is wrong instead
        raise _problems([en for en, _ in shape], [zh for _, zh in shape])
    try:
        return _CONVERTER.structure(dict(data), Policy)
    except (cattrs.BaseValidationError, PolicyError, ValueError, TypeError) as exc:
        if isinstance(exc, cattrs.BaseValidationError):
            en = cattrs.transform_error(exc, path="$", format_exception=_format)
            zh = cattrs.transform_error(exc, path="$", format_exception=_format_zh)
        elif isinstance(exc, PolicyError):
            en, zh = [f"{exc.code}: {exc.message_en}"], [f"{exc.code}: {exc.message_zh}"]
        else:
            en = zh = [str(exc)]
        raise _problems(en, zh) from None


def _problems(en: list[str], zh: list[str]) -> PolicyError:
    """One ``policy.file`` error listing every problem with its path (``$.term_rules[0]``)."""
    return PolicyError(
        "policy.file",
        message_en="; ".join(en),
        message_zh=f"政策内容有{len(zh)}处错误：" + "；".join(zh),
    )


_TABLES = ("sources", "publication_rules", "deadline_choices", "term_rules", "repair_rules")
_SETS = ("kinds", "tiers", "subjects", "procedures", "sectors", "any_of_types", "only_types")


def _shape_problems(data: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """Tables that are not lists, and match criteria that are not lists, with their paths
    (in English and in Chinese)."""
    for key in _TABLES:
        rows = data.get(key, [])
        if not isinstance(rows, (list, tuple)):
            shown = type(rows).__name__
            yield f"a list of rows, not {shown} @ $.{key}", f"应为规则行的列表，而不是 {shown} @ $.{key}"
            continue
        for index, row in enumerate(rows):
            match = row.get("match") if isinstance(row, Mapping) else None
            if not isinstance(match, Mapping):
                continue
            for name in _SETS:
                value = match.get(name)
                if value is not None and not isinstance(value, (list, tuple)):
                    where, shown = f"$.{key}[{index}].match.{name}", type(value).__name__
                    yield f"a list, not {shown} @ {where}", f"应为列表，而不是 {shown} @ {where}"


def _format(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown keys {sorted(exc.extra_fields)}"
    if isinstance(exc, PolicyError):  # the English message only: one language per message
        return f"PolicyError: {exc.code}: {exc.message_en}"
    return f"{type(exc).__name__}: {exc}"


def _format_zh(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, KeyError):
        return "缺少必填项"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"未知的键 {sorted(exc.extra_fields)}"
    if isinstance(exc, PolicyError):
        return f"{exc.code}: {exc.message_zh}"
    return f"{type(exc).__name__}: {exc}"


def policy_to_dict(policy: Policy) -> dict[str, Any]:
    """Plain data for ``policy``, ready for :func:`json.dump`; round-trips with :func:`policy_from_dict`.

    >>> from credit_disclosure.policy import CHANGZHI_2021
    >>> data = policy_to_dict(CHANGZHI_2021)
    >>> data["term_rules"][0]["maximum"], data["term_rules"][0]["match"]["tiers"]
    ('1Y', ['一般'])
    >>> policy_from_dict(data) == CHANGZHI_2021
    True
    """
    data: dict[str, Any] = _CONVERTER.unstructure(policy)
    return data


def load_policy(source: str | os.PathLike[str]) -> Policy:
    """Load a policy from a JSON file (UTF-8; or TOML, named ``.toml``) written like the presets.

    Read by the package's one data-file loader: a file that cannot be read, is not UTF-8,
    not valid JSON or TOML, or not one table raises :class:`~credit_disclosure.errors.PolicyError`
    with code ``policy.file`` naming the file, as does a wrong value (with its path).

    >>> import json, tempfile, pathlib
    >>> from credit_disclosure.policy import CHANGZHI_2021
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mine.json"
    >>> _ = path.write_text(json.dumps(policy_to_dict(CHANGZHI_2021), ensure_ascii=False),
    ...                     encoding="utf-8")
    >>> load_policy(path).name
    'changzhi-2021'
    """
    try:
        path = Path(source)
    except TypeError:
        raise PolicyError(
            "policy.file",
            message_en=f"a path (str or os.PathLike), not {type(source).__name__}",
            message_zh=f"应为文件路径（str 或 os.PathLike），而不是 {type(source).__name__}",
        ) from None
    # the one data-file loader: JSON (or a .toml file), every problem a policy.file error
    data = read_table(path, "policy.file", default_format="json", name=path.name, error=_file_error)
    return policy_from_dict(data)


def _file_error(problem: str, message_en: str, message_zh: str) -> PolicyError:
    return PolicyError("policy.file", message_en=message_en, message_zh=message_zh)
