"""docconv against pandoc in one run: batch throughput, single-file latency, scaling with size.

    .venv/bin/python bench/run_bench.py                   # everything, default sizes
    .venv/bin/python bench/run_bench.py --only batch --files 300 --runs 3
    .venv/bin/python bench/run_bench.py --only latency --formats docx

pandoc comes from $PANDOC, `pandoc` on PATH, or the pypandoc-binary package
(`pip install '.[bench]'`); its PDFs use --pdf-engine=weasyprint from this
venv. pandoc's batch is a shell-style loop run `--jobs` at a time (as
`xargs -P`), docconv's is one `docconv DIR -d OUT -j JOBS`. Timings are
medians over interleaved runs; this machine is shared, so read the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

VENV_BIN = Path(sys.executable).parent
DOCCONV = str(VENV_BIN / "docconv")
FORMATS = ("docx", "epub", "pdf")


def find_pandoc() -> str | None:
    found = os.environ.get("PANDOC") or shutil.which("pandoc")
    if found:
        return found
    try:
        import pypandoc  # type: ignore[import-not-found]
        return pypandoc.get_pandoc_path()
    except Exception:
        return None


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_maxrss // 1024


def _env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{VENV_BIN}:{os.environ['PATH']}"}


def pandoc_command(pandoc: str, source: Path, target: Path) -> list[str]:
    reader = "html" if source.suffix == ".html" else "markdown"
    extra = ["--pdf-engine=weasyprint", "-t", "html"] if target.suffix == ".pdf" else []
    return [pandoc, "-f", reader, str(source), "-o", str(target), *extra]


def run_parallel(commands: list[list[str]], jobs: int) -> float:
    started = time.perf_counter()
    running: list[subprocess.Popen[bytes]] = []
    for command in commands:
        while len(running) >= jobs:
            running.pop(0).wait()
        running.append(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env()))
    for process in running:
        process.wait()
    return time.perf_counter() - started


def bench_batch(pandoc: str | None, scratch: Path, files: int, pdf_files: int, runs: int, jobs: int,
                formats: tuple[str, ...] = FORMATS) -> dict:
    results = {}
    for fmt in formats:
        count = pdf_files if fmt == "pdf" else files
        inputs = corpus.articles(scratch / f"batch-{fmt}", count)
        ours, theirs = [], []
        for _ in range(runs):
            out = scratch / "out-docconv"
            shutil.rmtree(out, ignore_errors=True)
            ours.append(timed([DOCCONV, str(inputs[0].parent), "-d", str(out), "-t", fmt, "-j", str(jobs), "-q"])[0])
            if pandoc:
                out = scratch / "out-pandoc"
                shutil.rmtree(out, ignore_errors=True)
                out.mkdir()
                theirs.append(run_parallel(
                    [pandoc_command(pandoc, p, out / f"{p.stem}.{fmt}") for p in inputs], jobs))
        row = {"files": count, "docconv_s": statistics.median(ours), "runs": runs}
        if theirs:
            row["pandoc_s"] = statistics.median(theirs)
            row["ratio"] = row["pandoc_s"] / row["docconv_s"]
        results[fmt] = row
        line = f"batch {fmt:<4} {count:4d} files: docconv {row['docconv_s']:6.2f} s ({count / row['docconv_s']:6.1f}/s)"
        if theirs:
            line += f"   pandoc -P{jobs} {row['pandoc_s']:6.2f} s ({count / row['pandoc_s']:6.1f}/s)   {row['ratio']:.1f}x"
        print(line, flush=True)
    return results


def bench_latency(pandoc: str | None, scratch: Path, runs: int, formats: tuple[str, ...] = FORMATS) -> dict:
    source = corpus.articles(scratch / "latency", 1)[0]
    results = {"help": statistics.median(timed([DOCCONV, "--help"])[0] for _ in range(runs))}
    print(f"docconv --help: {results['help']:.3f} s", flush=True)
    for fmt in formats:
        ours = statistics.median(timed([DOCCONV, str(source), "-o", str(scratch / f"one.{fmt}")])[0] for _ in range(runs))
        row = {"docconv_s": ours}
        line = f"single {fmt:<4}: docconv {ours:.3f} s"
        if pandoc:
            theirs = statistics.median(timed(pandoc_command(pandoc, source, scratch / f"p.{fmt}"))[0] for _ in range(runs))
            row.update(pandoc_s=theirs, docconv_over_pandoc=ours / theirs)
            line += f"   pandoc {theirs:.3f} s   docconv/pandoc {ours / theirs:.2f}"
        results[fmt] = row
        print(line, flush=True)
    return results


def bench_scaling(scratch: Path, factors: list[int], book_mb: float, formats: tuple[str, ...] = FORMATS) -> dict:
    results: dict[str, list] = {}
    inputs = [(f"x{factor}", path) for factor, path in corpus.scaled(scratch / "scaled", factors)]
    inputs.append((f"book {book_mb:g} MB", corpus.book(scratch / "book.html", book_mb)))
    for label, path in inputs:
        size_kb = path.stat().st_size // 1024
        for fmt in formats:
            if fmt == "pdf" and size_kb > 2048:
                continue  # PDFs of book length are measured by the size-limit test, not here
            seconds, peak = timed([DOCCONV, str(path), "-o", str(scratch / f"scaled.{fmt}")])
            results.setdefault(fmt, []).append({"input": label, "kb": size_kb, "seconds": seconds, "peak_mb": peak})
            print(f"scale {fmt:<4} {label:<10} {size_kb:6d} KB: {seconds:6.2f} s, peak {peak:4d} MB", flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=("batch", "latency", "scaling"))
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--pdf-files", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--factors", default="1,2,4,8,16,32,64")
    parser.add_argument("--book-mb", type=float, default=5)
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated subset of docx,epub,pdf")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    unknown = set(formats) - set(FORMATS)
    if unknown:
        parser.error(f"unknown format(s): {', '.join(sorted(unknown))}")
    pandoc = find_pandoc()
    print(f"pandoc: {pandoc or 'not found (pip install .[bench])'}; jobs={args.jobs}; runs={args.runs}", flush=True)
    figures = {}
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        if args.only in (None, "batch"):
            figures["batch"] = bench_batch(pandoc, scratch, args.files, args.pdf_files, args.runs, args.jobs, formats)
        if args.only in (None, "latency"):
            figures["latency"] = bench_latency(pandoc, scratch, max(args.runs, 5), formats)
        if args.only in (None, "scaling"):
            figures["scaling"] = bench_scaling(scratch, [int(f) for f in args.factors.split(",")], args.book_mb, formats)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
