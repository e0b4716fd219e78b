"""Stage 3 — the model: typed records of the data format, value kinds, dates, the province
registry, inheritance from the national content (resolve) and the validated dataset.

    records.py   the data format, declared once (dataclasses with bilingual field metadata)
    kinds.py     the named string kinds (pattern, names for editors, example)
    sections.py  the sections of an office page, declared once
    dates.py     Buddhist Era dates
    registry.py  the 76 provinces that have a provincial office
    resolve.py   inheritance: what an office page shows
    dataset.py   the validated data of a project, as the build receives it
"""

from ..load.positions import Pos, Src
from .records import (
    AuditUnit,
    Contact,
    EarlierStructure,
    Event,
    Group,
    Head,
    History,
    ItemList,
    Law,
    LawRef,
    LawSection,
    LegalBasis,
    Missions,
    National,
    Office,
    Organisation,
    Passage,
    Record,
    Source,
    SubGroup,
    Text,
    data_fields,
)
from .resolve import ResolvedOffice, Section, default_name, resolve

__all__ = [
    "AuditUnit",
    "Contact",
    "EarlierStructure",
    "Event",
    "Group",
    "Head",
    "History",
    "ItemList",
    "Law",
    "LawRef",
    "LawSection",
    "LegalBasis",
    "Missions",
    "National",
    "Office",
    "Organisation",
    "Passage",
    "Pos",
    "Record",
    "ResolvedOffice",
    "Section",
    "Source",
    "Src",
    "SubGroup",
    "Text",
    "data_fields",
    "default_name",
    "resolve",
]
