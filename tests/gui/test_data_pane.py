"""The Data pane driven like a user: pick a built-in set, load it, look at it, adapt the net."""

from __future__ import annotations

from typing import Any

from pane_support import state_with
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from engine import DataRef
from gui import i18n
from gui.data.pane import DataPane


def test_load_builtin_through_the_pane(qtbot: Any) -> None:
    state = state_with(load=False)
    pane = DataPane(state)
    qtbot.addWidget(pane)
    pane.show()
    changed: list[bool] = []
    state.sig_dataset_changed.connect(lambda: changed.append(True))
    # The user picks "Two moons" in the list, sets the split, and presses Load.
    row = next(
        i
        for i in range(pane.builtins.count())
        if pane.builtins.item(i).data(Qt.ItemDataRole.UserRole) == "moons"
    )
    pane.builtins.setCurrentRow(row)
    pane.val_slider.setValue(25)
    pane.test_slider.setValue(15)
    with qtbot.waitSignal(pane.sig_loaded, timeout=30_000) as loaded:
        qtbot.mouseClick(pane.load_button, Qt.MouseButton.LeftButton)
        assert pane.loading and pane.progress.isVisible() and pane.cancel_button.isVisible()
    dataset = loaded.args[0]
    qtbot.waitUntil(lambda: not pane.loading, timeout=5000)
    assert state.dataset is dataset and changed
    assert state.project.data.source == "moons"
    assert state.project.data.options["val_split"] == 0.25
    total = len(dataset.train) + len(dataset.val) + len(dataset.test)
    assert abs(len(dataset.val) / total - 0.25) < 0.02  # the split reached the loader
    assert sum(pane.histogram.counts) == len(dataset.train)
    assert not pane.progress.isVisible() and pane.load_button.isEnabled()
    assert not pane.augment_group.isVisible()  # no augmentation for 2-D points


def test_bad_file_shows_a_plain_message(qtbot: Any, tmp_path: Any) -> None:
    state = state_with(load=False)
    pane = DataPane(state)
    qtbot.addWidget(pane)
    bad = tmp_path / "broken.csv"
    bad.write_text("", encoding="utf-8")
    with qtbot.waitSignal(pane.sig_failed, timeout=20_000) as failed:
        pane.load_path(str(bad))
    qtbot.waitUntil(lambda: not pane.loading, timeout=5000)
    message = failed.args[0]
    assert "broken.csv" in message and "Traceback" not in message
    assert pane.status_label.text() == message
    assert state.dataset is None


def test_images_preview_augmentation_and_adapt(qtbot: Any) -> None:
    # The seed CNN expects 1×28×28 and 10 classes; the 8×8 digits need its Input changed.
    state = state_with("seed-cnn", DataRef("digits-8x8"), load=False)
    pane = DataPane(state)
    qtbot.addWidget(pane)
    pane.resize(1100, 700)
    pane.show()
    with qtbot.waitSignal(pane.sig_loaded, timeout=30_000):
        pane.load(DataRef("digits-8x8"))
    qtbot.waitUntil(lambda: not pane.loading, timeout=5000)
    assert pane.samples.count() == 48
    assert pane.samples.caption(0) in state.dataset.class_names
    assert not state.project.graph.analysis.valid
    assert pane.adapt_button.isEnabled() and "Input" in pane.fit_label.text()

    qtbot.mouseClick(pane.adapt_button, Qt.MouseButton.LeftButton)
    assert state.project.graph.analysis.valid
    assert not pane.adapt_button.isEnabled()
    assert state.dirty  # an edit through the document, in its undo history
    assert state.undo_stack.count() == 1
    state.undo_stack.undo()  # one undoable step
    assert not state.project.graph.analysis.valid
    state.undo_stack.redo()
    assert state.project.graph.analysis.valid

    pane.augment_boxes["noise"].setChecked(True)
    assert state.project.settings.augment == ["noise"]
    assert pane.tabs.currentIndex() == pane.TAB_AUGMENTED and pane.augmented.count() == 16


def test_built_in_datasets_speak_chinese(qtbot: Any) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install_translator(app, "zh_CN")
    try:
        state = state_with(load=True)  # two moons
        pane = DataPane(state)
        qtbot.addWidget(pane)
        titles = [pane.builtins.item(i).text() for i in range(pane.builtins.count())]
        assert "双月" in titles and "MNIST 手写数字（5 000 张）" in titles
        assert "Two moons" not in titles
        pane.builtins.setCurrentRow(titles.index("鸢尾花"))
        assert "150 朵花" in pane.builtin_info.text()
        # The loaded set's summary: its title, kind and task in Chinese too.
        assert "<b>双月</b> — 二维点，分类" in pane.summary.text()
        assert "训练 " in pane.summary.text() and "，验证 " in pane.summary.text()
        assert pane.augment_boxes["shift"].toolTip().startswith("随机平移")
    finally:
        i18n.install_translator(app, "en")


