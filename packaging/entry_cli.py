"""PyInstaller entry of ``fupin`` (the command line, a console program on Windows)."""

import multiprocessing
import sys

from fupin_desktop.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
