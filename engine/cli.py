"""``netcanvas-cli``: the headless front end (scripts, teachers, GPU boxes, torchrun).

Exit codes: 0 success; 1 a training run failed (NaN, out of memory), the project could not be
saved where it lives (the run is then saved to a copy the line names), or an internal error;
2 bad input (missing file, invalid graph, a setting out of range, unreadable data) — always one
line on stderr, never a traceback (the log file keeps it; NETCANVAS_DEBUG=1 shows it); 128 +
the signal when a run was stopped by one (130 Ctrl+C, 143 SIGTERM, 129 SIGHUP), its finished
epochs saved. The log file: ``netcanvas-cli.log`` in ``engine.logs.default_log_folder()``.

It speaks the language of ``--lang`` (en, zh_CN), else of the locale (LC_ALL, LC_MESSAGES,
LANG): its lines and the engine's errors come from the GUI's catalogue, read without Qt
(``engine.i18n``). The "netcanvas-cli: error:" prefix, ``--json`` output, the progress and
metric lines and argparse's own usage messages stay as they are, for scripts.

Under ``torchrun --nproc_per_node=N netcanvas-cli train ...`` every rank trains its shard with
DistributedDataParallel and only rank 0 prints and writes the project.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import signal
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from engine.i18n import Catalogue, catalogue, language_from_environment, normalise
from engine.messages import QT_TRANSLATE_NOOP, Message, Term, render_message
from engine.types import DataRef, GraphError, NetCanvasError, TrainSettings

if TYPE_CHECKING:
    from torch import nn

    from engine.data import Dataset
    from engine.project import Project
    from engine.session import PreparedRun

PROG = "netcanvas-cli"

# The language this run speaks (main() chooses it); None: English.
_translator: Catalogue | None = None


def say(template: str, /, **values: Any) -> str:
    """A CLI sentence (``template`` marked with QT_TRANSLATE_NOOP) in the run's language."""
    return render_message(Message(template, **values), _translator)


def text(obj: object) -> str:
    """An engine sentence (an error, an issue, a run record) in the run's language."""
    return render_message(obj, _translator)


def choose_language(requested: str | None, environ: Any = None) -> str:
    """``--lang`` when given, else the locale's language ("en" or "zh_CN")."""
    return normalise(requested) or language_from_environment(
        os.environ if environ is None else environ
    )


class UsageError(NetCanvasError):
    """Bad command-line input (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: scripts grep stderr.
        self.exit(2, f"{self.prog}: error: {message} (see {PROG} --help)\n")


# -- loading -----------------------------------------------------------------------------------


def _load(path: str) -> Project:
    from engine.project import load_project

    return load_project(path)


def _dataset_for(project: Project) -> Dataset:
    """The project's dataset, with the graph checked against it."""
    from engine.data import load_dataset
    from engine.session import check_fits

    dataset = load_dataset(project.data)
    try:
        check_fits(project.graph, dataset)
    except GraphError as exc:
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "{problem} ('{source}'). Fix it in NetCanvas or create a new project for this dataset.",
            ),
            problem=exc,
            source=project.data.source,
        ) from None
    return dataset


def _model(project: Project, dataset: Dataset) -> nn.Module:
    """The project's trained network (eval, predict, export): the engine's one way to load it."""
    from engine.session import trained_model

    if project.weights is None:
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "Engine", "'{name}' has no trained weights yet: run '{command}' first."
            ),
            name=project.name,
            command=f"{PROG} train",
        )
    try:
        return trained_model(project, dataset)
    except GraphError as exc:
        raise UsageError(exc.template, **exc.values) from None


# -- commands ----------------------------------------------------------------------------------


def cmd_templates(args: argparse.Namespace) -> int:
    from engine.templates import TEMPLATES

    for t in TEMPLATES.values():
        title = text(Term(t.title_en, t.title_zh))
        description = text(Term(t.description_en, t.description_zh))
        data = say(QT_TRANSLATE_NOOP("Engine", "(data: {data})"), data=t.default_data)
        print(f"{t.id:<16} {title} — {description} {data}")
    return 0


def cmd_datasets(args: argparse.Namespace) -> int:
    from engine.data import BUILTINS

    for info in BUILTINS.values():
        description = text(Term(info.description, info.description_zh))
        print(f"{info.id:<14} {info.kind:<6} {info.task:<14} {description}")
    return 0


def _parse_options(items: list[str]) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise UsageError(
                QT_TRANSLATE_NOOP("Engine", "--option takes KEY=VALUE, got '{item}'."), item=item
            )
        try:
            options[key] = json.loads(value)
        except ValueError:
            options[key] = value  # a plain string, e.g. a CSV column name
    return options


