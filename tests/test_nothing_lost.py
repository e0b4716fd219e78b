"""Nothing lost: every text in the data is on the page that shows it, in the page's language.

For every office (all 76, with or without a file) and both languages, each Text of what the office
page shows (name, status, parent, head, contact, every section, the source lists) must appear in the
page's main content (<article>): in English its `en`, or, where there is no translation yet, its
Thai text followed by the "not yet translated" mark. A section an office inherits from the national
content may be shown in full or summarised with a link to /standard/#<section>; then its texts must
be on /standard/. The national content (every text of data/national.yaml that has a place on a
page) must be on /standard/ in both languages.

Texts are compared normalised: the page's text as a browser shows it (HTML entities decoded once by
the parser, script/style left out), whitespace collapsed on both sides. The helpers here are shared
with test_hostile.py, which runs the same check on the hostile fixture.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import fields
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from changwat.build.ui import ui_strings
from changwat.model import Law, National, Record, ResolvedOffice, Text, resolve
from changwat.model.sections import BY_NAME
from conftest import PROJECT

LANG_ROOTS = {"th": "", "en": "en/"}
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
# National fields no page shows by design: National.name is the generic office name ("Provincial
# Office"); the standard page is titled by the interface ("The national standard ...") and each
# office page by its own name.
NOT_SHOWN = {"national.name"}


# ---------------------------------------------------------------------------------------------
# helpers (also used by test_hostile.py)


def norm(s: str) -> str:
    """Whitespace collapsed (line breaks, tabs and runs of spaces become one space)."""
    return " ".join(s.split())


class _Text(HTMLParser):
    """The text a reader sees: character references decoded once, script/style/template skipped."""

    SKIP = frozenset({"script", "style", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(html_text: str) -> str:
    parser = _Text()
    parser.feed(html_text)
    parser.close()
    return norm("".join(parser.parts))


def article_text(page: Path) -> str:
    """The normalised visible text of a built page's main content."""
    html_text = page.read_text(encoding="utf-8")
    m = ARTICLE.search(html_text)
    assert m, f"{page}: no <article> (the page's main content)"
    return visible_text(m.group(1))


def texts_of(obj: Any, path: str) -> Iterator[tuple[str, Text, Any]]:
    """Every Text in a model tree: (dotted path, text, the record holding it)."""
    if isinstance(obj, Text):
        yield path, obj, None
        return
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from texts_of(item, f"{path}.{i}")
        return
    if not isinstance(obj, Record):
        return
    for fl in fields(obj):
        if fl.metadata.get("internal") or fl.metadata.get("editors_only"):
            continue
        value = getattr(obj, fl.name)
        for sub_path, text, owner in texts_of(value, f"{path}.{fl.name}"):
            yield sub_path, text, owner if owner is not None else obj


def expected(text: Text, owner: Any, lang: str) -> str:
    """What the page in `lang` shows for a Text, normalised."""
    mark = ui_strings()["en"]["not_translated"]
    if isinstance(owner, Law) and text is owner.title:  # a law is shown with its number and year
        if lang == "th" or (text.en and text.en.strip()):
            return norm(owner.full_title(lang))
        return norm(f"{owner.full_title('th')} {mark}")
    if lang == "th":
        return norm(text.th)
    if text.en and text.en.strip():
        return norm(text.en)
    return norm(f"{text.th} {mark}")


def page_path(site: Path, lang: str, url: str) -> Path:
    return site / LANG_ROOTS[lang] / url / "index.html"


def office_expectations(o: ResolvedOffice) -> tuple[list[tuple[str, Text, Any]], dict[str, list]]:
    """(texts that must be on the office page itself, {section id: texts of inherited sections})."""
    own: list[tuple[str, Text, Any]] = []
    for name in ("name", "status", "parent", "head", "contact"):
        own += texts_of(getattr(o, name), f"{o.slug}.{name}")
    own += texts_of(o.sources, f"{o.slug}.sources")
    own += texts_of(o.national_sources, "national.sources")
    inherited: dict[str, list] = {}
    for name, sec in o.sections.items():
        found = list(texts_of(sec.value, f"{o.slug if sec.origin == 'office' else 'national'}.{name}"))
        if sec.origin == "office":
            own += found
        else:
            inherited[BY_NAME[name].anchor] = found
    return own, inherited


