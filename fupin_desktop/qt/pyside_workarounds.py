"""Work around a reference-count bug of PySide6 6.12 on Python 3.11 (before None became immortal).

Every conversion between ``None`` and an invalid ``QVariant`` (a model's ``data()`` returning None,
``QComboBox.currentData()`` of an item without data, ``QObject.property()`` of an unknown name) and every
null ``const char*`` handed to a Python override (``QTranslator.translate``'s disambiguation) drops one
reference to ``None`` that was never taken; a ``bool`` returned from some overrides does the same to
``True``/``False``. After a few thousand calls CPython 3.11 frees ``None`` and aborts ("none_dealloc").

Python 3.12 made these singletons immortal, which hides the bug there. On older Pythons we give them the
same protection once, at import of the Qt face: their reference counts are raised by 2**40, far beyond
what any session can drop. The singletons are never freed by design, so nothing else changes.
"""

import ctypes
import sys

MARGIN = 1 << 40
_done = False


def immortalise_singletons() -> bool:
    """Raise the reference counts of None, True and False once (no-op on Python ≥ 3.12). True if applied."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is PyObject's first field
        refcount.value += MARGIN
    _done = True
    return True
