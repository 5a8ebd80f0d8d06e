"""NetCanvas's window (PySide6). Start it with ``netcanvas`` or ``python -m gui``."""

import time

STARTED = time.time()  # the launch clock: this package is imported before Qt and the engine
