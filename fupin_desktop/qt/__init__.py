"""The Qt face (PySide6). Importing it first protects None/True/False from a PySide6 6.12 refcount bug."""

from fupin_desktop.qt.pyside_workarounds import immortalise_singletons

immortalise_singletons()
