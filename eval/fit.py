"""Fit the abstention thresholds on the dev split (never on test).

One pass answers every question with abstention by threshold switched off and
records, per question, the evidence the decision uses (confidence, focus
coverage, what is missing) and whether the answer given would be correct.
Thresholds are then swept offline: the pair that answers the most dev
questions right (an unanswerable one is right when it abstains), with false
abstention at most ``max_false_abstention``, is chosen. Test numbers for the
chosen pair are reported beside dev, never used to choose.
"""

from __future__ import annotations

from dataclasses import dataclass

from .metrics import abstained, is_correct
from .questions import Question


@dataclass(frozen=True)
class Observation:
    id: str
    split: str
    answerable: bool
    correct_if_answered: bool
    confidence: float
    focus: float
    support: float
    missing: str


@dataclass(frozen=True)
class Fit:
    abstain_threshold: float
    focus_threshold: float
    support_threshold: float
    dev: dict[str, float]
    test: dict[str, float]


def observe(questions: list[Question], ask) -> list[Observation]:
    out = []
    for q in questions:
        a = ask(q.question)
        d = a.diagnostics or {}
        missing = d.get("missing", "")
        # With thresholds off, "focus" is never missing: keep only the hard reasons (no figure, wrong year).
        hard = missing if missing in ("value", "year") else ""
        out.append(Observation(q.id, q.split, q.answerable,
                               q.answerable and not abstained(a.text) and is_correct(a.text, q.must_include),
                               a.confidence, float(d.get("focus_coverage", 0.0)), float(d.get("support", 0.0)),
                               hard))
    return out


def outcome(obs: list[Observation], t_conf: float, t_focus: float, t_support: float = 0.0) -> dict[str, float]:
    """Accuracy, abstention recall and false abstention if these thresholds were used."""
    def abstains(o: Observation) -> bool:
        return bool(o.missing) or o.confidence < t_conf or o.focus < t_focus or o.support < t_support

    ans = [o for o in obs if o.answerable]
    una = [o for o in obs if not o.answerable]
    acc = sum(1 for o in ans if not abstains(o) and o.correct_if_answered) / max(len(ans), 1)
    recall = sum(1 for o in una if abstains(o)) / max(len(una), 1)
    false = sum(1 for o in ans if abstains(o)) / max(len(ans), 1)
    right = sum(1 for o in ans if not abstains(o) and o.correct_if_answered) + sum(1 for o in una if abstains(o))
    return {"answer_accuracy": acc, "abstention_recall": recall, "false_abstention": false,
            "overall": right / max(len(obs), 1)}


def fit(obs: list[Observation], max_false_abstention: float = 0.10) -> Fit:
    dev = [o for o in obs if o.split == "dev"]
    test = [o for o in obs if o.split == "test"]
    best: tuple | None = None
    for i in range(0, 41):
        t_conf = i * 0.02
        for j in range(0, 21):
            t_focus = j * 0.05
            for k in range(0, 21):
                t_support = k * 0.05
                m = outcome(dev, t_conf, t_focus, t_support)
                if m["false_abstention"] > max_false_abstention:
                    continue
                key = (m["overall"], -(t_conf + t_focus + t_support))  # ties: the most permissive thresholds
                if best is None or key > best[0]:
                    best = (key, t_conf, t_focus, t_support)
    assert best is not None
    _, t_conf, t_focus, t_support = best
    return Fit(t_conf, t_focus, t_support, outcome(dev, t_conf, t_focus, t_support),
               outcome(test, t_conf, t_focus, t_support))
