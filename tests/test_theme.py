"""The Material overrides in templates/theme/ stay few and loud.

main.html extends Material's base.html and overrides blocks. A partial has no block to extend, so
overriding one means copying it: each copied partial is pinned here to the checksum of the upstream
file it was copied from (Material 9.8.1). When an upgrade of Material changes that file, this test
fails and names it: compare the upstream change with our copy, carry it over, then update the pin.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import material
import pytest

from conftest import REPO

UPSTREAM = Path(material.__file__).parent / "templates"
OURS = REPO / "templates" / "theme"

# partials/<name>.html → sha256 of Material's own file when we copied it (and why we copied it)
PINNED = {
    "alternate.html": "572b1d4dae611aa5fd65107edec95e44331b6141abf86834ea4dc6c1ddd7241b",  # language switcher
    "copyright.html": "bc86bca3bf75070fe5d72e2a3463bdddf87c10f4d6459c945fe81c5d384e35ea",  # footer links
    "search.html": "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",  # dialog's name
    "source.html": "6847616d67be4920d39c278c2799bf20222bbc02ee2a8393aca85e3eaa518752",  # no GitHub API
}


def overridden() -> list[str]:
    return sorted(p.relative_to(OURS / "partials").as_posix() for p in (OURS / "partials").rglob("*.html"))


def test_every_copied_partial_is_pinned() -> None:
    assert overridden() == sorted(n for n in PINNED if (OURS / "partials" / n).exists()), (
        "a partial was added to or removed from templates/theme/partials: pin (or unpin) its upstream checksum"
    )


@pytest.mark.parametrize("name", overridden())
def test_upstream_partial_is_the_one_we_copied(name: str) -> None:
    upstream = UPSTREAM / "partials" / name
    assert upstream.exists(), f"Material no longer has partials/{name}: our override is dead"
    digest = hashlib.sha256(upstream.read_bytes()).hexdigest()
    assert digest == PINNED[name], (
        f"Material's partials/{name} changed since we copied it: carry the change into "
        f"templates/theme/partials/{name}, then update its pin to {digest}"
    )


def test_main_extends_material_base_and_overrides_blocks_only() -> None:
    text = (OURS / "main.html").read_text(encoding="utf-8")
    assert '{% extends "base.html" %}' in text
    base = (UPSTREAM / "base.html").read_text(encoding="utf-8")
    import re

    ours = set(re.findall(r"{%-?\s*block\s+(\w+)", text))
    theirs = set(re.findall(r"{%-?\s*block\s+(\w+)", base))
    assert ours <= theirs, f"main.html overrides blocks Material's base.html does not have: {ours - theirs}"