def cmd_new(args: argparse.Namespace) -> int:
    from engine.project import new_project, save_project
    from engine.templates import TEMPLATES

    if args.template not in TEMPLATES:
        raise UsageError(
            QT_TRANSLATE_NOOP("Engine", "Unknown template '{template}'. Known: {known}."),
            template=args.template,
            known=", ".join(TEMPLATES),
        )
    out = Path(args.out)
    if not out.parent.is_dir():
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "Engine", "Cannot create {path}: the folder {folder} does not exist."
            ),
            path=out,
            folder=out.parent,
        )
    source = args.data or TEMPLATES[args.template].default_data
    ref = DataRef(source, {**_parse_options(args.option), **_column_options(args)})
    from engine.data import BUILTINS, load_dataset

    if ref.source not in BUILTINS:
        ref.source = str(Path(ref.source).expanduser().resolve())
    dataset = load_dataset(ref)
    _warn_leaks(dataset)
    if args.embed_data:  # before anything is written: over the size limit, nothing is
        from engine.data.embedded import pack_dataset

        ref.embedded = pack_dataset(dataset)
    project = new_project(args.template, ref, dataset.context())
    if out.suffix != ".netcanvas":
        out = (
            out.with_suffix(out.suffix + ".netcanvas")
            if out.suffix
            else out.with_suffix(".netcanvas")
        )
    project.name = out.stem
    if not project.graph.analysis.valid:
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "Engine", "Template '{template}' does not fit dataset '{source}': {problem}."
            ),
            template=args.template,
            source=source,
            problem=project.graph.analysis.errors[0].message,
        )
    save_project(project, out)
    created = QT_TRANSLATE_NOOP(
        "Engine", "created {path} ({template} on {dataset}: {samples} training samples)"
    )
    print(
        say(
            created,
            path=out,
            template=args.template,
            dataset=dataset.name,
            samples=len(dataset.train),
        )
    )
    return 0


def _column_options(args: argparse.Namespace) -> dict[str, Any]:
    """``--target`` and ``--drop`` (repeatable, or comma-separated) as a table's loader options."""
    options: dict[str, Any] = {}
    if args.target:
        options["target"] = args.target
    dropped = [c.strip() for item in args.drop for c in item.split(",") if c.strip()]
    if dropped:
        options["drop"] = dropped
    return options


def _warn_leaks(dataset: Dataset) -> None:
    """Before training: each feature that gives the target away, with its evidence (stderr)."""
    for leak in dataset.leaks:
        warning = QT_TRANSLATE_NOOP(
            "Engine", "warning: {evidence} Leave it out: {command} ... --drop {column}"
        )
        line = say(warning, evidence=leak.evidence, command=f"{PROG} new", column=leak.column)
        print(f"{PROG}: {line}", file=sys.stderr)


def input_format(project: Project) -> dict[str, Any]:
    """What ``predict`` takes: RAW samples in the dataset's compact format (preprocessing,
    e.g. pixel normalisation, happens inside)."""
    inputs = project.graph.input_nodes()
    params = inputs[0].params if inputs else {}
    kind = params.get("kind", "vector")
    # The preprocessing predict applies: the dataset's statistics, or the Input's fixed record.
    normalise: dict[str, Any] = {"from": "dataset"}
    if params.get("normalise") == "fixed" and kind != "tokens":
        normalise = {
            "from": "fixed",
            "scale": params["scale"],
            "mean": list(params["mean"]),
            "std": list(params["std"]),
        }
    if kind == "image":
        shape = [params.get("channels", 1), params.get("height", 28), params.get("width", 28)]
        return {
            "shape": ["N", *shape],
            "dtype": "uint8",
            "value_range": [0, 255],
            "raw": True,
            "normalise": normalise,
            "note": QT_TRANSLATE_NOOP(
                "Engine", "raw pixels N×C×H×W; predict scales and normalises them itself"
            ),
        }
    if kind == "tokens":
        return {
            "shape": ["N", params.get("seq_len", 64)],
            "dtype": "int64",
            "value_range": [0, "vocab_size - 1"],
            "raw": True,
            "note": QT_TRANSLATE_NOOP("Engine", "character indices into the dataset's vocabulary"),
        }
    return {
        "shape": ["N", params.get("features", 1)],
        "dtype": "float32",
        "value_range": ["-inf", "inf"],
        "raw": True,
        "normalise": normalise,
        "note": QT_TRANSLATE_NOOP(
            "Engine", "raw feature values; predict standardises them with the training mean/std"
        ),
    }


def output_format(project: Project) -> dict[str, Any]:
    outputs = project.graph.output_nodes()
    params = outputs[0].params if outputs else {}
    task, units = params.get("task", "classification"), params.get("units", 0)
    desc = {
        "classification": QT_TRANSLATE_NOOP("Engine", "class probabilities N×{units} (softmax)"),
        "binary": QT_TRANSLATE_NOOP("Engine", "probabilities N×2 ([1 - p, p], p = sigmoid)"),
        "regression": QT_TRANSLATE_NOOP("Engine", "predicted values N×{units}"),
        "next_char": QT_TRANSLATE_NOOP("Engine", "next-character probabilities N×T×V"),
    }.get(task, QT_TRANSLATE_NOOP("Engine", "model outputs"))
    # A Message: English in --json, translated where the text lines show it.
    return {"task": task, "units": units, "predict_writes": Message(desc, units=units)}


