"""Reading the State Council's holiday notice as published: ``parse_notice(text) -> Schedule``.

The notice (国务院办公厅关于YYYY年部分节假日安排的通知, 国办发明电〔YYYY〕N号) lists each holiday in
one numbered item: ``一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。``
The reader takes full-width or half-width punctuation and digits, dates whose month (or year) is
left out where the notice leaves it out, ranges that cross into the next year, 补休 days, and
checks every weekday label against its date and every 共N天 against its range. A sentence it
cannot read is an error that quotes it. Amendments (the 2020 Spring Festival extension,
国办发明电〔2020〕1号) are read against the schedule they amend.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Final

import attrs

from ..errors import ArgumentTypeError, InvalidFormat
from ._schedule import HolidayRange, MakeupWorkday, NoticeRef, Schedule

__all__ = ["amended_year", "parse_notice"]

_ITEM: Final = re.compile(r"^([一二三四五六七八九十]+)、([^:]{1,40}):(.+)$")
_DATE: Final = re.compile(
    r"(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日(?:\((?P<label>[^()]*)\))?"
)
_NUMBER: Final = re.compile(r"国办发明电\s*[〔\[(（【]\s*(\d{4})\s*[〕\])）】]\s*(\d+)\s*号")
_TITLE: Final = re.compile(r"关于(\d{4})年部分节假日安排的通知")
_AMEND_TITLE: Final = re.compile(r"关于延长(\d{4})年春节假期的通知")
_ADJUST_TITLE: Final = re.compile(r"关于调整(\d{4})年(.{1,10}?)假期安排的通知")
_INTRO_YEAR: Final = re.compile(r"现将(\d{4})年")
_FULL_DATE: Final = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_CN_DATE: Final = re.compile(r"^([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")
_COUNT: Final = re.compile(r"共(\d+)天")
_SINGLE_COUNT: Final = re.compile(r"放假(\d+)天")
_WEEKDAYS: Final = {c: i for i, c in enumerate("一二三四五六日")} | {"天": 6}
_CN_DIGITS: Final = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
_ONE: Final = timedelta(days=1)


def _normalise(text: str) -> str:
    """Half-width digits and punctuation, one sentence structure, no stray spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u3000", " ").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("．", ".").replace("﹐", ",")
    return "\n".join(" ".join(line.split()).replace(" ", "") for line in text.split("\n"))


def _error(code: str, en: str, zh: str, sentence: str) -> InvalidFormat:
    quoted = sentence if len(sentence) <= 80 else sentence[:77] + "..."
    return InvalidFormat(
        f"notice.{code}",
        message_en=f"{en}, in the sentence “{quoted}”",
        message_zh=f"{zh}：“{quoted}”",
    )


def _cn_number(text: str) -> int:
    """一 to 三十一 (the days and months of a date written in Chinese numerals)."""
    if text == "十":
        return 10
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
    return _CN_DIGITS[text]


def _signature_date(lines: list[str]) -> date | None:
    """The date under the signature 国务院办公厅 (the last full date standing alone on a line)."""
    for line in reversed(lines):
        try:
            match = _FULL_DATE.match(line)
            if match:
                y, m, d = (int(g) for g in match.groups())
                return date(y, m, d)
            match = _CN_DATE.match(line)
            if match:
                y = int("".join(str(_CN_DIGITS[c]) for c in match.group(1)))
                return date(y, _cn_number(match.group(2)), _cn_number(match.group(3)))
        except (ValueError, KeyError):
            raise _error("date", "the notice's date does not exist", "通知日期不存在", line) from None
    return None


@attrs.define
class _Dates:
    """Reads the dates of one sentence: a left-out year or month is the previous date's."""

    year: int
    sentence: str
    month: int | None = None

    def read(self, match: re.Match[str]) -> date:
        year = int(match["y"]) if match["y"] else self.year
        if match["m"]:
            self.month = int(match["m"])
        if self.month is None:
            raise _error("date", "a date without its month", "日期缺少月份", self.sentence)
        try:
            day = date(year, self.month, int(match["d"]))
        except ValueError:
            raise _error("date", "no such date", "日期不存在", self.sentence) from None
        self.year = year
        _check_label(day, match["label"], self.sentence)
        return day


