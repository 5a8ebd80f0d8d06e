"""The ``*.netcanvas`` project file: a zip with ``project.json`` and ``weights.safetensors``.

Opening a project never executes code or unpickles anything: JSON is parsed and checked field by
field, weights are safetensors. Hostile files (zip bombs, path traversal, huge JSON, wrong types,
future versions) are refused with a ProjectError. Saving is atomic: a temporary file in the same
folder is written, flushed and fsynced, then renamed over the old file.
"""

from __future__ import annotations

import json
import math
import os
import typing
import zipfile
import zlib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.graph import Graph
from engine.messages import QT_TRANSLATE_NOOP
from engine.templates import TEMPLATES, make_template
from engine.types import (
    DataContext,
    DataRef,
    GraphError,
    ProjectError,
    RunRecord,
    TrainSettings,
)

if TYPE_CHECKING:
    import torch

PROJECT_SCHEMA_VERSION = 2
PROJECT_JSON = "project.json"
WEIGHTS = "weights.safetensors"
MAX_JSON_BYTES = 32 * 1024 * 1024
MAX_WEIGHTS_BYTES = 4 * 1024 * 1024 * 1024
MAX_ENTRIES = 64
MAX_RATIO = 200  # deflate rarely beats ~10:1 on JSON and ~1.1:1 on float weights
MAX_RUNS = 1000

# Training defaults that suit each template better than the global ones.
_TEMPLATE_SETTINGS: dict[str, dict[str, Any]] = {
    "toy2d": {"lr": 0.01, "epochs": 50, "batch_size": 32},
    "mlp": {"lr": 0.01, "epochs": 50, "batch_size": 16},
    "char-lstm": {"lr": 0.003, "epochs": 10},
}


@dataclass
class Project:
    name: str
    graph: Graph
    data: DataRef
    settings: TrainSettings
    runs: list[RunRecord] = field(default_factory=list)
    weights: dict[str, torch.Tensor] | None = None
    template: str | None = None


def default_project() -> Project:
    """What the app opens on: the seed CNN on the bundled MNIST sample, default settings."""
    return new_project("seed-cnn", DataRef("mnist-5k"))


def new_project(template_id: str, data: DataRef, context: DataContext | None = None) -> Project:
    graph = make_template(template_id, context)
    settings = TrainSettings.from_dict(_TEMPLATE_SETTINGS.get(template_id, {}))
    return Project(TEMPLATES[template_id].title_en, graph, data, settings, [], None, template_id)


# ---------------------------------------------------------------- saving


def project_to_json(project: Project) -> dict[str, Any]:
    from engine import __version__

    return {
        "schema_version": PROJECT_SCHEMA_VERSION,
        "app": "NetCanvas",
        "app_version": __version__,
        "name": project.name,
        "template": project.template,
        "graph": project.graph.to_dict(),
        "data": project.data.to_dict(),
        "settings": project.settings.to_dict(),
        "runs": [run.to_dict() for run in project.runs],
    }


def save_project(project: Project, path: str | os.PathLike[str]) -> None:
    """Write the project atomically: the old file stays intact until the new one is complete."""
    target = Path(path)
    text = json.dumps(
        with_relative_data(project_to_json(project), target), indent=1, ensure_ascii=False
    )
    weights = _weights_bytes(project.weights) if project.weights else None
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.writestr(PROJECT_JSON, text)
                if weights is not None:
                    # Floats barely compress; storing them keeps saving fast.
                    zf.writestr(WEIGHTS, weights, compress_type=zipfile.ZIP_STORED)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "Could not save '{target}': {reason}"),
            target=target,
            reason=exc.strerror or exc,
        ) from None
    _fsync_dir(target.parent)


def _weights_bytes(weights: dict[str, torch.Tensor]) -> bytes:
    from safetensors.torch import save

    return save({k: v.detach().cpu().contiguous() for k, v in weights.items()})


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible (nor needed) on Windows."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------- loading


