"""The incremental-build record kept in a batch's output folder.

An append-only JSON-lines file: one line per output made, flushed as it is
made, so a killed run keeps everything it finished and the next run picks up
the rest. The last line for an output wins. An output is fresh when its file
exists, is newer than its input, and was made from the same input (size and
mtime) with the same options and docconv version.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

FILE_NAME = ".docconv-manifest.jsonl"


@dataclass(frozen=True, slots=True)
class Stamp:
    input_size: int
    input_mtime_ns: int
    options: str  # a digest of everything that changes the output
    version: str

    @classmethod
    def of(cls, input_path: str, options_digest: str, version: str) -> Stamp:
        info = os.stat(input_path)
        return cls(info.st_size, info.st_mtime_ns, options_digest, version)


class Manifest:
    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.path = os.path.join(folder, FILE_NAME)
        self.entries: dict[str, Stamp] = {}
        self._load()

    def _load(self) -> None:
        try:
            with open(self.path, encoding="utf-8") as handle:
                lines = handle.readlines()
        except FileNotFoundError:
            return
        for line in lines:
            try:
                record = json.loads(line)
                self.entries[record["output"]] = Stamp(
                    record["input_size"], record["input_mtime_ns"], record["options"], record["version"])
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short by a kill: that output is simply rebuilt

    def is_fresh(self, output: str, stamp: Stamp) -> bool:
        """`output` is relative to the manifest's folder."""
        if self.entries.get(output) != stamp:
            return False
        try:
            return os.stat(os.path.join(self.folder, output)).st_mtime_ns >= stamp.input_mtime_ns
        except OSError:
            return False

    def record(self, output: str, stamp: Stamp) -> None:
        self.entries[output] = stamp
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        line = json.dumps({"output": output, "input_size": stamp.input_size,
                           "input_mtime_ns": stamp.input_mtime_ns,
                           "options": stamp.options, "version": stamp.version}, ensure_ascii=False)
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")
            handle.flush()
