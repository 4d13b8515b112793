"""An answer to a question of several parts states each part in turn (pure, no index)."""

from assistant.extractive import Candidate, Draft, Quote, merge_parts, repeats_a_part
from tests.test_rank import _passage


def _quote(n: int, text: str) -> Quote:
    passage = _passage(n, 0.1, text)
    return Quote(Candidate(passage, 0, text, 1, 1), text)


def test_each_part_is_stated_in_turn_and_a_shared_quote_is_given_once():
    shared = _quote(1, "標準は2022年末に策定された。")
    first = Draft("2022年末", [shared], confidence=0.9)
    second = Draft("生成AI等を踏まえて改訂する", [_quote(2, "生成AI等を踏まえた改訂を行う。"), shared], confidence=0.6)
    merged = merge_parts([first, second])
    assert merged.direct == "①2022年末／②生成AI等を踏まえて改訂する"
    assert [q.text for q in merged.quotes] == ["標準は2022年末に策定された。", "生成AI等を踏まえた改訂を行う。"]
    assert merged.confidence == 0.6  # as strong as its weakest part
    assert not merged.abstained


def test_a_part_the_documents_do_not_answer_says_so():
    answered = Draft("2022年末", [_quote(1, "標準は2022年末に策定された。")], confidence=0.9)
    merged = merge_parts([answered, Draft("資料に記載なし（…）", abstained=True)])
    assert merged.direct == "①2022年末／②資料に記載なし"
    assert len(merged.quotes) == 1
    # Nothing answered: the whole answer abstains.
    assert merge_parts([Draft("資料に記載なし", abstained=True)] * 2).abstained


def test_a_part_answered_by_a_numbered_item_is_marked_once():
    # The item's own number (「① ＡＩセーフティ…」) is not written after the part's: 「①① …」 reads as a typo.
    item = Draft("① ＡＩセーフティ・インスティテュート事務局の体制を整備する", [_quote(1, "① ＡＩセーフティ…。")])
    merged = merge_parts([item, Draft("・令和６年２月", [_quote(2, "・令和６年２月に設置。")])])
    assert merged.direct == "①ＡＩセーフティ・インスティテュート事務局の体制を整備する／②令和６年２月"
    # A figure is no mark: 「1,000件」 keeps its digits.
    assert merge_parts([Draft("1,000件", [_quote(3, "1,000件。")])] * 2).direct.startswith("①1,000件")


def test_a_part_answered_by_an_earlier_part_s_sentence_in_its_words_repeats_it():
    held = _quote(1, "海外派遣演習はオンライン形式で開催。")
    first = Draft("海外派遣演習はオンライン形式で開催。", [held])
    assert repeats_a_part(Draft("海外派遣演習はオンライン形式で開催。", [held]), [first])
    assert repeats_a_part(Draft("オンライン形式", [held]), [first])  # fewer words of the same sentence
    # Another figure of the same sentence, or the same words from another sentence, is news.
    assert not repeats_a_part(Draft("開催は2回", [held]), [first])
    assert not repeats_a_part(Draft("オンライン形式", [_quote(2, "研修はオンライン形式で実施。")]), [first])
    assert not repeats_a_part(Draft("資料に記載なし", abstained=True), [first])


def test_a_sentence_that_adds_to_the_one_before_is_quoted_with_it():
    from assistant.extractive import _with_lead
    from index.search import Passage
    from tests.test_lists import _chunk

    chunk = _chunk("（経済的威圧への対応）", "日本企業からの相談窓口を設け、相談に応じる。",
                   "さらに、影響を受けた企業には販路の開拓を支援する。")
    passage = Passage(1, 0.5, chunk)
    adds = Candidate(passage, 2, "さらに、影響を受けた企業には販路の開拓を支援する。", 3, 3)
    joined = _with_lead(adds)
    assert joined.text.startswith("日本企業からの相談窓口を設け") and joined.text.endswith("販路の開拓を支援する。")
    assert (joined.line_start, joined.line_end) == (2, 3)
    # A sentence of its own, or one right under a heading, stays as it is.
    own = Candidate(passage, 1, "日本企業からの相談窓口を設け、相談に応じる。", 2, 2)
    assert _with_lead(own) is own
    chunk = _chunk("（経済的威圧への対応）", "さらに、販路の開拓を支援する。")
    chunk.section.append("（経済的威圧への対応）")
    under = Candidate(Passage(1, 0.5, chunk), 1, "さらに、販路の開拓を支援する。", 2, 2)
    assert _with_lead(under) is under


