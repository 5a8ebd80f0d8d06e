"""The lab report: one self-contained HTML file to hand in.

It holds the network diagram (inline SVG drawn from the graph), the layer table, the data and
training settings, the training curves (inline SVG), every run's final figures, and — when an
evaluation is given — the metrics, the confusion matrix and the per-class scores. No scripts,
no external files, no network: it opens and prints the same in any browser, offline.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.analysis import summary_rows
from engine.export_files import write_text_file
from engine.report_svg import SERIES_COLOURS, Series, line_chart_svg, network_svg, xy_chart_svg
from engine.types import RunRecord

if TYPE_CHECKING:
    from engine.metrics import EvalReport
    from engine.project import Project

# Epoch records the trainer keeps for the CSV export but that are not learning curves.
_NOT_CHARTED = {"time_s", "samples_per_s"}
MAX_CONFUSION_CLASSES = 30  # beyond this a table is unreadable on a page

_CSS = """
body { font-family: "Segoe UI", "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif;
       color: #1f2328; max-width: 1000px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { margin-bottom: 0.1em; } h2 { border-bottom: 1px solid #d0d7de; padding-bottom: 0.2em;
       margin-top: 1.8em; }
.muted { color: #656d76; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
th, td { border: 1px solid #d0d7de; padding: 0.25em 0.6em; text-align: left; }
th { background: #f6f8fa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.cards { display: flex; flex-wrap: wrap; gap: 0.8em; margin: 1em 0; }
.card { border: 1px solid #d0d7de; border-radius: 8px; padding: 0.5em 0.9em; min-width: 9em; }
.card b { display: block; font-size: 1.35em; }
.figure { overflow-x: auto; margin: 0.6em 0; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; }
table.confusion td { text-align: right; min-width: 2.2em; }
table.confusion th.corner { font-weight: normal; color: #656d76; font-size: 0.85em; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; }
               .figure, table { break-inside: avoid; } }
"""


def _num(value: Any, digits: int = 4) -> str:
    """A figure as a person reads it: integers with separators, floats with ``digits`` figures."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return escape(str(value))
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:.{digits}g}" if math.isfinite(value) else str(value)
    return escape(str(value))


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]], numeric: bool = True) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for cell in row:
            is_num = numeric and isinstance(cell, int | float) and not isinstance(cell, bool)
            cls = ' class="num"' if is_num else ""
            cells.append(f"<td{cls}>{_num(cell)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _percent(value: float | None) -> str:
    return "–" if value is None or not math.isfinite(value) else f"{100 * value:.1f} %"


# -- sections ------------------------------------------------------------------------------------


def _network_section(project: Project) -> str:
    graph = project.graph
    analysis = graph.analysis
    rows = [
        [r["name"], r["type"], r["output_shape"], int(r["params"]), int(r["macs"])]
        for r in summary_rows(graph)
    ]
    state = "ready to train" if analysis.valid else f"{len(analysis.errors)} problem(s) to fix"
    return (
        "<h2>Network</h2>"
        f"<p>{len(graph.nodes)} layers, {analysis.total_params:,} trainable parameters, "
        f"{analysis.total_macs:,} multiply–accumulates per sample; {escape(state)}.</p>"
        f'<div class="figure">{network_svg(graph)}</div>'
        + _table(["Layer", "Type", "Output shape", "Parameters", "MACs"], rows)
    )


def _data_section(project: Project) -> str:
    ref = project.data
    rows: list[list[Any]] = [["Source", ref.source]]
    rows += [[f"Option: {k}", str(v)] for k, v in sorted(ref.options.items())]
    ctx = project.graph.context
    if ctx is not None:
        rows.append(["Task", ctx.task])
        rows.append(["Input shape (per sample)", " × ".join(str(d) for d in ctx.input_shape)])
        if ctx.class_names:
            names = ", ".join(ctx.class_names[:40]) + (" …" if len(ctx.class_names) > 40 else "")
            rows.append([f"Classes ({len(ctx.class_names)})", names])
    return "<h2>Data</h2>" + _table(["", "Value"], rows, numeric=False)


def _settings_section(settings: dict[str, Any], run: RunRecord | None) -> str:
    rows = [[key, _setting_text(value)] for key, value in settings.items()]
    source = f"of {escape(run.id)}" if run is not None else "for the next run"
    return f"<h2>Training settings</h2><p class='muted'>The settings {source}.</p>" + _table(
        ["Setting", "Value"], rows, numeric=False
    )


def _setting_text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "none"
    return _num(value) if isinstance(value, float) else str(value)


def _curve_groups(history: dict[str, list[float]]) -> list[tuple[str, list[str]]]:
    """Charts to draw: each metric with its validation twin (``loss`` + ``val_loss``), the usual
    ones first."""
    bases: list[str] = []
    for key in history:
        base = key.removeprefix("val_")
        if base not in bases and base not in _NOT_CHARTED:
            bases.append(base)
    lr = history.get("lr", [])
    if "lr" in bases and len(set(lr)) < 2:
        bases.remove("lr")  # a constant learning rate says nothing a chart could show
    first = [b for b in ("loss", "accuracy") if b in bases]
    groups = []
    for base in first + sorted(set(bases) - set(first)):
        keys = [k for k in (base, f"val_{base}") if history.get(k)]
        if keys:
            groups.append((base, keys))
    return groups


def curves_html(run: RunRecord) -> str:
    """One chart per metric of a run (training solid, validation dashed)."""
    charts = []
    for base, keys in _curve_groups(run.history):
        series = [
            Series(
                name="validation" if key.startswith("val_") else "training",
                values=run.history[key],
                colour=SERIES_COLOURS[1] if key.startswith("val_") else SERIES_COLOURS[0],
                dashed=key.startswith("val_"),
            )
            for key in keys
        ]
        if base == "lr":
            series = [Series("learning rate", run.history["lr"], SERIES_COLOURS[2])]
        charts.append(line_chart_svg(series, base.replace("_", " ")))
    if not charts:
        return '<p class="muted">This run recorded no epoch curves.</p>'
    return '<div class="charts">' + "".join(charts) + "</div>"


def _runs_section(runs: Sequence[RunRecord], shown: RunRecord | None) -> str:
    if not runs:
        return "<h2>Training</h2><p class='muted'>The network has not been trained yet.</p>"
    keys = [
        k
        for k in ("loss", "accuracy", "val_loss", "val_accuracy")
        if any(k in r.history for r in runs)
    ]
    metric_keys = sorted({k for r in runs for k in r.metrics})
    rows = []
    for run in runs:
        epochs = max((len(v) for v in run.history.values()), default=0)
        finals = [run.history[k][-1] if run.history.get(k) else None for k in keys]
        metrics = [run.metrics.get(k) for k in metric_keys]
        rows.append(
            [run.id, run.created[:19].replace("T", " "), run.status, epochs, *finals, *metrics]
        )
    headers = ["Run", "Started", "Status", "Epochs", *(f"final {k}" for k in keys), *metric_keys]
    out = "<h2>Training</h2>" + _table(headers, rows)
    if shown is not None:
        out += f"<h3>Curves of {escape(shown.id)}</h3>"
        if shown.message:
            out += f"<p class='muted'>{escape(shown.message)}</p>"
        out += curves_html(shown)
    return out + _comparison_html(runs)


def _comparison_html(runs: Sequence[RunRecord]) -> str:
    """One curve per run of the most telling metric they share, to compare runs at a glance."""
    if len(runs) < 2:
        return ""
    for key in ("val_accuracy", "val_loss", "accuracy", "loss"):
        having = [r for r in runs if r.history.get(key)]
        if len(having) >= 2:
            break
    else:
        return ""
    series = [
        Series(r.id, r.history[key], SERIES_COLOURS[i % len(SERIES_COLOURS)])
        for i, r in enumerate(having[-len(SERIES_COLOURS) :])
    ]
    title = f"{key.replace('_', ' ')}, run by run"
    return f"<h3>Runs compared</h3>{line_chart_svg(series, title)}"


def confusion_html(confusion: Any, class_names: Sequence[str]) -> str:
    """The confusion matrix as a table: rows are true classes, columns predicted; each cell is
    shaded by its share of the row, green on the diagonal and red elsewhere."""
    matrix = [[int(v) for v in row] for row in confusion.tolist()]
    k = len(matrix)
    if k == 0:
        return ""
    if k > MAX_CONFUSION_CLASSES:
        return f"<p class='muted'>The confusion matrix has {k} classes, too many to print.</p>"
    names = [class_names[i] if i < len(class_names) else str(i) for i in range(k)]
    head = "".join(f"<th>{escape(n)}</th>" for n in names)
    rows = []
    for i, row in enumerate(matrix):
        total = sum(row) or 1
        cells = []
        for j, count in enumerate(row):
            share = count / total
            hue = "46, 158, 67" if i == j else "198, 40, 40"
            style = f' style="background: rgba({hue}, {0.08 + 0.72 * share:.2f})"' if count else ""
            cells.append(f"<td{style}>{count}</td>")
        rows.append(f"<tr><th>{escape(names[i])}</th>{''.join(cells)}</tr>")
    return (
        '<table class="confusion"><tr><th class="corner">true ↓ · predicted →</th>'
        f"{head}</tr>{''.join(rows)}</table>"
    )


def _evaluation_section(report: EvalReport | None) -> str:
    if report is None:
        return (
            "<h2>Evaluation</h2><p class='muted'>No evaluation: train the network, then export "
            "the report again to include the metrics and the confusion matrix.</p>"
        )
    out = f"<h2>Evaluation</h2><p>On the {escape(report.split)} split ({report.n:,} samples).</p>"
    rows: list[list[Any]] = [["loss", report.loss]]
    if report.accuracy is not None:
        rows.append(["accuracy", _percent(report.accuracy)])
        for k, value in sorted(report.top_k.items()):
            if k > 1:
                rows.append([f"top-{k} accuracy", _percent(value)])
        for kind, scores in (("macro", report.macro), ("weighted", report.weighted)):
            for key, value in scores.items():
                rows.append([f"{kind} {key}", value])
    for key in ("mse", "mae", "r2", "nats_per_char", "perplexity"):
        value = getattr(report, key)
        if value is not None:
            rows.append([key.replace("_", " "), value])
    out += _table(["Metric", "Value"], rows)
    if report.accuracy is not None and report.confusion.size:
        out += "<h3>Confusion matrix</h3>" + confusion_html(report.confusion, report.class_names)
    if report.per_class:
        per_class = [
            [
                c["name"],
                c["precision"],
                c["recall"],
                c["f1"],
                c.get("roc_auc"),
                c.get("average_precision"),
                int(c["support"]),
            ]
            for c in report.per_class
        ]
        out += "<h3>Per class</h3>" + _table(
            ["Class", "Precision", "Recall", "F1", "ROC AUC", "Avg. precision", "Support"],
            per_class,
        )
    out += _ranking_charts(report)
    return out


def _ranking_charts(report: EvalReport) -> str:
    """Each class against the rest: ROC and precision–recall, the ten weakest by AUC."""
    scored = sorted((c for c in report.curves if math.isfinite(c.auc)), key=lambda c: c.auc)
    if not scored:
        return ""
    shown = scored[:10]
    roc = [(f"{c.name} (AUC {c.auc:.3f})", c.fpr.tolist(), c.tpr.tolist()) for c in shown]
    pr = [
        (f"{c.name} (AP {c.average_precision:.3f})", c.recall.tolist(), c.precision.tolist())
        for c in shown
    ]
    note = (
        ""
        if len(scored) == len(shown)
        else f"<p class='muted'>The ten classes of {len(scored)} with the lowest AUC.</p>"
    )
    return (
        "<h3>ROC and precision–recall, one class against the rest</h3>"
        + note
        + xy_chart_svg(roc, "ROC", "false positive rate", "true positive rate", diagonal=True)
        + xy_chart_svg(pr, "Precision–recall", "recall", "precision")
    )


def _cards(project: Project, run: RunRecord | None, report: EvalReport | None) -> str:
    cards = [
        ("Parameters", f"{project.graph.analysis.total_params:,}"),
        (
            "Data",
            project.data.source
            if len(project.data.source) < 24
            else Path(project.data.source).name,
        ),
        ("Runs", str(len(project.runs))),
    ]
    if run is not None:
        cards.append(("Epochs", str(max((len(v) for v in run.history.values()), default=0))))
    if report is not None and report.accuracy is not None:
        cards.append((f"{report.split.title()} accuracy", _percent(report.accuracy)))
    body = "".join(
        f'<div class="card">{escape(label)}<b>{escape(value)}</b></div>' for label, value in cards
    )
    return f'<div class="cards">{body}</div>'


# -- the whole report ----------------------------------------------------------------------------


def render_report(
    project: Project,
    evaluation: EvalReport | None = None,
    run: RunRecord | None = None,
    *,
    author: str = "",
    now: datetime | None = None,
) -> str:
    """The report as one HTML document. ``run`` defaults to the project's latest run; its
    settings and curves are shown (the project's current settings when there is no run)."""
    from engine import __version__

    shown = run if run is not None else (project.runs[-1] if project.runs else None)
    settings = shown.settings if shown is not None else project.settings.to_dict()
    when = (now or datetime.now()).strftime("%Y-%m-%d %H:%M")
    byline = f"{escape(author)} · " if author.strip() else ""
    title = escape(project.name or "NetCanvas project")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="NetCanvas {escape(__version__)}">',
            f"<title>{title} — NetCanvas lab report</title><style>{_CSS}</style></head><body>",
            f"<h1>{title}</h1>",
            f"<p class='muted'>{byline}Lab report generated by NetCanvas {escape(__version__)} "
            f"on {when}.</p>",
            _cards(project, shown, evaluation),
            _network_section(project),
            _data_section(project),
            _settings_section(settings, shown),
            _runs_section(project.runs, shown),
            _evaluation_section(evaluation),
            "</body></html>",
        ]
    )


def export_report(
    project: Project,
    path: str | os.PathLike[str],
    evaluation: EvalReport | None = None,
    run: RunRecord | None = None,
    *,
    author: str = "",
) -> Path:
    """Write ``render_report(...)`` to ``path`` (atomically); returns the written path."""
    return write_text_file(path, render_report(project, evaluation, run, author=author))
