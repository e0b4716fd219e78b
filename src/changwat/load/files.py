"""Which files are data: the national file and one YAML file per office, as editors see their paths;
and how a data file is read.

Only regular files are data. Under the data folder a file is read only if it is a regular file, or a
symbolic link to a regular file inside the data folder: a link to /etc/passwd, /proc/self/environ or
/dev/zero, a link loop, a FIFO, a device or a folder named ``x.yaml`` is a located problem (Y14, Y15),
never read, never a hang and never a traceback. Reads are bounded by the bytes actually read (a
device reports size 0), not by stat().

Every file under the data folder is either published (``national.yaml``, ``provinces/<x>.yaml``)
or known (``CORRECTIONS.md``, ``LICENSE``, ``thai-allowlist.txt``, ``registry/``) or reported (R06): a file
named ``krabi.YAML``, ``krabi.yaml.txt`` or ``provinces/sub/krabi.yaml`` would otherwise pass
validation and never be published.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

NATIONAL = "national.yaml"
PROVINCES = "provinces"
# files of the data folder that are not data files and not published, but known (read elsewhere)
KNOWN_FILES = frozenset({"CORRECTIONS.md", "LICENSE", "thai-allowlist.txt"})  # LICENSE: the data's licence
KNOWN_DIRS = frozenset({"registry"})
# folders no editor writes and nothing publishes, wherever they are: Python's bytecode cache (a data
# folder that holds a script, such as registry/make_dopa.py or a test fixture's hook, gets one)
IGNORED_DIRS = frozenset({"__pycache__"})


def display_path(path: Path | str) -> str:
    """Paths as editors see them: relative to the working directory when possible. The folders are
    resolved, never the file itself: a symbolic link is shown (and reported) under its own name."""
    p = Path(os.path.abspath(path))
    try:
        real = Path(os.path.realpath(p.parent)) / p.name
    except OSError:  # pragma: no cover - realpath does not raise on Linux
        real = p
    cwd = Path(os.path.realpath(os.getcwd()))
    for candidate in (p, real):
        try:
            return str(candidate.relative_to(cwd))
        except ValueError:
            continue
    return str(path)


def file_key(path: Path) -> Path:
    """One key per file as named (real folder + own name): two names of one file stay two files."""
    p = Path(os.path.abspath(path))
    return Path(os.path.realpath(p.parent)) / p.name


def data_files(data: Path) -> list[Path]:
    """The data files of a data folder: national.yaml first, then the offices' files by name."""
    files = [data / NATIONAL] if os.path.lexists(data / NATIONAL) else []
    provinces = data / PROVINCES
    return files + sorted(provinces.glob("*.yaml")) + sorted(provinces.glob("*.yml"))


def stray_files(data: Path) -> list[Path]:
    """Files (and linked folders) under the data folder that are neither published nor known: each
    is reported (R06), because nothing in it would ever reach the site."""
    if not data.is_dir():
        return []
    published = {file_key(p) for p in data_files(data)}
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(data):  # does not follow linked folders
        folder = Path(dirpath)
        top = folder == data
        if top:
            dirnames[:] = [d for d in dirnames if d not in KNOWN_DIRS or (folder / d).is_symlink()]
        dirnames[:] = [d for d in dirnames if d not in IGNORED_DIRS or (folder / d).is_symlink()]
        for d in sorted(dirnames):
            if (folder / d).is_symlink():
                out.append(folder / d)
        for name in sorted(filenames):
            p = folder / name
            if top and name in KNOWN_FILES:
                continue
            if file_key(p) not in published:
                out.append(p)
        dirnames.sort()
    return sorted(out)


def suggested_place(path: Path, data: Path) -> Path:
    """Where a stray office file probably belongs: data/provinces/<name, lower case>.yaml."""
    stem = path.name.split(".", 1)[0].strip().lower() or "province"
    return data / PROVINCES / f"{stem}.yaml"


def is_national(path: Path) -> bool:
    return path.name == NATIONAL


