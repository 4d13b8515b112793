"""Re-ranking retrieved passages: constraints, proximity of the question's words, duplicates."""

from dataclasses import replace

from assistant.question import Constraints, QuestionAnalysis
from assistant.rank import rerank
from index.config import RankSettings
from index.documents import Chunk
from index.search import Passage


def _passage(n: int, score: float, text: str, organization: str | None = None) -> Passage:
    chunk = Chunk(chunk_id=f"c{n}", source=f"doc{n}.txt", title="", part=0, section=[], version=None,
                  counterpart=None, line_start=1, line_end=1, char_start=0, char_end=len(text), page=None,
                  text=text, sentences=[], organization=organization)
    return Passage(rank=n, score=score, chunk=chunk)


def _question(**constraints) -> QuestionAnalysis:
    return QuestionAnalysis("質問", "fact", None, "", constraints=Constraints(**constraints))


def test_without_evidence_the_fused_order_stands():
    passages = [_passage(1, 0.20, "一"), _passage(2, 0.18, "二"), _passage(3, 0.15, "三")]
    ranked = rerank(passages, _question(), RankSettings(proximity=0.05), k=3)
    assert [r.passage.chunk.chunk_id for r in ranked] == ["c1", "c2", "c3"]
    assert [r.passage.rank for r in ranked] == [1, 2, 3]


def test_a_passage_whose_sentence_covers_the_question_moves_up():
    passages = [_passage(1, 0.20, "一"), _passage(2, 0.18, "二")]
    evidence = {"c1": 0.2, "c2": 1.0}
    ranked = rerank(passages, _question(), RankSettings(proximity=0.05), k=2, evidence=evidence)
    assert [r.passage.chunk.chunk_id for r in ranked] == ["c2", "c1"]
    # With the weight at 0 the evidence is ignored.
    ranked = rerank(passages, _question(), RankSettings(proximity=0.0), k=2, evidence=evidence)
    assert [r.passage.chunk.chunk_id for r in ranked] == ["c1", "c2"]


def test_a_passage_that_says_a_term_the_question_quotes_is_read_after_the_top_k_when_none_of_them_does():
    # Written over a line break and in the other width, the quoted term is still said.
    passages = [_passage(1, 0.20, "新たな政策課題への対応が求められる。"), _passage(2, 0.18, "国際情勢の調査。"),
                _passage(3, 0.15, "新事業創出を狙う「アジアＤＸプロ\nジェクト」等の取組に留意。")]
    asked = QuestionAnalysis("「アジアDXプロジェクト」の狙いは？", "fact", None, "狙い")
    ranked = rerank(passages, asked, RankSettings(quoted=True), k=1)
    assert [r.passage.chunk.chunk_id for r in ranked] == ["c1", "c3"]  # the top one keeps its place
    assert [r.passage.chunk.chunk_id for r in rerank(passages, asked, RankSettings(quoted=False), k=1)] == ["c1"]
    # One of the top k says it: nothing is added.
    assert [r.passage.chunk.chunk_id for r in rerank(passages, asked, RankSettings(quoted=True), k=3)] \
        == ["c1", "c2", "c3"]
    # A quoted word of a document's title names the document, not a term to look for in its text.
    titled = [replace(p, chunk=replace(p.chunk, title="経済産業政策「アジアDXプロジェクト」の資料")) for p in passages]
    assert [r.passage.chunk.chunk_id for r in rerank(titled, asked, RankSettings(quoted=True), k=1)] == ["c1"]


def test_a_passage_where_the_conversation_is_moves_up_by_the_conversation_bonus():
    passages = [_passage(1, 0.20, "一"), _passage(2, 0.17, "二")]
    ranked = rerank(passages, _question(), RankSettings(conversation=0.05), k=2, near=frozenset({"c2"}))
    assert [r.passage.chunk.chunk_id for r in ranked] == ["c2", "c1"]
    ranked = rerank(passages, _question(), RankSettings(conversation=0.0), k=2, near=frozenset({"c2"}))
    assert [r.passage.chunk.chunk_id for r in ranked] == ["c1", "c2"]


