"""The regression question set, the metrics, and the gate against the committed baseline."""

import json
from collections import Counter

import pytest

from eval.metrics import evidence_share, first_relevant_rank, is_correct, ndcg_at, retrieval_metrics
from eval.questions import Evidence, Question, QuestionFileError, load_questions
from eval.run import check_against_baseline, evaluate
from index.config import load_settings

from .conftest import CORPUS, ROOT

QUESTIONS = load_questions(ROOT / "eval" / "questions.yaml")


def test_every_evidence_string_is_in_its_source_file():
    for q in QUESTIONS:
        for e in q.evidence:
            assert e.text in (CORPUS / e.source).read_text(encoding="utf-8"), (q.id, e.text)


def test_the_set_is_large_and_spread_over_files_and_types():
    assert len(QUESTIONS) >= 80
    types = Counter(q.type for q in QUESTIONS)
    assert types["unanswerable"] >= 10
    assert {"fact", "definition", "list", "cross_doc", "version"} <= set(types)
    sources = {e.source for q in QUESTIONS for e in q.evidence}
    assert sources == {p.name for p in CORPUS.glob("*.txt")}
    for q in QUESTIONS:
        if q.answerable:
            assert 1 <= len(q.must_include) <= 3, q.id


def test_question_file_errors_name_the_item(tmp_path):
    path = tmp_path / "q.yaml"
    path.write_text("questions:\n- {id: a1, question: 何？, type: trivia}\n", encoding="utf-8")
    with pytest.raises(QuestionFileError, match="a1"):
        load_questions(path)
    path.write_text("questions:\n- {id: a1, question: 何？, type: fact}\n", encoding="utf-8")
    with pytest.raises(QuestionFileError, match="must_include or evidence"):
        load_questions(path)
    # An evidence entry that names its file under another key is an error naming the item, not a KeyError.
    path.write_text("questions:\n- {id: a1, question: 何？, type: fact, evidence: [{file: x.txt, text: 目標}]}\n",
                    encoding="utf-8")
    with pytest.raises(QuestionFileError, match=r"a1.*'source' and 'text'"):
        load_questions(path)


def test_retrieval_metrics_on_a_small_ranking():
    q = Question("x", "?", "", "fact", ["376件"], [Evidence("f", "３７６件以上")])
    ranked = [["関係ない", "目標は376件以上", "他"]]
    m = retrieval_metrics([q], ranked)
    assert m["hit@1"] == 0 and m["hit@5"] == 1 and m["mrr@10"] == 0.5
    assert first_relevant_rank(ranked[0], q.evidence_keys()) == 2
    assert 0 < ndcg_at(ranked[0], q.evidence_keys()) < 1
    assert evidence_share(["aaa", "bbb"], ["a", "c"]) == 0.5


def test_must_include_is_width_and_space_insensitive():
    assert is_correct("目標は ３７６ 件以上。[1]", ["376件"])
    assert not is_correct("目標は370件以上。", ["376件"])
    assert not is_correct("anything", [])


def test_an_abstention_that_names_the_near_figure_is_not_a_right_answer():
    from assistant.answer import Answer
    from eval.run import question_row
    q = Question("q1", "研修受講者数は？", "1,775名", "fact", ["1,775"], [], "dev")
    gave_up = Answer(q.question, "資料に記載なし（近い箇所にある「1,775 名」は別の項目の値です）", abstained=True)
    said = Answer(q.question, "1,775 名", abstained=False)
    assert not question_row(q, gave_up, []).correct and not question_row(q, gave_up, []).first_line_correct
    assert question_row(q, said, []).correct and question_row(q, said, []).first_line_correct


def test_gate_flags_only_drops_beyond_tolerance():
    base = {"hit@5": 0.95, "answer_accuracy": 0.8}
    assert check_against_baseline({"hit@5": 0.93, "answer_accuracy": 0.8}, base, {"hit@5": 0.03}) == []
    failures = check_against_baseline({"hit@5": 0.90, "answer_accuracy": 0.8}, base, {"hit@5": 0.03})
    assert len(failures) == 1 and failures[0].startswith("hit@5")


def test_bundled_corpus_meets_the_committed_baseline(assistant):
    """The CI gate: the eval on the bundled corpus may not regress beyond the tolerances."""
    baseline = json.loads((ROOT / "eval" / "baseline.json").read_text())
    tolerances = load_settings(ROOT / "config.yaml").eval.tolerances

    def top10(question):
        return [p.chunk.text for p in assistant.retrieve(question, k=10)]

    result = evaluate(QUESTIONS, assistant.ask, top10)
    print(json.dumps({k: round(v, 3) for k, v in result.metrics.items()}, ensure_ascii=False))
    assert result.metrics["marker_agreement"] == 1.0
    assert check_against_baseline(result.metrics, baseline, tolerances) == []


def test_the_compute_floor_counts_every_linear_layer_per_token():
    import torch

    from eval.ceiling import flops_per_token, gemm_tflops, linear_shapes

    block = torch.nn.Sequential(torch.nn.Linear(8, 32), torch.nn.GELU(), torch.nn.Linear(32, 8), torch.nn.Linear(8, 32))
    shapes = linear_shapes(block)
    assert shapes == Counter({(8, 32): 2, (32, 8): 1})
    assert flops_per_token(shapes) == 2 * (8 * 32 * 2 + 32 * 8)  # a multiply and an add per weight
    assert gemm_tflops(shapes, torch.float32, rows=64, repeat=2) > 0


def test_a_missing_file_to_test_against_is_refused_before_any_question_is_answered(tmp_path, capsys):
    from eval.cli import main

    code = main(["run", "--against", str(tmp_path / "missing.json"), "--out", str(tmp_path / "out")])
    assert code == 2
    err = capsys.readouterr().err
    assert "missing.json" in err and "no such file" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()  # nothing was run