def cmd_info(args: argparse.Namespace) -> int:
    from engine.analysis import summary_rows

    project = _load(args.project)
    graph = project.graph
    analysis = graph.analysis
    info: dict[str, Any] = {
        "name": project.name,
        "template": project.template,
        "dataset": project.data.to_dict(),
        "valid": analysis.valid,
        "issues": [i.message for i in analysis.errors],
        "parameters": analysis.total_params,
        "trainable_parameters": analysis.trainable_params,
        "frozen_parameters": analysis.frozen_params,
        "macs": analysis.total_macs,
        "layers": summary_rows(graph),
        "input": input_format(project),
        "output": output_format(project),
        "trained": project.weights is not None,
        "runs": len(project.runs),
        "settings": project.settings.to_dict(),
        # How the last run trained: its batch size is per process under torchrun.
        "last_run_processes": project.runs[-1].processes if project.runs else None,
    }
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
        return 0
    heading = QT_TRANSLATE_NOOP("Engine", "{name}  (template {template}, dataset {source})")
    print(say(heading, name=project.name, template=project.template, source=project.data.source))
    frozen_mark = say(QT_TRANSLATE_NOOP("Engine", "frozen"))
    for row in info["layers"]:
        print(
            f"  {row['name']:<16} {row['type']:<14} {row['output_shape']:<18} {row['params']:>10,}"
            + ("" if row["trainable"] else f"  ({frozen_mark})")
        )
    yes, no = say(QT_TRANSLATE_NOOP("Engine", "yes")), say(QT_TRANSLATE_NOOP("Engine", "no"))
    totals = QT_TRANSLATE_NOOP("Engine", "parameters: {parameters:,}   valid: {valid}")
    print(say(totals, parameters=analysis.total_params, valid=yes if analysis.valid else no))
    if analysis.frozen_params:
        split = QT_TRANSLATE_NOOP("Engine", "trainable: {trainable:,}   frozen: {frozen:,}")
        print(say(split, trainable=analysis.trainable_params, frozen=analysis.frozen_params))
    for issue in analysis.errors:
        print("  " + say(QT_TRANSLATE_NOOP("Engine", "problem: {problem}"), problem=issue.message))
    fmt = info["input"]
    print(
        say(
            QT_TRANSLATE_NOOP("Engine", "input: {dtype} {shape} — {note}"),
            dtype=fmt["dtype"],
            shape="×".join(map(str, fmt["shape"])),
            note=Message(fmt["note"]),
        )
    )
    fixed = fmt.get("normalise", {})
    if fixed.get("from") == "fixed":
        record = QT_TRANSLATE_NOOP(
            "Engine", "preprocessing: (raw × {scale:g} − mean {mean}) / std {std} (the Input's own)"
        )
        numbers = ", ".join
        print(
            say(
                record,
                scale=fixed["scale"],
                mean=numbers(f"{v:g}" for v in fixed["mean"]),
                std=numbers(f"{v:g}" for v in fixed["std"]),
            )
        )
    print(
        say(
            QT_TRANSLATE_NOOP("Engine", "output: {writes}"), writes=info["output"]["predict_writes"]
        )
    )
    trained = QT_TRANSLATE_NOOP("Engine", "trained: {trained} ({runs} runs)")
    print(say(trained, trained=yes if info["trained"] else no, runs=len(project.runs)))
    last = project.runs[-1] if project.runs else None
    if last is not None and last.processes > 1:
        batch = int(last.settings.get("batch_size", 0))
        shared = QT_TRANSLATE_NOOP(
            "Engine",
            "last run: {processes} processes, batch size {batch} per process ({total} per step)",
        )
        print(say(shared, processes=last.processes, batch=batch, total=batch * last.processes))
    return 0


def _settings_for_run(project: Project, args: argparse.Namespace) -> TrainSettings:
    """The project's settings (checked when it was read) with the flags given, each checked
    against the same ranges under its own name: a bad value in the file is never blamed on a
    flag, nor a bad flag on the file."""
    from engine.schema import setting_value
    from engine.types import apply_recipe

    settings = project.settings
    if getattr(args, "recipe", None):  # first: the flags given with it still win
        settings = apply_recipe(settings, args.recipe, project.template)
    data = settings.to_dict()
    for key in ("epochs", "batch_size", "lr", "device", "seed", "optimizer"):
        value = getattr(args, key, None)
        if value is not None:
            data[key] = setting_value(key, value, "--" + key.replace("_", "-"))
    if args.mixed_precision:
        data["mixed_precision"] = True
    if args.time_budget is not None:
        data["time_budget_s"] = setting_value("time_budget_s", args.time_budget, "--time-budget")
    return TrainSettings.from_dict(data)


