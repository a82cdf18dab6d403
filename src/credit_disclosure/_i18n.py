"""The language of what people read, and the one catalogue of interface texts.

Every label, heading, verdict and sentence that the library's explanations, the
command line and the plots write around the data is an entry of :data:`UI_TEXTS`,
keyed by a stable id, with an English and a Chinese template (``{name}`` fields are
filled by :func:`ui`). Issue messages have their own catalogue
(:data:`credit_disclosure.standard.ISSUE_CATALOGUE`); this one is for everything
around them. Citations (``发改办财金〔2018〕424号``) stay as the source writes them
in both languages.

The language is ``"zh"`` or ``"en"``. Where nobody chose one (the command line
without ``--lang``, a plot without ``lang=``), :func:`default_lang` reads the
locale, once, the same way for every command.

>>> ui("deadline.source", "zh", citation="发改办财金〔2018〕424号")
'依据：发改办财金〔2018〕424号'
>>> ui("deadline.source", "en", citation="发改办财金〔2018〕424号")
'Source: 发改办财金〔2018〕424号'
"""

from __future__ import annotations

import errno
import os
import unicodedata
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Final, Literal

import attrs

from .errors import ArgumentError

__all__ = [
    "LANGS",
    "UI_TEXTS",
    "Lang",
    "UiText",
    "check_lang",
    "dated",
    "default_lang",
    "error_text",
    "ljust",
    "os_reason",
    "plural",
    "resolve_lang",
    "ui",
    "weekday",
]

#: A language of the interface.
Lang = Literal["en", "zh"]
#: The languages, English first.
LANGS: Final[tuple[Lang, ...]] = ("en", "zh")


