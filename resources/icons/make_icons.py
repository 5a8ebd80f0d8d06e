"""Render netcanvas.svg to the PNG, ICO and ICNS files the installers need.

Run from the repository root after editing the SVG: ``python resources/icons/make_icons.py``.
The renders are committed, so a build needs neither this script nor a display.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)


def render_png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(HERE / "netcanvas.svg"))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    images = {}
    for size in PNG_SIZES:
        png = render_png(size)
        (HERE / f"netcanvas-{size}.png").write_bytes(png)
        images[size] = Image.open(io.BytesIO(png)).convert("RGBA")
    # Pillow picks the best source for each size when the sizes are listed explicitly.
    images[256].save(HERE / "netcanvas.ico", sizes=[(s, s) for s in (16, 32, 48, 64, 128, 256)])
    # macOS wants a 1024 px (512@2x) master; render it sharp rather than let Pillow upscale.
    Image.open(io.BytesIO(render_png(1024))).convert("RGBA").save(HERE / "netcanvas.icns")
    print("wrote", ", ".join(sorted(p.name for p in HERE.iterdir() if p.suffix != ".py")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
