"""The one data-file loader: schedules, deadline rules, policy files and check options alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from credit_disclosure.errors import InvalidFormat, PolicyError
from credit_disclosure.policy import load_policy, policy_from_dict
from credit_disclosure.standard import Severity, ValidationOptions

#: (file content, the problem every loader names)
BAD_FILES = [
    (b"\xff\xfe{}", "encoding"),
    (b"{oops", "syntax"),
    (b"[1, 2]", "format"),
]


@pytest.mark.parametrize(("content", "problem"), BAD_FILES)
def test_options_file_problems_are_coded_and_name_the_file(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    """A settings file that cannot be read is options.<problem>, naming the file."""
    path = tmp_path / "opts.json"
    path.write_bytes(content)
    with pytest.raises(InvalidFormat) as info:
        ValidationOptions.from_file(path)
    assert info.value.code == f"options.{problem}"
    assert f"options file {path}" in info.value.message_en
    assert f"options file {path}" in info.value.message_zh


@pytest.mark.parametrize(("content", "problem"), BAD_FILES)
def test_policy_file_problems_keep_the_policy_code(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    """The same problems in a policy file are PolicyError policy.file, naming the file."""
    path = tmp_path / "mine.json"
    path.write_bytes(content)
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert info.value.code == "policy.file" and "mine.json" in info.value.message_en


@pytest.mark.parametrize(
    ("data", "code", "field"),
    [
        ({"no_such": 1}, "options.unknown", None),
        ({"check_lengths": "yes"}, "options.value", "check_lengths"),
        ({"lengths": {"CF_WSH": "many"}}, "options.value", "lengths"),
    ],
)
def test_option_values_are_coded(
    tmp_path: Path, data: dict[str, object], code: str, field: str | None
) -> None:
    """Unknown options and unreadable values are coded, in memory and in a file."""
    with pytest.raises(InvalidFormat) as info:
        ValidationOptions.from_mapping(data)
    assert (info.value.code, info.value.field) == (code, field)
    path = tmp_path / "o.cfg"  # any suffix but .toml is read as JSON
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidFormat) as in_file:
        ValidationOptions.from_file(path)
    assert in_file.value.code == code and str(path) in in_file.value.message_en


def test_options_and_policies_read_toml_too(tmp_path: Path) -> None:
    """The loader reads TOML by the suffix, for options and policies alike."""
    opts = tmp_path / "o.toml"
    opts.write_text('[severity]\n"uscc.*" = "warning"\n', encoding="utf-8-sig")
    assert ValidationOptions.from_file(opts).severity == {"uscc.*": Severity.WARNING}
    policy = tmp_path / "p.toml"
    policy.write_text('name = "mine"\ntitle = "我的规则"\n', encoding="utf-8")
    assert load_policy(policy).name == "mine"
    assert load_policy(policy) == policy_from_dict({"name": "mine", "title": "我的规则"})


def test_missing_files(tmp_path: Path) -> None:
    """A missing options file is an OSError; a missing policy file a PolicyError (as before)."""
    with pytest.raises(OSError):
        ValidationOptions.from_file(tmp_path / "absent.json")
    with pytest.raises(PolicyError, match="cannot read"):
        load_policy(tmp_path / "absent.json")
