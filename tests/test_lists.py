"""List items inside one chunk, read at one level of nesting (pure, no index)."""

from assistant.extractive import _numbered_after, _title_named, items_after
from index.documents import Chunk, SentenceSpan
from index.text import compact


def _chunk(*sentences: str) -> Chunk:
    text, spans = "", []
    for n, s in enumerate(sentences, 1):
        spans.append(SentenceSpan(len(text), len(text) + len(s), n, n))
        text += s
    return Chunk(chunk_id="c", source="doc.txt", title="", part=0, section=[], version=None, counterpart=None,
                 line_start=1, line_end=len(sentences), char_start=0, char_end=len(text), page=None, text=text,
                 sentences=spans)


PLAN = _chunk(
    "（３）制御システムの安全性について、次の取組を行う。",
    "② 原因究明調査を実施する。",
    "a. 関係府省の要請に応じて調査する。",
    "③ リスク評価手法の浸透を図る。",
    "a. 実践研修を開催する。",
    "b. 個別業界向けのガイドを作成する。",
    "c. リスク分析を支援する。",
    "④ 中小企業の対策を強化する。",
)


def test_a_lead_in_collects_the_items_of_the_first_level_only():
    assert items_after(PLAN, 0, 8) == [1, 3, 7]  # ②③④, not the a./b./c. under them


def test_an_item_followed_by_items_of_another_mark_leads_them():
    assert items_after(PLAN, 3, 8) == [4, 5, 6]  # a./b./c. under ③, up to its sibling ④


def test_an_item_without_sub_items_starts_its_own_list():
    assert items_after(PLAN, 7, 8) == [7]


def test_the_limit_holds():
    assert items_after(PLAN, 0, 2) == [1, 3]


def test_a_list_that_runs_to_the_end_of_its_chunk_goes_on_in_the_next():
    from assistant.extractive import join_chunks
    first = _chunk("③ リスク評価手法の浸透を図る。", "a. 実践研修を開催する。", "b. ガイドを作成する。")
    # The next chunk overlaps the first by a sentence, then continues with c.; a sentence of another mark
    # (「・補足」) and the lead's sibling end the list.
    nxt = _chunk("b. ガイドを作成する。", "c. リスク分析を支援する。", "・補足", "④ 中小企業の対策を強化する。")
    joined = join_chunks([first, nxt])
    assert [joined.text[s.start:s.end][:2] for s in joined.sentences] == ["③ ", "a.", "b.", "c.", "・補", "④ "]
    assert items_after(joined, 0, 8) == [1, 2, 3]
    # Without a shared sentence the next chunk is read from its start.
    joined = join_chunks([first, _chunk("c. リスク分析を支援する。", "d. 人材を育成する。")])
    assert items_after(joined, 0, 8) == [1, 2, 3, 4]
    assert join_chunks([first]) is first


def test_the_first_item_of_a_list_is_one_of_the_items_even_with_sub_items_under_it():
    chunk = _chunk("① 人材を育成する。", "a. 研修を行う。", "b. 講座を開く。", "② 研究を推進する。", "③ 連携する。")
    assert items_after(chunk, 0, 8) == [1, 2]  # read as a lead: its own sub-items
    assert items_after(chunk, 0, 8, level="①") == [0, 3, 4]  # read as the list's first item: its siblings


def test_a_list_ends_where_its_numbering_starts_again():
    chunk = _chunk("次の取組を行う。", "① 育成する。", "② 推進する。", "（４）国際連携", "① 協力する。", "② 派遣する。")
    assert items_after(chunk, 0, 8) == [1, 2]


def test_an_enumeration_item_is_cut_before_its_joint_and_its_tail():
    from assistant.extractive import _enumerated
    assert _enumerated("（１）人材の循環、及び（２）輸出の促進を行う。") == ["人材の循環", "輸出の促進"]
    assert _enumerated("拠点（東京、大阪、福岡など）") == ["東京", "大阪", "福岡"]


