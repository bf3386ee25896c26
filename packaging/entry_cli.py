"""PyInstaller entry of ``fupin`` (the command line, a console program on Windows).

``fupin --self-test`` runs the bundle's self-test here too: on Windows ``fupin-desktop.exe`` has no console, so
this is where a person (or a support call) can read the self-test's lines.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    if sys.argv[1:2] == ["--self-test"]:
        from fupin_desktop.selftest import main as self_test

        sys.exit(self_test(sys.argv[1:]))
    from fupin_desktop.cli.main import main

    sys.exit(main())
