"""Synthetic licence and penalty records with planted faults, and the bundled sample files.

:func:`generate_records` makes realistic records with valid identifiers and
a known set of faults; :func:`sample_path` names the bundled sample files
that ``credit-disclosure check --sample`` checks, and :func:`sample_manifest`
lists the faults planted in them: the answer key of the sample.

>>> from credit_disclosure.samples import sample_manifest
>>> from credit_disclosure.standard import RecordKind
>>> sorted({f.code for f in sample_manifest(RecordKind.PENALTY)})[:3]
['amount.yuan_in_wan', 'code.unknown', 'consistency.uscc_org_code']
"""

from __future__ import annotations

from ._bundle import SampleFile, sample_files, sample_manifest, sample_path, write_samples
from ._generate import (
    FAULTS,
    Fault,
    PlantedFault,
    SampleRecord,
    default_faults,
    generate_records,
)

__all__ = [
    "FAULTS",
    "Fault",
    "PlantedFault",
    "SampleFile",
    "SampleRecord",
    "default_faults",
    "generate_records",
    "sample_files",
    "sample_manifest",
    "sample_path",
    "write_samples",
]
