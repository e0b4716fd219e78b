"""Thai word segmentation of the search index (changwat.search) and its MkDocs hook
(hooks/changwat_search.py). The browser side is tested in test_search_browser.py."""

from __future__ import annotations

import importlib.util
import json
import re

import pytest

from changwat.build import search
from changwat.build.search import ZWSP
from conftest import REPO

SEP = re.compile(search.SEPARATOR)


@pytest.fixture(scope="module")
def seg() -> search.Segmenter:
    return search.Segmenter(names={"อินทศร"})


def words(seg: search.Segmenter, text: str) -> list[str]:
    return seg(text).split(ZWSP)


# ---------------------------------------------------------------------------------------------
# segmentation


@pytest.mark.parametrize("text,expected", [
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
])
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


def index(separator: str = search.SEPARATOR) -> dict:
    return {
        "config": {"lang": ["th", "en"], "separator": separator, "pipeline": ["stopWordFilter"], "fields": {}},
        "docs": [
            {"location": "", "title": "สำนักงานจังหวัด", "text": "<p>ข้อมูลสำนักงานจังหวัดทั้ง 76 แห่ง</p>"},
            {"location": "provinces/ang-thong/#group-damrongdhama", "title": "กลุ่มงานศูนย์ดำรงธรรมจังหวัด",
             "text": "<ol><li>งานคุ้มครองผู้บริโภคของจังหวัด</li></ol>"},
            {"location": "en/provinces/ang-thong/#group-damrongdhama", "title": "Provincial Damrongdhama Center Group",
             "text": "<ol><li>Consumer protection in the province</li></ol>", "boost": 2},
        ],
    }


LOCALES = {"th": "", "en": "en/"}


def test_rewrite_index_segments_titles_and_texts(seg):
    raw = index()
    before = json.dumps(raw, ensure_ascii=False)
    out = search.rewrite_index(raw, seg, LOCALES)
    assert json.dumps(raw, ensure_ascii=False) == before  # the input is not changed
    th, en = out["docs"][1], out["docs"][2]
    assert th["title"] == ZWSP.join(["กลุ่ม", "งาน", "ศูนย์", "ดำรง", "ธรรม", "จังหวัด"])
    assert f"คุ้ม{ZWSP}ครอง{ZWSP}ผู้บริโภค" in th["text"] and th["text"].startswith("<ol><li>")
    assert en == raw["docs"][2]  # English untouched, extra keys kept
    assert [d["location"] for d in out["docs"]] == [d["location"] for d in raw["docs"]]
    assert out["config"]["locales"] == LOCALES
    assert out["config"]["separator"] == search.SEPARATOR
    # a second call (MkDocs may run the hook twice on one file) changes nothing
    assert search.rewrite_index(out, lambda text: pytest.fail("segmented twice"), LOCALES) == out


@pytest.mark.parametrize("separator", ["[\\s\\-]+", "[\\s\\-]", "", "[\\s"])
def test_rewrite_index_refuses_a_separator_that_keeps_words_glued(seg, separator):
    with pytest.raises(ValueError, match="does not split on U\\+200B"):
        search.rewrite_index(index(separator), seg)


def test_the_configured_separator_splits_on_zwsp():
    from changwat.project import read_config

    plugins = read_config(REPO / "mkdocs.yml")["plugins"]
    config = next(p["search"] for p in plugins if isinstance(p, dict) and "search" in p)
    assert search.splits_on_zwsp(config["separator"])
    assert not search.splits_on_zwsp("[\\s\\-]+")  # Material's default


def test_languages_by_location_prefix(seg):
    assert search.locales_of([("th", True), ("en", False)]) == LOCALES
    assert search.language_of("provinces/ang-thong/", LOCALES) == "th"
    assert search.language_of("en/provinces/ang-thong/", LOCALES) == "en"
    assert search.language_of("", LOCALES) == "th"
    parts = search.split_by_language(search.rewrite_index(index(), seg, LOCALES), LOCALES)
    assert [d["location"] for d in parts["th"]["docs"]] == ["", "provinces/ang-thong/#group-damrongdhama"]
    assert [d["location"] for d in parts["en"]["docs"]] == ["en/provinces/ang-thong/#group-damrongdhama"]
    assert {"ศูนย์", "ดำรง", "ผู้บริโภค", "สำนักงาน"} <= search.vocabulary(parts["th"])
    assert search.vocabulary(parts["en"]) == set()


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
# the hook


def load_hook():
    spec = importlib.util.spec_from_file_location("changwat_search_hook", REPO / "hooks" / "changwat_search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mkdocs_config(tmp_path):
    from mkdocs.config.defaults import MkDocsConfig

    (tmp_path / "docs").mkdir(exist_ok=True)
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "t", "site_dir": str(tmp_path / "site"), "docs_dir": str(tmp_path / "docs"),
                      "extra": {"changwat": {"data_dir": str(REPO / "data")}}})
    assert config.validate() == ([], [])
    return config


def test_hook_rewrites_the_built_index(tmp_path, monkeypatch):
    monkeypatch.setenv("CHANGWAT_CACHE", str(tmp_path / "cache"))
    hook = load_hook()
    assert hook.on_post_build.mkdocs_priority < -100  # after mkdocs-static-i18n writes the index
    config = mkdocs_config(tmp_path)
    path = tmp_path / "site" / "search" / "search_index.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(index()), encoding="utf-8")
    hook.on_post_build(config)
    out = json.loads(path.read_text(encoding="utf-8"))
    assert ZWSP in out["docs"][1]["title"]
    assert "locales" not in out["config"]  # no mkdocs-static-i18n in this build
    assert "\\u0e01" in path.read_text(encoding="utf-8")  # written like Material's (ASCII)


def test_hook_fails_the_build_when_the_separator_is_not_set(tmp_path, monkeypatch):
    from mkdocs.exceptions import PluginError

    monkeypatch.setenv("CHANGWAT_CACHE", str(tmp_path / "cache"))
    hook = load_hook()
    config = mkdocs_config(tmp_path)
    path = tmp_path / "site" / "search" / "search_index.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(index("[\\s\\-]+")), encoding="utf-8")
    with pytest.raises(PluginError, match="plugins.search.separator"):
        hook.on_post_build(config)


def test_hook_does_nothing_without_an_index(tmp_path):
    load_hook().on_post_build(mkdocs_config(tmp_path))
    assert not (tmp_path / "site").exists()


# ---------------------------------------------------------------------------------------------
# the built site


def test_built_index_is_segmented_with_both_languages_marked(built_site):
    data = json.loads((built_site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    config = data["config"]
    assert search.splits_on_zwsp(config["separator"])
    assert config["locales"] == LOCALES
    docs = {d["location"]: d for d in data["docs"]}
    ang = docs["provinces/ang-thong/"]
    assert ang["title"] == f"สำนักงาน{ZWSP}จังหวัด{ZWSP}อ่างทอง"
    assert f"คุ้ม{ZWSP}ครอง{ZWSP}ผู้บริโภค" in docs["provinces/ang-thong/#group-damrongdhama"]["text"]
    assert docs["en/provinces/ang-thong/"]["title"] == "Ang Thong Provincial Office"
    # national sections are indexed once, on /standard/ (not on every office page)
    assert "standard/#group-damrongdhama" in docs and "provinces/krabi/#group-damrongdhama" not in docs
    # no Thai digits left: readers type 52/1
    assert not re.search("[๐-๙]", json.dumps(data, ensure_ascii=False))
    # every Thai run is cut: no Thai "word" longer than any in the dictionary plus names
    th = search.split_by_language(data, LOCALES)["th"]
    vocab = search.vocabulary(th)
    assert 300 < len(vocab) and max(map(len, vocab)) < 25, sorted(vocab, key=len)[-5:]


def test_the_site_serves_our_small_wordcut_not_the_677_kb_one(built_site):
    """Material's worker fetches lunr/wordcut.js for Thai; ours (theme/) replaces lunr-languages' file
    and keeps the interface lunr.th.min.js needs at load time (wordcut.init)."""
    served = (built_site.dir / "assets" / "javascripts" / "lunr" / "wordcut.js").read_text(encoding="utf-8")
    assert len(served.encode()) < 4096
    assert ".wordcut = { init: function () {}, cut: cut }" in served
    assert "Intl.Segmenter" in served
