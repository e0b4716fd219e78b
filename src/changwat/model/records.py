"""The records of changwat's data: the single declaration of the editors' YAML format.

``check/convert.py`` turns loaded YAML into these classes (reporting problems with positions),
``check/jsonschema.py`` generates ``schema/*.schema.json`` and the field reference
(``schema/README.md``) from them. Values derived from a record (a law's full title, whether a
text is translated) are methods here; inheritance from the national content is ``resolve.py``.

Field metadata keys (all optional):
  th, en      description of the field, shown to editors (schema, README, error hints)
  kind        a named string format (model/kinds.py): id, slug, section, date_be, url, phone,
              email, law_ref, source_ref, province_ref
  min_items   smallest list length (lists default to 0; required lists use 1)
  minimum, maximum   bounds for integers
  example     a short example value for the docs
  editors_only  for editors, not shown on pages (published in the open data)
"""

from __future__ import annotations

from dataclasses import Field, dataclass, field, fields
from typing import Any, Literal

from ..load.positions import Pos, Src

# ---------------------------------------------------------------------------------------------
# Declaring fields


def f(th: str, en: str, default: Any = ..., **meta: Any) -> Any:
    """Declare a model field with its bilingual description and constraints."""
    md = {"th": th, "en": en, **meta}
    if default is ...:
        return field(metadata=md)
    if isinstance(default, list):
        return field(default_factory=list, metadata=md)
    return field(default=default, metadata=md)


@dataclass(kw_only=True)
class Record:
    """Base of every model record: remembers where in the YAML it was written."""

    src: Src | None = field(default=None, repr=False, compare=False, metadata={"internal": True})

    def pos(self, name: str | None = None) -> Pos | None:
        if self.src is None:
            return None
        return self.src.at if name is None else self.src.value(name)


_DATA_FIELDS: dict[type, tuple[Field[Any], ...]] = {}


def data_fields(cls: type) -> tuple[Field[Any], ...]:
    """The fields an editor writes (everything but internal bookkeeping), computed once per class."""
    found = _DATA_FIELDS.get(cls)
    if found is None:
        found = _DATA_FIELDS[cls] = tuple(x for x in fields(cls) if not x.metadata.get("internal"))
    return found


# ---------------------------------------------------------------------------------------------
# Text


@dataclass(kw_only=True)
class Text(Record):
    """A human-readable text in Thai and English."""

    th: str = f("ข้อความภาษาไทย (ต้องมี)", "Thai text (required)", example="สำนักงานจังหวัดอ่างทอง")
    en: str | None = f(
        "คำแปลภาษาอังกฤษ (ถ้ายังไม่มี จะแสดงภาษาไทยพร้อมเครื่องหมาย “ยังไม่ได้แปล”)",
        "English translation (when missing, the Thai text is shown marked “not yet translated”)",
        None,
        example="Ang Thong Provincial Office",
    )

    @property
    def is_translated(self) -> bool:
        """Whether the text has an English translation (an ``en`` that is not blank)."""
        return bool(self.en and self.en.strip())

    def shown(self, lang: str) -> tuple[str, str]:
        """(the text a reader of ``lang`` sees, its language): English pages show the Thai text
        where there is no translation yet."""
        if lang == "en" and self.is_translated:
            return self.en, "en"  # type: ignore[return-value]
        return self.th, "th"


# ---------------------------------------------------------------------------------------------
# Sources and references


