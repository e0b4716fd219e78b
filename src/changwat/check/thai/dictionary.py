"""Rules that need the dictionary: U04 (text garbled by a PDF font, error), D01 (word not in the
dictionary, warning) and D02 (text too long to check in full, warning).

Words come from pythainlp's word list (loaded once, lazily, on the first check that needs it);
texts are cut into words with pythainlp's newmm tokeniser (over :class:`.wordlist.WordList`).

Bounded work. Cutting a text into words costs about a microsecond per character, but repairing
garbled letters (U04) tries moving each misplaced mark and re-cuts the text for each try, and a
spelling suggestion (D01) tries every one-letter edit of a word. So that any text is checked in
time roughly proportional to its length:

* U04 tries its moves only in windows around the words the dictionary does not know, never by
  re-cutting a whole run of text;
* the cache of cut texts is bounded in bytes (:class:`BytesLRU`), and so is the cache of lint
  results (in ``__init__``);
* each text has a work budget (:class:`Budget`, in characters cut, about a microsecond each)
  proportional to its length. When it runs out, U04 stops looking for garbled letters and D01
  stops making suggestions and looking for near misses; D02 then says where the check stopped.
  Ordinary texts use a small fraction of their budget; only long runs of garbled letters
  without spaces reach it.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import lru_cache
from typing import Generic, TypeVar

from .chars import CONS, LETTERS, MARKS, SARA_AA, SARA_AM, TONES, is_thai_letter
from .registry import TH, Context, Finding, chunk_touching, overlapping, rule

# ---------------------------------------------------------------------------------------------
# Dictionary (loaded once, lazily)

# Abbreviations and particles that the dictionary does not have (or has only without dots).
_BUILTIN_WORDS = frozenset(
    {
        "ณ",
        "ฯ",
        "ฯลฯ",
        "ๆ",
        "พ.ร.บ.",
        "พ.ร.ก.",
        "พ.ร.ฎ.",
        "พ.ศ.",
        "ค.ศ.",
        "ร.ศ.",
        "จ.ศ.",
        "ม.ศ.",
        "ก.พ.",
        "อ.ก.พ.",
        "ก.พ.ร.",
        "ก.ธ.จ.",
        "ก.บ.จ.",
        "ก.บ.ก.",
        "ก.ร.อ.",
        "ก.ร.อ.จ.",
        "ก.ก.",
        "ก.ท.",
        "ก.อ.",
        "ก.จ.",
        "ก.ถ.",
        "ก.ค.",
        "ก.ค.ศ.",
        "ก.ศ.",
        "อ.ก.ร.",
        "ก.ต.",
        "ก.ม.",
        "ม.",
        "ข.",
        "ว.",
        "น.",
        "จ.",
        "อ.",
        "ต.",
        "ถ.",
        "ซ.",
        "ร.",
        "ส.",
        "ส.ส.",
        "ส.ว.",
        "ส.ค.ส.",
        "ม.ค.",
        "มี.ค.",
        "เม.ย.",
        "พ.ค.",
        "มิ.ย.",
        "ส.ค.",
        "ก.ย.",
        "ต.ค.",
        "พ.ย.",
        "ธ.ค.",  # ก.พ. above
        "ผวจ.",
        "กทม.",
        "ครม.",
        "อปท.",
        "อบจ.",
        "อบต.",
        "สนง.",
        "จนท.",
    }
)

_DICT: dict[str, object] = {}


def _dict() -> tuple[frozenset[str], dict[str, int]]:
    """(known words, TNC frequencies of short words); loaded on first use."""
    if not _DICT:
        from pythainlp.corpus import thai_words

        words = thai_words()
        # Single consonants in the list (ฆ ฏ ฒ) are letter names, not words in running text:
        # a lone consonant token is almost always a broken word (เรื่องกฏ → เรื่อ|งก|ฏ).
        known = frozenset(w for w in words if len(w) > 1) | _BUILTIN_WORDS
        _DICT["known"] = known
        _DICT["freq"] = short_word_freqs()
    return _DICT["known"], _DICT["freq"]  # type: ignore[return-value]


# A word of 1 to 3 letters and its count, one per line of the TNC frequency list.
_SHORT_FREQ = re.compile(r"^([^\t\n]{1,3})\t([^\t\n]*)", re.M)


def short_word_freqs() -> dict[str, int]:
    """The Thai National Corpus's count of each word of 1 to 3 letters (what is_rare_short asks):
    pythainlp's ``tnc_freq.txt``, the list its ``tnc.word_freqs()`` reads, read by one regular
    expression in 15 ms instead of 90 ms for all 100,000 pairs (tests/test_thai_wordlist.py
    checks that both give the same)."""
    from importlib.resources import files

    text = files("pythainlp.corpus").joinpath("tnc_freq.txt").read_text(encoding="utf-8-sig")
    return {word: int(count) for word, count in _SHORT_FREQ.findall(text)}


# ---------------------------------------------------------------------------------------------
# Cutting text into words, with a cache bounded in bytes


T = TypeVar("T")


class BytesLRU(Generic[T]):
    """Least recently used entries (a str key, a tuple value), at most ``limit`` bytes (estimated)
    in all; an entry bigger than a quarter of that is not kept."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self._d: OrderedDict[str, tuple[T, ...]] = OrderedDict()

    @staticmethod
    def cost(run: str, toks: tuple[object, ...]) -> int:
        # a str of Thai takes 2 bytes a character plus ~50 bytes; the tuple 8 bytes an item, and
        # each item (a str or a Finding) ~60 bytes more
        return 4 * len(run) + 64 * len(toks) + 200

    def get(self, run: str) -> tuple[T, ...] | None:
        toks = self._d.get(run)
        if toks is not None:
            self._d.move_to_end(run)
        return toks

    def put(self, run: str, toks: tuple[T, ...]) -> None:
        c = self.cost(run, toks)
        if c > self.limit // 4:
            return
        self._d[run] = toks
        self.size += c
        while self.size > self.limit:
            old, old_toks = self._d.popitem(last=False)
            self.size -= self.cost(old, old_toks)