def default_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """``"zh"`` when the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) is Chinese, else ``"en"``.

    The first of the three variables that is set decides, as for the C library.

    >>> default_lang({"LANG": "zh_CN.UTF-8"}), default_lang({"LANG": "en_US.UTF-8"})
    ('zh', 'en')
    >>> default_lang({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}), default_lang({})
    ('en', 'en')
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def check_lang(lang: object) -> Lang:
    """``lang`` if it is ``"en"`` or ``"zh"``; a coded :class:`ArgumentError` otherwise.

    >>> check_lang("zh")
    'zh'
    >>> check_lang("fr")
    Traceback (most recent call last):
    ...
    credit_disclosure.errors.ArgumentError: lang.unknown: lang must be 'en' or 'zh', not 'fr' (lang 应为 'en' 或 'zh'，而不是 'fr')
    """
    if lang == "en" or lang == "zh":
        return lang
    shown = repr(lang) if isinstance(lang, str) and len(lang) <= 8 else type(lang).__name__
    raise ArgumentError(
        "lang.unknown",
        message_en=f"lang must be 'en' or 'zh', not {shown}",
        message_zh=f"lang 应为 'en' 或 'zh'，而不是 {shown}",
    )


def resolve_lang(lang: object = None) -> Lang:
    """``lang`` checked, or :func:`default_lang` when it is ``None``.

    >>> resolve_lang("en")
    'en'
    >>> resolve_lang(None) in LANGS
    True
    """
    return default_lang() if lang is None else check_lang(lang)


@attrs.frozen
class UiText:
    """One entry of the catalogue: an id and its English and Chinese templates.

    >>> UI_TEXTS["verdict.on_time"].zh
    '按时'
    """

    id: str
    en: str
    zh: str

    def render(self, lang: Lang, **params: object) -> str:
        """The template of ``lang`` with ``params`` filled in.

        >>> UI_TEXTS["deadline.late_by"].render("zh", n=2)
        '逾期2个工作日'
        """
        return (self.zh if lang == "zh" else self.en).format(**params)


_T = UiText

_TEXTS: Final[tuple[UiText, ...]] = (
    # -- days and periods (deadlines, workdays) ----------------------------------------------
    _T("day.dated", "{day} ({weekday})", "{day}（{weekday}）"),
    _T("period.working_days", "{n} working days", "{n}个工作日"),
    _T("period.working_day", "{n} working day", "{n}个工作日"),
    _T("period.years", "{n} years", "{n}年"),
    _T("period.year", "{n} year", "{n}年"),
    _T("period.months", "{n} months", "{n}个月"),
    _T("period.month", "{n} month", "{n}个月"),
    _T("period.days", "{n} days", "{n}日"),
    _T("period.day", "{n} day", "{n}日"),
    _T("period.join", " ", ""),
    _T("period.next_weekday", "the next {weekday}", "下一个{weekday}"),
    _T("daykind.working day", "working day", "工作日"),
    _T("daykind.weekend", "weekend", "周末"),
    _T("daykind.public holiday", "public holiday", "法定节假日"),
    _T("daykind.make-up working day", "make-up working day", "调休上班日"),
    _T("daykind.local holiday", "local holiday", "地方休息日"),
    _T("daykind.local working day", "local working day", "地方工作日"),
    _T("day.provisional", "provisional", "暂定"),
    _T("day.provisional_suffix", ", provisional", "（暂定）"),
    _T("list.sep", ", ", "、"),
    _T("list.semi", "; ", "；"),
    _T("range.to", "{first} to {last}", "{first}至{last}"),
    _T("paren", " ({text})", "（{text}）"),
    # -- the working-day calendar ----------------------------------------------------------
    _T("calendar.coverage", "{span}: {state} ({source})", "{span}：{state}（{source}）"),
    _T("calendar.notice_loaded", "the {year} notice is loaded", "{year}年放假通知已加载"),
    _T("calendar.notice_early",
       "the {year} notice is not loaded ({year} is {state}); notices usually appear between "
       "{opens} and {closes}",
       "{year}年放假通知未加载（{year}年为{state}）；通知通常在{opens}至{closes}之间发布"),
    _T("calendar.notice_due",
       "the {year} notice is not loaded ({year} is {state}); notices usually appear between "
       "{opens} and {closes}: check whether it is out and add it (credit-disclosure calendar add "
       "NOTICE.txt)",
       "{year}年放假通知未加载（{year}年为{state}）；通知通常在{opens}至{closes}之间发布：请查看是否"
       "已发布并加入（credit-disclosure calendar add NOTICE.txt）"),
    _T("calendar.notice_overdue",
       "the {year} notice is not loaded ({year} is {state}), later than every notice since 2011 "
       "(by {closes}): check whether it is out and add it (credit-disclosure calendar add "
       "NOTICE.txt); until then deadlines in {year} come with bounds",
       "{year}年放假通知未加载（{year}年为{state}），已晚于2011年以来的历次通知（{closes}前）：请查看"
       "是否已发布并加入（credit-disclosure calendar add NOTICE.txt）；在此之前，{year}年的期限以范围给出"),
    _T("cli.calendar.added", "{year}: published ({ref}); stored in {where}",
       "{year}年：已发布（{ref}）；保存于{where}"),
    _T("cli.calendar.year", "{year}: {state} ({source})", "{year}年：{state}（{source}）"),
    _T("cli.calendar.notice", "notice", "通知"),
    _T("cli.calendar.url", "url", "网址"),
    _T("cli.calendar.amended", "amended by", "修订"),
    _T("cli.calendar.off", "off     ", "休息  "),
    _T("cli.calendar.working", "working ", "上班  "),
    _T("cli.calendar.makeup", "(调休上班)", "（调休上班）"),
    _T("cli.calendar.certain", "(statutory, certain)", "（法定，确定）"),
    _T("cli.calendar.maybe",
       "maybe    {n} days the {year} notice may move (调休), within how far from its holiday a "
       "调休 day has fallen in the published years:",
       "可能    {year}年通知可能调整（调休）的{n}天，范围按已发布年份中调休日与节日的距离推定："),
    _T("cli.calendar.may_off", "{day}  may become a day off ({name})", "{day}  可能调为休息日（{name}）"),
    _T("cli.calendar.may_on", "{day}  may become a working day ({name})",
       "{day}  可能调为工作日（{name}）"),
    _T("cli.calendar.statutory_source", "statutory holidays ({citation})",
       "法定节假日（{citation}）"),
    _T("cli.calendar.nothing", "nothing is known of this year", "该年份没有任何数据"),
    _T("cli.calendar.data_dir", "added notices: {where}", "加入的通知：{where}"),
    _T("cli.warning", "warning: {message}", "警告：{message}"),
    _T("cli.calendar.not_text", "{what}: not UTF-8 or GB18030 text", "{what}：不是 UTF-8 或 GB18030 文本"),
    _T("cli.stdin", "standard input", "标准输入"),
    # -- deadlines ------------------------------------------------------------------------
    _T("deadline.head", "{rule}: {period} after {start}: due {due}{flag}.",
       "{rule}：{start}起{period}：截止{due}{flag}。"),
    _T("deadline.provisional_flag", ", PROVISIONAL", "（暂定）"),
    _T("deadline.rule", "Rule: {title}", "规则：{title}"),
    _T("deadline.source", "Source: {citation}", "依据：{citation}"),
    _T("deadline.start_not_counted", "The start day {start} is not counted (民法典 第二百零一条)",
       "起始日{start}不计入（民法典 第二百零一条）"),
    _T("deadline.sentence_end", ".", "。"),
    _T("deadline.zero_days", "Zero working days: the start day if it is a working day, else the next.",
       "零个工作日：起始日为工作日的即为当日，否则为其后第一个工作日。"),
    _T("deadline.counted", "Counted: {runs}.", "计入：{runs}。"),
    _T("deadline.skipped", "Skipped: {runs}.", "跳过：{runs}。"),
    _T("deadline.nothing", "nothing", "无"),
    _T("deadline.period_end", "; {period} from it end on {end} (民法典 第二百零二条).",
       "；自次日起算{period}，期间届满日为{end}（民法典 第二百零二条）。"),
    _T("deadline.is_workday", "{day} is a working day{why}.", "{day}为工作日{why}。"),
    _T("deadline.not_workday", "{day} is not a working day ({kind}); {how} {due}.",
       "{day}不是工作日（{kind}）；{how}{due}。"),
    _T("deadline.how_calendar", "the period ends on the next working day (第二百零三条),",
       "期间顺延至其后第一个工作日（第二百零三条），即"),
    _T("deadline.how_weekday", "moved to the next working day (遇法定节假日顺延),",
       "顺延至其后第一个工作日（遇法定节假日顺延），即"),
    _T("deadline.first_weekday", "The first {weekday} after {start} is {end}.",
       "{start}之后的第一个{weekday}为{end}。"),
    _T("deadline.provisional_note",
       "PROVISIONAL: days outside {first}-{last} have no official schedule and were taken as "
       "the statutory holidays and weekends, without 调休; recompute once the State Council "
       "notice is out.",
       "暂定：{first}至{last}以外的日期尚无国务院放假安排，按法定节假日和周末计算（不含调休）；"
       "通知发布后请重新计算。"),
    _T("deadline.done_on", "Done on {day}: {verdict}.", "完成日期{day}：{verdict}。"),
    _T("deadline.done_unscheduled", " PROVISIONAL: the day it was done lies in a year without a "
       "schedule.", "暂定：完成日期所在年份尚无放假安排。"),
    _T("deadline.late_by", "late by {n} working days", "逾期{n}个工作日"),
    _T("deadline.late_by_one", "late by {n} working day", "逾期{n}个工作日"),
    _T("deadline.late_by_least", "late by at least {n} working days", "至少逾期{n}个工作日"),
    _T("deadline.late_by_least_one", "late by at least {n} working day", "至少逾期{n}个工作日"),
    _T("deadline.whatever", ", whatever the {years} notice says", "，无论{years}年通知如何安排"),
    _T("deadline.between",
       "due between {earliest} and {latest} (statutory-only estimate {estimate}); "
       "undetermined until the {years} notice.",
       "截止日在{earliest}至{latest}之间（仅按法定节假日估算为{estimate}）；待{years}年放假通知发布后确定。"),
    _T("deadline.head_bounded", "{rule}: {period} after {start}: {rest}",
       "{rule}：{start}起{period}：{rest}"),
    _T("deadline.due_day", "due {due}.", "截止{due}。"),
    _T("deadline.year_state",
       "Year state: {years} statutory-only (the statutory holidays are certain, the 调休 of the "
       "notice is not); {others}",
       "年份状态：{years}年仅有法定节假日（法定假日确定，通知中的调休未定）；{others}"),
    _T("deadline.year_of", "{year} {state}", "{year}年{state}"),
    _T("yearstate.published", "published", "已发布"),
    _T("yearstate.statutory-only", "statutory-only", "仅法定节假日"),
    _T("yearstate.unknown", "unknown", "未知"),
    _T("deadline.earliest_if",
       "Earliest {earliest} if the {year} notice makes working days of: {days}.",
       "若{year}年通知将以下日期调为工作日，最早为{earliest}：{days}。"),
    _T("deadline.latest_if", "Latest {latest} if the {year} notice adds days off on: {days}.",
       "若{year}年通知增加以下休息日，最晚为{latest}：{days}。"),
    _T("deadline.estimate_head", "The statutory-only estimate:", "仅按法定节假日的估算："),
    _T("deadline.undetermined_reason",
       "undetermined until the {years} notice: on time if it puts the due date on or after "
       "{published}, late if before (possible due dates {earliest} to {latest})",
       "待{years}年放假通知发布后确定：截止日不早于{published}则按时，早于则逾期（可能的截止日为"
       "{earliest}至{latest}）"),
    # -- disclosure policy: publication, term, display, withdrawal, repair ---------------
    _T("policy.published", "published", "予以公示"),
    _T("policy.not_published", "not published", "不予公示"),
    _T("policy.optional", " (publication optional)", "（可以公示，非必须）"),
    _T("policy.publication", "{verdict}: {reason} [{citation}]", "{verdict}：{reason} [{citation}]"),
    _T("policy.publish_by", "; publish by {due} [{citation}]", "；应于{due}前公示 [{citation}]"),
    _T("policy.deadline_unknown", "; deadline unknown: {problem}", "；期限无法确定：{problem}"),
    _T("policy.shown_open", "shown from {first}, open-ended (长期)", "自{first}起公示，长期"),
    _T("policy.shown_span", "shown from {first} to {last} ({maximum} from {counted})",
       "公示期{first}至{last}（自{counted}起{maximum}）"),
    _T("policy.minimum", "; minimum term {minimum}, ends {end}, repair from {repair}",
       "；最短公示期{minimum}，{end}届满，自{repair}起可申请信用修复"),
    _T("policy.no_minimum", "; no minimum term", "；无最短公示期"),
    _T("policy.cited", "{text} [{citation}]", "{text} [{citation}]"),
    _T("policy.revoked_due", "revoked {revoked}: take down by {due} [{citation}]",
       "{revoked}撤销：应于{due}前撤下 [{citation}]"),
    _T("policy.revoked_unknown", "revoked {revoked}: due date unknown ({problem}) [{citation}]",
       "{revoked}撤销：撤下期限无法确定（{problem}） [{citation}]"),
    _T("policy.met", "met", "已满足"),
    _T("policy.not_met", "NOT met", "未满足"),
    _T("policy.met_from", " (from {day})", "（自{day}起）"),
    _T("policy.condition", "{mark}{when}: {reason} [{citation}]", "{mark}{when}：{reason} [{citation}]"),
    _T("policy.eligible", "eligible", "可以修复"),
    _T("policy.refused", "refused", "不予修复"),
    _T("policy.earliest", "earliest successful application {day}", "最早可成功申请日为{day}"),
    _T("policy.no_earliest", "no date on which it can succeed", "没有可成功申请的日期"),
    _T("policy.repair_head", "repair applied for on {applied}: {verdict}; {tail}",
       "{applied}申请信用修复：{verdict}；{tail}"),
    _T("policy.review_by", "  the platform decides by {due} [{citation}]",
       "  平台应于{due}前作出决定 [{citation}]"),
    _T("policy.review_unknown", "  the platform's deadline to decide is unknown: {problem}",
       "  平台作出决定的期限无法确定：{problem}"),
    _T("policy.display", "on {on}: {shown} ({reason})", "{on}：{shown}（{reason}）"),
    _T("policy.shown", "shown", "公示"),
    _T("policy.not_shown", "not shown", "不公示"),
    _T("policy.display_not_published", "not published: {reason}", "不予公示：{reason}"),
    _T("policy.display_not_yet", "not yet shown (from {first})", "尚未公示（自{first}起公示）"),
    _T("policy.display_revoked", "revoked; platform told on {revoked}",
       "已撤销；平台于{revoked}收到通知"),
    _T("policy.display_uncorrected",
       "the term ended on {last}, but the violation is not corrected: shown until it is "
       "[{citation}]",
       "公示期已于{last}届满，但违法行为尚未改正：改正前继续公示 [{citation}]"),
    _T("policy.display_ended", "term ended on {last} [{citation}]",
       "公示期已于{last}届满 [{citation}]"),
    _T("policy.display_open", "shown open-ended [{citation}]", "长期公示 [{citation}]"),
    _T("policy.display_until", "shown until {last} [{citation}]",
       "公示至{last} [{citation}]"),
    _T("policy.what.publication", "publication", "公示"),
    _T("policy.what.term", "term", "公示期限"),
    _T("policy.what.repair", "repair", "信用修复"),
    _T("policy.what.withdrawal", "withdrawal", "撤下"),
    _T("policy.what.repair_review", "repair_review", "信用修复审核"),
    _T("policy.what.objection_marking", "objection_marking", "异议标注"),
    _T("policy.what.objection_verification", "objection_verification", "异议核实"),
    _T("policy.what.repair_takedown", "repair_takedown", "修复后撤下"),
    _T("policy.no_deadline", "{policy} names no {purpose} deadline in force on {day}",
       "{policy}在{day}没有生效的{purpose}期限"),
    # -- a record's life (lifecycle) ------------------------------------------------------
    _T("action.publish", "publish", "公示"),
    _T("action.verify_objection", "verify_objection", "核查异议"),
    _T("action.withdraw", "withdraw", "撤下（撤销或异议成立）"),
    _T("action.take_down", "take_down", "撤下（期满或不应公示）"),
    _T("action.process_repair", "process_repair", "处理信用修复"),
    _T("lifecycle.no_deadline", "no deadline", "无期限"),
    _T("lifecycle.due", "due {due}", "{due}前"),
    _T("lifecycle.deadline_unknown", "deadline unknown: {problem}", "期限无法确定：{problem}"),
    _T("lifecycle.awaiting", "decided, not yet published{due}", "已作出决定，尚未公示{due}"),
    _T("lifecycle.overdue", " OVERDUE", "，已逾期"),
    _T("lifecycle.action", "{action} ({due}{flag}): {reason} [{citation}]",
       "{action}（{due}{flag}）：{reason} [{citation}]"),
    _T("lifecycle.marked", " (marked)", "（已标注异议）"),
    _T("lifecycle.head", "{on}: {state}{mark} ({state_zh}): {reason}",
       "{on}：{state_zh}{mark}：{reason}"),
    _T("lifecycle.rule", "Rule: {citation}", "规则：{citation}"),
    _T("lifecycle.owes", "Owes: {action}", "待办：{action}"),
    _T("lifecycle.issue", "Issue: {issue}", "问题：{issue}"),
    # -- the check's report ------------------------------------------------------------------
    _T("report.head", "{source}: {what}, standard {version}", "{source}：{what}，标准{version}版"),
    _T("report.kind.none", "records", "记录"),
    _T("report.kind.penalty", "penalty records", "行政处罚记录"),
    _T("report.kind.license", "license records", "行政许可记录"),
    _T("report.encoding", ", encoding {encoding}", "，编码{encoding}"),
    _T("report.counts",
       "rows: {rows}  valid: {valid}  with errors: {errors}  with warnings: {warnings}",
       "行数：{rows}  合格：{valid}  有错误：{errors}  有警告：{warnings}"),
    _T("report.blank", "  blank rows skipped: {blank}", "  跳过空行：{blank}"),
    _T("report.top", "top issues:", "最常见的问题："),
    _T("severity.error", "error", "错误"),
    _T("severity.warning", "warning", "警告"),
    _T("report.no_issues", "no issues", "没有问题"),
    _T("report.issues", "issues:", "问题（行号为电子表格中的行号）："),
    _T("report.more", "... and {more} more", "……另有{more}条"),
    _T("finding.decision", "decision {decision}", "文书号 {decision}"),
    _T("finding.line", "{head}: {severity} {code}: {message}", "{head}：{severity} {code}：{message}"),
    _T("finding.value", "; value: {value}", "；值：{value}"),
    _T("finding.advice", "; to do: {advice}", "；处理：{advice}"),
    # -- quality tables ----------------------------------------------------------------------
    _T("table.agency", "agency", "机关"),
    _T("table.month", "month", "月份"),
    _T("table.kind", "kind", "类别"),
    _T("table.records", "records", "记录数"),
    _T("table.complete", "complete", "完整率"),
    _T("table.accurate", "accurate", "准确率"),
    _T("table.on_time", "on time", "及时率"),
    _T("table.late", "late", "逾期"),
    _T("table.unknown", "unknown", "无法判断"),
    _T("table.mean_late", "mean late", "平均逾期"),
    _T("table.total", "total", "合计"),
    _T("reason.no_publication_date", "no_publication_date", "无公示日期"),
    _T("reason.no_decision_date", "no_decision_date", "无决定日期"),
    _T("reason.unreadable", "unreadable", "日期无法读取"),
    _T("reason.calendar_missing", "calendar_missing", "缺少节假日安排"),
    _T("cli.quality.unknown", "timeliness unknown: {reasons}", "无法判断及时性：{reasons}"),
    _T("cli.quality.need_file", "give a FILE or --sample", "请给出文件 FILE 或使用 --sample"),
    # -- quality plots ---------------------------------------------------------------------
    _T("plot.empty_group", "(empty)", "（空）"),
    _T("plot.timeliness.title", "Timeliness by agency", "各机关公示及时率"),
    _T("plot.timeliness.axis", "published within the deadline (share of judged records)",
       "按期公示的比例（占可判断的记录）"),
    _T("plot.timeliness.none", "no agency's timeliness could be judged",
       "没有可判断公示及时性的机关"),
    _T("plot.issues.title", "Most frequent issues", "最常见的问题"),
    _T("plot.issues.axis", "issues", "问题数"),
    _T("plot.issues.none", "no issues found", "没有发现问题"),
    _T("plot.records.title", "Records over time", "各月记录数"),
    _T("plot.records.clean", "no error", "无错误"),
    _T("plot.records.errors", "with errors", "有错误"),
    _T("plot.records.axis", "records (by decision month)", "记录数（按决定月份）"),
    _T("plot.scores.title", "Monthly quality scores", "各月质量得分"),
    _T("plot.scores.axis", "share of records", "记录占比"),
    _T("plot.completeness", "completeness", "完整性"),
    _T("plot.accuracy", "accuracy", "准确性"),
    _T("plot.timeliness", "timeliness", "及时性"),
    _T("plot.no_months", "no dated records to plot", "没有带日期的记录可绘制"),
    # -- the command line -------------------------------------------------------------------
    _T("cli.row", "row {row}", "第{row}行"),
    _T("cli.status.head", "status on {on} under {policy}", "{on}的状态（政策：{policy}）"),
    _T("cli.status.records", "{n} records", "共{n}条记录"),
    _T("cli.status.actions", "actions owed (overdue):", "待办事项（其中逾期）："),
    _T("cli.status.event_issues", "{n} event issues:", "{n}个事件问题："),
    _T("cli.status.source_issues", "{n} issues reading RECORDS (rows left undetermined)",
       "读取记录文件时有{n}个问题（相应行的状态未定）"),
    _T("cli.status.portal",
       "portal: {over} shown but must not be, {under} missing, {unknown} shown keys match no "
       "record",
       "网站比对：{over}条不应公示却在公示，{under}条应公示而缺失，{unknown}个公示键找不到对应记录"),
    _T("cli.status.over", "over-disclosure", "过度公示"),
    _T("cli.status.under", "under-disclosure", "应公示未公示"),
    _T("cli.status.unknown", "unknown", "无对应记录"),
    _T("cli.status.no_key", "(no key)", "（无键）"),
    _T("cli.status.owes", "owes {action}", "待办：{action}"),
    _T("cli.subject.head", "subject {subject} on {on}", "主体{subject}，{on}"),
    _T("cli.subject.serious", " SERIOUS", "（严重）"),
    _T("cli.subject.repair_from", ", repair from {day}", "，自{day}起可申请修复"),
    _T("cli.subject.not_met", " (not met: {blockers})", "（未满足：{blockers}）"),
    _T("cli.subject.summary", "{records} records, {shown} to be shown, {serious} serious",
       "共{records}条记录，应公示{shown}条，严重{serious}条"),
    _T("cli.policy.head", "policy: {name} ({title})", "政策：{name}（{title}）"),
    _T("cli.policy.cannot", "{part}: cannot decide: {error}", "{part}：无法判断：{error}"),
    _T("cli.policy.part.publication", "publication", "公示"),
    _T("cli.policy.part.term", "term", "公示期"),
    _T("cli.policy.part.display", "display", "是否公示"),
    _T("cli.policy.part.withdrawal", "withdrawal", "撤下"),
    _T("cli.identify.valid_as", "valid as {kind}", "有效：{kind_zh}（{kind}）"),
    _T("cli.identify.invalid", "not valid as any identifier", "不是任何一种有效的证照号码"),
    _T("cli.identify.at", " at position {position}", "（第{position}位）"),
    _T("cli.identify.error", "{kind}: {code}{where}: {message}", "{kind_zh}：{code}{where}：{message}"),
    _T("value.true", "True", "是"),
    _T("value.false", "False", "否"),
    _T("gender.male", "male", "男"),
    _T("gender.female", "female", "女"),
    _T("part.registration_authority", "registration_authority", "登记管理部门代码"),
    _T("part.org_type", "org_type", "机构类别代码"),
    _T("part.division", "division", "行政区划代码"),
    _T("part.org_code", "org_code", "主体标识码"),
    _T("part.check", "check", "校验码"),
    _T("part.authority_name", "authority_name", "登记管理部门"),
    _T("part.org_type_name", "org_type_name", "机构类别"),
    _T("part.division_name", "division_name", "行政区划"),
    _T("part.org_code_valid", "org_code_valid", "主体标识码校验"),
    _T("part.body", "body", "本体代码"),
    _T("part.birth_date", "birth_date", "出生日期"),
    _T("part.sequence", "sequence", "顺序码"),
    _T("part.gender", "gender", "性别"),
    _T("part.division_retired", "division_retired", "区划已撤销"),
    _T("part.authority", "authority", "登记机关代码"),
    _T("part.region", "region", "地区代码"),
    _T("part.region_name", "region_name", "地区"),
    _T("part.card_version", "card_version", "证件版本"),
    _T("part.nationality", "nationality", "国籍代码"),
    _T("part.nationality_alpha3", "nationality_alpha3", "国籍（三字母）"),
    _T("part.province", "province", "受理地代码"),
    _T("cli.cannot_read", "cannot read {path}: {reason}", "无法读取{path}：{reason}"),
    _T("cli.cannot_write", "cannot write {path}: {reason}", "无法写入{path}：{reason}"),
    _T("value.yes", "yes", "是"),
    _T("value.no", "no", "否"),
    _T("cli.keys.id", "id", "编号"),
    _T("cli.keys.algorithm", "algorithm", "算法"),
    _T("cli.keys.primary", "primary", "主密钥"),
    _T("cli.keys.status", "status", "状态"),
    _T("cli.keys.created", "created", "创建时间"),
    _T("cli.keys.retired", "retired", "停用时间"),
    _T("cli.keys.status.enabled", "enabled", "启用"),
    _T("cli.keys.status.retired", "retired", "已停用"),
    _T("cli.keys.wrapped",
       "{path} is wrapped by a KMS: manage it from Python, Keyset.load(path, kms=...)",
       "{path}由 KMS 包裹：请在 Python 程序中管理，`Keyset.load(path, kms=...)`"),
    _T("cli.keys.exists", "{path} exists; use --force to overwrite it", "{path}已存在；用 --force 覆盖"),
    _T("cli.file", "file", "文件"),
    _T("cli.column", "column {n} {header}", "第{n}列{header}"),
    _T("cli.bundled_sample", "{name} (bundled sample)", "{name}（内置样例）"),
    _T("cli.mask.input_or_sample", "give --input FILE or --sample KIND, not both",
       "请给出 --input FILE 或 --sample KIND，不要同时给出"),
    _T("cli.mask.input_or_values",
       "--input masks whole records by field; --kind and VALUEs are for single values: give one "
       "or the other",
       "--input 按字段脱敏整条记录；--kind 和 VALUE 用于单个值：请二选一"),
    _T("cli.mask.need_values", "give --kind and VALUEs, or --input FILE",
       "请给出 --kind 和 VALUE，或 --input FILE"),
    _T("cli.mask.no_header", "the file has no header row", "文件没有表头行"),
    _T("cli.mask.header_unknown",
       "no column header names a field of the standard or of the profile; is the header row "
       "missing?",
       "文件表头无一为标准字段或脱敏方案中的字段，是否缺少表头行？"),
    _T("cli.mask.unclassified_refuse",
       "not a field of the standard nor described to the profile; describe it with --field "
       "HEADER=KIND or drop it",
       "不是标准字段，脱敏方案中也没有说明：请用 --field HEADER=KIND 说明其类型，或删除该列"),
    _T("cli.mask.unclassified_mask",
       "not a field of the standard: masked completely in records that may be a person's "
       "(describe it with --field HEADER=KIND)",
       "不是标准字段：可能属于自然人的记录中整列脱敏（可用 --field HEADER=KIND 说明其类型）"),
    _T("cli.mask.summary",
       "{written} rows masked and written ({flagged} of them reported), {dropped} rows "
       "reported and not written, {blank} blank rows skipped",
       "已脱敏并写出{written}行（其中{flagged}行有提示），{dropped}行有问题未写出，跳过空行{blank}行"),
    _T("cli.ledger.migrated", "{ledger}: migrations {steps} applied; schema version {version}",
       "{ledger}：已执行迁移{steps}；数据库结构版本{version}"),
    _T("cli.ledger.up_to_date", "{ledger}: schema version {version}, up to date",
       "{ledger}：数据库结构版本{version}，已是最新"),
    _T("cli.ledger.already", "{source}: already imported (sha256 {sha}…), nothing added",
       "{source}：已导入过（SHA256 {sha}…），未新增"),
    _T("cli.ledger.imported",
       "{source}: {rows} rows, {added} added, {changed} changed, {unchanged} unchanged, "
       "{rejected} not accepted (break the standard)",
       "{source}：{rows}行，新增{added}，变更{changed}，未变{unchanged}，未接收{rejected}（不符合标准）"),
    _T("cli.ledger.events_already", "{source}: already imported, nothing added",
       "{source}：已导入过，未新增"),
    _T("cli.ledger.events",
       "{source}: {rows} rows, {added} events added, {duplicates} already kept, {unmatched} of "
       "no record, {ambiguous} ambiguous, {rejected} not events",
       "{source}：{rows}行，新增事件{added}，已有{duplicates}，无对应记录{unmatched}，"
       "对应不唯一{ambiguous}，不是事件{rejected}"),
    _T("cli.ledger.catalogue_already", "{source}: already imported, nothing changed",
       "{source}：已导入过，未变更"),
    _T("cli.ledger.catalogue",
       "{source}: {added} items added, {changed} changed, {retired} retired, {unchanged} "
       "unchanged",
       "{source}：新增事项{added}，变更{changed}，停用{retired}，未变{unchanged}"),
    _T("cli.ledger.items", "{file}: {n} items", "{file}：{n}个事项"),
    _T("cli.ledger.kept", "report kept in the ledger as #{id}", "报表已保存在台账中，编号#{id}"),
    _T("cli.ledger.need_o", "--format xlsx needs -o FILE", "--format xlsx 需要 -o FILE"),
    _T("cli.ledger.status",
       "database       {url}\n"
       "schema         {version} (latest {latest})\n"
       "files imported {sources}\n"
       "records        {records} ({accepted} accepted)\n"
       "events         {events}\n"
       "catalogue      {items} items\n"
       "reports kept   {reports}\n"
       "units          {units}",
       "数据库      {url}\n"
       "结构版本    {version}（最新{latest}）\n"
       "已导入文件  {sources}\n"
       "记录        {records}（接收{accepted}）\n"
       "事件        {events}\n"
       "事项目录    {items}个事项\n"
       "保存的报表  {reports}\n"
       "单位        {units}"),
    _T("cli.check.file_or_sample", "give FILE or --sample, not both",
       "请给出文件 FILE 或使用 --sample，不要同时给出"),
    _T("cli.check.need_file", "give a FILE to check (or --sample)",
       "请给出要检查的文件 FILE（或使用 --sample）"),
    _T("cli.check.xlsx_needs", "--format xlsx writes a workbook: give FILE and -o",
       "--format xlsx 会写出工作簿：请给出文件 FILE 和 -o"),
    _T("os.ENOENT", "No such file or directory", "文件或目录不存在"),
    _T("os.EACCES", "Permission denied", "没有权限"),
    _T("os.EPERM", "Operation not permitted", "不允许该操作"),
    _T("os.EISDIR", "Is a directory", "这是一个目录"),
    _T("os.ENOTDIR", "Not a directory", "路径中有一部分不是目录"),
    _T("os.ENOSPC", "No space left on device", "磁盘空间不足"),
    _T("os.EEXIST", "File exists", "文件已存在"),
    _T("cli.progress.checking", "checking {bar}", "检查中 {bar}"),
    _T("cli.progress.rows", "{rows} rows", "{rows}行"),
    _T("cli.progress.rate", "{rate}k rows/s", "每秒{rate}千行"),
    _T("cli.deadline.need_start", "a START date is needed (or --list)",
       "需要起始日期 START（或使用 --list）"),
    _T("cli.deadline.schedule_hint",
       "on the command line: --schedule FILE with the {year} notice, or "
       "`credit-disclosure calendar add NOTICE.txt`",
       "命令行中可用 --schedule FILE 提供{year}年的放假通知，或运行 "
       "`credit-disclosure calendar add NOTICE.txt`"),
    # -- verdicts -------------------------------------------------------------------------
    _T("verdict.on_time", "on time", "按时"),
    _T("verdict.late", "late", "逾期"),
    _T("verdict.undetermined", "undetermined", "待定"),
)

#: Every interface text by id (read-only).
UI_TEXTS: Final[Mapping[str, UiText]] = MappingProxyType({t.id: t for t in _TEXTS})

#: Weekday names, Monday first (``date.weekday()`` order).
_WEEKDAYS: Final[Mapping[Lang, tuple[str, ...]]] = MappingProxyType(
    {
        "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    }
)


def ui(text_id: str, lang: Lang, **params: object) -> str:
    """The interface text ``text_id`` in ``lang`` with ``params`` filled in.

    >>> ui("verdict.late", "zh"), ui("verdict.late", "en")
    ('逾期', 'late')
    """
    return UI_TEXTS[text_id].render(lang, **params)


def plural(one_id: str, many_id: str, n: int, lang: Lang, **params: object) -> str:
    """``one_id`` when ``n`` is 1, else ``many_id`` (Chinese has one form; both ids are kept).

    >>> plural("period.working_day", "period.working_days", 1, "en")
    '1 working day'
    """
    return ui(one_id if n == 1 else many_id, lang, n=n, **params)


def weekday(day: date | int, lang: Lang, *, short: bool = False) -> str:
    """The weekday of ``day`` (a date, or 0 for Monday to 6) in ``lang``; ``short``: Mon, 周一.

    >>> weekday(date(2026, 9, 28), "zh"), weekday(0, "en", short=True), weekday(6, "zh", short=True)
    ('星期一', 'Mon', '周日')
    """
    index = day if isinstance(day, int) else day.weekday()
    name = _WEEKDAYS[lang][index]
    if not short:
        return name
    return name[:3] if lang == "en" else "周" + name[2:]


def dated(day: date, lang: Lang) -> str:
    """A date with its weekday: ``2026-09-28 (Monday)``, ``2026-09-28（星期一）``.

    >>> dated(date(2026, 9, 28), "zh")
    '2026-09-28（星期一）'
    """
    return ui("day.dated", lang, day=day.isoformat(), weekday=weekday(day, lang))


def ljust(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` columns as a terminal shows it (a Chinese
    character takes two).

    >>> ljust("7个工作日", 12) + "|"
    '7个工作日   |'
    """
    shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - shown)