def test_short_numbered_items_read_as_headings_are_still_the_lists_items():
    # 「(1)…事業」 heads its own ・ sub-items, so the structure reader takes it for a section heading.
    chunk = _chunk("対象事業は、以下のいずれかに該当するものとする。", "(1)新技術を用いた事業",
                   "・生産性向上へ貢献する事業。", "(2)環境の向上に貢献する事業", "(3)地域の経済活性化に資する事業")
    chunk.section[:] = ["(1)新技術を用いた事業"]
    assert items_after(chunk, 0, 8) == [1, 3, 4]
    # A heading of another kind still ends the list.
    other = _chunk("次の取組を行う。", "① 研修を行う。", "② 講座を開く。", "２．業務運営の効率化", "③ 連携する。")
    other.section[:] = ["２．業務運営の効率化"]
    assert items_after(other, 0, 8) == [1, 2]


def test_a_heading_just_under_the_lead_in_groups_the_items_and_does_not_end_the_list():
    chunk = _chunk("【参考：修了生の主な活躍】", "＜令和 2 年度＞", "・コンテストで受賞", "・国際会議の審査委員",
                   "（２）次の取組")
    chunk.section[:] = ["＜令和 2 年度＞"]
    assert items_after(chunk, 0, 8) == [2, 3]
    # Once items were found, a heading still ends the list.
    later = _chunk("次の取組を行う。", "・研修を行う。", "＜令和 3 年度＞", "・講座を開く。")
    later.section[:] = ["＜令和 3 年度＞"]
    assert items_after(later, 0, 8) == [1]


def test_short_words_between_dots_in_parentheses_are_an_enumeration():
    from assistant.extractive import _enumerated
    assert _enumerated("選定した5分野（食品・繊維・上水道・医療介護）の方針") == ["食品", "繊維", "上水道", "医療介護"]
    # Two words joined by ・ are one compound (「起業・事業化」), not a list.
    assert _enumerated("資金確保数（起業・事業化）を数える") == []


def test_items_with_a_paragraph_under_each_are_still_one_list():
    chunk = _chunk("① 5領域のアーキテクチャを整備する。", "a. 自律移動ロボット関連", "仕様を策定する。",
                   "b. 空間情報関連", "基盤を検討する。", "c. 契約・決済関連", "（２）次の取組")
    assert items_after(chunk, 0, 8) == [1, 3, 5]
    # A paragraph not followed by the next item in sequence ends the list.
    broken = _chunk("次の取組を行う。", "a. 研修", "研修を行う。", "c. 連携", "連携する。")
    assert items_after(broken, 0, 8) == [1]


def test_the_next_mark_is_counted_in_its_own_numbering():
    from assistant.extractive import _follows
    for before, after in [("a.", "b."), ("⑨", "⑩"), ("（９）", "（10）"), ("ア", "イ"), ("Ⅲ", "Ⅳ")]:
        assert _follows(before, after), (before, after)
    assert not _follows("a.", "c.") and not _follows("①", "b.")


def test_a_paragraph_between_two_bullets_belongs_to_the_first():
    chunk = _chunk("「ディープテック」は、主として以下のような技術を指す用語",
                   "・研究開発から生まれた革新的な技術であること。", "対象技術分野は、ロボティクス、ＡＩ等である。",
                   "・多額の研究開発投資を要するもの。", "・社会課題の解決に貢献するもの。", "本補助業務は別に定める。")
    assert items_after(chunk, 0, 8) == [1, 3, 4]


def test_a_list_is_quoted_from_the_lead_in_just_before_its_items():
    from assistant.extractive import items_after, list_start
    far = _chunk(
        "具体的には、以下の取組を推進する。",
        "関係機関と連携し、外国企業の誘致を進める。",
        "投資環境の改善に取り組む。",
        "情報発信を強化する。",
        "対象事業は、以下のいずれかに該当するものとする。",
        "(1) イノベーション創出に資する事業",
        "(2) 地域経済活性化に資する事業",
    )
    assert items_after(far, 4, 8) == [5, 6]
    assert list_start(far, 4, [5, 6]) == 4  # the lead-in right above its items
    # Paragraphs between the best sentence and the items are not quoted: the items' own lead-in is.
    assert list_start(far, 0, [5, 6]) == 4
    assert list_start(PLAN, 0, items_after(PLAN, 0, 8)) == 1  # a numbered heading is not quoted as a lead-in


