"""The named string kinds of the data format: one table, read by validation (pattern, names and
example in messages), the JSON Schema (pattern) and the field reference.

A model field declares its kind in its metadata (``kind="date_be"``); :data:`KINDS` says what
such a value looks like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """A named string format: its pattern, its name for editors in Thai and English, an example."""

    name: str
    pattern: str
    th: str
    en: str
    example: str

    @property
    def regex(self) -> re.Pattern[str]:
        return COMPILED[self.name]


_SLUG = r"^[a-z]+(-[a-z]+)*$"
_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("id", _ID, "รหัส", "id", "strategy-group (a-z, 0-9, -)"),
        Kind("slug", _SLUG, "รหัสจังหวัด", "province slug", "ang-thong"),
        Kind("province_ref", _SLUG, "รหัสจังหวัด", "province slug", "ang-thong"),
        Kind("law_ref", _ID, "รหัสกฎหมาย", "law id", "state-admin-act-2534"),
        Kind("source_ref", _ID, "รหัสแหล่งที่มา", "source id", "seed-000"),
        Kind("section", r"^[0-9]+(/[0-9]+)?$", "เลขมาตรา", "section number", '"52/1"'),
        Kind(
            "date_be",
            r"^2[45][0-9]{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
            "วันที่ พ.ศ.",
            "Buddhist Era date",
            '"2516-08-28"',
        ),
        # Web, mail and phone links only (never javascript:, data:, //host, ...), and nothing a reader or
        # a browser could be misled by: no spaces, quotes, angle brackets, backticks or backslashes, no
        # control, invisible or bidi characters. "$(?!\n)": Python's $ would also match before a final
        # line break. (No needless escapes: editors compile the JSON Schema's copy with JavaScript's u flag.)
        Kind(
            "url",
            (
                r"^(?:(?:https?://|mailto:)[^\s"
                '"'
                r"'<>\\`\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e"
                r"\u2060-\u206f\ufeff]+|tel:\+?[0-9]+)$(?!\n)"
            ),
            "ที่อยู่เว็บ",
            "web address",
            "https://www.angthong.go.th/",
        ),
        Kind("phone", r"^\+?[0-9][0-9 -]{5,20}[0-9]$", "หมายเลขโทรศัพท์", "phone number", '"0 3561 1234"'),
        Kind(
            "email",
            r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$",
            "อีเมล",
            "e-mail address",
            "saraban@angthong.go.th",
        ),
    )
}

COMPILED = {k.name: re.compile(k.pattern) for k in KINDS.values()}


# ---------------------------------------------------------------------------------------------
# URLs: what the pattern cannot say. One rule for the validator (check/convert.py: K15 errors, K16
# and K17 warnings) and the renderer (a link is made only when url_problem() is None).

# Default-ignorable or blank-looking code points that are letters or symbols by category (so not
# caught as Cf/Z*): Hangul fillers, Khmer inherent vowels, Mongolian selectors, braille blank,
# combining grapheme joiner.
_BLANKS = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u2800\u3164\uffa0")
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})


def _host_of(url: str) -> tuple[str, str] | None:
    """(userinfo-and-host, host without port) of an http(s) URL, or None for other schemes."""
    m = re.match(r"^https?://([^/?#]*)", url)
    if not m:
        return None
    netloc = m.group(1)
    host = netloc
    port = re.search(r":([^:\]]*)$", host)
    if port:
        host = host[: port.start()]
    return netloc, host


def url_problem(value: str) -> tuple[str, str] | None:
    """Why a URL must not be published as a link, as (Thai, English); None when it may.

    Beyond the ``url`` kind's pattern (http, https, mailto, tel only; no spaces, quotes, brackets):
    no user name or password before the host (``https://www.krabi.go.th@evil.example/`` goes to
    evil.example), a real host name (not empty, not localhost, not an IP address), ``mailto:`` with
    exactly one address and no ``?`` headers (``?bcc=``, ``&body=``), and no invisible character of
    any kind (format, control or unassigned characters, Hangul fillers, a combining mark with no
    letter to sit on)."""
    import ipaddress
    import unicodedata

    if not COMPILED["url"].fullmatch(value):
        return ("ไม่ใช่ที่อยู่เว็บ อีเมล หรือโทรศัพท์", "not a web, mail or phone address")
    prev = ""
    for ch in value:
        cat = unicodedata.category(ch)
        if (
            cat in _INVISIBLE
            or ch in _BLANKS
            or (cat[0] == "M" and not (prev and unicodedata.category(prev)[0] in "LM"))
        ):
            code = f"U+{ord(ch):04X}"
            return (f"มีอักขระที่มองไม่เห็น {code}", f"it contains the invisible character {code}")
        prev = ch
    if value.startswith("tel:"):
        return None
    if value.startswith("mailto:"):
        address = value[len("mailto:") :]
        if "?" in address:
            return (
                "ลิงก์อีเมลมีส่วนหลังเครื่องหมาย ? (เช่น bcc= หรือ body=) ซึ่งอาจส่งสำเนาไปที่อื่น",
                "the mail link has a part after ? (such as bcc= or body=) that can copy mail elsewhere",
            )
        if not COMPILED["email"].fullmatch(address):
            return ("ลิงก์อีเมลต้องมีอีเมลเดียวที่ถูกต้อง", "a mail link must hold exactly one valid e-mail address")
        return None
    netloc, host = _host_of(value) or ("", "")
    if "@" in netloc:
        return (
            "มีชื่อผู้ใช้หรือรหัสผ่านก่อนชื่อโดเมน (ส่วนก่อน @) เบราว์เซอร์จะไปที่โดเมนหลัง @",
            "it has a user name or password before the host (the part before @); browsers go to the host after @",
        )
    if not host:
        return ("ไม่มีชื่อโดเมน", "it has no host name")
    port = netloc[len(host) + 1 :] if len(netloc) > len(host) else ""
    if port and not port.isdigit():
        return ("หมายเลขพอร์ตไม่ถูกต้อง", "the port after the host is not a number")
    bare = host.strip("[]")
    try:
        ipaddress.ip_address(bare)
        is_ip = True
    except ValueError:
        is_ip = False
    lowered = host.lower().rstrip(".")
    if is_ip or host.startswith("[") or lowered == "localhost" or lowered.endswith(".localhost"):
        return ("ไม่ใช่ที่อยู่เว็บสาธารณะ (localhost หรือหมายเลข IP)", "not a public web address (localhost or an IP address)")
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return ("ชื่อโดเมนไม่ถูกต้อง", "the host is not a valid domain name")
    labels = ascii_host.lower().rstrip(".").split(".")
    if len(labels) < 2 or not all(re.fullmatch(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?", label) for label in labels):
        return ("ชื่อโดเมนไม่ถูกต้อง", "the host is not a valid domain name")
    return None


def url_host(value: str) -> tuple[str, str] | None:
    """(host as written, the ASCII host browsers go to) of an acceptable http(s) URL, else None."""
    parts = _host_of(value)
    if parts is None or url_problem(value) is not None:
        return None
    host = parts[1]
    return host, host.encode("idna").decode("ascii").lower()


def url_warnings(value: str, official: bool = False) -> list[tuple[str, dict[str, str]]]:
    """Warnings (problem code, message arguments) for an acceptable URL: a host written with
    non-ASCII letters or punycode (K16, naming the decoded host and the letters), and for an
    office's official website (``official``) a host outside .go.th (K17)."""
    import unicodedata

    out: list[tuple[str, dict[str, str]]] = []
    hosts = url_host(value)
    if hosts is not None:
        written, ascii_host = hosts
        if not written.isascii() or any(label.startswith("xn--") for label in ascii_host.split(".")):
            decoded = ascii_host.encode("ascii").decode("idna")
            odd = sorted({c for c in written + decoded if not c.isascii()})
            letters = ", ".join(f"{c} (U+{ord(c):04X} {unicodedata.name(c, '?')})" for c in odd)
            out.append(("K16", {"decoded": decoded, "ascii": ascii_host, "letters": letters}))
    if official:
        host = hosts[1] if hosts is not None else ""
        if not (host == "go.th" or host.endswith(".go.th")):
            out.append(("K17", {"host": host or value}))
    return out
