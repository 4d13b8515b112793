"""Extractive answering: a direct answer first, then the verbatim quotes behind it.

Offline and deterministic. Every sentence of the retrieved passages is a
candidate, scored by how much of the question it covers (IDF-weighted Sudachi
terms, on the sentence and with its headings and the sentence before), whether
it carries the question's *focus* (the asked-for thing), whether it holds a
value of the asked type (a count for 何件, a date for いつ …) and the rank of its
passage. Weights and thresholds come from ``answer.scoring`` in config.yaml
(fitted on the dev split).

An answer is given only when the best candidate carries the focus and, for a
figure question, a figure of the asked type; otherwise 「資料に記載なし」. The
first line states the answer itself — the value with its unit and qualifier,
the list items, a definition clause — then the supporting quotes follow,
verbatim and trimmed to the clauses that carry the answer.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise, zip_longest

import numpy as np

from index.column_table import row_names
from index.config import AnswerSettings
from index.documents import Chunk, SentenceSpan
from index.headings import (
    CLOSE_BRACKETS,
    LIST_START,
    MAJOR_BULLETS,
    MINOR_BULLETS,
    OPEN_BRACKETS,
    heading_kind,
    heading_name,
    is_column_header_row,
)
from index.meta import DEFINED_ABBREVIATION_HINT, abbreviations
from index.search import Filters, Passage, Searcher
from index.text import compact, either_width, squeeze

from .answer import ABSTAIN, Citation
from .definitions import defines, definition_clause
from .diff import changed_words
from .question import (
    CONTRASTS,
    COUNTED_BY_NAME,
    IMPLIED_FIGURE,
    INDICATOR_WORD,
    KINDS,
    KNOWN_AFTER,
    MAGNITUDE,
    MEASURE,
    NOUN_CHARS,
    PLACE_NAME,
    QUESTION_WORD,
    QUOTED_TERM,
    SET_COUNT,
    Constraints,
    QuestionAnalysis,
    asked_figures,
    asks_indicators,
    compares,
    constraints_of,
    contrast_group,
    era_label,
    indicator_labels,
    indicator_title,
    kind_asked,
    label_form,
    labels_only,
    names_both_columns,
    normalize_question,
    numeral,
    opening_year,
    ordinals_in,
    part_status,
    periods_in,
    revisions_in,
    year_mentions,
    year_of,
)
from .rank import Ranked
from .values import (
    LABELLED_KINDS,
    PART_TOLERANCE,
    WHEN,
    YEARS_FIGURE_GAP,
    Value,
    best_value,
    breakdown,
    calendar_dates,
    cell_figure,
    count_before,
    counted_by,
    date_bound,
    date_ends,
    expansion_of,
    figure_span,
    figures_for,
    figures_in,
    figures_said,
    fiscal_months,
    grade_meaning,
    grades_in,
    in_unit_of,
    is_result,
    is_table_row,
    is_target,
    labelled,
    labelled_count,
    labelled_value,
    made_of,
    magnitude,
    parts_in_bracket,
    restatement,
    row_cells,
    row_figure,
    strip_marker,
    summing_run,
    target_named,
    trim,
    unit_of,
    value_run,
    values_in,
)

# The question asks what is done (「何をする」「どんな施策」「何に取り組む」), which a group's bullets may say.
_ACTIONS_ASKED = re.compile(r"何を(?:する|し[たて]|やる|やっ|行う|行っ|実施|進め)|(?:どんな|どのような|どういう)"
                            r"(?:施策|取組|取り組み|支援)|何に取り組|(?:施策|取組|取り組み)(?:は|って|を挙げ)")
# A slide's legend of its bullet marks (「●…これまでに実施した施策、○…今後実施する施策」), no bullet itself.
_LEGEND = re.compile(r"^\s*[●⚫○◯]\s*…")
# The question asks for the specifics of what it names (「具体的に何をする」「詳しく」), and a sentence gives them.
_SPECIFICS_ASKED = re.compile(r"具体的|詳しく|詳細(?:は|を|に)")
_SPECIFICS_GIVEN = re.compile(r"具体的には")
# A sentence that announces items instead of stating the answer (「以下の基準に該当するものは…」).
_LEAD_IN = re.compile(r"[：:]$|(次|以下)(の|に|のような|等[はを])|とおり(。|である|とする)?$")
# How a question names a kind of document: 「計画」 for a 年度計画, 「評価」 for a 年度評価 …
_KIND_WORD = {"年度計画": "計画", "年度評価": "評価", "中期目標": "中期目標", "中長期目標": "中長期目標",
              "政策資料": "資料"}
_DEFINITION = re.compile(r"とは|をいう|を指す|のこと|と呼ぶ|と称する|と定義")
_REASON = re.compile(r"ため|から|理由|背景|踏まえ|により|による|目的")
# The heading of a target's rationale in a plan (「［指標水準の考え方］」「＜重要度高・困難度高の設定理由＞」).
_RATIONALE = re.compile(r"考え方|設定理由|根拠|理由")


def _under_rationale(c: Candidate) -> bool:
    """Is ``c`` under a target's rationale heading (「＜目標水準の考え方＞」)? Then it is the reason itself."""
    return any(_RATIONALE.search(h) for h in c.chunk.section[-1:])


# A sentence that gives a reason itself (stricter than _REASON's 「による」「から」).
_STATES_REASON = re.compile(r"ため[、。に]|ためである|理由|根拠|背景|踏まえ")
_GIVES_REASON = re.compile(r"ため[、。]|ためである")  # 「…であるため、」 (not the purpose 「…のために」)
_BRACKETED = re.compile(r"[［【＜〈\[<（(].{1,24}[］】＞〉\]>）)]")


@dataclass
class Candidate:
    """A sentence that may answer, with the evidence for it."""

    passage: Passage
    sentence: int  # index into chunk.sentences
    text: str
    line_start: int
    line_end: int
    lexical: float = 0.0  # question terms covered (sentence + context)
    focus: float = 0.0  # focus terms covered (sentence + context)
    focus_own: float = 0.0  # focus terms in the sentence itself
    measure: float = 0.0  # the focus as one phrase (terms in order) in the sentence, its headings or the one before
    support: float = 0.0  # the least covered element of the question (focus, qualifiers) in the passage
    value: Value | None = None  # a figure of the asked type
    prior: float = 0.0  # from the passage's rank
    cue: float = 0.0  # the sentence has the kind of content asked for (reason, definition …)
    score: float = 0.0
    cell: tuple[str, str] | None = None  # a table cell's figure: its row (and column) and the table's unit

    @property
    def chunk(self) -> Chunk:
        return self.passage.chunk


@dataclass(frozen=True)
class DocumentPart:
    """One document a comparison asks about (「IPAの令和2年度の実績と、令和6年度計画の目標」), with what its part
    asks of it: a version of a 新旧対照表 (変更案/現行) and a result or a target (実績/目標)."""

    titles: list[str]
    version: str | None = None
    status: str | None = None


@dataclass
class Quote:
    candidate: Candidate
    text: str  # verbatim, possibly trimmed with …
    label: str = ""  # 変更案： / 現行： / IPA：


@dataclass
class Draft:
    """What extractive answering decided, before it becomes an Answer."""

    direct: str  # the first line: the answer itself
    quotes: list[Quote] = field(default_factory=list)
    abstained: bool = False
    confidence: float = 0.0
    notes: list[str] = field(default_factory=list)  # e.g. which revision was used
    focus: float = 0.0  # focus coverage of the best candidate
    support: float = 0.0  # least covered question element of the best candidate
    # what the best candidate lacks (empty: supported): focus | measure | value | restated | result | year |
    # organization | period | quoted:<term> | place:<name> | members:<set> | alone:<thing> | sibling:<asked>:<named>
    missing: str = ""


