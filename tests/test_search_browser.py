"""Thai search in a real browser: queries typed into Material's search box on the built site
(Debian's headless Chromium via Playwright, the session's local http.server), as readers type them.

Each case types a query without spaces (as Thai is written), presses a key (Material searches on
keyup; Playwright's fill() of Thai sends no key events), and checks that the expected office page
or section is among the first result groups, and that every result is in the page's language.
The results of every query are written to test-artifacts/search-results.txt for people to read.
Without /usr/bin/chromium these tests skip locally and FAIL when CI=true.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import pytest

from conftest import REPO

ARTIFACTS = REPO / "test-artifacts"
ZWSP = "\u200b"
PLACEHOLDER = {"th": "พิมพ์เพื่อเริ่มค้นหา", "en": "Type to start searching"}


@dataclass(frozen=True)
class Case:
    query: str
    expect: tuple[str, ...]  # locations (relative to the site root) that must all be among the results
    top: int = 3  # ... within the first `top` result groups (one group per page)
    why: str = ""


def case(query: str, *expect: str, top: int = 3, why: str = "") -> Case:
    return Case(query, expect, top, why)


DAMRONG_STD = "standard/#group-damrongdhama"
DAMRONG_ANG = "provinces/ang-thong/#group-damrongdhama"
LAW_52_1 = "standard/#law-state-admin-act-2534-no7"

THAI = [
    # province names: the office page first
    case("อ่างทอง", "provinces/ang-thong/", top=1, why="province name"),
    case("มุกดาหาร", "provinces/mukdahan/", top=1, why="province name"),
    case("ฉะเชิงเทรา", "provinces/chachoengsao/", top=1, why="province name"),
    case("กระบี่", "provinces/krabi/", top=1, why="office without content of its own"),
    case("ยะลา", "provinces/yala/", "provinces/mukdahan/#history", why="name glued to และ mid-sentence"),
    case("สำนักงานจังหวัดอ่างทอง", "provinces/ang-thong/", top=1, why="office name, no spaces"),
    # compounds and words inside them
    case("ส่วนราชการส่วนภูมิภาค", "provinces/ang-thong/#mandate", why="compound"),
    case("ราชการส่วนภูมิภาค", "provinces/ang-thong/#mandate", why="compound"),
    case("ภูมิภาค", "provinces/mukdahan/#history", why="last part of a compound"),
    case("หน่วยตรวจสอบภายใน", "provinces/ang-thong/#internal-audit", "provinces/mukdahan/#internal-audit",
         why="heading"),
    case("กลุ่มงานอำนวยการ", "standard/#group-administration", why="heading, national group"),
    case("บริหารทรัพยากรบุคคล", "standard/#group-human-resources", why="compound in a heading"),
    case("ประวัติความเป็นมา", "provinces/mukdahan/#history", why="heading, office's own history"),
    # duties: a national duty on /standard/, an office's own duty on the office page
    case("คุ้มครองผู้บริโภค", DAMRONG_STD, DAMRONG_ANG, why="duty"),
    case("ร้องทุกข์", DAMRONG_STD, DAMRONG_ANG, why="duty"),
    case("ศูนย์ดำรงธรรม", DAMRONG_STD, why="duty, proper name"),
    case("One Stop Service", DAMRONG_STD, DAMRONG_ANG, why="Latin inside Thai text"),
    case("เบ็ดเสร็จ", DAMRONG_STD, DAMRONG_ANG, why="duty, mid-sentence"),
    case("รัฐวิสาหกิจ", "standard/#structure-structure-2545-administration-2545--executive-support-2545",
         why="mid-sentence, earlier structure"),
    # law sections: Arabic or Thai digits, in the text as either
    case("มาตรา 52/1", LAW_52_1, why="law section"),
    case("๕๒/๑", LAW_52_1, why="Thai digits typed"),
    case("มาตรา 60", "standard/#law-state-admin-act-2534", why="text has มาตรา ๖๐"),
    case("พ.ศ. 2495", "standard/#law-state-admin-act-2495", why="abbreviation and year"),
    # mid-sentence words
    case("ยุทธศาสตร์", "standard/#group-strategy", why="word in headings and duties"),
    case("ภูมิศาสตร์", "standard/#mandate", why="mid-sentence (สารสนเทศภูมิศาสตร์เพื่อ)"),
    case("พึงพอใจ", "provinces/chachoengsao/#missions", why="mid-sentence after ความ"),
    case("ประสิทธิผล", "provinces/chachoengsao/#missions", why="mid-sentence (ประสิทธิภาพและประสิทธิผล)"),
    case("พันธกิจ", "provinces/chachoengsao/#missions", why="office's own missions"),
    case("วัตถุประสงค์", "provinces/chachoengsao/#objectives", why="office's own objectives"),
    case("Ideal Type Bureaucracy", "provinces/chachoengsao/#missions", why="English on a Thai page"),
    # words being typed: the last, unfinished word matches as a prefix
    case("ยุทธศา", "standard/#group-strategy", why="partial word"),
    case("มุกดา", "provinces/mukdahan/", top=1, why="partial word"),
    case("ฉะเชิง", "provinces/chachoengsao/", top=1, why="partial word"),
    case("คุ้มครองผู้บริ", DAMRONG_STD, DAMRONG_ANG, why="partial last word"),
    # a word the index does not have (or a typo) does not empty the results
    case("ท่องเที่ยวอ่างทอง", "provinces/ang-thong/", top=1, why="unknown word stays optional"),
]

ENGLISH = [
    case("Ang Thong", "en/provinces/ang-thong/", top=1),
    case("Mukdahan", "en/provinces/mukdahan/", top=1),
    case("Chachoengsao", "en/provinces/chachoengsao/", top=1),
    case("Krabi", "en/provinces/krabi/", top=1),
    case("consumer protection", "en/" + DAMRONG_STD, "en/" + DAMRONG_ANG),
    case("complaints", "en/" + DAMRONG_STD, "en/" + DAMRONG_ANG),
    case("Damrongdhama", "en/" + DAMRONG_STD),
    case("One Stop Service", "en/" + DAMRONG_STD),
    case("section 52/1", "en/" + LAW_52_1),
    case("internal audit", "en/provinces/ang-thong/#internal-audit", "en/provinces/mukdahan/#internal-audit"),
    case("human resource", "en/standard/#group-human-resources"),
    case("strateg", "en/standard/#group-strategy", why="partial word"),
    case("bureaucracy", "en/provinces/chachoengsao/#missions"),
    case("Yala", "en/provinces/yala/", "en/provinces/mukdahan/#history"),
    case("อ่างทอง", why="Thai typed on an English page: English pages only"),
]


# ---------------------------------------------------------------------------------------------


class SearchPage:
    """One page of the built site with Material's search box, for typing queries."""

    def __init__(self, browser, built_site, lang: str, path: str = "", script_delay: float = 0,
                 init_script: str | None = None):
        self.site = built_site
        self.lang = lang
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        if init_script:
            self.context.add_init_script(init_script)
        if script_delay:  # our script arrives late: Material has set up its worker without it
            self.context.route("**/thai-search.js", lambda route: (time.sleep(script_delay), route.continue_()))
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(built_site.url + ("" if lang == "th" else "en/") + path, wait_until="networkidle")
        self.box = self.page.locator("input.md-search__input")
        self.box.click()

    def _meta(self) -> str:
        return self.page.locator(".md-search-result__meta").text_content() or ""

    def search(self, query: str) -> list[list[str]]:
        """Type the query; the result groups (one per page), each the locations it links to."""
        self.box.fill("")
        self.box.press("End")
        self.page.wait_for_function("p => document.querySelector('.md-search-result__meta').textContent === p",
                                    arg=PLACEHOLDER[self.lang])
        self.box.fill(query)
        self.box.press("End")  # Material searches on keyup
        self.page.wait_for_function("p => document.querySelector('.md-search-result__meta').textContent !== p",
                                    arg=PLACEHOLDER[self.lang])
        groups = self.page.eval_on_selector_all(
            ".md-search-result__item",
            "items => items.map(li => [...li.querySelectorAll('a[href]')].map(a => a.href))")
        return [[self.location(href) for href in group] for group in groups]

    def location(self, href: str) -> str:
        """A result link as a search index location: relative to the site root, without ?h=."""
        parts = urlsplit(href)
        path = parts.path[len(urlsplit(self.site.url).path):]
        return unquote(path) + (f"#{parts.fragment}" if parts.fragment else "")

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def pages(browser, built_site):
    opened: dict[str, SearchPage] = {}

    def get(lang: str) -> SearchPage:
        if lang not in opened:
            opened[lang] = SearchPage(browser, built_site, lang)
        return opened[lang]

    yield get
    for p in opened.values():
        p.close()


