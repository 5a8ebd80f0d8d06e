"""engine.session: the run preparation and evaluation both front ends call (no Qt here)."""

from __future__ import annotations

import pytest
from test_train_fixtures import table_dataset

from engine import (
    DataRef,
    GraphError,
    ProjectError,
    RunRecord,
    adopt_run,
    can_continue,
    check_model_is_current,
    evaluate_project,
    finish_run,
    graph_signature,
    new_project,
    prepare_run,
    trained_model,
)


def regression_project(loss: str = "l1") -> tuple[object, object]:
    dataset = table_dataset(task="regression")
    project = new_project("mlp", DataRef("table.csv"), dataset.context())
    output = next(n for n in project.graph.nodes.values() if n.type == "Output")
    project.graph.set_param(output.id, "loss", loss)
    project.settings.epochs = 1
    project.settings.device = "cpu"
    return project, dataset


def test_a_prepared_run_is_a_snapshot_that_later_edits_cannot_change() -> None:
    project, dataset = regression_project()
    run = prepare_run(project, dataset)
    assert run.loss == "l1" and run.run_id == "run-1" and run.weights is None
    hidden = next(n for n in project.graph.nodes.values() if n.type == "Linear")
    units = int(hidden.params["units"])
    project.graph.set_param(hidden.id, "units", units + 4)
    project.settings.lr = 0.5
    assert run.graph.nodes[hidden.id].params["units"] == units
    assert run.settings.lr != 0.5
    assert run.signature != graph_signature(project.graph)


def test_a_run_trains_with_the_output_layers_loss_and_finishes_into_the_project() -> None:
    project, dataset = regression_project("l1")
    run = prepare_run(project, dataset)
    trainer = run.trainer()
    record = trainer.fit()
    assert record.loss == "l1" and trainer.objective.name == "l1"
    report, weights = finish_run(run, trainer, record)
    assert report is not None and record.metrics["test_loss"] == pytest.approx(report.loss)
    assert report.loss == pytest.approx(report.to_dict()["mae"], rel=1e-4)  # L1, not MSE
    assert all(t.device.type == "cpu" for t in weights.values())
    adopt_run(project, record, weights)
    assert project.runs == [record] and project.weights is weights
    assert prepare_run(project, dataset).run_id == "run-2"
    # The project's trained model evaluates as it trained: with its Output's loss.
    again = evaluate_project(project, trained_model(project, dataset), dataset)
    assert again.loss == pytest.approx(report.loss, rel=1e-5)
    # Starting from the saved weights: the model built for the run holds them.
    resumed = prepare_run(project, dataset, from_weights=True)
    model = resumed.build_model()
    assert all((model.state_dict()[k] == v).all() for k, v in weights.items())


def test_a_failed_run_never_replaces_a_trained_model() -> None:
    """A run that diverged keeps its 'last good' weights only where the project had none: the
    weights of its last finite second are no better than the model the project had (which
    depended on timing: CI failed on it at random)."""
    project, _ = regression_project()
    good = {"w": object()}
    failed = RunRecord(id="run-2", created="", settings={}, status="failed")
    project.weights = good
    assert not adopt_run(project, failed, {"w": object()})
    assert project.weights is good and project.runs[-1] is failed
    fresh, _ = regression_project()
    diverged = {"w": object()}
    assert adopt_run(fresh, failed, diverged) and fresh.weights is diverged


def test_continuing_needs_the_same_network_and_data() -> None:
    project, dataset = regression_project()
    run = prepare_run(project, dataset)
    trainer = run.trainer()
    trainer.fit()
    assert can_continue(run, trainer, project, dataset)
    assert not can_continue(run, trainer, project, table_dataset(task="regression", seed=1))
    hidden = next(n for n in project.graph.nodes.values() if n.type == "Linear")
    project.graph.set_param(hidden.id, "units", int(hidden.params["units"]) + 1)
    assert not can_continue(run, trainer, project, dataset)
    assert not can_continue(None, None, project, dataset)


def test_a_network_that_does_not_fit_is_refused_in_plain_words() -> None:
    project, dataset = regression_project()
    inputs = next(n for n in project.graph.nodes.values() if n.type == "Input")
    project.graph.set_param(inputs.id, "features", 9)  # the table has 4 columns
    project.graph.set_context(None)
    with pytest.raises(GraphError, match="does not fit the data — layer"):
        prepare_run(project, dataset)


def test_only_a_model_of_the_current_network_may_be_exported() -> None:
    project, dataset = regression_project()
    with pytest.raises(ProjectError, match="no trained weights"):
        trained_model(project, dataset)
    signature = graph_signature(project.graph)
    check_model_is_current(project, signature)  # the same network: fine
    hidden = next(n for n in project.graph.nodes.values() if n.type == "Linear")
    project.graph.set_param(hidden.id, "units", int(hidden.params["units"]) + 1)
    with pytest.raises(GraphError, match="changed since this model was trained"):
        check_model_is_current(project, signature)
    output = next(n for n in project.graph.nodes.values() if n.type == "Output")
    project.graph.set_param(output.id, "units", 5)  # the table's target has 2 values
    with pytest.raises(GraphError, match="has errors"):
        check_model_is_current(project, graph_signature(project.graph))


def test_the_keras_recipe_starts_from_glorot_uniform_weights_and_zero_biases() -> None:
    import math

    import torch

    from engine import apply_recipe, fit_to_data, load_dataset

    project = new_project("seed-cnn", DataRef("digits-8x8", {"seed": 0}), None)
    dataset = load_dataset(project.data)
    fit_to_data(project.graph, dataset.context())
    keras = apply_recipe(project.settings, "keras")
    assert (keras.batch_size, keras.epochs, keras.lr, keras.schedule, keras.init) == (
        32, 5, 1e-3, "constant", "glorot",
    )  # fmt: skip
    assert apply_recipe(keras, "defaults").init == "default"
    model = prepare_run(project, dataset, keras).build_model()
    again = prepare_run(project, dataset, keras).build_model()
    default = prepare_run(project, dataset).build_model()
    for name, module in model.named_modules():
        if isinstance(module, torch.nn.Linear | torch.nn.Conv2d):
            weight = module.weight.detach()
            receptive = weight[0, 0].numel() if weight.dim() > 2 else 1
            fan_in, fan_out = weight.shape[1] * receptive, weight.shape[0] * receptive
            bound = math.sqrt(6 / (fan_in + fan_out))
            assert float(weight.abs().max()) <= bound and float(weight.std()) > bound / 3
            assert not module.bias.detach().any()  # zero biases, as Keras starts
            assert torch.equal(weight, dict(again.named_modules())[name].weight.detach())
            assert not torch.equal(weight, dict(default.named_modules())[name].weight.detach())
