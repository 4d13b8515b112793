"""Page furniture, headings, sentences and 新旧対照表 alignment on small Japanese texts."""

from index.columns import AMENDED, CURRENT, align_page, find_pages, is_comparison_table, segment_table
from index.config import IngestSettings
from index.furniture import find_furniture
from index.headings import Heading, SectionTracker, heading_kind, heading_name, series_stems
from index.parts import find_parts
from index.reader import split_lines
from index.sentences import build_sentences
from index.text import compact


def _lines(text: str):
    return split_lines(text)


def test_recurring_page_header_is_furniture_but_repeated_passages_are_not():
    pages = []
    for n in range(6):
        pages.append(
            "資料の見出し 年度計画\n"
            f"第{n}ページの本文です。内容{n}。\n"
            # wrapped boilerplate that recurs with the same neighbours (like 新旧対照表 duplicates)
            "定量的指標に示される取組に関連するもので、下記を裏付ける事象\n"
            "成果の発現を促進した法人の工夫等とともに、特筆すべきインパクトを与えるものとして\n"
            "客観的に示された場合、目標水準を上回る成果として評価する根拠とする。\n"
            f"ページ{n}の終わりの文。\n"
        )
    lines = _lines("".join(pages))
    furniture = {lines[no - 1].text for no in find_furniture(lines, IngestSettings(furniture_min_repeats=4))}
    assert furniture == {"資料の見出し 年度計画"}


def test_furniture_inside_a_running_sentence_is_kept():
    # The header recurs through the file, but once it falls between two halves of a
    # sentence (the line before ends in a particle): that occurrence is kept.
    pages = [f"資料の見出し 年度計画\n本文{n}である。\n" for n in range(6)]
    pages[3] = "この取組を推進するため、関係機関と連携して\n資料の見出し 年度計画\n支援を行う。\n"
    lines = _lines("".join(pages))
    dropped = find_furniture(lines, IngestSettings())
    kept = [line.no for line in lines if line.text == "資料の見出し 年度計画" and line.no not in dropped]
    assert len(kept) == 1 and lines[kept[0] - 2].text.endswith("連携して")


def test_vertical_labels_and_one_table_s_row_labels_are_not_furniture():
    # 計/画/値 printed one character a line recur everywhere; 「うち人件費」 recurs in one table only.
    body = "".join(f"計\n画\n値\n{n}00 社\n本文{n}の説明である。\n" for n in range(8))
    table = "".join(f"うち人件費\n{n},000\n" for n in range(5))
    lines = _lines(body + table + "".join(f"後半の本文{n}である。\n" for n in range(40)))
    assert find_furniture(lines, IngestSettings()) == set()


def test_lone_page_number_between_prose_is_furniture_but_table_figures_are_not():
    lines = _lines("本文の一行目である。\n\n12\n\n本文の二行目である。\n売上\n３７６\n２１１\n")
    dropped = {lines[no - 1].text for no in find_furniture(lines, IngestSettings())}
    assert dropped == {"12"}


def test_short_recurring_headings_are_kept():
    text = "".join(f"【指標】\n項目{n}の説明。\n" for n in range(6))
    lines = _lines(text)
    assert find_furniture(lines, IngestSettings()) == set()


def test_a_note_in_parentheses_stating_a_figure_is_not_a_title():
    assert heading_kind("（参考）") == "paren_title_w"
    assert heading_kind("（2023年度策定予定のロードマップの具体化）") == "paren_title_w"
    assert heading_kind("（現在8.8％）") is None and heading_kind("（計4回）") is None


def test_a_markdown_heading_names_its_section_without_its_marks():
    assert heading_kind("##業務運営") is None and heading_kind("## 業務運営") == "md2"
    assert heading_name("## 業務運営") == "業務運営" and heading_name("（１）業務運営") == "（１）業務運営"


