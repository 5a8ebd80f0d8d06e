"""The ``*.netcanvas`` project file: a zip with ``project.json`` and ``weights.safetensors``.

Opening a project never executes code or unpickles anything: JSON is parsed and checked field by
field, weights are safetensors. Hostile files (zip bombs, path traversal, huge JSON, wrong types,
future versions) are refused with a ProjectError. Saving is atomic: a temporary file in the same
folder is written, flushed and fsynced, then renamed over the old file.
"""

from __future__ import annotations

import contextlib
import json
import os
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine import processes, schema
from engine.graph import Graph
from engine.messages import QT_TRANSLATE_NOOP
from engine.templates import TEMPLATES, make_template, template_settings
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
DATA = "data.npz"  # the embedded dataset (engine.data.embedded), when there is one
MAX_JSON_BYTES = 32 * 1024 * 1024
MAX_WEIGHTS_BYTES = 4 * 1024 * 1024 * 1024
# An embedded dataset: enough for the built-ins and a class's own data (MNIST 5k is ~1 MB),
# small enough that mailing the project to 40 students stays reasonable.
MAX_EMBEDDED_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 64
MAX_RATIO = 200  # deflate rarely beats ~10:1 on JSON and ~1.1:1 on float weights

# Training defaults that suit each template better than the global ones.


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
    settings = template_settings(template_id)
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
    _remove_stale_temporaries(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.writestr(PROJECT_JSON, text)
                if weights is not None:
                    # Floats barely compress; storing them keeps saving fast.
                    zf.writestr(WEIGHTS, weights, compress_type=zipfile.ZIP_STORED)
                if project.data.embedded is not None:  # an .npz is compressed already
                    zf.writestr(DATA, project.data.embedded, compress_type=zipfile.ZIP_STORED)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        # On a read-only file system even removing a file that is not there fails (EROFS).
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "Could not save '{target}': {reason}"),
            target=target,
            reason=exc.strerror or exc,
        ) from None
    _fsync_dir(target.parent)


def _remove_stale_temporaries(target: Path) -> None:
    """Remove what saves of ``target`` killed midway left behind (``.NAME.PID.tmp``, up to the
    size of the project): those of processes that are gone. A save under way elsewhere (the
    window and the CLI on one file) keeps its own."""
    prefix, suffix = f".{target.name}.", ".tmp"
    try:
        found = [p for p in target.parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return
    for path in found:
        pid = path.name[len(prefix) : -len(suffix)] if path.name.endswith(suffix) else ""
        if pid.isdigit() and (int(pid) == os.getpid() or not processes.process_alive(int(pid))):
            with contextlib.suppress(OSError):
                path.unlink()


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
            embedded = _read(zf, infos[DATA], MAX_EMBEDDED_BYTES, where) if DATA in infos else None
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
    project.data.embedded = embedded  # checked when it is loaded, as any data file is
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
    try:
        template = doc.get("template")
        return Project(
            name=schema.text("name", doc.get("name", "Untitled"), schema.MAX_NAME),
            graph=Graph.from_dict(doc.get("graph")),
            data=schema.data_ref(doc.get("data", {})),
            settings=schema.train_settings(doc.get("settings", {})),
            runs=schema.runs(doc.get("runs", [])),
            weights=None,
            template=None if template is None else schema.text("template", template, schema.MAX_ID),
        )
    except (GraphError, ProjectError) as exc:
        raise ProjectError(
            QT_TRANSLATE_NOOP("Engine", "{where}: {error}"), where=where, error=exc
        ) from None


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
    try:
        beside = (project_path.resolve().parent / relative).resolve()
        return str(beside) if beside.exists() else source
    except (OSError, ValueError):  # a damaged entry (a NUL, a name too long): the stored path
        return source
