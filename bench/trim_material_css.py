"""Cut Material's stylesheet down to the rules the site can use; the output is committed.

    .venv/bin/python bench/trim_material_css.py   # builds the site, writes
                                                  # templates/theme/assets/stylesheets/material.min.css

Material's main.*.min.css (138 kB, 22.7 kB gzip) styles every component Material has: admonitions,
tabs, code blocks, tables, blog, tags … with icons as data URIs. The site uses a fraction, and the
stylesheet blocks the first paint, so templates/theme/main.html links this trimmed copy instead.

A rule is kept when each of its selectors names only classes and attributes that occur in the built
pages or in the scripts that run on them (Material's bundle, which adds classes as it goes, and ours):
a word test, so anything that could match is kept. Selectors inside :is()/:where()/:has() are kept
whole; :not(...) never removes a rule. @media, @supports and @layer blocks are trimmed inside;
@font-face, @keyframes and the like are kept as they are. Custom properties that nothing reads (the
icons of unused components) are dropped last.

Run it again after upgrading Material or when pages start using another Material component:
tests/test_speed_budget.py fails, naming the classes, when the built pages use a class of Material's
stylesheet that the trimmed copy lacks, or when the copy was made from another Material version.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "templates" / "theme" / "assets" / "stylesheets" / "material.min.css"
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def material_css() -> tuple[Path, str]:
    import material

    pkg = Path(material.__file__).parent
    css = next((pkg / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))
    from importlib.metadata import version

    return css, version("mkdocs-material")


def split_top(text: str, sep: str = ",") -> list[str]:
    """Split at `sep` outside parentheses and brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def parse(s: str, i: int = 0) -> tuple[list, int]:
    """Minified CSS → [(prelude, body)], body a string, a nested list (@media …) or None (@import)."""
    out: list = []
    while i < len(s):
        if s[i] == "}":
            return out, i + 1
        brace, semi = s.find("{", i), s.find(";", i)
        if brace < 0:
            break
        if s[i] == "@" and 0 <= semi < brace:
            out.append((s[i : semi + 1], None))
            i = semi + 1
            continue
        prelude = s[i:brace]
        if re.match(r"\s*@(media|supports|layer|container)\b", prelude):
            inner, i = parse(s, brace + 1)
            out.append((prelude, inner))
            continue
        depth, j = 1, brace + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(s[j], 0)
            j += 1
        out.append((prelude, s[brace + 1 : j - 1]))
        i = j
    return out, i


def selector_may_match(sel: str, used: set[str]) -> bool:
    sel = re.sub(r":not\((?:[^()]|\([^()]*\))*\)", "", sel)
    # alternatives inside :is()/:where()/:has() may match each on its own: keep them whole
    sel = re.sub(r":(is|where|has)\((?:[^()]|\([^()]*\))*\)", "", sel)
    names = re.findall(r"\.([A-Za-z_][A-Za-z0-9_-]*)", sel) + re.findall(r"\[([A-Za-z_][A-Za-z0-9_-]*)", sel)
    return all(n in used for n in names)


def emit(rules: list, used: set[str]) -> str:
    out = []
    for prelude, body in rules:
        if body is None:
            out.append(prelude)
        elif isinstance(body, list):
            inner = emit(body, used)
            if inner:
                out.append(prelude + "{" + inner + "}")
        elif prelude.lstrip().startswith("@"):
            out.append(prelude + "{" + body + "}")
        else:
            selectors = [s for s in split_top(prelude) if selector_may_match(s, used)]
            if selectors:
                out.append(",".join(selectors) + "{" + body + "}")
    return "".join(out)


def drop_unread_properties(css: str, scripts: str) -> str:
    declaration = re.compile(r"(?<=[{;])(--[A-Za-z0-9_-]+):(?:url\([^)]*\)|[^;}])*;?")
    while True:
        read = set(re.findall(r"var\((--[A-Za-z0-9_-]+)", css)) | set(re.findall(r"--[A-Za-z0-9_-]+", scripts))
        trimmed = declaration.sub(lambda m: m.group(0) if m.group(1) in read else "", css)
        trimmed = re.sub(r"(^|})[^{}@]+\{\}", r"\1", trimmed)  # rules left empty
        if trimmed == css:
            return css
        css = trimmed


def used_words(site: Path) -> tuple[set[str], str]:
    words: set[str] = set()
    scripts = []
    for page in site.rglob("*.html"):
        words.update(WORD.findall(page.read_text(encoding="utf-8")))
    for js in (site / "assets" / "javascripts").rglob("*.js"):
        text = js.read_text(encoding="utf-8", errors="replace")
        scripts.append(text)
        words.update(WORD.findall(text))
    return words, "".join(scripts)


def trim(css: str, site: Path) -> str:
    used, scripts = used_words(site)
    rules, _ = parse(re.sub(r"/\*.*?\*/", "", css, flags=re.S))
    return drop_unread_properties(emit(rules, used), scripts)


def main() -> int:
    source, version = material_css()
    css = source.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CHANGWAT_DOCS_DIR": str(Path(tmp) / "docs")}
        (Path(tmp) / "docs").mkdir()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(Path(tmp) / "site")],
            cwd=ROOT,
            env=env,
            check=True,
        )
        out = trim(css, Path(tmp) / "site")
    # the version this copy was made from, at the end (@charset must stay first); the test reads it
    OUT.write_text(
        f"{out}\n/* trimmed from mkdocs-material {version} {source.name} (MIT licence) by "
        f"bench/trim_material_css.py */\n",
        encoding="utf-8",
    )
    import gzip

    print(
        f"{source.name}: {len(css)} bytes ({len(gzip.compress(css.encode()))} gzip) → {OUT.relative_to(ROOT)}: "
        f"{OUT.stat().st_size} bytes ({len(gzip.compress(OUT.read_bytes()))} gzip)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
