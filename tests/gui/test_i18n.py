"""The interface language: every source string translated into zh_CN, and switching works."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui import i18n, i18n_tools

# Placeholders the code fills in. printf-style ones (%s, %.3f, %%) are filled in order, so a
# translation must keep them in the same order, or % raises or mixes up values at run time.
# Numbered or named ones (%1, {0}, {1:.2e}, {path}) may move, as Chinese word order needs; they must all stay.
_IN_ORDER = re.compile(r"%(?:\(\w+\))?[-+ #0]*\d*(?:\.\d+)?[sdifgeEGxXr%]|\{(?::[^{}]*)?\}")
_NUMBERED = re.compile(r"%\d+|%p|\{(?:\d+|[A-Za-z_]\w*)(?::[^{}]*)?\}")
_MNEMONIC = re.compile(r"&(?!&)\S")


@pytest.fixture
def app() -> Iterator[QApplication]:
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    yield application
    i18n.install_translator(application, "en")


def test_every_source_string_has_a_finished_zh_cn_translation() -> None:
    """lupdate reads gui/, main.py and engine/ (its sentences, in the context Engine) into a
    scratch .ts; each string in it must be translated
    in resources/translations/netcanvas_zh_CN.ts. To fix a failure: `python -m gui.i18n_tools update`,
    translate the new entries (Qt Linguist or by hand), remove their type="unfinished"."""
    missing = i18n_tools.missing_translations(i18n.ts_path("zh_CN"), "zh_CN")
    listing = "\n".join(f"  [{context}] {source!r}" for context, source in missing)
    assert not missing, f"{len(missing)} string(s) lack a zh_CN translation:\n{listing}"


def test_every_translatable_call_is_seen_by_lupdate() -> None:
    """A tr() that lupdate cannot extract is never translated, and the test above cannot know:
    tr() inside an f-string, tr("a" "b") (lupdate keeps "a"), tr(f"...") or tr("a" + b).
    Fix: translate first (`label = self.tr("Licence")`), then format the result."""
    problems = i18n_tools.strings_lupdate_misses()
    assert not problems, "\n".join(problems)


def test_translations_keep_placeholders_and_keyboard_mnemonics() -> None:
    problems = []
    entries = [(c, s, t) for (c, s, _), t in i18n.read_ts(i18n.ts_path("zh_CN")).items()]
    entries += [("glossary", s, t) for s, t in i18n_tools.read_glossary("zh_CN").items()]
    for context, source, text in entries:
        in_order = _IN_ORDER.findall(source) != _IN_ORDER.findall(text)
        numbered = sorted(_NUMBERED.findall(source)) != sorted(_NUMBERED.findall(text))
        if in_order or numbered:
            problems.append(f"[{context}] {source!r} -> {text!r}: placeholders differ")
        if _MNEMONIC.search(source) and not _MNEMONIC.search(text):
            problems.append(f"[{context}] {source!r} -> {text!r}: the &-mnemonic is lost")
    assert not problems, "\n".join(problems)


def test_switching_to_chinese_retranslates_the_labs_panel(app: QApplication, qtbot: QtBot) -> None:
    import engine
    from gui.document import ProjectDocument
    from gui.labs import LabsPanel

    assert i18n.install_translator(app, "en") == "en"
    panel = LabsPanel(ProjectDocument(engine.default_project()))
    qtbot.addWidget(panel)
    panel.show_lab("metrics")
    assert panel.open_button.text() == "Open the lab project"
    assert panel.title.text() == "Evaluation metrics"

    assert i18n.install_translator(app, "zh_CN") == "zh_CN"  # at run time: LanguageChange
    assert i18n.current_language() == "zh_CN"
    qtbot.waitUntil(lambda: panel.open_button.text() == "打开实验项目", timeout=5000)
    assert panel.title.text() == "评估指标"  # the lab itself now comes from resources/labs/zh_CN
    assert panel.current_lab() is not None and panel.current_lab().id == "metrics"  # type: ignore[union-attr]
    assert "精确率" in panel.current_widget().steps.toPlainText()  # type: ignore[union-attr]
    panel.shutdown()


def test_untranslated_text_falls_back_to_english(app: QApplication) -> None:
    i18n.install_translator(app, "zh_CN")
    # A string with no entry must come back unchanged, not blank (Qt wants a null QString).
    assert QCoreApplication.translate("NoSuchContext", "Not in the catalogue %d") == (
        "Not in the catalogue %d"
    )
    assert QCoreApplication.translate("LabsPanel", "Open the lab project") == "打开实验项目"


def test_saved_choice_and_system_locale(app: QApplication) -> None:
    assert i18n.saved_language() is None
    i18n.set_saved_language("zh_CN")
    assert QSettings().value("language") == "zh_CN"
    assert i18n.install_translator(app, None) == "zh_CN"
    i18n.set_saved_language(None)
    assert i18n.install_translator(app, None) == i18n.system_language()
    with pytest.raises(ValueError, match="unknown language"):
        i18n.set_saved_language("fr")
    assert list(i18n.available_languages()) == ["en", "zh_CN"]
    assert i18n.localized("Dense", "全连接层") == "Dense"  # English installed now


def test_compiled_catalogue_translates_like_the_source(tmp_path: Path) -> None:
    qm = tmp_path / "netcanvas_zh_CN.qm"
    i18n_tools.run_lrelease(i18n.ts_path("zh_CN"), qm)
    translator = i18n.QmTranslator()
    assert translator.load(str(qm))
    assert translator.translate("LabsPanel", "Open the lab project") == "打开实验项目"
    assert translator.translate("LabsPanel", "no such string") is None
    again = tmp_path / "again.qm"
    i18n_tools.run_lrelease(i18n.ts_path("zh_CN"), again)
    assert qm.read_bytes() == again.read_bytes(), "lrelease output must be reproducible"


def test_qt_standard_dialogs_are_translated_too(app: QApplication) -> None:
    i18n.install_translator(app, "zh_CN")
    # qtbase_zh_CN ships with PySide6: the standard buttons of QMessageBox/QDialogButtonBox.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert isinstance(QTranslator, type)


def test_update_fills_new_entries_from_the_glossary(tmp_path: Path) -> None:
    ts = tmp_path / "netcanvas_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">'
        "<context><name>Somewhere</name>"
        '<message><source>Learning rate</source><translation type="unfinished"/></message>'
        '<message><source>Brand new text</source><translation type="unfinished"/></message>'
        "</context></TS>",
        encoding="utf-8",
    )
    assert i18n_tools.apply_glossary(ts, i18n_tools.read_glossary("zh_CN")) == 1
    done = i18n.read_ts(ts)
    assert done == {("Somewhere", "Learning rate", ""): "学习率"}


def test_device_line_speaks_the_interface_language(app: QApplication) -> None:
    from engine.device import DeviceInfo, describe_device

    one, four = (DeviceInfo("cpu", "cpu", "CPU", threads=n) for n in (1, 4))
    gpu = DeviceInfo("cuda:0", "cuda", "NVIDIA H200", total_memory=141 * 2**30)
    assert [i18n.device_line(d) for d in (one, four, gpu)] == [
        describe_device(d) for d in (one, four, gpu)
    ]  # English: the engine's own line
    i18n.install_translator(app, "zh_CN")
    assert i18n.device_line(one) == "CPU · 1 个线程"
    assert i18n.device_line(four) == "CPU · 4 个线程"
    assert i18n.device_line(gpu) == "CUDA · NVIDIA H200 · 141 GB"


def test_run_messages_speak_the_interface_language(app: QApplication) -> None:
    from engine.train import messages
    from engine.types import RunRecord

    nan = RunRecord("run-1", "", {})
    nan.set_message(messages.NON_FINITE_AT_STEP, step=5, epoch=2, lr=0.5, lower=0.05)
    assert i18n.run_message(nan) == nan.message  # English: the engine's own sentence
    assert nan.message.startswith("The loss became NaN or infinite at step 5 (epoch 2)")
    own_words = RunRecord("run-2", "", {})
    own_words.set_message(messages.AS_IS, error="The dataset has no validation split.")
    stored_before_templates = RunRecord.from_dict({"id": "run-3", "created": "", "settings": {}})
    stored_before_templates.message = "Stopped by request after 2 epochs."
    i18n.install_translator(app, "zh_CN")
    assert i18n.run_message(nan) == (
        "损失在第 5 步（第 2 轮）变成了 NaN 或无穷大；训练已停止，并保留了最后一组正常的权重。"
        "请降低学习率（当前为 0.5），例如降到 0.05，或启用梯度裁剪。"
    )
    # An error that explains itself, and a run saved before messages kept their template,
    # stay as the engine wrote them.
    assert i18n.run_message(own_words) == "The dataset has no validation split."
    assert i18n.run_message(stored_before_templates) == "Stopped by request after 2 epochs."
    # The template and its values survive the project file.
    assert RunRecord.from_dict(nan.to_dict()) == nan


def test_the_engine_templates_are_extracted_and_all_translated() -> None:
    """lupdate reads every engine module: the catalogue holds the engine's sentences (errors,
    issues, fixes, refusals, data notes, the CLI's lines) in the context Engine, each with a
    finished translation (the test above then covers them too)."""
    import engine.data.table
    from engine import ENGINE_CONTEXT

    sources = i18n_tools.source_files()
    assert Path(engine.data.table.__file__).resolve() in {p.resolve() for p in sources}
    catalogue = i18n.read_ts(i18n.ts_path("zh_CN"))
    engine_entries = {s: t for (c, s, _), t in catalogue.items() if c == ENGINE_CONTEXT}
    assert len(engine_entries) > 300
    imputed = "Imputed {missing} missing value(s) in '{label}' with the median ({median:g})."
    assert (
        engine_entries[imputed] == "用中位数（{median:g}）填补了“{label}”中的 {missing} 个缺失值。"
    )


def test_every_engine_sentence_is_made_from_a_marked_template(tmp_path: Path) -> None:
    """An error, issue, fix, shape problem or data note made from an f-string or a plain
    literal could never be translated. Fix: QT_TRANSLATE_NOOP("Engine", "... {name} ..."),
    name=value (see engine/messages.py)."""
    assert i18n_tools.engine_sentences_unmarked() == []
    (tmp_path / "engine").mkdir()
    (tmp_path / "engine" / "bad.py").write_text(
        "def load(path, notes):\n"
        "    notes.append(f'Dropped {path}')\n"
        "    raise DataError(f\"'{path}' is empty\")\n"
        "    raise DataError(QT_TRANSLATE_NOOP('Engine', \"'{path}' is empty\"), path=path)\n",
        encoding="utf-8",
    )
    found = i18n_tools.engine_sentences_unmarked(tmp_path)
    assert [line.split(":")[1] for line in found] == ["2", "3"], found


def test_engine_sentences_speak_the_interface_language(app: QApplication) -> None:
    """Errors, analysis issues and their fixes, refused connections and data notes reach the
    Chinese window in Chinese (gui.i18n.engine_text, and user_message for errors), while
    str() stays the engine's English."""
    import engine
    from engine.messages import QT_TRANSLATE_NOOP
    from gui.worker import user_message

    error = engine.DataError(
        QT_TRANSLATE_NOOP("Engine", "'{file}' has a header but no data rows."),
        file="bad.csv",
    )
    graph = engine.Graph()
    flatten = graph.add_node("Flatten", name="flat")
    dense = graph.add_node("Linear", name="dense")
    graph.connect(flatten.id, dense.id)
    refusal = graph.can_connect(dense.id, dense.id)
    issue = next(i for i in graph.analysis.issues if i.node_id == flatten.id)
    table = engine.load_dataset(engine.DataRef(str(_table_with_gaps()), {}))
    note = next(n for n in table.notes if str(n).startswith("Imputed"))
    output_issue = _output_task_issue()
    assert i18n.install_translator(app, "en") == "en"
    assert str(error) == "'bad.csv' has a header but no data rows."
    assert user_message(error) == str(error) == i18n.engine_text(error)
    assert i18n.engine_text(issue.message) == "'flat' has no input — connect a layer into it"
    assert i18n.engine_text(output_issue.fix.label) == "Set Output task to regression"

    i18n.install_translator(app, "zh_CN")
    assert user_message(error) == "“bad.csv”有表头，但没有数据行。"
    assert i18n.engine_text(error) == user_message(error)
    assert str(error) == "'bad.csv' has a header but no data rows."  # the engine still English
    assert i18n.engine_text(refusal) == "层不能连接到自身"
    assert i18n.engine_text(issue.message) == "“flat”没有输入——请把一个层连接到它"
    assert i18n.engine_text(output_issue.fix.label) == "把输出层的任务设为 regression"
    median = note.values["median"]  # type: ignore[attr-defined]
    assert i18n.engine_text(note) == f"用中位数（{median:g}）填补了“b”中的 1 个缺失值。"
    # A value that is itself a sentence is translated with it; a layer's title is Chinese.
    nested = engine.GraphError(
        QT_TRANSLATE_NOOP("Engine", "{name}: {problem}"),
        name="dense",
        problem=graph.can_connect(flatten.id, "nowhere"),
    )
    assert i18n.engine_text(nested) == "dense：连接的两端都必须是这个网络中的层"
    with pytest.raises(engine.GraphError) as refused:
        graph.insert_on_edge(graph.edges[0], "Input")
    assert i18n.engine_text(refused.value) == "“输入”不能插入到两个层之间"
    # Not an engine sentence: as it is.
    assert i18n.engine_text(OSError("disk full")) == "disk full"


