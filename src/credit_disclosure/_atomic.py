"""Write an output file atomically: a temporary name beside it, then one rename.

Every file the library or the command line writes (``-o``/``--output``, a
report, an export, a keyset) goes through :func:`atomic_output`, so a reader of
the target sees either the old file or the complete new one, never a half-written
file: not after an error, not after Ctrl-C, not after a crash or a full disk.
Writing an output over the input it is read from (``check in.csv -o in.csv``)
is safe for the same reason.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal, overload

__all__ = ["atomic_output"]

#: Flags of the temporary file: created here, never through a symlink or over another file.
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


@overload
def atomic_output(
    path: str | os.PathLike[str],
    *,
    binary: Literal[False] = ...,
    encoding: str = ...,
    newline: str | None = ...,
    permissions: int = ...,
) -> contextlib.AbstractContextManager[IO[str]]: ...


@overload
def atomic_output(
    path: str | os.PathLike[str],
    *,
    binary: Literal[True],
    encoding: str = ...,
    newline: str | None = ...,
    permissions: int = ...,
) -> contextlib.AbstractContextManager[IO[bytes]]: ...


def atomic_output(
    path: str | os.PathLike[str],
    *,
    binary: bool = False,
    encoding: str = "utf-8",
    newline: str | None = "",
    permissions: int = 0o666,
) -> contextlib.AbstractContextManager[IO[Any]]:
    """Open ``path`` for writing so that it appears complete or not at all.

    The context manager yields a file opened on a new temporary file in the same
    directory as ``path`` (a hidden ``.NAME.XXXXXXXX.tmp``). When the ``with``
    block ends normally the data is flushed and synced to disk and the temporary
    file is renamed over ``path`` in one step (:func:`os.replace`); when it ends
    with any exception, Ctrl-C (:class:`KeyboardInterrupt`) included, the
    temporary file is removed, the exception goes on, and ``path`` is left as it
    was. A text file is opened with ``encoding`` and ``newline`` (default ``""``:
    line ends are written as given, as the :mod:`csv` module wants); ``binary``
    opens it for bytes. ``permissions`` are the mode bits of a new file, less
    the process umask (``0o600``: readable by the owner only, from the first
    byte).

    A symlink at ``path`` is replaced, not written through. A ``path`` that
    exists and is not a regular file (``/dev/stdout``, a named pipe) cannot be
    replaced: it is opened and written in place.

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.csv"
    >>> with atomic_output(target, encoding="utf-8-sig") as fp:
    ...     _ = fp.write("CF_WSH\\r\\n京朝市监罚〔2024〕7号\\r\\n")
    >>> target.read_text(encoding="utf-8-sig").splitlines()
    ['CF_WSH', '京朝市监罚〔2024〕7号']
    >>> with atomic_output(target) as fp:
    ...     _ = fp.write("half a file")
    ...     raise RuntimeError("disk full")
    Traceback (most recent call last):
    ...
    RuntimeError: disk full
    >>> target.read_text(encoding="utf-8-sig").splitlines(), sorted(p.name for p in target.parent.iterdir())
    (['CF_WSH', '京朝市监罚〔2024〕7号'], ['out.csv'])
    """
    return _atomic(Path(os.fspath(path)), binary, encoding, newline, permissions)


@contextlib.contextmanager
def _atomic(
    target: Path, binary: bool, encoding: str, newline: str | None, permissions: int
) -> Iterator[IO[Any]]:
    try:
        st = os.stat(target)
    except OSError:
        pass
    else:
        if not stat.S_ISREG(st.st_mode):  # a device or a pipe: nothing to rename over
            with _open(target, binary, encoding, newline) as fp:
                yield fp
            return
    fd, temporary = _create(target, permissions)
    try:
        with os.fdopen(fd, "wb" if binary else "w", **_text_args(binary, encoding, newline)) as fp:
            yield fp
            fp.flush()
            os.fsync(fp.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_directory(target.parent)


def _text_args(binary: bool, encoding: str, newline: str | None) -> dict[str, Any]:
    return {} if binary else {"encoding": encoding, "newline": newline}


def _open(target: Path, binary: bool, encoding: str, newline: str | None) -> IO[Any]:
    return open(target, "wb" if binary else "w", **_text_args(binary, encoding, newline))


def _create(target: Path, permissions: int) -> tuple[int, str]:
    """Create a fresh temporary file beside ``target``; the kernel applies the umask."""
    for _ in range(100):
        temporary = os.path.join(target.parent, f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(temporary, _FLAGS, permissions), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")  # pragma: no cover


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); a system that cannot sync a directory skips it."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
