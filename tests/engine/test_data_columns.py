"""A table's columns before training: kinds, the target and why, dropped columns, leakage."""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from synthetic_tables import planted_leak, titanic_like

from engine.data import load_dataset
from engine.data.columns import describe_columns, find_leaks
from engine.types import DataError, DataRef


def _csv(tmp_path: Path, frame: pd.DataFrame, name: str = "table.csv") -> str:
    path = tmp_path / name
    frame.to_csv(path, index=False)
    return str(path)


def test_a_planted_leak_is_named_with_its_evidence(tmp_path: Path) -> None:
    dataset = load_dataset(DataRef(_csv(tmp_path, planted_leak()), {}))
    assert dataset.target == "outcome"
    assert [leak.column for leak in dataset.leaks] == ["code"]
    evidence = str(dataset.leaks[0].evidence)
    assert evidence.startswith("'code' alone gives 'outcome' in 400 of 400 rows (")
    pairs = re.findall(r"([ABC])[12] → (\d)", evidence)
    assert len(pairs) == 4 and all("ABC".index(code) == int(cls) for code, cls in pairs)


def test_titanic_survived_warns_about_alive_not_about_class(tmp_path: Path) -> None:
    source = _csv(tmp_path, titanic_like(), "titanic.csv")
    dataset = load_dataset(DataRef(source, {}))
    assert dataset.target == "survived"  # not 'class', which pclass duplicates
    assert any("'survived', because its name marks it as the label" in n for n in dataset.notes)
    assert [(leak.column, str(leak.evidence)) for leak in dataset.leaks] == [
        (
            "alive",
            "'alive' equals 'survived' under another name (no → 0, yes → 1) in 891 of 891 rows.",
        )
    ]
    by_class = load_dataset(DataRef(source, {"target": "class"}))
    assert [leak.column for leak in by_class.leaks] == ["pclass"]
    assert "in 891 of 891 rows" in str(by_class.leaks[0].evidence)


def test_dropped_columns_leave_the_features_and_the_leaks(tmp_path: Path) -> None:
    source = _csv(tmp_path, titanic_like(), "titanic.csv")
    dataset = load_dataset(DataRef(source, {"target": "survived", "drop": ["alive", "class"]}))
    assert dataset.leaks == [] and dataset.dropped == ["alive", "class"]
    assert not any(name.startswith(("alive", "class")) for name in dataset.feature_names)
    assert "pclass" in dataset.feature_names and "sex=female" in dataset.feature_names
    cli_style = load_dataset(DataRef(source, {"drop": "alive, class"}))  # one string, as typed
    assert cli_style.dropped == ["alive", "class"]


def test_columns_show_kind_and_missing_count(tmp_path: Path) -> None:
    frame = titanic_like()
    frame.insert(0, "passenger_id", np.arange(1, len(frame) + 1))
    frame["name"] = [f"Passenger {i % 300}" for i in range(len(frame))]
    dataset = load_dataset(DataRef(_csv(tmp_path, frame), {}))
    kinds = {c.name: (c.kind, c.missing) for c in dataset.columns}
    assert kinds["passenger_id"] == ("id", 0)
    assert kinds["age"] == ("numeric", int(frame["age"].isna().sum())) and kinds["age"][1] > 0
    assert kinds["sex"] == ("categorical", 0) and kinds["class"][0] == "categorical"
    assert kinds["name"] == ("text", 0)
    assert "passenger_id" in [leak.column for leak in dataset.leaks]  # an id is named too
    id_leak = next(leak for leak in dataset.leaks if leak.column == "passenger_id")
    assert "891 different values in 891 rows" in str(id_leak.evidence)


def test_no_label_like_name_picks_the_last_column_and_says_so(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"a": rng.normal(size=50), "b": rng.normal(size=50), "kind": [0, 1] * 25})
    dataset = load_dataset(DataRef(_csv(tmp_path, frame), {}))
    assert dataset.target == "kind"
    assert any(
        "'kind', the last column, since no column is named like a label" in n for n in dataset.notes
    )


def test_a_number_explained_by_one_feature_is_a_leak(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=2000)
    frame = pd.DataFrame(
        {"x": x, "price_in_cents": np.round(100 * (3 * x + 5), 0), "other": rng.normal(size=2000)}
    )
    frame["price"] = 3 * x + 5 + rng.normal(scale=0.01, size=2000)
    dataset = load_dataset(DataRef(_csv(tmp_path, frame), {"target": "price"}))
    assert dataset.task == "regression"
    assert {leak.column for leak in dataset.leaks} == {"x", "price_in_cents"}
    assert "with R² = 0.99" in str(dataset.leaks[0].evidence) and "over 2000 rows" in str(
        dataset.leaks[0].evidence
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"target": "fate"}, "has no column 'fate'. Columns: 'survived', 'pclass'"),
        ({"drop": ["cabin"]}, "has no column 'cabin' to drop"),
        ({"drop": ["survived"]}, "'survived' is the target column: it cannot be dropped"),
        (
            {"drop": ["pclass", "sex", "age", "fare", "class", "alive", "alone"]},
            "leaves 'titanic.csv' with no feature columns: keep at least one column besides the target 'survived'",
        ),
    ],
)
def test_bad_column_choices_say_what_is_wrong(
    tmp_path: Path, options: dict[str, object], message: str
) -> None:
    source = _csv(tmp_path, titanic_like(), "titanic.csv")
    with pytest.raises(DataError) as error:
        load_dataset(DataRef(source, options))
    assert message in str(error.value)


def test_the_leak_check_is_quick_on_100_000_rows() -> None:
    rng = np.random.default_rng(0)
    n = 100_000
    frame = pd.DataFrame({f"f{i}": rng.normal(size=n) for i in range(10)})
    frame["city"] = rng.choice(list("abcdefgh"), n)
    frame["y"] = (frame["f3"] > 0.2).astype(int)
    start = time.perf_counter()
    columns = describe_columns(frame)
    leaks = find_leaks(frame, "y", [c for c in columns if c.name != "y"], classification=True)
    elapsed = time.perf_counter() - start
    assert [leak.column for leak in leaks] == ["f3"]
    assert elapsed < 1.0, f"{elapsed:.2f} s"  # ~0.1 s here; reading the CSV takes longer
