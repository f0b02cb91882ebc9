"""The tree's JSON form: versioned, lossless, readable in a diff.

Every node becomes an object whose "t" names its class; tuples become lists.
A document carries `docconv-tree` (the schema version) and a reader refuses
a version it does not know, as pandoc does with `pandoc-api-version`.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import typing
from typing import Any

from convert import tree
from convert.errors import InputError

SCHEMA_VERSION = 1

_NODE_CLASSES: dict[str, type] = {
    cls.__name__: cls for cls in (*tree.INLINE_TYPES, *tree.BLOCK_TYPES, tree.Cell)
}


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        encoded: dict[str, Any] = {"t": type(value).__name__}
        for f in dataclasses.fields(value):
            encoded[f.name] = _encode(getattr(value, f.name))
        return encoded
    if isinstance(value, tuple):
        return [_encode(item) for item in value]
    return value


def to_dict(document: tree.Document) -> dict[str, Any]:
    meta = {f.name: getattr(document.meta, f.name) for f in dataclasses.fields(tree.Metadata)}
    meta["authors"] = list(meta["authors"])
    meta["tags"] = list(meta["tags"])
    meta["extra"] = dict(meta["extra"])
    return {
        "docconv-tree": SCHEMA_VERSION,
        "meta": meta,
        "blocks": [_encode(block) for block in document.blocks],
    }


def dumps(document: tree.Document) -> str:
    return json.dumps(to_dict(document), ensure_ascii=False, indent=1) + "\n"


class _Malformed(ValueError):
    """A JSON value that does not fit the tree's types; the message names where and why."""


def _kind(value: Any) -> str:
    return {dict: "object", list: "list", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), type(value).__name__)


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    """(name, type, required) for each field of a node class, types resolved from tree.py."""
    hints = typing.get_type_hints(cls, vars(tree))
    return tuple((f.name, hints[f.name], f.default is dataclasses.MISSING
                  and f.default_factory is dataclasses.MISSING) for f in dataclasses.fields(cls))


def _typed(value: Any, hint: Any, path: str, what: str = "") -> Any:
    """`value` at `path` checked against the field type `hint` (str, int, tuple[X, ...] or a
    union of nodes); `what` names it in a message ("blocks[0] (Heading): field 'level'")."""
    what = what or path
    if hint is str or hint is int:
        if type(value) is not hint:  # exactly: True is not a level, "2" is not a start
            expected = "a string" if hint is str else "an integer"
            raise _Malformed(f"{what} must be {expected}, not {_kind(value)}")
        return value
    if typing.get_origin(hint) is tuple:
        if not isinstance(value, list):
            raise _Malformed(f"{what} must be a list, not {_kind(value)}")
        item_hint = typing.get_args(hint)[0]
        return tuple(_typed(item, item_hint, f"{path}[{index}]") for index, item in enumerate(value))
    allowed = typing.get_args(hint) if typing.get_origin(hint) is typing.Union else (hint,)
    return _node(value, allowed, path)


def _node(value: Any, allowed: tuple[type, ...], path: str) -> Any:
    names = {cls.__name__: cls for cls in allowed}
    expected = ", ".join(names)
    if not isinstance(value, dict):
        raise _Malformed(f"{path} must be a node ({expected}), not {_kind(value)}")
    name = value.get("t")
    cls = names.get(name) if isinstance(name, str) else None
    if cls is None:
        problem = "is not allowed here" if name in _NODE_CLASSES else "is not a node type"
        raise _Malformed(f"{path}: {name!r} {problem} (expected {expected})")
    fields = _fields(cls)
    unknown = sorted(set(value) - {"t"} - {field_name for field_name, _, _ in fields})
    if unknown:
        raise _Malformed(f"{path} ({name}): unknown field {unknown[0]!r}")
    kwargs = {}
    for field_name, hint, required in fields:
        if field_name in value:
            kwargs[field_name] = _typed(value[field_name], hint, f"{path}.{field_name}",
                                        f"{path} ({name}): field {field_name!r}")
        elif required:
            raise _Malformed(f"{path} ({name}): missing field {field_name!r}")
    return cls(**kwargs)


def _meta(raw: Any) -> tree.Metadata:
    if raw is None:
        return tree.Metadata()
    if not isinstance(raw, dict):
        raise _Malformed(f"meta must be an object, not {_kind(raw)}")
    hints = typing.get_type_hints(tree.Metadata, vars(tree))
    kwargs: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in hints:
            raise _Malformed(f"meta: unknown field {key!r}")
        if key == "extra":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise _Malformed("meta: field 'extra' must be an object of strings")
            kwargs[key] = value
        else:
            kwargs[key] = _typed(value, hints[key], f"meta.{key}", f"meta: field {key!r}")
    return tree.Metadata(**kwargs)


def from_dict(data: dict[str, Any], name: str = "<json>") -> tree.Document:
    """The Document `data` describes, every field checked against the tree's dataclass types.

    A JSON tree is input like any other: a wrong type (a string where a number goes,
    a block where an inline goes) is refused in one line naming the node and field,
    rather than reaching a writer that would put it into markup unchecked.
    """
    version = data.get("docconv-tree") if isinstance(data, dict) else None
    if version != SCHEMA_VERSION or type(version) is not int:
        raise InputError(name, f"not a docconv tree of schema version {SCHEMA_VERSION} (found {version!r})")
    try:
        unknown = sorted(set(data) - {"docconv-tree", "meta", "blocks"})
        if unknown:
            raise _Malformed(f"unknown top-level field {unknown[0]!r}")
        meta = _meta(data.get("meta"))
        blocks = _typed(data.get("blocks", []), tuple[tree.Block, ...], "blocks")
    except _Malformed as exc:
        raise InputError(name, f"malformed docconv tree: {exc}") from None
    return tree.Document(meta=meta, blocks=blocks)


def loads(text: str, name: str = "<json>") -> tree.Document:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(name, f"invalid JSON: {exc}") from exc
    return from_dict(data, name)
