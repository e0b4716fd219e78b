"""Keeping data inert: one line of text, ASCII ids, links only where we can
trust them. Used by the views (build/views.py) and the renderer; see render.py for the whole story
of how data stays text."""

from __future__ import annotations

import re

from ..model.kinds import url_problem

_LINEBREAKS = re.compile(r"[\r\n\u0085\u2028\u2029\t\x0b\x0c]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_ID_BAD = re.compile(r"[^a-z0-9]+")
_SAFE_URL = re.compile(r"^(https?://[^\s<>\"']+|mailto:[^\s<>\"']+|tel:\+?[0-9]+)$", re.IGNORECASE)


def clean(s: str) -> str:
    """One line of text: line breaks and tabs become a space, control characters go (never NFKC)."""
    return _CONTROLS.sub("", _LINEBREAKS.sub(" ", s)).strip()


def html_id(*parts: str) -> str:
    """An ASCII id from ids that the validator already restricted to [a-z0-9-]."""
    return "-".join(_ID_BAD.sub("-", p.lower()).strip("-") or "x" for p in parts)


def safe_url(url: str | None) -> str | None:
    """A URL fit for href: http(s), mailto or tel only, and nothing the validator would refuse to
    link (model/kinds.py url_problem: no user name before the host, no mail headers, no invisible
    characters, a real host); None for anything else, which is then shown as text."""
    if not url:
        return None
    url = clean(url)
    return url if _SAFE_URL.match(url) and url_problem(url) is None else None


def tel_url(phone: str) -> str | None:
    digits = re.sub(r"[^0-9+]", "", phone)
    return f"tel:{digits}" if re.fullmatch(r"\+?[0-9]{6,20}", digits) else None


def percent(done: int, total: int) -> int:
    """Rounded down, so that 100 means every text is translated."""
    return 100 if total == 0 else (100 * done) // total