def _check_label(day: date, label: str | None, sentence: str) -> None:
    """A weekday in the brackets (周四, 星期日) must be the date's; lunar labels are not checked."""
    if not label:
        return
    for part in re.split(r"[、,，]", label):
        found = re.fullmatch(r"(?:周|星期|礼拜)([一二三四五六日天])", part.strip())
        if found and _WEEKDAYS[found.group(1)] != day.weekday():
            names = "一二三四五六日"
            raise _error(
                "weekday",
                f"{day} is a 周{names[day.weekday()]}, not {part}",
                f"{day} 是周{names[day.weekday()]}，不是{part}",
                sentence,
            )


def _sentences(body: str) -> Iterator[str]:
    for sentence in body.split("。"):
        sentence = sentence.strip()
        if sentence:
            yield sentence


def _days_off(name: str, sentence: str, year: int) -> list[HolidayRange]:
    """``…放假…`` (with ``至`` a range) and any ``…补休`` days in the same sentence."""
    dates = _Dates(year, sentence)
    head, _, tail = sentence.partition("放假")
    found = list(_DATE.finditer(head))
    if not found or not 1 <= len(found) <= 2 or (len(found) == 2 and "至" not in head):
        raise _error("sentence", "cannot read the days off", "无法识别放假日期", sentence)
    start = dates.read(found[0])
    end = dates.read(found[1]) if len(found) == 2 else start
    if end < start:
        raise _error("range", "the range ends before it starts", "放假区间结束早于开始", sentence)
    ranges = [HolidayRange(name, start, end)]
    days = (end - start).days + 1
    count = _COUNT.search(tail) or _SINGLE_COUNT.search("放假" + tail)
    if count and int(count.group(1)) != days:
        raise _error(
            "day_count",
            f"共{count.group(1)}天 but the range {start} to {end} has {days} days",
            f"共{count.group(1)}天，但 {start} 至 {end} 为 {days} 天",
            sentence,
        )
    for clause in tail.split(","):
        if clause.endswith("补休"):
            extra = list(_DATE.finditer(clause))
            if len(extra) != 1:
                raise _error("sentence", "cannot read the 补休 day", "无法识别补休日期", sentence)
            day = dates.read(extra[0])
            ranges.append(HolidayRange(name, day, day))
    return ranges


def _working(name: str, sentence: str, year: int) -> list[MakeupWorkday]:
    """``A（星期六）、B（星期日）上班``: the make-up working days."""
    dates = _Dates(year, sentence)
    head = sentence[: -len("上班")]
    found = list(_DATE.finditer(head))
    leftover = _DATE.sub("", head).replace("、", "").replace(",", "").strip()
    if not found or leftover:
        raise _error("sentence", "cannot read the working days", "无法识别上班日期", sentence)
    return [MakeupWorkday(dates.read(m), name) for m in found]


def _item(
    name: str, body: str, year: int
) -> tuple[list[HolidayRange], list[MakeupWorkday], list[str]]:
    ranges: list[HolidayRange] = []
    makeup: list[MakeupWorkday] = []
    notes: list[str] = []
    for sentence in _sentences(body):
        if sentence.startswith("鼓励"):  # advice, not an arrangement (2024: 除夕)
            notes.append(sentence)
        elif sentence.endswith("上班") and "放假" not in sentence:
            makeup.extend(_working(name, sentence, year))
        elif "放假" in sentence:
            ranges.extend(_days_off(name, sentence, year))
        else:
            raise _error(
                "sentence", "a sentence of an item that is not an arrangement",
                "无法识别的放假安排语句", sentence,
            )  # fmt: skip
    return ranges, makeup, notes