def test_heading_kinds_distinguish_width_and_reject_wrapped_lines():
    assert heading_kind("Ⅰ．政策体系") == "roman_w"
    assert heading_kind("（１）資本・技術") == "paren_digit_w"
    assert heading_kind("(1)イノベーション創出に資する事業") == "paren_digit"
    assert heading_kind("①対日直接投資") == "circled_w"
    assert heading_kind("【指標】") == "bracket_w"
    assert heading_kind("ウ．誘致に成功した外国企業の投資金額や、") is None
    assert heading_kind("本文である。") is None
    assert heading_kind("## 見出し") == "md2"


def test_section_tracker_closes_levels_like_a_reader():
    t = SectionTracker()
    t.push(Heading("roman_w", "Ⅰ．総論"))
    t.push(Heading("digit_w", "１．目的"))
    t.push(Heading("paren_digit_w", "（１）背景"))
    t.push(Heading("digit_w", "２．方針"))
    assert t.path() == ["Ⅰ．総論", "２．方針"]


def test_numbered_slide_titles_form_a_series():
    stems = series_stems(["「新機軸」のキーメッセージ①", "「新機軸」のキーメッセージ②", "令和2", "令和3"])
    assert stems == {"「新機軸」のキーメッセージ"}


def test_a_title_printed_over_several_slides_titles_them_even_when_two_open_alike():
    from index.ingest import _retitles

    slides = ["⚫ 問題意識・取り組む意義", "⚫ 問題意識・取り組む意義", "⚫ 中期的に取り組むべき領域と政策の方向性"]
    assert _retitles("テーマ①：人材（考え方）", slides)
    assert not _retitles("テーマ①：人材（考え方）", slides[:2])  # twice before the same text: a repeated passage
    # A 新旧対照表 prints a passage in both columns, each time before nearly the same text.
    assert not _retitles("対日投資誘致成功件数", ["３７６件以上を達成する。", "３７０件以上を達成する。"])
    # An elided passage and a running page title recur before mostly different text too, and title nothing.
    assert not _retitles("＜想定される外部要因＞（略）", slides)
    assert not _retitles("-中期計画 P.3-", slides)


def test_wrapped_lines_are_rejoined_without_spaces_and_split_at_sentence_ends():
    # A wrapped line reaches the edge of the text column; the line after it is no wider.
    text = "企業や団体と連携してデジタル人材の育\n\n成を推進する。次の文。\n① 項目の一つ目\n② 項目の二つ目\n"
    lines = _lines(text)
    content = [line for line in lines if line.text.strip()]
    blank = {line.no for line in lines if not line.text.strip()}
    sentences = build_sentences(content, set(), blank, max_chars=200)
    assert [s.text for s in sentences] == [
        "企業や団体と連携してデジタル人材の育成を推進する。", "次の文。", "① 項目の一つ目", "② 項目の二つ目"]
    first = sentences[0]
    assert (first.line_start, first.line_end) == (1, 3)
    assert text[first.char_start:first.char_end].replace("\n", "") == sentences[0].text


def test_lines_without_a_sentence_end_are_units_unless_they_wrap():
    text = (
        "⚫ 長期目標\n"
        "➢ 経済的目標：今後10年間で150兆円超の官民投資\n"
        "➢ 社会的目標：温室効果ガス46％削減\n"
        "SX経営との連動\n"
        "国連機関と連携した途上国の防災力向上\n"
        "制度的・技術的課題の克服に向けたFS調査（適応分野のプロジェクト組成に必要な助成の活\n"
        "用や、要請の獲得までを射程に含む調査を実施）\n"
    )
    lines = _lines(text)
    sentences = build_sentences(lines, set(), set(), max_chars=300)
    assert [s.text for s in sentences] == [
        "⚫ 長期目標", "➢ 経済的目標：今後10年間で150兆円超の官民投資", "➢ 社会的目標：温室効果ガス46％削減",
        "SX経営との連動", "国連機関と連携した途上国の防災力向上",
        "制度的・技術的課題の克服に向けたFS調査（適応分野のプロジェクト組成に必要な助成の活用や、要請の獲得までを射程に含む調査を実施）",
    ]


