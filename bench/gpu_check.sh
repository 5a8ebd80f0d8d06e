#!/usr/bin/env bash
# NetCanvas GPU check: one short script (< 4 min) for a CUDA machine without network access.
#
#   bash bench/gpu_check.sh            # on the GPU machine, from the repository root
#   GPU_CHECK_DEVICE=cpu bash bench/gpu_check.sh   # dry run of the same code on a CPU (small)
#   GPU_CHECK_SKIP_CPU=1 ...                        # leave out step 3
#
# 1. Exercises the trainer's CUDA paths on tiny data: fp32, bf16 autocast, fp16 + GradScaler,
#    the pinned-memory streaming path (data not resident), NaN and out-of-memory handling,
#    evaluation, prediction and (if onnx/onnxruntime are installed) ONNX export.
# 2. Times one epoch of the seed CNN on 60 000 synthetic 28×28 images, batch 64 and 512,
#    mixed precision off and on (after one warm-up epoch each, for cudnn.benchmark).
# 3. If time allows, runs bench/bench_train.py on the CPU (an idle 16-core box gives steadier
#    engine-vs-baseline ratios than a shared 2-core one).
# Installs nothing. The last line printed is one JSON object.
set -u
cd "$(dirname "$0")/.." || exit 1
PY=${PYTHON:-python3}
if ! "$PY" -c "import torch" >/dev/null 2>&1; then
    echo "gpu_check: cannot import torch with $PY; install PyTorch with CUDA first (or set PYTHON=...)." >&2
    echo '{"error": "torch not importable"}'
    exit 2
fi
OUT=$(mktemp -d)
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"

timeout 170 "$PY" - "$OUT/gpu.json" <<'PYEOF'
import json, os, sys, time, traceback

import torch
from torch import nn

from engine.build import build_model
from engine.data.dataset import Dataset, Split
from engine.device import detect_devices
from engine.metrics import evaluate, predict_proba
from engine.templates import make_template
from engine.train import Trainer
from engine.types import TrainSettings

out_path = sys.argv[1]
want = os.environ.get("GPU_CHECK_DEVICE", "cuda")
result = {"torch": torch.__version__, "cuda_available": torch.cuda.is_available()}
if want == "cuda" and not torch.cuda.is_available():
    print("gpu_check: torch cannot see a CUDA GPU (torch.cuda.is_available() is False).", file=sys.stderr)
    result["error"] = "no CUDA device"
    json.dump(result, open(out_path, "w"))
    sys.exit(3)
device = want
dry = device == "cpu"
if not dry:
    result["gpu"] = torch.cuda.get_device_name(0)
    result["bf16_supported"] = torch.cuda.is_bf16_supported()
result["devices"] = [d.name for d in detect_devices()]


