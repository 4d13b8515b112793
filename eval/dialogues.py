"""Multi-turn dialogues (``eval/dialogues.yaml``): follow-up questions scored in context.

Each dialogue is a list of turns in the question format; every turn after the
first leans on the earlier ones (「それは現行では？」「IPAは？」). A follow-up is
asked with the conversation so far — the earlier questions and the assistant's
own answers to them, as a user would have it — and scored like any question.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .questions import SPLITS, Question, QuestionFileError, question_of
from .run import Row, question_row, summarize


@dataclass
class Dialogue:
    id: str
    split: str
    turns: list[Question]
    follows: list[str]  # the follow-up pattern of each turn after the first


def load_dialogues(path: Path) -> list[Dialogue]:
    """Read and validate a dialogue file; raise :class:`QuestionFileError` naming the item."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise QuestionFileError(f"{path}: {exc}") from None
    items = data.get("dialogues") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise QuestionFileError(f"{path}: expected a list under 'dialogues'")
    out, seen = [], set()
    for n, item in enumerate(items, 1):
        where = f"{path}: dialogue {n} ({item.get('id', '?') if isinstance(item, dict) else '?'})"
        if not isinstance(item, dict) or not item.get("id") or not isinstance(item.get("turns"), list):
            raise QuestionFileError(f"{where}: needs 'id' and a list of 'turns'")
        if item["id"] in seen:
            raise QuestionFileError(f"{where}: duplicate id")
        seen.add(item["id"])
        split = item.get("split", "dev")
        if split not in SPLITS:
            raise QuestionFileError(f"{where}: split must be one of {list(SPLITS)}")
        if len(item["turns"]) < 2:
            raise QuestionFileError(f"{where}: a dialogue needs at least two turns")
        turns = [question_of(t, f"{where} turn {i}", f"{item['id']}.{i}", split)
                 for i, t in enumerate(item["turns"], 1)]
        follows = [str(t.get("follows", "")) if isinstance(t, dict) else "" for t in item["turns"][1:]]
        out.append(Dialogue(str(item["id"]), split, turns, follows))
    return out


@dataclass
class DialogueResult:
    rows: list[Row]  # one per follow-up turn
    follows: list[str]  # the pattern of each row
    metrics: dict[str, dict[str, float]]  # split (and "all") -> metrics of the follow-up turns


def evaluate_dialogues(dialogues: list[Dialogue], ask, with_history: bool = True) -> DialogueResult:
    """Ask every turn in order; score the follow-ups (turns after the first).

    ``ask(question, history) -> Answer`` with ``history`` a list of (question, answer
    text) pairs; ``with_history=False`` asks each follow-up alone (the no-context baseline).
    """
    rows, follows = [], []
    for d in dialogues:
        history: list[tuple[str, str]] = []
        for i, turn in enumerate(d.turns):
            answer = ask(turn.question, history if with_history else [])
            if i:
                texts = [p.chunk.text for p in answer.passages]
                rows.append(question_row(turn, answer, texts))
                follows.append(d.follows[i - 1])
            history = [*history, (turn.question, answer.text)]
    metrics = {"all": follow_up_metrics(rows)}
    for s in SPLITS:
        part = [r for r in rows if r.split == s]
        if part:
            metrics[s] = follow_up_metrics(part)
    return DialogueResult(rows, follows, metrics)


def follow_up_metrics(rows: list[Row]) -> dict[str, float]:
    """follow_up_accuracy: answerable follow-ups answered correctly and unanswerable ones abstained."""
    out = {"follow_up_accuracy": sum(bool(r.correct) for r in rows) / len(rows), "follow_ups": float(len(rows))}
    base = summarize(rows)
    for k in ("answer_accuracy", "abstention_recall", "false_abstention", "citation_precision"):
        if k in base:
            out[k] = base[k]
    return out
