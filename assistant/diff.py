"""What changed between two versions of a passage (現行 -> 変更案), character by character.

Pure functions on text: both sides are NFKC-normalized with spaces removed, so
full-width digits and PDF line-break spaces do not count as changes.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .values import values_in


@dataclass(frozen=True)
class Piece:
    """A run of characters: ``same`` in both, only in the ``new`` (inserted) or only in the ``old`` (deleted)."""

    op: str  # "same" | "ins" | "del"
    text: str


def normalize(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def char_diff(old: str, new: str) -> list[Piece]:
    """Old -> new as runs of unchanged, deleted and inserted characters (deletions before insertions)."""
    a, b = normalize(old), normalize(new)
    out: list[Piece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(Piece("same", a[i1:i2]))
            continue
        if i2 > i1:
            out.append(Piece("del", a[i1:i2]))
        if j2 > j1:
            out.append(Piece("ins", b[j1:j2]))
    return out


def changed_figures(old: str, new: str) -> list[tuple[str, str]]:
    """Figures (with unit) that differ, paired in order: [("376件以上", "378件以上")].

    A figure only on one side is paired with "" (added or removed).
    """
    before = [v.text for v in values_in(normalize(old))]
    after = [v.text for v in values_in(normalize(new))]
    common = Counter(before) & Counter(after)
    gone = [v for v in before if not _take(common, v)]
    common = Counter(before) & Counter(after)
    came = [v for v in after if not _take(common, v)]
    pairs = list(zip(gone, came))
    pairs += [(v, "") for v in gone[len(pairs):]] + [("", v) for v in came[len(pairs):]]
    return pairs


def _take(counter: Counter, value: str) -> bool:
    if counter[value] > 0:
        counter[value] -= 1
        return True
    return False


def change_summary(old: str, new: str, old_label: str = "現行", new_label: str = "変更案") -> str:
    """One line: 「現行 376件以上 → 変更案 378件以上」, or what kind of change it is."""
    if normalize(old) == normalize(new):
        return "変更なし（同じ文言）"
    figures = changed_figures(old, new)
    if figures:
        parts = [f"{o or '（なし）'} → {n or '（なし）'}" for o, n in figures]
        return f"数値の変更（{old_label} → {new_label}）：" + "、".join(parts)
    return f"文言の変更（{old_label} → {new_label}、数値は同じ）"