def _table_with_gaps() -> Path:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="netcanvas-i18n-"))
    path = folder / "gaps.csv"
    path.write_text("a,b,label\n1,2,x\n2,,y\n3,3,x\n4,2,y\n5,4,x\n6,1,y\n", encoding="utf-8")
    return path


def _output_task_issue() -> Any:
    import engine

    graph = engine.make_template("mlp", engine.DataContext((4,), "classification", 3))
    graph.set_context(engine.DataContext((4,), "regression", 1, input_kind="table"))
    return next(i for i in graph.analysis.issues if i.fix is not None and "task" in i.message)


def test_choice_values_are_shown_in_the_interface_language(app: QApplication) -> None:
    """A layer's choice ('image', 'valid') reads in Chinese on the node and in the inspector's
    list, while the project keeps the key."""
    from engine import Graph, layer_spec
    from gui.editor import inspector
    from gui.editor.node_item import NodeItem

    graph = Graph()
    source = graph.add_node("Input", name="input")
    i18n.install_translator(app, "zh_CN")
    assert NodeItem(source).key_param_text() == "类型 图像"
    assert source.params["kind"] == "image"
    combo = inspector.ParamEditor(layer_spec("Conv2d").param("padding"), lambda *_: None).widget
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "valid（不填充）",
        "same（保持尺寸）",
    ]
    combo.setCurrentIndex(1)
    assert inspector._typed(combo) == "same"
    combo.setEditText("2")  # a pixel count is typed, not chosen
    assert inspector._typed(combo) == "2"