def test_a_span_of_time_the_sentence_gives_with_another_length_is_not_answered():
    from assistant.extractive import _other_span

    growth = Candidate(_passage(1, 0.1, "今年の世界成長率予測は2.8%、過去20年平均は3.8%。"), 0,
                       "今年の世界成長率予測は2.8%、過去20年平均は3.8%。", 1, 1)
    assert _other_span(growth, "世界成長率の過去10年平均は何%？") == "過去10年"
    assert _other_span(growth, "世界成長率の過去２０年平均は何%？") is None  # the asked span (any width)
    assert _other_span(growth, "令和7年の世界成長率は？") is None  # an era year is no span
    assert _other_span(growth, "直近3年の平均は？") is None  # another word: nothing to compare


def test_a_numbered_occurrence_the_sentence_does_not_name_is_not_answered():
    from assistant.extractive import _other_occurrence

    meeting = Candidate(_passage(1, 0.1, "第3回年次総会を令和2年11月6日に開催。"), 0,
                        "第3回年次総会を令和2年11月6日に開催。", 1, 1)
    assert _other_occurrence(meeting, "第2回年次総会はいつ開催された？") == "第2回"
    assert _other_occurrence(meeting, "第三回年次総会はいつ開催された？") is None
    assert _other_occurrence(meeting, "年次総会はいつ開催された？") is None
    assert _other_occurrence(meeting, "第2回運営委員会はいつ開催された？") is None  # another kind of meeting
    # The sentence names no issue: the passage around it does, and not the asked one.
    issues = "第 46 号ではDX特集、第 49 号では認定制度の特集を実施。"
    general = Candidate(_passage(2, 0.1, issues), 0, "制作ノウハウを盛り込み、新事業を特集。", 1, 1)
    assert _other_occurrence(general, "第47号の特集は？") == "第47号"
    assert _other_occurrence(general, "第49号の特集は？") is None


def test_a_period_the_figure_is_based_on_is_not_its_own():
    from assistant.extractive import _of_another_period
    from assistant.values import values_in

    text = "第四期中期目標期間中の状況等を踏まえ、誘致成功件数は376件以上を目指す。"
    based = Candidate(_passage(1, 0.1, text), 0, text, 1, 1, value=values_in(text)[0])
    assert not _of_another_period(based, (6,))
    text = "（第４期中長期目標期間中における実績値：87.0％）"
    said = Candidate(_passage(2, 0.1, text), 0, text, 1, 1, value=values_in(text)[0])
    assert _of_another_period(said, (5,)) and not _of_another_period(said, (4,))
    # Only the basis clause goes: the figure's own period before it still counts.
    text = "第4期中長期目標期間においては、前期の実績を踏まえ、年間100件以上とする。"
    own = Candidate(_passage(3, 0.1, text), 0, text, 1, 1, value=values_in(text)[0])
    assert _of_another_period(own, (5,))
    # A date between the period and the count does not hide the period: the count is that period's.
    text = "プログラムの第 4 期を令和 2 年 7 月に開講し、47 名の受講者を受入れ。"
    dated = Candidate(_passage(4, 0.1, text), 0, text, 1, 1, value=values_in(text)[-1])
    assert dated.value.text == "47 名" and _of_another_period(dated, (5,)) and not _of_another_period(dated, (4,))


def test_a_name_question_is_answered_by_the_things_own_name_not_a_name_near_it():
    from assistant.extractive import _names_focus
    from assistant.values import names_in

    own = "公式ウェブサイト、広報誌「ＩＰＡ ＮＥＷＳ」等のコンテンツを充実させる。"
    near = "広報誌の定期購読者については、Facebook 618 人、Twitter 8,109 人が増加。"
    assert _names_focus(Candidate(_passage(1, 0.1, own), 0, own, 1, 1, value=names_in(own)[0]), "広報誌")
    assert not _names_focus(Candidate(_passage(2, 0.1, near), 0, near, 1, 1, value=names_in(near)[0]), "広報誌")


