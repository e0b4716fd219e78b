"""Positions in source files: where every value an editor wrote came from (1-based line and column)."""

from __future__ import annotations

from dataclasses import dataclass, field


def visible(text: str) -> str:
    """Text shown to a reader on one line with nothing that acts: line breaks, terminal escape
    sequences (ESC, BEL), bidi and other invisible characters are shown escaped (\\n, \\x1b,
    \\u202e). Printable text, Thai marks included, is unchanged."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


@dataclass(frozen=True, slots=True)
class Pos:
    """A place in a source file: 1-based line and column (columns count code points)."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{visible(self.path)}:{self.line}:{self.col}"  # a file name cannot break the report


@dataclass(slots=True)
class Src:
    """Where a record came from: the mapping's own position and each key's value position."""

    at: Pos
    keys: dict[str, Pos] = field(default_factory=dict)
    values: dict[str, Pos] = field(default_factory=dict)
    items: dict[str, list[Pos]] = field(default_factory=dict)  # positions of list entries

    def value(self, name: str) -> Pos:
        return self.values.get(name, self.at)

    def item(self, name: str, index: int) -> Pos:
        entries = self.items.get(name)
        return entries[index] if entries and index < len(entries) else self.value(name)