@dataclass(kw_only=True)
class Source(Record):
    """A document the content was taken from: what a reader needs to find and check it (title,
    publisher, address, the date it was consulted); the id and the note are for editors."""

    id: str = f(
        "รหัสแหล่งที่มา ใช้อ้างถึงจากหัวข้ออื่น (สำหรับผู้แก้ไข ไม่แสดงต่อผู้อ่าน)",
        "Source id, referenced from sections (for editors; not shown to readers)",
        kind="id",
        example="seed-000",
    )
    title: Text = f("ชื่อเอกสารหรือหน้าเว็บ", "Title of the document or web page")
    publisher: Text | None = f(
        "หน่วยงานหรือผู้เผยแพร่เอกสาร (ใส่เมื่อทราบเท่านั้น)",
        "Who published the document (only when known)",
        None,
        example="สำนักงานจังหวัดอ่างทอง",
    )
    url: str | None = f(
        "ที่อยู่เว็บของแหล่งที่มา (ใส่เฉพาะที่อยู่ที่มีจริง ห้ามเดา)",
        "Web address of the source (only a real address, never a guess)",
        None,
        kind="url",
    )
    accessed: str | None = f(
        'วันที่เข้าดูแหล่งที่มา (พ.ศ.) "ปปปป-ดด-วว" (ใส่เครื่องหมายคำพูด)',
        'Date the source was consulted (B.E.) "YYYY-MM-DD" (quoted)',
        None,
        kind="date_be",
        example="2568-06-01",
    )
    note: Text | None = f(
        "หมายเหตุสำหรับผู้แก้ไข: ใช้ส่วนใดของแหล่งที่มา",
        "Note for editors: what was used from the source",
        None,
        editors_only=True,
    )


@dataclass(kw_only=True)
class LawRef(Record):
    """A reference to a law (and optionally one of its sections)."""

    law: str = f(
        "รหัสของกฎหมายในหัวข้อ legal_basis", "Id of a law in legal_basis", kind="law_ref", example="state-admin-act-2534"
    )
    section: str | None = f(
        'เลขมาตรา เช่น "52/1" (ใส่เครื่องหมายคำพูด)',
        'Section number, e.g. "52/1" (quoted)',
        None,
        kind="section",
        example="52/1",
    )


# ---------------------------------------------------------------------------------------------
# Sections of an office page
#
# Each section of an office file may say, with ``replace``, which of its parts are complete: those
# parts show nothing of the national content. Without it, parts the office leaves out stay national
# and lists with ids (events, laws, work groups) are merged with the national list by id (model/resolve.py).


def replace_field(parts: str, parts_en: str) -> Any:
    """The ``replace`` key of a section: the parts whose national content the office does not want shown."""
    return f(
        f"ส่วนที่สำนักงานเขียนครบแล้ว ไม่ต้องแสดงเนื้อหามาตรฐานระดับประเทศของส่วนนั้น ({parts})",
        f"Parts this office writes in full: none of the national content of these parts is shown ({parts_en})",
        [],
    )


@dataclass(kw_only=True)
class Passage(Record):
    """A paragraph, optionally followed by a list; optionally a verbatim quote of a law."""

    text: Text = f("ข้อความย่อหน้า", "The paragraph")
    items: list[Text] = f("รายการที่ตามหลังย่อหน้า (ไม่ต้องใส่เลขข้อ)", "List following the paragraph (no numbers)", [])
    quote: LawRef | None = f(
        "ถ้าเป็นข้อความที่ยกมาจากกฎหมาย ระบุกฎหมายและมาตรา", "If the text quotes a law verbatim: which law and section", None
    )


@dataclass(kw_only=True)
class Event(Record):
    """A dated event in the office's history."""

    id: str = f("รหัสเหตุการณ์", "Event id", kind="id", example="cabinet-2516")
    date: str = f(
        'วันที่แบบพุทธศักราช "ปปปป-ดด-วว", "ปปปป-ดด" หรือ "ปปปป" (ใส่เครื่องหมายคำพูด)',
        'Buddhist Era date "YYYY-MM-DD", "YYYY-MM" or "YYYY" (quoted)',
        kind="date_be",
        example="2516-08-28",
    )
    text: Text = f("เกิดอะไรขึ้น", "What happened")
    provinces: list[str] = f(
        "จังหวัดที่เกี่ยวข้อง (รหัสจากทะเบียนจังหวัด)", "Provinces involved (registry slugs)", [], kind="province_ref"
    )
    law: str | None = f("กฎหมายที่เกี่ยวข้อง (รหัสใน legal_basis)", "Related law (id in legal_basis)", None, kind="law_ref")


