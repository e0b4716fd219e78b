"""Stage 1 — load: bytes of a YAML file → a tree of PyYAML nodes with positions, or problems.

Strict by design:
* safe: only PyYAML's node composer runs; nothing is constructed, no tag is ever executed;
* no scalar is retyped here: every scalar keeps the exact text the editor wrote, with its style
  (plain or quoted) and the type YAML 1.1 *would* give it, so the next stage can tell the editor
  to quote `053112345` or `no` instead of silently turning them into a number or false;
* duplicate keys, tabs, non-UTF-8 bytes, a BOM, control characters, anchors/aliases (the
  "billion laughs" bomb), deep nesting, several documents and oversized files are problems with a
  line and column, never exceptions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, cast

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from ..problems import Problem
from .files import NotReadable, read_data
from .positions import Pos

MAX_BYTES = 1024 * 1024  # an office file is ~20 KB; 1 MiB leaves room and bounds time and memory
MAX_DEPTH = 32
STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = {None, "!", STR_TAG, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
# C0 controls except tab, LF, CR; DEL; C1 controls (NEL U+0085 included: YAML treats it as a line break);
# the line and paragraph separators U+2028, U+2029 (YAML breaks lines there, most editors do not)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
# what YAML counts as a line break once controls (NEL included) are blanked: CR LF, CR, LF, LS, PS
_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029]")


@dataclass
class Loaded:
    """A loaded file: its text (for caret lines) and root node, or None when it could not be read."""

    path: str
    text: str = ""
    root: Node | None = None
    problems: list[Problem] = field(default_factory=list)

    @functools.cached_property
    def lines(self) -> list[str]:
        """The source lines as YAML counts them (CR LF, CR, LF, U+2028, U+2029; str.splitlines()
        would also split at form feeds and other controls YAML reads as text), split once (a file
        with thousands of problems shows one per problem)."""
        lines = _BREAK.split(self.text)
        if lines and lines[-1] == "":
            lines.pop()
        return lines


class _Stop(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


class _Mark(Protocol):
    """A PyYAML mark (yaml.error.Mark, or libyaml's yaml._yaml.Mark): 0-based line and column."""

    line: int
    column: int


def pos_of(path: str, mark: _Mark | None) -> Pos:
    assert mark is not None, "PyYAML marks every parsed node, event and syntax error"
    return Pos(path, mark.line + 1, mark.column + 1)


class _Checks(Composer):
    """PyYAML's composer with checks added: no anchors/aliases, no foreign tags, bounded depth."""

    path: str
    depth: int
    # provided by the parser the loader mixes in (CParser or Parser); PyYAML's stubs leave it untyped
    peek_event: Callable[[], Any]

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _Stop(Problem(pos_of(self.path, event.start_mark), "Y06"))
        tag = getattr(event, "tag", None)
        if isinstance(event, (ScalarEvent, SequenceStartEvent, MappingStartEvent)) and tag not in _ALLOWED_TAGS:
            shown = cast(str, tag).replace("tag:yaml.org,2002:", "!!")  # None is an allowed tag
            raise _Stop(Problem(pos_of(self.path, event.start_mark), "Y13", {"tag": shown}, length=len(shown)))
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Stop(Problem(pos_of(self.path, event.start_mark), "Y07", {"limit": MAX_DEPTH}))
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def compose_scalar_node(self, anchor: dict[str, Node]) -> ScalarNode:
        node = super().compose_scalar_node(anchor)
        node.style = node.style or None  # libyaml says '' for plain scalars, PyYAML None
        return node


if yaml.__with_libyaml__:  # libyaml scans and parses (15x faster); composition stays ours, in Python
    from yaml._yaml import CParser

    class _StrictLoader(_Checks, Resolver, CParser):
        def __init__(self, text: str, path: str):
            CParser.__init__(self, text)
            Composer.__init__(self)
            Resolver.__init__(self)
            self.path, self.depth = path, 0

        get_single_node = Composer.get_single_node
        compose_document = Composer.compose_document

else:  # pragma: no cover - PyPI's PyYAML wheels include libyaml

    class _StrictLoader(Reader, Scanner, Parser, _Checks, Resolver):  # type: ignore[no-redef]
        def __init__(self, text: str, path: str):
            Reader.__init__(self, text)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
            Resolver.__init__(self)
            self.path, self.depth = path, 0


# PyYAML's English problem texts → a hint an office editor can act on.
_SYNTAX_HINTS = [
    (
        "mapping values are not allowed",
        "ข้อความที่มีเครื่องหมาย : ต้องอยู่ในเครื่องหมายคำพูด หรือเว้นวรรคหลัง : ของคีย์ไม่ถูกต้อง",
        "a text containing ': ' must be in quotes; or a key's colon is misplaced",
    ),
    ("could not find expected ':'", "คีย์ต้องตามด้วยเครื่องหมาย : แล้วเว้นวรรค", "a key must be followed by ': '"),
    (
        "did not find expected key",
        "ตรวจสอบการย่อหน้า: รายการในระดับเดียวกันต้องเริ่มที่คอลัมน์เดียวกัน",
        "check the indentation: entries at the same level must start in the same column",
    ),
    (
        "did not find expected '-' indicator",
        "ตรวจสอบการย่อหน้าของรายการที่ขึ้นต้นด้วย -",
        "check the indentation of the list entries starting with -",
    ),
    ("found unexpected end of stream", "มีเครื่องหมายคำพูดหรือวงเล็บที่ยังไม่ได้ปิด", "a quote or bracket is not closed"),
    (
        "found unknown escape character",
        "ในเครื่องหมายคำพูดคู่ \\ ต้องเขียนเป็น \\\\ หรือใช้เครื่องหมายคำพูดเดี่ยว",
        "inside double quotes write \\\\ for a backslash, or use single quotes",
    ),
    (
        "found character that cannot start any token",
        "ข้อความที่ขึ้นต้นด้วย @ ` % หรือ | ต้องอยู่ในเครื่องหมายคำพูด",
        "a text starting with @, `, % or | must be in quotes",
    ),
    (
        "expected <block end>, but found",
        "ตรวจสอบการย่อหน้าของบรรทัดนี้และบรรทัดก่อนหน้า",
        "check the indentation of this line and the one before",
    ),
    ("expected a single document", "", ""),
]


def _syntax_problem(path: str, err: yaml.MarkedYAMLError) -> Problem:
    mark = err.problem_mark or err.context_mark
    detail = (err.problem or err.context or "").strip()
    if detail.startswith("expected a single document") or (err.context or "").startswith("expected a single document"):
        return Problem(pos_of(path, mark), "Y10")
    hint_th, hint_en = "ตรวจสอบบรรทัดนี้และบรรทัดก่อนหน้า", "check this line and the one before it"
    for needle, th, en in _SYNTAX_HINTS:
        if needle in detail or needle in (err.context or ""):
            hint_th, hint_en = th or hint_th, en or hint_en
            break
    return Problem(pos_of(path, mark), "Y05", {"detail": detail, "hint_th": hint_th, "hint_en": hint_en})


def _line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of text[index], counting line breaks as YAML does (a file saved with
    lone CRs, as old Mac editors do, has its problems on the right lines)."""
    head = text[:index]
    if "\r" not in head and "\u2028" not in head and "\u2029" not in head:
        return head.count("\n") + 1, index - (head.rfind("\n") + 1) + 1
    breaks = list(_BREAK.finditer(head))  # (index is never the LF of a CR LF: it is a tab or control)
    return len(breaks) + 1, index - (breaks[-1].end() if breaks else 0) + 1


def _check_keys(path: str, root: Node, problems: list[Problem]) -> None:
    """Keys must be plain scalars and appear once per mapping (PyYAML silently keeps the last)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            seen: dict[str, Node] = {}
            for key, value in node.value:
                if not isinstance(key, ScalarNode):
                    problems.append(Problem(pos_of(path, key.start_mark), "Y12"))
                else:
                    if key.value in seen:
                        problems.append(
                            Problem(
                                pos_of(path, key.start_mark),
                                "Y08",
                                {"key": key.value, "first_line": seen[key.value].start_mark.line + 1},
                                length=len(key.value),
                            )
                        )
                    else:
                        seen[key.value] = key
                stack.append(value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)


def load_text(text: str, path: str) -> Loaded:
    """Compose YAML text into a node tree, collecting every problem found."""
    loaded = Loaded(path, text)
    problems = loaded.problems
    if text.startswith("\ufeff"):
        problems.append(Problem(Pos(path, 1, 1), "Y03"))
        text = text[1:]
        loaded.text = text
    cleaned = text
    if "\t" in text or "\ufeff" in text or _CONTROL.search(text):
        chars = list(text)
        for m in re.finditer(r"\t|\ufeff|" + _CONTROL.pattern, text):
            line, col = _line_col(text, m.start())
            ch = m.group()
            if ch == "\t":
                problems.append(Problem(Pos(path, line, col), "Y04"))
                chars[m.start()] = " "
            elif ch == "\ufeff":  # a BOM pasted mid-file: named, and taken out so YAML reads on
                problems.append(Problem(Pos(path, line, col), "Y11", {"char": "U+FEFF (BOM)"}))
                chars[m.start()] = ""
            else:
                problems.append(Problem(Pos(path, line, col), "Y11", {"char": f"U+{ord(ch):04X}"}))
                chars[m.start()] = " "
        cleaned = "".join(chars)
    if not cleaned.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in cleaned.splitlines()):
        problems.append(Problem(Pos(path, 1, 1), "Y09"))
        return loaded
    loader = _StrictLoader(cleaned, path)
    try:
        root = loader.get_single_node()
    except _Stop as stop:
        problems.append(stop.problem)
        return loaded
    except yaml.MarkedYAMLError as err:
        problems.append(_syntax_problem(path, err))
        return loaded
    except yaml.YAMLError as err:  # reader errors without a mark
        problems.append(Problem(Pos(path, 1, 1), "Y05", {"detail": str(err)}))
        return loaded
    finally:
        loader.dispose()
    if root is None:
        problems.append(Problem(Pos(path, 1, 1), "Y09"))
        return loaded
    _check_keys(path, root, problems)
    loaded.root = root
    return loaded


def load_file(path: Path | str, display: str | None = None, root: Path | None = None) -> Loaded:
    """Read and compose one file. Reads at most MAX_BYTES + 1 bytes (counted as read, not taken from
    stat(), which says 0 for a device): a huge file costs no time or memory. Under ``root`` (the data
    folder) only regular files, or links to regular files inside it, are read (load.files.read_data)."""
    name = display or str(path)
    try:
        raw = read_data(path, MAX_BYTES, root)
    except NotReadable as refused:
        return Loaded(name, problems=[Problem(Pos(name, 1, 1), refused.code, refused.args_)])
    nul = raw.find(b"\x00")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = err.start if nul < 0 else min(nul, err.start)
        return _undecodable(name, raw, bad)
    if nul >= 0:
        return _undecodable(name, raw, nul)
    return load_text(text, name)


def _undecodable(name: str, raw: bytes, index: int) -> Loaded:
    head = raw[:index].decode("utf-8", errors="replace")
    line, col = _line_col(head, len(head))
    shown = raw.decode("utf-8", errors="replace")  # only to show the line with a caret
    return Loaded(name, text=shown, problems=[Problem(Pos(name, line, col), "Y02", {"byte": f"0x{raw[index]:02X}"})])
