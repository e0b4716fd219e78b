"""MkDocs / ProperDocs hook: build speed.

on_env   Material's templates (base.html and its partials, about 40) are compiled by Jinja in each
         language's pass, about a tenth of the build's CPU time: keep their compiled bytecode in the
         project's cache (Project.cache / "jinja", keyed by template name and source checksum, so an
         edited template is compiled again). A cold cache only costs the compiling it saves next time.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from changwat.project import Project


def on_env(env, config, files):
    root = Path(config.config_file_path).resolve().parent
    folder = Project.from_config(config, root).cache / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env
