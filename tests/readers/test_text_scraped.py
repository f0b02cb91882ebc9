"""The text reader on 24 scraped-shaped pages (tests/data/text/scraped/): whole pages and
pages cut a few lines above the headline, Chinese and English, GB18030 and CRLF among
them, each with a hand-written truth (truth.json) of what a careful editor finds in it.

Every article line from the truth's first to its last body line must come out (nothing
lost), and the metadata must be the truth's — except where truth.json names a known miss
with its reason, which the closing note of issue 11 lists too. The trees are goldens.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convert.context import Context
from convert.options import Options
from convert.readers._text_headings import MARKERS
from convert.readers.text import TextReader
from convert.source import Source
from convert.tree import document_text
from tests.golden import assert_golden

DATA = Path(__file__).resolve().parents[1] / "data" / "text" / "scraped"
TRUTH = json.loads((DATA / "truth.json").read_text(encoding="utf-8"))
FIELDS = ("title", "date", "authors", "source", "editor", "tags")


def read(name: str):
    ctx = Context.for_source(Options(), None, name)
    return TextReader().read(Source(name=name, data=(DATA / name).read_bytes(), suffix=".txt"), ctx), ctx


def truth_body_lines(name: str) -> list[str]:
    truth = TRUTH[name]
    text = (DATA / name).read_bytes().decode(truth["encoding"]).replace("\r\n", "\n")
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    first, last = lines.index(truth["body_first"]), lines.index(truth["body_last"])
    return lines[first:last + 1]


@pytest.mark.parametrize("name", sorted(TRUTH), ids=lambda n: n.removesuffix(".txt"))
def test_scraped_golden(name: str) -> None:
    document, _ = read(name)
    assert_golden(document, DATA / name.replace(".txt", ".json"))


@pytest.mark.parametrize("name", sorted(TRUTH), ids=lambda n: n.removesuffix(".txt"))
def test_no_article_line_is_lost(name: str) -> None:
    document, _ = read(name)
    output = set(document_text(document).splitlines())
    # a marker heading (`● 老街换新颜`) comes out without its marker
    lost = [line for line in truth_body_lines(name) if line.lstrip(MARKERS + " \u3000") not in output]
    assert lost == []


@pytest.mark.parametrize("name", sorted(TRUTH), ids=lambda n: n.removesuffix(".txt"))
def test_metadata_is_the_editors(name: str) -> None:
    document, _ = read(name)
    truth, misses = TRUTH[name], TRUTH[name].get("known_misses", {})
    for field in FIELDS:
        found = getattr(document.meta, field)
        found = list(found) if isinstance(found, tuple) else found
        if field in misses:
            assert found != truth[field], f"{field} is right now: drop it from known_misses ({misses[field]})"
        else:
            assert found == truth[field], field


@pytest.mark.parametrize("name", sorted(TRUTH), ids=lambda n: n.removesuffix(".txt"))
def test_the_body_starts_at_the_article(name: str) -> None:
    document, ctx = read(name)
    first = document_text(document).splitlines()[0]
    if "body_first" in TRUTH[name].get("known_misses", {}):
        assert first != TRUTH[name]["body_first"], "the body starts right now: drop body_first from known_misses"
    else:
        assert first == TRUTH[name]["body_first"]
    assert [d.code for d in ctx.diagnostics] == ["boilerplate-dropped"]
