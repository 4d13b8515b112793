"""Typed settings, read once from ``config.yaml`` and passed down.

Every knob of the product lives in ``config.yaml``; this module turns it into a
validated :class:`Settings` object. Unknown keys, wrong types and impossible
values stop with a one-line :class:`ConfigError` naming the key.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, ValidationError, model_validator

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "config.yaml"


class ConfigError(ValueError):
    """A configuration problem, phrased for the user in one line."""


class _Strict(BaseModel):
    # Numbers must be finite; booleans are not numbers (``top_k: true`` is an error, not 1).
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class CorpusSettings(_Strict):
    paths: list[Path] = Field(default_factory=lambda: [Path("corpus")])
    manifest: Path | None = Path("corpus/manifest.yaml")
    extensions: list[str] = Field(default_factory=lambda: [".txt", ".md", ".pdf"])
    max_file_mb: StrictFloat = Field(20.0, gt=0, le=10_000)
    max_drop_share: StrictFloat = Field(0.5, ge=0, le=1)
    max_bad_byte_share: StrictFloat = Field(0.01, ge=0, le=1)
    uploads: StrictBool = True


class IngestSettings(_Strict):
    furniture_min_repeats: StrictInt = Field(4, ge=2)
    furniture_max_chars: StrictInt = Field(80, ge=5)
    furniture_min_chars: StrictInt = Field(4, ge=1)
    furniture_min_spread: StrictFloat = Field(0.5, ge=0, le=1)
    furniture_context_ratio: StrictFloat = Field(0.6, gt=0, le=1)
    heading_max_chars: StrictInt = Field(60, ge=5)
    table_min_run: StrictInt = Field(3, ge=2)
    table_max_gap: StrictInt = Field(12, ge=1)


class ChunkSettings(_Strict):
    target_chars: StrictInt = Field(380, ge=50)
    max_chars: StrictInt = Field(600, ge=50)
    overlap_chars: StrictInt = Field(120, ge=0)

    @model_validator(mode="after")
    def _sizes(self) -> ChunkSettings:
        if self.max_chars < self.target_chars:
            raise ValueError("max_chars must be >= target_chars")
        if self.overlap_chars >= self.target_chars:
            raise ValueError("overlap_chars must be < target_chars")
        return self


class EmbeddingSettings(_Strict):
    model: str = "bundled:multilingual-e5-small"
    query_prompt: str = "query: "
    passage_prompt: str = "passage: "
    batch_size: StrictInt = Field(0, ge=0)
    device: str = Field("cpu", pattern=r"^(cpu|mps|cuda(:[0-9]+)?)$")
    dtype: Literal["auto", "float32", "bfloat16", "int8"] = "auto"
    threads: StrictInt = Field(0, ge=0)

    @model_validator(mode="after")
    def _int8_on_cpu(self) -> EmbeddingSettings:
        if self.dtype == "int8" and self.device != "cpu":
            raise ValueError("dtype int8 (dynamic quantization) runs on device cpu only")
        return self


class FaissSettings(_Strict):
    kind: Literal["auto", "flat", "hnsw", "ivf"] = "auto"
    auto_threshold: StrictInt = Field(200_000, ge=1)
    codes: Literal["flat", "sq8"] = "sq8"
    hnsw_m: StrictInt = Field(32, ge=4)
    hnsw_ef_search: StrictInt = Field(128, ge=8)
    ivf_nlist: StrictInt = Field(0, ge=0)
    ivf_nprobe: StrictInt = Field(16, ge=1)
    exact_filter_max: StrictInt = Field(20_000, ge=0)
    filter_ef_factor: StrictInt = Field(8, ge=1)


class Bm25Settings(_Strict):
    split_mode: Literal["A", "B", "C"] = "A"
    normalized_form: StrictBool = True
    drop_pos: list[str] = Field(default_factory=lambda: ["補助記号", "空白"])
    k1: StrictFloat = Field(1.2, gt=0)
    b: StrictFloat = Field(0.75, ge=0, le=1)


class RetrievalSettings(_Strict):
    mode: Literal["hybrid", "dense", "bm25"] = "hybrid"
    top_k: StrictInt = Field(5, ge=1, le=100)
    candidates: StrictInt = Field(50, ge=1)
    rrf_k: StrictInt = Field(10, ge=1)
    dense_weight: StrictFloat = Field(1.0, ge=0)
    bm25_weight: StrictFloat = Field(1.3, ge=0)
    reranker: str | None = None
    rerank_top: StrictInt = Field(20, ge=1)


class RankSettings(_Strict):
    """Question constraints and revisions in retrieval (bonuses in units of the fused RRF score)."""

    pool: StrictInt = Field(20, ge=1, le=200)
    organization: StrictFloat = Field(0.05, ge=0)
    kind: StrictFloat = Field(0.03, ge=0)
    fiscal_year: StrictFloat = Field(0.03, ge=0)
    version: StrictFloat = Field(0.03, ge=0)
    revision: StrictFloat = Field(0.04, ge=0)
    named_revision: StrictFloat = Field(1.0, ge=0)
    label: StrictFloat = Field(0.1, ge=0)
    proximity: StrictFloat = Field(0.05, ge=0)
    conversation: StrictFloat = Field(0.05, ge=0)
    conversation_reach: StrictInt = Field(1, ge=0, le=50)
    conversation_read: StrictBool = True
    conversation_search: StrictInt = Field(5, ge=1, le=100)
    duplicate_ratio: StrictFloat = Field(0.9, gt=0, le=1)
    quoted: StrictBool = True
    quoted_reach: StrictInt = Field(5, ge=0, le=50)


class ScoringSettings(_Strict):
    """Weights of the extractive answerer's candidate score and its calibration."""

    calibrated_for: str = "bundled:multilingual-e5-small"
    lexical: StrictFloat = Field(0.4, ge=0)
    focus: StrictFloat = Field(0.3, ge=0)
    value: StrictFloat = Field(0.15, ge=0)
    prior: StrictFloat = Field(0.1, ge=0)
    cue: StrictFloat = Field(0.05, ge=0)
    own_share: StrictFloat = Field(0.3, ge=0, le=1)
    rank_decay: StrictFloat = Field(0.5, ge=0)
    focus_threshold: StrictFloat = Field(0.5, ge=0, le=1)
    support_threshold: StrictFloat = Field(0.0, ge=0, le=1)
    measure_threshold: StrictFloat = Field(0.0, ge=0, le=1)
    quoted_threshold: StrictFloat = Field(0.5, ge=0, le=1)
    confidence_lexical: StrictFloat = Field(0.5, ge=0)
    confidence_focus: StrictFloat = Field(0.3, ge=0)
    confidence_dense: StrictFloat = Field(0.2, ge=0)
    dense_low: StrictFloat = Field(0.78, ge=-1, le=1)
    dense_high: StrictFloat = Field(0.92, ge=-1, le=1)


