"""Record ids are time-ordered UUIDs (version 7): later ids sort later, so indexes grow at their end."""

import uuid

from fupin_desktop.storage import changelog
from fupin_desktop.sync.manifest import UUID_RE


def test_ids_are_version_7_uuids_in_the_canonical_form():
    for made in (changelog.new_id() for _ in range(1000)):
        parsed = uuid.UUID(made)
        assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
        assert str(parsed) == made and UUID_RE.fullmatch(made)


def test_later_ids_sort_later_and_ids_of_one_millisecond_are_still_unique(monkeypatch):
    now = [1_795_000_000_000 * 1_000_000]
    monkeypatch.setattr(changelog.time, "time_ns", lambda: now[0])
    first = [changelog.new_id() for _ in range(5000)]
    assert len(set(first)) == 5000
    now[0] += 1_000_000  # one millisecond later
    second = [changelog.new_id() for _ in range(100)]
    assert min(second) > max(first)
    assert int(uuid.UUID(second[0]).hex[:12], 16) == 1_795_000_000_001  # the milliseconds lead the id
