"""Lines -> sentences: undo PDF line wrapping without inserting spaces.

A new sentence starts after 。！？, at a heading, and at a list item (①, ・, ➢ …).
Otherwise wrapped lines are re-joined. A run without any sentence end (tables)
is cut at a line boundary once it exceeds ``max_chars``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .documents import Line, Sentence
from .headings import LIST_START
from .text import join_pieces, squeeze

_ENDS = re.compile(r"[^。！？!?]*[。！？!?]+[」』）)]*|[^。！？!?]+$")


def _pieces(line: Line) -> Iterable[tuple[int, str, bool]]:
    """Split a line into (absolute offset, text, ends_sentence) pieces."""
    body = line.text
    for m in _ENDS.finditer(body):
        raw = m.group(0)
        text = raw.strip()
        if not text:
            continue
        offset = line.start + m.start() + (len(raw) - len(raw.lstrip()))
        yield offset, text, bool(re.search(r"[。！？!?][」』）)]*$", text))


def build_sentences(
    lines: list[Line], indices: list[int], headings: dict[int, str], max_chars: int
) -> list[Sentence]:
    """Assemble sentences from the content lines ``indices`` (in reading order)."""
    out: list[Sentence] = []
    buf: list[tuple[Line, int, str]] = []
    buf_starts_line = True

    def flush() -> None:
        nonlocal buf
        if buf:
            text = join_pieces([p for _, _, p in buf])
            first_line, first_off, _ = buf[0]
            last_line, last_off, last_text = buf[-1]
            out.append(Sentence(text, first_line.no, last_line.no, first_off,
                                last_off + len(last_text), False, buf_starts_line))
        buf = []

    for idx in indices:
        line = lines[idx]
        if idx in headings:
            flush()
            body = line.text.strip()
            off = line.start + line.text.index(body[0])
            out.append(Sentence(body, line.no, line.no, off, off + len(body), True, True))
            continue
        if LIST_START.match(squeeze(line.text)):
            flush()
        for offset, piece, ends in _pieces(line):
            if not buf:
                buf_starts_line = offset == line.start + len(line.text) - len(line.text.lstrip())
            # A single line longer than the limit is cut where it must be.
            while len(piece) > max_chars:
                buf.append((line, offset, piece[:max_chars]))
                flush()
                offset, piece = offset + max_chars, piece[max_chars:]
                buf_starts_line = False
            if buf and sum(len(p) for _, _, p in buf) + len(piece) > max_chars:
                flush()
                buf_starts_line = False
            buf.append((line, offset, piece))
            if ends:
                flush()
    flush()
    return out
