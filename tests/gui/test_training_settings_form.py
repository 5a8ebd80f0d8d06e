"""The Training settings form, generated from the TrainSettings specs: real widgets, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pane_support import state_with, wheel_up
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox

from engine.settings_spec import setting_specs
from gui import i18n
from gui.training.settings_form import TrainingSettingsForm


def make_form(qtbot: Any, **settings: Any) -> TrainingSettingsForm:
    state = state_with(load=False)
    for name, value in settings.items():
        setattr(state.project.settings, name, value)
    form = TrainingSettingsForm(state)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def shown(form: TrainingSettingsForm, name: str) -> bool:
    return form.widgets[name].isVisibleTo(form)


def choose(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


@pytest.fixture
def app() -> Iterator[QApplication]:
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    yield application
    i18n.install_translator(application, "en")


def test_every_visible_spec_has_a_labelled_widget(qtbot: Any) -> None:
    form = make_form(qtbot)
    visible = [name for name, spec in setting_specs() if not spec.hidden]
    assert list(form.widgets) == visible
    assert "log_interval_ms" not in form.widgets and "augment" not in form.widgets
    for name, spec in setting_specs():
        if spec.hidden:
            continue
        widget = form.widgets[name]
        assert widget.toolTip() == spec.help, name
        if isinstance(widget, QCheckBox):
            assert widget.text() == spec.label, name
        else:
            label = form._rows[name].labelForField(widget)
            assert label is not None and label.text() == spec.label, name
    assert [form.optimizer.itemText(i) for i in range(form.optimizer.count())] == [
        "Adam",
        "AdamW",
        "SGD (momentum)",
        "RMSprop",
        "Adagrad",
    ]
    assert form.widgets["grad_clip"].text() == "Off"  # 0 disables clipping
    # The names other code uses still point at the generated widgets.
    assert form.batch is form.widgets["batch_size"] and form.lr is form.widgets["lr"]


def test_dependent_settings_follow_the_choices(qtbot: Any) -> None:
    form = make_form(qtbot)
    choose(form.optimizer, "adam")
    assert not shown(form, "momentum") and not shown(form, "nesterov")
    choose(form.optimizer, "sgd")
    assert shown(form, "momentum") and shown(form, "nesterov")
    choose(form.optimizer, "rmsprop")
    assert shown(form, "momentum") and not shown(form, "nesterov")
    choose(form.optimizer, "adam")
    assert not shown(form, "momentum") and not shown(form, "nesterov")

    choose(form.schedule, "constant")
    assert not shown(form, "step_size") and not shown(form, "gamma")
    choose(form.schedule, "step")
    assert shown(form, "step_size") and shown(form, "gamma")
    choose(form.schedule, "plateau")
    assert not shown(form, "step_size") and shown(form, "gamma")
    assert shown(form, "patience")  # the plateau schedule waits patience // 2 epochs
    choose(form.schedule, "cosine")
    assert not shown(form, "gamma") and not shown(form, "patience")
    form.early_stopping.setChecked(True)
    assert shown(form, "patience")
    form.early_stopping.setChecked(False)
    assert not shown(form, "patience")


def test_edits_reach_the_settings_and_mark_the_project_dirty(qtbot: Any) -> None:
    form = make_form(qtbot)
    state, settings = form.state, form.state.project.settings
    assert not state.dirty
    changed: list[bool] = []
    form.sig_changed.connect(lambda: changed.append(True))
    form.widgets["grad_clip"].setValue(1.5)
    assert settings.grad_clip == 1.5 and state.dirty and changed
    choose(form.optimizer, "sgd")
    form.widgets["momentum"].setValue(0.8)
    form.widgets["nesterov"].setChecked(True)
    form.widgets["label_smoothing"].setValue(0.1)
    form.widgets["l1"].setValue(1e-4)
    choose(form.schedule, "step")
    form.widgets["step_size"].setValue(4)
    form.widgets["gamma"].setValue(0.25)
    assert (settings.optimizer, settings.momentum, settings.nesterov) == ("sgd", 0.8, True)
    assert (settings.label_smoothing, settings.l1) == (0.1, 1e-4)
    assert (settings.schedule, settings.step_size, settings.gamma) == ("step", 4, 0.25)
    assert isinstance(settings.step_size, int) and isinstance(settings.gamma, float)


def test_loading_shows_the_settings_without_marking_dirty(qtbot: Any) -> None:
    form = make_form(qtbot)
    state = form.state
    settings = state.project.settings
    settings.optimizer, settings.momentum, settings.grad_clip = "sgd", 0.5, 2.0
    settings.schedule, settings.gamma, settings.early_stopping = "plateau", 0.3, True
    changed: list[bool] = []
    form.sig_changed.connect(lambda: changed.append(True))
    form.load()
    assert not state.dirty and not changed
    assert form.optimizer.currentData() == "sgd" and form.widgets["momentum"].value() == 0.5
    assert form.widgets["grad_clip"].value() == 2.0 and form.widgets["gamma"].value() == 0.3
    assert form.early_stopping.isChecked()
    assert shown(form, "momentum") and shown(form, "gamma") and shown(form, "patience")
    # Another project (the Training pane reloads the form when one is opened): still clean.
    other = state_with(load=False).project
    other.settings.optimizer = "adagrad"
    state.project = other
    form.load()
    assert not state.dirty and form.optimizer.currentData() == other.settings.optimizer


def test_the_wheel_changes_only_a_focused_field(qtbot: Any) -> None:
    form = make_form(qtbot, optimizer="sgd")  # mid-list: the wheel could move it either way
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    epochs, lr, optimizer = form.epochs, form.lr, form.optimizer
    form.early_stopping.setFocus()  # activating the window focused the first field
    qtbot.waitUntil(form.early_stopping.hasFocus)
    before = (epochs.value(), lr.value(), optimizer.currentIndex())
    for widget in (epochs, lr, optimizer):
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus
        # Left unaccepted, a real wheel event goes on to the scroll area, which scrolls (Qt
        # does not pass a sent one on, so the scrolling itself cannot be checked here).
        assert not wheel_up(widget)
    assert (epochs.value(), lr.value(), optimizer.currentIndex()) == before
    assert not form.state.dirty
    epochs.setFocus()
    qtbot.waitUntil(epochs.hasFocus)
    assert wheel_up(epochs)
    assert epochs.value() == before[0] + 1
    assert form.state.project.settings.epochs == before[0] + 1 and form.state.dirty


def test_the_form_speaks_chinese(qtbot: Any, app: QApplication) -> None:
    i18n.install_translator(app, "zh_CN")
    form = make_form(qtbot)

    def label(name: str) -> str:
        return form._rows[name].labelForField(form.widgets[name]).text()

    assert (label("lr"), label("momentum"), label("grad_clip")) == ("学习率", "动量", "梯度裁剪")
    assert form.widgets["label_smoothing"].toolTip().startswith("分类器")
    assert form.optimizer.itemText(form.optimizer.findData("sgd")) == "SGD（动量）"
    assert form.widgets["grad_clip"].text() == "关闭"


def test_values_beyond_a_field_are_shown_clamped_not_raised(qtbot: Any) -> None:
    # Settings made in code skip the project file's schema check: the form still holds.
    form = make_form(qtbot, batch_size=10**18, seed=2**70, lr=1e300)
    assert form.widgets["batch_size"].value() == form.widgets["batch_size"].maximum()
    assert form.widgets["seed"].value() == 2**31 - 1
    assert form.widgets["lr"].value() == form.widgets["lr"].maximum()


def test_the_keras_recipe_sets_the_books_settings_in_one_go(qtbot: Any) -> None:
    form = make_form(qtbot, batch_size=128, schedule="cosine", epochs=12, seed=7)
    state = form.state
    changed: list[bool] = []
    form.sig_changed.connect(lambda: changed.append(True))
    form.recipe.activated.emit(form.recipe.findData("keras"))  # what choosing the item sends
    settings = state.project.settings
    assert (settings.batch_size, settings.epochs, settings.schedule) == (32, 5, "constant")
    assert settings.init == "glorot" and settings.seed == 7  # the seed is the project's own
    assert form.batch.value() == 32 and form.widgets["init"].currentData() == "glorot"
    assert changed and state.dirty and form.recipe.currentIndex() == 0  # an action, not a state
    form.recipe.activated.emit(form.recipe.findData("defaults"))
    assert (
        settings.init == "default" and settings.batch_size == 32 and settings.schedule == "onecycle"
    )
