"""Inheritance: an office's page content, derived from its file (if any) and the national content.

Each section an office does not write comes from the national content (data/national.yaml); the
resolved office says, per section, whose content it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .sections import NAMES
from .records import Contact, Head, National, Office, Source, Text

Origin = Literal["office", "national"]


@dataclass
class Section:
    """A section as shown on an office page, and whether it is the office's own or the national standard."""

    name: str
    value: Any
    origin: Origin


@dataclass
class ResolvedOffice:
    """Everything an office page shows, derived from the office file (if any) and the national file."""

    province: Any  # registry.Province
    file: Office | None
    name: Text
    parent: Text
    status: Text
    head: Head | None
    contact: Contact | None
    sections: dict[str, Section]
    sources: list[Source]
    national_sources: list[Source]

    @property
    def slug(self) -> str:
        return self.province.slug

    @property
    def has_own_content(self) -> bool:
        """The office has written something of its own: a section, its head or its contact details."""
        if self.file is None:
            return False
        return self.head is not None or self.contact is not None or any(
            s.origin == "office" for s in self.sections.values())


def default_name(province: Any) -> Text:
    return Text(th=f"สำนักงานจังหวัด{province.th}", en=f"{province.en} Provincial Office")


def resolve(province: Any, office: Office | None, national: National) -> ResolvedOffice:
    """Apply inheritance: each section the office file leaves out comes from the national content."""
    sections: dict[str, Section] = {}
    for name in NAMES:
        own = getattr(office, name, None) if office is not None else None
        if own is not None:
            sections[name] = Section(name, own, "office")
        elif (std := getattr(national, name, None)) is not None:
            sections[name] = Section(name, std, "national")
    return ResolvedOffice(
        province=province,
        file=office,
        name=(office.name if office and office.name else default_name(province)),
        parent=(office.parent if office and office.parent else national.parent),
        status=(office.status if office and office.status else national.status),
        head=office.head if office else None,
        contact=office.contact if office else None,
        sections=sections,
        sources=list(office.sources) if office else [],
        national_sources=list(national.sources),
    )