def national_expectations(national: National) -> list[tuple[str, Text, Any]]:
    return [t for t in texts_of(national, "national") if t[0] not in NOT_SHOWN]


def missing_on(page_text: str, texts: list[tuple[str, Text, Any]], lang: str) -> list[str]:
    return [
        f"{path} [{lang}]: {expected(text, owner, lang)[:120]!r}"
        for path, text, owner in texts
        if expected(text, owner, lang) not in page_text
    ]


def check_site(site: Path, offices: list[ResolvedOffice], national: National) -> list[str]:
    """Every problem found: which text is missing from which page."""
    problems: list[str] = []
    standard = {lang: article_text(page_path(site, lang, "standard")) for lang in LANG_ROOTS}
    for lang in LANG_ROOTS:
        problems += [f"standard/: {m}" for m in missing_on(standard[lang], national_expectations(national), lang)]
    for o in offices:
        own, inherited = office_expectations(o)
        for lang in LANG_ROOTS:
            path = page_path(site, lang, f"provinces/{o.slug}")
            text = article_text(path)
            raw = path.read_text(encoding="utf-8")
            where = f"{LANG_ROOTS[lang]}provinces/{o.slug}/"
            problems += [f"{where}: {m}" for m in missing_on(text, own, lang)]
            for sid, texts in inherited.items():
                missing = missing_on(text, texts, lang)
                if not missing:
                    continue  # shown in full on the office page
                # summarised: a link to the section on /standard/, where every text must be
                if not re.search(rf'href="[^"]*standard/#{re.escape(sid)}"', raw):
                    problems += [f"{where} (inherited, no link to standard/#{sid}): {m}" for m in missing]
                else:
                    problems += [
                        f"standard/ (inherited by {where}): {m}" for m in missing_on(standard[lang], texts, lang)
                    ]
    return problems


# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dataset():
    from changwat.check import load_dataset

    ds, problems = load_dataset(PROJECT)
    assert not [p for p in problems if p.severity == "error"]
    return ds


def test_every_text_of_the_data_is_on_its_page(built_site, dataset):
    offices = dataset.resolved()
    assert len(offices) == 76
    problems = check_site(built_site.dir, offices, dataset.national)
    assert not problems, f"{len(problems)} text(s) missing:\n" + "\n".join(problems[:40])


def test_the_check_counts_what_it_compares(dataset):
    """Guard against a vacuous pass: the walk finds every kind of text the data holds."""
    national = national_expectations(dataset.national)
    paths = {re.sub(r"\.\d+", "", p) for p, _, _ in national}
    for kind in (
        "national.history.events.text",
        "national.legal_basis.laws.sections.items",
        "national.organisation.groups.duties",
        "national.missions.aims",
        "national.earlier_structures.groups.subgroups.name",
        "national.sources.title",
    ):
        assert kind in paths, kind
    assert len(national) > 150
    own, inherited = office_expectations(
        resolve(dataset.registry.by_slug["ang-thong"], dataset.offices["ang-thong"], dataset.national)
    )
    assert len(own) > 50 and any(p.startswith("ang-thong.organisation") for p, _, _ in own)
    # what ang-thong leaves to the national content (its s.52/1 is the national copy: the whole legal basis)
    assert set(inherited) == {"history", "legal-basis", "objectives", "missions"}


def test_untranslated_text_is_checked_as_marked():
    mark = ui_strings()["en"]["not_translated"]
    text = Text(th="ข้อความ  ไทย\nบรรทัด")
    assert expected(text, None, "th") == "ข้อความ ไทย บรรทัด"
    assert expected(text, None, "en") == f"ข้อความ ไทย บรรทัด {mark}"
    assert expected(Text(th="ก", en="  "), None, "en") == f"ก {mark}"
