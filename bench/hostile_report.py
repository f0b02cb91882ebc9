"""Every hostile case through the real `docconv` command: exit code, message, tracebacks, partial files.

    .venv/bin/python bench/hostile_report.py [--big-mb 20]

Prints one line per case (the figures for the security issue's closing
note), then a 20 MB text file through DOCX and EPUB with its peak memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile_corpus import cases  # noqa: E402

DOCCONV = [sys.executable, "-m", "convert"]


def run_case(folder: Path, name: str, data: bytes) -> tuple[int, str, int, bool]:
    source = folder / "in" / name
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(data)
    out = folder / "out" / name
    run = subprocess.run([*DOCCONV, str(source), "-t", "docx,epub,pdf", "-d", str(out)],
                         capture_output=True, text=True, timeout=600)
    partial = any(p.name.startswith(".") for p in out.glob("*")) if out.exists() else False
    errors = [line for line in run.stderr.splitlines() if not line.startswith("docconv: warning")]
    warnings = len(run.stderr.splitlines()) - len(errors)
    return run.returncode, (errors[0] if errors else f"ok ({warnings} warning line(s))"), \
        run.stderr.count("Traceback"), partial


def big_text(path: Path, megabytes: int) -> None:
    random.seed(7)
    words = "economy growth market policy report city people government data year".split()
    with path.open("w", encoding="utf-8") as handle:
        handle.write("A Very Long Report\n\n")
        written = 0
        while written < megabytes * 1024 * 1024:
            paragraph = " ".join(random.choice(words) for _ in range(random.randint(20, 80))) + ".\n\n"
            handle.write(paragraph)
            written += len(paragraph)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--big-mb", type=int, default=20)
    args = parser.parse_args()
    tracebacks = partials = 0
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        all_cases = list(cases())
        print(f"{len(all_cases)} hostile input cases, each to docx, epub and pdf:")
        for name, make, expected in all_cases:
            code, message, traces, partial = run_case(folder, name, make())
            tracebacks += traces
            partials += partial
            print(f"  exit {code}  {name:<28} {message.replace(str(folder), '')}")
        big = folder / "big.txt"
        big_text(big, args.big_mb)
        for fmt in ("json", "epub", "docx"):
            started = time.perf_counter()
            run = subprocess.run([*DOCCONV, str(big), "-o", str(folder / f"big.{fmt}")], capture_output=True, text=True)
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
            print(f"{args.big_mb} MB text -> {fmt}: exit {run.returncode}, {time.perf_counter() - started:.1f} s, "
                  f"peak RSS so far {peak} MB")
    print(f"tracebacks: {tracebacks}, partial files: {partials}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
