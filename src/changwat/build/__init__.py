"""Stage 4 — build: the validated model → the site's pages and files, for MkDocs to build.

    urls.py      the URL scheme and the open-data paths, in one place
    ui.py        the interface strings (ui.yaml), Thai and English
    views.py     typed views: what each template receives
    render.py    the Renderer: views → pages, front matter and HTML (Jinja, escaped; templates/ at
                 the project's top)
    outline.py   a page's headings read back: its table of contents and the search's sections
    opendata/    the open data: JSON (records.py), CSV (table.py), JSON-LD (jsonld.py), their schemas
    pages.py     writes the pages and open data under docs/ (only what changed; nothing at all when
                 no input changed since the last generation)
    search.py    search index: Thai segmentation, Pagefind index and query lexicon
    compiled.py  compiled Jinja templates kept for the next build; the theme's file list once
    minify.py    our stylesheet as served
    timing.py    how long our part of a build takes (each hook times itself)
    preview.py, html.py, sitemap.py, history.py, feeds.py, inert.py, sectionviews.py, pageviews.py

Nothing here imports MkDocs: hooks/ is the only glue.
"""
