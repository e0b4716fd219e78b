"""The 404 page: Thai and English, the reader's language first (an address under /en/ is English),
search and links home that work at any depth, in headless Chromium against the built site served
like GitHub Pages serves it (missing address → 404.html with status 404)."""

from __future__ import annotations

import pytest

from changwat.build.ui import ui_strings


@pytest.mark.parametrize(
    ("path", "lang"),
    [("en/provinces/atlantis/", "en"), ("provinces/atlantis/", "th"), ("no/such/deep/path/here", "th")],
)
def test_missing_address_answers_in_the_readers_language(built_site, browser, path: str, lang: str) -> None:
    page = browser.new_page()
    try:
        response = page.goto(built_site.url + path)
        assert response is not None and response.status == 404
        assert page.evaluate("document.documentElement.lang") == lang
        first = page.locator("#cw-404 section").first
        assert first.get_attribute("lang") == lang
        assert first.locator("h1").inner_text() == ui_strings()[lang]["nf_title"]
        other = "th" if lang == "en" else "en"
        assert page.locator(f'#cw-404 section[lang="{other}"] h1').inner_text() == ui_strings()[other]["nf_title"]
        ui = ui_strings()[lang]
        assert page.title() == f"{ui['nf_title']} - {ui['home_title']}"
        assert page.locator(".md-header__topic").first.inner_text().strip() == ui["home_title"]
        home = built_site.url + ("en/" if lang == "en" else "")
        assert page.evaluate("document.querySelector('.md-header__button.md-logo').href") == home
        links = page.eval_on_selector_all(f'#cw-404 section[lang="{lang}"] a', "as => as.map(a => a.href)")
        assert links == [home, home + "provinces/", home + "open-data/"]
        for href in links:  # every link of the page resolves
            assert page.request.get(href).status == 200
    finally:
        page.close()


def test_search_box_opens_the_sites_search(built_site, browser) -> None:
    page = browser.new_page()
    try:
        page.goto(built_site.url + "en/nowhere/")
        page.fill("#cw-404-q-en", "Mukdahan")
        with page.expect_navigation():
            page.press("#cw-404-q-en", "Enter")
        assert page.url.startswith(built_site.url + "en/?q=Mukdahan")
        assert page.locator("input[name=query]").input_value() == "Mukdahan"
    finally:
        page.close()