class AnswerSettings(_Strict):
    mode: Literal["extractive", "llm"] = "extractive"
    abstain_threshold: StrictFloat = Field(0.45, ge=0, le=1)
    related_on_abstain: StrictInt = Field(3, ge=0, le=10)
    direct_max_chars: StrictInt = Field(80, ge=10)
    quote_as_answer_chars: StrictInt = Field(120, ge=0)
    quote_max_chars: StrictInt = Field(200, ge=20)
    max_list_items: StrictInt = Field(8, ge=2, le=30)
    cross_share: StrictFloat = Field(0.6, ge=0, le=1)
    per_document_k: StrictInt = Field(3, ge=1, le=50)
    revision_k: StrictInt = Field(10, ge=1, le=50)
    status_k: StrictInt = Field(10, ge=1, le=50)
    value_share: StrictFloat = Field(0.7, ge=0, le=1)
    next_share: StrictFloat = Field(0.6, ge=0, le=1)
    measure_share: StrictFloat = Field(0.5, ge=0, le=1)
    max_quotes: StrictInt = Field(2, ge=1, le=10)
    parts_candidates: StrictInt = Field(3, ge=1, le=20)
    parts_k: StrictInt = Field(10, ge=1, le=50)
    extra_ratio: StrictFloat = Field(0.85, ge=0, le=1)
    reach: StrictInt = Field(40, ge=1, le=400)
    several_reach: StrictInt = Field(10, ge=0, le=100)
    scoring: ScoringSettings = ScoringSettings()