def test_a_line_opening_with_a_particle_continues_the_line_before_even_after_a_bracket():
    text = ("本補助業務は、情報提供依頼（RFI）\n"
            "を活用するなどにより得られた情報を踏まえる。\n"
            "「セキュリティ・キャンプ」\n"
            "はじめに方針を示す。\n"
            "国内への誘致（新規投資）\n"
            "だけでなく、国内での拡大（追加投資）に貢献する。\n"
            "・対策を統括する責任者（CISO 、CIO 等）\n"
            "や IT 部門の責任者の受講を想定する。\n"
            "「未踏事業」\n"
            "やはり重要である。\n")
    sentences = build_sentences(_lines(text), set(), set(), max_chars=300)
    assert [s.text for s in sentences] == [
        "本補助業務は、情報提供依頼（RFI）を活用するなどにより得られた情報を踏まえる。",
        "「セキュリティ・キャンプ」", "はじめに方針を示す。",
        "国内への誘致（新規投資）だけでなく、国内での拡大（追加投資）に貢献する。",
        "・対策を統括する責任者（CISO 、CIO 等）や IT 部門の責任者の受講を想定する。",
        "「未踏事業」", "やはり重要である。"]


def test_a_numbered_line_that_closes_the_bracket_before_it_continues_that_line():
    # 「（上記」 / 「１．（２）関連）」: the number is inside the bracket, not an item or a heading; a numbered line
    # whose own brackets balance still starts a new item.
    text = ("指標１－５：ＡＩＳＩ業務の遂行（上記\n"
            "１．（２）関連）（アウトカム指標）\n"
            "関係機関と連携の上、\n"
            "①ＡＩＳＩの設立・運営\n"
            "支援の状況（次の\n"
            "１）規制の分野\n")
    sentences = build_sentences(_lines(text), set(), set(), max_chars=300)
    assert [s.text for s in sentences] == [
        "指標１－５：ＡＩＳＩ業務の遂行（上記１．（２）関連）（アウトカム指標）", "関係機関と連携の上、",
        "①ＡＩＳＩの設立・運営", "支援の状況（次の", "１）規制の分野"]
    assert heading_kind("１．（２）関連）（アウトカム指標）") is None
    assert heading_kind("１．（２）関連") == "digit_w"


def test_a_line_opening_with_等_and_a_particle_continues_the_quote_before_it():
    text = ("参加者からは「参加がしやすい」\n"
            "等の好意的な意見が多数寄せられた。\n"
            "「開催報告」\n"
            "等級ごとに集計した。\n")
    sentences = build_sentences(_lines(text), set(), set(), max_chars=300)
    assert [s.text for s in sentences] == [
        "参加者からは「参加がしやすい」等の好意的な意見が多数寄せられた。", "「開催報告」", "等級ごとに集計した。"]


def test_a_word_cut_by_a_narrow_column_is_joined_but_two_words_meeting_at_a_break_are_not():
    # A table cell wraps every few characters, mid-word; the dictionary reads the word across the break.
    text = ("利用者から評価やフィードバックを得て、必要に応じてガイドを改訂していくことが求められる。\n"
            "○「データ相互運\n"
            "用性ガイド」ダ\n"
            "ウンロード数\n"
            "利用者から評価やフィードバックを得て、必要に応じてガイドを改訂していくことが求められる。\n")
    sentences = build_sentences(_lines(text), set(), set(), max_chars=300)
    assert [s.text for s in sentences][1:-1] == ["○「データ相互運用性ガイド」ダウンロード数"]
    # A title line short of the column's edge, then a sentence: two words meet at the break, none is cut.
    text = ("スタートアップ・イノベーション\n"
            "スタートアップへの投資額を今後５年で大きく増やし、成長の好循環を生み出す。\n")
    sentences = build_sentences(_lines(text), set(), set(), max_chars=300)
    assert len(sentences) == 2


