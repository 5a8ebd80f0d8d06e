"""NetCanvas engine: the public names the GUI and the CLI use.

Names resolve lazily (PEP 562) so that ``import engine`` stays cheap and the GUI can open its
window before torch loads: a name's module is imported the first time the name is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    # What the names are, for type checkers (mypy, IDEs): at run time they stay lazy. Kept
    # equal to _EXPORTS by tests/test_architecture.py. One import per module (isort would split
    # every 'X as X' onto its own line).
    from engine.analysis import (  # noqa: I001
        analyse as analyse,
        Analysis as Analysis,
        Fix as Fix,
        Issue as Issue,
        NodeInfo as NodeInfo,
        summary_rows as summary_rows,
    )
    from engine.build import (
        build_model as build_model,
        loss_name as loss_name,
    )
    from engine.codegen import (
        export_script as export_script,
        generate_script as generate_script,
        write_data_npz as write_data_npz,
    )
    from engine.data.augment import (
        augment_batch as augment_batch,
        preview_augmented as preview_augmented,
    )
    from engine.data.catalog import (
        AUGMENTATIONS as AUGMENTATIONS,
        AUGMENTATIONS_ZH as AUGMENTATIONS_ZH,
        BuiltinInfo as BuiltinInfo,
        BUILTINS as BUILTINS,
    )
    from engine.data.dataset import (
        Dataset as Dataset,
        Split as Split,
    )
    from engine.data.embedded import (
        pack_dataset as pack_dataset,
    )
    from engine.data.fetch import (
        download as download,
        download_dataset as download_dataset,
    )
    from engine.data.load import (
        load_dataset as load_dataset,
    )
    from engine.data.split import (
        batch_indices as batch_indices,
    )
    from engine.device import (
        cpu_training_threads as cpu_training_threads,
        describe_device as describe_device,
        detect_devices as detect_devices,
        DeviceInfo as DeviceInfo,
        find_device as find_device,
        recommended_device as recommended_device,
        resolve_device as resolve_device,
    )
    from engine.export import (
        export_onnx as export_onnx,
        ExportResult as ExportResult,
        read_metadata as read_metadata,
    )
    from engine.explanations import (
        attention_layers as attention_layers,
        attention_maps as attention_maps,
        AttentionMaps as AttentionMaps,
        ATTENTION_TYPES as ATTENTION_TYPES,
        CAM_METHODS as CAM_METHODS,
        conv_layers as conv_layers,
        explain as explain,
        Explanation as Explanation,
    )
    from engine.code_view import (
        keras_code as keras_code,
        pytorch_code as pytorch_code,
    )
    from engine.export_files import (
        write_text_file as write_text_file,
    )
    from engine.graph import (
        Edge as Edge,
        Graph as Graph,
        GraphEvent as GraphEvent,
        Node as Node,
    )
    from engine.history_export import (
        export_history_csv as export_history_csv,
        export_tensorboard as export_tensorboard,
        history_csv as history_csv,
    )
    from engine.i18n import (
        read_ts as read_ts,
    )
    from engine.importers import (
        import_code as import_code,
        import_model as import_model,
        ImportResult as ImportResult,
        ModelImportError as ModelImportError,
    )
    from engine.layers import (
        CATEGORIES as CATEGORIES,
        CATEGORY_COLOURS as CATEGORY_COLOURS,
        FALLBACK_COLOUR as FALLBACK_COLOUR,
        fmt_shape as fmt_shape,
        layer_spec as layer_spec,
        LAYERS as LAYERS,
        LayerSpec as LayerSpec,
        ParamSpec as ParamSpec,
    )
    from engine.logs import (
        default_log_folder as default_log_folder,
        log_file as log_file,
        log_tail as log_tail,
        start_logging as start_logging,
    )
    from engine.messages import (
        ENGINE_CONTEXT as ENGINE_CONTEXT,
        Message as Message,
        render_message as render_message,
    )
    from engine.metrics import (
        EvalReport as EvalReport,
        evaluate as evaluate,
        feature_maps as feature_maps,
        predict_outputs as predict_outputs,
        predict_proba as predict_proba,
        sample_text as sample_text,
    )
    from engine.processes import (
        process_alive as process_alive,
        process_started as process_started,
    )
    from engine.project import (
        default_project as default_project,
        load_project as load_project,
        new_project as new_project,
        Project as Project,
        save_project as save_project,
    )
    from engine.report import (
        export_report as export_report,
        render_report as render_report,
    )
    from engine.session import (
        adopt_run as adopt_run,
        can_continue as can_continue,
        check_model_is_current as check_model_is_current,
        evaluate_model as evaluate_model,
        evaluate_project as evaluate_project,
        finish_run as finish_run,
        follow_input_record as follow_input_record,
        graph_signature as graph_signature,
        prepare_run as prepare_run,
        PreparedRun as PreparedRun,
        project_loss as project_loss,
        trained_model as trained_model,
    )
    from engine.settings_spec import (
        setting_specs as setting_specs,
        SETTINGS_CONTEXT as SETTINGS_CONTEXT,
        SettingSpec as SettingSpec,
    )
    from engine.templates import (
        fit_to_data as fit_to_data,
        make_template as make_template,
        Template as Template,
        TEMPLATES as TEMPLATES,
    )
    from engine.torch_dataset import (
        as_torch_dataset as as_torch_dataset,
        SplitDataset as SplitDataset,
    )
    from engine.train.callbacks import (
        Callback as Callback,
        CallbackList as CallbackList,
    )
    from engine.train.transfer import (
        Reuse as Reuse,
        reuse_layers as reuse_layers,
    )
    from engine.train.checkpoint import (
        Checkpoint as Checkpoint,
        load_checkpoint as load_checkpoint,
        save_checkpoint as save_checkpoint,
    )
    from engine.train.distributed import (
        is_main_process as is_main_process,
    )
    from engine.train.trainer import (
        Trainer as Trainer,
    )
    from engine.types import (
        DataContext as DataContext,
        DataError as DataError,
        DataRef as DataRef,
        GraphError as GraphError,
        NetCanvasError as NetCanvasError,
        ProjectError as ProjectError,
        apply_recipe as apply_recipe,
        RECIPES as RECIPES,
        RUN_MESSAGE_CONTEXT as RUN_MESSAGE_CONTEXT,
        RunRecord as RunRecord,
        Task as Task,
        TrainingError as TrainingError,
        TrainSettings as TrainSettings,
    )
    from engine.weights_export import (
        export_weights as export_weights,
        load_weights as load_weights,
    )

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
    # the log file, crash hooks and faulthandler (no torch)
    "default_log_folder": "engine.logs",
    "start_logging": "engine.logs",
    "log_file": "engine.logs",
    "log_tail": "engine.logs",
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
    "follow_input_record": "engine.session",
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
    "export_script": "engine.codegen",
    "write_data_npz": "engine.codegen",
    # data
    "AUGMENTATIONS": "engine.data.catalog",
    "AUGMENTATIONS_ZH": "engine.data.catalog",
    "BUILTINS": "engine.data.catalog",
    "BuiltinInfo": "engine.data.catalog",
    "Dataset": "engine.data.dataset",
    "pack_dataset": "engine.data.embedded",
    "Split": "engine.data.dataset",
    "augment_batch": "engine.data.augment",
    "batch_indices": "engine.data.split",
    "download": "engine.data.fetch",
    "download_dataset": "engine.data.fetch",
    "load_dataset": "engine.data.load",
    "preview_augmented": "engine.data.augment",
    "as_torch_dataset": "engine.torch_dataset",
    "SplitDataset": "engine.torch_dataset",
    # exports
    "export_weights": "engine.weights_export",
    "load_weights": "engine.weights_export",
    "history_csv": "engine.history_export",
    "export_history_csv": "engine.history_export",
    "export_tensorboard": "engine.history_export",
    "render_report": "engine.report",
    "export_report": "engine.report",
    "write_text_file": "engine.export_files",
    # train
    "Callback": "engine.train.callbacks",
    "Reuse": "engine.train.transfer",
    "reuse_layers": "engine.train.transfer",
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
    "RECIPES": "engine.types",
    "apply_recipe": "engine.types",
    "explain": "engine.explanations",
    "keras_code": "engine.code_view",
    "pytorch_code": "engine.code_view",
    "attention_layers": "engine.explanations",
    "attention_maps": "engine.explanations",
    "AttentionMaps": "engine.explanations",
    "ATTENTION_TYPES": "engine.explanations",
    "conv_layers": "engine.explanations",
    "CAM_METHODS": "engine.explanations",
    "Explanation": "engine.explanations",
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
