"""Fuzz the project loader: damaged bytes and arbitrary JSON give a Project or a ProjectError,
never another exception."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.project import default_project, load_project, project_to_json, save_project
from engine.types import ProjectError

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
_KEYS = ["schema_version", "name", "template", "graph", "data", "settings", "runs"]


@pytest.fixture(scope="module")
def good_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("fuzz") / "good.netcanvas"
    save_project(default_project(), path)
    return path.read_bytes()


def _load(path: Path) -> None:
    try:
        load_project(path)
    except ProjectError as exc:
        assert str(exc)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_mutated_bytes(tmp_path: Path, good_bytes: bytes, data: st.DataObject) -> None:
    raw = bytearray(good_bytes)
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    path = tmp_path / "fuzz.netcanvas"
    path.write_bytes(bytes(raw))
    _load(path)


@pytest.mark.slow
@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(key=st.sampled_from(_KEYS), value=_json, nested=st.booleans(), inner=_json)
def test_arbitrary_json_fields(
    tmp_path: Path, key: str, value: object, nested: bool, inner: object
) -> None:
    doc = project_to_json(default_project())
    if nested and key == "graph":
        doc["graph"]["nodes"][1]["params"] = {"filters": inner, "padding": value}
    elif nested and key == "settings":
        doc["settings"] = {"lr": inner, "seed": value}
    else:
        doc[key] = value
    path = tmp_path / "fuzz.netcanvas"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.json", json.dumps(doc))
    _load(path)
