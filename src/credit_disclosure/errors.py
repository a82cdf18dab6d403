"""The whole exception hierarchy of credit_disclosure.

Every error the library raises on purpose derives from one root, and each one
also derives from the nearest built-in exception, so callers who know nothing
of this library still catch them with ``except ValueError`` or
``except LookupError``::

    Exception
     └── CreditDisclosureError ............ root of everything raised on purpose
          ├── ValidationError (ValueError)  a value breaks a rule; has code + zh/en message
          │    ├── InvalidFormat             wrong characters or shape
          │    ├── InvalidLength             wrong number of characters
          │    ├── InvalidChecksum           check digit / check character does not match
          │    └── InvalidComponent          a part is unknown or impossible (division, date, type)
          ├── ArgumentError (ValueError)    an argument a function cannot use; has code + zh/en message
          │    └── UnknownName (KeyError)    a name (rule, profile, column, option) that is not known
          ├── ArgumentTypeError (TypeError)  an argument of the wrong type; has code + zh/en message
          ├── CalendarDataMissing (LookupError)  a year the working-day calendar does not know
          ├── PolicyError                    a disclosure/repair policy cannot answer a question
          ├── DecryptionError                any failed decryption; deliberately says nothing more
          ├── LedgerError                    the ledger cannot do what it was asked (schema, file)
          └── MissingOptionalDependency (ImportError)  an optional extra is not installed

Validation errors carry a stable, dotted ``code`` (``uscc.checksum``,
``resident_id.birth_date``) that programs can rely on across releases, a
message in Chinese (``message_zh``) and in English (``message_en``), and where
it applies the 0-based character ``position`` and the record ``field`` (field
code such as ``CF_XDR_SHXYM``) of the offending value.

No error ever includes an identity number: identity numbers are personal data
and must not end up in logs. Every message passes through
:func:`credit_disclosure._text.redact` when the error is made, whoever wrote
it, so a value quoted in a message has its long digit runs replaced by ``*``.

>>> from credit_disclosure.errors import InvalidChecksum, ValidationError
>>> err = InvalidChecksum(
...     "uscc.checksum",
...     message_en="check character does not match",
...     message_zh="校验码不正确",
...     position=17,
... )
>>> isinstance(err, ValueError) and isinstance(err, ValidationError)
True
>>> err.code, err.position
('uscc.checksum', 17)
>>> print(err)
uscc.checksum at position 17: check character does not match (校验码不正确)
"""

from __future__ import annotations

from typing import TypeVar

__all__ = [
    "ArgumentError",
    "ArgumentTypeError",
    "CalendarDataMissing",
    "CreditDisclosureError",
    "DecryptionError",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "LedgerError",
    "MissingOptionalDependency",
    "PolicyError",
    "UnknownName",
    "ValidationError",
]


def _redact(text: str) -> str:
    # Imported on first use: ``import credit_disclosure`` loads errors.py and nothing more.
    from ._text import redact

    return redact(text)


