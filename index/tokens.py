"""Japanese tokens for BM25: SudachiPy morphemes, normalized forms.

Japanese has no spaces, so whitespace tokens (LangChain's default BM25) barely
match anything. Sudachi's normalized forms also fold 表記ゆれ (e.g. 引っ越し /
引越し) and full-width digits.
"""

from __future__ import annotations

import threading
import unicodedata

from .config import Bm25Settings


class SudachiTokenizer:
    """Thread-safe wrapper; one Sudachi dictionary per process."""

    # Sudachi refuses inputs above ~49 KB; chunks are far smaller, questions too.
    MAX_CHARS = 10_000

    def __init__(self, settings: Bm25Settings):
        from sudachipy import Dictionary, SplitMode

        self.settings = settings
        self._tok = Dictionary(dict="core").create()
        self._mode = getattr(SplitMode, settings.split_mode)
        self._drop = set(settings.drop_pos)
        self._lock = threading.Lock()

    def __call__(self, text: str) -> list[str]:
        text = unicodedata.normalize("NFKC", text)[: self.MAX_CHARS]
        with self._lock:
            morphemes = self._tok.tokenize(text, self._mode)
            out = []
            for m in morphemes:
                if m.part_of_speech()[0] in self._drop:
                    continue
                form = m.normalized_form() if self.settings.normalized_form else m.surface()
                form = form.strip().lower()
                if form:
                    out.append(form)
        return out
