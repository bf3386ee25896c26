"""Sync fixtures, prepared once per session and copied per test (installations are folders)."""

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.sync import world


@dataclass
class Base:
    root: Path
    township: Path  # township with its key, nothing imported
    village: Path  # village trusting the township, full bundle already exported
    bundle: Path  # the village's first (full) bundle
    township_synced: Path  # township after importing ``bundle``
    identity: object
    secrets: object  # Secrets with the township key unlocked


@pytest.fixture(scope="session")
def base(tmp_path_factory) -> Base:
    from fupin_desktop.sync import importer
    from fupin_desktop.sync import keys as k

    root = tmp_path_factory.mktemp("sync-base")
    township, identity = world.make_township(root / "township")
    village = world.make_village(root / "village", identity)
    result = world.export_to(village, root / "stick")
    village.close()
    unlocked = k.unlock_township(township, world.PASSPHRASE)
    township.close()
    synced_path = world.copy_installation(root / "township", root / "township-synced")
    synced = world.open_ctx(synced_path)
    prepared = world.import_into(synced, [result.path], secrets=importer.Secrets(township=unlocked))
    assert prepared[0].applied, prepared[0].error
    synced.close()
    return Base(root, root / "township", root / "village", result.path, synced_path, identity,
                importer.Secrets(township=unlocked))


@pytest.fixture
def copies(base, tmp_path):
    """Open fresh copies of the base installations: ``copies("village")`` → context."""
    opened = []

    def make(name: str, as_name: str | None = None):
        source = {"township": base.township, "village": base.village, "township_synced": base.township_synced}[name]
        ctx = world.open_ctx(world.copy_installation(source, tmp_path / (as_name or name)))
        opened.append(ctx)
        return ctx

    yield make
    for ctx in opened:
        try:
            ctx.close()
        except Exception:
            pass
