"""Turn the public HTML test pages into the plain text a scraper would have saved.

    .venv/bin/python bench/make_text_sets.py [DEST]     (default bench/data/text)

Input: the four sets bench/fetch_extraction_sets.py downloads (bench/data/
readability-2015, newspaper4k, gne, mercury), read with bench/measure_extraction.py's
load_set, so the truth here is the HTML bench's truth (title, authors, date,
main text). Output, for bench/measure_text.py:

    DEST/cut-a/NAME.txt   from 3 lines above the headline to the end of the page
    DEST/cut-b/NAME.txt   the whole page
    DEST/cut-c/NAME.txt   the whole page as `lynx -dump -nolist` renders it (hard-wrapped,
                          indented paragraphs, `*` menus), when lynx is installed
    DEST/cut-*/truth.json {NAME: {title, authors, date, text, free_byline,
                           encoding, crlf, language, set, start, ...}}

How the page becomes text (what "select all, copy" or a text_content scraper
gives): one line per block element (p, div, li, h1-h6, tr, blockquote, pre,
figcaption, ...), inline elements run into their line, <br> breaks the line,
the cells of a table row are joined by a tab (or by a space: files alternate),
white space is collapsed within a line, empty lines are dropped. Scripts,
styles, noscript, template, svg and the whole <head> are not text. Pre keeps
its line breaks, its white space is collapsed like everywhere else.

Where cut-a starts: the headline is the first line whose tokens equal the
truth title's (measure_extraction.tokens: case, punctuation and spacing do not
count); failing that, the line that best contains the title (at least 60% of
the title's characters, recall weighted over precision, so "Title - Site" beats
a paragraph that quotes it). If no such line is found, or it comes after the
line where the truth text begins (a title repeated in a footer), the start is
that text line instead. Either way the cut begins 3 lines above it: what a
scraper that cut near the article keeps (a breadcrumb, a kicker, a date line).
If neither is found the whole page is used and the page is listed.

File conventions, varied so the reader meets each (index i over all pages,
sorted by set and name, the same for both cuts):
  * every third file (i % 3 == 2) is GB18030, the rest UTF-8; a text GB18030
    cannot encode (it covers all of Unicode, so none is expected) stays UTF-8
    and is counted;
  * every fifth file (i % 5 == 4) has CRLF line ends;
  * every fourth file (i % 4 == 3) has a blank line between blocks;
  * table cells are joined by a tab in files 0-2, 6-8, ... and by a space in 3-5, 9-11, ...
"""

from __future__ import annotations

import bisect
import difflib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure_extraction import Page, load_set, tokens  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SETS = ("readability-2015", "newspaper4k", "gne", "mercury")
LINES_ABOVE = 3  # lines kept above the headline (or the text start) in cut-a
TITLE_MIN_COVERAGE = 0.6  # share of the title's characters a "best containing" line must hold
START_WINDOW = 8  # tokens of the truth text looked for to find where it begins
START_TRIES = 5  # windows tried (0, 8, 16, ... tokens in) when the first is not on the page

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol", "option", "p",
    "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "iframe", "video", "audio",
    "frameset", "frame", "textarea", "select",
})
CELL_TAGS = frozenset({"td", "th"})
HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "math", "object", "embed"})
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
CELL_MARK = "\x1f"  # stands for the cell separator until the line's white space is collapsed


# ------------------------------------------------------------ page → lines


def decode_page(page: Page) -> str:
    """As measure_extraction reads pages: UTF-8 if the bytes are UTF-8, else GB18030 if
    they are that; anything else goes through docconv's detection (convert.source.decode)."""
    for codec in ("utf-8", "gb18030"):
        try:
            return page.data.decode(codec)
        except UnicodeDecodeError:
            continue
    from convert.source import decode

    return decode(page.name, page.data).text


