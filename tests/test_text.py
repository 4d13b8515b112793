"""Two views of the text: original for citation, normalized for matching."""

from index.text import compact, find_original, join_pieces, normalize, normalize_with_map, squeeze, tidy


def test_normalize_folds_width_and_whitespace():
    assert normalize("２２件　以上\n（ＩＰＡ）") == "22件 以上 (IPA)"
    assert compact("３７６ 件 以上") == "376件以上"


def test_halfwidth_kana_with_voiced_mark_becomes_one_character():
    norm, origin = normalize_with_map("ｶﾞｲﾄﾞ")
    assert norm == "ガイド"
    assert origin == [0, 2, 3]


def test_every_normalized_character_maps_back_to_its_source():
    text = "目標は　３７６件以上。\n（変更案）"
    norm, origin = normalize_with_map(text)
    assert len(norm) == len(origin)
    for ch, off in zip(norm, origin):
        if ch != " ":
            assert compact(text[off]) == ch


def test_find_original_locates_a_normalized_match_in_the_original():
    text = "対日投資誘致成功件数 ３７６件以上 【基幹目標】"
    start, end = find_original(text, "376件以上")
    assert text[start:end] == "３７６件以上"
    assert find_original(text, "存在しない") is None


def test_join_pieces_adds_no_space_in_japanese_but_keeps_latin_words_apart():
    assert join_pieces(["デジタル人材の育", "成を推進する。"]) == "デジタル人材の育成を推進する。"
    assert join_pieces(["Japan Innovation", "Bridge"]) == "Japan Innovation Bridge"


def test_a_figure_cut_by_a_line_break_is_one_number_but_two_cells_stay_two():
    assert join_pieces(["期間中の合計数延べ１３", "０件を目指す。"]) == "期間中の合計数延べ１３０件を目指す。"
    assert join_pieces(["合計数延べ13", "0件を目指す。"]) == "合計数延べ130件を目指す。"
    assert join_pieces(["66,616 社", "25,787 社"]) == "66,616 社 25,787 社"  # a unit closes a cell
    assert join_pieces(["実績値", "139", "175"]) == "実績値139 175"  # a line of figures only is a cell


def test_squeeze_and_tidy_keep_characters_as_written():
    assert squeeze("（１） 計 画") == "（１）計画"
    assert tidy("変 更 案   現  行") == "変 更 案 現 行"


def test_radical_forms_from_pdf_extraction_read_as_the_ideographs_they_look_like():
    # 「官⺠」 (U+2EA0, a CJK radical) is 官民 to search and matching; NFKC alone maps the Kangxi radicals only.
    assert compact("官⺠合わせた投資") == compact("官民合わせた投資") == "官民合わせた投資"
    assert compact("⽬標") == "目標"
    text, origin = normalize_with_map("官 ⺠")
    assert text == "官 民" and origin == [0, 1, 2]
