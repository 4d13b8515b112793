"""Lines -> sentences: undo PDF line wrapping without inserting spaces.

A new sentence starts after 。！？ (not inside 「…」 or （…）), at a heading and at a
list item (①, ・, ➢ …). A line without a sentence end is a unit of its own — a
slide bullet, a list item, a table row — unless it visibly wraps into the next
line: it ends in 、 or a particle, the next line starts with what cannot start a
phrase (small kana, a closing bracket, a case particle), a bracket is still open, or the line is
as wide as the lines around it (a wrapped paragraph or a narrow table cell). A
short label followed by a line of figures is one table row; the cells of a table printed column by column
(:mod:`index.column_table`) are sentences of their own. Lines are only
joined when they are adjacent in the file (blank lines aside): a sentence never
spans a line that was left out, so every sentence is verbatim in its line range.
A run longer than ``max_chars`` is cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .column_table import find_column_tables
from .documents import Line, Sentence
from .headings import CLOSE_BRACKETS, CLOSERS, CONTINUES, LIST_START, OPEN_BRACKETS, closes_unopened, heading_kind
from .text import display_width, join_pieces, squeeze
from .tokens import sudachi

_END = "。！？!?"
# Characters that cannot begin a phrase: the line before was cut mid-word.
_NO_START = set("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー、。，．・：）」』］】〕”") | set(CLOSE_BRACKETS)
_UNITS = set("社件人名円％%倍億万千兆組機者回点年月日度")  # a figure's unit wrapped onto the next line
_FIGURES = re.compile(r"[0-9０-９][0-9０-９,，.．%％]*|[－―—△▲]+")  # a dash cell means "no figure"
_DECIMAL_CUT = re.compile(r"[0-9０-９]{1,3}[．.]$")  # a line ending in a figure and its decimal point
_WIDTH_WINDOW = 4  # lines on each side that set the local text width
_WRAP_SHARE = 0.8  # a line this share as wide as its widest neighbour wraps into the next
_WIDER = 1.15  # ...and the line after it is at most this much wider (half-width characters, indents)
_MAX_OPEN_CHARS = 200  # an open bracket stops carrying a unit on after this many characters
# A line that opens with a case particle continues the line before, even after a closing bracket
# (「…情報提供依頼（RFI）」 / 「を活用する…」): を never begins a word; が・は・に・で・と・も・の・や・へ followed by
# anything but hiragana are the particle, not the start of a word (はじめに, にぎわい, ものづくり, では、, やはり):
# 「・…責任者（CISO 、CIO 等）」 / 「や IT 部門…の受講を想定し」 is one bullet.
# So does a line that opens with what only follows a phrase (「…日本への誘致（一次投資）」 / 「だけでなく、…」), and
# 等 before a particle (「…「参加がしやすい」」 / 「等の好意的な意見が…」): 等 then closes the phrase before it.
_PARTICLE_START = re.compile(r"^(?:を|[がはにでとものやへ](?![ぁ-ゖ])|だけ|など|等(?=[のをがにでとはも、]))")


def split_pieces(text: str, depth: int = 0) -> tuple[list[tuple[int, int, bool]], int]:
    """Split a line at sentence ends outside brackets.

    Returns ``(start, end, ends_sentence)`` spans of ``text`` and the bracket depth
    left open at the end of the line (carried into the next line of the unit).
    """
    spans: list[tuple[int, int, bool]] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in OPEN_BRACKETS:
            depth += 1
        elif ch in CLOSE_BRACKETS:
            depth = max(0, depth - 1)
        elif ch in _END and depth == 0:
            j = i + 1
            while j < n and (text[j] in _END or text[j] in CLOSE_BRACKETS):
                j += 1
            spans.append((start, j, True))
            start = i = j
            continue
        i += 1
    if text[start:].strip():
        spans.append((start, n, False))
    return spans, depth


def local_widths(lines: list[Line]) -> list[int]:
    """Local text width around each line (the second widest of its neighbours, so
    that one overlong line does not hide the width the text wraps at)."""
    own = [display_width(squeeze(line.text)) for line in lines]
    out = []
    for k in range(len(lines)):
        window = sorted(own[max(0, k - _WIDTH_WINDOW): k + _WIDTH_WINDOW + 1], reverse=True)
        out.append(window[1] if len(window) > 1 else window[0])
    return out


def _figures_only(text: str) -> bool:
    body = squeeze(text)
    digits = sum(len(m.group(0)) for m in _FIGURES.finditer(body))
    return bool(body) and digits >= 0.4 * len(body)


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _opens_item(text: str, depth: int, before: str) -> bool:
    """Does the line ``text`` open a list item — not when, inside a bracket the line before left open (``depth``),
    it closes that bracket (「…遂行（上記」 / 「１．（２）関連）」: the number is inside it), nor when it goes on
    with the numbering the line ``before`` runs inline (「そのためには、①…、②…、」 / 「③…、④…が必要。」)?"""
    return bool(LIST_START.match(text)) and not (depth > 0 and closes_unopened(text)) \
        and not _continues_numbering(before, text)


# A number in brackets (「（３）」「(3)」), half- or full-width.
_BRACKETED_NUMBER = re.compile(r"^[（(]([0-9０-９]{1,2})[）)]")
_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _previous_markers(after: str) -> tuple[str, ...]:
    """The ways the number before the one ``after`` opens with may be written (「（３）」 -> 「（２）」「(2)」…), or
    () when it opens with no number past the first (①, （１）)."""
    n = _CIRCLED.find(after[:1]) if after else -1
    if n > 0:
        return (_CIRCLED[n - 1],)
    m = _BRACKETED_NUMBER.match(after)
    if not m or (k := int(m.group(1))) < 2:  # (int reads full-width digits too)
        return ()
    digits = {str(k - 1), str(k - 1).translate(_FULL_WIDTH_DIGITS)}
    return tuple(f"{o}{d}{c}" for d in digits for o, c in (("（", "）"), ("(", ")")))


def _continues_numbering(body: str, after: str) -> bool:
    """Does ``after`` open with the number after one ``body`` writes inside it (circled or in brackets), ``body``
    ending in a comma? 「…期間においては、（１）…、（２）…の促進、」 / 「（３）…の4つを柱として」 is one sentence."""
    return body.endswith(("、", ",")) and any(m in body[1:] for m in _previous_markers(after))


@lru_cache(maxsize=1 << 16)  # headings and sentences ask the same question of each line
def wraps(text: str, nxt: str, local_width: int, depth: int) -> bool:
    """Does the line ``text`` (no sentence end at its close) run on into ``nxt``?"""
    body, after = squeeze(text), squeeze(nxt)
    if not body or not after or _opens_item(after, depth, body):
        return False
    if depth == 0 and after[0] in CLOSE_BRACKETS and after.lstrip(CLOSE_BRACKETS) and not split_pieces(body)[1]:
        # Text that closes a bracket this line never opened is another column's (a 新旧対照表's). (A closer alone
        # ends a bracket opened lines before, 「【ほか」「△」「1,112,493」「】」.)
        return False
    if body.endswith(CONTINUES) or after[0] in _NO_START or depth > 0:
        return True
    if _PARTICLE_START.match(after) and body[-1] not in _END + "．":
        return True
    if len(body) > 4 and _DECIMAL_CUT.search(body) and _FIGURES.match(after):
        return True  # a decimal number wrapped at its point (「…の１．」 / 「１倍に相当し」)
    if body.endswith(CLOSERS):
        return False
    if _KATAKANA_CUT.search(body) and _KATAKANA_ON.match(after) and heading_kind(after) is None \
            and word_across(body, after):
        return True  # a word cut by a narrow column (「○「データ相互運用性ガイド」ダ」 / 「ウンロード数」)
    if len(body) == 1 and len(after) == 1:
        return True  # a label printed vertically, one character a line (計/画/値)
    if _figures_only(after) and not _FIGURES.search(body) and len(body) <= 20:
        return True  # a row label followed by its figures
    if _figures_only(body):
        # Figures printed one cell a line run on to the row's next figure; a label ends the row.
        return after[0] in _UNITS or (bool(_FIGURES.match(after)) and _figures_only(after))
    # A wrapped line reaches the edge of its column, and the line after it is not wider (nor a heading).
    if not reaches_edge(body, local_width) or display_width(after) > _WIDER * display_width(body) + 2:
        return False
    return heading_kind(after) is None


_KATAKANA_CUT = re.compile(r"[ァ-ヶ][ァ-ヶー]*$")
_KATAKANA_ON = re.compile(r"^[ァ-ヶー]")
_WORD_WINDOW = 12  # characters on each side of a break that the dictionary reads


def word_across(body: str, after: str) -> bool:
    """Does the dictionary read one of its words across the break from ``body`` to ``after`` (「…ガ」 / 「イドライン」:
    ガイドライン)? Not for two words that meet there (「…イノベーション」 / 「スタートアップへの…」), nor for a run of
    katakana it does not know (「ン」 / 「スタートアップへ」)."""
    from sudachipy import SplitMode

    before = body[-_WORD_WINDOW:]
    tokenizer, lock = sudachi()
    with lock:
        words = [(m.begin(), m.end()) for m in tokenizer.tokenize(before + after[:_WORD_WINDOW], SplitMode.C)
                 if not m.is_oov()]  # (a run of katakana the dictionary does not know is read as one word)
    return any(begin < len(before) < end for begin, end in words)


def reaches_edge(text: str, local_width: int) -> bool:
    """Is the line ``text`` about as wide as the widest lines around it (``local_width``) — the edge of its
    column, where a sentence wraps (a title stops short of it)?"""
    return local_width > 0 and display_width(squeeze(text)) >= _WRAP_SHARE * local_width


def build_sentences(lines: list[Line], headings: Iterable[int], blank: Iterable[int], max_chars: int
                    ) -> list[Sentence]:
    """Assemble sentences from content ``lines`` (in reading order).

    ``headings`` and ``blank`` are line numbers: heading lines stand alone; blank
    lines between two lines do not keep them from being joined, any other line does.
    """
    heading_lines = set(headings)
    blank_lines = set(blank)
    out: list[Sentence] = []
    buf: list[tuple[Line, int, str]] = []
    buf_starts_line = True
    depth = 0

    def flush() -> None:
        nonlocal buf, depth
        if buf:
            text = join_pieces([p for _, _, p in buf])
            first_line, first_off, _ = buf[0]
            last_line, last_off, last_text = buf[-1]
            out.append(Sentence(text, first_line.no, last_line.no, first_off,
                                last_off + len(last_text), False, buf_starts_line))
        buf = []
        depth = 0

    widths = local_widths(lines)
    # A table printed column by column keeps each cell a sentence: its figures are read by their row labels.
    cells = {k for t in find_column_tables([line.text for line in lines]) for k in range(t.figures - t.n, t.end)}
    for k, line in enumerate(lines):
        if line.no in heading_lines:
            flush()
            body = line.text.strip()
            off = line.start + line.text.index(body[0])
            out.append(Sentence(body, line.no, line.no, off, off + len(body), True, True))
            continue
        spans, end_depth = split_pieces(line.text, depth)
        for start, end, ends in spans:
            raw = line.text[start:end]
            piece = raw.strip()
            if not piece:
                continue
            offset = line.start + start + (len(raw) - len(raw.lstrip()))
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
        if not buf:
            continue
        # An open bracket carries the unit on, unless it has run long (a stray 「).
        depth = end_depth if sum(len(p) for _, _, p in buf) < _MAX_OPEN_CHARS else 0
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        adjacent = nxt is not None and nxt.no not in heading_lines and all(
            j in blank_lines for j in range(line.no + 1, nxt.no))
        if not adjacent or k in cells or k + 1 in cells or not wraps(line.text, nxt.text, widths[k], depth):
            flush()
    flush()
    return out