def error_text(exc: BaseException, lang: Lang) -> str:
    """An error's message in ``lang``: the code and the one-language message of a coded error
    (every library error has one), else the error as it prints (an OS error's reason).

    >>> from credit_disclosure.errors import PolicyError
    >>> error_text(PolicyError("no rule", message_zh="没有规则"), "zh")
    'policy.error: 没有规则'
    >>> error_text(KeyError("no rule named 'x'"), "en")
    "no rule named 'x'"
    """
    message = getattr(exc, "message_zh" if lang == "zh" else "message_en", None)
    if isinstance(message, str) and message:
        code = getattr(exc, "code", None)
        field = getattr(exc, "field", None)
        where = f" ({field})" if isinstance(field, str) and field else ""
        return f"{code}{where}: {message}" if isinstance(code, str) else message
    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0])
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{os_reason(exc, lang)}"
    return str(exc)


def os_reason(exc: OSError, lang: Lang) -> str:
    """Why a file could not be used, in ``lang``: the system's words in English, the common
    reasons (no such file, no permission, a directory, disk full) in Chinese.

    >>> os_reason(FileNotFoundError(2, "No such file or directory"), "zh")
    '文件或目录不存在'
    """
    name = errno.errorcode.get(exc.errno or 0, "")
    if lang == "zh" and f"os.{name}" in UI_TEXTS:
        return ui(f"os.{name}", lang)
    return exc.strerror or type(exc).__name__