def test_a_decimal_number_wrapped_at_its_point_stays_one_figure():
    text = ("実績値は前期の１．\n"
            "１倍に相当し、高い水準にある。\n"
            "第２．\n"
            "３項を参照。\n")
    sentences = build_sentences(_lines(text), set(), set(), max_chars=300)
    assert [s.text for s in sentences] == ["実績値は前期の１．１倍に相当し、高い水準にある。", "第２．", "３項を参照。"]


def test_a_table_row_keeps_its_label_with_its_figures():
    text = "計\n画\n値\n100 社\n－\n500 社\n実\n績\n値\n139 社\n175 社\n予算額（千円） 8,043,390 7,498,156\n"
    lines = _lines(text)
    sentences = build_sentences(lines, set(), set(), max_chars=300)
    assert [s.text for s in sentences] == [
        "計画値100 社 － 500 社", "実績値139 社 175 社", "予算額（千円） 8,043,390 7,498,156"]


def test_a_quotation_with_a_full_stop_inside_is_one_sentence():
    lines = _lines("方針は「投資を促す。賃上げを進める。」とされた。次の文。\n")
    sentences = build_sentences(lines, set(), set(), max_chars=300)
    assert [s.text for s in sentences] == ["方針は「投資を促す。賃上げを進める。」とされた。", "次の文。"]


def test_a_sentence_longer_than_the_limit_is_cut():
    lines = _lines("あ" * 50 + "\n" + "い" * 50 + "。\n")
    sentences = build_sentences(lines, set(), set(), max_chars=60)
    assert all(len(s.text) <= 60 for s in sentences)
    assert "".join(s.text for s in sentences) == "あ" * 50 + "い" * 50 + "。"


def test_parts_start_at_lines_shaped_like_the_first_title():
    units = [compact(u) for u in [
        "機構Aの中期目標の変更 新旧対照表", "本文その一。", "本文その二。",
        "機構Bの中期目標の変更 新旧対照表", "本文その三。",
    ]]
    parts = find_parts(units)
    assert [(p.start, p.end) for p in parts] == [(0, 3), (3, 5)]


TABLE = [
    "新旧対照表", "変更案現行",
    # page 1: amended column, then current column
    "第六期中期目標", "対日投資誘致成功件数376件以上", "対象事業は次のとおり。", "地域の活性化に資する事業。",
    "第六期中期目標", "対日投資誘致成功件数370件以上", "対象事業は次のとおり。", "地域の活性化に資する事業。",
    # page 2
    "（２）農林水産物の輸出", "輸出額の目標を定める。", "新設の段落である。", "支援を行う。",
    "（２）農林水産物の輸出", "輸出額の目標を定める。", "支援を行う。",
]


def test_table_is_recognized_from_its_header():
    assert is_comparison_table(TABLE)
    assert not is_comparison_table(["普通の文書", "本文。"])


def test_pages_are_found_from_repeated_blocks():
    pages = find_pages(TABLE[2:], min_run=2, max_gap=12)
    assert pages == [(0, 4, 8), (8, 12, 15)]


def test_a_rewritten_top_of_page_still_opens_the_current_column_where_the_page_began():
    amended = ["共通の冒頭の行です。", "変更案の新しい段落その一。", "変更案の新しい段落その二。",
               "変更案の新しい段落その三。", "共通の段落Aである。", "共通の段落Bである。", "共通の段落Cである。"]
    current = ["共通の冒頭の行です。", "現行の古い段落である。", "共通の段落Aである。", "共通の段落Bである。",
               "共通の段落Cである。"]
    assert find_pages(amended + current, min_run=3, max_gap=12) == [(0, 7, 12)]


