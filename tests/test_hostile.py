"""Hostile text: data that looks like code is shown as text, and never runs, on every page.

The fixture (tests/fixtures/hostile/: national.yaml and provinces/ang-thong.yaml) puts the same
payloads into EVERY text field of the model: script and event-handler markup, javascript: and data:
URLs, Markdown links and images, raw HTML blocks, HTML entities, Jinja, MkDocs/Material syntax
(snippets, icons, admonitions, attr_list), bidi overrides and zero-width characters; its URL fields
carry hostile URLs. `changwat validate` rejects such data (Thai lint U06/U14, URL format K06), so the
site is built from it around the validator: tests/fixtures/hostile/hook.py is the real MkDocs hook
with the validator's verdict set aside (URL/e-mail/phone patterns relaxed, Thai lint off). The build
is otherwise the real one: changwat.build.pages.generate, render, docs/, MkDocs, Material, the i18n plugin.

The built HTML is read with html.parser: no <script> but the theme's own (allow-listed by src, type,
or as inline code the normal site has too), no on* attribute, no javascript:/data:/vbscript: URL,
no element the normal site does not have; and every text of the fixture is on its page as literal
visible text (the check of test_nothing_lost.py). <title>, the header, the table of contents, the
JSON-LD and the search index are checked too.

URL fields accept only https:, http:, mailto: and tel: (model.PATTERNS["url"]), tested with many
variants against both the validator and the JSON Schema editors use.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import typing
from dataclasses import is_dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
import yaml
from test_nothing_lost import LANG_ROOTS, check_site, expected, norm, texts_of, visible_text

from changwat import model
from changwat.check.convert import convert
from changwat.cli import main as cli_main
from changwat.load.yaml import load_text
from changwat.model import National, Office, Text
from changwat.project import read_config
from conftest import REPO, VENV_BIN, build_env, project_for, search_index

FIXTURE = Path(__file__).parent / "fixtures" / "hostile"
HOOK = FIXTURE / "hook.py"

# Every text of the fixture carries all of these (the test checks it).
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">j</a>',
    '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
    "<style>*{display:none}</style>",
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "[x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "<javascript:alert(1)>",
    "<https://evil.example/>",
    "\n[r]: javascript:alert(1)\n",
    '\n\n<div onclick="alert(1)">raw html block</div>\n\n',
    "&lt;&amp;&#x41;",
    "{{ 7*7 }}",
    "{% raw %}{{ config.site_name }}{% endraw %}",
    "${7*7}",
    '\n--8<-- "README.md"\n',
    ":material-home:",
    '!!! note "n"\n    admonition',
    "{: onclick=alert(1) }",
    "{ #evil .x onclick=alert(1) }",
    "*em* **strong** `code` ~~del~~ ==mark==",
    "# h",
    "<!-- c -->",
    "]]>",
    "</title></script></textarea>",
    "\"'><b>",
    "\n| a | b |\n|---|---|\n",
    "\u202eRLO\u202c",
    "zero\u200bwidth\u200djoiner\ufeffbom",
    "\u2066isolate\u2069",
]
# Attributes that hold a URL a browser may load or navigate to.
URL_ATTRS = {
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "xlink:href",
    "srcset",
    "data",
    "background",
    "cite",
    "ping",
    "manifest",
    "codebase",
    "longdesc",
}
SITE_URL = "https://changwat.github.io/changwat/"  # the hostile build's site_url
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data|file|blob):", re.I)
INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


def _hook_module():
    spec = importlib.util.spec_from_file_location("changwat_hostile_hook", HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_fixture():
    """The fixture as the build sees it (validator's verdict set aside, the same way as the hook)."""
    dataset, problems = _hook_module().permissive_load_dataset(project_for(FIXTURE))
    errors = [p for p in problems if p.severity == "error"]
    assert not errors, [f"{p.pos} {p.code}" for p in errors]
    return dataset


# ---------------------------------------------------------------------------------------------
# The HTML audit


class Audit(HTMLParser):
    """Elements, attributes and script contents of one HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        if tag == "script":
            self._script, self._buf = a, []

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._buf)))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._buf.append(data)

    def close(self):
        super().close()
        if self._script is not None:  # a <script> that data opened and nothing closed
            self.scripts.append((self._script, "".join(self._buf)))
            self._script = None


def audit(html_text: str) -> Audit:
    a = Audit()
    a.feed(html_text)
    a.close()
    return a


def offences(
    html_text: str, *, where: str, page_url: str, site_dir: Path, allowed_tags: set[str], allowed_inline: set[str]
) -> list[str]:
    """Everything in a document that could run, load or navigate to something the data chose."""
    found: list[str] = []
    doc = audit(html_text)
    for tag, attrs in doc.elements:
        if tag not in allowed_tags:
            found.append(f"{where}: <{tag}> does not occur on the normal site")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"{where}: <{tag} {name}=...> event handler")
            if name in URL_ATTRS and value and BAD_SCHEME.match(INVISIBLE.sub("", value)):
                found.append(f"{where}: <{tag} {name}={value[:60]!r}>")
            if name == "style" and value and re.search(r"url\(|expression\(|javascript:", value, re.I):
                found.append(f"{where}: <{tag} style={value[:60]!r}>")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            found.append(f"{where}: <meta http-equiv=refresh>")
    for attrs, text in doc.scripts:
        kind = (attrs.get("type") or "").lower()
        if attrs.get("src"):
            src = attrs["src"]
            target = local_file(site_dir, page_url, src)
            if target is None or "assets" not in target.relative_to(site_dir.resolve()).parts:
                found.append(f"{where}: <script src={src!r}> is not one of the site's own assets")
        elif kind in ("application/json", "application/ld+json"):
            try:
                json.loads(text)
            except ValueError as e:
                found.append(f"{where}: <script type={kind}> is not JSON (did data end it early?): {e}")
        elif text not in allowed_inline:
            found.append(f"{where}: inline <script> that the normal site does not have: {text[:80]!r}")
    return found


def local_file(site_dir: Path, page_url: str, ref: str) -> Path | None:
    """The file of the built site a reference from the page at page_url ("en/provinces/x/") points
    to, or None if it leaves the site. Root-relative references (404.html) start at site_url's path."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc:
        return None
    path = parts.path
    if path.startswith("/"):
        base = urlsplit(SITE_URL).path
        if not path.startswith(base):
            return None
        target = site_dir / path[len(base) :]
    else:
        target = site_dir / page_url / path
    target = target.resolve()
    if target.is_dir():
        target = target / "index.html"
    root = site_dir.resolve()
    return target if target.is_file() and (target == root or root in target.parents) else None


# ---------------------------------------------------------------------------------------------
# fixtures


@pytest.fixture(scope="module")
def fixture_data():
    return load_fixture()


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """The site built from the hostile fixture by `mkdocs build --strict` (see the module doc)."""
    tmp = tmp_path_factory.mktemp("hostile")
    config = read_config(REPO / "mkdocs.yml")
    others = [str((REPO / h).resolve()) for h in config.get("hooks", []) if Path(h).name != "changwat_site.py"]
    config["hooks"] = [*others, str(HOOK)]
    config.pop("watch", None)
    config["site_url"] = SITE_URL
    config["docs_dir"] = str(tmp / "docs")
    config["theme"]["custom_dir"] = str(REPO / "templates" / "theme")
    config.setdefault("extra", {}).setdefault("changwat", {})["data_dir"] = str(FIXTURE)
    config["extra"]["changwat"]["templates_dir"] = str(REPO / "templates")
    (tmp / "docs").mkdir()
    (tmp / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    result = subprocess.run(
        [str(VENV_BIN / "mkdocs"), "build", "--strict", "-f", str(tmp / "mkdocs.yml"), "-d", str(tmp / "site")],
        cwd=tmp,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "site"


@pytest.fixture(scope="module")
def normal_site_markup(built_site) -> tuple[set[str], set[str]]:
    """Tags and inline scripts of the normal site (the session's build of data/): the theme's own."""
    tags: set[str] = set()
    inline: set[str] = set()
    for path in built_site.dir.rglob("*.html"):
        doc = audit(path.read_text(encoding="utf-8"))
        tags |= {t for t, _ in doc.elements}
        inline |= {text for attrs, text in doc.scripts if not attrs.get("src") and not attrs.get("type")}
    return tags, inline


# ---------------------------------------------------------------------------------------------
# the fixture


def _text_fields(root: type) -> set[tuple[str, str]]:
    """(class, field) of every Text-valued field reachable from a model class."""
    out: set[tuple[str, str]] = set()
    seen: set[type] = set()
    todo = [root]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        hints = typing.get_type_hints(cls, vars(model.records))
        for fl in model.data_fields(cls):
            if fl.metadata.get("editors_only"):
                continue  # not on the pages (the open data has it, as data)
            tp = hints[fl.name]
            args = [a for a in typing.get_args(tp) if a is not type(None)] or [tp]
            for a in args:
                inner = typing.get_args(a)[0] if typing.get_origin(a) is list else a
                if inner is Text:
                    out.add((cls.__name__, fl.name))
                elif isinstance(inner, type) and is_dataclass(inner):
                    todo.append(inner)
    return out


def _fixture_texts(dataset) -> list[tuple[str, Text, object]]:
    return [*texts_of(dataset.national, "national"), *texts_of(dataset.offices["ang-thong"], "office")]


def test_every_text_field_of_the_model_carries_every_payload(fixture_data):
    texts = _fixture_texts(fixture_data)
    covered = {(type(owner).__name__, [c for c in path.split(".") if not c.isdigit()][-1]) for path, _, owner in texts}
    wanted = _text_fields(Office) | _text_fields(National)
    assert wanted - covered == set(), "model text fields without a hostile value in the fixture"
    untranslated = 0
    for path, text, _ in texts:
        for lang in ("th", "en"):
            value = getattr(text, lang)
            if value is None:
                untranslated += 1
                continue
            missing = [p for p in PAYLOADS if p not in value]
            assert not missing, f"{path}.{lang} lacks {missing}"
    assert untranslated >= 10  # English pages show hostile Thai with the "not yet translated" mark too
    office = fixture_data.offices["ang-thong"]
    for url in [
        *(s.url for s in office.sources),
        *(s.url for s in fixture_data.national.sources),
        office.contact.website,
    ]:
        assert _url_problems(url), f"the fixture's URL {url!r} should be one the validator rejects"


def test_the_validator_rejects_the_payloads(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    office = tmp_path / "ang-thong.yaml"
    office.write_text(
        "province: ang-thong\nstatus:\n  th: "
        + json.dumps("ราชการ " + "".join(PAYLOADS), ensure_ascii=False)
        + '\ncontact:\n  website: "javascript:alert(1)"\n',
        encoding="utf-8",
    )
    code = cli_main(["validate", str(office)])
    out = capsys.readouterr().out
    assert code == 1
    for rule in ("[U06]", "[U14]", "[K06]"):
        assert rule in out, rule


# ---------------------------------------------------------------------------------------------
# URL fields: https, http, mailto, tel; nothing else


BAD_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u202ejavascript:alert(1)",
    "javascript&colon;alert(1)",
    "jav&#x61;script:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example",
    "/\\evil.example",
    "evil.example",
    "www.example.go.th",
    "ftp://example.go.th/",
    "http:// evil.example",
    "http://evil .example/",
    "https://evil.example/a b",
    "http://",
    "https://",
    "https:javascript:alert(1)",
    "HTTPS://example.go.th/",
    "https://example.go.th/\n",
    "https://example.go.th/\njavascript:alert(1)",
    'https://example.go.th/"onmouseover="alert(1)',
    "https://example.go.th/'onmouseover='alert(1)",
    'https://example.go.th/"><script>alert(1)</script>',
    "https://example.go.th/<script>",
    "https://example.go.th/`x`",
    "https://example.go.th\\@evil.example",
    "https://evil.example/\u202egpj.exe",
    "https://example.go.th/\u200b",
    "https://exa\u00admple.go.th/",
    "https://example.go.th/\ufeff",
    "https://\u00a0example.go.th/",
    "https://example.go.th/\x00",
    "https://example.go.th/\x7f",
    "https://example.go.th/\x9b",
    "tel:javascript:alert(1)",
    "tel:0 3561 1234",
    "mailto:",
    'mailto:a@b.example"onclick="x',
]
GOOD_URLS = [
    "https://www.angthong.go.th/",
    "http://www.angthong.go.th/index.php?option=com_content&id=1#top",
    "https://th.wikipedia.org/wiki/จังหวัดอ่างทอง",
    "https://xn--o3cw4h.xn--o3cw4h/",
    "https://example.go.th/a%20b",
    "mailto:saraban@angthong.go.th",
    "tel:+6635611234",
    "tel:035611234",
]


def _url_problems(url: str) -> list[str]:
    text = f"province: ang-thong\ncontact:\n  website: {json.dumps(url, ensure_ascii=False)}\n"
    loaded = load_text(text, "ang-thong.yaml")
    convert(loaded, Office)
    return [p.code for p in loaded.problems if p.severity == "error"]


@pytest.fixture(scope="module")
def office_schema():
    return jsonschema.Draft202012Validator(
        json.loads((REPO / "schema" / "office.schema.json").read_text(encoding="utf-8"))
    )


@pytest.mark.parametrize("url", BAD_URLS, ids=[json.dumps(u, ensure_ascii=True)[1:-1] for u in BAD_URLS])
def test_url_fields_reject_anything_but_web_mail_and_phone(url, office_schema):
    assert _url_problems(url), f"changwat validate accepts {url!r}"
    errors = list(office_schema.iter_errors({"province": "ang-thong", "contact": {"website": url}}))
    assert errors, f"the JSON Schema (editors' VS Code) accepts {url!r}"


@pytest.mark.parametrize("url", GOOD_URLS)
def test_url_fields_accept_web_mail_and_phone(url, office_schema):
    assert _url_problems(url) == []
    assert list(office_schema.iter_errors({"province": "ang-thong", "contact": {"website": url}})) == []


# ---------------------------------------------------------------------------------------------
# the built site


def _pages(site_dir: Path) -> list[tuple[str, Path]]:
    """(URL relative to the site root, file) of every page: ("", index.html), ("en/provinces/", ...)."""
    out = []
    for p in site_dir.rglob("index.html"):
        rel = p.parent.relative_to(site_dir).as_posix()
        out.append(("" if rel == "." else rel + "/", p))
    return sorted(out)


def test_built_pages_hold_no_markup_from_data(hostile_site, normal_site_markup):
    tags, inline = normal_site_markup
    pages = _pages(hostile_site)
    assert {"provinces/ang-thong/", "en/provinces/ang-thong/", "standard/", "en/standard/"} <= {u for u, _ in pages}
    found: list[str] = []
    for url, path in [*pages, ("", hostile_site / "404.html")]:
        found += offences(
            path.read_text(encoding="utf-8"),
            where=url or path.name,
            page_url=url,
            site_dir=hostile_site,
            allowed_tags=tags,
            allowed_inline=inline,
        )
    found.sort(key=lambda f: not f.split(": ", 1)[1].startswith(("inline <script", "<script")))  # scripts first
    assert not found, f"{len(found)} offence(s):\n" + "\n".join(found[:40])


def test_every_hostile_text_is_shown_literally(hostile_site, fixture_data):
    problems = check_site(hostile_site, fixture_data.resolved(), fixture_data.national)
    assert not problems, f"{len(problems)} text(s) not shown literally:\n" + "\n".join(problems[:20])


@pytest.mark.parametrize("lang", ["th", "en"])
def test_hostile_urls_are_text_not_links(hostile_site, fixture_data, lang):
    office = fixture_data.offices["ang-thong"]
    html_text = (hostile_site / LANG_ROOTS[lang] / "provinces/ang-thong/index.html").read_text(encoding="utf-8")
    body = re.search(r"<article.*?</article>", html_text, re.S).group(0)
    shown = visible_text(body)
    hrefs = [a.get("href") or "" for t, a in audit(body).elements if t == "a"]
    external = [h for h in hrefs if urlsplit(h).scheme or h.startswith("//")]
    assert all(h.startswith(("https://", "http://", "mailto:", "tel:")) for h in external), external
    for url in [s.url for s in office.sources] + [office.contact.website]:
        if url in hrefs:
            assert url.startswith("https://"), url  # a web link (the one with U+202E: the validator now rejects it)
        else:
            assert norm(url) in shown, f"hostile URL neither linked nor shown: {url!r}"
    for value in [*office.contact.phones, *office.contact.fax, *office.contact.emails]:
        assert norm(value) in shown, value


@pytest.mark.parametrize("lang", ["th", "en"])
def test_title_header_toc_and_json_ld_show_the_text(hostile_site, fixture_data, lang):
    office = fixture_data.offices["ang-thong"]
    html_text = (hostile_site / LANG_ROOTS[lang] / "provinces/ang-thong/index.html").read_text(encoding="utf-8")
    name = expected(office.name, None, lang)
    title = re.search(r"<title>(.*?)</title>", html_text, re.S).group(1)
    assert visible_text(title).startswith(name), title[:200]
    topic = re.search(r'<div class="md-header__topic" data-md-component="header-topic">(.*?)</div>', html_text, re.S)
    assert topic and name in visible_text(topic.group(1))
    toc = re.search(r'<nav class="md-nav md-nav--secondary".*?</nav>\s*</div>', html_text, re.S).group(0)
    toc_text = visible_text(toc)
    for group in office.organisation.groups:
        assert expected(group.name, None, lang) in toc_text
    meta = {a.get("name"): a.get("content") for t, a in audit(html_text).elements if t == "meta"}
    assert norm(meta["description"]).startswith(name)  # escaped once: the reader sees the text
    for attrs, text in audit(html_text).scripts:
        if (attrs.get("type") or "") == "application/ld+json":
            data = json.dumps(json.loads(text), ensure_ascii=False)
            shown = office.name.shown(lang)[0]
            assert json.dumps(shown, ensure_ascii=False)[1:-1] in data  # the exact text, as JSON


def test_search_index_holds_text_not_markup(hostile_site):
    """Pagefind's index holds text (changwat-search.js draws results with text nodes only; tested
    in Chromium by test_search_browser.py): every payload is in it as typed, titles included."""
    literal = 0
    for found in search_index(hostile_site):
        for text in (found["content"], found["meta"].get("title", ""), *(a["text"] for a in found["anchors"])):
            literal += norm(text.replace("\u2060 ", "")).count(norm(PAYLOADS[0] + " " + PAYLOADS[1]))
    assert literal >= 20  # the payloads are in the index, as text
