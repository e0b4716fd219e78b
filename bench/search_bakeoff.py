"""Search bake-off: the query set (tests/search/queries.yaml) against each search engine, in
headless Chromium, on the real built site served locally.

    .venv/bin/python bench/search_bakeoff.py                 # all engines
    .venv/bin/python bench/search_bakeoff.py --engines pagefind changwat --misses

Engines:

  lunr      Material's lunr search as it was until this bake-off: pythainlp segmentation of
            Material's index at build time, thai-search.js (query segmentation through Material's
            private worker messages). Built from git (LUNR_REF), the reader types into Material's box.
  pagefind  Pagefind (PyPI pagefind[extended], its own Thai segmentation) run as documented on the
            same built HTML: content root <article>, data-search-exclude'd elements and heading
            links left out. Queried through its JavaScript API (pagefind.js).
  changwat  what the site uses now: Pagefind fed by build/searchjob.py (sections of the
            pages, Thai pre-segmented by pythainlp, inherited content once) and the query rewritten
            in the browser by changwat-search.js (Thai segmentation, one typo per word, US/UK
            spellings, province names in Thai, English and RTGS variants). Queried through its
            API (window.changwatSearch.search); tests/test_search_browser.py types into the box.

Printed per engine: recall@5 (share of queries whose expected locations are all in the first five
result pages), first-result rate (share of queries whose first expected location is in the first
result page), the bytes a reader downloads for search on one page (gzip; the page loaded, then one
query, then the whole query set), and the index build time (from the build's own log, or the
Pagefind CLI run).
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from _serve import serve as serve_folder

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
QUERIES = ROOT / "tests" / "search" / "queries.yaml"
#: The last commit whose site searched with Material's lunr search (and thai-search.js).
LUNR_REF = "79b1f2a"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TOP = 5
PLACEHOLDER = {"th": "พิมพ์เพื่อเริ่มค้นหา", "en": "Type to start searching"}
# what a reader downloads for search (not the page itself)
SEARCH_FILES = re.compile(r"/search/|/workers/|/lunr/|thai-search\.js|/pagefind/|changwat-search")


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# --- building ------------------------------------------------------------------------------


def build(config_root: Path, site_dir: Path, url: str, docs: Path, src: Path | None = None) -> tuple[float, str]:
    """`mkdocs build --strict` of config_root/mkdocs.yml; (seconds, log)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANGWAT_")}
    env.update(NO_MKDOCS_2_WARNING="1", CHANGWAT_SITE_URL=url, CHANGWAT_DOCS_DIR=str(docs))
    if src is not None:  # the old tree's package before the installed (editable) one
        env["PYTHONPATH"] = str(src)
    docs.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    proc = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", str(config_root / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=config_root,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"build failed in {config_root}:\n{proc.stderr[-3000:]}")
    return seconds, proc.stderr


def build_lunr(tmp: Path, serve: Path, url: str) -> float:
    tree = tmp / "lunr-tree"
    tree.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", LUNR_REF], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    _, log = build(tree, serve / "lunr", url + "lunr/", tmp / "lunr-docs", src=tree / "src")
    # the hook's own timing; Material's index is written by its search plugin besides (not timed)
    times = [float(x) for x in re.findall(r"search index segmented .*? in ([\d.]+) s", log)]
    return sum(times)


