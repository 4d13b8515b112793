"""Find page furniture: headers, footers, legends and page numbers that PDF
extraction repeats through a file.

Detection is statistical, not a list of known strings. A line is furniture when

* its text recurs at least ``furniture_min_repeats`` times, is between
  ``furniture_min_chars`` and ``furniture_max_chars`` long and does not end a
  sentence (。) — single characters recur because tables print labels
  vertically (計/画/値), and they are content;
* the recurrences run through the file (their first and last occurrence are at
  least ``furniture_min_spread`` of the file apart): row labels of one table or
  the title of a group of slides recur in one place, page headers everywhere;
* it recurs *in varied surroundings*: 新旧対照表 print whole passages twice and
  boilerplate recurs with the same neighbours, page headers do not;
* short recurring headings (【指標】, ＜評価の視点＞) are structure, not furniture.

Each occurrence is then judged on its own: a furniture line is only removed
where it does not sit inside a sentence — when the line before it runs on
(ends in 、 or a particle) the occurrence is kept, because removing it would
change the quoted sentence. When in doubt a line is kept.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .config import IngestSettings
from .documents import Line
from .headings import CLOSERS, CONTINUES, heading_kind
from .text import compact, display_width, squeeze

PAGE_NUMBER = re.compile(r"^[-‐―—–ー－(（]?(?:p\.?|ページ)?\d{1,3}(?:/\d{1,3})?(?:ページ)?[-‐―—–ー－)）]?$", re.I)
# Numbered headings no longer than this that recur are section labels, never furniture;
# enclosed labels (【指標】, ＜重要度高・困難度高の設定理由＞) are kept at any heading length.
_KEEP_HEADING_CHARS = 15
_LABEL_KINDS = ("bracket", "angle", "square", "paren_title")
_NARROW_COLUMN = 24  # display width of a table cell that wraps every few characters


def _numeric(key: str) -> bool:
    return bool(re.fullmatch(r"[\d,.%△▲()（）\-－]+", key))


def _candidate_keys(lines: list[Line], content: list[int], keys: dict[int, str],
                    settings: IngestSettings) -> set[str]:
    counts = Counter(keys.values())
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for i in content:
        first.setdefault(keys[i], i)
        last[keys[i]] = i
    span = max(len(lines), 1)
    heading_keys = set()
    for i in content:
        kind = heading_kind(squeeze(lines[i].text))
        if kind and (len(keys[i]) <= _KEEP_HEADING_CHARS
                     or (kind.startswith(_LABEL_KINDS) and len(keys[i]) <= settings.heading_max_chars)):
            heading_keys.add(keys[i])
    return {
        k for k, c in counts.items()
        if c >= settings.furniture_min_repeats
        and settings.furniture_min_chars <= len(k) <= settings.furniture_max_chars
        and (last[k] - first[k]) / span >= settings.furniture_min_spread
        and k not in heading_keys and not k.endswith("。")
    }


def _varied(content: list[int], keys: dict[int, str], candidates: set[str], ratio: float) -> set[str]:
    """Candidates whose runs are preceded and followed by many different lines."""
    counts = Counter(keys[i] for i in content if keys[i] in candidates)
    prev_seen: dict[str, set[str]] = defaultdict(set)
    next_seen: dict[str, set[str]] = defaultdict(set)
    last_other = ""
    pending: list[str] = []
    for i in content:
        key = keys[i]
        if key in candidates:
            prev_seen[key].add(last_other)
            pending.append(key)
        else:
            for k in pending:
                next_seen[k].add(key)
            pending = []
            last_other = key
    for k in pending:
        next_seen[k].add("")
    return {
        k for k in candidates
        if len(prev_seen[k]) >= ratio * counts[k] and len(next_seen[k]) >= ratio * counts[k]
    }


def runs_on(before: str, line: str) -> bool:
    """True when ``line`` reads as the continuation of ``before`` (both compact text).

    ``before`` runs on when it ends in 、 or a particle, or when it is cut mid-phrase
    at the width of a narrow column and ``line`` is as wide (「する情報セキ」「ュリティ対策」).
    """
    if not before or before.endswith(CLOSERS):
        return False
    if before.endswith(CONTINUES):
        return True
    wa, wb = display_width(before), display_width(line)
    return max(wa, wb) <= _NARROW_COLUMN and abs(wa - wb) <= 2


def find_furniture(lines: list[Line], settings: IngestSettings) -> set[int]:
    """Return the line numbers (``Line.no``) of the furniture lines to drop from ``lines``."""
    content = [i for i, line in enumerate(lines) if line.text.strip()]
    keys = {i: compact(lines[i].text) for i in content}
    furniture_keys = _varied(content, keys, _candidate_keys(lines, content, keys, settings),
                             settings.furniture_context_ratio)
    result: set[int] = set()
    before = ""  # the last kept content line
    for i in content:
        if keys[i] in furniture_keys and not runs_on(before, keys[i]):
            result.add(lines[i].no)
            continue
        before = keys[i]

    # Page numbers are unique per page, so they cannot recur: a lone number whose
    # neighbours are prose (not a column of figures) is a page number.
    for n, i in enumerate(content):
        if not PAGE_NUMBER.match(keys[i]):
            continue
        prev = keys[content[n - 1]] if n > 0 else ""
        after = keys[content[n + 1]] if n + 1 < len(content) else ""
        if not _numeric(prev) and not _numeric(after) and len(prev) + len(after) > 4 \
                and not prev.endswith(CONTINUES):
            result.add(lines[i].no)
    return result
