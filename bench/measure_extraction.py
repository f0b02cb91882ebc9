"""How well does docconv find a web page's article and its metadata? docconv beside pandoc.

    .venv/bin/python bench/measure_extraction.py [SET_DIR ...] [--extractors]

A set directory holds pages in one of two layouts:

  * ours (tests/data/html/pages, the default): NAME.html beside NAME.truth.json =
    {"title", "authors": [...], "date": "YYYY-MM-DD", "text": [lines] | "text",
     "encoding": optional codec the page is stored in before reading (e.g. "gbk")}
  * Mozilla Readability's test pages (test/test-pages/NAME/): source.html,
    expected.html (the article, as Readability keeps it) and expected-metadata.json
    (title, byline, publishedTime). The "truth" there is Readability's reviewed output.
  * newspaper4k's test data (html/NAME.html, txt/NAME.txt, metadata/NAME.json with
    title, authors, publish_date): the text and metadata that project expects.
  * hand labels (labels.json beside NAME.html pages, as bench/gne_labels.json for
    gne's Chinese news pages): {"NAME": {"title", "authors", "date", "first", "last",
    "article"}}; the truth text is the page's visible text from the first words of
    the article body to its last words, so it also holds whatever the page put
    inside the article (an inline ad stays "truth" there).
bench/fetch_extraction_sets.py downloads the public sets into bench/data/.

Per page and overall: title/author/date right (1) or wrong (0) — "-" when the truth
has no value — and character-level precision and recall of the body text. Text is
compared as a token sequence (a CJK character is a token, so is a run of letters or
digits; punctuation and spaces do not count); matched tokens are weighted by their
length, so P/R are shares of characters. pandoc is `pandoc -f html -t plain`, its
metadata from the same run's template variables. --extractors adds trafilatura,
readability-lxml and gne (text and metadata as each library reports them), for
choosing how docconv finds the main content.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SET = ROOT / "tests" / "data" / "html" / "pages"
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]|[^\W_]+")
_SEPARATOR = "\x1e"


@dataclass
class Page:
    name: str
    data: bytes
    title: str
    authors: list[str]
    date: str
    text: str
    free_byline: bool = False  # Readability's truth is one byline string ("by A - date"), not a name list


@dataclass
class Result:
    title: str
    authors: list[str]
    date: str
    text: str


# ------------------------------------------------------------------ loading


def load_set(folder: Path) -> list[Page]:
    pages = []
    for truth_path in sorted(folder.glob("*.truth.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        html = truth_path.with_name(truth_path.name.replace(".truth.json", ".html")).read_text(encoding="utf-8")
        text = truth["text"] if isinstance(truth["text"], str) else "\n".join(truth["text"])
        pages.append(Page(truth_path.name.replace(".truth.json", ""), html.encode(truth.get("encoding", "utf-8")),
                          truth.get("title", ""), truth.get("authors", []), truth.get("date", ""), text))
    for source in sorted(folder.glob("*/source.html")):
        if not (source.parent / "expected.html").is_file():
            continue  # an incomplete copy: nothing to compare against
        meta_path = source.parent / "expected-metadata.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        byline = meta.get("byline") or ""
        pages.append(Page(source.parent.name, source.read_bytes(), meta.get("title") or "",
                          [byline] if byline else [], (meta.get("publishedTime") or "")[:10],
                          _html_text((source.parent / "expected.html").read_text(encoding="utf-8")),
                          free_byline=True))
    pages.extend(_load_newspaper_layout(folder))
    pages.extend(_load_labelled_pages(folder))
    return pages


def _load_labelled_pages(folder: Path) -> list[Page]:
    labels_path = folder / "labels.json"
    if not labels_path.is_file():
        return []
    pages = []
    for name, label in sorted(json.loads(labels_path.read_text(encoding="utf-8")).items()):
        if not label.get("article", True):
            continue
        data = (folder / f"{name}.html").read_bytes()
        body = _between(visible_text(data), label["first"], label["last"])
        if body is None:
            print(f"  (labels for {name}: first/last words not found in the page; page skipped)", file=sys.stderr)
            continue
        pages.append(Page(name, data, label.get("title", ""), label.get("authors", []), label.get("date", ""), body))
    return pages


def _between(text: str, first: str, last: str) -> str | None:
    """text from `first` to the end of `last`, matched with all white space ignored (markup splits lines)."""
    positions = [i for i, char in enumerate(text) if not char.isspace()]
    squashed = "".join(text[i] for i in positions)
    first, last = "".join(first.split()), "".join(last.split())
    start = squashed.find(first)
    end = squashed.find(last, max(start, 0))
    if start < 0 or end < 0:
        return None
    return text[positions[start]:positions[end + len(last) - 1] + 1]


def visible_text(data: bytes) -> str:
    """The page's text as a reader sees it: scripts, styles and markup gone, one block per line."""
    import lxml.html

    try:
        html = data.decode("utf-8")
    except UnicodeDecodeError:
        html = data.decode("gb18030", "replace")
    root = lxml.html.document_fromstring(re.sub(r"</(?:body|html)\s*>", "", html, flags=re.I))  # as browsers read on
    for hidden in root.xpath("//script|//style|//noscript|//template"):
        hidden.drop_tree()
    body = root.body if root.body is not None else root
    return "\n".join(line for line in (" ".join(part.split()) for part in body.itertext()) if line)