def test_a_quote_that_is_the_answer_itself_is_said_once():
    from assistant.chain import compose
    new, old = "A）対日投資支援件数 3,760件以上", "A）対日投資支援件数 3,700件以上"
    amended = Quote(_quote(1, new).candidate, new, "変更案：")
    current = Quote(_quote(2, old).candidate, old, "現行：")
    text, citations = compose(Draft(new, [amended, current]))
    # Said once, with the column it is from; both quotes still cited.
    assert text.splitlines() == [f"変更案：{new}[1][2]", f"現行：{old}[2]"]
    assert [c.marker for c in citations] == [1, 2]
    # A list's lead-in that is the answer: the items follow it, the lead-in is not repeated.
    listed = _quote(3, "⚫ 基金を活用して組成\n○ 着実な執行")
    text, _ = compose(Draft("⚫ 基金を活用して組成", [listed]))
    assert text.splitlines() == ["⚫ 基金を活用して組成[1]", "○ 着実な執行[1]"]
    # A part's answer that names its document and is its quote: said once, not twice with the document's name.
    said = "・令和2年度として10,465件を新規登録。"
    report = Quote(_quote(4, said).candidate, said, "IPAの年度評価（2020年度）：")
    text, _ = compose(Draft(f"IPAの年度評価（2020年度）：{said}", [report]))
    assert text.splitlines() == [f"IPAの年度評価（2020年度）：{said}[1]"]


def test_each_part_of_a_comparison_carries_the_marker_of_its_own_quote():
    from assistant.chain import compose
    plan = Quote(_quote(1, "c. 「ＪＶＮ ｉＰｅｄｉａ」の運用を引き続き行う。").candidate,
                 "c. 「ＪＶＮ ｉＰｅｄｉａ」の運用を引き続き行う。", "IPAの年度計画：")
    report = Quote(_quote(2, "・令和2年度として10,465件を新規登録し、利用者の利便性を高めた。").candidate,
                   "・令和2年度として10,465件を新規登録し、利用者の利便性を高めた。", "IPAの年度評価：")
    direct = "IPAの年度計画：c. 「ＪＶＮ ｉＰｅｄｉａ」の運用を引き続き行う。／IPAの年度評価：…10,465件を新規登録し、…"
    text, citations = compose(Draft(direct, [plan, report]))
    lines = text.splitlines()
    # Each part cites its own document; the whole quote is not repeated, the trimmed one is given in full.
    assert lines[0] == ("IPAの年度計画：c. 「ＪＶＮ ｉＰｅｄｉａ」の運用を引き続き行う。[1]"
                        "／IPAの年度評価：…10,465件を新規登録し、…[2]")
    assert lines[1:] == ["IPAの年度評価：・令和2年度として10,465件を新規登録し、利用者の利便性を高めた。[2]"]
    assert [c.marker for c in citations] == [1, 2]
    # A 「／」 inside a figure is no part: the markers stay at the end.
    text, _ = compose(Draft("上位回答を２／３以上", [_quote(1, "上位回答を２／３以上とする。")]))
    assert text.splitlines()[0] == "上位回答を２／３以上[1]"


def test_each_part_of_a_comparison_is_answered_by_a_figure_of_the_kind_it_asks():
    from assistant.extractive import _with_status
    from assistant.question import part_status

    assert part_status("来場者数、昨年度の実績") == "実績"
    assert part_status("今年度計画での増加目標を両方教えて") == "目標"
    assert part_status("今年度計画でどんな整備をする予定なのか") is None  # no figure asked of it
    text = "目標値（年度中に150団体以上）を上回り、参加団体数は210団体（目標値比140%）となった。"
    result = Candidate(_passage(1, 0.1, text), 0, text, 1, 1)
    question = "参加団体数について、昨年度の実績と今年度の目標は？"
    assert _with_status(result, "実績", question).value.text == "210団体"  # in the asked unit, not 140%
    assert _with_status(result, "目標", question).value.text == "150団体以上"
    plan = "参加団体の拡大に取り組む。"
    assert _with_status(Candidate(_passage(2, 0.1, plan), 0, plan, 1, 1), "実績", question) is None


def test_the_revision_a_question_names_is_not_a_word_its_answer_should_share():
    from assistant.extractive import _without_revision
    from assistant.question import Constraints, QuestionAnalysis

    asked = QuestionAnalysis("令和5年度補正の変更案で、輸出の成功件数は？", "count", None, "成功件数",
                             constraints=Constraints(revision="令和5年度補正", revision_year=2023))
    assert "令和5年度補正" not in _without_revision(asked)
    assert "輸出の成功件数" in _without_revision(asked)
    plain = QuestionAnalysis("輸出の成功件数は？", "count", None, "成功件数")
    assert _without_revision(plain) == "輸出の成功件数は？"