def _init_from(run: PreparedRun, other_path: str, main_rank: bool) -> PreparedRun:
    """The run starting from another project's trained weights, copied layer by layer where
    the names and shapes match (engine.train.transfer)."""
    import dataclasses

    from engine.train.transfer import weights_from

    other = _load(other_path)
    if other.weights is None:
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "Engine", "{path} has no trained weights to start from: train it first."
            ),
            path=other_path,
        )
    weights, copied = weights_from(run.graph, run.settings.seed, other.weights, run.weights)
    if not copied:
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "No layer of {path} matches a layer of this network by name and shape, so there are no weights to start from.",
            ),
            path=other_path,
        )
    if main_rank:
        line = QT_TRANSLATE_NOOP("Engine", "starting {count} layers from {path}: {layers}")
        print(say(line, count=len(copied), path=other_path, layers=", ".join(copied)))
    return dataclasses.replace(run, weights=weights)


def cmd_train(args: argparse.Namespace) -> int:
    from engine.device import headless_threads
    from engine.session import adopt_run, evaluate_run, prepare_run
    from engine.train.distributed import from_env
    from engine.train.progress import ProgressPrinter

    ctx = from_env()
    main_rank = ctx is None or ctx.is_main
    project = _load(args.project)
    settings = _settings_for_run(project, args)
    dataset = _dataset_for(project)
    if main_rank:
        _warn_leaks(dataset)
    if args.resume and not args.checkpoint_dir:
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "Engine", "--resume continues from a checkpoint: give its folder with {option}."
            ),
            option="--checkpoint-dir DIR",
        )
    run = prepare_run(project, dataset, settings, from_weights=not args.fresh)
    if args.init_from:
        run = _init_from(run, args.init_from, main_rank)
    callbacks = [ProgressPrinter(sys.stdout)] if main_rank and not args.quiet else []
    try:
        trainer = run.trainer(
            callbacks, checkpoint_dir=args.checkpoint_dir, num_threads=headless_threads()
        )
    except GraphError as exc:
        raise UsageError(
            QT_TRANSLATE_NOOP("Engine", "{problem} Pass --fresh to do so."), problem=exc
        ) from None
    epochs = None  # settings.epochs
    if args.resume:
        trainer.load_checkpoint(args.checkpoint_dir, "last")
        epochs = settings.epochs - trainer.epoch
        if epochs <= 0:
            raise UsageError(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "The checkpoint in {folder} has trained {done} epochs already, the {epochs} asked for: pass a larger --epochs to train on.",
                ),
                folder=args.checkpoint_dir,
                done=trainer.epoch,
                epochs=settings.epochs,
            )
    if main_rank:
        one = trainer.num_threads == 1  # "1 thread", never "1 threads"
        if ctx:
            where = say(
                QT_TRANSLATE_NOOP("Engine", "{count} processes (DDP), 1 thread each")
                if one
                else QT_TRANSLATE_NOOP("Engine", "{count} processes (DDP), {threads} threads each"),
                count=ctx.world_size,
                threads=trainer.num_threads,
            )
        elif trainer.device.type == "cpu":
            where = say(
                QT_TRANSLATE_NOOP("Engine", "the CPU (1 thread)")
                if one
                else QT_TRANSLATE_NOOP("Engine", "the CPU ({threads} threads)"),
                threads=trainer.num_threads,
            )
        else:
            where = str(trainer.device)
        if args.resume:
            starting = QT_TRANSLATE_NOOP(
                "Engine",
                "training {name} on {where}, epochs {first} to {epochs} from the checkpoint",
            )
        elif run.weights is not None:
            starting = QT_TRANSLATE_NOOP(
                "Engine", "training {name} on {where}, {epochs} epochs from the saved weights"
            )
        else:
            starting = QT_TRANSLATE_NOOP("Engine", "training {name} on {where}, {epochs} epochs")
        print(
            say(
                starting,
                name=project.name,
                where=where,
                epochs=settings.epochs,
                first=trainer.epoch + 1,
            )
        )
        if settings.time_budget_s:
            limit = QT_TRANSLATE_NOOP("Engine", "time limit: {seconds:g} s")
            print(say(limit, seconds=settings.time_budget_s))
    target = Path(args.project)
    with _stop_on_signals(trainer, main_rank or ctx is not None) as received:
        try:
            record = trainer.fit(epochs)
        finally:
            trainer.leave_process_group()
        if not main_rank:
            return 0 if record.status != "failed" else 1
        if args.resume:  # this run continued: it replaces its interrupted part, if that was saved
            project.runs[:] = [kept for kept in project.runs if kept.id != record.id]
        # Saved before the evaluation, which may need more memory than training did.
        adopt_run(project, record, trainer.state_dict_cpu())
        kept, problem = _save_run(project, target)
    report = evaluate_run(run, trainer, record)
    if report is not None:
        print(_summary_line(report.to_dict()))
        kept, later = _save_run(project, kept)
        problem = problem or later
    saved = QT_TRANSLATE_NOOP("Engine", "saved {path} ({run}: {status})")
    print(say(saved, path=kept, run=record.id, status=record.status))
    if problem is not None:
        elsewhere = QT_TRANSLATE_NOOP(
            "Engine", "{problem} The run was saved to {kept} instead: open or copy it from there."
        )
        print(f"{PROG}: error: {say(elsewhere, problem=problem, kept=kept)}", file=sys.stderr)
        return 1
    if record.status == "failed":
        failed = say(
            QT_TRANSLATE_NOOP("Engine", "training failed: {message}"), message=text(record)
        )
        print(f"{PROG}: {failed}", file=sys.stderr)
        return 1
    if record.status == "stopped" and received:  # a time limit's stop is what was asked for
        return 128 + received[0]
    return 0