class ExtractiveAnswerer:
    """Chooses, trims and quotes sentences; decides when the evidence is too weak."""

    def __init__(self, searcher: Searcher, settings: AnswerSettings, other_names: Iterable[str] = ()):
        """``other_names``: names of organizations besides their documents' titles (the manifest's
        ``organizations:``) — like a title's words, no name the answer must say."""
        self.searcher = searcher
        self.settings = settings
        self._other_names = tuple(other_names)
        bm25 = searcher.index.bm25
        indptr = np.asarray(bm25.scores["indptr"])
        n_docs = max(int(bm25.scores["num_docs"]), 1)
        df = np.diff(indptr)
        self._idf = {tok: math.log(1 + (n_docs - df[i] + 0.5) / (df[i] + 0.5))
                     for tok, i in bm25.vocab_dict.items() if i < len(df)}
        self._unknown_idf = math.log(1 + (n_docs + 0.5) / 0.5)
        # Re-ranking and answering read the same sentences: tokenize each once.
        self._tok = functools.lru_cache(maxsize=8192)(lambda text: tuple(searcher.tokenizer(text)))
        self._families: dict[tuple, dict[str, int | None]] | None = None
        self._fields: dict[str, list[Chunk]] = {}  # label -> the cover chunks that label a field so (see _cover_field)
        self._documents: dict[str, Chunk] | None = None
        self._covering: dict[str, frozenset[str]] | None = None
        self._latin_names: set[str] | None = None
        self._abbreviations: dict[str, str] | None = None
        self._section_titles: dict[str, set[str]] = {}  # source -> its section headings, squeezed
        # Rows of the chunks that open a sheet's data tables, and of those that state a grade (see _sheet_grade).
        self._sheet_rows: tuple[np.ndarray, np.ndarray] | None = None
        self._report_rows: dict[str, list[tuple[Chunk, int]]] = {}  # source -> its table rows (see _rows_of)

    # ── scoring ──────────────────────────────────────────────────────
    def idf(self, term: str) -> float:
        return self._idf.get(term, self._unknown_idf)

    def coverage(self, terms: list[str], tokens: set[str]) -> float:
        """IDF-weighted share of ``terms`` present in ``tokens`` (割合 and 比率 name the same measure; a noun of a
        verb's continuative form and the verb are one word, see :func:`other_form`; 予算 is a word of a budget's
        measure only — see :func:`phrase_coverage` — not of every sentence that 計上s a sum)."""
        total = sum(self.idf(t) for t in terms)
        return sum(self.idf(t) for t in terms if t in tokens or other_form(t) in tokens
                   or (t in _RATIO and not tokens.isdisjoint(_RATIO))) / total if total else 0.0

    def lexical(self, terms: list[str], own: set[str], around: set[str]) -> float:
        """Question coverage of a sentence: its own words (``scoring.own_share``) and with what is
        around it (headings, the sentence before)."""
        share = self.settings.scoring.own_share
        return share * self.coverage(terms, own) + (1 - share) * self.coverage(terms, around)

    def _titles_a_section(self, source: str, text: str) -> bool:
        """Is ``text`` one of its document's section headings (a title repeated where it was not taken for one:
        an indicator's name over its target, a slide title in a later slide)?"""
        if source not in self._section_titles:
            self._section_titles[source] = {squeeze(h) for h in self.searcher.chunks.section_titles(source)}
        return _heading_form(text) in self._section_titles[source]

    def _passage_tokens(self, chunk: Chunk) -> set[str]:
        """The search tokens of a passage with its headings (from the shared sentence-token cache)."""
        return set(self._tok(chunk.context())) | set(self._tok(chunk.text))

    def _terms(self, text: str) -> list[str]:
        from index.tokens import content_terms

        return content_terms(self.searcher.tokenizer, text)

    def evidence(self, analysis: QuestionAnalysis, passages: list[Passage]) -> dict[str, float]:
        """Chunk id -> how well its best sentence covers the question, 0..1 (as a candidate's
        ``lexical``, without the sentence before): the proximity signal for re-ranking."""
        terms = self._terms(analysis.question)
        out: dict[str, float] = {}
        for p in passages:
            c = p.chunk
            context = set(self._tok(c.context()))
            sentences = (set(self._tok(c.text[span.start:span.end])) for span in c.sentences)
            out[c.chunk_id] = max((self.lexical(terms, tokens, tokens | context) for tokens in sentences),
                                  default=0.0)
        return out

    def aliases(self, question: str) -> list[tuple[str, str]]:
        """The abbreviations the question uses or spells out, each with the name it stands for (NFKC): as the
        documents define them (「デジタルスキル標準（ＤＳＳ）」) or the question itself does. A document's
        organization (「IPA」) is left to the organization constraint."""
        if self._abbreviations is None:
            names = self._document_names()
            found = abbreviations(self.searcher.chunks.texts_matching(DEFINED_ABBREVIATION_HINT))
            self._abbreviations = {a: n for a, n in found.items() if a.lower() not in names}
        asked = compact(question)
        pairs = self._abbreviations | abbreviations([question])
        return [(a, n) for a, n in pairs.items() if a in asked or n in asked]

    def searched_with_aliases(self, question: str) -> str:
        """The question with the other form of each alias it writes in one form only (「DSSはいつ策定」 is also
        searched as 「デジタルスキル標準」), so passages that write the other form are found."""
        asked = compact(question)
        missing = [n if a in asked else a for a, n in self.aliases(question) if (a in asked) != (n in asked)]
        if asks_indicators(question) and "指標" not in asked:
            missing.append("定量指標")  # 「どんな数値目標がある」: plans set their targets as 「（定量指標）」
        return " ".join([question, *missing])

    def _aliased(self, text: str, aliases: list[tuple[str, str]]) -> set[str]:
        """The tokens of both forms of each alias ``text`` writes in one form: a sentence about
        「デジタルスキル標準」 covers a question's 「DSS」, and the reverse."""
        if not aliases:
            return set()
        said = compact(text)
        return {t for a, n in aliases if a in said or n in said for t in (*self._tok(a), *self._tok(n))}

    def candidates(self, analysis: QuestionAnalysis, ranked: list[Ranked]) -> list[Candidate]:
        s = self.settings.scoring
        tok = self._tok
        aliases = self.aliases(analysis.question)
        terms = self._terms(_without_revision(analysis))
        focus_terms = self._terms(analysis.focus) if analysis.focus else []
        focus_set = set(focus_terms)
        elements = [t for t in (self._terms(q) for q in analysis.qualifiers) if t]
        value_type = _value_type(analysis)
        measured = bool(focus_terms) and analysis.asks_measure
        read_value = _value_reader(analysis, value_type) if value_type else None
        event = analysis.event
        years = analysis.constraints.fiscal_years
        asks_label = bool(_WHICH_INDICATOR.search(normalize_question(analysis.question)))
        # 「…と表明した企業は何社」: a figure in the asked counter (「156 社」) counts the asked thing itself — in a
        # sentence that says the whole clause the question describes it by (「…リスク分析に取り組むことを表明」).
        counter = re.compile(rf"[0-9０-９]\s*{re.escape(analysis.unit)}") \
            if analysis.unit and analysis.unit in _COUNTERS.get(analysis.focus, ()) else None
        described = set(self._terms(_describing_clause(analysis.question, analysis.focus))) if counter else set()
        done = _done_by_count(analysis.focus) if measured else None
        # (a 額 of three words or more: 「国内投資額」, not 「収入額」 — any 「…収入（…）」 would do)
        money_asked = measured and len(focus_terms) > 2 and focus_terms[-1] == "額"
        seen: set[tuple[str, str]] = set()
        out: list[Candidate] = []

        def supported_in(found: set[str]) -> float:  # the least covered qualifier
            return min((self.coverage(e, found) for e in elements), default=1.0)

        for r in self._with_grades(self._with_sheet_results(self._with_labelled(ranked, analysis)), analysis):
            p, c = r.passage, r.passage.chunk
            context_run = tok(c.context())
            context = set(context_run) | self._aliased(c.context(), aliases)
            # Qualifiers (the programme, the document …) may sit anywhere in the passage.
            passage_tokens = self._passage_tokens(c) | self._aliased(c.text, aliases) | context
            qualifier_support = supported_in(passage_tokens)
            previous: set[str] = set()
            previous_run: tuple[str, ...] = ()
            results = self._sheet_indicators(c)  # the indicators a bare result of an evaluation sheet reports
            # The row (and column) of each figure of a table printed column by column (「業務経費 決算」).
            # (only when a value is asked: a bare figure says nothing else — 「…ときはどうする？」)
            cell_rows = row_names([_sentence(c, i) for i in range(len(c.sentences))]) \
                if read_value and analysis.wants_value else {}
            results = {**cell_rows, **results}  # (the evaluation sheet's names first)
            # The caption over the table rows being read: what their bare figures are of (see is_caption).
            caption_run: tuple[str, ...] = ()
            label: set[str] = set()  # the asked words of the item label the sentence is under (see _is_label)
            in_table = False
            for i, span in enumerate(c.sentences):
                text = c.text[span.start:span.end]
                if _OMITTED.match(text.strip()):
                    continue
                run = tok(text)
                tokens = set(run) | self._aliased(text, aliases)
                row = is_table_row(text)
                if not row:
                    caption_run = run if is_caption(text) else ()
                elif not in_table:
                    # 「○白書のダウンロード数AI 白書 2020 8,374」: a caption may run into the table's first row.
                    caption_run = (*caption_run, *run)
                in_table = row
                caption = caption_run if row else ()
                # Only the asked measure is read from the caption: the words of a row label run into it are not
                # the other rows'.
                named = tuple(tok(results.get(i, "")))
                around = tokens | context | previous | (set(caption) & focus_set) | label | set(named) \
                    | (focus_set if counter is not None and described and described <= tokens
                       and counter.search(text) else set())
                if _is_label(text):
                    label = tokens & focus_set
                glossed = tok(_gloss_read(text)) if measured and _GLOSS.search(text) else ()
                qualified = self._qualified_run(text) if measured and _QUALIFIED.search(text) else ()
                # (「国内投資額」 is named by 「…投資（国内）：年間3兆円」: of a name qualified so, a sum of money
                # stated is the 額 — not of any name: 「設備投資の促進のため、補助金500億円」 states no 設備投資額.)
                money = money_asked and bool(qualified) and any(v.kind == "amount" for v in values_in(text))
                measure = max(max(phrase_coverage(focus_terms, unit, self.idf)
                                  for unit in (run, context_run, previous_run, caption, named, glossed, qualified)),
                              phrase_coverage(focus_terms[:-1], qualified, self.idf) if money else 0.0) \
                    if measured and not (done and done.search(text)) else 1.0
                previous, previous_run = tokens, run
                # (a table's cells are told apart by their row: 「782」 is the budget of one row and the result of
                # another)
                key = (c.source, f"{cell_rows[i]}:{compact(text)}" if i in cell_rows else compact(text))
                # A heading alone never answers — unless it states the figure asked for
                # (「A）対日投資誘致成功件数 376件以上【基幹目標】」 heads its section), or is a whole sentence
                # heading a slide's bullets (「⚫ …に構成を見直し。」). Nor does a table of contents entry, nor a
                # line of indicator labels alone (「【指標１－１－１】【指標１－１－２】」) unless which indicators
                # is asked.
                if (len(key[1]) < 4 and i not in cell_rows) or key in seen or is_contents_entry(text) \
                        or (labels_only(text) and not asks_label) \
                        or (analysis.wants_value and indicator_title(text) and not values_in(text)) or (
                        (_is_heading(c, i) or self._titles_a_section(c.source, text))
                        and not key[1].endswith("。") and not (
                            (analysis.wants_value or analysis.asks_measure)
                            and (grades_in(text) if value_type == "grade" else values_in(text)))):
                    continue
                seen.add(key)
                focus_pos = value_anchors(text, analysis, value_type)
                cand = Candidate(
                    p, i, text, span.line_start, span.line_end,
                    lexical=self.lexical(terms, tokens, around),
                    focus=self.coverage(focus_terms, around) if focus_terms else 1.0,
                    focus_own=self.coverage(focus_terms, tokens) if focus_terms else 1.0,
                    measure=measure,
                    value=(year_column(text, years, c, analysis.focus) or read_value(
                        text, focus_pos, _positions(text, event), previous_year_ends(text, years, c.fiscal_year),
                        written_year_ends(text, years)))
                    if read_value else None,
                    prior=1.0 / (1 + s.rank_decay * (p.rank - 1)),
                    cue=_cue(text, analysis),
                )
                if cand.value is None and i in cell_rows:
                    unit = _table_unit(c, span.start)
                    cand.value = cell_figure(text, unit)  # 「１９，２６４」 of 「運営費交付金」
                    cand.cell = (cell_rows[i], unit) if cand.value is not None else None
                if cand.value is None and read_value and caption and value_type in ("count", "magnitude") \
                        and focus_terms and phrase_coverage(focus_terms, caption, self.idf) >= 1.0:
                    # 「情報セキュリティ白書 2020 1,552」 under 「○白書の販売数（令和 2 年度）」: the row's bare
                    # figure is the count its caption names.
                    cand.value = row_figure(text)
                cand.support = min(cand.focus,
                                   supported_in(passage_tokens | set(named)) if named else qualifier_support)
                if measured and cand.value is not None:
                    labelled = labelled_count(analysis.focus, cand.value, text)
                    if not labelled and (own := labelled_value(analysis.focus, text)):
                        # 「当日視聴者: 3,021 名、配信視聴者: 225 名」: the figure the measure labels
                        cand.value, labelled = own, True
                    if labelled or counted_by(analysis.focus, cand.value) \
                            or count_before(analysis.focus, cand.value, text) \
                            or (analysis.status == "目標" and target_named(analysis.focus, cand.value, text)):
                        # 「会社数」 answered by 「156 社が…」: the unit names what is counted; 「新規登録者数」 by
                        # 「1,111 名の新規登録」 (and 「当日視聴者数」 by 「当日視聴者: 3,021 名」); 「支援件数の
                        # 目標」 by 「支援目標は 716件」: the measure's target written with its stem
                        cand.measure = 1.0
                cand.score = (s.lexical * cand.lexical + s.focus * cand.focus + s.prior * cand.prior
                              + s.value * (1.0 if cand.value else 0.0) + s.cue * cand.cue)
                out.append(cand)
        return out

    def confidence(self, best: Candidate, analysis: QuestionAnalysis) -> float:
        """Evidence strength in 0..1 (the calibrated score of the best candidate)."""
        s = self.settings.scoring
        dense = best.passage.dense_score or 0.0
        dense_n = float(np.clip((dense - s.dense_low) / max(s.dense_high - s.dense_low, 1e-6), 0.0, 1.0))
        return s.confidence_lexical * best.lexical + s.confidence_focus * best.focus + s.confidence_dense * dense_n

    def _supported(self, best: Candidate, analysis: QuestionAnalysis) -> tuple[bool, str]:
        """Does the best candidate answer: the focus, the named measure, a value of the asked type, of the asked
        status, year and period, every quoted term, and not a sibling of an asked phrase? (ok, what is missing)"""
        s = self.settings.scoring
        if best.focus < s.focus_threshold or best.support < s.support_threshold:
            return False, "focus"
        if analysis.asks_measure and not self._carries_measure(best):
            # (「対外直接投資残高」 asked, 「対内直接投資残高」 written: say which measure the text has)
            pair = self._sibling(best, analysis) if analysis.wants_value else None
            return False, "measure:{}:{}".format(*pair) if pair else "measure"
        if analysis.wants_value and best.value is None:
            return False, "value"
        if analysis.answer_type == "count" and (event := analysis.event) and best.focus < 1.0 \
                and event not in compact(best.text):
            # 「ジュニアキャンプには何名が参加」 answered by 「全国大会の修了生から講師として 15 名…を登用」: half the
            # asked thing's name and not the asked action — a count of something else.
            return False, "focus"
        if best.value is not None and _restates(analysis, best.value):
            # 「有効回答1,561件のうち、中小企業からは何件？」 answered 「1,561 件」: the figure the question already
            # states, not the one it asks.
            return False, "restated"
        if analysis.status == "実績" and analysis.wants_value and best.value is not None \
                and is_target(best.value, best.text):
            return False, "result"  # a result asked, and the text states only a target
        years = analysis.constraints.fiscal_years
        if years and not analysis.cross and not _mentions_year(best, years, analysis.focus, analysis.question):
            return False, "year"
        if analysis.wants_value and _other_relative_year(analysis.question, best.text):
            return False, "year"  # 「来年の世界成長率予測」 answered by 「今年の世界成長率予測は2.8%」
        if (date := _other_date(best, analysis.question) or _other_edition(best, analysis.question)) is not None:
            return False, f"quoted:{date}"
        if analysis.answer_type == "date" and best.value is not None \
                and (year := _date_of_another_year(best.value.text, analysis.question)) is not None:
            return False, f"quoted:{year}"  # 「令和6年度の何月に改正」 answered by 「令和５年７月に改正した」
        if analysis.wants_value and (thing := analysis.restricted_to) and not _alone(best.text, thing):
            return False, f"alone:{thing}"  # 「自治体だけに絞ると」 answered by 「自治体、事業者へのヒアリング 30 件」
        if analysis.wants_value and (part := analysis.part_asked) and (terms := self._terms(part)) \
                and self.coverage(terms, set(self._tok(_near_text(best)))) < self.settings.scoring.quoted_threshold:
            # 「採択者85名のうち、女性は何名」 answered by a figure of the whole's other parts (講師 15 名): the part
            # asked is not said near it.
            return False, f"alone:{part}"
        if not analysis.cross and not _of_named_organization(best, analysis):
            return False, "organization"  # 「NEDOは？」 answered from a JETRO document
        if best.value is not None and _of_another_period(best, analysis.constraints.periods):
            return False, "period"
        if (term := self._unquoted(best, analysis.question)) is not None:
            return False, f"quoted:{term}"
        if body := self._unnamed_body(best, analysis):
            return False, f"quoted:{body}"  # 「アジア経済研究所に係る指標」 answered from a passage that never names it
        if (place := next((p for p in analysis.places if compact(p) not in _near_text(best)), None)):
            return False, f"place:{place}"  # 「栃木の…センターの配当」 answered by あおもり's and 岩手's
        if analysis.answer_type == "place" and not analysis.counted_set and _asks_which(analysis) \
                and (counted := only_counted(best.text, analysis.focus)):
            return False, f"counted:{counted}"  # 「選定された地域はどこ」 and the text says 「新たに1地域を選定」
        if analysis.answer_type == "place" and _ASKS_GEOGRAPHY.search(analysis.question) \
                and not self._names_a_place(best.text):
            return False, "where"  # 「どの都市に設置」 answered by 「サテライトオフィスにおける実地検証を実施」
        if (latin := self._latin_sibling(best, analysis.question)) is not None:
            return False, "sibling:{}:{}".format(*latin)
        if (occurrence := _other_occurrence(best, analysis.question) or _other_span(best, analysis.question)) \
                is not None:
            return False, f"quoted:{occurrence}"
        if analysis.wants_value and (pair := self._sibling(best, analysis) or self._other_modifier(best, analysis)) \
                and not _member_of_category(*pair):
            return False, "sibling:{}:{}".format(*pair)
        if analysis.wants_value and (side := _one_side_of_both(analysis.question, best.text)
                                     or self._both_sides_elsewhere(analysis.question, best)):
            return False, f"alone:{side}"  # 「国内の市場規模」 answered by 「国内外で総額92兆円の市場規模」
        if analysis.wants_value and (pair := _other_scope(analysis.question, best.text)
                                     or _other_setting(analysis.question, best.text, analysis.focus)):
            return False, "sibling:{}:{}".format(*pair)
        return True, ""

    def _both_sides_elsewhere(self, question: str, c: Candidate) -> str | None:
        """The side a question asks (「国内の市場規模」) when ``c`` states its figure with no side at all (a summary
        slide's 「2030年時点で総額92兆円の市場規模」) and its document states that same figure elsewhere for both sides
        together (「国内外で総額92兆円の市場規模」) and never for the asked side; None otherwise. (A sentence that does
        not name the asked thing at all is left to the search for one that does, in :meth:`answer`.)"""
        asked = compact(question)
        sides = {s for both, pair in _BOTH_SIDES.items() if both not in asked for s in pair if s in asked}
        if c.value is None or not c.focus or not sides \
                or any(w in compact(c.text) for w in (*_BOTH_SIDES, *_SIDE_WORDS)):
            return None
        key = _figure_key(c.value.text)
        if not re.search(r"[0-9]", key):
            return None
        table = self.searcher.chunks
        found = None
        for chunk in table.take(table.rows_matching(_figure_pattern(key))):
            if chunk.source != c.chunk.source:
                continue
            for i in range(len(chunk.sentences)):
                text = _sentence(chunk, i)
                if key not in _figure_key(text):
                    continue
                if any(side in compact(text) for side in sides) and not _one_side_of_both(question, text):
                    return None  # (the asked side's own figure, said somewhere)
                found = found or _one_side_of_both(question, text)
        return found

    def _unnamed_body(self, c: Candidate, analysis: QuestionAnalysis) -> str | None:
        """The body (「…協会」「…研究所」) a figure question names that ``c``'s passage does not, or None."""
        if not analysis.wants_value:
            return None
        return next((q for q in analysis.qualifiers if _INSTITUTION.search(q)
                     and not self._names_body(c, q, analysis.question)), None)

    def _names_body(self, c: Candidate, body: str, question: str) -> bool:
        """Does ``c``'s passage (with its headings) name ``body``, in full or by its abbreviation (「ＲＣＰＣ」 for
        「地域連携推進センター」, as the documents define it)?"""
        passage, name = _passage_text(c.chunk), compact(body)
        forms = {name, *(a for a, n in self.aliases(question) if n == name)}
        return any(form in passage for form in forms)

    def _unquoted(self, c: Candidate, question: str) -> str | None:
        """A term the question quotes (「役立ち度」) that the answer's passage (with its headings) does not
        contain — not even most of its words (「データ相互運用性向上のためのガイド」 still counts for
        「データの相互運用性向上のためのガイド」): a user who quotes a term asks about that term."""
        # (Said in the sentence the paragraph runs on from, in the chunk before, it is still this passage's; so is
        # the name of the indicator a bare result reports.)
        sheet = compact(self._sheet_indicators(c.chunk).get(c.sentence, ""))
        run_on = self._run_on(c.chunk) + sheet
        passage = compact(run_on) + _passage_text(c.chunk)
        for term in QUOTED_TERM.findall(question):
            terms = self._terms(term)
            if not terms or compact(term) in passage:
                continue  # 「等」 says nothing to look for
            if self.coverage(terms, self._passage_tokens(c.chunk) | set(self._tok(run_on))) \
                    < self.settings.scoring.quoted_threshold:
                return term
        # A name in Latin letters (「Instagram」「CHIPS法」) is a name: the passage says it, or it is about another
        # thing — unless it names a document or its organization (「IPA」), which the passage need not repeat, or
        # it stands beside what it abbreviates (「…インスティテュート（AISI）」「DSS（デジタルスキル標準）」, or
        # with the brackets dropped 「…インスティテュートAISI」). A paragraph cut by a chunk's end goes on under
        # the same headings: the name said before the cut (「J-Bridgeによる…」「また、成功率は…」) still counts.
        names = self._asked_names(question)
        if not names:
            return None
        passage = f"{self._lead_in(c)}{sheet}{passage}{self._first_sub_item(c)}"
        lowered = passage.lower()
        spelled = dict(self.aliases(question))  # 「AISI」 asked of a passage that spells it out
        return next((name for name in names if name.lower() not in lowered
                     and compact(spelled.get(compact(name), name)) not in passage), None)

    def _with_labelled(self, ranked: list[Ranked], analysis: QuestionAnalysis) -> list[Ranked]:
        """``ranked`` with, last, the chunks of its documents in which a line opens with the indicator label the
        question names (「指標４－１はどんな目標？」 and 「指標４－１：企業関係者等に対し、…」), when not retrieved: a
        label is a handful of characters a search does not weigh, and it is what names the indicator."""
        labels = indicator_labels(analysis.question)
        if not ranked or len(labels) != 1 or analysis.cross:
            return ranked
        have = {r.passage.chunk.chunk_id for r in ranked}
        sources = {r.passage.chunk.source for r in ranked}
        rows = self.searcher.chunks.rows_matching(_label_line(next(iter(labels))))
        orgs = analysis.constraints
        found = [c for c in self.searcher.chunks.take(rows[:_LABELLED_REACH])
                 if c.chunk_id not in have and c.source in sources
                 and (not orgs.organizations or orgs.names_organization(c.organization))]
        last = ranked[-1]
        return [*ranked, *(Ranked(replace(last.passage, chunk=c), last.score) for c in found)]

    def ordinal_item(self, analysis: QuestionAnalysis, ranked: list[Ranked]) -> tuple[str, list[Quote]] | None:
        """「6つの柱のうち3つ目は？」「2つ目の柱はどういう考え方？」: the item at the asked place of the set the
        question names, from the best ranked passage that lists the set — as (the item's name, quotes: the sentence
        that names the set, then the item with the first sentence under it). A sentence names the set by its noun
        (「柱」), and by its count when the question counts it; it enumerates the items itself (「（１）…、（２）…の
        4つを柱として」), or announces them (「以下の6つの柱を重点として」) as numbered items that follow within
        ``reach`` sentences. None when the question asks no item by its place, or no ranked passage lists it."""
        asked = analysis.ordinal
        if asked is None or asked.n > self.settings.max_list_items:
            return None
        for r in ranked:
            chunk = r.passage.chunk
            for i, span in enumerate(chunk.sentences):
                text = _sentence(chunk, i)
                if asked.noun not in unicodedata.normalize("NFKC", text):
                    continue
                counted = _set_named(text, str(asked.count), asked.noun) if asked.count \
                    else _sets_in(text, SET_COUNT, re.escape(asked.noun))
                anchor = replace(_stated(r.passage, i, span, text), score=r.score)
                said = Quote(anchor, squeeze(text), _version_label(chunk))
                inline = _enumerated(text)
                if len(inline) >= asked.n and (len(inline) == asked.count or not asked.count):
                    return inline[asked.n - 1], [said]
                if not (counted or _LEAD_IN.search(text)):
                    continue
                stream = self._read_on(chunk)
                found = _numbered_after(stream, i, asked.n)
                if len(found) < asked.n or found[0] - i > self.settings.reach:
                    continue
                item = found[-1]
                # (with the sentence under it, unless that is the next item)
                nxt = _mark(_sentence(stream, item + 1)) if item + 1 < len(stream.sentences) else None
                last = item + 1 if item + 1 < len(stream.sentences) \
                    and (nxt is None or _ordinal_of(nxt) != asked.n + 1) else item
                return strip_marker(squeeze(_sentence(stream, item))), \
                    [said, self._list_quote(anchor, stream, item, last)]
        return None

    def _cover_field(self, analysis: QuestionAnalysis, ranked: list[Ranked]) -> Draft | None:
        """「…の主務省は？」: the field a document's cover labels with the asked word (「（主務省：経済産業省、デジタル
        庁）」 under a plan's title) — a line of its own, which a search for the question hardly finds and no sentence
        states — of the asked organization's document, else of the best ranked passage's. None when no cover labels
        a field so (a label line further in, 「評定：A」「（単位:百万円）」, is no field of the document)."""
        label = analysis.focus
        if not ranked or analysis.cross or not 2 <= len(label) <= _FIELD_LABEL or not _NAMES_CHARS.fullmatch(label):
            return None
        orgs = analysis.constraints
        if label not in self._fields:  # (a scan of every chunk: once per label, for a bounded number of labels)
            if len(self._fields) >= _FIELD_CACHE:
                self._fields.clear()
            table = self.searcher.chunks
            pattern = rf"(?m)^[\s　]*[（(]?[\s　]*{re.escape(label)}[\s　]*[：:][^\n]{{1,{_FIELD_VALUE}}}$"
            rows = [int(r) for r in table.rows_matching(pattern)]
            self._fields[label] = table.take([r for r in rows if self._on_cover(r)][:_COVER_REACH])
        # (A document of no known organization is placed by the passages ranked for the question.)
        fields = [c for c in self._fields[label]
                  if not orgs.organizations or c.organization is None or orgs.names_organization(c.organization)]
        places = [(r.passage.chunk.source, r.passage.chunk.part) for r in ranked]
        fields.sort(key=lambda c: places.index((c.source, c.part)) if (c.source, c.part) in places else len(places))
        if not fields or ((not orgs.organizations or fields[0].organization is None)
                          and (fields[0].source, fields[0].part) not in places):
            return None
        chunk = fields[0]
        for j, span in enumerate(chunk.sentences):
            text = chunk.text[span.start:span.end].strip()
            if m := re.match(rf"[（(]?\s*{re.escape(label)}\s*[：:]\s*(.*)", text):
                value = m.group(1).rstrip("）)").strip()
                passage = Passage(ranked[0].passage.rank, ranked[0].passage.score, chunk)
                return Draft(value or text, [Quote(_stated(passage, j, span, text), text)], confidence=1.0, focus=1.0,
                             support=1.0)
        return None

    def _on_cover(self, row: int) -> bool:
        """Is the chunk at ``row`` of the chunk table among the first ``_COVER_CHUNKS`` of its document (of its part,
        in a file of several)?"""
        table = self.searcher.chunks
        chunk = table[row]
        return any(row - k < 0 or (table[row - k].source, table[row - k].part) != (chunk.source, chunk.part)
                   for k in range(1, _COVER_CHUNKS + 1))

    def _cover(self, analysis: QuestionAnalysis, ranked: list[Ranked]) -> Draft | None:
        """「第5期中長期目標はいつ定められ、いつ変更された？」: the dates the plan's cover gives, in order — when it
        was set (「…第５期中長期目標令和５年３月 1 日」) and each change (「一部変更 令和６年８月２９日」
        「令和７年●月改訂」), the change a 新旧対照表 proposes labelled as its column. A date under a title says
        no 策定 or 変更 a search would find it by, and only the cover gives it. None unless one organization's
        plan of the asked kind is asked when it was set or changed, and its cover dates it."""
        kinds, orgs = analysis.constraints.doc_kinds, analysis.constraints
        asked = normalize_question(analysis.question)
        if not ranked or not kinds or analysis.answer_type not in ("date", "change") \
                or not _SET_OR_CHANGED.search(asked) or not _PLAN_ASKED.search(asked):
            return None
        table = self.searcher.chunks
        covers = sorted((c for c in table.take(table.rows_matching(_COVER_DATE)[:_COVER_REACH])
                         if c.kind in kinds and (not orgs.organizations or orgs.names_organization(c.organization))),
                        key=lambda c: (c.source, c.line_start))
        if not covers or len({(c.source, c.organization) for c in covers}) != 1:
            return None
        quotes, dates = [], []
        for chunk in covers:
            for j, span in enumerate(chunk.sentences):
                text = chunk.text[span.start:span.end]
                found = next((v for v in values_in(text) if v.kind == "date"), None)
                if found is None or not _COVER_LINE.search(text.strip()):
                    continue
                label = _version_label(chunk)
                # The date under the title is the one the plan was set on; a change line says itself what it is.
                said = text.strip() if re.search(r"変更|改定|改訂", text) else text[found.start:found.end]
                dates.append(f"{said}（{chunk.version}）" if chunk.version else said)
                passage = Passage(ranked[0].passage.rank, ranked[0].passage.score, chunk)
                quotes.append(Quote(replace(_stated(passage, j, span, text), value=found), text, label))
        if not quotes:
            return None
        return Draft("、".join(dates), quotes, confidence=1.0, focus=1.0, support=1.0)

    def _with_sheet_results(self, ranked: list[Ranked]) -> list[Ranked]:
        """``ranked`` with, after each list of an evaluation sheet's indicators (「＜主な定量的指標＞ ○…回収数」), the
        chunk of their bare results (「［定量的指標の実績］ ○1,561 件」) when it was not retrieved: it names nothing
        a question would be searched by, and it is what answers."""
        have = {r.passage.chunk.chunk_id for r in ranked}
        out: list[Ranked] = []
        for r in ranked:
            out.append(r)
            if _under(r.passage.chunk, _INDICATORS_HEADING) \
                    and (after := self._sheet_column(r.passage.chunk, 1, _RESULTS_HEADING)) is not None \
                    and after.chunk_id not in have:
                have.add(after.chunk_id)
                out.append(Ranked(replace(r.passage, chunk=after), r.score))
        return out

    def _with_grades(self, ranked: list[Ranked], analysis: QuestionAnalysis) -> list[Ranked]:
        """``ranked`` with, right after the best passage that has one, the chunk that states the grade of the
        evaluation sheet it is in (moved up when it was retrieved further down), when a grade is asked and no passage
        as close states a grade itself: a sheet states its grade once (「評定：B」), hundreds of lines from what a
        question names the item by (「…登録者数の評定は？」)."""
        if analysis.answer_type != "grade" or analysis.cross or not ranked:
            return ranked
        placed: set[str] = set()
        out: list[Ranked] = []
        done = False  # a passage states a grade itself (「A：全体として…」 for 「全体の評定は」), or one was added
        for r in ranked:
            if (chunk := r.passage.chunk).chunk_id in placed:
                continue  # (the grade already put after a better passage of its sheet)
            out.append(r)
            placed.add(chunk.chunk_id)
            done = done or bool(grades_in(chunk.text))
            if not done and (head := self._sheet_grade(chunk)) is not None:
                done = True
                if head.chunk_id not in placed:
                    placed.add(head.chunk_id)
                    out.append(Ranked(replace(r.passage, chunk=head), r.score))
        return out

    def _sheet_grade(self, chunk: Chunk) -> Chunk | None:
        """The chunk that states the grade of the evaluation sheet ``chunk`` is in. An evaluation sheet (項目別評定
        調書) opens with its title and basic information, then its data tables (「２．主要な経年データ」), then
        states its grade (「評定：B」) over the results it is for, and closes with 「４．その他参考情報」. So: at the
        sheet's head, its first grade line before the next sheet's tables; in its results, the last grade line
        before ``chunk`` with no sheet's tables in between. None when there is none."""
        table = self.searcher.chunks
        if self._sheet_rows is None:  # (scans of every chunk, once)
            # A sheet's tables start where the heading is written, or where chunks come under it.
            under = table.rows_under(_SHEET_TABLES.pattern)
            starts = np.union1d(table.rows_matching(_SHEET_TABLES.pattern), under[~np.isin(under - 1, under)])
            grades = [r for r in table.rows_matching(_GRADE_LINE) if grades_in(table[int(r)].text)]
            self._sheet_rows = (starts.astype(np.int64), np.asarray(grades, dtype=np.int64))
        starts, grades = self._sheet_rows
        if (row := table.row_of(chunk.chunk_id)) is None:
            return None
        after = int(np.searchsorted(starts, row, side="right"))  # starts[after]: the first tables after ``chunk``
        # The sheet's title and basic information: under the last sheet's closing 「４．その他参考情報」, or right
        # before the tables.
        title = after < len(starts) and (starts[after] == row + 1 or any(_SHEET_END.search(h) for h in chunk.section))
        if title or (after and starts[after - 1] == row) or any(_SHEET_TABLES.search(h) for h in chunk.section):
            # The head: the first grade line from here, before the next sheet's tables.
            nxt = after + 1 if title else after
            at = int(np.searchsorted(grades, row, side="left"))
            found = at < len(grades) and (nxt >= len(starts) or grades[at] < starts[nxt])
        else:
            # The results: the last grade line before, with no sheet's tables after it.
            at = int(np.searchsorted(grades, row, side="right")) - 1
            found = at >= 0 and not (after and starts[after - 1] > grades[at])
        if not found:
            return None
        head = table[int(grades[at])]
        return head if (head.source, head.part) == (chunk.source, chunk.part) else None

    def _sheet_column(self, chunk: Chunk, step: int, heading: re.Pattern[str]) -> Chunk | None:
        """The chunk under ``heading`` at most ``_SHEET_REACH`` chunks from ``chunk`` (``step`` -1: before it, 1:
        after it) in the same document — not past another list of results."""
        at: Chunk | None = chunk
        for _ in range(_SHEET_REACH):
            at = self.searcher.previous_chunk(at.chunk_id) if step < 0 else self.searcher.next_chunk(at.chunk_id)
            if at is None or at.source != chunk.source:
                return None
            if _under(at, heading):
                return at
            if _under(at, _RESULTS_HEADING):
                return None
        return None

    def _sheet_indicators(self, chunk: Chunk) -> dict[int, str]:
        """Sentence index -> the indicator its bare result reports, for a chunk of results under 「［定量的指標の
        実績］」 (「○196 件」「○69 件」): an evaluation sheet's columns are read one after the other, so the indicators
        are listed a few chunks before, under 「＜主な定量的指標＞」, in the same order (「○DX 認定申請数」「○DX
        認定（審査完了）数」). Matched by position; {} when the two lists do not pair up."""
        if not _under(chunk, _RESULTS_HEADING) \
                or (before := self._sheet_column(chunk, -1, _INDICATORS_HEADING)) is None:
            return {}
        names = [t for i in range(len(before.sentences)) if _is_sheet_item(t := squeeze(_sentence(before, i)))]
        results = [i for i in range(len(chunk.sentences)) if _is_sheet_item(squeeze(_sentence(chunk, i)))]
        if len(names) == 1 or len(names) == len(results):
            return {i: names[min(k, len(names) - 1)] for k, i in enumerate(results)}
        return {}

    def _run_on(self, chunk: Chunk) -> str:
        """The last sentence of the chunk before ``chunk`` when it is of the same document, column and section
        (the paragraph runs on into ``chunk``), else ""."""
        before = self.searcher.previous_chunk(chunk.chunk_id)
        if before is None or not before.sentences or not _same_place(before, chunk):
            return ""
        return _sentence(before, len(before.sentences) - 1)

    def _lead_in(self, c: Candidate) -> str:
        """The start of ``c``'s item when it begins in the chunk before (of the same document, column and
        section), compacted: from that chunk's last item on (「・」「①」…), when no item opens in ``c``'s chunk up
        to ``c``. Else ""."""
        upto = min(c.sentence + 1, len(c.chunk.sentences))
        if any(LIST_START.match(squeeze(_sentence(c.chunk, i))) for i in range(upto)):
            return ""
        before = self.searcher.previous_chunk(c.chunk.chunk_id)
        if before is None or not _same_place(before, c.chunk):
            return ""
        opens = [i for i in range(len(before.sentences)) if LIST_START.match(squeeze(_sentence(before, i)))]
        return compact(before.text[before.sentences[opens[-1]].start if opens else 0:])

    def _first_sub_item(self, c: Candidate) -> str:
        """The first of the sub-numbered items ``c`` opens one of (「②-1 ICT に関する指針やガイドラインの普及件数…」 for
        「②-2 指針やガイドラインに対する役立ち度…」), compacted, read back from ``c`` through the chunks before it in
        its document (past a page's table headers) — up to ``_SUB_ITEM_CHUNKS`` chunks, and not past an item of
        another main number: it says what the later ones, which do not repeat it, are about. "" for a sentence that
        opens no later sub-item."""
        m = _SUB_NUMBERED.match(squeeze(c.text))
        if not m or m["sub"] in "1１":
            return ""
        chunk, at = c.chunk, c.sentence
        for _ in range(_SUB_ITEM_CHUNKS + 1):
            for i in range(at - 1, -1, -1):
                text = squeeze(_sentence(chunk, i))
                if (other := _SUB_NUMBERED.match(text)) and other["main"] == m["main"] and other["sub"] in "1１":
                    return compact(text)
                if other and other["main"] != m["main"]:
                    return ""
            chunk = self.searcher.previous_chunk(chunk.chunk_id)
            if chunk is None or chunk.source != c.chunk.source:
                return ""
            at = len(chunk.sentences)
        return ""

    def _of_another_name(self, c: Candidate, question: str) -> bool:
        """Is ``c``'s passage about another thing than a name the question asks of: a name in Latin letters or an
        edition (「…大会 2020」) that the passage does not say, or a numbered item (「OS①」) of which it names
        others (see :func:`_other_edition`)?"""
        names = self._asked_names(question)
        return bool(names and self._unquoted(c, question) in names) or _other_edition(c, question) is not None

    def _asked_names(self, question: str) -> list[str]:
        """The names in Latin letters a question asks of, but a document's or its organization's, and an
        abbreviation beside what it abbreviates."""
        asked = compact(question)
        out = []
        for m in _LATIN_NAME.finditer(asked):
            before = asked[m.start() - 1:m.start()]
            beside = (before and (before in "（(" or _NOUN_CHAR.match(before))) or asked[m.end():m.end() + 1] in "（("
            if m.group(0).lower() not in self._document_names() and not beside:
                out.append(m.group(0))
        return out

    def _latin_sibling(self, c: Candidate, question: str) -> tuple[str, str] | None:
        """A name in Latin letters the question asks of (「YouTube」) that the answer sentence — with the sentence
        before it and its headings — does not say, while it gives another's figure (「Facebook: 430人、
        Twitter: 539 人」): the passage speaks of the asked name elsewhere, this sentence of its siblings.
        (asked, named) or None."""
        asked, said = compact(question).lower(), compact(c.text)
        # Another name labelling a figure of its own (「Facebook: 430人」), not any name the sentence mentions.
        others = [m.group(0) for m in _LATIN_NAME.finditer(said) if re.match(r"[:：]?[0-9０-９]", said[m.end():])
                  and m.group(0).lower() not in asked and m.group(0).lower() not in self._document_names()]
        if not others:
            return None
        near = _near_text(c).lower()
        return next(((name, others[0]) for name in self._asked_names(question) if name.lower() not in near), None)

    def _document_names(self) -> set[str]:
        """The Latin-letter words of the documents' titles and organizations (and of the organizations' other
        names), lower-cased (「ipa」「jetro」)."""
        if self._latin_names is None:
            heads = self._heads().values()
            texts = [*(t for ch in heads for t in (ch.title, ch.organization or "")), *self._other_names]
            self._latin_names = {w.lower() for text in texts for w in _LATIN_NAME.findall(compact(text))}
        return self._latin_names

    def _sibling(self, c: Candidate, analysis: QuestionAnalysis) -> tuple[str, str] | None:
        """A phrase the question names (「ガス事業者」) that the passage does not, where the answer sentence
        names a sibling of it — the same head, another modifier (「発電事業者」): the figure is the
        sibling's. Returns (asked, sibling), or None — also when the other modifier only describes the asked
        thing (see :func:`_described`)."""
        found = self._named_sibling(c, analysis)
        return None if found is not None and _described(*found) else found

    def _named_sibling(self, c: Candidate, analysis: QuestionAnalysis) -> tuple[str, str] | None:
        passage = _passage_text(c.chunk)
        sentence = compact(c.text)
        question = compact(analysis.question)
        # The asked thing as one compound too (「蓄電池関連の投資」 -> 「蓄電池関連投資」, for 「半導体関連投資」).
        chain = "".join(analysis.topic) if len(analysis.topic) == 2 else ""
        for asked in dict.fromkeys((*analysis.qualifiers, analysis.focus, chain)):
            if len(asked) >= 3 and compact(asked) not in sentence \
                    and (other := in_its_frame(question, asked, sentence)) \
                    and not (asked.endswith(other) and compact(asked[:-len(other)]) in sentence):
                # (「第５期中核人材育成プログラム以降の修了者」 names 「第5期以降の中核人材育成プログラム修了者」
                # with its words reordered: the same thing, not 修了者 in general)
                # 「国内で蓄電池を生産する企業の…」 answered by 「国内で半導体を生産する企業の…」: the sentence says the
                # question's own words around another thing, however the passage names the asked one elsewhere.
                return asked, other
            if len(asked) >= 3 and compact(asked) not in sentence and (other := _contrasting(asked, sentence)):
                # 「対外直接投資残高」 answered by 「対内直接投資残高」, 「中途採用」 by 「新卒採用」: a contrasting
                # kind said in the sentence is the figure's, however the passage names the asked kind elsewhere.
                return asked, other
            if len(asked) < 3 or compact(asked) in passage:
                continue
            if len(stem := re.sub(r"(?:件数|数)$", "", asked)) >= 3 and stem != asked and compact(stem) in sentence:
                continue  # 「新規事業者数」 said as 「新規事業者は年間約1,000件」: the things counted, named
            words = [w for _, w in self.searcher.tokenizer.surfaces(asked)]  # as written, long units
            if len(words) == 1 and (kind := _contrast_prefix(asked)):  # 「大企業」 is one word: 大 + 企業
                words = [kind, asked[len(kind):]]
            if len(words) >= 3 and len(words[-1]) < 3:  # 「関連投資」: a short head with the word before it
                words = [*words[:-2], words[-2] + words[-1]]
            head = words[-1] if len(words) >= 2 else ""
            # A short head (「企業」「市場」) is too common to tell a sibling by, unless the modifiers contrast as
            # sizes or places do (「大企業」 for 「中小企業」).
            scale = contrast_group("".join(words[:-1]))
            # A sibling has another modifier: when the asked one is in the sentence too, shortly before the
            # head (「注意喚起に関して、ウェブページ」 for 「注意喚起ページ」), it is the same thing said otherwise;
            # far from it (「国内外企業…海外事務所」 for 「国内事務所」) it modifies something else.
            if (len(head) < 3 and scale is None) or any(
                    re.search(f"{re.escape(compact(w))}.{{0,12}}{re.escape(head)}", sentence) for w in words[:-1]):
                continue
            if re.search(f"(?<![一-龥ァ-ヶー・]){re.escape(head)}", sentence):
                continue  # 「講習の満足度は…、講師満足度は…」: the head said of no other thing is the asked one's too
            for m in re.finditer(rf"[一-龥ァ-ヶー・]{{1,8}}{re.escape(head)}", sentence):
                modifier = m.group(0)[:-len(head)]
                if len(head) < 3 and contrast_group(modifier) != scale:
                    continue
                if asked not in m.group(0) and m.group(0) not in asked and modifier not in _GENERIC_MODIFIERS:
                    return asked, m.group(0)
        return None

    def _other_modifier(self, c: Candidate, analysis: QuestionAnalysis) -> tuple[str, str] | None:
        """The asked measure written in the answer sentence with a modifier the question does not say
        (「誘致支援件数」 for 「協業・連携案件の支援件数」), while the sentence names none of the question's
        qualifiers: the figure is that other measure's. (asked, named) or None."""
        focus = analysis.focus
        if not MEASURE.search(focus) or len(focus) < 3:
            return None
        sentence, asked = compact(c.text), compact(analysis.question)
        qualifiers = [q for q in analysis.qualifiers if len(q) >= 2 and not MEASURE.search(q)]
        tokens = set(self._tok(c.text))
        # (「ガイドライン類の」 is named by 「ガイドライン等の」: most of its words)
        if not qualifiers or any(self.coverage(self._terms(q), tokens) >= 0.5 for q in qualifiers):
            return None
        for m in re.finditer(rf"([一-龥ァ-ヶー・]{{1,8}}){re.escape(focus)}", sentence):
            modifier = m.group(1)
            if modifier not in asked and modifier not in _GENERIC_MODIFIERS:
                return f"{qualifiers[-1]}の{focus}", m.group(0)
        return None

    def _names_a_thing(self, phrase: str) -> bool:
        """Does ``phrase`` end in a noun naming a thing, not an action (a サ変 noun: 発掘, 予測)?"""
        words = self.searcher.tokenizer.surfaces(phrase) if phrase else []
        return bool(words) and words[-1][0][0] == "名詞" and "サ変可能" not in words[-1][0]

    def _qualified_run(self, text: str) -> tuple[str, ...]:
        """The tokens of ``text`` with each name qualified in brackets after it read with the qualifier before its
        head word (「バイオ関連投資（国内）」 -> バイオ・関連・国内・投資, naming 「国内投資額」)."""
        def read(m: re.Match[str]) -> str:
            head = self._tok(m["name"])[-1:]
            if not head or not m["name"].endswith(head[0]):
                return m.group(0)
            return m["name"][:-len(head[0])] + m["qualifier"] + head[0]
        return tuple(self._tok(_QUALIFIED.sub(read, text)))

    def _names_a_place(self, text: str) -> bool:
        """Does ``text`` name a place (a country, a city, a region: 「大阪」「米国」「シリコンバレー」)?"""
        return any(tuple(pos[:3]) == PLACE_NAME for pos, _ in self.searcher.tokenizer.surfaces(text))

    def _carries_measure(self, c: Candidate) -> bool:
        """Does the sentence (with its headings and the sentence before) name the asked measure?"""
        return c.measure >= self.settings.scoring.measure_threshold

    # ── answering ────────────────────────────────────────────────────
    def _saying_names(self, analysis: QuestionAnalysis, ordered: list[Candidate]) -> list[Candidate]:
        """``ordered`` without the candidates that never say a name the question asks of, when one that does is
        about as close as the best.

        「Emotetについての注意喚起情報は…どれくらい閲覧」「「…全国大会 2020 オンライン」の応募者数」「OS①の…」: a
        name in Latin letters, a named edition or a numbered item the question asks of is answered from passages
        that say it: passages about another thing are set aside (not even their figures answer). So with a term
        the question quotes (「「スタートアップ・ファースト」の柱として…投資額の目標は」): a figure in a passage that
        never says it is another thing's, and the best of them would only be refused (see _unquoted)."""
        if not ordered:
            return ordered
        if self._asked_names(analysis.question) or _asks_edition(analysis.question):
            naming = [c for c in ordered if not self._of_another_name(c, analysis.question)]
            if naming and naming[0].score >= self.settings.value_share * ordered[0].score:
                ordered = naming
        if QUOTED_TERM.search(analysis.question):
            quoting = [c for c in ordered if self._unquoted(c, analysis.question) is None]
            if quoting and quoting[0].score >= self.settings.value_share * ordered[0].score:
                ordered = quoting
        return ordered

    def _close(self, ordered: list[Candidate], after_best: bool = False) -> list[Candidate]:
        """The candidates about as close to the question as the best (``ordered[0]``): within ``value_share`` of
        its score, best first (``after_best``: those after it)."""
        if not ordered:
            return []
        floor = self.settings.value_share * ordered[0].score
        return [c for c in (ordered[1:] if after_best else ordered) if c.score >= floor]

    def answer(self, analysis: QuestionAnalysis, ranked: list[Ranked],
               avoid: frozenset[tuple[str, int]] = frozenset()) -> Draft:
        """The draft answer from the ranked passages; ``avoid`` holds sentences (chunk id, index) already
        given as another part's answer, so this one is answered from another."""
        if (cover := self._cover(analysis, ranked) or self._cover_field(analysis, ranked)) is not None:
            return cover
        if (asked := analysis.ordinal) and asked.bare and (item := self.ordinal_item(analysis, ranked)) is not None:
            # 「2つ目の柱は？」: that item — its name, and what is said under it (「…はどういう考え方？」)
            return Draft(item[0], item[1], confidence=1.0, focus=1.0, support=1.0)
        analysis = self._within_one_document(analysis)
        cands = [c for c in self.candidates(analysis, ranked) if (c.chunk.chunk_id, c.sentence) not in avoid]
        if not cands:
            return Draft(abstention_text(), abstained=True)
        ordered = sorted(cands, key=lambda c: -c.score)
        if not analysis.cross:
            ordered = self._saying_names(analysis, ordered)
        if _value_type(analysis):
            # A figure question is answered by the best sentence that states a figure of the asked type
            # (a "what changed" question by a figure in a 変更案/現行 pair, when there is one).
            # A grade is stated once, tersely (「評定：A」), far from the question's words: any will do.
            share = 0.0 if analysis.answer_type == "grade" else self.settings.value_share
            typed = [c for c in ordered if c.value and c.score >= share * ordered[0].score
                     and (analysis.answer_type != "change" or c.chunk.version)]
            # Not the figure of the measure under another modifier (「誘致支援件数」 for 「協業・連携案件の支援件数」) …
            typed = [c for c in typed if not self._other_modifier(c, analysis)] or typed
            # … nor one from a passage that never names the body the question names (「…協会と連携して作った…」)
            typed = [c for c in typed if not self._unnamed_body(c, analysis)] or typed
            if analysis.asks_measure:  # … and a figure of the named measure beats a closer-scoring other figure
                # (and when no figure that close names it — the best would be refused as another measure's — one
                # less close that would answer does, in a passage as close: 「当日視聴者数は何名」, not 「視聴者が 3,000
                # 人を超える」 but 「当日視聴者: 3,021 名」 after 「…CEATEC 2020 オンラインコンファレンスにて…」; not
                # another exam's 「合格者数 2,253名」 for 「ITパスポート試験の合格者数」)
                carrying = [c for c in typed if self._carries_measure(c)]
                if not carrying:
                    near = {c.chunk.chunk_id for c in self._close(ordered)}
                    carrying = [c for c in ordered if c.value
                                and c.score >= self.settings.measure_share * ordered[0].score
                                and c.chunk.chunk_id in near and (analysis.answer_type != "change" or c.chunk.version)
                                and self._supported(c, analysis)[0]]
                typed = carrying or typed
            if analysis.answer_type == "name":  # the asked thing's own name beats a name near it …
                typed = [c for c in typed if _names_focus(c, analysis.focus)] or typed
                if short := _formal_of(analysis.question):  # … and its full name written beside the short one
                    typed = [c for c in typed if expansion_of(c.text, short) is not None] or typed
            if analysis.status:  # 「…の目標は」: a figure stated as a target beats a result (and the reverse)
                fitting = [c for c in typed if is_target(c.value, c.text) == (analysis.status == "目標")]
                if not fitting and analysis.status == "実績":  # a result further down beats a target
                    fitting = [c for c in ordered if c.value and not is_target(c.value, c.text)
                               and (not analysis.asks_measure or self._carries_measure(c))]
                    if years := analysis.constraints.fiscal_years:  # of the asked year, when one is asked
                        fitting = [c for c in fitting if _mentions_year(c, years, analysis.focus)] or fitting
                typed = fitting or typed
            if analysis.event:  # 「いつ設置された」: a date of that event beats a date of another
                typed = [c for c in typed if analysis.event in c.text] or typed
            if periods := analysis.constraints.periods:  # 「第3期は何名」: a figure of that period beats another's
                typed = [c for c in typed if not _of_another_period(c, periods)] or typed
            if typed:
                _put_first(ordered, typed[0])
            elif (after := figure_after(ordered, self.settings.next_share)) is not None:
                _put_first(ordered, after)
        defining: list[Candidate] = []
        if term := analysis.term:
            # 「「プッシュ型支援」とは」: a sentence that defines the term (「…（二次投資）」「Xとは…」) beats a
            # closer-scoring one that only mentions it.
            defining = [c for c in self._close(ordered) if defines(c.text, term)]
            if not defining and compact(term) not in compact(ordered[0].text):
                # (by any candidate, when the best does not even name the term)
                defining = [c for c in ordered if defines(c.text, term)]
            if defining:
                # It says what the asked thing is: the term is the thing asked, the kind word beside it (「どんな狙い
                # の取組」: 狙い) only the sort of answer, which a defining clause may say as a verb (「…を狙う「X」」).
                _lead_with(ordered, replace(defining[0], focus=max(defining[0].focus, 1.0)))
        if not analysis.wants_value and not defining and (asked := calendar_dates(analysis.question)):
            # 「令和2年8月に公開した注意喚起は？」: a sentence that says the asked month (see _dates_said) beats a
            # closer-scoring one that does not (a figure asked is chosen by its own measure and type above; a
            # term asked, by the sentence defining it: 「令和3年3月に公開した「…手引書」って、どういうもの」).
            months = {(y, m) for y, m, _ in asked}
            dated = [c for c in self._close(ordered) if months <= {(y, m) for y, m, _ in _dates_said(c, c.text)}]
            if dated:
                _put_first(ordered, dated[0])
        if not analysis.wants_value and (periods := analysis.constraints.periods) \
                and (named := periods_in(ordered[0].text)) and not set(named) & set(periods):
            # 「第6期中期目標期間に事業の柱としている4つ」, best answered by a sentence about other numbered periods
            # (「これまで、…を中期目標の柱とし、第五期中期目標では…」): one about as close that says the asked period
            # answers (a figure asked is chosen by its own period above).
            of_period = [c for c in self._close(ordered) if set(periods_in(c.text)) & set(periods)]
            if of_period:
                _put_first(ordered, of_period[0])
        if counted := analysis.counted_set:
            # 「５以上の領域とはどこ」: the sentence that names the set's members beats one that only counts it.
            # (Else a sentence that counts the set beats one that does not: it is the one about the set.)
            # Of those, one that announces the set's items (「以下の6つの柱を重点として」) comes first.
            close = self._close(ordered)
            counting = [c for c in close if _set_named(c.text, *counted)]
            naming = [c for c in close if set_members(c.text, *counted)] \
                or [c for c in counting if _LEAD_IN.search(c.text)] or counting
            if naming:
                _put_first(ordered, naming[0])
        elif analysis.answer_type == "list" and (noun := analysis.focus) and _counted_sets(ordered[0].text, noun) \
                and not _gives_members(ordered[0], noun):
            # 「…を進める領域を全部挙げて」, best answered by a sentence that counts the set (「５以上の領域における
            # アーキテクチャ設計を実施し」) without its members: one about as close that counts it and gives them (「①
            # …５領域における…」 over 「a. …」…「e. …」) answers.
            giving = [c for c in self._close(ordered, after_best=True)
                      if _counted_sets(c.text, noun) and _gives_members(c, noun)]
            if giving:
                _put_first(ordered, giving[0])
        if analysis.answer_type == "list" and (not (gives := self._gives_items(ordered[0])) or ordered[0].focus < 1.0):
            # 「…評価制度を全部挙げて」, best answered by a sentence about the same survey that names none: one about
            # as close that announces the items and gives them (「以下 3 か国の…制度について調査」 over
            # 「FedRAMP（アメリカ）、G-Cloud（イギリス）、C5（ドイツ）」) answers — as it does an item of another list
            # that never names the asked kind (「…協力した業界団体を全部挙げて」: 「以下の業界団体等の協力を得て」 over
            # 「・具体的には、…WG において…」).
            announcing = [c for c in self._close(ordered, after_best=True)
                          if _announces(c.text) and self._gives_items(c)
                          # (not one that lacks the asked thing when the best names it: 「…プラットフォームとして
                          # 挙げられているのは」 is answered where the platform is named, not by another list)
                          and (c.focus >= 1.0 or (not gives and ordered[0].focus < 1.0))]
            if announcing:
                _put_first(ordered, announcing[0])
        if _COUNTS_AS.search(analysis.question):
            # 「…の「成功」として数えられるのは」: what a measure counts is said in the note (※) under it.
            note = next((n for c in self._close(ordered) if (n := _note_under(c)) is not None), None)
            if note is not None:  # with the evidence of the sentence it is a note to
                _lead_with(ordered, note)
        if analysis.focus and not analysis.cross and (note := self._asked_note(ordered, analysis)) is not None:
            _lead_with(ordered, note)
        labels = indicator_labels(analysis.question)
        target_after: Candidate | None = None
        if labels and not analysis.cross:
            # An indicator named by its label (「指標2-2の目標は？」) is the sentence that opens with the label,
            # however its description scores against the question's other words.
            labelled = [c for c in ordered if indicator_labels(c.text[:24]) & labels and not _OMITTED.search(c.text)]
            # In the asked column of a 新旧対照表 (indicators are renumbered between the two); the indicator
            # itself, not the paragraph of the same label under its rationale heading — unless a reason is asked.
            reason = analysis.answer_type == "reason"
            labelled.sort(key=lambda c: (analysis.constraints.version not in (None, c.chunk.version),
                                         _under_rationale(c) != reason))
            if labelled:
                stated = _stated_on(labelled[0], ordered, analysis.status)
                if analysis.wants_value and stated.value is None:
                    # 「指標１－１の目標水準は何点以上？」 of 「指標１－１：…５以上の領域における…」 with no figure
                    # of the asked kind: the figure is stated in the paragraph of a line so labelled (「具体的には、
                    # …１００点以上を目標の水準とする。」), before any other indicator's label.
                    stated = next((f for c in labelled if (f := _figure_under(c, ordered)) is not None), stated)
                _put_first(ordered, stated)
                target_after = _target_after(ordered[0], ordered, analysis.status)
        if analysis.asks_indicators and not analysis.cross:
            # 「…にはどんな数値目標がある？」: the indicators the plan sets (「指標２－２：…85％以上…を目指す」), or the
            # sentence that announces them (「以下のとおり定量指標を設定する。」), beat a closer-scoring sentence
            # about the same thing — and the paragraphs explaining them under the rationale heading.
            setting = [c for c in self._close(ordered) if self._indicator_block(c) is not None]
            if setting:
                _put_first(ordered, setting[0])
        if not _value_type(analysis) and analysis.answer_type != "reason" and _ASKS_TARGET.search(analysis.question) \
                and not _states_target(ordered[0].text) and self._indicator_block(ordered[0]) is None:
            # 「…出資業務について、2024年度計画ではどんな目標になってる？」: a target is set as a figure (「…１億円
            # 以上確保する」), which beats a closer-scoring sentence on how it is worked toward (「そのために、…指導・
            # 助言等を積極的に行い」) or on where things stand (「PBR１倍を下回る企業が…多くを占める」).
            stating = [c for c in self._close(ordered, after_best=True) if _states_target(c.text)]
            if stating:
                _put_first(ordered, stating[0])
        if analysis.answer_type == "reason" and not analysis.cross and (grade := _asked_grade(analysis.question)):
            # 「…が困難度高とされている理由は？」: the document gives it in the sentence it marks with that grade
            # (「【困難度：高】高まる世界経済の不確実性…」) — of the asked indicator, when one is named.
            # (Only one about as close to the question as the best: not a paragraph on another target.)
            close = self._close(ordered)
            graded = [c for c in close if grade in _grades_marked(c.text)]
            # (also the 困難度 mark after a paragraph marked 重要度 — a block gives the two in that order — its chunk
            # may not have been retrieved)
            seen = {(c.chunk.source, c.line_start) for c in graded}
            graded += [m for c in close if grade == "困難度" and _grades_marked(c.text) == {"重要度"}
                       and (m := self._mark_after(c, grade)) is not None and (m.chunk.source, m.line_start) not in seen]
            # Of 困難度 marks about as close, the one whose block names what the question does: 「【困難度：高】地政学的
            # …」 follows 「【重要度：高】…迅速かつ的確に調査・研究を行い、…」 for 「調査・研究の…困難度が高い理由」.
            named = self._terms(" ".join(q for q in analysis.qualifiers if not _ASKED_GRADE_WORD.search(q))) \
                if grade == "困難度" else []
            graded.sort(key=lambda c: (not (labels & indicator_labels(f"{c.chunk.context()} {c.chunk.text}")),
                                       -self.coverage(named, set(self._tok(self._block_before(c)))) if named else 0))
            if graded:
                _lead_with(ordered, graded[0])
        if not analysis.wants_value and kind_asked(analysis.question, analysis.focus) \
                and not _describes(ordered[0].text, analysis.focus):
            # 「どんな人材を育てる？」: a sentence that describes the asked thing (「…を中核的に担うことのできる人材」)
            # beats a closer-scoring one that names it only inside a compound (「…に向けた人材育成にも取り組む」).
            describing = [c for c in self._close(ordered, after_best=True) if _describes(c.text, analysis.focus)]
            if describing:
                _put_first(ordered, describing[0])
        years = analysis.constraints.fiscal_years
        if years and not analysis.cross and not _mentions_year(ordered[0], years, analysis.focus, analysis.question):
            # A sentence of a document about the asked year beats a closer-scoring one of another year
            # (the same kind of answer: a figure when one is asked), as does a sentence that opens with the year
            # (「・令和元年度未踏アドバンスト事業で育成した16名」 in the next year's evaluation). A year mentioned
            # in passing (「令和２年度を除く」) does not make a sentence about that year.
            close = [c for c in self._close(ordered, after_best=True)
                     if (c.value is not None or ordered[0].value is None)
                     and (c.chunk.fiscal_year in years or _opens_with_year(c.text, years) or _dated_figure(c, years)
                          # (a year's figure, written in a plan too, that says what the best says of the question)
                          or (_year_figure(c.text, years, c.chunk.fiscal_year)
                              and _says_as_much(c.text, ordered[0].text, analysis.qualifiers)))]
            if close:
                _put_first(ordered, close[0])
            elif (row := _year_row(ordered, years, analysis.focus)
                  or self._year_row_elsewhere(analysis, ordered[0], years)) is not None:
                _lead_with(ordered, row)
        if not analysis.cross and not _asked_label(analysis, ordered[0]):
            # 「炭素中立型社会の実現ミッションの長期目標は？」: the items under the label that names what is asked
            # (「⚫ 当面見据える長期目標」 over 「➢ 経済的目標：…」「➢ 社会的目標：…」) answer, when one of them is
            # about as close as the best.
            labelled = [c for c in self._close(ordered) if _asked_label(analysis, c)]
            if labelled:
                _put_first(ordered, labelled[0])
        if analysis.focus in _ASSERTED and analysis.answer_type in ("fact", "list") and ordered[0].focus_own < 1.0:
            # 「…するうえで重要とされているのは？」: the sentence that says so (「…に繋げていくことが重要である」),
            # about as close, beats one that only sits near the word. (Not 「なんで…が必要なの？」: a reason.)
            saying = [c for c in self._close(ordered, after_best=True) if c.focus_own >= 1.0]
            if saying:
                _put_first(ordered, saying[0])
        if not analysis.cross and not _of_named_organization(ordered[0], analysis):
            # 「経産省の新機軸では…どんな水準を掲げていますか」, best answered from a JETRO sentence: one of the named
            # organization's documents, about as close, answers (the other could only be 「資料に記載なし」).
            named = [c for c in self._close(ordered, after_best=True) if _of_named_organization(c, analysis)]
            if named:
                _put_first(ordered, named[0])
        if _asks_group(analysis) and (titled := self._named_group(analysis, ordered)) is not None:
            _lead_with(ordered, titled)
        parts = self._part_documents(analysis, ordered)
        if parts and not analysis.cross:
            analysis = replace(analysis, cross=True)  # its parts name two documents
        best = ordered[0]
        confidence = self.confidence(best, analysis)
        ok, missing = self._supported(best, analysis)
        if ok and analysis.wants_value and best.focus == 0 and _asked_of(analysis) \
                and self._names_a_thing(analysis.focus) and any(c.focus_own >= 1.0 for c in cands) \
                and not _unit_named(best.text, analysis.focus):
            # The asked thing (「ROE」) is a term of these passages, yet the sentence with the figure does not
            # name it, nor its headings: the figure is another thing's (「PBR」). An action asked about
            # (「何名を発掘」) may be said in other words, so only a thing is required, and only one the question
            # asks the figure of — not the thing counted after the question word (「何名のイノベータ」).
            # The sentence next to it, about as close, naming it with a figure answers instead (「…会員は何人？」: not
            # 「修了者 67 名が入会」 but the next one, 「入会済み会員と合わせて、修了者 217 名」). A sentence elsewhere
            # that names it, less close in the question's words, is about another thing's (「DX銘柄の企業数」 is
            # not 「自己診断結果提出企業 266 社」); one as close in them names the asked thing where the best only
            # shares the rest of its words (「有識者を集めたアーキテクチャの検討会はいつ」: 「…検討会を開催（令和 2 年
            # 12 月）」, not 「…有識者を集めて…3 テーマを採択（令和 2 年 10 月）」).
            naming = [c for c in self._close(ordered, after_best=True) if c.focus >= 1.0 and c.value is not None
                      and (c.chunk.chunk_id == best.chunk.chunk_id or c.lexical >= best.lexical)
                      and self._supported(c, analysis)[0]]
            if naming:
                _put_first(ordered, naming[0])
                best = ordered[0]
                confidence = self.confidence(best, analysis)
            else:
                ok, missing = False, "focus"
        draft = self._decide(analysis, ordered, best, confidence, ok, missing, parts)
        draft.focus, draft.support, draft.missing = best.focus, best.support, draft.missing or missing
        if target_after is not None and not draft.abstained \
                and (best.chunk.chunk_id, best.sentence + 1) == (target_after.chunk.chunk_id, target_after.sentence):
            draft.quotes.append(Quote(target_after, target_after.text, _version_label(target_after.chunk)))
        return draft

    def _decide(self, analysis: QuestionAnalysis, ordered: list[Candidate], best: Candidate, confidence: float,
                ok: bool, missing: str, parts: list[DocumentPart]) -> Draft:
        if analysis.cross:
            return self._cross(analysis, ordered, confidence, parts)
        if analysis.breakdown_of and (draft := self._breakdown(analysis, ordered, confidence)) is not None:
            return draft
        if analysis.asks_parts and ok and (draft := self._parts(analysis, ordered, confidence)) is not None:
            return draft
        if not ok or confidence < self.settings.abstain_threshold:
            return Draft(abstention_text(_what_is_missing(analysis, missing, best)), abstained=True,
                         confidence=confidence)
        if analysis.answer_type == "reason" and (draft := self._graded(analysis, best, confidence)) is not None:
            return draft
        if analysis.answer_type == "reason" and not _STATES_REASON.search(best.text) and not _under_rationale(best) \
                and (draft := self._rationale(analysis, best, confidence)) is not None:
            return draft
        if analysis.asks_indicators and (draft := self._indicators(best, confidence)) is not None:
            return draft
        if counted := analysis.counted_set:
            if (draft := self._numbered_set(analysis, best, confidence)) is not None:
                return draft
            if members := set_members(best.text, *counted):
                return self._inline_list(analysis, best, confidence, members)
            # 「DXをどの3つの観点から捉える？」: a sentence about as close that names the set with its members
            # (「DX を「デジタル戦略」「デジタル技術」、「デジタル人材」の3 つの観点から捉える」) answers.
            asked = compact(analysis.question)  # (not 「5領域のうち、…関連では？」: one member asked about)
            naming = next(((c, m) for c in self._close(ordered, after_best=True)
                           if (m := set_members(c.text, *counted)) and not any(compact(x) in asked for x in m)), None)
            if naming is not None:
                return self._inline_list(analysis, naming[0], confidence, naming[1])
            if _set_named(best.text, *counted) and _items_under(best) and self._items_counted(best, counted[0]):
                # 「…５領域って何？」 and 「① …５領域における…」 over 「a. …」…「e. …」: the items under it, as many as
                # it counts, are the members, however the question asks for them (not its own sibling items).
                return self._list(analysis, best, confidence)
            if _set_named(best.text, *counted) and not _LEAD_IN.search(best.text):
                # 「5都市ってどこ？」 and the text says only 「アジア太平洋地域の5都市と…マッチング予定」: the set is
                # counted, its members are not named.
                said = _set_named(normalize_question(analysis.question), *counted)
                phrase = said[0].group(0) if said else "".join(counted)
                return Draft(abstention_text(_what_is_missing(analysis, f"members:{phrase}")),
                             abstained=True, confidence=confidence, missing=f"members:{phrase}")
        if (n := analysis.members_asked) >= 2 and (numbering := self._numbering(analysis, ordered, n)) is not None:
            # 「…必要な取組として挙げられている4つは？」 and, in a passage of the best candidates,
            # 「そのためには、①…、②…、③…、④…への対応が必要。」: the sentence numbering as many items as are asked
            # gives them.
            return self._inline_list(analysis, numbering[0], confidence, numbering[1])
        if (group := self._named_group_items(analysis, best)) is not None:
            # 「人手不足への対応としては何をする？」 and best 「【①徹底した人手不足への対応】」: its bullets answer.
            return self._group_answer(best, *group, best.sentence, confidence)
        # A list question — or a best sentence that only announces items — is answered by the items.
        if analysis.answer_type == "list" or (_LEAD_IN.search(best.text) and best.value is None) \
                or _asked_label(analysis, best):
            return self._list(analysis, best, confidence)
        draft = None
        if analysis.answer_type == "change" or best.chunk.version:
            draft = self._versions(analysis, best, confidence)
        if draft is None:
            quote = self._quote(best, analysis)
            direct = self._direct(analysis, best, quote)
            if best.value is None and _span_of(direct, quote.text) and (
                    analysis.answer_type != "definition" or not definition_clause(best.text, analysis.term)):
                # The answer is a cut of the quote (no figure or defining clause read out of it): the quote is
                # said once, as the first line — not its clause and then the quote again.
                direct = quote.text
            draft = Draft(direct, [quote], confidence=confidence)
            self._add_support(draft, best, ordered, analysis)
        if not analysis.asks_several:
            self._cover_asks(draft, best, analysis)
        if not analysis.constraints.revision or len(revisions_in(analysis.question)) >= 2:
            # (A question that names two revisions asks how the figure went from one to the other.)
            self._note_revision(draft, best, ordered, analysis)
        return draft

    def _cover_asks(self, draft: Draft, best: Candidate, analysis: QuestionAnalysis) -> None:
        """A question that asks two things in one sentence (「2021年の希望出生率はいくつで、低下の最大の要因は？」),
        answered by quotes that leave words of it unsaid: the sentence near the best one (nearest first, within
        ``several_reach``, not past a heading) that says the most of those words (「…その最大の要因は所得水準が低い
        こと。」) is quoted too."""
        if not _asks_more(analysis.question) or len(draft.quotes) >= self.settings.max_quotes + 1:
            return
        said = set(self._tok(best.chunk.context())).union(*(self._tok(q.text) for q in draft.quotes))
        lacking = {t for t in self._terms(analysis.question) if t not in said and len(t) >= 2}
        if not lacking:
            return
        chunk, after, before = self._near(best)
        found, most = None, 0
        for j in (j for pair in zip_longest(after, before) for j in pair if j is not None):  # nearest first
            if (n := len(lacking & set(self._tok(_sentence(chunk, j))))) > most:
                found, most = j, n
        if found is not None:
            # Trimmed around the words it is quoted for, not the focus the other quotes are about.
            near = _sentence_candidate(best, chunk, found)
            spots = [(i, i + len(t)) for t in lacking if (i := near.text.find(t)) >= 0]
            start, end = (min(a for a, _ in spots), max(b for _, b in spots)) if spots else (0, 0)
            quote = Quote(near, trim(near.text, start, end, self.settings.quote_max_chars), _version_label(chunk))
            if all(compact(quote.text) not in compact(q.text) for q in draft.quotes):
                draft.quotes.append(quote)

    def _breakdown(self, analysis: QuestionAnalysis, ordered: list[Candidate], confidence: float) -> Draft | None:
        """「716件の内訳は」: the figure the question says, found with the sum it is written as
        (「716件（700件＋令和 5年度補正見込件数16件）」) in the best-scoring sentence that has one; None if none has."""
        for c in ordered:
            for figure in analysis.breakdown_of:
                if (parts := breakdown(c.text, figure)) is not None:
                    direct = f"{figure}＝{squeeze(parts)}{_qualifier(c.chunk)}"
                    return Draft(direct, [self._quote(c, analysis)], confidence=confidence)
        return None

    def _parts(self, analysis: QuestionAnalysis, ordered: list[Candidate], confidence: float) -> Draft | None:
        """「…の内訳は？」: the parts of a figure that one of the best sentences states (the one the question says,
        if it says one) — listed in a bracket after it (「3,808百万円（デジタル基盤849百万円、…）」), the figures that
        follow it in its section and add up to it (the items under 「（実績の詳細）」), or a sentence of its document
        that states it with its parts (「IT企業では79.6%、ユーザ企業では44.6%、全体で62.1%」). None when no such
        parts are found."""
        said = {compact(f) for f in analysis.breakdown_of}

        def totals(c: Candidate) -> list[Value]:  # the figure the question says, else any
            return [v for v in values_in(c.text) if magnitude(v) is not None and (not said or compact(v.text) in said)]

        stating = [(c, figures) for c in ordered if (figures := totals(c))]
        for c, figures in stating[:self.settings.parts_candidates]:  # the best sentences stating a figure
            stream = self._stream(c.chunk, c.sentence + 1 + self.settings.reach, in_section=True)
            for total in figures:
                if inside := parts_in_bracket(c.text, total):
                    return Draft(f"{total.text}（{squeeze(inside)}）", [self._quote(c, analysis)],
                                 confidence=confidence)
                if draft := self._parts_after(analysis, c, stream, total, confidence) \
                        or self._parts_of_whole(analysis, c, stream, total, confidence) \
                        or self._parts_stated(analysis, c, total, confidence):
                    return draft
        return None

    def _parts_after(self, analysis: QuestionAnalysis, c: Candidate, stream: Chunk, total: Value,
                     confidence: float) -> Draft | None:
        """The figures after ``c`` in ``stream`` (its chunk read on) that add up to ``total``, with what each is."""
        figures: list[tuple[int, Value]] = []
        for j in range(c.sentence + 1, len(stream.sentences)):
            figures += [(j, v) for v in in_unit_of(total, values_in(_sentence(stream, j)))]
        run = summing_run(total, [v for _, v in figures])
        if run is None:
            return None
        at = [next(j for j, v in figures if v is part) for part in run]
        named = [_item_label(stream, j, v, floor) for j, v, floor in zip(at, run, [c.sentence, *at])]
        said = [f"{label} {v.text}" if label else v.text for (label, _), v in zip(named, run)]
        first = min(k for _, k in named)
        quotes = [self._quote(c, analysis), self._list_quote(c, stream, first, at[-1])]
        return Draft(f"{total.text}（{'、'.join(said)}）", quotes, confidence=confidence)

    def _parts_of_whole(self, analysis: QuestionAnalysis, c: Candidate, stream: Chunk, total: Value,
                        confidence: float) -> Draft | None:
        """The figures a sentence from ``c`` on states as parts of ``total`` by naming it (「54 件のうち、…一者応札の
        件数は 30 件であり、…6 件減である。一者応募の件数は、23 件であり…」), with that sentence's following ones
        while each states one: two or more, in its unit, adding up to no more than it — not the changes said beside
        them (「6 件減」), nor a sentence that takes them past it."""
        whole, want = compact(total.text), magnitude(total)
        if want is None:
            return None
        for j in range(c.sentence, min(len(stream.sentences), c.sentence + 1 + self.settings.reach)):
            if f"{whole}のうち" not in compact(_sentence(stream, j)):
                continue
            said: list[tuple[int, list[Value]]] = []
            added = 0.0
            for k in range(j, min(len(stream.sentences), j + 3)):
                text = _sentence(stream, k)
                found = [v for v in in_unit_of(total, values_in(text))
                         if compact(v.text) != whole and not _is_change(text, v)]
                added += sum(magnitude(v)[0] for v in found)
                if not found or added > want[0] * (1 + PART_TOLERANCE):
                    break  # (a sentence going on about one part again: 「一者応札の件数は 30 件であり、…（16 件）」)
                said.append((k, found))
            if sum(len(found) for _, found in said) < 2:
                return None
            direct = "、".join(labelled(_sentence(stream, k), found) for k, found in said)
            quotes = [self._quote(c, analysis), self._list_quote(c, stream, j, said[-1][0])]
            return Draft(f"{total.text}（{direct}）", quotes, confidence=confidence)
        return None

    def _parts_stated(self, analysis: QuestionAnalysis, c: Candidate, total: Value,
                      confidence: float) -> Draft | None:
        """A sentence of ``c``'s document that states ``total`` with two or more other figures in its unit that it is
        made of (searched for with the question and the figure)."""
        passages = self.searcher.search(f"{analysis.question} {total.text}", k=self.settings.parts_k,
                                        filters=Filters(titles=[c.chunk.title]))
        for p in passages:
            for j in range(len(p.chunk.sentences)):
                text = _sentence(p.chunk, j)
                found = in_unit_of(total, values_in(text))
                shown = [v for v in found if compact(v.text) != compact(total.text)]
                if len(shown) >= 2 and len(found) > len(shown) and compact(text) != compact(c.text) \
                        and made_of(total, shown):
                    where = Candidate(p, j, text, p.chunk.sentences[j].line_start, p.chunk.sentences[j].line_end,
                                      score=c.score * 0.9)
                    return Draft(f"{total.text}（{labelled(text, shown)}）",
                                 [self._quote(c, analysis), self._quote(where, analysis)], confidence=confidence)
        return None

    def _add_support(self, draft: Draft, best: Candidate, ordered: list[Candidate],
                     analysis: QuestionAnalysis) -> None:
        """Further quotes from the same document that score close to the best (the sentence that
        follows a lead-in, the second figure of a two-figure question)."""
        chosen = [best]
        limit = self.settings.max_quotes
        following = _next_sentence(best)
        if following is not None and _is_item(best.chunk, best.sentence) \
                and not best.text.rstrip().endswith("。") and not analysis.wants_value:
            # An item that ends no sentence (「3）…の検討」) is quoted with what follows it (「※…中止。」), as one
            # quote: it is the item's own text, and leaves room for the other quotes.
            draft.quotes[0] = self._list_quote(best, best.chunk, best.sentence, following.sentence)
        elif following is not None and (_LEAD_IN.search(best.text) or len(compact(best.text)) < 40):
            chosen.append(following)
        elif following is not None and self._gives_specifics(following, analysis):
            chosen.append(following)
            limit += 1  # the specifics read on from the best sentence take no other quote's place
        for c in ordered[1:]:
            if len(chosen) >= limit:
                break
            if c.score < self.settings.extra_ratio * best.score:
                break
            if (c.chunk.source, c.chunk.part) != (best.chunk.source, best.chunk.part) or (c.value is None \
                    and analysis.wants_value):
                continue
            if any(_redundant(c, x) for x in chosen):
                continue
            chosen.append(c)
        if analysis.asks_several and best.value is not None:
            chosen += self._other_figures(analysis, best, chosen)
        for c in chosen[1:]:
            draft.quotes.append(self._quote(c, analysis))
        if analysis.asks_several and best.value is not None:
            draft.direct = self._several(analysis, chosen) or draft.direct

    @staticmethod
    def _gives_specifics(following: Candidate, analysis: QuestionAnalysis) -> bool:
        """Does ``following``, the sentence after the best one in the same paragraph or item, give its specifics?
        A sentence opening with 「具体的には」 always does (「…貢献する。」「具体的には、…を強化する。」); any
        next sentence does when the question asks for specifics (「具体的に何をやった？」: 「…オンライン形式で開催。」
        「今年度は、…を実施。」). Not when a figure is asked (the best sentence holds it), nor across a heading or
        into the next item."""
        spans = following.chunk.sentences
        if analysis.wants_value or _is_heading(following.chunk, following.sentence) \
                or _is_item(following.chunk, following.sentence) \
                or spans[following.sentence].line_start > spans[following.sentence - 1].line_end + 1:
            return False  # (a blank line before it: another paragraph)
        return bool(_SPECIFICS_GIVEN.match(squeeze(following.text))) or bool(_SPECIFICS_ASKED.search(analysis.question))

    def _other_figures(self, analysis: QuestionAnalysis, best: Candidate, chosen: list[Candidate]) -> list[Candidate]:
        """「何人を発掘し、採択後に何件が起業」: the sentences near the best one (nearest first, not past a
        heading, within ``answer.several_reach``) that hold an asked figure the chosen ones lack — each naming
        a word of the question the best sentence does not (「起業」), so a figure of another thing is not taken."""
        asked, said = asked_figures(analysis.question), analysis.question
        texts = [c.text for c in chosen]
        have = len(figures_for(asked, texts, said))
        words = set(self._terms(said)) - set(self._tok(best.text))
        if have >= len(asked) or not words:
            return []
        chunk, after, before = self._near(best)
        added: list[Candidate] = []
        for j in (*after, *before):
            text = _sentence(chunk, j)
            if words & set(self._tok(text)) and len(found := figures_for(asked, [*texts, text], said)) > have:
                added.append(_sentence_candidate(best, chunk, j))
                texts.append(text)
                have = len(found)
                if have >= len(asked):
                    return added
        return added

    def _near(self, best: Candidate) -> tuple[Chunk, list[int], list[int]]:
        """``best``'s chunk read on, with the sentences after and before it in that chunk, each nearest first,
        within ``several_reach`` and not past a heading: where a sentence that adds to it is looked for."""
        reach = self.settings.several_reach
        chunk = self._stream(best.chunk, len(best.chunk.sentences) + reach)

        def side(step: int) -> list[int]:
            out, j = [], best.sentence + step
            while 0 <= j < len(chunk.sentences) and abs(j - best.sentence) <= reach and not _is_heading(chunk, j):
                out.append(j)
                j += step
            return out

        return chunk, side(1), side(-1)

    def _direct(self, analysis: QuestionAnalysis, c: Candidate, quote: Quote) -> str:
        """The answer itself, for the first line."""
        limit = self.settings.direct_max_chars
        if c.value is not None:
            if analysis.asks_several and (several := self._several(analysis, [c])):
                return several
            if c.value.kind == "date" and _ASKS_MORE_THAN_WHEN.search(analysis.question):
                # 「いつ、どこで実施された」「いつ頃どういう形で」: the clause with the date says the rest
                return trim(c.text, c.value.start, c.value.end, limit) + _qualifier(c.chunk)
            if c.value.kind == "grade":  # 「A（全体として…上回る成果が得られている）」
                meaning = grade_meaning(c.text, c.value)
                return c.value.text + (f"（{meaning}）" if meaning else "") + _qualifier(c.chunk)
            if c.cell is not None:  # a bare table cell: its unit and what it is of (「６８百万円（国庫補助金）」)
                row, unit = c.cell
                return f"{c.value.text}{unit}（{row}）" + _qualifier(c.chunk)
            years = analysis.constraints.fiscal_years
            if years and c.value == year_column(c.text, years, c.chunk, analysis.focus):
                # One cell of a row of years: say which year it is (the row's other cells are other years').
                return f"{c.value.text}（{era_label(years[0])}）" + _qualifier(c.chunk)
            run = value_run(c.text, c.value)
            at = run.index(c.value)
            shown = run[max(0, min(at, len(run) - 3)):][:3]  # at most three, the picked one among them
            said = labelled(c.text, shown, counted=True) if c.value.kind in LABELLED_KINDS else "、".join(
                dict.fromkeys(v.text for v in shown))
            bound = date_bound(c.text, shown[-1]) if len(shown) == 1 else ""
            return said + bound + restatement(c.text, shown[-1]) + _qualifier(c.chunk)
        if analysis.answer_type == "definition":
            # A definition is a clause or two, not a figure: as long as a quote may be.
            limit = self.settings.quote_max_chars
            if said := definition_clause(c.text, analysis.term):  # 「…の更なる国内展開（二次投資）」
                # A clause that ends in the quoted term (「…に繋げる「プッシュ型支援」」) is cut before the term,
                # not after it.
                at = len(said) - 1 if _ends_in_term(said) else 0
                return trim(said, at, len(said), limit)
            m = re.search(r"とは[、，]?", c.text)
            start = m.end() if m else 0
            return trim(c.text[start:], 0, min(len(c.text) - start, limit), limit)
        text = quote.text
        if len(text) > max(limit, self.settings.quote_as_answer_chars):
            # A short quote is the answer itself, said once; a longer one is cut to the clause with the focus.
            anchors = _positions(c.text, analysis.focus)
            at = anchors[0] if anchors else 0
            text = trim(c.text, at, at + len(analysis.focus), limit)
        return text

    def _several(self, analysis: QuestionAnalysis, cands: list[Candidate]) -> str | None:
        """「何社・何名」: one figure per asked unit from the quoted sentences; None unless two are found."""
        asked = asked_figures(analysis.question)
        said = analysis.question
        best = cands[0]
        own = figures_for(asked, [best.text], said)
        if len(own) == len(asked) and any(unit == WHEN for unit, _ in asked) \
                and (span := figure_span(best.text, own, self.settings.direct_max_chars)):
            # A date and a figure read as the sentence says them (「令和3年3月に7社10サービス」).
            return span + _qualifier(best.chunk)
        found = figures_in(asked, [c.text for c in cands], said)
        return figures_said(found) + _qualifier(best.chunk) if len(found) >= 2 else None

    def _quote(self, c: Candidate, analysis: QuestionAnalysis, label: str = "") -> Quote:
        """The candidate trimmed to the clauses that carry the answer (verbatim, … where cut); a definition may be
        quoted twice as long (what a term means is often one long sentence)."""
        limit = self.settings.quote_max_chars * (2 if analysis.answer_type == "definition" else 1)
        if c.value is not None:
            start, end = c.value.start, c.value.end
        elif analysis.term and (said := definition_clause(c.text, analysis.term)) and _ends_in_term(said):
            start, end = 0, 1  # the answer is the clause that ends in the term; the quote shows where it begins
        else:
            anchors = _positions(c.text, analysis.focus)
            start = anchors[0] if anchors else 0
            end = start + (len(analysis.focus) if anchors else min(len(c.text), limit))
        label = label or _version_label(c.chunk)
        return Quote(c, trim(c.text, start, end, limit), label)

    def _list_quote(self, best: Candidate, chunk: Chunk, first: int, last: int) -> Quote:
        joined = _span_candidate(best, chunk, first, last)
        return Quote(joined, joined.text, _version_label(chunk))

    def _list(self, analysis: QuestionAnalysis, best: Candidate, confidence: float) -> Draft:
        """A lead-in and the items under it, collected across bullets, lines and the chunks that follow."""
        chunk = self._stream(best.chunk, len(best.chunk.sentences) + self.settings.reach)
        start = best.sentence
        if _announces(best.text) and (named := _names_after(chunk, start)):
            # 「・以下 3 か国の…評価制度について調査」, then 「FedRAMP（アメリカ）、G-Cloud（イギリス）、C5（ドイツ）」:
            # the announced items, enumerated on the line after it (not the lead-in's sibling bullets).
            return Draft(_cap("、".join(named), self.settings.direct_max_chars * 2),
                         [self._list_quote(best, chunk, start, start + 1)], confidence=confidence)
        if len(kinds := [w for w in analysis.focus.split("・") if len(w) >= 2]) >= 2:
            # (The sentence may run on from a line before it that ends in no full stop.)
            lead = start - 1 if start and not _is_item(chunk, start) \
                and not re.search(r"[。！？]\s*$", _sentence(chunk, start - 1)) else start
            said = "".join(_sentence(chunk, j) for j in range(lead, start + 1))
            if all(w in said for w in kinds) and len(inline := _inline_items(said)) >= 2:
                # 「どういった企業・修了生の中から選ばれる？」 of a lead-in that enumerates them (「J-Startup選定企業、
                # …「NEP」の修了生等から選定した…スタートアップに対して、以下の支援施策を…」): its own enumeration
                # answers.
                return Draft(_cap("、".join(inline), self.settings.direct_max_chars * 2),
                             [self._list_quote(best, chunk, lead, start)], confidence=confidence)
        if _is_item(chunk, start) and best.focus_own >= 1.0 and len(_enumerated(best.text)) >= 2 \
                and not _asked_label(analysis, best):
            # An item that names the asked thing and enumerates it (「○ …の見直し（A、B、Cなど）」): its
            # own items answer, not its siblings' (unless the label over them is what is asked).
            return self._inline_list(analysis, best, confidence)
        # The items may follow the best sentence, or the best sentence may be an item (of a list that begins
        # earlier, unless sub-items follow it).
        titles = self._group_titles(chunk, start)
        asked = compact(analysis.question)
        # (the title over the best sentence's group — not past a heading —, the best itself, or a title under it;
        # named in full, and long enough to name a group: not 「（施策）」「【参考】」)
        above = next((j for j in range(start, -1, -1) if _group_title(chunk, j) or _is_heading(chunk, j)), None)
        named = [j for j in dict.fromkeys(j for j in (above, start, *titles) if j is not None)
                 if (title := _group_title(chunk, j)) and len(title) >= 8
                 and (compact(title[1:-1]) in asked or _title_named(title, asked))]
        if len(named) == 1 and len(items := self._under_title(chunk, named[0])) >= 2:
            # 「…産業政策のうち、「地域の核となる企業の成長」にはどんな施策が？」: the group the question names by its
            # title — the bullets under that title are the items, not the titles of its siblings nor the next
            # group's bullets.
            return self._group_answer(best, chunk, items, named[0], confidence)
        if len(titles) >= 2:
            # 「先行的に対応すべき需要と…：」 over 「（サプライチェーンの強靱化）」「（技術優位性の確保）」…, each
            # title over bullets of its own: the titles are the items.
            quotes = [self._list_quote(best, chunk, j, j) for j in (start, *titles)]
            direct = "、".join(squeeze(_sentence(chunk, j))[1:-1] for j in titles)
            return Draft(_cap(direct, self.settings.direct_max_chars * 2), quotes, confidence=confidence)
        if (_is_heading(chunk, start) or _is_title_line(_sentence(chunk, start))) \
                and len(titles := self._numbered_titles(chunk, start)) >= 2:
            # A slide's title (「女性起業家支援パッケージ」) over 「①ロールモデルの創出」「②…」, each numbered heading
            # over bullets of its own: the numbered headings are its parts.
            quotes = [self._list_quote(best, chunk, j, j) for j in (start, *titles)]
            direct = "、".join(re.sub(r"^[①-⑳]\s*", "", squeeze(_sentence(chunk, j))) for j in titles)
            return Draft(_cap(direct, self.settings.direct_max_chars * 2), quotes, confidence=confidence)
        subitems = _leads_subitems(chunk, start)
        kind = _marker_kind(best.text) if _asked_label(analysis, best) else None
        while not subitems and start > 0 and _is_item(chunk, start) and not _is_heading(chunk, start - 1) \
                and (kind is None or _marker_kind(_sentence(chunk, start - 1)) == kind):
            start -= 1  # (to the first of the items under the asked label, when that is what is asked)
        # Walked back to the list's first item: its siblings are the items, even if it has sub-items.
        level = _marker_kind(best.text) if start != best.sentence else None
        items = items_after(chunk, start, self.settings.max_list_items, level)
        if len(items) < 2 and _indicator_group(best.text) is None \
                and (draft := self._indicators(best, confidence)) is not None:
            return draft  # 「以下のとおり定量指標を設定する。」 over 「指標２－１：…」「指標２－２：…」
        own = _inline_items(best.text)
        if len(items) < 2 or (items[0] - start > 2 and best.focus_own >= 1.0 and not _is_item(chunk, start)
                              and not _announces(best.text)) \
                or (len(own) >= 3 and not _announces(best.text) and not _ordered_mark(_sentence(chunk, items[0]))
                    and (best.focus_own >= 1.0 or not _is_item(chunk, start))):
            # (Items paragraphs after a sentence that names the asked thing and announces nothing are another
            # list's: 「…プラットフォームである「J-Bridge」等を通じて…」 is answered by itself, not by
            # 「対象事業は、以下のいずれか」 further on. A sentence that enumerates three or more things itself —
            # 「同計画に基づく階層別研修、…基本研修、…目的別・テーマ別研修等を実施。」 — is answered by them, not by
            # the opening words of the bullets after it; items numbered or lettered after it — 「a. 自律移動ロボット
            # 関連」 — are the list it leads.)
            return self._inline_list(analysis, best, confidence, own)
        quotes = [self._list_quote(best, chunk, list_start(chunk, start, items), items[-1])]
        phrases = [_short_item(_sentence(chunk, j)) for j in items]
        for j in items:
            # An item that spells out the asked thing itself (「選定した5分野（食品・繊維・…）」 for 「分野は」)
            # answers with that enumeration, not with the items' opening words.
            text = _sentence(chunk, j)
            if analysis.focus and re.search(f"{re.escape(analysis.focus)}\\s*[（(]", text) \
                    and len(inner := _enumerated(text)) >= 3:
                phrases = inner
                break
        direct = "、".join(phrases)
        return Draft(_cap(direct, self.settings.direct_max_chars * 2), quotes, confidence=confidence)

    def _group_answer(self, best: Candidate, chunk: Chunk, items: list[int], title: int,
                      confidence: float) -> Draft:
        """The bullets ``items`` of ``chunk`` under the group title ``title`` as the answer: each bullet's opening
        words, and one quote from the title to the last bullet."""
        quotes = [self._list_quote(best, chunk, title, items[-1])]
        direct = "、".join(_short_item(_sentence(chunk, j)) for j in items)
        return Draft(_cap(direct, self.settings.direct_max_chars * 2), quotes, confidence=confidence)

    def _numbering(self, analysis: QuestionAnalysis, ordered: list[Candidate], n: int
                   ) -> tuple[Candidate, list[str]] | None:
        """The first sentence that numbers ``n`` items inline (:func:`numbered_inline`) and says a word of the
        question (with its headings and the sentence before it) — in the passages of the best candidates, best
        first, each read on under its section —, as a candidate, with its items; None when none does."""
        first: dict[str, Candidate] = {}  # each passage's best candidate, best first
        for c in ordered:
            first.setdefault(c.chunk.chunk_id, c)
        terms = self._terms(_without_revision(analysis))
        for c in list(first.values())[:_NUMBERING_CHUNKS]:
            stream = self._stream(c.chunk, len(c.chunk.sentences) + self.settings.reach, in_section=True)
            for j in range(len(stream.sentences)):
                # (saying some word of the question, with its headings and the sentence before it)
                if len(items := numbered_inline(text := _sentence(stream, j))) == n and self.coverage(
                        terms, set(self._tok(f"{stream.context()} {_sentence(stream, j - 1) if j else ''} {text}"))):
                    return _sentence_candidate(c, stream, j), items
        return None

    def _named_group_items(self, analysis: QuestionAnalysis, c: Candidate) -> tuple[Chunk, list[int]] | None:
        """When ``c`` is a bracketed group title the question names (「【①徹底した人手不足への対応】」 for 「人手不足
        への対応としては何をする？」) over two bullets or more: its bullets (see :meth:`_group_items`); else None."""
        title = _group_title(c.chunk, c.sentence)
        if not _asks_group(analysis) or title is None or len(title) < 8 \
                or not _title_named(title, compact(analysis.question)):
            return None
        stream, items = self._group_items(c)
        return (stream, items) if len(items) >= 2 else None

    def _group_items(self, title: Candidate) -> tuple[Chunk, list[int]]:
        """The bullets under the group title ``title`` — of any mark (「⚫」 for what was done, 「○」 for what is
        to be done) —, read on into the chunks that follow, up to the next group or heading (at most
        ``max_list_items``): with the chunk they are indexed in."""
        stream = self._stream(title.chunk, len(title.chunk.sentences) + self.settings.reach)
        items: list[int] = []
        for j in range(title.sentence + 1, _group_end(stream, title.sentence)):
            if len(items) == self.settings.max_list_items:
                break
            if _is_item(stream, j):  # (a bullet over bullets of another mark may have been read as a heading)
                if not _LEGEND.search(_sentence(stream, j)):
                    items.append(j)
            elif _is_heading(stream, j) or self._titles_a_section(stream.source, squeeze(_sentence(stream, j))):
                break
        return stream, items

    def _named_group(self, analysis: QuestionAnalysis, ordered: list[Candidate]) -> Candidate | None:
        """What is done under a group the question names by its title (「人手不足への対応としては、具体的に何を
        するの？」 over 「【①徹底した人手不足への対応】」 and its bullets): that title, in the passage of a candidate
        about as close as the best — not a sentence elsewhere that only mentions the phrase (「…人手不足への
        対応に万全を期す。」). None when no such group is there, or — for a question of fact, which one of its bullets
        may answer — when the best is already in it."""
        seen: set[str] = set()
        inside_counts = analysis.answer_type != "list"  # (a bullet of the group may answer a question of fact)
        best = ordered[0]
        for c in self._close(ordered):
            if c.chunk.chunk_id in seen or (c.chunk.source, c.chunk.part) != (best.chunk.source, best.chunk.part):
                continue  # (the document and year chosen for the best stay chosen)
            seen.add(c.chunk.chunk_id)
            for j in range(len(c.chunk.sentences)):
                title = _sentence_candidate(c, c.chunk, j)
                if (group := self._named_group_items(analysis, title)) is not None:
                    stream, items = group
                    lines = (stream.sentences[j].line_start, stream.sentences[items[-1]].line_end)
                    inside = lines[0] <= best.line_start <= lines[1]
                    return None if inside and inside_counts else replace(title, score=max(title.score, best.score))
        return None

    def _gives_items(self, c: Candidate) -> bool:
        """Does ``c`` give items: an enumeration inside it, items of a list it is one of or that follow it, or
        names enumerated on the line after it?"""
        if len(_inline_items(c.text)) >= 2 or (c.sentence and _is_item(c.chunk, c.sentence)
                                               and _is_item(c.chunk, c.sentence - 1)):
            return True
        stream = self._stream(c.chunk, len(c.chunk.sentences) + self.settings.reach)
        return len(items_after(stream, c.sentence, self.settings.max_list_items)) >= 2 \
            or bool(_names_after(stream, c.sentence))

    def _read_on(self, chunk: Chunk) -> Chunk:
        """``chunk`` read on through the chunks that follow, far enough for the members of a set or a plan's
        indicators, each over paragraphs of its own (see :meth:`_stream`)."""
        return self._stream(chunk, len(chunk.sentences) + self.settings.reach * 4)

    def _items_counted(self, c: Candidate, number: str) -> bool:
        """Are the items under ``c`` (read on through the chunks that follow) as many as ``number``?"""
        stream = self._read_on(c.chunk)
        return len(items_after(stream, c.sentence, self.settings.max_list_items)) == numeral(number)

    def _indicator_block(self, c: Candidate) -> tuple[Chunk, list[int]] | None:
        """The indicators set together with ``c`` — a sentence that states one (「指標２－２：…を目指す」) or
        announces them (「以下のとおり定量指標を設定する。」) — as (the text read from the chunk before on through
        the chunks after, the index of each indicator's opening sentence): its labelled siblings before and after
        it, of one group (「指標２－１」「指標２－２」, not 「指標３－１」), up to the rationale heading
        (「＜目標水準の考え方＞」). None for a sentence that is neither, or one under the
        rationale heading (it explains an indicator, it does not set one)."""
        own_text = _sentence(c.chunk, c.sentence)
        own = _indicator_group(own_text)
        if any(_RATIONALE.search(h) for h in c.chunk.section[-1:]) \
                or (own is None and not (_LEAD_IN.search(c.text) and INDICATOR_WORD.search(c.text))):
            return None  # (decided on the sentence itself, before any text around it is read)
        stream, at = self._read_from_before(c)
        if at is None:
            return None
        found = [at] if own is not None else []
        group = own
        for step in (-1, 1) if own is not None else (1,):
            j = at + step
            while 0 <= j < len(stream.sentences) and len(found) < self.settings.max_list_items \
                    and not _rationale_heading(_sentence(stream, j)):
                g = _indicator_group(_sentence(stream, j))
                if g is not None and group in (None, g):
                    group = g
                    found.append(j)
                elif g is not None or (step < 0 and _LEAD_IN.search(_sentence(stream, j))):
                    break  # another group's indicator, or (going back) the lead-in that announces these
                j += step
        return (stream, sorted(found)) if found else None

    def _indicators(self, best: Candidate, confidence: float) -> Draft | None:
        """The indicators set with the best sentence (see :meth:`_indicator_block`), each quoted with the
        sentences under it; the first line gives each label with its target figures (or its opening words)."""
        block = self._indicator_block(best)
        if block is None:
            return None
        stream, found = block
        quotes, said = [], []
        for n, j in enumerate(found):
            end = j  # with the sentences under it, not the notes in brackets (「（アウトカム指標）」「【重要度高】」)
            for k in range(j + 1, min(found[n + 1] if n + 1 < len(found) else len(stream.sentences), j + 3)):
                text = _sentence(stream, k)
                if _rationale_heading(text):
                    break
                if not _BRACKETED.fullmatch(squeeze(text)):
                    end = k
            quote = self._list_quote(best, stream, j, end)
            quotes.append(quote)
            label, _, rest = squeeze(_sentence(stream, j)).partition("：")
            targets = [v.text for v in values_in(quote.text) if is_target(v, quote.text)]
            said.append(f"{label}：{'、'.join(targets) if targets else _short_item(rest or label, 30)}")
        return Draft(_cap("／".join(said), self.settings.direct_max_chars * 2), quotes, confidence=confidence)

    def _under_title(self, chunk: Chunk, title: int) -> list[int]:
        """The bullets under the bracketed title ``title`` (see :func:`_group_end`)."""
        end = _group_end(chunk, title)
        return [j for j in items_after(chunk, title, self.settings.max_list_items) if j < end]

    def _group_titles(self, chunk: Chunk, start: int) -> list[int]:
        """The bracketed titles of the groups under lead-in ``start``, when the sentence right after it is one:
        each title and what is written under it, up to a sentence marked as the lead-in is (its next sibling)
        or another of the document's section titles. At most ``max_list_items``."""
        lead = _marker_kind(_sentence(chunk, start))
        titles: list[int] = []
        for j in range(start + 1, len(chunk.sentences)):
            text = squeeze(_sentence(chunk, j))
            if _GROUP_TITLE.match(text):
                titles.append(j)
                if len(titles) == self.settings.max_list_items:
                    break
            elif not titles or (lead is not None and _marker_kind(text) == lead) \
                    or self._titles_a_section(chunk.source, text):
                break
        return titles

    def _asked_note(self, ordered: list[Candidate], analysis: QuestionAnalysis) -> Candidate | None:
        """The labelled note that says the asked thing: under the best sentence, which only names what it is of
        (「エ．…外国企業の意見取り纏めと公表を行う。」 then 「（関連指標：…との連携活動件数）」) — or, when no figure is
        asked, the note labelled with it under a sentence about as close as the best."""
        note = self._focus_note(ordered[0], analysis.focus)
        if note is not None or analysis.wants_value:
            return note
        return next((n for c in self._close(ordered, after_best=True)
                     if (n := self._focus_note(c, analysis.focus, labelled=True)) is not None), None)

    def _focus_note(self, c: Candidate, focus: str, reach: int = 3, labelled: bool = False) -> Candidate | None:
        """The labelled note in brackets that closes ``c``'s item (「エ．…を行う。さらに…繋げること。」 then
        「（関連指標：…）」), read on into the next chunk, within ``reach`` sentences and before the next item or
        heading, when it names ``focus`` (``labelled``: in its label) and ``c`` does not; else None."""
        asked = compact(focus)
        if asked in compact(c.text):
            return None
        chunk = c.chunk
        if c.sentence + reach >= len(chunk.sentences):  # (read on only when the item may run past the chunk)
            chunk = self._stream(chunk, len(chunk.sentences) + reach)
        for j in range(c.sentence + 1, min(c.sentence + 1 + reach, len(chunk.sentences))):
            text = _sentence(chunk, j)
            if note := _LABELLED_NOTE.match(text):
                said = compact(note.group(0) if labelled else text)
                return _sentence_candidate(c, chunk, j) if asked in said else None
            if _is_item(chunk, j) or _is_heading(chunk, j):
                return None
        return None

    def _numbered_titles(self, chunk: Chunk, start: int) -> list[int]:
        """The headings numbered ①, ②, … in order after heading ``start`` — each a section title of the document,
        with sentences of its own under it — up to the next title that is not the next number; [] unless the
        first of them is ① and follows within ``reach`` sentences. At most ``max_list_items``."""
        titles: list[int] = []
        for j in range(start + 1, len(chunk.sentences)):
            text = squeeze(_sentence(chunk, j))
            titled = self._titles_a_section(chunk.source, text)
            if titled and text[:1] == chr(ord("①") + len(titles)):
                if titles and titles[-1] == j - 1:
                    return []  # nothing under the one before: a list of titles, not parts each with their own
                titles.append(j)
                if len(titles) == self.settings.max_list_items:
                    break
            elif titled or (not titles and j - start > self.settings.reach):
                break
        return titles if titles and titles[-1] < len(chunk.sentences) - 1 else []

    def _numbered_set(self, analysis: QuestionAnalysis, best: Candidate, confidence: float) -> Draft | None:
        """「エコシステムを強化する6つの柱って何？」 where the best sentence (or one of a few after it) announces the
        set (「以下の6つの柱を重点として取り組む。」) and its members follow as numbered headings or items (「①
        スタートアップ・ファースト」 … 「⑥ …」), each with paragraphs of its own between them, through the chunks
        that follow: the members are those numbered 1 to N in order. None when they do not all follow."""
        number, noun = analysis.counted_set
        n = int(unicodedata.normalize("NFKC", number)) if number.isdigit() else 0
        if not 2 <= n <= self.settings.max_list_items:
            return None
        chunk = self._read_on(best.chunk)
        start = best.sentence
        if not (_set_named(best.text, number, noun) and _LEAD_IN.search(best.text)):
            # A heading or a result naming the set, then — a few sentences on (「（実績の詳細）」 between) — the
            # sentence announcing it (「以下の 3 分野（5 プロジェクト）で取組を開始。」).
            lead = next((j for j in range(start + 1, min(start + 1 + _LEAD_IN_REACH, len(chunk.sentences)))
                         if _set_named(text := _sentence(chunk, j), number, noun) and _LEAD_IN.search(text)), None)
            if lead is None:
                return self._numbered_around(best, n, confidence)
            start = lead
        found = _numbered_after(chunk, start, n)
        if len(found) < n:
            return None
        return self._numbered_members(best, chunk, start, found, confidence)

    def _numbered_members(self, best: Candidate, chunk: Chunk, lead: int | None, found: list[int],
                          confidence: float) -> Draft:
        """The members of a numbered set (sentences ``found`` of ``chunk``), quoted after the sentence that
        announces them (``lead``), if one does."""
        items = [strip_marker(squeeze(_sentence(chunk, j))) for j in found]
        quotes = [self._list_quote(best, chunk, j, j) for j in ([] if lead is None else [lead]) + found]
        return Draft(_cap("、".join(items), self.settings.direct_max_chars * 2), quotes, confidence=confidence)

    def _numbered_around(self, best: Candidate, n: int, confidence: float) -> Draft | None:
        """「女性起業家支援策の4つの柱は？」 where nothing announces the set: the best sentence is under one of the
        parts numbered ① to ④ (「①ロールモデルの創出」 … 「④金融支援」), each over lines of its own — as many as the
        question counts, and no more — so those are the members (① may be in the chunk before). None otherwise."""
        chunk, at = self._read_from_before(best)
        first = None if at is None else _first_numbered(chunk, range(at, -1, -1))
        if first is None:
            return None
        # (up to the next set's ①: its ⑤ is not this one's)
        again = _first_numbered(chunk, range(first + 1, len(chunk.sentences)))
        found = [j for j in _numbered_after(chunk, first - 1, n + 1) if again is None or j < again]
        if len(found) != n or (again is not None and at >= again) or any(b - a < 2 for a, b in pairwise(found)) \
                or found[-1] >= len(chunk.sentences) - 1 \
                or any(_reads_as_heading(chunk, j) for j in range(found[-1] + 1, at + 1)):
            return None  # (another count, the best past them — a heading between —, or a list of bare titles)
        return self._numbered_members(best, chunk, None, found, confidence)

    def _read_from_before(self, c: Candidate) -> tuple[Chunk, int | None]:
        """``c``'s chunk read on through the chunks that follow (see :meth:`_read_on`), from the chunk before it in
        its document and column (they overlap), and where ``c``'s sentence is in it (None if not found)."""
        stream = self._read_on(c.chunk)
        before = self.searcher.previous_chunk(c.chunk.chunk_id)
        if before is not None and (before.source, before.part) == (c.chunk.source, c.chunk.part) \
                and before.version in (None, c.chunk.version):
            stream = join_chunks([before, stream])
        span, text = c.chunk.sentences[c.sentence], _sentence(c.chunk, c.sentence)
        return stream, next((i for i, s in enumerate(stream.sentences)
                             if s.line_start == span.line_start and _sentence(stream, i) == text), None)

    def _mark_after(self, c: Candidate, grade: str) -> Candidate | None:
        """The sentence marked with ``grade`` that follows ``c``'s paragraph (「【重要度：高】…」 then 「【困難度：高】
        …」), read on past the chunk's end; None when a heading or an indicator comes first."""
        chunk = self._stream(c.chunk, c.sentence + 1 + 2 * _PARAGRAPH)
        for j in range(c.sentence + 1, min(len(chunk.sentences), c.sentence + 1 + 2 * _PARAGRAPH)):
            text = squeeze(_sentence(chunk, j))
            if grade in _grades_marked(text):
                return _sentence_candidate(c, chunk, j)
            if _reads_as_heading(chunk, j) or _indicator_group(text) is not None or _grades_marked(text):
                return None
        return None

    def _block_before(self, c: Candidate) -> str:
        """What comes before ``c`` in its block: the chunk before it (of the same document) and its own chunk up
        to it — where a grade's mark says what it is the grade of (the indicator, the other grade's paragraph)."""
        before = self.searcher.previous_chunk(c.chunk.chunk_id)
        head = before.text if before is not None and before.source == c.chunk.source else ""
        return head + c.chunk.text[:c.chunk.sentences[c.sentence].start]

    def _graded(self, analysis: QuestionAnalysis, best: Candidate, confidence: float) -> Draft | None:
        """「…が重要度高とされている理由は？」 answered by the sentence that marks that grade (「【重要度：高】…」):
        the reason is the paragraph the mark opens, read on up to the next mark, label or heading (at most
        ``_PARAGRAPH`` sentences). None when the best sentence marks no asked grade or is its paragraph alone."""
        grade = _asked_grade(analysis.question)
        if grade is None or grade not in _grades_marked(best.text):
            return None
        chunk = self._stream(best.chunk, best.sentence + 1 + _PARAGRAPH)
        last = best.sentence
        for i in range(best.sentence + 1, min(len(chunk.sentences), best.sentence + _PARAGRAPH)):
            text = squeeze(_sentence(chunk, i))
            if _reads_as_heading(chunk, i) or _BRACKETED.match(text) or _indicator_group(text) is not None:
                break  # the next grade's mark (「【困難度：高】」), an indicator, a heading: another paragraph
            last = i
        if last == best.sentence:
            return None
        quote = self._list_quote(best, chunk, best.sentence, last)
        return Draft(self._direct(analysis, best, self._quote(best, analysis)), [quote], confidence=confidence)

    def _rationale(self, analysis: QuestionAnalysis, best: Candidate, confidence: float) -> Draft | None:
        """「…の根拠は？」 about a target that the best sentence states without its reason: the paragraph under
        the rationale heading that follows it in its section (「［指標水準の考え方］」「＜目標水準の考え方＞」),
        before the next heading — the sentence with the question's figure (or a 「…ため、」) first.

        The heading may come after the section's other targets, so the walk goes on through the following
        chunks while they stay under the target's top-level section. Under the heading, paragraphs labelled
        with indicators (「【指標３－１】【指標３－２】」) belong to those indicators: one labelled without
        the target's own label is another target's rationale. None when no rationale heading follows
        within the section, or when the paragraph shares neither a figure nor most of its words with the
        question (another target's rationale)."""
        label = indicator_labels(best.text[:24])
        under, mine = False, True
        chunk = self._stream(best.chunk, best.sentence + 1 + self.settings.reach, in_section=True)
        found: list[int] = []
        for i in range(best.sentence + 1, len(chunk.sentences)):
            text = squeeze(_sentence(chunk, i))
            if _is_heading(chunk, i) or _BRACKETED.fullmatch(text):
                labels = indicator_labels(text)
                if found:
                    break  # the next heading or the next indicator's paragraph ends this one
                if _RATIONALE.search(text):
                    under, mine = True, True
                elif under and labels:
                    mine = not label or bool(label & labels)  # a paragraph of these indicators
                else:
                    under = False  # another heading: what follows is not a rationale
            elif under and mine:
                found.append(i)
                if len(found) >= _PARAGRAPH:
                    break
        if not found:
            return None
        quote = self._list_quote(best, chunk, found[0], found[-1])
        lines = [_sentence(chunk, i) for i in found]
        # 「2000」 (as 「2,000」 too), not the 5 of 「第5期」
        numbers = re.findall(r"[0-9][0-9.]+", compact(analysis.question).replace(",", ""))
        said = [compact(t).replace(",", "") for t in lines]
        # It must be this target's rationale: labelled with its indicator, or it repeats a figure of the
        # question, or most of what it names.
        named = self._terms(" ".join([*analysis.qualifiers, analysis.focus]))
        if not (label and mine) and not any(n in t for n in numbers for t in said) \
                and self.coverage(named, set(self._tok("".join(lines)))) < 0.5:
            return None
        direct = next((t for t, c in zip(lines, said, strict=True) if any(n in c for n in numbers)), None) \
            or next((t for t in lines if _GIVES_REASON.search(t)), lines[0])
        return Draft(_cap(direct, self.settings.direct_max_chars * 2), [quote], confidence=confidence)

    def _inline_list(self, analysis: QuestionAnalysis, best: Candidate, confidence: float,
                     inline: list[str] | None = None) -> Draft:
        """The items of an enumeration inside the best sentence (``inline`` when already read), quoted whole (up
        to twice the usual length)."""
        inline = inline or _inline_items(best.text)
        limit = self.settings.quote_max_chars * 2
        quote = Quote(best, trim(best.text, 0, min(len(best.text), limit), limit), _version_label(best.chunk))
        direct = "、".join(inline) if len(inline) >= 2 else self._direct(analysis, best, quote)
        # The sentence after it, read on into the next chunk when it is the chunk's last.
        stream = self._stream(best.chunk, best.sentence + 2)
        nxt = best.sentence + 1
        if len(inline) < 2 and nxt < len(stream.sentences) and not _is_heading(stream, nxt):
            # 「…海外派遣演習は、オンライン形式で開催。」「今年度は、イギリス派遣演習、…を実施。」: a sentence that
            # names the asked thing without its items — they may follow it, so it is quoted with what follows.
            quote = self._list_quote(best, stream, best.sentence, nxt)
        return Draft(_cap(direct, self.settings.direct_max_chars * 2), [quote], confidence=confidence)

    def _stream(self, chunk: Chunk, size: int, in_section: bool = False) -> Chunk:
        """``chunk`` read on through the chunks that follow it in its document, as one chunk of up to
        ``size`` sentences (see :func:`join_chunks`), in its version of a 新旧対照表 (or in text shared by both
        columns; the other column is skipped). ``in_section``: only while they stay under its top-level
        section — the top level only, as bracketed headings (「［重要度高・困難度高］」「［指標水準の考え方］」)
        are siblings that the structure reader may nest."""
        chunks, total, version = [chunk], len(chunk.sentences), chunk.version
        top = tuple(chunk.section[:1]) if in_section else ()
        nxt = self.searcher.next_chunk(chunk.chunk_id)
        while nxt is not None and total < size and (nxt.source, nxt.part) == (chunk.source, chunk.part):
            version = version or nxt.version  # from shared text on into the first column met
            if nxt.version in (None, version):
                if tuple(nxt.section[:len(top)]) != top:
                    break
                chunks.append(nxt)
                total += len(nxt.sentences)
            nxt = self.searcher.next_chunk(nxt.chunk_id)
        return join_chunks(chunks)

    def _versions(self, analysis: QuestionAnalysis, best: Candidate, confidence: float) -> Draft | None:
        """A 新旧対照表 answer: the asked (or amended) version first, the other when it differs."""
        twin = self._twin(best, analysis)
        if twin is None or compact(twin.text) == compact(best.text):
            return None
        pair = sorted([best, twin], key=lambda c: 0 if c.chunk.version == "変更案" else 1)
        amended, current = pair
        quotes = [self._quote(c, analysis) for c in pair]
        if analysis.constraints.version == "現行":
            quotes.reverse()
        new_v = amended.value.text if amended.value else None
        old_v = current.value.text if current.value else None
        if new_v and old_v and compact(new_v) != compact(old_v):
            if analysis.answer_type == "change":
                direct = f"{old_v} → {new_v}（現行 → 変更案{_revision_of(amended.chunk)}）"
            elif analysis.constraints.version == "現行":
                direct = f"{old_v}（現行。変更案では{new_v}）"
            else:
                direct = f"{new_v}（変更案{_revision_of(amended.chunk)}。現行は{old_v}）"
        elif analysis.answer_type == "change" and (words := changed_words(current.text, amended.text)):
            direct = self._changed(words, amended.chunk)
        else:
            head = amended if analysis.constraints.version != "現行" else current
            direct = self._direct(analysis, head, quotes[0])
        return Draft(direct, quotes, confidence=confidence)

    def _changed(self, words: list[tuple[str, str]], amended: Chunk) -> str:
        """「「デジタル社会実装基盤全国総合整備計画(仮称)」→「デジタルライフライン全国総合整備計画」（現行 → 変更案）」:
        the first word replaced (else the first added or deleted stretch, said so)."""
        old, new = next(((o, n) for o, n in words if o and n), words[0])
        limit = self.settings.direct_max_chars
        said = (f"「{_cap(old, limit)}」→「{_cap(new, limit)}」" if old and new
                else f"追加：「{_cap(new, limit)}」" if new else f"削除：「{_cap(old, limit)}」")
        return f"{said}（現行 → 変更案{_revision_of(amended)}）"

    def _twin(self, c: Candidate, analysis: QuestionAnalysis) -> Candidate | None:
        """The sentence of the other column of ``c``'s 新旧対照表 that corresponds to it, if any."""
        twins = [t for other in self._other_version(c.chunk) if (t := self._closest(c, other, analysis))]
        return max(twins, key=lambda t: t.score) if twins else None

    def _closest(self, c: Candidate, other: Chunk, analysis: QuestionAnalysis) -> Candidate | None:
        """The sentence of the other version that corresponds to ``c`` (a heading never does)."""
        target = set(self._tok(c.text))
        kind = _value_type(analysis) if analysis.wants_value else analysis.answer_type
        read_value = _value_reader(analysis, kind)
        # A sentence without a figure that states no indicator has no indicator as its counterpart: 「指標２－２：…」
        # is another row of the table than the paragraph under it that shares a few of its words. (A target's
        # figure finds its counterpart by the figure, labelled or not: 「ア．…57,902件以上」 became 「指標３－１：…」.)
        unlabelled = c.value is None and _indicator_group(c.text) is None
        best, best_score = None, 0.0
        for i, span in enumerate(other.sentences):
            s = other.text[span.start:span.end]
            if _reads_as_heading(other, i) and not (c.value and values_in(s)):
                continue
            tokens = set(self._tok(s))
            if unlabelled and _indicator_group(s) is not None:
                continue
            overlap = len(tokens & target) / max(len(tokens | target), 1)
            value = read_value(s, _positions(s, analysis.focus)) if c.value else None
            if c.value and not value:
                continue
            # A figure in the same unit (社 for 社) is the same row's figure, not its neighbour's.
            score = overlap + (0.5 if value else 0.0) + (0.5 if value and c.value and unit_of(value) == unit_of(
                c.value) else 0.0)
            if score > best_score:
                best_score = score
                best = Candidate(Passage(c.passage.rank, c.passage.score, other), i, s, span.line_start,
                                 span.line_end, value=value, score=score)
        return best

    def _other_version(self, chunk: Chunk) -> list[Chunk]:
        """The chunks of the other column of ``chunk``'s changed passage (変更案 <-> 現行)."""
        if not chunk.version:
            return []
        table = self.searcher.chunks
        group = table.take(table.rows_equal("group", chunk.group)) if chunk.group else []
        out = [c for c in group if c.version and c.version != chunk.version]
        counterpart = self.searcher.chunk(chunk.counterpart) if chunk.counterpart else None
        if counterpart is not None and counterpart not in out:
            out.append(counterpart)
        return out

    def _cross(self, analysis: QuestionAnalysis, ordered: list[Candidate], confidence: float,
               parts: list[DocumentPart]) -> Draft:
        """One answer per named organization or document, each cited from its own document.

        The documents a question names (by organization, fiscal year, kind or a quoted
        word of the title) are each searched on their own, so each contributes its best
        sentence even when the other fills the shared top k.
        """
        picked: list[tuple[str, Candidate]] = []
        documents = parts or [DocumentPart(titles, analysis.constraints.version)
                              for titles in self._mentioned_documents(analysis)]
        for part in documents:
            if part.status and (_value_type(analysis) or analysis.parts_ask_figures):
                # 「令和2年度の実績と…」: a figure of the kind the part asks (a result, a target), looked for
                # further down the document (a result is often stated after the sentences on its target).
                cands = self._part_candidates(analysis, part, self.settings.status_k)
                cands = [f for c in cands if (f := _with_status(c, part.status, analysis.question))] or cands
            else:
                cands = self._part_candidates(analysis, part, self.settings.per_document_k)
            if cands:
                picked.append((_short_title(cands[0].chunk), cands[0]))  # the document quoted, as it is
        if len(picked) < 2:
            # No two named documents: the best sentence of the two best documents — of the organization the
            # question names, when it names one (「JETROの中期目標で…2025年と2030年でそれぞれ」: within JETRO's), and
            # of the one document of it named, when one is (「IPAの令和6年度計画で…一般管理費と業務経費それぞれ」;
            # a year alone names no document: 「2030年の目標と2020年時点の額」). The question's own ranking
            # decides within it; its search of that document alone stands when that finds nothing.
            named = set(documents[0].titles) if len(documents) == 1 and analysis.constraints.organizations else set()
            kept, picked = (picked if named else []), []
            for c in ordered:
                if (analysis.wants_value and c.value is None) or not _of_named_organization(c, analysis) \
                        or (named and c.chunk.title not in named):
                    continue
                if all(x.chunk.title != c.chunk.title for _, x in picked) \
                        and c.score >= self.settings.cross_share * ordered[0].score:
                    picked.append((_short_title(c.chunk), c))
                if len(picked) >= 2:
                    break
            picked = picked or kept
        if not picked or ordered[0].focus < self.settings.scoring.focus_threshold \
                or confidence < self.settings.abstain_threshold:
            return Draft(abstention_text(), abstained=True, confidence=confidence)
        picked = [(name, _with_lead(c) if c.value is None else c) for name, c in picked]
        quotes = [self._quote(c, analysis, f"{name}：") for name, c in picked]
        # Each part is named by its document and revision: the figure need not repeat 「（令和7年最新改定）」.
        said = [_drop_suffix(self._direct(analysis, c, q), f"（{c.chunk.revision}）")
                for (_, c), q in zip(picked, quotes)]
        if names_both_columns(analysis.question):
            # 「…の現行と変更案、…の変更案で、それぞれ何件」: each table's figure from its 現行 to its 変更案, its other
            # column quoted after its own quote (once).
            for n, (name, c) in enumerate(picked):
                twin = self._twin(c, analysis) if c.value is not None and c.chunk.version else None
                if twin is not None and (change := self._figure_change(c, analysis, twin)):
                    said[n] = f"{change}（現行 → 変更案）"
                    if not _quoted(quotes, twin):
                        quotes.insert(quotes.index(next(q for q in quotes if q.candidate is c)) + 1,
                                      self._quote(twin, analysis, f"{name}："))
        direct = "／".join(f"{name}：{x}" for (name, _), x in zip(picked, said))
        return Draft(direct, quotes, confidence=confidence)

    def _part_candidates(self, analysis: QuestionAnalysis, part: DocumentPart, k: int) -> list[Candidate]:
        """The best sentences of the ``k`` passages of ``part``'s document that answer ``analysis`` best, best
        first: of its asked version, and stating a figure when one is asked — looked for in ``status_k``
        passages when none of the ``k`` states one (the whole question, naming the other document too,
        reaches a document's figure less directly than a question of that document alone)."""
        figure_asked = bool(_value_type(analysis) or analysis.parts_ask_figures)
        for reach in dict.fromkeys((k, max(k, self.settings.status_k))):  # the second only when a figure is asked
            passages = self.searcher.search(analysis.question, k=reach, filters=Filters(titles=part.titles))
            cands = sorted(self.candidates(analysis, [Ranked(p, p.score) for p in passages]), key=lambda c: -c.score)
            if part.version:  # 「…の変更案で」: that column of a 新旧対照表
                cands = [c for c in cands if c.chunk.version in (None, "", part.version)] or cands
            cands = self._saying_names(analysis, cands)  # (a name the question asks of, in this document too)
            if not figure_asked:
                return cands
            # A figure asked (「…の実績と…の目標を比べると」): each document's best sentence stating one.
            stating = [c for c in self._close(cands) if c.value or any(v.kind != "date" for v in values_in(c.text))]
            if stating:
                return stating
        return cands

    def _mentioned_documents(self, analysis: QuestionAnalysis) -> list[list[str]]:
        """The documents a question names, each as its titles: by organization when it names two or more, else
        by fiscal year, kind or a quoted title word (「新機軸」)."""
        c = analysis.constraints
        if len(c.organizations) >= 2:
            # Each organization's documents — those of them the question names besides (「IPAの令和6年度計画では」),
            # when it does.
            out = []
            for org in c.organizations:
                heads = [ch for ch in self._heads().values() if ch.organization and org in ch.organization]
                scores = [self._named(ch, analysis.question, c) for ch in heads]
                best = max(scores, default=0)
                out.append([ch.title for ch, score in zip(heads, scores) if score == best])
            return out
        # Revisions of one document (same organization and kind) count as one document. When the question names
        # one organization, another's document is named only by its year or title (「JETROの中期目標と「新機軸」で」),
        # not by a kind they share; beside one it names strongly (「IPAの令和6年度計画で」), another of its
        # documents is not named by the organization alone.
        # (A family's documents share its organization: what names them besides it is the score less its point.)
        one = len(c.organizations) == 1
        families = []
        for heads in self._document_families().values():
            score = max(self._named(ch, analysis.question, c) for ch in heads)
            owned = c.names_organization(heads[0].organization)
            if one and heads[0].organization and not owned and score < 2:
                continue
            families.append((score, score - owned, [ch.title for ch in heads]))
        ranked = sorted(families, key=lambda f: -f[0])
        strong = [f for f in ranked if f[0] >= 2]
        weak = [f for f in ranked if f[0] == 1 and not (one and strong and f[1] == 0)]
        chosen = strong[:3] if len(strong) >= 2 else (strong + weak)[:2]
        return [titles for _, _, titles in chosen]

    def _within_one_document(self, analysis: QuestionAnalysis) -> QuestionAnalysis:
        """「IPAの令和2年度評価によると、…は令和元年度末時点で何回」: of two fiscal years, one dates a document of the
        asked organization and the others none — the question is asked of that document, about the other years
        (a passage that never says them does not answer), not of two documents to compare."""
        c = analysis.constraints
        if not analysis.cross or len(c.organizations) > 1 or len(set(c.fiscal_years)) < 2 \
                or compares(analysis.question):
            return analysis
        dated = {ch.fiscal_year for ch in self._heads().values()
                 if ch.fiscal_year and (not c.organizations or c.names_organization(ch.organization))}
        q = normalize_question(analysis.question)
        mentions = year_mentions(q)
        # The document's year is written as the document (「令和2年度評価」「令和6年度の年度計画」); a year the asked
        # thing started in (「令和5年度から進めている調査」) names the thing, not a time asked.
        as_document = {year for year, end in mentions if year in dated and _AS_DOCUMENT.match(q, end)}
        since = {year for year, end in mentions if _SINCE.match(q, end)}
        others = tuple(y for y in c.fiscal_years if y not in dated and y not in since)
        if len(as_document) != 1 or len(set(c.fiscal_years) & dated) != 1 or not others:
            return analysis
        return replace(analysis, cross=False, constraints=replace(c, fiscal_years=others))

    def _rows_of(self, source: str) -> list[tuple[Chunk, int]]:
        """Every sentence of the report ``source`` that is a table row (:func:`row_cells`), as (chunk, sentence
        index); read once per source."""
        if source not in self._report_rows:
            table = self.searcher.chunks
            chunks = table.take(np.flatnonzero(table.where("source", lambda v: v == source)))
            self._report_rows[source] = [(ch, i) for ch in chunks if _is_report(ch) for i, s in enumerate(ch.sentences)
                                         if row_cells(ch.text[s.start:s.end])]
        return self._report_rows[source]

    def _year_row_elsewhere(self, analysis: QuestionAnalysis, best: Candidate, years: tuple[int, ...]
                            ) -> Candidate | None:
        """:func:`_year_row` over every table row of the best sentence's report, retrieved or not: a report's table
        of results (「実績値 25 件 15 件 26 件」) heads its section, hundreds of lines above the sentence that states
        the year's figure (「…を総合的に捉え、26 件（目標値比 260%）を達成」), and shares few of its words. The one
        row whose report-year cell is the figure the best sentence answers with (else one it states) — the same
        number in the same unit — is the measure's row (of 「実績値 25 件 15 件 26 件」 and 「達成度 250% 150% 260%」,
        the second when the sentence answers 「260%」); None when no row, or more than one, gives a figure of the
        asked kind — nor when the sentence states another figure of the row's kind (a breakdown: the row may be
        of its total, not of the part asked)."""
        if not _is_report(best.chunk):
            return None
        # report-year figure -> the rows ending in it, by their text (a row is read once, whichever chunks hold it)
        rows: dict[str, dict[str, tuple[Chunk, int, Value]]] = {}
        for ch, i in self._rows_of(best.chunk.source):
            span = ch.sentences[i]
            text = ch.text[span.start:span.end]
            cell = _year_cell(text, years, ch, analysis.focus)
            if cell is not None and cell[1][-1] is not None:
                rows.setdefault(_figure_key(cell[1][-1].text), {}).setdefault(compact(text), (ch, i, cell[0]))
        # The figure it answers with, else the first it states that ends a row (「…について 82,297 件（目標値比
        # 165%）」: the count's row, not the ratio's).
        stated = values_in(best.text)
        for v in [best.value] if best.value else stated:
            if found := rows.get(_figure_key(v.text)):
                break
        else:
            return None
        if sum(s.kind == v.kind for s in stated) > 1:
            return None  # (「ベンダ企業では 79.6%、ユーザ企業では 44.6%、全体で 62.1%」: which is the row's?)
        # Of those, the rows whose cell is a figure of the asked kind, when a figure is asked; the cell is the
        # answer's figure either way (「その前の年度は？」 after a sentence of the total: the row's cell).
        read = [replace(c, value=c.value or value) for ch, i, value in found.values()
                for c in self.candidates(analysis, [Ranked(Passage(best.passage.rank, best.passage.score, ch),
                                                           best.passage.score)])
                if c.sentence == i and (c.value is not None or not analysis.wants_value)]
        return _as_measure_of(read[0], best) if len(read) == 1 else None

    def _heads(self) -> dict[str, Chunk]:
        """Title -> the first chunk of each document (a document's metadata is the same in every chunk)."""
        if self._documents is None:
            table = self.searcher.chunks
            self._documents = {c.title: c for c in table.take(table.first_rows("title"))}
        return self._documents

    def covering(self) -> dict[str, frozenset[str]]:
        """Source file -> the organizations of its documents (a file may hold one document per organization);
        read once, as the documents are."""
        if self._covering is None:
            out: dict[str, set[str]] = {}
            for ch in self._heads().values():
                out.setdefault(ch.source, set()).add(ch.organization or "")
            self._covering = {source: frozenset(orgs) for source, orgs in out.items()}
        return self._covering

    def _document_families(self) -> dict[tuple, list[Chunk]]:
        """(organization, kind, fiscal year) -> the first chunk of each of its documents: the revisions of one
        document, in the table's order."""
        families: dict[tuple, list[Chunk]] = {}
        for ch in self._heads().values():
            families.setdefault((ch.organization, ch.kind, ch.fiscal_year), []).append(ch)
        return families

    @staticmethod
    def _named(ch: Chunk, text: str, c: Constraints) -> int:
        """How strongly ``text`` (a question or a part of one, with its constraints ``c``) names the
        document ``ch`` heads: its fiscal year or a quoted word of its title 2, its kind or organization 1."""
        score = 0
        if ch.fiscal_year and ch.fiscal_year in c.fiscal_years:
            score += 2
        if any(w and w in text for w in re.findall(r"「([^」]{2,12})」", ch.title)):
            score += 2
        if ch.kind and _KIND_WORD.get(ch.kind, ch.kind) in text:
            score += 1
        if c.names_organization(ch.organization):
            score += 1
        return score

    def _part_documents(self, analysis: QuestionAnalysis, ordered: list[Candidate]
                        ) -> list[DocumentPart]:
        """The documents the parts of a comparison name, one per part (「IPAの令和2年度の実績と、新機軸での施策」
        -> the 2020 evaluation, the policy paper), with what each part asks of it; [] unless two
        parts name two different documents — or two revisions of one (「JETROの変更案（令和5年度補正）と
        経産省の対照表（令和7年）」, 「…と最新の変更案」).

        A part is given the document that it names most strongly; among equals, the one whose passage was
        retrieved first. A named revision keeps only that revision's titles (「最新」: the latest one); a
        part naming the same document without a revision gets its other revisions."""
        families = self._document_families()
        first_seen: dict[str, int] = {}
        for i, cand in enumerate(ordered):
            first_seen.setdefault(cand.chunk.title, i)
        picked: list[tuple[tuple, list[Chunk], tuple[str | None, str | None]]] = []
        # A version said once (「JETROの変更案（令和5年度補正）と経産省の対照表とで数字が違う？」) is asked of every
        # part that names none, unless a part names the other one.
        said = {c.version for _, c in analysis.parts if c.version}
        shared = next(iter(said)) if len(said) == 1 else None
        covering = self.covering()
        for text, c in analysis.parts:
            options = []
            for key, heads in families.items():
                score = max(self._named(ch, text, c) for ch in heads)
                chosen = heads
                if held := [ch for ch in heads if c.names_cover(covering[ch.source])]:
                    # 「経産省のNEDO・JETRO・IPA新旧対照表」「3法人まとめの対照表」: the document covering them all —
                    # its part about the organization the question is about, when the part names none of its own.
                    chosen, score = held, score + 2 + int(
                        not c.organizations and analysis.constraints.names_organization(heads[0].organization))
                years = sorted({ch.revision_year for ch in chosen if ch.revision_year})
                if c.revision_year and c.revision_year in years:
                    chosen, score = [ch for ch in chosen if ch.revision_year == c.revision_year], score + 2
                elif c.revision and not c.revision_year and len(years) >= 2:  # 「最新」「直近」
                    chosen, score = [ch for ch in chosen if ch.revision_year == years[-1]], score + 2
                owner = c if c.organizations else analysis.constraints
                if owner.organizations and heads[0].organization \
                        and not owner.names_organization(heads[0].organization) \
                        and all(ch.fiscal_year in c.fiscal_years for ch in chosen):
                    # A year in a part of an organization's document (「JETROの…2020年時点の…合計」, or a part naming
                    # none of a question naming one: 「…合計額は2020年時点でいくら」) is a time of its figures, not
                    # another organization's document of that year.
                    score -= 2
                if score > 0:
                    seen = min((first_seen.get(ch.title, len(ordered)) for ch in chosen), default=len(ordered))
                    options.append((-score, seen, key, chosen))
            if options:
                _, _, key, chosen = min(options, key=lambda o: o[:2])
                picked.append((key, chosen, (c.version or shared, part_status(text))))
        out: list[tuple[tuple, list[Chunk], tuple[str | None, str | None]]] = []
        for key, chosen, asked in picked:
            same = [i for i, (k, _, _) in enumerate(out) if k == key]
            if not same:
                out.append((key, chosen, asked))
                continue
            i = same[0]
            _, earlier, earlier_asked = out[i]
            if {ch.title for ch in chosen} == {ch.title for ch in earlier}:
                continue  # the same document named twice
            if len(chosen) < len(earlier):  # this part names a revision: the earlier part keeps the rest
                out[i] = (key, [ch for ch in earlier if ch not in chosen] or earlier, earlier_asked)
            else:
                chosen = [ch for ch in chosen if ch not in earlier] or chosen
            out.append((key, chosen, asked))
        if len(out) < 2:
            return []
        return [DocumentPart([ch.title for ch in heads], *asked) for _, heads, asked in out]

    def _note_revision(self, draft: Draft, best: Candidate, ordered: list[Candidate],
                       analysis: QuestionAnalysis) -> None:
        """Say that another revision of the same document gives a different figure, and quote it."""
        if best.value is None or best.chunk.revision_year is None:
            return
        # A change of a figure is looked for as that figure: its measure named, its heading line allowed.
        probe = replace(analysis, answer_type=best.value.kind) if analysis.answer_type == "change" \
            and best.value.kind in ("count", "amount", "percentage", "date") else analysis
        for title in self._other_revisions(best.chunk):
            passages = self.searcher.search(analysis.question, k=self.settings.revision_k,
                                            filters=Filters(titles=[title]))
            others = [c for c in self.candidates(probe, [Ranked(p, p.score) for p in passages])
                      if c.value and c.focus_own >= best.focus_own
                      and (not probe.asks_measure or self._carries_measure(c))
                      and not self._other_modifier(c, analysis)]
            if not others:
                continue
            # The same column of that revision's table (its 変更案 against this one's 変更案), else the closest
            # sentence — the first of the two that gives another figure.
            choices = (max(others, key=lambda c: (c.chunk.version == best.chunk.version, c.score)),
                       max(others, key=lambda c: c.score))
            other = next((c for c in choices if compact(c.value.text) != compact(best.value.text)), None)
            if other is None:
                continue
            said = other.value.text
            if analysis.answer_type == "change" and (change := self._figure_change(other, analysis)):
                said = change  # 「370件以上 → 376件以上」: that revision's own change
            draft.notes.append(f"{other.chunk.revision or other.chunk.title}の版では{said}")
            draft.quotes.append(self._quote(other, analysis, f"{other.chunk.revision or ''}："))
            return

    def _figure_change(self, c: Candidate, analysis: QuestionAnalysis, twin: Candidate | None = None) -> str | None:
        """「現行の値 → 変更案の値」 for a 新旧対照表 sentence with a figure and its twin in the other column
        (found when not given)."""
        twin = twin or self._twin(c, analysis)
        if twin is None or twin.value is None or compact(twin.value.text) == compact(c.value.text):
            return None
        current, amended = sorted([c, twin], key=lambda x: 0 if x.chunk.version == "現行" else 1)
        return f"{current.value.text} → {amended.value.text}"

    def _other_revisions(self, chunk: Chunk) -> list[str]:
        """Titles of the other revisions of ``chunk``'s document (same organization and kind)."""
        if self._families is None:
            table = self.searcher.chunks
            families: dict[tuple, dict[str, int | None]] = {}
            for c in table.take(table.first_rows("title")):  # a document's metadata is the same in every chunk
                families.setdefault((c.organization, c.kind), {})[c.title] = c.revision_year
            self._families = families
        titles = self._families.get((chunk.organization, chunk.kind), {})
        return [t for t, year in titles.items() if t != chunk.title and year != chunk.revision_year]