REPORT: list[str] = []


@pytest.fixture(scope="module", autouse=True)
def report():
    yield
    if REPORT:
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "search-results.txt").write_text("\n".join(REPORT) + "\n", encoding="utf-8")


def _check(search_page: SearchPage, c: Case) -> None:
    groups = search_page.search(c.query)
    sent = search_page.page.evaluate("q => window.changwatSearch.rewrite(q)", c.query)
    found = [loc for group in groups[: c.top] for loc in group]
    REPORT.append(f"[{search_page.lang}] {c.query}  →  {sent.strip().replace(ZWSP, '|')}"
                  + (f"  ({c.why})" if c.why else ""))
    REPORT.extend(f"      {i + 1}. " + "  ".join(dict.fromkeys(loc or "(home)" for loc in g))
                  for i, g in enumerate(groups[:3]))
    # every result is in the page's language
    every = [loc for group in groups for loc in group]
    if search_page.lang == "en":
        assert every and all(loc.startswith("en/") for loc in every), every
    else:
        assert every and not any(loc.startswith("en/") for loc in every), every
    for loc in c.expect:
        assert loc in found, f"{c.query!r}: {loc} not in the first {c.top} result group(s): {groups[: c.top]}"
    # the box shows what was typed, nothing invisible added
    assert search_page.box.input_value() == c.query