PILLARS = _chunk(
    "➢ エコシステムが強化されるよう、以下の3つの柱を重点として取り組む。",
    "① スタートアップ・ファースト",
    "➢ 投資額を５年で10倍とする目標を実現し、支援策を講じる。",
    "また、各分野の施策を集中的に実施。",
    "② 人材と知的資本の創造",
    "➢ 多様な人材が協働する環境づくりを加速。",
    "③ 市場創造への集中支援",
    "➢ 次の政策も進める。",
)


def test_an_announced_list_runs_on_through_its_items_own_bullets_and_paragraphs():
    # The items' own paragraphs are marked as the lead-in is (➢), and run on in plain sentences: while fewer
    # than the three announced items are found, neither ends the list.
    assert items_after(PILLARS, 0, 8) == [1, 4, 6]


def test_a_set_named_after_a_pointer_has_no_members_before_it():
    from assistant.extractive import set_members
    assert set_members("成長のサイクルが強化されるよう、以下の3つの柱を重点として取り組む。", "3", "柱") == []


def test_a_sentence_pointing_at_what_follows_announces_items():
    from assistant.extractive import _LEAD_IN

    assert _LEAD_IN.search("「アクション・プログラム」で示されている以下等は重要な課題であり、連携して取り組む。")
    assert _LEAD_IN.search("次のとおりとする。")
    assert not _LEAD_IN.search("以下、本計画という。")


def test_a_table_of_contents_entry_is_told_from_a_sentence():
    from assistant.extractive import is_contents_entry
    assert is_contents_entry("⑤ 行政：EBPM・データ駆動型行政 ･･･p.83")
    assert is_contents_entry("第２章 事業の概要……………12")
    assert is_contents_entry("① 人材 ・・・ Ｐ．５８ OS①：人材（考え方）")  # a sentence run on past the entry
    assert not is_contents_entry("データ等で検証できるようにするEBPM・データ駆動型行政の取組が必要。")
    assert not is_contents_entry("AI・IoT・ロボット等の分野で、3件を採択。")
    assert not is_contents_entry("…など 3.5%の増加")


def test_a_table_row_is_its_label_and_its_cells():
    from assistant.values import row_cells
    label, cells = row_cells("前期中(長)期目標期間繰越積立金 1,476 1,016 306")
    assert label == "前期中(長)期目標期間繰越積立金" and [c.text for c in cells] == ["1,476", "1,016", "306"]
    label, cells = row_cells("実績値70,315 件 86,036 件 82,297 件")
    assert label == "実績値" and [c.text for c in cells] == ["70,315 件", "86,036 件", "82,297 件"]
    assert row_cells("目的積立金 - - -")[1] == [None, None, None]  # dashes are empty cells
    assert row_cells("令和2年度は 20 件を採択した。") is None and row_cells("Facebook: 430人、Twitter: 539 人") is None


def test_a_measures_target_written_with_its_stem_names_the_measure():
    from assistant.values import Value, target_named
    text = "協業・連携支援目標（上記「イ．B」）は 716件（700件＋令和5年度補正見込件数16件）とする。"
    value = Value("716件", text.index("716件"), text.index("716件") + 4, "count")
    assert target_named("支援件数", value, text)
    assert not target_named("成功件数", value, text)  # another measure's stem
    assert not target_named("支援件数", Value("10％", 0, 3, "percentage"), text)  # not a count


