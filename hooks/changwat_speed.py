"""MkDocs / ProperDocs hook: build speed and page weight (thin glue to changwat.build.compiled and
changwat.build.minify).

on_config      Python's cycle collector runs less often (changwat.cache.fewer_collections); the
               theme's Jinja environments (one per language's pass and rebuild, and the ones plugins
               make) list the installed theme's files once per process (MkDocs lists all of
               Material's, 28 000 icons included, each time) and keep compiled templates
               (changwat.build.compiled.faster_theme): Material's base.html and partials and our
               overrides, about 100 templates and a tenth of the build's CPU time, in memory and in
               the project's cache (Project.cache / "jinja"), where the page templates' are kept
               too; an edited template is compiled again
on_files       Material's own search, which no page loads (lunr, its 34 language files and the
               search worker: 36 files, 1.2 MB), is not copied into the site: the search is
               Pagefind's (hooks/changwat_search.py)
on_post_build  our stylesheets (extra_css) served minified (changwat.build.minify: comments and
               needless spaces out, about 1.8 kB of gzip on every first load)
"""

from __future__ import annotations

from pathlib import Path

from changwat.build import minify
from changwat.build.compiled import TEMPLATES, faster_theme
from changwat.build.timing import timed
from changwat.cache import fewer_collections
from changwat.project import Project


@timed
def on_config(config):
    fewer_collections()
    root = Path(config.config_file_path).resolve().parent
    TEMPLATES.keep_in(Project.from_config(config, root).cache / "jinja")
    faster_theme(config)
    return config


# Before the plugins' on_config (the theme's search plugin makes a Jinja environment in its own).
on_config.mkdocs_priority = 100


# Material's search: the theme's files, which MkDocs copies into every build of a site whose search
# plugin is enabled (it is, for Material's header to show the box: templates/theme/partials/search.html)
UNUSED_THEME_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


@timed
def on_files(files, config):
    for file in [f for f in files if f.src_uri.startswith(UNUSED_THEME_FILES)]:
        files.remove(file)
    return files


# After mkdocs-static-i18n's on_files (-100), which gives each language's pass its files.
on_files.mkdocs_priority = -200


@timed
def on_post_build(config):
    for sheet in config.extra_css:
        if "://" not in str(sheet):
            minify.minify_file(Path(config.site_dir) / str(sheet))
