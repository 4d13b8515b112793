"""Japanese tokens for BM25: SudachiPy morphemes, normalized forms.

Japanese has no spaces, so whitespace tokens (LangChain's default BM25) barely
match anything. Sudachi's normalized forms also fold 表記ゆれ (e.g. 引っ越し /
引越し) and full-width digits.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from .config import Bm25Settings
from .text import nfkc


@lru_cache(maxsize=1)
def sudachi():
    """This process's Sudachi tokenizer (core dictionary) and the lock every caller holds while it tokenizes (a
    tokenizer is not thread-safe): one dictionary for the BM25 tokens and the sentence builder alike."""
    from sudachipy import Dictionary

    return Dictionary(dict="core").tokenizer(), threading.Lock()


class SudachiTokenizer:
    """Thread-safe wrapper over the process's one Sudachi dictionary (:func:`sudachi`)."""

    # Sudachi refuses inputs above ~49 KB; chunks are far smaller, questions too.
    MAX_CHARS = 10_000

    def __init__(self, settings: Bm25Settings):
        from sudachipy import SplitMode

        self.settings = settings
        self._tok, self._lock = sudachi()
        self._mode = getattr(SplitMode, settings.split_mode)
        self._drop = set(settings.drop_pos)

    def _analyze(self, text: str) -> list[tuple[tuple[str, ...], str, int, int]]:
        """(part of speech, token form, begin, end) of every morpheme: NFKC text, normalized form, lower case."""
        text = nfkc(text)[: self.MAX_CHARS]
        with self._lock:
            return [
                (tuple(m.part_of_speech()),
                 (m.normalized_form() if self.settings.normalized_form else m.surface()).strip().lower(),
                 m.begin(), m.end())
                for m in self._tok.tokenize(text, self._mode)
            ]

    def morphemes(self, text: str) -> list[tuple[tuple[str, ...], str]]:
        """(part of speech, token form) of every morpheme: NFKC text, normalized form, lower case."""
        return [(pos, form) for pos, form, _, _ in self._analyze(text)]

    def surfaces(self, text: str) -> list[tuple[tuple[str, ...], str]]:
        """(part of speech, surface as written after NFKC) of every morpheme, split mode C."""
        from sudachipy import SplitMode

        text = nfkc(text)[: self.MAX_CHARS]
        with self._lock:
            return [(tuple(m.part_of_speech()), m.surface()) for m in self._tok.tokenize(text, SplitMode.C)]

    def __call__(self, text: str) -> list[str]:
        """BM25 tokens: every morpheme but the dropped parts of speech, and each code of letters and digits
        written as one (「SC3」「G7」「5G」, which Sudachi splits into 「sc」「3」) as a token of its own too."""
        out: list[str] = []
        code, pieces, code_end = "", 0, -1
        for pos, form, begin, end in self._analyze(text):
            alnum = form.isascii() and form.isalnum()
            if alnum and begin == code_end:
                code, pieces = code + form, pieces + 1
            else:
                _add_code(out, code, pieces)
                code, pieces = (form, 1) if alnum else ("", 0)
            code_end = end if alnum else -1
            if form and pos[0] not in self._drop:
                out.append(form)
        _add_code(out, code, pieces)
        return out


def _add_code(out: list[str], code: str, pieces: int) -> None:
    """A code joined from several morphemes (``pieces``), when it mixes letters and digits."""
    if pieces >= 2 and any(ch.isdigit() for ch in code) and any(ch.isalpha() for ch in code):
        out.append(code)


# Words that shape a question but say nothing about its subject.
QUESTION_WORDS = {
    "何", "誰", "いつ", "どこ", "どれ", "どう", "どの", "どんな", "いくつ", "いくら", "どれくらい", "どのくらい",
    "教える", "下さる", "有る", "居る", "為る", "成る", "言う", "出来る", "思う", "知る", "呉れる", "くれる",
    "ください", "中", "時", "方", "物", "事", "こと", "もの", "ため", "よう", "それぞれ", "場合",
    "名前", "名称", "内容", "具体", "説明", "意味", "概要", "程度", "付く", "つく", "其々", "為",
}
CONTENT_POS = {"名詞", "動詞", "形容詞", "形状詞", "接頭辞"}


def content_terms(tokenizer: SudachiTokenizer, text: str) -> list[str]:
    """The subject words of a question (nouns, verbs, adjectives), normalized like BM25 tokens."""
    out: list[str] = []
    for pos, form in tokenizer.morphemes(text):
        if pos[0] not in CONTENT_POS or pos[1] in ("代名詞", "非自立可能", "数詞"):
            continue
        if form and form not in QUESTION_WORDS and form not in out:
            out.append(form)
    return out
