"""Screenshots of the Labs panel for the README: ``python -m gui.labs.screenshots [OUT_DIR]``.

Renders offscreen in English and Chinese (Chinese needs a CJK font, e.g. fonts-noto-cjk on
Debian/Ubuntu). Set QT_SCALE_FACTOR=2 to check the layout at 200 %.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def grab(
    out_dir: Path, lab_id: str = "gradient-descent", size: tuple[int, int] = (1400, 860)
) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    import engine
    from gui.document import ProjectDocument
    from gui.i18n import install_translator
    from gui.labs import LabsPanel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for language, name in (("en", "labs_en.png"), ("zh_CN", "labs_zh.png")):
        install_translator(app, language)
        panel = LabsPanel(ProjectDocument(engine.default_project()))
        panel.resize(*size)
        panel.show()
        panel.show_lab(lab_id)
        for _ in range(20):
            app.processEvents()
        path = out_dir / name
        panel.grab().save(str(path))
        panel.shutdown()
        panel.close()
        panel.deleteLater()
        written.append(path)
    install_translator(app, "en")
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("resources/screenshots")
    for path in grab(target, sys.argv[2] if len(sys.argv) > 2 else "gradient-descent"):
        print(path)