def _load_newspaper_layout(folder: Path) -> list[Page]:
    pages = []
    for text_path in sorted(folder.glob("txt/*.txt")):
        html_path = folder / "html" / (text_path.stem + ".html")
        if not html_path.is_file():
            continue  # a text fixture of the project's own, not a page
        meta_path = folder / "metadata" / (text_path.stem + ".json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        pages.append(Page(text_path.stem, html_path.read_bytes(), meta.get("title") or "",
                          list(meta.get("authors") or []), (meta.get("publish_date") or "")[:10],
                          text_path.read_text(encoding="utf-8")))
    return pages


def _html_text(html: str) -> str:
    import lxml.html

    return lxml.html.fromstring(html).text_content() if html.strip() else ""


# --------------------------------------------------------------- extractors


def run_docconv(page: Page) -> Result:
    from convert.context import Context
    from convert.options import Options
    from convert.readers.html import HtmlReader
    from convert.source import Source
    from convert.tree import document_text

    ctx = Context.for_source(Options(), None, page.name + ".html")
    document = HtmlReader().read(Source(page.name + ".html", page.data, suffix=".html"), ctx)
    meta = document.meta
    return Result(meta.title, list(meta.authors), meta.date, document_text(document))


def run_pandoc(page: Page, source_format: str = "html") -> Result:
    """pandoc reading page.data (UTF-8: pandoc reads nothing else) as `source_format`."""
    template = _SEPARATOR.join(["$title$", "$for(author)$$author$\x1f$endfor$", "$date$", "$body$"])
    with tempfile.TemporaryDirectory() as folder:
        template_path = Path(folder) / "fields.plain"
        template_path.write_text(template, encoding="utf-8")
        command = [_pandoc(), "-f", source_format, "-t", "plain", "--wrap=none", f"--template={template_path}"]
        done = subprocess.run(command, input=page.data, capture_output=True, timeout=120)
    title, authors, date, body = (done.stdout.decode("utf-8", "replace").split(_SEPARATOR) + [""] * 4)[:4]
    return Result(title.strip(), [a.strip() for a in authors.split("\x1f") if a.strip()], date.strip(), body)


@functools.cache  # found once per run, not once per page
def _pandoc() -> str:
    sys.path.insert(0, str(ROOT / "bench"))
    from run_bench import find_pandoc

    found = find_pandoc()
    if not found:
        raise SystemExit("pandoc not found: set $PANDOC or pip install -e '.[bench]'")
    return found


def run_trafilatura(page: Page) -> Result:
    import trafilatura

    found = trafilatura.bare_extraction(page.data, with_metadata=True, include_tables=True, include_images=True)
    if found is None:
        return Result("", [], "", "")
    authors = [a.strip() for a in re.split(r";", found.author or "") if a.strip()]
    return Result(found.title or "", authors, found.date or "", found.text or "")


def run_readability(page: Page) -> Result:
    from readability import Document as ReadabilityDocument

    document = ReadabilityDocument(page.data)
    return Result(document.short_title() or "", [], "", _html_text(document.summary()))