_TokenCache = BytesLRU
_CACHE: BytesLRU[str] = BytesLRU(32 * 1024 * 1024)


def tokens(run: str) -> tuple[str, ...]:
    toks = _CACHE.get(run)
    if toks is None:
        from pythainlp.tokenize import word_tokenize

        from .wordlist import thai_words

        toks = tuple(word_tokenize(run, custom_dict=thai_words(), engine="newmm"))
        _CACHE.put(run, toks)
    return toks


def is_word_token(tok: str) -> bool:
    return all(is_thai_letter(c) for c in tok)


def known(tok: str, allow: frozenset[str]) -> bool:
    words, _ = _dict()
    return tok in words or tok in allow


def is_rare_short(tok: str, allow: frozenset[str]) -> bool:
    words, freq = _dict()
    return 2 <= len(tok) <= 3 and tok in words and tok not in allow and freq.get(tok, 0) < 1000


# ---------------------------------------------------------------------------------------------
# Work budget


class OutOfBudget(Exception):
    pass


class Budget:
    """Work allowed for one text, in characters cut into words (about a microsecond each)."""

    # Real text, even whole documents with their spaces removed, uses at most about half of this.
    BASE = 10_000
    PER_CHAR = 8

    def __init__(self, text: str) -> None:
        self.left = self.BASE + self.PER_CHAR * len(text)
        self.stopped: int | None = None  # offset in the text where a check stopped

    def spend(self, units: int) -> None:
        """Take ``units`` from the budget, or raise :class:`OutOfBudget` when they are not left."""
        if units > self.left:
            self.left = 0
            raise OutOfBudget
        self.left -= units

    def charge(self, units: int) -> None:
        """Take ``units`` for work that is done in any case (it is linear in the text's length)."""
        self.left = max(0, self.left - units)

    def stop(self, at: int) -> None:
        self.stopped = at if self.stopped is None else min(self.stopped, at)


def _budget(ctx: Context) -> Budget:
    return ctx.memo("budget", lambda: Budget(ctx.text))  # type: ignore[return-value]


def _cut(s: str, budget: Budget, must: bool = False) -> tuple[str, ...]:
    """``s`` cut into words, paid from the budget (``must``: work that is done in any case)."""
    if must:
        budget.charge(len(s))
    else:
        budget.spend(len(s))
    return tokens(s)


