"""What build/html.py mends in the pages Material prints (the Nu Html Checker run on the whole
site, tests/test_html_valid.py, is the judge; these are the cases, small)."""

from __future__ import annotations

from changwat.build import html

PAGE = (
    '<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
    '<input type="search" name="q" autocomplete="off">'
    '<label class="md-overlay" for="__drawer"></label><label class="md-nav__title" for="__toc">Contents</label>'
    '<article class="md-content__inner"><p>autocomplete="off" for="__toc" is text here</p></article></body>'
)


def test_checkboxes_lose_autocomplete_other_inputs_keep_it():
    out = html.conform(PAGE)
    assert 'id="__drawer">' in out and '<input type="search" name="q" autocomplete="off">' in out


def test_a_label_for_a_missing_control_keeps_its_text_and_loses_for():
    out = html.conform(PAGE)
    assert '<label class="md-overlay" for="__drawer">' in out  # its control exists
    assert '<label class="md-nav__title">Contents</label>' in out


def test_the_content_is_left_as_it_is():
    out = html.conform(PAGE)
    assert out.endswith('<p>autocomplete="off" for="__toc" is text here</p></article></body>')
    assert html.conform("<p>no article</p>") == "<p>no article</p>"


def test_an_id_counts_only_as_an_attribute_of_its_own():
    """data-id="__toc" is not the id __toc: the label loses its for; an id after a newline counts."""
    page = (
        '<body><div data-id="__toc"></div><input type="checkbox"\nid="__drawer">'
        '<label for="__toc">Contents</label><label for="__drawer"></label><article></article></body>'
    )
    out = html.conform(page)
    assert "<label>Contents</label>" in out and '<label for="__drawer">' in out