# Ctrl+C, `kill` and a closed terminal (or an ended SSH session) all stop a run the same way.
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextlib.contextmanager
def _stop_on_signals(trainer: Any, active: bool) -> Iterator[list[int]]:
    """While the block runs, a stop signal ends the run at the next batch boundary (the run is
    then saved, and the exit status is 128 + the signal); a second one of the same kind acts as
    it would without us. Yields the signals received, in order."""
    received: list[int] = []
    previous = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}

    def on_signal(signum: int, frame: Any) -> None:
        signal.signal(signum, previous[signum])
        received.append(signum)
        trainer.request_stop()

    if active:
        for signum in STOP_SIGNALS:
            signal.signal(signum, on_signal)
    try:
        yield received
    finally:
        if active:
            for signum, handler in previous.items():
                signal.signal(signum, handler)


def _save_run(project: Project, target: Path) -> tuple[Path, NetCanvasError | None]:
    """Save ``project`` to ``target``; when that fails (a read-only folder, a full disk, a
    folder that is gone), to a copy in the user's home or temporary folder. Returns where it
    went and why ``target`` failed; UsageError when no copy could be written either."""
    from engine.project import save_project

    try:
        save_project(project, target)
        return target, None
    except NetCanvasError as error:
        problem = error
    name = f"{target.stem}.{project.runs[-1].id if project.runs else 'unsaved'}.netcanvas"
    folders = [Path.home(), Path(tempfile.gettempdir())]
    for folder in folders:
        if folder.resolve() == target.parent.resolve():
            continue
        try:
            save_project(project, folder / name)
        except NetCanvasError:
            continue
        return folder / name, problem
    raise UsageError(
        QT_TRANSLATE_NOOP(
            "Engine", "{problem} No copy could be written to {folders} either: the run is lost."
        ),
        problem=problem,
        folders=", ".join(map(str, folders)),
    )


def _summary_line(summary: dict[str, Any]) -> str:
    parts = [f"{summary['split']}: n {summary['n']}", f"loss {summary['loss']:.4f}"]
    for key in ("accuracy", "macro_f1", "mse", "mae", "r2", "perplexity"):
        if summary.get(key) is not None:
            parts.append(f"{key} {summary[key]:.4f}")
    return "  ".join(parts)


