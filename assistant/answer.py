"""The records an answer is made of."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

ABSTAIN = "資料に記載なし"


@dataclass
class Citation:
    """One numbered source of an answer: where to find the quoted sentence."""

    marker: int
    source: str
    title: str
    section: str
    version: str | None
    line_start: int
    line_end: int
    page: int | None
    chunk_id: str
    quote: str

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class Answer:
    """What the chain returns to the CLI, the UI and the eval."""

    question: str
    text: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    passages: list = field(default_factory=list)  # index.search.Passage, best first
    related: list = field(default_factory=list)  # passages shown as "possibly related" on abstention
    notices: list[str] = field(default_factory=list)  # e.g. truncation, LLM fallback
    unverified: list[str] = field(default_factory=list)  # numbers the cited passages do not contain
    mode: str = "extractive"
    confidence: float = 0.0
    timings_ms: dict[str, float] = field(default_factory=dict)
    diagnostics: dict = field(default_factory=dict)  # evidence behind the decision (focus, what is missing)
    searched_as: str | None = None  # a follow-up rewritten against the conversation, as searched

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "searched_as": self.searched_as,
            "answer": self.text,
            "abstained": self.abstained,
            "citations": [c.to_json() for c in self.citations],
            "passages": [p.to_json() for p in self.passages],
            "notices": self.notices,
            "unverified": self.unverified,
            "mode": self.mode,
            "confidence": round(self.confidence, 4),
            "diagnostics": self.diagnostics,
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }
