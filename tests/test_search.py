"""The search index (changwat.build.search: Thai segmentation, Pagefind pages, lexicon) and its MkDocs hook
(hooks/changwat_search.py). The browser side is tested in test_search_browser.py."""

from __future__ import annotations

import html
import json
import re

import pytest

from changwat.build import outline, search
from changwat.build.search import ZWSP
from changwat.cache import digest
from conftest import REPO

SEP = re.compile(r"[\s\u200b\-]+")  # spaces and U+200B: how the words of a segmented text split


@pytest.fixture(scope="module")
def seg() -> search.Segmenter:
    return search.Segmenter(names={"อินทศร"})


def words(seg: search.Segmenter, text: str) -> list[str]:
    return seg(text).split(ZWSP)


# ---------------------------------------------------------------------------------------------
# segmentation


@pytest.mark.parametrize(
    "text,expected",
    [
        ("อ่างทอง", ["อ่างทอง"]),  # province names stay whole
        ("ฉะเชิงเทรา", ["ฉะเชิงเทรา"]),
        ("สุพรรณบุรี", ["สุพรรณบุรี"]),  # even where the dictionary could split it (สุพรรณ|บุรี)
        ("จังหวัด", ["จังหวัด"]),  # never into syllables that happen to be words (จัง|หวัด)
        ("มาตรา", ["มาตรา"]),
        ("สำนักงานจังหวัดอ่างทอง", ["สำนักงาน", "จังหวัด", "อ่างทอง"]),
        ("ศูนย์ดำรงธรรม", ["ศูนย์", "ดำรง", "ธรรม"]),
        # compounds are split into the words a reader searches for
        ("ราชการส่วนภูมิภาค", ["ราชการ", "ส่วน", "ภูมิภาค"]),
        ("ผู้ว่าราชการจังหวัด", ["ผู้ว่า", "ราชการ", "จังหวัด"]),
        ("กระทรวงมหาดไทย", ["กระทรวง", "มหาดไทย"]),
        ("การพัฒนา", ["การ", "พัฒนา"]),  # the nominalising prefixes การ and ความ
        ("ความรับผิดชอบ", ["ความ", "รับผิดชอบ"]),
        ("นายอนุชาอินทศร", ["นาย", "อนุชา", "อินทศร"]),  # a name from the allow-list stays whole
    ],
)
def test_thai_runs_are_cut_into_words(seg, text, expected):
    assert words(seg, text) == expected


def test_only_thai_runs_change(seg):
    text = "งานบริการเบ็ดเสร็จ ณ จุดเดียว (One Stop Service : OSS) <li>รับเรื่องราวร้องทุกข์</li> &amp; 2534"
    out = seg(text)
    assert out.replace(ZWSP, "") == text  # nothing but U+200B added
    assert "(One Stop Service : OSS)" in out and "<li>" in out and "</li>" in out and "&amp; 2534" in out
    assert f"เบ็ด{ZWSP}เสร็จ" in out and f"ร้อง{ZWSP}ทุกข์" in out
    # U+200B only between two Thai letters: never next to Latin, digits, spaces or markup
    for m in re.finditer(ZWSP, out):
        assert search.THAI_RUN.match(out[m.start() - 1]) and search.THAI_RUN.match(out[m.end()]), out
    # the separator splits the words apart, as Material's search worker will (markup aside)
    assert {"เบ็ด", "เสร็จ", "ร้อง", "ทุกข์", "Service"} <= set(SEP.split(re.sub("<[^>]+>", " ", out)))


def test_thai_digits_become_arabic(seg):
    assert search.fold_digits("มาตรา ๕๒/๑ พ.ศ. ๒๕๓๔") == "มาตรา 52/1 พ.ศ. 2534"
    assert seg("มาตรา ๕๒/๑") == "มาตรา 52/1"
    assert seg("ฉบับที่ ๗") == f"ฉบับ{ZWSP}ที่ 7"


def test_text_without_thai_is_returned_as_is(seg):
    for text in ("", "Ang Thong Provincial Office", "<p>section 52/1</p>", "2516-08-28"):
        assert seg(text) == text


# ---------------------------------------------------------------------------------------------
# the index


def permalink(anchor: str) -> str:
    return f'<a class="headerlink" href="#{anchor}" title="ลิงก์ถาวร">¶</a>'


def built() -> list[search.BuiltPage]:
    """Built pages as the hook keeps them (their content, HTML), in two languages."""
    return [
        search.BuiltPage("", "สำนักงานจังหวัด", "<p>ข้อมูลสำนักงานจังหวัดทั้ง 76 แห่ง</p>"),
        search.BuiltPage(
            "provinces/ang-thong/",
            "สำนักงานจังหวัดอ่างทอง",
            '<nav data-search-exclude><a href="../">หน้าแรก</a></nav><h1>สำนักงานจังหวัดอ่างทอง</h1>'
            "<p>อ่างทอง &amp; ภาคกลาง</p>"
            f'<h2 id="mandate" data-search-exclude>อำนาจหน้าที่{permalink("mandate")}</h2><p>มาตรฐานกลาง</p>'
            f'<h3 id="group-damrongdhama">กลุ่มงานศูนย์ดำรงธรรมจังหวัด{permalink("group-damrongdhama")}</h3>'
            "<ol><li>งานคุ้มครองผู้บริโภคของจังหวัด</li></ol>",
        ),
        search.BuiltPage(
            "en/provinces/ang-thong/",
            "",
            f'<h3 id="group-damrongdhama">Provincial Damrongdhama Center Group{permalink("group-damrongdhama")}</h3>'
            "<ol><li>Consumer protection in the province</li></ol>",
        ),
    ]


def texts() -> list[search.PageText]:
    return [search.page_text(p.url, p.title, p.html) for p in built()]


LOCALES = {"th": "", "en": "en/"}


def test_languages_by_location_prefix():
    assert search.locales_of([("th", True), ("en", False)]) == LOCALES
    assert search.language_of("provinces/ang-thong/", LOCALES) == "th"
    assert search.language_of("en/provinces/ang-thong/", LOCALES) == "en"
    assert search.language_of("", LOCALES) == "th"
    pages = search.search_pages(texts(), str, LOCALES)
    assert [p.lang for p in pages] == ["th", "th", "en"]
    assert search.search_pages(texts(), str, {"en": "en/"})[0].url == "en/provinces/ang-thong/"


def test_index_pages_hold_plain_segmented_text(seg):
    pages = {p.url: p for p in search.search_pages(texts(), seg, LOCALES)}
    assert set(pages) == {"", "provinces/ang-thong/", "en/provinces/ang-thong/"}
    ang = pages["provinces/ang-thong/"]
    assert (ang.lang, ang.title) == ("th", ZWSP.join(["สำนักงาน", "จังหวัด", "อ่างทอง"]))
    # tags dropped, entities decoded; the breadcrumbs (data-search-exclude) and the title left out
    assert ang.intro == "อ่างทอง & ภาค" + ZWSP + "กลาง"
    assert len(ang.sections) == 1  # the national mandate (data-search-exclude) is left out
    anchor, title, text = ang.sections[0]
    assert anchor == "group-damrongdhama" and title.split(ZWSP)[2:5] == ["ศูนย์", "ดำรง", "ธรรม"]
    assert f"คุ้ม{ZWSP}ครอง{ZWSP}ผู้บริโภค" in text and "<" not in text
    en = pages["en/provinces/ang-thong/"]  # no title: titled by its first section
    assert (en.lang, en.title, en.sections[0][2]) == (
        "en",
        "Provincial Damrongdhama Center Group",
        "Consumer protection in the province",
    )
    html_ = ang.html()
    assert '<html lang="x-th">' in html_  # Thai indexed as x-th: Pagefind must not cut it again
    assert "อ่างทอง &amp; ภาค\u2060 กลาง" in html_ and ZWSP not in html_
    assert '<html lang="en">' in en.html()


def test_every_text_is_escaped_where_the_index_is_written(tmp_path):
    """A tampered cache entry once put live markup into the index (and alert() ran): what comes out
    of the segmentation cache is text, escaped when the page for Pagefind is written."""
    evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    text = "กลุ่มงานศูนย์ดำรงธรรมจังหวัด"
    first = search.CachedSegmenter(cache_dir=tmp_path)
    first.cache.put(digest(text), evil + "ดำรงธรรม")
    first.save()
    tampered = search.CachedSegmenter(cache_dir=tmp_path)
    assert tampered(text) == evil + "ดำรงธรรม"  # the cache is trusted for content...
    doc = search.PageText("provinces/x/", text, "", (outline.Section('a"><b', text, text),))
    (page,) = search.search_pages([doc], tampered, LOCALES)
    html_ = page.html()
    assert "<img" not in html_ and "<script" not in html_ and '"><b' not in html_  # ...but never markup
    assert html.escape(evil) in html_ and 'id="a&quot;&gt;&lt;b"' in html_


