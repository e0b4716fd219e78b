"""MkDocs / ProperDocs hook: the site's search index, with Pagefind (thin glue to changwat.build.searchjob).

on_config       once docs/ is generated (hooks/changwat_site.py's on_config runs first): starts the
                job that indexes its pages in a child process while MkDocs builds the site
                (changwat.build.searchjob): it reads each page's text by sections (what is marked
                data-search-exclude left out, so national content shown on 76 office pages is
                indexed once, on /standard/), segments the Thai texts with pythainlp (words joined
                by U+200B, which Pagefind splits on and never shows) and writes Pagefind's bundle:
                pagefind.js and one index per language, so a reader downloads only the index of the
                page's language, in small chunks. Beside it, changwat-lexicon.<lang>.json: the
                index's words and the province names, with which
                templates/theme/assets/javascripts/changwat-search.js rewrites queries (Thai
                segmentation, one typo per word, US/UK spellings, RTGS variants of names). MkDocs
                runs on_config once per language: a later pass keeps the job its docs/ started.
on_page_content notes each generated page built, and tells the theme's own search plugin to index nothing
                (page.meta search.exclude: Material's plugin stays enabled only so that its header
                shows the box, templates/theme/partials/search.html).
on_post_build   once every language is built: waits for the job, checks that it indexed exactly the
                pages MkDocs built, and moves its bundle to the site's pagefind/. The theme plugin's
                empty search/search_index.json is removed: nothing reads it.
on_shutdown     ends a job still running (a live preview stopped mid-build).

Segmentations are cached by content (.cache/changwat/search.json) and the last Pagefind bundles are
kept (.cache/changwat/pagefind/<key>), so a build whose pages did not change links one instead of
running Pagefind. Nothing here depends on the theme's search: the browser side talks to
pagefind.js, not to the theme's search worker.
"""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

from changwat.build import search, searchjob
from changwat.build.timing import timed
from changwat.project import Project, tool_module

log = logging.getLogger("mkdocs.hooks.changwat_search")


def _i18n_languages(config) -> list:
    """mkdocs-static-i18n's languages, or none (a site without it has the theme's language only)."""
    i18n = config.plugins.get("i18n")
    return list(getattr(getattr(i18n, "config", None), "languages", None) or [])


def _languages(config) -> list[str]:
    """Every language of the site, built or not (the suffixes of docs/ pages); none without i18n."""
    return sorted(lang.locale for lang in _i18n_languages(config))


def _locales(config) -> dict[str, str]:
    """The languages this build builds, and the location prefix of each."""
    languages = _i18n_languages(config)
    if not languages:
        return {str(config.theme.get("language") or "en"): ""}
    return search.locales_of((lang.locale, bool(lang.default)) for lang in languages if lang.build)


def _fail(config, message: str):
    return tool_module(config, "exceptions").PluginError(message)


_job: searchjob.Job | None = None
_built: set[str] = set()  # locations of the generated pages built, over the passes of one build
_passes = 0  # the passes of that build ended so far (mkdocs-static-i18n builds one per language)


@timed
def on_config(config):
    global _job, _passes
    project = Project.from_config(config, Path(config.config_file_path).resolve().parent)
    locales = _locales(config)
    spec = searchjob.Spec(
        docs=str(project.docs),
        cache=str(project.cache),
        registry=str(project.registry) if project.registry.exists() else "",
        allowlist=str(project.allowlist) if project.allowlist.exists() else "",
        locales=locales,
        languages=_languages(config),
    )
    key = spec.key()
    if _job is not None and _job.key == key:
        return config  # a later language's pass of the same build
    if _job is not None:
        _job.stop()  # a live preview's earlier build, of other pages
    _built.clear()
    _passes = 0
    _job = searchjob.Job.start(spec, key)
    return config


# After hooks/changwat_site.py's on_config (0), which writes docs/.
on_config.mkdocs_priority = -50


@timed
def on_page_content(html, page, config, files):
    if page.meta.get("body") == "html":  # generated (a preview's placeholder for broken data is not)
        _built.add(page.url)
    page.meta["search"] = {"exclude": True}  # for the theme's search plugin: the job indexes it
    return html


@timed
def on_post_build(config):
    global _job, _passes
    site = Path(config.site_dir)
    # the theme plugin's index, of nothing (every page is search-excluded above); nothing reads it
    shutil.rmtree(site / "search", ignore_errors=True)
    _passes += 1
    if _job is None or _passes < len(_locales(config)):
        return  # an earlier language's pass: the last pass installs the index
    job, _job = _job, None
    built = set(_built)
    _built.clear()
    start = time.monotonic()
    try:
        result = job.wait()
    except searchjob.JobFailed as e:  # the build must not pass without search
        raise _fail(config, f"changwat search: the index was not written: {e}") from e
    waited = time.monotonic() - start
    indexed = set(result.urls)
    if indexed != built:
        job.stop()
        raise _fail(
            config,
            "changwat search: the index does not hold the pages built: "
            f"built, not indexed: {sorted(built - indexed)[:5]}; indexed, not built: {sorted(indexed - built)[:5]}",
        )
    job.install(site / "pagefind")
    log.info(
        "changwat: search index of %d pages written with Pagefind (%d texts segmented, %d cached) in %.2f s "
        "beside the build (waited %.2f s)",
        len(indexed),
        result.segmented,
        result.cached,
        result.seconds,
        waited,
    )


# After mkdocs-static-i18n's on_post_build (-100), which builds the other languages and writes the
# theme plugin's index of all of them.
on_post_build.mkdocs_priority = -200


def on_shutdown():
    global _job
    if _job is not None:
        _job.stop()
        _job = None