def test_a_figure_the_question_states_as_known_is_not_its_answer():
    from assistant.extractive import _restates, _what_is_missing
    from assistant.question import QuestionAnalysis
    from assistant.values import Value

    subset = QuestionAnalysis("調査の有効回答1,200件のうち、中小企業からの回答は何件？", "count", "件", "回答")
    assert _restates(subset, Value("1,200 件", 0, 7, "count"))
    assert not _restates(subset, Value("300 件", 0, 5, "count"))
    # (the whole named by what it is of: 「230万人の育成目標のうち」)
    named = QuestionAnalysis("推進人材230万人の育成目標のうち、機構が担う人数は何人？", "count", "人", "人数")
    assert _restates(named, Value("２３０万人", 0, 5, "count"))
    bound = QuestionAnalysis("PBR1倍以上の企業のうち、8割以上の企業は何社？", "count", "社", "企業")
    assert not _restates(bound, Value("1倍以上", 0, 5, "count"))  # a bound on the whole, not the whole
    heard = QuestionAnalysis("参加者は80名超とのことですが、そのうち企業からは何名？", "count", "名", "参加者")
    assert _restates(heard, Value("80 名超", 0, 5, "count"))
    written = QuestionAnalysis("日本は平均16.3%ってあるけど、米国だと何%？", "percentage", None, "米国")
    assert _restates(written, Value("16.3%", 0, 5, "percentage"))
    # A figure in a clause that grants it (「…目標が紹介されていますが、」) is known too.
    granted = QuestionAnalysis("設備投資額115兆円目標が紹介されていますが、2022年度の実績額は何兆円？", "amount", None,
                               "実績額")
    assert _restates(granted, Value("115兆円", 0, 6, "amount"))
    # A figure inside what is asked (a threshold of the measure) is no known answer.
    inside = QuestionAnalysis("PBR1倍以上の企業の割合は2030年に何割を目指す？", "percentage", None, "割合")
    assert not _restates(inside, Value("1倍", 0, 2, "count"))
    said = Candidate(_passage(1, 0.1, "有効回答1,200件を集めた。"), 0, "有効回答1,200件を集めた。", 1, 1,
                     value=Value("1,200件", 4, 10, "count"))
    assert "質問にもある「1,200件」" in _what_is_missing(subset, "restated", said)


def test_a_date_the_question_names_must_be_in_the_answers_passage():
    from assistant.extractive import _other_date

    text = "令和2年10月1日の初回更新は5,865名、令和3年4月1日更新は1,847名。"
    c = Candidate(_passage(1, 0.1, text), 0, text, 1, 1)
    assert _other_date(c, "令和3年10月1日付で更新した人は何名？") == "令和3年10月1日"
    assert _other_date(c, "2021年4月1日に更新した人は何名？") is None  # the same day, written western
    assert _other_date(c, "令和2年10月の初回更新は何名？") is None  # a month said by a day of it
    assert _other_date(c, "令和3年度の更新者は何名？") is None  # a fiscal year is checked elsewhere


def test_a_month_asked_of_a_year_is_answered_only_by_a_date_in_that_year():
    from assistant.extractive import _date_of_another_year

    asked = "事業継続計画は令和６年度の何月に改正する予定？"  # a fiscal year: April 2024 to March 2025
    assert _date_of_another_year("令和５年７月", asked) == "令和6年度の何月"
    assert _date_of_another_year("令和６年７月", asked) is None
    assert _date_of_another_year("令和7年2月", asked) is None
    assert _date_of_another_year("2023年7月", "2024年のいつ公開した？") == "2024年のいつ"
    assert _date_of_another_year("令和５年７月", "事業継続計画はいつ改正した？") is None  # no year asked


def test_a_figure_of_the_narrowed_thing_alone_must_be_stated_for_it():
    from assistant.extractive import _alone

    assert not _alone("・自治体、事業者へのヒアリング 30 件を行った。", "自治体")  # counted together
    assert not _alone("事業者、自治体へのヒアリング 30 件", "自治体")
    assert not _alone("市場規模は総額 92 兆円。", "国内市場")  # not named at all
    assert _alone("自治体へのヒアリング 12 件", "自治体")


