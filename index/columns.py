"""新旧対照表: separate the amended (変更案) and current (現行) columns.

PDF extraction prints each page's 変更案 column and then its 現行 column, so the
text reads A1 C1 A2 C2 …, where each C block largely repeats its A block. We
find the blocks from the text alone: a C block starts where a run of lines
repeats lines of the current A block, and ends where lines stop echoing it.
Within a page the two columns are aligned line by line; identical passages are
kept once, differing ones become a 変更案/現行 pair.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise

from .furniture import PAGE_NUMBER
from .headings import CONTINUES
from .sentences import split_pieces
from .text import compact

AMENDED = "変更案"
CURRENT = "現行"
# The column header: both labels on one line (text extraction), or one label a column (PDF).
_HEADER = re.compile(
    r"^(?:変更案|改正案|改定案|新|変更後)(?:現行|旧|変更前)$|^(?:変更案|改正案|改定案|変更後|現行|変更前)$")


@dataclass
class Segment:
    """Consecutive content lines (indices into the part's unit list) with one version label."""

    units: list[int]
    version: str | None
    group: int | None = None  # pairs a 変更案 segment with its 現行 counterpart
    anchor: int = 0  # position in the 変更案 column used for the section context
    twins: list[int] | None = None  # a common segment's lines as printed in the 現行 column


def is_comparison_table(units: list[str], head: int = 15) -> bool:
    """True when a part's first lines announce a 新旧対照表."""
    text = "".join(units[:head])
    return "新旧対照" in text or (AMENDED in text and CURRENT in text)


def is_column_header(unit: str) -> bool:
    return bool(_HEADER.match(unit))


def _ends_sentence(unit: str) -> bool:
    """A line that ends a sentence (or a short heading-like line that does not continue)."""
    if unit.endswith(("。", "！", "？", "」", "）", ")", "】", "＞", "］")):
        return True
    return len(unit) < 20 and not unit.endswith(CONTINUES)


def _similar(a: str, b: str) -> bool:
    return len(a) >= 6 and SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8


def find_pages(units: list[str], min_run: int, max_gap: int) -> list[tuple[int, int, int]]:
    """Split a table part into pages ``(a_start, c_start, c_end)``.

    Lines ``[a_start, c_start)`` are the 変更案 column, ``[c_start, c_end)`` the 現行
    column. Text after the last page that has no echo is returned as a page with
    an empty 現行 column.
    """
    n = len(units)
    # Lines printed on many pages (「上記の算出においては…」「（定性目標）」) echo anywhere: they
    # only count where the 現行 column is expected to be, never to resume it after a gap.
    common = {u for u, k in Counter(units).items() if k > 2}
    pages: list[tuple[int, int, int]] = []
    pos = 0
    behind = False  # the last 現行 column ended before echoing all of its 変更案 column
    while pos < n:
        seen: dict[str, list[int]] = {units[pos]: [pos]}
        c_start = match = None
        for j in range(pos + 1, n):
            for i in seen.get(units[j], []):
                run = units[j:j + min_run]
                if (i + min_run <= j and len(run) == min_run and units[i:i + min_run] == run
                        and sum(map(len, run)) >= 15):
                    c_start, match = j, i
                    break
            if c_start is not None:
                break
            seen.setdefault(units[j], []).append(j)
        if c_start is None or match is None:
            pages.append((pos, n, n))
            break
        run_start, run_match = c_start, match
        # Both columns start at the same place on the page: when the page's first line
        # repeats before the run, the 現行 column starts there — the lines between differ
        # (a rewritten passage at the top of the page, longer or shorter in 現行).
        tops = [j for j in range(pos + min_run, c_start) if units[j] == units[pos]] if len(units[pos]) >= 6 else []
        if tops:
            c_start = tops[-1]
        else:
            # Otherwise as far before the match as the match is into the 変更案 column.
            top = c_start - (match - pos)
            if pos < top < c_start and units[top] == units[pos]:
                c_start, match = top, pos
            # Lines just before the match that nearly repeat the lines before its
            # source (a one-word edit at the top of the page) belong to the 現行 column too.
            while match > pos and c_start - 1 > match and _similar(units[c_start - 1], units[match - 1]):
                c_start, match = c_start - 1, match - 1
            run_start, run_match = c_start, match
            # The previous 現行 column ended before echoing the end of its 変更案 column, and this
            # page's 現行 column opens by echoing a line past this page's first: the lines before
            # that line are the rest of the previous 現行 column (rewritten, so they echo nothing).
            if pages and behind and match > pos:
                a0, c0, _ = pages[-1]
                # ... up to the page's number, when one is printed between them (「10」): the lines after it
                # open this page's 変更案 column.
                number = next((k for k in range(pos, match) if PAGE_NUMBER.match(compact(units[k]))), None)
                pages[-1] = (a0, c0, match if number is None else number)
                pos = match if number is None else number + 1
            # The 現行 column may open with rewritten lines before the run that echoes (the rest of a passage
            # the 変更案 column prints on this page from its start): it starts at the first line after the match
            # that repeats a line of the 変更案 column before the match.
            before = {u for u in units[pos:match] if len(u) >= 6 and u not in common}
            c_start = next((j for j in range(match + 1, c_start) if units[j] in before), c_start)
        # The 現行 column runs as long as its lines keep echoing the 変更案 column.
        a_ptr, last, misses, j = run_match + min_run, run_start + min_run - 1, 0, run_start + min_run
        while j < n and a_ptr < c_start:
            hit = None
            for i in range(a_ptr, min(c_start, a_ptr + 60)):
                if units[i] == units[j] and (i == a_ptr or (len(units[j]) >= 6 and units[j] not in common)):
                    hit = i
                    break
            if hit is not None:
                a_ptr, last, misses = hit + 1, j, 0
            else:
                misses += 1
                if misses > max_gap:
                    # A long rewritten passage: go on where two lines in a row echo the
                    # rest of the 変更案 column again, else the 現行 column ends here.
                    j = _resync(units, j + 1, a_ptr, c_start, 3 * max_gap, common)
                    if j is None:
                        break
                    misses = 0
                    continue
            j += 1
        pages.append((pos, c_start, last + 1))
        behind = a_ptr < c_start
        pos = last + 1
    return pages


def _resync(units: list[str], start: int, a_ptr: int, a_end: int, horizon: int, common: set[str]) -> int | None:
    """The first line at or after ``start`` (within ``horizon``) where two lines in a row
    repeat two lines in a row of the 変更案 column from ``a_ptr`` on (not lines printed on
    many pages); None when there is none."""
    pairs = {(units[i], units[i + 1]) for i in range(a_ptr, a_end - 1)
             if len(units[i]) >= 6 and units[i] not in common and units[i + 1] not in common}
    for j in range(start, min(len(units) - 1, start + horizon)):
        if (units[j], units[j + 1]) in pairs:
            return j
    return None


def _expand(region: list[int], a: list[str], equal_a: set[int]) -> list[int]:
    """Grow a differing region to whole sentences through identical neighbours."""
    i1, i2, j1, j2 = region
    # Backwards: take in the line before while it does not end a sentence; a line
    # with a 。 inside holds the sentence's start, so it is the last one taken.
    while i1 > 0 and (i1 - 1) in equal_a and not _ends_sentence(a[i1 - 1]):
        i1, j1 = i1 - 1, j1 - 1
        if "。" in a[i1]:
            break
    while i2 < len(a) and i2 in equal_a and not _ends_sentence(a[i2 - 1] if i2 > 0 else "。"):
        i2, j2 = i2 + 1, j2 + 1
    return [i1, i2, j1, j2]


def align_page(a: list[str], c: list[str]) -> list[tuple[str, int, int, int, int]]:
    """Align two columns; return ``(tag, i1, i2, j1, j2)`` with tag 'equal' or 'diff'."""
    ops = SequenceMatcher(None, a, c, autojunk=False).get_opcodes()
    equal_a = {i for tag, i1, i2, _, _ in ops if tag == "equal" for i in range(i1, i2)}
    regions = [_expand([i1, i2, j1, j2], a, equal_a) for tag, i1, i2, j1, j2 in ops if tag != "equal"]
    merged: list[list[int]] = []
    for r in regions:
        if merged and r[0] <= merged[-1][1]:
            merged[-1] = [merged[-1][0], max(merged[-1][1], r[1]), merged[-1][2], max(merged[-1][3], r[3])]
        else:
            merged.append(r)
    out: list[tuple[str, int, int, int, int]] = []
    ia = jc = 0
    for i1, i2, j1, j2 in merged:
        if ia < i1:
            out.append(("equal", ia, i1, jc, j1))
        out.append(("diff", i1, i2, j1, j2))
        ia, jc = i2, j2
    if ia < len(a):
        out.append(("equal", ia, len(a), jc, len(c)))
    return out


def segment_table(units: list[str], min_run: int, max_gap: int) -> list[Segment]:
    """Turn a table part's lines into segments in reading order of the 変更案 column.

    Column headers (「変更案 現行」, or 「変更案」 and 「現行」 over each column of a PDF page)
    are dropped before the columns are found. Each differing 現行 segment follows its
    変更案 counterpart and shares its ``group``.
    """
    kept = [i for i, u in enumerate(units) if not is_column_header(u)]
    body = [units[i] for i in kept]
    segments: list[Segment] = []
    group = 0
    for a_start, c_start, c_end in find_pages(body, min_run, max_gap):
        a_idx = list(range(a_start, c_start))
        c_idx = list(range(c_start, c_end))
        if not c_idx:
            segments.append(Segment(a_idx, None, None, a_idx[0] if a_idx else a_start))
            continue
        a_txt = [body[i] for i in a_idx]
        c_txt = [body[i] for i in c_idx]
        for tag, i1, i2, j1, j2 in align_page(a_txt, c_txt):
            anchor = a_idx[min(i1, len(a_idx) - 1)] if a_idx else a_start
            if tag == "equal":
                segments.append(Segment(a_idx[i1:i2], None, None, anchor, c_idx[j1:j2]))
                continue
            group += 1
            if i2 > i1:
                segments.append(Segment(a_idx[i1:i2], AMENDED, group, anchor))
            if j2 > j1:
                segments.append(Segment(c_idx[j1:j2], CURRENT, group, anchor))
    _carry_open_sentences(segments, body)
    _carry_column_sentences(segments, body)
    # Back from positions in ``body`` to positions in ``units``.
    return [Segment([kept[u] for u in s.units], s.version, s.group, kept[s.anchor] if kept else 0)
            for s in segments if s.units]


def _carry_column_sentences(segments: list[Segment], body: list[str]) -> None:
    """Give a column's sentence wrapped over a page break its start.

    A passage one column rewrote may end a page mid-sentence (現行: 「前中期目標期間の…年平均約300件だったが、」)
    and go on at the top of that column on the next page (「本中期目標では…2,100件…以上支援する。」), with the
    other column's next page read in between: the lines that start the sentence move to the front of that
    column's next segment — when the text shows the two lines read on (the other column prints them one after
    the other: 「…だったが、」「本中期目標では…」). (As in :func:`_carry_open_sentences`, the pieces stay two
    sentence units.)"""
    read_on = set(pairwise(body))
    for n, seg in enumerate(segments):
        if seg.version is None or not seg.units or not _breaks_off(body[seg.units[-1]]):
            continue
        nxt = next((t for t in segments[n + 1:] if t.version == seg.version and t.units), None)
        if nxt is None or nxt.units[0] <= seg.units[-1] + 1 \
                or (body[seg.units[-1]], body[nxt.units[0]]) not in read_on:
            continue  # the sentence goes on in this page's lines, or nothing shows it goes on there
        k = _sentence_start(seg.units, body)
        nxt.units = seg.units[k:] + nxt.units
        del seg.units[k:]


def _sentence_start(units: list[int], body: list[str]) -> int:
    """Back from the last of ``units`` to the one that starts its sentence (a position in ``units``)."""
    k = len(units) - 1
    while k > 0 and "。" not in body[units[k]] and not _ends_sentence(body[units[k - 1]]):
        k -= 1
    return k


def _breaks_off(unit: str) -> bool:
    """A line cut off mid-sentence: it ends in a particle or comma, or leaves a bracket open
    (「…の合計（延べ社数」), not a complete item (「(4)その他政府の政策ニーズに基づいた事業」)."""
    return unit.endswith(CONTINUES) or split_pieces(unit)[1] > 0


def _carry_open_sentences(segments: list[Segment], body: list[str]) -> None:
    """Give a changed pair the start of its sentence when that start ended the previous page.

    A sentence wrapped over a page break (「イ．…支援社数の合計（延べ社数」 | 「）について、…16,251社以上を
    達成する。」) starts in lines both columns print alike, so it is kept once as common text and its two
    endings become the changed pair: neither column's passage would hold the whole sentence. Within a
    page :func:`_expand` grows a difference to its sentence; across the break the common lines that
    break off (:func:`_breaks_off`) move into both members of the pair, each column its own printed
    copy. (The two pieces stay two sentence units: each is quoted verbatim from its own lines.)"""
    for n in range(1, len(segments)):
        before, seg = segments[n - 1], segments[n]
        if seg.group is None or before.version is not None or not before.units \
                or before.twins is None or len(before.twins) != len(before.units) \
                or not _breaks_off(body[before.units[-1]]):
            continue
        k = _sentence_start(before.units, body)
        pair = [t for t in segments[n:n + 2] if t.group == seg.group]
        for member in pair:
            own = before.units if member.version == AMENDED else before.twins
            member.units = own[k:] + member.units
        if len(pair) == 2:  # else the other column still reads the common lines
            del before.units[k:], before.twins[k:]
