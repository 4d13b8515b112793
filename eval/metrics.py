"""Pure metric functions. Inputs are plain lists so they are easy to test."""

from __future__ import annotations

import math
from statistics import median

from index.text import compact

from .questions import Question

ABSTAIN = "資料に記載なし"


def relevant(text: str, keys: list[str]) -> bool:
    """A passage is relevant when it contains any evidence string (compared compacted)."""
    body = compact(text)
    return any(k and k in body for k in keys)


def first_relevant_rank(texts: list[str], keys: list[str]) -> int | None:
    for rank, text in enumerate(texts, 1):
        if relevant(text, keys):
            return rank
    return None


def ndcg_at(texts: list[str], keys: list[str], k: int = 10) -> float:
    gains = [1.0 if relevant(t, keys) else 0.0 for t in texts[:k]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal_n = min(k, max(1, int(sum(gains))))
    idcg = sum(1 / math.log2(i + 2) for i in range(ideal_n))
    return dcg / idcg if idcg else 0.0


def evidence_share(texts: list[str], keys: list[str], k: int = 10) -> float:
    """Share of a question's evidence strings found somewhere in the top k."""
    if not keys:
        return 0.0
    bodies = [compact(t) for t in texts[:k]]
    return sum(any(key in b for b in bodies) for key in keys) / len(keys)


def rank_metrics(ranks: list[int | None]) -> dict[str, float]:
    """hit@1/5/10 and MRR@10 from each question's first relevant rank (None: not in the top 10)."""
    n = len(ranks)
    return {
        "hit@1": sum(1 for r in ranks if r and r <= 1) / n,
        "hit@5": sum(1 for r in ranks if r and r <= 5) / n,
        "hit@10": sum(1 for r in ranks if r and r <= 10) / n,
        "mrr@10": sum(1 / r for r in ranks if r) / n,
    }


def retrieval_metrics(questions: list[Question], ranked_texts: list[list[str]]) -> dict[str, float]:
    """hit@1/5/10, MRR@10, nDCG@10 and multi-evidence coverage over answerable questions."""
    rows = [(q, t) for q, t in zip(questions, ranked_texts) if q.answerable and q.evidence]
    if not rows:
        return {}
    ranks = [first_relevant_rank(t[:10], q.evidence_keys()) for q, t in rows]
    n = len(rows)
    multi = [evidence_share(t, q.evidence_keys()) for q, t in rows if len(q.evidence) > 1]
    return {
        **rank_metrics(ranks),
        "ndcg@10": sum(ndcg_at(t, q.evidence_keys()) for q, t in rows) / n,
        "multi_evidence@10": sum(multi) / len(multi) if multi else 1.0,
    }


def is_correct(answer: str, must_include: list[str]) -> bool:
    """must_include check: every key string appears (NFKC, whitespace-insensitive)."""
    body = compact(answer)
    return bool(must_include) and all(compact(m) in body for m in must_include)


def abstained(answer: str) -> bool:
    return answer.strip().startswith(ABSTAIN)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    if p == 50:
        return float(median(values))
    s = sorted(values)
    k = (len(s) - 1) * p / 100
    lo, hi = math.floor(k), math.ceil(k)
    return float(s[lo] + (s[hi] - s[lo]) * (k - lo))
