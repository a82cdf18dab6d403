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
    # -- the command line's help (--help), every command and option ------------------------
    _T("help.output.excel",
       "CSV written to standard output starts with a UTF-8 BOM, so that Excel and WPS read "
       "its Chinese as UTF-8 (default with --lang zh; a CSV file written with -o always has "
       "one)",
       "写到标准输出的 CSV 以 UTF-8 BOM 开头，Excel 和 WPS 才能按 UTF-8 读取其中的中文（"
       "--lang zh 时默认如此；用 -o 写出的 CSV 文件总是带 BOM）"),
    _T("help.output.no_excel",
       "no BOM on standard output, even with --lang zh (for a program that reads it)",
       "标准输出不加 BOM，即使用了 --lang zh（供程序读取时使用）"),
    _T("help.calendar",
       "the working-day calendar: add a holiday notice, show a year, status",
       "工作日日历：加入放假通知、查看某年、查看状态"),
    _T("help.calendar.about",
       "Each year is published (its notice is loaded), statutory-only (the notice is not "
       "out: the statutory holidays are certain, the 调休 is not) or unknown. Added notices "
       "are stored in the user's data directory ($CREDIT_DISCLOSURE_DATA_DIR overrides it; "
       "now: see `calendar status`) and used by every later run.",
       "每个年份的状态为：已发布（已加载当年通知）、仅法定节假日（通知尚未发布：法定节假日确"
       "定，调休未定）或未知。加入的通知保存在用户数据目录中（可用 "
       "$CREDIT_DISCLOSURE_DATA_DIR 指定；当前位置见 `calendar status`），此后每次运行都会使"
       "用。"),
    _T("help.calendar.actions", "actions", "操作"),
    _T("help.calendar.add",
       "read a State Council holiday notice (text as published) and store its schedule",
       "读取国务院办公厅放假通知（按发布原文）并保存其放假安排"),
    _T("help.calendar.notice",
       "the notice's text (UTF-8 or GB18030; '-': stdin)",
       "通知正文（UTF-8 或 GB18030；'-' 表示标准输入）"),
    _T("help.calendar.url",
       "where the notice was published (recorded)",
       "通知的发布网址（一并记录）"),
    _T("help.calendar.show", "a year's state, source and days", "某一年的状态、来源和日期"),
    _T("help.calendar.status",
       "which years are known, and whether next year's notice is overdue",
       "已知哪些年份，以及下一年的通知是否已逾期未发布"),
    _T("help.calendar.today",
       "the date to judge by (default: the system date)",
       "判断所依据的日期（默认：系统日期）"),
    _T("help.check",
       "check a CSV/XLSX/JSONL file of licence or penalty records against the data standard",
       "按数据标准检查行政许可或行政处罚记录的 CSV/XLSX/JSONL 文件"),
    _T("help.check.about",
       "Check every row of a file of 双公示 records against the national data standard (发改"
       "办财金〔2018〕790号): print a summary and the issues of each row. CSV in UTF-8, "
       "UTF-8 with BOM or GBK/GB18030 (detected), XLSX or JSON Lines; headers as field "
       "codes, Chinese names or attribute names. Exit code 1 when a record has an error.",
       "按国家数据标准（发改办财金〔2018〕790号）检查双公示记录文件的每一行：输出汇总和每行的"
       "问题。CSV 可为 UTF-8、带 BOM 的 UTF-8 或 GBK/GB18030（自动识别），也可为 XLSX 或 "
       "JSON Lines；表头可用字段代码、中文名称或属性名。有记录存在错误时退出码为 1。"),
    _T("help.check.file",
       "the file to check ('-' reads standard input)",
       "要检查的文件（'-' 表示读取标准输入）"),
    _T("help.check.sample",
       "check the bundled sample file (penalties; licences with --kind license)",
       "检查内置样例文件（行政处罚；用 --kind license 检查行政许可）"),
    _T("help.check.standard",
       "version of the data standard (default 2018)",
       "数据标准版本（默认 2018）"),
    _T("help.check.kind",
       "record kind (default: detected from the headers)",
       "记录类型（默认：根据表头判断）"),
    _T("help.check.format",
       "output: text (summary and issues), json (summary and issues), csv (issues), xlsx "
       "(with -o: a copy of the input with each faulty cell highlighted and explained, a "
       "summary sheet and an issues sheet with filters), html (one standalone page: "
       "summary, quality charts, the issues table with filters; opens offline in any "
       "browser)",
       "输出格式：text（汇总和问题）、json（汇总和问题）、csv（问题）、xlsx（需 -o：输入文件"
       "的副本，标出并说明每个有问题的单元格，另附汇总表和可筛选的问题表）、html（一个独立网"
       "页：汇总、质量图表、可筛选的问题表；可在任何浏览器离线打开）"),
    _T("help.check.as_of",
       "the date 'in the future' is judged against (default: today)",
       "判断日期是否“在将来”所依据的日期（默认：今天）"),
    _T("help.check.options",
       "JSON or TOML file of validation options (the rules the sources leave uncertain, "
       "severities, disabled codes): see ValidationOptions",
       "校验选项文件，JSON 或 TOML（来源未明确的规则、严重程度、停用的代码）：见 "
       "ValidationOptions"),
    _T("help.check.encoding", "CSV encoding (default: detected)", "CSV 编码（默认：自动识别）"),
    _T("help.check.sheet",
       "XLSX sheet name (default: the first)",
       "XLSX 工作表名称（默认：第一个）"),
    _T("help.check.header_row",
       "the header is row N as the spreadsheet numbers it (default: the first row whose "
       "cells name fields of the standard; a title or notes above it are skipped)",
       "表头位于电子表格中的第 N 行（默认：第一个含有标准字段名称的行；其上方的标题或说明会被"
       "跳过）"),
    _T("help.check.max_issues",
       "text output: print at most N issue lines; html: list at most N issues in the table "
       "(default 10000); the summary counts them all",
       "text 输出：最多列出 N 条问题；html：表中最多列出 N 条问题（默认 10000）；汇总统计全部"
       "问题"),
    _T("help.check.progress",
       "always draw a progress bar on stderr (default: when stderr is a terminal)",
       "总是在标准错误上显示进度条（默认：标准错误为终端时显示）"),
    _T("help.check.no_progress", "never draw one", "从不显示进度条"),
    _T("help.deadline",
       "compute a working-day deadline (e.g. publication within 7 working days)",
       "计算工作日期限（如 7 个工作日内公示）"),
    _T("help.deadline.about",
       "Print the due date of a duty that starts on START under a named rule, with the days "
       "counted and skipped. In a year whose holiday notice is not out yet "
       "(statutory-only), print the earliest and latest possible due dates and the "
       "statutory-only estimate. With --published, say whether it was done on time: exit 0 "
       "on time or undetermined (until the notice), 1 late.",
       "按指定规则计算自 START 起算的期限届满日，并列出计入和跳过的日期。若所在年份的放假通知"
       "尚未发布（仅法定节假日），则给出最早和最晚可能的届满日以及仅按法定节假日的估算。给出"
       " --published 时判断是否按时完成：按时或待定（等待通知）退出码为 0，逾期为 1。"),
    _T("help.deadline.start", "start date, e.g. the decision date", "起始日期，如决定日期"),
    _T("help.deadline.rule",
       "rule name (default: publication); see --list",
       "规则名称（默认：publication）；见 --list"),
    _T("help.deadline.published", "the day it was done (published)", "完成（公示）的日期"),
    _T("help.deadline.schedule",
       "a year's holiday notice as .json or .toml (repeatable)",
       "某一年的放假安排文件，.json 或 .toml（可重复）"),
    _T("help.deadline.provisional",
       "treat years without a schedule as their statutory holidays and weekends (results "
       "marked provisional)",
       "尚无放假安排的年份按法定节假日和周末计算（结果标为暂定）"),
    _T("help.deadline.rules",
       "your own rules as .json or .toml ([[rules]] tables; repeatable); a rule with a "
       "built-in name replaces it",
       "自定义规则文件，.json 或 .toml（[[rules]] 表；可重复）；与内置规则同名的规则将替换内"
       "置规则"),
    _T("help.deadline.list",
       "list the rules (built-in and --rules) and exit",
       "列出规则（内置的和 --rules 给出的）后退出"),
    _T("help.deadline.format",
       "text (default: the explanation) or json (one object: rule, start, due, earliest, "
       "latest, estimate, certain, years, and with --published the verdict)",
       "text（默认：说明文字）或 json（一个对象：规则、起始日、截止日、最早和最晚截止日、估算、"
       "是否确定、年份，给出 --published 时另有判断结果）"),
    _T("help.identify",
       "say which identifier kinds values are valid as, with parts or precise errors",
       "判断各个值是哪一种有效的证照号码，给出其组成部分或确切的错误"),
    _T("help.identify.values",
       "identifiers to examine ('-': one a line, stdin)",
       "要检查的号码（'-'：从标准输入读取，每行一个）"),
    _T("help.identify.kind",
       "check only as this kind (and show its error)",
       "只按这一种号码检查（并显示其错误）"),
    _T("help.identify.as_of",
       "date of the check for birth dates (default: today)",
       "检查出生日期所依据的日期（默认：今天）"),
    _T("help.identify.strict",
       "USCC: also reject a bad embedded org code check",
       "统一社会信用代码：内嵌的组织机构代码校验位不符时也判为无效"),
    _T("help.identify.format",
       "text (default) or json (one object: tool_version, as_of, a report per value)",
       "text（默认）或 json（一个对象：tool_version、as_of、每个值的报告）"),
    _T("help.identify.json",
       "print a JSON list of the reports (no envelope)",
       "输出各报告组成的 JSON 列表（不带外层对象）"),
    _T("help.keys",
       "generate, add, promote, retire and show the keys of a keyset file",
       "生成、加入、设为主密钥、停用和查看密钥集文件中的密钥"),
    _T("help.keys.steps", "steps", "步骤"),
    _T("help.keys.generate",
       "a new keyset with one primary key per algorithm",
       "新建密钥集，每种算法一个主密钥"),
    _T("help.keys.algorithm", "repeat for several keys", "可重复，生成多个密钥"),
    _T("help.keys.out",
       "keyset file to create (default: stdout)",
       "要创建的密钥集文件（默认：标准输出）"),
    _T("help.keys.force", "overwrite an existing --out file", "覆盖已存在的 --out 文件"),
    _T("help.keys.add", "add a fresh key to a keyset file", "向密钥集文件加入一个新密钥"),
    _T("help.keys.primary", "make the new key primary", "将新密钥设为主密钥"),
    _T("help.keys.promote",
       "make a key the primary of its purpose",
       "将某个密钥设为其用途的主密钥"),
    _T("help.keys.retire", "retire a key: its material is deleted", "停用某个密钥：删除其密钥材料"),
    _T("help.keys.show",
       "list the keys (metadata only, never material)",
       "列出密钥（只列元数据，从不显示密钥材料）"),
    _T("help.keys.json",
       "print a JSON list of the keys (no envelope)",
       "输出各密钥组成的 JSON 列表（不带外层对象）"),
    _T("help.ledger",
       "the unit's ledger (台账) in a database: import records, catalogue, reports",
       "本单位的双公示台账（数据库）：导入记录、事项目录、生成报表"),
    _T("help.ledger.about",
       "Keep a unit's 双公示 records, their events, its 事项目录 and every report in a "
       "database (SQLite by default, PostgreSQL with --db postgresql+psycopg://...), and "
       "compute the weekly report (长春净月 实施细则 第七条), the quarterly 台账 (第十条), "
       "the 报送情况统计表 (长治 2020 附件3/4) and the monthly evaluation.",
       "在数据库中保存本单位的双公示记录、其事件、事项目录和每一份报表（默认 SQLite，用 "
       "--db postgresql+psycopg://... 可用 PostgreSQL），并生成周报（长春净月 实施细则 第七条"
       "）、季度台账（第十条）、报送情况统计表（长治 2020 附件3/4）和月度评估。"),
    _T("help.ledger.db",
       "SQLAlchemy database URL (default: $CREDIT_DISCLOSURE_DB, else "
       "sqlite:///credit-disclosure.sqlite3 in the current directory)",
       "SQLAlchemy 数据库地址（默认：$CREDIT_DISCLOSURE_DB，否则为当前目录下的 "
       "sqlite:///credit-disclosure.sqlite3）"),
    _T("help.ledger.commands", "ledger commands", "台账命令"),
    _T("help.ledger.init", "create the database or upgrade its schema", "创建数据库或升级其结构"),
    _T("help.ledger.import",
       "import files of records (CSV, XLSX, JSON Lines)",
       "导入记录文件（CSV、XLSX、JSON Lines）"),
    _T("help.stdin_dash", "'-': standard input", "'-'：标准输入"),
    _T("help.ledger.kind", "default: detected", "默认：自动识别"),
    _T("help.ledger.as_of", "default: today", "默认：今天"),
    _T("help.ledger.published_col", "the publication-date column", "公示日期所在的列"),
    _T("help.ledger.mapping_col", "the column naming the catalogue item", "注明事项目录条目的列"),
    _T("help.ledger.event",
       "import a file of events (objections, repairs, ...)",
       "导入事件文件（异议、信用修复等）"),
    _T("help.ledger.catalogue",
       "the 事项目录: import it, or export the current one",
       "事项目录：导入，或导出当前目录"),
    _T("help.ledger.catalogue.commands", "catalogue commands", "事项目录命令"),
    _T("help.ledger.catalogue.import",
       "import a catalogue (XLSX in the 附件2 layout, or CSV)",
       "导入事项目录（附件2格式的 XLSX，或 CSV）"),
    _T("help.ledger.catalogue.export",
       "write the current catalogue (XLSX or CSV by suffix)",
       "写出当前事项目录（按文件后缀为 XLSX 或 CSV）"),
    _T("help.ledger.report",
       "compute a report: weekly, quarter, stats, evaluation",
       "生成报表：weekly（周报）、quarter（季度台账）、stats（统计表）、evaluation（评估）"),
    _T("help.ledger.unit",
       "the deciding unit (default: all units)",
       "作出决定的单位（默认：全部单位）"),
    _T("help.ledger.output", "write here (xlsx needs it)", "写到此文件（xlsx 必须给出）"),
    _T("help.ledger.save", "keep the report in the ledger", "将报表保存在台账中"),
    _T("help.ledger.by",
       "stats: per department (长治 2020 附件4) or per county (附件3)",
       "stats：按部门（长治 2020 附件4）或按县区（附件3）"),
    _T("help.ledger.period", "stats: the period", "stats：统计期间"),
    _T("help.ledger.preset",
       "quarter: the policy whose states and actions the 台账 lists (default: national)",
       "quarter：台账所列状态和待办事项依据的政策（默认：national）"),
    _T("help.ledger.status", "what the ledger holds", "台账中有什么"),
    _T("help.mask",
       "mask values of one kind, or whole records of a file, with a masking profile",
       "用脱敏方案对某一类值或文件中的整条记录脱敏"),
    _T("help.mask.values", "values to mask (with --kind)", "要脱敏的值（与 --kind 一起使用）"),
    _T("help.mask.input",
       "a CSV, XLSX or JSON Lines file of records ('-': stdin)",
       "记录文件，CSV、XLSX 或 JSON Lines（'-'：标准输入）"),
    _T("help.mask.sample",
       "mask the bundled sample file of this kind instead of --input",
       "对这一类型的内置样例文件脱敏，代替 --input"),
    _T("help.mask.encoding",
       "encoding of a CSV input (default: detected, as check does)",
       "CSV 输入的编码（默认：与 check 一样自动识别）"),
    _T("help.mask.sheet",
       "the sheet of an XLSX input (default: first)",
       "XLSX 输入的工作表（默认：第一个）"),
    _T("help.mask.unknown_fields",
       "a column the profile cannot classify: mask it completely in records that may be a "
       "person's (default of public and internal) or refuse the run naming it",
       "脱敏方案无法归类的列：在可能属于自然人的记录中整列脱敏（public 和 internal 方案的默认"
       "做法），或拒绝运行并指出该列"),
    _T("help.mask.field",
       "describe a local column (e.g. 联系电话=phone): masked by that kind's rule in every "
       "record, or only in a person's with ':subject'; repeatable",
       "说明本地的列（如 联系电话=phone）：在每条记录中按该类型的规则脱敏，加 ':subject' 则只"
       "在自然人的记录中脱敏；可重复"),
    _T("help.mask.format",
       "output format (default: from -o's suffix, else JSON Lines for JSON Lines input, "
       "else CSV)",
       "输出格式（默认：按 -o 的后缀；否则 JSON Lines 输入输出 JSON Lines，其余输出 CSV）"),
    _T("help.policy.policy_file", "a policy JSON file of your own", "自定义的政策 JSON 文件"),
    _T("help.policy.decided", "decision date (YYYY-MM-DD)", "决定日期（YYYY-MM-DD）"),
    _T("help.policy.subject",
       "legal-person (default), natural-person or individual-business",
       "legal-person（法人及非法人组织，默认）、natural-person（自然人）或 "
       "individual-business（个体工商户）"),
    _T("help.policy.licence", "the record is a licence", "该记录为行政许可"),
    _T("help.policy.tier",
       "minor, general, serious or special-serious (轻微/一般/严重/特定严重)",
       "minor、general、serious 或 special-serious（轻微/一般/严重/特定严重）"),
    _T("help.policy.procedure",
       "simple or ordinary (简易程序/普通程序)",
       "simple 或 ordinary（简易程序/普通程序）"),
    _T("help.policy.sector", "sector, e.g. 消防 or 食品药品", "领域，如 消防 或 食品药品"),
    _T("help.policy.types",
       "penalty types (处罚类别), e.g. 罚款、没收违法所得",
       "处罚类别，如 罚款、没收违法所得"),
    _T("help.policy.fine", "fine in 万元 (10,000 yuan), e.g. 0.2", "罚款数额，以万元计，如 0.2"),
    _T("help.policy.restriction_months",
       "length of a 限制从业 / 限制开展生产经营活动 ban (SAMR 令第45号)",
       "限制从业 / 限制开展生产经营活动的期限（月；SAMR 令第45号）"),
    _T("help.policy.published", "the day it was published", "公示日期"),
    _T("help.policy.revoked",
       "the day the platform was told of a revocation",
       "平台收到撤销通知的日期"),
    _T("help.policy.format",
       "text (default) or json (the HTTP service's answer shapes, with the tool version)",
       "text（默认）或 json（与 HTTP 服务的回答结构相同，含工具版本）"),
    _T("help.policy.provisional",
       "treat years without a holiday schedule as weekends-only (deadlines marked)",
       "尚无放假安排的年份只按周末计算（期限标为暂定）"),
    _T("help.policy.term",
       "publication, display term and withdrawal of a penalty under a policy",
       "按政策判断行政处罚的公示、公示期限和撤下"),
    _T("help.policy.term.about",
       "Say whether a record is published and by when, its first and last day shown and its "
       "minimum term, each with the rule that decided; with --on, whether it is shown that "
       "day.",
       "说明记录是否公示、何时前公示、公示的第一天和最后一天及最短公示期，各附所依据的规则；"
       "给出 --on 时说明当天是否公示。"),
    _T("help.policy.on", "say whether the record is shown on this day", "说明记录在这一天是否公示"),
    _T("help.policy.repair",
       "whether a credit-repair application can succeed, and from when",
       "信用修复申请能否成功，自何时起可以成功"),
    _T("help.policy.repair.about",
       "Evaluate every repair condition in force on the application date, with its rule, "
       "and print the earliest date an application can succeed.",
       "逐项判断申请日有效的每一个信用修复条件，附所依据的规则，并给出申请最早可以成功的日期"
       "。"),
    _T("help.policy.applied", "application date", "申请日期"),
    _T("help.policy.previous_repair",
       "the day an earlier repair took effect (repeatable)",
       "此前一次信用修复生效的日期（可重复）"),
    _T("help.policy.previous_serious",
       "the decision date of an earlier serious penalty (repeatable)",
       "此前一次严重行政处罚的决定日期（可重复）"),
    _T("help.quality",
       "score a file of records: timeliness, completeness and accuracy by agency/month/kind",
       "为记录文件评分：按机关/月份/类型统计及时性、完整性和准确性"),
    _T("help.quality.about",
       "Score every record of a CSV/XLSX/JSONL file of 双公示 records on the three "
       "dimensions the credit offices assess monthly: timeliness (published within 7 "
       "working days of the decision, 发改办财金〔2018〕424号; needs a publication-date "
       "column), completeness (required fields filled) and accuracy (identifiers, codes, "
       "dates valid).",
       "按信用办每月考核的三个方面为 CSV/XLSX/JSONL 双公示记录文件的每条记录评分：及时性（决"
       "定后7个工作日内公示，发改办财金〔2018〕424号；需要公示日期列）、完整性（必填字段已填"
       "）和准确性（号码、代码、日期有效）。"),
    _T("help.quality.file",
       "the file to score (omit with --sample)",
       "要评分的文件（使用 --sample 时省略）"),
    _T("help.quality.sample",
       "score the bundled sample file of --kind instead",
       "改为对 --kind 类型的内置样例文件评分"),
    _T("help.quality.kind", "record kind (default: detected)", "记录类型（默认：自动识别）"),
    _T("help.quality.published_col",
       "the column holding the publication date (default: 公示日期, published_on, "
       "publication_date or GSRQ, the first present)",
       "公示日期所在的列（默认：公示日期、published_on、publication_date 或 GSRQ 中第一个存在"
       "的）"),
    _T("help.quality.by",
       "group by agency, month or kind (repeat for several; default: agency)",
       "按机关（agency）、月份（month）或类型（kind）分组（可重复；默认：agency）"),
    _T("help.quality.format", "output format", "输出格式"),
    _T("help.quality.as_of",
       "the date decision dates must not be after (default: today)",
       "决定日期不得晚于的日期（默认：今天）"),
    _T("help.schema",
       "print a JSON Schema / Frictionless Table Schema of the standard, or the issue codes",
       "输出数据标准的 JSON Schema / Frictionless Table Schema，或问题代码表"),
    _T("help.schema.about",
       "Print a schema generated from the library's field table: a JSON Schema (draft "
       "2020-12) of one record, a Frictionless Table Schema of a CSV file (a Data Package "
       "of both kinds without --kind), or the catalogue of issue codes (code, severity, zh, "
       "en, source) as JSON.",
       "输出由本库字段表生成的结构定义：一条记录的 JSON Schema（draft 2020-12）、一个 CSV 文"
       "件的 Frictionless Table Schema（不给 --kind 时为含两种类型的 Data Package），或问题代"
       "码目录（代码、严重程度、中文、英文、来源），格式为 JSON。"),
    _T("help.schema.kind",
       "record kind (default: both, as $defs of one JSON Schema or a Data Package)",
       "记录类型（默认：两种都输出，作为一个 JSON Schema 的 $defs 或一个 Data Package）"),
    _T("help.schema.format", "what to print", "输出什么"),
    _T("help.schema.headers",
       "Table Schema field names: field codes or Chinese names (default code)",
       "Table Schema 的字段名：字段代码或中文名称（默认 code）"),
    _T("help.schema.output", "write to FILE instead of stdout", "写到 FILE，而不是标准输出"),
    _T("help.serve",
       "run the HTTP service (JSON API with OpenAPI 3.1; needs the service extra)",
       "运行 HTTP 服务（带 OpenAPI 3.1 的 JSON 接口；需要 service 扩展）"),
    _T("help.serve.about",
       "Serve identifiers, record and file checks, deadlines, policy answers and masking "
       "over HTTP for systems that cannot import Python. The OpenAPI document is at "
       "/schema/openapi.json. Bind to 127.0.0.1 (the default) unless a proxy in front adds "
       "TLS.",
       "通过 HTTP 为无法调用 Python 的系统提供号码校验、记录和文件检查、期限、政策判断和脱敏"
       "。OpenAPI 文档位于 /schema/openapi.json。除非前面有提供 TLS 的代理，请只监听 "
       "127.0.0.1（默认）。"),
    _T("help.serve.host", "address to listen on (default 127.0.0.1)", "监听地址（默认 127.0.0.1）"),
    _T("help.serve.port", "port (default 8000)", "端口（默认 8000）"),
    _T("help.serve.max_body_bytes",
       "largest request body (default 50 MB)",
       "请求体的最大字节数（默认 50 MB）"),
    _T("help.serve.max_rows",
       "most rows a file check reads (default 1e6)",
       "一次文件检查最多读取的行数（默认 1e6）"),
    _T("help.serve.timeout",
       "seconds a request may take (default 60)",
       "一个请求最多可用的秒数（默认 60）"),
    _T("help.serve.max_concurrency",
       "requests handled at once; more get 503 (default 32)",
       "同时处理的请求数；超出的返回 503（默认 32）"),
    _T("help.serve.api_key_file",
       "require one of the API keys in FILE (one per line) on every request but health",
       "除健康检查外，每个请求都须带有 FILE 中的一个 API 密钥（每行一个）"),
    _T("help.serve.ledger",
       "answer the read-only /v1/ledger routes from this ledger database (a SQLAlchemy URL, "
       "e.g. sqlite:///credit-disclosure.sqlite3)",
       "用这个台账数据库回答只读的 /v1/ledger 接口（SQLAlchemy 地址，如 "
       "sqlite:///credit-disclosure.sqlite3）"),
    _T("help.status.records",
       "CSV, XLSX or JSON Lines of records",
       "记录文件，CSV、XLSX 或 JSON Lines"),
    _T("help.status.events",
       "CSV, XLSX or JSON Lines of events: key, event, date, outcome, note",
       "事件文件，CSV、XLSX 或 JSON Lines：key、event、date、outcome、note"),
    _T("help.status.preset", "the policy (default: national)", "政策（默认：national）"),
    _T("help.status.policy",
       "a policy JSON file instead of a preset",
       "自定义的政策 JSON 文件，代替预设政策"),
    _T("help.status.as_of", "the day to judge (default: today)", "判断的日期（默认：今天）"),
    _T("help.status.provisional",
       "count working days in years without a published schedule as Monday to Friday (due "
       "dates so computed are provisional)",
       "尚无放假安排的年份按周一至周五计算工作日（由此得出的期限为暂定）"),
    _T("help.status",
       "the state of every record on a date and the actions it owes (due, overdue)",
       "每条记录在某日的状态及其待办事项（期限、是否逾期）"),
    _T("help.status.about",
       "Match EVENTS to RECORDS by key (deciding body code and decision number) and say, "
       "for each record, its state on the date (not_published, awaiting_publication, "
       "displayed, under_objection, withdrawn, repaired, expired), the rule that decided it "
       "and the actions it owes with their due dates. RECORDS may carry tier (轻微/一般/严重"
       ") and procedure (简易/普通) columns. Exit code 1 when an action is overdue.",
       "按键（作出决定的机关代码和决定文书号）将 EVENTS 与 RECORDS 对应，对每条记录说明其在该"
       "日的状态（not_published、awaiting_publication、displayed、under_objection、"
       "withdrawn、repaired、expired）、决定该状态的规则，以及待办事项及其期限。RECORDS 可含"
       " tier（轻微/一般/严重）和 procedure（简易/普通）列。有待办事项逾期时退出码为 1。"),
    _T("help.status.format", "output format (default text)", "输出格式（默认 text）"),
    _T("help.status.shown",
       "the keys a portal shows (one per line, or a CSV/XLSX/JSONL with a 'key' column): "
       "report over- and under-disclosure",
       "网站上公示的键（每行一个，或含 'key' 列的 CSV/XLSX/JSONL）：报告过度公示和应公示未公"
       "示"),
    _T("help.subject",
       "every record of one subject (credit code or ID number): shown, serious, repair",
       "一个主体（统一社会信用代码或证件号码）的全部记录：是否公示、是否严重、能否修复"),
    _T("help.subject.about",
       "The subject view (长治 2021 实施意见 (六) 逢办必查): every record of the subject "
       "with this credit code or ID number, which must be shown, which are serious, which "
       "may be repaired and from when. The identifier is never printed unmasked.",
       "主体视图（长治 2021 实施意见 (六) 逢办必查）：该统一社会信用代码或证件号码对应主体的"
       "每一条记录，哪些须公示、哪些属严重、哪些可以修复及自何时起。号码从不以未脱敏形式输出"
       "。"),
    _T("help.subject.subject", "统一社会信用代码 or 证件号码", "统一社会信用代码或证件号码"),
    _T("help.main.about",
       "双公示 credit disclosure toolkit: check licence and penalty records against the "
       "national data standard, validate identifiers, compute working-day deadlines, "
       "disclosure terms and credit repair, mask and encrypt personal data.",
       "双公示信用信息工具：按国家数据标准检查行政许可和行政处罚记录，校验证照号码，计算工作"
       "日期限、公示期限和信用修复，对个人信息脱敏和加密。"),
    _T("help.main.commands", "commands", "命令"),
    _T("help.deadline.local_holiday",
       "an extra local day off, e.g. 2026-04-20=三月三 (repeatable)",
       "另加的地方休息日，如 2026-04-20=三月三（可重复）"),
    _T("help.deadline.local_workday",
       "an extra local working day, e.g. 2026-04-20=三月三 (repeatable)",
       "另加的地方工作日，如 2026-04-20=三月三（可重复）"),
    _T("help.identify.about",
       "credit-disclosure identify (alias id): what kind of identifier a value is, and why "
       "not.",
       "credit-disclosure identify（别名 id）：一个值是哪种证照号码，不是的话原因何在。"),
    _T("help.keys.about",
       "credit-disclosure keys: generate and manage a keyset file for field encryption.",
       "credit-disclosure keys：生成和管理用于字段加密的密钥集文件。"),
    _T("help.keys.now", "the time to record (default: now, UTC)", "记录的时间（默认：现在，UTC）"),
    _T("help.keys.format",
       "text (default: a table) or json (tool_version, the keyset file, the keys' metadata)",
       "text（默认：表格）或 json（tool_version、密钥集文件、各密钥的元数据）"),
    _T("help.mask.about",
       "credit-disclosure mask: mask values of one kind, or every record of a CSV, XLSX or "
       "JSON Lines file.",
       "credit-disclosure mask：对某一类值，或 CSV、XLSX、JSON Lines 文件中的每条记录脱敏。"),
    _T("help.policy.preset",
       "preset policy (default: national): {presets}",
       "预设政策（默认：national）：{presets}"),
    _T("help.policy.performed", "the penalty has been performed", "已履行行政处罚决定"),
    _T("help.policy.corrected", "the violation has been corrected", "已纠正违法行为"),
    _T("help.policy.commitment", "a public credit commitment is made", "已公开作出信用承诺"),
    _T("help.policy.consent",
       "the deciding body consents in writing (长治)",
       "作出决定的机关书面同意（长治）"),
    _T("help.main.version", "show the program's version number and exit", "显示程序的版本号后退出"),
    _T("help.usage", "usage: ", "用法："),
    _T("help.positionals", "positional arguments", "位置参数"),
    _T("help.options", "options", "选项"),
    _T("help.help", "show this help message and exit", "显示此帮助信息后退出"),
    # argparse's usage errors: the English is argparse's own wording (Python 3.10-3.13),
    # cli._usage_error reads it back to write the Chinese (tests/cli/test_lang.py)
    _T("usage.error", "error: {message}", "错误：{message}"),
    _T("usage.unrecognized", "unrecognized arguments: {args}", "无法识别的参数：{args}"),
    _T("usage.required", "the following arguments are required: {args}", "缺少必需的参数：{args}"),
    _T("usage.one_required", "one of the arguments {args} is required", "参数 {args} 必须给出其一"),
    _T("usage.argument", "argument {arg}: {message}", "参数 {arg}：{message}"),
    _T("usage.choice", "invalid choice: {value} (choose from {choices})",
       "无效的选择：{value}（可选：{choices}）"),
    _T("usage.type", "invalid {type} value: {value}", "无效的 {type} 值：{value}"),
    _T("usage.one", "expected one argument", "需要一个值"),
    _T("usage.at_most_one", "expected at most one argument", "最多只能有一个值"),
    _T("usage.at_least_one", "expected at least one argument", "至少需要一个值"),
    _T("usage.n", "expected {n} arguments", "需要 {n} 个值"),
    _T("usage.not_allowed", "not allowed with argument {arg}", "不能与参数 {arg} 同时使用"),
    _T("usage.ignored", "ignored explicit argument {value}", "此选项不接受值：{value}"),
    _T("usage.ambiguous", "ambiguous option: {option} could match {matches}",
       "选项有歧义：{option} 可以是 {matches}"),
    _T("usage.unexpected", "unexpected option string: {option}", "意外的选项：{option}"),
    # ... and this program's own argument types (the English is what they raise)
    _T("usage.not_date", "not a date (YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD, a day that exists): {value}",
       "不是日期（YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD，且须是存在的日子）：{value}"),
    _T("usage.not_row", "not a row number (1, 2, ...): {value}", "不是行号（1、2……）：{value}"),
    _T("usage.not_datetime", "not an ISO 8601 date-time (like 2026-01-01T09:00:00+08:00): {value}",
       "不是 ISO 8601 日期时间（如 2026-01-01T09:00:00+08:00）：{value}"),
    _T("usage.unknown_name", "unknown {what} {value}; use {names}", "未知的 {what} {value}；可用：{names}"),
    _T("usage.not_penalty_type", "not a penalty type: {value}; use {names}",
       "不是处罚类别：{value}；可用：{names}"),
    _T("help.lang",
       "language of the labels, messages and explanations (default: zh when the locale, "
       "LC_ALL, LC_MESSAGES or LANG, is Chinese, else en)",
       "标签、消息和说明文字的语言（默认：区域设置 LC_ALL、LC_MESSAGES 或 LANG 为中文时为 "
       "zh，否则为 en）"),
    _T("help.lang.both",
       "language of the labels, messages and explanations (default: zh when the locale, "
       "LC_ALL, LC_MESSAGES or LANG, is Chinese, else en; both: English with the Chinese in "
       "brackets)",
       "标签、消息和说明文字的语言（默认：区域设置 LC_ALL、LC_MESSAGES 或 LANG 为中文时为 "
       "zh，否则为 en；both：英文，括号中附中文）"),
    _T("help.output",
       "write {what} to FILE (written whole or not at all; default or '-': stdout)",
       "将{what}写到 FILE（要么完整写出，要么不写；默认或 '-'：标准输出）"),
    _T("help.what.output", "the output", "输出"),
    _T("help.what.report", "the report", "报告"),
    _T("help.what.masked", "the masked records", "脱敏后的记录"),
    _T("help.what.table", "the table", "统计表"),
    _T("help.what.status", "the status report", "状态报告"),
    _T("help.what.subject", "the subject view", "主体视图"),
    _T("help.format.text_json", "text (default) or json (one object, with the tool and its version)",
       "text（默认）或 json（一个对象，含工具及其版本）"),
    _T("help.calendar.year", "the year, e.g. 2026", "年份，如 2026"),
    _T("help.ledger.report_kind",
       "weekly (the weekly report), quarter (the quarterly 台账), stats (the 报送情况统计表) or "
       "evaluation (the monthly evaluation)",
       "weekly（周报）、quarter（季度台账）、stats（报送情况统计表）或 evaluation（月度评估）"),
    _T("help.ledger.report_format", "json (default) or xlsx (needs -o)",
       "json（默认）或 xlsx（需 -o）"),
    _T("help.ledger.catalogue.file", "the file to write (.xlsx or .csv)",
       "要写出的文件（.xlsx 或 .csv）"),
    _T("help.keys.keyset", "the keyset file", "密钥集文件"),
    _T("help.keys.key_id", "the key's id (see keys show)", "密钥编号（见 keys show）"),
    _T("help.keys.add_algorithm", "the algorithm of the new key", "新密钥的算法"),
    _T("help.serve.log_level", "how much the service logs (default INFO)",
       "服务日志的详细程度（默认 INFO）"),
    _T("help.mask.kind", "the kind of the VALUEs", "VALUE 的类型"),
    _T("help.mask.profile", "the masking profile (default: public)", "脱敏方案（默认：public）"),
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