def test_pagefind_runs_as_its_program_whatever_the_callers_settings(tmp_path, monkeypatch, seg):
    """Pagefind reads its options from PAGEFIND_* variables and configuration files in its working
    folder: neither of the caller's may change the bundle; a program that fails fails the index."""
    pages = search.search_pages(texts(), seg, LOCALES)
    search.write_pagefind(pages, tmp_path / "plain")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pagefind.yml").write_text("force_language: en\n", encoding="utf-8")
    monkeypatch.setenv("PAGEFIND_FORCE_LANGUAGE", "en")
    monkeypatch.setenv("PAGEFIND_KEEP_INDEX_URL", "true")
    search.write_pagefind(pages, tmp_path / "set")
    files = sorted(p.relative_to(tmp_path / "plain") for p in (tmp_path / "plain").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "set") for p in (tmp_path / "set").rglob("*") if p.is_file())
    assert all((tmp_path / "plain" / f).read_bytes() == (tmp_path / "set" / f).read_bytes() for f in files)
    entry = json.loads((tmp_path / "set" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["en", "x-th"]
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    with pytest.raises(RuntimeError, match="Pagefind failed"):
        search.write_pagefind(pages, tmp_path / "failed")


def test_name_keys_meet_across_spellings():
    k = search.name_key
    for a, b in [
        ("Chiangmai", "Chiang Mai"),
        ("Nakorn Ratchasima", "Nakhon Ratchasima"),
        ("Cholburi", "Chon Buri"),
        ("Mookdahan", "Mukdahan"),
        ("Petchaburi", "Phetchaburi"),
        ("Ubol Ratchathani", "Ubon Ratchathani"),
        ("Chachengsao", "Chachoengsao"),
        ("angthong", "Ang Thong"),
        ("Songkla", "Songkhla"),
        ("Nakhon Sri Thammarat", "Nakhon Si Thammarat"),
        ("Buriram", "Buri Ram"),
    ]:
        assert k(a) == k(b), (a, b)
    assert k("Krabi") != k("Trat")
    # no two provinces of the registry share a key (a name must lead to one office)
    from changwat.model.registry import load_registry

    provinces = list(load_registry(REPO / "data" / "registry" / "provinces.csv"))
    keys = {}
    for p in provinces:
        for spelling in (p.en, p.slug, *search.NAME_VARIANTS.get(p.slug, ())):
            assert keys.setdefault(k(spelling), p.slug) == p.slug, (spelling, keys[k(spelling)])


def test_lexicon_has_words_by_frequency_and_names_per_language(seg):
    from changwat.model.registry import load_registry

    provinces = list(load_registry(REPO / "data" / "registry" / "provinces.csv"))
    pages = search.search_pages(texts(), seg, LOCALES)
    th = search.lexicon(pages, "th", provinces)
    en = search.lexicon(pages, "en", provinces)
    assert th["words"][0] == "จังหวัด" and {"ศูนย์", "ดำรง", "ผู้บริโภค"} <= set(th["words"])
    assert {"consumer", "protection", "damrongdhama"} <= set(en["words"]) and "จังหวัด" not in en["words"]
    assert th["names"][search.name_key("Korat")] == ["นครราชสีมา", "nakhon-ratchasima"]
    assert en["names"][search.name_key("Korat")] == ["Nakhon Ratchasima", "nakhon-ratchasima"]
    assert en["names"]["มุกดาหาร"] == ["Mukdahan", "mukdahan"]
    assert (th["index_language"], en["index_language"]) == ("x-th", "en")


# ---------------------------------------------------------------------------------------------
# the cache


def test_segmentations_are_cached_by_content(tmp_path, monkeypatch):
    cache = tmp_path
    texts = ["งานคุ้มครองผู้บริโภคของจังหวัด", "Consumer protection", "สำนักงานจังหวัดอ่างทอง"]
    first = search.CachedSegmenter(cache_dir=cache)
    done = [first(t) for t in texts]
    assert (first.misses, first.hits) == (2, 0)  # text without Thai never reaches pythainlp
    first.save()
    assert (tmp_path / "search.json").exists()

    again = search.CachedSegmenter(cache_dir=cache)
    monkeypatch.setattr(search.Segmenter, "__call__", lambda self, text: pytest.fail("not cached"))
    assert [again(t) for t in texts] == done
    assert (again.misses, again.hits) == (0, 2)


def test_the_cache_is_emptied_when_what_segmentation_depends_on_changes(tmp_path, monkeypatch):
    cache = tmp_path
    first = search.CachedSegmenter(cache_dir=cache)
    first("ศูนย์ดำรงธรรม")
    first.save()
    # other names (the allow-list changed): a different fingerprint, nothing reused
    other = search.CachedSegmenter(names={"ดำรงธรรม"}, cache_dir=cache)
    assert other.cache.entries == {}
    assert search.fingerprint() != search.fingerprint({"ดำรงธรรม"})
    assert search.fingerprint() == search.fingerprint(())


# ---------------------------------------------------------------------------------------------
# the built site


def test_built_site_has_one_pagefind_index_per_language(built_site):
    out = built_site.dir / "pagefind"
    entry = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"x-th", "en"}
    assert all(lang["page_count"] > 75 for lang in entry["languages"].values())
    for lang in ("th", "en"):
        lexicon = json.loads((out / f"changwat-lexicon.{lang}.json").read_text(encoding="utf-8"))
        assert len(lexicon["words"]) > 500 and len(lexicon["names"]) > 76 * 2  # Thai, folded English/slug, variants
        assert not re.search("[๐-๙]", " ".join(lexicon["words"]))  # readers type 52/1
    th = json.loads((out / "changwat-lexicon.th.json").read_text(encoding="utf-8"))["words"]
    thai = [w for w in th if search.THAI_RUN.fullmatch(w)]
    assert max(map(len, thai)) < 25, sorted(thai, key=len)[-5:]  # every Thai run is cut
    # the pages use our search, not Material's (no worker, no lunr, no search_index.json download)
    page = (built_site.dir / "provinces" / "ang-thong" / "index.html").read_text(encoding="utf-8")
    assert "changwat-search.js" in page and "data-changwat-search" in page
    assert 'name="search"' not in page and 'data-md-component="search' not in page
    assert "thai-search.js" not in page
    # and Material's own search (lunr, its worker), which no page loads, is not in the site
    javascripts = built_site.dir / "assets" / "javascripts"
    assert (javascripts / "changwat-search.js").is_file()
    assert not (javascripts / "lunr").exists() and not (javascripts / "workers").exists()


def test_an_unchanged_index_is_copied_from_the_cache_not_indexed_again(tmp_path, monkeypatch, seg):
    provinces: list = []
    first = tmp_path / "a" / "pagefind"
    assert search.write_index(built(), seg, LOCALES, provinces, first, tmp_path / "cache") == 3
    monkeypatch.setattr(search, "write_pagefind", lambda *a: pytest.fail("Pagefind ran again"))
    again = tmp_path / "b" / "pagefind"
    assert search.write_index(built(), seg, LOCALES, provinces, again, tmp_path / "cache") == 3
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (again / f).read_bytes() for f in files)
    # a changed text is indexed again
    changed = built()
    changed[1] = search.BuiltPage("provinces/ang-thong/", "อ่างทอง", "<p>อ่างทอง ภาคกลาง ริมแม่น้ำเจ้าพระยา</p>")
    with pytest.raises(pytest.fail.Exception, match="Pagefind ran again"):
        search.write_index(changed, seg, LOCALES, provinces, tmp_path / "c" / "pagefind", tmp_path / "cache")
    with pytest.raises(pytest.fail.Exception, match="Pagefind ran again"):  # other names kept whole
        search.write_index(built(), seg, LOCALES, provinces, tmp_path / "d" / "pagefind", tmp_path / "cache", {"ภาค"})


def test_a_few_recently_used_bundles_are_kept(tmp_path, monkeypatch, seg):
    def fake_pagefind(pages, out):
        out.mkdir(parents=True)
        (out / "pagefind-entry.json").write_text("{}", encoding="utf-8")

    monkeypatch.setattr(search, "write_pagefind", fake_pagefind)
    cache = tmp_path / "cache"
    sites = [[search.BuiltPage("", "หน้าแรก", f"<p>ฉบับที่ {n}</p>")] for n in range(search.KEEP_BUNDLES + 2)]
    for n, pages in enumerate(sites):
        search.write_index(pages, seg, LOCALES, [], tmp_path / str(n), cache)
    bundles = [b for b in (cache / "pagefind").iterdir() if not b.name.startswith(".")]
    assert len(bundles) == search.KEEP_BUNDLES
    # the latest is among them
    monkeypatch.setattr(search, "write_pagefind", lambda *a: pytest.fail("Pagefind ran again"))
    search.write_index(sites[-1], seg, LOCALES, [], tmp_path / "again", cache)