def _oov_count(s: str, allow: frozenset[str], budget: Budget, must: bool = False) -> int:
    return sum(
        1
        for piece in s.split(" ")
        if piece
        for t in _cut(piece, budget, must)
        if is_word_token(t) and not known(t, allow)
    )


# ---------------------------------------------------------------------------------------------
# Allow-listed words


@lru_cache(maxsize=64)
def _allow_regex(allow: frozenset[str]) -> re.Pattern[str] | None:
    words = sorted((w for w in allow if w), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


def allow_spans(text: str, allow: frozenset[str]) -> list[tuple[int, int]]:
    rx = _allow_regex(allow)
    return [(m.start(), m.end()) for m in rx.finditer(text)] if rx else []


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a <= s and e <= b for a, b in spans)


# ---------------------------------------------------------------------------------------------
# What U04 and D01 share for one text

# Dotted abbreviations (พ.ร.บ., อ.ก.พ.) and ฯลฯ-type forms are masked before tokenising.
_ABBREV = re.compile(f"(?<![{LETTERS}.])(?:[{CONS}][{LETTERS}]{{0,3}}\\.)+|\u0e2f[{CONS}]{{1,3}}\u0e2f")
_THAI_RUN = re.compile(f"[{LETTERS}]+")
_ANY_LETTER = re.compile(f"[{LETTERS}]")
_EXT_RUN = re.compile(f"(?:[{LETTERS}]|(?<=[{CONS}{MARKS}]) (?=[\u0e32\u0e33]))+")
_MOVABLE = re.compile(f"[{CONS}][{CONS}]([\u0e31\u0e34-\u0e37\u0e47{TONES}\u0e4c]+)")
_EDIT_ALPHABET = [chr(c) for c in range(0x0E01, 0x0E4F) if is_thai_letter(chr(c))]


def _allowed(ctx: Context) -> list[tuple[int, int]]:
    return ctx.memo("allowed", lambda: allow_spans(ctx.text, ctx.allow))  # type: ignore[return-value]


def _masked(ctx: Context) -> tuple[str, list[Finding]]:
    """The text with dotted abbreviations blanked out, and the unknown abbreviations (D01)."""

    def compute() -> tuple[str, list[Finding]]:
        text, allow = ctx.text, ctx.allow
        words, _ = _dict()
        allowed = _allowed(ctx)
        found: list[Finding] = []
        masked = list(text)
        for m in _ABBREV.finditer(text):
            a = m.group()
            # Unknown dotted abbreviations with two or more parts (a typo such as "พ.ร." for "พ.ร.บ.").
            if a.count(".") >= 2 and a not in words and a not in allow and not _inside(allowed, m.start(), m.end()):
                found.append(Finding("D01", m.start(), m.end(), a, None))
            masked[m.start() : m.end()] = " " * (m.end() - m.start())
        return "".join(masked), found

    return ctx.memo("masked", compute)  # type: ignore[return-value]


def _edits1(w: str, budget: Budget) -> set[str]:
    budget.spend(_EDIT_COST * len(w))
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    out = {a + c + b for a, b in splits for c in _EDIT_ALPHABET}  # omitted character
    out |= {a + c + b[1:] for a, b in splits if b for c in _EDIT_ALPHABET}  # wrong character
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}  # swapped characters
    return out


# budget units per character of a word whose one-letter edits are tried (measured: ~2 × 70 edits)
_EDIT_COST = 40


# ---------------------------------------------------------------------------------------------
# U04 PDF-font mojibake


@rule(
    "U04",
    "error",
    langs=TH,
    th=(
        "ตัวอักษรเพี้ยนจากแบบอักษรของ PDF: สระหรือวรรณยุกต์สลับที่หรือกลายเป็นตัวอื่น "
        "(เช่น “ส ำนกังำน” แทน “สำนักงาน”, “ครบถว้น” แทน “ครบถ้วน”)"
    ),
    en=(
        "Thai garbled by a PDF font: vowels or tone marks are displaced or replaced "
        "(e.g. “ส ำนกังำน” for “สำนักงาน”, “ครบถว้น” for “ครบถ้วน”)."
    ),
    fix_th="พิมพ์คำนี้ใหม่ หรือตรวจดูแล้วใช้ข้อความที่ระบบแนะนำ",
    fix_en="Retype the word, or check and accept the suggested text.",
)
def u04(text: str, ctx: Context) -> list[Finding]:
    return list(_u04_findings(ctx))


