"""Run the question set through the assistant and compute every metric.

``evaluate`` is a library function (the CLI and the tests use it); the CLI adds
the report files, the baseline gate and the comparisons with simpler setups.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

from assistant.answer import Answer
from assistant.verify import MARKER, coverage
from index.text import compact

from .metrics import abstained, first_relevant_rank, is_correct, percentile, relevant, retrieval_metrics
from .questions import Question

# Metrics where a drop is a regression; the gate compares these against the baseline.
GATED = ("hit@5", "mrr@10", "answer_accuracy", "abstention_recall", "citation_precision")


@dataclass
class Row:
    id: str
    type: str
    question: str
    answer: str
    gold: str
    correct: bool | None
    abstained: bool
    first_evidence_rank: int | None
    citations: list[str]
    citation_precision: float | None
    timings_ms: dict[str, float]


@dataclass
class EvalResult:
    metrics: dict[str, float]
    by_type: dict[str, float]
    rows: list[Row] = field(default_factory=list)
    label: str = "hybrid"


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
    return sorted({int(m) for m in MARKER.findall(answer.text)}) == sorted(c.marker for c in answer.citations)


def evaluate(questions: list[Question], ask, retrieve=None, label: str = "hybrid") -> EvalResult:
    """Metrics over the whole set and a row per question.

    ``ask(question) -> Answer``; ``retrieve(question) -> list[str]`` gives the
    top-10 passage texts for the retrieval metrics (default: the answer's passages).
    """
    rows: list[Row] = []
    ranked: list[list[str]] = []
    answers: list[Answer] = []
    for q in questions:
        t = time.perf_counter()
        answer = ask(q.question)
        answer.timings_ms.setdefault("total", (time.perf_counter() - t) * 1000)
        answers.append(answer)
        texts = retrieve(q.question) if retrieve else [p.chunk.text for p in answer.passages]
        ranked.append(texts)
        rows.append(Row(
            q.id, q.type, q.question, answer.text, q.answer,
            is_correct(answer.text, q.must_include) if q.answerable else abstained(answer.text),
            abstained(answer.text),
            first_relevant_rank(texts[:10], q.evidence_keys()) if q.evidence else None,
            [f"[{c.marker}] {c.source}:{c.line_start}-{c.line_end}" for c in answer.citations],
            _citation_precision(answer, q) if q.answerable else None,
            dict(answer.timings_ms),
        ))
    metrics = retrieval_metrics(questions, ranked)
    answerable = [(q, a) for q, a in zip(questions, answers) if q.answerable]
    unanswerable = [(q, a) for q, a in zip(questions, answers) if not q.answerable]
    if answerable:
        metrics["answer_accuracy"] = sum(is_correct(a.text, q.must_include) for q, a in answerable) / len(answerable)
        metrics["false_abstention"] = sum(abstained(a.text) for _, a in answerable) / len(answerable)
    abst = [a for _, a in zip(questions, answers) if abstained(a.text)]
    if unanswerable:
        metrics["abstention_recall"] = sum(abstained(a.text) for _, a in unanswerable) / len(unanswerable)
    unans_ids = {q.id for q, _ in unanswerable}
    metrics["abstention_precision"] = (
        sum(1 for q, a in zip(questions, answers) if abstained(a.text) and q.id in unans_ids) / len(abst)
        if abst else 1.0
    )
    precisions = [r.citation_precision for r in rows if r.citation_precision is not None]
    metrics["citation_precision"] = sum(precisions) / len(precisions) if precisions else 0.0
    cited = [a for _, a in answerable if not abstained(a.text)]
    metrics["citation_coverage"] = sum(coverage(a.text) for a in cited) / len(cited) if cited else 0.0
    metrics["marker_agreement"] = sum(_agreement(a) for a in answers) / len(answers) if answers else 1.0
    for stage in ("retrieve", "answer", "total"):
        values = [a.timings_ms.get(stage, 0.0) for a in answers]
        metrics[f"{stage}_ms_p50"] = percentile(values, 50)
        metrics[f"{stage}_ms_p95"] = percentile(values, 95)
    by_type: dict[str, list[bool]] = defaultdict(list)
    for r in rows:
        by_type[r.type].append(bool(r.correct))
    return EvalResult(metrics, {t: sum(v) / len(v) for t, v in sorted(by_type.items())}, rows, label)


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