def test_a_long_rewritten_passage_inside_a_page_does_not_end_its_current_column():
    page1 = ["第一頁の冒頭の行。", "第一頁の二行目の行。", "変更案の段落その一。", "変更案の段落その二。",
             "変更案の段落その三。", "共通の結びの一行目。", "共通の結びの二行目。"]
    current1 = [*page1[:2], "現行の段落その一。", "現行の段落その二。", "現行の段落その三。", *page1[5:]]
    page2 = ["第二頁の冒頭の行。", "第二頁の二行目の行。", "第二頁の三行目の行。"]
    pages = find_pages(page1 + current1 + page2 + page2, min_run=2, max_gap=2)
    assert pages == [(0, 7, 14), (14, 17, 20)]


def test_the_rewritten_end_of_a_current_column_stays_with_its_page():
    page1 = ["第一頁の冒頭の行。", "第一頁の二行目の行。", "第一頁の三行目の行。", "変更案だけの結びの行。"]
    current1 = [*page1[:3], "現行の結びの一行目。", "現行の結びの二行目。"]
    page2 = ["第二頁の冒頭の行。", "第二頁の二行目の行。", "第二頁の三行目の行。"]
    assert find_pages(page1 + current1 + page2 + page2, min_run=2, max_gap=12) == [(0, 4, 9), (9, 12, 15)]


def test_columns_align_into_common_and_changed_passages():
    segments = segment_table(TABLE[2:], min_run=2, max_gap=12)
    texts = [([TABLE[2 + u] for u in s.units], s.version, s.group) for s in segments]
    assert (["対日投資誘致成功件数376件以上"], AMENDED, 1) in texts
    assert (["対日投資誘致成功件数370件以上"], CURRENT, 1) in texts
    assert (["新設の段落である。"], AMENDED, 2) in texts
    common = [t for t, v, _ in texts if v is None]
    assert ["対象事業は次のとおり。", "地域の活性化に資する事業。"] in common
    # identical passages are kept once: nothing of the current column's copies survives
    all_units = [u for s in segments for u in s.units]
    assert len(all_units) == len(set(all_units))


def test_a_changed_line_grows_to_its_whole_sentence():
    a = ["前の文。", "目標は", "376件以上とする。", "次の文。"]
    c = ["前の文。", "目標は", "370件以上とする。", "次の文。"]
    ops = align_page(a, c)
    assert ("diff", 1, 3, 1, 3) in ops


def _chunked(tmp_path, text: str):
    """The chunks one text file ``t.txt`` holding ``text`` turns into, with the test settings."""
    from index.documents import Document
    from index.ingest import chunk_document

    from .conftest import make_settings

    return chunk_document(Document("t.txt", "t.txt", text, "utf-8", split_lines(text)),
                          make_settings(tmp_path, [tmp_path]))


def test_a_row_of_year_headers_gives_the_table_rows_below_it_their_columns(tmp_path):
    text = ("２．主要な経年データ\n本表は主な実績を示す。\n"
            "平成 30 年度 令和元年度 令和 2 年度\n計\n画\n値\n100 社 100 社 100 社\n"
            "実\n績\n値\n139 社 175 社 273 社\n")
    chunks = _chunked(tmp_path, text)
    from .verbatim import verbatim_failures

    assert verbatim_failures(chunks, {"t.txt": text}) == []
    row = next(c for c in chunks if "実績値139 社 175 社 273 社" in c.text)
    assert row.section[-1] == "平成 30 年度 令和元年度 令和 2 年度"
    assert "計画値100 社 100 社 100 社" in row.text