# A measure glossed in brackets by the name it is also known by: 「月平均の実績数（アクセス数）」 is the 月平均 of
# the アクセス数 (the same head word, 数・額・率, closes both).
_GLOSS = re.compile(r"[一-龥ァ-ヶー]{1,8}?([数額率])[（(]([^（）()\n]{1,14}?\1)[）)]")


# A name qualified in brackets after it (「バイオ関連投資（国内）」「バイオ関連市場（グローバル）」): a 国内 投資, a
# グローバル 市場 (two to six kanji or katakana: not 「（略）」 or a note in kana; a bracket that is no qualifier,
# 「（再掲）」, only adds a reading).
_QUALIFIED = re.compile(r"(?P<name>[一-龥ァ-ヶー]{2,12})[（(](?P<qualifier>[一-龥ァ-ヶー]{2,6})[）)]")


def _gloss_read(text: str) -> str:
    """``text`` with each glossed measure read by its gloss (「月平均の実績数（アクセス数）」 -> 「月平均の
    アクセス数」)."""
    return _GLOSS.sub(lambda m: m.group(2), text)


def phrase_coverage(terms: Sequence[str], tokens: Sequence[str], weight: Callable[[str], float], gap: int = 1) -> float:
    """Weighted share of the longest run of consecutive ``terms`` found in order in ``tokens``, at most
    ``gap`` tokens apart: 「合格率」 is carried by 「合格率」 or 「合格の率」, not by 「合格者…登録率」, so a
    measure's name is not assembled from words of neighbouring sentences."""
    total = sum(weight(t) for t in terms)
    # 「延べ受講者数」 is named by 「受講者数：延べ 1,761 名」: a tally word goes with the figure, anywhere.
    tallied = sum(weight(t) for t in terms if t in _TALLY and t in tokens)
    terms = [t for t in terms if t not in _TALLY]
    where: dict[str, list[int]] = {}
    # 「研修等の受講者数」 names 「研修受講者数」: 「等」 (and its の) sit between a name's words.
    # 「女性起業家の割合」 names 「女性起業家比率」: の before a ratio word joins it to what it is the share of.
    tokens = [t for i, t in enumerate(tokens) if t not in _ET_CETERA
              and not (t == "の" and ((i and tokens[i - 1] in _ET_CETERA)
                                      or (i + 1 < len(tokens) and tokens[i + 1] in _RATIO)))]
    for i, t in enumerate(tokens):
        where.setdefault(t, []).append(i)
        if len(t) > 1 and t.endswith(_MEASURE_HEADS):  # 「アクセス件数」 names 「アクセス数」: 件数 is a 数
            where.setdefault(t[-1], []).append(i)
        for other in _same_measure(t):  # 割合 and 比率 name the same measure
            where.setdefault(other, []).append(i)
    best = 0.0
    for first in range(len(terms)):
        for pos in where.get(terms[first], ()):
            covered, at = weight(terms[first]), pos
            for t in terms[first + 1:]:
                nxt = next((j for j in where.get(t, ()) if at < j <= at + 1 + gap), None)
                if nxt is None:
                    break
                covered, at = covered + weight(t), nxt
            best = max(best, covered)
    return (best + tallied) / total if total else 0.0


