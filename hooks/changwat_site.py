"""MkDocs / ProperDocs hook: thin glue to changwat.build.pages (the content pipeline knows nothing of MkDocs).

on_config          generate docs/ from data/ before the build reads docs/ (fails the build, with the
                   problems printed, when the data has errors, before MkDocs writes anything); take
                   the build date from the last commit (reproducible builds); give the theme's own
                   pages (404.html) the interface strings (extra.changwat.ui)
on_post_page       mend the two things Material prints that HTML does not allow (build/html.py); so does
on_post_template   for 404.html
on_post_build      sitemap.xml: an x-default alternate beside each page's language alternates
on_serve           stop watching the generated docs/ (data/ is watched): one rebuild per save; look for
                   saved files every 0.1 s instead of MkDocs' 0.5 s (preview.watch_faster)
on_startup, on_post_page, on_post_template
                   the preview never hangs: while serving, a data error does not stop the build;
                   every page shows the problems over the last good content (changwat.build.preview)
on_shutdown        log the time the build spent in our hooks (changwat.build.timing; each hook times
                   itself), which bench/run.py reports as our share of the build
on_page_markdown   the "edit this page" link comes from the page's front matter (edit_url), so it
                   opens the office's YAML file, not the generated page; a generated page's body is
on_page_content    HTML (front matter ``body: html``): it is kept aside and given back as the page's
                   content, so Python-Markdown never parses it (it was about 40 % of the build), and
                   its table of contents is read from its headings (changwat.build.outline)
"""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

from changwat.build import html, outline, pages, preview, sitemap, timing
from changwat.build.timing import timed
from changwat.build.ui import ui_strings
from changwat.project import Project, tool_module

log = logging.getLogger("mkdocs.hooks.changwat")


def commit_date(root: Path) -> None:
    """Dates MkDocs writes (each page's date in sitemap.xml, the time in sitemap.xml.gz's gzip header)
    come from the last commit instead of the clock, so two builds of the same commit are identical
    on any day. A SOURCE_DATE_EPOCH set by the caller wins; without git the build date stays."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return
    if out.returncode == 0 and out.stdout.strip().isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = out.stdout.strip()


def _errors(config):
    """mkdocs.exceptions or properdocs.exceptions, whichever is running this build."""
    return tool_module(config, "exceptions")


@timed
def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    commit_date(root)
    # the theme's own pages (404.html) print interface strings from the one place they live
    config.extra.setdefault("changwat", {})["ui"] = ui_strings()
    try:
        result = pages.generate(Project.from_config(config, root))
    except pages.DataError as e:
        log.error("%s\n", e.report)
        if preview.show(Project.from_config(config, root), e):
            return config  # serving: build the last good pages, with the problems on each
        raise _errors(config).PluginError(str(e)) from e
    except pages.WriteError as e:  # a full disk, a read-only docs/: one line, no traceback
        raise _errors(config).PluginError(str(e)) from e
    preview.clear()
    log.info(result.summary())
    return config


@timed
def on_post_build(config):
    default = (config.extra.get("changwat") or {}).get("default_language", "th")
    sitemap.rewrite(Path(config.site_dir), default)


# After mkdocs-static-i18n's on_post_build (-100), which writes the sitemap of all languages last.
on_post_build.mkdocs_priority = -200


def on_startup(command, dirty):
    timing.reset()
    preview.start_serving(command == "serve")


def on_shutdown():
    log.info(timing.summary())


@timed
def on_post_page(output, page, config):
    return preview.with_banner(html.conform(output))


@timed
def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    output_content = html.conform(output_content)
    # the server's 404 page is not refreshed by live reload: it reloads itself while there are problems
    return preview.with_banner(output_content, reload_seconds=3) if template_name == "404.html" else output_content


_bodies: dict[str, str] = {}  # generated pages' HTML, from on_page_markdown to on_page_content


@timed
def on_page_markdown(markdown, page, **kwargs):
    if "edit_url" in page.meta:
        page.edit_url = page.meta["edit_url"] or None
    if page.meta.get("body") == "html":
        _bodies[page.file.src_uri] = markdown
        return ""
    return markdown


# Before the i18n plugin's own on_page_markdown, which reads the text line by line.
on_page_markdown.mkdocs_priority = 100


@timed
def on_page_content(html, page, config, files):
    body = _bodies.pop(page.file.src_uri, None)
    if body is None:
        return html
    page.toc = tool_module(config, "structure.toc").get_toc(outline.toc(body))
    return body


# Before any other on_page_content (hooks/changwat_search.py reads the content this returns).
on_page_content.mkdocs_priority = 100


@timed
def on_serve(server, config, builder):
    # docs/ is written by on_config from data/ (which mkdocs.yml watches): watching docs/ too would
    # make every save build twice, the second time for the pages the first build just wrote.
    server.unwatch(config.docs_dir)
    preview.watch_faster(server, [config.config_file_path, *config.theme.dirs])
    return server
