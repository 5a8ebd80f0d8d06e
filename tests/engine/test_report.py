"""The lab report: one self-contained HTML file with the diagram, settings, curves and metrics."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

from engine.metrics import EvalReport, averages, per_class_scores
from engine.project import default_project
from engine.report import curves_html, export_report, render_report
from engine.report_svg import Series, line_chart_svg, network_svg, nice_ticks
from engine.templates import make_template
from engine.types import RunRecord

SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def _run() -> RunRecord:
    return RunRecord(
        id="run-7",
        created="2026-11-26T10:00:00",
        settings={"optimizer": "adam", "lr": 0.00123, "epochs": 3, "augment": ["shift"]},
        history={
            "loss": [1.2, 0.6, 0.4],
            "val_loss": [1.0, 0.7, float("nan")],
            "accuracy": [0.6, 0.8, 0.9],
            "val_accuracy": [0.65, 0.79, 0.85],
        },
        metrics={"test_accuracy": 0.86},
        status="stopped",
        message="Stopped after 3 epochs by the user.",
    )


def _evaluation(class_names: list[str]) -> EvalReport:
    confusion = np.array([[7, 1, 0], [2, 5, 3], [0, 0, 9]], dtype=np.int64)
    precision, recall, f1, support = per_class_scores(confusion)
    macro, weighted = averages(precision, recall, f1, support)
    per_class = [
        {"name": n, "precision": float(p), "recall": float(r), "f1": float(f), "support": int(s)}
        for n, p, r, f, s in zip(class_names, precision, recall, f1, support, strict=True)
    ]
    accuracy = float(np.trace(confusion) / confusion.sum())
    return EvalReport(
        task="classification", split="test", n=int(confusion.sum()), loss=0.4321,
        accuracy=accuracy, confusion=confusion, per_class=per_class, macro=macro,
        weighted=weighted, class_names=class_names,
    )  # fmt: skip


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("src", "href")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_full_report_holds_every_section_and_is_self_contained(tmp_path: Path) -> None:
    project = default_project()
    project.name = "Digits <lab 2>"
    project.runs.append(_run())
    names = ["cat", "dog & co", "emu"]
    path = export_report(project, tmp_path / "report.html", _evaluation(names), author="Ada <L>")
    html = path.read_text(encoding="utf-8")

    parser = _Collector()
    parser.feed(html)
    text = " ".join(parser.text)
    # Self-contained: no scripts, no external files, no links to fetch.
    assert "script" not in parser.tags and "link" not in parser.tags
    assert parser.urls == []
    assert "http" not in SVG.sub("", html)
    # User text is escaped, never interpreted.
    assert "<lab 2>" not in html and "Digits &lt;lab 2&gt;" in html
    assert "Ada &lt;L&gt;" in html and "dog &amp; co" in html
    # Network: every layer by name, with the parameter total of the reference CNN.
    for node in project.graph.nodes.values():
        assert node.name in text
    assert f"{project.graph.analysis.total_params:,}" in text
    # Settings of the shown run, its curves, its status message, and the metrics.
    assert "0.00123" in text and "shift" in text
    assert "Curves of run-7" in text and "Stopped after 3 epochs" in text
    assert "77.8 %" in text  # accuracy 21/27
    assert "test_accuracy" in text
    # Confusion matrix: rows of true classes with their counts, in order.
    table = html[html.index('class="confusion"') :]
    table = table[: table.index("</table>")]
    counts = [int(c) for c in re.findall(r"<td[^>]*>(\d+)</td>", table)]
    assert counts == [7, 1, 0, 2, 5, 3, 0, 0, 9]
    # One network diagram and a chart each for loss and accuracy, all well-formed XML.
    svgs = SVG.findall(html)
    assert len(svgs) == 3
    for svg in svgs:
        ET.fromstring(svg)


def test_report_without_runs_or_evaluation_says_what_is_missing() -> None:
    project = default_project()
    html = render_report(project)
    assert "has not been trained yet" in html
    assert "No evaluation" in html
    # The project's own settings stand in for a run's.
    assert "for the next run" in html and str(project.settings.batch_size) in html
    assert len(SVG.findall(html)) == 1


def test_too_many_classes_are_not_tabulated() -> None:
    project = default_project()
    names = [f"c{i}" for i in range(40)]
    report = _evaluation(["a", "b", "c"])
    report.confusion = np.eye(40, dtype=np.int64)
    report.class_names = names
    html = render_report(project, report)
    assert "40 classes, too many to print" in html
    assert 'class="confusion"' not in html


def test_network_diagram_draws_every_layer_and_routes_skip_connections() -> None:
    graph = make_template("resnet-mini")
    svg = network_svg(graph)
    root = ET.fromstring(svg)
    layers = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "layer"]
    assert len(layers) == len(graph.nodes)
    # Residual connections skip rows: drawn as lanes (H…V…H) beside the boxes, not through them.
    lanes = [p for p in root.iter("{http://www.w3.org/2000/svg}path") if " V" in p.get("d", "")]
    adds = [n for n in graph.nodes.values() if n.type == "Add"]
    assert adds and len(lanes) == len(adds)
    width = float(root.get("width", "0"))
    for path in lanes:
        xs = [float(v) for v in re.findall(r"[HM]([\d.]+)", path.get("d", ""))]
        assert max(xs) <= width


def test_a_layer_with_an_error_is_outlined_and_explained() -> None:
    graph = make_template("seed-cnn")
    flatten = next(n for n in graph.nodes.values() if n.type == "Flatten")
    for edge in graph.inputs_of(flatten.id):
        graph.disconnect(edge)
    assert not graph.analysis.valid
    svg = network_svg(graph)
    assert "stroke-dasharray" in svg and "⚠" in svg
    assert flatten.name in svg


def test_chart_breaks_the_line_at_missing_values() -> None:
    svg = line_chart_svg([Series("training", [1.0, 0.5, float("nan"), 0.25, 0.2], "#000")], "loss")
    root = ET.fromstring(svg)
    lines = list(root.iter("{http://www.w3.org/2000/svg}polyline"))
    assert [len(p.get("points", "").split()) for p in lines] == [2, 2]
    assert "no values recorded" in line_chart_svg([Series("x", [float("nan")], "#000")], "t")


@pytest.mark.parametrize(
    ("low", "high"), [(0.0, 1.0), (0.37, 0.41), (-3.0, 250.0), (1e-5, 3e-5), (1.0, 7.0)]
)
def test_nice_ticks_cover_the_range_with_round_steps(low: float, high: float) -> None:
    ticks = nice_ticks(low, high)
    assert 3 <= len(ticks) <= 11
    step = ticks[1] - ticks[0]
    mantissa = step / 10 ** np.floor(np.log10(step))
    assert any(abs(mantissa - m) < 1e-6 for m in (1, 2, 5, 10))
    assert ticks[0] >= low - 1e-12 and ticks[-1] <= high + 1e-12
    assert ticks[0] - low < step + 1e-12 and high - ticks[-1] < step + 1e-12


def test_rendering_a_report_does_not_load_torch() -> None:
    code = (
        "import sys; from engine.project import default_project; "
        "from engine.report import render_report; render_report(default_project()); "
        "print('torch' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert out.stdout.strip() == "False"


def test_charts_show_learning_curves_only() -> None:
    run = _run()
    run.history.update(lr=[0.1, 0.1, 0.1], time_s=[3.0, 3.1, 3.0], samples_per_s=[90.0, 91.0, 92.0])
    titles = re.findall(r"<title>([^<]*)</title>", curves_html(run))
    assert titles == ["loss", "accuracy"]
    run.history["lr"] = [0.1, 0.05, 0.025]  # a schedule: now worth a chart
    assert re.findall(r"<title>([^<]*)</title>", curves_html(run)) == ["loss", "accuracy", "lr"]


def test_several_runs_are_compared_on_one_chart() -> None:
    project = default_project()
    first, second = _run(), _run()
    second.id, second.history = "run-8", {"loss": [0.9, 0.3], "val_accuracy": [0.7, 0.9]}
    project.runs += [first, second]
    html = render_report(project)
    chart = html[html.index("Runs compared") :]
    chart = chart[: chart.index("</svg>")]
    assert "val accuracy, run by run" in chart and "run-7" in chart and "run-8" in chart
    # The second run lacks 'accuracy': its cell in the runs table is a dash, not 'None'.
    assert "None" not in html


def test_roc_and_precision_recall_charts_with_each_class_score() -> None:
    from engine.metrics import one_vs_rest_curves

    names = ["cat", "dog & co", "emu"]
    report = _evaluation(names)
    rng = np.random.default_rng(0)
    y_true = np.repeat(np.arange(3), 9)
    probs = rng.dirichlet(np.ones(3), y_true.size) + np.eye(3)[y_true]  # better than chance
    report.curves = one_vs_rest_curves(probs / probs.sum(1, keepdims=True), y_true, names)
    for row, curve in zip(report.per_class, report.curves, strict=True):
        row["roc_auc"], row["average_precision"] = curve.auc, curve.average_precision
    html = render_report(default_project(), report)
    assert "ROC and precision–recall, one class against the rest" in html
    svgs = SVG.findall(html)
    ranking = [svg for svg in svgs if "<title>ROC</title>" in svg or "Precision–recall" in svg]
    assert len(ranking) == 2
    for svg in ranking:
        ET.fromstring(svg)  # well-formed: the class names are escaped ("dog &amp; co")
    weakest = min(report.curves, key=lambda c: c.auc)
    assert f"{weakest.name.replace('&', '&amp;')} (AUC {weakest.auc:.3f})" in ranking[0]
    assert f"{report.curves[0].auc:.4g}" in html  # the per-class table's ROC AUC column
