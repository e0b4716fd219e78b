"""MkDocs / ProperDocs hook: the site's search index, with Pagefind (thin glue to changwat.build.search).

on_post_build   reads the search plugin's search/search_index.json (one entry per page and section;
                data-search-exclude'd sections are already left out, so national content shown on
                76 office pages is indexed once, on /standard/), segments its Thai texts with
                pythainlp (words joined by U+200B, which Pagefind splits on and never shows), and
                writes Pagefind's bundle to pagefind/: pagefind.js and one index per language, so a
                reader downloads only the index of the page's language, in small chunks. Beside it,
                pagefind/changwat-lexicon.<lang>.json: the index's words and the province names,
                with which templates/theme/assets/javascripts/changwat-search.js rewrites queries
                (Thai segmentation, one typo per word, US/UK spellings, RTGS variants of names).

mkdocs-static-i18n builds the site once per language and writes the search plugin's index for both
languages, at the root, from its own on_post_build (priority -100) after the last language. This hook
runs after it (priority -200) and does its work only when the index holds every language built (the
call inside the first language's build sees an intermediate index). Segmentations are cached by
content (.cache/changwat/search.json), so an unchanged text is never segmented twice, and the last
Pagefind bundle is kept (.cache/changwat/pagefind/<key>), so a build whose pages did not change copies
it instead of running Pagefind. Nothing here
depends on the theme: the search plugin's index is MkDocs' own format, and the browser side talks to
pagefind.js, not to the theme's search worker.
"""

from __future__ import annotations

import importlib
import json
import logging
import time
from pathlib import Path

from changwat.build import search
from changwat.check.thai import load_allowlist
from changwat.model.registry import load_registry
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


def _locales(config) -> dict[str, str]:
    i18n = config.plugins.get("i18n")
    languages = getattr(getattr(i18n, "config", None), "languages", None)
    if not languages:
        return {str(config.theme.get("language") or "en"): ""}
    return search.locales_of((lang.locale, bool(lang.default)) for lang in languages if lang.build)


def _fail(config, message: str):
    # mkdocs.exceptions or properdocs.exceptions, whichever is running this build
    errors = importlib.import_module(type(config).__module__.split(".")[0] + ".exceptions")
    return errors.PluginError(message)


def on_post_build(config):
    site = Path(config.site_dir)
    path = site / "search" / "search_index.json"
    if not path.exists():
        raise _fail(
            config,
            "changwat search: search/search_index.json is missing (the `search` plugin "
            "must be enabled in mkdocs.yml: hooks/changwat_search.py indexes its sections)",
        )
    start = time.monotonic()
    index = json.loads(path.read_text(encoding="utf-8"))
    locales = _locales(config)
    present = {search.language_of(str(d.get("location", "")), locales) for d in index.get("docs") or []}
    if not set(locales) <= present:
        return  # an intermediate index (inside the first language's build): the last call writes
    root = Path(config.config_file_path).resolve().parent
    project = Project.from_config(config, root)
    segmenter = _get_segmenter(project)
    hits, misses = segmenter.hits, segmenter.misses
    # province names for the browser's lexicon (a test fixture's data may have no registry)
    provinces = list(load_registry(project.registry)) if project.registry.exists() else []
    if not provinces:
        log.info("changwat: no %s: province names are not in the search lexicon", project.registry)
    try:
        pages = search.write_index(index, segmenter, locales, provinces, site / "pagefind", project.cache)
    except Exception as e:  # Pagefind failed: the build must not pass without search
        raise _fail(config, f"changwat search: the index was not written: {e}") from e
    segmenter.save()
    log.info(
        "changwat: search index of %d pages written with Pagefind (%d texts segmented, %d cached) in %.2f s",
        len(pages),
        segmenter.misses - misses,
        segmenter.hits - hits,
        time.monotonic() - start,
    )


# Run after mkdocs-static-i18n's on_post_build (-100), which writes the combined index last.
on_post_build.mkdocs_priority = -200
