"""Printing helpers shared by the commands: JSON and aligned Chinese tables."""

import dataclasses
import datetime as dt
import json
import unicodedata


def to_jsonable(value):
    if dataclasses.is_dataclass(value):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def print_json(value) -> None:
    print(json.dumps(to_jsonable(value), ensure_ascii=False, indent=2, sort_keys=True))


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, size: int) -> str:
    return text + " " * max(0, size - width(text))


def print_table(headers, rows) -> None:
    rows = [[str(c) for c in row] for row in rows]
    sizes = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    print("  ".join(pad(h, s) for h, s in zip(headers, sizes, strict=True)))
    print("  ".join("-" * s for s in sizes))
    for row in rows:
        print("  ".join(pad(c, s) for c, s in zip(row, sizes, strict=True)))