def test_a_bad_files_message_is_in_view_at_the_top(qtbot: Any, tmp_path: Any) -> None:
    # On a lab screen the column scrolls: the message sat below the fold and "Open file…"
    # seemed to do nothing; so did "Loaded …" at 1366×768. Messages now head the views.
    from PySide6.QtCore import QRect

    state = state_with()
    pane = DataPane(state)
    qtbot.addWidget(pane)
    pane.resize(1100, 230)
    pane.show()
    qtbot.waitExposed(pane)
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"\xff\xfe\x00garbage")
    with qtbot.waitSignal(pane.sig_failed, timeout=30_000):
        pane.load_path(str(broken))
    label = pane.status_label
    qtbot.waitUntil(label.isVisible, timeout=5000)
    top_left = label.mapTo(pane, label.rect().topLeft())
    assert pane.rect().contains(QRect(top_left, label.size()))
    assert top_left.y() < 40  # the first line of the views
    assert "broken.csv" in label.text()


def _load_file(qtbot: Any, pane: DataPane, path: Any) -> Any:
    with qtbot.waitSignal(pane.sig_loaded, timeout=30_000) as loaded:
        pane.load_path(str(path))
    qtbot.waitUntil(lambda: not pane.loading, timeout=5000)
    return loaded.args[0]


def _column_row(pane: DataPane, name: str) -> int:
    table = pane.columns_box.table
    return next(
        r
        for r in range(table.rowCount())
        if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == name
    )


def test_a_tables_columns_target_and_leaks_in_the_pane(qtbot: Any, tmp_path: Any) -> None:
    from synthetic_tables import titanic_like

    frame = titanic_like()
    frame.to_csv(tmp_path / "titanic.csv", index=False)
    state = state_with(load=False)
    pane = DataPane(state)
    qtbot.addWidget(pane)
    pane.resize(1366, 420)
    pane.show()
    _load_file(qtbot, pane, tmp_path / "titanic.csv")
    box = pane.columns_box
    assert box.isVisible() and box.target.currentText() == "survived"
    assert "'survived', because its name marks it as the label" in pane.summary.text()
    age = _column_row(pane, "age")
    assert box.table.item(age, box.COL_KIND).text() == "numeric"
    assert box.table.item(age, box.COL_MISSING).text() == str(int(frame["age"].isna().sum()))
    assert box.table.item(_column_row(pane, "sex"), box.COL_KIND).text() == "categorical"
    assert box.table.item(_column_row(pane, "survived"), 0).text() == "survived (target)"
    # The leak is named with its evidence, at the top of the views, with a Drop button.
    assert pane.leaks.isVisible() and list(pane.leaks.buttons) == ["alive"]
    assert "'alive' equals 'survived'" in pane.leaks.findChildren(QLabel)[0].text()
    with qtbot.waitSignal(pane.sig_loaded, timeout=30_000):
        qtbot.mouseClick(pane.leaks.buttons["alive"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not pane.loading, timeout=5000)
    assert state.dataset.leaks == [] and not pane.leaks.isVisible()
    assert state.project.data.options["drop"] == ["alive"] and state.dirty
    assert not any(name.startswith("alive") for name in state.dataset.feature_names)
    assert box.table.item(_column_row(pane, "alive"), 0).checkState() == Qt.CheckState.Unchecked
    # Another target, chosen in the combo box: ticket class, which 'pclass' gives away.
    with qtbot.waitSignal(pane.sig_loaded, timeout=30_000):
        box.target.setCurrentText("class")
        box.target.activated.emit(box.target.currentIndex())
    qtbot.waitUntil(lambda: not pane.loading, timeout=5000)
    assert state.dataset.target == "class" and state.project.data.options["target"] == "class"
    assert list(pane.leaks.buttons) == ["pclass"]


def test_dropping_every_feature_column_says_so_and_changes_nothing(
    qtbot: Any, tmp_path: Any
) -> None:
    path = tmp_path / "small.csv"
    path.write_text("a,b,label\n" + "".join(f"{i},{i % 3},{i % 2}\n" for i in range(40)))
    state = state_with(load=False)
    pane = DataPane(state)
    qtbot.addWidget(pane)
    pane.show()
    dataset = _load_file(qtbot, pane, path)
    box = pane.columns_box
    with qtbot.waitSignal(pane.sig_loaded, timeout=30_000):
        box.set_used("a", False)
    qtbot.waitUntil(lambda: not pane.loading, timeout=5000)
    dataset = state.dataset
    data_before = state.project.data.to_dict()
    with qtbot.waitSignal(pane.sig_failed, timeout=30_000) as failed:
        box.set_used("b", False)
    qtbot.waitUntil(lambda: not pane.loading, timeout=5000)
    assert (
        "no feature columns: keep at least one column besides the target 'label'"
        in (failed.args[0])
    )
    assert pane.status_label.text() == failed.args[0] and pane.status_label.isVisible()
    assert state.dataset is dataset and state.project.data.to_dict() == data_before
    assert box.table.item(_column_row(pane, "b"), 0).checkState() == Qt.CheckState.Checked
    assert box.dropped() == ["a"]