def test_a_one_cell_row_is_a_label_and_its_figure():
    from assistant.values import is_table_row, row_figure
    assert row_figure("情報セキュリティ白書 2020 1,552").text == "1,552"  # a year in the label is the name's
    assert row_figure("令和元年度 26 名").text == "26 名"
    assert row_figure("繰越積立金 1,476 1,016 306") is None and is_table_row("繰越積立金 1,476 1,016 306")
    assert row_figure("令和2年度は 20 件を採択した。") is None and not is_table_row("○白書の販売数（令和 2 年度）")


def test_a_report_gives_the_asked_years_cell_counted_back_from_its_own_year():
    from dataclasses import replace

    from assistant.extractive import year_column
    report = replace(_chunk("x"), kind="年度評価", fiscal_year=2020)
    row = "当期運営費交付金残存率 (b÷a) 17.8% 19.2% 51.7%"
    assert year_column(row, (2019,), report, "運営費交付金残存率").text == "19.2%"
    assert year_column(row, (2020,), report, "運営費交付金残存率").text == "51.7%"
    assert year_column(row, (2017,), report, "運営費交付金残存率") is None  # before the row's first year
    assert year_column(row, (2019,), report, "経常収益") is None  # another measure's row
    assert year_column("実績値70,315 件 86,036 件 82,297 件", (2019,), report).text == "86,036 件"
    assert year_column("計画値50,000 件 50,000 件 50,000 件 250,000 件", (2019,), report) is None  # targets
    # A plan's table (accounts, not years, in its columns) is not read so.
    assert year_column(row, (2019,), replace(report, kind="年度計画"), "運営費交付金残存率") is None


def test_a_year_a_thing_goes_on_from_does_not_date_its_figure():
    from dataclasses import replace

    from assistant.extractive import Candidate, _mentions_year
    from index.search import Passage

    text = "令和元年度に引き続き各地域の経済産業局と連携したブロック別会議を7回開催し、交流の場を提供。"
    report = replace(_chunk(text), kind="年度評価", fiscal_year=2020)
    said = Candidate(Passage(1, 0.1, report), 0, text, 1, 1)
    assert not _mentions_year(said, (2019,))  # the 7 meetings are 令和2年度's
    assert _mentions_year(said, (2020,))
    dated = "令和元年度にブロック別会議を5回開催。"
    assert _mentions_year(replace(said, text=dated, passage=Passage(1, 0.1, replace(report, text=dated))), (2019,))


def test_a_row_of_column_headers_over_a_table_does_not_date_its_rows():
    from dataclasses import replace

    from assistant.extractive import Candidate, _mentions_year
    from index.search import Passage

    # The 令和2年度 report's table is headed 「令和元年度末 令和 2 年度末 令和 3 年度末」 but gives a figure for each
    # year up to its own: 令和2年度's cell is its last; 令和3年度 has none.
    report = replace(_chunk("当期運営費交付金残存率 (b÷a) 12.6% 27.8% 24.2%"), kind="年度評価", fiscal_year=2020,
                     section=["社会基盤業務経理", "令和元年度末 令和 2 年度末 令和 3 年度末"])
    row = Candidate(Passage(1, 0.1, report), 0, report.text, 1, 1)
    assert _mentions_year(row, (2020,), "運営費交付金残存率")
    assert not _mentions_year(row, (2021,), "運営費交付金残存率")
    dated = replace(report, section=["令和3年度の収支"])  # a heading naming the year dates the passage
    assert _mentions_year(replace(row, passage=Passage(1, 0.1, dated)), (2021,))
    # A plan's header names the years its rows plan for: 令和8年度 is one of its columns.
    plan = replace(report, kind="年度計画", fiscal_year=2024, text="人件費 10 20 30",
                   section=["人件費の見積り", "令和6年度 令和7年度 令和8年度"])
    assert _mentions_year(Candidate(Passage(1, 0.1, plan), 0, plan.text, 1, 1), (2026,))


