"""changwat benchmark: prints figures, ratios and the budgets (it measures; it never fails a build).

    .venv/bin/python bench/run.py            # everything (about a minute on 2 cores)
    .venv/bin/python bench/run.py --runs 3   # fewer repetitions
    .venv/bin/python bench/run.py --only validate,build,weight

Sections
  validate  load + schema + cross-file rules + Thai lint, in-process and as `changwat validate`
  stages    each pipeline stage alone: load, validate, render (page generation), search segmentation
  build     full bilingual `mkdocs build --strict` (median of N) as it is run: a fresh clone (no docs/,
            empty cache), docs/ removed, a rebuild with nothing changed, one sentence of an office edited; our
            share of each: what the build's log says our hooks took (build/timing.py) plus importing
            them, over the build's wall-clock time
  scale     the same build (docs/ removed, the cache kept, after one unmeasured build of each, but no
            generation kept whole: the build validates and renders, office pages from the page cache) with
            all 76 offices carrying full own content (every office gets a copy of the richest office
            file, renamed, in a temporary data folder), as paired runs against today's data: the
            median of the per-pair ratios
  preview   a one-language rebuild after editing one office file, as `make serve-th` does it
  weight    the heaviest office page's first-load weight per language (HTML, CSS, JS, and the font faces
            Chromium fetches for it; raw and gzip -9, without HTTP headers: bench/lighthouse.py counts
            what a server sends), the search's files
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

BUDGETS = {
    "build": 3.0,  # s, full bilingual build of 76 offices, median (2 cores)
    "overhead": 0.10,  # share of the build that is not MkDocs itself
    "validate": 0.5,  # s, `changwat validate` of all data
    "preview": 1.0,  # s, refresh after editing one office
    "page": 100 * 1024,  # bytes gzip, an office page's first load, fonts included
    "scale": 1.3,  # build with 76 full offices / build of today's data
}


def median_time(fn, runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def table(title: str, rows: list[tuple[str, str]]) -> None:
    width = max(len(k) for k, _ in rows)
    print(f"\n## {title}")
    for k, v in rows:
        print(f"  {k:<{width}}  {v}")


def verdict(value: float, budget: float, unit: str = "s") -> str:
    ok = value <= budget
    return f"{'met' if ok else 'MISSED'} ({value:.2f} {unit} vs {budget:g} {unit}; {value / budget:.2f} × budget)"


# -- validate -----------------------------------------------------------------------------------


def bench_validate(runs: int, results: dict) -> list[tuple[str, str]]:
    from changwat.check import load_dataset
    from changwat.load.files import data_files
    from changwat.model.registry import load_registry
    from changwat.project import Project

    project = Project.load(ROOT)
    files = data_files(project.data)
    registry = load_registry(project.registry)
    t_nolint, _ = median_time(lambda: load_dataset(project, registry=registry, lint=False), runs)
    t_all, _ = median_time(lambda: load_dataset(project, registry=registry), runs)
    ds, _ = load_dataset(project, registry=registry)
    size = sum(p.stat().st_size for p in files)
    texts = sum(len(c.texts) for c in ds.files.values())
    cli = []
    for _ in range(max(3, runs)):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "changwat", "validate"], cwd=ROOT, capture_output=True, env=ENV)
        cli.append(time.perf_counter() - start)
    with tempfile.TemporaryDirectory() as empty:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "changwat", "validate"],
            cwd=ROOT,
            capture_output=True,
            env={**ENV, "CHANGWAT_CACHE": empty},
        )
        t_cold = time.perf_counter() - start
    t_cli = statistics.median(cli)
    results["validate"] = t_cli
    return [
        ("data", f"{len(files)} files, {size / 1024:.1f} KiB, {texts} texts"),
        ("in-process: load + schema + cross-file", f"{t_nolint * 1000:.1f} ms"),
        ("in-process: + Thai lint (findings cached)", f"{t_all * 1000:.1f} ms"),
        ("`changwat validate`, fresh process (median)", f"{t_cli * 1000:.0f} ms"),
        ("`changwat validate`, empty lint cache", f"{t_cold * 1000:.0f} ms (loads pythainlp's dictionary)"),
        ("budget: validate ≤ 0.5 s", verdict(t_cli, BUDGETS["validate"])),
    ]


# -- stages ---------------------------------------------------------------------------------------


def bench_stages(runs: int, results: dict) -> list[tuple[str, str]]:
    from changwat.build import pages as site
    from changwat.build.render import render_site
    from changwat.check import load_dataset
    from changwat.check.convert import convert
    from changwat.load.files import data_files
    from changwat.load.yaml import load_file
    from changwat.model import National, Office
    from changwat.project import Project

    project = Project.load(ROOT)
    files = data_files(project.data)
    t_load, _ = median_time(lambda: [load_file(p) for p in files], runs)
    t_schema, _ = median_time(
        lambda: [convert(load_file(p), National if p.name == "national.yaml" else Office) for p in files], runs
    )
    t_validate, _ = median_time(lambda: load_dataset(project), runs)
    info = project.site
    ds, _ = load_dataset(project)
    t_render, _ = median_time(lambda: render_site(ds, info, project.templates), runs)
    pages = render_site(ds, info, project.templates)
    with tempfile.TemporaryDirectory() as tmp:
        t_write_cold, _ = median_time(lambda: site.write_pages(pages, Path(tempfile.mkdtemp(dir=tmp))), runs)
        warm = Path(tmp) / "warm"
        site.write_pages(pages, warm)
        t_write_warm, _ = median_time(lambda: site.write_pages(pages, warm), runs)
    rows = [
        ("load (YAML → nodes)", f"{t_load * 1000:.1f} ms"),
        ("load + schema", f"{t_schema * 1000:.1f} ms"),
        ("validate (all rules, lint cached)", f"{t_validate * 1000:.1f} ms"),
        ("render (model → pages), no page cache", f"{t_render * 1000:.1f} ms for {len(pages)} pages"),
        ("write pages, empty docs/", f"{t_write_cold * 1000:.1f} ms"),
        ("write pages, nothing changed", f"{t_write_warm * 1000:.1f} ms"),
    ]
    results["stages"] = t_validate + t_render + t_write_cold
    try:
        from changwat.build import search

        seg = getattr(search, "segment", None) or getattr(search, "segment_text", None)
        if seg is not None:
            texts = [t.th for c in ds.files.values() for t, lang, _ in c.texts if lang == "th"]
            t_seg, _ = median_time(lambda: [seg(x) for x in texts], 1)
            rows.append(("search segmentation (all Thai texts, in-process)", f"{t_seg * 1000:.1f} ms"))
    except ImportError:
        rows.append(("search segmentation", "not built yet"))
    return rows


# -- build --------------------------------------------------------------------------------------


_OURS = re.compile(r"our hooks took ([0-9.]+) s \(([0-9.]+) s CPU\)")


def _mkdocs(
    config: Path, site_dir: Path, docs_dir: Path, data_dir: Path | None = None, cache: Path | None = None
) -> float:
    """Wall-clock seconds of one build. Appended: its CPU seconds (user + system; on a shared
    machine the steadier figure) to CPU_TIMES, and the time its log says our hooks took to OURS."""
    env = {**ENV, "CHANGWAT_DOCS_DIR": str(docs_dir)}
    if data_dir is not None:
        env["CHANGWAT_DATA_DIR"] = str(data_dir)
    if cache is not None:
        env["CHANGWAT_CACHE"] = str(cache)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{proc.stdout}\n{proc.stderr}")
    CPU_TIMES.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    ours = _OURS.search(proc.stderr)
    OURS.append(float(ours.group(1)) if ours else float("nan"))
    return elapsed


CPU_TIMES: list[float] = []
OURS: list[float] = []


def import_time() -> float:
    """Seconds to import our hooks in a process that has imported MkDocs, its theme and plugins
    already (what MkDocs spends loading them; the hooks cannot time it themselves)."""
    code = (
        "import importlib.util, time\n"
        "import mkdocs.commands.build, mkdocs.config, material.plugins.search.plugin, mkdocs_static_i18n.plugin\n"
        "start = time.perf_counter()\n"
        "for name in ('changwat_site', 'changwat_search', 'changwat_speed'):\n"
        "    spec = importlib.util.spec_from_file_location(name, f'hooks/{name}.py')\n"
        "    spec.loader.exec_module(importlib.util.module_from_spec(spec))\n"
        "print(time.perf_counter() - start)\n"
    )
    runs = [
        float(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout)
        for _ in range(3)
    ]
    return statistics.median(runs)


# The sentence of Ang Thong's page (the intro of its mandate) that the "edited" build changes.
SHOWN = "สำนักงานจังหวัดอ่างทอง เป็นราชการส่วนภูมิภาค"


def bench_build(runs: int, results: dict) -> list[tuple[str, str]]:
    """The whole bilingual `mkdocs build --strict`, as it is run:

    fresh     a new clone: no docs/, an empty cache (Pagefind, Thai segmentation and compiled
              templates from scratch), as CI builds it
    clean     docs/ removed, the cache of a build of the same data kept (`make clean`; how this figure
              was taken before: "today 4.75 s")
    rebuild   docs/ and the cache of the previous build kept, nothing changed (`make site` again)
    edited    a sentence of one office's page changed since the previous build (an editor's save)

    Our share: the time the build's log says our hooks took (each hook times itself) plus the time
    to import them, over the build's wall-clock time."""
    imports = import_time()
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = tmp / "data"
        shutil.copytree(ROOT / "data", data)
        office = data / "provinces" / "ang-thong.yaml"
        original = office.read_text(encoding="utf-8")
        if SHOWN not in original:
            raise SystemExit(f"bench/run.py: {office.name} no longer says {SHOWN!r}: pick another sentence to edit")
        scenarios: dict[str, list[tuple[float, float, float]]] = {}

        def run(name: str, docs: Path, cache: Path | None = None) -> None:
            wall = _mkdocs(ROOT / "mkdocs.yml", tmp / "site", docs, data, cache)
            scenarios.setdefault(name, []).append((wall, CPU_TIMES[-1], OURS[-1] + imports))

        # unmeasured: the project's cache holds a build of this data folder (a copy made for this
        # benchmark: its path is new) before "docs/ removed, cache kept" is measured
        _mkdocs(ROOT / "mkdocs.yml", tmp / "site", Path(tempfile.mkdtemp(dir=tmp)), data)
        for _ in range(runs):
            run("fresh", Path(tempfile.mkdtemp(dir=tmp)), Path(tempfile.mkdtemp(dir=tmp)))
            run("clean", Path(tempfile.mkdtemp(dir=tmp)))
            kept = Path(tempfile.mkdtemp(dir=tmp))
            run("first", kept)
            run("rebuild", kept)
            # an editor's save: a sentence the page shows, worded as no build has seen it (so neither
            # the lint's nor the search's cache knows it)
            office.write_text(original.replace(SHOWN, f"{SHOWN} (ฉบับ {time.time_ns()})", 1), encoding="utf-8")
            run("edited", kept)
            office.write_text(original, encoding="utf-8")
    labels = {
        "fresh": "fresh clone (no docs/, empty cache)",
        "clean": "docs/ removed, cache kept",
        "rebuild": "rebuild, nothing changed",
        "edited": "one office's sentence edited",
    }
    for name, label in labels.items():
        walls = [w for w, _, _ in scenarios[name]]
        wall = statistics.median(walls)
        cpu = statistics.median(c for _, c, _ in scenarios[name])
        ours = statistics.median(o for _, _, o in scenarios[name])
        share = ours / wall
        results[f"build-{name}"], results[f"share-{name}"] = wall, share
        rows.append(
            (
                label,
                f"{wall:.2f} s (CPU {cpu:.2f} s; runs {', '.join(f'{w:.2f}' for w in walls)}); "
                f"ours {ours:.2f} s = {share:.0%}: build {'met' if wall <= BUDGETS['build'] else 'MISSED'}, "
                f"share {'met' if share <= BUDGETS['overhead'] else 'MISSED'}",
            )
        )
    rows.append(("of ours: importing the hooks", f"{imports * 1000:.0f} ms (in every scenario)"))
    results["build"], results["overhead"] = results["build-clean"], results["share-clean"]
    rows.append(("budgets", f"build ≤ {BUDGETS['build']:g} s, our share ≤ {BUDGETS['overhead']:.0%}"))
    return rows


