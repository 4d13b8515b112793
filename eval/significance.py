"""Paired significance over questions: is a change better than noise?

Two runs answer the same questions; each question gives one number per run
(1/0 for correct, a reciprocal rank …). The paired permutation test flips the
sign of each question's difference at random: the p-value is the share of
flips whose mean difference is at least as far from zero as the observed one.
Pure functions, seeded, so a report is reproducible.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class PairedResult:
    n: int
    before: float
    after: float
    diff: float
    p_value: float
    wins: int  # questions better after
    losses: int  # questions worse after

    @property
    def significant(self) -> bool:
        return self.p_value < 0.05


def paired_permutation(before: list[float], after: list[float], rounds: int = 10000,
                       seed: int = 0) -> PairedResult:
    """Two-sided paired sign-flip permutation test of mean(after - before)."""
    if len(before) != len(after):
        raise ValueError("paired samples must have the same length")
    n = len(before)
    diffs = [b - a for a, b in zip(before, after)]
    observed = abs(sum(diffs))
    nonzero = [d for d in diffs if d]
    if not nonzero:
        p = 1.0
    else:
        rng = random.Random(seed)
        hits = 0
        for _ in range(rounds):
            total = sum(d if rng.random() < 0.5 else -d for d in nonzero)
            if abs(total) >= observed - 1e-12:
                hits += 1
        p = (hits + 1) / (rounds + 1)
    mean_b = sum(before) / n if n else 0.0
    mean_a = sum(after) / n if n else 0.0
    return PairedResult(n, mean_b, mean_a, mean_a - mean_b, p,
                        sum(1 for d in diffs if d > 0), sum(1 for d in diffs if d < 0))


# Per-question outcomes compared between two runs: (metric, rows it applies to, value of a row).
OUTCOMES: dict[str, tuple[str, str]] = {
    "answer_accuracy": ("answerable", "correct"),
    "abstention_recall": ("unanswerable", "abstained"),
    "first_line_accuracy": ("answerable", "first_line_correct"),
    "hit@5": ("evidence", "hit5"),
    "mrr@10": ("evidence", "rr"),
    "citation_precision": ("cited", "citation_precision"),
}


def outcome_table(rows: list[dict]) -> dict[str, dict[str, float | None]]:
    """``{question id: {outcome: value}}`` from report rows (dicts), the form kept as a baseline."""
    table: dict[str, dict[str, float | None]] = {}
    for r in rows:
        answerable = r["type"] != "unanswerable"
        rank = r.get("first_evidence_rank")
        table[r["id"]] = {
            "split": r.get("split", "dev"),
            "answerable": answerable,
            "evidence": answerable and r.get("has_evidence", False),
            "correct": float(bool(r["correct"])) if answerable else None,
            "abstained": float(bool(r["abstained"])),
            "first_line_correct": float(bool(r.get("first_line_correct"))) if answerable else None,
            "hit5": float(bool(rank and rank <= 5)) if answerable else None,
            "rr": (1.0 / rank if rank else 0.0) if answerable else None,
            "citation_precision": r.get("citation_precision"),
        }
    return table


def compare_runs(before: dict[str, dict], after: dict[str, dict], split: str | None = None,
                 seed: int = 0) -> dict[str, PairedResult]:
    """Paired tests of each outcome over the questions both runs answered (optionally one split)."""
    ids = [i for i in after if i in before and (split is None or after[i]["split"] == split)]
    out: dict[str, PairedResult] = {}
    for name, (scope, key) in OUTCOMES.items():
        pairs = []
        for i in ids:
            a, b = before[i], after[i]
            if scope == "answerable" and not a["answerable"]:
                continue
            if scope == "unanswerable" and a["answerable"]:
                continue
            if scope == "evidence" and not a["evidence"]:
                continue
            if scope == "cited" and (a[key] is None or b[key] is None):
                continue
            pairs.append((a[key] or 0.0, b[key] or 0.0))
        if pairs:
            out[name] = paired_permutation([x for x, _ in pairs], [y for _, y in pairs], seed=seed)
    return out