def _adjust(base: Schedule, text_lines: list[str], ref: NoticeRef, year: int, name: str) -> Schedule:
    """关于调整YYYY年X假期安排的通知: the items replace holiday X's days off and make-up days."""
    if year != base.year:
        raise _error(
            "amendment",
            f"the notice amends {year}, not the {base.year} schedule given",
            f"该通知修改{year}年安排，而不是所给的{base.year}年", text_lines[0],
        )  # fmt: skip
    ranges: list[HolidayRange] = []
    makeup: list[MakeupWorkday] = []
    for line in text_lines:
        item = re.match(r"^[一二三四五六七八九十]+、(.+)$", line)
        if item is None or not _DATE.search(item.group(1)):
            continue  # the items without dates are instructions, not days
        body = item.group(1).split(":", 1)[-1]
        found_ranges, found_makeup, _notes = _item(name, body, year)
        ranges.extend(found_ranges)
        makeup.extend(found_makeup)
    if not ranges:
        raise _error("no_items", "no days off in the adjustment", "调整通知中未找到放假安排", text_lines[0])
    kept = tuple(r for r in base.holidays if not r.name.startswith(name))
    return attrs.evolve(
        base,
        holidays=tuple(sorted((*kept, *ranges), key=lambda r: r.start)),
        workdays=tuple(
            sorted(
                (*(w for w in base.workdays if not w.name.startswith(name)), *makeup),
                key=lambda w: w.day,
            )
        ),
        amendments=(*base.amendments, ref),
        source=f"{base.source}; amended by {ref.title} {ref.number}".strip(),
    )


def _amend(base: Schedule, text_lines: list[str], ref: NoticeRef) -> Schedule:
    """延长YYYY年春节假期至M月D日（…），M月D日（…）起正常上班: extend 春节 to that day."""
    for line in text_lines:
        match = re.search(r"延长(\d{4})年春节假期至(.+?)起正常上班", line)
        if not match:
            continue
        year = int(match.group(1))
        if year != base.year:
            raise _error(
                "amendment",
                f"the notice amends {year}, not the {base.year} schedule given",
                f"该通知修改{year}年安排，而不是所给的{base.year}年", line,
            )  # fmt: skip
        dates = _Dates(year, line)
        found = list(_DATE.finditer(match.group(2)))
        if len(found) != 2:
            raise _error("sentence", "cannot read the extension", "无法识别延长日期", line)
        end, back = dates.read(found[0]), dates.read(found[1])
        if not end < back <= end + 3 * _ONE:
            raise _error(
                "amendment", "work must resume within days after the extension",
                "复工日期应紧接延长后的假期", line,
            )  # fmt: skip
        spring = [r for r in base.holidays if r.name.startswith("春节")]
        if not spring:
            raise _error("amendment", "the schedule has no 春节 to extend", "原安排无春节", line)
        first = spring[0]
        holidays = tuple(
            HolidayRange(r.name, r.start, max(r.end, end)) if r is first else r
            for r in base.holidays
        )
        workdays = tuple(w for w in base.workdays if not first.start <= w.day <= end)
        return attrs.evolve(
            base,
            holidays=holidays,
            workdays=workdays,
            amendments=(*base.amendments, ref),
            source=f"{base.source}; amended by {ref.title} {ref.number}".strip(),
        )
    raise _error("amendment", "no 延长…假期至… sentence", "未找到“延长…假期至…”", text_lines[0])


def amended_year(text: str) -> int | None:
    """The year an amending notice changes (延长/调整YYYY年…), or ``None`` for a yearly notice.

    >>> amended_year("国务院办公厅关于延长2020年春节假期的通知"), amended_year("关于2026年部分节假日安排的通知")
    (2020, None)
    """
    joined = _normalise(text)
    for pattern in (_ADJUST_TITLE, _AMEND_TITLE, re.compile(r"延长(\d{4})年春节假期至")):
        match = pattern.search(joined)
        if match:
            return int(match.group(1))
    return None