_ET_CETERA = ("等", "など")
_TALLY = ("延べ", "累計", "合計", "総", "通算")
_RATIO = ("割合", "比率")
# Words that name the same measure: a share (「割合」「比率」); a budget, which a plan writes as the sum
# 「計上」 (「基金に2500億円計上」 is the fund's budget).
_SAME_MEASURES = (_RATIO, ("予算", "計上"))


def _same_measure(word: str) -> tuple[str, ...]:
    """The other words naming the measure ``word`` names (none for most words)."""
    return next((tuple(w for w in group if w != word) for group in _SAME_MEASURES if word in group), ())


_I_ROW, _U_ROW = "いきぎしちにびみり", "うくぐすつぬぶむる"


@functools.lru_cache(maxsize=8192)
def other_form(term: str) -> str | None:
    """The verb of a noun made from its continuative form, or that noun of a verb (狙い <-> 狙う, 取り組み <->
    取り組む): one word either way, as a sentence may say it (「…を狙う「アジアDXプロジェクト」」 for 「どんな
    狙い」). None for a word of no such form (the kana after its last kanji is not one of them)."""
    if len(term) < 2 or not "一" <= term[-2] <= "龥":
        return None
    for row, other in ((_I_ROW, _U_ROW), (_U_ROW, _I_ROW)):
        if (i := row.find(term[-1])) >= 0:
            return term[:-1] + other[i]
    return None