def test_a_named_edition_must_be_the_one_in_the_answers_passage():
    from assistant.extractive import _other_edition

    text = "○年報の販売数（令和 2 年度） 産業年報 2020 4,596"
    c = Candidate(_passage(1, 0.1, text), 0, text, 1, 1)
    assert _other_edition(c, "産業年報2024の販売数は何部？") == "産業年報2024"
    assert _other_edition(c, "産業年報2020の販売数は何部？") is None  # the same edition, spacing aside
    assert _other_edition(c, "2024年度の販売数は？") is None  # a fiscal year is no edition
    # A numbered edition or round: another one named in the passage is not the asked one.
    first = "変革の手引書（第一版）として公開（令和 3 年 3 月）。"
    c = Candidate(_passage(1, 0.1, first), 0, first, 1, 1)
    assert _other_edition(c, "手引書の第二版はいつ公開された？") == "第二版"
    assert _other_edition(c, "手引書の第1版はいつ公開された？") is None  # 第1版 is 第一版
    plain = "手引書として公開（令和 3 年 3 月）。"
    assert _other_edition(Candidate(_passage(1, 0.1, plain), 0, plain, 1, 1), "手引書の第二版は？") is None
    # A numbered item of a series (「テーマ①」): a passage that names another item of the series (「テーマ②」, in any
    # width) is about that one; one that names none may be about the asked one.
    second = "ＯＳ②：スタートアップ（考え方） 当面見据える中期目標：投資額を５年で10倍"
    c = Candidate(_passage(1, 0.1, second), 0, second, 1, 1)
    assert _other_edition(c, "OS①の当面の中期目標は？") == "OS①"
    assert _other_edition(c, "OS②の当面の中期目標は？") is None
    assert _other_edition(Candidate(_passage(1, 0.1, plain), 0, plain, 1, 1), "OS①の中期目標は？") is None


def test_a_sentence_that_only_counts_the_asked_things_does_not_say_which():
    from assistant.extractive import only_counted

    assert only_counted("・推進ラボ（第六弾）として新たに1地域を選定（累計102件）。", "地域") == "1地域"
    assert only_counted("連携する機関数を７機関以上とする。", "機関") == "７機関"
    assert only_counted("海外関係機関（米 NIST、独 IIC 等）の取組を調査。", "関係機関") is None  # named
    assert only_counted("② 登録者数の増加に向け、協働する。", "登録者") is None  # a list mark is no count
    assert only_counted("地域を選定した。", "都市") is None  # not said at all


def test_a_count_of_members_asked_is_answered_by_an_enumeration_numbering_as_many():
    from assistant.extractive import numbered_inline
    from assistant.question import QuestionAnalysis

    # How many members are asked: a counted set's count, or a bare count (「…として挙げられている4つは？」).
    assert QuestionAnalysis("必要な取組として挙げられている4つは？", "list", None, "取組").members_asked == 4
    assert QuestionAnalysis("エコシステムを強化する6つの柱には何がありますか", "list", None, "柱").members_asked == 6
    assert QuestionAnalysis("成功件数は何件？", "count", "件", "成功件数").members_asked == 0
    assert QuestionAnalysis("その4つ目は？", "list", None, "4つ目").members_asked == 0  # an ordinal names one
    assert QuestionAnalysis("この2つは何が違う？", "list", None, "違い").members_asked == 0  # two things referred to
    # An inline enumeration numbered from one, in order, gives its items; other numbering gives none.
    text = "そのためには、①地域の雇用の創出、②観光産業の高付加価値化、③仕事と子育ての両立への対応が必要。"
    items = numbered_inline(text)
    assert items[:2] == ["地域の雇用の創出", "観光産業の高付加価値化"] and items[2].startswith("仕事と子育ての両立")
    assert len(items) == 3
    assert numbered_inline("（１）A事業の推進、（２）B事業の推進を行う。") == ["A事業の推進", "B事業の推進"]
    assert numbered_inline("②観光産業、③仕事と子育て") == []  # not from one
    assert numbered_inline("①のとおり実施する。") == []  # one mark is no enumeration


