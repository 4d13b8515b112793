"""The retrieval chain: question -> analyse -> retrieve -> answer -> verify -> Answer.

One generator of answer events (passages, the direct answer and quotes line by
line or LLM tokens, the final Answer) serves everything: :meth:`Assistant.ask`
drains it, :meth:`Assistant.stream` hands the events to the UI as they come.
The steps are ``langchain_core`` runnables over a shared :class:`Request`.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from langchain_core.runnables import RunnableLambda

from index.config import Settings
from index.documents import Chunk
from index.ingest import settings_organization_aliases
from index.meta import organization_aliases, organizations_of, title_word_aliases
from index.search import Filters, Passage, Searcher
from index.text import compact

from .answer import ABSTAIN, Answer, Citation
from .dialogue import Catalog, Resolved, Turn, first_line, names_constraints, resolve_history
from .extractive import (
    Candidate,
    Draft,
    ExtractiveAnswerer,
    abstention_text,
    citation_for,
    merge_parts,
    quoted_sentences,
    repeats_a_part,
)
from .llm import build_messages, make_chat_model
from .parts import clause_parts, figure_clause, question_parts
from .place import QUOTE_HEAD, around, new_words, quoted_pieces, quoted_rows
from .question import (
    QuestionAnalysis,
    analyze,
    named_side,
    normalize_question,
    quoted_terms,
    spelled_out,
    term_pattern,
)
from .rank import Ranked, rerank, says_any
from .retriever import PassageRetriever, passages_of
from .values import states_kind
from .verify import MARKER_ANY, markers_in, numbers_in, split_sentences, verify

log = logging.getLogger(__name__)

EMPTY_PROMPT = "質問を入力してください。例：「JETROの対日投資誘致成功件数の目標は？」"


@dataclass
class Request:
    question: str
    k: int | None = None
    retrieval_mode: str | None = None
    answer_mode: str | None = None
    filters: Filters | None = None
    history: list[Turn] = field(default_factory=list)  # earlier turns of the conversation, oldest first
    searched_as: str | None = None  # the question rewritten against the history
    fallback: str | None = None  # searched instead when the rewrite finds no answer (see Resolved.fallback)
    place: tuple[Chunk, ...] = ()  # the chunks around what the previous answer quoted (assistant/place.py)
    notices: list[str] = field(default_factory=list)
    analysis: QuestionAnalysis | None = None
    ranked: list[Ranked] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    started: float = field(default_factory=time.perf_counter)
    answer: Answer | None = None  # set when a step settles the answer early


@dataclass
class StreamEvent:
    kind: str  # "passages" | "delta" | "answer"
    text: str = ""
    passages: list[Passage] = field(default_factory=list)
    answer: Answer | None = None


def _joined(pool: list[Passage], chunks: Iterable[Chunk]) -> list[Passage]:
    """``pool`` with those of ``chunks`` not in it, each entering at the weakest retrieved score."""
    have = {p.chunk.chunk_id for p in pool}
    floor = min((p.score for p in pool), default=0.0)
    return pool + [Passage(len(pool) + n, floor, c) for n, c in enumerate(
        (c for c in chunks if c.chunk_id not in have), 1)]


class Assistant:
    """Holds the loaded index, models and the chain; thread-safe for concurrent questions."""

    def __init__(self, settings: Settings, searcher: Searcher | None = None, chat_model=None):
        self.settings = settings
        self.searcher = searcher or Searcher(settings)
        other_names = settings_organization_aliases(settings)  # (the names the manifest gives organizations)
        self.extractive = ExtractiveAnswerer(self.searcher, settings.answer, other_names)
        if settings.answer.scoring.calibrated_for != settings.embedding.model:
            log.warning("answer.scoring was calibrated for %s, not %s: dense scores and thresholds may be off; "
                        "refit them with: python -m eval fit", settings.answer.scoring.calibrated_for,
                        settings.embedding.model)
        self.retriever = PassageRetriever(searcher=self.searcher, k=settings.rank.pool,
                                          mode=settings.retrieval.mode)
        table = self.searcher.chunks
        heads = table.take(table.first_rows("title"))
        self.documents_titles: list[str] = sorted(table.distinct("title"))
        held = organizations_of(table)
        self.organizations = organization_aliases(self.documents_titles, held)
        for word, organization in title_word_aliases([(c.title, c.organization) for c in heads]).items():
            self.organizations.setdefault(word, organization)  # 「新機軸資料では」: METI's paper
        for name, organization in other_names.items():
            if organization in held:  # (of an organization the index holds)
                self.organizations.setdefault(name, organization)
        self.catalog: Catalog = frozenset((c.organization, c.kind, c.fiscal_year) for c in heads)
        # Organization -> its documents' titles and kinds: which kinds of document it has of its own.
        self.documents: dict[str, list[str]] = {}
        for c in heads:
            for organization in (c.organization or "").split(","):
                if organization.strip():
                    self.documents.setdefault(organization.strip(), []).append(f"{c.title} {c.kind or ''}")
        self._chat_model = chat_model
        self.steps = (
            RunnableLambda(self._prepare, name="prepare")
            | RunnableLambda(self._retrieve, name="retrieve")
        )

    # ── public API ───────────────────────────────────────────────────
    def ask(self, question: str, **options) -> Answer:
        """Answer one question (options: k, retrieval_mode, answer_mode, filters, history)."""
        answer = None
        for event in self.stream(question, **options):
            if event.kind == "answer":
                answer = event.answer
        assert answer is not None
        return answer

    def stream(self, question: str, **options) -> Iterator[StreamEvent]:
        """Yield retrieved passages, then the answer text as it is produced, then the final Answer."""
        req = self.steps.invoke(Request(question, **options))
        if req.answer is None:
            yield StreamEvent("passages", passages=req.passages)
            t = time.perf_counter()
            if self._answer_mode(req) == "llm" and req.passages:
                yield from self._stream_llm(req)
            else:
                req.answer = self._extractive_answer(req)
                for line in req.answer.text.splitlines(keepends=True):
                    req.timings.setdefault("first_token", (time.perf_counter() - req.started) * 1000)
                    yield StreamEvent("delta", text=line)
            req.timings["answer"] = (time.perf_counter() - t) * 1000
        answer = self._finish(req)
        if req.answer is not None and not req.timings.get("first_token"):
            for line in answer.text.splitlines(keepends=True):
                yield StreamEvent("delta", text=line)
        yield StreamEvent("answer", answer=answer)

    def warm_up(self) -> None:
        """Load the embedding model and Sudachi before the first user waits for them."""
        self.searcher.embedder.encode_query("ウォームアップ")
        self.searcher.tokenizer("ウォームアップ")

    def retrieve(self, question: str, k: int = 10, **options) -> list[Passage]:
        """The passages answering would use (constraints and revisions applied), best first."""
        req = self.steps.invoke(Request(question, k=k, **options))
        return req.passages

    def analyze(self, question: str) -> QuestionAnalysis:
        return analyze(question, self.searcher.tokenizer.surfaces(question), self.organizations, self.documents)

    # ── steps ────────────────────────────────────────────────────────
    def _prepare(self, req: Request) -> Request:
        question = (req.question or "").strip()
        limit = self.settings.ui.max_question_chars
        if not question:
            req.answer = Answer(question="", text=EMPTY_PROMPT, abstained=False,
                                diagnostics={"reason": "empty_question"})
            return req
        if len(question) > limit:
            question = question[:limit]
            req.notices.append(f"質問が長いため、先頭の{limit}文字で回答しました。")
        req.question = question
        spelled = searched = spelled_out(question)  # 「R2年度」 searched as the documents write it: 「令和2年度」
        if req.history:
            condensed = self._condense(req) if self._answer_mode(req) == "llm" else None
            if condensed is None:
                resolved = self.resolved(spelled, req.history)
                condensed, req.fallback = resolved.question, resolved.fallback
            searched = condensed
        if searched != question:
            req.searched_as = searched
            req.notices.append(_searched_notice(searched))
        if req.history:
            # Read once here (the main search, each part and the fallback all use them), within the filters.
            req.place = tuple(c for c in self.searcher.chunks.take(sorted(self._place(spelled, req.history)))
                              if not (req.filters and req.filters.active()) or req.filters.allows(c))
        return req

    def _place(self, question: str, history: list[Turn]) -> frozenset[int]:
        """Rows around what the last answer quoted (see assistant/place.py)."""
        r = self.settings.rank
        # A question naming its own organization, year, document or version has moved elsewhere.
        if not r.conversation or not history or names_constraints(self.analyze(question).constraints):
            return frozenset()
        table = self.searcher.chunks
        anchors = quoted_rows(quoted_pieces(history[-1].answer),
                              lambda piece: [i for i, _ in self.searcher.bm25(piece, r.conversation_search)],
                              lambda row: table[row].text)
        sources, _ = table.codes("source")
        return frozenset(around(anchors, lambda row: int(sources[row]), len(table), r.conversation_reach))

    def resolve(self, question: str, history: list[Turn]) -> str:
        """The question made self-contained against the earlier turns (rule-based, offline)."""
        return self.resolved(question, history).question

    def resolved(self, question: str, history: list[Turn]) -> Resolved:
        said = [t for t in history if t.question.strip()]
        # Every question as the documents write its eras (「R2年度」 -> 「令和2年度」).
        questions = [spelled_out(q) for q in (*(t.question for t in said), question)]
        return resolve_history(questions, self.analyze, self.organizations, self.catalog,
                               [t.answer for t in said])[-1]

    def _condense(self, req: Request) -> str | None:
        """With an LLM: rewrite the follow-up as a standalone question; None when it fails."""
        lines = [f"質問{n}: {t.question}\n回答{n}: {t.answer[:300]}" for n, t in enumerate(req.history[-4:], 1)]
        prompt = ("次の会話に続く質問を、会話を読まなくても意味が通る1つの質問に書き換えてください。"
                  "書き換えた質問だけを1行で出力してください。\n\n" + "\n".join(lines)
                  + f"\n\n続く質問: {req.question}")
        try:
            out = str(self.chat_model.invoke([("user", prompt)]).content).strip().splitlines()
        except Exception as exc:
            log.warning("condensing the follow-up failed: %s", exc.__class__.__name__)
            return None
        text = out[0].strip().strip("「」\"") if out else ""
        return text if 0 < len(text) <= self.settings.ui.max_question_chars else None

    def _retrieve(self, req: Request) -> Request:
        if req.answer is not None:
            return req
        t = time.perf_counter()
        _taken(req, None, *self._rank(req.searched_as or req.question, req))
        req.timings["retrieve"] = (time.perf_counter() - t) * 1000
        return req

    def _rank(self, query: str, req: Request, place: bool = True) -> tuple[QuestionAnalysis, list[Ranked]]:
        """Analyze ``query``, search, and re-rank the pool under its constraints (and, with ``place``, towards the
        conversation's place)."""
        analysis = named_side(self.analyze(query))
        k = req.k or self.settings.retrieval.top_k
        docs = self.retriever.invoke(self.extractive.searched_with_aliases(query), k=max(self.settings.rank.pool, k),
                                     mode=req.retrieval_mode or self.settings.retrieval.mode, filters=req.filters)
        pool = self._with_quoted(passages_of(docs), query, req.filters)
        near: frozenset[str] = frozenset()
        if req.place and place:
            pool, near = self._with_place(pool, req)
        evidence = self.extractive.evidence(analysis, pool) if self.settings.rank.proximity else None
        return analysis, rerank(pool, analysis, self.settings.rank, k, evidence, near, self.extractive.covering())

    def _with_quoted(self, pool: list[Passage], query: str, filters: Filters | None) -> list[Passage]:
        """The pool with the chunks that say a term the question quotes (「「アジアDXプロジェクト」はどんな狙い？」)
        when no retrieved passage does — a quoted term is asked for as written —: the first ``rank.quoted_reach`` of
        them (a vectorized scan of the chunk texts), each entering at the weakest retrieved score."""
        reach = self.settings.rank.quoted_reach
        if not (self.settings.rank.quoted and reach):
            return pool
        missing = [t for t in quoted_terms(normalize_question(query), self.documents_titles)
                   if not any(says_any(p.chunk, [t]) for p in pool)]
        if not missing:
            return pool
        have = {p.chunk.chunk_id for p in pool}
        table = self.searcher.chunks
        allowed = filters.mask(table) if filters is not None and filters.active() else None
        added: list[Chunk] = []
        for term in missing:
            rows = table.rows_matching(term_pattern(term))
            rows = rows if allowed is None else rows[allowed[rows]]  # (within the filters, before taking any)
            found = [c for c in table.take(rows[:reach + len(have)]) if c.chunk_id not in have][:reach]
            added += found
            have.update(c.chunk_id for c in found)
        return _joined(pool, added)

    @staticmethod
    def _with_place(pool: list[Passage], req: Request) -> tuple[list[Passage], frozenset[str]]:
        """The pool with the conversation's place added (a chunk not retrieved enters at the weakest
        retrieved score), and the ids of the pool's chunks in that place."""
        return _joined(pool, req.place), frozenset(c.chunk_id for c in req.place)

    def _answer_mode(self, req: Request) -> str:
        return req.answer_mode or self.settings.answer.mode

    def _finish(self, req: Request) -> Answer:
        answer = req.answer or Answer(question=req.question, text=EMPTY_PROMPT, abstained=False)
        answer.passages = answer.passages or req.passages
        answer.searched_as = req.searched_as
        answer.notices = req.notices + [n for n in answer.notices if n not in req.notices]
        if req.filters and req.filters.active():
            answer.notices.append("絞り込み条件を適用して回答しました。")
        answer.timings_ms = {**req.timings, "total": (time.perf_counter() - req.started) * 1000}
        _check_agreement(answer)
        return answer

    # ── answering ────────────────────────────────────────────────────
    def _part_drafts(self, parts: list[str], req: Request, asked: dict[str, Resolved],
                     before: list[Draft] | None = None) -> list[Draft]:
        """Each part of a question answered in turn. A part whose answer says nothing an earlier part did not
        (the same sentence, the same words or fewer) is answered from another sentence, when one answers it
        (「どう実施した？中身も教えて」). A part rewritten with the part before (``asked``: the rewrites, by
        what they became) that names a document of its own (「…？また、第五期中期目標ではその基準となる…？」) and
        found no answer there for want of what it carried is asked as written. ``before``: parts already answered,
        returned first."""
        drafts: list[Draft] = list(before or [])
        for part in parts:
            analysis, ranked = self._rank(part, req)
            draft = self.extractive.answer(analysis, ranked)
            if draft.abstained and (r := asked.get(part)) \
                    and names_constraints((written := self.analyze(r.original)).constraints) \
                    and (own := self._carried_fallback(draft, r.original, written, r.fallback, req, analysis.focus)):
                draft, analysis, ranked = own
            if repeats_a_part(draft, drafts):
                given = frozenset().union(*map(quoted_sentences, drafts))
                other = self.extractive.answer(analysis, ranked, avoid=given)
                draft = draft if other.abstained else other
            drafts.append(draft)
        return drafts

    def _with_further_figure(self, draft: Draft, req: Request, follow_up: Callable[[str, str], str],
                             asked: dict[str, Resolved]) -> Draft:
        """``draft`` and, as a second part, the answer to a figure the question goes on to ask of the same thing
        (「…はいつ公開されて、どれくらいダウンロードされた？」) when ``draft`` states none of that kind; ``draft`` alone
        when it does or that part finds no answer."""
        further = figure_clause(req.searched_as or req.question, self.analyze)
        if further is None or states_kind(draft.direct, (kind := further[2].answer_type)):
            return draft
        second = self._part_drafts([follow_up(further[0], further[1])], req, asked, before=[draft])[-1]
        if second.abstained or not _states_figure(second.direct, kind) or repeats_a_part(second, [draft]):
            return draft  # (a part that states no such figure, or says again what the whole did, adds nothing)
        return merge_parts([draft, second])

    def _carried_fallback(self, draft: Draft, asked: str, asked_analysis: QuestionAnalysis, fallback: str | None,
                          req: Request, searched_focus: str) -> tuple[Draft, QuestionAnalysis, list[Ranked]] | None:
        """When ``draft`` (of a rewrite asking ``searched_focus``) found no answer for want of what the rewrite carried
        from the conversation, or of a word of the user's own the carried words led away from (see
        :func:`_for_carried`): the answer to ``fallback`` — the question as the user ``asked`` it (analysed:
        ``asked_analysis``), in the conversation's documents — with its analysis and passages, if it has one; else
        None."""
        if not (draft.abstained and fallback and _for_carried(draft.missing, asked, asked_analysis, searched_focus)):
            return None
        analysis, ranked = self._rank(fallback, req)
        own = self.extractive.answer(analysis, ranked)
        return None if own.abstained else (own, analysis, ranked)

    def _past_the_last_answer(self, draft: Draft, req: Request) -> Draft | None:
        """A follow-up answered with the sentence the last answer quoted, which lacks every word the follow-up newly
        asks about (「そのうち女性は何人？」, 「その目標ってどうやって算出したの？」): the answer from the best sentence
        that says such a word, if any; else None. The same sentence may well answer again (「令和元年度は？」 after a
        row of every year; 「公開はいつ？」 after a dated one): not when it states a figure of the asked kind, unless
        the answer's first line would only repeat the last answer's."""
        if draft.abstained or not draft.quotes:
            return None
        last = req.history[-1]
        lead = draft.quotes[0].candidate
        # It states a figure of the kind asked (「公開はいつ？」: its date), not the one the last answer gave.
        if lead.value is not None and compact(draft.direct) != compact(first_line(last.answer)):
            return None
        if compact(lead.text)[:QUOTE_HEAD] not in compact(last.answer):
            return None
        asked = new_words(self.searcher.tokenizer.surfaces(req.question), last.question + last.answer)
        if not asked or any(w in compact(lead.text) for w in asked):
            return None
        # Among the passages found for the rewrite, then for the follow-up as asked (in the conversation's place).
        # Only sentences that say one of the words are read.
        also = [self._rank(req.fallback, req)] if req.fallback else []
        for analysis, ranked in ((req.analysis, req.ranked), *also):
            silent = frozenset((c.chunk.chunk_id, c.sentence) for c in self.extractive.candidates(analysis, ranked)
                               if not any(w in compact(c.text) for w in asked))
            other = self.extractive.answer(analysis, ranked, avoid=silent | quoted_sentences(draft))
            if not other.abstained and other.quotes:
                return other
        return None

    def _extractive_answer(self, req: Request) -> Answer:
        rewrites: dict[str, Resolved] = {}

        def follow_up(previous: str, part: str) -> str:
            r = self.resolved(part, [Turn(previous)])
            rewrites[r.question] = r
            return r.question

        self._name_ordinal(req)
        parts = question_parts(req.searched_as or req.question, self.analyze, follow_up)
        if parts:  # each part searched and answered on its own, stated in turn
            draft = merge_parts(self._part_drafts(parts, req, rewrites))
            if draft.abstained and not (whole := self.extractive.answer(req.analysis, req.ranked)).abstained:
                draft = whole  # no part found on its own what the question asked whole finds
        else:
            draft = self.extractive.answer(req.analysis, req.ranked)
            if req.history and (other := self._past_the_last_answer(draft, req)):
                draft = other
            if draft.abstained and (parts := clause_parts(req.searched_as or req.question, self.analyze, follow_up)):
                # 「…の受講者は何名で、…演習は何と呼ばれていますか」 found no answer whole: each clause on its own.
                split = merge_parts(self._part_drafts(parts, req, rewrites))
                draft = draft if split.abstained else split
            elif not draft.abstained:
                draft = self._with_further_figure(draft, req, follow_up, rewrites)
        if draft.abstained and req.fallback \
                and (own := self._carried_fallback(draft, req.question, self.analyze(req.question), req.fallback, req,
                                                   req.analysis.focus)):
            draft = _taken(req, *own)
            req.notices = [n for n in req.notices if n != _searched_notice(req.searched_as or "")]
            req.searched_as = req.fallback if req.fallback != req.question else None
            if req.searched_as:
                req.notices.append(_searched_notice(req.searched_as))
        if draft.abstained and req.place and draft.missing in ("", "year"):
            # Where the last answer was is a guess too: a follow-up it has no answer to, or not of the asked year,
            # may be answered elsewhere in the documents (「前年度は？」 by the report's 「前年度実績（822 件）」,
            # sections away from the figure asked before). (Not when it has the asked thing without its figure:
            # a figure elsewhere would be another thing's.)
            analysis, ranked = self._rank(req.searched_as or req.question, req, place=False)
            if not (elsewhere := self.extractive.answer(analysis, ranked)).abstained:
                draft = _taken(req, elsewhere, analysis, ranked)
        diagnostics = {"focus": req.analysis.focus, "answer_type": req.analysis.answer_type,
                       "focus_coverage": round(draft.focus, 4), "support": round(draft.support, 4),
                       "missing": draft.missing}
        if draft.abstained:
            answer = self._abstain(req, draft.confidence, text=draft.direct)
        else:
            text, citations = compose(draft)
            answer = Answer(req.question, text, False, citations, req.passages, mode="extractive",
                            confidence=draft.confidence)
        answer.diagnostics = diagnostics
        return answer

    def _name_ordinal(self, req: Request) -> None:
        """「1つ目の柱では、具体的に何をするの？」: the question asked of the item by its name (「「資本・技術・人材が
        …形成・強化」では、具体的に…」), searched again — when it asks more than what the item is (that is answered
        from the list itself) and the passages list the set."""
        asked, question = req.analysis.ordinal, normalize_question(req.analysis.question)
        if asked is None or asked.bare or (item := self.extractive.ordinal_item(req.analysis, req.ranked)) is None:
            return
        named = f"{question[:asked.start]}「{item[0].rstrip('。.?？ ')}」{question[asked.end:]}"
        req.notices = [n for n in req.notices if n != _searched_notice(req.searched_as or "")]
        req.searched_as = named
        req.notices.append(_searched_notice(named))
        _taken(req, None, *self._rank(named, req))

    def _abstain(self, req: Request, confidence: float, mode: str = "extractive", text: str | None = None) -> Answer:
        related = req.passages[: self.settings.answer.related_on_abstain]
        return Answer(req.question, text or abstention_text(), True, [], req.passages, related, mode=mode,
                      confidence=confidence)

    @property
    def chat_model(self):
        if self._chat_model is None:
            self._chat_model = make_chat_model(self.settings.llm, self.settings.llm_api_key())
        return self._chat_model

    def _stream_llm(self, req: Request) -> Iterator[StreamEvent]:
        t = req.started
        messages = build_messages(req.searched_as or req.question, req.passages, self.settings.llm.system_prompt)
        parts: list[str] = []
        result: str | Exception
        try:
            for chunk in self.chat_model.stream(messages):
                piece = str(chunk.content)
                if piece:
                    req.timings.setdefault("first_token", (time.perf_counter() - t) * 1000)
                    parts.append(piece)
                    yield StreamEvent("delta", text=piece)
            result = "".join(parts)
        except Exception as exc:
            log.warning("LLM stream failed: %s: %s", exc.__class__.__name__, exc)
            result = exc
        req.answer = self._llm_answer(req, result)
        if req.timings.get("first_token") and req.answer.mode != "llm":
            req.timings.pop("first_token")  # the streamed draft was replaced: send the final text

    def _llm_answer(self, req: Request, result: str | Exception) -> Answer:
        """Verify an LLM answer; fall back to the extractive answer when it cannot be trusted."""
        if isinstance(result, Exception):
            fallback = self._extractive_answer(req)
            fallback.notices.append(
                f"LLMから回答を得られなかったため（{result.__class__.__name__}）、抽出回答を表示しています。")
            return fallback
        texts = {n: p.chunk.text for n, p in enumerate(req.passages, 1)}
        check = verify(result.strip(), texts)
        if compact(check.text).startswith(ABSTAIN) and not check.used_markers:
            return self._abstain(req, 0.0, mode="llm")
        if not check.used_markers:
            fallback = self._extractive_answer(req)
            fallback.notices.append("LLMの回答に有効な出典がなかったため、抽出回答に置き換えました。")
            return fallback
        notices = []
        if check.invalid_markers:
            notices.append("存在しない出典番号を削除しました: " + ", ".join(f"[{n}]" for n in check.invalid_markers))
        if check.unverified_numbers:
            notices.append("出典で確認できない数値があります: " + "、".join(check.unverified_numbers))
        citations = [self._llm_citation(n, req.passages[n - 1], check.text) for n in check.used_markers]
        return Answer(req.question, check.text, False, citations, req.passages, notices=notices,
                      unverified=check.unverified_numbers, mode="llm", confidence=1.0)

    def _llm_citation(self, marker: int, passage: Passage, text: str) -> Citation:
        """Quote the sentence of the cited passage closest to what the answer says with [marker]."""
        claims = " ".join(MARKER_ANY.sub("", s) for s in split_sentences(text) if marker in markers_in(s))
        claim_tokens = set(self.searcher.tokenizer(claims))
        claim_numbers = numbers_in(claims)
        chunk = passage.chunk
        best, best_score = 0, -1.0
        for i, span in enumerate(chunk.sentences):
            sentence = chunk.text[span.start:span.end]
            tokens = set(self.searcher.tokenizer(sentence))
            # A sentence stating the same figures is the evidence; then shared words.
            score = 2.0 * sum(n in compact(sentence) for n in claim_numbers) + len(tokens & claim_tokens) / max(
                len(tokens | claim_tokens), 1)
            if score > best_score:
                best, best_score = i, score
        span = chunk.sentences[best]
        cand = Candidate(passage, best, chunk.text[span.start:span.end], span.line_start, span.line_end)
        return citation_for(cand, marker)


def _check_agreement(answer: Answer) -> None:
    """Markers in the text and the citation list must name the same numbers."""
    in_text = sorted(set(markers_in(answer.text)))
    listed = sorted(c.marker for c in answer.citations)
    if in_text != listed:
        log.error("marker/citation mismatch: text %s vs list %s", in_text, listed)
        keep = set(in_text)
        answer.citations = [c for c in answer.citations if c.marker in keep]


def compose(draft: Draft, first_marker: int = 1) -> tuple[str, list[Citation]]:
    """The answer text: the direct answer on the first line, then each quote with its marker — each said once."""
    direct = draft.direct + ("（" + "／".join(draft.notes) + "）" if draft.notes else "")
    lines = [direct]
    markers = range(first_marker, first_marker + len(draft.quotes))
    quoted = {n: compact(f"{q.label}{q.text}") for n, q in zip(markers, draft.quotes)}
    parts, attached = _parts_of(direct, quoted)
    said = compact(direct)
    citations: list[Citation] = []
    for n, q in zip(markers, draft.quotes):
        citations.append(citation_for(q.candidate, n, q.text.strip("…")))
        if any(n in ms and compact(_unnumbered(parts[k])) == quoted[n] for k, ms in attached.items()):
            continue  # a part of the first line is this quote, whole: said once
        head, _, rest = q.text.partition("\n")
        if n == first_marker and said in (compact(head), compact(f"{q.label}{head}")):
            # The answer is the quote itself (or its first line, the lead-in of a list): said once, with the
            # column or document it is from (「変更案：」), the rest of the quote below. (A part's answer names
            # its document already: 「IPAの年度評価（2020年度）：…」.)
            if said == compact(head):
                lines[0] = f"{q.label}{lines[0]}"
            if rest.strip():
                lines.append(f"{rest}[{n}]")
            continue
        lines.append(f"{q.label}{q.text}[{n}]")
    if attached:
        lines[0] = "／".join(part + "".join(f"[{m}]" for m in attached[k]) for k, part in enumerate(parts))
    # The direct answer is drawn from the quotes: it cites the others at its end.
    taken = {m for ms in attached.values() for m in ms}
    lines[0] += "".join(f"[{c.marker}]" for c in citations if c.marker not in taken)
    return "\n".join(lines), citations


def _states_figure(text: str, kind: str) -> bool:
    """Does an answer's first line state a figure of ``kind`` — a date as such, a count or amount by any number
    (a part's line may drop its counter: 「500 以上」)?"""
    return states_kind(text, kind) or (kind != "date" and bool(re.search(r"[0-9０-９]", text)))


def _parts_of(direct: str, quoted: dict[int, str]) -> tuple[list[str], dict[int, list[int]]]:
    """The parts of a comparison or a several-part answer (「IPAの年度計画：…／IPAの年度評価：…」, 「①…／②…」) and,
    for each, the quotes it is drawn from (its text, cut at …, inside the quote) — or no parts when one of them is
    drawn from none (a 「／」 inside a figure or a heading: 「２／３以上」)."""
    parts = direct.split("／")
    if len(parts) < 2:
        return parts, {}
    attached: dict[int, list[int]] = {}
    for k, part in enumerate(parts):
        pieces = [compact(x) for x in _unnumbered(part).split("…") if compact(x)]
        attached[k] = [n for n, text in quoted.items()
                       if pieces and all(x in text for x in pieces) and not any(n in ms for ms in attached.values())]
    return (parts, attached) if all(attached.values()) else (parts, {})


def _unnumbered(part: str) -> str:
    """A part of a several-part answer without its number (「②…」)."""
    return re.sub(r"^[①-⑳]", "", part)


def _taken(req: Request, draft: Draft | None, analysis: QuestionAnalysis, ranked: list[Ranked]) -> Draft | None:
    """``draft``, answered from ``ranked`` (of ``analysis``), taken for the request: its analysis and passages are
    now these."""
    req.analysis, req.ranked, req.passages = analysis, ranked, [r.passage for r in ranked]
    return draft


def _for_carried(missing: str, question: str, analysis: QuestionAnalysis, searched_focus: str = "") -> bool:
    """Is ``missing`` (why an answer abstained) owed to what the rewrite carried in: a quoted word or place (carried,
    or the user's own missing from the passages the carried words led to: 「「相談窓口連絡会」に…」「九州の修了生講師
    は」), the thing asked (``searched_focus``) when the question does not name it, an organization or year it does
    not name, or the measure it asks in its own words (「限度額はいくら？」「その宣言者数は累計でどれくらい？」), or
    its value, missing from the passages the carried words led to?"""
    asked = normalize_question(question)
    if missing.split(":", 1)[0] in ("quoted", "place"):
        return True
    if missing == "focus":
        return bool(searched_focus) and searched_focus not in asked
    c = analysis.constraints
    return (missing == "organization" and not c.organizations) or (missing == "year" and not c.fiscal_years) \
        or (missing.split(":", 1)[0] in ("measure", "value") and bool(analysis.focus) and analysis.focus in asked)


def _searched_notice(searched: str) -> str:
    """The notice that tells the user what a follow-up was searched as."""
    return f"会話の流れから『{searched}』として検索しました。"
