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


# Candidate-score weights searched by coordinate descent (each tried at these values).
WEIGHT_GRID: dict[str, tuple[float, ...]] = {
    "lexical": (0.2, 0.3, 0.4, 0.5, 0.6),
    "focus": (0.0, 0.1, 0.2, 0.3, 0.4, 0.5),
    "value": (0.0, 0.1, 0.15, 0.25, 0.4),
    "prior": (0.0, 0.05, 0.1, 0.2, 0.3),
    "cue": (0.0, 0.05, 0.1, 0.2),
    "own_share": (0.0, 0.15, 0.3, 0.5, 0.7),
    "rank_decay": (0.2, 0.5, 1.0, 2.0),
}


def fit_weights(questions: list[Question], assistant, rounds: int = 2, max_false_abstention: float = 0.10,
                report=print) -> tuple[dict[str, float], Fit]:
    """Coordinate descent over ``answer.scoring`` weights on dev, thresholds refitted for each.

    Retrieval does not depend on these weights, so each question is retrieved once and
    only answering is repeated. Returns the chosen weights and their threshold fit.
    """
    from assistant.chain import Request

    # Test questions are answered too, only so that the chosen weights can be reported on test.
    prepared = [(q, assistant.steps.invoke(Request(q.question))) for q in questions]
    base = assistant.settings.answer
    open_scoring = base.scoring.model_copy(update={"focus_threshold": 0.0, "support_threshold": 0.0})

    def evaluate_weights(weights: dict[str, float]) -> Fit:
        scoring = open_scoring.model_copy(update=weights)
        assistant.extractive.settings = base.model_copy(update={"abstain_threshold": 0.0, "scoring": scoring})
        obs = []
        for q, req in prepared:
            answer = assistant._extractive_answer(req)
            d = answer.diagnostics
            hard = d.get("missing", "") if d.get("missing") in ("value", "year") else ""
            obs.append(Observation(q.id, q.split, q.answerable,
                                   q.answerable and not abstained(answer.text) and is_correct(answer.text,
                                                                                                q.must_include),
                                   answer.confidence, float(d.get("focus_coverage", 0.0)),
                                   float(d.get("support", 0.0)), hard))
        return fit(obs, max_false_abstention)

    weights = {k: getattr(base.scoring, k) for k in WEIGHT_GRID}
    best = evaluate_weights(weights)
    try:
        for _ in range(rounds):
            changed = False
            for key, values in WEIGHT_GRID.items():
                for value in values:
                    if value == weights[key]:
                        continue
                    trial = evaluate_weights({**weights, key: value})
                    if trial.dev["overall"] > best.dev["overall"] + 1e-9:
                        weights, best, changed = {**weights, key: value}, trial, True
                        report(f"  {key} = {value}: dev overall {best.dev['overall']:.3f}")
            if not changed:
                break
    finally:
        assistant.extractive.settings = base
    return weights, best
