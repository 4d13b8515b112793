"""Find page furniture: headers, footers, legends and page numbers that PDF
extraction repeats through a file.

Detection is statistical, not a list of known strings: a line is furniture when
its text recurs at least ``min_repeats`` times *in varied surroundings*. The
surroundings matter because 新旧対照表 print whole passages twice and boilerplate
paragraphs recur; such lines repeat with the same neighbours, page headers do not.
Short recurring headings (【指標】, ＜評価の視点＞) are structure, and lines that end a
sentence (。) are prose: neither is furniture.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .documents import Line
from .headings import heading_kind
from .text import compact, squeeze

_PAGE_NUMBER = re.compile(r"^[-‐―—–ー－(（]?(?:p\.?|ページ)?\d{1,3}(?:/\d{1,3})?(?:ページ)?[-‐―—–ー－)）]?$", re.I)


def _numeric(key: str) -> bool:
    return bool(re.fullmatch(r"[\d,.%△▲()（）\-－]+", key))


def find_furniture(
    lines: list[Line],
    min_repeats: int = 4,
    max_chars: int = 80,
    context_ratio: float = 0.6,
    keep_heading_chars: int = 15,
) -> set[int]:
    """Return the 0-based indices of furniture lines in ``lines``."""
    content = [i for i, line in enumerate(lines) if line.text.strip()]
    keys = {i: compact(lines[i].text) for i in content}
    counts = Counter(keys.values())
    heading_keys = {
        keys[i] for i in content
        if len(keys[i]) <= keep_heading_chars and heading_kind(squeeze(lines[i].text)) is not None
    }
    candidates = {
        k for k, c in counts.items()
        if c >= min_repeats and len(k) <= max_chars and k not in heading_keys and not k.endswith("。")
    }
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
    furniture_keys = {
        k for k in candidates
        if len(prev_seen[k]) >= context_ratio * counts[k] and len(next_seen[k]) >= context_ratio * counts[k]
    }
    result = {i for i in content if keys[i] in furniture_keys}

    # Page numbers are unique per page, so they cannot recur: a lone number whose
    # neighbours are prose (not a column of figures) is a page number.
    for n, i in enumerate(content):
        if not _PAGE_NUMBER.match(keys[i]):
            continue
        before = keys[content[n - 1]] if n > 0 else ""
        after = keys[content[n + 1]] if n + 1 < len(content) else ""
        if not _numeric(before) and not _numeric(after) and len(before) + len(after) > 4:
            result.add(i)
    return result
