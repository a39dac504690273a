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
from collections.abc import Callable
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


def _identity(value: Any) -> Any:
    return value


@cache
def _converter(hint: Any) -> Callable[[Any], Any]:
    """A function that rebuilds a plain value of this type hint; made once per hint (reading type hints on
    every value would cost more than the rest of decoding)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        records_ = [a for a in options if dataclasses.is_dataclass(a)]
        has_date = date in options
        single = _converter(options[0]) if len(options) == 1 else None
        if single is _identity and not records_ and not has_date:
            return _identity

        def union(value: Any) -> Any:
            if records_ and isinstance(value, dict):
                return _builder(records_[0])(value)
            if has_date and isinstance(value, str):
                return date.fromisoformat(value[:10])
            return single(value) if single is not None else value

        return union
    if dataclasses.is_dataclass(hint):
        build = _builder(hint)
        return lambda value: build(value) if isinstance(value, dict) else value
    if hint is date:
        return lambda value: date.fromisoformat(value[:10]) if isinstance(value, str) else value
    if origin is list and args:
        item = _converter(args[0])
        if item is _identity:
            return list
        return lambda value: [item(v) for v in value]
    if origin is tuple and args:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            return lambda value: tuple(item(v) for v in value)
        items = [_converter(a) for a in args]
        return lambda value: tuple(c(v) for c, v in zip(items, value, strict=False))
    if origin is dict and len(args) == 2:
        item = _converter(args[1])
        return lambda value: {k: item(v) for k, v in value.items()}
    return _identity


@cache
def _builder(cls: type) -> Callable[[dict], Any]:
    hints = _hints(cls)
    plain: list[str] = []
    converted: list[tuple[str, Callable]] = []
    for f in dataclasses.fields(cls):
        conv = _converter(hints.get(f.name, Any))
        if conv is _identity:
            plain.append(f.name)
        else:
            converted.append((f.name, conv))

    def build(data: dict) -> Any:
        kwargs = {n: data[n] for n in plain if n in data}
        for name, conv in converted:
            if name in data:
                value = data[name]
                kwargs[name] = None if value is None else conv(value)
        return cls(**kwargs)

    return build


def from_plain(cls: type, data: dict) -> Any:
    """The record of class ``cls`` that ``to_plain`` wrote as ``data``; unknown keys are ignored, missing
    ones take the field's default."""
    return _builder(cls)(data)
