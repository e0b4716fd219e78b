"""Thai word segmentation for the site's search index (Material for MkDocs' lunr search).

Material's search splits text only on its ``separator`` (by default spaces and dashes). Thai is
written without spaces between words, so a Thai word was found only when it began a run of text.
Material fixes the same problem for Chinese by segmenting the index at build time and joining the
words with an invisible ZERO WIDTH SPACE (U+200B), with U+200B added to the separator. This module
does that for Thai:

- :class:`Segmenter` splits each run of Thai letters with pythainlp's ``newmm`` (offline, bundled
  dictionary, plus province names and the project's allow-list of proper names so that names stay
  whole), then splits compounds that a reader would also search by their parts
  (``ราชการส่วนภูมิภาค`` → ``ราชการ|ส่วน|ภูมิภาค``, ``การพัฒนา`` → ``การ|พัฒนา``), and joins the
  words with U+200B. Latin text, numbers, markup and spacing are left as they are, except that
  Thai digits become Arabic digits (``มาตรา ๕๒/๑`` is found by ``52/1``).
- :func:`rewrite_index` applies a segmenter to every entry of a ``search_index.json`` mapping and
  records which locations belong to which language (``config.locales``), so that the browser
  (theme/assets/javascripts/thai-search.js) searches only the reader's language.
- :class:`CachedSegmenter` keeps results in a :class:`~changwat.cache.ContentCache` keyed by the
  text, so a rebuild re-segments only texts that changed.

The browser side segments the reader's query against the words of the index itself, so the query
is cut exactly where the index was cut; see thai-search.js. This module does not import MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from ..cache import ContentCache, digest

ZWSP = "\u200b"
#: What ``plugins.search.separator`` in mkdocs.yml must be (at least): whitespace, U+200B, dash.
SEPARATOR = r"[\s\u200b\-]+"

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


def splits_on_zwsp(separator: str) -> bool:
    """Whether a search separator regex splits words joined by U+200B (and still splits spaces)."""
    try:
        pattern = re.compile(separator)
    except re.error:
        return False
    return len(pattern.split(f"a{ZWSP}b c")) == 3


class Segmenter:
    """Thai word segmentation for search: newmm, then compounds split into their parts.

    ``names`` are words that must stay whole and are added to newmm's dictionary (province names
    are always included). Calling the segmenter on a text returns the text with the words of every
    Thai run joined by U+200B.
    """

    def __init__(self, names: Iterable[str] = ()):
        self.names = frozenset(names)
        self._words: frozenset[str] = frozenset()
        self._trie = None
        self._keep: frozenset[str] = frozenset()
        self._memo: dict[str, tuple[str, ...]] = {}  # run → words (runs repeat across pages)

    def _load(self) -> None:
        from pythainlp.corpus import provinces, thai_words
        from pythainlp.util import Trie

        provinces_th = frozenset(provinces())
        self._keep = self.names | provinces_th
        self._words = frozenset(thai_words()) | self._keep
        self._trie = Trie(self._words)

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
        words = self._words
        for prefix in PREFIXES:
            rest = token[len(prefix):]
            if token.startswith(prefix) and len(rest) >= 2 and rest in words:
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
            for word in self._trie.prefixes(token[i:]):
                j = i + len(word)
                after = best[j]
                if word == token or len(word) < MIN_PART or j not in cuts or after is None:
                    continue
                if best[i] is None or after[0] + 1 < best[i][0]:
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
        self.cache = ContentCache(name, fingerprint(names), cache_dir)
        self.hits = 0
        self.misses = 0

    def __call__(self, text: str) -> str:
        if not text or not _HAS_THAI.search(text):
            return text
        key = digest(text)
        done = self.cache.get(key)
        if done is None:
            self.misses += 1
            done = self.segmenter(text)
            self.cache.put(key, done)
        else:
            self.hits += 1
        return done

    def save(self) -> None:
        self.cache.save()


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


def rewrite_index(index: Mapping[str, Any], segmenter: Callable[[str], str],
                  locales: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A copy of a Material ``search_index.json`` mapping with every title and text segmented
    (``segmenter``: a :class:`Segmenter`, a :class:`CachedSegmenter` or :func:`segment`).

    Raises ValueError when the index's separator does not split on U+200B (the segmented words
    would then be glued into one token: configure ``plugins.search.separator``). With ``locales``
    the config records each language's location prefix for the browser. An index that was already
    rewritten is returned unchanged (MkDocs may call the hook more than once on the same file).
    """
    config = dict(index.get("config") or {})
    if config.get("segmented") == "th":
        return dict(index)
    separator = config.get("separator") or ""
    if not splits_on_zwsp(separator):
        raise ValueError(f"the search separator {separator!r} does not split on U+200B: set "
                         f"plugins.search.separator to {SEPARATOR!r} in mkdocs.yml")
    docs = []
    for doc in index.get("docs") or []:
        doc = dict(doc)
        for field in ("title", "text"):
            if isinstance(doc.get(field), str):
                doc[field] = segmenter(doc[field])
        docs.append(doc)
    config["segmented"] = "th"
    if locales:
        config["locales"] = dict(locales)
    return {**index, "config": config, "docs": docs}


def split_by_language(index: Mapping[str, Any], locales: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """One index per language, as the browser keeps it (entries filtered by location prefix)."""
    out: dict[str, dict[str, Any]] = {locale: {**index, "docs": []} for locale in locales}
    for doc in index.get("docs") or []:
        lang = language_of(doc.get("location", ""), locales)
        if lang is not None:
            out[lang]["docs"].append(doc)
    return out


def vocabulary(index: Mapping[str, Any]) -> set[str]:
    """The Thai words of a segmented index (what the browser segments queries against)."""
    words: set[str] = set()
    for doc in index.get("docs") or []:
        for field in ("title", "text"):
            words.update(THAI_RUN.findall(doc.get(field) or ""))
    return words
