"""Records to plain JSON values and back, field by field, whatever fields a record has.

The store keeps extracted events whole; writing them through this codec (rather than through a list of named
fields) means that a field added to a record in ``records.py`` is stored and read back without touching the
store. Dates become ISO strings, tuples lists, nested records dicts; reading uses the type hints of the record
classes to rebuild them.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from datetime import date, datetime
from functools import cache
from typing import Any

from contested import records


def to_plain(value: Any) -> Any:
    """A JSON-serialisable copy of ``value`` (records, dates, tuples, lists, dicts, scalars)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


def _from(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        for a in options:  # the first option that accepts the value
            if dataclasses.is_dataclass(a) and isinstance(value, dict):
                return from_plain(a, value)
            if a is date and isinstance(value, str):
                return date.fromisoformat(value[:10])
        return _from(options[0], value) if len(options) == 1 else value
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return from_plain(hint, value)
    if hint is date and isinstance(value, str):
        return date.fromisoformat(value[:10])
    if origin is list and args:
        return [_from(args[0], v) for v in value]
    if origin is tuple and args:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_from(args[0], v) for v in value)
        return tuple(_from(a, v) for a, v in zip(args, value, strict=False))
    if origin is dict and len(args) == 2:
        return {k: _from(args[1], v) for k, v in value.items()}
    return value


def from_plain(cls: type, data: dict) -> Any:
    """The record of class ``cls`` that ``to_plain`` wrote as ``data``; unknown keys are ignored, missing
    ones take the field's default."""
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _from(hints.get(f.name, Any), data[f.name])
    return cls(**kwargs)