def test_the_grade_a_reason_is_asked_for_and_the_sentences_marked_with_it():
    from assistant.extractive import _asked_grade, _grades_marked
    assert _asked_grade("指標2-1が【困難度高】とされているのはなぜ？") == "困難度"
    assert _asked_grade("その指標の難易度が高いのはなぜ？") == "困難度"  # the same grade, written otherwise
    assert _asked_grade("重要度高とされている理由は？") == "重要度"
    assert _asked_grade("重要度と困難度の理由は？") is None and _asked_grade("なぜ達成できた？") is None
    assert _grades_marked("【困難度：高】高まる世界経済の不確実性によって、輸出の拡大意欲を下押しする") == {"困難度"}
    assert _grades_marked("【重要度高】【困難度高】：本指標は、リスクの高い研究開発を行う") == {"重要度", "困難度"}
    assert _grades_marked("【重要度高】【困難度高】") == set()  # the marks alone give no reason
    assert _grades_marked("本指標は【困難度高】とされる。") == set()  # only a mark the sentence opens with


def test_a_hyphen_opening_a_line_is_a_bullet_but_not_a_running_title_or_an_empty_cell():
    from index.headings import LIST_START
    voices = _chunk("（実証事業の参加事業者からの声）", "- 出入り口で防いでくれると安心感が強い。",
                    "- お助け隊がなければ対策は実施しなかった。", "- サイバー対策は PR 材料にもなる。")
    assert items_after(voices, 0, 8) == [1, 2, 3]
    assert not LIST_START.match("-中期目標 P.7-")  # a page's running title set between hyphens
    assert not LIST_START.match("- - 1,051")  # a table row's empty cells
    assert LIST_START.match("- 2 事業者に対し、リスク分析を実施。")  # a bullet before a figure


def test_names_enumerated_on_the_line_after_a_lead_in_are_its_items():
    from assistant.extractive import _names_after

    named = _chunk("・以下 3 か国の制度を調査。", "FedRAMP（アメリカ）、G-Cloud（イギリス）、C5（ドイツ）")
    assert _names_after(named, 0) == ["FedRAMP（アメリカ）", "G-Cloud（イギリス）", "C5（ドイツ）"]
    # A sentence after it, or clauses, are no names.
    said = _chunk("以下等は重要な課題であり、連携して取り組む。", "特に、行動指針を策定するとともに、対応を講じる。")
    assert _names_after(said, 0) == []
    clauses = _chunk("以下の取組を支援する。", "市場機能が健全に発揮されるよう、指針を策定")
    assert _names_after(clauses, 0) == []


def test_the_items_under_a_label_answer_a_question_asking_for_its_head_noun():
    from assistant.extractive import Candidate, _asked_label
    from assistant.question import QuestionAnalysis
    from index.search import Passage

    chunk = _chunk("⚫ 当面見据える長期目標", "➢ 半導体：売上高を15兆円超とする。", "➢ 蓄電池：150GWh/年を確立する。")
    chunk.section[:] = ["ミッション②：デジタル社会の実現", "⚫ 当面見据える長期目標"]

    def under(question: str, qualifiers: tuple[str, ...] = (), topic: str = "長期目標") -> bool:
        analysis = QuestionAnalysis(question, "fact", None, "長期", qualifiers, topic=(*qualifiers, topic))
        return _asked_label(analysis, Candidate(Passage(1, 1.0, chunk), 1, _sentence_text(chunk, 1), 2, 2))

    assert under("デジタル社会の実現ミッションの長期目標は？", ("デジタル社会",))
    assert not under("半導体の長期目標は？", ("半導体",))  # a word only one item says asks for that item
    assert not under("デジタル社会の実現ミッションの施策は？", ("デジタル社会",), "施策")  # not what it heads


def _sentence_text(chunk: Chunk, i: int) -> str:
    span = chunk.sentences[i]
    return chunk.text[span.start:span.end]


def test_to_of_a_verb_does_not_join_items():
    from assistant.extractive import _inline_items
    # 「…として、」 is not 「AとB」: the sentence has no enumeration.
    assert _inline_items("・最新の技術動向調査、制度改善に向けた取組として、海外の評価制度についての調査を実施。") == []
    assert _inline_items("研修、講座及び演習を実施。")[:2] == ["研修", "講座"]  # a real joint still lists