def parse_notice(text: str, *, amends: Schedule | None = None, url: str = "") -> Schedule:
    """Read a State Council holiday notice into a :class:`Schedule`, checking it as it goes.

    The schedule records the notice (:class:`NoticeRef`: title, number, date of the notice,
    the sha256 of ``text`` and ``url``). An amending notice (国务院办公厅关于延长2020年春节假期的
    通知, 关于调整2019年劳动节假期安排的通知) needs the schedule it amends as ``amends`` and
    returns it amended. Errors are
    :class:`~credit_disclosure.errors.InvalidFormat` with a code (``notice.year``,
    ``notice.no_items``, ``notice.sentence``, ``notice.date``, ``notice.range``,
    ``notice.weekday``, ``notice.day_count``, ``notice.amendment``) and quote the sentence.

    >>> s = parse_notice('''国务院办公厅关于2026年部分节假日安排的通知
    ... 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
    ... 国务院办公厅
    ... 2025年11月4日''')
    >>> s.year, [(str(r.start), str(r.end)) for r in s.holidays], [str(w.day) for w in s.workdays]
    (2026, [('2026-01-01', '2026-01-03')], ['2026-01-04'])
    >>> s.notice.published, len(s.notice.sha256)
    (datetime.date(2025, 11, 4), 64)
    >>> parse_notice("关于2026年部分节假日安排的通知\\n一、元旦：1月1日（周五）放假1天。")
    Traceback (most recent call last):
    ...
    credit_disclosure.errors.InvalidFormat: notice.weekday: 2026-01-01 is a 周四, not 周五, ...
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(
            "notice.type",
            message_en=f"a notice is text, not {type(text).__name__}",
            message_zh=f"通知应为文本，而不是 {type(text).__name__}",
            field="text",
        )
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines = [line for line in _normalise(text).split("\n") if line]
    if not lines:
        raise _error("no_items", "the notice is empty", "通知为空", "")
    joined = "\n".join(lines)
    number_match = _NUMBER.search(joined)
    number = f"国办发明电〔{number_match.group(1)}〕{number_match.group(2)}号" if number_match else ""
    amend_title = _AMEND_TITLE.search(joined)
    adjust_title = _ADJUST_TITLE.search(joined)
    title_match = _TITLE.search(joined)
    title = next(
        (line for line in lines if "关于" in line and line.endswith("通知")), lines[0]
    )
    ref = NoticeRef(
        title=title, number=number, published=_signature_date(lines), sha256=sha, url=url
    )
    if adjust_title or amend_title or any("春节假期至" in line and "延长" in line for line in lines):
        if amends is None:
            raise _error(
                "amendment",
                "this notice amends a schedule: pass it as amends=",
                "该通知修改已发布的安排，请同时提供原安排", title,
            )  # fmt: skip
        if adjust_title:
            return _adjust(amends, lines, ref, int(adjust_title.group(1)), adjust_title.group(2))
        return _amend(amends, lines, ref)
    year_match = title_match or _INTRO_YEAR.search(joined)
    if year_match is None:
        raise _error(
            "year", "no year: neither the title nor 现将YYYY年 names it",
            "未找到年份（标题或“现将YYYY年”）", lines[0],
        )  # fmt: skip
    year = int(year_match.group(1))
    holidays: list[HolidayRange] = []
    workdays: list[MakeupWorkday] = []
    for line in lines:
        item = _ITEM.match(line)
        if item is None:
            continue
        name = item.group(2).strip()
        ranges, makeup, _notes = _item(name, item.group(3), year)
        holidays.extend(ranges)
        workdays.extend(makeup)
    if not holidays:
        raise _error("no_items", "no item 一、…：…放假 found", "未找到放假安排条目", lines[0])
    source = f"{title} {number}".strip()
    return Schedule(year, holidays=holidays, workdays=workdays, source=source, notice=ref)
