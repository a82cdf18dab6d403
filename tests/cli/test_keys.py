"""``credit-disclosure keys``: keyset files from the command line, never printing material."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from credit_disclosure.cli import main
from credit_disclosure.privacy import FieldEncryptor, Keyset, Purpose

NOW = "2026-01-01T00:00:00+00:00"


def _material(path: Path) -> list[str]:
    return [k["material"] for k in json.loads(path.read_text())["keys"] if "material" in k]


def test_generate_to_stdout_is_a_loadable_keyset(capsys: pytest.CaptureFixture[str]) -> None:
    """``generate`` without --out prints the keyset JSON, which loads and encrypts."""
    assert main(["keys", "generate", "-a", "SM4_GCM", "-a", "HMAC_SM3", "--now", NOW]) == 0
    keyset = Keyset.from_json(capsys.readouterr().out)
    assert [k.algorithm.value for k in keyset.keys] == ["SM4_GCM", "HMAC_SM3"]
    enc = FieldEncryptor(keyset)
    assert enc.decrypt(enc.encrypt("张三", field="F"), field="F") == "张三"


def test_lifecycle_on_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """generate, add, promote, retire and show work on a 0600 file and never print material."""
    path = tmp_path / "keys.json"
    assert main(["keys", "generate", "-o", str(path), "--now", NOW]) == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    first = Keyset.load(path).keys[0].key_id
    assert main(["keys", "add", str(path), "-a", "AES256_GCM", "--now", NOW]) == 0
    second = Keyset.load(path).keys[1].key_id
    assert main(["keys", "promote", str(path), str(second)]) == 0
    assert Keyset.load(path).primary(Purpose.ENCRYPTION).key_id == second  # type: ignore[union-attr]
    assert main(["keys", "retire", str(path), str(first), "--now", NOW]) == 0
    assert not Keyset.load(path).get(first).enabled
    assert main(["keys", "show", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    shown = json.loads(out[out.index("[\n") :])
    assert [d["status"] for d in shown] == ["retired", "enabled"]
    for secret in _material(path):
        assert secret not in out


def test_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Overwriting without --force, retiring the primary and a bad file exit 1 with a message."""
    path = tmp_path / "keys.json"
    assert main(["keys", "generate", "-o", str(path)]) == 0
    assert main(["keys", "generate", "-o", str(path)]) == 2
    primary = Keyset.load(path).keys[0].key_id
    assert main(["keys", "retire", str(path), str(primary)]) == 2
    assert main(["keys", "promote", str(path), "12345"]) == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    assert main(["keys", "show", str(bad)]) == 2
    assert main(["keys", "show", str(tmp_path / "missing.json")]) == 2
    err = capsys.readouterr().err
    assert (
        "--force" in err
        and "promote another key first" in err
        and "not a credit-disclosure keyset" in err
    )


def test_keys_without_step_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """``keys`` alone prints its help and exits 2."""
    assert main(["keys"]) == 2
    assert "generate" in capsys.readouterr().err


def test_bad_now_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A --now that is not an ISO date-time is a usage error (exit 2) that says what is wrong."""
    assert main(["keys", "generate", "--now", "yesterday"]) == 2
    assert "not an ISO 8601 date-time" in capsys.readouterr().err


def test_unwritable_keyset_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A keyset that cannot be written (its folder is gone) exits 1 with the reason, no traceback."""
    path = tmp_path / "gone" / "keys.json"
    assert main(["keys", "generate", "-o", str(path)]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_wrapped_keyset_is_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A KMS-wrapped keyset file is not readable by the command line, which says how to manage it."""

    class XorKms:  # a stand-in: the command line never gets this far
        def encrypt(self, plaintext: bytes, associated_data: bytes) -> bytes:
            return bytes(b ^ 0x5A for b in plaintext)

        def decrypt(self, ciphertext: bytes, associated_data: bytes) -> bytes:
            return bytes(b ^ 0x5A for b in ciphertext)

    path = tmp_path / "wrapped.json"
    Keyset.generate().save(path, kms=XorKms())
    assert main(["keys", "show", str(path)]) == 2
    assert "wrapped by a KMS: manage it from Python" in capsys.readouterr().err


@pytest.mark.parametrize("step", ["generate", "add", "promote", "retire", "show"])
def test_every_step_speaks_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], step: str
) -> None:
    """``--format json`` on every step: the tool's envelope and the keys' metadata, no material."""
    from credit_disclosure import __version__

    path = tmp_path / "keys.json"
    assert main(["keys", "generate", "-o", str(path), "--now", NOW]) == 0
    first = Keyset.load(path).keys[0].key_id
    if step != "generate":
        primary = ["--primary"] if step == "retire" else []  # the primary cannot be retired
        assert main(["keys", "add", str(path), "-a", "AES256_GCM", "--now", NOW, *primary]) == 0
    second = Keyset.load(path).keys[-1].key_id
    capsys.readouterr()
    argv = {
        "generate": ["keys", "generate", "-o", str(path), "--force", "--now", NOW],
        "add": ["keys", "add", str(path), "-a", "HMAC_SHA256", "--now", NOW],
        "promote": ["keys", "promote", str(path), str(second)],
        "retire": ["keys", "retire", str(path), str(first), "--now", NOW],
        "show": ["keys", "show", str(path)],
    }[step]
    assert main([*argv, "--format", "json"]) == 0
    out = capsys.readouterr().out
    doc = json.loads(out)
    assert (doc["tool"], doc["tool_version"], doc["keyset"]) == (
        "credit-disclosure",
        __version__,
        str(path),
    )
    assert [d["id"] for d in doc["keys"]] == [k.key_id for k in Keyset.load(path).keys]
    for secret in _material(path):
        assert secret not in out
