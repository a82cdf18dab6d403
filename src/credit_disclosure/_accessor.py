"""The ``df.credit`` pandas accessor: the library's checks as DataFrame methods."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from .standard import RecordKind, StandardVersion, ValidationOptions

if TYPE_CHECKING:
    import pandas as pd

    from .quality import QualityMetrics

__all__ = ["CreditAccessor", "register_accessor"]


class CreditAccessor:
    """``df.credit``: check and score a DataFrame of records (registered by ``credit_disclosure.pandas``).

    >>> import pandas as pd
    >>> import credit_disclosure.pandas  # registers the accessor
    >>> from datetime import date
    >>> df = pd.DataFrame({"CF_XDR_MC": ["甲公司"], "CF_XDR_SHXYM": ["91512081MA62K0260F"]})
    >>> df.credit.check("penalty", as_of=date(2025, 6, 1)).query("code == 'uscc.checksum'")["row"].tolist()
    [0]
    """

    def __init__(self, df: pd.DataFrame) -> None:
        self._df = df

    def check(
        self,
        kind: RecordKind | str | None = None,
        *,
        version: StandardVersion = StandardVersion.V2018,
        as_of: date | None = None,
        options: ValidationOptions | None = None,
    ) -> pd.DataFrame:
        """Every issue of every row (:func:`credit_disclosure.pandas.validate_frame`)."""
        from .pandas import validate_frame

        return validate_frame(self._df, kind, version=version, as_of=as_of, options=options)

    def metrics(
        self, kind: RecordKind | str | None = None, **kwargs: Any
    ) -> QualityMetrics:
        """Timeliness, completeness and accuracy (:func:`credit_disclosure.pandas.score_frame`).

        >>> import pandas as pd
        >>> import credit_disclosure.pandas
        >>> from datetime import date
        >>> df = pd.DataFrame({"CF_CFJG": ["甲局"], "CF_JDRQ": ["2025/03/03"], "公示日期": ["2025/03/04"]})
        >>> df.credit.metrics("penalty", as_of=date(2025, 6, 1)).table("month").to_pandas()["on_time"].tolist()
        [1]
        """
        from .pandas import score_frame

        return score_frame(self._df, kind, **kwargs)


def register_accessor() -> bool:
    """Register ``df.credit`` with pandas; ``False`` (and nothing done) when pandas is absent.

    >>> register_accessor()
    True
    """
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - the functions raise MissingOptionalDependency
        return False
    if "credit" not in getattr(pd.DataFrame, "_accessors", set()):
        pd.api.extensions.register_dataframe_accessor("credit")(CreditAccessor)
    return True
