"""sitemap.xml names an x-default alternate (the default language's page) for every page, like the
pages' own <link rel="alternate"> do; the .gz copy says the same."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET

from changwat.build.sitemap import add_x_default

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}

SAMPLE = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
    <url>
        <loc>https://x.example/a/</loc>
        <xhtml:link rel="alternate" hreflang="th" href="https://x.example/a/"/>
        <xhtml:link rel="alternate" hreflang="en" href="https://x.example/en/a/"/>
    </url>
    <url>
        <loc>https://x.example/en/b/</loc>
        <xhtml:link rel="alternate" hreflang="en" href="https://x.example/en/b/"/>
    </url>
</urlset>
"""


def alternates(xml: str) -> list[dict[str, str]]:
    root = ET.fromstring(xml.encode())
    return [{a.get("hreflang"): a.get("href") for a in url.findall("x:link", NS)} for url in root.findall("s:url", NS)]


def test_x_default_is_the_default_languages_page() -> None:
    out = add_x_default(SAMPLE, "th")
    assert alternates(out) == [
        {"th": "https://x.example/a/", "en": "https://x.example/en/a/", "x-default": "https://x.example/a/"},
        {"en": "https://x.example/en/b/"},  # no page in the default language: no x-default
    ]
    assert add_x_default(out, "th") == out  # applied twice, changed once


def test_built_sitemap_has_x_default_everywhere(built_site) -> None:
    xml = (built_site.dir / "sitemap.xml").read_text(encoding="utf-8")
    urls = alternates(xml)
    assert len(urls) >= 2 * 76
    for alt in urls:
        assert alt["x-default"] == alt["th"], alt
    assert gzip.decompress((built_site.dir / "sitemap.xml.gz").read_bytes()).decode("utf-8") == xml
