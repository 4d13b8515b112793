"""Citation checks are pure functions over strings."""

from assistant.verify import coverage, markers_in, numbers_in, split_sentences, verify


def test_markers_in_order_of_first_use():
    assert markers_in("A[2]。B[1][2]。") == [2, 1]


def test_numbers_keep_their_units_and_normalize_width():
    assert numbers_in("目標は３７６件以上、予算は30億円、比率は85％。") == ["376件", "30億円", "85%"]


def test_marker_after_the_full_stop_stays_with_its_sentence():
    assert split_sentences("目標は376件。[1] 現行は370件。[2]") == ["目標は376件。[1]", "現行は370件。[2]"]


def test_markers_pointing_nowhere_are_removed_and_reported():
    v = verify("目標は376件以上です[1][7]。", {1: "対日投資誘致成功件数 ３７６件以上"})
    assert v.invalid_markers == [7]
    assert "[7]" not in v.text and "[1]" in v.text
    assert v.unverified_numbers == []


def test_a_number_absent_from_the_cited_passage_is_flagged():
    v = verify("目標は999件です[1]。", {1: "目標は376件以上"})
    assert v.unverified_numbers == ["999件"]


def test_numbers_are_checked_against_the_passage_the_sentence_cites():
    passages = {1: "目標は376件以上", 2: "予算は30億円"}
    v = verify("予算は30億円です[1]。", passages)
    assert v.unverified_numbers == ["30億円"]


def test_coverage_counts_sentences_with_markers():
    assert coverage("一文目です[1]。二文目です。") == 0.5
    assert coverage("") == 0.0