def cmd_eval(args: argparse.Namespace) -> int:
    from engine.session import evaluate_project

    project = _load(args.project)
    dataset = _dataset_for(project)
    report = evaluate_project(
        project, _model(project, dataset), dataset, args.split, _device(args.device)
    )
    summary = report.to_dict()
    if report.non_finite:
        warning = QT_TRANSLATE_NOOP(
            "Engine",
            "warning: the model's outputs hold NaN or infinity for {count} of {n} samples, so these metrics mean nothing. Train it again (a lower learning rate often helps).",
        )
        print(f"{PROG}: {say(warning, count=report.non_finite, n=report.n)}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
        return 0
    print(_summary_line(summary))
    for row in report.per_class:
        print(
            f"  {row['name']:<14} precision {row['precision']:.3f}  recall {row['recall']:.3f}"
            f"  f1 {row['f1']:.3f}  support {row['support']}"
        )
    return 0


def _device(name: str | None) -> Any:
    if not name:
        return None
    from engine.device import resolve_device

    return resolve_device(name)


def _check_pixels(project: Project, raw: Any, source: Path) -> None:
    """An image model takes raw pixels 0-255 and scales them itself (as in training): float
    images, usually already scaled to [0, 1], would be divided by 255 again and score at
    chance without a word, so they are refused rather than guessed at."""
    import numpy as np

    if input_format(project)["dtype"] != "uint8" or raw.size == 0:
        return
    if np.issubdtype(raw.dtype, np.integer) and raw.min() >= 0 and raw.max() <= 255:
        return
    numeric = np.issubdtype(raw.dtype, np.number)
    lo, hi = (f"{raw.min():g}", f"{raw.max():g}") if numeric else ("?", "?")
    raise UsageError(
        QT_TRANSLATE_NOOP(
            "Engine",
            "{path} holds {dtype} values from {lo} to {hi}, but this model takes raw uint8 pixels 0-255 and scales them itself; save them as uint8 (for [0, 1] images: np.rint(x * 255).astype(np.uint8)).",
        ),
        path=source,
        dtype=raw.dtype,
        lo=lo,
        hi=hi,
    )


def cmd_predict(args: argparse.Namespace) -> int:
    import numpy as np

    from engine.metrics import predict_proba

    raw, out, project, dataset, model = _model_and_input(args)
    result = predict_proba(model, dataset, raw, device=_device(args.device))
    _atomic(out, lambda tmp: np.save(tmp, result))
    wrote = QT_TRANSLATE_NOOP("Engine", "wrote {path} ({shape} {writes})")
    shape = "×".join(map(str, result.shape))
    print(say(wrote, path=out, shape=shape, writes=output_format(project)["predict_writes"]))
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    """A heat map of why the model gives one sample its class (the same maps as the Evaluate
    pane's Explain tab)."""
    import numpy as np

    from engine.explanations import explain

    raw, out, _, dataset, model = _model_and_input(args)
    if raw.ndim == len(dataset.input_shape) + 1 and raw.shape[0] == 1:
        raw = raw[0]  # one sample given as a batch of one
    result = explain(model, dataset, raw, args.method, target=args.target, layer=args.layer)
    _atomic(out, lambda tmp: np.save(tmp, result.heatmap))
    explained = QT_TRANSLATE_NOOP(
        "Engine", "wrote {path} ({method}, {shape}, class {name} at probability {p:.1%})"
    )
    shape = "×".join(map(str, result.heatmap.shape))
    print(
        say(
            explained,
            path=out,
            method=result.method + (f" on {result.layer}" if result.layer else ""),
            shape=shape,
            name=result.target_name,
            p=result.probability,
        )
    )
    return 0


def _model_and_input(args: argparse.Namespace) -> tuple[Any, Path, Project, Any, Any]:
    """What predict and explain start from: the raw input (checked against the model's input
    format), the output path, the project, its data and its trained model."""
    raw = _read_array(args.input)
    out = _output_path(args.out)
    project = _load(args.project)
    _check_pixels(project, raw, Path(args.input))
    dataset = _dataset_for(project)
    return raw, out, project, dataset, _model(project, dataset)


def _read_array(path: str) -> Any:
    """One array from a .npy file (never a pickle); a plain message when it is not one."""
    import numpy as np

    source = Path(path)
    if not source.is_file():
        raise UsageError(
            QT_TRANSLATE_NOOP("Engine", "Cannot read {path}: there is no such file."), path=source
        )
    try:
        raw = np.load(source, allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise UsageError(
            QT_TRANSLATE_NOOP("Engine", "{path} is not a NumPy .npy array ({error})."),
            path=source,
            error=str(exc),
        ) from None
    if not isinstance(raw, np.ndarray):
        raise UsageError(
            QT_TRANSLATE_NOOP("Engine", "{path} holds several arrays; pass one .npy array."),
            path=source,
        )
    return raw


def _atomic(path: Path, write: Any) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            write(handle)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):  # a read-only folder refuses even this
            tmp.unlink(missing_ok=True)
        raise UsageError(
            QT_TRANSLATE_NOOP("Engine", "Cannot write {path}: {reason}."),
            path=path,
            reason=exc.strerror or str(exc),
        ) from None


def _output_path(name: str) -> Path:
    """Where a command writes: its folder must exist (checked before any slow work)."""
    out = Path(name)
    if not out.parent.is_dir():
        raise UsageError(
            QT_TRANSLATE_NOOP("Engine", "Cannot write {path}: the folder {folder} does not exist."),
            path=out,
            folder=out.parent,
        )
    return out


def cmd_export_onnx(args: argparse.Namespace) -> int:
    from engine.export import export_onnx

    out = _output_path(args.out)
    project = _load(args.project)
    dataset = _dataset_for(project)
    model = _model(project, dataset)
    result = export_onnx(model, dataset, out, opset=args.opset)
    wrote = QT_TRANSLATE_NOOP(
        "Engine",
        "wrote {path} (opset {opset}, verified in onnxruntime on {samples} samples: max abs difference {difference:.2e})",
    )
    print(
        say(
            wrote,
            path=out,
            opset=result.opset,
            samples=result.samples,
            difference=result.max_abs_diff,
        )
    )
    return 0


def cmd_export_script(args: argparse.Namespace) -> int:
    from engine.codegen import export_script

    out = _output_path(args.out)
    project = _load(args.project)
    # By default the script lands with the data it reads.
    dataset = None if args.no_data else _dataset_for(project)
    for path in export_script(project, out, dataset):
        print(say(QT_TRANSLATE_NOOP("Engine", "wrote {path}"), path=path))
    return 0


def cmd_export_history(args: argparse.Namespace) -> int:
    from engine.history_export import export_history_csv, export_tensorboard

    project = _load(args.project)
    if args.tensorboard:
        folders = export_tensorboard(project.runs, args.out)
        for folder in folders:
            print(say(QT_TRANSLATE_NOOP("Engine", "wrote {path}"), path=folder))
        return 0
    out = _output_path(args.out)
    written = export_history_csv(project.runs, out, level="step" if args.steps else "epoch")
    print(say(QT_TRANSLATE_NOOP("Engine", "wrote {path}"), path=written))
    return 0


def cmd_export_weights(args: argparse.Namespace) -> int:
    from engine.weights_export import export_weights, weights_format

    out = _output_path(args.out)
    weights_format(out)  # a wrong extension is refused before the model is built
    project = _load(args.project)
    model = _model(project, _dataset_for(project))
    # The network travels in the safetensors header, so the file alone says what it fits.
    metadata = {"netcanvas.graph": json.dumps(project.graph.to_dict())}
    written = export_weights(model, out, metadata=metadata)
    print(say(QT_TRANSLATE_NOOP("Engine", "wrote {path}"), path=written))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from engine.report import export_report
    from engine.session import evaluate_project

    out = _output_path(args.out)
    project = _load(args.project)
    evaluation = None
    if project.weights is not None and not args.no_eval:  # a trained project: with its test
        dataset = _dataset_for(project)
        evaluation = evaluate_project(project, _model(project, dataset), dataset)
    written = export_report(project, out, evaluation, author=args.author)
    print(say(QT_TRANSLATE_NOOP("Engine", "wrote {path}"), path=written))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from engine.data import BUILTINS
    from engine.importers import import_model
    from engine.project import save_project

    out = _output_path(args.out)
    if out.suffix != ".netcanvas":
        out = out.with_name(out.name + ".netcanvas")
    source = args.data
    if source is not None and source not in BUILTINS:
        source = str(Path(source).expanduser().resolve())
    result = import_model(args.model, source)
    result.project.name = out.stem
    save_project(result.project, out)
    for note in result.notes:
        print(text(note))
    wrote = QT_TRANSLATE_NOOP(
        "Engine", "wrote {path}: {layers} layers, {parameters:,} parameters, data '{source}'"
    )
    graph = result.project.graph
    print(
        say(
            wrote,
            path=out,
            layers=len(graph.nodes),
            parameters=graph.analysis.total_params,
            source=result.project.data.source,
        )
    )
    return 0


# -- entry point -------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    from engine import __version__

    parser = _Parser(prog=PROG, description="Train, evaluate and export NetCanvas projects.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="language of the messages: en or zh_CN (default: from LC_ALL, LC_MESSAGES, LANG)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    sub.add_parser("templates", help="list template ids").set_defaults(func=cmd_templates)
    sub.add_parser("datasets", help="list built-in dataset ids").set_defaults(func=cmd_datasets)

    p = sub.add_parser("new", help="create a project from a template and a dataset")
    p.add_argument("out", metavar="OUT.netcanvas")
    p.add_argument("--template", required=True, metavar="ID")
    p.add_argument(
        "--data", metavar="SRC", help="built-in id, or a file/folder (default: the template's)"
    )
    p.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="data loader option, e.g. val_split=0.2 or seq_len=64 (repeatable)",
    )
    p.add_argument("--target", metavar="COLUMN", help="a table's target column (default: guessed)")
    p.add_argument(
        "--drop",
        action="append",
        default=[],
        metavar="COLUMN",
        help="leave a table's column out of the features (repeatable, or COL1,COL2)",
    )
    p.add_argument(
        "--embed-data",
        action="store_true",
        help="store the prepared data inside the project (one file that trains anywhere)",
    )
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("info", help="layers, shapes, parameters, dataset, input format")
    p.add_argument("project", metavar="PROJECT")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("train", help="train and save weights and history into the project")
    p.add_argument("project", metavar="PROJECT")
    p.add_argument("--epochs", type=int)
    p.add_argument("--batch-size", type=int)
    p.add_argument("--lr", type=float)
    p.add_argument("--device", help="auto, cpu, cuda, cuda:1, mps, xpu")
    p.add_argument("--seed", type=int)
    p.add_argument("--optimizer", choices=["sgd", "adam", "adamw", "rmsprop", "adagrad"])
    p.add_argument(
        "--time-budget",
        "--time-limit",
        type=float,
        metavar="SECONDS",
        help="stop after this many seconds of training, at the end of a batch (0: no limit)",
    )
    p.add_argument("--mixed-precision", action="store_true", help="CUDA: bf16 or fp16 autocast")
    p.add_argument(
        "--recipe",
        choices=["defaults", "keras"],
        help="NetCanvas's defaults, or the introduction's Keras model.fit (batch 32, 5 epochs, "
        "Adam 1e-3, Glorot-uniform init, zero biases); other flags override it",
    )
    p.add_argument("--fresh", action="store_true", help="start from new weights, not saved ones")
    p.add_argument(
        "--init-from",
        metavar="OTHER",
        help="start the layers that match OTHER.netcanvas by name and shape from its weights",
    )
    p.add_argument(
        "--checkpoint-dir",
        metavar="DIR",
        help="save a checkpoint (weights, optimiser, history) there after every epoch",
    )
    p.add_argument(
        "--resume",
        action="store_true",
        help="continue from the last checkpoint in --checkpoint-dir up to --epochs in all",
    )
    p.add_argument("--quiet", action="store_true", help="no progress output")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("eval", help="metrics on the test (or val) split")
    p.add_argument("project", metavar="PROJECT")
    p.add_argument("--split", choices=["test", "val", "train"], default="test")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--device")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("predict", help="outputs for raw samples in a .npy file")
    p.add_argument("project", metavar="PROJECT")
    p.add_argument("input", metavar="IN.npy")
    p.add_argument("--out", required=True, metavar="OUT.npy")
    p.add_argument("--device")
    p.set_defaults(func=cmd_predict)

    p = sub.add_parser("explain", help="a heat map of why the model classifies one image so")
    p.add_argument("project", metavar="PROJECT")
    p.add_argument("input", metavar="INPUT.npy", help="one raw sample, as the dataset stores it")
    methods = ["saliency", "gradcam", "hirescam", "occlusion"]  # engine.explanations.METHODS
    p.add_argument("--method", choices=methods, default="saliency")
    p.add_argument("--target", type=int, help="the class to explain (default: the predicted one)")
    p.add_argument("--layer", help="the Conv2d layer of Grad-CAM or HiResCAM (default: the last)")
    p.add_argument("--out", required=True, metavar="MAP.npy")
    p.set_defaults(func=cmd_explain)

    p = sub.add_parser("export-onnx", help="verified single-file ONNX export")
    p.add_argument("project", metavar="PROJECT")
    p.add_argument("out", metavar="OUT.onnx")
    p.add_argument("--opset", type=int, default=18)
    p.set_defaults(func=cmd_export_onnx)

    p = sub.add_parser("export-script", help="a standalone PyTorch training script")
    p.add_argument("project", metavar="PROJECT")
    p.add_argument("out", metavar="OUT.py")
    p.add_argument(
        "--no-data", action="store_true", help="do not write the data archive beside the script"
    )
    p.add_argument("--with-data", action="store_true", help=argparse.SUPPRESS)  # the default now
    p.set_defaults(func=cmd_export_script)

    p = sub.add_parser("export-history", help="every run's curves as CSV, or TensorBoard files")
    p.add_argument("project", metavar="PROJECT")
    p.add_argument("out", metavar="OUT.csv|FOLDER")
    p.add_argument("--steps", action="store_true", help="one CSV row per logged step, not epoch")
    p.add_argument(
        "--tensorboard", action="store_true", help="TensorBoard event files, one folder per run"
    )
    p.set_defaults(func=cmd_export_history)

    p = sub.add_parser("export-weights", help="the trained weights as safetensors or a .pt file")
    p.add_argument("project", metavar="PROJECT")
    p.add_argument("out", metavar="OUT.safetensors|OUT.pt")
    p.set_defaults(func=cmd_export_weights)

    p = sub.add_parser("report", help="the HTML lab report (with the test evaluation if trained)")
    p.add_argument("project", metavar="PROJECT")
    p.add_argument("out", metavar="OUT.html")
    p.add_argument("--author", default="", help="the name printed on the report")
    p.add_argument("--no-eval", action="store_true", help="leave the evaluation out")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "import", help="an ONNX or Keras model file as a new project with its weights"
    )
    p.add_argument("model", metavar="MODEL")
    p.add_argument("out", metavar="OUT.netcanvas")
    p.add_argument("--data", metavar="SRC", help="built-in id, or a file/folder (default: guessed)")
    p.set_defaults(func=cmd_import)
    return parser


