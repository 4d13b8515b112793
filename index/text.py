"""Pure text helpers: two views of Japanese text and the map between them.

The original text is kept for display and citation; the normalized view (NFKC,
whitespace unified) is what search and matching see. ``normalize_with_map``
returns, for every normalized character, the offset of the original character
it came from, so a match found in one view can be shown in the other.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Half-width voiced marks and combining marks join the preceding character
# before NFKC (ｶﾞ -> ガ), so normalization happens per cluster, not per character.
_JOINERS = {"\uff9e", "\uff9f"}


# Radical forms that PDF text extraction puts for the ideographs they look like (「官⺠」 for 官民). NFKC maps the
# Kangxi radicals (⽬ -> 目) but not the CJK Radicals Supplement; these are its forms with an ideograph of the same
# shape (Unicode's EquivalentUnifiedIdeograph), as Japanese text uses them.
_RADICALS = str.maketrans("⺟⺠⺩⺼⻄⻆⻑⻘⻝⻣⻤⻨⻩⻫⻭⻯⻳", "母民王月西角長青食骨鬼麦黄斉歯竜亀")


def nfkc(text: str) -> str:
    """NFKC, with the radical forms above read as their ideographs: the form search and matching see."""
    return unicodedata.normalize("NFKC", text).translate(_RADICALS)


def normalize(text: str) -> str:
    """NFKC with runs of whitespace folded into one ASCII space."""
    return _SPACES.sub(" ", nfkc(text)).strip()


def compact(text: str) -> str:
    """NFKC with all whitespace removed: the form used to compare strings."""
    return _SPACES.sub("", nfkc(text))


def _clusters(text: str):
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and (text[j] in _JOINERS or unicodedata.combining(text[j])):
            j += 1
        yield i, text[i:j]
        i = j


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalize like :func:`normalize` and map each output char to its source offset."""
    out: list[str] = []
    origin: list[int] = []
    pending_space = -1
    for offset, cluster in _clusters(text):
        for ch in nfkc(cluster):
            if ch.isspace():
                if out and pending_space < 0:
                    pending_space = offset
                continue
            if pending_space >= 0:
                out.append(" ")
                origin.append(pending_space)
                pending_space = -1
            out.append(ch)
            origin.append(offset)
    return "".join(out), origin


def find_original(text: str, needle: str) -> tuple[int, int] | None:
    """Locate ``needle`` (compared after :func:`compact`) in ``text``; return original span."""
    target = compact(needle)
    if not target:
        return None
    norm, origin = normalize_with_map(text)
    squeezed_chars: list[str] = []
    squeezed_origin: list[int] = []
    for ch, off in zip(norm, origin):
        if ch != " ":
            squeezed_chars.append(ch)
            squeezed_origin.append(off)
    squeezed = "".join(squeezed_chars)
    pos = squeezed.find(target)
    if pos < 0:
        return None
    start = squeezed_origin[pos]
    end = squeezed_origin[pos + len(target) - 1] + 1
    # extend over the rest of a multi-char cluster (e.g. ｶﾞ)
    while end < len(text) and (text[end] in _JOINERS or unicodedata.combining(text[end])):
        end += 1
    return start, end


_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_CELL_UNITS = "%％社件人名円倍組"  # the unit that closes a table cell's figure
_DASHES = "－―—"  # a dash cell means "no figure"
_CELL_END = re.compile(rf"[0-9０-９][0-9０-９,，.．]*\s*[{_CELL_UNITS}]?$|[{_DASHES}]$")
_CELL_START = re.compile(rf"[0-9０-９{_DASHES}△▲]")
_CELL_CLOSED = re.compile(rf"[{_CELL_UNITS}{_DASHES}]$")  # a figure closed by its unit, or a dash
_FIGURE_CELL = re.compile(rf"[\s0-9０-９,，.．{_CELL_UNITS}{_DASHES}△▲]+")  # a line of nothing but figures


def join_pieces(pieces: list[str]) -> str:
    """Join line pieces without inserting spaces, except between two Latin words
    and between two table cells of figures (「66,616 社」「25,787 社」)."""
    out = last = ""
    for piece in pieces:
        if out:
            # A prose line cut inside a figure (「…延べ１３」 / 「０件を目指す」) is one number; a line that is
            # nothing but figures, or ends in a figure closed by its unit, is a cell and the next figure another.
            figure_cell = bool(_FIGURE_CELL.fullmatch(last))
            latin = _ASCII_WORD.match(out[-1]) and _ASCII_WORD.match(piece[:1]) \
                and (figure_cell or not (out[-1].isdigit() and piece[0].isdigit()))
            cell = _CELL_END.search(out) and _CELL_START.match(piece) and (_CELL_CLOSED.search(out) or figure_cell)
            if latin or cell:
                out += " "
        out += piece
        last = piece
    return out


def either_width(ch: str) -> str:
    """A pattern for ``ch`` (NFKC) written in either width (「I」 or 「Ｉ」)."""
    if "!" <= ch <= "~":
        return f"[{re.escape(ch)}{chr(ord(ch) + 0xFEE0)}]"
    return re.escape(ch)


def squeeze(text: str) -> str:
    """Remove all whitespace but keep the characters as written (no NFKC)."""
    return _SPACES.sub("", text)


def tidy(text: str) -> str:
    """Fold whitespace runs into one space, keeping the characters as written."""
    return _SPACES.sub(" ", text).strip()


# East Asian wide and full-width characters (Unicode's W and F classes, main blocks).
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                   "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")


def display_width(text: str) -> int:
    """Width as printed: wide (CJK, full-width) characters count 2, others 1."""
    return len(text) + len(_WIDE.findall(text))
