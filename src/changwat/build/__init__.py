"""Stage 4 — build: the validated model → the site's pages and files, for MkDocs to build.

    urls.py      the URL scheme and the open-data paths, in one place
    ui.py        the interface strings (ui.yaml), Thai and English
    views.py     typed views: what each template receives
    render.py    the Renderer: views → Markdown pages (Jinja, escaped; templates/ at the project's top)
    opendata/    the open data: JSON (records.py), CSV (table.py), JSON-LD (jsonld.py), their schemas
    pages.py     writes the pages and open data under docs/ (only what changed)
    search.py    search index: Thai segmentation, Pagefind index and query lexicon

Nothing here imports MkDocs: hooks/ is the only glue.
"""
