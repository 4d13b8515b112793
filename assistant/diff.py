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


def changed_words(old: str, new: str, join_gap: int = 2) -> list[tuple[str, str]]:
    """The changed stretches, old -> new, in text order, each grown to whole words and whole figures with their
    units (「55カ国」→「56カ国」; a figure or date next to a changed word comes with it):
    「デジタル社会実装基盤全国総合整備計画（仮称）を策定」 -> 「デジタルライフライン全国総合整備計画を策定」 gives
    [("デジタル社会実装基盤全国総合整備計画(仮称)", "デジタルライフライン全国総合整備計画")].

    Changes separated by fewer than ``join_gap`` unchanged characters are one change (a character diff of
    Japanese splits a replaced word into pieces). Empty when the texts are the same, or share less than half
    their characters — then they are not two versions of one sentence."""
    a, b = normalize(old), normalize(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if a == b or matcher.ratio() < 0.5:
        return []
    regions: list[list[int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if regions and i1 - regions[-1][1] < join_gap and j1 - regions[-1][3] < join_gap:
            regions[-1][1], regions[-1][3] = i2, j2
        else:
            regions.append([i1, i2, j1, j2])
    # Changes inside one figure are one change (「12,345件」→「22,346件」: two digits apart).
    figures = [(v.start, v.end, 0) for v in values_in(a)] + [(v.start, v.end, 2) for v in values_in(b)]
    merged: list[list[int]] = []
    for r in regions:
        if merged and any(start < merged[-1][side + 1] and end > r[side] for start, end, side in figures
                          if start < r[side + 1] and end > merged[-1][side]):
            merged[-1][1], merged[-1][3] = r[1], r[3]
        else:
            merged.append(r)
    regions = merged
    pairs = []
    for k, (i1, i2, j1, j2) in enumerate(regions):
        # Grown to the whole word on each side: the run of the script of the unchanged character next to the
        # change (「デジタル|社会実装基盤|全国総合整備計画」), the same in both texts, not into the next change.
        lo = regions[k - 1][1] if k else 0
        hi = regions[k + 1][0] if k + 1 < len(regions) else len(a)
        left = min(_script_run(a, i1, -1), _script_run(b, j1, -1), i1 - lo)
        right = min(_script_run(a, i2, 1), _script_run(b, j2, 1), hi - i2)
        # A changed figure is grown to the whole figure with its unit (「55カ国」→「56カ国」, not 「55カ」: the
        # unit's scripts change inside it), still not into the next change.
        for text, start, end in ((a, i1, i2), (b, j1, j2)):
            for v in values_in(text):
                if v.start < end + right and v.end > start - left:
                    left = max(left, min(start - v.start, i1 - lo))
                    right = max(right, min(v.end - end, hi - i2))
        pairs.append((a[i1 - left:i2 + right], b[j1 - left:j2 + right]))
    return pairs


_SCRIPTS = (re.compile(r"[一-龥々]"), re.compile(r"[ァ-ヶー・]"), re.compile(r"[A-Za-z]"), re.compile(r"[0-9,.]"))


def _script_run(text: str, at: int, step: int) -> int:
    """How many characters of one script (kanji, katakana, Latin, digits) run from ``at`` in direction
    ``step`` — the script of the first of them; 0 when it is none of these (kana, brackets, punctuation)."""
    i = at - 1 if step < 0 else at
    if not 0 <= i < len(text):
        return 0
    script = next((p for p in _SCRIPTS if p.match(text[i])), None)
    n = 0
    while script is not None and 0 <= i < len(text) and script.match(text[i]):
        n, i = n + 1, i + step
    return n
