"""MkDocs / ProperDocs hook: the site's search index, with Pagefind (thin glue to changwat.build.search).

on_page_content keeps each built page's content, and tells the theme's own search plugin to index
                nothing (page.meta search.exclude: Material's plugin stays enabled
                only so that its header shows the box, templates/theme/partials/search.html).
on_post_build   once every language is built: reads the pages' text by sections
                (changwat.build.outline: cut at their headings; what is marked data-search-exclude
                left out, so national content shown on 76 office pages is indexed once, on
                /standard/), segments the Thai texts with pythainlp (words joined
                by U+200B, which Pagefind splits on and never shows) and writes Pagefind's bundle to
                pagefind/: pagefind.js and one index per language, so a reader downloads only the
                index of the page's language, in small chunks. Beside it,
                pagefind/changwat-lexicon.<lang>.json: the index's words and the province names,
                with which templates/theme/assets/javascripts/changwat-search.js rewrites queries
                (Thai segmentation, one typo per word, US/UK spellings, RTGS variants of names).
                The theme plugin's empty search/search_index.json is removed: nothing reads it.

mkdocs-static-i18n builds the site once per language, each pass ending in on_post_build: the index
is written by the pass that completes the set of languages built. Segmentations are cached by
content (.cache/changwat/search.json), so an unchanged text is never segmented twice, and the last
Pagefind bundle is kept (.cache/changwat/pagefind/<key>), so a build whose pages did not change
copies it instead of running Pagefind. Nothing here depends on the theme's search: the browser side
talks to pagefind.js, not to the theme's search worker.
"""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

from changwat.build import search
from changwat.build.timing import timed
from changwat.load.allowlist import load_allowlist
from changwat.model.registry import load_registry
from changwat.project import Project, tool_module

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
    return tool_module(config, "exceptions").PluginError(message)


_built: dict[str, search.BuiltPage] = {}  # page URL → the page, over the passes of one build


@timed
def on_page_content(html, page, config, files):
    _built[page.url] = search.BuiltPage(page.url, page.title or "", html)
    page.meta["search"] = {"exclude": True}  # for the theme's search plugin: this hook indexes it
    return html


# After hooks/changwat_site.py's on_page_content (100), which gives generated pages their HTML.
on_page_content.mkdocs_priority = 50


@timed
def on_post_build(config):
    site = Path(config.site_dir)
    # the theme plugin's index, of nothing (every page is search-excluded above); nothing reads it
    shutil.rmtree(site / "search", ignore_errors=True)
    locales = _locales(config)
    if not set(locales) <= {search.language_of(url, locales) for url in _built}:
        return  # an earlier language's pass: the pass that completes the set writes
    start = time.monotonic()
    built = list(_built.values())
    _built.clear()
    root = Path(config.config_file_path).resolve().parent
    project = Project.from_config(config, root)
    segmenter = _get_segmenter(project)
    hits, misses = segmenter.hits, segmenter.misses
    # province names for the browser's lexicon (a test fixture's data may have no registry)
    provinces = list(load_registry(project.registry)) if project.registry.exists() else []
    if not provinces:
        log.info("changwat: no %s: province names are not in the search lexicon", project.registry)
    try:
        pages = search.write_index(
            built, segmenter, locales, provinces, site / "pagefind", project.cache, segmenter.segmenter.names
        )
    except Exception as e:  # Pagefind failed: the build must not pass without search
        raise _fail(config, f"changwat search: the index was not written: {e}") from e
    segmenter.save()
    log.info(
        "changwat: search index of %d pages written with Pagefind (%d texts segmented, %d cached) in %.2f s",
        pages,
        segmenter.misses - misses,
        segmenter.hits - hits,
        time.monotonic() - start,
    )


# After mkdocs-static-i18n's on_post_build (-100), which builds the other languages and writes the
# theme plugin's index of all of them.
on_post_build.mkdocs_priority = -200
