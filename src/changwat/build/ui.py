"""Every interface string of the site, in Thai and English: ``ui.yaml`` (one place; a test checks
that both languages have the same keys)."""

from __future__ import annotations

import functools
from importlib import resources

import yaml

from .urls import LANGS


@functools.cache
def ui_strings() -> dict[str, dict[str, str]]:
    """The interface strings of ``ui.yaml``: {lang: {key: text}}."""
    raw = resources.files("changwat.build").joinpath("ui.yaml").read_text(encoding="utf-8")
    data = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml's when there
    return {lang: {str(k): str(v) for k, v in data[lang].items()} for lang in LANGS}
