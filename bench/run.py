"""changwat benchmark: prints figures and ratios (never asserts; budgets are read, not enforced here).

    .venv/bin/python bench/run.py [--runs N]

Sections:
  validate   load + validate all data in-process (median of N), per stage (load / schema / cross-file / lint),
             and `changwat validate` as a fresh process (what an editor or CI waits for)
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def timed(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bench_validate(runs: int) -> list[tuple[str, str]]:
    from changwat import pipeline
    from changwat.load import load_file
    from changwat.model import National, Office
    from changwat.registry import load_registry
    from changwat.validate import convert

    rows = []
    files = pipeline.data_files(pipeline.DATA)
    registry = load_registry()
    t_load, loaded = timed(lambda: [load_file(p) for p in files], runs)
    t_schema, _ = timed(lambda: [convert(load_file(p), National if p.name == "national.yaml" else Office) for p in files], runs)
    t_nolint, _ = timed(lambda: pipeline.load_dataset(pipeline.DATA, registry=registry, lint=False), runs)
    # the first lint call loads pythainlp's dictionary: measure it apart from steady state
    first_start = time.perf_counter()
    pipeline.load_dataset(pipeline.DATA, registry=registry)
    t_first = time.perf_counter() - first_start
    t_all, (ds, problems) = timed(lambda: pipeline.load_dataset(pipeline.DATA, registry=registry), runs)
    size = sum(p.stat().st_size for p in files)
    texts = sum(len(c.texts) for c in ds.files.values())
    rows.append(("data", f"{len(files)} files, {size / 1024:.1f} KiB, {texts} texts"))
    rows.append(("load (YAML → nodes)", f"{t_load * 1000:.1f} ms"))
    rows.append(("load + schema", f"{t_schema * 1000:.1f} ms"))
    rows.append(("+ cross-file rules (no lint)", f"{t_nolint * 1000:.1f} ms"))
    rows.append(("+ Thai lint (disk cache warm), first call", f"{t_first * 1000:.1f} ms"))
    rows.append(("+ Thai lint, steady state (median)", f"{t_all * 1000:.1f} ms"))
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as empty:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "changwat", "validate"], cwd=ROOT, capture_output=True, check=False,
                       env={**os.environ, "CHANGWAT_CACHE": empty})
        t_cold = time.perf_counter() - start
    rows.append(("`changwat validate`, empty lint cache (loads the dictionary)", f"{t_cold * 1000:.0f} ms"))
    cli = []
    for _ in range(max(3, runs // 2)):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "changwat", "validate"], cwd=ROOT, capture_output=True, check=False)
        cli.append(time.perf_counter() - start)
    t_cli = statistics.median(cli)
    rows.append(("`changwat validate` (fresh process, median)", f"{t_cli * 1000:.0f} ms"))
    rows.append(("budget: validate all data ≤ 500 ms", f"{'met' if t_cli <= 0.5 else 'MISSED'} ({t_cli / 0.5:.2f} × budget)"))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"changwat benchmark — {args.runs} runs per figure, median\n")
    rows = bench_validate(args.runs)
    width = max(len(k) for k, _ in rows)
    print("## validate")
    for k, v in rows:
        print(f"  {k:<{width}}  {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