class CreditDisclosureError(Exception):
    """Root of every exception that credit_disclosure raises on purpose.

    Text arguments are redacted on the way in: whatever a message quotes, an
    identity number in it is replaced by ``*``.

    >>> issubclass(PolicyError, CreditDisclosureError)
    True
    >>> str(PolicyError("no rule for 11010519491231002X"))
    'policy.error: no rule for ****************** (政策规则无法回答该问题)'
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*(_redact(a) if isinstance(a, str) else a for a in args))


_C = TypeVar("_C", bound="_CodedError")


class _CodedError(CreditDisclosureError):
    """The coded, bilingual style shared by validation and argument errors."""

    code: str
    message_en: str
    message_zh: str
    position: int | None
    field: str | None

    def __init__(
        self,
        code: str,
        *,
        message_en: str,
        message_zh: str,
        position: int | None = None,
        field: str | None = None,
    ) -> None:
        self.code = code
        self.message_en = _redact(message_en)
        self.message_zh = _redact(message_zh)
        self.position = position
        self.field = None if field is None else _redact(field)
        super().__init__(self._render())

    def _render(self) -> str:
        where = []
        if self.field is not None:
            where.append(f"in field {self.field}")
        if self.position is not None:
            where.append(f"at position {self.position}")
        loc = (" " + " ".join(where)) if where else ""
        return _redact(f"{self.code}{loc}: {self.message_en} ({self.message_zh})")

    def __str__(self) -> str:
        return self._render()

    def __repr__(self) -> str:
        return _redact(
            f"{type(self).__name__}({self.code!r}, position={self.position!r}, "
            f"field={self.field!r})"
        )

    def __reduce__(self) -> tuple[object, ...]:
        # Keep the keyword-only constructor picklable (multiprocessing, Spark).
        return (
            _rebuild_validation_error,
            (type(self), self.code, self.message_en, self.message_zh, self.position, self.field),
        )

    def with_field(self: _C, field: str) -> _C:
        """Return a copy of this error located in record field ``field``.

        >>> InvalidLength("x.length", message_en="e", message_zh="z").with_field("BZ").field
        'BZ'
        """
        return type(self)(
            self.code,
            message_en=self.message_en,
            message_zh=self.message_zh,
            position=self.position,
            field=field,
        )


def _rebuild_validation_error(
    cls: type[_CodedError],
    code: str,
    message_en: str,
    message_zh: str,
    position: int | None,
    field: str | None,
) -> _CodedError:
    return cls(code, message_en=message_en, message_zh=message_zh, position=position, field=field)


class ValidationError(_CodedError, ValueError):
    """A value breaks a rule of an identifier standard or the data standard.

    ``code`` is stable across releases; ``message_zh`` and ``message_en`` say
    the same thing in Chinese and English; ``position`` (0-based index into the
    compact value) and ``field`` (a field code such as ``XK_XDR_SHXYM``) say
    where, when known.

    >>> e = ValidationError("uscc.length", message_en="must be 18 characters",
    ...                     message_zh="长度应为18位", field="CF_XDR_SHXYM")
    >>> e.field, e.message_zh
    ('CF_XDR_SHXYM', '长度应为18位')
    >>> e.with_field("XK_XDR_SHXYM").field
    'XK_XDR_SHXYM'
    """


class ArgumentError(_CodedError, ValueError):
    """A function was called with an argument it cannot use (out of range, not a number).

    Raised for the caller's arguments, not for the data being checked (that is
    :class:`ValidationError`, or an issue in a batch). Same ``code`` and
    ``message_zh``/``message_en`` as validation errors; ``field`` names the
    argument.

    >>> err = ArgumentError("workdays.n", message_en="n must be a whole number of days",
    ...                     message_zh="工作日数应为整数", field="n")
    >>> print(err)
    workdays.n in field n: n must be a whole number of days (工作日数应为整数)
    >>> isinstance(err, ValueError)
    True
    """


class ArgumentTypeError(_CodedError, TypeError):
    """An argument has the wrong type (a text where a date belongs); also a :class:`TypeError`.

    Not a :class:`ValueError`: code that catches bad *values* (``except ValueError``) does
    not swallow a programming mistake.

    >>> err = ArgumentTypeError("workdays.date", message_en="d must be a datetime.date, not str",
    ...                         message_zh="d 应为日期", field="d")
    >>> isinstance(err, TypeError), isinstance(err, ValueError)
    (True, False)
    """


class UnknownName(ArgumentError, KeyError):
    """A name that is not known: a rule, a masking profile, a preset, a column, an option.

    Also a :class:`KeyError`, and its ``str`` is the plain message (no quotes).

    >>> err = UnknownName("deadlines.rule", message_en="no deadline rule 'x'",
    ...                   message_zh="没有名为 'x' 的期限规则")
    >>> isinstance(err, KeyError), str(err)
    (True, "deadlines.rule: no deadline rule 'x' (没有名为 'x' 的期限规则)")
    """


class InvalidFormat(ValidationError):
    """The value has characters or a shape the standard does not allow.

    >>> issubclass(InvalidFormat, ValueError)
    True
    """


class InvalidLength(ValidationError):
    """The value has the wrong number of characters.

    >>> issubclass(InvalidLength, ValidationError)
    True
    """


class InvalidChecksum(ValidationError):
    """The check digit or check character does not match the rest of the value.

    >>> issubclass(InvalidChecksum, ValidationError)
    True
    """


class InvalidComponent(ValidationError):
    """A part of the value is unknown or impossible (division, date, type code).

    >>> issubclass(InvalidComponent, ValidationError)
    True
    """


class CalendarDataMissing(CreditDisclosureError, LookupError):
    """The working-day calendar has no official schedule for ``year``.

    The library never guesses: a deadline that crosses into an unknown year
    raises this error, whose message says how to add that year's schedule.
    Coded like the other errors (``code`` is ``workdays.year_missing``), with the
    English (``message_en``) and the Chinese (``message_zh``) message each in one
    language.

    >>> err = CalendarDataMissing(2031)
    >>> err.year, isinstance(err, LookupError), err.code
    (2031, True, 'workdays.year_missing')
    >>> err.message_zh
    '缺少2031年节假日安排：请用 WorkdayCalendar.with_schedule(...) 或 load_schedule(path) 加入当年国务院办公厅的通知，或启用临时模式（只计法定节假日和周末，不含调休）'
    """

    year: int
    code: str = "workdays.year_missing"

    def __init__(self, year: int, hint: str | None = None, hint_zh: str | None = None) -> None:
        self.year = year
        self.hint = _redact(hint) if hint else (
            "add the State Council notice for that year with "
            "WorkdayCalendar.with_schedule(...) or load_schedule(path), "
            "or opt in to provisional mode (statutory holidays and weekends, no 调休)"
        )
        if hint_zh:
            self.hint_zh = _redact(hint_zh)
        elif hint:  # a particular English hint: the Chinese message names the year only
            self.hint_zh = ""
        else:
            self.hint_zh = (
                "请用 WorkdayCalendar.with_schedule(...) 或 load_schedule(path) 加入当年国务院办公厅的"
                "通知，或启用临时模式（只计法定节假日和周末，不含调休）"
            )
        self.message_en = f"no working-day schedule for {year}: {self.hint}"
        self.message_zh = f"缺少{year}年节假日安排" + (f"：{self.hint_zh}" if self.hint_zh else "")
        # str() as before (English, the year's name in Chinese, the English hint): the
        # one-language messages are message_en and message_zh.
        super().__init__(f"no working-day schedule for {year} (缺少{year}年节假日安排): {self.hint}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.year, self.hint, self.hint_zh))


#: The Chinese message of each PolicyError code, for an error made the older way (one English
#: message whose prefix is the code): the library's own errors each say the particulars in both
#: languages.
_POLICY_ZH: dict[str, str] = {
    "policy.date_range": "日期超出可表示的范围（9999-12-31 之后）",
    "policy.deadline": "期限规则不适用于该日期",
    "policy.error": "政策规则无法回答该问题",
    "policy.fact": "事实参数的类型或取值错误",
    "policy.file": "政策文件格式错误",
    "policy.missing_fact": "缺少判断所需的事实",
    "policy.no_match": "没有与该记录相符的规则",
    "policy.no_rule": "该日期没有生效的规则",
    "policy.period": "期限应写作 3M（月）或 1Y（年）",
    "policy.preset": "没有该名称的政策预设",
    "policy.record": "记录类型错误",
    "policy.rule": "规则表内容错误",
}


class PolicyError(_CodedError):
    """A disclosure or repair policy cannot answer the question it was asked.

    For example no rule is in force on the given date, or a required fact
    (severity tier, procedure) was not supplied. Coded like the other errors: a
    stable ``code`` (``policy.no_rule``, ``policy.fact``, ...), an English
    ``message_en`` and a Chinese ``message_zh`` that each say the particulars, and
    where it applies the ``field`` (the fact or table column) it is about.

    >>> err = PolicyError("policy.no_rule", message_en="no rule in force on 2018-01-01",
    ...                   message_zh="2018-01-01没有生效的规则")
    >>> err.code, err.message_zh
    ('policy.no_rule', '2018-01-01没有生效的规则')
    >>> print(err)
    policy.no_rule: no rule in force on 2018-01-01 (2018-01-01没有生效的规则)

    The older form, one English message whose prefix is the code, is still read; its
    Chinese message is then the code's general one:

    >>> old = PolicyError("policy.no_rule: no rule in force on 2018-01-01")
    >>> old.code, old.message_en, old.message_zh
    ('policy.no_rule', 'no rule in force on 2018-01-01', '该日期没有生效的规则')
    >>> PolicyError("no rule in force").code
    'policy.error'
    """

    def __init__(
        self,
        code: str,
        *,
        message_en: str | None = None,
        message_zh: str | None = None,
        position: int | None = None,
        field: str | None = None,
    ) -> None:
        if message_en is None:  # the older form: PolicyError("policy.code: English message")
            message = _redact(code)
            prefix, sep, rest = message.partition(": ")
            if sep and prefix.startswith("policy.") and " " not in prefix:
                code, message_en = prefix, rest
            else:
                code, message_en = "policy.error", message
        if not message_zh:
            message_zh = _POLICY_ZH.get(code, _POLICY_ZH["policy.error"])
        super().__init__(
            code, message_en=message_en, message_zh=message_zh, position=position, field=field
        )


class DecryptionError(CreditDisclosureError):
    """A token could not be decrypted.

    Deliberately opaque: a wrong key, a tampered or truncated token, a token
    bound to another field and a retired key all raise this same error with the
    same message, so that an attacker learns nothing from it.

    >>> str(DecryptionError())
    'decryption failed'
    """

    def __init__(self) -> None:
        super().__init__("decryption failed")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), ())


class LedgerError(CreditDisclosureError):
    """The ledger cannot do what it was asked: the schema is not initialised, a column is missing.

    Like a :class:`ValidationError` it carries a stable ``code`` and a message in
    Chinese and in English; nothing from the records is ever put in it.

    >>> err = LedgerError("ledger.schema", message_en="run init first", message_zh="请先初始化")
    >>> err.code, str(err)
    ('ledger.schema', 'ledger.schema: run init first (请先初始化)')
    """

    code: str
    message_en: str
    message_zh: str

    def __init__(self, code: str, *, message_en: str, message_zh: str) -> None:
        self.code = code
        self.message_en = message_en
        self.message_zh = message_zh
        super().__init__(f"{code}: {message_en} ({message_zh})")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_ledger_error, (self.code, self.message_en, self.message_zh))


def _rebuild_ledger_error(code: str, message_en: str, message_zh: str) -> LedgerError:
    return LedgerError(code, message_en=message_en, message_zh=message_zh)


class MissingOptionalDependency(CreditDisclosureError, ImportError):
    """An optional dependency is not installed; the message names the extra.

    >>> err = MissingOptionalDependency("openpyxl", "xlsx")
    >>> print(err)
    reading or writing Excel files needs openpyxl: pip install "credit-disclosure[xlsx]"
    """

    def __init__(self, package: str, extra: str, purpose: str | None = None) -> None:
        self.package = package
        self.extra = extra
        self.purpose = purpose
        what = purpose or _PURPOSES.get(extra, f"this feature ({extra})")
        super().__init__(f'{what} needs {package}: pip install "credit-disclosure[{extra}]"')

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.package, self.extra, self.purpose))


_PURPOSES = {
    "xlsx": "reading or writing Excel files",
    "pandas": "the pandas integration",
    "plot": "plotting",
    "spark": "the Spark integration",
    "ledger": "the ledger (a database through SQLAlchemy)",
}
