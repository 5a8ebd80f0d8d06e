"""The bundle's console ``netcanvas-cli`` executable (build.spec): the headless CLI, so graders
and scripts run without a Python installation."""

import sys

from engine.cli import main

sys.exit(main())
