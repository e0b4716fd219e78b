"""`changwat status`: how much of each office's content has an English translation.

    changwat status                      # a table per office (and the national content), then
                                         # every text still without English: path:line:col and the Thai
    changwat status --format markdown    # the same for a pull request summary or an issue
    changwat status --format json        # for scripts

:func:`translation_report` is the data behind it, for the site's editors' page: one
:class:`OfficeStatus` per data file (the national content first, then the offices by slug).
A text counts as translated when its ``en`` is written and not empty (the same rule as the
"not yet translated" note T01 of ``changwat validate --notes``).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..load.positions import visible
from ..model import National, Office, Pos
from ..project import Project

if TYPE_CHECKING:
    from ..model.dataset import Dataset

NATIONAL_SLUG = "national"
SHORT = 60  # characters of Thai shown for an untranslated text in text and Markdown output
_MARKS = {0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)}  # Thai vowel and tone marks above/below


@dataclass
class OfficeStatus:
    """The translation status of one data file."""

    slug: str  # registry slug of the office, or "national" for data/national.yaml
    path: str  # the file, as editors see it (data/provinces/ang-thong.yaml)
    total: int  # texts (each {th, en} pair counts once)
    translated: int  # texts with English
    missing: list[tuple[Pos, str]] = field(default_factory=list)  # (position of the Thai text, the Thai text)

    @property
    def untranslated(self) -> int:
        return self.total - self.translated

    @property
    def percent(self) -> float:
        """Share of texts with English, 0–100 (100 for a file without texts)."""
        return 100.0 * self.translated / self.total if self.total else 100.0

    @property
    def is_national(self) -> bool:
        return self.slug == NATIONAL_SLUG


def translation_report(dataset: Dataset) -> list[OfficeStatus]:
    """One OfficeStatus per file of a loaded dataset (``pipeline.load_dataset``): the national
    content first, then the offices by slug. Files with errors are counted as far as they could be
    read (their texts up to the error are known)."""
    from ..load.yaml import pos_of

    out: list[OfficeStatus] = []
    for path, conv in dataset.files.items():
        seen: set[int] = set()
        total = translated = 0
        missing: list[tuple[Pos, str]] = []
        for text, lang, node in conv.texts:
            if lang != "th" or id(text) in seen:
                continue
            seen.add(id(text))
            total += 1
            if text.en:
                translated += 1
            else:
                missing.append((pos_of(conv.path, node.start_mark), text.th))
        out.append(OfficeStatus(_slug(path, conv.obj), path, total, translated, missing))
    out.sort(key=lambda s: (not s.is_national, s.slug, s.path))
    return out


def _slug(path: str, obj: object) -> str:
    if isinstance(obj, National) or Path(path).name == "national.yaml":
        return NATIONAL_SLUG
    if isinstance(obj, Office):
        return obj.province
    return Path(path).stem


@dataclass
class Totals:
    total: int
    translated: int

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def totals(report: list[OfficeStatus]) -> Totals:
    return Totals(sum(s.total for s in report), sum(s.translated for s in report))


def shorten(th: str, limit: int = SHORT) -> str:
    """The first `limit` characters of a Thai text on one line, never cutting a vowel or tone mark
    off its consonant; "…" when cut."""
    flat = " ".join(th.split())
    if len(flat) <= limit:
        return flat
    cut = limit
    while cut < len(flat) and ord(flat[cut]) in _MARKS:
        cut += 1
    return flat[:cut].rstrip() + "…"


# ---------------------------------------------------------------------------------------------
# Output


def _pct(p: float) -> str:
    return f"{p:.1f}%"


def format_text(report: list[OfficeStatus], without_file: list[str]) -> str:
    from ..problems import display_width

    rows = [("สำนักงาน / office", "ข้อความ / texts", "แปลแล้ว / translated", "%")]
    rows += [(visible(s.slug), str(s.total), str(s.translated), _pct(s.percent)) for s in report]
    t = totals(report)
    rows.append(("รวม / total", str(t.total), str(t.translated), _pct(t.percent)))
    widths = [max(display_width(r[i]) for r in rows) for i in range(4)]

    def line(r: tuple[str, ...]) -> str:
        cells = [r[0] + " " * (widths[0] - display_width(r[0]))]
        cells += [" " * (widths[i] - display_width(r[i])) + r[i] for i in range(1, 4)]
        return "  ".join(cells).rstrip()

    out = ["สถานะการแปลภาษาอังกฤษ / English translation status", ""]
    out += [line(rows[0]), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows[1:-1]]
    out += ["  ".join("-" * w for w in widths), line(rows[-1])]
    if without_file:
        out += [
            "",
            f"ยังไม่มีไฟล์ {len(without_file)} สำนักงาน (แสดงเนื้อหามาตรฐานระดับประเทศ) / "
            f"{len(without_file)} office(s) have no file yet (they show the national content)",
        ]
    missing = [(pos, th) for s in report for pos, th in s.missing]
    if missing:
        out += ["", f"ยังไม่ได้แปล {len(missing)} ข้อความ / not yet translated: {len(missing)} text(s)"]
        out += [f"  {pos}: {visible(shorten(th))}" for pos, th in missing]
        out += ["  แก้ไข: เพิ่ม en: ใต้ th: ของข้อความเหล่านั้น / fix: add en: under th: for those texts"]
    else:
        out += ["", "ทุกข้อความมีคำแปลภาษาอังกฤษแล้ว / every text has an English translation"]
    return "\n".join(out)


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell or list item: on one line (line breaks and control
    characters shown escaped), with Markdown and HTML characters escaped."""
    text = visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "\\`*_[]|#~":
        text = text.replace(ch, "\\" + ch)
    return text


