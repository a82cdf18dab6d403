"""Schemas of the data standard for systems that cannot import Python.

Generated from the field table (:func:`credit_disclosure.standard.fields`), the
one source of truth: a JSON Schema (draft 2020-12) per record kind and standard
version, a Frictionless Table Schema and Data Package for CSV files, and the
catalogue of issue codes as a JSON document. ``credit-disclosure schema`` prints
them; ``docs/schemas/`` publishes them.

>>> from credit_disclosure.schema import json_schema
>>> json_schema("license", "2018")["properties"]["XK_XKLB"]["title"]
'许可类别'
"""

from __future__ import annotations

from ._build import (
    IDENTIFIER_PATTERNS,
    JSON_SCHEMA_DIALECT,
    SCHEMA_FILES,
    data_package,
    issue_catalogue,
    json_schema,
    schema_documents,
    table_schema,
    write_schemas,
)

__all__ = [
    "IDENTIFIER_PATTERNS",
    "JSON_SCHEMA_DIALECT",
    "SCHEMA_FILES",
    "data_package",
    "issue_catalogue",
    "json_schema",
    "schema_documents",
    "table_schema",
    "write_schemas",
]