def main(argv: list[str] | None = None) -> int:
    global _translator
    from engine.logs import default_log_folder, start_logging

    start_logging(default_log_folder(), "netcanvas-cli.log")
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = bool(os.environ.get("NETCANVAS_DEBUG"))
    language = choose_language(args.lang)
    _translator = catalogue(language) if language != "en" else None
    _keep_printing(sys.stdout, sys.stderr)
    try:
        code: int = args.func(args)
        return code
    except NetCanvasError as exc:  # bad input: one line, exit 2
        if debug:
            raise
        print(f"{PROG}: error: {_one_line(text(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `netcanvas-cli eval … | head`: the reader has what it wanted
        with contextlib.suppress(OSError):  # and Python's exit must not fail on stdout again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        interrupted = say(QT_TRANSLATE_NOOP("Engine", "interrupted"))
        print(f"{PROG}: {interrupted}", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line; the trace goes to the log file
        logging.getLogger(__name__).exception("%s %s failed", PROG, args.command)
        if debug:
            raise
        internal = say(
            QT_TRANSLATE_NOOP("Engine", "internal error: {kind}: {error}"),
            kind=type(exc).__name__,
            error=_one_line(str(exc)),
        )
        print(f"{PROG}: {internal}", file=sys.stderr)
        return 1
    finally:
        _translator = None


def _one_line(message: str) -> str:
    return " ".join(message.split()) if "\n" in message else message


def _keep_printing(*streams: Any) -> None:
    """A console that cannot show a character (Chinese on a Latin-1 terminal) gets an escape
    for it instead of a UnicodeEncodeError that would lose the message."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "strict") == "strict":
            # A stream that cannot change (ValueError) keeps its errors.
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


if __name__ == "__main__":
    sys.exit(main())