@dataclass(kw_only=True)
class History(Record):
    """ประวัติความเป็นมา: history as paragraphs and dated events."""

    sources: list[str] = f("แหล่งที่มาของหัวข้อนี้", "Sources of this section", [], kind="source_ref")
    replace: list[Literal["paragraphs", "events"]] = replace_field(
        "paragraphs: ย่อหน้า, events: เหตุการณ์", "paragraphs, events"
    )
    paragraphs: list[Passage] = f("ย่อหน้าตามลำดับ", "Paragraphs, in order", [])
    events: list[Event] = f("เหตุการณ์สำคัญตามลำดับเวลา", "Key events in date order", [])


@dataclass(kw_only=True)
class LawSection(Record):
    """A section (มาตรา) of a law: its text, its numbered items and the paragraphs after them."""

    number: str = f(
        'เลขมาตรา เช่น "52/1" (ใส่เครื่องหมายคำพูด)', 'Section number, e.g. "52/1" (quoted)', kind="section", example="52/1"
    )
    text: Text | None = f("ข้อความวรรคแรกของมาตรา", "First paragraph of the section", None)
    items: list[Text] = f("อนุมาตรา (ไม่ต้องใส่เลข (๑) (๒))", "Numbered items (without (1), (2))", [])
    paragraphs: list[Text] = f("วรรคถัดไปหลังอนุมาตรา", "Paragraphs after the items", [])


LawKind = Literal["act", "royal-decree", "ministerial-regulation", "regulation", "other"]


@dataclass(kw_only=True)
class Law(Record):
    """An act, royal decree or regulation the office's existence or mandate rests on."""

    id: str = f(
        "รหัสกฎหมาย ใช้อ้างถึงจากหัวข้ออื่น",
        "Law id, referenced from other sections",
        kind="id",
        example="state-admin-act-2534-no7",
    )
    kind: LawKind = f(
        "ประเภท: act (พระราชบัญญัติ), royal-decree (พระราชกฤษฎีกา), ministerial-regulation "
        "(กฎกระทรวง), regulation (ระเบียบ), other",
        "Kind: act, royal-decree, ministerial-regulation, regulation or other",
    )
    title: Text = f(
        "ชื่อกฎหมายโดยไม่มีฉบับที่และปี: th คือชื่อทางการ (แสดงในหน้าภาษาอังกฤษด้วย) en คือคำแปลที่ไม่เป็นทางการเสมอ",
        "Title without amendment number or year: th is the official title (shown on English "
        "pages too); en is always an unofficial translation",
        example="พระราชบัญญัติระเบียบบริหารราชการแผ่นดิน",
    )
    year_be: int = f(
        "ปี พ.ศ. ที่ประกาศ (ของฉบับนี้)",
        "Year of enactment (of this instrument), B.E.",
        minimum=2400,
        maximum=2700,
        example=2550,
    )
    amendment: int | None = f(
        "ฉบับที่ (ถ้าเป็นฉบับแก้ไข)", "Amendment number (No. N), if an amending act", None, minimum=1, maximum=99
    )
    official_url: str | None = f(
        "ที่อยู่เว็บของตัวบททางการ (ราชกิจจานุเบกษา หรือสำนักงานคณะกรรมการกฤษฎีกา) ใส่เฉพาะที่อยู่ที่ตรวจแล้ว ห้ามเดา",
        "Address of the official text (Royal Gazette or Office of the Council of "
        "State); only an address that was checked, never a guess",
        None,
        kind="url",
    )
    summary: list[Text] = f("ย่อหน้าอธิบายผลของกฎหมาย", "Paragraphs explaining what the law does", [])
    sections: list[LawSection] = f("มาตราที่ยกมา", "Sections quoted", [])

    # Every English law title is an unofficial translation: only the Thai text is law. Pages show the
    # official Thai title in both languages and mark the English one (build/ui.yaml:
    # unofficial_translation).

    @property
    def year_ce(self) -> int:
        """The year of enactment in the Common Era (B.E. − 543; right for every year after 1941)."""
        return self.year_be - 543

    def official_title(self) -> str:
        """The full Thai title, the law's official name, e.g. 'พระราชบัญญัติ… (ฉบับที่ 7) พ.ศ. 2550'."""
        return self.full_title("th")

    def full_title(self, lang: str) -> str:
        """Title with amendment and year, e.g. 'State Administration Act (No. 7), B.E. 2550 (2007)'."""
        base = self.title.shown(lang)[0]
        if lang == "th":
            amend = f" (ฉบับที่ {self.amendment})" if self.amendment else ""
            return f"{base}{amend} พ.ศ. {self.year_be}"
        amend = f" (No. {self.amendment})" if self.amendment else ""
        return f"{base}{amend}, B.E. {self.year_be} ({self.year_ce})"