def test_a_numbered_set_is_answered_by_the_members_a_sentence_names():
    from assistant.extractive import set_members
    from assistant.question import counted_set

    assert counted_set("アーキテクチャを設計する5以上の領域とはどこですか") == ("5", "領域")
    assert counted_set("エコシステムを強化する6つの柱には何がありますか") == ("6", "柱")
    assert counted_set("アジア太平洋地域の5都市ってどこ？") == ("5", "都市")
    assert counted_set("成功件数は5件以上ですか？何件？") is None  # a figure's counter, not a set
    assert counted_set("5以上の領域の目標水準は？") is None  # no members asked
    # The set alone asked, with no question word, asks its members — not a figure's counter so asked.
    assert counted_set("人流・物流に関してアーキテクチャを整備する5領域は?") == ("5", "領域")
    assert counted_set("採択した3テーマって？") == ("3", "テーマ")
    assert counted_set("支援した5社は?") is None
    assert counted_set("3つの柱に沿って支援した5社は?") is None  # the closing count is what the question asks of
    assert counted_set("第2分野は?") is None  # an ordinal names one item
    text = "自律移動ロボット、空間情報、サプライチェーン、契約・決済、及びスマートビル等の５以上の領域で設計。"
    assert set_members(text, "5", "領域") == ["自律移動ロボット", "空間情報", "サプライチェーン", "契約・決済",
                                              "スマートビル"]
    # The clause's opening words are no member; members may follow in brackets instead.
    assert set_members("実現に向けて、A事業、B事業等の2つの事業を行う。", "2", "事業") == ["A事業", "B事業"]
    assert set_members("選定した5分野（食品・繊維・上水道・下水道・医療介護）で検討。", "5", "分野") == [
        "食品", "繊維", "上水道", "下水道", "医療介護"]
    # Counted, not named: no members.
    assert set_members("9月には、アジア太平洋地域の5都市と、日本企業のマッチング予定。", "5", "都市") == []
    assert set_members("（エコシステムを強化するの6つの柱）", "6", "柱") == []
    # Words joined by 「・」 are members only when there are as many as the set counts; a quoted set name too.
    assert set_members("中長期的に国内投資・イノベーション・所得向上の３つの好循環を持続化。", "3", "好循環") == [
        "国内投資", "イノベーション", "所得向上"]
    assert set_members("スタートアップ・イノベーションの6つの柱を示す。", "6", "柱") == []
    assert set_members("講じることで、国内投資促進、イノベーション創出、国民所得向上の「３つの好循環」を実現する。",
                       "3", "好循環") == ["国内投資促進", "イノベーション創出", "国民所得向上"]
    # Members each quoted (「…」「…」、「…」の3つの観点), and a set asked with 「どの」.
    assert counted_set("事業をどの3つの観点から捉える？") == ("3", "観点")
    three = "事業を「市場」「技術」、「人材」の3 つの観点から捉える。"
    assert set_members(three, "3", "観点") == ["市場", "技術", "人材"]
    assert set_members("「市場」「技術」の3 つの観点から捉える。", "3", "観点") == []  # (two quoted: not all of them)


def test_a_figure_in_the_sentence_after_a_best_sentence_without_one_answers():
    from dataclasses import replace

    from assistant.extractive import figure_after
    from assistant.values import values_in

    text = ["・これまで全国で開催してきた出前講座を継続実施。", "令和 2 年度は合計で約 4,500 人が参加。",
            "令和 3 年 4 月に開始。"]
    passage = _passage(1, 0.1, "".join(text))

    def cand(i: int, score: float, value=None) -> Candidate:
        return replace(Candidate(passage, i, text[i], 1, 1), score=score, value=value)

    people = next(v for v in values_in(text[1]) if v.kind == "count")
    date = values_in(text[2])[0]
    assert figure_after([cand(0, 0.4), cand(1, 0.26, people)], 0.6) is not None  # 0.26 >= 0.6 x 0.4
    assert figure_after([cand(0, 0.4), cand(1, 0.2, people)], 0.6) is None  # too far below the best
    assert figure_after([cand(0, 0.4), cand(2, 0.3, date)], 0.6) is None  # a date is another event's
    assert figure_after([cand(1, 0.4, people), cand(0, 0.3)], 0.6) is None  # the best states a figure


