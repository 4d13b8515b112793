"""Where the conversation is: the passages the previous answer quoted, and the chunks around them.

A follow-up such as 「体制面では具体的にどう強化したの？」 or 「逆に課題は？」 asks about something next to what
was just answered, in words the rest of the corpus shares. The previous answer's text says where that
was — an extractive answer quotes its passages, an LLM answer usually does too — so the chunks that
contain its sentences, and their neighbours in the same document, are where the next answer most likely
sits. Only text is needed: it works for the chat, for the batch CLI's ``history`` and for any model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from index.text import compact

from .answer import ABSTAIN

_MARKERS = re.compile(r"\[\d+\]")
# Notes an answer adds to a quote (「（変更案・令和5年度補正。現行は…）」) are not in the passage.
_NOTE = re.compile(r"（[^（）]*(?:変更案|現行|版では|改定)[^（）]*）")
_PIECES = re.compile(r"[。\n]")


def quoted_pieces(answer: str, min_chars: int = 12, most: int = 4) -> list[str]:
    """The sentences of an answer that may be quotes, compacted, longest first (none for an abstention)."""
    if not answer or compact(answer).startswith(ABSTAIN):
        return []
    text = _NOTE.sub("", _MARKERS.sub("", answer))
    pieces = {compact(p).lstrip("・○-➢⚫>") for p in _PIECES.split(text)}
    return sorted((p for p in pieces if len(p) >= min_chars), key=len, reverse=True)[:most]


def quoted_rows(pieces: Sequence[str], search: Callable[[str], list[int]], text_of: Callable[[int], str],
                prefix: int = 40) -> list[int]:
    """Rows of the chunks that contain one of ``pieces`` (checked on its first ``prefix`` characters,
    since a quote may run past its chunk). ``search`` gives candidate rows for a piece."""
    rows: list[int] = []
    for piece in pieces:
        head = piece[:prefix]
        for row in search(piece):
            if row not in rows and head in compact(text_of(row)):
                rows.append(row)
    return rows


def around(rows: Sequence[int], source_of: Callable[[int], str], n_rows: int, reach: int) -> list[int]:
    """``rows`` and up to ``reach`` chunks either side of each, in the same document (chunks are stored
    in document order), in row order."""
    near: set[int] = set()
    for row in rows:
        source = source_of(row)
        for other in range(max(0, row - reach), min(n_rows, row + reach + 1)):
            if source_of(other) == source:
                near.add(other)
    return sorted(near)