_MEASURE_HEADS = ("数", "額", "率")  # a word ending in one is that kind of measure (件数, 人数; 総額; 比率)
_PART_MARKS = "①②③④⑤⑥⑦⑧⑨"
# A part's answer's own mark (not 〇: 「〇〇大学」).
_OWN_MARK = re.compile(rf"^\s*[①-⑳{re.escape(MAJOR_BULLETS)}➢・○◦•▪]\s*")


def quoted_sentences(draft: Draft) -> frozenset[tuple[str, int]]:
    """The sentence (chunk id, index) a draft answers from: its first quote (the others support it)."""
    return frozenset((q.candidate.chunk.chunk_id, q.candidate.sentence) for q in draft.quotes[:1])


def repeats_a_part(draft: Draft, earlier: Sequence[Draft]) -> bool:
    """Does a part's answer say nothing an earlier part's did not — from the same sentence, in the same words
    or fewer (「①…オンライン形式で開催。／②…オンライン形式で開催。」)?"""
    return not draft.abstained and any(
        quoted_sentences(draft) <= quoted_sentences(d) and compact(draft.direct) in compact(d.direct)
        for d in earlier if not d.abstained and d.quotes)


def merge_parts(drafts: list[Draft]) -> Draft:
    """One answer to a question of several parts: each part's answer in turn (①…／②…, 「資料に記載なし」
    for a part the documents do not answer), their quotes in order, none twice."""
    answered = [d for d in drafts if not d.abstained]
    if not answered:
        return drafts[0]
    # (A part answered by a numbered item is marked once: 「①ＡＩセーフティ…」, not 「①① ＡＩセーフティ…」.)
    direct = "／".join(f"{_PART_MARKS[i % len(_PART_MARKS)]}{ABSTAIN if d.abstained else _OWN_MARK.sub('', d.direct)}"
                      for i, d in enumerate(drafts))
    quotes: list[Quote] = []
    for q in (q for d in answered for q in d.quotes):
        if not _quoted(quotes, q.candidate, q.text):
            quotes.append(q)
    weakest = min(answered, key=lambda d: d.confidence)
    return Draft(direct, quotes, confidence=weakest.confidence, notes=[n for d in answered for n in d.notes],
                 focus=weakest.focus, support=weakest.support,
                 missing=next((d.missing for d in drafts if d.missing), ""))


def _quoted(quotes: list[Quote], c: Candidate, text: str | None = None) -> bool:
    """Is ``c``'s sentence among ``quotes`` already — in the same words, when ``text`` is given (an answer quotes
    each once)?"""
    return any(q.candidate.chunk.chunk_id == c.chunk.chunk_id and q.candidate.sentence == c.sentence
               and (text is None or q.text == text) for q in quotes)


def _span_of(cut: str, text: str) -> tuple[int, int] | None:
    """Where ``cut`` — ``text`` with stretches left out at 「…」 — lies in ``text``; None when it is not such a cut."""
    pieces = [x.strip() for x in cut.split("…") if x.strip()]
    start = at = text.find(pieces[0]) if pieces else -1
    for piece in pieces:
        at = text.find(piece, at)
        if at < 0:
            return None
        at += len(piece)
    return (start, at) if start >= 0 else None


def _redundant(a: Candidate, b: Candidate) -> bool:
    x, y = compact(a.text), compact(b.text)
    return x in y or y in x


# A name with its edition's year (「情報セキュリティ白書2024」「シンポジウム2020」): the year is part of the name.
_EDITION = re.compile(r"[一-龥ァ-ヶーA-Za-z]{2,}\s*(?:19|20)[0-9]{2}(?![0-9年度])")


def _other_edition(c: Candidate, question: str) -> str | None:
    """A named edition the question asks about (「情報セキュリティ白書2024」) that the answer's passage, with its
    headings, does not name — it is about another edition (「白書 2020」) — or a numbered edition, round or item
    of a series (「OS①」) it names another of and not it; None when it names it."""
    passage = _passage_text(c.chunk)
    named = next((m.group(0) for m in _EDITION.finditer(unicodedata.normalize("NFKC", question))
                  if compact(m.group(0)) not in passage), None)
    if named is None:
        # 「手引書の第二版は」 of a passage on 「手引書（第一版）」: a numbered edition (or round, 「第六弾」) the
        # passage does not name while it names another of that kind.
        said = {(numeral(m.group(1)), m.group(2)) for m in _NUMBERED_EDITION.finditer(passage)}
        named = next((m.group(0) for m in _NUMBERED_EDITION.finditer(compact(question))
                      if (numeral(m.group(1)), m.group(2)) not in said
                      and any(kind == m.group(2) for _, kind in said)), None)
    return named or _other_series_item(passage, question)


_NUMBERED_EDITION = re.compile(r"第([0-9]{1,2}|[一二三四五六七八九十]{1,3})(版|弾)")
# A numbered item of a series, as a question writes it (「OS①」「ミッション⑤」).
_SERIES_ITEM = re.compile(r"([A-Za-zＡ-Ｚａ-ｚ]{1,4}|[ァ-ヶー]{2,8})([①-⑳])")


def _asks_edition(question: str) -> bool:
    """Does the question name an edition (「白書2024」), a numbered edition or round (「第二版」) or a numbered
    item of a series (「OS①」)?"""
    return bool(_EDITION.search(unicodedata.normalize("NFKC", question)) or _SERIES_ITEM.search(question)
                or _NUMBERED_EDITION.search(compact(question)))


def _other_series_item(passage: str, question: str) -> str | None:
    """The item of a series the question asks about (「OS①」) when the passage (NFKC, whitespace-free, with its
    headings) names other items of that series (「OS2：スタートアップ…」) and not it; None otherwise."""
    for m in _SERIES_ITEM.finditer(question):
        series, number = (unicodedata.normalize("NFKC", g) for g in m.groups())
        said = {x.group(1) for x in re.finditer(re.escape(series) + r"([0-9]{1,2})(?![0-9])", passage)}
        if said and number not in said:
            return m.group(0)
    return None


# A sub-numbered item (「②-2」「3-2」「（２）－３」): its main number and its own.
_SUB_NUMBERED = re.compile(r"^(?P<main>[①-⑳]|[（(]?[0-9０-９]{1,2}[）)]?)\s*[-－‐―]\s*"
                           r"(?P<sub>[0-9０-９]{1,2})(?![0-9０-９])")
# Chunks read back for the first sub-item: a page break's repeated table headers may stand between two sub-items
# (not fitted: the structure of a 年度評価 sheet).
_SUB_ITEM_CHUNKS = 4

# A question that asks which country, region or city (not 「どこ」 alone: that is as often an organization).
_ASKS_GEOGRAPHY = re.compile(r"どの\s*(?:国|地域|都市|都道府県|県|市)|どこの\s*(?:国|地域|都市|県|市)|所在地")

# Another item beside the asked one (「自治体、事業者へのヒアリング」「国内外」): a figure of them together.
_BESIDE_AFTER = re.compile(r"^(?:[、・,]|及び|並びに|や|等|など)")


# A scope that joins two sides (「国内外」: 国内 and 海外) — a figure of it is not the figure of one side.
_BOTH_SIDES = {"国内外": ("国内", "海外", "国外"), "内外": ("国内", "海外", "国外"),
               "官民": ("政府", "公的", "民間")}  # 「官民合わせて2兆円」: not the government's share


_SIDE_WORDS = tuple(dict.fromkeys(s for pair in _BOTH_SIDES.values() for s in pair))


def _figure_pattern(key: str) -> str:
    """An RE2 pattern for a figure's number and unit (:func:`_figure_key`) as a chunk may write it: half- or
    full-width digits, spaces and thousands separators between (「92兆円」 finds 「９２ 兆円」)."""
    return r"[\s,，、]*".join(either_width(ch) if ch.isascii() and ch.isalnum() else re.escape(ch) for ch in key)


def _one_side_of_both(question: str, text: str) -> str | None:
    """The side a question asks (「国内の市場規模」) when ``text`` gives its figure only for both sides together
    (「国内外で総額92兆円」) and never names that side alone; None otherwise."""
    asked, body = compact(question), compact(text)
    for both, sides in _BOTH_SIDES.items():
        if (both in asked and not re.search(both + "の?うち", asked)) or both not in body:
            continue  # (「官民のうち政府が」 asks one side of both)
        rest = body.replace(both, "")
        side = next((s for s in sides if s in asked), None)
        if side and side not in rest:
            return side
    return None


# Scopes of which a figure of one is not the other's: the country and the world (「日本国内の気象災害による損失」 is
# not answered by 「自然災害による被害が世界中で増加…3兆6400億米ドル」); developed and developing countries (「先進国の
# 適応市場」 by 「途上国の適応市場（2050年に最大約77兆円）」).
_SCOPES = ((("国内", "日本", "我が国", "わが国"), ("世界",)),
           (("先進国",), ("途上国", "新興国")))


