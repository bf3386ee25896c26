"""Row ↔ record mapping: dates as ISO text, tuples and dicts as JSON, booleans as 0/1, money as INTEGER fen."""

import dataclasses
import datetime as dt
import json
import types
import typing
from functools import cache


@cache
def _field_kinds(record_type) -> dict[str, str]:
    hints = typing.get_type_hints(record_type)
    kinds = {}
    for f in dataclasses.fields(record_type):
        hint = hints[f.name]
        args = typing.get_args(hint)
        if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
            hint = next(a for a in args if a is not type(None))
        origin = typing.get_origin(hint) or hint
        if origin is dt.date:
            kinds[f.name] = "date"
        elif origin is bool:
            kinds[f.name] = "bool"
        elif origin in (tuple, dict, list):
            kinds[f.name] = "json"
        else:
            kinds[f.name] = "plain"
    return kinds


def to_db_value(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list | dict):
        return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)
    return value


def to_row(record) -> dict:
    return {f.name: to_db_value(getattr(record, f.name)) for f in dataclasses.fields(record)}


def values_to_row(record_type, values: dict) -> dict:
    """Convert a partial {field: python value} to column values, refusing unknown fields."""
    kinds = _field_kinds(record_type)
    unknown = set(values) - set(kinds)
    if unknown:
        raise KeyError(f"unknown fields for {record_type.__name__}: {sorted(unknown)}")
    return {k: to_db_value(v) for k, v in values.items()}


def from_row(record_type, row: dict):
    kinds = _field_kinds(record_type)
    values = {}
    for name, kind in kinds.items():
        if name not in row:
            continue
        value = row[name]
        if value is None:
            values[name] = None
        elif kind == "date":
            values[name] = dt.date.fromisoformat(value)
        elif kind == "bool":
            values[name] = bool(value)
        elif kind == "json":
            loaded = json.loads(value) if isinstance(value, str) else value
            values[name] = tuple(loaded) if isinstance(loaded, list) else loaded
        else:
            values[name] = value
    return record_type(**values)
