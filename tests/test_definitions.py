"""What a term means: the term a definition question asks about, and the sentences that define it (pure)."""

from assistant.definitions import defined_term, defines, definition_clause


def test_the_term_asked_is_the_quoted_one_or_the_phrase_before_toha():
    assert defined_term("計画でいう「地域連携型支援」ってどういう支援のこと？") == "地域連携型支援"
    assert defined_term("「結い会（ゆいかい）」とは何ですか？") == "結い会"  # without its reading
    assert defined_term("資料でいう「データ連携網」の定義は？") == "データ連携網"
    assert defined_term("XYZCとはどういう組織ですか？", ("組織", "XYZC")) == "XYZC"
    assert defined_term("どういう組織ですか？", ("組織",)) == ""


def test_a_sentence_defines_a_term_in_the_set_ways_a_document_does():
    assert defines("データ連携網とは、複数の企業をつなぐ基盤をいう。", "データ連携網")
    assert defines("既存の外国企業による追加の国内投資（再投資）を促す。", "再投資")
    assert defines("…を行う事業者（以下「新興事業者」という。）を支援する。", "新興事業者")
    assert defines("交通・物流の社会インフラであるデータ連携網を整備する。", "データ連携網")
    assert defines("➢ データ連携網：企業間でデータを共有する仕組みを整える。", "データ連携網")
    assert defines("ＡＢＣ＋とは、新たな標準をいう。", "ABC+")  # either width
    assert defines("3 「先端技術」は、主として以下のような技術を指す用語", "先端技術")  # a note's way
    assert not defines("「先端技術」は、今後も重要である。", "先端技術")  # said of it, not what it names
    assert defines("企業の「持続経営」、すなわち長期の価値を高める経営を定着させる。", "持続経営")
    # A clause ending in a verb that describes the quoted term directly.
    assert defines("機構は、地域企業の海外進出を後押しする「地域連携型支援」を推進する。", "地域連携型支援")
    assert not defines("機構は、「地域連携型支援」を推進する。", "地域連携型支援")
    # What it is, in brackets right after it — not an abbreviation, a reading, a date or a page.
    assert defines("資源を減らす発酵生産（微生物や植物の細胞による物質の生産）は、鍵となる。", "発酵生産")
    assert not defines("未来設計センター（FDC）を発足。", "未来設計センター")
    assert not defines("叶会（かなえかい）の会合。", "叶会")
    assert not defines("育成計画の着実な遂行（2022年度から開始）", "育成計画の着実な遂行")
    assert not defines("支援の強化（P70参照）", "支援の強化")
    # Mentioning the term is not defining it.
    assert not defines("データ連携網の整備を進める。", "データ連携網")
    assert not defines("データ連携網とは別に", "")


def test_the_defining_clause_is_quoted_verbatim():
    assert definition_clause("だけでなく、既存の外国企業による追加の国内投資（再投資）に貢献する。", "再投資") \
        == "既存の外国企業による追加の国内投資"
    assert definition_clause("ＡＢＣ＋とは、新たな標準をいう。", "ABC+") == "新たな標準をいう。"
    assert definition_clause("交通・物流の社会インフラであるデータ連携網を整備する。", "データ連携網") \
        == "交通・物流の社会インフラ"
    # A name in quotes with its abbreviation after it: what it is is not said in one clause before it.
    assert definition_clause("中核を担う組織として「未来設計センター（FDC）」を発足。", "FDC") is None
    assert definition_clause("データ連携網の整備を進める。", "データ連携網") is None
    assert definition_clause("資源を減らす発酵生産（微生物や植物の細胞による物質の生産）は、鍵となる。", "発酵生産") \
        == "微生物や植物の細胞による物質の生産"
    assert definition_clause("企業の「持続経営」、すなわち長期の価値を高める経営を定着させる。", "持続経営") \
        == "長期の価値を高める経営を定着させる。"


def test_a_clause_that_describes_the_quoted_term_begins_after_the_topic():
    # From after the sentence's topic (「機構は、」) through the term — over the commas inside the clause.
    assert definition_clause("機構は、地域の支援機関と連携し、有望な企業を掘り起こし、海外展開に繋げる"
                             "「地域連携型支援」を推進する。", "地域連携型支援") \
        == "地域の支援機関と連携し、有望な企業を掘り起こし、海外展開に繋げる「地域連携型支援」"
    assert definition_clause("新市場の創出を狙う「共創プログラム」等に留意しつつ進める。", "共創プログラム") \
        == "新市場の創出を狙う「共創プログラム」"