def test_a_caption_naming_a_table_and_its_unit_heads_the_rows_below_it(tmp_path):
    from index.headings import table_caption

    assert table_caption("○情報セキュリティ業務経理         （単位：百万円）") == "情報セキュリティ業務経理"
    assert table_caption("（単位:百万円）") is None  # a unit note alone names no table
    assert table_caption("交付額は次のとおり。（単位：百万円）") is None  # a sentence, not a caption
    assert table_caption("交付額は次のとおりである（単位：百万円）") is None
    assert table_caption("予算額 3,456（単位：百万円）") is None  # a row of figures
    assert table_caption("１．予算 （単位：百万円）") is None  # a numbered heading nests as its kind does
    # Two tables of one layout, each with its own caption; the header's 「（最終年度）」 notes a column, and heads
    # nothing (before, it headed the next table's rows as well as its own).
    table = ("平成 30 年度末\n（初年度）\n令和元年度末 令和 2 年度末 令和 3 年度末\n令和 4 年度末\n（最終年度）\n"
             "当期運営費交付金残存率 (b÷a) {} {} {}\n")
    text = ("（目的積立金等の状況）\n○法人全体      （単位：百万円）\n" + table.format("17.8%", "19.2%", "51.7%")
            + "○社会基盤業務経理      （単位：百万円）\n" + table.format("12.6%", "27.8%", "24.2%"))
    chunks = _chunked(tmp_path, text)
    whole = next(c for c in chunks if "51.7%" in c.text)
    account = next(c for c in chunks if "24.2%" in c.text)
    assert "24.2%" not in whole.text and "51.7%" not in account.text
    assert whole.section[:2] == ["（目的積立金等の状況）", "法人全体"]
    assert account.section[:2] == ["（目的積立金等の状況）", "社会基盤業務経理"]
    assert not any("（最終年度）" in c.section or "（初年度）" in c.section for c in chunks)
    # A title in brackets over a row of years heads its table (it is no note on a column).
    text = ("（研究開発費の推移）\n平成30年度 令和元年度 令和2年度 令和3年度\n研究開発費 10 20 30 40\n"
            "（人件費の推移）\n平成30年度 令和元年度 令和2年度 令和3年度\n人件費 50 60 70 80\n")
    chunks = _chunked(tmp_path, text)
    research = next(c for c in chunks if "研究開発費 10" in c.text)
    staff = next(c for c in chunks if "人件費 50" in c.text)
    assert research.section[0] == "（研究開発費の推移）" and staff.section[0] == "（人件費の推移）"
    assert "人件費 50" not in research.text


def test_an_appendix_and_its_title_head_the_tables_under_it(tmp_path):
    assert heading_kind("別紙１－１") == "appendix_w"
    assert heading_kind("別紙２収支計画") == "appendix_w"
    assert heading_kind("別表に定める額を支出する") is None  # a sentence, not a heading
    text = ("４．積立金の処分に関する事項\n積立金は業務の財源に充てる。\n"
            "別紙１－１\n予算（総表）\n［人件費の見積り］\n令和６年度には４，３４１百万円を支出する。\n"
            "別紙１－３\n予算（試験勘定）\n［人件費の見積り］\n令和６年度には５３３百万円を支出する。\n")
    chunks = _chunked(tmp_path, text)
    total = next(c for c in chunks if "４，３４１百万円" in c.text)
    exam = next(c for c in chunks if "５３３百万円" in c.text)
    # Each estimate sits under its own table, not under the numbered section the appendix follows.
    assert total.section == ["別紙１－１", "予算（総表）", "［人件費の見積り］"]
    assert exam.section == ["別紙１－３", "予算（試験勘定）", "［人件費の見積り］"]


def test_a_title_printed_once_with_another_subtitle_of_a_slide_series_titles_its_slide(tmp_path):
    text = ("ミッション①：デジタル社会の実現（考え方）\n⚫ デジタル化の遅れが課題となっている。\n"
            "ミッション①：デジタル社会の実現（考え方）\n⚫ データの利活用を進める必要がある。\n"
            "ミッション①：デジタル社会の実現（これまでの施策、今後の施策）\n"
            "○ 半導体の国内生産基盤を整備する。\n")
    chunks = _chunked(tmp_path, text)
    measures = next(c for c in chunks if "半導体" in c.text)
    # The 施策 slide is titled by its own title, not by the 考え方 slides before it.
    assert measures.section[0] == "ミッション①：デジタル社会の実現（これまでの施策、今後の施策）"


