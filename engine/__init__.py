"""NetCanvas engine: the public names the GUI and the CLI use.

Names resolve lazily (PEP 562) so that ``import engine`` stays cheap and the GUI can open its
window before torch loads: a name's module is imported the first time the name is used.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# name -> module that defines it. Each section belongs to one part of the engine.
_EXPORTS: dict[str, str] = {
    # types (no torch)
    "NetCanvasError": "engine.types",
    "GraphError": "engine.types",
    "DataError": "engine.types",
    "ProjectError": "engine.types",
    "TrainingError": "engine.types",
    "DataContext": "engine.types",
    "TrainSettings": "engine.types",
    "Task": "engine.types",
    "DataRef": "engine.types",
    "RunRecord": "engine.types",
    "RUN_MESSAGE_CONTEXT": "engine.types",
    # every sentence the engine says, with its template and values (no torch)
    "ENGINE_CONTEXT": "engine.messages",
    "Message": "engine.messages",
    "render_message": "engine.messages",
    "read_ts": "engine.i18n",
    # training settings' field metadata (no torch)
    "SETTINGS_CONTEXT": "engine.settings_spec",
    "SettingSpec": "engine.settings_spec",
    "setting_specs": "engine.settings_spec",
    # whether another process is still running (recovery slots, stale temporaries; no torch)
    "process_alive": "engine.processes",
    "process_started": "engine.processes",
    # device
    "DeviceInfo": "engine.device",
    "detect_devices": "engine.device",
    "recommended_device": "engine.device",
    "resolve_device": "engine.device",
    "describe_device": "engine.device",
    "find_device": "engine.device",
    "cpu_training_threads": "engine.device",
    # graph
    "Graph": "engine.graph",
    "Node": "engine.graph",
    "Edge": "engine.graph",
    "GraphEvent": "engine.graph",
    "LAYERS": "engine.layers",
    "CATEGORIES": "engine.layers",
    "CATEGORY_COLOURS": "engine.layers",
    "FALLBACK_COLOUR": "engine.layers",
    "layer_spec": "engine.layers",
    "ParamSpec": "engine.layers",
    "LayerSpec": "engine.layers",
    "fmt_shape": "engine.layers",
    "Fix": "engine.analysis",
    "Issue": "engine.analysis",
    "NodeInfo": "engine.analysis",
    "Analysis": "engine.analysis",
    "analyse": "engine.analysis",
    "summary_rows": "engine.analysis",
    "build_model": "engine.build",
    "loss_name": "engine.build",
    # use cases shared by the window and the CLI
    "PreparedRun": "engine.session",
    "prepare_run": "engine.session",
    "can_continue": "engine.session",
    "finish_run": "engine.session",
    "adopt_run": "engine.session",
    "trained_model": "engine.session",
    "check_model_is_current": "engine.session",
    "evaluate_project": "engine.session",
    "evaluate_model": "engine.session",
    "project_loss": "engine.session",
    "graph_signature": "engine.session",
    "Template": "engine.templates",
    "TEMPLATES": "engine.templates",
    "make_template": "engine.templates",
    "fit_to_data": "engine.templates",
    "Project": "engine.project",
    "save_project": "engine.project",
    "load_project": "engine.project",
    "default_project": "engine.project",
    "new_project": "engine.project",
    "generate_script": "engine.codegen",
    "write_data_npz": "engine.codegen",
    # data
    "AUGMENTATIONS": "engine.data.catalog",
    "AUGMENTATIONS_ZH": "engine.data.catalog",
    "BUILTINS": "engine.data.catalog",
    "BuiltinInfo": "engine.data.catalog",
    "Dataset": "engine.data.dataset",
    "Split": "engine.data.dataset",
    "augment_batch": "engine.data.augment",
    "batch_indices": "engine.data.split",
    "download": "engine.data.fetch",
    "download_dataset": "engine.data.fetch",
    "load_dataset": "engine.data.load",
    "preview_augmented": "engine.data.augment",
    # exports
    "export_weights": "engine.weights_export",
    "load_weights": "engine.weights_export",
    "history_csv": "engine.history_export",
    "export_history_csv": "engine.history_export",
    "export_tensorboard": "engine.history_export",
    "TENSORBOARD_HINT": "engine.history_export",
    "render_report": "engine.report",
    "export_report": "engine.report",
    "write_text_file": "engine.export_files",
    # train
    "Callback": "engine.train.callbacks",
    "CallbackList": "engine.train.callbacks",
    "Trainer": "engine.train.trainer",
    "Checkpoint": "engine.train.checkpoint",
    "save_checkpoint": "engine.train.checkpoint",
    "load_checkpoint": "engine.train.checkpoint",
    "is_main_process": "engine.train.distributed",
    "EvalReport": "engine.metrics",
    "evaluate": "engine.metrics",
    "predict_proba": "engine.metrics",
    "predict_outputs": "engine.metrics",
    "sample_text": "engine.metrics",
    "feature_maps": "engine.metrics",
    # importing models people already have
    "import_model": "engine.importers",
    "import_code": "engine.importers",
    "ImportResult": "engine.importers",
    "ModelImportError": "engine.importers",
    "ExportResult": "engine.export",
    "export_onnx": "engine.export",
    "read_metadata": "engine.export",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'engine' has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return __all__
