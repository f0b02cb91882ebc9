"""How well does docconv's text reader read scraped page text? docconv beside pandoc.

    .venv/bin/python bench/measure_text.py [SET_DIR ...] [--verbose] [--worst N] [--json FILE]

SET_DIR (default bench/data/text/cut-a, cut-b and, when lynx made it, cut-c) holds NAME.txt
files and truth.json, as bench/make_text_sets.py writes them from the public HTML
test pages; the truth is the HTML bench's (bench/measure_extraction.py).

Systems, each reading the same bytes:
  * docconv: TextReader, as bench/measure_text_reader.py calls it. Metadata from
    document.meta; body = convert.tree.document_text(document), i.e. the body
    blocks only (headings, paragraphs, tables, captions). The title the reader
    lifts into meta.title is not in it.
  * pandoc: `pandoc -f markdown -t plain --wrap=none`, the file's bytes first
    decoded with the encoding truth.json records and given as UTF-8 (pandoc only
    reads UTF-8, a GB18030 file would be garbage to it; CRLF is left as it is).
    title/author/date are pandoc's template variables (a plain text file rarely
    sets them, so they are mostly empty: that is the honest result); body = $body$,
    which likewise holds no title. So both bodies are scored without the title.

Per file: title/author/date right or wrong (measure_extraction.field_scores) and
character precision/recall of the body against the truth text
(measure_extraction.precision_recall). Reported per cut, and per language (zh =
mostly CJK truth text, en = the rest) for the sets the reader was tuned on, with
each held-out set (HELD_OUT: mercury) apart: files, share of right
titles/authors/dates among files whose truth has the field, median and mean P and R.

Body lines dropped: the truth text's lines of 10 characters or more whose tokens
are mostly (over half their characters) not matched in the output, in one
alignment of the output's tokens against the whole truth text. Counted for
pandoc too: pandoc keeps every line of the file, so its count is what the cut
itself and the truth's own wording account for, and docconv's count above that
is what the reader dropped.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import statistics
import subprocess
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure_extraction import Page, Result, field_scores, precision_recall, run_pandoc, tokens  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SETS = [ROOT / "bench" / "data" / "text" / cut for cut in ("cut-a", "cut-b", "cut-c")]
SYSTEMS = ("docconv", "pandoc")
MIN_LINE_CHARS = 10  # shorter truth lines (datelines, captions, fragments) are not counted as body lines
WORKERS = 2  # the machines have 2 cores


@dataclass
class Score:
    title: int | None
    author: int | None
    date: int | None
    precision: float
    recall: float
    lines_dropped: int
    error: str = ""

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class FileResult:
    cut: str
    name: str
    set: str
    language: str
    body_lines: int
    scores: dict[str, Score] = field(default_factory=dict)


# ------------------------------------------------------------------ running


def truth_page(name: str, truth: dict) -> Page:
    return Page(name, b"", truth["title"], list(truth["authors"]), truth["date"], truth["text"],
                truth.get("free_byline", False))


def run_docconv(path: Path) -> Result:
    from convert.context import Context
    from convert.options import Options
    from convert.readers.text import TextReader
    from convert.source import Source
    from convert.tree import document_text

    ctx = Context.for_source(Options(), str(path.parent), path.name)
    document = TextReader().read(Source(name=path.name, data=path.read_bytes(), suffix=".txt"), ctx)
    meta = document.meta
    return Result(meta.title, list(meta.authors), meta.date, document_text(document))


def run_pandoc_markdown(path: Path, encoding: str) -> Result:
    """pandoc on the file as Markdown, its bytes re-encoded to UTF-8 (pandoc reads nothing else)."""
    utf8 = path.read_bytes().decode(encoding).encode("utf-8")
    return run_pandoc(Page(path.stem, utf8, "", [], "", ""), source_format="markdown")


def body_lines(text: str) -> list[list[str]]:
    """The truth text's lines that count as body lines, as token lists."""
    return [tokens(line) for line in text.splitlines() if len(line.strip()) >= MIN_LINE_CHARS]


def lines_dropped(output: str, lines: list[list[str]]) -> int:
    """Body lines less than half of whose characters the output holds, aligned as one
    token sequence against all the lines (so a repeated phrase is not found twice)."""
    want = [token for line in lines for token in line]
    got = tokens(output)
    matched = [False] * len(want)
    matcher = difflib.SequenceMatcher(None, got, want, autojunk=False)
    for block in matcher.get_matching_blocks():
        matched[block.b:block.b + block.size] = [True] * block.size
    dropped, position = 0, 0
    for line in lines:
        flags = matched[position:position + len(line)]
        found = sum(len(token) for token, hit in zip(line, flags) if hit)
        position += len(line)
        if line and found * 2 < sum(len(token) for token in line):
            dropped += 1
    return dropped


