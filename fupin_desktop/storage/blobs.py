"""The content-addressed file store of attachments (table ``attachment_blobs``, migration 0004).

A blob is written once under the SHA-256 of its bytes and never changed or deleted; writing content that is
already there does nothing. Not in the change log: the syncable ``attachments`` link is.
"""

from fupin_desktop.storage import tables as t


def put(db, sha256: str, mime: str, data: bytes) -> bool:
    """Store ``data`` (its hash already checked by the caller) unless present. True when it was new."""
    cursor = db.execute(f"INSERT INTO {t.ATTACHMENT_BLOBS} (sha256, size, mime, data) VALUES (?,?,?,?)"
                        " ON CONFLICT(sha256) DO NOTHING", [sha256, len(data), mime, data])
    return cursor.rowcount == 1


def present(db, shas) -> set[str]:
    """Which of ``shas`` this installation holds."""
    shas, found = sorted(set(shas)), set()
    for i in range(0, len(shas), 500):
        chunk = shas[i:i + 500]
        found.update(r[0] for r in db.execute(
            f"SELECT sha256 FROM {t.ATTACHMENT_BLOBS} WHERE sha256 IN ({','.join('?' * len(chunk))})", chunk))
    return found


def read(db, sha256: str) -> tuple[str, bytes] | None:
    """(mime, bytes) of a blob, or None."""
    row = db.execute(f"SELECT mime, data FROM {t.ATTACHMENT_BLOBS} WHERE sha256 = ?", [sha256]).fetchone()
    return (row[0], bytes(row[1])) if row else None
