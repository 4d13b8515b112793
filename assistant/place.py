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
QUOTE_HEAD = 40  # characters of a quote that identify it (a quote may run past its chunk)
# The label an answer puts before a quote (「変更案：」「令和5年度補正：」「JETROの中期目標（令和5年度補正）：」) is
# not in the passage; a label the passage writes (「指標２－２：」) may go too: the rest still finds it.
_LABEL = re.compile(r"^[^：:。]{1,30}[：:]")
_CUT = re.compile(r"^\.\.\.|\.\.\.$")  # where a quote was trimmed (「…」, compacted): not in the passage


def quoted_pieces(answer: str, min_chars: int = 12, most: int = 4) -> list[str]:
    """The sentences of an answer that may be quotes, compacted: the ``most`` longest, in the answer's order (none
    for an abstention)."""
    if not answer or compact(answer).startswith(ABSTAIN):
        return []
    text = _NOTE.sub("", _MARKERS.sub("", answer))
    pieces = list(dict.fromkeys(_CUT.sub("", _LABEL.sub("", compact(p).lstrip("・○-➢⚫>")))
                                for p in _PIECES.split(text)))
    longest = set(sorted((p for p in pieces if len(p) >= min_chars), key=len, reverse=True)[:most])
    return [p for p in pieces if p in longest]


def quoted_rows(pieces: Sequence[str], search: Callable[[str], list[int]], text_of: Callable[[int], str],
                prefix: int = QUOTE_HEAD) -> list[int]:
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


# Nouns that frame a question rather than name what it asks (「具体的には」「今後は」「前の年度は」): 普通名詞 that
# may be used as a 形状詞 or an adverb, by Sudachi's part of speech.
_FRAME_NOUNS = ("形状詞可能", "副詞可能", "助数詞可能")
_KANA = re.compile(r"[ぁ-ゖー]+")
_ASKING = re.compile(r"何|幾")  # 「何人」「何件」「幾つ」: the question word, not a thing asked about


def new_words(morphemes: Sequence[tuple[tuple[str, ...], str]], said: str) -> list[str]:
    """The nouns of a follow-up (``morphemes``: part of speech and surface, as Sudachi reads the question) that the
    conversation so far (``said``: the previous question and answer) did not write: what the follow-up newly asks
    about (「そのうち女性は何人？」 -> 女性; 「その成功件数の目標ってどうやって算出したの？」 -> 算出)."""
    seen = compact(said)
    words: list[str] = []
    for pos, surface in morphemes:
        if pos[0] != "名詞" or pos[1] not in ("普通名詞", "固有名詞") or pos[2] in _FRAME_NOUNS:
            continue
        word = compact(surface)
        # (a word in kana alone is a frame too: 「ほう」「こと」; so is the question word)
        if len(word) >= 2 and not _KANA.fullmatch(word) and not _ASKING.match(word) and word not in seen \
                and word not in words:
            words.append(word)
    return words