class LineBuilder:
    """Collects text pieces into the current line; a block boundary ends the line."""

    def __init__(self, cell_separator: str) -> None:
        self.cell_separator = cell_separator
        self.lines: list[str] = []
        self.pieces: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self.pieces.append(text)

    def cell(self) -> None:
        self.pieces.append(CELL_MARK)

    def end_line(self) -> None:
        cells = ("".join(self.pieces)).split(CELL_MARK)
        line = self.cell_separator.join(c for c in (" ".join(cell.split()) for cell in cells) if c)
        if line:
            self.lines.append(line)
        self.pieces = []


def walk(element, out: LineBuilder) -> None:
    """Text of one element and its subtree into `out`; its tail is the caller's business."""
    tag = element.tag if isinstance(element.tag, str) else None  # comments and PIs have no text to show
    if tag is None or tag.lower() in HIDDEN_TAGS:
        return
    tag = tag.lower()
    if tag == "br":
        out.end_line()
        return
    if tag == "pre":
        walk_pre(element, out)
        return
    block = tag in BLOCK_TAGS
    if block:
        out.end_line()
    elif tag in CELL_TAGS:
        out.cell()
    out.add(element.text)
    for child in element:
        walk(child, out)
        out.add(child.tail)
    if block:
        out.end_line()


def walk_pre(element, out: LineBuilder) -> None:
    """A <pre> keeps its line breaks (each becomes a line); <br> inside it breaks too."""
    out.end_line()
    text = "".join(part if isinstance(part, str) else "\n" for part in _pre_parts(element))
    for line in text.split("\n"):
        out.add(line)
        out.end_line()


def _pre_parts(element):
    yield element.text or ""
    for child in element:
        if isinstance(child.tag, str) and child.tag.lower() == "br":
            yield None  # a line break
        elif isinstance(child.tag, str) and child.tag.lower() not in HIDDEN_TAGS:
            yield from _pre_parts(child)
        yield child.tail or ""


def page_lines(page: Page, cell_separator: str) -> list[str]:
    """The page as a scraper's lines (see the module docstring for the rules)."""
    import lxml.html

    html = decode_page(page)
    html = re.sub(r"</(?:body|html)\s*>", "", html, flags=re.I)  # content after </body> is shown, as browsers do
    root = lxml.html.document_fromstring(html)
    body = root.body if root.body is not None else root
    out = LineBuilder(cell_separator)
    walk(body, out)
    out.end_line()
    return out.lines


# ----------------------------------------------------------- where to cut


def _token_key(text: str) -> str:
    return " ".join(tokens(text))


def exact_title_line(lines: list[str], title: str) -> int | None:
    """The first line whose tokens are the title's."""
    want = _token_key(title)
    if not want:
        return None
    return next((i for i, line in enumerate(lines) if _token_key(line) == want), None)


def best_title_line(lines: list[str], title: str) -> int | None:
    """The line that best contains the title: matched characters weighted 4:1 for the
    title's share (recall) over the line's share (precision), F2; at least 60% recall."""
    want = tokens(title)
    want_chars = len("".join(want))
    if not want_chars:
        return None
    wanted = set(want)
    best, best_score = None, 0.0
    for index, line in enumerate(lines):
        got = tokens(line)
        if not wanted.intersection(got):
            continue
        matcher = difflib.SequenceMatcher(None, want, got, autojunk=False)
        matched = sum(len("".join(want[b.a:b.a + b.size])) for b in matcher.get_matching_blocks())
        recall, precision = matched / want_chars, matched / len("".join(got))
        if recall < TITLE_MIN_COVERAGE:
            continue
        score = 5 * precision * recall / (4 * precision + recall)
        if score > best_score:
            best, best_score = index, score
    return best


