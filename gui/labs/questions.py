"""A lab's questions: each with its answer field, a Check button and feedback that does not rely
on colour alone (a ✓ or ✗ and words)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from engine.labs.labfile import Question


class ClickableLabel(QLabel):
    """A wrapping label that checks its radio button when clicked, like the button's own text."""

    def __init__(self, text: str, button: QRadioButton) -> None:
        super().__init__(text)
        self.button = button
        self.setWordWrap(True)
        self.setBuddy(button)
        # The button has no text of its own to highlight, so a keyboard user would see focus
        # only on the small circle: outline the choice's text while its button has focus.
        button.installEventFilter(self)
        self._outline(False)

    def _outline(self, focused: bool) -> None:
        # Same border width either way: showing the outline must not reflow the text.
        colour = "palette(highlight)" if focused else "transparent"
        self.setStyleSheet(f"QLabel {{ border: 2px solid {colour}; border-radius: 3px; }}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.button and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._outline(event.type() == QEvent.Type.FocusIn)
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.button.setChecked(True)
        self.button.setFocus()
        super().mousePressEvent(event)


class QuestionBox(QGroupBox):
    def __init__(self, number: int, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Question %d") % number)
        self.question = question
        layout = QVBoxLayout(self)
        text = QLabel(question.text)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.MarkdownText)
        layout.addWidget(text)
        self.group = QButtonGroup(self)
        self.edit: QLineEdit | None = None
        if question.kind == "choice":
            for index, choice in enumerate(question.choices, start=1):
                # A radio button cannot wrap its text: a long choice would widen the whole
                # column. The text sits in a wrapping label that selects the button when clicked.
                button = QRadioButton()
                button.setAccessibleName(choice)
                label = ClickableLabel(choice, button)
                row = QHBoxLayout()
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
                row.addWidget(label, 1)
                self.group.addButton(button, index)
                layout.addLayout(row)
        else:
            self.edit = QLineEdit()
            self.edit.setPlaceholderText(self.tr("Type a number, e.g. 0.25"))
            self.edit.setAccessibleName(self.tr("Answer to question %d") % number)
            self.edit.returnPressed.connect(self.check)
            layout.addWidget(self.edit)
        row = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.check)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        row.addWidget(self.check_button)
        row.addWidget(self.feedback, 1)
        layout.addLayout(row)
        self.correct: bool | None = None

    def set_answer(self, value: object) -> None:
        """Fill in an answer as a user would: a 1-based choice number or text for a number."""
        if self.edit is not None:
            self.edit.setText(str(value))
        else:
            button = self.group.button(int(value))  # type: ignore[call-overload]
            if button is not None:
                button.setChecked(True)

    def check(self) -> bool:
        if self.edit is not None:
            given: object = self.edit.text()
            if not self.edit.text().strip():
                self.feedback.setText(self.tr("Type your answer first."))
                self.correct = None
                return False
        else:
            given = self.group.checkedId()
            if given == -1:
                self.feedback.setText(self.tr("Choose an answer first."))
                self.correct = None
                return False
        self.correct = self.question.check(given)
        verdict = self.tr("✓ Correct.") if self.correct else self.tr("✗ Not quite, try again.")
        if self.correct and self.question.explain:
            verdict += " " + self.question.explain
        self.feedback.setText(verdict)
        # Colour repeats what the mark and the words already say: Okabe–Ito bluish green and
        # vermillion, darkened on a light window and lightened on a dark one for contrast.
        dark = self.palette().window().color().lightness() < 128
        good, bad = ("#4FD1A8", "#FF9A5C") if dark else ("#00795A", "#B34700")
        self.feedback.setStyleSheet(f"color: {good};" if self.correct else f"color: {bad};")
        return self.correct


class QuestionsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: list[QuestionBox] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)

    def set_questions(self, questions: tuple[Question, ...]) -> None:
        for box in self.boxes:
            self._layout.removeWidget(box)
            box.hide()  # deleteLater waits for the event loop; hide it at once
            box.deleteLater()
        self.boxes = []
        for number, question in enumerate(questions, start=1):
            box = QuestionBox(number, question, self)
            self._layout.insertWidget(self._layout.count() - 1, box)
            self.boxes.append(box)
