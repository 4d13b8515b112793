"""The citation promise, checked independently of ingestion: every quoted sentence is
verbatim in its own cited lines."""

from __future__ import annotations

import re
import unicodedata


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def verbatim_failures(chunks, texts: dict[str, str]) -> list[tuple[str, int, int, str]]:
    """Sentences not found verbatim in their own lines.

    Normalize NFKC and drop whitespace; each sentence of each chunk
    (``text[start:end]`` of its ``sentences``) must be a substring of the same
    normalization of the file's lines ``line_start..line_end``.
    """
    lines = {source: text.splitlines() for source, text in texts.items()}
    failures = []
    for c in chunks:
        for s in c.sentences:
            sentence = c.text[s.start:s.end]
            if _norm(sentence) not in _norm("".join(lines[c.source][s.line_start - 1:s.line_end])):
                failures.append((c.source, s.line_start, s.line_end, sentence))
    return failures