def build_pagefind(serve: Path) -> float:
    """Pagefind's CLI on the HTML of the lunr build (same pages), as its documentation suggests."""
    site = serve / "pagefind"
    shutil.copytree(serve / "lunr", site)
    shutil.rmtree(site / "search", ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        [
            str(BIN / "python"),
            "-m",
            "pagefind",
            "--site",
            str(site),
            "--root-selector",
            "article",
            "--exclude-selectors",
            "[data-search-exclude]",
            "--exclude-selectors",
            ".headerlink",
        ],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def build_changwat(tmp: Path, serve: Path, url: str) -> float:
    _, log = build(ROOT, serve / "changwat", url + "changwat/", tmp / "changwat-docs")
    times = [float(x) for x in re.findall(r"changwat: search index .*? in ([\d.]+) s", log)]
    return sum(times)


# --- querying ------------------------------------------------------------------------------


SERVED: list[Path] = []  # every file the local server sent (pages, scripts, workers' fetches)
ROOTS: list[Path] = []  # the served folder


def gzip_size(path: Path, _memo: dict = {}) -> int:
    if path not in _memo:
        _memo[path] = len(gzip.compress(path.read_bytes(), 6))
    return _memo[path]


class Engine:
    name = ""

    def __init__(self, browser, base: str, lang: str):
        self.base = base  # the site root, http://127.0.0.1:<port>/<engine>/
        self.lang = lang
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.start = len(SERVED)
        self.page = self.context.new_page()
        self.page.goto(base + ("en/" if lang == "en" else ""), wait_until="networkidle")

    @property
    def bytes(self) -> int:
        """gzip bytes of the search files the server sent for this page since it was opened (as a
        host that compresses would send them; Pagefind's own files are compressed already)."""
        self.page.wait_for_load_state("networkidle")
        site = Path(urlsplit(self.base).path.strip("/"))  # the engine's folder under the served root
        mine = [p for p in SERVED[self.start :] if p.is_relative_to(ROOTS[0] / site)]
        return sum(gzip_size(p) for p in mine if SEARCH_FILES.search("/" + p.relative_to(ROOTS[0] / site).as_posix()))

    def location(self, href: str) -> str:
        parts = urlsplit(href)
        path = unquote(parts.path)[len(urlsplit(self.base).path) :]
        return path + (f"#{parts.fragment}" if parts.fragment else "")

    def search(self, query: str) -> list[list[str]]:
        raise NotImplementedError

    def close(self) -> None:
        self.context.close()


class Lunr(Engine):
    name = "lunr"

    def __init__(self, *args):
        super().__init__(*args)
        self.box = self.page.locator("input.md-search__input")
        self.box.click()

    def search(self, query: str) -> list[list[str]]:
        meta = "p => document.querySelector('.md-search-result__meta').textContent"
        self.box.fill("")
        self.box.press("End")
        self.page.wait_for_function(f"p => ({meta})() === p", arg=PLACEHOLDER[self.lang])
        self.box.fill(query)
        self.box.press("End")
        self.page.wait_for_function(f"p => ({meta})() !== p", arg=PLACEHOLDER[self.lang])
        groups = self.page.eval_on_selector_all(
            ".md-search-result__item", "items => items.map(li => [...li.querySelectorAll('a[href]')].map(a => a.href))"
        )
        return [[self.location(h) for h in g] for g in groups]


class Pagefind(Engine):
    name = "pagefind"

    def search(self, query: str) -> list[list[str]]:
        groups = self.page.evaluate(
            """async ([base, q, top]) => {
            window.__pf = window.__pf || await import(base + 'pagefind/pagefind.js')
            const found = await window.__pf.search(q)
            const out = []
            for (const r of found.results.slice(0, top)) {
              const d = await r.data()
              out.push([d.url, ...d.sub_results.map(s => s.url)])
            }
            return out
        }""",
            [self.base, query, TOP],
        )
        return [
            [
                self.location(self.base + u.lstrip("/").removeprefix(urlsplit(self.base).path.strip("/") + "/"))
                for u in g
            ]
            for g in groups
        ]


class Changwat(Engine):
    name = "changwat"

    def __init__(self, *args):
        super().__init__(*args)
        # changwat-search.js is fetched when a reader reaches for the search (partials/search.html)
        self.page.focus("input[name=query]")
        self.page.wait_for_function("() => window.changwatSearch !== undefined")

    def search(self, query: str) -> list[list[str]]:
        groups = self.page.evaluate("q => window.changwatSearch.search(q)", query)
        return [[self.location(h) for h in g["links"]] for g in groups]


ENGINES = {"lunr": Lunr, "pagefind": Pagefind, "changwat": Changwat}


def matches(groups: list[list[str]], expected: str) -> bool:
    for g in groups:
        if expected in g or (g and expected.endswith("/") and g[0].split("#")[0] == expected):
            return True
    return False


def judge(groups: list[list[str]], q: dict) -> tuple[bool, bool]:
    top = groups[:TOP]
    recall = all(matches(top, e) for e in q["expect"])
    first = matches(groups[:1], q["expect"][0])
    return recall, first


def run_engine(browser, engine: str, base: str, queries: list[dict], misses: bool) -> dict:
    out = {"recall": 0, "first": 0, "n": 0, "first_n": 0, "bytes_first": 0, "bytes_all": 0, "ms": []}
    for lang in ("th", "en"):
        mine = [q for q in queries if q["lang"] == lang]
        e = ENGINES[engine](browser, base, lang)
        try:
            for i, q in enumerate(mine):
                start = time.perf_counter()
                groups = e.search(q["q"])
                out["ms"].append((time.perf_counter() - start) * 1000)
                if i == 0:
                    out["bytes_first"] += e.bytes
                recall, first = judge(groups, q)
                out["n"] += 1
                out["recall"] += recall
                if q.get("first"):
                    out["first_n"] += 1
                    out["first"] += first
                if misses and not (recall and (first or not q.get("first"))):
                    print(
                        f"  [{engine} {lang}] miss {q['q']!r} ({q.get('why', '')}): {[g[:2] for g in groups[:3]]}",
                        file=sys.stderr,
                    )
            out["bytes_all"] += e.bytes
        finally:
            e.close()
    return out


def serve(root: Path):
    ROOTS[:] = [root]
    return serve_folder(root, SERVED)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", nargs="+", default=list(ENGINES), choices=list(ENGINES))
    parser.add_argument("--misses", action="store_true", help="list the queries each engine misses (stderr)")
    args = parser.parse_args(argv)
    queries = load_queries()
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        root = tmp / "serve"
        root.mkdir()
        httpd, url = serve(root)
        try:
            build_time = {}
            if "lunr" in args.engines or "pagefind" in args.engines:
                build_time["lunr"] = build_lunr(tmp, root, url)
            if "pagefind" in args.engines:
                build_time["pagefind"] = build_pagefind(root)
            if "changwat" in args.engines:
                build_time["changwat"] = build_changwat(tmp, root, url)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                try:
                    for engine in args.engines:
                        r = run_engine(browser, engine, url + engine + "/", queries, args.misses)
                        rows.append(
                            [
                                engine,
                                f"{r['recall'] / r['n']:.0%} ({r['recall']}/{r['n']})",
                                f"{r['first'] / r['first_n']:.0%} ({r['first']}/{r['first_n']})",
                                f"{r['bytes_first'] / 2 / 1024:.1f}",
                                f"{r['bytes_all'] / 1024:.1f}",
                                f"{sorted(r['ms'])[len(r['ms']) // 2]:.0f}",
                                f"{build_time[engine]:.2f}",
                            ]
                        )
                finally:
                    browser.close()
        finally:
            httpd.shutdown()
            httpd.server_close()
    n_th = sum(q["lang"] == "th" for q in queries)
    print(f"{len(queries)} queries ({n_th} Thai site, {len(queries) - n_th} English site), tests/search/queries.yaml\n")
    header = [
        "engine",
        "recall@5",
        "first result",
        "KB gzip, page + 1st query",
        "KB gzip, all queries",
        "median ms/query",
        "index build s",
    ]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, ["-" * w for w in widths], *rows]:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |")
    print(
        "\nKB for page + 1st query: the mean of the two sites (one page each); all queries: both sites, "
        "the whole set.\nindex build s: lunr = the pythainlp segmentation hook (Material's own index "
        "not timed); pagefind = the CLI run; changwat = the search job beside the build (segmentation and Pagefind)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
