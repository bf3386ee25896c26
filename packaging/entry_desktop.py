"""PyInstaller entry of ``fupin-desktop`` (the window program; ``--self-test`` checks the bundle)."""

import multiprocessing
import sys

from fupin_desktop.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
