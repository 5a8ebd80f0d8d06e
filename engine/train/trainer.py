"""The training loop: resident data batched by index, throttled metrics, cooperative control.

One ``Trainer`` owns one run. ``fit`` blocks (the GUI calls it on a worker thread); other
threads steer it with ``request_stop``, ``request_pause``, ``resume`` and ``step``, which the
loop checks before every batch. Metrics stay on the device as a list of 0-d tensors and are read
(one sync) every ``log_interval_ms`` and at the end of each epoch — never one ``.item()`` a step.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.messages import QT_TRANSLATE_NOOP, plain_values
from engine.train import messages
from engine.train.callbacks import Callback, CallbackList, Logs
from engine.train.checkpoint import Checkpoint, load_checkpoint, save_checkpoint
from engine.train.control import RunControl
from engine.train.distributed import DistContext, from_env, shutdown
from engine.train.objective import Objective, has_accuracy
from engine.train.optim import Schedule, make_optimizer, set_lr
from engine.train.step import PendingMetrics, make_train_step
from engine.types import NetCanvasError, RunRecord, TrainSettings

if TYPE_CHECKING:
    import torch
    from torch import nn

    from engine.data import Dataset
    from engine.train.feeder import SplitFeeder


SNAPSHOT_INTERVAL_S = 1.0  # how often the "last good weights" are refreshed


class _NonFinite(Exception):
    def __init__(self, step: int | None, epoch: int) -> None:
        super().__init__(step, epoch)
        self.step, self.epoch = step, epoch


class _Window:
    """Host-side running sums for one epoch and for the current logging window."""

    def __init__(self) -> None:
        self.loss_sum = self.correct = self.units = self.samples = 0.0
        self.w_loss = self.w_correct = self.w_units = self.w_samples = 0.0

    def add(self, loss_sum: float, correct: float, units: float, samples: float) -> None:
        self.loss_sum += loss_sum
        self.correct += correct
        self.units += units
        self.samples += samples
        self.w_loss += loss_sum
        self.w_correct += correct
        self.w_units += units
        self.w_samples += samples

    def reset_window(self) -> None:
        self.w_loss = self.w_correct = self.w_units = self.w_samples = 0.0


class Trainer:
    """Trains ``model`` on ``dataset`` with ``settings``; see the module docstring.

    ``loss`` names the loss (``cross_entropy``, ``bce_logits``, ``mse``, ``l1``); None picks the
    dataset task's usual one. ``checkpoint_dir`` (optional) receives ``last`` and ``best``
    checkpoints after every epoch. ``num_threads`` overrides the CPU thread count (default:
    cores − 1, at least one, so that a GUI keeps a core). Under torchrun (WORLD_SIZE > 1) the
    model is wrapped in DistributedDataParallel and each rank trains on its shard.
    """

    def __init__(
        self,
        model: nn.Module,
        dataset: Dataset,
        settings: TrainSettings,
        callbacks: Sequence[Callback] = (),
        loss: str | None = None,
        *,
        checkpoint_dir: str | Path | None = None,
        num_threads: int | None = None,
        run_id: str | None = None,
    ) -> None:

        from engine.device import cpu_training_threads, resolve_device
        from engine.train.distributed import rank_device

        self.dataset = dataset
        self.settings = settings
        self.callbacks = CallbackList(callbacks)
        self.dist: DistContext | None = from_env()
        device = resolve_device(settings.device)
        self.device: torch.device = rank_device(self.dist, device) if self.dist else device
        self.model: nn.Module = model
        self.checkpoint_dir = Path(checkpoint_dir) if checkpoint_dir is not None else None
        self.num_threads = num_threads if num_threads else cpu_training_threads()
        self.objective = Objective(
            dataset.task, loss, settings.label_smoothing, dataset.context().num_classes
        )
        self.history = RunRecord(
            id=run_id or datetime.now(UTC).strftime("run-%Y%m%d-%H%M%S"),
            created=datetime.now(UTC).isoformat(timespec="seconds"),
            settings=settings.to_dict(),
            loss=self.objective.name,
            processes=self.dist.world_size if self.dist else 1,
        )
        self.state = "idle"
        self.epoch = 0  # completed epochs over the whole run
        self.global_step = 0  # batches over the whole run
        self.samples_seen = 0  # training samples this process has processed
        self.error: BaseException | None = None  # the exception behind a "failed" run
        self._control = RunControl()  # shared with other threads
        self._stop = self._control.stop_event
        self._prepared = False
        self._acc = has_accuracy(dataset.task)
        self._pending = PendingMetrics(self.objective, self._acc)
        self._pending_checkpoint: Checkpoint | None = None
        self._best_loss = math.inf
        self._best_state: dict[str, torch.Tensor] | None = None
        self._best_epoch = -1
        self._bad_epochs = 0

    # -- control (any thread) -------------------------------------------------------------

    def request_stop(self) -> None:
        """Stop before the next batch; the model and history are kept and ``fit`` may continue.

        Under DistributedDataParallel a stop takes effect at the end of the epoch, so that
        every rank stops together.
        """
        self._control.request_stop()

    def request_pause(self) -> None:
        """Pause before the next batch (also before the first, when called ahead of ``fit``)."""
        self._control.request_pause()

    def resume(self) -> None:
        self._control.resume()

    def step(self) -> None:
        """While paused, run exactly one batch and pause again; ignored while running."""
        self._control.step()

    def _set_state(self, state: str) -> None:
        self.state = state

    # -- weights --------------------------------------------------------------------------

    def state_dict_cpu(self) -> dict[str, torch.Tensor]:
        """The model's weights as contiguous CPU tensors (safe to store while training)."""
        return {
            k: v.detach().to("cpu", copy=True).contiguous()
            for k, v in self.model.state_dict().items()
        }

    def _clone_state(self) -> dict[str, torch.Tensor]:
        return {k: v.detach().clone() for k, v in self.model.state_dict().items()}

    def _load_state(self, state: dict[str, torch.Tensor]) -> None:
        import torch

        with torch.no_grad():
            for key, value in self.model.state_dict().items():
                value.copy_(state[key])

    # -- set-up ---------------------------------------------------------------------------

    def _prepare(self) -> None:
        """Device placement, data, optimiser: once, on the training thread."""
        import torch

        from engine.train.feeder import SplitFeeder, gpu_fits, split_bytes

        s = self.settings
        if self.device.type == "cpu":
            torch.set_num_threads(max(1, self.num_threads))
        cuda = self.device.type == "cuda"
        four_d = len(self.dataset.input_shape) == 3
        self._channels_last = cuda and four_d
        if cuda:
            torch.backends.cudnn.benchmark = True
        self.model.to(self.device)
        if self._channels_last:
            self.model.to(memory_format=torch.channels_last)  # type: ignore[call-overload]
        if self.dist is not None:
            from engine.train.distributed import ensure_process_group

            ensure_process_group(self.dist, self.device)
            ids = [self.device.index] if cuda else None
            self._net: nn.Module = torch.nn.parallel.DistributedDataParallel(
                self.model, device_ids=ids
            )
        else:
            self._net = self.model
        data = self.dataset
        resident = gpu_fits(self.device, split_bytes(data.train) + split_bytes(data.val))

        def feeder(split: Any) -> SplitFeeder:
            return SplitFeeder(
                split,
                data.preprocess,
                self.device,
                resident=resident,
                channels_last=self._channels_last,
            )

        self._train = feeder(data.train)
        self._val = feeder(data.val) if data.val is not None and len(data.val) > 0 else None
        self._augment = list(s.augment) if data.kind == "image" else []
        self._generator = torch.Generator().manual_seed(int(s.seed))
        # Augmentation draws its random numbers where the batch lives: a CPU generator would
        # mean a host-to-device copy, and with it a sync, every step.
        aug_device = self.device if cuda else torch.device("cpu")
        self._aug_generator = torch.Generator(device=aug_device).manual_seed(int(s.seed) + 1)
        torch.manual_seed(int(s.seed))  # dropout and other in-model randomness
        self._new_optimizer()
        self._schedule = Schedule(s)
        self._amp_dtype: torch.dtype | None = None
        self._scaler: Any = None
        if cuda and s.mixed_precision:
            bf16 = torch.cuda.is_bf16_supported()
            self._amp_dtype = torch.bfloat16 if bf16 else torch.float16
            if not bf16:
                self._scaler = torch.amp.GradScaler("cuda")
        self._live = list(self.model.state_dict().values())
        self._good = [t.detach().clone() for t in self._live]
        self._next_snapshot = 0.0
        if self._pending_checkpoint is not None:
            self._apply_checkpoint(self._pending_checkpoint)
            self._pending_checkpoint = None
        self._prepared = True

    def leave_process_group(self) -> None:
        """Under torchrun, the end of a run: drop the DistributedDataParallel wrapper, then leave.

        The wrapper holds the process group; freed later, the group would take its gloo threads
        down at an arbitrary moment (a deadlock when one still needs the GIL, SIGABRT when that
        moment is interpreter shutdown). A later ``fit`` joins again, with a fresh optimiser.
        """
        if self.dist is None:
            return
        self._net = self.model
        self._prepared = False
        shutdown()

    def _new_optimizer(self) -> None:
        self._optimizer = make_optimizer(self.model, self.settings)

    def _autocast(self) -> Any:
        import torch

        if self._amp_dtype is None:
            return contextlib.nullcontext()
        return torch.autocast("cuda", dtype=self._amp_dtype)

    # -- the run --------------------------------------------------------------------------

    def fit(self, epochs: int | None = None) -> RunRecord:
        """Train ``epochs`` more epochs (default ``settings.epochs``); blocks until done.

        Returns the run's record (also ``self.history``), whose status says how it ended:
        "finished", "stopped" or "failed" (with the reason in ``message``).
        """
        import torch

        n_epochs = self.settings.epochs if epochs is None else int(epochs)
        if self.state in ("running", "paused"):
            raise NetCanvasError(
                QT_TRANSLATE_NOOP(
                    "Engine", "This model is already training; stop it before starting again."
                )
            )
        self.state = "running"
        self.error = None
        record = self.history
        record.status = "running"
        record.set_message()
        last_logs: Logs = {}
        try:
            if not self._prepared:
                self._prepare()
            elif self.history.status == "failed":
                self._new_optimizer()  # its state may hold NaN from the failed steps
            if self.device.type == "cpu":
                torch.set_num_threads(max(1, self.num_threads))
            self._snapshot()  # weights may have been loaded since the last fit
            last_logs = self._run(n_epochs)
        except _NonFinite as exc:
            self._restore_good()
            lr = self.settings.lr
            if exc.step is None:
                self._fail(
                    exc, messages.NON_FINITE_IN_EPOCH, epoch=exc.epoch + 1, lr=lr, lower=lr / 10
                )
            else:
                self._fail(
                    exc,
                    messages.NON_FINITE_AT_STEP,
                    step=exc.step,
                    epoch=exc.epoch + 1,
                    lr=lr,
                    lower=lr / 10,
                )
        except torch.cuda.OutOfMemoryError as exc:
            self._restore_good()
            torch.cuda.empty_cache()
            bs = self.settings.batch_size
            self._fail(exc, messages.OUT_OF_MEMORY, batch=bs, half=max(1, bs // 2))
        except NetCanvasError as exc:
            self._restore_good()
            # The error's own template and values: an interface translates it like the others.
            self._fail(exc, exc.template, **plain_values(exc.values))
        except Exception as exc:
            self._restore_good()
            self._fail(
                exc,
                messages.FAILED_AT_STEP,
                step=self.global_step + len(self._pending.units) + 1,
                error=f"{type(exc).__name__}: {exc}",
            )
        finally:
            # A stop requested before fit() started is honoured (the run stops at once); one
            # that ended this run must not end the next, continued one.
            self._stop.clear()
            if self.state in ("running", "paused"):
                self.state = "failed"  # e.g. KeyboardInterrupt: never leave it "running"
                record.status = "failed"
            self.callbacks.on_train_end(last_logs)
        return record

    def _fail(self, exc: BaseException, template: str, **args: Any) -> None:
        self.error = exc
        self.state = "failed"
        self.history.status = "failed"
        self.history.set_message(template, **args)

    def _snapshot(self) -> None:
        """Remember the current weights as the newest known to come from finite losses."""
        import torch

        with torch.no_grad():
            for good, live in zip(self._good, self._live, strict=True):
                good.copy_(live)
        self._next_snapshot = time.perf_counter() + SNAPSHOT_INTERVAL_S

    def _restore_good(self) -> None:
        if self._prepared:
            self._load_state(dict(zip(self.model.state_dict(), self._good, strict=True)))

    def _run(self, n_epochs: int) -> Logs:
        from engine.train.feeder import epoch_batches

        s = self.settings
        rank, world = (self.dist.rank, self.dist.world_size) if self.dist else (0, 1)
        per_rank = -(-self._train.n // world)
        steps = -(-per_rank // max(1, s.batch_size))
        self._fit_steps, self._fit_done = max(1, steps * n_epochs), 0
        self._fit_epochs = max(1, n_epochs)
        self._fit_active = 0.0
        # What a time limit counts: this fit's wall time, validation included, pauses not.
        self._fit_started, self._paused_s = time.perf_counter(), 0.0
        self._timed_out = False
        first = self.epoch
        self.callbacks.on_train_begin(
            {
                "epochs": float(n_epochs),
                "start_epoch": float(first),
                "steps_per_epoch": float(steps),
            }
        )
        logs: Logs = {}
        message: tuple[str, dict[str, Any]] | None = None
        for epoch in range(first, first + n_epochs):
            self._fit_epoch_index = epoch - first
            batches = epoch_batches(
                self._train.n, s.batch_size, self._generator, self._train.index_device, rank, world
            )
            started = time.perf_counter()
            finished_epoch = self._run_epoch(epoch, batches, n_epochs)
            if not finished_epoch:
                break
            logs, stop_all = self._end_epoch(epoch, time.perf_counter() - started)
            if stop_all is not None:
                message = stop_all
                break
            if self._stop.is_set() and self.dist is None:
                break
        stopped_by_user = self._stop.is_set() or self._timed_out
        best = self._best_state
        if best is not None and not stopped_by_user and self._best_epoch != self.epoch - 1:
            self._load_state(best)  # early stopping keeps the best epoch's weights
            best_args = {"best": self._best_epoch + 1, "loss": self._best_loss}
            message = message or (messages.RESTORED_BEST, best_args)
        if self._timed_out:
            limit, seconds = float(s.time_budget_s), self._active(time.perf_counter())
            message = (
                messages.TIME_BUDGET,
                {"limit": limit, "seconds": seconds, "epochs": self.epoch},
            )
        elif message is None and stopped_by_user:
            message = (messages.STOPPED_BY_REQUEST, {"epochs": self.epoch})
        self.state = "stopped" if stopped_by_user else "finished"
        self.history.status = self.state
        template, args = message or ("", {})
        self.history.set_message(template, **args)
        self.history.metrics = {k: v for k, v in logs.items() if k.startswith(("val_", "loss"))}
        return logs

    def _run_epoch(self, epoch: int, batches: list[torch.Tensor], n_epochs: int) -> bool:
        """One pass over the batches; False when a stop request ended it early."""

        steps = len(batches)
        t_factor = self._units_per_sample()
        self._window = _Window()
        self._pending.clear()
        lr = self._set_lr(epoch, 0)
        train_step = make_train_step(
            feeder=self._train,
            net=self._net,
            model=self.model,
            optimizer=self._optimizer,
            objective=self.objective,
            settings=self.settings,
            pending=self._pending,
            units_per_sample=t_factor,
            outputs_per_unit=self._num_outputs(),
            augment=self._augment,
            aug_generator=self._aug_generator,
            amp_dtype=self._amp_dtype,
            scaler=self._scaler,
        )
        per_batch_lr = self._schedule.kind in ("cosine", "onecycle")
        gate, stop = self._control.gate.is_set, self._stop.is_set
        local = self.dist is None
        clock = time.perf_counter
        budget = float(self.settings.time_budget_s)
        self.callbacks.on_epoch_begin(epoch, {"lr": lr})
        interval = max(0.0, self.settings.log_interval_ms / 1000.0)
        self._t_window = time.perf_counter()
        next_log = self._t_window + interval
        last = steps - 1
        for i, idx in enumerate(batches):
            single = False
            if not gate() or (local and stop()):
                self._flush(epoch, i, steps)
                waited = clock()
                go = self._control.wait_for_go(self._set_state)
                self._paused_s += clock() - waited
                if go is None:
                    return False
                single = go
                self._t_window = clock()  # paused time is not training time
            if budget > 0 and not self._timed_out and self._active(clock()) >= budget:
                self._timed_out = True
                self._flush(epoch, i, steps)
                if local:
                    return False
                # Under DDP every rank must stop together: at the end of this epoch.
                self._stop.set()
            if per_batch_lr:
                self._set_lr(epoch, i / steps)
            train_step(idx)
            if single or i == last or clock() >= next_log:
                self._flush(epoch, i + 1, steps)
                next_log = clock() + interval
        return True

    def _active(self, now: float) -> float:
        """Seconds this fit has run up to ``now``, pauses left out (what a time limit counts)."""
        return now - self._fit_started - self._paused_s

    def _num_outputs(self) -> int:
        ctx = self.dataset.context()
        return max(ctx.num_classes, ctx.vocab_size, 1)

    def _units_per_sample(self) -> int:
        y = self.dataset.train.y
        return int(y.shape[1]) if self.objective.task == "next_char" and y.ndim == 2 else 1

    def _set_lr(self, epoch: int, epoch_progress: float) -> float:
        progress = (self._fit_epoch_index + epoch_progress) / self._fit_epochs
        budget = float(self.settings.time_budget_s)
        if budget > 0:
            # A run sized in time: the schedule spans whichever limit ends it first, so a
            # one-cycle run with a 3-minute limit anneals within those 3 minutes instead of
            # being cut off while still warming up.
            progress = max(progress, self._active(time.perf_counter()) / budget)
        lr = self._schedule.lr(epoch, progress)
        set_lr(self._optimizer, lr)
        return lr

    def _flush(self, epoch: int, done: int, steps: int) -> None:
        """Read the pending metrics (one device sync) and report them to the callbacks."""
        if not self._pending.loss:
            return
        units = list(self._pending.units)
        count = len(units)
        self.global_step += count
        self.samples_seen += sum(units) // self._units_per_sample()
        self._fit_done += count
        step_losses, correct = self._pending.read()
        first_step = self.global_step - count + 1
        bad = next((k for k, v in enumerate(step_losses) if not math.isfinite(v)), None)
        if bad is not None and self.dist is None:
            raise _NonFinite(first_step + bad, epoch)
        if bad is None and time.perf_counter() >= self._next_snapshot:
            # At most once a second: copying a large model's weights every 100 ms costs a few
            # percent on a CPU.
            self._snapshot()
        w = self._window
        loss_sum = sum(v * u for v, u in zip(step_losses, units, strict=True))
        w.add(loss_sum, correct, float(sum(units)), sum(units) / self._units_per_sample())
        now = time.perf_counter()
        elapsed = max(now - self._t_window, 1e-9)
        self._fit_active += elapsed
        rate_steps = self._fit_done / max(self._fit_active, 1e-9)
        logs: Logs = {
            "loss": w.w_loss / max(w.w_units, 1.0),
            "lr": float(self._optimizer.param_groups[0]["lr"]),
            "samples_per_s": w.w_samples / elapsed,
            "epoch": epoch + done / steps,
            "progress": done / steps,
            "eta_s": (self._fit_steps - self._fit_done) / max(rate_steps, 1e-9),
        }
        budget = float(self.settings.time_budget_s)
        if budget > 0:  # the time limit may end the run first
            logs["eta_s"] = min(logs["eta_s"], max(0.0, budget - self._active(now)))
        if self._acc:
            logs["accuracy"] = w.w_correct / max(w.w_units, 1.0)
        w.reset_window()
        self._t_window = now
        record = self.history.steps
        for key in ("epoch", "loss", "accuracy"):
            if key in logs:
                record.setdefault(key, []).append(logs[key])
        self.callbacks.on_batch_end(self.global_step, logs)

    def _end_epoch(
        self, epoch: int, seconds: float
    ) -> tuple[Logs, tuple[str, dict[str, Any]] | None]:
        """Epoch metrics (summed over ranks), validation, schedule, checkpoints, early stop."""
        import torch

        w = self._window
        totals = [w.loss_sum, w.correct, w.units, w.samples, float(self._stop.is_set())]
        if self.dist is not None:
            from engine.train.distributed import all_reduce_sum

            totals = all_reduce_sum(torch.tensor(totals, dtype=torch.float64)).tolist()
            if totals[4] > 0:
                self._stop.set()  # one rank was asked to stop: all stop after this epoch
        loss = totals[0] / max(totals[2], 1.0)
        if not math.isfinite(loss):
            raise _NonFinite(None, epoch)
        logs: Logs = {"loss": loss}
        if self._acc:
            logs["accuracy"] = totals[1] / max(totals[2], 1.0)
        val_logs = self._validate()
        if val_logs:
            self.callbacks.on_validation_end(epoch, val_logs)
            logs.update(val_logs)
        monitored = logs.get("val_loss", loss)
        self._schedule.end_epoch(monitored)
        logs["lr"] = float(self._optimizer.param_groups[0]["lr"])
        logs["time_s"] = seconds
        logs["samples_per_s"] = totals[3] / max(seconds, 1e-9)
        self.epoch = epoch + 1
        for key, value in logs.items():
            self.history.history.setdefault(key, []).append(value)
        improved = monitored < self._best_loss
        if improved:
            self._best_loss, self._best_epoch, self._bad_epochs = monitored, epoch, 0
            if self.settings.early_stopping:
                self._best_state = self._clone_state()
        else:
            self._bad_epochs += 1
        self.callbacks.on_epoch_end(epoch, logs)
        if self.checkpoint_dir is not None and (self.dist is None or self.dist.is_main):
            self.save_checkpoint(self.checkpoint_dir, "last")
            if improved:
                self.save_checkpoint(self.checkpoint_dir, "best")
        if self.settings.early_stopping and self._bad_epochs >= max(1, self.settings.patience):
            return logs, (
                messages.EARLY_STOPPING,
                {"epochs": self._bad_epochs, "best": self._best_epoch + 1},
            )
        return logs, None

    def _validate(self) -> Logs:
        import torch

        if self._val is None:
            return {}
        self._net.eval()
        loss_sum: torch.Tensor | float = 0.0
        correct: torch.Tensor | float = 0.0
        units = 0
        acc = has_accuracy(self.objective.task)
        with torch.no_grad(), self._autocast():
            for xb, yb in self._val.chunks(max(256, self.settings.batch_size)):
                out = self.model(xb)
                n = self.objective.units(yb)
                loss_sum = loss_sum + self.objective.loss(out, yb, smoothing=False).float() * n
                if acc:
                    correct = correct + self.objective.correct(out, yb)
                units += n
        self._net.train()
        values = torch.stack([torch.as_tensor(loss_sum), torch.as_tensor(correct)]).tolist()
        logs: Logs = {"val_loss": values[0] / max(units, 1)}
        if acc:
            logs["val_accuracy"] = values[1] / max(units, 1)
        return logs

    # -- checkpoints ----------------------------------------------------------------------

    def save_checkpoint(self, directory: str | Path, name: str = "last") -> Path:
        """Weights, optimiser, schedule, RNG states and history as ``directory/name.*``."""
        import torch

        meta: dict[str, Any] = {
            "epoch": self.epoch,
            "global_step": self.global_step,
            "samples_seen": self.samples_seen,
            "settings": self.settings.to_dict(),
            "history": self.history.to_dict(),
            "best": {"loss": self._best_loss, "epoch": self._best_epoch, "bad": self._bad_epochs},
        }
        extra: dict[str, torch.Tensor] = {}
        optimizer_state = None
        if self._prepared:
            meta["schedule"] = self._schedule.state_dict()
            optimizer_state = self._optimizer.state_dict()
            extra["rng.shuffle"] = self._generator.get_state()
            extra["rng.augment"] = self._aug_generator.get_state()
        extra["rng.torch"] = torch.get_rng_state()
        checkpoint = Checkpoint(self.state_dict_cpu(), meta, optimizer_state, extra)
        return save_checkpoint(directory, name, checkpoint)

    def load_checkpoint(self, directory: str | Path, name: str = "last") -> None:
        """Continue from a checkpoint: the next ``fit`` picks up after its epoch."""
        checkpoint = load_checkpoint(directory, name)
        missing = set(self.model.state_dict()) ^ set(checkpoint.weights)
        if missing:
            raise NetCanvasError(
                QT_TRANSLATE_NOOP(
                    "Engine",
                    "Checkpoint '{name}' in {directory} belongs to a different network (mismatched weights: {missing}). Use a matching project.",
                ),
                name=name,
                directory=directory,
                missing=", ".join(sorted(missing)[:3]),
            )
        self._load_state({k: v.to(self.device) for k, v in checkpoint.weights.items()})
        meta = checkpoint.meta
        self.epoch = int(meta.get("epoch", 0))
        self.global_step = int(meta.get("global_step", 0))
        self.samples_seen = int(meta.get("samples_seen", 0))
        if "history" in meta:
            # The run goes on in this launch, with however many processes it has now.
            processes = self.history.processes
            self.history = RunRecord.from_dict(meta["history"])
            self.history.processes = processes
        best = meta.get("best", {})
        loss = best.get("loss")
        self._best_loss = float(loss) if loss is not None else math.inf
        self._best_epoch = int(best.get("epoch", -1))
        self._bad_epochs = int(best.get("bad", 0))
        if self._prepared:
            self._apply_checkpoint(checkpoint)
        else:
            self._pending_checkpoint = checkpoint

    def _apply_checkpoint(self, checkpoint: Checkpoint) -> None:
        """Optimiser, schedule and RNG state: they exist only after ``_prepare``."""
        import torch

        if checkpoint.optimizer_state is not None:
            self._optimizer.load_state_dict(checkpoint.optimizer_state)
        self._schedule.load_state_dict(checkpoint.meta.get("schedule", {}))
        extra = checkpoint.extra_tensors
        if "rng.shuffle" in extra:
            self._generator.set_state(extra["rng.shuffle"])
        with contextlib.suppress(RuntimeError, KeyError):
            # Saved on another kind of device (CUDA and CPU generator states differ): the
            # augmentation stream then restarts from the seed, which only changes the noise.
            self._aug_generator.set_state(extra["rng.augment"])
        if "rng.torch" in extra:
            torch.set_rng_state(extra["rng.torch"])
