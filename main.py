"""NetCanvas from a source checkout: ``python main.py [PROJECT]``, ``--smoke``, ``--self-test``,
``--screenshot OUT.png`` (installed: the ``netcanvas`` command). Everything lives in gui.app."""

from gui.app import run

if __name__ == "__main__":
    run()
