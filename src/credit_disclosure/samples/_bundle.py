"""The bundled sample files: what ``credit-disclosure check --sample`` checks.

Two CSV files as real departments send them, and a manifest of every fault
planted in them:

* ``license_sample.csv``: 200 licence records, GBK (what Chinese Excel saves as
  "CSV"), Chinese field names as headers;
* ``penalty_sample.csv``: 300 penalty records, UTF-8 with a byte-order mark
  (Excel's "CSV UTF-8"), field codes as headers;
* ``manifest.json``: for each file its kind, encoding, seed and planted faults.

Besides the record faults of :data:`~credit_disclosure.samples.FAULTS`, each
file has one row with a byte that is not valid in its encoding
(``row.encoding``) and one row with three cells missing (``row.columns``).
The files are generated, never edited by hand: ``scripts/make_sample.py``
calls :func:`write_samples`, and a test checks that it reproduces them byte
for byte.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
from importlib import resources
from pathlib import Path
from typing import Final

import attrs

from ..standard import RecordKind, fields
from ._generate import PlantedFault, default_faults, generate_records

__all__ = ["SampleFile", "sample_files", "sample_manifest", "sample_path", "write_samples"]

MANIFEST: Final = "manifest.json"
_BAD: Final = "@@BAD-BYTE@@"


@attrs.frozen
class SampleFile:
    """How one bundled sample file is made: kind, size, seed, encoding, header style.

    >>> SAMPLES[RecordKind.LICENSE].encoding
    'gbk'
    """

    kind: RecordKind
    filename: str
    rows: int
    seed: int
    #: the codec the file is written in (``gbk`` or ``utf-8-sig``)
    encoding: str
    #: ``"name_zh"`` (Chinese field names) or ``"code"`` (field codes)
    headers: str


SAMPLES: Final = {
    RecordKind.LICENSE: SampleFile(
        RecordKind.LICENSE, "license_sample.csv", 200, 2018, "gbk", "name_zh"
    ),
    RecordKind.PENALTY: SampleFile(
        RecordKind.PENALTY, "penalty_sample.csv", 300, 790, "utf-8-sig", "code"
    ),
}


def _data_dir() -> Path:
    return Path(str(resources.files("credit_disclosure.samples") / "data"))


def sample_files() -> tuple[SampleFile, ...]:
    """The bundled sample files, licences first.

    >>> [f.filename for f in sample_files()]
    ['license_sample.csv', 'penalty_sample.csv']
    """
    return tuple(SAMPLES.values())


def sample_path(kind: RecordKind | str) -> Path:
    """The path of the bundled sample file of ``kind`` (``"license"`` or ``"penalty"``).

    >>> sample_path("penalty").name
    'penalty_sample.csv'
    """
    return _data_dir() / SAMPLES[RecordKind(kind)].filename


def sample_manifest(kind: RecordKind | str) -> tuple[PlantedFault, ...]:
    """The faults planted in the bundled sample file of ``kind``, by row.

    A check of that file must report exactly these (row, code, field) triples.

    >>> faults = sample_manifest("license")
    >>> faults[0].row <= faults[-1].row, {"row.columns", "row.encoding"} <= {f.code for f in faults}
    (True, True)
    """
    spec = SAMPLES[RecordKind(kind)]
    data = json.loads((_data_dir() / MANIFEST).read_text(encoding="utf-8"))
    entry = data["files"][spec.filename]
    return tuple(PlantedFault(f["row"], f["fault"], f["code"], f["field"]) for f in entry["faults"])


def _render(spec: SampleFile) -> tuple[bytes, list[PlantedFault]]:
    """The bytes of one sample file and its planted faults."""
    table = fields(spec.kind)
    header = [f.name_zh if spec.headers == "name_zh" else f.code for f in table]
    records = list(
        generate_records(spec.kind, spec.rows, seed=spec.seed, faults=default_faults(spec.kind))
    )
    faults = [f for rec in records for f in rec.faults]
    clean = [rec.row for rec in records if not rec.faults]
    encoding_row, columns_row = random.Random(spec.seed + 1).sample(clean, 2)
    faults.append(PlantedFault(encoding_row, "bad_byte", "row.encoding", None))
    faults.append(PlantedFault(columns_row, "missing_cells", "row.columns", None))
    faults.sort(key=lambda f: (f.row, f.code))

    out = io.BytesIO()
    codec = spec.encoding
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    out.write(text.getvalue().encode(codec))
    for rec in records:
        cells = list(rec.values.values())
        if rec.row == encoding_row:
            cells[-1] = f"核对{_BAD}完毕"  # 备注 holds a byte the encoding does not have
        if rec.row == columns_row:
            cells = cells[:-3]
        text.seek(0)
        text.truncate()
        writer.writerow(cells)
        # utf-8-sig writes its mark once, at the start: encode the rows as plain utf-8
        line = text.getvalue().encode("utf-8" if codec == "utf-8-sig" else codec)
        out.write(line.replace(_BAD.encode("ascii"), b"\xff"))
    return out.getvalue(), faults


def write_samples(directory: str | os.PathLike[str]) -> list[Path]:
    """Write the sample files and their manifest into ``directory``; return the paths.

    Deterministic: the same library version writes the same bytes.

    >>> import tempfile
    >>> [p.name for p in write_samples(tempfile.mkdtemp())]
    ['license_sample.csv', 'penalty_sample.csv', 'manifest.json']
    """
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    manifest: dict[str, object] = {
        "about": "Synthetic 双公示 records with planted faults; generated by "
        "scripts/make_sample.py (credit_disclosure.samples.write_samples). Do not edit.",
        "files": {},
    }
    files: dict[str, object] = {}
    for spec in SAMPLES.values():
        data, faults = _render(spec)
        path = target / spec.filename
        path.write_bytes(data)
        written.append(path)
        files[spec.filename] = {
            "kind": spec.kind.value,
            "encoding": spec.encoding,
            "headers": spec.headers,
            "rows": spec.rows,
            "seed": spec.seed,
            "faults": [attrs.asdict(f) for f in faults],
        }
    manifest["files"] = files
    path = target / MANIFEST
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    written.append(path)
    return written