def text_start_line(lines: list[str], text: str) -> int | None:
    """The line where the truth text begins: the first line holding the start of a run of
    its first tokens. Tried with later windows when the first is not on the page."""
    page_tokens: list[str] = []
    token_lines: list[int] = []
    for index, line in enumerate(lines):
        found = tokens(line)
        page_tokens.extend(found)
        token_lines.extend([index] * len(found))
    joined, offsets = _joined_with_offsets(page_tokens)
    want = tokens(text)
    for attempt in range(START_TRIES):
        window = want[attempt * START_WINDOW:(attempt + 1) * START_WINDOW]
        if not window:
            break
        at = (" " + joined + " ").find(" " + " ".join(window) + " ")
        if at >= 0:
            return token_lines[bisect.bisect_right(offsets, at) - 1]
    return None


def _joined_with_offsets(items: list[str]) -> tuple[str, list[int]]:
    """items joined by spaces, and the offset where each item starts."""
    offsets, position = [], 0
    for item in items:
        offsets.append(position)
        position += len(item) + 1
    return " ".join(items), offsets


@dataclass
class Cut:
    start: int  # index of the first line kept in cut-a
    rule: str  # "title line", "title contained", "text start (why)", "whole page (why)"


def find_cut(lines: list[str], page: Page) -> Cut:
    """Where cut-a starts (module docstring: headline, else the truth text's first line).
    The rule names say why a page fell back to the text start."""
    text_start = text_start_line(lines, page.text)
    title_below_text = False
    for rule, find in (("title line", exact_title_line), ("title contained", best_title_line)):
        found = find(lines, page.title)
        if found is not None and (text_start is None or found <= text_start):
            return Cut(max(0, found - LINES_ABOVE), rule)
        title_below_text = title_below_text or found is not None
    why = "truth has no title" if not page.title.strip() else \
        "title only below the text start" if title_below_text else "title not on the page"
    if text_start is not None:
        return Cut(max(0, text_start - LINES_ABOVE), f"text start ({why})")
    return Cut(0, f"whole page ({why}, text start not found)")


# ------------------------------------------------------------------ writing


def language(text: str) -> str:
    """ "zh" when CJK characters (Han, kana, hangul) are most of the truth text's tokens, else
    "en": a coarse split into scripts written without and with word spaces. Tokens, not
    characters, are counted, so "iPhone" in a Chinese article weighs as one character."""
    found = tokens(text)
    cjk = sum(1 for token in found if CJK_CHAR.fullmatch(token))
    return "zh" if found and cjk / len(found) > 0.5 else "en"


@dataclass(frozen=True)
class Convention:
    encoding: str  # wanted: "gb18030" or "utf-8"
    crlf: bool
    blank_lines: bool
    cell_separator: str