@dataclass(kw_only=True)
class LegalBasis(Record):
    """ฐานทางกฎหมาย: the laws the office rests on."""

    sources: list[str] = f("แหล่งที่มาของหัวข้อนี้", "Sources of this section", [], kind="source_ref")
    replace: list[Literal["intro", "laws"]] = replace_field("intro: ย่อหน้านำ, laws: กฎหมาย", "intro, laws")
    intro: list[Text] = f("ย่อหน้านำ", "Introductory paragraphs", [])
    laws: list[Law] = f("กฎหมาย เรียงตามลำดับที่จะแสดง", "Laws, in display order", [], min_items=1)


@dataclass(kw_only=True)
class ItemList(Record):
    """A section that is an introduction and a list (mandate, objectives)."""

    sources: list[str] = f("แหล่งที่มาของหัวข้อนี้", "Sources of this section", [], kind="source_ref")
    replace: list[Literal["items"]] = replace_field(
        "items: รายการพร้อมข้อความนำและกฎหมายที่เป็นที่มา", "items: the list with its intro and basis"
    )
    basis: LawRef | None = f("กฎหมายที่เป็นที่มาของรายการนี้", "The law this list comes from", None)
    intro: Text | None = f("ข้อความนำก่อนรายการ", "Text introducing the list", None)
    items: list[Text] = f("รายการ ตามลำดับ (ไม่ต้องใส่เลขข้อ)", "The items, in order (no numbers)", min_items=1)


@dataclass(kw_only=True)
class Missions(Record):
    """พันธกิจ: paragraphs introducing the missions, then the aims."""

    sources: list[str] = f("แหล่งที่มาของหัวข้อนี้", "Sources of this section", [], kind="source_ref")
    replace: list[Literal["aims"]] = replace_field("aims: จุดมุ่งหมายพร้อมย่อหน้านำ", "aims: the aims with the paragraphs")
    paragraphs: list[Text] = f("ย่อหน้านำ", "Introductory paragraphs", [])
    aims: list[Text] = f("จุดมุ่งหมาย ตามลำดับ (ไม่ต้องใส่เลขข้อ)", "The aims, in order (no numbers)", min_items=1)


@dataclass(kw_only=True)
class SubGroup(Record):
    """A sub-group (กลุ่ม/ฝ่าย) inside a work group."""

    id: str = f("รหัสกลุ่มย่อย", "Sub-group id", kind="id")
    name: Text = f("ชื่อกลุ่มย่อย", "Name of the sub-group")
    description: list[Text] = f("คำอธิบายเป็นย่อหน้า", "Description, as paragraphs", [])
    duties: list[Text] = f("หน้าที่ ตามลำดับ", "Duties, in order", [])


