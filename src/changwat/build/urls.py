"""The site's URL scheme, in one place: page addresses, the docs/ file behind each page, links
between pages, the open-data files, and the addresses on GitHub that edit links open.

Pages have directory URLs relative to their language's root: ``""`` (home), ``provinces/``,
``provinces/<slug>/``, ``standard/``, ``open-data/``. Thai (the default language) is served at the
site root, English under ``en/``. Open-data files exist once, at the site root, for both languages.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

if TYPE_CHECKING:
    from ..model.registry import Province

LANGS = ("th", "en")
DEFAULT_LANG = "th"

HOME = ""
PROVINCES = "provinces/"
STANDARD = "standard/"
OPEN_DATA = "open-data/"

DATA_OFFICES_JSON = "data/offices.json"
DATA_OFFICES_CSV = "data/offices.csv"
DATA_NATIONAL_JSON = "data/national.json"
SCHEMA_FILES = ("schema/office.schema.json", "schema/national.schema.json")  # the editors' files' schemas
# The schemas of the published JSON files, beside them
SCHEMA_OFFICE = "data/office.schema.json"  # each data/provinces/<slug>.json
SCHEMA_OFFICES = "data/offices.schema.json"  # data/offices.json
SCHEMA_NATIONAL = "data/national.schema.json"  # data/national.json
OPEN_DATA_SCHEMAS = (SCHEMA_OFFICE, SCHEMA_OFFICES, SCHEMA_NATIONAL)

# The issue form readers use to report a wrong fact (.github/ISSUE_TEMPLATE/).
CORRECTION_FORM = "suggest-correction.yml"

# The first line of an office file: completion and inline errors in VS Code / github.dev.
NEW_FILE_SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/office.schema.json"


def office_url(slug: str) -> str:
    return f"{PROVINCES}{slug}/"


def data_office_json(slug: str) -> str:
    """The stable address of one office's data, relative to the site root."""
    return f"data/provinces/{slug}.json"


def lang_url(lang: str, url: str) -> str:
    """A page's URL relative to the site root: the default language at the root, others under <lang>/."""
    return url if lang == DEFAULT_LANG else f"{lang}/{url}"


def docs_path(url: str, lang: str) -> str:
    """'provinces/ang-thong/' → 'provinces/ang-thong.md' (Thai) or 'provinces/ang-thong.en.md'
    (mkdocs-static-i18n's suffix structure)."""
    stem = "index" if url == HOME else url.rstrip("/")
    if url == PROVINCES:
        stem = "provinces/index"
    return f"{stem}.md" if lang == DEFAULT_LANG else f"{stem}.{lang}.md"


def href(frm: str, to: str) -> str:
    """Relative link between two directory URLs of the same language ('' is its root)."""
    rel = posixpath.relpath("/" + to, "/" + frm)
    return "./" if rel == "." else rel.rstrip("/") + "/"


def file_href(lang: str, frm: str, path: str) -> str:
    """Relative link from a page (directory URL within its language) to a file at the site root."""
    return posixpath.relpath("/" + path, "/" + lang_url(lang, frm))


def absolute(base_url: str, url: str) -> str:
    """An absolute address from the site's base address and a URL relative to the site root."""
    return base_url.rstrip("/") + "/" + url


def office_page_urls(base_url: str, slug: str) -> dict[str, str]:
    """An office page's absolute address in each language."""
    return {lang: absolute(base_url, lang_url(lang, office_url(slug))) for lang in LANGS}


@dataclass(frozen=True)
class SiteInfo:
    """Where the site and its sources live (mkdocs.yml: site_url, repo_url, extra.changwat)."""

    site_url: str = "https://changwat.github.io/changwat/"
    repo_url: str = "https://github.com/changwat/changwat"
    branch: str = "main"
    data_path: str = "data"  # repository-relative path of the data folder

    def abs_url(self, url: str) -> str:
        """An absolute address from a URL relative to the site root."""
        return absolute(self.site_url, url)

    def national_edit_url(self) -> str:
        return f"{self.repo_url.rstrip('/')}/edit/{self.branch}/{self.data_path}/national.yaml"

    def correction_url(self, office: str, section: str, page: str) -> str:
        """GitHub's new-issue form "suggest a correction" (.github/ISSUE_TEMPLATE/suggest-correction.yml)
        prefilled with the office (its slug, or "all" for the national standard), the section (its
        field name) and the page's address: a reader reports a wrong fact without knowing YAML (the
        form asks for the source of the correction). The parameters are the form's field ids; the
        title is the form's own (a title here would weigh on every page: one link per section)."""
        query = urlencode({"template": CORRECTION_FORM, "office": office, "section": section, "page": page})
        return f"{self.repo_url.rstrip('/')}/issues/new?{query}"

    @functools.lru_cache(maxsize=1024)  # noqa: B019 (SiteInfo is frozen; several links per page)
    def edit_url(self, slug: str, exists: bool, province: Province | None = None) -> str:
        """The office's YAML file on GitHub: its editor, or (no file yet) GitHub's new-file page
        with the file name and the guided start filled in: with the province (a registry entry)
        the one `changwat new` starts with (changwat.cli.new.web_start: name, the commented starting
        points of the head, contact and sources, a link to the guide's worked example), else the
        schema line and the province. Either fits in a GitHub address (tests: < 8 000 characters)."""
        repo = self.repo_url.rstrip("/")
        folder = f"{self.data_path}/provinces"
        if exists:
            return f"{repo}/edit/{self.branch}/{folder}/{slug}.yaml"
        if province is not None:
            from ..cli.new import web_start

            start = web_start(province, f"{repo}/blob/{self.branch}/CONTRIBUTING.md")
        else:
            start = f"{NEW_FILE_SCHEMA_LINE}\nprovince: {slug}\n"
        return f"{repo}/new/{self.branch}/{folder}?filename={slug}.yaml&value={quote(start, safe='')}"