def test_an_enumeration_may_put_a_comma_before_its_joint_quote_its_names_or_close_with_nado():
    from assistant.extractive import _inline_items
    # The clause before the items and what the sentence says of the last are not items.
    assert _inline_items("人材像を目指し、講演、討論、及び演習の3 つのパートで構成した。") == ["講演", "討論", "演習"]
    assert _inline_items("業務を「調査」、「分析」、「提言」の3 つの観点から整理。") \
        == ["「調査」", "「分析」", "「提言」"]
    assert _inline_items("計画に基づく階層別研修、全職員向けの基本研修、テーマ別研修等を実施。") \
        == ["計画に基づく階層別研修", "全職員向けの基本研修", "テーマ別研修"]
    assert _inline_items("変化を加速するには、人材の育成や企業の変革、海外とのつながり強化といった組替えが必要。") \
        == ["人材の育成", "企業の変革", "海外とのつながり強化"]
    # Clauses joined by commas are not an enumeration, nor are two quoted names, nor the 等 of 「平等」.
    assert _inline_items("調査を実施し、結果を公表し、改善を行う等の取組を進めた。") == []
    assert _inline_items("従来の「白書」、「年報」をさらに発展させた。") == []
    assert _inline_items("教育の充実、雇用の安定、男女平等の推進を図る。") == []
    # A noun that ends like a verb (「見直し」「受入れ」) is an item; a comma inside brackets splits nothing; a
    # sentence opener and a joint left after an item are not part of one.
    assert _inline_items("規制の見直し、手続の簡素化及び窓口の一元化を進める。") \
        == ["規制の見直し", "手続の簡素化", "窓口の一元化"]
    assert _inline_items("例えば、展示会出展（海外見本市、国内展示会）、商談会、相談会等を実施。") \
        == ["展示会出展（海外見本市、国内展示会）", "商談会", "相談会"]
    assert _inline_items("攻撃の手口や、被害の実態、対策の状況などの情報を集める。") \
        == ["攻撃の手口", "被害の実態", "対策の状況"]


def test_a_numbered_heading_names_one_thing_and_is_no_label():
    from assistant.extractive import Candidate, _asked_label
    from assistant.question import QuestionAnalysis
    from index.search import Passage

    chunk = _chunk("⑤ バイオものづくり革命推進事業", "・ＮＥＤＯは進捗管理を担う。")
    chunk.section[:] = ["⑤ バイオものづくり革命推進事業"]
    analysis = QuestionAnalysis("バイオものづくり革命推進事業の役割は？", "fact", None, "役割",
                                topic=("バイオものづくり革命推進事業",))
    assert not _asked_label(analysis, Candidate(Passage(1, 1.0, chunk), 1, _sentence_text(chunk, 1), 2, 2))


def test_a_label_line_in_the_passage_heads_the_items_after_it_and_dashes_are_bullets():
    """「⚫当面見据える中期目標：」 then 「– …」 items, not a section: the label still heads them, and the dashes are
    bullets, so the same one may follow on."""
    from assistant.extractive import Candidate, _asked_label, _bullet
    from assistant.question import QuestionAnalysis
    from assistant.values import strip_marker
    from index.search import Passage

    chunk = _chunk("➢ 先端技術への投資を強化", "⚫当面見据える中期目標：", "– 新興企業：投資額を5年で10倍",
                   "– 研究開発投資：総額を5年で約 120 兆円にする")
    analysis = QuestionAnalysis("OS②で、当面見据える中期目標の数字は？", "fact", None, "数字",
                                topic=("中期目標", "数字"))
    for i in (2, 3):
        assert _asked_label(analysis, Candidate(Passage(1, 1.0, chunk), i, _sentence_text(chunk, i), i + 1, i + 1))
    assert items_after(chunk, 2, 8, "–") == [2, 3]
    assert _bullet("–") and _bullet("➢") and not _bullet("①") and not _bullet("a.")
    assert strip_marker("– 新興企業：投資額") == "新興企業：投資額"


