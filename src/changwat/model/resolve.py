"""Inheritance: an office's page content, derived from its file (if any) and the national content.

What an office page shows is decided part by part, never a whole section at once, so that writing
one item never hides unrelated national content unless the file says so:

* A section is made of parts (model/sections.py): history = paragraphs | events; legal_basis =
  intro | laws; mandate and objectives = items (with their intro and basis); missions = aims (with
  their paragraphs); organisation = intro | groups | audit.
* A part the office file does not write is the national part (data/national.yaml).
* A part whose items have ids — history events, laws, work groups — is merged with the national list
  by id: an office item with the id of a national item is the office's version of it (shown instead
  of the national one); the office's items come first, in its order, then the national items it did
  not write, in the national order. History events are then put in date order.
* Any other part the office writes (history paragraphs, a mandate list, the aims, an intro, the
  audit unit) replaces the national part: there is no id to merge by, and half of a list of duties
  is not a list of duties.
* ``replace: [<part>, ...]`` in a section of the office file says a part is complete: nothing of the
  national content of that part is shown (not even when the office writes nothing in it, e.g.
  ``replace: [audit]`` shows no internal audit unit).
* The head of office and the contact details are always the office's own (never national); the
  name, parent body and status default to the national ones.

Each resolved section says whose content it shows, per part and, for merged parts, per item
(:class:`Part`); ``check/inheritance.py`` tells editors, for every part they write, what of the
national content it replaces, and warns when a section no longer shows anything national without
the file saying so.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

from .records import Contact, Head, National, Office, Source, Text
from .sections import BY_NAME, NAMES, PartKind

Origin = Literal["office", "national"]
PartOrigin = Literal["office", "national", "both"]


@dataclass
class Part:
    """One part of a resolved section: whose items it shows and what of the national part is gone."""

    name: str
    origin: PartOrigin  # "both": the office's items and national items, merged by id
    origins: list[Origin]  # the origin of each item shown, in order
    written: bool = False  # the office file writes something in this part
    replace: bool = False  # the office file lists this part under ``replace``
    national_total: int = 0  # items of the national part
    hidden: int = 0  # national items no longer shown (neither shown nor replaced by an item with their id)
    overridden: list[str] = field(default_factory=list)  # ids of national items shown in the office's version

    @property
    def own(self) -> int:
        return self.origins.count("office")

    @property
    def national(self) -> int:
        return self.origins.count("national")


@dataclass
class Section:
    """A section as shown on an office page, and whether it is the office's own or the national standard.

    ``origin`` is "office" when any part shows the office's content (or the office emptied a part
    with ``replace``), "national" when all of it is the national standard; ``parts`` says which.
    """

    name: str
    value: Any
    origin: Origin
    parts: dict[str, Part] = field(default_factory=dict)
    # the national section's sources, when some part of it is shown
    national_sources: list[str] = field(default_factory=list)

    @property
    def mixed(self) -> bool:
        """Both the office's content and national content are shown in this section."""
        return any(p.origin == "both" for p in self.parts.values()) or (
            any(p.origin == "office" for p in self.parts.values())
            and any(p.origin == "national" and p.origins for p in self.parts.values())
        )


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
        return str(self.province.slug)

    @property
    def has_own_content(self) -> bool:
        """The office has written something of its own: a section, its head or its contact details."""
        if self.file is None:
            return False
        return (
            self.head is not None
            or self.contact is not None
            or any(s.origin == "office" for s in self.sections.values())
        )


def default_name(province: Any) -> Text:
    return Text(th=f"สำนักงานจังหวัด{province.th}", en=f"{province.en} Provincial Office")


def _merge(kind: PartKind, own: list[Any], std: list[Any]) -> tuple[list[Any], list[Origin], list[str]]:
    """Items of the office and the national list merged by id: (items, their origins, overridden ids)."""
    own_ids = {x.id for x in own}
    rest = [x for x in std if x.id not in own_ids]
    items = [*own, *rest]
    office: list[Origin] = ["office"] * len(own)
    national: list[Origin] = ["national"] * len(rest)
    origins = office + national
    if kind.name == "events":  # a timeline: date order (stable: the office's first on the same date)
        order = sorted(range(len(items)), key=lambda i: items[i].date)
        items, origins = [items[i] for i in order], [origins[i] for i in order]
    overridden = [x.id for x in std if x.id in own_ids]
    return items, origins, overridden


# The national sections as every office without its own shows them, per national value (by identity:
# the value is kept with its section, so its id cannot be reused while it is here).
_INHERITED: dict[tuple[str, int], tuple[Any, Section]] = {}


def _inherited(name: str, std: Any) -> Section:
    """The national section as shown by an office that does not write it (one object per national value)."""
    hit = _INHERITED.get((name, id(std)))
    if hit is not None and hit[0] is std:
        return hit[1]
    parts = {
        p.name: Part(p.name, "national", ["national"] * len(p.items(std)), national_total=len(p.items(std)))
        for p in BY_NAME[name].parts
    }
    section = Section(name, std, "national", parts, list(std.sources))
    if len(_INHERITED) > 64:  # national values of earlier builds (tests, the preview) are let go
        _INHERITED.clear()
    _INHERITED[(name, id(std))] = (std, section)
    return section


def resolve_section(name: str, own: Any, std: Any) -> Section | None:
    """One section of an office page from the office's section (or None) and the national one (or None).
    A section the office leaves out is the same object for every office (treat it as read-only)."""
    if own is None:
        return None if std is None else _inherited(name, std)
    kind = BY_NAME[name]
    parts: dict[str, Part] = {}
    if std is None:
        parts = {
            p.name: Part(
                p.name, "office", ["office"] * len(p.items(own)), written=p.written(own), replace=p.name in own.replace
            )
            for p in kind.parts
        }
        return Section(name, own, "office", parts)
    values: dict[str, Any] = {}
    for p in kind.parts:
        written, listed = p.written(own), p.name in own.replace
        mine, theirs = p.items(own), p.items(std)
        if listed or (written and not p.keyed):
            part = Part(p.name, "office", ["office"] * len(mine), written, listed, len(theirs))
            if p.keyed:
                ids = {x.id for x in mine}
                part.overridden = [x.id for x in theirs if x.id in ids]
            part.hidden = len(theirs) - len(part.overridden)
            source = own
        elif not written:
            part = Part(p.name, "national", ["national"] * len(theirs), False, False, len(theirs))
            source = std
        else:  # a list with ids, merged
            items, origins, overridden = _merge(p, mine, theirs)
            origin: PartOrigin = "both" if "national" in origins else "office"
            part = Part(p.name, origin, origins, True, False, len(theirs), 0, overridden)
            values[p.fields[0]] = items
            parts[p.name] = part
            continue
        for f in p.fields:
            values[f] = getattr(source, f)
        parts[p.name] = part
    if all(p.origin == "national" for p in parts.values()):
        return Section(name, std, "national", parts, list(std.sources))
    value = dataclasses.replace(own, **values)
    national_sources = list(std.sources) if any(p.national for p in parts.values()) else []
    return Section(name, value, "office", parts, national_sources)


def resolve(province: Any, office: Office | None, national: National) -> ResolvedOffice:
    """Apply inheritance, part by part (see the module docstring)."""
    sections: dict[str, Section] = {}
    for name in NAMES:
        own = getattr(office, name, None) if office is not None else None
        section = resolve_section(name, own, getattr(national, name, None))
        if section is not None:
            sections[name] = section
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