def images(n, classes=10, seed=0):
    g = torch.Generator().manual_seed(seed)
    y = torch.randint(0, classes, (n,), generator=g)
    x = torch.randint(0, 80, (n, 1, 28, 28), generator=g, dtype=torch.uint8)
    rows = (y * 2).view(n, 1, 1, 1)  # the class is a bright horizontal band: learnable
    band = (torch.arange(28).view(1, 1, 28, 1) - rows).abs() < 3
    x = torch.where(band, x + 150, x)
    k = max(1, n // 10)
    split = lambda a, b: Split(x[a:b], y[a:b])
    return Dataset(
        name="synthetic-28", source="gpu_check", kind="image", task="classification",
        class_names=[str(i) for i in range(classes)], input_shape=(1, 28, 28),
        train=split(0, n - 2 * k), val=split(n - 2 * k, n - k), test=split(n - k, n),
        mean=torch.tensor([0.3]), std=torch.tensor([0.3]),
    )


def seed_cnn(ds):
    return build_model(make_template("seed-cnn", ds.context()), seed=0)


checks = {}


def check(name, fn):
    start = time.perf_counter()
    try:
        detail = fn()
        checks[name] = {"ok": True, "s": round(time.perf_counter() - start, 2), **(detail or {})}
    except Exception as exc:
        checks[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        traceback.print_exc()


small = images(2000)


def fit_small(**kw):
    s = TrainSettings(epochs=2, batch_size=64, device=device, **kw)
    tr = Trainer(seed_cnn(small), small, s)
    rec = tr.fit()
    assert rec.status == "finished", rec.message
    acc = rec.history["val_accuracy"][-1]
    assert acc > 0.5, f"val accuracy {acc}"
    p = next(tr.model.parameters())
    return tr, {"val_accuracy": round(acc, 4), "param_device": str(p.device),
                "channels_last": tr._channels_last, "data_on": str(tr._train.x.device)}


check("fp32", lambda: fit_small()[1])
check("mixed_precision", lambda: fit_small(mixed_precision=True)[1])


def fp16_scaler():
    orig = torch.cuda.is_bf16_supported
    torch.cuda.is_bf16_supported = lambda *a, **k: False  # force fp16 + GradScaler
    try:
        tr, d = fit_small(mixed_precision=True)
        d["scaler"] = tr._scaler is not None
        return d
    finally:
        torch.cuda.is_bf16_supported = orig


if not dry:
    check("fp16_gradscaler", fp16_scaler)


def streaming():
    import engine.train.feeder as feeder
    orig = feeder.gpu_fits
    feeder.gpu_fits = lambda *a, **k: False  # as if the data did not fit on the GPU
    try:
        tr, d = fit_small()
        d["resident"] = tr._train.resident
        assert dry or not tr._train.resident
        return d
    finally:
        feeder.gpu_fits = orig


check("pinned_streaming", streaming)


class Faulty(nn.Module):
    def __init__(self, exc):
        super().__init__()
        self.net, self.exc, self.calls = seed_cnn(small), exc, 0

    def forward(self, x):
        self.calls += 1
        if self.training and self.calls == 4:
            if self.exc == "nan":
                return self.net(x) * float("nan")
            raise torch.cuda.OutOfMemoryError("CUDA out of memory (simulated)")
        return self.net(x)


def fault(kind):
    rec = Trainer(Faulty(kind), small, TrainSettings(epochs=1, device=device)).fit()
    assert rec.status == "failed", rec.status
    word = "NaN" if kind == "nan" else "batch size"
    assert word in rec.message, rec.message
    return {"message": rec.message[:120]}


check("nan_stop", lambda: fault("nan"))
check("oom_stop", lambda: fault("oom"))


def eval_predict_export():
    tr, _ = fit_small()
    rep = evaluate(tr.model, small, "test")
    probs = predict_proba(tr.model, small, small.test.x[:3])
    d = {"test_accuracy": round(rep.accuracy, 4), "probs_shape": list(probs.shape)}
    try:
        import onnx, onnxruntime  # noqa: F401
    except ImportError:
        d["onnx"] = "skipped (onnx/onnxruntime not installed)"
        return d
    from engine.export import export_onnx
    r = export_onnx(tr.model, small, os.path.join(os.path.dirname(out_path), "m.onnx"))
    d["onnx_max_abs_diff"] = r.max_abs_diff
    return d


check("eval_predict_export", eval_predict_export)
result["checks"] = checks

# Timing: one epoch of the seed CNN on 60 000 images.
n = 6000 if dry else 75_000  # 60 000 training images after the val and test tenths
big = images(n, seed=1)
timings = {}
for bs in (64, 512):
    for amp in (False, True):
        if dry and amp:
            continue
        key = f"batch{bs}_{'amp' if amp else 'fp32'}"
        try:
            s = TrainSettings(epochs=1, batch_size=bs, device=device, mixed_precision=amp)
            tr = Trainer(seed_cnn(big), big, s)
            tr.fit(1)  # warm-up: cudnn autotuning, data upload
            if not dry:
                torch.cuda.synchronize()
            start = time.perf_counter()
            rec = tr.fit(1)
            if not dry:
                torch.cuda.synchronize()
            wall = time.perf_counter() - start
            timings[key] = {
                "epoch_s": round(rec.history["time_s"][-1], 3),
                "fit_wall_s": round(wall, 3),
                "samples_per_s": round(len(big.train) / rec.history["time_s"][-1]),
                "val_accuracy": round(rec.history["val_accuracy"][-1], 4),
                "status": rec.status,
            }
        except Exception as exc:
            timings[key] = {"error": f"{type(exc).__name__}: {exc}"}
        print(key, timings[key], flush=True)
result["seed_cnn_epoch_60k"] = timings
result["train_images"] = len(big.train)
json.dump(result, open(out_path, "w"))
PYEOF
gpu_rc=$?

# CPU ratios on this (presumably idle) machine, if the engine's data deps are installed.
if [ -z "${GPU_CHECK_SKIP_CPU:-}" ]; then
    timeout 110 "$PY" bench/bench_train.py --rounds 3 --skip-accuracy > "$OUT/cpu.txt" 2>&1
    cpu_rc=$?
else
    echo "skipped" > "$OUT/cpu.txt"; cpu_rc=0
fi
tail -n 4 "$OUT/cpu.txt" | head -n 3

"$PY" - "$OUT/gpu.json" "$OUT/cpu.txt" "$gpu_rc" "$cpu_rc" <<'PYEOF'
import json, sys
gpu_path, cpu_path, gpu_rc, cpu_rc = sys.argv[1:5]
try:
    result = json.load(open(gpu_path))
except (OSError, ValueError):
    result = {"error": f"GPU part did not finish (exit {gpu_rc})"}
result["gpu_part_exit"] = int(gpu_rc)
lines = [l for l in open(cpu_path, errors="replace").read().splitlines() if l.strip()]
try:
    result["cpu_bench"] = json.loads(lines[-1])["ratios"]
except (IndexError, ValueError, KeyError):
    result["cpu_bench"] = f"not run or incomplete (exit {cpu_rc})"
print(json.dumps(result))
PYEOF