def _other_scope(question: str, text: str) -> tuple[str, str] | None:
    """(asked, said) when the question asks of one scope of a pair and ``text`` names only the other; None
    otherwise."""
    asked, body = compact(question), compact(text)
    for pair in _SCOPES:
        for mine, other in (pair, pair[::-1]):
            want = next((w for w in mine if w in asked), None)
            said = next((w for w in other if w in body), None)
            if want and said and not any(w in asked for w in other) and not any(w in body for w in mine):
                return want, said
    return None


def _other_setting(question: str, text: str, focus: str) -> tuple[str, str] | None:
    """(asked, said) when the question asks the focus in one setting (「起業家海外派遣事業における女性起業家の
    割合」) and ``text`` states it in another it does not name (「J-Startupにおける女性起業家の割合」); else None."""
    if len(focus) < 2:
        return None
    asked, body = compact(question), compact(text)
    setting = re.compile(rf"([一-龥ァ-ヶーA-Za-z0-9・－\-]{{2,20}})(?:における|での|による){re.escape(focus)}")
    want, said = setting.search(asked), setting.search(body)
    if want and said and want.group(1) not in body and said.group(1) not in asked:
        return want.group(1), said.group(1)
    return None


def _alone(text: str, thing: str) -> bool:
    """Does ``text`` name ``thing`` on its own — not beside other items it is counted with (「自治体、事業者への
    ヒアリング 30 件」 does not give the figure of 自治体 alone), and at all?"""
    body, said = compact(text), compact(thing)
    at = body.find(said)
    if at < 0:
        return False
    return not (_BESIDE_AFTER.match(body[at + len(said):]) or body[at - 1:at] in ("、", "・"))


def figure_after(ordered: list[Candidate], share: float) -> Candidate | None:
    """When the best candidate states no figure: a figure (not a date, which would be another event's) in one of
    the two sentences after it — 「…インターネット安全教室を継続実施。」「令和2年度は…合計で約12,000人が参加。」
    states the figure of the thing the best one names — or further on in its passage, in a sentence that names
    the asked measure itself (「…成功件数の実績は6件…。」…「また、成功率は…約 5％…」) — if it scores ``share`` of
    the best; else None."""
    top = ordered[0]
    if top.value is not None:
        return None
    return next((c for c in ordered if c.value is not None and c.value.kind != "date"
                 and ((c.chunk.chunk_id == top.chunk.chunk_id and 0 < c.sentence - top.sentence <= 2)
                      or (c.focus_own >= 1.0 and _further_on(c, top)))
                 and c.score >= share * top.score), None)


def _further_on(c: Candidate, top: Candidate) -> bool:
    """Is ``c`` after ``top`` in its passage, or in the passage that goes on from it under the same headings?"""
    a, b = c.chunk, top.chunk
    if a.chunk_id == b.chunk_id:
        return c.sentence > top.sentence
    return _same_place(a, b) and top.line_end < c.line_start and a.line_start <= b.line_end + 1


# 「どの指標についての理由？」「何の指標」: the labels are the answer.
_WHICH_INDICATOR = re.compile(r"(?:どの|何の|どれの?)指標|指標(?:は|が)(?:どれ|何)")
# An evaluation sheet (年度評価): 「＜主な定量的指標＞ ○…数」 in one column, 「［定量的指標の実績］ ○196 件」 in the
# next; read as text, the heads of the other columns (＜その他の指標＞, ＜評価の視点＞) come between them.
_INDICATORS_HEADING = re.compile(r"主な定量的指標")
_RESULTS_HEADING = re.compile(r"定量的指標の実績")
_SHEET_REACH = 4  # chunks back from the results to the indicators: the two headings between, and slack


def _under(chunk: Chunk, heading: re.Pattern[str]) -> bool:
    """Is ``chunk`` directly under a heading matching ``heading``?"""
    return bool(chunk.section) and bool(heading.search(chunk.section[-1]))


def _is_sheet_item(text: str) -> bool:
    """Is ``text`` one listed item of an evaluation sheet (「○DX 認定申請数」「① 26 件（260%）」), not an empty cell
    (「－」)?"""
    return bool(LIST_START.match(text)) and len(text) > 1


def _same_place(a: Chunk, b: Chunk) -> bool:
    """Are two chunks of the same document, column and section (where one paragraph may run on into the other)?"""
    return (a.source, a.part, a.version, tuple(a.section)) == (b.source, b.part, b.version, tuple(b.section))


# An indicator's own statement opens with its label (「指標２－２：…を目指す」「【指標３－１】…」).
_OPENS_WITH_LABEL = re.compile(r"[【＜<［\[]?指標([0-9]+)(?:-[0-9]+)*[】＞>］\]]?[:：]?")


def _rationale_heading(text: str) -> bool:
    """Is ``text`` the heading of the rationale for a plan's targets (「＜目標水準の考え方＞」)?"""
    text = squeeze(text)
    return bool(_RATIONALE.search(text)) and len(text) <= 24


def _indicator_group(text: str) -> str | None:
    """The group of the indicator a sentence states — its label's first number (「指標２－２：…」 -> "2") — or None
    for a sentence that states none: one that does not open with a label, a label alone on its line (「指標２－２」
    over its reason), or a row of labels (「【指標２－１】【指標２－２】」)."""
    t = label_form(squeeze(text))
    m = _OPENS_WITH_LABEL.match(t)
    if m is None or len(t) - m.end() < 8 or _OPENS_WITH_LABEL.match(t, m.end()):
        return None
    return m.group(1)


# A category named by what its members relate to (「セキュリティ関連ガイドライン」「セキュリティ系ガイドライン」).
_CATEGORY = re.compile(r"(関連|系)")


def _member_of_category(asked: str, other: str) -> bool:
    """Is ``other`` a member of the category ``asked`` names (「…経営ガイドライン」 of
    「セキュリティ関連ガイドライン」), not a sibling of it? A sibling of a category is another category
    (「半導体関連投資」 of 「蓄電池関連投資」)."""
    return bool(_CATEGORY.search(asked)) and not _CATEGORY.search(other)


def _ends_in_term(clause: str) -> bool:
    """Does a defining clause end in the quoted term it describes (「…に繋げる「プッシュ型支援」」)?"""
    return clause.endswith(("」", "』"))


def _done_by_count(focus: str) -> re.Pattern[str] | None:
    """For a count of people by what they did or had done to them (「視聴者数」「採択者数」), the pattern of that count
    said with the verb instead (「394 名が視聴」「85 名を採択」), which names the measure as well; for a count of a
    thing counted by its own name (「会場数」), that count (「213 会場」); None for another focus."""
    if m := re.search(r"([一-龥]{2})者数$", focus):
        return re.compile(rf"[0-9０-９]\s*(?:名|人)\s*[がを]\s*{m[1]}")
    if m := re.search(rf"({COUNTED_BY_NAME})数$", focus):
        return re.compile(rf"[0-9０-９]\s*{m[1]}")
    return None


def _of_named_organization(c: Candidate, analysis: QuestionAnalysis) -> bool:
    """Is ``c`` from a document of the one organization the question names (or does it name none, or is the
    document of no organization)?"""
    orgs = analysis.constraints.organizations
    return len(orgs) != 1 or not c.chunk.organization or analysis.constraints.names_organization(c.chunk.organization)


def _put_first(ordered: list[Candidate], c: Candidate) -> None:
    """Move ``c`` to the front of ``ordered``: it answers before closer-scoring candidates."""
    ordered.remove(c)
    ordered.insert(0, c)


def _lead_with(ordered: list[Candidate], note: Candidate) -> None:
    """Put ``note`` — a sentence read as a candidate of its own — first, in place of any candidate for the same
    sentence."""
    ordered[:] = [note, *(c for c in ordered if (c.chunk.chunk_id, c.sentence) != (note.chunk.chunk_id, note.sentence))]


def _note_under(c: Candidate) -> Candidate | None:
    """The note (※) that follows ``c``, past labels in brackets (「（アウトカム指標）【重要度高・困難度高】」)."""
    n = _next_sentence(c)
    while n is not None and _LABELS_ONLY.match(n.text):
        n = _next_sentence(n)
    return n if n is not None and _NOTE.match(n.text) else None


_LABELLED_NOTE = re.compile(r"^\s*[（(][^（()）]{1,12}[：:]")  # 「（関連指標：…）」: a note opening with its label
_LABELS_ONLY = re.compile(r"^\s*(?:[（(【［\[][^）)】］\]]*[）)】］\]]\s*)+$")


def _items_under(c: Candidate) -> bool:
    """Is ``c`` followed by items under it — of another kind of mark than its own (「① …５領域における…」 then
    「a.」「b.」), not its own siblings?"""
    following = _next_sentence(c)
    return following is not None and _is_item(c.chunk, following.sentence) \
        and _marker_kind(c.text) != _marker_kind(following.text)


def _counted_sets(text: str, noun: str) -> list[str]:
    """The numbers ``text`` counts a set of ``noun`` with (「５以上の領域」「５領域」 -> ["5", "5"])."""
    return [m.group(1) for m in _sets_in(text, r"([0-9]{1,2}|[二三四五六七八九十])", re.escape(noun))]


def _gives_members(c: Candidate, noun: str) -> bool:
    """Does ``c``, which counts a set of ``noun``, give its members — in the sentence or as the items under it?"""
    return _items_under(c) or any(set_members(c.text, n, noun) for n in _counted_sets(c.text, noun))


# A second thing asked in the same sentence: 「…も知りたい」「…もあれば」「あわせて」「それぞれ」.
_ALSO_ASKED = re.compile(r"も(?:あれば|知りたい|教えて|お願い)|あわせて|併せて|合わせて|それぞれ")


def _asks_more(question: str) -> bool:
    """Does ``question`` ask more than one thing: two question marks, two question words (「いくつで、…何？」), or
    a thing asked too (「目標値もあれば」)?"""
    q = normalize_question(question)
    return q.count("?") >= 2 or len(QUESTION_WORD.findall(q)) >= 2 or bool(_ALSO_ASKED.search(q))


def _next_sentence(c: Candidate) -> Candidate | None:
    """The sentence after ``c`` in its chunk (a lead-in's continuation)."""
    j = c.sentence + 1
    return _sentence_candidate(c, c.chunk, j) if j < len(c.chunk.sentences) else None


# A named body (「アジア経済研究所」「産業サイバーセキュリティセンター」): a question about it is answered from text
# naming it.
_INSTITUTION = re.compile(r"[一-龥ァ-ヶー・A-Za-zＡ-Ｚ]{2,}"
                          r"(?:研究所|研究会|協議会|連絡会|委員会|協会|財団|事務局|本部|大学|センター)$")


# 「どんな目標」「目標は何」「何を目標に」: the target asked as such, not a figure of a named measure — nor how it is
# reached or why (「この目標はどう達成する」「目標は何に基づいて」), nor a plan named by its kind (「中期目標は何を」).
_ASKS_TARGET = re.compile(r"(?:どんな|どういう|どのような)(?:数値)?目標"
                          r"|(?<!中期)(?<!中長期)目標(?:は|って)(?:何|なに|どうなって)(?!に基|のため|で決)|何を目標")


def _states_target(text: str) -> bool:
    """Does ``text`` state a figure as a target (「１億円以上確保する」「PBR1倍超えとなる割合を…8割に」)?"""
    return any(v.kind != "date" and is_target(v, text) for v in values_in(text))


# 「…として数えられるのは」「…にはどういう支援がカウントされる」: what a measure counts.
_COUNTS_AS = re.compile(r"数えられ|カウントされ|カウントする|計上され|算入され|に含まれ")
_NOTE = re.compile(r"^\s*[※＊*]")  # a note under a sentence: 「※資金調達や拠点設立、…等。」


# A sentence that adds to the one before it (「さらに、…」「また、…」): what it adds to is part of the answer.
_ADDS_TO = re.compile(r"^\s*(?:さらに|また|加えて|あわせて|併せて|その上で)[、，]")


def _with_status(c: Candidate, status: str, question: str) -> Candidate | None:
    """``c`` answering with its figure of the asked status (a target for 「目標」, a result for 「実績」; see
    :func:`is_target`) — one in a unit the question names (「…組織数」: 「314 組織」, not 「261.7%」) when there is
    one; None when its sentence states no such figure."""
    fitting = [v for v in ([c.value] if c.value else []) + values_in(c.text)
               if v.kind != "date" and is_target(v, c.text) == (status == "目標")]
    fitting.sort(key=lambda v: (unit := unit_of(v)) is None or unit not in unicodedata.normalize("NFKC", question))
    return replace(c, value=fitting[0]) if fitting else None


def _with_lead(c: Candidate) -> Candidate:
    """``c`` joined with the sentence before it when it only adds to that one (「さらに、日本企業が…」 after
    「…相談窓口を設け、…対応を行う。」), unless that one is a heading or an item of its own."""
    j = c.sentence - 1
    if j < 0 or not _ADDS_TO.match(c.text) or _is_heading(c.chunk, j):
        return c
    return _span_candidate(c, c.chunk, j, c.sentence)


def _span_candidate(c: Candidate, chunk: Chunk, first: int, last: int) -> Candidate:
    """Sentences ``first``..``last`` of ``chunk`` (``c``'s chunk, or it read on) as one candidate with ``c``'s
    evidence and score (no figure: its place in ``c.text`` would not hold in the joined text)."""
    spans = chunk.sentences[first:last + 1]
    passage = c.passage if chunk is c.chunk else Passage(c.passage.rank, c.passage.score, chunk)
    return Candidate(passage, first, chunk.text[spans[0].start:spans[-1].end], spans[0].line_start,
                     max(s.line_end for s in spans), lexical=c.lexical, focus=c.focus, focus_own=c.focus_own,
                     measure=c.measure, support=c.support, prior=c.prior, cue=c.cue, score=c.score)


def _stated(passage: Passage, j: int, span: SentenceSpan, text: str) -> Candidate:
    """Sentence ``j`` (``text``, at ``span``) of ``passage``'s chunk as a candidate that answers outright: a sentence a
    rule read the answer from (a cover line, the sentence naming a set), not one scored against the question."""
    return Candidate(passage, j, text, span.line_start, span.line_end, focus=1.0, focus_own=1.0, support=1.0)


def _sentence_candidate(c: Candidate, chunk: Chunk, j: int) -> Candidate:
    """Sentence ``j`` of ``chunk`` (``c``'s chunk, or it read on) as a candidate ranked just below ``c``."""
    return replace(_span_candidate(c, chunk, j, j), cue=0.0, score=c.score * 0.9)


def _numbered_after(chunk: Chunk, start: int, n: int) -> list[int]:
    """The sentences after ``start`` that open with the marks numbered 1 to ``n`` in order, all of the first one's
    kind (「①」「②」…, or 「（１）」「（２）」…), as far as they go."""
    found: list[int] = []
    kind: str | None = None
    for j in range(start + 1, len(chunk.sentences)):
        mark = _mark(text := _sentence(chunk, j))
        if mark is not None and _ordinal_of(mark) == len(found) + 1 and re.match(r"[（(]?[0-9０-９①-⑳]", mark) \
                and (kind is None or _marker_kind(text) == kind):  # (not 「②」 under 「（１）」 for 「（２）」)
            found.append(j)
            kind = kind or _marker_kind(text)
            if len(found) == n:
                break
    return found


def _first_numbered(chunk: Chunk, order: range) -> int | None:
    """The first sentence, in ``order``, that opens a numbered set (「①…」)."""
    return next((j for j in order if (mark := _mark(_sentence(chunk, j))) is not None and mark.startswith("①")), None)


def _version_label(chunk: Chunk) -> str:
    """「変更案：」/「現行：」 before a quote from a 新旧対照表 column."""
    return f"{chunk.version}：" if chunk.version else ""


