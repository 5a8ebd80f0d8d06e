"""The start page: template cards with pictures, recent projects, open buttons."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from engine import TEMPLATES, make_template
from gui.editor.thumbnail import render_graph
from gui.start_page import StartPage


def test_a_card_per_template_emits_its_id(qtbot: Any) -> None:
    page = StartPage([])
    qtbot.addWidget(page)
    assert set(page.template_buttons) == set(TEMPLATES)
    for template_id, button in page.template_buttons.items():
        assert not button.icon().isNull()
        assert button.text() == TEMPLATES[template_id].title_en
        with qtbot.waitSignal(page.sig_template_chosen) as blocker:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert blocker.args == [template_id]


def test_thumbnail_draws_every_layer(qtbot: Any) -> None:
    graph = make_template("seed-cnn")
    pixmap = render_graph(graph, 220, 150)
    image = pixmap.toImage()
    background = QColor(image.pixel(1, 1))
    assert background == QPalette().color(QPalette.ColorRole.Base)
    drawn = sum(
        1
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
        if QColor(image.pixel(x, y)) != background
    )
    assert drawn > 200  # eight pills and their labels, not an empty card


def test_recent_projects_and_open_buttons(qtbot: Any, tmp_path: Path) -> None:
    existing = tmp_path / "digits.netcanvas"
    existing.write_bytes(b"x")
    missing = tmp_path / "gone.netcanvas"
    page = StartPage([str(existing), str(missing)])
    qtbot.addWidget(page)
    page.show()
    assert page.recent_list.count() == 2
    assert page.recent_list.item(0).text() == "digits"
    assert not page.recent_list.item(1).flags() & Qt.ItemFlag.ItemIsEnabled
    with qtbot.waitSignal(page.sig_open_path) as blocker:
        page.recent_list.itemActivated.emit(page.recent_list.item(0))
    assert blocker.args == [str(existing)]
    with qtbot.waitSignal(page.sig_open_default):
        qtbot.mouseClick(page.default_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.sig_open_dialog):
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    page.set_recent([])
    assert page.recent_list.count() == 0 and page.no_recent.isVisibleTo(page)


def test_cards_follow_a_language_switch(qtbot: Any, qapp: Any) -> None:
    from gui.i18n import install_translator

    page = StartPage([])
    qtbot.addWidget(page)
    template_id, template = next(iter(TEMPLATES.items()))
    try:
        install_translator(qapp, "zh_CN")
        qapp.processEvents()
        assert page.template_buttons[template_id].text() == template.title_zh
    finally:
        install_translator(qapp, "en")
        qapp.processEvents()
    assert page.template_buttons[template_id].text() == template.title_en
