"""Stage 2 — validate: node tree → typed model objects (schema rules), then cross-file rules and Thai lint.

The schema is read from the dataclasses in model.py (field types and metadata), so the YAML format,
the JSON Schema and these checks cannot drift apart.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, is_dataclass
from typing import Any, Literal, TypedDict

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .. import model
from ..load.yaml import STR_TAG, Loaded, pos_of
from ..model import Pos, Src, Text, data_fields, records
from ..model.kinds import KINDS, url_problem, url_warnings
from ..problems import Problem
from .hints import closest, did_you_mean

MAX_TEXT = 4000  # characters in one paragraph or item; longer means paragraphs were merged

_INVALID = object()

# What YAML 1.1 would make of a plain scalar, for K04 ("put it in quotes").
_TAG_NAMES = {
    "tag:yaml.org,2002:int": ("ตัวเลข", "a number"),
    "tag:yaml.org,2002:float": ("ตัวเลขทศนิยม", "a decimal number"),
    "tag:yaml.org,2002:bool": ("ค่าจริง/เท็จ", "true/false"),
    "tag:yaml.org,2002:timestamp": ("วันที่แบบ ค.ศ.", "a calendar date"),
    "tag:yaml.org,2002:null": ("ค่าว่าง", "nothing (null)"),
}
_NODE_NAMES = {
    MappingNode: ("ส่วนที่มีคีย์ย่อย", "a section with keys"),
    SequenceNode: ("รายการ (ขึ้นต้นด้วย -)", "a list (entries starting with -)"),
    ScalarNode: ("ข้อความ", "a text"),
}

# a Common Era year where a Buddhist Era date is expected (K14 says which B.E. year it is)
_CE_YEAR = re.compile(r"^(1[89][0-9]{2}|20[0-9]{2})(-.*)?$")


@dataclass
class Converted:
    """One file converted into the model, with what later checks need."""

    loaded: Loaded
    obj: Any  # model.Office | model.National | None
    texts: list[tuple[Text, str, ScalarNode]]  # every Text value and the node of each of its languages

    @property
    def path(self) -> str:
        return self.loaded.path


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


def _is_optional(tp: Any) -> tuple[bool, Any]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(tp)) == 2:
            return True, args[0]
    return False, tp


def _type_names(tp: Any) -> tuple[str, str]:
    origin = typing.get_origin(tp)
    if origin is list:
        return _NODE_NAMES[SequenceNode]
    if tp is Text:
        return ("ข้อความสองภาษา (th/en)", "a bilingual text (th/en)")
    if isinstance(tp, type) and is_dataclass(tp):
        return _NODE_NAMES[MappingNode]
    if tp is int:
        return ("ตัวเลข", "a number")
    return _NODE_NAMES[ScalarNode]


def _found_names(node: Node) -> tuple[str, str]:
    if isinstance(node, ScalarNode) and node.style is None and node.tag in _TAG_NAMES:
        th, en = _TAG_NAMES[node.tag]
        return f"{th} {node.value!s}".strip(), f"{en} {node.value!s}".strip()
    th, en = _NODE_NAMES[type(node)]
    return th, en


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.style is None and node.tag == "tag:yaml.org,2002:null"


@functools.cache
def _thai_key_index() -> dict[str, str]:
    """Thai section names editors may type as keys (อำนาจหน้าที่) → the key to use (mandate)."""
    index: dict[str, str] = {}
    for cls in (model.Office, model.National, model.Organisation, model.Group, model.History):
        for fl in data_fields(cls):
            th = fl.metadata.get("th", "")
            index.setdefault(th.split(" ")[0], fl.name)
    return index


class Converter:
    def __init__(self, loaded: Loaded):
        self.loaded = loaded
        self.path = loaded.path
        self.problems = loaded.problems
        self.texts: list[tuple[Text, str, ScalarNode]] = []
        self.items: dict[int, bool] = {}  # id of a list item's node → its list is [flow] style

    def pos(self, node: Node) -> Pos:
        return pos_of(self.path, node.start_mark)

    def problem(self, node: Node, code: str, length: int | None = None, **args: object) -> None:
        self.add(node, code, args, length)

    def add(self, node: Node, code: str, args: Mapping[str, object], length: int | None = None) -> None:
        """Record a problem at a node (``length``: the characters underlined, default its text)."""
        if length is None:
            length = len(node.value) if isinstance(node, ScalarNode) and "\n" not in node.value else 1
        self.problems.append(Problem(self.pos(node), code, args, length=max(1, length)))

    # -- records ---------------------------------------------------------------------------------
    def record(self, cls: type, node: Node, key: str) -> Any:
        if cls is Text and isinstance(node, ScalarNode) and not _is_null(node):
            self.problem(node, "K12", key=key, value=node.value if "\n" not in node.value else "…")
            return _INVALID
        if not isinstance(node, MappingNode):
            return self.wrong_type(node, key, cls)
        given: dict[str, tuple[ScalarNode, Node]] = {}
        names = {fl.name for fl in data_fields(cls)}
        for knode, vnode in node.value:
            if not isinstance(knode, ScalarNode):
                continue  # reported by the loader (Y12)
            if knode.value in given:
                continue  # duplicate key: reported by the loader (Y08); the first one counts
            if knode.value not in names:
                self.unknown_key(knode, cls, names, key)
                continue
            given[knode.value] = (knode, vnode)
        src = Src(self.pos(node))
        kwargs: dict[str, Any] = {}
        ok = True
        hints = _hints(cls)
        for fl in data_fields(cls):
            if fl.name not in given:
                if fl.default is MISSING and fl.default_factory is MISSING:
                    self.problem(
                        node,
                        "K02",
                        length=1,
                        key=fl.name,
                        **_where(key),
                        desc_th=fl.metadata.get("th", ""),
                        desc_en=fl.metadata.get("en", ""),
                    )
                    ok = False
                continue
            knode, vnode = given[fl.name]
            src.keys[fl.name] = self.pos(knode)
            src.values[fl.name] = self.pos(vnode)
            if isinstance(vnode, SequenceNode):
                src.items[fl.name] = [self.pos(child) for child in vnode.value]
            value = self.value(hints[fl.name], vnode, fl.name, fl.metadata)
            if value is _INVALID:
                ok = False
                continue
            kwargs[fl.name] = value
        if not ok:
            return _INVALID
        obj = cls(src=src, **kwargs)
        if cls is Text:
            self.text(obj, given)
        if cls is model.Contact and obj.website_kind == "other" and "website" in src.values:
            # the file says its website is not a government one: no ".go.th expected" warning (K17)
            at = src.values["website"]
            self.problems[:] = [p for p in self.problems if not (p.code == "K17" and p.pos == at)]
        return obj

    def text(self, obj: Text, given: dict[str, tuple[ScalarNode, Node]]) -> None:
        for lang in ("th", "en"):
            if lang in given:
                vnode = given[lang][1]
                assert isinstance(vnode, ScalarNode), "a converted text's languages are scalars"
                value = getattr(obj, lang)
                if lang == "th" and not value.strip():
                    self.problem(vnode, "K07", length=1)
                elif len(value) > MAX_TEXT:
                    self.problem(vnode, "K13", length=1, chars=len(value), limit=MAX_TEXT)
                self.texts.append((obj, lang, vnode))

    def unknown_key(self, knode: ScalarNode, cls: type, names: set[str], where: str) -> None:
        close = closest(knode.value, names)
        thai = _thai_key_index().get(knode.value)
        if thai and thai in names:
            close = [thai]
        if close:
            hint_th, hint_en = did_you_mean(close)
        else:
            hint_th = "คีย์ที่ใช้ได้: " + ", ".join(sorted(names))
            hint_en = "allowed keys: " + ", ".join(sorted(names))
        self.problem(knode, "K01", key=knode.value, **_where(where), hint_th=hint_th, hint_en=hint_en)

    def wrong_type(self, node: Node, key: str, tp: Any) -> Any:
        if _is_null(node):
            self.problem(node, "K10", length=1, key=key)
            return _INVALID
        exp_th, exp_en = _type_names(tp)
        found_th, found_en = _found_names(node)
        if key == "":  # the whole file (a list, a scalar): there is no key to name
            self.problem(node, "K18", length=1, found_th=found_th, found_en=found_en)
            return _INVALID
        hint_th = hint_en = ""
        if typing.get_origin(tp) is list and isinstance(node, (ScalarNode, MappingNode)):
            hint_th, hint_en = (
                'เขียนแต่ละรายการในบรรทัดใหม่ ขึ้นต้นด้วย "- "',
                'write each entry on its own line starting with "- "',
            )
        elif tp is int and isinstance(node, ScalarNode):
            hint_th, hint_en = "เขียนตัวเลขโดยไม่ใส่เครื่องหมายคำพูด", "write the number without quotes"
        self.problem(
            node,
            "K03",
            length=1 if not isinstance(node, ScalarNode) else None,
            key=key,
            expected_th=exp_th,
            expected_en=exp_en,
            found_th=found_th,
            found_en=found_en,
            hint_th=hint_th,
            hint_en=hint_en,
        )
        return _INVALID

    # -- values ----------------------------------------------------------------------------------
    def value(self, tp: Any, node: Node, key: str, meta: Any) -> Any:
        _, tp = _is_optional(tp)
        if _is_null(node):
            self.problem(node, "K10", length=1, key=key)
            return _INVALID
        origin = typing.get_origin(tp)
        if origin is list:
            return self.sequence(typing.get_args(tp)[0], node, key, meta)
        if isinstance(tp, type) and is_dataclass(tp):
            return self.record(tp, node, key)
        if origin is Literal:
            return self.choice(typing.get_args(tp), node, key)
        if tp is int:
            return self.integer(node, key, meta)
        if tp is str:
            return self.string(node, key, meta)
        raise TypeError(f"model type not supported: {tp!r}")  # a bug in model.py, not in data

    def sequence(self, item: Any, node: Node, key: str, meta: Any) -> Any:
        if not isinstance(node, SequenceNode):
            return self.wrong_type(node, key, list[item])
        out, ok = [], True
        for child in node.value:
            self.items[id(child)] = node.flow_style  # how a fix is written for an item (K04)
            v = self.value(item, child, key, meta)
            if v is _INVALID:
                ok = False
            else:
                out.append(v)
        if len(node.value) < meta.get("min_items", 0):
            self.problem(node, "K05", length=1, key=key, min=meta["min_items"])
            ok = False
        return out if ok else _INVALID

    def scalar_text(self, node: Node, key: str, tp: Any) -> str | None:
        """The exact text of a scalar meant as a string; None (with a problem) if YAML would retype it."""
        if not isinstance(node, ScalarNode):
            self.wrong_type(node, key, tp)
            return None
        if node.style is None and node.tag != STR_TAG:
            as_th, as_en = _TAG_NAMES.get(node.tag, ("ค่าชนิดอื่น", "another type"))
            try:
                read = yaml.safe_load(node.value)
            except yaml.YAMLError:
                read = None
            if node.tag == "tag:yaml.org,2002:int" and read is not None and str(read) != node.value:
                as_th, as_en = f"ตัวเลข {read}", f"the number {read}"
            elif node.tag == "tag:yaml.org,2002:bool":
                as_th, as_en = f"ค่า {str(read).lower()}", f"{str(read).lower()}"
            # the fix shows the line as it must be written: a list item is '- "…"', not 'key: "…"'
            flow = self.items.get(id(node))
            quoted = f'"{node.value}"'
            written = quoted if flow else f"- {quoted}" if flow is not None else f"{key}: {quoted}"
            self.problem(node, "K04", key=key, value=node.value, as_th=as_th, as_en=as_en, written=written)
            return None
        text: str = node.value  # a scalar's value is its text (PyYAML's stubs leave it Any)
        return text

    def string(self, node: Node, key: str, meta: Any) -> Any:
        value = self.scalar_text(node, key, str)
        if value is None:
            return _INVALID
        kind = meta.get("kind")
        if kind == "date_be" and (ce := _CE_YEAR.match(value)):
            self.problem(node, "K14", value=value, suggestion=f"{int(ce.group(1)) + 543}{ce.group(2) or ''}")
            return _INVALID
        if kind and not KINDS[kind].regex.fullmatch(value):
            k = KINDS[kind]
            self.problem(node, "K06", value=value, kind_th=k.th, kind_en=k.en, example=k.example)
            return _INVALID
        if kind == "url":
            reason = url_problem(value)
            if reason is not None:
                self.problem(node, "K15", value=value, reason_th=reason[0], reason_en=reason[1])
                return _INVALID
            for code, args in url_warnings(value, official=key == "website"):  # contact.website
                self.add(node, code, args)
        if kind == "date_be":
            from ..model.dates import parse_be

            try:
                parse_be(value)
            except ValueError as err:
                self.problem(node, "K11", value=value, detail=str(err))
                return _INVALID
        return value

    def integer(self, node: Node, key: str, meta: Any) -> Any:
        if not (
            isinstance(node, ScalarNode)
            and node.style is None
            and node.tag == "tag:yaml.org,2002:int"
            and node.value.isdigit()
            and not (len(node.value) > 1 and node.value.startswith("0"))
        ):
            return self.wrong_type(node, key, int)
        number = int(node.value)
        lo, hi = meta.get("minimum"), meta.get("maximum")
        if (lo is not None and number < lo) or (hi is not None and number > hi):
            hint_th = hint_en = ""
            if key.endswith("_be") and 1800 <= number < 2400:
                hint_th, hint_en = (
                    f"นี่คือปี ค.ศ. หรือไม่ ปี พ.ศ. คือ {number + 543}",
                    f"is this a CE year? In B.E. it is {number + 543}",
                )
            self.problem(node, "K09", value=number, minimum=lo, maximum=hi, hint_th=hint_th, hint_en=hint_en)
            return _INVALID
        return number

    def choice(self, allowed: tuple[str, ...], node: Node, key: str) -> Any:
        value = self.scalar_text(node, key, str)
        if value is None:
            return _INVALID
        if value not in allowed:
            close = closest(value, allowed, n=1, cutoff=0.5)
            hint_th, hint_en = did_you_mean(close) if close else ("", "")
            self.problem(
                node,
                "K08",
                value=value,
                key=key,
                allowed=", ".join(allowed),
                hint_th=f" ({hint_th})" if close else "",
                hint_en=f" ({hint_en})" if close else "",
            )
            return _INVALID
        return value


class _Where(TypedDict):
    where_th: str
    where_en: str


def _where(key: str) -> _Where:
    if key:
        return {"where_th": f'"{key}"', "where_en": f'"{key}"'}
    return {"where_th": "ระดับบนสุดของไฟล์", "where_en": "the top level of the file"}


def convert(loaded: Loaded, cls: type) -> Converted:
    """Schema stage for one file: the model object (None if the file has errors) and its texts."""
    conv = Converter(loaded)
    obj = None
    if loaded.root is not None:
        result = conv.record(cls, loaded.root, "")
        obj = None if result is _INVALID else result
    return Converted(loaded, obj, conv.texts)
