"""Build backend: setuptools, plus ``resources/`` carried into wheels as ``fupin_desktop/_resources``.

``resources/`` (fonts, icons, translations, stylesheets) lives beside the package, where setuptools'
``package-data`` cannot reach. pyproject.toml names this module as an in-tree backend
(``backend-path = ["packaging"]``) and its ``build_py`` in ``[tool.setuptools.cmdclass]``:

- ``build_py`` copies ``resources/`` to ``<build_lib>/fupin_desktop/_resources`` and compiles each
  translation catalog (``.po``) to ``.mo`` there with Babel (``.mo`` files are not kept in git); the source tree
  is never written to;
- ``get_source_files`` lists ``resources/`` and this file, so an sdist carries them too (and a wheel built
  from the sdist works);
- editable installs copy nothing: ``fupin_desktop.resources.resources_root`` finds ``../resources`` directly.

Everything else is plain ``setuptools.build_meta``.
"""

from pathlib import Path

from setuptools.build_meta import *  # noqa: F403  (the PEP 517 hooks)
from setuptools.command.build_py import build_py

PACKAGE = "fupin_desktop"
SOURCE = "resources"
TARGET = "_resources"
SKIPPED_SUFFIXES = (".mo", ".pyc")  # .mo files are compiled fresh from the .po beside them


def resource_files(root: Path) -> list[Path]:
    """The files of ``root/resources`` that belong in a distribution, relative to ``root``, sorted."""
    base = root / SOURCE
    return sorted(
        path.relative_to(root)
        for path in base.rglob("*")
        if path.is_file() and not path.name.startswith(".") and path.suffix not in SKIPPED_SUFFIXES
        and "__pycache__" not in path.parts
    )


def compile_catalog(po_path: Path, mo_path: Path) -> bool:
    """Compile one .po to .mo with Babel; False (and the .po alone ships) when Babel is not installed."""
    try:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po
    except ImportError:
        return False
    locale = po_path.parent.parent.name
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=locale, domain=po_path.stem)
    with mo_path.open("wb") as handle:
        write_mo(handle, catalog, use_fuzzy=False)
    return True


class BuildPyWithResources(build_py):
    """``build_py`` that also puts ``resources/`` into the package as ``_resources``."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        root = Path.cwd()
        target = Path(self.build_lib, PACKAGE, TARGET)
        for relative in resource_files(root):
            destination = target / relative.relative_to(SOURCE)
            destination.parent.mkdir(parents=True, exist_ok=True)
            self.copy_file(str(root / relative), str(destination), preserve_mode=False)
            if destination.suffix == ".po":
                compile_catalog(destination, destination.with_suffix(".mo"))

    def get_source_files(self):
        # The sdist needs this backend too: a wheel is built from the unpacked sdist with the same pyproject.
        backend = Path(__file__).resolve().relative_to(Path.cwd().resolve())
        return [*super().get_source_files(), str(backend), *(str(path) for path in resource_files(Path.cwd()))]

    def get_outputs(self, include_bytecode=True):
        outputs = list(super().get_outputs(include_bytecode))
        if not getattr(self, "editable_mode", False):
            target = Path(self.build_lib, PACKAGE, TARGET)
            for relative in resource_files(Path.cwd()):
                destination = target / relative.relative_to(SOURCE)
                outputs.append(str(destination))
                if destination.suffix == ".po":
                    outputs.append(str(destination.with_suffix(".mo")))
        return outputs
