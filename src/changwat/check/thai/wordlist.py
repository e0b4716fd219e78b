"""A dictionary for pythainlp's newmm tokeniser that is ready in 20 ms instead of 200 ms.

newmm asks its dictionary one thing: the words that begin at a position of the text
(``prefixes(text, start)``). pythainlp answers with a trie of one Python object per letter, and
building it for its 62,000 words takes about 0.2 s (0.4 s with the cycle collector running), in
every process that cuts a text it has not cut before: the build after an editor changes one
sentence builds two (the lint's and the search's). :class:`WordList` answers the same question
from the sorted list of the words, by binary search, one letter longer each step while some
word still begins that way. Sorting takes 20 ms; cutting a text takes about 1.8 times as long as
with the trie. So a process that cuts much (a fresh clone's build, bench/worstcase.py's soup of a
million letters) builds the trie after all, once it has asked :data:`WordList.switch_after`
questions, about where the trie's building is paid back. A process that asks about that many pays
for both (bench/worstcase.py's real-nospace: 2.5 s of CPU instead of 2.2 s). newmm gives the same
words either way (tests/test_thai_wordlist.py).

This module imports pythainlp: import it where a text is cut, not where rules are declared.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache

from pythainlp.util import Trie


class WordList(Trie):
    """pythainlp's :class:`~pythainlp.util.Trie` interface over a sorted list of words (words are
    stripped of surrounding spaces, as the trie does; none is ever added or removed after)."""

    #: Questions answered from the sorted list before the trie is built (each costs ~2 µs more
    #: than the trie's answer; the trie takes ~0.2 s to build).
    switch_after = 100_000

    def __init__(self, words: Iterable[str]) -> None:  # the trie's own nodes are built only if asked much
        self._words = frozenset(w for w in (word.strip() for word in words) if w)
        self._sorted = sorted(self._words)
        self._asked = 0
        self._trie: Trie | None = None

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words that ``text`` has at ``start``, shortest first."""
        if self._trie is not None:
            return self._trie.prefixes(text, start)
        self._asked += 1
        if self._asked > self.switch_after:
            self._trie = Trie(self._sorted)
        found: list[str] = []
        ordered, n = self._sorted, len(self._sorted)
        low = 0
        for end in range(start + 1, len(text) + 1):
            prefix = text[start:end]
            low = bisect_left(ordered, prefix, low)  # words sharing a longer prefix sort after
            if low == n or not ordered[low].startswith(prefix):
                break  # no word begins this way: none begins with anything longer either
            if ordered[low] == prefix:
                found.append(prefix)
        return found

    def add(self, word: str) -> None:
        raise TypeError("WordList is built once: make a new one with the word")

    def remove(self, word: str) -> None:
        raise TypeError("WordList is built once: make a new one without the word")

    def __contains__(self, key: str) -> bool:
        return key in self._words

    def __iter__(self) -> Iterator[str]:
        return iter(self._sorted)

    def __len__(self) -> int:
        return len(self._sorted)


@lru_cache(maxsize=1)
def thai_words() -> WordList:
    """pythainlp's word list (what newmm cuts with when it is given no dictionary), once per process."""
    from pythainlp.corpus import thai_words as words

    return WordList(words())
