"""File -> :class:`Document`: encoding detection, PDF text layers, line table.

All I/O of ingestion happens here. Problems are raised as :class:`SkipFile`
with a reason a user can act on; the caller skips the file and goes on.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from .documents import Document, Line
from .text import display_width

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
PDF_SUFFIXES = {".pdf"}
_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n)|([^\r\n]+)$")


class SkipFile(Exception):
    """Raised when a file cannot be ingested; ``str()`` is the reason."""


def split_lines(text: str) -> list[Line]:
    """Physical lines with their offsets; ``\\r\\n``, ``\\r`` and ``\\n`` all end a line."""
    lines = []
    for no, m in enumerate(_LINE.finditer(text), start=1):
        body = m.group(1) if m.group(1) is not None else m.group(2)
        lines.append(Line(no, m.start(), m.start() + len(body), body))
    return lines


def _japanese_score(text: str) -> float:
    good = sum(
        1 for ch in text
        if "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
        or (ch.isascii() and (ch.isprintable() or ch in "\r\n\t"))
        or "\u3000" <= ch <= "\u303f"
    )
    return good / max(len(text), 1)


_ISO2022_ESCAPES = (b"\x1b$B", b"\x1b$@", b"\x1b$(D", b"\x1b$(Q", b"\x1b(J", b"\x1b(I")


def decode_bytes(data: bytes, max_bad_share: float = 0.01) -> tuple[str, str, int]:  # config: corpus.max_bad_byte_share
    """Decode Japanese text; return ``(text, encoding, replaced)``.

    UTF-8 (with/without BOM), UTF-16 (BOM), ISO-2022-JP (recognised by its escape
    sequences before any other guess), CP932/Shift_JIS and EUC-JP. When no encoding
    decodes cleanly, the best one is used with U+FFFD for the bad bytes, as long as
    they are a few (``max_bad_share`` of the text); ``replaced`` counts them.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _lenient(data[3:], "utf-8", "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _lenient(data, "utf-16", "utf-16")
    if b"\x00" in data[:8192]:
        raise SkipFile("binary file (contains NUL bytes)")
    if any(esc in data for esc in _ISO2022_ESCAPES) and max(data, default=0) < 0x80:
        # 7-bit text with JIS escapes: ISO-2022-JP (the _2004 codec also reads JIS X 0213).
        for enc in ("iso2022_jp", "iso2022_jp_2004", "iso2022_jp_ext"):
            try:
                return data.decode(enc), enc, 0
            except UnicodeDecodeError:
                continue
        return _lenient(data, "iso2022_jp_2004", "iso2022_jp")
    try:
        return data.decode("utf-8"), "utf-8", 0  # valid UTF-8 is almost never an accident
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for enc in ("cp932", "euc_jp"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _japanese_score(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is not None and best[0] >= 0.8:
        return best[1], best[2], 0
    # Nothing decodes cleanly: the encoding that needs the fewest replacements wins.
    tries = []
    for enc in ("utf-8", "cp932", "euc_jp"):
        text = data.decode(enc, errors="replace")
        tries.append((text.count("\ufffd"), -_japanese_score(text), enc, text))
    bad, neg_score, enc, text = min(tries)
    if bad <= max_bad_share * max(len(text), 1) and -neg_score >= 0.8:
        return text, enc, bad
    raise SkipFile("cannot decode as UTF-8, Shift_JIS/CP932, EUC-JP or ISO-2022-JP")


def _lenient(data: bytes, codec: str, name: str) -> tuple[str, str, int]:
    try:
        return data.decode(codec), name, 0
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        return text, name, text.count("\ufffd")


@dataclass
class _Fragment:
    x0: float
    x1: float
    y: float
    size: float
    text: str


def _page_fragments(page) -> list[_Fragment]:
    """Text fragments of a page with their positions (pypdf's visitor)."""
    out: list[_Fragment] = []

    def visit(text, cm, tm, _font, size):
        text = text.replace("\n", "").replace("\r", "")
        if not text.strip():
            return
        # Text space -> user space: tm x cm.
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        em = (size or 10.0) * (abs(tm[0] * cm[0]) or 1.0)
        out.append(_Fragment(x, x + em * display_width(text) / 2, y, em, text))

    page.extract_text(visitor_text=visit)
    return out


def _lines_of(fragments: list[_Fragment]) -> list[str]:
    """Group fragments into lines, top to bottom, each left to right."""
    rows: list[list[_Fragment]] = []
    for f in sorted(fragments, key=lambda f: (-f.y, f.x0)):
        if rows and abs(rows[-1][0].y - f.y) <= 0.4 * f.size:
            rows[-1].append(f)
        else:
            rows.append([f])
    lines = []
    for row in rows:
        row.sort(key=lambda f: f.x0)
        text = row[0].text
        for prev, f in pairwise(row):
            text += (" " if f.x0 - prev.x1 > 0.5 * f.size else "") + f.text
        lines.append(text)
    return lines


def _gutter(fragments: list[_Fragment], width: float) -> float | None:
    """The x of an empty vertical band splitting a page into two text columns.

    Both sides must hold text on at least a third of the page's lines: a
    新旧対照表 prints 変更案 and 現行 side by side; a page of prose has no gutter.
    A title or a page number may cross it (a tenth of the lines at most).
    """
    if len(fragments) < 6:
        return None
    rows = {round(f.y) for f in fragments}
    best: tuple[float, float] | None = None
    for k in range(18, 43):  # candidate gutters between 30 % and 70 % of the page width
        x = width * k / 60
        crossing = {round(f.y) for f in fragments if f.x0 < x < f.x1}
        if len(crossing) > max(2, 0.1 * len(rows)):
            continue
        left = {round(f.y) for f in fragments if f.x1 <= x} - crossing
        right = {round(f.y) for f in fragments if f.x0 >= x} - crossing
        if min(len(left), len(right)) < len(rows) / 3:
            continue
        if best is None or abs(x - width / 2) < best[0]:
            best = (abs(x - width / 2), x)
    return best[1] if best else None


def _page_text(page) -> str:
    """A page's text in reading order; two side-by-side columns come out one after the other.

    Lines that cross the gutter go before the columns when they are above them (a
    title) and after them otherwise (a page number).
    """
    fragments = _page_fragments(page)
    gutter = _gutter(fragments, float(page.mediabox.width))
    if gutter is None:
        return "\n".join(_lines_of(fragments))
    crossing_rows = {round(f.y) for f in fragments if f.x0 < gutter < f.x1}
    spanning = [f for f in fragments if round(f.y) in crossing_rows]
    columns = [f for f in fragments if round(f.y) not in crossing_rows]
    top = max((f.y for f in columns), default=0.0)
    head = [f for f in spanning if f.y > top]
    foot = [f for f in spanning if f.y <= top]
    left = [f for f in columns if f.x1 <= gutter]
    right = [f for f in columns if f.x0 >= gutter]
    return "\n".join(_lines_of(head) + _lines_of(left) + _lines_of(right) + _lines_of(foot))


def _read_pdf(path: Path) -> tuple[str, list[int]]:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PdfStreamError

    # pypdf logs its own warnings ("EOF marker not found") without the file's name;
    # problems reach the user as one SkipFile line that names the file instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path))
        pages = [_page_text(page) for page in reader.pages]
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, OSError) as exc:
        raise SkipFile(f"unreadable PDF ({exc.__class__.__name__}: {exc})") from None
    if not any(p.strip() for p in pages):
        raise SkipFile("PDF has no text layer (a scanned image?): run OCR on it first "
                       "(e.g. ocrmypdf -l jpn in.pdf out.pdf) and add the result")
    starts, text = [], ""
    for page in pages:
        starts.append(len(text))
        text += page if page.endswith("\n") else page + "\n"
    return text, starts


def read_document(path: Path, source: str, max_bytes: int, max_bad_share: float = 0.01) -> Document:
    """Read one file into a :class:`Document` or raise :class:`SkipFile`."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SkipFile(f"cannot read ({exc.strerror})") from None
    if size > max_bytes:
        raise SkipFile(f"too large ({size / 1e6:.1f} MB > limit {max_bytes / 1e6:.1f} MB)")
    suffix = path.suffix.lower()
    page_starts: list[int] = []
    replaced = 0
    if suffix in PDF_SUFFIXES:
        text, page_starts = _read_pdf(path)
        encoding = "pdf"
    elif suffix in TEXT_SUFFIXES:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SkipFile(f"cannot read ({exc.strerror})") from None
        text, encoding, replaced = decode_bytes(data, max_bad_share)
    else:
        raise SkipFile(f"unsupported file type '{suffix or '(none)'}'")
    if not text.strip():
        raise SkipFile("empty file (no text)")
    return Document(
        path=str(path), source=source, text=text, encoding=encoding,
        lines=split_lines(text), page_starts=page_starts, replaced_bytes=replaced,
    )


def _link_problem(path: Path, root: Path) -> str | None:
    """Why a symlink inside the corpus folder must not be read, or None when it is safe."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "broken or looping symlink"
    try:
        target.relative_to(root.resolve())
    except ValueError:
        return "symlink to a file outside the corpus folder (not followed)"
    return None


def iter_files(paths: list[Path], suffixes: set[str]) -> list[tuple[Path, str, str | None]]:
    """Walk files and folders; return ``(path, source name, problem)`` in a stable order.

    Folders are walked without following symlinked folders (so no loops); a
    symlinked file is only read when it points inside the same folder. ``problem``
    says why a file will be skipped (``None`` for a file to read).
    """
    found: list[tuple[Path, str, str | None]] = []
    for root in paths:
        if root.is_dir():
            entries = []
            for folder, dirs, files in os.walk(root, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for d in dirs:
                    if (Path(folder) / d).is_symlink():
                        entries.append((Path(folder) / d, "symlinked folder (not followed)"))
                for name in files:
                    p = Path(folder) / name
                    if name.startswith(".") or p.suffix.lower() not in suffixes:
                        continue
                    entries.append((p, _link_problem(p, root) if p.is_symlink() else None))
            for p, problem in sorted(entries):
                found.append((p, p.relative_to(root).as_posix(), problem))
        else:
            found.append((root, root.name, None if root.exists() else "not found"))
    return found
