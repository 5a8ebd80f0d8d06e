"""Mutants of a valid project file, for the mutation fuzz of the CLI and the window.

``valid_document()`` is a small project as ``project.json`` holds it: a toy network with its
connections, data options, settings, and a run whose curves have a null point (a diverged step).
``mutants()`` changes one field of it at a time — every field, at every depth: a wrong type, a
null, a huge or negative number, a list or an object where an id goes, the key removed, an extra
key — and returns the variants in a fixed order, so that a failure can be replayed by its label.
"""

from __future__ import annotations

import copy
import json
import random
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# What a careless user or an attacker puts into a field.
HOSTILE: list[Any] = [
    None,
    True,
    0,
    -1,
    10**18,
    -(10**18),
    2**70,
    1e308,
    float("inf"),
    float("nan"),
    0.5,
    "",
    "x" * 5000,
    "run-1",
    [],
    ["n1", "n2"],
    {},
    {"id": "n1"},
]
REMOVE = object()
EXTRA = object()

Path_ = tuple[str | int, ...]


def valid_document() -> dict[str, Any]:
    """project.json of a small trained-looking project (toy 2-D network on moons)."""
    from engine import DataRef, RunRecord, new_project
    from engine.project import project_to_json

    project = new_project("toy2d", DataRef("moons", {"n_samples": 200, "seed": 0}), None)
    project.data.options.update({"val_split": 0.2, "test_split": 0.2, "noise": 0.1})
    project.settings.epochs = 2
    project.settings.device = "cpu"
    run = RunRecord(
        id="run-1",
        created="2024-01-01T00:00:00",
        settings=project.settings.to_dict(),
        history={"loss": [0.7, None], "val_loss": [0.6, 0.5], "val_accuracy": [0.5, 0.75]},
        steps={"epoch": [0.5, 1.0], "loss": [0.8, None]},
        metrics={"test_loss": 0.5, "test_accuracy": 0.75},
        status="stopped",
        loss="cross_entropy",
    )
    run.set_message("Stopped after {epochs} epoch(s)", epochs=2)
    project.runs.append(run)
    doc = project_to_json(project)
    # Through JSON once: the document holds what a file holds (lists, not tuples).
    loaded: dict[str, Any] = json.loads(json.dumps(doc))
    return loaded


def _fields(node: Any, where: Path_ = ()) -> Iterator[Path_]:
    """The path of every value in a JSON document, containers included (root excluded)."""
    if isinstance(node, dict):
        items: Any = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return
    for key, value in items:
        yield (*where, key)
        yield from _fields(value, (*where, key))


def _mutated(doc: dict[str, Any], path: Path_, change: Any) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    parent: Any = out
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if change is REMOVE:
        del parent[last]
    elif change is EXTRA:
        target = parent[last]
        if isinstance(target, dict):
            target["zz_extra"] = {"unexpected": [1, 2]}
        else:
            target.append({"unexpected": [1, 2]})
    else:
        parent[last] = copy.deepcopy(change)
    return out


def mutants(limit: int, seed: int = 16) -> list[tuple[str, dict[str, Any]]]:
    """``limit`` variants (label, document) of ``valid_document()``, each one field changed.

    Every field gets at least one variant before any gets a second, so a small sample still
    touches the whole document; the order is fixed by ``seed``.
    """
    doc = valid_document()
    rng = random.Random(seed)
    per_field: list[list[tuple[str, Path_, Any]]] = []
    for path in _fields(doc):
        parent: Any = doc
        for key in path[:-1]:
            parent = parent[key]
        value = parent[path[-1]]
        changes: list[Any] = list(HOSTILE)
        if isinstance(parent, dict):
            changes.append(REMOVE)
        if isinstance(value, dict | list):
            changes.append(EXTRA)
        rng.shuffle(changes)
        label = "/".join(map(str, path))
        per_field.append([(f"{label} = {_name(c)}", path, c) for c in changes])
    chosen: list[tuple[str, dict[str, Any]]] = []
    depth = 0
    while len(chosen) < limit and any(depth < len(options) for options in per_field):
        for options in per_field:
            if depth < len(options) and len(chosen) < limit:
                label, path, change = options[depth]
                chosen.append((label, _mutated(doc, path, change)))
        depth += 1
    return chosen


def _name(change: Any) -> str:
    if change is REMOVE:
        return "<removed>"
    if change is EXTRA:
        return "<extra key>"
    text = repr(change)
    return text if len(text) < 40 else text[:37] + "..."


def write_project(document: dict[str, Any], path: Path) -> Path:
    """A .netcanvas file holding ``document`` as its project.json (no weights)."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.json", json.dumps(document))
    return path
