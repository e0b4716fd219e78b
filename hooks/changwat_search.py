"""MkDocs / ProperDocs hook: Thai word segmentation of the search index (thin glue to changwat.search).

on_post_build   rewrite site/search/search_index.json: the words of every Thai run joined by U+200B
                (the search separator splits on it), Thai digits as Arabic digits, and the location
                prefix of each language in config.locales (theme/assets/javascripts/thai-search.js
                keeps the page's language and segments the reader's query the same way).

mkdocs-static-i18n builds the site once per language and writes one index for both languages,
at the root, from its own on_post_build (priority -100) after the last language. This hook runs
after it (priority -200), so it rewrites that final file; the earlier call, inside the English
build, rewrites an intermediate file that is then replaced. Segmentations are cached by content
(.cache/changwat/search.json), so an unchanged text is never segmented twice.
"""

from __future__ import annotations

import importlib
import json
import logging
import time
from pathlib import Path

from changwat.build import search
from changwat.check.thai import load_allowlist
from changwat.project import Project

log = logging.getLogger("mkdocs.hooks.changwat_search")

_segmenter: search.CachedSegmenter | None = None


def _get_segmenter(project: Project) -> search.CachedSegmenter:
    """One segmenter per process (MkDocs calls the hook once per language and per serve rebuild).
    Proper names that must stay whole: the data's Thai allow-list (province names are built in)."""
    global _segmenter
    names = load_allowlist(project.allowlist) if project.allowlist.exists() else frozenset()
    if _segmenter is None or _segmenter.segmenter.names != names:
        _segmenter = search.CachedSegmenter(names, project.cache)
    return _segmenter


def _locales(config) -> dict[str, str] | None:
    i18n = config.plugins.get("i18n")
    languages = getattr(getattr(i18n, "config", None), "languages", None)
    if not languages:
        return None
    return search.locales_of((lang.locale, bool(lang.default)) for lang in languages if lang.build)


def _fail(config, message: str):
    # mkdocs.exceptions or properdocs.exceptions, whichever is running this build
    errors = importlib.import_module(type(config).__module__.split(".")[0] + ".exceptions")
    return errors.PluginError(message)


def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():
        return
    start = time.monotonic()
    root = Path(config.config_file_path).resolve().parent
    segmenter = _get_segmenter(Project.from_config(config, root))
    hits, misses = segmenter.hits, segmenter.misses
    index = json.loads(path.read_text(encoding="utf-8"))
    try:
        index = search.rewrite_index(index, segmenter, _locales(config))
    except ValueError as e:
        raise _fail(config, f"changwat search: {e}") from e
    # same form as Material's (compact, ASCII-escaped), so sizes compare
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    segmenter.save()
    log.info("changwat: search index segmented (%d entries, %d texts new, %d cached) in %.2f s",
             len(index["docs"]), segmenter.misses - misses, segmenter.hits - hits, time.monotonic() - start)


# Run after mkdocs-static-i18n's on_post_build (-100), which writes the combined index last.
on_post_build.mkdocs_priority = -200
