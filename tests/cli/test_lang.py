"""``--lang zh|en`` on every command: the words around the data follow it, in both directions.

Every subcommand (``credit-disclosure --help`` lists them) is run on a representative input
with ``--lang zh`` and ``--lang en``. In the Chinese output no English word is left once the
data is set aside (codes, field codes, file names, rule names, citations as their sources
write them); in the English output no Chinese text of the interface catalogue appears.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import attrs
import pytest

from credit_disclosure._i18n import UI_TEXTS
from credit_disclosure.cli import build_parser, main
from credit_disclosure.deadlines import RULES
from credit_disclosure.identifiers import KINDS
from credit_disclosure.lifecycle import State
from credit_disclosure.policy import PRESETS, PenaltyFacts, policy_to_dict

RECORDS = """CF_WSH,CF_XDR_MC,CF_XDR_LB,CF_XDR_SHXYM,CF_XDR_ZJHM,CF_JDRQ,CF_CFJGDM,tier,procedure
长市监罚〔2022〕15号,长治某某商贸有限公司,法人及非法人组织,91110000600037341L,,2022/03/01,11140400MB1234567X,一般,普通
长市监罚〔2022〕16号,王某,自然人,,11010519491231002X,2022/03/02,11140400MB1234567X,一般,普通
"""
EVENTS = """key,event,date,outcome,note
长市监罚〔2022〕15号,公示,2022/03/08,,
长市监罚〔2022〕15号,异议,2022/04/06,,
"""
CHANGZHI = ["--preset", "changzhi-2021", "--decided", "2022-03-01", "--tier", "general"]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    records, events, shown = tmp_path / "r.csv", tmp_path / "e.csv", tmp_path / "shown.txt"
    records.write_text(RECORDS, encoding="gbk")
    events.write_text(EVENTS, encoding="utf-8")
    shown.write_text("长市监罚〔2022〕16号\n", encoding="utf-8")
    return {
        "R": str(records),
        "E": str(events),
        "S": str(shown),
        "K": str(tmp_path / "keys.json"),
        "DB": f"sqlite:///{tmp_path / 'ledger.db'}",
        "T": str(tmp_path),
    }


#: One representative invocation (or more) per subcommand, with placeholders for the files.
RUNS: dict[str, list[list[str]]] = {
    "calendar": [
        ["calendar", "show", "2026"],
        ["calendar", "show", "2027"],
        ["calendar", "status", "--today", "2026-12-03"],
    ],
    "check": [
        ["check", "--sample", "--as-of", "2025-07-01", "--max-issues", "6"],
        ["check", "T/missing.csv"],
    ],
    "deadline": [
        ["deadline", "2026-09-28", "--published", "2026-10-17"],
        ["deadline", "2026-12-28", "--published", "2027-01-06"],
        ["deadline", "2026-09-30", "--rule", "weekly-report"],
        ["deadline", "2099-12-28"],
    ],
    "identify": [["identify", "91512081MA62K0260E", "11010519491231002X", "12", "--as-of", "2026-01-01"]],
    "keys": [
        ["keys", "generate", "--out", "K", "--now", "2026-01-01T00:00:00+00:00"],
        ["keys", "show", "K"],
    ],
    "ledger": [["ledger", "--db", "DB", "init"], ["ledger", "--db", "DB", "status"]],
    "mask": [["mask", "--sample", "penalty", "-o", "T/masked.csv"]],
    "policy": [
        ["term", *CHANGZHI, "--procedure", "ordinary", "--on", "2023-03-02", "--revoked", "2023-05-05"],
        ["term", *CHANGZHI],
        # a deadline in a year the calendar lacks: the note is said in the answer's language
        ["term", "--preset", "changzhi-2021", "--decided", "2026-12-28", "--tier", "general",
         "--procedure", "ordinary"],
        ["repair", *CHANGZHI, "--procedure", "ordinary", "--performed", "--applied", "2022-06-02"],
    ],
    "quality": [["quality", "--sample", "--as-of", "2025-07-01", "--by", "month"]],
    "schema": [["schema", "--format", "issues", "-o", "T/no/such/dir/issues.json"]],
    "serve": [["serve", "--api-key-file", "T/no-such-keys.txt"]],
    "status": [
        ["status", "R", "--events", "E", "--preset", "changzhi-2021", "--as-of", "2022-03-11",
         "--shown", "S"],
        ["subject", "11010519491231002X", "R", "--events", "E", "--preset", "changzhi-2021",
         "--as-of", "2022-04-21"],
    ],
}


def test_every_command_is_covered() -> None:
    """The table above has a run for every registered subcommand, and each takes --lang."""
    from credit_disclosure.cli import _COMMANDS

    assert set(RUNS) == set(_COMMANDS)
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    leaves: list[argparse.ArgumentParser] = []
    todo = list(sub.choices.values())
    while todo:
        p = todo.pop()
        nested = [a for a in p._actions if isinstance(a, argparse._SubParsersAction)]
        if nested:
            todo.extend(nested[0].choices.values())
        else:
            leaves.append(p)
    lacking = [p.prog for p in leaves if "--lang" not in p._option_string_actions]
    assert not lacking, lacking


def _argv(argv: list[str], files: dict[str, str], lang: str) -> list[str]:
    out = []
    for arg in argv:
        if arg in files:
            arg = files[arg]
        elif arg.startswith("T/"):
            arg = files["T"] + arg[1:]
        out.append(arg)
    return [*out, "--lang", lang]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    main(argv)
    captured = capsys.readouterr()
    return captured.out + captured.err


#: Text that is data, not interface, and may be English in a Chinese answer: the sources'
#: own wording of rule citations and policy titles, rule and policy names, file names, paths,
#: codes (``field.required``, ``CF_WSH``, ``AES256_GCM``), the ledger's URL.
_DATA = [
    *(rule.citation for rule in RULES.values()),
    "(via chinese-calendar)",
    "chinese-calendar",
]
_TOKENS = re.compile(
    r"https?://\S+"  # addresses
    r"|(?i:utf-8(?:-sig)?|gb18030|gbk)"  # encodings
    r"|\S*[/\\]\S*"  # paths
    r"|[\w.-]+\.(?:csv|xlsx|jsonl|json|txt|db)\b"  # file names
    r"|[A-Za-z_.]+\([^)]*\)"  # calls named in hints: load_schedule(path), Ledger('...')
    r"|[A-Za-z]+(?:[._*][A-Za-z0-9*]+)+"  # codes: field.required, not_published, weekly_report
    r"|[A-Z][A-Z0-9]+"  # field codes, algorithms, KMS
    r"|--[a-z-]+"  # options
    r"|credit-disclosure(?: [a-z]+)*"  # the command itself
)
#: ... and the names of the facts a policy reads (``procedure``, ``published_on``), as the
#: options and the library spell them.
_NAMES = {"publication", "changzhi", "via", "sqlite", "Python", *KINDS, *attrs.fields_dict(PenaltyFacts)}


def _english_left(text: str) -> set[str]:
    for data in _DATA:
        text = text.replace(data, " ")
    text = _TOKENS.sub(" ", text)
    return set(re.findall(r"[A-Za-z]{3,}", text)) - _NAMES


def _data_text() -> str:
    """Chinese that is data in an English answer too: the rules' titles and citations, the
    policies' reasons (English answers give them in brackets), the test's records, and the
    Chinese terms the English templates use on purpose (调休, 民法典 第二百零一条)."""
    texts = [RECORDS, EVENTS]
    texts += [f"{rule.title} {rule.citation}" for rule in RULES.values()]
    texts += [json.dumps(policy_to_dict(p), ensure_ascii=False) for p in PRESETS.values()]
    texts += [text.en for text in UI_TEXTS.values()]
    return "\n".join(texts)


@pytest.mark.parametrize("command", sorted(RUNS))
def test_no_english_in_chinese_output(
    command: str, files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--lang zh: labels, headings, verdicts, messages and explanations are all Chinese."""
    for argv in RUNS[command]:
        out = _run(_argv(argv, files, "zh"), capsys)
        assert re.search(r"[\u4e00-\u9fff]", out), (argv, out)
        left = _english_left(out)
        assert not left, (argv, sorted(left), out[:2000])