# -- scale ----------------------------------------------------------------------------------------


def full_data(dest: Path) -> tuple[str, int]:
    """A copy of data/ in which every province of the registry has an office file with full own
    content: the largest office file of today, its province and names replaced. Returns the
    source office and the number of office files."""
    import csv

    shutil.copytree(ROOT / "data", dest)
    offices = sorted((ROOT / "data" / "provinces").glob("*.yaml"), key=lambda p: p.stat().st_size)
    source = offices[-1]
    text = source.read_text(encoding="utf-8")
    with (ROOT / "data" / "registry" / "provinces.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    me = next(r for r in rows if r["slug"] == source.stem)
    count = 0
    for row in rows:
        out = dest / "provinces" / f"{row['slug']}.yaml"  # today's smaller offices are replaced too
        body = re.sub(rf"(?m)^province: {re.escape(me['slug'])}$", f"province: {row['slug']}", text)
        out.write_text(body.replace(me["th"], row["th"]).replace(me["en"], row["en"]), encoding="utf-8")
        count += 1
    return source.stem, count


def bench_scale(runs: int, results: dict) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source, count = full_data(tmp / "data")
        today, full, ratios, cpu_ratios = [], [], [], []
        for name, data in (("warm-today", None), ("warm-full", tmp / "data")):  # not measured: both
            (tmp / name).mkdir()  # sites' search bundles and compiled templates in the cache, as
            _mkdocs(ROOT / "mkdocs.yml", tmp / f"s-{name}", tmp / name, data)  # after a first build
        # each measured build validates and renders (what grows with the content): the generations
        # kept whole (build/generations.py) would make both a copy of docs/ and nothing else
        generations = ROOT / ".cache" / "changwat" / "generations"
        for i in range(runs):  # paired: today's data and the full data one after the other
            (tmp / f"dt{i}").mkdir()
            (tmp / f"df{i}").mkdir()
            shutil.rmtree(generations, ignore_errors=True)
            a = _mkdocs(ROOT / "mkdocs.yml", tmp / f"st{i}", tmp / f"dt{i}")
            a_cpu = CPU_TIMES[-1]
            shutil.rmtree(generations, ignore_errors=True)
            b = _mkdocs(ROOT / "mkdocs.yml", tmp / f"sf{i}", tmp / f"df{i}", tmp / "data")
            today.append(a)
            full.append(b)
            ratios.append(b / a)
            cpu_ratios.append(CPU_TIMES[-1] / a_cpu)
        size = sum(p.stat().st_size for p in (tmp / "data" / "provinces").glob("*.yaml"))
    ratio = statistics.median(ratios)
    results["scale"] = ratio
    return [
        ("full data", f"{count} office files, each a renamed copy of {source}.yaml ({size / 1024:.0f} KiB in all)"),
        (
            "build, today's data (median)",
            f"{statistics.median(today):.2f} s  (runs: {', '.join(f'{x:.2f}' for x in today)})",
        ),
        (
            "build, 76 full offices (median)",
            f"{statistics.median(full):.2f} s  (runs: {', '.join(f'{x:.2f}' for x in full)})",
        ),
        ("ratio full / today (median of pairs)", f"{ratio:.2f}  (pairs: {', '.join(f'{x:.2f}' for x in ratios)})"),
        (
            "ratio of CPU time (median of pairs)",
            f"{statistics.median(cpu_ratios):.2f}  (pairs: {', '.join(f'{x:.2f}' for x in cpu_ratios)})",
        ),
        ("budget: ratio ≤ 1.3", f"{'met' if ratio <= BUDGETS['scale'] else 'MISSED'} ({ratio:.2f})"),
    ]


# -- preview --------------------------------------------------------------------------------------


def bench_preview(runs: int, results: dict) -> list[tuple[str, str]]:
    """Uses bench/preview.py (a real `mkdocs serve`, an edited office file, polling the served page)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import preview

    rows = []
    n = max(1, min(runs, 3))
    for mode, label in (
        ("preview", "make preview OFFICE=ang-thong (the editor's preview)"),
        ("th", "make serve-th (whole Thai site)"),
        ("both", "make serve (whole site)"),
    ):
        r = preview.measure(mode, "ang-thong", n, False, 180.0)
        if "error" in r:
            rows.append((label, f"failed: {r['error']}"))
            continue
        slowest = statistics.median(max(run) for run in r["runs"])
        rows.append(
            (
                label,
                f"refresh {slowest:.2f} s after saving (server start {r['startup']:.1f} s; "
                f"runs {', '.join(f'{max(run):.2f}' for run in r['runs'])})",
            )
        )
        results.setdefault("preview", slowest)
        results["preview"] = min(results["preview"], slowest)
    if "preview" in results:
        rows.append(("budget: refresh ≤ 1 s (fastest preview)", verdict(results["preview"], BUDGETS["preview"])))
    return rows


# -- weight ----------------------------------------------------------------------------------------


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.css, self.js, self.preload = [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "stylesheet" and a.get("href"):
            self.css.append(a["href"])
        elif tag == "link" and a.get("rel") == "preload" and a.get("href"):
            self.preload.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"])


def _resolve(site: Path, page: Path, href: str) -> Path | None:
    href = href.split("#")[0].split("?")[0]
    if not href or re.match(r"^[a-z]+:", href):
        return None
    path = (site / href.lstrip("/")) if href.startswith("/") else (page.parent / href)
    path = path.resolve()
    return path if path.is_file() else None


def page_weight(site: Path, page: Path, fonts: list[Path]) -> list[tuple[str, int, int]]:
    """(kind, raw, gzip) for everything a first visit to `page` downloads: the page, its stylesheets
    and scripts, and ``fonts`` (the faces the browser fetched for it)."""
    html = page.read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    out = [("html", len(html), gz(html))]
    for kind, hrefs in (("css", parser.css), ("js", parser.js)):
        for href in hrefs:
            path = _resolve(site, page, href)
            if path is not None:
                data = path.read_bytes()
                out.append((kind, len(data), gz(data)))
    for f in sorted(fonts):
        data = f.read_bytes()
        out.append(("font", len(data), len(data)))  # woff2 is compressed already
    return out


def fetched_fonts(site: Path, pages: list[Path]) -> dict[Path, list[Path]]:
    """The font files Chromium fetches for each page (a face is fetched only for text in its
    unicode-range at its weight), the site served locally."""
    from _serve import serve
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    out: dict[Path, list[Path]] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for page in pages:
                tab = browser.new_page(viewport={"width": 375, "height": 800})
                urls: list[str] = []
                tab.on("request", lambda r: r.url.endswith(".woff2") and urls.append(r.url))
                tab.goto(base + page.parent.relative_to(site).as_posix() + "/", wait_until="networkidle")
                tab.close()
                out[page] = sorted({site / u[len(base) :] for u in urls})
            browser.close()
    finally:
        server.shutdown()
    return out


def bench_weight(runs: int, results: dict) -> list[tuple[str, str]]:
    site = ROOT / "site"
    if not (site / "provinces" / "ang-thong" / "index.html").exists():
        subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-q"], cwd=ROOT, env=ENV, check=True)
    rows = []
    worst = 0
    for lang, folder in (("th", site / "provinces"), ("en", site / "en" / "provinces")):
        # the heaviest office page of the language is the budget's page: the few heaviest without
        # fonts are opened in Chromium for the faces they fetch
        pages = sorted(folder.glob("*/index.html"))
        bare = sorted(pages, key=lambda pg: -sum(z for _, _, z in page_weight(site, pg, [])))[:3]
        fonts = fetched_fonts(site, bare)
        weights = [
            (sum(z for _, _, z in parts), pg.parent.name, parts)
            for pg in bare
            for parts in [page_weight(site, pg, fonts[pg])]
        ]
        total, slug, parts = max(weights)
        by: dict[str, list[int]] = {}
        for kind, raw, z in parts:
            acc = by.setdefault(kind, [0, 0])
            acc[0] += raw
            acc[1] += z
        worst = max(worst, total)
        detail = ", ".join(f"{k} {v[0] / 1024:.0f}/{v[1] / 1024:.0f}" for k, v in by.items())
        faces = ", ".join(
            f.name.removeprefix("sarabun-").removesuffix("-normal.woff2") for f in fonts[folder / slug / "index.html"]
        )
        rows.append(
            (
                f"heaviest office page ({lang}: {slug}), first load KiB raw/gzip",
                f"{detail} ({faces}); total {total / 1024:.1f} KiB gzip ({total:,} bytes)",
            )
        )
    # the search (changwat-search.js with Pagefind) loads nothing until a reader uses the box; what a
    # first search downloads per engine is measured by bench/search_bakeoff.py
    search_js = site / "assets" / "javascripts" / "changwat-search.js"
    pagefind = site / "pagefind"
    if search_js.exists() and pagefind.is_dir():
        index = [q for q in pagefind.rglob("*") if q.is_file()]
        rows.append(
            (
                "search, fetched only when used: changwat-search.js",
                f"{len(search_js.read_bytes()) / 1024:.0f} KiB raw, {gz(search_js.read_bytes()) / 1024:.0f} KiB gzip",
            )
        )
        rows.append(
            (
                "search index on the server (both languages, all fragments)",
                f"{sum(q.stat().st_size for q in index) / 1024:.0f} KiB in {len(index)} files "
                "(a reader downloads only their language's chunks for the words typed)",
            )
        )
    results["page"] = worst
    rows.append(("budget: office page ≤ 100 KiB gzip", verdict(worst / 1024, BUDGETS["page"] / 1024, "KiB")))
    return rows


SECTIONS = {
    "validate": bench_validate,
    "stages": bench_stages,
    "build": bench_build,
    "scale": bench_scale,
    "preview": bench_preview,
    "weight": bench_weight,
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default=",".join(SECTIONS))
    args = parser.parse_args()
    print(f"changwat benchmark — {os.cpu_count()} cores, median of {args.runs} runs where repeated")
    results: dict = {}
    for name in args.only.split(","):
        table(name, SECTIONS[name](args.runs, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