@dataclass(kw_only=True)
class Group(Record):
    """A work group (กลุ่มงาน) with its duties."""

    id: str = f(
        "รหัสกลุ่มงาน (ภาษาอังกฤษตัวเล็ก คั่นด้วย -)", "Work group id (lower-case ASCII, dashes)", kind="id", example="strategy"
    )
    name: Text = f("ชื่อกลุ่มงาน", "Name of the work group", example="กลุ่มงานอำนวยการ")
    intro: Text | None = f("ข้อความนำก่อนรายการหน้าที่", "Text introducing the duties", None)
    description: list[Text] = f("คำอธิบายเป็นย่อหน้า", "Description, as paragraphs", [])
    duties: list[Text] = f("หน้าที่ ตามลำดับ (ไม่ต้องใส่เครื่องหมาย - หรือเลขข้อ)", "Duties, in order (no dashes or numbers)", [])
    subgroups: list[SubGroup] = f("กลุ่มย่อยภายในกลุ่มงาน", "Sub-groups within the work group", [])


@dataclass(kw_only=True)
class AuditUnit(Record):
    """The internal audit unit (หน่วยตรวจสอบภายใน)."""

    name: Text = f("ชื่อหน่วย", "Name of the unit", example="หน่วยตรวจสอบภายใน")
    description: list[Text] = f("คำอธิบายเป็นย่อหน้า", "Description, as paragraphs", [])
    principles: list[Text] = f("หลักการปฏิบัติงาน ตามลำดับ", "Working principles, in order", [])


@dataclass(kw_only=True)
class Organisation(Record):
    """โครงสร้าง: the work groups and the internal audit unit."""

    sources: list[str] = f("แหล่งที่มาของหัวข้อนี้", "Sources of this section", [], kind="source_ref")
    replace: list[Literal["intro", "groups", "audit"]] = replace_field(
        "intro: ข้อความนำ, groups: กลุ่มงาน, audit: หน่วยตรวจสอบภายใน", "intro, groups, audit"
    )
    intro: Text | None = f("ข้อความนำ", "Introductory text", None)
    groups: list[Group] = f("กลุ่มงาน ตามลำดับที่จะแสดง", "Work groups, in display order", min_items=1)
    audit: AuditUnit | None = f("หน่วยตรวจสอบภายใน", "Internal audit unit", None)


@dataclass(kw_only=True)
class EarlierStructure(Record):
    """A former structure of provincial offices, kept to show how it evolved."""

    id: str = f("รหัส", "Id", kind="id", example="structure-2545")
    title: Text = f("ชื่อหัวข้อ", "Heading")
    sources: list[str] = f("แหล่งที่มาของหัวข้อนี้", "Sources of this section", [], kind="source_ref")
    paragraphs: list[Passage] = f("ย่อหน้าตามลำดับ", "Paragraphs, in order", [])
    mandate: list[Text] = f("อำนาจหน้าที่ในขณะนั้น", "The mandate at that time", [])
    groups: list[Group] = f("กลุ่มงานในขณะนั้น", "The work groups at that time", [])


@dataclass(kw_only=True)
class Head(Record):
    """The head of the provincial office."""

    name: Text = f("ชื่อ-นามสกุล พร้อมคำนำหน้า", "Full name with title", example="นายอนุชา อินทศร")
    position: Text = f("ตำแหน่ง", "Position", example="หัวหน้าสำนักงานจังหวัดฉะเชิงเทรา")
    as_of: str | None = f(
        'ข้อมูล ณ วันที่ (พ.ศ.) "ปปปป-ดด-วว"', 'Information as of (B.E.) "YYYY-MM-DD"', None, kind="date_be"
    )
    sources: list[str] = f("แหล่งที่มา", "Sources", [], kind="source_ref")