class LlmSettings(_Strict):
    base_url: str = "http://127.0.0.1:8080/v1"
    model: str = "gpt-4o-mini"
    api_key_env: str = "OPENAI_API_KEY"
    timeout_s: StrictFloat = Field(60.0, gt=0, le=3600)
    temperature: StrictFloat = Field(0.0, ge=0, le=2)
    max_tokens: StrictInt = Field(512, ge=16)
    system_prompt: str = ""


class UiSettings(_Strict):
    host: str = "127.0.0.1"
    port: StrictInt = Field(7860, ge=1, le=65535)
    auth_user_env: str | None = None
    auth_password_env: str | None = None
    max_question_chars: StrictInt = Field(2000, ge=10)
    concurrency: StrictInt = Field(2, ge=1)
    examples: list[str] = Field(default_factory=list)
    upload_max_mb: StrictFloat | StrictInt = Field(20, gt=0, le=1000)
    upload_extensions: list[str] = Field(default_factory=lambda: [".txt", ".md", ".pdf"])


class EvalSettings(_Strict):
    questions: Path = Path("eval/questions.yaml")
    dialogues: Path = Path("eval/dialogues.yaml")
    baseline: Path = Path("eval/baseline.json")
    reports_dir: Path = Path("docs/eval")
    tolerances: dict[str, float] = Field(default_factory=dict)


class Settings(_Strict):
    """Everything configurable. Relative paths are resolved against ``root``."""

    root: Path = Path(".")
    data_dir: Path = Path(".data")
    corpus: CorpusSettings = CorpusSettings()
    ingest: IngestSettings = IngestSettings()
    chunking: ChunkSettings = ChunkSettings()
    embedding: EmbeddingSettings = EmbeddingSettings()
    faiss: FaissSettings = FaissSettings()
    bm25: Bm25Settings = Bm25Settings()
    retrieval: RetrievalSettings = RetrievalSettings()
    rank: RankSettings = RankSettings()
    answer: AnswerSettings = AnswerSettings()
    llm: LlmSettings = LlmSettings()
    ui: UiSettings = UiSettings()
    eval: EvalSettings = EvalSettings()

    def path(self, p: Path) -> Path:
        """Resolve a configured path relative to the config file's folder."""
        return p if p.is_absolute() else (self.root / p).resolve()

    @property
    def index_dir(self) -> Path:
        return self.path(self.data_dir) / "index"

    @property
    def uploads_dir(self) -> Path:
        """Where files added in the UI are kept (always inside the data directory)."""
        return self.path(self.data_dir) / "uploads"

    def corpus_paths(self) -> list[Path]:
        """The configured corpus files and folders, plus the uploads folder when uploads are indexed."""
        paths = [self.path(p) for p in self.corpus.paths]
        if self.corpus.uploads and self.uploads_dir.is_dir():
            paths.append(self.uploads_dir)
        return paths

    @property
    def cache_dir(self) -> Path:
        return self.path(self.data_dir) / "models"

    def llm_api_key(self) -> str | None:
        """The LLM API key, read from the environment, never from the file."""
        return os.environ.get(self.llm.api_key_env)


def _describe(err: ValidationError) -> str:
    first = err.errors()[0]
    key = ".".join(str(p) for p in first["loc"]) or "(top level)"
    if first["type"] == "extra_forbidden":
        return f"unknown key '{key}'"
    return f"'{key}': {first['msg']}"


def load_settings(path: Path | str | None = None, **overrides: object) -> Settings:
    """Read ``config.yaml`` (or ``path``) into :class:`Settings`.

    Raises :class:`ConfigError` with one line naming the offending key.
    """
    path = Path(path) if path else DEFAULT_CONFIG
    if not path.exists():
        raise ConfigError(f"config file not found: {path}")
    if not path.is_file():
        raise ConfigError(f"{path}: not a file")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (UnicodeDecodeError, OSError):
        raise ConfigError(f"{path}: not a readable UTF-8 text file") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc.__class__.__name__})") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of settings at the top level")
    raw = {**raw, **overrides}
    raw.setdefault("root", path.resolve().parent)
    if "root" in raw and not Path(str(raw["root"])).is_absolute():
        raw["root"] = (path.resolve().parent / str(raw["root"])).resolve()
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {_describe(exc)}") from None
