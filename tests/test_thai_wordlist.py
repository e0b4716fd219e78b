"""WordList (check/thai/wordlist.py) answers newmm exactly as pythainlp's trie does; the lint's
short-word frequencies are pythainlp's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pythainlp.corpus import thai_words as pythainlp_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie

from changwat.check.thai.wordlist import WordList, thai_words

ROOT = Path(__file__).resolve().parents[1]
THAI_RUN = re.compile(r"[\u0E01-\u0E3A\u0E40-\u0E4E]+")


@pytest.fixture(scope="module")
def trie() -> Trie:
    return Trie(pythainlp_words())


def data_texts() -> list[str]:
    """Every run of Thai letters in the project's data files, and lines mixing Thai with the rest."""
    texts: list[str] = []
    for path in sorted((ROOT / "data").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        texts += THAI_RUN.findall(text)
        texts += [line for line in text.splitlines() if THAI_RUN.search(line)][:40]
    return list(dict.fromkeys(texts))


def test_prefixes_are_the_tries_at_every_position(trie):
    words = thai_words()
    texts = data_texts()
    assert len(texts) > 300
    for text in [*texts, "", "ก", "กกกกกกกก", "abc กรม", "สำนักงานจังหวัด๑๒๓", "  สำนักงาน  "]:
        for start in range(len(text) + 1):
            assert words.prefixes(text, start) == trie.prefixes(text, start), (text, start)
        assert words.prefixes(text) == trie.prefixes(text)


def test_newmm_cuts_the_same_words(trie):
    for text in data_texts():
        assert word_tokenize(text, custom_dict=thai_words(), engine="newmm") == word_tokenize(text, engine="newmm")


def test_a_word_list_of_its_own():
    words = WordList([" สวัสดี ", "สวัส", "ดี", "ครับ", "", "   "])
    assert len(words) == 4 and "สวัสดี" in words and " สวัสดี " not in words and "" not in words
    assert list(words) == sorted(["สวัสดี", "สวัส", "ดี", "ครับ"])
    assert words.prefixes("สวัสดีครับ") == ["สวัส", "สวัสดี"]
    assert words.prefixes("สวัสดีครับ", 6) == ["ครับ"]
    assert words.prefixes("สวัสดีครับ", 10) == []
    assert word_tokenize("สวัสดีครับ", custom_dict=words, engine="newmm") == ["สวัสดี", "ครับ"]
    assert len(thai_words()) == len(Trie(pythainlp_words()))


def test_it_is_never_changed_after_it_is_built():
    words = WordList(["ดี"])
    with pytest.raises(TypeError):
        words.add("ครับ")
    with pytest.raises(TypeError):
        words.remove("ดี")
    assert list(words) == ["ดี"]


def test_short_word_frequencies_are_pythainlps():
    from pythainlp.corpus.tnc import word_freqs

    from changwat.check.thai.dictionary import short_word_freqs

    mine = short_word_freqs()
    assert len(mine) > 10_000 and mine["ที่"] > 100_000
    assert mine == {w: f for w, f in word_freqs() if len(w) <= 3}


def test_a_word_list_asked_much_answers_from_the_trie_the_same(trie, monkeypatch):
    monkeypatch.setattr(WordList, "switch_after", 50)
    words = WordList(pythainlp_words())
    texts = data_texts()[:40]
    asked = [(text, start) for text in texts for start in range(len(text) + 1)]
    assert len(asked) > 200
    assert [words.prefixes(t, s) for t, s in asked] == [trie.prefixes(t, s) for t, s in asked]
    assert words._trie is not None  # built after 50 questions
