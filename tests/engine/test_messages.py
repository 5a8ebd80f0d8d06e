"""Engine sentences keep their template and values, and come out in another language without
Qt (engine.messages, engine.i18n)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from engine.analysis import Issue
from engine.graph import Graph
from engine.i18n import Catalogue, catalogue, language_from_environment, normalise
from engine.messages import (
    ENGINE_CONTEXT,
    QT_TRANSLATE_NOOP,
    Message,
    Term,
    plain_values,
    render_message,
)
from engine.types import DataContext, DataError, GraphError, NetCanvasError, RunRecord

EMPTY = QT_TRANSLATE_NOOP("Engine", "'{file}' is empty: a table needs a header row and data rows.")


def test_an_error_keeps_its_template_and_reads_as_english() -> None:
    error = DataError(EMPTY, file="x.csv")
    assert str(error) == "'x.csv' is empty: a table needs a header row and data rows."
    assert error.template == EMPTY and error.values == {"file": "x.csv"}
    assert error.args == (str(error),)  # what Exception shows, tracebacks included
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is DataError and again.values == error.values and str(again) == str(error)
    # A Message, or a template without values, makes an error just as well.
    assert GraphError(Message("a {x} b", x=1)).values == {"x": 1}
    assert str(NetCanvasError("Braces {stay} without values")) == "Braces {stay} without values"


def test_a_message_is_the_english_string() -> None:
    note = Message("Dropped {rows} row(s).", rows=3)
    assert note == "Dropped 3 row(s)." and isinstance(note, str)
    assert note.template == "Dropped {rows} row(s)." and note.values == {"rows": 3}
    again = pickle.loads(pickle.dumps(note))
    assert again == note and again.values == note.values
    assert plain_values({"n": 2, "path": Path("a/b"), "why": note}) == {
        "n": 2,
        "path": str(Path("a/b")),
        "why": "Dropped 3 row(s).",
    }


class _Chinese:
    language = "zh_CN"

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table

    def translate(self, context: str, text: str) -> str:
        return self.table.get(text, "") if context == ENGINE_CONTEXT else ""


def test_render_translates_the_template_and_the_values_that_are_sentences() -> None:
    zh = _Chinese(
        {"{name}: {problem}": "{name}：{problem}", "{layer} takes no input": "“{layer}”不接受输入"}
    )
    refusal = Message("{layer} takes no input", layer=Term("Input", "输入"))
    error = GraphError("{name}: {problem}", name="n1", problem=refusal)
    assert str(error) == "n1: Input takes no input"
    assert render_message(error, zh) == "n1：“输入”不接受输入"
    assert render_message(error, None) == str(error)
    # No translation, or one that lost a field: the English sentence, never a KeyError.
    assert render_message(Message("untranslated {x}", x=1), zh) == "untranslated 1"
    broken = _Chinese({"{layer} takes no input": "不接受输入 {lost}"})
    assert render_message(refusal, broken) == "Input takes no input"
    assert render_message(OSError("disk full"), zh) == "disk full"


def test_a_run_that_fails_on_an_engine_error_keeps_its_template() -> None:
    record = RunRecord("run-1", "", {})
    error = DataError(EMPTY, file="x.csv")
    record.set_message(error.template, **plain_values(error.values))
    assert record.message == str(error)
    zh = _Chinese({EMPTY: "“{file}”是空的"})
    assert render_message(record, zh) == "“x.csv”是空的"


def test_issues_fixes_and_refusals_are_messages() -> None:
    graph = Graph()
    dense = graph.add_node("Linear", name="dense")
    graph.add_node("Flatten", name="flat")
    graph.set_context(DataContext((4,), "regression", 1, input_kind="table"))
    issues: list[Issue] = graph.analysis.issues
    assert issues
    for issue in issues:
        assert isinstance(issue.message, Message), issue.message
        if issue.fix is not None:
            assert isinstance(issue.fix.label, Message), issue.fix.label
    refusal = graph.can_connect(dense.id, dense.id)
    assert isinstance(refusal, Message) and refusal == "A layer cannot feed into itself"
    with pytest.raises(GraphError) as refused:
        graph.connect(dense.id, dense.id)
    assert refused.value.template == refusal.template


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "zh_TW"}, "zh_CN"),
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ],
)
def test_the_cli_language_follows_the_locale(environ: dict[str, str], language: str) -> None:
    assert language_from_environment(environ) == language


def test_the_catalogue_is_read_without_qt() -> None:
    assert normalise("zh-cn") == "zh_CN" and normalise("en") == "en" and normalise("") is None
    zh = catalogue("zh_CN")
    assert isinstance(zh, Catalogue) and len(zh) > 300 and zh.language == "zh_CN"
    assert render_message(DataError(EMPTY, file="x.csv"), zh) == (
        "“x.csv”是空的：表格需要一行表头和若干数据行。"
    )
    assert len(catalogue("en")) == 0