def _cap(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _sentence(chunk: Chunk, i: int) -> str:
    span = chunk.sentences[i]
    return chunk.text[span.start:span.end]


def _item_label(chunk: Chunk, j: int, v: Value, floor: int) -> tuple[str, int]:
    """What the figure ``v`` of sentence ``j`` is, and the sentence that says it: the words before it in its item
    (「- 制御システムのセキュリティリスク分析ガイド 4,589 件」), else the line above a figure on a line of its own (past
    a bracketed note; not back to ``floor``, the sentence of the figure before), else the words just before it."""
    text = _sentence(chunk, j)
    # From the figure before it in the sentence, if any (「北海道：講師 1 名、チューター 2 名」: チューター's label is
    # 「チューター」, not the words of the pair before it).
    start = max((u.end for u in values_in(text) if u.end <= v.start and u.kind != "date"), default=0)
    head = strip_marker(text[start:v.start]).strip(" 　：:、，,（(＋+")
    if head and len(head) <= 40:
        return head, j
    if not head and start:
        return "", j  # right after the figure before it (「72件（70件＋…」): no words of its own
    if not head:
        for k in range(j - 1, max(floor, j - 3), -1):
            above = squeeze(_sentence(chunk, k))
            if not _BRACKETED.fullmatch(above) and not values_in(above):  # past a note (「（経済産業省で記載）」)
                return strip_marker(above), k
    label = labelled(text, [v])
    return (label[:-len(v.text)].strip() if label.endswith(v.text) else ""), j


# A table of contents entry (「⑤ 行政：EBPM・データ駆動型行政 ･･･p.83」): a title with its page, said where the
# thing is written, not what it is.
_CONTENTS_ENTRY = re.compile(r"(?:[･・.．…‥]\s*){3,}\s*(?:[pPｐＰ]\s*[.．]?\s*)?[0-9０-９]+(?![0-9０-９.．,，%％])")


def is_contents_entry(text: str) -> bool:
    """Is ``text`` (or part of it) an entry of a table of contents: a title, a leader and a page?"""
    return bool(_CONTENTS_ENTRY.search(text))


# A group's title in brackets, a line of its own (「（サプライチェーンの強靱化）」「【経済インテリジェンスの強化】」).
_GROUP_TITLE = re.compile(r"^[（(【][^（）()【】。]{2,40}[）)】]$")


def _group_end(chunk: Chunk, after: int) -> int:
    """Where the group of bullets ``after`` is in (or heads) ends: at the next bracketed title set apart from them by
    a blank line (a bracket on the line right after a bullet, 「（法改正も視野に検討）」, goes on with that bullet),
    else at the end of ``chunk``."""
    spans = chunk.sentences
    return next((j for j in range(after + 1, len(spans)) if _group_title(chunk, j)
                 and spans[j].line_start > spans[j - 1].line_end + 1), len(spans))


def _title_named(title: str, asked: str) -> bool:
    """Does the question (``asked``, compacted) name the bracketed group title ``title`` as what it asks about: the
    title, or its head phrase — at least 6 characters and half the title (「人手不足への対応」 names 「【①徹底した
    人手不足への対応】」) —, followed by what a topic is followed by (「としては」「の施策」)? A leading number (「①」)
    is no part of the name; brackets around it in the question are no matter."""
    core = compact(strip_marker(title[1:-1]))
    asked = re.sub(r"[「」『』【】]", "", asked)
    for k in range(len(core), 5, -1):
        # (the head phrase starts a word of the title — 「徹底した|人手不足への対応」, not 「人手|不足への対応」 —
        # and of the question: 「資材不足への対応」 names no 「人手不足への対応」)
        if k < len(core) and core[-k - 1] not in _PHRASE_JOINTS:
            continue
        if re.search(rf"(?<![{NOUN_CHARS}]){re.escape(core[-k:])}{_TOPIC_AFTER}", asked):
            return 2 * k >= len(core)
    return False


def _asks_group(analysis: QuestionAnalysis) -> bool:
    """May the bullets of a group the question names answer it: a list asked, or what is done (「何をする」) in a
    question of fact — not a figure, a reason or a counted set's members (「…産業政策の8分野を挙げて」)?"""
    return not analysis.counted_set and (analysis.answer_type == "list" or (
        analysis.answer_type == "fact" and _ACTIONS_ASKED.search(analysis.question) is not None))


# What follows the thing a question is about (「…への対応としては」「…の強化では」「…の施策を」), not a word that
# goes on the name (「スタートアップ支援」) nor a scope before another thing (「…の強靱化で、特定重要物資には」).
_TOPIC_AFTER = (r"(?:として|では|には|について|に関して|は|を|って"
                r"|の(?:今後の|これまでの|主な|主要な?|具体的な)?(?:施策|取組|取り組み|支援|内容))")
# Where a phrase of a title may begin: after a particle or an inflected ending (「徹底した」「…の」).
_PHRASE_JOINTS = "のをにがとでへたなるい、・"


def _group_title(chunk: Chunk, j: int) -> str | None:
    """Sentence ``j`` of ``chunk`` (squeezed) when it is a bracketed group title (「（地域の核となる企業の成長）」),
    else None."""
    text = squeeze(_sentence(chunk, j))
    return text if _GROUP_TITLE.match(text) else None


def is_caption(text: str) -> bool:
    """Can ``text``, a line that is no table row (see :func:`~assistant.values.is_table_row`, which the caller
    has asked), caption the rows under it: a short line that is no sentence (「○白書の販売数（令和 2 年度）」) —
    what the rows' figures are of, which no row repeats."""
    text = text.strip()
    return 2 <= len(text) <= 40 and not text.endswith(("。", "：", ":"))


def _is_label(text: str) -> bool:
    """A short numbered item that names what the lines under it are about (「1）自律移動ロボット」「（２）空間情報」),
    not a sentence."""
    said = squeeze(text)
    kind = _marker_kind(said) or ""
    return any(n in kind for n in "0０①アaａAＡⅠ") and len(said) <= 30 and not said.endswith("。")


def _is_title_line(text: str) -> bool:
    """A short line that is no sentence and no item (a slide's title 「女性起業家支援パッケージ」)."""
    text = squeeze(text)
    return is_caption(text) and not LIST_START.match(text)


def _heading_form(text: str) -> str:
    """A sentence as a section heading's name would be written, to compare the two: without whitespace or a
    Markdown heading's marks (「## 業務運営」 heads the section 「業務運営」)."""
    return squeeze(heading_name(text.strip()))


def _is_heading(chunk: Chunk, i: int) -> bool:
    """A sentence that is one of the chunk's section headings (never an answer by itself)."""
    text = _heading_form(_sentence(chunk, i))
    return any(text == squeeze(h) for h in chunk.section)


def _describes(text: str, focus: str) -> bool:
    """Does ``text`` describe ``focus`` with a clause before it (「…担うことのできる人材を」), the focus the head of
    its phrase — not a word inside a compound (「人材育成」) — or name it, a quoted name the focus heads
    (「どのような期間」: 「…を切るための「集中取組期間」」)?"""
    f = re.escape(focus)
    return bool(focus) and re.search(rf"(?:[るたいな]|ような){f}(?![{NOUN_CHARS}])|「[^「」]*{f}」",
                                     squeeze(text)) is not None


def _reads_as_heading(chunk: Chunk, i: int) -> bool:
    """A section heading of the chunk, or a short line shaped like one (「Ⅳ．業務運営の効率化に関する事項」) that
    the structure reader left in the text."""
    text = _sentence(chunk, i)  # (its length as written: 「A)  対日投資支援件数 3,700件以上」 is a row, not a title)
    return _is_heading(chunk, i) or (len(text) <= 20 and bool(heading_kind(squeeze(text))))


def _is_change(text: str, v: Value) -> bool:
    """Is ``v`` a change (「6 件減」, where the figure was read with its 減, or 「3 件増加」), not an amount?"""
    return v.text.endswith(("減", "増")) or bool(re.match(r"\s*[減増]", text[v.end:]))


# A label heading items (「⚫ 当面見据える長期目標」「⚫当面見据える中期目標：」): short, marked or closed by a colon,
# no sentence; its head noun is what the items are.
_LABEL_BULLETS = MAJOR_BULLETS + MINOR_BULLETS
_LABEL_HEAD = re.compile(r"([一-龥ァ-ヶー]{2,})\s*[：:]?$")


def _asked_label(analysis: QuestionAnalysis, c: Candidate) -> bool:
    """Is ``c`` an item under a label (a bulleted heading or one closed by a colon) whose head noun is the thing the
    question asks about (「…ミッションの長期目標は？」 and 「⚫ 当面見据える長期目標」) — not of a figure, and not one
    item the question singles out by a word only that item says (「半導体の長期目標は？」: the 半導体 item alone)?"""
    if analysis.wants_value or analysis.constraints.fiscal_years or not _is_item(c.chunk, c.sentence):
        return False  # (a year asked singles out an item: 「2016年時点では？」)
    label = _label_of(c)
    if label is None:
        return False
    head = _LABEL_HEAD.search(strip_marker(label))
    if head is None or head.group(1) not in {compact(t) for t in analysis.topic}:
        return False
    own, context = compact(c.text), compact(c.chunk.context())
    return not any(compact(w) in own and compact(w) not in context for w in analysis.qualifiers if len(w) >= 2)


def _describing_clause(question: str, noun: str) -> str:
    """The clause right before ``noun`` in ``question`` that describes it (「…で、リスク分析に取り組むと表明した企業は」
    -> 「リスク分析に取り組むと表明した」), or "" when none ends in a verb."""
    at = question.find(noun)
    if at < 0:
        return ""
    clause = re.split(r"[、。？?,]", question[:at])[-1]
    return clause if re.search(r"(?:した|する|している|された|される|いる|った)$", clause) else ""


# Things a question may count by name (「企業は何社」「人は何名」), and the counters that count them.
_COUNTERS = {"企業": ("社",), "会社": ("社",), "事業者": ("社", "者"), "団体": ("団体",), "組織": ("組織",),
             "人": ("人", "名"), "者": ("人", "名")}

# A sentence or item whose text a 新旧対照表 column leaves out (「指標１－２－３：（略）」「（３）（略）」): it states
# nothing.
_OMITTED = re.compile(r"^[^。]{0,40}?[（(]略[）)]\s*$")
# A sentence that sets a target in words (「…区分の評価となることを目標とする」「…を上回ることを目指す」).
_SETS_TARGET = re.compile(r"を目標とする|を目標に|を目指す")


def _stated_on(c: Candidate, ordered: list[Candidate], status: str | None) -> Candidate:
    """The sentence that states the target of the indicator ``c`` opens, when a target is asked (``status``):
    ``c``, or the next sentence when ``c``'s figure is a result and the next one sets the target (「指標２－２：…実績
    数は約２万５千件。」 then 「…約３０万件を上回ることを目指す。」) — or ``c`` announces it without a figure
    (「指標１－１－１：…中期目標期間中に以下の目標を達成する。」 then 「対日投資誘致成功件数 378件以上」)."""
    def figure(x: Candidate) -> Value | None:  # (a question in words reads no figures: its own are read)
        return x.value if x.value is not None else next(iter(values_in(x.text)), None)

    if status != "目標":
        return c
    value = figure(c)
    if (value is None and not _LEAD_IN.search(c.text)) or (value is not None and not is_result(value, c.text)):
        return c  # (one without a figure that does not announce it: see _target_after)
    n = _scored_next(c, ordered)
    return n if n is not None and (target := figure(n)) is not None and is_target(target, n.text) else c


def _figure_under(c: Candidate, ordered: list[Candidate]) -> Candidate | None:
    """The first sentence after the indicator ``c`` in its chunk, within a paragraph (``_PARAGRAPH`` sentences) and
    before the next indicator's label, that states a figure of the asked kind, as scored among ``ordered``."""
    following = sorted((n for n in ordered if n.chunk.chunk_id == c.chunk.chunk_id
                        and c.sentence < n.sentence <= c.sentence + _PARAGRAPH), key=lambda n: n.sentence)
    for n in following:
        if any(indicator_labels(_sentence(n.chunk, j)[:24]) for j in range(c.sentence + 1, n.sentence + 1)):
            return None
        if n.value is not None:
            return n
    return None


def _target_after(c: Candidate, ordered: list[Candidate], status: str | None) -> Candidate | None:
    """When a target is asked (``status``) of the indicator ``c`` states without a figure or a target of its own
    (「指標２－１：…の観点で評価する。」), the next sentence that sets it in words (「具体的には、…区分の評価と
    なることを目標とする。」) — quoted after it, not instead: the indicator's line may be what is asked."""
    if status != "目標" or c.value is not None or values_in(c.text) or _SETS_TARGET.search(c.text):
        return None
    n = _scored_next(c, ordered)
    return n if n is not None and _SETS_TARGET.search(n.text) else None


def _scored_next(c: Candidate, ordered: list[Candidate]) -> Candidate | None:
    """The sentence after ``c`` in its chunk as scored among ``ordered`` (with its figure read), if it is one there
    (:func:`_next_sentence` builds it afresh, unscored)."""
    return next((n for n in ordered if n.chunk.chunk_id == c.chunk.chunk_id and n.sentence == c.sentence + 1), None)


_LABELLED_REACH = 8  # chunks whose lines open with the asked label, at most (a label recurs in each revision)
# A plan's cover dates: its title and the date it was set, and each change (「一部変更 令和６年８月２９日」「最新改定
# 令和７年●月」「令和７年●月改訂」) — RE2, for the chunk table's scan.
_ERA_MONTH = r"(令和|平成)\s*[0-9０-９元]+\s*年\s*[0-9０-９●]+\s*月"
_COVER_DATE = (rf"(?m)({'|'.join(KINDS)})\s*{_ERA_MONTH}|^\s*(一部変更|最新改定)\s*(令和|平成)"
               rf"|^\s*{_ERA_MONTH}[^\n]{{0,6}}(改訂|改定)\s*$")
# The same, of one sentence: a cover line, not a date cited in a sentence (「（令和4年12月5日改訂）」).
_COVER_LINE = re.compile(rf"(?:{'|'.join(KINDS)})\s*{_ERA_MONTH}[^。、]{{0,8}}$"
                         rf"|^\s*(?:一部変更|最新改定)\s*(?:令和|平成)[^。、]{{0,12}}$"
                         rf"|^\s*{_ERA_MONTH}[^。、]{{0,6}}(?:改訂|改定)\s*$")
_COVER_REACH = 24  # cover chunks at most (a handful per plan and revision)
_FIELD_LABEL = 8  # a cover field's label is a word (「主務省」), its value a line (「経済産業省、デジタル庁）」)
_FIELD_VALUE = 40
_FIELD_CACHE = 4096  # labels whose cover fields are kept
# A line that states an evaluation sheet's grade (「評定：B」, also after a reference: 「（詳細は、…） 評定：A」).
# (RE2: \s is ASCII only, and no lookahead; not the scale 「評定：Ｓ、Ａ、Ｂ、Ｃ、Ｄの５段階」.)
_GRADE_LINE = r"評定[\s　]*[：:][\s　]*[SABCDＳＡＢＣＤ]([^A-Za-zＡ-Ｚａ-ｚ、，,・]|$)"
_SHEET_TABLES = re.compile(r"主要な経年データ")  # the heading over an evaluation sheet's data tables
_SHEET_END = re.compile(r"その他参考情報")  # the heading of an evaluation sheet's last part
_COVER_CHUNKS = 3  # a document's cover: its first chunks (title, the fields under it)
_NAMES_CHARS = re.compile(r"[一-龥々ァ-ヶー]+")
# The plan itself is what is asked about (「中期目標はいつ…」「中長期目標の最初の一部変更は…」), not a thing in it
# (「中期目標で引用されている成長戦略フォローアップはいつ…」).
_PLAN_ASKED = re.compile(rf"(?:{'|'.join(KINDS)})(?:は|って|が|の(?:(?:最初|最新|直近|前回)の)?"
                         r"(?:一部変更|改定|改訂|変更|策定|日付))")
# 「いつ定められた」「最初の一部変更はいつ」「策定はいつ」: when a plan was set or changed.
_SET_OR_CHANGED = re.compile(r"(?:いつ|何年|何月)[^、。？?]{0,12}(?:定め|策定|制定|決定|変更|改定|改訂)"
                             r"|(?:定め|策定|制定|決定|変更|改定|改訂)[^、。？?]{0,8}(?:いつ|何年|何月)")
_DASHES = "-－‐‑−–—"


def _label_line(label: str) -> str:
    """An RE2 pattern for a line that states indicator ``label`` (「指標4-1」) as documents write it: the label in
    either width, any dash, then a colon (「指標４－１：企業関係者等に対し、…」) — not a longer label
    (「指標４－１－２」), nor the label referred to in brackets (「【指標３－１】の目標に影響する外部要因」)."""
    def char(ch: str) -> str:
        if ch.isdigit():
            return f"[{ch}{chr(ord(ch) + 0xFEE0)}]"
        return f"\\s*[{_DASHES}]\\s*" if ch == "-" else re.escape(ch)
    body = "".join(char(ch) for ch in label)
    return f"(?:^|\\n)\\s*{body}\\s*[：:]"


def _label_of(c: Candidate) -> str | None:
    """The label an item stands under: the line that leads its list in the passage (「⚫当面見据える中期目標：」),
    else its section's heading — when that is a label (bulleted or closed by a colon), not a numbered or bracketed
    heading, which names one thing (「⑤ バイオものづくり革命推進事業」)."""
    kind, i = _marker_kind(_sentence(c.chunk, c.sentence)), c.sentence - 1
    while i >= 0 and _marker_kind(_sentence(c.chunk, i)) == kind:
        i -= 1  # (its sibling items; the lead may be an item of another mark: 「⚫…目標：」 over 「– …」)
    lines = [squeeze(_sentence(c.chunk, i))] if i >= 0 else []
    lines += [squeeze(c.chunk.section[-1])] if c.chunk.section else []
    for label in lines:
        if len(label) <= 24 and "。" not in label and (label[:1] in _LABEL_BULLETS or label.endswith(("：", ":"))):
            return label
    return None


def _is_item(chunk: Chunk, i: int) -> bool:
    return _mark(_sentence(chunk, i)) is not None


def _mark(text: str) -> str | None:
    """An item's mark as written (「③」「b.」「・」), or None for a sentence that is not an item."""
    m = LIST_START.match(squeeze(text))
    return m.group(0).strip() if m else None


def _marker_kind(text: str) -> str | None:
    """The kind of an item's mark, its number or letter left out (「③」 -> 「①」, 「b.」 -> 「a.」, 「（２）」 ->
    「（０）」), or None for a sentence that is not an item."""
    mark = _mark(text)
    if mark is None:
        return None
    for pattern, stands_for in ((r"[0-9]+", "0"), (r"[０-９]+", "０"), (r"[①-⑳]", "①"), (r"[ア-ン]", "ア"),
                                (r"[a-z]", "a"), (r"[ａ-ｚ]", "ａ"), (r"[A-Z]", "A"), (r"[Ａ-Ｚ]", "Ａ"),
                                (r"[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+", "Ⅰ")):
        mark = re.sub(pattern, stands_for, mark)
    return mark


def _ordered_mark(text: str) -> bool:
    """Is ``text`` an item marked by a number or a letter (「①」「a.」「（２）」「ア」), not by a bullet (「・」)?"""
    return bool((kind := _marker_kind(text)) and re.search("[0０①アaａAＡⅠ]", kind))


def items_after(chunk: Chunk, start: int, limit: int, level: str | None = None) -> list[int]:
    """Indices of the list items that follow sentence ``start`` (or start at it), at most ``limit``: the items of
    one level — those marked like the first (「a.」 under 「③」, 「①」 over 「a.」), or ``level`` when given —
    to the end of the list. An item followed by items of another mark leads them (unless ``level`` is
    given: then it is one of the items)."""
    lead = _marker_kind(_sentence(chunk, start))
    subitems = level is None and _leads_subitems(chunk, start)
    begin = start + (0 if lead and not subitems else 1)
    return _items_from(chunk, begin, level, lead if subitems else None, limit, plain_ends=False,
                       expect=_announced(_sentence(chunk, start)))


# A lead-in that says how many items follow (「以下の6つの柱を重点として」「次の３点」).
_ANNOUNCED = re.compile(r"(?:以下|次|下記)の\s*([0-9]{1,2}|[二三四五六七八九十])\s*(?:つ|点|項目)?の?")


def _announced(text: str) -> int | None:
    """The number of items a lead-in announces, or None."""
    m = _ANNOUNCED.search(unicodedata.normalize("NFKC", text))
    return numeral(m.group(1)) if m else None


def list_start(chunk: Chunk, start: int, items: list[int]) -> int:
    """Where a list's quote begins: at its lead-in ``start`` (unless that is an item or a heading: the first
    item); when the items come well after it (paragraphs in between), at their own lead-in — the sentence just
    before them — so the quote is not everything in between."""
    def lead(i: int) -> bool:
        return not _is_item(chunk, i) and not _is_heading(chunk, i)

    first = start if lead(start) else items[0]
    if items[0] - first > 2:
        first = items[0] - 1 if lead(items[0] - 1) else items[0]
    return first


def join_chunks(chunks: Sequence[Chunk]) -> Chunk:
    """Consecutive chunks of one document as one chunk: each next one from past the sentence it shares with
    the one before (chunks overlap), its sentences keeping their lines. The first chunk's headings stay the
    headings (the quote is cited under them); one chunk is returned as it is."""
    if len(chunks) == 1:
        return chunks[0]
    text, spans = "", []
    for n, c in enumerate(chunks):
        begin = 0
        if n and (before := chunks[n - 1]).sentences:
            begin = _shared_sentence(c, _sentence(before, len(before.sentences) - 1)) + 1
        for k in range(begin, len(c.sentences)):
            span = c.sentences[k]
            gap = c.text[span.end:c.sentences[k + 1].start] if k + 1 < len(c.sentences) else "\n"
            spans.append(SentenceSpan(len(text), len(text) + span.end - span.start, span.line_start, span.line_end))
            text += c.text[span.start:span.end] + gap  # with what separated it from the next (a line break)
    return replace(chunks[0], text=text, sentences=spans, line_end=chunks[-1].line_end,
                   char_end=chunks[-1].char_end)


def _shared_sentence(nxt: Chunk, text: str) -> int:
    """Where ``text`` (a sentence of the chunk before, which overlaps it) sits in ``nxt``; -1 if it does not."""
    shared = compact(text)
    return next((i for i in range(len(nxt.sentences)) if compact(_sentence(nxt, i)) == shared), -1)


_NUMBERED = re.compile(r"[0-9０-９①-⑳ア-ンA-Za-zＡ-Ｚａ-ｚⅠ-Ⅹ]")


def _bullet(mark: str) -> bool:
    """Is an item's mark a bullet (「・」「➢」「–」), not a number or letter, so the same one may follow on?"""
    return bool(mark) and not _NUMBERED.search(mark)


def _items_from(chunk: Chunk, begin: int, level: str | None, lead: str | None, limit: int,
                plain_ends: bool, after: str | None = None, expect: int | None = None) -> list[int]:
    """From sentence ``begin`` on, the items marked ``level`` (the first item's mark when None), deeper ones
    skipped. The list ends at a heading not marked as its items are, at an item marked ``lead`` (the lead's
    next sibling), where its
    numbering starts again (「①②…（４）①②」: the next section's list), or at a sentence that is not an
    item — once items were found, or at once when ``plain_ends`` — unless it is a paragraph under the last
    item (``after``: the mark of the item a continued list follows) and the next item follows on. While
    fewer than the ``expect`` items a lead-in announced are found, a sentence marked as the lead (a bullet of an
    item's own paragraph: 「① …」 then 「➢ …」) or a page title between them does not end it."""
    items: list[int] = []
    marks: set[str] = set()
    deeper = False  # the sentence before was a deeper item (or its paragraph)
    for j in range(begin, len(chunk.sentences)):
        text = _sentence(chunk, j)
        kind = _marker_kind(text)
        # A heading ends the list — unless it is marked as the list's items are: short numbered items
        # (「(1)イノベーション創出に資する事業」 under 「以下のいずれか」) read as headings of their sub-items.
        short = expect is not None and 0 < len(items) < expect
        if _is_heading(chunk, j) and (kind is None or kind != (level or kind) or kind == lead):
            if (short or (j == begin and not plain_ends)) and kind is None:
                # 「OS②：…（考え方）」 over the next slide, the list going on under it; a heading just under
                # the lead-in groups the items that follow it (「【参考：…の主な活躍】」「＜令和2年度＞」「・…」).
                continue
            break
        if kind is not None and _OMITTED.match(text.strip()):
            continue  # an item the column leaves out (「（３）（略）」): the list goes on past it
        if kind is None:
            if deeper and items:
                continue  # the rest of a deeper item's paragraph (「➢ …支援策を講じる。」「また、…施策を実施。」)
            last = _mark(_sentence(chunk, items[-1])) if items else after
            if (items or plain_ends) and not (last and _explains(chunk, j, last, level)):
                break
            continue
        if kind == lead:
            if short:
                deeper = True
                continue
            break
        level = level or kind
        deeper = kind != level
        if deeper:
            continue  # a deeper item under one of ours
        mark = _mark(text)
        if mark in marks and not _bullet(mark):
            break  # a numbered mark seen before: the numbering starts again
        marks.add(mark)
        items.append(j)
        if len(items) >= limit:
            break
    return items


def _explains(chunk: Chunk, j: int, last: str, level: str | None) -> bool:
    """Is sentence ``j`` (not an item) a paragraph under the item marked ``last``, the list going on after it — the
    next marked sentence, within two, being the next item of the same level (「a. 自律移動ロボット関連」,
    its paragraph, 「b. 空間情報関連」; 「・…技術であること。」, 「対象技術分野は…」, 「・…要するもの。」)?"""
    for k in range(j + 1, min(j + 3, len(chunk.sentences))):
        text = _sentence(chunk, k)
        if (kind := _marker_kind(text)) is not None:
            mark = _mark(text) or ""
            # Bullets are not numbered: the next one of the same bullet follows on.
            return kind == level and (_follows(last, mark) or (_bullet(mark) and mark == last))
    return False


def _follows(before: str, mark: str) -> bool:
    """Is ``mark`` the one after ``before`` (「a.」 -> 「b.」, 「⑨」 -> 「⑩」, 「（９）」 -> 「（10）」,
    「ア」 -> 「イ」, 「Ⅲ」 -> 「Ⅳ」): the same kind of mark, numbered one more?"""
    a, b = _ordinal_of(before), _ordinal_of(mark)
    return a is not None and b is not None and _mark_shape(before) == _mark_shape(mark) and b == a + 1


def _mark_shape(mark: str) -> str:
    """A mark with its counter written as the first of its kind (「（１２）」 -> 「(0)」, 「ｂ．」 -> 「a.」)."""
    out = []
    for ch in mark:
        if ch.isdigit() and not "①" <= ch <= "⑳":
            ch = "0"
        elif "①" <= ch <= "⑳":
            ch = "①"
        elif ch in _KATAKANA_ORDER:
            ch = "ア"
        elif ch in _ROMAN_ORDER:
            ch = "Ⅰ"
        elif ch.isalpha() and unicodedata.normalize("NFKC", ch).isascii():
            ch = "a"
        out.append(unicodedata.normalize("NFKC", ch))
    return re.sub("0+", "0", "".join(out))


_KATAKANA_ORDER = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
_ROMAN_ORDER = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"


def _ordinal_of(mark: str) -> int | None:
    """The number of an item's mark (「（１２）」 -> 12, 「③」 -> 3, 「イ」 -> 2, 「b.」 -> 2), or None."""
    if m := re.search(r"[0-9０-９]+", mark):
        return int(unicodedata.normalize("NFKC", m.group()))
    for ch in mark:
        if "①" <= ch <= "⑳":
            return ord(ch) - ord("①") + 1
        if ch in _KATAKANA_ORDER:
            return _KATAKANA_ORDER.index(ch) + 1
        if ch in _ROMAN_ORDER:
            return _ROMAN_ORDER.index(ch) + 1
        if (ch.isascii() and ch.isalpha()) or "ａ" <= ch <= "ｚ" or "Ａ" <= ch <= "Ｚ":
            return ord(unicodedata.normalize("NFKC", ch).lower()) - ord("a") + 1
    return None


def _leads_subitems(chunk: Chunk, i: int) -> bool:
    """Is sentence ``i`` an item followed by items of another mark (「③ …を図る。」 then 「a.」「b.」「c.」)?"""
    lead = _marker_kind(_sentence(chunk, i))
    return lead is not None and i + 1 < len(chunk.sentences) \
        and _marker_kind(_sentence(chunk, i + 1)) not in (None, lead)


def _short_item(text: str, limit: int = 40) -> str:
    item = strip_marker(text).rstrip("。")
    cut = re.split(r"[（(：:、。]", item, maxsplit=1)[0]
    item = cut if len(cut) >= 2 else item
    return item if len(item) <= limit else item[:limit] + "…"


# A numbered enumeration inside one sentence: 「（１）…、（２）…」「①…と共に、②…」.
_INLINE_NUMBER = re.compile(r"[①-⑳]|[（(][0-9０-９]{1,2}[）)]")
# Where an item ends: the joint to the next item, or (for the last) what the sentence says of them all.
_ITEM_JOINT = re.compile(r"、?(?:と共に|とともに|及び|並びに|又は|や)?、?$")
_ITEM_TAIL = re.compile(r"の\s*[0-9０-９一二三四五六七八九十]+\s*つ|など|等の|といった"
                        r"|を(?!含|有|除|通|中|踏|活)|。|）")
# An enumeration in parentheses: 「（A、B、Cなど…）」.
_INLINE_PAREN = re.compile(r"[（(]([^（）()。]{2,40}(?:、[^（）()。]{2,60}){2,8})[）)]")
# ... or with ・ between short words (「５分野（食品・繊維・上水道・下水道・医療介護）」): three or more.
_INLINE_DOTS = re.compile(r"[（(]([^（）()。、・]{1,12}(?:・[^（）()。、・]{1,12}){2,8})[）)]")


def _enumerated(text: str) -> list[str]:
    """The items of a marked enumeration inside one sentence: numbered (「（１）A、（２）B」) or in
    parentheses (「（A、B、Cなど）」). The sentence's own leading number is not one of them."""
    marks = list(_INLINE_NUMBER.finditer(text))
    if len(marks) >= 2 and not strip_marker(text[:marks[0].end()]) \
            and _ordinal(marks[1].group()) != _ordinal(marks[0].group()) + 1:
        marks = marks[1:]  # 「（２） 以下の…、①…」: the sentence's own number
    if len(marks) >= 2:
        items = []
        for m, nxt in zip(marks, [*marks[1:], None], strict=True):
            body = text[m.end():nxt.start() if nxt else len(text)].strip()
            if nxt is None:
                tail = _ITEM_TAIL.search(body, 2)
                body = body[:tail.start()] if tail else body
            items.append(_ITEM_JOINT.sub("", body).strip())
        return [i for i in items if len(i) >= 2]
    if (m := _INLINE_PAREN.search(text)) or (m := _INLINE_DOTS.search(text)):
        parts = re.split("、" if "、" in m.group(1) else "・", m.group(1))
        tail = _ITEM_TAIL.search(parts[-1], 2)
        parts[-1] = parts[-1][:tail.start()] if tail else parts[-1]
        return [p.strip() for p in parts if len(p.strip()) >= 2]
    return []


_LEAD_IN_REACH = 3  # sentences after a set's name its announcing lead-in is looked for in (set, not fitted)
_NUMBERING_CHUNKS = 3  # the passages of the best candidates a counted enumeration is looked for in (set, not fitted)


def numbered_inline(text: str) -> list[str]:
    """The items of an enumeration inside ``text`` numbered from one in order (「①A、②B、③C」「（１）A、（２）B」);
    [] when there is none, or its marks do not count up from one."""
    marks = [_ordinal(m.group()) for m in _INLINE_NUMBER.finditer(text)]
    if len(marks) < 2 or marks != list(range(1, len(marks) + 1)):
        return []
    items = _enumerated(text)
    return items if len(items) == len(marks) else []


# Where an item of a run before a set stops: a clause's opening words (「Ｓｏｃｉｅｔｙ５．０の実現に向けて」).
_NOT_AN_ITEM = re.compile(r"(て|に|で|は|が|を|として|により|おいて|する|した)$")


_POINTERS = ("以下", "次", "下記", "上記", "これら", "それら", "前記")


def _set_named(text: str, number: str, noun: str) -> list[re.Match]:
    """Where ``text`` (as NFKC) names the numbered set (「５以上の領域」「5都市」)."""
    return _sets_in(text, re.escape(number), re.escape(noun))


def _sets_in(text: str, number: str, noun: str) -> list[re.Match]:
    """Where ``text`` (as NFKC) counts a set, ``number`` and ``noun`` given as patterns."""
    return list(re.finditer(rf"(?<![0-9.]){number}\s*(?:つの|つ|以上の|の)?\s*{noun}",
                            unicodedata.normalize("NFKC", text)))


def _dotted_run(run: str) -> list[str]:
    """The words joined by 「・」 at the end of ``run`` (「中長期的に国内投資・イノベーション・所得向上」 -> 国内投資,
    イノベーション, 所得向上): the first word is where the run's last stretch of letters begins."""
    parts = run.strip("「」").split("・")
    first = re.search(r"[一-龥ァ-ヶーA-Za-z0-9]+$", parts[0])
    words = [first.group(0) if first else "", *parts[1:]]
    return words if len(words) >= 2 and all(1 <= len(w) <= 20 for w in words) else []


_QUOTED_RUN = re.compile(r"(?:「[^「」]{1,20}」[、・]?)+$")  # quoted names one after the other


def set_members(text: str, number: str, noun: str) -> list[str]:
    """The members a sentence gives of a numbered set: the items run before it (「自律移動ロボット、空間情報、
    …、及びスマートビル等の５以上の領域」) or in brackets after it (「5分野（食品・繊維・上水道・…）」); [] when
    it names the set without them (「アジア太平洋地域の5都市と、日本企業のマッチング予定」)."""
    t = unicodedata.normalize("NFKC", text)
    for m in _set_named(t, number, noun):
        head = re.sub(r"\s", "", t[:m.start()])
        if joint := re.search(r"(?:等|など)?の「?$", head):  # 「…、国民所得向上の「３つの好循環」」: quoted
            run = head[:joint.start()].split("。")[-1]
            if (quoted := _QUOTED_RUN.search(run)) and \
                    len(names := re.findall(r"「([^「」]{1,20})」", quoted.group(0))) == numeral(number):
                return names  # 「「デジタル戦略」「デジタル技術」、「デジタル人材」の3つの観点」: each quoted
            if "、" not in run and joint.group(0).rstrip("「") == "の":
                # Words joined by 「・」 right before 「の」 are one name (「スタートアップ・イノベーションの6つの柱」)
                # — unless there are as many as the set counts (「国内投資・イノベーション・所得向上の３つの好循環」).
                if len(words := _dotted_run(run)) == numeral(number):
                    return words
                continue
            parts = re.split(r"、|及び|並びに", run) if "、" in run else run.split("・")
            items: list[str] = []
            for part in reversed(parts):
                if not part:
                    continue
                # 「以下の6つの柱」 points at items that follow; an item opens no bracket.
                if len(part) > 20 or _NOT_AN_ITEM.search(part) or part[0] in "（(「『" \
                        or part in _POINTERS:
                    break
                items.insert(0, part)
            if len(items) >= 2:
                return items
        bracket = re.match(r"\s*[（(]([^（）()]{4,160})[）)]", t[m.end():])
        if bracket:
            inner = bracket.group(1)
            items = [re.sub(r"(?:等|など)$", "", p).strip() for p in re.split("、" if "、" in inner else "・", inner)]
            if len([i for i in items if i]) >= 2:
                return [i for i in items if i]
    return []


_COUNTED_BEFORE = re.compile(r"[0-9０-９一二三四五六七八九十百千]+\s*(?:つの|か所の|カ所の|ヶ所の)?\s*$")


def _asks_which(analysis: QuestionAnalysis) -> bool:
    """Does the question ask which ones its focus is (「選定された地域はどこ」「どの機関」), not where something
    else is done (「登録者を増やすためにどこと協働する」)?"""
    focus = re.escape(analysis.focus)
    return bool(focus) and bool(re.search(rf"{focus}\s*(?:は|って|が|とは)?\s*(?:どこ|どちら)|どの\s*{focus}",
                                          analysis.question))


def only_counted(text: str, thing: str) -> str | None:
    """Where a sentence says ``thing`` only counted (「新たに1地域を選定」 for 「地域」): the counted phrase, or None
    when it names no ``thing`` or names one uncounted (「海外の関係機関（A、B）」) — a count does not say which."""
    flat, name = re.sub(r"\s", "", text), re.sub(r"\s", "", thing)  # not NFKC: 「② 登録者」 counts nothing
    if not name:
        return None
    found = [m.start() for m in re.finditer(re.escape(name), flat)]
    counts = [(at, _COUNTED_BEFORE.search(flat[:at])) for at in found]
    # Each one counted: after a number (「７機関」) or as a number of them (「機関数」).
    if not found or not all(m or flat.startswith("数", at + len(name)) for at, m in counts):
        return None
    return next((flat[m.start():at + len(name)] for at, m in counts if m), None)


def _ordinal(mark: str) -> int:
    """The number of an enumeration mark as matched by ``_INLINE_NUMBER`` (「③」 -> 3, 「（２）」 -> 2)."""
    if "①" <= mark <= "⑳":
        return ord(mark) - ord("①") + 1
    return int(unicodedata.normalize("NFKC", mark).strip("()"))


# Three or more quoted names in a row (「「A」、「B」及び「C」」): an enumeration, whatever surrounds it.
_QUOTED_RUN = re.compile(r"「[^「」]{1,30}」(?:\s*(?:、|及び|並びに|や|と)?\s*「[^「」]{1,30}」){2,8}")
# How a clause, not a noun, ends before a comma: a verb's form after its object or subject (「調査を実施し」 — not
# the nouns 「見直し」「受入れ」「手続き」), て/で, a particle, or a conjunction.
_CLAUSE_END = re.compile(r"(?:[をがはに][^をがはに]*[しじりいきちみびぎえけせれるうくすつ]|[てで]|[はがをにでも]"
                         r"|ため|より|から|ので|おり|つつ|ながら)$")
# Words that open a sentence rather than name an item (「例えば、展示会、商談会…」).
_OPENER = re.compile(r"(?:また|さらに|なお|ただし|例えば|特に|具体的には|加えて|今後|今年度|本年度|同時に)$")
_NAMED_ITEM_CHARS = 30  # an item that names a thing, not a clause (「G-Cloud（イギリス）」)
_CLAUSE = re.compile(r"[をがはてで](?![^（(]*[）)])")  # a particle outside brackets: a clause, not a name
_COUNTED_LEAD = re.compile(r"(?:以下|次|下記)の?\s*[0-9０-９一二三四五六七八九十]")  # 「以下 3 か国の」


def _announces(text: str) -> bool:
    """Does ``text`` announce items (a lead-in: 「以下のとおり」「次の3点」「以下 3 か国の」)?"""
    return bool(_LEAD_IN.search(text) or _COUNTED_LEAD.search(text))


def _names_after(chunk: Chunk, i: int) -> list[str]:
    """The names enumerated by the sentence after sentence ``i`` — no heading, no item of a list, only short
    phrases joined by 「、」 (「FedRAMP（アメリカ）、G-Cloud（イギリス）、C5（ドイツ）」); [] otherwise."""
    if i + 1 >= len(chunk.sentences) or _is_heading(chunk, i + 1) or _is_item(chunk, i + 1):
        return []
    text = squeeze(_sentence(chunk, i + 1))
    if "。" in text:
        return []  # a sentence, not a line of names
    named = _top_level_items(text)
    return named if len(named) >= 2 and all(len(n) <= _NAMED_ITEM_CHARS and not _CLAUSE.search(n) for n in named) \
        else []


def _inline_items(text: str) -> list[str]:
    """The items of an enumeration inside one sentence: a note listing what counts (「※A、B（x、y）、C等。」),
    marked (:func:`_enumerated`), three or more quoted names — or else the longest of 「A、B及びC」「A、B、及びC」,
    「A、B、C等」 and 「AやB、Cといった」."""
    if _NOTE.match(text) and len(items := _top_level_items(_NOTE.sub("", text))) >= 2:
        return items
    if items := _enumerated(text):
        return items
    if m := _QUOTED_RUN.search(text):
        return re.findall(r"「[^「」]+」", m.group(0))  # 「「デジタル戦略」、「デジタル技術」、「デジタル人材」の…」
    # (Commas inside brackets are hidden first: 「展示会出展（海外見本市、国内展示会）、商談会…」 is two items.)
    flat = _BRACKETED_COMMA.sub(lambda m: m.group(0).replace("、", _HIDDEN_COMMA), text)
    found = [[i.replace(_HIDDEN_COMMA, "、") for i in _items_of(m.group(1), ya)]
             for pattern, ya in _ENUMERATION_RUNS if (m := pattern.search(flat))]
    return max(found, key=len, default=[])


# 「（…、…）」: the commas inside a bracket, hidden while a sentence's top-level enumeration is read.
_BRACKETED_COMMA = re.compile(r"[（(][^（）()]*[）)]")
_HIDDEN_COMMA = "\x00"
# (「…として」「…となる」「…という」「…とする」: と of a verb or a quote, not joining one item to the next; the
# joint may follow a comma: 「基調講演、パネルディスカッション、及び講義」)
_JOINT = r"、?(?:及び|並びに|や|と(?!し|な|い|の|も|す|さ|せ|共))"
# Runs of items: 「A、B及びC」; 「A、B、C等を実施」 (not the 等 inside 「平等」, nor one right before another 等);
# 「人材の育成や企業の変革、…つながり強化といった」, the first two joined by や (read with ``ya``).
_ENUMERATION_RUNS = (
    (re.compile(rf"([^、。「」]{{2,30}}(?:、[^、。「」]{{2,30}}){{1,8}}{_JOINT}[^、。「」]{{2,30}})"), False),
    (re.compile(r"([^、。「」]{2,30}(?:、[^、。「」]{2,30}){2,8})(?<![平均高対同])(?:等|など)(?!の?[^、。「」]{0,4}等)"),
     False),
    (re.compile(r"([^、。「」や]{2,30}や[^、。「」]{2,40}(?:、[^、。「」]{2,40}){1,8})(?=といった|などの|等の)"), True),
)


def _items_of(run: str, ya: bool = False) -> list[str]:
    """The items of an enumeration ``run`` joined by 「、」「及び」「並びに」 (and, with ``ya``, its first two by
    や): without a mark, a sentence opener or a clause before them (「…人材像を目指し、基調講演、…」), a joint
    left after one (「…の手口や」), or what the sentence goes on to say of the last (「講義の3 つのパートで構成
    した」); [] when a piece is a clause (「…を実施し、…を行い、…等」)."""
    first, _, rest = strip_marker(run).partition("、")
    pieces = (first.split("や", 1) if ya else [first]) + (rest.split("、") if rest else [])
    items = [_ITEM_JOINT.sub("", q).strip() for p in pieces for q in re.split(r"及び|並びに", p) if q.strip()]
    while items and (_CLAUSE_END.search(items[0]) or _OPENER.search(items[0])):
        items.pop(0)
    if items and (tail := _ITEM_TAIL.search(items[-1], 2)) \
            and not (tail.group(0) == "）" and "（" in items[-1][:tail.start()]):  # (not a bracket's own close)
        items[-1] = items[-1][:tail.start()].strip()
    return items if len(items) >= 2 and not any(len(i) < 2 or _CLAUSE_END.search(i) for i in items) else []


def _top_level_items(text: str) -> list[str]:
    """``text`` split at each 「、」 outside brackets, without the closing 「等。」."""
    items, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += (ch in OPEN_BRACKETS) - (ch in CLOSE_BRACKETS)
        if ch == "、" and depth == 0:
            items.append(text[start:i])
            start = i + 1
    items.append(re.sub(r"(?:等|など)?[。．]?\s*$", "", text[start:]))
    return [i.strip() for i in items if len(i.strip()) >= 2]


def value_anchors(text: str, analysis: QuestionAnalysis, value_type: str | None) -> list[int]:
    """Where in ``text`` the asked figure is looked for from (see :func:`~assistant.values.best_value`)."""
    # After the phrase before the question word (「累計で何件」), but for a figure only implied (「…件数の
    # 目標は」) after the focus — 「目標」 also sits inside 「中期目標期間」.
    at = (_positions(text, analysis.focus) or _positions(text, analysis.anchor)) \
        if value_type and not analysis.wants_value else \
        _positions(text, analysis.anchor) or _positions(text, analysis.focus)
    # A figure written right after a phrase the question names (「半導体…構築２兆円超、蓄電池0.4兆円」)
    # belongs to it: the end of each named phrase is an anchor too.
    named = [m.end() for q in analysis.qualifiers if len(q) >= 3 for m in re.finditer(re.escape(q), text)]
    # A date the question names (「令和3年1月8日からの…在宅勤務率」) in a sentence giving one figure after each of
    # three dates: the figure is looked for after it.
    if (asked := set(calendar_dates(analysis.question))) and (dated := date_ends(text, asked)):
        return [a for a in at + named if a >= dated[0]] + dated
    return at + named


def _asks_rate(analysis: QuestionAnalysis) -> bool:
    """Is a rate, score or index asked (「希望出生率はいくつ」「平均スコアをいくつに」), which may be written as a
    bare decimal (「満足度は平均 4.12」)? Not one asked in percent (「何％」)."""
    return bool(_RATE_WORD.search(analysis.focus)) and not _IN_PERCENT.search(analysis.question)


_RATE_WORD = re.compile(r"(?:率|スコア|指数|(?<![年程頻今])度)$")  # 満足度・認知度, not 令和2年度・程度


_IN_PERCENT = re.compile(r"[%％]|パーセント|何割")


def _positions(text: str, focus: str) -> list[int]:
    if not focus:
        return []
    out = [m.start() for m in re.finditer(re.escape(focus), text)]
    if not out and len(focus) >= 4:  # a shorter head of the focus (「成功件数」 of 「誘致成功件数」)
        tail = focus[-4:]
        out = [m.start() for m in re.finditer(re.escape(tail), text)]
    return out


def _restates(analysis: QuestionAnalysis, value: Value) -> bool:
    """Is ``value`` a figure the question itself states as known (see ``KNOWN_AFTER``), when it asks another
    figure (not a change of it, nor its make-up)?"""
    # (A make-up asked, 「716件の内訳は」, is answered with the figure and its parts before this is asked.)
    if not analysis.wants_value or analysis.answer_type == "change" or analysis.asks_parts:
        return False
    question = normalize_question(analysis.question)
    said = compact(value.text)
    return any(compact(v.text) == said and KNOWN_AFTER.match(question, v.end)
               for v in values_in(question) if v.kind != "date")


def _without_revision(analysis: QuestionAnalysis) -> str:
    """The question without the revision it names (「令和5年度補正を反映した変更案で」): which revision is
    asked is a constraint on the document (see :mod:`assistant.rank`), not words its sentences should share —
    「173件（160件＋令和5年度補正見込件数13件）」 is not about the asked target for saying 「令和5年度補正」."""
    revision = analysis.constraints.revision
    return analysis.question.replace(revision, " ") if revision else analysis.question


_GROWTH = re.compile(r"増え|増加|伸び|伸ばし|減っ|減少|拡大|縮小|上昇|低下"
                     r"|目標値?(?:に対して|に対し|比)")  # 「目標に対してどれくらい取れた」: a multiple of the target


_TABLE_UNIT = re.compile(r"単位\s*[:：]\s*([^）)\s]+)")


def _table_unit(chunk: Chunk, before: int) -> str:
    """The unit a table states for its figures (「（単位:百万円）」): the last one in ``chunk``'s text before
    ``before``, else in its section path; "" when none."""
    found = _TABLE_UNIT.findall(chunk.text[:before]) or _TABLE_UNIT.findall(" ".join(chunk.section))
    return found[-1] if found else ""


def _value_type(analysis: QuestionAnalysis) -> str | None:
    """The kind of figure to look for: the asked one, any magnitude for 「どれくらい」 without a unit
    (a market, a scale: 兆ドル as well as 件), or any figure for a "what changed" question."""
    if analysis.answer_type == "count" and MAGNITUDE.search(analysis.question) \
            and (analysis.unit is None or (not analysis.unit_said and _GROWTH.search(analysis.question))):
        # 「件数はどれくらい増えた？」: growth is said as a multiple or a rate (「数は5倍に」) as often as in 件 — and
        # so is a result against its target (「目標値に対して 2.2 倍取得」)
        return "magnitude"
    if analysis.answer_type == "amount" and analysis.anchor == "規模":
        # 「女性起業家プログラムの規模は？」: a scale, bare, is of people or cases as often as of money
        # (「女性起業家プログラム（40名程度）」); 「市場規模」「予算規模」 stay money.
        return "magnitude"
    if analysis.wants_value:
        return analysis.answer_type
    if analysis.answer_type == "change":
        return "count"
    if analysis.answer_type == "fact" and IMPLIED_FIGURE.search(analysis.anchor):
        return "magnitude"  # 「…の目標は？」「目標水準は？」: a figure when the text gives one (preferred)
    return None


def _value_reader(analysis: QuestionAnalysis, kind: str | None) -> Callable[..., Value | None]:
    """:func:`~assistant.values.best_value` for this question's asked ``kind``, with what the question says of
    it (unit, status, deadline, rate …) read once, not for every sentence: ``read(text, anchors, events=None)``."""
    unit, asked, status = analysis.unit, _asked(analysis, kind), analysis.status
    deadline, rate, unit_said = analysis.asks_deadline, _asks_rate(analysis), analysis.unit_said
    if kind == "name" and _ASKS_EXPANSION.search(analysis.question) and analysis.focus:
        # 「PHRって何の略？」: the name written beside the abbreviation, not any name near it.
        return lambda text, anchors, events=None, periods=None, written=None: expansion_of(text, analysis.focus)
    # 「その中小機構って正式名称は？」: the name written beside the short one, when a sentence writes the two.
    formal = _formal_of(analysis.question) if kind == "name" else None

    # 「第何回」: an ordinal asked (「第 16 回」), which no count answers.
    ordinal = _ASKS_ORDINAL.search(unicodedata.normalize("NFKC", analysis.question)) if kind == "count" else None

    def read(text: str, anchors: list[int], events: list[int] | None = None,
             periods: list[int] | None = None, written: list[int] | None = None) -> Value | None:
        if formal and (expanded := expansion_of(text, formal)):
            return expanded
        if ordinal is not None:
            said = list(re.finditer(rf"第\s*[0-9０-９一二三四五六七八九十]+\s*{ordinal.group(1)}", text))
            nearest = min(said, key=lambda m: min((abs(m.start() - a) for a in anchors), default=0), default=None)
            return Value(nearest.group(0), nearest.start(), nearest.end(), "count") if nearest else None
        if kind == "person" and analysis.focus and (members := _members_named(text, analysis.focus)):
            return members  # 「アクセラレーター、ベンチャーキャピタル（VC）等のスタートアップ・エコシステム関係者」
        found = best_value(text, kind, unit, anchors, asked, status, deadline, rate, unit_said, events,
                           analysis.asks_span, periods, written)
        # 「いつの何号の法律」: the date with the law's number written after it (「令和6年6月7日法律第45号」)
        if (found and kind == "date" and _ASKS_LAW_NUMBER.search(analysis.question)
                and (number := _LAW_NUMBER_AFTER.match(text, found.end))):
            return Value(text[found.start:number.end()], found.start, number.end(), found.kind)
        return found

    return read


_ASKS_EXPANSION = re.compile(r"(?:何|なん|なに)の略")
_ASKS_ORDINAL = re.compile(r"第\s*何\s*(回|期|号|次|弾|版|条|章|節|位|段階)")
# Nouns enumerated (「A、B」「AやB」「A及びB」) — a line may break inside them.
_ENUMERATION = rf"[{NOUN_CHARS}・（）()\s]{{1,24}}(?:(?:、|や|及び|並びに)[{NOUN_CHARS}・（）()\s]{{1,24}})+"


def _members_named(text: str, kind: str) -> Value | None:
    """Who ``text`` says are of the asked ``kind`` by enumerating them before it (「スタートアップやアクセラレーター、
    ベンチャーキャピタル（VC）等のスタートアップ・エコシステム関係者」 for 「…関係者は誰」), or None."""
    asked = r"\s*".join(map(re.escape, kind))
    if m := re.search(rf"(?P<who>{_ENUMERATION})\s*(?:等|など)の\s*{asked}", text):
        who = m.group("who")
        start, end = m.start("who") + len(who) - len(who.lstrip()), m.end("who") - (len(who) - len(who.rstrip()))
        return Value(squeeze(who), start, end, "person")
    return None


# 「「Ｊ－ＣＳＩＰ」の正式名称は？」「その中小機構って正式名称は？」: the short name the full one is asked of.
_FORMAL_NAME = re.compile(rf"(?P<short>[{NOUN_CHARS}・\-－]{{2,16}})[」』]?\s*(?:って|の)\s*"
                          r"正式(?:名称|な名前|名|には)")


def _formal_of(question: str) -> str | None:
    """The short name whose full name a question asks (「その中小機構って正式名称は？」 -> 「中小機構」), or None."""
    m = _FORMAL_NAME.search(normalize_question(question))
    return m.group("short") if m else None


# Another question word beside 「いつ」 (「どこまで」 asks a figure, 「どうして」 a reason).
_ASKS_MORE_THAN_WHEN = re.compile(r"どこ(?!まで)|どんな|どういう|どのよう|だれ|誰")
_ASKS_LAW_NUMBER = re.compile(r"第?\s*何\s*号")
_LAW_NUMBER_AFTER = re.compile(r"\s*(?:法律|政令|省令|告示|条例)\s*第\s*[0-9０-９]+\s*号")


def _asked(analysis: QuestionAnalysis, kind: str | None) -> str:
    """What an answer value must not merely repeat: the focus (「合格者数は何名」 is not answered by a figure
    written in it), for a name or a person the whole question (「ISMAPに登録された事業者の名前」 not by
    「ISMAP」, 「主務大臣に誰が追加された」 not by 「主務大臣」)."""
    return analysis.question if kind in ("name", "person") else analysis.focus


def _cue(text: str, analysis: QuestionAnalysis) -> float:
    kind = analysis.answer_type
    if kind == "definition":
        return 1.0 if _DEFINITION.search(text) else 0.0
    if kind == "reason":
        return 1.0 if _REASON.search(text) else 0.0
    if kind == "list":
        return 1.0 if _LEAD_IN.search(text) or LIST_START.match(squeeze(text)) else 0.0
    if kind in ("count", "amount", "percentage", "date"):
        return 1.0 if values_in(text) else 0.0
    return 0.0


def _asked_of(analysis: QuestionAnalysis) -> bool:
    """Is the figure asked of the focus (「ROEの目標値は何%」), not the focus the thing counted after the
    question word (「何名のイノベータ」)?"""
    q = normalize_question(analysis.question)  # the focus is read from the normalized question
    at, word = q.find(analysis.focus), QUESTION_WORD.search(q)
    return at >= 0 and (word is None or at < word.start())


def _opens_with_year(text: str, years: tuple[int, ...]) -> bool:
    """Does the sentence open with one of ``years`` (after its item mark, or the bracket of an example: 「（例：2022年は
    過去最大の貿易赤字…）」), not in passing?"""
    return opening_year(re.sub(r"^[（(](?:例|注)?[：:]?\s*", "", strip_marker(squeeze(text)))) in years


# 「前年度」 in a report of one year is the year before it; not 「前年度比」「対前年度」 (this year's change).
_PREVIOUS_YEAR = re.compile(r"(?<!対)(?:前年度|昨年度)(?!比)")


def previous_year_ends(text: str, years: tuple[int, ...], fiscal_year: int | None) -> list[int]:
    """Where in ``text``, a document of ``fiscal_year``, 「前年度」 ends when the year before is asked: its
    figure (「（前年度 24,542）」) is that year's."""
    if fiscal_year is None or fiscal_year - 1 not in years:
        return []
    return [m.end() for m in _PREVIOUS_YEAR.finditer(text)]


_ASCII_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _dated_figure(c: Candidate, years: tuple[int, ...]) -> bool:
    """Is ``c``'s figure the one a report writes right after 「前年度」 when the year before its own is asked
    (「前年度実績（822 件）を大幅に超える 1,561 件」 in the 令和2年度 report)? Then the sentence gives that year's
    figure, though it is about the report's year. (Not a calendar year written in a plan, 「2030年に…」: a
    year a figure is projected for says nothing of whose figure it is.)"""
    if c.value is None:
        return False
    ends = previous_year_ends(c.text, years, c.chunk.fiscal_year)
    return any(0 <= c.value.start - end <= YEARS_FIGURE_GAP for end in ends)


def _year_figure(text: str, years: tuple[int, ...], fiscal_year: int | None) -> bool:
    """Does ``text`` (of a document of ``fiscal_year``) write a figure as an asked year's — right after the year,
    written out or as 「前年度」 in the next year's report (「2020年24兆円⇒2050年77兆円」, 「合計は 19,235 人（前年度
    12,600 人）」)? Then it states that year's figure, not the year in passing: not one a bracket closes on or
    a verb takes as its object before the figure (「平均（令和元年度を除く）は544,090人」)."""
    ends = written_year_ends(text, years) + previous_year_ends(text, years, fiscal_year)
    return any(0 <= v.start - end <= YEARS_FIGURE_GAP and not _YEAR_IN_PASSING.search(text[end:v.start])
               for v in values_in(text) if v.kind != "date" for end in ends)


_YEAR_IN_PASSING = re.compile(r"[）)」』]|を")


def _says_as_much(text: str, best: str, words: Sequence[str]) -> bool:
    """Does ``text`` say each of ``words`` (the question's qualifiers) that ``best`` says? 「2030年には年間５兆ドル」 of
    the IEA's 脱炭素需要 is not the 2030 figure of 「経済界の設備投資目標」, which the best sentence names."""
    said = compact(text)
    return all(compact(w) in said for w in words if compact(w) in compact(best))


def written_year_ends(text: str, years: tuple[int, ...]) -> list[int]:
    """Where in ``text`` an asked year written out ends (「2010年、2015年ともに1.8であったが、2021年に1.6と低下」:
    2021's figure is the one right after it)."""
    if not years:
        return []
    return [end for year, end in year_mentions(text.translate(_ASCII_DIGITS)) if year in years]


def _says_year(text: str, years: tuple[int, ...], fiscal_year: int | None) -> bool:
    """Does ``text`` write one of ``years`` (「令和元年度」「2019年度」, or 「前年度」 in the next year's report)?"""
    return any(y in years for y in constraints_of(text).fiscal_years) \
        or bool(previous_year_ends(text, years, fiscal_year))


_REPORTS = ("評価", "実績")  # kinds of document that report a year's results, year by year in their tables


def _is_report(chunk: Chunk) -> bool:
    """Is ``chunk`` of a document that reports a year's results (a 年度評価, 実績報告)?"""
    return any(k in (chunk.kind or "") for k in _REPORTS)


_PLANNED_ROW = re.compile(r"(?:計\s*画|目\s*標)\s*値?\s*$")  # a row of targets (may end in the period's total)
_RESULT_ROW = re.compile(r"\s*(?:実\s*績\s*値?|達\s*成\s*度)?\s*")
_SPLIT_ROW = re.compile(r"\s[-－‐―]\s")  # two rows run together (「目的積立金 - - -積立金 - 1,051」)


def _year_cell(text: str, years: tuple[int, ...], chunk: Chunk, focus: str = "") -> tuple[Value, list] | None:
    """:func:`year_column`'s cell, with all the cells of its row."""
    if len(set(years)) != 1 or chunk.fiscal_year is None or not _is_report(chunk):
        return None
    rows = []  # (label, cells, where the line starts)
    for line in re.finditer(r"[^\n]+", text):
        if (row := row_cells(line.group(0))) and not _PLANNED_ROW.search(row[0]) and not _SPLIT_ROW.search(row[0]):
            rows.append((*row, line.start()))
    # The row of the asked measure, or the one row of results (「実績値…」) of a table about it.
    rows = [r for r in rows if focus and focus in r[0]] or [r for r in rows if _RESULT_ROW.fullmatch(r[0])]
    back = chunk.fiscal_year - years[0]
    # (The year written in the text is read last: most sentences are no table row, and reading it costs more.)
    if len(rows) != 1 or not 0 <= back < len(rows[0][1]) or _says_year(text, years, chunk.fiscal_year):
        return None
    _, cells, at = rows[0]
    cell = cells[len(cells) - 1 - back]
    return (Value(cell.text, at + cell.start, at + cell.end, cell.kind), cells) if cell else None


def year_column(text: str, years: tuple[int, ...], chunk: Chunk, focus: str = "") -> Value | None:
    """The asked year's cell of a table row in a report of results: its rows give one cell per year of the
    period up to the report's own (「実績値70,315 件 86,036 件 82,297 件」 in the 令和2年度 report: 平成30,
    令和元, 令和2年度), so the cell ``report year - asked year`` from the end. None unless ``text`` holds
    one such row (the one labelled with ``focus``, when several are) without the asked year written in it."""
    found = _year_cell(text, years, chunk, focus)
    return found[0] if found else None


def _figure_digits(text: str) -> str:
    """A figure as its digits alone (「26,980 人」「２６，９８０人」 -> 26980): how two writings of it compare."""
    return re.sub(r"[^0-9]", "", unicodedata.normalize("NFKC", text))


def _year_row(ordered: list[Candidate], years: tuple[int, ...], focus: str) -> Candidate | None:
    """「平成30年度は？」 after 「…登録者数、令和2年度の実績は？」, in the 令和2年度 report: the best sentence states
    the report year's figure (「…登録者数は 26,980 人」) but no other year's. The table row of that report whose
    report-year cell is the same figure (「実績値 － － 20,652 人 26,021 人 26,980 人」) is the measure's row, however
    few of the question's words it shares, and its cell for the asked year (:func:`year_column`) answers. None when no
    candidate of the best one's document is such a row."""
    best = ordered[0]
    stated = {d for v in values_in(best.text) if (d := _figure_digits(v.text))}
    if not stated:
        return None
    for c in ordered[1:]:
        if c.chunk.source != best.chunk.source or c.value is None \
                or (found := _year_cell(c.text, years, c.chunk, focus)) is None or c.value != found[0]:
            continue
        last = found[1][-1]
        if last is not None and _figure_digits(last.text) in stated:
            return _as_measure_of(c, best)
    return None


def _as_measure_of(row: Candidate, best: Candidate) -> Candidate:
    """A table row found by its report-year figure, which the ``best`` sentence states: the figure names the row's
    measure as the best sentence does (the row's label runs over the lines above it)."""
    return replace(row, focus=max(row.focus, best.focus), measure=max(row.measure, best.measure),
                   support=max(row.support, best.support))


def _figure_key(text: str) -> str:
    """A figure as its number and unit, however spaced and written (「82,297 件」「８２２９７件」 -> 82297件)."""
    return re.sub(r"[\s,、]", "", unicodedata.normalize("NFKC", text))


def _mentions_year(c: Candidate, years: tuple[int, ...], focus: str = "", question: str = "") -> bool:
    """Is the candidate about one of ``years``: its document's year, a year its sentence or headings write, the
    year's cell of a report's table row, or the dated thing the question names (see :func:`_names_dated_thing`)?"""
    return c.chunk.fiscal_year in years \
        or _says_year(f"{_dating_context(c.chunk, years)} {_CONTINUED.sub('', c.text)}", years, c.chunk.fiscal_year) \
        or year_column(c.text, years, c.chunk, focus) is not None or _names_dated_thing(c, question)


# A year a thing goes on from (「令和元年度に引き続き…7回開催」): the figure is of the year after it, not of it.
_CONTINUED = re.compile(r"(?:(?:令和|平成)\s*(?:[0-9０-９]{1,2}|元)|(?:19|20|１９|２０)[0-9０-９]{2})\s*年度?"
                        r"\s*(?:に|から)?\s*(?:引き続き|引続き|続き|同様)|前年度\s*(?:に|から)?\s*(?:引き続き|引続き|同様)")


def _dating_context(chunk: Chunk, years: tuple[int, ...]) -> str:
    """The chunk's title and headings — without a row of column headers (「令和元年度末 令和 2 年度末 令和 3 年度末」)
    when a report's table is asked a year after the report's own: the header names a column the report cannot
    fill yet (a 令和2年度 report's rows give three figures, to 令和2年度), not a year the passage is about. (An
    earlier year's cell is read by :func:`year_column`; a plan's header names the years its rows plan for.)"""
    if not (_is_report(chunk) and chunk.fiscal_year is not None and any(y > chunk.fiscal_year for y in years)):
        return chunk.context()
    return replace(chunk, section=[s for s in chunk.section if not is_column_header_row(squeeze(s))]).context()


# A fiscal year written as a document's (「令和2年度評価」「令和6年度の年度計画」), and one a thing started in
# (「令和5年度から進めている」), right after the year.
_AS_DOCUMENT = re.compile(rf"\s*の?\s*(?:{'|'.join(KINDS)}|評価|計画)")
_SINCE = re.compile(r"\s*(?:から|以降|より)")

# A year written before the thing it dates: 「令和元年度の大臣評価」「2021年度の成功件数」 — not a point or span of
# time (「2020年時点」「2030年まで」).
# (「令和3年度末の…」 is a point of time: the year is not read as 「令和3年」 dating 「度末」.)
_DATED_THING = re.compile(rf"((?:令和|平成)(?:元|[0-9]{{1,2}})年度?(?!度)|(?:19|20)[0-9]{{2}}年度?(?!度))"
                          rf"の?(?!時点|末|頃|当時|以降|現在|中|前|後|初|内)([{NOUN_CHARS}]{{2,8}})")


def _names_dated_thing(c: Candidate, question: str) -> bool:
    """Does ``c``'s passage write a thing the question dates, with the same year right before it
    (「令和元年度大臣評価での「指摘事項」対応状況」 for 「令和元年度の大臣評価で出た意見に、どう対応した？」)? The
    passage is then about that year's thing, though its document is of the next year and its sentence says no
    year."""
    if not question:
        return False
    passage = _passage_text(c.chunk)
    return any(re.search(f"{re.escape(m.group(1))}の?{re.escape(m.group(2))}", passage)
               for m in _DATED_THING.finditer(compact(normalize_question(question))))


_FRAME_WORD = re.compile(rf"[{NOUN_CHARS}々・]{{1,10}}")
_FRAME_BREAK = re.compile(r"[、。，,・「」（）()？?\s]")  # the words around a word stop at punctuation


def in_its_frame(question: str, word: str, sentence: str) -> str | None:
    """Another thing written in ``sentence`` where ``question`` writes ``word``, between the same words either side
    (two or three characters before, three or four after, up to punctuation): 「国内で蓄電池を生産する」 against
    「国内で半導体を生産する」 -> 「半導体」. None when the sentence has no such place."""
    for m in re.finditer(re.escape(word), question):
        before = _FRAME_BREAK.split(question[max(0, m.start() - 3):m.start()])[-1]
        after = _FRAME_BREAK.split(question[m.end():m.end() + 4])[0]
        if len(before) < 2 or len(after) < 3:
            continue
        for found in re.finditer(f"{re.escape(before)}({_FRAME_WORD.pattern}){re.escape(after)}", sentence):
            if found.group(1) != word:
                return found.group(1)
    return None


def _other_date(c: Candidate, question: str) -> str | None:
    """A month or day the question names (「令和3年10月1日付で更新した人」) that the answer's passage, with its
    headings, does not (in any writing: 令和 or western): the figure is of another date. None when it does."""
    asked = calendar_dates(question)
    if not asked:
        return None
    said = _dates_said(c, f"{c.chunk.context()} {c.chunk.text}")
    return next((written for date, written in asked.items() if date not in said), None)


# The year of the month asked (「令和6年度の何月に」「2024年のいつ」): the answer's date must fall in it. (Groups as
# :func:`~assistant.question.year_of` reads them, then 度 for a fiscal year.)
_YEAR_OF_ASKED_DATE = re.compile(r"(?:(令和|平成)\s*([0-9]+|元)|(20[0-9]{2}))\s*年(度)?\s*の?\s*(?:何\s*月|いつ)")


def _date_of_another_year(value: str, question: str) -> str | None:
    """The year the question asks a month of (「令和6年度の何月」: April 2024 to March 2025; 「2024年のいつ」: that
    calendar year), when the answer's date ``value`` names a month outside it (「令和５年７月」), else None."""
    m = _YEAR_OF_ASKED_DATE.search(unicodedata.normalize("NFKC", question))
    said = calendar_dates(value)
    if m is None or not said:
        return None
    year, fiscal = year_of(m), bool(m.group(4))
    inside = [(y, mo) for y, mo, _ in said if (y, mo) >= ((year, 4) if fiscal else (year, 1))
              and (y, mo) <= ((year + 1, 3) if fiscal else (year, 12))]
    return None if inside else m.group(0)


_RELATIVE_YEAR = re.compile(r"(今|来|昨)年")


def _other_relative_year(question: str, text: str) -> bool:
    """Does the question name a year relative to now (「来年」「今年度」) that ``text`` does not, while ``text`` names
    another (「今年の…予測は2.8%」)? Then its figure is of that other year."""
    asked = {m.group(1) for m in _RELATIVE_YEAR.finditer(question)}
    said = {m.group(1) for m in _RELATIVE_YEAR.finditer(text)}
    return len(asked) == 1 and bool(said) and not asked & said


def _dates_said(c: Candidate, text: str) -> set[tuple[int, int, int | None]]:
    """The dates ``text`` (of ``c``'s document) says, as :func:`calendar_dates` reads them: a month asked is said
    by any day of it (「令和2年10月」 by 「令和2年10月18日」), and by the bare month in a document about the fiscal
    year it falls in (「…を 5 月に新設」 in the 令和2年度 evaluation)."""
    said = set(calendar_dates(text))
    said |= {(y, m, None) for y, m, _ in said}
    return said | fiscal_months(text, c.chunk.fiscal_year) if c.chunk.fiscal_year else said


_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]{2,}")  # a name written in Latin letters, three or more
_NOUN_CHAR = re.compile(r"[一-龥々ァ-ヶー]")
def _contrasting(asked: str, sentence: str) -> str | None:
    """``asked`` with its contrasting opening swapped for another of the same kind, as ``sentence`` writes it
    (「対外直接投資残高」 -> 「対内直接投資残高」), or None."""
    kind = _contrast_prefix(asked)
    if not kind:
        return None
    others = [m for m in CONTRASTS[contrast_group(kind)] if m != kind and not m.endswith(kind) and not kind.endswith(m)]
    m = re.search(f"(?:{'|'.join(map(re.escape, others))}){re.escape(compact(asked[len(kind):]))}", sentence)
    return m.group(0) if m else None


