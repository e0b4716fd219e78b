"""Where a changwat project's files are: one object instead of paths guessed from the package.

A project is a folder with ``mkdocs.yml`` and the data (``data/``: ``national.yaml``,
``provinces/``, ``registry/provinces.csv``, ``thai-allowlist.txt``), the JSON Schemas
(``schema/``), the page templates and theme (``templates/``) and the generated pages (``docs/``).
The command line makes one from ``--root`` (or the folder it runs in, or the nearest parent with a
``mkdocs.yml``); the MkDocs hooks make one from MkDocs' loaded configuration. Nothing in the
package finds files relative to its own location, so an installed package works on any checkout.

    project = Project.load(Path("."))        # reads ./mkdocs.yml
    project.data / "national.yaml"
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from .build.urls import SiteInfo

CONFIG = "mkdocs.yml"


class ProjectError(Exception):
    """The folder is not a changwat project (or lacks a part of one): what is missing, in Thai and
    English, and what to do."""

    def __init__(self, th: str, en: str):
        super().__init__(f"{th}\n  {en}")
        self.th, self.en = th, en


@dataclass(frozen=True)
class Project:
    root: Path
    data: Path  # data/ (extra.changwat.data_dir)
    docs: Path  # docs_dir: generated pages
    site: SiteInfo  # site_url, repo_url, branch, data folder (for links)
    templates: Path  # page templates (extra.changwat.templates_dir, default templates/)

    @property
    def schema(self) -> Path:
        return self.root / "schema"

    @property
    def cache(self) -> Path:
        """Content-keyed caches (Thai lint, search segmentation); CHANGWAT_CACHE moves them."""
        return Path(os.environ.get("CHANGWAT_CACHE") or self.root / ".cache" / "changwat")

    @property
    def national(self) -> Path:
        return self.data / "national.yaml"

    @property
    def provinces(self) -> Path:
        return self.data / "provinces"

    @property
    def registry(self) -> Path:
        return self.data / "registry" / "provinces.csv"

    @property
    def allowlist(self) -> Path:
        return self.data / "thai-allowlist.txt"

    def with_data(self, data: Path) -> Project:
        """The same project reading another data folder (tests, a draft)."""
        return replace(self, data=data)

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def from_config(cls, config: Mapping[str, Any], root: Path) -> Project:
        """From an mkdocs.yml mapping, or MkDocs' loaded configuration (a mapping too)."""
        extra = (config.get("extra") or {}).get("changwat") or {}
        data_path = Path(str(extra.get("data_dir") or "data"))
        docs = Path(str(config.get("docs_dir") or "docs"))
        info = SiteInfo(
            site_url=str(config.get("site_url") or SiteInfo.site_url).rstrip("/") + "/",
            repo_url=str(config.get("repo_url") or SiteInfo.repo_url).rstrip("/"),
            branch=str(extra.get("branch", "main")),
            data_path=data_path.as_posix(),
        )
        templates = root / str(extra.get("templates_dir") or "templates")
        return cls(root=root, data=root / data_path, docs=root / docs, site=info, templates=templates)

    @classmethod
    def load(cls, root: Path | None = None, config: Path | None = None, data: Path | None = None) -> Project:
        """The project at ``root`` (default: the working folder or its nearest parent with a
        mkdocs.yml), optionally reading another data folder. Without a mkdocs.yml, a given data
        folder is enough (the data tools need nothing else; site settings take their defaults).
        Raises ProjectError, saying what is missing, when it is neither."""
        if root is None:
            root = find_root(Path.cwd())
        root = root.resolve()
        config_file = config or root / CONFIG
        if not config_file.is_file() and (data is not None or (root / "data").is_dir()):
            project = cls.from_config({}, root)  # the data tools need only a data folder
            if data is not None:
                project = project.with_data(data.resolve())
        elif not config_file.is_file():
            raise ProjectError(
                f"ไม่พบ {CONFIG} ใน {root}: นี่ไม่ใช่โฟลเดอร์ของโครงการ changwat",
                f"no {CONFIG} in {root}: this is not a changwat project; run the command inside the "
                f"repository's folder or give it with --root",
            )
        else:
            project = cls.from_config(read_config(config_file), root)
            if data is not None:
                project = project.with_data(data.resolve())
        if not project.data.is_dir():
            raise ProjectError(
                f"ไม่พบโฟลเดอร์ข้อมูล {project.data}",
                f"no data folder {project.data} (extra.changwat.data_dir in {CONFIG})",
            )
        return project


def find_root(start: Path) -> Path:
    """The nearest folder from ``start`` upwards that has a mkdocs.yml or a data/ folder (``start``
    if none has)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG).is_file() or (folder / "data").is_dir():
            return folder
    return start


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may use MkDocs' !ENV tag; read it as MkDocs does (the variable, else the default)."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    assert isinstance(node, yaml.SequenceNode)
    names = loader.construct_sequence(node)
    for name in names[:-1]:
        if name in os.environ:
            return os.environ[name]
    return names[-1] if names else None


_ConfigLoader.add_constructor("!ENV", _env_tag)


def read_config(path: Path) -> dict[str, Any]:
    """mkdocs.yml as a mapping (MkDocs' !ENV tags resolved; other tags are not used here)."""
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_ConfigLoader) or {}


def tool_module(config: object, name: str) -> ModuleType:
    """``mkdocs.<name>`` or ``properdocs.<name>``: the module of the tool whose loaded configuration
    ``config`` is (the hooks in hooks/ run under either; nothing here imports them)."""
    return importlib.import_module(f"{type(config).__module__.split('.')[0]}.{name}")
