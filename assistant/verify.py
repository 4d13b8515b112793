"""Check an answer's citations against the passages it was given.

Markers ``[n]`` must point to a provided passage; numbers with units in the
answer must appear in a passage the same sentence cites. Pure functions over
strings, so every rule is easy to test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.text import compact

MARKER = re.compile(r"\[(\d{1,3})\]")
# A number with its unit: 376件, 2,500件, 30億円, 85%, 1.05億人, 令和6年 …
NUMBER = re.compile(
    r"(?<![0-9.,])\d[\d,]*(?:\.\d+)?\s*(?:兆|億|万|千)?\s*"
    r"(?:件|社|人|名|組織|機関|点|回|%|％|円|か所|カ所|倍|年度|年|月|日|時間|件数|者|団体|領域|分野|カ国|か国)"
)
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")
_LEADING_MARKERS = re.compile(r"^((?:\s*\[\d{1,3}\])+)")


@dataclass
class Verification:
    text: str
    used_markers: list[int] = field(default_factory=list)
    invalid_markers: list[int] = field(default_factory=list)
    unverified_numbers: list[str] = field(default_factory=list)


def markers_in(text: str) -> list[int]:
    """Markers in order of first appearance."""
    seen: list[int] = []
    for m in MARKER.finditer(text):
        n = int(m.group(1))
        if n not in seen:
            seen.append(n)
    return seen


def numbers_in(text: str) -> list[str]:
    return [compact(m.group(0)) for m in NUMBER.finditer(text)]


def split_sentences(text: str) -> list[str]:
    """Answer sentences; a marker right after 。 stays with the sentence it follows."""
    parts: list[str] = []
    for line in text.splitlines():
        for piece in _SENTENCE_END.split(line):
            piece = piece.strip()
            lead = _LEADING_MARKERS.match(piece)
            if lead and parts:
                parts[-1] += lead.group(1).replace(" ", "")
                piece = piece[lead.end():].strip()
            if piece:
                parts.append(piece)
    return parts


def verify(text: str, passages: dict[int, str]) -> Verification:
    """Drop markers that point nowhere; flag numbers no cited passage contains."""
    invalid = [n for n in markers_in(text) if n not in passages]
    cleaned = MARKER.sub(lambda m: m.group(0) if int(m.group(1)) in passages else "", text)
    unverified: list[str] = []
    for sentence in split_sentences(cleaned):
        cited = markers_in(sentence) or list(passages)
        bodies = compact("".join(passages[n] for n in cited))
        for number in numbers_in(MARKER.sub("", sentence)):
            if number not in bodies and number not in unverified:
                unverified.append(number)
    return Verification(cleaned, markers_in(cleaned), invalid, unverified)


def coverage(text: str) -> float:
    """Share of answer sentences that carry at least one marker."""
    sentences = [s for s in split_sentences(text) if compact(MARKER.sub("", s))]
    if not sentences:
        return 0.0
    return sum(1 for s in sentences if MARKER.search(s)) / len(sentences)
