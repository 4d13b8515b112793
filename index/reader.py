"""File -> :class:`Document`: encoding detection, PDF text layers, line table.

All I/O of ingestion happens here. Problems are raised as :class:`SkipFile`
with a reason a user can act on; the caller skips the file and goes on.
"""

from __future__ import annotations

import re
from pathlib import Path

from .documents import Document, Line

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
PDF_SUFFIXES = {".pdf"}
# Tried in this order; the first strict decode with the most Japanese-looking
# result wins (short byte strings can decode as several encodings).
CANDIDATE_ENCODINGS = ("utf-8", "cp932", "euc_jp", "iso2022_jp")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


class SkipFile(Exception):
    """Raised when a file cannot be ingested; ``str()`` is the reason."""


def split_lines(text: str) -> list[Line]:
    """Physical lines with their offsets; ``\\r\\n``, ``\\r`` and ``\\n`` all end a line."""
    lines = []
    for no, m in enumerate(_LINE.finditer(text), start=1):
        raw = m.group(0)
        body = raw.rstrip("\r\n")
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


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode Japanese text in UTF-8 (with/without BOM), UTF-16 (BOM), CP932, EUC-JP or JIS."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:8192]:
        raise SkipFile("binary file (contains NUL bytes)")
    best: tuple[float, str, str] | None = None
    for enc in CANDIDATE_ENCODINGS:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if enc == "utf-8":  # valid UTF-8 is almost never an accident
            return text, enc
        score = _japanese_score(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is None or best[0] < 0.8:
        raise SkipFile("cannot decode as UTF-8, Shift_JIS/CP932, EUC-JP or ISO-2022-JP")
    return best[1], best[2]


def _read_pdf(path: Path) -> tuple[str, list[int]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [(page.extract_text() or "") for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise SkipFile(f"unreadable PDF ({exc.__class__.__name__}: {exc})") from None
    if not any(p.strip() for p in pages):
        raise SkipFile("PDF has no text layer (scanned image?); OCR is not supported")
    starts, text = [], ""
    for page in pages:
        starts.append(len(text))
        text += page if page.endswith("\n") else page + "\n"
    return text, starts


def read_document(path: Path, source: str, max_bytes: int) -> Document:
    """Read one file into a :class:`Document` or raise :class:`SkipFile`."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SkipFile(f"cannot read ({exc.strerror})") from None
    if size > max_bytes:
        raise SkipFile(f"too large ({size / 1e6:.1f} MB > limit {max_bytes / 1e6:.1f} MB)")
    suffix = path.suffix.lower()
    page_starts: list[int] = []
    if suffix in PDF_SUFFIXES:
        text, page_starts = _read_pdf(path)
        encoding = "pdf"
    elif suffix in TEXT_SUFFIXES:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SkipFile(f"cannot read ({exc.strerror})") from None
        text, encoding = decode_bytes(data)
    else:
        raise SkipFile(f"unsupported file type '{suffix or '(none)'}'")
    if not text.strip():
        raise SkipFile("empty file (no text)")
    return Document(
        path=str(path), source=source, text=text, encoding=encoding,
        lines=split_lines(text), page_starts=page_starts,
    )


def iter_files(paths: list[Path], suffixes: set[str]) -> list[tuple[Path, str]]:
    """Walk files and folders recursively; return (path, source name) in a stable order."""
    found: list[tuple[Path, str]] = []
    for root in paths:
        if root.is_dir():
            for p in sorted(root.rglob("*")):
                if p.is_file() and p.suffix.lower() in suffixes and not p.name.startswith("."):
                    found.append((p, p.relative_to(root).as_posix()))
        elif root.exists():
            found.append((root, root.name))
        else:
            found.append((root, root.name))  # reported as unreadable by the reader
    return found
