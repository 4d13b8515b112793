"""Tables printed column by column: row labels first, then each column's figures.

A PDF's text layer often gives a budget table (「予算（総表）」「区別 予算 決算」) as its row labels one a line
(「運営費交付金」「国庫補助金」…「計」), then the first column's figures one a line in the same order
(「１９，２６４」「６８」…「２９，４６０」), then the next column's. Read line by line, a figure is far from the
label it belongs to. This module finds such tables in a run of cells (lines, or a chunk's sentences) and pairs
each figure with its row label — the ingestion keeps every cell a sentence of its own (so each stays verbatim in
its line), and the answerer reads a bare figure as its row's.

A run of labels followed by a run of figures is a table of ``n`` rows and ``m`` columns when the figures are
``n × m`` and the last ``n`` labels are its rows. The smallest ``m`` that fits is taken, and it must be shown:
when the last row is a total (「計」「合計」), every column's total is the sum of its rows (within rounding);
otherwise the table has one column and every label of the run is a row (a unit or caption line right above the
labels is a label too, so such a table is found only when a sentence precedes its labels).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .text import squeeze

# One figure as a table prints it (「１９，２６４」「△12」「3.5」); a dash cell has no figure.
FIGURE = r"[△▲]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?"
_FIGURE = re.compile(rf"{FIGURE}|[－―—‐-]+")
_DASH = re.compile(r"[－―—‐-]+")
_DIGIT = re.compile(r"[0-9０-９]")
_TOTAL = re.compile(r"(?:合|小|総)?計")
# What a header calls the label column (「区別 予算 決算」): the column names follow it.
_LABEL_COLUMN = re.compile(r"区\s*別|区\s*分|項\s*目|科\s*目")
_MAX_LABEL = 16  # characters: a row label, not a sentence
_MAX_COLUMNS = 4
_HEADER_REACH = 40  # cells back to a header: the blocks of one table
_TO_ASCII = str.maketrans("０１２３４５６７８９，．△▲", "0123456789,.--")


@dataclass(frozen=True)
class ColumnTable:
    """Where a table printed column by column sits in a run of cells: its ``n`` row labels end at ``figures``,
    where its ``n × m`` figures start, column after column."""

    figures: int
    n: int
    m: int
    columns: tuple[str, ...] = ()  # the columns' names, when a header line gives them (「区別 予算 決算 …」)

    @property
    def labels(self) -> range:
        """Indices of the row labels."""
        return range(self.figures - self.n, self.figures)

    @property
    def end(self) -> int:
        """Index after the last figure."""
        return self.figures + self.n * self.m


def is_label(cell: str) -> bool:
    """A row label: a few characters, no figure, no sentence end."""
    body = squeeze(cell)
    return 0 < len(body) <= _MAX_LABEL and not _DIGIT.search(body) and not body.endswith("。") \
        and not _FIGURE.fullmatch(body) and not _is_header(cell)


def is_figure(cell: str) -> bool:
    """One figure alone (「１９，２６４」「654」「－」: a dash is a cell with no figure)."""
    return bool(_FIGURE.fullmatch(squeeze(cell)))


def _number(cell: str) -> float:
    body = squeeze(cell).translate(_TO_ASCII).replace(",", "")
    try:
        return float(body)
    except ValueError:
        return 0.0  # a dash


def _totals_add_up(figures: list[str], n: int, m: int) -> bool:
    """Is each column's last figure the sum of the ones above it, within the rounding of each to its last digit?"""
    for j in range(m):
        cells = figures[j * n:(j + 1) * n]
        column = [_number(f) for f in cells]
        decimals = max((len(f.split(".")[1]) for f in (c.translate(_TO_ASCII) for c in cells) if "." in f), default=0)
        if abs(sum(column[:-1]) - column[-1]) > 0.5 * n * 10 ** -decimals:
            return False
    return True


def _columns(header: str, m: int) -> tuple[str, ...]:
    """The ``m`` column names a header line gives (「デジタル基盤 デジタル人材育成 サイバーセキュリティ」), after its
    label column's when it opens with that (「区別 予算 決算 主な増減要因」 -> 予算, 決算); () for no such line."""
    words = header.split()
    if m < 2 or not _is_header(header):
        return ()
    if len(words) == m:
        return tuple(words)
    return tuple(words[1:1 + m]) if len(words) > m and _LABEL_COLUMN.fullmatch(words[0]) else ()


def _is_header(cell: str) -> bool:
    """A line of column names: two or more words of two or more characters, no figures (「区別 予算 決算」, not the
    spaced-out 「支 出」)."""
    words = cell.split()
    return len(words) > 1 and all(1 < len(w) <= _MAX_LABEL for w in words) and not _DIGIT.search(cell)


def _header(cells: Sequence[str], before: int, m: int) -> tuple[str, ...]:
    """The column names of the nearest header line up to ``_HEADER_REACH`` cells before ``before`` (a table's
    later blocks — 「支出」 after 「収入」 — share the first one's header)."""
    for k in range(before - 1, max(-1, before - 1 - _HEADER_REACH), -1):
        if found := _columns(cells[k], m):
            return found
    return ()


def find_column_tables(cells: Sequence[str]) -> list[ColumnTable]:
    """The tables printed column by column in ``cells`` (in reading order)."""
    out: list[ColumnTable] = []
    i, count = 0, len(cells)
    while i < count:
        if not is_label(cells[i]):
            i += 1
            continue
        start = i
        while i < count and is_label(cells[i]):
            i += 1
        figures = i
        while i < count and is_figure(cells[i]):
            i += 1
        labels, found = figures - start, i - figures
        for m in range(1, _MAX_COLUMNS + 1):
            n = found // m
            if found % m or not 2 <= n <= labels:
                continue
            rows = [squeeze(c) for c in cells[figures - n:figures]]
            columns = [cells[figures + j * n:figures + (j + 1) * n] for j in range(m)]
            if not all(any(not _DASH.fullmatch(squeeze(f)) for f in column) for column in columns):
                continue  # a column of dashes alone is no figures
            # Without a total nothing shows which way the figures run, so only one column is read.
            if (_TOTAL.fullmatch(rows[-1]) and _totals_add_up(list(cells[figures:i]), n, m)) \
                    or (not any(_TOTAL.fullmatch(r) for r in rows) and n == labels and m == 1):
                out.append(ColumnTable(figures, n, m, _header(cells, figures - n, m)))
                break
    return out


def row_names(cells: Sequence[str]) -> dict[int, str]:
    """Index of each figure in a table printed column by column -> its row label (and column name, when the header
    gives it: 「業務経費 決算」)."""
    names: dict[int, str] = {}
    for t in find_column_tables(cells):
        if t.end == len(cells):
            continue  # the figures may run on past the cells given (a chunk's end): which column is which is unsure
        for k in range(t.n * t.m):
            if _DASH.fullmatch(squeeze(cells[t.figures + k])):
                continue  # no figure
            column, row = divmod(k, t.n)
            label = squeeze(cells[t.figures - t.n + row])
            names[t.figures + k] = f"{label} {t.columns[column]}" if t.columns else label
    return names