def score(page: Page, lines: list[list[str]], run) -> Score:
    try:
        result = run()
        error = ""
    except Exception as exc:  # a system failing on a file scores zero there
        result, error = Result("", [], "", ""), f"{type(exc).__name__}: {exc}"
    fields = field_scores(page, result)
    precision, recall = precision_recall(result.text, page.text)
    return Score(fields["title"], fields["author"], fields["date"], precision, recall,
                 lines_dropped(result.text, lines), error)


def measure_file(job: tuple[str, str, str, dict]) -> FileResult:
    """One file through both systems (runs in a worker process)."""
    cut, folder, name, truth = job
    path = Path(folder) / f"{name}.txt"
    page = truth_page(name, truth)
    lines = body_lines(page.text)
    result = FileResult(cut, name, truth["set"], truth["language"], len(lines))
    result.scores["docconv"] = score(page, lines, lambda: run_docconv(path))
    result.scores["pandoc"] = score(page, lines, lambda: run_pandoc_markdown(path, truth["encoding"]))
    return result


def jobs(folder: Path) -> list[tuple[str, str, str, dict]]:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return [(folder.name, str(folder), name, entry) for name, entry in sorted(truth.items())
            if (folder / f"{name}.txt").is_file()]


def measure(folders: list[Path]) -> list[FileResult]:
    work = [job for folder in folders if (folder / "truth.json").is_file() for job in jobs(folder)]
    with ProcessPoolExecutor(WORKERS) as pool:
        return list(pool.map(measure_file, work, chunksize=4))


# ------------------------------------------------------------------- report


def _share(values: list[int | None]) -> str:
    known = [v for v in values if v is not None]
    return f"{100 * sum(known) / len(known):.0f}%" if known else "-"


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def _mean(values: list[float]) -> float:
    return statistics.fmean(values) if values else 0.0


def summary_cells(results: list[FileResult], system: str) -> str:
    scores = [r.scores[system] for r in results]
    p, r = [s.precision for s in scores], [s.recall for s in scores]
    return (f"{_share([s.title for s in scores]):>5} {_share([s.author for s in scores]):>5} "
            f"{_share([s.date for s in scores]):>5} {_median(p):5.2f} {_median(r):5.2f} "
            f"{_mean(p):5.2f} {_mean(r):5.2f}")


HELD_OUT = ("mercury",)  # sets the reader was not tuned on: reported apart


def groups(results: list[FileResult]) -> list[tuple[str, str, list[FileResult]]]:
    """(cut, group, files) for every cut × (zh, en, all) of the sets the reader was tuned on,
    then each held-out set alone."""
    found = []
    for cut in dict.fromkeys(r.cut for r in results):
        in_cut = [r for r in results if r.cut == cut]
        tuned = [r for r in in_cut if r.set not in HELD_OUT]
        for language in ("zh", "en", "all"):
            chosen = [r for r in tuned if language in ("all", r.language)]
            if chosen:
                found.append((cut, language, chosen))
        for held_out in HELD_OUT:
            chosen = [r for r in in_cut if r.set == held_out]
            if chosen:
                found.append((cut, held_out[:8], chosen))
    return found


def load_text() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} (2 cores)"


def reader_state() -> str:
    """Which convert package is measured, and whether its reader files differ from the commit
    (the reader is being rewritten: a figure means little without this)."""
    import convert

    package = Path(convert.__file__).resolve().parent
    try:
        changed = subprocess.run(["git", "status", "--porcelain", "--", "."], cwd=package, capture_output=True,
                                 text=True, timeout=30, check=True).stdout.split("\n")
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=package, capture_output=True,
                                text=True, timeout=30, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return f"reader: {package} (not in a git work tree)"
    changed = [line for line in changed if line.strip()]
    state = f"{len(changed)} files changed or new since it" if changed else "no changes"
    return f"reader: {package} at commit {commit}, {state}"


