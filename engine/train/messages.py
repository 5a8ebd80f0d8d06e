"""What a run's record says when it stops early or fails: English templates an interface translates.

``RunRecord.message`` holds the English sentence (the CLI prints it, projects store it);
``message_template`` and ``message_args`` keep its parts so the GUI can show it in Chinese. Each
template is marked with ``QT_TRANSLATE_NOOP``: a no-op here (the engine never imports Qt) whose
name pyside6-lupdate recognises, so the GUI's catalogue extracts the templates from this file,
in the context ``engine.types.RUN_MESSAGE_CONTEXT``.
"""

from __future__ import annotations

from engine.messages import QT_TRANSLATE_NOOP

# One plain literal each: lupdate keeps only the first piece of an implicitly joined string.
NON_FINITE_AT_STEP = QT_TRANSLATE_NOOP(
    "RunMessages",
    "The loss became NaN or infinite at step {step} (epoch {epoch}); training stopped and kept the last good weights. Lower the learning rate (now {lr:g}), e.g. to {lower:g}, or enable gradient clipping.",
)
NON_FINITE_IN_EPOCH = QT_TRANSLATE_NOOP(
    "RunMessages",
    "The loss became NaN or infinite during epoch {epoch}; training stopped and kept the last good weights. Lower the learning rate (now {lr:g}), e.g. to {lower:g}, or enable gradient clipping.",
)
OUT_OF_MEMORY = QT_TRANSLATE_NOOP(
    "RunMessages",
    "The GPU ran out of memory with batch size {batch}. Try batch size {half} or smaller, a smaller network, or train on the CPU.",
)
FAILED_AT_STEP = QT_TRANSLATE_NOOP("RunMessages", "Training failed at step {step}: {error}")
EARLY_STOPPING = QT_TRANSLATE_NOOP(
    "RunMessages",
    "Early stopping: validation loss did not improve for {epochs} epochs; restored the best weights, from epoch {best}.",
)
RESTORED_BEST = QT_TRANSLATE_NOOP(
    "RunMessages", "Restored the best weights, from epoch {best} (validation loss {loss:.4g})."
)
STOPPED_BY_REQUEST = QT_TRANSLATE_NOOP(
    "RunMessages", "Stopped by request. Epochs completed: {epochs}."
)
TIME_BUDGET = QT_TRANSLATE_NOOP(
    "RunMessages",
    "Stopped at the time limit of {limit:g} s, after {seconds:.1f} s of training. Epochs completed: {epochs}.",
)
# An error that explains itself (a NetCanvasError) keeps its own template (context Engine).
AS_IS = "{error}"