def test_the_conversations_place_is_read_after_the_top_k_when_it_ranks_below_them():
    passages = [_passage(1, 0.30, "一"), _passage(2, 0.25, "二"), _passage(3, 0.10, "三"), _passage(4, 0.05, "四")]
    near = frozenset({"c4"})
    ranked = rerank(passages, _question(), RankSettings(conversation=0.05), k=2, near=near)
    assert [r.passage.chunk.chunk_id for r in ranked] == ["c1", "c2", "c4"]  # c3 is not the place: not read
    assert [r.passage.rank for r in ranked] == [1, 2, 3]
    ranked = rerank(passages, _question(), RankSettings(conversation=0.05, conversation_read=False), k=2, near=near)
    assert [r.passage.chunk.chunk_id for r in ranked] == ["c1", "c2"]


def test_the_named_organization_moves_up_and_another_down():
    passages = [_passage(1, 0.20, "一", "NEDO"), _passage(2, 0.17, "二", "IPA")]
    ranked = rerank(passages, _question(organizations=("IPA",)), RankSettings(), k=2)
    assert [r.passage.chunk.organization for r in ranked] == ["IPA", "NEDO"]


def test_near_duplicates_collapse_into_the_first_and_make_room():
    text = "対日投資誘致成功件数は中期目標期間中に376件以上とする。"
    passages = [_passage(1, 0.20, text), _passage(2, 0.19, text + "　"), _passage(3, 0.10, "別の話")]
    ranked = rerank(passages, _question(), RankSettings(), k=2)
    assert [r.passage.chunk.chunk_id for r in ranked] == ["c1", "c3"]
    assert [d.chunk.chunk_id for d in ranked[0].duplicates] == ["c2"]


def _revision(n: int, score: float, year: int) -> Passage:
    p = _passage(n, score, f"本文{n}", "JETRO")
    p.chunk.kind, p.chunk.revision_year, p.chunk.title = "中期目標", year, f"改定{year}"
    return p


def test_a_named_revision_comes_before_every_passage_of_another_revision():
    # Two revisions of one plan; the question names the older one (「令和5年度補正の変更案で…」).
    passages = [_revision(1, 0.20, 2025), _revision(2, 0.19, 2025), _revision(3, 0.09, 2023)]
    ranked = rerank(passages, _question(revision_year=2023), RankSettings(), k=3)
    assert [r.passage.chunk.revision_year for r in ranked] == [2023, 2025, 2025]
    # Naming none, the latest is preferred but a much closer passage of another revision still wins.
    ranked = rerank([_revision(1, 0.20, 2023), _revision(2, 0.10, 2025)], _question(), RankSettings(), k=2)
    assert [r.passage.chunk.revision_year for r in ranked] == [2023, 2025]


def test_a_file_named_by_the_organizations_it_covers_comes_before_another_revision():
    # 「経産省のNEDO・JETRO・IPA新旧対照表で…」: of two revisions of JETRO's plan, the one in the file that also holds
    # NEDO's and IPA's — though the other is older and closer to the question.
    passages = [_revision(1, 0.20, 2023), _revision(2, 0.10, 2025)]
    passages[1].chunk.source = "three.txt"
    covering = {"doc1.txt": frozenset({"JETRO"}), "three.txt": frozenset({"NEDO", "JETRO", "IPA"})}
    named = _question(covers=("NEDO", "JETRO", "IPA"))
    ranked = rerank(passages, named, RankSettings(), k=2, covering=covering)
    assert [r.passage.chunk.source for r in ranked] == ["three.txt", "doc1.txt"]
    # Counted (「3法人まとめの対照表」) it names the same file; naming none, the closer passage stays first.
    ranked = rerank(passages, _question(covers_count=3), RankSettings(), k=2, covering=covering)
    assert ranked[0].passage.chunk.source == "three.txt"
    ranked = rerank(passages, _question(), RankSettings(), k=2, covering=covering)
    assert ranked[0].passage.chunk.source == "doc1.txt"
    # A comparison of that file with another (「JETRO単独の対照表と3法人まとめの対照表で」) keeps both.
    compared = replace(named, parts=(("JETRO単独の対照表", Constraints()),
                                     ("3法人まとめの対照表", Constraints(covers_count=3))))
    ranked = rerank(passages, compared, RankSettings(), k=2, covering=covering)
    assert ranked[0].passage.chunk.source == "doc1.txt"
    assert ranked[1].score > 0  # the other revision is not pushed out as an unnamed one would be (-named_revision)
