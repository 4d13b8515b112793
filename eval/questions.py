"""The question-set format (``eval/questions.yaml``) and its validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from index.text import compact

TYPES = {"fact", "definition", "list", "cross_doc", "version", "unanswerable"}
SPLITS = ("dev", "test")


@dataclass(frozen=True)
class Evidence:
    source: str
    text: str


@dataclass
class Question:
    id: str
    question: str
    answer: str
    type: str
    must_include: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    split: str = "dev"  # dev: may be used to choose anything; test: only reported

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"

    def evidence_keys(self) -> list[str]:
        return [compact(e.text) for e in self.evidence]


class QuestionFileError(ValueError):
    pass


def load_questions(path: Path) -> list[Question]:
    """Read and validate a question file; raise :class:`QuestionFileError` naming the item."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise QuestionFileError(f"{path}: {exc}") from None
    items = data.get("questions", data) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise QuestionFileError(f"{path}: expected a list under 'questions'")
    out, seen = [], set()
    for n, item in enumerate(items, 1):
        where = f"{path}: item {n} ({item.get('id', '?') if isinstance(item, dict) else '?'})"
        q = question_of(item, where)
        if q.id in seen:
            raise QuestionFileError(f"{where}: duplicate id")
        seen.add(q.id)
        out.append(q)
    return out


def _evidence(item, where: str) -> Evidence:
    """One evidence entry ({source, text}); raise :class:`QuestionFileError` naming what is missing."""
    if not isinstance(item, dict) or not item.get("source") or not item.get("text"):
        raise QuestionFileError(f"{where}: each evidence entry needs 'source' and 'text' (got {item!r})")
    return Evidence(str(item["source"]), str(item["text"]))


def question_of(item, where: str, default_id: str | None = None, split: str | None = None) -> Question:
    """One validated question item (also a turn of a dialogue); raise :class:`QuestionFileError`."""
    if not isinstance(item, dict) or not (item.get("id") or default_id) or not item.get("question"):
        raise QuestionFileError(f"{where}: needs at least 'id' and 'question'")
    qtype = item.get("type", "fact")
    if qtype not in TYPES:
        raise QuestionFileError(f"{where}: type must be one of {sorted(TYPES)}")
    split = split or item.get("split", "dev")
    if split not in SPLITS:
        raise QuestionFileError(f"{where}: split must be one of {list(SPLITS)}")
    evidence = [_evidence(e, where) for e in item.get("evidence") or []]
    must = [str(m) for m in item.get("must_include") or []]
    if qtype != "unanswerable" and not (must or evidence):
        raise QuestionFileError(f"{where}: an answerable item needs must_include or evidence")
    return Question(str(item.get("id") or default_id), str(item["question"]), str(item.get("answer", "")), qtype,
                    must, evidence, split)
