"""Batches: mirroring, incremental runs, a real worker pool that survives crashes and hangs, Dask."""

import json
import os
import subprocess
import sys
import time

import pytest

import convert
from convert.batch import FileResult
from convert.pool import run_pool


def make_tree(root, count=6):
    for i in range(count):
        folder = root / ("子目录" if i % 2 else "sub dir")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"文章 {i}.txt").write_text(f"标题 {i}\n第{i}篇文章的正文。\n", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return root


def test_pool_mirrors_the_tree_and_skips_unknown_types(tmp_path):
    src = make_tree(tmp_path / "in")
    report = convert.convert_folder(src, tmp_path / "out", formats=["json", "html"], jobs=2)
    assert report.count("converted") == 6 and report.exit_code == 0
    assert report.skipped == [str(src / "image.png")]
    for i in range(6):
        folder = "子目录" if i % 2 else "sub dir"
        tree = json.loads((tmp_path / "out" / folder / f"文章 {i}.json").read_text(encoding="utf-8"))
        assert tree["meta"]["title"] == f"标题 {i}"
        assert (tmp_path / "out" / folder / f"文章 {i}.html").is_file()


def test_rerun_skips_fresh_outputs_and_rebuilds_changed_or_forced(tmp_path):
    src = make_tree(tmp_path / "in", count=3)
    out = tmp_path / "out"
    assert convert.convert_folder(src, out, formats=["json"], jobs=1).count("converted") == 3
    again = convert.convert_folder(src, out, formats=["json"], jobs=1)
    assert again.count("up-to-date") == 3 and again.count("converted") == 0
    changed = src / "sub dir" / "文章 0.txt"
    changed.write_text("新标题\n正文。\n", encoding="utf-8")
    os.utime(changed, (time.time() + 5, time.time() + 5))
    third = convert.convert_folder(src, out, formats=["json"], jobs=1)
    assert third.count("converted") == 1 and third.count("up-to-date") == 2
    assert "新标题" in (out / "sub dir" / "文章 0.json").read_text(encoding="utf-8")
    other_options = convert.convert_folder(src, out, formats=["json"], jobs=1, metadata={"publisher": "X"})
    assert other_options.count("converted") == 3
    assert convert.convert_folder(src, out, formats=["json"], jobs=1, force=True,
                                  metadata={"publisher": "X"}).count("converted") == 3


def _flaky(path, outputs, options):
    """Work function for the pool tests: one file kills its worker, one hangs."""
    if path.endswith("crash.txt"):
        os._exit(9)
    if path.endswith("hang.txt"):
        time.sleep(60)
    return FileResult(source=path, status="converted", outputs=[o for o, _ in outputs])


@pytest.mark.slow
def test_a_dead_or_hung_worker_costs_only_its_own_file():
    names = [f"f{i}.txt" for i in range(12)] + ["crash.txt", "hang.txt"]
    tasks = [(name, (name, [(name + ".json", "json")], None)) for name in names]
    outcome = {}
    started = time.monotonic()
    run_pool(_flaky, tasks, jobs=2, formats=(), timeout=3,
             on_done=lambda path, result, error: outcome.__setitem__(path, (result, error)))
    assert time.monotonic() - started < 30
    assert sum(1 for r, e in outcome.values() if r is not None) == 12
    assert outcome["crash.txt"][0] is None and "ProcessExpired" in type(outcome["crash.txt"][1]).__name__
    assert outcome["hang.txt"][0] is None and "Timeout" in type(outcome["hang.txt"][1]).__name__


def test_cli_batch_report_and_exit_codes(tmp_path):
    src = make_tree(tmp_path / "in", count=2)
    (src / "bad.html").write_bytes(bytes(range(256)) * 4)
    report_path = tmp_path / "report.json"
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "convert", src, "-d", tmp_path / "out", "-t", "json",
                          "-j", "2", "--report", report_path], capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    assert run.returncode == 1
    assert "2 converted, 0 up to date, 1 failed, 1 skipped" in run.stderr
    records = {os.path.basename(r["source"]): r for r in json.loads(report_path.read_text(encoding="utf-8"))}
    assert records["bad.html"]["status"] == "failed" and "binary" in records["bad.html"]["error"]
    assert records["image.png"]["status"] == "skipped"
    assert records["文章 0.txt"]["status"] == "converted" and 0 < records["文章 0.txt"]["seconds"] < elapsed
    assert not list((tmp_path / "out").rglob("*.part"))


def test_interrupted_run_resumes_without_redoing_finished_files(tmp_path):
    src = make_tree(tmp_path / "in", count=4)
    out = tmp_path / "out"
    first = convert.convert_folder(src, out, formats=["json"], jobs=1, include=["sub dir/*"])
    assert first.count("converted") == 2
    rest = convert.convert_folder(src, out, formats=["json"], jobs=1)
    assert rest.count("up-to-date") == 2 and rest.count("converted") == 2


def test_any_executor_and_a_real_dask_cluster(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    src = make_tree(tmp_path / "in", count=3)
    with ThreadPoolExecutor(2) as pool:
        assert convert.convert_folder(src, tmp_path / "threads", formats=["json"], executor=pool).count("converted") == 3
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True,
                                  dashboard_address=None) as cluster:
        address = cluster.scheduler_address.replace("tcp://", "dask://")
        report = convert.convert_folder(src, tmp_path / "dask", formats=["json"], executor=address)
    assert report.count("converted") == 3
    assert len(list((tmp_path / "dask").rglob("*.json"))) == 3


@pytest.mark.slow
def test_ctrl_c_stops_promptly_and_a_rerun_finishes_the_rest(tmp_path):
    import signal

    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        (src / f"a{i:02d}.txt").write_text(f"Title {i}\n\n" + "Some body text. " * 400, encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "convert", str(src), "-d", str(out), "-t", "pdf", "-j", "2"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.pdf"))) < 2:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    started = time.monotonic()
    _, err = process.communicate(timeout=30)
    assert time.monotonic() - started < 10
    assert process.returncode == 130
    assert "interrupted after" in err and "Traceback" not in err
    assert not list(out.rglob("*.part"))
    import re
    reported = int(re.search(r"interrupted after \d+ of 40 files: (\d+) converted", err).group(1))
    assert 1 <= reported < 40 and reported <= len(list(out.glob("*.pdf")))
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0
    assert f"{40 - reported} converted, {reported} up to date" in rerun.stderr
