"""Extractive answering: quote the sentences of the retrieved passages that answer.

Offline and deterministic. Every candidate sentence is scored against the
question by term overlap (IDF-weighted Sudachi terms), embedding similarity
(for the best few), the rank of its passage, and question-type cues (a 何件
question wants a count, an いつ question a date, a なぜ question a reason).
The answer quotes one to a few sentences as written in the source, each with
its marker; 新旧対照表 quotes say whether they are 変更案 or 現行, and both
versions are given when they differ.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from index.config import AnswerSettings
from index.documents import Chunk
from index.headings import LIST_START
from index.search import Passage, Searcher
from index.text import compact, squeeze
from index.tokens import content_terms

from .answer import ABSTAIN, Citation

_NUMBER = re.compile(r"[0-9０-９]")
_DATE = re.compile(r"(令和|平成|昭和|[0-9０-９]{4})\s*[0-9０-９元]*\s*(年|年度)|[0-9０-９]+\s*月")
_REASON = re.compile(r"ため|から|理由|根拠|踏まえ|により|による|背景|目的")
_CUES = {
    "count": re.compile(r"何(件|社|人|名|組織|機関|点|回|か所|カ所|倍|割|%|％)|いくつ|いくら|どれ(くらい|ほど|だけ)|"
                        r"どの(くらい|程度|水準)|何％|規模|金額|目標値|件数|人数|額は"),
    "date": re.compile(r"いつ|何年|何月|時期|期間|何日"),
    "reason": re.compile(r"なぜ|理由|根拠|目的|背景|どうして|ため"),
    "change": re.compile(r"変更|現行|変わ|違い|改定|改正|前と|新旧"),
    "cross": re.compile(r"それぞれ|比較|資料によって|両方|どの資料|各資料|ごとに"),
    "list": re.compile(r"何が(あり|挙げ)|どんな|どのような|挙げ|列挙|どこですか"
                       r"|何ですか.*(柱|領域|取組)|(柱|領域|取組|施策).*何"),
}
LEX_OWN = 0.3  # share of term overlap scored on the sentence alone (rest: with its headings and the sentence before)
_UNIT = re.compile(r"何(件|社|人|名|組織|機関|点|回|か所|カ所|倍|割)")


@dataclass
class Candidate:
    passage: Passage
    sentence: int  # index into chunk.sentences
    text: str
    line_start: int
    line_end: int
    lexical: float
    cue: float
    prior: float
    similarity: float = 0.0

    @property
    def chunk(self) -> Chunk:
        return self.passage.chunk

    def score(self) -> float:
        return 0.4 * self.lexical + 0.2 * self.similarity + 0.2 * self.cue + 0.2 * self.prior


def question_cues(question: str) -> set[str]:
    return {name for name, pattern in _CUES.items() if pattern.search(question)}


def cue_score(text: str, cues: set[str], unit: str | None) -> float:
    """How well a sentence has the kind of content the question asks for."""
    if not cues - {"change"}:
        return 0.5
    score = 0.0
    if "count" in cues and _NUMBER.search(text):
        score = max(score, 1.0 if unit is None or unit in text else 0.6)
    if "date" in cues and _DATE.search(text):
        score = max(score, 1.0)
    if "reason" in cues and _REASON.search(text):
        score = max(score, 1.0)
    return score


class ExtractiveAnswerer:
    """Chooses and quotes sentences; decides when the evidence is too weak."""

    def __init__(self, searcher: Searcher, settings: AnswerSettings):
        self.searcher = searcher
        self.settings = settings
        bm25 = searcher.index.bm25
        indptr = np.asarray(bm25.scores["indptr"])
        n_docs = max(int(bm25.scores["num_docs"]), 1)
        df = np.diff(indptr)
        self._idf = {tok: math.log(1 + (n_docs - df[i] + 0.5) / (df[i] + 0.5))
                     for tok, i in bm25.vocab_dict.items() if i < len(df)}
        self._unknown_idf = math.log(1 + (n_docs + 0.5) / 0.5)

    def idf(self, term: str) -> float:
        return self._idf.get(term, self._unknown_idf)

    def coverage(self, terms: list[str], tokens: set[str]) -> float:
        """IDF-weighted share of the question's terms present in ``tokens``."""
        total = sum(self.idf(t) for t in terms)
        return sum(self.idf(t) for t in terms if t in tokens) / total if total else 0.0

    def candidates(self, question: str, passages: list[Passage]) -> tuple[list[Candidate], list[str]]:
        terms = content_terms(self.searcher.tokenizer, question)
        cues = question_cues(question)
        unit_m = _UNIT.search(question)
        unit = unit_m.group(1) if unit_m else None
        seen: set[tuple[str, str]] = set()
        out: list[Candidate] = []
        for p in passages:
            c = p.chunk
            # Headings name the subject a sentence speaks about (「② 未踏事業修了生の成果」 over 「22件以上」).
            context = set(self.searcher.tokenizer(c.context()))
            previous: set[str] = set()
            for i, span in enumerate(c.sentences):
                text = c.text[span.start:span.end]
                key = (c.source, compact(text))
                tokens = set(self.searcher.tokenizer(text))
                # The sentence before often names the subject the figure belongs to
                # (「…支援士試験を実施。」「応募者16,597名、合格者数2,253名。」).
                around = tokens | context | previous
                previous = tokens
                if len(key[1]) < 6 or key in seen:
                    continue
                seen.add(key)
                out.append(Candidate(
                    p, i, text, span.line_start, span.line_end,
                    lexical=LEX_OWN * self.coverage(terms, tokens) + (1 - LEX_OWN) * self.coverage(terms, around),
                    cue=cue_score(text, cues, unit),
                    prior=1.0 / (1 + 0.5 * (p.rank - 1)),
                ))
        return out, terms

    def _add_similarity(self, question: str, cands: list[Candidate]) -> None:
        """Embedding similarity for the lexically best candidates only (keeps latency low)."""
        best = sorted(cands, key=lambda c: -c.score())[: self.settings.similarity_candidates]
        if not best:
            return
        embedder = self.searcher.embedder
        q = embedder.encode_query(question)[0]
        vecs = embedder.encode_passages([c.text for c in best])
        for c, v in zip(best, vecs):
            # e5 cosines sit in a narrow band; stretch 0.75..0.95 to 0..1
            c.similarity = float(np.clip((float(v @ q) - 0.75) / 0.20, 0.0, 1.0))

    def confidence(self, question: str, terms: list[str], passages: list[Passage], best: Candidate | None) -> float:
        """Evidence strength in 0..1: do the best passage and sentence cover the question?"""
        if not passages or best is None:
            return 0.0
        chunk = best.chunk
        passage_cov = self.coverage(terms, set(self.searcher.tokenizer(f"{chunk.context()}\n{chunk.text}")))
        dense = max((p.dense_score or 0.0) for p in passages)
        dense_n = float(np.clip((dense - 0.78) / 0.14, 0.0, 1.0))
        return 0.45 * passage_cov + 0.25 * best.lexical + 0.15 * dense_n + 0.15 * best.cue

    def select(self, question: str, passages: list[Passage]) -> tuple[list[Candidate], float]:
        """The sentences to quote (best first) and the confidence of the answer."""
        cands, terms = self.candidates(question, passages)
        if not cands:
            return [], 0.0
        self._add_similarity(question, cands)
        ranked = sorted(cands, key=lambda c: -c.score())
        best = ranked[0]
        cues = question_cues(question)
        confidence = self.confidence(question, terms, passages, best)
        chosen = [best]
        length = len(best.text)
        for c in ranked[1:]:
            if len(chosen) >= self.settings.max_sentences or length > 300:
                break
            if c.score() < self.settings.extra_sentence_ratio * best.score():
                break
            if any(_redundant(c, x) for x in chosen):
                continue
            # Further quotes stay in the best quote's document unless the question spans documents.
            if (c.chunk.source, c.chunk.part) != (best.chunk.source, best.chunk.part) and "cross" not in cues:
                continue
            chosen.append(c)
            length += len(c.text)
        chosen = [self._with_list_items(question, c) for c in chosen]
        chosen = self._with_counterparts(question, chosen, passages)
        return chosen, confidence

    def _with_list_items(self, question: str, c: Candidate, max_items: int = 6, max_chars: int = 320) -> Candidate:
        """A heading or lead-in sentence that opens a list is quoted with the items that follow it."""
        chunk = c.chunk
        lead_in = len(compact(c.text)) < 50 and not c.text.endswith("。")
        if not (lead_in or "list" in question_cues(question)):
            return c
        end = c.sentence
        for j in range(c.sentence + 1, min(len(chunk.sentences), c.sentence + 1 + max_items)):
            span = chunk.sentences[j]
            item = chunk.text[span.start:span.end]
            if not LIST_START.match(squeeze(item)) or span.end - chunk.sentences[c.sentence].start > max_chars:
                break
            end = j
        if end == c.sentence:
            return c
        first, last = chunk.sentences[c.sentence], chunk.sentences[end]
        return Candidate(c.passage, c.sentence, chunk.text[first.start:last.end], first.line_start,
                         max(s.line_end for s in chunk.sentences[c.sentence:end + 1]),
                         c.lexical, c.cue, c.prior, c.similarity)

    def _with_counterparts(self, question: str, chosen: list[Candidate], passages: list[Passage]) -> list[Candidate]:
        """For a 新旧対照表 quote, also quote the other version when it differs."""
        retrieved = {p.chunk.chunk_id for p in passages}
        wants_change = "change" in question_cues(question)
        out: list[Candidate] = []
        for c in chosen:
            out.append(c)
            other_id = c.chunk.counterpart
            if not c.chunk.version or not other_id or any(x.chunk.chunk_id == other_id for x in chosen):
                continue
            if other_id not in retrieved and not wants_change:
                continue
            other = self.searcher.chunk(other_id)
            if other is None:
                continue
            twin = self._closest_sentence(c.text, other, c.passage)
            if twin and compact(twin.text) != compact(c.text):
                out.append(twin)
        order = {"変更案": 0, "現行": 1}
        # Keep version pairs together, 変更案 before 現行.
        paired: list[Candidate] = []
        for c in out:
            if c in paired:
                continue
            mates = [x for x in out if x.chunk.group and x.chunk.group == c.chunk.group and x not in paired]
            paired.extend(sorted(mates, key=lambda x: order.get(x.chunk.version or "", 2)) if mates else [c])
        return paired

    def _closest_sentence(self, text: str, chunk: Chunk, like: Passage) -> Candidate | None:
        target = set(self.searcher.tokenizer(text))
        best, best_overlap = None, -1.0
        for i, span in enumerate(chunk.sentences):
            s = chunk.text[span.start:span.end]
            tokens = set(self.searcher.tokenizer(s))
            overlap = len(tokens & target) / max(len(tokens | target), 1)
            if overlap > best_overlap:
                best_overlap = overlap
                best = Candidate(Passage(like.rank, like.score, chunk), i, s, span.line_start, span.line_end,
                                 0.0, 0.0, 0.0)
        return best

    def compose(self, chosen: list[Candidate], first_marker: int = 1) -> tuple[str, list[Citation]]:
        """Quote each chosen sentence followed by its marker; version labels where they apply."""
        lines: list[str] = []
        citations: list[Citation] = []
        for n, c in enumerate(chosen, first_marker):
            label = f"{c.chunk.version}：" if c.chunk.version else ""
            lines.append(f"{label}{c.text}[{n}]")
            citations.append(citation_for(c, n))
        return "\n".join(lines), citations


def citation_for(c: Candidate, marker: int) -> Citation:
    ch = c.chunk
    return Citation(
        marker=marker, source=ch.source, title=ch.title, section=ch.section_path, version=ch.version,
        line_start=c.line_start, line_end=c.line_end, page=ch.page, chunk_id=ch.chunk_id, quote=c.text,
    )


def _redundant(a: Candidate, b: Candidate) -> bool:
    x, y = compact(a.text), compact(b.text)
    return x in y or y in x


def abstention_text() -> str:
    return f"{ABSTAIN}（質問に答える記述は見つかりませんでした。関連する可能性のある箇所を下に示します）"