def _contrast_prefix(word: str) -> str:
    """The contrasting modifier ``word`` opens with, leaving a head of two or more characters (「中小企業」 -> 中小)."""
    return max((m for group in CONTRASTS for m in group if word.startswith(m) and len(word) - len(m) >= 2),
               key=len, default="")


# Modifiers that pick out no other thing (「各事業者」「当該事業者」 may well include the asked one).
_GENERIC_MODIFIERS = ("各", "全", "当該", "同", "対象", "関係", "一部", "主要", "他", "その他", "本",
                      # a total or average of the same measure (「累計普及数」 for 「普及数」)
                      "累計", "合計", "総", "年間", "延べ", "平均", "年平均", "目標", "実績",
                      # the account's own period (「当期運営費交付金残存率」 for 「運営費交付金残存率」)
                      "当期", "今期", "期末", "年度末")


def _names_focus(c: Candidate, focus: str) -> bool:
    """Is the candidate's name the focus's own, written right after it (広報誌「ＩＰＡ ＮＥＷＳ」, not
    「広報誌の定期購読者については、Facebook…」)?"""
    if c.value is None or not focus:
        return False
    before = compact(c.text[:c.value.start])
    return bool(re.search(f"{re.escape(compact(focus))}(?:は|：|:|＝|=)?[「『（(]?$", before))


def _near_text(c: Candidate) -> str:
    """The answer sentence with the sentence before it and its headings, NFKC and whitespace-free."""
    return compact(" ".join((c.chunk.context(), _sentence(c.chunk, c.sentence - 1) if c.sentence else "", c.text)))


# The grades a plan gives its targets: 重要度 (how much it matters) and 困難度 (how hard; also written 難易度).
# The sentences of one paragraph of reasons quoted at most (under a rationale heading or a grade's mark).
_PARAGRAPH = 3
_GRADES = {"重要度": "重要度", "困難度": "困難度", "難易度": "困難度"}
_GRADE_MARK = re.compile(r"[【［\[]\s*(重要度|困難度|難易度)")
_ASKED_GRADE_WORD = re.compile("|".join(_GRADES))


def _asked_grade(question: str) -> str | None:
    """The one grade a question asks about (「困難度高とされている」「難易度が高い」), or None."""
    asked = {g for word, g in _GRADES.items() if word in question}
    return asked.pop() if len(asked) == 1 else None


def _grades_marked(text: str) -> set[str]:
    """The grades a sentence opens by marking (「【重要度高】【困難度高】：…」「【困難度：高】…」)."""
    opening = re.match(r"^[\s\S]{0,2}?((?:[【［\[][^】］\]]{1,12}[】］\]]\s*)+)", text)
    if not opening or len(text) - opening.end() < 10:  # the marks alone head a paragraph; they give no reason
        return set()
    return {_GRADES[m.group(1)] for m in _GRADE_MARK.finditer(opening.group(1))}


def _passage_text(chunk: Chunk) -> str:
    """A passage with its headings, NFKC and whitespace-free, to look words up in."""
    return compact(f"{chunk.context()}{chunk.text}")


def _of_another_period(c: Candidate, periods: tuple[int, ...]) -> bool:
    """Is the answer figure said of another numbered period than the asked one (「第5期の実績値」 and
    「（第４期中長期目標期間中における実績値：…87.0％」)? Read between the previous figure and it."""
    if not periods or c.value is None:
        return False
    # (Back past a date: 「第 4 期を令和 2 年 7 月に開講し、47 名の受講者」 — the period is the count's.)
    before = [v.end for v in values_in(c.text)
              if v.end <= c.value.start and (v.kind == "date") == (c.value.kind == "date")]
    said = c.text[max(before, default=0):c.value.start]
    # 「第四期中期目標期間中の状況等を踏まえ、…は376件」: a period the figure is based on, not its own (only
    # that clause goes: 「第4期においては、前期の実績を踏まえ、…100件」 keeps its own 第4期).
    said = _BASIS.sub("", said)
    named = periods_in(said)
    return bool(named) and not set(named) & set(periods)


# A clause the next figure is based on or compared with (「…を踏まえ、」「…と比較して、」).
_BASIS = re.compile(r"[^、]*(?:を踏まえ|に基づき|を勘案し|を基に|と比較し)て?、")


# A length of time the question names after a word (「過去10年平均」「直近3年」): not an era year (「令和7年」).
_SPAN = re.compile(r"(?P<word>[一-龥ァ-ヶー]{2,4}?)(?P<n>[0-9]{1,3})(?P<unit>年|か月|ヶ月|カ月|週間|日間)(?![0-9度])")
_ERAS = ("令和", "平成", "昭和")


def _other_span(c: Candidate, question: str) -> str | None:
    """A span of time the question names (「過去10年平均」) where the answer sentence gives the same word with
    another length (「過去20年平均」): the figure is of the other span. The asked span, else None."""
    text = compact(c.text)
    for m in _SPAN.finditer(compact(question)):
        word = m.group("word")
        if word.endswith(_ERAS) or m.group(0) in text:
            continue
        if any(o.group("word").endswith(word[-2:]) and o.group("unit") == m.group("unit")
               and o.group("n") != m.group("n") for o in _SPAN.finditer(text)):
            return m.group(0)
    return None


def _other_occurrence(c: Candidate, question: str) -> str | None:
    """A numbered occurrence the question names (「第2回年次総会」「第47号」) where the answer sentence — or,
    when it names none of that kind, its passage — names only other ones (「第3回年次総会」, 「第46号・第49号」):
    the asked one, else None."""
    said, passage = ordinals_in(c.text), None
    for number, counter, of in ordinals_in(question):
        others = [n for n, k, o in said if k == counter and _same_kind(o, of)]
        if not others:
            passage = passage if passage is not None else ordinals_in(_passage_text(c.chunk))
            others = [n for n, k, o in passage if k == counter and _same_kind(o, of)]
        if others and number not in others:
            return f"第{number}{counter}"
    return None


def _same_kind(a: str, b: str) -> bool:
    """Do two numbered occurrences count the same kind of thing (「年次総会」 and 「年次総会」, or either unnamed),
    not 「第5回運営委員会」 and 「第2回年次総会」?"""
    return not a or not b or a[:2] == b[:2]


def _revision_of(chunk: Chunk) -> str:
    return f"・{chunk.revision}" if chunk.revision else ""


def _qualifier(chunk: Chunk) -> str:
    parts = [p for p in (chunk.revision, chunk.version) if p]
    return f"（{'の'.join(parts)}）" if parts else ""


# Said of a thing, asked (「重要とされているのは」「必要とされるのは」): the sentence that asserts it answers.
_ASSERTED = ("重要", "必要", "不可欠")
# 「部署」「部門」 asked for are named by the unit itself: 「…推進するため、「デジタル戦略推進部」を新設」.
_UNIT_KINDS = ("部署", "部門", "部局")
_UNIT_NAME = re.compile(r"[一-龥ァ-ヶー]{2,}(?:部|課|室|局|センター)(?![一-龥ァ-ヶー])")


def _unit_named(text: str, focus: str) -> bool:
    """Is ``focus`` a word for an organization's unit (「部署」) and ``text`` naming one (「デジタル戦略推進部」)?"""
    return focus in _UNIT_KINDS and bool(_UNIT_NAME.search(text))


def _described(asked: str, other: str) -> bool:
    """Is ``other`` the ``asked`` thing only described, its modifier an adjective (「具体的取組事例」 for
    「修了者取組事例」: 具体的 says how, not which) rather than another noun naming a sibling?"""
    # (the length of the head they share)
    n = next((i for i, (a, b) in enumerate(zip(reversed(asked), reversed(other))) if a != b),
             min(len(asked), len(other)))
    return 0 < n < len(other) and other[:-n].endswith("的")


def _drop_suffix(text: str, suffix: str) -> str:
    return text[:-len(suffix)] if suffix and text.endswith(suffix) else text


def _short_title(chunk: Chunk) -> str:
    """A short name for a document: its kind and year or revision (「年度計画（2024年度）」)."""
    detail = chunk.revision or (f"{chunk.fiscal_year}年度" if chunk.fiscal_year else "")
    name = chunk.kind or chunk.title[:20]
    return f"{chunk.organization + 'の' if chunk.organization else ''}{name}{f'（{detail}）' if detail else ''}"


def _what_is_missing(analysis: QuestionAnalysis, missing: str, best: Candidate | None = None) -> str:
    if missing == "focus" and analysis.focus:
        return f"「{analysis.focus}」についての記述は見つかりませんでした"
    if missing == "measure":
        # Say what the closest passage does state, so the user sees why it is not the answer.
        nearby = f"。近い箇所にある「{best.value.text}」は別の項目の値です" if best and best.value else ""
        return f"「{analysis.focus}」の記載は見つかりませんでした{nearby}"
    if missing == "where":
        return f"「{analysis.focus or '場所'}」に当たる地名の記載は見つかりませんでした"
    if missing == "value" and analysis.focus and analysis.answer_type == "person":
        return f"「{analysis.focus}」に当たる人・組織の記載は見つかりませんでした"
    if missing == "value" and analysis.answer_type == "grade":
        return "評定の記載は見つかりませんでした"
    if missing == "value" and analysis.focus and analysis.answer_type == "name":
        return f"「{analysis.focus}」の名前の記載は見つかりませんでした"
    if missing == "value" and analysis.focus:
        return f"「{analysis.focus}」の数値の記載は見つかりませんでした"
    if missing == "restated" and best and best.value:
        return f"資料にあるのは質問にもある「{best.value.text}」で、問われている数値の記載は見つかりませんでした"
    if missing == "result":
        target = f"。目標「{best.value.text}」の記載はあります" if best and best.value else ""
        return f"「{analysis.focus}」の実績の記載は見つかりませんでした{target}"
    if missing == "year":
        return "質問の年度についての記述は見つかりませんでした"
    if missing == "organization":
        asked = "・".join(analysis.constraints.organizations)
        other = f"（近い記述は{best.chunk.organization}の資料にあります）" if best and best.chunk.organization else ""
        return f"{asked}の資料に質問に答える記述は見つかりませんでした{other}"
    if missing.startswith(("sibling:", "measure:")):
        _, asked, sibling = missing.split(":", 2)
        return f"「{asked}」についての記載は見つかりませんでした（「{sibling}」の記載はあります）"
    if missing.startswith("alone:"):
        return f"「{missing.split(':', 1)[1]}」だけの数値の記載は見つかりませんでした"
    if missing.startswith("place:"):
        return f"「{missing.split(':', 1)[1]}」について答える記述は見つかりませんでした"
    if missing.startswith("members:"):
        return f"「{missing.split(':', 1)[1]}」が何を指すかの記載は見つかりませんでした"
    if missing.startswith("counted:"):
        return f"数（「{missing.split(':', 1)[1]}」）の記載はありますが、どこかの記載は見つかりませんでした"
    if missing.startswith("quoted:"):
        return f"「{missing.split(':', 1)[1]}」についての記述は見つかりませんでした"
    if missing == "period":
        asked = "・".join(f"第{n}期" for n in analysis.constraints.periods)
        nearby = f"。近い箇所の「{best.value.text}」は別の期の値です" if best and best.value else ""
        return f"質問の期（{asked}）についての記載は見つかりませんでした{nearby}"
    return "質問に答える記述は見つかりませんでした"


def abstention_text(reason: str = "質問に答える記述は見つかりませんでした") -> str:
    return f"{ABSTAIN}（{reason}。関連する可能性のある箇所を下に示します）"


def citation_for(c: Candidate, marker: int, quote: str | None = None) -> Citation:
    ch = c.chunk
    return Citation(
        marker=marker, source=ch.source, title=ch.title, section=ch.section_path, version=ch.version,
        line_start=c.line_start, line_end=c.line_end, page=ch.page, chunk_id=ch.chunk_id, quote=quote or c.text,
    )
