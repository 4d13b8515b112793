"""Run the question set through the assistant and compute every metric.

``evaluate`` is a library function (the CLI and the tests use it); the CLI adds
the report files, the baseline gate and the comparisons with simpler setups.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

from assistant.answer import Answer
from assistant.verify import MARKER_ANY, coverage, markers_in
from index.text import compact

from .metrics import (
    abstained,
    first_relevant_rank,
    is_correct,
    percentile,
    rank_metrics,
    relevant,
    retrieval_metrics,
)
from .questions import SPLITS, Question

# Metrics where a drop is a regression; the gate compares these against the baseline.
GATED = ("hit@5", "mrr@10", "answer_accuracy", "abstention_recall", "citation_precision")


FIRST_LINE_CHARS = 120  # "the key fact within the first line": the first line, at most this long


@dataclass
class Row:
    """One question's outcome; every metric is an average of these fields."""

    id: str
    type: str
    split: str
    question: str
    answer: str
    gold: str
    correct: bool | None  # answerable: must_include found; unanswerable: abstained
    abstained: bool
    first_evidence_rank: int | None
    citations: list[str]
    citation_precision: float | None
    timings_ms: dict[str, float]
    first_line_correct: bool | None = None  # the key fact within the answer's first line
    length: int = 0  # answer characters without citation markers
    coverage: float | None = None  # share of answer sentences carrying a marker
    agreement: bool = True  # markers in the text == citation list
    has_evidence: bool = False  # the question names evidence strings (retrieval metrics)

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"


@dataclass
class EvalResult:
    metrics: dict[str, float]
    by_type: dict[str, float]
    rows: list[Row] = field(default_factory=list)
    label: str = "hybrid"
    by_split: dict[str, dict[str, float]] = field(default_factory=dict)
    by_split_type: dict[str, dict[str, float]] = field(default_factory=dict)


def _citation_precision(answer: Answer, q: Question) -> float | None:
    """Share of cited passages that contain evidence or a key string."""
    if not answer.citations:
        return None
    keys = q.evidence_keys() + [compact(m) for m in q.must_include]
    texts = {p.chunk.chunk_id: p.chunk.text for p in answer.passages}
    good = 0
    for c in answer.citations:
        body = texts.get(c.chunk_id, c.quote)
        good += relevant(body, keys)
    return good / len(answer.citations)


def _agreement(answer: Answer) -> bool:
    return sorted(set(markers_in(answer.text))) == sorted(c.marker for c in answer.citations)


def first_line(text: str) -> str:
    """The answer's first line, cut at :data:`FIRST_LINE_CHARS`."""
    return (text.strip().splitlines() or [""])[0][:FIRST_LINE_CHARS]


