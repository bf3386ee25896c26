"""PyInstaller entry of ``fupin-desktop`` (the window program; ``--self-test`` checks the bundle)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from fupin_desktop.__main__ import main

    sys.exit(main())