def test_a_repeated_slide_title_after_a_bullet_without_a_full_stop_still_titles_its_slide(tmp_path):
    text = ("テーマ①：人材（考え方）\n⚫ 人材の育成が課題となっている。\n"
            "テーマ①：人材（考え方）\n⚫ 学び直しを進める必要がある。\n"
            "○ 個別分野におけるリスキリングや事業構造転換の\n一体的支援\n"
            "テーマ②：スタートアップ（考え方）\n⚫ 新陳代謝が成長の源泉となる。\n"
            "テーマ②：スタートアップ（考え方）\n⚫ 知的資本の拡大循環を促すことが重要。\n")
    chunks = _chunked(tmp_path, text)
    first = next(c for c in chunks if "新陳代謝" in c.text)
    # Its first slide follows a bullet that ends without 。: the title still names the slide, not テーマ①'s.
    assert first.section[0] == "テーマ②：スタートアップ（考え方）"
    assert "テーマ②" not in next(c for c in chunks if "一体的支援" in c.text).text


def _two_pages(page: list[str], amended: str, current: str) -> list[str]:
    """A table's body: one page printed alike in both columns, then a page whose columns open differently."""
    rest = ["（定性目標）", "ウ．技術を有する事業者を支援する。"]
    return [*page, *page, amended, *rest, current, *rest]


def test_a_sentence_wrapped_over_a_page_break_starts_both_of_its_changed_endings():
    wrapped = "イ．海外展開支援社数の合計（延べ社数"
    # page 1 ends mid-sentence, in the same words in both columns; page 2 opens with the two different endings
    body = _two_pages(["【指標】", "ア．成功件数を達成する。", wrapped],
                      "）について、16,251社以上を達成する。", "）について、16,000社以上を達成する。")
    segments = segment_table(body, min_run=2, max_gap=12)
    changed = {s.version: [body[u] for u in s.units] for s in segments if s.group}
    assert changed[AMENDED] == [wrapped, "）について、16,251社以上を達成する。"]
    assert changed[CURRENT] == [wrapped, "）について、16,000社以上を達成する。"]
    # each column's own printed line, and the start no longer stands alone as common text
    assert set(next(s.units for s in segments if s.version == AMENDED)).isdisjoint(
        next(s.units for s in segments if s.version == CURRENT))
    assert all(body[s.units[-1]] != wrapped for s in segments if s.version is None)


def test_a_complete_item_at_a_page_end_stays_common():
    item = "(4)その他政府の政策ニーズに基づいた事業"
    body = _two_pages(["対象事業は次のとおり。", "(1)イノベーション創出に資する事業", item],
                      "B）連携案件の成功件数 72件以上", "B）連携案件の成功件数 70件以上")
    segments = segment_table(body, min_run=2, max_gap=12)
    assert all(body[s.units[0]] != item for s in segments if s.group)
    assert any(body[s.units[-1]] == item for s in segments if s.version is None)


def test_a_current_sentence_wrapped_over_a_page_break_keeps_its_column_and_its_start():
    """The 現行 column begins a rewritten passage at the foot of a page (「…約300件だったが、」) that the 変更案
    column begins on the next page; after the page's number the next page's 変更案 column opens, and its 現行
    column opens with the rest of that passage before it echoes anything."""
    amended_end, current_end = "2,148件以上支援する。成功件数は180件以上にする。", (
        "2,100件（2,000件＋補正見込件数100件）以上支援する。成功件数は173件（160件＋13件）以上にする。")
    opening = "前期の支援件数は年平均約300件だったが、"
    shared = "本期は起業前の育成も含むことから年平均500件として、期間中に"
    rest = ["③ 人材の活躍推進", "（略）", "国内の留学生等の就職・定着を支援する。"]
    page1 = ["（育成の強化）", "プログラムを通じて人材を育成する。", "＜指標＞"]
    body = [*page1, "指標１：成功件数を180件以上とする。", "＜考え方＞", "【指標１】",
            *page1, "ア．成功件数を173件以上とする。", "＜考え方＞", opening,
            "10",
            opening, shared, amended_end, *rest,
            shared, current_end, *rest]
    segments = segment_table(body, min_run=2, max_gap=12)
    amended = [body[u] for s in segments if s.version == AMENDED for u in s.units]
    current = [body[u] for s in segments if s.version == CURRENT for u in s.units]
    assert amended_end in amended and amended_end not in current
    assert current_end in current and current_end not in amended
    assert "10" not in [body[u] for s in segments for u in s.units]  # the page's number is no text
    # The 現行 passage reads on from its start on the previous page, as one segment.
    (carried,) = [[body[u] for u in s.units] for s in segments if s.version == CURRENT and shared in
                  [body[u] for u in s.units]]
    assert carried[:3] == [opening, shared, current_end]


