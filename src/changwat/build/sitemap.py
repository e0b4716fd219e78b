"""sitemap.xml with x-default: every page's alternates name the default language's page as the
x-default too, as the pages' own <link rel="alternate" hreflang="x-default"> do.

mkdocs-static-i18n writes the sitemap (each page with its language alternates); the MkDocs hook
(hooks/changwat_site.py, on_post_build) passes it through :func:`add_x_default` and rewrites
sitemap.xml.gz to match, keeping its gzip header's time so that builds stay reproducible.
"""

from __future__ import annotations

import gzip
import io
import re
import struct
from pathlib import Path

_ALTERNATE = re.compile(
    r'^(?P<indent>[ \t]*)<xhtml:link rel="alternate" hreflang="(?P<lang>[^"]+)" href="(?P<href>[^"]*)"/>$', re.M
)
_URL_END = re.compile(r"^(?P<indent>[ \t]*)</url>$", re.M)


def add_x_default(xml: str, default_lang: str) -> str:
    """The sitemap with an x-default alternate in every <url> that has an alternate in the default
    language (the same address). A sitemap that already has them is returned unchanged."""
    if 'hreflang="x-default"' in xml:
        return xml
    out, pos = [], 0
    for end in _URL_END.finditer(xml):
        block = xml[pos : end.start()]
        default = next((m for m in _ALTERNATE.finditer(block) if m.group("lang") == default_lang), None)
        out.append(block)
        if default is not None:
            out.append(
                f'{default.group("indent")}<xhtml:link rel="alternate" hreflang="x-default" '
                f'href="{default.group("href")}"/>\n'
            )
        out.append(end.group(0))
        pos = end.end()
    out.append(xml[pos:])
    return "".join(out)


def rewrite(site_dir: Path, default_lang: str) -> bool:
    """Add x-default to site_dir/sitemap.xml (and its .gz); False when there is no sitemap."""
    path = site_dir / "sitemap.xml"
    if not path.exists():
        return False
    old = path.read_text(encoding="utf-8")
    new = add_x_default(old, default_lang)
    if new == old:
        return True
    path.write_text(new, encoding="utf-8")
    gz = site_dir / "sitemap.xml.gz"
    mtime = struct.unpack("<I", gz.read_bytes()[4:8])[0] if gz.exists() else 0
    buf = io.BytesIO()
    with gzip.GzipFile(filename=str(gz), fileobj=buf, mode="wb", mtime=mtime) as fh:  # as MkDocs writes it
        fh.write(new.encode("utf-8"))
    gz.write_bytes(buf.getvalue())
    return True