def _u04_findings(ctx: Context) -> list[Finding]:
    """A repair is accepted only when it turns unknown words into known ones."""

    def compute() -> list[Finding]:
        if not _ANY_LETTER.search(ctx.text):
            return []
        masked_text, _ = _masked(ctx)
        allowed = _allowed(ctx)
        budget = _budget(ctx)
        out = []
        for m in _EXT_RUN.finditer(masked_text):
            if _inside(allowed, m.start(), m.end()):
                continue
            f = _u04_run(m.group(), m.start(), ctx.allow, budget)
            if f:
                out.append(f)
        return out

    return ctx.memo("u04", compute)  # type: ignore[return-value]


def _join_split(run: str) -> tuple[str, list[int]]:
    """Undo the PDF split of ำ ("ส านัก", "ส ำนัก" → "สำนัก"); also map joined → run offsets."""
    out, where = [], []
    i = 0
    while i < len(run):
        if run[i] == " " and i + 1 < len(run) and run[i + 1] in (SARA_AA, SARA_AM):
            out.append(SARA_AM)
            where.append(i)
            i += 2
            continue
        out.append(run[i])
        where.append(i)
        i += 1
    where.append(len(run))
    return "".join(out), where


def _heading_font_fix(run: str) -> str:
    """The heading font of some PDFs stores ำ as "space + ำ" and า as ำ (อ ำนำจ → อำนาจ).

    Returns a string aligned with ``_join_split(run)[0]`` (one character per split ำ).
    """
    s = run.replace(" \u0e33", "\0").replace(" \u0e32", "\1")
    return s.replace(SARA_AM, SARA_AA).replace("\0", SARA_AM).replace("\1", SARA_AM)


# A piece of text up to this long is repaired as a whole; in a longer one, only windows around
# the unknown words are (each at most about this long).
_WINDOW = 48
_MAX_MOVES = 8
_CONTEXT = 2  # words on each side of an unknown word in its window


def _fix_displaced(s: str, allow: frozenset[str], budget: Budget) -> tuple[str, int | None]:
    """Move marks displaced one consonant to the right back: จงัหวัด → จังหวัด.

    Moves never cross a space, so each space-separated piece is repaired on its own. Returns the
    repaired text and, when the budget ran out, the offset from which nothing was tried."""
    out, off, stopped = [], 0, None
    for p in s.split(" "):
        fixed = p
        if stopped is None:
            fixed, at = _fix_piece(p, allow, budget)
            if at is not None:
                stopped = off + at
        out.append(fixed)
        off += len(p) + 1
    return " ".join(out), stopped


def _fix_piece(p: str, allow: frozenset[str], budget: Budget) -> tuple[str, int | None]:
    if not _MOVABLE.search(p):
        return p, None
    if len(p) <= _WINDOW:
        try:
            return _fix_greedy(p, allow, budget), None
        except OutOfBudget:
            return p, 0
    # Only a window around an unknown word can gain from a move: elsewhere every word is known.
    bounds, pos = [], 0
    for t in _cut(p, budget, must=True):
        bounds.append((pos, pos + len(t), t))
        pos += len(t)
    windows: list[list[int]] = []
    for i, (_, _, t) in enumerate(bounds):
        if not is_word_token(t) or known(t, allow):
            continue
        lo, hi = bounds[max(i - _CONTEXT, 0)][0], bounds[min(i + _CONTEXT, len(bounds) - 1)][1]
        if windows and lo < windows[-1][1]:
            if hi - windows[-1][0] <= _WINDOW:
                windows[-1][1] = max(windows[-1][1], hi)
                continue
            lo = windows[-1][1]
        windows.append([lo, hi])
    out, last = [], 0
    for lo, hi in windows:
        try:
            fixed = _fix_greedy(p[lo:hi], allow, budget)
        except OutOfBudget:
            out.append(p[last:])
            return "".join(out), lo
        out += [p[last:lo], fixed]
        last = hi
    out.append(p[last:])
    return "".join(out), None