def run_gne(page: Page) -> Result:
    from gne import GeneralNewsExtractor

    from convert.source import decode

    html = decode(page.name, page.data).text
    found = GeneralNewsExtractor().extract(html)
    author = found.get("author") or ""
    return Result(found.get("title") or "", [author] if author else [], found.get("publish_time") or "",
                  found.get("content") or "")


# ------------------------------------------------------------------ scoring


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def precision_recall(extracted: str, truth: str) -> tuple[float, float]:
    got, want = tokens(extracted), tokens(truth)
    matcher = difflib.SequenceMatcher(None, got, want, autojunk=False)
    matched = sum(len("".join(got[b.a:b.a + b.size])) for b in matcher.get_matching_blocks())
    got_chars, want_chars = len("".join(got)), len("".join(want))
    return (matched / got_chars if got_chars else 0.0), (matched / want_chars if want_chars else 1.0)


def _same(a: str, b: str) -> bool:
    return " ".join(tokens(a)) == " ".join(tokens(b))


def _author_right(page: Page, result: Result) -> int:
    if page.free_byline:  # right when every name given stands in the byline
        byline = _squash(page.authors[0])
        return int(bool(result.authors) and all(_squash(name) in byline for name in result.authors))
    return int(sorted(map(_squash, result.authors)) == sorted(map(_squash, page.authors)))


def field_scores(page: Page, result: Result) -> dict[str, int | None]:
    return {
        "title": int(_same(result.title, page.title)) if page.title else None,
        "author": _author_right(page, result) if page.authors else None,
        "date": int(result.date[:10] == page.date[:10]) if page.date else None,
    }


def _squash(name: str) -> str:
    return " ".join(tokens(re.sub(r"^\s*by\s+", "", name, flags=re.I)))


# ------------------------------------------------------------------- report


def measure(pages: list[Page], systems: dict[str, Callable[[Page], Result]]) -> None:
    totals = {name: {"title": [], "author": [], "date": [], "p": [], "r": []} for name in systems}
    header = f"{'page':28}" + "".join(f" | {name:^29}" for name in systems)
    print(header + "\n" + f"{'':28}" + " | title auth date   P     R  " * len(systems))
    print("-" * len(header))
    for page in pages:
        row = f"{page.name[:28]:28}"
        for name, run in systems.items():
            try:
                result = run(page)
            except Exception as error:  # an extractor failing on a page scores zero there
                print(f"  ({name} failed on {page.name}: {type(error).__name__}: {error})", file=sys.stderr)
                result = Result("", [], "", "")
            scores = field_scores(page, result)
            precision, recall = precision_recall(result.text, page.text)
            for key, value in scores.items():
                if value is not None:
                    totals[name][key].append(value)
            totals[name]["p"].append(precision)
            totals[name]["r"].append(recall)
            marks = " ".join(f"{'-' if v is None else 'ok' if v else 'NO':>4}" for v in scores.values())
            row += f" | {marks} {precision:5.2f} {recall:5.2f}"
        print(row)
    print("-" * len(header))
    row = f"{'overall (' + str(len(pages)) + ' pages)':28}"
    for name in systems:
        t = totals[name]
        shares = " ".join(f"{_share(t[key]):>4}" for key in ("title", "author", "date"))
        row += f" | {shares} {_mean(t['p']):5.2f} {_mean(t['r']):5.2f}"
    print(row)
    print("\nfield columns overall: share right among pages whose truth has that field;"
          " P/R: mean per-page character precision/recall of the body text")


def _share(values: list[int]) -> str:
    return f"{100 * sum(values) / len(values):.0f}%" if values else "-"


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def main(argv: list[str]) -> None:
    with_extractors = "--extractors" in argv
    folders = [Path(arg) for arg in argv if not arg.startswith("--")] or [DEFAULT_SET]
    systems: dict[str, Callable[[Page], Result]] = {"docconv": run_docconv, "pandoc": run_pandoc}
    if with_extractors:
        systems.update(trafilatura=run_trafilatura, readability=run_readability, gne=run_gne)
    for folder in folders:
        print(f"\n== set: {folder}")
        measure(load_set(folder), systems)


if __name__ == "__main__":
    main(sys.argv[1:])