def _code(text: str) -> str:
    """A file name or position as inline code (as before), or escaped text when it holds a backtick
    (which would end the code span); on one line either way, and | escaped for the table."""
    shown = visible(text)
    if "`" in shown:
        return _md(text)
    return "`" + shown.replace("|", "\\|") + "`"


def format_markdown(report: list[OfficeStatus], without_file: list[str]) -> str:
    t = totals(report)
    out = [
        "## สถานะการแปลภาษาอังกฤษ / English translation status",
        "",
        "| สำนักงาน / office | ไฟล์ / file | ข้อความ / texts | แปลแล้ว / translated | % |",
        "|---|---|--:|--:|--:|",
    ]
    out += [f"| {_md(s.slug)} | {_code(s.path)} | {s.total} | {s.translated} | {_pct(s.percent)} |" for s in report]
    out.append(f"| **รวม / total** | | **{t.total}** | **{t.translated}** | **{_pct(t.percent)}** |")
    if without_file:
        out += [
            "",
            f"ยังไม่มีไฟล์ {len(without_file)} สำนักงาน (แสดงเนื้อหามาตรฐานระดับประเทศ) / "
            f"{len(without_file)} office(s) have no file yet (they show the national content).",
        ]
    for s in report:
        if s.missing:
            out += ["", f"### {_md(s.slug)}: ยังไม่ได้แปล / not yet translated ({len(s.missing)})", ""]
            out += [f"- {_code(str(pos))} {_md(shorten(th))}" for pos, th in s.missing]
    return "\n".join(out)


def format_json(report: list[OfficeStatus], without_file: list[str]) -> str:
    t = totals(report)
    data = {
        "offices": [
            {
                "slug": s.slug,
                "path": s.path,
                "total": s.total,
                "translated": s.translated,
                "percent": round(s.percent, 1),
                "missing": [{"path": pos.path, "line": pos.line, "col": pos.col, "th": th} for pos, th in s.missing],
            }
            for s in report
        ],
        "total": {"total": t.total, "translated": t.translated, "percent": round(t.percent, 1)},
        "offices_without_file": without_file,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


FORMATS = {"text": format_text, "markdown": format_markdown, "json": format_json}


def print_status(project: Project, fmt: str = "text") -> int:
    """`changwat status`: print the report; 0 (it is information, not a check)."""
    from ..check import load_dataset

    dataset, problems = load_dataset(project, lint=False)
    report = translation_report(dataset)
    errors = sorted({p.pos.path for p in problems if p.severity == "error"})
    # an office "has a file" when its file can be published: a misnamed file (R01) or one with
    # errors is not (the build refuses it), so the office still shows the national content
    with_file = {slug for slug, path in dataset.paths.items() if path not in errors}
    without_file = [p.slug for p in dataset.registry if p.slug not in with_file]
    print(FORMATS[fmt](report, without_file))
    if errors:
        print(
            f"\nหมายเหตุ: ไฟล์มีข้อผิดพลาด ตัวเลขอาจไม่ครบ ตรวจด้วย changwat validate / note: files with errors, "
            f"counts may be incomplete (run changwat validate): {', '.join(errors)}",
            file=sys.stderr,
        )
    return 0
