"""Drafts of the household editor: what a person typed but has not saved yet, kept on disk.

A draft is one JSON file per household (``<data_dir>/drafts/<household id>.json``, ``new.json`` for a household
not yet created). It is written atomically (temporary file, fsync, rename), so a dead battery leaves either
the previous draft or the new one, never half a file. Values are stored with :func:`encode_values` and read
back with :func:`decode_values` (dates as ISO text, tuples as lists).
"""

import dataclasses
import datetime as dt
import json
import os
import re
import tempfile
import types
import typing
from functools import cache
from pathlib import Path

DRAFTS_FOLDER = "drafts"
NEW_KEY = "new"
_SAFE_KEY = re.compile(r"[A-Za-z0-9_-]{1,80}")


def draft_path(ctx, key: str | None) -> Path:
    key = key or NEW_KEY
    if not _SAFE_KEY.fullmatch(key):
        raise ValueError(f"bad draft key {key!r}")
    return Path(ctx.data_dir) / DRAFTS_FOLDER / f"{key}.json"


def save_draft(ctx, key: str | None, payload: dict) -> Path:
    """Write ``payload`` (JSON-safe) as the draft of ``key``; stamped with the clock's time."""
    path = draft_path(ctx, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"saved_at": ctx.clock.now().isoformat(timespec="seconds"), "payload": payload}
    data = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    handle, temporary = tempfile.mkstemp(prefix=path.stem + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def load_draft(ctx, key: str | None) -> dict | None:
    """``{"saved_at": datetime, "payload": dict}`` or None when there is no (readable) draft."""
    path = draft_path(ctx, key)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        return {"saved_at": dt.datetime.fromisoformat(document["saved_at"]), "payload": document["payload"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def discard_draft(ctx, key: str | None) -> bool:
    path = draft_path(ctx, key)
    existed = path.exists()
    path.unlink(missing_ok=True)
    return existed


# --- record values ↔ JSON ---------------------------------------------------------------------------------


@cache
def _kinds(record_type) -> dict[str, str]:
    hints = typing.get_type_hints(record_type)
    kinds = {}
    for f in dataclasses.fields(record_type):
        hint = hints[f.name]
        if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
            hint = next(a for a in typing.get_args(hint) if a is not type(None))
        origin = typing.get_origin(hint) or hint
        kinds[f.name] = {dt.date: "date", tuple: "tuple"}.get(origin, "plain")
    return kinds


def encode_values(values: dict) -> dict:
    out = {}
    for name, value in values.items():
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[name] = value
    return out


def decode_values(record_type, values: dict) -> dict:
    """JSON values back to record values; unknown names are dropped, bad dates become None."""
    kinds = _kinds(record_type)
    out = {}
    for name, value in values.items():
        kind = kinds.get(name)
        if kind is None:
            continue
        if kind == "date" and isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                value = None
        elif kind == "tuple" and isinstance(value, list):
            value = tuple(value)
        out[name] = value
    return out
