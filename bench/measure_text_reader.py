"""How well does the text reader read scraped articles? Measured against hand-written expectations.

    .venv/bin/python bench/measure_text_reader.py [--verbose]

tests/data/text/expectations.json holds, per article (path relative to the
repository), what a careful reader finds in it: title, date, authors,
publisher, source, editor, tags, description, the section headings as
[level, text], and the trailer lines the site appended (boilerplate). It was
written from the article texts, not from the reader's output or the goldens.

Per metadata field and for headings: right (found as expected), missed
(expected but absent or different) and invented (found but not expected, or
different). A wrong value counts once as missed and once as invented; list
fields (authors, tags) and headings count item by item. Headings found with
the right text but another level are reported separately.

Boilerplate: the lines the reader dropped are read back from a second run
with keep_boilerplate, which appends exactly those lines after a final rule.
"dropped, should be kept" is the count that must stay at 0.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from convert.context import Context
from convert.options import Options
from convert.readers.text import TextReader
from convert.source import Source
from convert.tree import Document, Heading, Paragraph, Rule, plain_text

ROOT = Path(__file__).resolve().parent.parent
EXPECTATIONS = ROOT / "tests" / "data" / "text" / "expectations.json"
SCALAR_FIELDS = ("title", "date", "publisher", "source", "editor", "description")
LIST_FIELDS = ("authors", "tags")


def read(path: Path, **options: object) -> tuple[Document, Context]:
    ctx = Context.for_source(Options(**options), str(path.parent), path.name)
    return TextReader().read(Source(name=path.name, data=path.read_bytes(), suffix=".txt"), ctx), ctx


def dropped_lines(path: Path) -> list[str]:
    """The lines the reader dropped: the paragraphs after the last rule of a keep_boilerplate run."""
    _, ctx = read(path)
    if not any(d.code == "boilerplate-dropped" for d in ctx.diagnostics):
        return []
    kept, _ = read(path, keep_boilerplate=True)
    rules = [i for i, block in enumerate(kept.blocks) if isinstance(block, Rule)]
    if not rules:  # lines dropped above the article only
        return []
    last_rule = rules[-1]
    return [plain_text(b.children) for b in kept.blocks[last_rule + 1:] if isinstance(b, Paragraph)]


def compare_items(expected: list[str], found: list[str]) -> tuple[int, int, int]:
    """(right, missed, invented) for two multisets of items."""
    want, have = Counter(expected), Counter(found)
    right = sum((want & have).values())
    return right, sum(want.values()) - right, sum(have.values()) - right


def measure(verbose: bool) -> dict[str, Counter]:
    expectations = json.loads(EXPECTATIONS.read_text(encoding="utf-8"))
    totals: dict[str, Counter] = {name: Counter() for name in (*SCALAR_FIELDS, *LIST_FIELDS, "headings")}
    boilerplate = Counter()
    for relative, expected in expectations.items():
        if relative.startswith("_"):
            continue
        path = ROOT / relative
        document, _ = read(path)
        meta = document.meta
        problems = []
        for name in SCALAR_FIELDS:
            want, have = expected[name], getattr(meta, name)
            result = compare_items([want] if want else [], [have] if have else [])
            totals[name].update(dict(zip(("right", "missed", "invented"), result)))
            if want != have:
                problems.append(f"{name}: expected {want!r}, got {have!r}")
        for name in LIST_FIELDS:
            want, have = list(expected[name]), list(getattr(meta, name))
            totals[name].update(dict(zip(("right", "missed", "invented"), compare_items(want, have))))
            if want != have:
                problems.append(f"{name}: expected {want}, got {have}")
        found = [(b.level, plain_text(b.children)) for b in document.blocks if isinstance(b, Heading)]
        right, missed, invented = compare_items([text for _, text in expected["headings"]], [text for _, text in found])
        level_right = sum((Counter(map(tuple, expected["headings"])) & Counter(found)).values())
        totals["headings"].update(right=right, missed=missed, invented=invented, wrong_level=right - level_right)
        if found != [tuple(h) for h in expected["headings"]]:
            problems.append(f"headings: expected {expected['headings']}, got {found}")
        dropped = dropped_lines(path)
        should_drop = expected["boilerplate"]
        right, kept_wrongly, dropped_wrongly = compare_items(should_drop, dropped)
        boilerplate.update(articles=1, right=right, dropped_should_keep=dropped_wrongly, kept_should_drop=kept_wrongly)
        if dropped_wrongly or kept_wrongly:
            problems.append(f"boilerplate: expected {should_drop}, dropped {dropped}")
        if verbose and problems:
            print(f"{relative}:\n  " + "\n  ".join(problems))
    totals["boilerplate lines"] = boilerplate
    return totals


def main(argv: list[str]) -> int:
    totals = measure("--verbose" in argv)
    articles = totals["boilerplate lines"]["articles"]
    print(f"text reader on {articles} hand-checked articles (tests/data/text/expectations.json)\n")
    print(f"{'field':<14}{'right':>7}{'missed':>8}{'invented':>10}")
    for name, counts in totals.items():
        if name == "boilerplate lines":
            continue
        extra = f"   ({counts['wrong_level']} at another level)" if name == "headings" else ""
        print(f"{name:<14}{counts['right']:>7}{counts['missed']:>8}{counts['invented']:>10}{extra}")
    bp = totals["boilerplate lines"]
    print(f"\nboilerplate lines: {bp['right']} dropped rightly, "
          f"{bp['dropped_should_keep']} dropped that should have been kept (goal 0), "
          f"{bp['kept_should_drop']} kept that should have been dropped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
