"""GB/T 2260 administrative division codes with their history (the data behind the validators).

The codes come from python-stdnum's ``cn/loc`` database (LGPL-2.1-or-later,
compiled from the Chinese Wikipedia lists of 中华人民共和国行政区划代码), read
through its public ``stdnum.numdb`` API by ``scripts/regen_divisions.py`` and
shipped as package data (``gb2260.txt``). The code list itself is the national
standard GB/T 2260, published by the state.

>>> from credit_disclosure.identifiers import divisions
>>> d = divisions.lookup("110103")
>>> d.name, d.retired, d.names[0].to_year
('崇文区', True, 2010)
"""

from __future__ import annotations

from ._divisions import Division, DivisionName, generation, lookup, register

__all__ = ["Division", "DivisionName", "generation", "lookup", "register"]