@pytest.mark.parametrize("command", sorted(RUNS))
def test_no_interface_chinese_in_english_output(
    command: str, files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--lang en: none of the Chinese the Chinese answer wrote around the data (data and
    citations may be Chinese in both: agency and holiday names, the sources' titles)."""
    data = _data_text()
    interface = "\n".join(text.zh for text in UI_TEXTS.values())
    for argv in RUNS[command]:
        zh = _run(_argv(argv, files, "zh"), capsys)
        en = _run(_argv(argv, files, "en"), capsys)
        said = set(re.findall(r"[\u4e00-\u9fff]{3,}", zh))
        leaked = {
            run for run in said if run in en and run in interface and run not in data
        }
        assert not leaked, (argv, sorted(leaked), en[:2000])


@pytest.mark.parametrize(
    ("flags", "bom"),
    [([], False), (["--excel"], True), (["--lang", "zh"], True), (["--lang", "zh", "--no-excel"], False),
     (["--lang", "en"], False)],
)
@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--sample", "--as-of", "2025-07-01", "--format", "csv"],
        ["quality", "--sample", "--as-of", "2025-07-01", "--format", "csv"],
        ["mask", "--sample", "penalty", "--format", "csv"],
    ],
)
def test_excel_bom_on_standard_output(
    argv: list[str], flags: list[str], bom: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """CSV on standard output starts with a BOM with --excel, or with --lang zh; not otherwise."""
    main([*argv, *flags])
    out = capsys.readouterr().out
    assert out.startswith("\ufeff") is bom
    assert out.lstrip("\ufeff")[:1] not in ("", "\ufeff")  # one BOM at most, then the header


def test_excel_bom_on_status_csv(files: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """status --format csv takes --excel too; its JSON never gets a BOM."""
    base = ["status", files["R"], "--preset", "changzhi-2021", "--as-of", "2022-03-11"]
    main([*base, "--format", "csv", "--excel"])
    assert capsys.readouterr().out.startswith("\ufeffrow,")
    main([*base, "--format", "json", "--lang", "zh"])
    assert capsys.readouterr().out.startswith("{")


# -- --help in both languages ----------------------------------------------------------------


def _command_paths() -> list[list[str]]:
    """Every parser of the command line as the words that reach it: [], [calendar], [calendar, add]..."""
    paths: list[list[str]] = []
    todo: list[tuple[list[str], argparse.ArgumentParser]] = [([], build_parser("en"))]
    while todo:
        path, parser = todo.pop()
        paths.append(path)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                seen: set[int] = set()
                for name, sub in action.choices.items():
                    if id(sub) not in seen:  # an alias (id) is the same parser
                        seen.add(id(sub))
                        todo.append(([*path, name], sub))
    return sorted(paths)


def _parser_words() -> set[str]:
    """What a help text may quote of the command line: command and option names, metavars,
    choices (the values a user types), dests."""
    words: set[str] = set()
    todo = [build_parser("en")]
    while todo:
        parser = todo.pop()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                todo.extend(action.choices.values())
            texts = [*action.option_strings, str(action.dest), str(action.metavar or "")]
            texts += [str(choice) for choice in action.choices or ()]
            for text in texts:
                words.update(re.findall(r"[A-Za-z]+", text))
    return words


#: Names a Chinese help text keeps as they are: formats and products (JSON Lines, Frictionless
#: Table Schema, SQLAlchemy, PostgreSQL, Excel), the library's class it points to, the values a
#: user types (the policy options' words, the events file's columns) and the policies' names.
_HELP_NAMES = {
    "Lines", "Schema", "Table", "Frictionless", "Data", "Package", "draft", "Excel", "OpenAPI",
    "SQLAlchemy", "SQLite", "PostgreSQL", "ValidationOptions", "service", "defs", "csv", "xlsx",
    "json", "toml", "key", "event", "date", "outcome", "note", "legal", "natural", "person",
    "individual", "business", "minor", "general", "serious", "special", "simple", "ordinary",
    *(word for name in PRESETS for word in re.findall(r"[a-z]+", name)),
    *(state.value for state in State),
}


def _help_english_left(text: str) -> set[str]:
    allowed = _parser_words() | _HELP_NAMES
    text = re.sub(r"[A-Za-z_]+", lambda m: " " if m.group() in allowed else m.group(), text)
    return _english_left(text)


@pytest.mark.parametrize("path", _command_paths(), ids=lambda p: " ".join(p) or "(top)")
def test_help_in_chinese_has_no_english_labels(
    path: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--help --lang zh: headings, usage, every command's and option's help in Chinese."""
    assert main([*path, "--help", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：") and "显示此帮助信息后退出" in out
    left = _help_english_left(out)
    assert not left, (path, sorted(left), out)


@pytest.mark.parametrize("path", _command_paths(), ids=lambda p: " ".join(p) or "(top)")
def test_help_in_english_has_no_interface_chinese(
    path: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--help --lang en: every Chinese word in it is one the English texts use on purpose
    (双公示, 台账, citations), none of the Chinese help."""
    assert main([*path, "--help", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: ")
    english = "\n".join(text.en for text in UI_TEXTS.values()) + _data_text()
    foreign = {run for run in re.findall(r"[\u4e00-\u9fff]+", out) if run not in english}
    assert not foreign, (path, sorted(foreign), out)


@pytest.mark.parametrize(
    ("argv", "env", "chinese"),
    [
        (["check", "--help"], {"LANG": "zh_CN.UTF-8"}, True),  # the locale, as for the output
        (["check", "--help"], {"LANG": "en_US.UTF-8"}, False),
        (["check", "--lang=zh", "-h"], {"LANG": "en_US.UTF-8"}, True),
        (["check", "-h", "--lang", "zh", "--lang", "en"], {"LANG": "zh_CN.UTF-8"}, False),
        (["check", "--lang", "both", "-h"], {"LANG": "zh_CN.UTF-8"}, False),
        (["calendar", "--help", "--lang", "zh"], {"LANG": "C"}, True),
        (["calendar", "--lang", "zh", "--help"], {"LANG": "C"}, True),  # on the group
        (["ledger", "catalogue", "--lang", "zh", "-h"], {"LANG": "C"}, True),
        (["--lang", "zh", "keys", "--help"], {"LANG": "C"}, True),  # before the command
    ],
)
def test_help_language_is_chosen_like_the_output(
    argv: list[str], env: dict[str, str], chinese: bool, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """--lang (the last one; both reads as English) or else the locale decides, before argparse
    answers --help."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：" if chinese else "usage: ")


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "zh", "calendar", "status"],
        ["calendar", "--lang", "zh", "status"],
        ["calendar", "status", "--lang", "zh"],
        ["--lang", "en", "calendar", "--lang", "en", "status", "--lang", "zh"],  # the innermost
    ],
)
def test_lang_may_stand_before_the_command_or_its_action(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A group's or the program's ``--lang`` is not overwritten by an action's unset one."""
    monkeypatch.setenv("LANG", "C")
    monkeypatch.delenv("LC_ALL", raising=False)
    assert main(argv) == 0
    assert "已发布" in capsys.readouterr().out


def test_an_error_names_the_command_after_a_leading_lang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "zh", "check", str(tmp_path / "无.csv")]) != 0
    assert capsys.readouterr().err.startswith("credit-disclosure check: ")


def _usage_parser(lang: str) -> argparse.ArgumentParser:
    """A parser with one argument of each kind argparse has a usage error for."""
    from credit_disclosure.cli import _Parser

    parser = _Parser(prog="p", lang=lang)
    parser.add_argument("--pair", nargs=2)
    parser.add_argument("--many", nargs="+")
    parser.add_argument("--one")
    parser.add_argument("--onion")
    parser.add_argument("--count", type=int)
    parser.add_argument("--colour", choices=["red", "blue"])
    parser.add_argument("--flag", action="store_true")
    either = parser.add_mutually_exclusive_group(required=True)
    either.add_argument("--left", action="store_true")
    either.add_argument("--right", action="store_true")
    parser.add_argument("needed")
    return parser


@pytest.mark.parametrize(
    ("argv", "zh"),
    [
        (["--left", "x", "extra"], "无法识别的参数：extra"),
        (["--left"], "缺少必需的参数：needed"),
        (["x"], "参数 --left --right 必须给出其一"),
        (["--left", "--right", "x"], "参数 --right：不能与参数 --left 同时使用"),
        (["--left", "x", "--one"], "参数 --one：需要一个值"),
        (["--left", "x", "--many"], "参数 --many：至少需要一个值"),
        (["--left", "x", "--pair", "a"], "参数 --pair：需要 2 个值"),
        (["--left", "x", "--count", "many"], "参数 --count：无效的 int 值：'many'"),
        (["--left", "x", "--colour", "green"], "参数 --colour：无效的选择：'green'（可选："),
        (["--left", "x", "--flag=1"], "参数 --flag：此选项不接受值：'1'"),
        (["--left", "x", "--on", "a"], "选项有歧义：--on 可以是 --one, --onion"),
    ],
)
def test_argparse_usage_errors_in_chinese(
    argv: list[str], zh: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each of argparse's usage errors is written in Chinese: the catalogue's English templates
    (``usage.*``) are argparse's wording on this Python, else the message would stay English."""
    with pytest.raises(SystemExit) as exited:
        _usage_parser("zh").parse_args(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("用法：p ")
    assert err[-1].startswith("p: 错误：") and zh in err[-1], err[-1]
    assert not re.search(r"\b(argument|expected|invalid|error|required|choose)\b", err[-1])
    with pytest.raises(SystemExit):  # and in English as argparse writes it
        _usage_parser("en").parse_args(argv)
    assert capsys.readouterr().err.splitlines()[-1].startswith("p: error: ")


@pytest.mark.parametrize(
    ("argv", "zh"),
    [
        (["--lang", "zh", "deadline", "2026-02-30"], "参数 start：不是日期"),
        (["--lang", "zh", "check", "--format", "x", "a.csv"], "参数 --format：无效的选择"),
        (["--lang", "zh", "term", "--types", "罚球"], "参数 --types：不是处罚类别：罚球；可用：警告"),
        (["--lang", "zh", "chek"], "参数 COMMAND：无效的选择：'chek'"),
    ],
)
def test_usage_errors_of_commands_in_chinese(
    argv: list[str], zh: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The program's own argument types' errors too (their English is the catalogue's)."""
    assert main(argv) == 2
    last = capsys.readouterr().err.splitlines()[-1]
    assert zh in last and "错误：" in last, last
