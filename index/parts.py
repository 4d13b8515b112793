"""Several documents in one file: find where each part starts and its title.

A file that bundles documents repeats the shape of its own first title line
(e.g. three lines ending in 「…の変更 新旧対照表」). Later lines that end like the
first title, occur once, and look like titles start new parts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    start: int  # index into the content-line list
    end: int
    title_line: int | None  # content-line index of the title, if the part has one


def _looks_like_title(key: str) -> bool:
    return 8 <= len(key) <= 120 and not key.endswith(("。", "、"))


SIGNATURE_CHARS = 5  # a later title ends like the first title's last this many characters


def find_parts(units: list[str]) -> list[Part]:
    """Split content lines (compact text) into parts; one part when nothing repeats."""
    if not units:
        return []
    first = units[0]
    if not _looks_like_title(first):
        return [Part(0, len(units), None)]
    tail = first[-SIGNATURE_CHARS:]
    counts = Counter(units)
    starts = [0]
    for i, key in enumerate(units[1:], start=1):
        if (key != first and key.endswith(tail) and counts[key] == 1 and _looks_like_title(key)
                and 0.5 * len(first) <= len(key) <= 2 * len(first)):
            starts.append(i)
    bounds = [*starts, len(units)]
    return [Part(bounds[k], bounds[k + 1], bounds[k]) for k in range(len(starts))]