@pytest.mark.parametrize("c", THAI, ids=[c.query for c in THAI])
def test_thai_query_finds_the_office_or_section(pages, c):
    _check(pages("th"), c)


@pytest.mark.parametrize("c", ENGLISH, ids=[c.query for c in ENGLISH])
def test_english_query_finds_english_pages_only(pages, c):
    _check(pages("en"), c)


# ---------------------------------------------------------------------------------------------


def test_query_is_cut_like_the_index(pages):
    page = pages("th").page
    rewrite = lambda q: page.evaluate("q => window.changwatSearch.rewrite(q)", q)  # noqa: E731
    assert page.evaluate("window.changwatSearch.mode()") in ("setup", "resync")
    assert page.evaluate("window.changwatSearch.words()") > 300  # the Thai page's vocabulary
    # a run typed without spaces is a phrase: its words, each required and a prefix
    assert rewrite("ศูนย์ดำรงธรรม") == " +ศูนย์* +ดำรง* +ธรรม* "
    assert rewrite("ราชการส่วนภูมิภาค") == " +ราชการ* +ส่วน* +ภูมิภาค* "
    assert rewrite("ยุทธศา") == " +ยุทธ* +ศา* "  # the unfinished word is kept for prefix search
    assert rewrite("อ่างทอง") == "อ่างทอง"  # one word: left to Material (a prefix, like any word)
    assert rewrite("มาตรา ๕๒/๑") == "มาตรา 52/1"  # Thai digits as in the index
    assert rewrite("One Stop Service") == "One Stop Service"  # Latin left alone
    # words the index does not have are cut by the browser's segmenter and stay optional
    parts = rewrite("ท่องเที่ยวอ่างทอง").split()
    assert parts[-1] == "+อ่างทอง*" and "".join(parts[:-1]) == "ท่องเที่ยว", parts
    # after a modifier or inside quotes, Material applies it to each word joined by U+200B
    assert rewrite("-ศูนย์ดำรงธรรม") == "-" + ZWSP.join(["ศูนย์", "ดำรง", "ธรรม"])
    assert rewrite('"ศูนย์ดำรงธรรม"') == '"' + ZWSP.join(["ศูนย์", "ดำรง", "ธรรม"]) + '"'


