"""Where the conversation is: the chunks the previous answer quoted, and their neighbours."""

import pytest

from assistant.place import around, new_words, quoted_pieces, quoted_rows
from index.config import Bm25Settings
from index.tokens import SudachiTokenizer

CHUNKS = [
    "第1章 総則。本章は目的を定める。",
    "ハラスメントに係る規程等を整備。その他、ハラスメント防止等委員会の設置など体制を強化。",
    "ハラスメント相談窓口を外部に設置し、役職員へ周知。",
    "第2章 財務。短期借入金の限度額は30億円とする。",
]
SOURCES = ["a.txt", "a.txt", "a.txt", "b.txt"]


def _search(piece: str) -> list[int]:
    """Every row, best first: the containment check decides."""
    return list(range(len(CHUNKS)))


def test_an_answer_is_cut_into_its_quoted_sentences_without_markers_or_notes():
    answer = ("その他、ハラスメント防止等委員会の設置など体制を強化。[1][2]\n"
              "376件以上（変更案・令和5年度補正。現行は370件以上）[2]")
    pieces = quoted_pieces(answer)
    assert pieces == ["その他、ハラスメント防止等委員会の設置など体制を強化"]


def test_the_label_an_answer_puts_before_a_quote_and_the_marks_of_its_cuts_are_not_part_of_it():
    answer = ("173件以上（変更案・令和5年度補正。現行は160件以上）[1][2]\n"
              "変更案：ア．スタートアップに対する海外展開成功件数について、中期目標期間中に173件以上達成する。[1]\n"
              "JETROの中期目標（令和5年度補正）：…現行の目標は中期目標期間中に160件以上とする…[2]")
    assert quoted_pieces(answer) == [  # (compacted: NFKC)
        "ア.スタートアップに対する海外展開成功件数について、中期目標期間中に173件以上達成する",
        "現行の目標は中期目標期間中に160件以上とする"]


def test_an_abstention_quotes_nothing():
    assert quoted_pieces("資料に記載なし（質問に答える記述は見つかりませんでした。）") == []
    assert quoted_pieces("") == []


def test_the_rows_that_contain_a_quote_are_found_and_others_are_not():
    pieces = quoted_pieces("その他、ハラスメント防止等委員会の設置など体制を強化。[1]")
    assert quoted_rows(pieces, _search, CHUNKS.__getitem__) == [1]
    assert quoted_rows(["どこにも書かれていない文章です"], _search, CHUNKS.__getitem__) == []


def test_the_place_reaches_neighbours_in_the_same_document_only():
    assert around([1], SOURCES.__getitem__, len(CHUNKS), reach=1) == [0, 1, 2]
    # Row 3 is another document: a reach of 2 from row 2 stops at the document's end.
    assert around([2], SOURCES.__getitem__, len(CHUNKS), reach=2) == [0, 1, 2]
    assert around([], SOURCES.__getitem__, len(CHUNKS), reach=2) == []


@pytest.fixture(scope="module")
def surfaces():
    return SudachiTokenizer(Bm25Settings()).surfaces


def test_the_words_a_follow_up_newly_asks_about_are_its_nouns_the_conversation_did_not_write(surfaces):
    said = "IPAの職員の研修受講者数は？ 延べ1,761名（令和2年度）"
    assert new_words(surfaces("そのうち女性は何人？"), said) == ["女性"]
    assert new_words(surfaces("その受講者数の目標はどうやって算出したの？"), said) == ["目標", "算出"]
    # What the conversation already said is not new, nor the nouns that frame a question (「具体的」「前」「ほう」).
    assert new_words(surfaces("その研修の受講者数は具体的には？"), said) == []
    assert new_words(surfaces("前のほうは？"), said) == []
