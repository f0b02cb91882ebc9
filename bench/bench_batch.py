"""Batch benchmark: docconv's folder mode against pandoc run once per file, in the same run.

    .venv/bin/python bench/bench_batch.py --files 200 --formats docx,epub --runs 3
    .venv/bin/python bench/bench_batch.py --files 40 --formats pdf --runs 3

The corpus is the files in samples/ copied round-robin under numbered names.
pandoc is what a user would run without docconv: one process per input and
format, either in a plain shell loop or two at a time (xargs -P 2, to match
docconv's two workers on this machine). pandoc comes from $PANDOC, `pandoc`
on PATH, or the pypandoc-binary package (pip install '.[bench]'). pandoc's
PDFs go through its WeasyPrint engine, from this venv.

The machine is shared and noisy: read the medians and the ratios, which come
from interleaved runs of both tools.
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

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def find_pandoc() -> str | None:
    if os.environ.get("PANDOC"):
        return os.environ["PANDOC"]
    if shutil.which("pandoc"):
        return shutil.which("pandoc")
    try:
        import pypandoc  # type: ignore[import-not-found]

        return pypandoc.get_pandoc_path()
    except Exception:
        return None


def make_corpus(folder: Path, count: int) -> list[Path]:
    samples = sorted(p for p in (ROOT / "samples").iterdir()
                     if p.suffix in (".txt", ".html") and "gbk" not in p.name)
    for extra in (ROOT / "samples").iterdir():
        if extra.is_dir():  # images the HTML samples refer to
            shutil.copytree(extra, folder / extra.name, dirs_exist_ok=True)
    files = []
    for i in range(count):
        sample = samples[i % len(samples)]
        target = folder / f"{i:04d}-{sample.name}"
        shutil.copyfile(sample, target)
        files.append(target)
    return files


def time_docconv(corpus: Path, out: Path, formats: str, jobs: int) -> float:
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([str(VENV_BIN / "docconv"), str(corpus), "-d", str(out), "-t", formats,
                    "-j", str(jobs), "-q"], check=False)
    return time.perf_counter() - started


def pandoc_command(pandoc: str, source: Path, out: Path, fmt: str) -> list[str]:
    reader = ["-f", "html"] if source.suffix == ".html" else ["-f", "markdown"]
    target = out / f"{source.stem}.{fmt}"
    extra = ["--pdf-engine=weasyprint", "-t", "html"] if fmt == "pdf" else []
    return [pandoc, *reader, str(source), "-o", str(target), "--resource-path", str(source.parent), *extra]


def time_pandoc(pandoc: str, files: list[Path], out: Path, formats: list[str], parallel: int) -> float:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    commands = [pandoc_command(pandoc, f, out, fmt) for f in files for fmt in formats]
    env = {**os.environ, "PATH": f"{VENV_BIN}:{os.environ['PATH']}"}
    started = time.perf_counter()
    running: list[subprocess.Popen[bytes]] = []
    for command in commands:
        while len(running) >= parallel:
            running.pop(0).wait()
        running.append(subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    for process in running:
        process.wait()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--formats", default="docx,epub")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    formats = args.formats.split(",")
    pandoc = find_pandoc()
    if pandoc is None:
        print("pandoc not found: pip install '.[bench]' or set PANDOC", file=sys.stderr)

    timings: dict[str, list[float]] = {"docconv": [], "pandoc loop": [], f"pandoc x{args.jobs}": []}
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus"
        corpus.mkdir()
        files = make_corpus(corpus, args.files)
        for run in range(args.runs):  # interleaved, so load on the machine hits both alike
            timings["docconv"].append(time_docconv(corpus, Path(scratch) / "out-docconv", args.formats, args.jobs))
            if pandoc:
                timings["pandoc loop"].append(time_pandoc(pandoc, files, Path(scratch) / "out-pandoc", formats, 1))
                timings[f"pandoc x{args.jobs}"].append(
                    time_pandoc(pandoc, files, Path(scratch) / "out-pandoc", formats, args.jobs))
            print(f"run {run + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in timings.items() if v),
                  file=sys.stderr)

    outputs = args.files * len(formats)
    medians = {name: statistics.median(values) for name, values in timings.items() if values}
    print(f"\n{args.files} inputs x {formats} = {outputs} outputs, {args.runs} runs, jobs={args.jobs}")
    for name, median in medians.items():
        print(f"  {name:<14} median {median:7.2f} s  {outputs / median:7.1f} outputs/s")
    for name in medians:
        if name != "docconv":
            print(f"  docconv is {medians[name] / medians['docconv']:.1f}x faster than {name}")
    if args.json:
        args.json.write_text(json.dumps({"files": args.files, "formats": formats, "runs": timings,
                                         "medians": medians}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
