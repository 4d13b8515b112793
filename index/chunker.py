"""Sentences -> chunks: pack whole sentences up to a target size.

A chunk never crosses a part, a section, a version label or a table segment.
Headings with no text of their own are carried into the next chunk so that a
chunk never consists of a bare heading when text follows.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

from .documents import Chunk, Sentence, SentenceSpan
from .text import compact


@dataclass(frozen=True)
class Located:
    """A sentence with where it belongs."""

    sentence: Sentence
    section: tuple[str, ...]
    version: str | None
    group: int | None
    segment: int


def _pack(items: list[Located], target: int, overlap: int) -> list[list[Located]]:
    chunks: list[list[Located]] = []
    cur: list[Located] = []
    size = 0
    for item in items:
        n = len(item.sentence.text)
        if cur and size + n > target and not all(c.sentence.is_heading for c in cur):
            chunks.append(cur)
            tail: list[Located] = []
            tail_size = 0
            for prev in reversed(cur):
                if prev.sentence.is_heading or tail_size + len(prev.sentence.text) > overlap:
                    break
                tail.insert(0, prev)
                tail_size += len(prev.sentence.text)
            cur, size = tail, tail_size
        cur.append(item)
        size += n
    if cur:
        chunks.append(cur)
    return chunks


def group_sentences(located: list[Located], target: int, overlap: int) -> list[list[Located]]:
    """Group sentences into chunk-sized lists of sentences."""
    groups: list[list[Located]] = []
    for item in located:
        key = (item.segment, item.section, item.version)
        if groups and (groups[-1][0].segment, groups[-1][0].section, groups[-1][0].version) == key:
            groups[-1].append(item)
        else:
            groups.append([item])
    out: list[list[Located]] = []
    carry: list[Located] = []
    for g in groups:
        if all(i.sentence.is_heading for i in g):
            same = carry and carry[0].segment == g[0].segment and carry[0].version == g[0].version
            if not same or sum(len(i.sentence.text) for i in carry + g) > target // 2:
                if carry:
                    out.append(carry)
                carry = []
            carry = carry + g
            continue
        if carry and carry[0].segment == g[0].segment and carry[0].version == g[0].version:
            g = [Located(i.sentence, g[0].section, i.version, i.group, i.segment) for i in carry] + g
        elif carry:
            out.append(carry)
        carry = []
        out.extend(_pack(g, target, overlap))
    if carry:
        out.append(carry)
    return out


def make_chunks(
    located: list[Located], *, source: str, title: str, part: int, organization: str | None,
    page_of, target: int, overlap: int,
) -> list[Chunk]:
    """Build :class:`Chunk` records with stable, content-derived ids."""
    chunks: list[Chunk] = []
    seen: Counter[str] = Counter()
    for items in group_sentences(located, target, overlap):
        text = ""
        spans: list[SentenceSpan] = []
        for item in items:
            s = item.sentence
            if text and s.starts_line:
                text += "\n"
            spans.append(SentenceSpan(len(text), len(text) + len(s.text), s.line_start, s.line_end))
            text += s.text
        first = items[0].sentence
        version = items[-1].version
        key = f"{source}\0{part}\0{version}\0{compact(text)}"
        seen[key] += 1
        chunk_id = hashlib.sha1(f"{key}\0{seen[key]}".encode()).hexdigest()[:16]
        chunks.append(Chunk(
            chunk_id=chunk_id, source=source, title=title, part=part,
            section=list(items[-1].section), version=version, counterpart=None,
            line_start=min(i.sentence.line_start for i in items),
            line_end=max(i.sentence.line_end for i in items),
            char_start=first.char_start, char_end=max(i.sentence.char_end for i in items),
            page=page_of(first.char_start), text=text, sentences=spans,
            organization=organization,
            group=f"{source}#{part}#{items[-1].group}" if items[-1].group is not None else None,
        ))
    _link_versions(chunks)
    return chunks


def _link_versions(chunks: list[Chunk]) -> None:
    """Pair the n-th 変更案 chunk of a changed passage with its n-th 現行 chunk."""
    by_group: dict[str, dict[str, list[Chunk]]] = {}
    for c in chunks:
        if c.group and c.version:
            by_group.setdefault(c.group, {}).setdefault(c.version, []).append(c)
    for versions in by_group.values():
        sides = list(versions.values())
        if len(sides) != 2:
            continue
        a, b = sides
        for k in range(max(len(a), len(b))):
            x, y = a[min(k, len(a) - 1)], b[min(k, len(b) - 1)]
            x.counterpart = x.counterpart or y.chunk_id
            y.counterpart = y.counterpart or x.chunk_id