def load_project(path: str | os.PathLike[str]) -> Project:
    """Read and check a project file; ProjectError with a plain message if anything is wrong."""
    source = Path(path)
    where = f"'{source.name}'"
    if not source.is_file():
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "Cannot open {where}: there is no such file"), where=where
        )
    try:
        with zipfile.ZipFile(source) as zf:
            infos = _checked_entries(zf, where)
            if PROJECT_JSON not in infos:
                raise ProjectError(
                    QT_TRANSLATE_NOOP(
                        "Engine", "{where} is not a NetCanvas project (no {project_json})"
                    ),
                    where=where,
                    project_json=PROJECT_JSON,
                )
            raw = _read(zf, infos[PROJECT_JSON], MAX_JSON_BYTES, where)
            weights_raw = (
                _read(zf, infos[WEIGHTS], MAX_WEIGHTS_BYTES, where) if WEIGHTS in infos else None
            )
    except ProjectError:
        raise
    except zipfile.BadZipFile as exc:
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "{where} is damaged or not a NetCanvas project ({error})"),
            where=where,
            error=exc,
        ) from None
    except (OSError, EOFError, ValueError, RuntimeError, NotImplementedError, zlib.error) as exc:
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "{where} could not be read ({error})"),
            where=where,
            error=exc,
        ) from None
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "{where} has a damaged {project_json} ({error})"),
            where=where,
            project_json=PROJECT_JSON,
            error=exc,
        ) from None
    project = project_from_json(doc, where)
    project.data.source = resolved_data_source(doc, project.data.source, source)
    if weights_raw is not None:
        project.weights = _load_weights(weights_raw, where)
    return project


def _checked_entries(zf: zipfile.ZipFile, where: str) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "{where} holds {count} files; a project holds a few"),
            where=where,
            count=len(infos),
        )
    entries: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        parts = name.replace("\\", "/").split("/")
        if name.startswith(("/", "\\")) or ".." in parts or ":" in name or "\\" in name:
            raise ProjectError(
                QT_TRANSLATE_NOOP(
                    "Engine", "{where} contains a suspicious file name ({name}); not opened"
                ),
                where=where,
                name=repr(name),
            )
        if name in entries:
            raise ProjectError(
                QT_TRANSLATE_NOOP("Engine", "{where} contains {name} twice; not opened"),
                where=where,
                name=repr(name),
            )
        entries[name] = info
    return entries


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, where: str) -> bytes:
    """Read one entry, refusing oversized or implausibly compressed ones before and during
    decompression (the declared size may lie)."""
    name = info.filename
    if info.file_size > limit:
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "Engine", "{where}: {name} is too large ({file_size} bytes); not opened"
            ),
            where=where,
            name=name,
            file_size=info.file_size,
        )
    if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "Engine", "{where}: {name} is compressed suspiciously well (a zip bomb?)"
            ),
            where=where,
            name=name,
        )
    with zf.open(info) as f:
        data = f.read(min(limit, info.file_size) + 1)
    if len(data) != info.file_size:
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "Engine", "{where}: {name} is not the size its header declares; not opened"
            ),
            where=where,
            name=name,
        )
    return data


def _load_weights(raw: bytes, where: str) -> dict[str, torch.Tensor]:
    from safetensors.torch import load

    try:
        weights = load(raw)
    except Exception as exc:  # safetensors raises its own error types
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "{where} has damaged weights ({error})"),
            where=where,
            error=exc,
        ) from None
    return dict(weights)


def _migrate(doc: dict[str, Any], where: str) -> dict[str, Any]:
    version = doc.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "Engine", "{where} is not a NetCanvas project (no valid schema_version)"
            ),
            where=where,
        )
    if version > PROJECT_SCHEMA_VERSION:
        raise ProjectError(
            QT_TRANSLATE_NOOP(
                "Engine",
                "This project was saved by a newer NetCanvas (schema {version}); this version reads up to {supported} — update NetCanvas",
            ),
            version=version,
            supported=PROJECT_SCHEMA_VERSION,
        )
    if version == 1:
        # Schema 1 named the dataset by a bare "dataset" string and kept no run history.
        doc = dict(doc)
        doc["data"] = {"source": doc.pop("dataset", "mnist-5k"), "options": {}}
        doc.setdefault("runs", [])
    return doc


def project_from_json(doc: Any, where: str = "The project") -> Project:
    if not isinstance(doc, dict):
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "{where}: {project_json} must hold a JSON object"),
            where=where,
            project_json=PROJECT_JSON,
        )
    doc = _migrate(doc, where)
    name = doc.get("name", "Untitled")
    template = doc.get("template")
    if not isinstance(name, str) or len(name) > 200:
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "{where}: the project name must be text"), where=where
        )
    if template is not None and not isinstance(template, str):
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "{where}: the template must be text"), where=where
        )
    try:
        graph = Graph.from_dict(doc.get("graph"))
    except GraphError as exc:
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "{where}: {error}"), where=where, error=exc
        ) from None
    return Project(
        name=name,
        graph=graph,
        data=_data_ref(doc.get("data", {}), where),
        settings=_settings(doc.get("settings", {}), where),
        runs=_runs(doc.get("runs", []), where),
        weights=None,
        template=template,
    )