# ---------------------------------------------------------------------------------------------
# Reading


class NotReadable(Exception):
    """A path that must not be read as data: a problem code and its message arguments."""

    def __init__(self, code: str, **args: object):
        super().__init__(code, args)
        self.code, self.args_ = code, args


_KINDS = [  # (test, Thai, English) for what a non-regular file is
    (stat.S_ISDIR, "เป็นโฟลเดอร์", "a folder"),
    (stat.S_ISFIFO, "เป็นท่อส่งข้อมูล (FIFO)", "a pipe (FIFO)"),
    (stat.S_ISCHR, "เป็นอุปกรณ์", "a device"),
    (stat.S_ISBLK, "เป็นอุปกรณ์", "a device"),
    (stat.S_ISSOCK, "เป็นซ็อกเก็ต", "a socket"),
]


def _kind(mode: int) -> tuple[str, str]:
    for test, th, en in _KINDS:
        if test(mode):
            return th, en
    return "ไม่ใช่ไฟล์ธรรมดา", "not a regular file"


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def read_data(path: Path | str, limit: int, root: Path | None = None) -> bytes:
    """The bytes of a data file, at most ``limit + 1`` of them (one more than allowed shows the file
    is too large, whatever stat() says). Raises NotReadable (Y14 not a regular file, Y15 a link
    that leaves the data folder / loops / leads nowhere, C01 cannot be read).

    ``root`` is the data folder: a path inside it must be a regular file, or a link to a regular
    file inside it. Paths outside it (a draft the editor names) are read as given, still bounded."""
    p = Path(os.path.abspath(path))
    under = root is not None and _inside(file_key(p), Path(os.path.realpath(root)))
    target = p
    if under:
        assert root is not None
        try:
            real = p.resolve(strict=True)
        except RuntimeError:  # Python 3.11: a symlink loop
            raise NotReadable("Y15", reason_th="วนกลับมาที่ตัวเอง", reason_en="loops back on itself") from None
        except OSError as err:
            if err.errno == errno.ELOOP:
                raise NotReadable("Y15", reason_th="วนกลับมาที่ตัวเอง", reason_en="loops back on itself") from None
            if os.path.islink(p):
                raise NotReadable(
                    "Y15", reason_th="ชี้ไปยังไฟล์ที่ไม่มีอยู่", reason_en="points to a file that does not exist"
                ) from None
            raise NotReadable("C01", path=f"{display_path(p)} ({err.strerror})") from None
        if not _inside(real, Path(os.path.realpath(root))):
            raise NotReadable("Y15", reason_th="ชี้ออกไปนอกโฟลเดอร์ข้อมูล", reason_en="points outside the data folder")
        target = real
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused just below)
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise NotReadable("Y15", reason_th="วนกลับมาที่ตัวเอง", reason_en="loops back on itself") from None
        if err.errno == errno.EISDIR:
            raise NotReadable("Y14", kind_th="เป็นโฟลเดอร์", kind_en="a folder") from None
        raise NotReadable("C01", path=f"{display_path(p)} ({err.strerror})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            if under or stat.S_ISDIR(st.st_mode):
                th, en = _kind(st.st_mode)
                raise NotReadable("Y14", kind_th=th, kind_en=en)
            os.set_blocking(fd, True)  # a pipe the editor named on purpose (/dev/stdin)
        elif st.st_size > limit:
            raise NotReadable("Y01", size=st.st_size, limit=limit)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(limit + 1 - total, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise NotReadable(
                "Y01", size=f"{limit + 1}+" if not stat.S_ISREG(st.st_mode) else max(st.st_size, total), limit=limit
            )
        return b"".join(chunks)
    except OSError as err:
        if err.errno == errno.EISDIR:
            raise NotReadable("Y14", kind_th="เป็นโฟลเดอร์", kind_en="a folder") from None
        raise NotReadable("C01", path=f"{display_path(p)} ({err.strerror})") from None
    finally:
        os.close(fd)