def _fix_greedy(s: str, allow: frozenset[str], budget: Budget) -> str:
    """Each time, the one move that leaves the fewest unknown words; at most ``_MAX_MOVES``."""
    cur, cur_oov = s, _oov_count(s, allow, budget)
    for _ in range(_MAX_MOVES):
        if cur_oov == 0:
            break
        best, best_oov = None, cur_oov
        for m in _MOVABLE.finditer(cur):
            a = m.start()
            cand = cur[: a + 1] + m.group(1) + cur[a + 1] + cur[m.end() :]
            n = _oov_count(cand, allow, budget)
            if n < best_oov:
                best, best_oov = cand, n
        if best is None:
            break
        cur, cur_oov = best, best_oov
    return cur


def _u04_run(run: str, base: int, allow: frozenset[str], budget: Budget) -> Finding | None:
    joined, where = _join_split(run)
    before = _oov_count(joined, allow, budget, must=True)
    if before == 0:
        return None  # nothing unknown (a plain split ำ is U02's business)
    tries = [_fix_displaced(joined, allow, budget)]
    if SARA_AM in run and tries[0][1] is None:  # (when the budget ran out, the first try says where)
        tries.append(_fix_displaced(_heading_font_fix(run), allow, budget))
    stops = [at for _, at in tries if at is not None]
    if stops:
        budget.stop(base + where[min(stops)])
    candidates = [fixed for fixed, _ in tries]
    scored = sorted((_oov_count(c, allow, budget, must=True), i, c) for i, c in enumerate(candidates))
    for after, _, fixed in scored:
        if len(fixed) != len(joined) or fixed == joined or after >= before:
            continue
        # the changed stretch, widened to the repaired text's word boundaries
        diff = [i for i in range(len(fixed)) if fixed[i] != joined[i]]
        lo, hi = diff[0], diff[-1] + 1
        pos, words = 0, []
        for t in _cut(fixed, budget, must=True):
            words.append((pos, pos + len(t), t))
            pos += len(t)
        touched = [w for w in words if w[0] < hi and w[1] > lo]
        if any(
            is_word_token(t) and (not known(t, allow) or is_rare_short(t, allow) or len(t) < 2) for _, _, t in touched
        ):
            continue
        lo, hi = touched[0][0], touched[-1][1]
        fs, fe = where[lo], where[hi]
        return Finding("U04", base + fs, base + fe, run[fs:fe], fixed[lo:hi])
    return None


# ---------------------------------------------------------------------------------------------
# D01 words not in the dictionary


@rule(
    "D01",
    "warning",
    langs=TH,
    th="ไม่พบคำนี้ในพจนานุกรม อาจสะกดผิดหรือตัวอักษรเพี้ยน (เช่น “สารสนทศ”, “อนัเป็น”)",
    en="Word not in the dictionary: possibly misspelt or garbled (e.g. “สารสนทศ”, “อนัเป็น”).",
    fix_th=("ตรวจการสะกด ถ้าถูกต้องแล้ว (เช่น ชื่อบุคคล ชื่อสถานที่ ศัพท์เฉพาะ) ให้เพิ่มคำนี้ในไฟล์ data/thai-allowlist.txt บรรทัดละหนึ่งคำ"),
    fix_en=(
        "Check the spelling. If it is correct (a person's or place name, a technical term), "
        "add the word to data/thai-allowlist.txt, one word per line."
    ),
    # the same problem as a garbled word, and meaningless while its chunk has an encoding error
    suppressed_by=[overlapping("U04"), chunk_touching("U01", "U02", "U03", "U05", "U06", "U07", "U08")],
)
def d01(text: str, ctx: Context) -> list[Finding]:
    if not _ANY_LETTER.search(text):
        return []
    allow = ctx.allow
    words, _ = _dict()
    allowed = _allowed(ctx)
    budget = _budget(ctx)
    masked_text, abbrevs = _masked(ctx)
    out: list[Finding] = list(abbrevs)
    u04 = _u04_findings(ctx)  # a near miss inside a garbled word is not looked for

    def ok(s: int, e: int, t: str) -> bool:
        return not is_word_token(t) or known(t, allow) or _inside(allowed, s, e)

    for m in _THAI_RUN.finditer(masked_text):
        run, base = m.group(), m.start()
        toks = _cut(run, budget, must=True)
        pos = []
        p = base
        for t in toks:
            pos.append((p, p + len(t), t))
            p += len(t)

        # plain unknown words: merge neighbours that are unknown or rare and short
        i = 0
        while i < len(pos):
            s, e, t = pos[i]
            if ok(s, e, t):
                i += 1
                continue
            j = i
            while j + 1 < len(pos) and (not ok(*pos[j + 1]) or is_rare_short(pos[j + 1][2], allow)):
                j += 1
            while i > 0 and is_rare_short(pos[i - 1][2], allow) and not _inside(allowed, *pos[i - 1][:2]):
                i -= 1
            s, e = pos[i][0], pos[j][1]
            if len(run) <= 12:
                s, e = base, base + len(run)
            elif i > 0:
                # newmm may have cut the word before into pieces (เรื่องกฏ → เรื่อ|งก|ฏ):
                # give the longest known word on the left back to it (เรื่อง|กฏ).
                ls = pos[i - 1][0]
                for k in range(e - ls - 1, s - ls - 1, -1):
                    head = text[ls : ls + k]
                    if len(head) >= 2 and head in words and not is_rare_short(head, allow):
                        s = ls + k
                        break
            found = text[s:e]
            cands: set[str] = set()
            if 4 <= len(found) <= 20:
                try:
                    cands = {c for c in _edits1(found, budget) if c in words and len(c) >= 4}
                except OutOfBudget:
                    budget.stop(s)  # no suggestion from here on
            out.append(Finding("D01", s, e, found, cands.pop() if len(cands) == 1 else None))
            i = j + 1

        # near misses made of real but rare short words: สารสนทศ → สาร|สน|ทศ (สารสนเทศ)
        _near_misses(text, pos, allow, allowed, budget, u04, out, ok)
    return out