def _data_ref(raw: Any, where: str) -> DataRef:
    if (
        not isinstance(raw, dict)
        or not isinstance(raw.get("source", ""), str)
        or not isinstance(raw.get("options", {}), dict)
    ):
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "{where}: the dataset reference is damaged"), where=where
        )
    return DataRef.from_dict(raw)


def _settings(raw: Any, where: str) -> TrainSettings:
    """TrainSettings from JSON, each known field type-checked against its declaration."""
    if not isinstance(raw, dict):
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "{where}: the training settings must be a JSON object"),
            where=where,
        )
    hints = typing.get_type_hints(TrainSettings)
    clean: dict[str, Any] = {}
    for f in fields(TrainSettings):
        if f.name not in raw:
            continue
        value, hint = raw[f.name], hints[f.name]
        if not _matches(value, hint):
            raise ProjectError(
                QT_TRANSLATE_NOOP(
                    "Engine", "{where}: training setting '{setting}' has a wrong value {value}"
                ),
                where=where,
                setting=f.name,
                value=repr(value),
            )
        clean[f.name] = float(value) if hint is float else value
    return TrainSettings.from_dict(clean)


def _matches(value: Any, hint: Any) -> bool:
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return value in typing.get_args(hint)
    if origin is list:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return (
            isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
        )
    if hint is str:
        return isinstance(value, str)
    return False


def _runs(raw: Any, where: str) -> list[RunRecord]:
    if not isinstance(raw, list) or len(raw) > MAX_RUNS:
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "{where}: the run history is damaged"), where=where
        )
    runs: list[RunRecord] = []
    for item in raw:
        ok = (
            isinstance(item, dict)
            and isinstance(item.get("id"), str)
            and isinstance(item.get("created", ""), str)
            and isinstance(item.get("settings", {}), dict)
            and isinstance(item.get("status", ""), str)
            and isinstance(item.get("message", ""), str)
            and _curves(item.get("history", {}))
            and _curves(item.get("steps", {}))
            and isinstance(item.get("metrics", {}), dict)
            and all(_number(v) for v in item.get("metrics", {}).values())
        )
        if not ok:
            raise ProjectError(
                QT_TRANSLATE_NOOP("Engine", "{where}: a training run in the history is damaged"),
                where=where,
            )
        runs.append(RunRecord.from_dict({"created": "", "settings": {}, **item}))
    return runs


def _number(v: Any) -> bool:
    # NaN is allowed: a diverged run records a NaN loss.
    return v is None or (isinstance(v, int | float) and not isinstance(v, bool))


def _curves(raw: Any) -> bool:
    return isinstance(raw, dict) and all(
        isinstance(k, str) and isinstance(v, list) and all(_number(x) for x in v)
        for k, v in raw.items()
    )


# -- portable data paths ------------------------------------------------------------------------
# A teacher hands out a folder holding a project and its CSV: the file keeps the data's path
# relative to itself ("data.relative") beside the absolute one, and a moved folder finds it.


def with_relative_data(doc: dict[str, Any], project_path: Path) -> dict[str, Any]:
    """``doc`` with ``data.relative``: the data file or folder's path from the project's folder
    (forward slashes), when the data is one on disk and such a path exists (same drive)."""
    from engine.data.catalog import BUILTINS

    data = doc.get("data") or {}
    source = str(data.get("source") or "")
    if not source or source in BUILTINS:
        return doc
    try:
        relative = os.path.relpath(
            Path(source).expanduser().resolve(), project_path.expanduser().resolve().parent
        )
    except (ValueError, OSError):  # another drive (Windows): only the absolute path works
        return doc
    return {**doc, "data": {**data, "relative": Path(relative).as_posix()}}


def resolved_data_source(doc: Any, source: str, project_path: Path) -> str:
    """The data's path for a project read from ``project_path``: the one relative to the
    project when it exists there, else the stored (absolute) one as it was."""
    data = doc.get("data") if isinstance(doc, dict) else None
    relative = data.get("relative") if isinstance(data, dict) else None
    if not isinstance(relative, str) or not relative:
        return source
    beside = (project_path.resolve().parent / relative).resolve()
    return str(beside) if beside.exists() else source