def test_without_intl_segmenter_the_index_vocabulary_still_cuts_the_query(browser, built_site):
    """Browsers without Intl.Segmenter (older ones): words of the index are still found; unknown
    text becomes one optional piece."""
    p = SearchPage(browser, built_site, "th", init_script="delete Intl.Segmenter")
    try:
        assert p.page.evaluate("typeof Intl.Segmenter") == "undefined"
        groups = p.search("คุ้มครองผู้บริโภค")
        assert DAMRONG_STD in [loc for group in groups[:3] for loc in group], groups
        rewrite = lambda q: p.page.evaluate("q => window.changwatSearch.rewrite(q)", q)  # noqa: E731
        assert rewrite("ศูนย์ดำรงธรรม") == " +ศูนย์* +ดำรง* +ธรรม* "
        assert rewrite("ท่องเที่ยวอ่างทอง").split() == ["ท่องเที่ยว", "+อ่างทอง*"]
    finally:
        p.close()


def test_result_link_highlights_the_thai_words_on_the_page(browser, built_site):
    p = SearchPage(browser, built_site, "th", "provinces/")
    try:
        p.search("ศูนย์ดำรงธรรม")
        link = p.page.locator(".md-search-result__item a[href*='#group-damrongdhama']").first
        href = unquote(link.get_attribute("href"))
        assert "h=ศูนย์+ดำรง+ธรรม" in href, href
        link.click()
        p.page.wait_for_load_state("networkidle")
        p.page.wait_for_selector("mark[data-md-highlight]")
        marked = set(p.page.eval_on_selector_all("mark[data-md-highlight]", "els => els.map(e => e.textContent)"))
        assert {"ศูนย์", "ดำรง", "ธรรม"} <= marked, marked
        assert urlsplit(p.page.url).fragment == "group-damrongdhama"
    finally:
        p.close()


@pytest.mark.parametrize("lang,query,expect", [("th", "ร้องทุกข์", DAMRONG_STD),
                                               ("en", "Ang Thong", "en/provinces/ang-thong/")])
def test_search_works_when_the_index_arrives_before_the_script(browser, built_site, lang, query, expect):
    """Material fetches the index and sets up its worker while its own bundle runs; when our script
    arrives after that (slow network, or the index already cached), it sets the worker up again."""
    p = SearchPage(browser, built_site, lang, script_delay=1.5)
    try:
        p.search(query)
        p.page.wait_for_function("window.changwatSearch.mode() === 'resync'")
        groups = p.search(query)  # the answer to the repeated query
        every = [loc for group in groups for loc in group]
        assert expect in every, groups
        assert all(loc.startswith("en/") == (lang == "en") for loc in every), every
    finally:
        p.close()


def test_search_makes_no_foreign_requests(pages):
    p = pages("th")
    p.search("อ่างทอง")
    foreign = [u for u in p.requests if urlsplit(u).scheme in ("http", "https")
               and urlsplit(u).hostname not in ("127.0.0.1", "localhost")]
    assert foreign == []
    assert any(u.endswith("/thai-search.js") for u in p.requests)