def test_a_figure_further_on_answers_when_its_sentence_names_the_asked_measure():
    from dataclasses import replace

    from assistant.extractive import figure_after
    from assistant.values import values_in

    text = ["・2021年度に開始した連携支援の成功件数の実績は6件である。", "さらに効率化が期待される。",
            "これらを鑑み、目標は72件とする。", "また、成功率は2021年度の実績で約 5％である。"]
    passage = _passage(1, 0.1, "".join(text))
    rate = next(v for v in values_in(text[3]) if v.kind == "percentage")

    def cand(i: int, score: float, value=None, focus_own: float = 0.0) -> Candidate:
        return replace(Candidate(passage, i, text[i], 1, 1), score=score, value=value, focus_own=focus_own)

    # Three sentences on: only a sentence that names the asked measure itself (「成功率」) answers.
    assert figure_after([cand(0, 0.45), cand(3, 0.3, rate, focus_own=1.0)], 0.6) is not None
    assert figure_after([cand(0, 0.45), cand(3, 0.3, rate, focus_own=0.5)], 0.6) is None
    # Not before the best sentence.
    assert figure_after([cand(3, 0.45), cand(0, 0.3, rate, focus_own=1.0)], 0.6) is None


def test_a_year_before_the_thing_it_dates_is_the_passages_year_when_it_writes_the_same():
    from assistant.extractive import _names_dated_thing

    text = "令和元年度大臣評価での「指摘事項」対応状況 ○（ユーザ意見）政策提言に活かすことを期待。"
    c = Candidate(_passage(1, 0.1, text), 0, text, 1, 1)
    assert _names_dated_thing(c, "令和元年度の大臣評価で出た意見に、どう対応した？")
    assert not _names_dated_thing(c, "令和2年度の大臣評価で出た意見に、どう対応した？")  # another year's
    # A point or span of time is no dated thing: 「2020年時点」 in the passage does not make it about 2020's figure.
    text = "2020年時点で同合計額が 21.1兆円であることを踏まえると、年率 6％以上の伸びが必要。"
    c = Candidate(_passage(1, 0.1, text), 0, text, 1, 1)
    assert not _names_dated_thing(c, "2020年時点は21.1兆円だけど、2022年時点だといくら？")
    # 「令和3年度末の…」 is a point of time too (not 「令和3年」 dating 「度末」): a header cell 「令和 3 年度末」
    # does not make a row of three earlier years' figures about it.
    text = "令和元年度末 令和 2 年度末 令和 3 年度末 当期運営費交付金残存率 (b÷a) 12.6% 27.8% 24.2%"
    c = Candidate(_passage(1, 0.1, text), 0, text, 1, 1)
    assert not _names_dated_thing(c, "社会基盤業務経理の令和3年度末の運営費交付金残存率は何％？")


def test_a_question_asks_several_things_with_two_question_words_or_a_thing_asked_too():
    from assistant.extractive import _asks_more

    assert _asks_more("2021年の希望出生率はいくつで、低下の最大の要因は何とされている？")
    assert _asks_more("PBRはどういう分解で捉えてるの？目標値もあれば。")
    assert _asks_more("第二版はいつ公開された？ダウンロード数は？")
    assert not _asks_more("連携支援の成功率は？")


def test_a_figure_stated_in_another_setting_is_not_the_figure_asked():
    from assistant.extractive import _other_setting

    text = "○J-Startupにおける女性起業家の割合を今後10年で20%を目指す（現在8.8％）"
    asked = "起業家海外派遣事業における女性起業家の割合は何％？"
    assert _other_setting(asked, text, "女性起業家") == ("起業家海外派遣事業", "J-Startup")
    assert _other_setting("J-Startupにおける女性起業家の割合は？", text, "女性起業家") is None  # the same setting
    assert _other_setting("女性起業家の割合は何％？", text, "女性起業家") is None  # no setting asked


def test_a_figure_of_this_year_is_not_next_year_s():
    from assistant.extractive import _other_relative_year

    text = "IMFによる今年の世界成長率予測は2.8%、過去20年平均は3.8%"
    assert _other_relative_year("IMFの来年の世界成長率予測は何%？", text)
    assert not _other_relative_year("IMFの今年の世界成長率予測は何%？", text)  # the year asked
    assert not _other_relative_year("IMFの世界成長率予測は何%？", text)  # no year asked
    assert not _other_relative_year("来年の予測は？", "世界成長率予測は2.8%")  # the text names no year


