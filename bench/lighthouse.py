"""changwat on a phone on a slow link: Lighthouse (mobile, simulated slow 4G) behind nginx with gzip.

    make bench-deps                          # once: Debian's nginx, lighthouse@12.2.3 into bench/node_modules
    .venv/bin/python bench/lighthouse.py     # build, serve, audit every page kind, print against the budgets
    .venv/bin/python bench/lighthouse.py --runs 3 --only office-th,office-en
    .venv/bin/python bench/lighthouse.py --site site --no-build   # audit an existing build (site_url must be
                                             # the local server, see --port; normally let it build)

What it does
  1. builds the site (`mkdocs build --strict`) into a temporary folder, for site_url
     http://127.0.0.1:PORT/changwat/ — the same base path as GitHub Pages, so absolute links are tested
  2. serves it with Debian's nginx on 127.0.0.1 only (gzip on for text, 404.html as the error page, an
     access log), started here and stopped at the end
  3. runs Lighthouse 12 (its default: mobile, simulated slow 4G, 4× CPU slowdown) with Debian's Chromium on
     each page kind, N times, and prints the median performance score, LCP, accessibility, best practices,
     the transferred bytes of a first load, render-blocking resources and console errors
  4. lists every request nginx answered with 404 while the pages were audited (budget: none)

It measures; it never fails a build (the size and no-404 checks that can fail live in
tests/test_speed_budget.py). Lighthouse's scores move by a few points between runs on a shared machine: use
--runs 3 or more for figures to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
BASE = "/changwat/"

PAGES = {  # page kind → path under the base
    "home": "",
    "list": "provinces/",
    "office-th": "provinces/mukdahan/",
    "office-en": "en/provinces/mukdahan/",
    "standard": "standard/",
    "open-data": "open-data/",
    # Lighthouse refuses to audit a document answered with 404 (ERRORED_DOCUMENT_REQUEST); the page a
    # reader sees at a wrong address is this very file, so it is audited at its own address.
    "404": "404.html",
}

# The search's files (templates/theme/assets/javascripts/changwat-search.js, Pagefind's script and index,
# and Material's worker and lunr, were they ever fetched): a reader fetches them only by using the search.
SEARCH_PARTS = ("/pagefind/", "/assets/javascripts/changwat-search.js", "/assets/javascripts/workers/", "/lunr/")

BUDGETS = {
    "performance": 95,  # score, at least
    "lcp": 2.5,  # s, at most
    "accessibility": 100,  # score, at least
    "best-practices": 100,  # score, at least (no console error, no 404)
    "office-weight": 100_000,  # bytes transferred (gzip, headers too), office page first load, fonts included
}

NGINX_CONF = """
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    sendfile on;
    gzip on;
    gzip_comp_level 6;
    gzip_min_length 256;
    gzip_types text/css application/javascript text/javascript application/json text/xml application/xml
               image/svg+xml text/csv;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        error_page 404 {base}404.html;
        location = / {{ return 302 {base}; }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(site: Path, url: str) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CHANGWAT_SITE_URL": url}
    with tempfile.TemporaryDirectory() as docs:
        env["CHANGWAT_DOCS_DIR"] = docs
        start = time.perf_counter()
        proc = subprocess.run(
            [str(BIN / "mkdocs"), "build", "--strict", "-q", "-d", str(site)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"mkdocs build failed:\n{proc.stdout}\n{proc.stderr}")
    return elapsed


class Nginx:
    """Debian's nginx serving `root` on 127.0.0.1:port; always stopped by close()."""

    def __init__(self, root: Path, port: int, tmp: Path):
        self.tmp, self.port = tmp, port
        conf = tmp / "nginx.conf"
        conf.write_text(NGINX_CONF.format(tmp=tmp, port=port, root=root, base=BASE), encoding="utf-8")
        self.proc = subprocess.Popen(
            [NGINX, "-p", str(tmp), "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{BASE}", timeout=1).read()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise SystemExit(f"nginx did not start: {self.proc.stderr.read().decode()}")
                time.sleep(0.1)
        self.close()
        log = tmp / "error.log"
        raise SystemExit(f"nginx did not answer within 10 s\n{log.read_text() if log.exists() else ''}")

    def not_found(self) -> list[str]:
        log = self.tmp / "access.log"
        out = []
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if log.exists() else []:
            parts = line.split('"')
            if len(parts) > 2 and parts[2].split()[:1] == ["404"]:
                out.append(parts[1])
        return out

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)  # graceful stop of this nginx only
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": CHROME}
    proc = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=performance,accessibility,best-practices,seo",
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode or not out.exists():
        raise RuntimeError(f"lighthouse failed on {url}:\n{proc.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def summarise(report: dict) -> dict:
    cats, audits = report["categories"], report["audits"]
    score = lambda c: round((cats[c]["score"] or 0) * 100)
    items = lambda a: (audits.get(a, {}).get("details") or {}).get("items", [])
    by_type = {}
    for row in items("resource-summary"):
        by_type[row["resourceType"]] = row["transferSize"]
    # what the search fetches (nothing until the reader uses it): apart, since the page budget is what
    # reading the page costs
    search = sum(
        r.get("transferSize", 0)
        for r in items("network-requests")
        if any(part in r.get("url", "") for part in SEARCH_PARTS)
    )
    failed = [
        a
        for a in cats["accessibility"]["auditRefs"] + cats["best-practices"]["auditRefs"]
        if audits[a["id"]]["score"] is not None and audits[a["id"]]["score"] < 1 and a["weight"] > 0
    ]
    return {
        "performance": score("performance"),
        "accessibility": score("accessibility"),
        "best-practices": score("best-practices"),
        "seo": score("seo"),
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "search_bytes": search,
        "by_type": by_type,
        "blocking": [i["url"] for i in items("render-blocking-resources")],
        "console": [f"{i.get('source')}: {i.get('description', '')[:140]}" for i in items("errors-in-console")],
        "failed": sorted({a["id"] for a in failed}),
        "lcp_element": next(
            (
                i.get("node", {}).get("snippet", "")
                for i in items("largest-contentful-paint-element")
                if isinstance(i, dict) and "node" in i
            ),
            "",
        ),
    }


def median_of(runs: list[dict]) -> dict:
    out = dict(runs[len(runs) // 2])  # lists (blocking, console …) from one run
    for key in (
        "performance",
        "accessibility",
        "best-practices",
        "seo",
        "lcp",
        "fcp",
        "tbt",
        "cls",
        "bytes",
        "search_bytes",
    ):
        out[key] = statistics.median(r[key] for r in runs)
    out["perf_runs"] = [r["performance"] for r in runs]
    return out


def short(url: str) -> str:
    return url.split(BASE, 1)[-1] if BASE in url else url


def report(kind: str, r: dict) -> list[str]:
    ok = lambda good: "met" if good else "MISSED"
    lines = [
        f"\n## {kind}",
        f"  performance     {r['performance']:.0f}  (runs {', '.join(map(str, r['perf_runs']))}; budget ≥ "
        f"{BUDGETS['performance']}: {ok(r['performance'] >= BUDGETS['performance'])})",
        f"  LCP             {r['lcp']:.2f} s  (budget ≤ {BUDGETS['lcp']} s: {ok(r['lcp'] <= BUDGETS['lcp'])}); "
        f"FCP {r['fcp']:.2f} s, TBT {r['tbt']:.0f} ms, CLS {r['cls']:.3f}",
        f"  accessibility   {r['accessibility']:.0f}  (budget {BUDGETS['accessibility']}: "
        f"{ok(r['accessibility'] >= BUDGETS['accessibility'])})",
        f"  best practices  {r['best-practices']:.0f}  (budget {BUDGETS['best-practices']}: "
        f"{ok(r['best-practices'] >= BUDGETS['best-practices'])}); SEO {r['seo']:.0f}",
        f"  transferred     {r['bytes'] / 1000:.1f} kB  ("
        + ", ".join(f"{k} {v / 1000:.1f}" for k, v in r["by_type"].items() if k != "total" and v)
        + ")",
    ]
    page = r["bytes"] - r["search_bytes"]
    lines.append(
        f"  of which search {r['search_bytes'] / 1000:.1f} kB (its script and index: fetched only when the "
        f"search is used); the page itself {page / 1000:.1f} kB"
    )
    if kind.startswith("office"):
        lines.append(
            f"  budget: office page ≤ {BUDGETS['office-weight'] / 1000:.0f} kB first load without the search: "
            f"{ok(page <= BUDGETS['office-weight'])}"
        )
    lines.append(f"  render-blocking {', '.join(map(short, r['blocking'])) or 'none'}")
    if r["lcp_element"]:
        lines.append(f"  LCP element     {r['lcp_element'][:120]}")
    for c in r["console"]:
        lines.append(f"  console error   {c}")
    if r["failed"]:
        lines.append(f"  failed audits   {', '.join(r['failed'])}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median)")
    parser.add_argument("--only", default=",".join(PAGES), help="page kinds: " + ",".join(PAGES))
    parser.add_argument("--site", type=Path, help="serve this built site instead of building one")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the summaries here")
    args = parser.parse_args()
    for tool, hint in (
        (LIGHTHOUSE, "make bench-deps"),
        (Path(NGINX), "make bench-deps"),
        (Path(CHROME), "make chromium"),
    ):
        if not Path(tool).exists():
            raise SystemExit(f"{tool} is missing: run `{hint}`")
    port = args.port or free_port()
    url = f"http://127.0.0.1:{port}{BASE}"
    results = {}
    with tempfile.TemporaryDirectory(prefix="changwat-lh-") as tmp:
        tmp = Path(tmp)
        tmp.chmod(0o755)  # nginx's workers drop root's rights and must read the site
        root = tmp / "root"
        site = root / BASE.strip("/")
        if args.site and args.no_build:
            site.parent.mkdir(parents=True)
            site.symlink_to(args.site.resolve())
        else:
            t = build(site, url)
            print(f"built {url} in {t:.1f} s")
        server = Nginx(root, port, tmp)
        try:
            for kind in args.only.split(","):
                runs = [summarise(lighthouse(url + PAGES[kind], tmp / f"{kind}-{i}.json")) for i in range(args.runs)]
                results[kind] = median_of(runs)
                print("\n".join(report(kind, results[kind])), flush=True)
            missing = server.not_found()
        finally:
            server.close()
    print("\n## requests answered 404 while auditing (budget: none)")
    for line in sorted(set(missing)):
        print(f"  {line}  ×{missing.count(line)}")
    if not missing:
        print("  none")
    if args.json:
        args.json.write_text(json.dumps({"results": results, "404": missing}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
