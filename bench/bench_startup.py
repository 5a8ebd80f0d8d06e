"""Time to first window vs. the time a bare `import torch` takes, measured side by side.

Launches `python main.py --report-startup` offscreen several times, reading the timestamps the
app prints when the window is first shown and when torch has loaded in the background; and times
`python -c "import torch"` in the same run. The last line is one JSON object.

    python bench/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def launch_app() -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NETCANVAS_LAUNCH_TIME=repr(time.time()))
    process = subprocess.Popen(
        [sys.executable, "main.py", "--report-startup"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    first_window = torch_loaded = float("nan")
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if line.startswith("netcanvas first-window"):
                first_window = float(line.split()[-1])
            elif line.startswith("netcanvas torch-loaded"):
                torch_loaded = float(line.split()[-1])
                break
    finally:
        process.terminate()
        process.wait(30)
    return first_window, torch_loaded


def import_torch() -> float:
    started = time.time()
    subprocess.run([sys.executable, "-c", "import torch"], check=True)
    return time.time() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    import_torch()  # warm the file cache so neither side pays for cold disk reads
    windows, loaded, torch_only = [], [], []
    for _ in range(runs):
        first, done = launch_app()
        windows.append(first)
        loaded.append(done)
        torch_only.append(import_torch())
        print(
            f"first window {first:.3f} s, torch ready {done:.3f} s, import torch {torch_only[-1]:.3f} s"
        )
    result = {
        "first_window_s_median": round(statistics.median(windows), 3),
        "first_window_s_max": round(max(windows), 3),
        "torch_ready_in_app_s_median": round(statistics.median(loaded), 3),
        "import_torch_alone_s_median": round(statistics.median(torch_only), 3),
        "first_window_over_import_torch": round(
            statistics.median(windows) / statistics.median(torch_only), 3
        ),
        "runs": runs,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