def question_row(q: Question, answer: Answer, texts: list[str]) -> Row:
    """Score one answer against its question (pure)."""
    gave_up = abstained(answer.text)
    plain = MARKER_ANY.sub("", answer.text)
    return Row(
        q.id, q.type, q.split, q.question, answer.text, q.answer,
        # An abstention is never a right answer, even when it names the near figure (「近い箇所にある「…」」).
        (not gave_up and is_correct(answer.text, q.must_include)) if q.answerable else gave_up,
        gave_up,
        first_relevant_rank(texts[:10], q.evidence_keys()) if q.evidence else None,
        [f"[{c.marker}] {c.source}:{c.line_start}-{c.line_end}" for c in answer.citations],
        _citation_precision(answer, q) if q.answerable else None,
        dict(answer.timings_ms),
        first_line_correct=(not gave_up and is_correct(first_line(answer.text), q.must_include))
        if q.answerable else None,
        length=len(plain.strip()),
        coverage=coverage(answer.text) if q.answerable and not gave_up else None,
        agreement=_agreement(answer),
        has_evidence=bool(q.evidence),
    )


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def summarize(rows: list[Row]) -> dict[str, float]:
    """Every metric over ``rows`` (pure; used for the whole set and for each split)."""
    out: dict[str, float | None] = {}
    with_evidence = [r for r in rows if r.answerable and r.has_evidence]
    if with_evidence:
        out.update(rank_metrics([r.first_evidence_rank for r in with_evidence]))
    answerable = [r for r in rows if r.answerable]
    unanswerable = [r for r in rows if not r.answerable]
    if answerable:
        out["answer_accuracy"] = _mean([1.0 if r.correct else 0.0 for r in answerable])
        out["false_abstention"] = _mean([1.0 if r.abstained else 0.0 for r in answerable])
        out["first_line_accuracy"] = _mean([1.0 if r.first_line_correct else 0.0 for r in answerable])
        lengths = [r.length for r in answerable if not r.abstained]
        if lengths:
            out["answer_chars_median"] = float(percentile([float(x) for x in lengths], 50))
            out["answer_chars_max"] = float(max(lengths))
    if unanswerable:
        out["abstention_recall"] = _mean([1.0 if r.abstained else 0.0 for r in unanswerable])
    gave_up = [r for r in rows if r.abstained]
    out["abstention_precision"] = _mean([0.0 if r.answerable else 1.0 for r in gave_up]) if gave_up else 1.0
    out["citation_precision"] = _mean([r.citation_precision for r in rows if r.citation_precision is not None])
    out["citation_coverage"] = _mean([r.coverage for r in rows if r.coverage is not None])
    out["marker_agreement"] = _mean([1.0 if r.agreement else 0.0 for r in rows])
    for stage in ("retrieve", "answer", "total"):
        values = [r.timings_ms.get(stage, 0.0) for r in rows]
        out[f"{stage}_ms_p50"] = percentile(values, 50)
        out[f"{stage}_ms_p95"] = percentile(values, 95)
    return {k: float(v) for k, v in out.items() if v is not None}


def accuracy_by_type(rows: list[Row]) -> dict[str, float]:
    by_type: dict[str, list[bool]] = defaultdict(list)
    for r in rows:
        by_type[r.type].append(bool(r.correct))
    return {t: sum(v) / len(v) for t, v in sorted(by_type.items())}


def evaluate(questions: list[Question], ask, retrieve=None, label: str = "hybrid") -> EvalResult:
    """Metrics over the whole set, per split and per type, and a row per question.

    ``ask(question) -> Answer``; ``retrieve(question) -> list[str]`` gives the
    top-10 passage texts for the retrieval metrics (default: the answer's passages).
    """
    rows: list[Row] = []
    ranked: list[list[str]] = []
    for q in questions:
        t = time.perf_counter()
        answer = ask(q.question)
        answer.timings_ms.setdefault("total", (time.perf_counter() - t) * 1000)
        texts = retrieve(q.question) if retrieve else [p.chunk.text for p in answer.passages]
        ranked.append(texts)
        rows.append(question_row(q, answer, texts))
    metrics = summarize(rows)
    # nDCG and multi-evidence coverage need the ranked texts themselves.
    metrics.update({k: v for k, v in retrieval_metrics(questions, ranked).items()
                    if k in ("ndcg@10", "multi_evidence@10")})
    by_split = {s: summarize([r for r in rows if r.split == s]) for s in SPLITS if any(r.split == s for r in rows)}
    by_split_type = {s: accuracy_by_type([r for r in rows if r.split == s]) for s in by_split}
    return EvalResult(metrics, accuracy_by_type(rows), rows, label, by_split, by_split_type)


def check_against_baseline(metrics: dict[str, float], baseline: dict[str, float],
                           tolerances: dict[str, float]) -> list[str]:
    """Regressions beyond tolerance, as readable lines (empty when the gate passes)."""
    failures = []
    for name in GATED:
        if name not in baseline or name not in metrics:
            continue
        allowed = tolerances.get(name, 0.0)
        if metrics[name] < baseline[name] - allowed:
            failures.append(f"{name}: {metrics[name]:.3f} < baseline {baseline[name]:.3f} - tolerance {allowed:.3f}")
    return failures
