"""How long an editor waits, in the live preview, between saving an office's YAML and seeing it.

    .venv/bin/python bench/preview.py [--runs 3] [--office ang-thong] [--modes th,both] [--in-place]
    .venv/bin/python bench/preview.py --browser [--runs 7] [--office ang-thong]

For each mode it starts `mkdocs serve` on 127.0.0.1 (a free port): "th" is `make serve-th`
(CHANGWAT_ONLY_LOCALE=th, mkdocs-static-i18n's build_only_locale), "both" is `make serve`, "preview" is
`make preview OFFICE=<office>` (CHANGWAT_PREVIEW: that office's pages only, both languages). It waits
until the office page is served, then, per run, writes a marker into the office's name, measures the
time until the served page shows it (the Thai page, and the English one when it is built), and
restores the file. Prints a table with the median of the runs (and every run); "whole preview" is
the time until every page the server builds shows the change (the median of each run's slowest page).

By default the server reads a temporary copy of data/ (CHANGWAT_DATA_DIR, watched with
`mkdocs serve -w`) and writes docs/ to a temporary folder (CHANGWAT_DOCS_DIR), so the repository is
not touched. --browser measures what an editor sees: `make preview OFFICE=<office>` with the office
page open in Chromium (Debian's /usr/bin/chromium, headless), the time from saving the file until
the open page, reloaded by live reload, shows the change; and the same for a save that breaks the
file (until the page shows the list of problems) and for the save that fixes it again (budget:
1 s). --in-place edits data/provinces/<office>.yaml itself (restored afterwards) and relies on
mkdocs.yml's own `watch: [data]`. Never asserts: figures to read.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
POLL = 0.05  # seconds between polls of the page
BUDGET = 1.0  # seconds from saving to the open page showing it


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(urls: list[str], test, timeout: float) -> dict[str, float]:
    """Poll until test(page) holds for every URL; the seconds (since the call) each one took."""
    start = time.perf_counter()
    done: dict[str, float] = {}
    while len(done) < len(urls):
        for url in urls:
            if url not in done:
                page = fetch(url)
                if page is not None and test(page):
                    done[url] = time.perf_counter() - start
        if time.perf_counter() - start > timeout:
            missing = ", ".join(u for u in urls if u not in done)
            raise TimeoutError(f"no change after {timeout:.0f} s: {missing}")
        time.sleep(POLL)
    return done


def with_marker(text: str, slug: str, marker: str) -> str:
    """The office file with a marker in its name (the page title): changes what the page shows
    without adding a lint warning."""
    m = re.search(r"^name:\n  th: (.*)\n  en: (.*)$", text, re.M)
    if m:
        return text[: m.start()] + f"name:\n  th: {m.group(1)} {marker}\n  en: {m.group(2)} {marker}" + text[m.end() :]
    from changwat.model.registry import load_registry

    p = load_registry(ROOT / "data" / "registry" / "provinces.csv").by_slug[slug]
    name = f"name:\n  th: สำนักงานจังหวัด{p.th} {marker}\n  en: {p.en} Provincial Office {marker}\n"
    return re.sub(rf"^province: {re.escape(slug)}\n", lambda mm: mm.group(0) + name, text, count=1, flags=re.M)


def write(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def measure(mode: str, office: str, runs: int, in_place: bool, timeout: float) -> dict:
    port = free_port()
    base = f"http://127.0.0.1:{port}/changwat/"
    both = mode in ("both", "preview")
    urls = [base + f"provinces/{office}/"] + ([base + f"en/provinces/{office}/"] if both else [])
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANGWAT_")}
    env.update(NO_MKDOCS_2_WARNING="1", CHANGWAT_SITE_URL=base)
    if mode == "th":
        env["CHANGWAT_ONLY_LOCALE"] = "th"
    elif mode == "preview":  # make preview OFFICE=<office>: that office's pages only, both languages
        env["CHANGWAT_PREVIEW"] = office
    cmd = [str(BIN / "mkdocs"), "serve", "-f", str(ROOT / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
    with tempfile.TemporaryDirectory(prefix="changwat-preview-") as tmp:
        if in_place:
            data = ROOT / "data"
        else:
            data = Path(tmp) / "data"
            shutil.copytree(ROOT / "data", data)
            (Path(tmp) / "docs").mkdir()
            env.update(CHANGWAT_DATA_DIR=str(data), CHANGWAT_DOCS_DIR=str(Path(tmp) / "docs"))
            cmd += ["-w", str(data)]
        path = data / "provinces" / f"{office}.yaml"
        original = path.read_text(encoding="utf-8")
        log = open(Path(tmp) / "serve.log", "w+", encoding="utf-8")
        start = time.perf_counter()
        server = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        result: dict = {"mode": mode, "runs": []}
        try:
            wait_for(urls, lambda page: True, timeout)
            result["startup"] = time.perf_counter() - start
            time.sleep(1.0)  # let the server settle (first build's file events)
            for _ in range(runs):
                marker = str(random.randrange(10**8, 10**9))
                write(path, with_marker(original, office, marker))
                try:
                    seen = wait_for(urls, lambda page: marker in page, timeout)
                finally:
                    write(path, original)
                result["runs"].append([seen[u] for u in urls])
                wait_for(urls, lambda page: marker not in page, timeout)
                time.sleep(1.0)
        except TimeoutError as err:
            log.seek(0)
            result["error"] = f"{err}\n--- mkdocs serve log (last lines) ---\n" + "".join(log.readlines()[-30:])
        finally:
            if path.read_text(encoding="utf-8") != original:
                write(path, original)
            stop(server, log)
    return result


def stop(server: subprocess.Popen, log) -> None:
    """End `mkdocs serve` (its whole process group) and close its log."""
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
    log.close()


def in_browser(page, marker: str, timeout: float, start: float) -> float:
    """Seconds from `start` until the page open in Chromium shows `marker` (polled; live reload
    replaces the document, so a wait inside the page would not survive it)."""
    while True:
        try:
            if marker in page.evaluate("document.body ? document.body.innerText : ''"):
                return time.perf_counter() - start
        except Exception:  # the page is being reloaded
            pass
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"the page did not show {marker!r} after {timeout:.0f} s")
        time.sleep(0.01)


def measure_browser(office: str, runs: int, timeout: float) -> dict:
    """make preview OFFICE=<office> with Chromium open on the office page: save → refreshed page."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    base = f"http://127.0.0.1:{port}/changwat/"
    url = base + f"provinces/{office}/"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANGWAT_")}
    with tempfile.TemporaryDirectory(prefix="changwat-preview-") as tmp:
        data, docs = Path(tmp) / "data", Path(tmp) / "docs"
        shutil.copytree(ROOT / "data", data)
        docs.mkdir()
        env.update(
            NO_MKDOCS_2_WARNING="1",
            CHANGWAT_SITE_URL=base,
            CHANGWAT_PREVIEW=office,
            CHANGWAT_DATA_DIR=str(data),
            CHANGWAT_DOCS_DIR=str(docs),
        )
        cmd = [str(BIN / "mkdocs"), "serve", "-f", str(ROOT / "mkdocs.yml"), "-a", f"127.0.0.1:{port}", "-w", str(data)]
        path = data / "provinces" / f"{office}.yaml"
        original = path.read_text(encoding="utf-8")
        log = open(Path(tmp) / "serve.log", "w+", encoding="utf-8")
        server = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        result: dict = {"change": [], "break": [], "fix": []}
        try:
            wait_for([url], lambda page: True, timeout)
            time.sleep(1.0)
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu"]
                )
                page = browser.new_page()
                page.goto(url)
                for _ in range(runs):
                    marker = str(random.randrange(10**8, 10**9))
                    start = time.perf_counter()
                    write(path, with_marker(original, office, marker))
                    result["change"].append(in_browser(page, marker, timeout, start))
                    # a save that breaks the file (a phone number without quotes): the problems appear
                    broken = original.replace(
                        f"province: {office}\n", f"province: {office}\ncontact:\n  phones:\n    - 035611234\n", 1
                    )
                    start = time.perf_counter()
                    write(path, broken)
                    result["break"].append(in_browser(page, "035611234", timeout, start))
                    start = time.perf_counter()
                    write(path, with_marker(original, office, marker + "0"))
                    result["fix"].append(in_browser(page, marker + "0", timeout, start))
                    time.sleep(0.5)
                browser.close()
        except TimeoutError as err:
            log.seek(0)
            result["error"] = f"{err}\n--- mkdocs serve log (last lines) ---\n" + "".join(log.readlines()[-30:])
        finally:
            stop(server, log)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--office", default="ang-thong", help="slug of an office that has a file")
    parser.add_argument(
        "--modes",
        default="preview,th,both",
        help="comma-separated: preview (make preview), th (make serve-th), both (make serve)",
    )
    parser.add_argument("--in-place", action="store_true", help="edit the repository's data file (restored after)")
    parser.add_argument("--timeout", type=float, default=180.0)
    parser.add_argument(
        "--browser",
        action="store_true",
        help="make preview with the page open in Chromium: save → refreshed page (budget 1 s)",
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))

    if args.browser:
        r = measure_browser(args.office, args.runs, args.timeout)
        if "error" in r:
            print(r["error"], file=sys.stderr)
            return 1
        print(f"make preview OFFICE={args.office}, Chromium open on the office page: save → the page shows it")
        print(f"{os.cpu_count()} CPU(s), median of {args.runs} run(s); every run in parentheses\n")
        for what, label in (
            ("change", "a change"),
            ("break", "a broken file (problems shown)"),
            ("fix", "the fix (page back)"),
        ):
            med = statistics.median(r[what])
            runs = ", ".join(f"{x:.2f}" for x in r[what])
            print(f"{label:32} {med:.2f} s  {'met' if med <= BUDGET else 'MISSED'} (≤ {BUDGET:g} s)  ({runs})")
        return 0

    print(f"changwat preview refresh: save data/provinces/{args.office}.yaml → served page shows the change")
    print(f"{os.cpu_count()} CPU(s), median of {args.runs} run(s){', in place' if args.in_place else ''}\n")
    rows = [("preview", "server start", "Thai page", "English page", "whole preview", "runs: th / en (s)")]
    failed = False
    for mode in args.modes.split(","):
        r = measure(mode, args.office, args.runs, args.in_place, args.timeout)
        if "error" in r:
            print(f"{mode}: {r['error']}", file=sys.stderr)
            failed = True
            continue
        th = statistics.median(run[0] for run in r["runs"])
        en = statistics.median(run[1] for run in r["runs"]) if mode in ("both", "preview") else None
        whole = statistics.median(max(run) for run in r["runs"])  # every page served shows the change
        label = {
            "th": "make serve-th (Thai only)",
            "both": "make serve (Thai + English)",
            "preview": f"make preview OFFICE={args.office}",
        }[mode]
        runs = "; ".join(" / ".join(f"{x:.1f}" for x in run) for run in r["runs"])
        rows.append(
            (
                label,
                f"{r['startup']:.1f} s",
                f"{th:.1f} s",
                f"{en:.1f} s" if en is not None else "—",
                f"{whole:.1f} s",
                runs,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for i, row in enumerate(rows):
        print("  ".join(cell.ljust(widths[j]) for j, cell in enumerate(row)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
