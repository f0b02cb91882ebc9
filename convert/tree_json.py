"""The tree's JSON form: versioned, lossless, readable in a diff.

Every node becomes an object whose "t" names its class; tuples become lists.
A document carries `docconv-tree` (the schema version) and a reader refuses
a version it does not know, as pandoc does with `pandoc-api-version`.
"""

from __future__ import annotations

import dataclasses
import json
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


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_decode(item) for item in value)
    if isinstance(value, dict):
        name = value.get("t")
        cls = _NODE_CLASSES.get(name)  # type: ignore[arg-type]
        if cls is None:
            raise ValueError(f"unknown node type {name!r}")
        kwargs = {key: _decode(item) for key, item in value.items() if key != "t"}
        return cls(**kwargs)
    return value


def from_dict(data: dict[str, Any], name: str = "<json>") -> tree.Document:
    version = data.get("docconv-tree") if isinstance(data, dict) else None
    if version != SCHEMA_VERSION:
        raise InputError(name, f"not a docconv tree of schema version {SCHEMA_VERSION} (found {version!r})")
    try:
        raw_meta = dict(data.get("meta") or {})
        for key in ("authors", "tags"):
            raw_meta[key] = tuple(raw_meta.get(key) or ())
        meta = tree.Metadata(**raw_meta)
        blocks = tuple(_decode(block) for block in data.get("blocks") or ())
    except (TypeError, ValueError) as exc:
        raise InputError(name, f"malformed docconv tree: {exc}") from exc
    return tree.Document(meta=meta, blocks=blocks)


def loads(text: str, name: str = "<json>") -> tree.Document:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(name, f"invalid JSON: {exc}") from exc
    return from_dict(data, name)