def test_a_figure_for_both_sides_together_is_not_the_figure_of_one():
    from assistant.extractive import _one_side_of_both

    text = "バイオものづくり：2030年時点で国内外で総額92兆円の市場規模。"
    assert _one_side_of_both("バイオの国内の市場規模は？", text) == "国内"
    assert _one_side_of_both("バイオの海外市場の規模は？", text) == "海外"
    assert _one_side_of_both("バイオの国内外の市場規模は？", text) is None  # both asked
    assert _one_side_of_both("バイオの市場規模は？", text) is None  # no side asked
    # The side is named alone too: its figure may be there.
    assert _one_side_of_both("国内の投資額は？", "国内外で92兆円、うち国内投資3兆円。") is None
    # The public and private sides (a radical form 「官⺠」 as PDFs extract it reads the same).
    assert _one_side_of_both("政府が単独で出す額は？", "官⺠合わせて今後10年間で2兆円") == "政府"
    assert _one_side_of_both("官民合わせた投資額は？", "官民合わせて2兆円") is None
    assert _one_side_of_both("官民のうち政府が出す額は？", "官民合わせて2兆円") == "政府"


def test_a_question_asks_the_indicators_set_for_something_when_it_names_none():
    from assistant.question import answer_type, asks_indicators

    assert asks_indicators("NEDOのスタートアップ支援には、どんな数値目標がある？")
    assert asks_indicators("IPA自身のDXには数値目標ある？")
    assert asks_indicators("スタートアップ支援ではどんな定量指標になってる？")
    assert not asks_indicators("指標2-2の目標は？")  # one indicator, named by its label
    assert not asks_indicators("DX推進指標による自己診断の目標は何組織？")  # a figure of a target
    assert not asks_indicators("受講者数の目標は？")
    assert answer_type("その定量目標はどういう目的で設定されている？") == "reason"  # why they were set


def test_a_question_about_what_a_thing_is_like_wants_the_sentence_that_describes_it():
    from assistant.extractive import _describes
    from assistant.question import kind_asked

    assert kind_asked("自走化に向けて、どんな人材を育てる？", "人材")
    assert kind_asked("同規模を保てたのは、どんな 工夫をしたから？", "工夫")
    assert not kind_asked("人材育成の予算は？", "人材")
    # The asked thing as the head of a described phrase, not a word inside a compound.
    assert _describes("交渉の能力を獲得し海外ビジネスを中核的に担うことのできる人材の育成にも取り組む。", "人材")
    assert _describes("海外で活躍できるような人材を育てる。", "人材")
    assert not _describes("海外展開の自走化に向けた人材育成にも取り組む。", "人材")
    assert not _describes("人材を育成する。", "人材")  # named, not described


def test_a_full_name_is_asked_of_the_short_name_before_it():
    from assistant.extractive import _formal_of
    from assistant.values import expansion_of

    assert _formal_of("その中小機構って正式名称は？") == "中小機構"
    assert _formal_of("「Ｘ－ＣＩＰ」の正式名称は何？") == "X-CIP"  # as the question is normalized
    assert _formal_of("中小機構の役割は？") is None
    text = "商工会議所、中小企業基盤整備機構（中小機構）等の公的支援機関と連携する。"
    assert expansion_of(text, _formal_of("その中小機構って正式名称は？")).text == "中小企業基盤整備機構"


def test_what_a_column_leaves_out_is_no_answer_and_no_item_of_a_list(user_folder, embedder):
    """A 新旧対照表 column writes 「（略）」 for what it leaves as it was: such a sentence states nothing, and a list's
    items so written are not its items — the ones it writes out are."""
    from assistant.chain import Assistant
    from index.search import Searcher
    from index.store import build

    docs, settings = user_folder
    (docs / "objectives.md").write_text(
        "# 試験研究機構（TRI）中期目標 変更案\n\n## ２．業務の内容\n\n機構は、次の業務を行う。\n\n"
        "（１）（略）\n\n（２）（略）\n\n（３）行政機関のデータ標準の作成\n\n（４）ＡＩの安全性評価の実施\n\n"
        "## ３．評価\n\n【目標水準を上回る成果として評価の際に特に考慮する事項】（略）\n", encoding="utf-8")
    build(settings, embedder=embedder)
    qa = Assistant(settings, searcher=Searcher(settings, embedder=embedder))
    answer = qa.ask("TRIの中期目標で、機構が行う業務を挙げてください。")
    assert "略" not in answer.text.splitlines()[0] and "データ標準の作成" in answer.text, answer.text
