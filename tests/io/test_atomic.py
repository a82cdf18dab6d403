"""Output files are written whole or not at all: temporary name, sync, rename; cleaned up on error."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path

import pytest

from credit_disclosure.cli import main
from credit_disclosure.io import atomic_output, write_csv, write_jsonl, write_xlsx
from credit_disclosure.samples import generate_records
from credit_disclosure.standard import RecordKind

AS_OF = ["--as-of", "2026-01-01"]


def _names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def _write_then_raise(target: Path, exc: BaseException) -> None:
    with atomic_output(target) as fp:
        fp.write("new and half")
        raise exc


def test_text_file_appears_complete(tmp_path: Path) -> None:
    """The text written in the block is the file's content once the block ends; nothing else is left."""
    target = tmp_path / "out.csv"
    with atomic_output(target, encoding="utf-8-sig") as fp:
        fp.write("a,b\r\n1,2\r\n")
        assert not target.exists()  # not there before the block ends
    assert target.read_bytes() == b"\xef\xbb\xbfa,b\r\n1,2\r\n"  # newline="": \r\n kept as is
    assert _names(tmp_path) == ["out.csv"]


def test_binary_file(tmp_path: Path) -> None:
    """``binary=True`` writes bytes."""
    target = tmp_path / "out.bin"
    with atomic_output(target, binary=True) as fp:
        fp.write(b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"


@pytest.mark.parametrize("exc_type", [RuntimeError, KeyboardInterrupt, OSError])
def test_error_keeps_the_old_file_and_removes_the_temporary(
    tmp_path: Path, exc_type: type[BaseException]
) -> None:
    """An error or Ctrl-C in the block leaves the old file as it was and no temporary file."""
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(exc_type):
        _write_then_raise(target, exc_type("stop"))
    assert target.read_text(encoding="utf-8") == "old"
    assert _names(tmp_path) == ["out.txt"]


def test_error_without_an_old_file_leaves_nothing(tmp_path: Path) -> None:
    """A failed first write creates no file at all."""
    target = tmp_path / "new.txt"
    with pytest.raises(ValueError, match="bad"):
        _write_then_raise(target, ValueError("bad"))
    assert _names(tmp_path) == []


def test_missing_directory_is_an_os_error(tmp_path: Path) -> None:
    """A target in a directory that does not exist raises ``OSError`` before the block runs."""
    with pytest.raises(FileNotFoundError), atomic_output(tmp_path / "no" / "out.txt"):
        pytest.fail("the block must not run")  # pragma: no cover


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_permissions_and_umask(tmp_path: Path) -> None:
    """A new file gets ``permissions`` less the umask; ``0o600`` is private from the first byte."""
    old = os.umask(0o022)
    try:
        with atomic_output(tmp_path / "public.txt") as fp:
            fp.write("x")
        with atomic_output(tmp_path / "private.txt", permissions=0o600) as fp:
            assert stat.S_IMODE(os.fstat(fp.fileno()).st_mode) == 0o600
            fp.write("x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "public.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "private.txt").stat().st_mode) == 0o600


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_symlink_is_replaced_not_written_through(tmp_path: Path) -> None:
    """A symlink at the target is replaced by the new file; the file it pointed to is untouched."""
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("keep", encoding="utf-8")
    link = tmp_path / "out.txt"
    link.symlink_to(elsewhere)
    with atomic_output(link) as fp:
        fp.write("new")
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "new"
    assert elsewhere.read_text(encoding="utf-8") == "keep"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_special_file_is_written_in_place(tmp_path: Path) -> None:
    """A target that is not a regular file (a named pipe, /dev/null) is opened, not replaced."""
    with atomic_output(os.devnull) as fp:
        fp.write("discarded")
    assert Path(os.devnull).exists() and not Path(os.devnull).is_file()


def test_library_writers_write_atomically(tmp_path: Path) -> None:
    """``write_csv``/``write_jsonl``/``write_xlsx`` to a path: a failing row source leaves no file."""
    records = [r.values for r in generate_records(RecordKind.PENALTY, 3, seed=1)]

    def failing() -> object:
        yield from records
        raise RuntimeError("source failed")

    for writer, name in ((write_csv, "a.csv"), (write_jsonl, "a.jsonl"), (write_xlsx, "a.xlsx")):
        with pytest.raises(RuntimeError):
            writer(failing(), tmp_path / name, RecordKind.PENALTY)  # type: ignore[operator]
        assert _names(tmp_path) == [], name
        assert writer(records, tmp_path / name, RecordKind.PENALTY) == 3  # type: ignore[operator]
        (tmp_path / name).unlink()


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_check_output_file(tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``check -o FILE`` writes the report to FILE (CSV with a BOM for Excel), nothing to stdout."""
    target = tmp_path / f"report.{fmt}"
    code = main(["check", "--sample", "--format", fmt, "-o", str(target), *AS_OF])
    assert code == 1  # the sample has planted errors: the exit code is the report's
    assert capsys.readouterr().out == ""
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") == (fmt == "csv")
    if fmt == "json":
        assert json.loads(data)["rows"] == 300
    assert _names(tmp_path) == [target.name]


def test_check_output_unwritable_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output file that cannot be created is a clear error, exit 2, and no temporary is left."""
    target = tmp_path / "missing-dir" / "report.json"
    assert main(["check", "--sample", "--format", "json", "-o", str(target), *AS_OF]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err and str(target) in err
    assert _names(tmp_path) == []


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_quality_output_file(tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``quality -o FILE`` writes the table to FILE and nothing to stdout."""
    target = tmp_path / f"table.{fmt}"
    assert main(["quality", "--sample", "--format", fmt, "-o", str(target), *AS_OF]) == 0
    assert capsys.readouterr().out == ""
    assert target.stat().st_size > 0
    assert _names(tmp_path) == [target.name]


def test_dash_means_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    """``-o -`` writes to standard output as without ``-o``."""
    assert main(["quality", "--sample", "--format", "json", "-o", "-", *AS_OF]) == 0
    assert json.loads(capsys.readouterr().out)


def test_no_subcommand_writes_a_file_any_other_way() -> None:
    """Every subcommand writes files through the one helper: no ``open(..., "w")``,
    ``write_text``/``write_bytes`` or ``os.replace`` of its own in ``credit_disclosure._cli``."""
    import credit_disclosure._cli as cli_package

    pattern = re.compile(
        r"""open\([^)]*["'][wax]b?["']|(?<!report)\.write_(?:text|bytes)\(|os\.replace\("""
    )  # Report.write_text(stream) writes to a stream it is given
    offenders = [
        f"{path.name}:{number}"
        for path in sorted(Path(cli_package.__file__).parent.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert offenders == []