def test_a_line_stating_an_indicator_is_found_by_its_label_in_either_width_and_any_dash():
    import re

    from assistant.extractive import _label_line

    line = re.compile(_label_line("指標4-1"))
    assert line.search("＜定量的指標＞\n指標４－１：企業関係者等に対し、…")
    assert line.search("指標4-1 : アンケート")
    assert not line.search("指標４－１－２：…")  # a longer label
    assert not line.search("【指標４－１】の目標に影響する外部要因")  # referred to, not stated
    assert not line.search("…は、指標４－１の考え方による。")  # said in passing, not opening a line


def test_a_target_asked_of_an_indicator_is_read_on_into_the_next_sentence_that_sets_it():
    """The indicator's line may give the current result (moved past) or say what is judged without a target of its
    own (kept, with the sentence setting the target quoted after it)."""
    from assistant.extractive import Candidate, _stated_on, _target_after
    from index.search import Passage

    def candidates(*sentences: str) -> list[Candidate]:
        chunk = _chunk(*sentences)
        return [Candidate(Passage(1, 1.0, chunk), i, s, i + 1, i + 1) for i, s in enumerate(sentences)]

    result = candidates("指標２－２：月平均の実績数（アクセス数）は約２万５千件。",
                        "通年で約３０万件を上回ることを目指す。")
    assert _stated_on(result[0], result, "目標") is result[1]
    assert _stated_on(result[0], result, "実績") is result[0]  # a result asked: the line itself
    judged = candidates("指標２－１：委員会において、支援の質の観点で評価する。",
                        "具体的には、上位の区分の評価となることを目標とする。")
    assert _stated_on(judged[0], judged, "目標") is judged[0]
    assert _target_after(judged[0], judged, "目標") is judged[1]
    assert _target_after(judged[0], judged, None) is None
    stated = candidates("指標３－１：研修を開催し、満足度を目標とする。", "また、研修の内容を充実させることを目指す。")
    assert _target_after(stated[0], stated, "目標") is None  # the line sets its own target


def test_a_numbered_set_counts_marks_of_its_first_items_kind_only():
    # 「（２）」 is the second of 「（１）」's list, not the 「②」 under 「（１）」.
    plan = _chunk("以下の2つの柱に取り組む。", "（１）研究開発の推進", "① 基礎研究", "② 応用研究", "（２）成果の普及")
    assert _numbered_after(plan, 0, 2) == [1, 4]


def test_a_group_title_is_named_in_full_or_by_its_head_phrase():
    asked = "人手不足への対応としては、具体的に何をするの？"
    assert _title_named("【①徹底した人手不足への対応】", asked)  # its head phrase, more than half of it
    assert _title_named("【②賃上げに向けた取組の強化】", "賃上げに向けた取組の強化としては？")  # in full, number aside
    assert not _title_named("【③内部労働市場・外部労働市場の活性化による労働移動の円滑化】", asked)
    assert not _title_named("【①中小企業の人手不足への対応】", "対応は？")  # a word alone names no title
    assert _title_named("【公正な移行、社会全体のＧＸ】", compact("【公正な移行、社会全体のＧＸ】の今後の施策は？"))
    assert _title_named("（地域の核となる企業の成長）", "政策のうち、「地域の核となる企業の成長」にはどんな施策が？")
    assert not _title_named("【①徹底した人手不足への対応】", "資材不足への対応としては何をする？")  # not a word's tail
    # Not a title inside a longer name (「…スタートアップ支援」), nor one that only scopes another thing asked about.
    assert not _title_named("（スタートアップ支援施策）", "レジリエンス分野のスタートアップ支援施策の予算額は？")
    assert not _title_named("【サプライチェーンの強靱化】", "サプライチェーンの強靱化で、特定重要物資には何をする？")