def _near_misses(text, pos, allow, allowed, budget, u04, out, ok) -> None:  # type: ignore[no-untyped-def]
    """Append to ``out`` the near misses in the words ``pos`` of one run."""
    words, _ = _dict()
    for k in (3, 2):
        for i in range(len(pos) - k + 1):
            win = pos[i : i + k]
            if not any(is_rare_short(t, allow) for _, _, t in win):
                continue
            if not all(ok(*w) for w in win) or any(_inside(allowed, s, e) for s, e, _ in win):
                continue
            s, e = win[0][0], win[-1][1]
            w = text[s:e]
            if len(w) < 5 or w in words or any(f.start < e and s < f.end for f in (*out, *u04)):
                continue
            try:
                cands = {c for c in _edits1(w, budget) if len(c) >= 6 and c in words}
            except OutOfBudget:
                budget.stop(s)  # no near misses looked for from here on
                return
            # only insertions and substitutions (a deletion suggestion just drops a word)
            cands = {c for c in cands if len(c) >= len(w)}
            if cands:
                out.append(Finding("D01", s, e, w, cands.pop() if len(cands) == 1 else None))


# ---------------------------------------------------------------------------------------------
# D02 the budget ran out


@rule(
    "D02",
    "warning",
    langs=TH,
    th=(
        "ข้อความนี้ยาวเกินกว่าจะตรวจได้ครบ (มีตัวอักษรติดกันยาวมากโดยไม่เว้นวรรค) "
        "ตั้งแต่ตรงนี้ไปการตรวจไม่ครบ: อาจมีตัวอักษรเพี้ยนหรือคำสะกดผิดที่ไม่ได้แจ้ง และไม่มีคำแนะนำการสะกด"
    ),
    en=(
        "This text is too long to check in full (very long stretches of letters without a "
        "space): from here on the check is incomplete, garbled letters or misspellings may be "
        "missed and no spellings are suggested."
    ),
    fix_th="เว้นวรรคระหว่างวลีหรือประโยค หรือแยกข้อความเป็นหลายรายการ แล้วตรวจอีกครั้ง",
    fix_en="Put spaces between phrases or sentences, or split the text into several entries, then check again.",
)
def d02(text: str, ctx: Context) -> list[Finding]:
    at = _budget(ctx).stopped
    if at is None:
        return []
    end = at + 1
    while end < len(text) and end - at < 12 and not text[end].isspace():
        end += 1
    return [Finding("D02", at, end, text[at:end], None)]