def convention(index: int) -> Convention:
    """The file conventions of the index-th page (module docstring). The cell separator
    flips every third file so it is not tied to the blank-line convention."""
    return Convention("gb18030" if index % 3 == 2 else "utf-8", index % 5 == 4, index % 4 == 3,
                      "\t" if (index // 3) % 2 == 0 else " ")


def render(lines: list[str], style: Convention) -> tuple[bytes, str]:
    """The file's bytes and the encoding actually used (UTF-8 when GB18030 cannot hold the text)."""
    text = ("\n\n" if style.blank_lines else "\n").join(lines) + "\n"
    if style.crlf:
        text = text.replace("\n", "\r\n")
    if style.encoding == "gb18030":
        try:
            return text.encode("gb18030"), "gb18030"
        except UnicodeEncodeError:
            pass
    return text.encode("utf-8"), "utf-8"


def truth_entry(page: Page, set_name: str, style: Convention, encoding: str, rule: str) -> dict:
    return {
        "title": page.title, "authors": page.authors, "date": page.date, "text": page.text,
        "free_byline": page.free_byline, "encoding": encoding, "crlf": style.crlf,
        "language": language(page.text), "set": set_name, "start": rule,
        "blank_lines": style.blank_lines, "cell_separator": "tab" if style.cell_separator == "\t" else "space",
    }


def all_pages(data: Path) -> list[tuple[str, Page]]:
    pages = [(set_name, page) for set_name in SETS for page in load_set(data / set_name)]
    names = [page.name for _, page in pages]
    clashes = sorted({n for n in names if names.count(n) > 1})
    if clashes:
        raise SystemExit(f"page names occur in two sets, the files would clash: {clashes}")
    return pages


def lynx_dump(page: Page) -> bytes | None:
    """The page as `lynx -dump -nolist` prints it, in UTF-8 (the page is handed to lynx in
    UTF-8 with its charset said); None when lynx is missing or fails on the page."""
    lynx = shutil.which("lynx")
    if not lynx:
        return None
    html = re.sub(r"(?is)<meta[^>]*charset[^>]*>", "", decode_page(page))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.html"
        path.write_text('<meta charset="utf-8">' + html, encoding="utf-8")
        try:
            done = subprocess.run([lynx, "-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8",
                                   str(path)], capture_output=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return None
    return done.stdout if done.returncode == 0 and done.stdout.strip() else None


def main(argv: list[str]) -> int:
    dest = Path(argv[0]) if argv else ROOT / "bench" / "data" / "text"
    data = ROOT / "bench" / "data"
    cuts = {"cut-a": {}, "cut-b": {}, "cut-c": {}}
    for folder in cuts:
        (dest / folder).mkdir(parents=True, exist_ok=True)
        for old in (dest / folder).glob("*.txt"):
            old.unlink()
    per_set: dict[str, int] = {}
    rules: dict[str, list[str]] = {}
    kept_utf8, crlf_files, gb_files = [], 0, 0
    for index, (set_name, page) in enumerate(all_pages(data)):
        style = convention(index)
        lines = page_lines(page, style.cell_separator)
        cut = find_cut(lines, page)
        rules.setdefault(cut.rule, []).append(page.name)
        per_set[set_name] = per_set.get(set_name, 0) + 1
        for folder, kept in (("cut-a", lines[cut.start:]), ("cut-b", lines)):
            data_bytes, encoding = render(kept, style)
            (dest / folder / f"{page.name}.txt").write_bytes(data_bytes)
            cuts[folder][page.name] = truth_entry(page, set_name, style, encoding, cut.rule)
        dumped = lynx_dump(page)
        if dumped is not None:
            (dest / "cut-c" / f"{page.name}.txt").write_bytes(dumped)
            cuts["cut-c"][page.name] = truth_entry(page, set_name, Convention("utf-8", False, False, " "),
                                                   "utf-8", "lynx")
        if style.encoding == "gb18030" and encoding != "gb18030":
            kept_utf8.append(page.name)
        gb_files += encoding == "gb18030"
        crlf_files += style.crlf
    for folder, truth in cuts.items():
        if not truth:
            continue
        (dest / folder / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    report(dest, per_set, rules, gb_files, crlf_files, kept_utf8, cuts["cut-a"])
    return 0


def report(dest: Path, per_set: dict[str, int], rules: dict[str, list[str]], gb_files: int, crlf_files: int,
           kept_utf8: list[str], truth: dict) -> None:
    total = sum(per_set.values())
    print(f"{total} pages → {dest}/cut-a and {dest}/cut-b: " + ", ".join(f"{k} {v}" for k, v in per_set.items()))
    languages = [entry["language"] for entry in truth.values()]
    print(f"languages: zh {languages.count('zh')}, en {languages.count('en')}")
    print(f"per cut: {gb_files} files GB18030, {crlf_files} with CRLF, "
          f"{sum(e['blank_lines'] for e in truth.values())} with blank lines between blocks; "
          f"{len(kept_utf8)} meant for GB18030 kept UTF-8 {kept_utf8 or ''}")
    for rule, names in sorted(rules.items(), key=lambda item: (item[0] != "title line", item[0])):
        listed = f": {', '.join(names)}" if rule != "title line" else ""
        print(f"cut-a starts at {rule}: {len(names)}{listed}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
