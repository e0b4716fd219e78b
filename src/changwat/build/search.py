"""The site's search index: Thai word segmentation, and Pagefind's index of the site's sections.

Thai is written without spaces between words; a search engine that splits text on spaces finds a
Thai word only where it begins a run of text. This module segments at build time, and writes what
the browser searches with (templates/theme/assets/javascripts/changwat-search.js):

- :class:`Segmenter` splits each run of Thai letters with pythainlp's ``newmm`` (offline, bundled
  dictionary, plus province names and the project's allow-list of proper names so that names stay
  whole), then splits compounds that a reader would also search by their parts
  (``ราชการส่วนภูมิภาค`` → ``ราชการ|ส่วน|ภูมิภาค``, ``การพัฒนา`` → ``การ|พัฒนา``), and joins the
  words with U+200B. Latin text, numbers and spacing are left as they are, except that Thai digits
  become Arabic digits (``มาตรา ๕๒/๑`` is found by ``52/1``). :class:`CachedSegmenter` keeps
  results in a :class:`~changwat.cache.ContentCache` keyed by the text.
- :func:`page_text` reads a built page's text by sections (build/outline.py: cut at the headings,
  what is marked data-search-exclude left out); :func:`search_pages` segments it;
  :func:`write_pagefind` indexes the pages with Pagefind (PyPI ``pagefind``,
  binary in the wheel; one index per language, Thai as ``x-th``: see :func:`index_language`), every
  text HTML-escaped where it is written (:meth:`SearchPage.html`).
- :func:`lexicon` gives the browser each language's words (most frequent first) and the province
  names folded by :func:`name_key` (Thai, English, RTGS and common older spellings), for query
  segmentation, one-typo correction, US/UK spellings and names. :func:`write_index` does it all.

This module does not import MkDocs; hooks/changwat_search.py calls it after the build.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..cache import ContentCache, digest, link_or_copy
from . import outline

if TYPE_CHECKING:
    from ..check.thai.wordlist import WordList

ZWSP = "\u200b"

# Thai letters, vowels, tone marks and the signs that belong to words (ฯ ๆ); not digits (folded to
# Arabic), not ฿ ๏ ๚ ๛ (punctuation).
THAI_RUN = re.compile(r"[\u0E01-\u0E3A\u0E40-\u0E4E]+")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_HAS_THAI = re.compile(r"[\u0E01-\u0E3A\u0E40-\u0E4E\u0E50-\u0E59]")

# Compound splitting (see Segmenter._split): a part must be a dictionary word of at least this many
# code points, so that syllables which happen to be dictionary entries (จัง|หวัด, มา|ตรา) never
# become words of their own; the nominalising prefixes การ and ความ are split off a known word.
MIN_PART = 4
PREFIXES = ("การ", "ความ")


def fold_digits(text: str) -> str:
    """Thai digits ๐–๙ as Arabic digits 0–9 (readers type ``52/1`` for ``๕๒/๑``)."""
    return text.translate(_THAI_DIGITS)


class Segmenter:
    """Thai word segmentation for search: newmm, then compounds split into their parts.

    ``names`` are words that must stay whole and are added to newmm's dictionary (province names
    are always included). Calling the segmenter on a text returns the text with the words of every
    Thai run joined by U+200B.
    """

    def __init__(self, names: Iterable[str] = ()):
        self.names = frozenset(names)
        self._trie: WordList | None = None  # the dictionary: newmm's words, and the parts' (_parts)
        self._keep: frozenset[str] = frozenset()
        self._memo: dict[str, tuple[str, ...]] = {}  # run → words (runs repeat across pages)

    def _load(self) -> None:
        from pythainlp.corpus import provinces, thai_words

        from ..check.thai.wordlist import WordList

        # provinces() is a frozenset of names (without details=True); pythainlp types both forms as one union
        provinces_th = frozenset(cast("frozenset[str]", provinces()))
        self._keep = self.names | provinces_th
        self._trie = WordList(frozenset(thai_words()) | self._keep)

    def words(self, run: str) -> list[str]:
        """The words of one run of Thai letters (no spaces, no digits)."""
        found = self._memo.get(run)
        if found is None:
            from pythainlp.tokenize import word_tokenize

            if self._trie is None:
                self._load()
            tokens = word_tokenize(run, custom_dict=self._trie, engine="newmm", keep_whitespace=False)
            found = self._memo[run] = tuple(w for token in tokens for w in self._split(token))
        return list(found)

    def _split(self, token: str) -> list[str]:
        """A newmm token as the words a reader would search for it by (recursively)."""
        if token in self._keep or len(token) <= len(PREFIXES[0]) + 1:
            return [token]
        parts = self._parts(token)
        if len(parts) == 1:
            return parts
        return [w for part in parts for w in self._split(part)]

    def _parts(self, token: str) -> list[str]:
        trie = self._trie
        assert trie is not None, "words() loads the dictionary before splitting"
        for prefix in PREFIXES:
            rest = token[len(prefix) :]
            if token.startswith(prefix) and len(rest) >= 2 and rest in trie:
                return [prefix, rest]
        # fewest dictionary words of MIN_PART+ code points covering the token, cut only between
        # Thai character clusters
        from pythainlp.tokenize.tcc import tcc_pos

        n = len(token)
        cuts = tcc_pos(token) | {0, n}
        best: list[tuple[int, list[str]] | None] = [None] * (n + 1)
        best[n] = (0, [])
        for i in range(n - 1, -1, -1):
            if i not in cuts:
                continue
            for word in trie.prefixes(token[i:]):
                j = i + len(word)
                after = best[j]
                if word == token or len(word) < MIN_PART or j not in cuts or after is None:
                    continue
                here = best[i]
                if here is None or after[0] + 1 < here[0]:
                    best[i] = (after[0] + 1, [word, *after[1]])
        return best[0][1] if best[0] is not None else [token]

    def __call__(self, text: str) -> str:
        """The text with Thai digits folded and the words of each Thai run joined by U+200B."""
        if not text:
            return text
        return THAI_RUN.sub(lambda m: ZWSP.join(self.words(m.group(0))), fold_digits(text))


_shared: Segmenter | None = None


def segment(text: str) -> str:
    """``text`` with the words of every Thai run joined by U+200B (a shared :class:`Segmenter`
    with the built-in names only, no persistent cache)."""
    global _shared
    if _shared is None:
        _shared = Segmenter()
    return _shared(text)


def fingerprint(names: Iterable[str] = ()) -> str:
    """Everything segmentation depends on: this module's code, pythainlp's version, the names."""
    from importlib.metadata import version

    return digest(Path(__file__).read_bytes(), version("pythainlp"), "\n".join(sorted(names)))


class CachedSegmenter:
    """A :class:`Segmenter` whose results are kept in a persistent, content-keyed cache
    (``search.json`` in the project's cache folder). pythainlp is loaded only when some text is new."""

    def __init__(self, names: Iterable[str] = (), cache_dir: Path | None = None, name: str = "search"):
        names = frozenset(names)
        self.segmenter = Segmenter(names)
        self._where = (name, cache_dir)
        self._cache: ContentCache | None = None  # read when first needed (a kept search bundle needs none)
        self.hits = 0
        self.misses = 0

    @property
    def cache(self) -> ContentCache:
        if self._cache is None:
            name, cache_dir = self._where
            self._cache = ContentCache(name, fingerprint(self.segmenter.names), cache_dir)
        return self._cache

    def __call__(self, text: str) -> str:
        if not text or not _HAS_THAI.search(text):
            return text
        key = digest(text)
        done: str | None = self.cache.get(key)
        if done is None:
            self.misses += 1
            done = self.segmenter(text)
            self.cache.put(key, done)
        else:
            self.hits += 1
        return done

    def save(self) -> None:
        if self._cache is not None:
            self._cache.save()


# ---------------------------------------------------------------------------------------------
# The search index


def locales_of(languages: Iterable[tuple[str, bool]]) -> dict[str, str]:
    """Location prefix of each language: ``""`` for the default one (built at the root), else
    ``"<locale>/"`` (mkdocs-static-i18n's layout). ``languages`` are (locale, is_default) pairs."""
    return {locale: "" if default else f"{locale}/" for locale, default in languages}


def language_of(location: str, locales: Mapping[str, str]) -> str | None:
    """The language whose prefix the location has (the longest matching prefix wins)."""
    best = None
    for locale, prefix in locales.items():
        if location.startswith(prefix) and (best is None or len(prefix) > len(locales[best])):
            best = locale
    return best


# ---------------------------------------------------------------------------------------------
# Pagefind: the index readers download (one language at a time), built from the sections of the
# built pages; and the lexicon the browser rewrites queries with (changwat-search.js).


#: Between the words of a Thai run in the text Pagefind indexes: WORD JOINER (invisible; Pagefind
#: keeps it in the excerpt, so changwat-search.js can take these boundaries out again) and a space
#: (Pagefind splits words on spaces). U+200B would not do: Pagefind drops it from the excerpt.
BOUNDARY = "\u2060 "


def index_language(lang: str) -> str:
    """The language Pagefind indexes a language's pages as. Pagefind segments zh, ja and th itself,
    at build time with one segmenter and in the browser with another (Intl.Segmenter), so that a
    word cut one way in the index and another in the query is not found; our pages are segmented
    already, so Thai is indexed as "x-th", which Pagefind leaves alone (changwat-search.js asks for
    that index)."""
    return f"x-{lang}" if lang.split("-")[0] in ("zh", "ja", "th") else lang


_LATIN_WORD = re.compile(r"[a-z]+")

#: Common names of provinces that are not RTGS spellings (any spelling, folded by name_key).
NAME_VARIANTS: dict[str, tuple[str, ...]] = {
    "nakhon-ratchasima": ("Korat", "Khorat"),
    "phra-nakhon-si-ayutthaya": ("Ayutthaya", "Ayudhya", "Ayuthaya", "Ayudhaya"),
    "nakhon-si-thammarat": ("Nakhon Si Thammarat", "Nakorn Sri Thammarat", "Nakhon Sri Thammarat"),
    "ubon-ratchathani": ("Ubon",),
    "udon-thani": ("Udorn", "Udorn Thani"),
    "ratchaburi": ("Rajaburi", "Rajburi"),
    "chachoengsao": ("Chachengsao", "Chacherngsao", "Paet Riu"),
    "phuket": ("Puket",),
    "songkhla": ("Songkla",),
    "lop-buri": ("Lopburi", "Lobburi"),
    "suphan-buri": ("Suphanburi", "Supanburi"),
    "prachuap-khiri-khan": ("Prachuab Khiri Khan", "Prachuap"),
}


def name_key(text: str) -> str:
    """A romanised name folded so that its RTGS and common older spellings meet (changwat-search.js
    folds queries the same way): lower case, letters only; kh/ph/th/ch lose their h, Sri → Si,
    -orn → -on, final or pre-consonant l → n, oo → u, ee → i, oe → e, doubled letters once."""
    s = re.sub(r"[^a-z]", "", text.lower())
    s = s.replace("sri", "si").replace("orn", "on")
    s = re.sub(r"([kptc])h", r"\1", s)
    s = re.sub(r"l(?=[^aeiouy]|$)", "n", s)
    s = s.replace("oo", "u").replace("ee", "i").replace("oe", "e")
    return re.sub(r"(.)\1+", r"\1", s)


@dataclass(frozen=True)
class PageText:
    """A built page's text as the search reads it, before segmentation (build/outline.py)."""

    url: str  # location of the page, relative to the site root ("provinces/krabi/")
    title: str
    intro: str  # the page's own text, before its first section
    sections: tuple[outline.Section, ...]


def page_text(url: str, title: str, body: str) -> PageText:
    """``body`` (a page's content, HTML) by sections; ``title`` is the page's title as HTML."""
    intro, sections = outline.sections(body)
    return PageText(url, outline.plain(title), intro, tuple(sections))


@dataclass
class SearchPage:
    """One page as Pagefind indexes it: its title, its own text and its sections, segmented."""

    url: str  # location of the page, relative to the site root ("provinces/krabi/")
    lang: str
    title: str = ""
    intro: str = ""
    sections: list[tuple[str, str, str]] = field(default_factory=list)  # (anchor, title, text)

    def html(self) -> str:
        """The page as HTML for Pagefind: every text escaped here, where it is written (the texts
        come from the index and the segmentation cache, and must never become markup)."""

        def e(text: str) -> str:
            return html.escape(text.replace(ZWSP, BOUNDARY))

        parts = [
            f'<!doctype html><html lang="{e(index_language(self.lang))}"><head><meta charset="utf-8">'
            f"<title>{e(self.title)}</title></head><body>",
            f"<h1>{e(self.title)}</h1>",
            f"<p>{e(self.intro)}</p>",
        ]
        for anchor, title, text in self.sections:
            parts.append(f'<h2 id="{e(anchor)}">{e(title)}</h2><p>{e(text)}</p>')
        parts.append("</body></html>")
        return "".join(parts)


def search_pages(
    texts: Iterable[PageText], segmenter: Callable[[str], str], locales: Mapping[str, str]
) -> list[SearchPage]:
    """The built pages of the languages in ``locales`` as Pagefind indexes them, Thai segmented."""
    pages = []
    for text in texts:
        lang = language_of(text.url, locales)
        if lang is None:
            continue
        sections = [(s.anchor, segmenter(s.title), segmenter(s.text)) for s in text.sections]
        title = segmenter(text.title) if text.title else (sections[0][1] if sections else "")
        pages.append(SearchPage(text.url, lang, title, segmenter(text.intro), sections))
    return pages


def lexicon(pages: Iterable[SearchPage], lang: str, provinces: Iterable[Any]) -> dict[str, Any]:
    """What the browser rewrites a query with, for one language: the index's words, most frequent
    first (Thai words as segmented; Latin words lower case), and the province names: folded key →
    [name in this language, slug], for Thai names, English names, slugs and common variants."""
    counts: dict[str, int] = {}
    for page in pages:
        if page.lang != lang:
            continue
        for text in (page.title, page.intro, *(t for s in page.sections for t in s[1:])):
            for word in THAI_RUN.findall(text):
                for w in word.split(ZWSP):
                    counts[w] = counts.get(w, 0) + 1
            for word in _LATIN_WORD.findall(text.lower()):
                counts[word] = counts.get(word, 0) + 1
    words = sorted(counts, key=lambda w: (-counts[w], w))
    names: dict[str, list[str]] = {}
    for p in provinces:
        target = [p.th if lang == "th" else p.en, p.slug]
        for spelling in (p.en, p.slug, *NAME_VARIANTS.get(p.slug, ())):
            names.setdefault(name_key(spelling), target)
        names.setdefault(p.th, target)
    return {"lang": lang, "index_language": index_language(lang), "words": words, "names": names}


def write_pagefind(pages: list[SearchPage], out: Path) -> None:
    """Pagefind's bundle (pagefind.js, wasm, one index per language) into ``out``. The pages are
    written to a temporary folder and indexed by Pagefind's own program (the binary in the wheel of
    ``pagefind[extended]``), run once over the folder: its Python service API waits
    0.1 s for each of its answers, which made indexing 0.4 s instead of 0.1 s. It runs in the
    temporary folder with no ``PAGEFIND_*`` variables, so no configuration file or variable of the
    caller's changes the bundle."""
    import subprocess
    import tempfile

    program = os.environ.get("PAGEFIND_BINARY_PATH")  # as Pagefind's own Python package reads it
    if not program:
        from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]  # pagefind[extended]

        program = str(get_executable())
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    with tempfile.TemporaryDirectory(prefix="changwat-search-") as tmp:
        folder = Path(tmp) / "site"
        for page in pages:
            path = folder / page.url / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page.html(), encoding="utf-8")
        done = subprocess.run(
            [program, "--site", str(folder), "--output-path", str(out.resolve()), "--silent"],
            cwd=tmp,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    if done.returncode != 0:
        raise RuntimeError(f"Pagefind failed ({done.returncode}): {(done.stderr or done.stdout).strip()}")
    # Pagefind lists the languages in no fixed order: sorted, two builds of the same site are the same
    import json

    entry = out / "pagefind-entry.json"
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


@dataclass(frozen=True)
class BuiltPage:
    """A page as the build made it: its location (relative to the site root), its title and its
    content (HTML), which :func:`page_text` reads."""

    url: str
    title: str
    html: str


def write_index(
    built: Iterable[BuiltPage],
    segmenter: Callable[[str], str],
    locales: Mapping[str, str],
    provinces: Iterable[Any],
    out: Path,
    cache_dir: Path | None = None,
    names: Iterable[str] = (),
) -> int:
    """Everything the browser searches with, into ``out`` (the site's pagefind/ folder): Pagefind's
    bundle of the ``built`` pages of the languages in ``locales`` (their text by sections, Thai
    segmented by ``segmenter``, which keeps ``names`` whole) and a lexicon per language. Returns the
    number of pages indexed.

    With ``cache_dir``, the bundle is kept in ``cache_dir/pagefind/<key>`` (the key: every page as
    built, the province names, the segmentation's fingerprint, Pagefind's version and this code), and
    a build whose pages did not change links or copies it instead of reading, segmenting and
    indexing them again (about 1 s for the whole site). The few most recently used bundles are kept."""
    import json
    import shutil
    from importlib.metadata import version

    built = sorted((p for p in built if language_of(p.url, locales) is not None), key=lambda p: p.url)
    provinces = list(provinces)
    shutil.rmtree(out, ignore_errors=True)
    if not built:  # a preview started on broken data has no page yet: no index, until it has
        return 0
    key = digest(
        fingerprint(names),
        Path(outline.__file__).read_bytes(),
        version("pagefind"),
        json.dumps(sorted(locales.items())),
        *(f"{p.slug}\t{p.th}\t{p.en}" for p in provinces),
        *(f"{p.url}\n{p.title}\n{p.html}" for p in built),
    )
    kept = cache_dir / "pagefind" / key if cache_dir is not None else None
    if kept is not None and (kept / "pagefind-entry.json").exists():
        try:
            shutil.copytree(kept, out, copy_function=link_or_copy)
            os.utime(kept)  # recently used: kept longest
            return len(built)
        except OSError:  # removed meanwhile by another build: index again
            shutil.rmtree(out, ignore_errors=True)
    pages = search_pages((page_text(p.url, p.title, p.html) for p in built), segmenter, locales)
    lexicons = {
        lang: json.dumps(lexicon(pages, lang, provinces), ensure_ascii=False, separators=(",", ":")) for lang in locales
    }
    write_pagefind(pages, out)
    for lang, text in lexicons.items():
        (out / f"changwat-lexicon.{lang}.json").write_text(text, encoding="utf-8")
    if kept is not None:
        _keep(out, kept)
    return len(pages)


#: Bundles kept: a few, so that builds that alternate (the whole site and an editor's preview, two
#: branches) do not throw each other's away.
KEEP_BUNDLES = 4


def _keep(out: Path, kept: Path) -> None:
    """Copy the bundle into the cache under its key, atomically (builds may run side by side), and
    remove all but the :data:`KEEP_BUNDLES` most recently used."""
    import shutil
    import tempfile

    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=kept.parent))
    except OSError:  # a cache that cannot be written (a read-only checkout): nothing is kept
        return
    try:
        shutil.copytree(out, tmp / "bundle", copy_function=link_or_copy)  # nothing rewrites either
        os.rename(tmp / "bundle", kept)
    except OSError:  # another build kept the same bundle first
        pass
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    bundles = [b for b in kept.parent.iterdir() if not b.name.startswith(".tmp-")]
    bundles.sort(key=lambda b: (b.name == kept.name, _mtime(b)), reverse=True)
    for other in bundles[KEEP_BUNDLES:]:
        shutil.rmtree(other, ignore_errors=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