def print_table(results: list[FileResult], load_before: str) -> None:
    columns = " title  auth  date  medP  medR meanP meanR"
    header = f"{'cut':6} {'set':8} {'files':>5} | {'docconv':^{len(columns)}} | {'pandoc -f markdown':^{len(columns)}}"
    print(header)
    print(f"{'':6} {'':8} {'':5} |{columns} |{columns}")
    print("-" * len(header))
    for cut, language, chosen in groups(results):
        print(f"{cut:6} {language:8} {len(chosen):>5} | " + " | ".join(summary_cells(chosen, s) for s in SYSTEMS))
    print(f"\nrun started at {load_before}; ended at {load_text()}")
    print("zh/en/all: the sets the reader was tuned on (readability-2015, newspaper4k, gne); "
          + ", ".join(HELD_OUT) + ": held out (added late: its failures were read for their shapes, no rule fitted to a page)")
    print("title/auth/date: share right among files whose truth has the field;"
          " P/R: per-file character precision/recall of the body (median and mean)")


def print_dropped(results: list[FileResult]) -> None:
    print(f"\nbody lines dropped (truth lines of {MIN_LINE_CHARS}+ characters mostly missing from the output):")
    for cut in dict.fromkeys(r.cut for r in results):
        for label, in_cut in (("tuned sets", [r for r in results if r.cut == cut and r.set not in HELD_OUT]),
                              *((name, [r for r in results if r.cut == cut and r.set == name]) for name in HELD_OUT)):
            if not in_cut:
                continue
            total = sum(r.body_lines for r in in_cut)
            counts = ", ".join(f"{s} {sum(r.scores[s].lines_dropped for r in in_cut)}" for s in SYSTEMS)
            print(f"  {cut} {label}: {counts} of {total} truth lines")


def print_failures(results: list[FileResult]) -> None:
    """A system that raised on a file scored zero there; say how often, so a broken run shows."""
    for system in SYSTEMS:
        failed = [r for r in results if r.scores[system].error]
        if failed:
            errors = Counter(r.scores[system].error for r in failed)
            common, times = errors.most_common(1)[0]
            print(f"\n{system} FAILED on {len(failed)} of {len(results)} files (scored 0 there); "
                  f"commonest error ({times}x): {common}")


def _mark(value: int | None) -> str:
    return "-" if value is None else "ok" if value else "NO"


def file_row(result: FileResult) -> str:
    cells = []
    for system in SYSTEMS:
        s = result.scores[system]
        cells.append(f"{_mark(s.title):>3} {_mark(s.author):>3} {_mark(s.date):>3} {s.precision:5.2f} "
                      f"{s.recall:5.2f} {s.f1:5.2f} {s.lines_dropped:>4}")
    errors = "; ".join(f"{s} failed: {r.error}" for s, r in result.scores.items() if r.error)
    return f"{result.name[:26]:26} {result.set[:11]:11} {result.language:2} | " + " | ".join(cells) + \
        (f"  ({errors})" if errors else "")


def file_header() -> str:
    columns = "tit aut dat     P     R    F1 drop"
    return f"{'file':26} {'set':11} {'':2} | {'docconv':^{len(columns)}} | {'pandoc':^{len(columns)}}\n" \
           f"{'':26} {'':11} {'':2} | {columns} | {columns}"


def print_files(results: list[FileResult]) -> None:
    for cut in dict.fromkeys(r.cut for r in results):
        print(f"\n== {cut}: every file\n{file_header()}")
        for result in (r for r in results if r.cut == cut):
            print(file_row(result))


def print_worst(results: list[FileResult], count: int) -> None:
    for cut in dict.fromkeys(r.cut for r in results):
        in_cut = sorted((r for r in results if r.cut == cut), key=lambda r: (r.scores["docconv"].f1, r.name))
        print(f"\n== {cut}: the {count} files with docconv's lowest F1\n{file_header()}")
        for result in in_cut[:count]:
            print(file_row(result))


def write_json(results: list[FileResult], path: Path) -> None:
    rows = []
    for result in results:
        row = asdict(result)
        for system, s in result.scores.items():
            row["scores"][system]["f1"] = s.f1
        rows.append(row)
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=DEFAULT_SETS)
    parser.add_argument("--verbose", action="store_true", help="print every file's row")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="the N files with docconv's lowest F1")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every file's result as JSON")
    args = parser.parse_args(argv)
    load_before = load_text()
    results = measure(args.sets)
    if args.verbose:
        print_files(results)
    if args.worst:
        print_worst(results, args.worst)
    print(f"\n== docconv's text reader beside pandoc on {len(results)} files in "
          + ", ".join(str(folder) for folder in args.sets) + "\n")
    print(reader_state() + "\n")
    print_table(results, load_before)
    print_dropped(results)
    print_failures(results)
    if args.json:
        write_json(results, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
