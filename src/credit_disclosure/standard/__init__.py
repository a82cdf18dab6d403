"""The national data standard for 双公示 records (发改办财金〔2018〕790号, and the 2015 standard).

>>> from credit_disclosure.standard import SubjectCategory
>>> SubjectCategory.NATURAL_PERSON.value
'自然人'
"""

from __future__ import annotations

from ._codes import PenaltyType, SubjectCategory

__all__ = ["PenaltyType", "SubjectCategory"]