def test_a_line_as_wide_as_its_column_printed_twice_in_a_comparison_table_is_no_title(tmp_path):
    # A 新旧対照表 prints the passage in both columns; in one, the line's next line is the other column's text.
    # Printed twice before different text, it is still a wrapped sentence, not a slide title.
    sentence = "オンラインを通じて海外バイヤーが日本企業の情報に接する機会を増やし、海"
    text = ("（３）中堅・中小企業の海外展開支援\n（デジタル技術の活用による裾野拡大）\n" + sentence + "\n"
            "外市場への販路開拓を支援する取組を全国の企業に広げていく。\n"
            "（デジタル技術の活用による裾野拡大）\n" + sentence + "\n"
            "（関連指標：他機関との連携状況）\n輸出・投資等の海外展開成功件数を達成する。\n")
    chunks = _chunked(tmp_path, text)
    target = next(c for c in chunks if "海外展開成功件数" in c.text)
    assert sentence not in target.section
    assert target.section[0] == "（３）中堅・中小企業の海外展開支援"


def test_a_line_that_closes_a_bracket_never_opened_continues_nothing():
    # 「）について…」 is the other column's text, not the rest of the heading above it; a closer alone still ends
    # a bracket opened lines before.
    text = "（４）日本企業の海外展開への対応\n）について、１６，０００社以上を達成する。\n【ほか\n△\n1,112,493\n】\n"
    sentences = build_sentences(_lines(text), set(), set(), max_chars=300)
    assert [s.text for s in sentences][:2] == [
        "（４）日本企業の海外展開への対応", "）について、１６，０００社以上を達成する。"]
    assert "1,112,493】" in sentences[-1].text.replace("\n", "")


def test_a_line_going_on_with_the_numbering_of_the_line_before_continues_its_sentence():
    # 「①…、②…、」 wrapped before 「③」: the numbering runs inline, so ③ is no new item; numbered lines of their own
    # still are.
    text = ("そのためには、①雇用の創出、②観光の高付加価値化、\n③仕事と子育ての両立が必要。\n"
            "① 項目の一つ目、\n② 項目の二つ目\n")
    sentences = build_sentences(_lines(text), set(), set(), max_chars=300)
    assert [s.text for s in sentences] == [
        "そのためには、①雇用の創出、②観光の高付加価値化、③仕事と子育ての両立が必要。",
        "① 項目の一つ目、", "② 項目の二つ目"]
    # Numbers in brackets, as a plan writes them inline (「…においては、（１）…、（２）…の促進、」 / 「（３）…」).
    text = ("期間においては、（１）エコシステムの形成、（２）世界市場展開の促進、\n"
            "（３）海外展開支援の3つを柱とする。\n（１）項目の一つ目、\n（２）項目の二つ目\n")
    sentences = build_sentences(_lines(text), set(), set(), max_chars=300)
    assert [s.text for s in sentences] == [
        "期間においては、（１）エコシステムの形成、（２）世界市場展開の促進、（３）海外展開支援の3つを柱とする。",
        "（１）項目の一つ目、", "（２）項目の二つ目"]
