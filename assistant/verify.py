"""Check an answer's citations against the passages it was given.

Markers ``[n]`` must point to a provided passage; numbers with units in the
answer must appear in a passage the same sentence cites. Pure functions over
strings, so every rule is easy to test.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from index.text import compact

# A citation marker as models and people write it: [1], [1,2], [1, 3], [1-3], ［１］, ［１，２］.
MARKER_ANY = re.compile(r"[\[［]\s*([0-9０-９]{1,3}(?:\s*[,，、\-－–~〜]\s*[0-9０-９]{1,3})*)\s*[\]］]")
MARKER = MARKER_ANY  # one parser for verification, rendering and eval
# A number with its unit: 376件, 2,500件, 30億円, 85%, 1.05億人, 令和6年 …
NUMBER = re.compile(
    r"(?<![0-9.,])\d[\d,]*(?:\.\d+)?\s*(?:兆|億|万|千)?\s*"
    r"(?:件|社|人|名|組織|機関|点|回|%|％|円|か所|カ所|倍|年度|年|月|日|時間|件数|者|団体|領域|分野|カ国|か国)"
)
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")
_LEADING_MARKERS = re.compile(r"^((?:\s*\[[\d,\- ]{1,12}\])+)")


@dataclass
class Verification:
    text: str
    used_markers: list[int] = field(default_factory=list)
    invalid_markers: list[int] = field(default_factory=list)
    unverified_numbers: list[str] = field(default_factory=list)


def marker_numbers(body: str) -> list[int]:
    """The passage numbers one marker names: 「1,2」 → [1, 2]; 「1-3」 → [1, 2, 3]."""
    body = unicodedata.normalize("NFKC", body)
    out: list[int] = []
    for part in re.split(r"\s*[,、]\s*", body):
        ends = [int(x) for x in re.split(r"\s*[-–~〜]\s*", part) if x.strip().isdigit()]
        if len(ends) == 2 and 0 <= ends[1] - ends[0] < 50:
            out.extend(range(ends[0], ends[1] + 1))
        else:
            out.extend(ends)
    return out


def markers_in(text: str) -> list[int]:
    """Passage numbers cited in ``text``, in order of first appearance."""
    seen: list[int] = []
    for m in MARKER_ANY.finditer(text):
        for n in marker_numbers(m.group(1)):
            if n not in seen:
                seen.append(n)
    return seen


def normalize_markers(text: str, valid) -> str:
    """Rewrite every marker as ``[n][m]`` in ASCII, dropping numbers not in ``valid``."""
    def one(m: re.Match) -> str:
        return "".join(f"[{n}]" for n in marker_numbers(m.group(1)) if n in valid)
    return MARKER_ANY.sub(one, text)


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
    cleaned = normalize_markers(text, passages)
    unverified: list[str] = []
    for sentence in split_sentences(cleaned):
        cited = markers_in(sentence) or list(passages)
        bodies = compact("".join(passages[n] for n in cited))
        for number in numbers_in(MARKER_ANY.sub("", sentence)):
            if number not in bodies and number not in unverified:
                unverified.append(number)
    return Verification(cleaned, markers_in(cleaned), invalid, unverified)


def coverage(text: str) -> float:
    """Share of answer sentences that carry at least one marker."""
    sentences = [s for s in split_sentences(text) if compact(MARKER_ANY.sub("", s))]
    if not sentences:
        return 0.0
    return sum(1 for s in sentences if MARKER_ANY.search(s)) / len(sentences)
