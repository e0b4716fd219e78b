"""Thai search benchmark: segmentation time (cold and cached) and each language's index size.

    .venv/bin/python bench/search.py             # builds the site once without the search hook
    .venv/bin/python bench/search.py --runs 5    # median of 5 for the cached figures

It builds the bilingual site in-process with every hook except hooks/changwat_search.py, so the
index is Material's own (unsegmented), then segments that index as the hook does:

  cold     a new process with an empty cache: importing and loading pythainlp's dictionary,
           newmm on every Thai text (what the first build on a machine pays)
  cached   a new process with the cache of the cold run: every text comes from
           .cache/changwat/search.json (what every later build pays)

and prints, per language and for the one file readers download, the index size before and after
segmentation, raw and gzip (thai-search.js keeps the page's language from that file).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

LOCALES = {"th": "", "en": "en/"}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def dump(index: dict) -> bytes:
    """As Material writes it: compact, ASCII-escaped."""
    return json.dumps(index, separators=(",", ":")).encode("utf-8")


def build_raw_index(tmp: Path) -> Path:
    """The site's search index as Material writes it: an in-process build without our search hook."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    docs = tmp / "docs"
    docs.mkdir()
    os.environ["CHANGWAT_DOCS_DIR"] = str(docs)
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp / "site"),
                         hooks=[str(ROOT / "hooks" / "changwat_site.py")])
    build(config)
    return tmp / "site" / "search" / "search_index.json"


def segment_once(index_path: Path, out_path: Path | None) -> dict:
    """Segment the index as the hook does (run in a child process: --child)."""
    start = time.perf_counter()
    from changwat.build import search
    from changwat.check.thai import load_allowlist

    names = load_allowlist(ROOT / "data" / "thai-allowlist.txt")
    segmenter = search.CachedSegmenter(names, ROOT / ".cache" / "changwat")
    index = json.loads(index_path.read_text(encoding="utf-8"))
    ready = time.perf_counter()
    out = search.rewrite_index(index, segmenter, LOCALES)
    done = time.perf_counter()
    segmenter.save()
    if out_path is not None:
        out_path.write_bytes(dump(out))
    return {"total": time.perf_counter() - start, "segment": done - ready, "new": segmenter.misses,
            "cached": segmenter.hits}


def child(index_path: Path, cache: Path, out_path: Path | None = None) -> dict:
    cmd = [sys.executable, __file__, "--child", str(index_path)] + (["--out", str(out_path)] if out_path else [])
    env = {**os.environ, "CHANGWAT_CACHE": str(cache)}
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process"] = time.perf_counter() - start
    return result


def sizes(index: dict) -> dict[str, tuple[int, int, int]]:
    """(entries, raw bytes, gzip bytes) per language and for the whole file."""
    from changwat.build import search

    out = {}
    for lang, part in search.split_by_language(index, LOCALES).items():
        data = dump(part)
        out[lang] = (len(part["docs"]), len(data), gz(data))
    data = dump(index)
    out["file"] = (len(index["docs"]), len(data), gz(data))
    return out


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n## {title}")
    for r in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions of the cached run (median)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(segment_once(args.child, args.out)))
        return 0

    from changwat.build import search

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        start = time.perf_counter()
        raw_path = build_raw_index(tmp)
        t_build = time.perf_counter() - start
        cache = tmp / "cache"
        cold = child(raw_path, cache, tmp / "segmented.json")
        cached = [child(raw_path, cache) for _ in range(max(1, args.runs))]
        raw = json.loads(raw_path.read_text(encoding="utf-8"))
        seg = json.loads((tmp / "segmented.json").read_text(encoding="utf-8"))

    med = {k: statistics.median(r[k] for r in cached) for k in ("segment", "total", "process")}
    thai_texts = cold["new"] + cold["cached"]
    print(f"site built without the search hook in {t_build:.1f} s; {len(raw['docs'])} index entries, "
          f"{thai_texts} titles/texts with Thai")
    table("Segmentation of the whole index (as hooks/changwat_search.py does it)",
          ["run", "segment", "in process", "new process", "texts segmented"],
          [["cold (empty cache)", f"{cold['segment'] * 1000:.0f} ms", f"{cold['total'] * 1000:.0f} ms",
            f"{cold['process'] * 1000:.0f} ms", str(cold["new"])],
           [f"cached (median of {len(cached)})", f"{med['segment'] * 1000:.1f} ms", f"{med['total'] * 1000:.0f} ms",
            f"{med['process'] * 1000:.0f} ms", str(cached[0]["new"])]])
    print("  segment: rewrite_index alone; in process: + imports, cache file and allow-list; "
          "new process: + Python start-up")

    before, after = sizes(raw), sizes(seg)
    rows = []
    for key, label in (("th", "Thai (/)"), ("en", "English (/en/)"), ("file", "search_index.json")):
        (n, r0, g0), (_, r1, g1) = before[key], after[key]
        rows.append([label, str(n), f"{r0 / 1024:.0f}", f"{r1 / 1024:.0f} ({(r1 - r0) / r0:+.0%})",
                     f"{g0 / 1024:.1f}", f"{g1 / 1024:.1f} ({(g1 - g0) / g0:+.0%})"])
    table("Search index size, KiB (before → after segmentation)",
          ["index", "entries", "raw before", "raw after", "gzip before", "gzip after"], rows)
    vocab = {lang: len(search.vocabulary(part)) for lang, part in search.split_by_language(seg, LOCALES).items()}
    print(f"  readers download search_index.json once (both languages); thai-search.js keeps the page's "
          f"language.\n  Thai words the query segmenter knows: th {vocab['th']}, en {vocab['en']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
