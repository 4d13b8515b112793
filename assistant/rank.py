"""Documents and revisions in retrieval: constraints boost, duplicates collapse.

A pure function over retrieved passages and the question's analysis:

* a passage from the organization, document kind, fiscal year or version the
  question names moves up; one from another named organization moves down;
* when several revisions of one document (same organization and kind) were
  retrieved, the revision the question names comes first (the others stay
  as a fallback) — or the file the question names by the organizations it
  covers (「NEDO・JETRO・IPAの新旧対照表」) — or else the latest moves up;
* a passage whose best sentence covers the question (``evidence``, computed
  by the answerer) moves up by ``proximity`` times that share: words that
  meet in one sentence say more than words scattered over a chunk;
* near-identical passages (the same text in two revisions, or printed twice)
  are collapsed: the preferred one stays, the others ride along as
  ``duplicates`` so they no longer push the evidence out of the top k.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from index.config import RankSettings
from index.documents import Chunk
from index.search import Passage
from index.text import compact

from .question import QuestionAnalysis, indicator_labels, normalize_question, quoted_terms


@dataclass(frozen=True)
class Ranked:
    passage: Passage
    score: float
    duplicates: tuple[Passage, ...] = ()


def family(p: Passage) -> tuple[str | None, str | None]:
    """Passages of one document across its revisions share organization and kind."""
    return (p.chunk.organization, p.chunk.kind)


def latest_revisions(passages: list[Passage]) -> dict[tuple[str | None, str | None], int | None]:
    """The newest revision year seen for each document family among ``passages``."""
    out: dict[tuple[str | None, str | None], int | None] = {}
    for p in passages:
        year = p.chunk.revision_year
        key = family(p)
        if year is not None and (out.get(key) is None or year > out[key]):
            out[key] = year
    return out


def _families_with_several_documents(passages: list[Passage]) -> set[tuple[str | None, str | None]]:
    """Families of which more than one document (file and part) was retrieved."""
    documents: dict[tuple[str | None, str | None], set] = {}
    for p in passages:
        documents.setdefault(family(p), set()).add((p.chunk.source, p.chunk.part))
    return {key for key, docs in documents.items() if len(docs) > 1}


def constraint_bonus(p: Passage, analysis: QuestionAnalysis, latest: dict, several: set,
                     settings: RankSettings, covering: Mapping[str, frozenset[str]] | None = None) -> float:
    """How much the question's constraints favour ``p`` (in units of the fused score). ``covering``: source ->
    the organizations of its documents, for a question that names a file by what it covers."""
    c = analysis.constraints
    ch = p.chunk
    bonus = 0.0
    if c.organizations:
        if c.names_organization(ch.organization):
            bonus += settings.organization
        elif ch.organization:
            bonus -= settings.organization
    if c.names_kind(ch.kind):
        bonus += settings.kind
    if c.fiscal_years and ch.fiscal_year in c.fiscal_years:
        bonus += settings.fiscal_year
    if c.version and ch.version:
        bonus += settings.version if ch.version == c.version else -settings.version
    if settings.label and (labels := indicator_labels(analysis.question)) and any(
            labels & indicator_labels(ch.text[s.start:s.start + 24]) for s in ch.sentences):
        bonus += settings.label  # a sentence opens with the indicator the question names (「指標2-2」)
    key = family(p)
    if key in several and covering is not None and (c.covers or c.covers_count) and not analysis.parts:
        # 「経産省のNEDO・JETRO・IPA新旧対照表で」 names that file's revision as a revision year would (a comparison
        # with another document names that one too)
        named = c.names_cover(covering.get(ch.source, frozenset()))
        bonus += settings.revision if named else -settings.named_revision
    elif key in several and ch.revision_year is not None:
        if c.revision_year is not None:
            bonus += settings.revision if ch.revision_year == c.revision_year else -settings.named_revision
        elif ch.revision_year == latest.get(key):
            bonus += settings.revision
    return bonus


def says_any(chunk: Chunk, terms: list[str]) -> bool:
    """Does ``chunk`` — its text or a heading it is under — say one of ``terms`` (compact)?"""
    said = compact(" ".join((*chunk.section, chunk.text)))
    return any(t in said for t in terms)


def near_duplicate(a: Passage, b: Passage, ratio: float) -> bool:
    x, y = compact(a.chunk.text), compact(b.chunk.text)
    if not x or not y:
        return False
    if x == y:
        return True
    if min(len(x), len(y)) / max(len(x), len(y)) < ratio:
        return False
    matcher = SequenceMatcher(None, x, y, autojunk=False)
    return matcher.quick_ratio() >= ratio and matcher.ratio() >= ratio


def rerank(passages: list[Passage], analysis: QuestionAnalysis, settings: RankSettings, k: int,
           evidence: dict[str, float] | None = None, near: frozenset[str] = frozenset(),
           covering: Mapping[str, frozenset[str]] | None = None) -> list[Ranked]:
    """The top ``k`` passages after constraint bonuses and duplicate collapsing.

    ``evidence`` (chunk id -> 0..1): how well the passage's best sentence covers the question; it adds
    ``settings.proximity`` times that, so a passage whose words meet in one sentence moves up. ``near``:
    chunk ids where the conversation is (a follow-up's previous answer and its neighbours); they add
    ``settings.conversation``, and with ``settings.conversation_read`` those ranked below the top ``k`` follow
    them (a follow-up's answer is often there, in words the search does not favour). With ``settings.quoted``, when
    none of the top ``k`` says a term the question quotes, the best passage that says one is read after them."""
    latest = latest_revisions(passages)
    several = _families_with_several_documents(passages)
    evidence = evidence or {}
    scored = sorted(
        (Ranked(p, p.score + constraint_bonus(p, analysis, latest, several, settings, covering)
                + settings.proximity * evidence.get(p.chunk.chunk_id, 0.0)
                + (settings.conversation if p.chunk.chunk_id in near else 0.0)) for p in passages),
        key=lambda r: -r.score)
    kept: list[Ranked] = []
    for r in scored:
        if len(kept) >= k and not (settings.conversation_read and r.passage.chunk.chunk_id in near):
            continue  # (past the top k, the conversation's place is still read, after them)
        same = next((n for n, x in enumerate(kept) if near_duplicate(x.passage, r.passage, settings.duplicate_ratio)),
                    None)
        if same is not None:
            kept[same] = replace(kept[same], duplicates=(*kept[same].duplicates, r.passage))
            continue
        kept.append(r)
    quoted = quoted_terms(normalize_question(analysis.question), {p.chunk.title for p in passages}) \
        if settings.quoted else []
    if quoted and not any(says_any(r.passage.chunk, quoted) for r in kept) \
            and (first := next((r for r in scored if says_any(r.passage.chunk, quoted)), None)) is not None:
        kept.append(first)  # a term the question quotes, said by none of the top k: the best that says it, after them
    return [replace(r, passage=replace(r.passage, rank=n)) for n, r in enumerate(kept, 1)]
