"""USB sync (``shared/design/SYNC.md``): signed, encrypted bundles between villages and their township.

Modules, by role:

- ``crypto``: AES-256-GCM, X25519 + HKDF key wrapping, Ed25519 signatures, scrypt (``cryptography``, lazily).
- ``keys`` / ``recovery``: device keys, the township key pair (sealed by a passphrase never stored), the
  printable recovery sheet, trust in the township key, pinning of village device keys.
- ``manifest`` / ``container`` / ``payload`` / ``ledger_lines``: the file format: canonical signed manifest,
  a stored zip that must be byte-identical to its canonical encoding, JSON-lines payload in zlib frames;
  book lines checked column by column and applied through a staging table in one ``INSERT … SELECT``.
- ``verify``: every pre-check, in order, without writing; ``precheck``: those checks against this
  installation, file by file, the next file read while one is applied (``overlap``: on a second core, only
  while the importing thread waits in SQLite). ``importer``: idempotency, dry run, backup, apply in one
  ``BEGIN IMMEDIATE`` transaction with the import log.
- ``versions`` / ``conflicts`` / ``merge`` / ``duplicates``: the merge engine. Every synced field has
  versions (stamp, bases, value, authority); its value is decided by its heads, so import order never matters;
  conflicts keep both values, duplicates are listed, children wait for their parents.
- ``writer`` / ``export``: sealing and the safe write to the stick; village changes and township corrections.
- ``status``: per-village status, roll-up, what the township accepted. ``bench``: ``fupin bench sync``.

Design decisions worth knowing:

- Local edits reach the versions through the change log (``versions.catch_up``), so services keep using
  ``ChangeWriter`` and know nothing of sync. Imported changes are logged with ``source = "import:<bundle>"``
  and their original stamps; resolutions with ``source = "sync:resolve"``.
- A bundle carries versions written by its device only (a full snapshot: all of them from the start), so
  bases always name versions the receiver can know; the daily book travels as its own rows.
- Authority: township-authored versions win a conflict's provisional value; a tombstone wins first. Fields the
  township owns (户编号, 脱贫状态, 脱贫年度) and policy tables (settings, poverty lines) are refused from villages
  after the first snapshot; a village may not touch another village's records.
- Per-device sequence numbers are kept per target (the township numbers each village's corrections apart).
"""