@dataclass(kw_only=True)
class Contact(Record):
    """How to reach the office."""

    address: Text | None = f("ที่อยู่", "Postal address", None)
    phones: list[str] = f(
        "หมายเลขโทรศัพท์ (ใส่เครื่องหมายคำพูด)", "Phone numbers (quoted)", [], kind="phone", example="0 3561 1234"
    )
    fax: list[str] = f("หมายเลขโทรสาร (ใส่เครื่องหมายคำพูด)", "Fax numbers (quoted)", [], kind="phone")
    emails: list[str] = f("อีเมล", "E-mail addresses", [], kind="email")
    website: str | None = f("เว็บไซต์ (https://...)", "Website (https://...)", None, kind="url")
    website_kind: Literal["government", "other"] | None = f(
        "ประเภทของเว็บไซต์: government (ค่าปกติ เว็บไซต์ทางการอยู่ใต้ .go.th) หรือ other (เว็บไซต์อื่นที่สำนักงานใช้จริง)",
        "Kind of website: government (the default: the official site, under .go.th) or other (another site "
        "the office really uses)",
        None,
    )
    sources: list[str] = f("แหล่งที่มา", "Sources", [], kind="source_ref")


# ---------------------------------------------------------------------------------------------
# Files


@dataclass(kw_only=True)
class Office(Record):
    """One provincial office: the file data/provinces/<slug>.yaml.

    Every section is optional: a section the office does not write is inherited from the national
    content (data/national.yaml), and the page says so.
    """

    province: str = f(
        "รหัสจังหวัดจากทะเบียน ต้องตรงกับชื่อไฟล์",
        "Registry slug, must match the file name",
        kind="province_ref",
        example="ang-thong",
    )
    name: Text | None = f(
        "ชื่อสำนักงาน (ถ้าไม่ใส่ ใช้ “สำนักงานจังหวัด” + ชื่อจังหวัด)", "Office name (default: “<province> Provincial Office”)", None
    )
    parent: Text | None = f("หน่วยงานต้นสังกัด", "Parent body", None)
    status: Text | None = f("สถานะของหน่วยงาน", "Status of the office", None)
    head: Head | None = f("หัวหน้าสำนักงานจังหวัด", "Head of the Provincial Office", None)
    history: History | None = f("ประวัติความเป็นมา", "History", None)
    legal_basis: LegalBasis | None = f("ฐานทางกฎหมาย", "Legal basis", None)
    mandate: ItemList | None = f("อำนาจหน้าที่", "Mandate", None)
    objectives: ItemList | None = f("วัตถุประสงค์", "Objectives", None)
    missions: Missions | None = f("พันธกิจ", "Missions", None)
    organisation: Organisation | None = f("โครงสร้างและกลุ่มงาน", "Organisation and work groups", None)
    contact: Contact | None = f("ข้อมูลติดต่อ", "Contact details", None)
    sources: list[Source] = f("แหล่งที่มาของข้อมูลในไฟล์นี้", "Sources of the content in this file", [])


@dataclass(kw_only=True)
class National(Record):
    """What the law makes common to every provincial office: data/national.yaml."""

    name: Text = f("ชื่อหน่วยงานทั่วไป", "Generic name", example="สำนักงานจังหวัด")
    parent: Text = f("หน่วยงานต้นสังกัด", "Parent body")
    status: Text = f("สถานะของหน่วยงาน", "Status of the office")
    history: History | None = f("ประวัติความเป็นมาของสำนักงานจังหวัดทั้งหมด", "History of all provincial offices", None)
    legal_basis: LegalBasis = f("ฐานทางกฎหมาย", "Legal basis")
    mandate: ItemList = f("อำนาจหน้าที่ตามกฎกระทรวง", "Mandate under the ministerial regulation")
    objectives: ItemList | None = f("วัตถุประสงค์", "Objectives", None)
    missions: Missions | None = f("พันธกิจ", "Missions", None)
    organisation: Organisation = f("โครงสร้างมาตรฐาน", "Standard organisation")
    earlier_structures: list[EarlierStructure] = f("โครงสร้างในอดีต", "Earlier structures", [])
    sources: list[Source] = f("แหล่งที่มาของข้อมูลในไฟล์นี้", "Sources of the content in this file", [])
