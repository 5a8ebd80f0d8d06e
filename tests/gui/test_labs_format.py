"""Lab files: the front-matter subset, the lab model and checked answers (no widgets needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_labs import LAB_IDS

import resources
from engine.labs.labfile import (
    LabFormatError,
    Question,
    discover_labs,
    parse_front_matter,
    read_lab,
)

LAB = """---
id: demo
title: "Demo: a lab"
order: 5
widget: metrics
project:
  template: toy2d
  data: moons
  options:
    noise: 0.3
  settings:
    lr: 0.01
    epochs: 20
tags: [a, "b, c", 3]
questions:
  # a comment line is ignored
  - id: q1
    type: choice
    text: Which one?
    choices:
      - Sigmoid
      - ReLU
    answer: 2
  - text: What is σ′(0)?
    answer: 0.25
    tolerance: 0.01
---
# Heading

Body with w ← w − η∇J(w).
"""


def test_front_matter_subset_parses_nested_data() -> None:
    data, body = parse_front_matter(LAB)
    assert data["title"] == "Demo: a lab"
    assert data["project"]["options"] == {"noise": 0.3}
    assert data["project"]["settings"] == {"lr": 0.01, "epochs": 20}
    assert data["tags"] == ["a", "b, c", 3]
    assert data["questions"][0]["choices"] == ["Sigmoid", "ReLU"]
    assert data["questions"][1] == {"text": "What is σ′(0)?", "answer": 0.25, "tolerance": 0.01}
    assert body.startswith("# Heading") and "η∇J(w)" in body


def test_read_lab_builds_questions_and_project(tmp_path: Path) -> None:
    path = tmp_path / "demo.md"
    path.write_text(LAB, encoding="utf-8")
    lab = read_lab(path, "en")
    assert (lab.id, lab.order, lab.widget) == ("demo", 5, "metrics")
    assert lab.project is not None and lab.project.settings == {"lr": 0.01, "epochs": 20}
    choice, numeric = lab.questions
    assert choice.check(2) and not choice.check(1) and not choice.check("2")
    assert numeric.kind == "numeric"
    for right in ("0.25", "0,25", "1/4", "25%", " 0.26 "):
        assert numeric.check(right), right
    for wrong in ("0.3", "", "abc", "1/0"):
        assert not numeric.check(wrong), wrong


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("no front matter", "starts with a '---' line"),
        ("---\ntitle: x\n", "no closing '---'"),
        ("---\nid: x\n---\n", "needs 'title'"),
        (
            "---\ntitle: x\nquestions:\n  - text: q\n    choices: [a, b]\n    answer: 3\n---\n",
            "1 to 2",
        ),
        ("---\ntitle: x\n  bad: indent\n---\n", "line 3"),
    ],
)
def test_bad_lab_files_say_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LabFormatError, match=r"bad\.md") as error:
        read_lab(path, "en")
    assert message in str(error.value)


def _readme_lab_example() -> str:
    """The lab file README.md shows under "Writing a lab", exactly as a teacher would copy it."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Writing a lab", 1)[1]
    return section.split("```markdown\n", 1)[1].split("```\n", 1)[0]


def test_the_readme_lab_example_loads_as_documented(tmp_path: Path) -> None:
    path = tmp_path / "gradient-descent.md"
    path.write_text(_readme_lab_example(), encoding="utf-8")
    lab = read_lab(path, "en")
    assert (lab.id, lab.title, lab.order, lab.widget) == (
        "gradient-descent",
        "Gradient descent and optimisers",
        20,
        "gradient-descent",
    )
    assert lab.project is not None
    assert (lab.project.template, lab.project.data) == ("mlp", "iris")
    assert lab.project.options == {"val_split": 0.2}
    assert lab.project.settings == {"optimizer": "sgd", "lr": 0.1, "epochs": 20}
    numeric, choice = lab.questions
    assert (numeric.kind, numeric.answer, numeric.tolerance) == ("numeric", 0.5, 0.01)
    assert numeric.explain == "Shown after a right answer."
    assert choice.choices == ("Gradient descent", "Momentum", "Adam")
    assert choice.answer == 2 and choice.check(2)
    assert lab.body.startswith("Training means")


def test_trailing_comments_are_dropped_but_not_inside_quotes() -> None:
    data, _ = parse_front_matter(
        "---\n"
        "a: 0.5   # a comment\n"
        'b: "keep # this"  # not this\n'
        "c: C# stays\n"
        "d: it's here # gone\n"
        "e: [x, 'y # z']  # gone\n"
        "f:   # a mapping follows\n"
        "  - one  # gone\n"
        "---\n"
    )
    assert data == {
        "a": 0.5,
        "b": "keep # this",
        "c": "C# stays",
        "d": "it's here",
        "e": ["x", "y # z"],
        "f": ["one"],
    }


def test_numeric_tolerance_is_absolute() -> None:
    q = Question("q", "numeric", "?", answer=692352, tolerance=0)
    assert q.check("692352") and not q.check("692351")


def test_shipped_labs_all_parse_in_both_languages() -> None:
    for language in ("en", "zh_CN"):
        labs, problems = discover_labs(resources.path("labs"), language)
        assert problems == []
        ids = [lab.id for lab in labs]
        assert ids == LAB_IDS  # every shipped lab, in its order
        assert all(lab.language == language for lab in labs), "a lab lacks its translation"
        assert all(lab.project is not None and lab.questions for lab in labs)


def test_a_dropped_in_lab_file_appears(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "extra.md").write_text("---\ntitle: Extra\n---\nText", encoding="utf-8")
    (tmp_path / "en" / "broken.md").write_text("nothing", encoding="utf-8")
    labs, problems = discover_labs(tmp_path, "zh_CN")  # no Chinese version: English is used
    assert [(lab.id, lab.language) for lab in labs] == [("extra", "en")]
    assert len(problems) == 1 and "broken.md" in problems[0]


def test_translated_labs_ask_the_same_questions_with_the_same_answers() -> None:
    """A teacher who edits one language's answer must edit the other too: this catches it."""
    english, _ = discover_labs(resources.path("labs"), "en")
    chinese, _ = discover_labs(resources.path("labs"), "zh_CN")
    for en, zh in zip(english, chinese, strict=True):
        assert (en.id, en.widget, en.order, en.project) == (zh.id, zh.widget, zh.order, zh.project)
        assert [(q.id, q.kind, q.answer, q.tolerance, len(q.choices)) for q in en.questions] == [
            (q.id, q.kind, q.answer, q.tolerance, len(q.choices)) for q in zh.questions
        ], en.id


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_lab_markdown_renders_without_stray_markup(language: str, qapp: object) -> None:
    """Qt's Markdown leaves `**` as text when a bold run cannot close (in Chinese: a run that
    ends on punctuation right before a character); the reader would see the asterisks."""
    from PySide6.QtGui import QTextDocument

    labs, _ = discover_labs(resources.path("labs"), language)
    for lab in labs:
        document = QTextDocument()
        document.setMarkdown(lab.body)
        text = document.toPlainText()
        assert "**" not in text and "__" not in text, f"{lab.path.name}: broken emphasis"
