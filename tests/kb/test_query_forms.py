"""Spoken question forms read as what they ask: an A-not-A question (收不收费, 要不要交钱,
能不能) is the plain verb, so its words match the KB's, and 能不能 alone does not make a
question about conditions. The questions are written for these tests."""

from __future__ import annotations

import pytest

from nlu.kb_confidence import FEATURES
from nlu.numerals import ages_in_digits
from nlu.retrieval import KnowledgeIndex
from nlu.retrieval_query import analyse, without_filler
from nlu.synonyms import table
from nlu.tokenize import collapse_a_not_a


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("办这个收不收费", "办这个收费"),
        ("要不要交钱", "要交钱"),
        ("我符不符合条件", "我符合条件"),
        ("他方便不方便来", "他方便来"),
        ("批没批下来", "批下来"),
        ("能不能让我表哥去办", "能让我表哥去办"),
        ("不在户口所在地", "不在户口所在地"),  # no A-not-A: unchanged
        ("一天比一天难", "一天比一天难"),
    ],
)
def test_a_not_a_forms_collapse_to_the_verb(text: str, plain: str) -> None:
    assert collapse_a_not_a(text) == plain


def test_an_a_not_a_fee_question_reads_as_a_fee_question() -> None:
    asked = analyse("办低保到底收不收费")
    assert "费用" in asked.aspects
    assert "收" not in asked.tokens and "不" not in asked.tokens


def test_can_or_cannot_alone_is_not_a_question_about_conditions() -> None:
    assert "条件" not in analyse("能不能叫我外甥替我去交材料").aspects
    assert "条件" in analyse("我家这情况符不符合条件").aspects


@pytest.mark.parametrize(
    ("question", "region", "expected"),
    [
        ("有人说交点钱就能帮我办低保，我想问山西办社会救助到底收不收费", "shanxi", "shanxi-fees"),
        ("我们想申请临时救助，去乡上办要不要交钱？", "gansu", "gansu-fees"),
    ],
)
def test_an_a_not_a_fee_question_finds_the_fee_entry(
    seed_index: KnowledgeIndex, question: str, region: str, expected: str
) -> None:
    hit = seed_index.top(question, region)
    assert hit is not None and hit.entry_id == expected


def test_asking_whether_someone_may_apply_in_ones_place_finds_the_agent_entry(
    seed_index: KnowledgeIndex,
) -> None:
    # 替我 / 替老人 / 找人帮 / 代理人 read as 代办, the word the agent entries use
    hit = seed_index.top(
        "我常年在外地干活回不来，家里申请救助的事能不能让我兄弟替我去跑？", "jinan-licheng"
    )
    assert hit is not None and hit.entry_id == "jinan-licheng-agent"
    hit = seed_index.top("老人出不了门的话，让邻居替老人去窗口递申请行不行", None)
    assert hit is not None and hit.entry_id == "common-apply-on-behalf"


def test_dialect_pronouns_and_fillers_are_not_words_the_kb_must_explain() -> None:
    # 俺/额/恁/咱, 哩, 问问, 到底, 听说 carry nothing the KB answers on: as unknown words they
    # would count as unexplained information and sink the confidence.
    asked = analyse("俺想问问额们这搭的低保到底咋个申请哩，恁听说了没")
    assert not {"俺想", "俺", "额们", "恁", "哩", "问问", "到底", "听说"} & set(asked.tokens)
    assert "流程" in asked.aspects  # 咋个申请 asks how, as 咋申请 does


def test_disagreeing_and_a_veteran_in_plain_words_read_as_the_kb_terms() -> None:
    assert "异议" in analyse("低保给取消了，我不认可，能重新查一下吗").aspects
    assert "退役军人" in analyse("我这种退伍的能申请帮扶吗").tokens


@pytest.mark.parametrize(
    ("question", "region", "expected"),
    [
        ("俺的儿女都不管俺，不给养老钱，俺该咋办", None, "common-children-not-supporting"),
        (
            "俺是历城的退伍兵，厂子黄了家里困难，俺能申请困难人员救助一件事吗",
            "jinan-licheng",
            "jinan-licheng-veteran-not-listed",
        ),
    ],
)
def test_a_question_in_dialect_is_answered_like_the_plain_one(
    seed_index: KnowledgeIndex, question: str, region: str | None, expected: str
) -> None:
    answer = seed_index.answer(question, region)
    assert answer.entry is not None and answer.entry.entry_id == expected


def test_usually_and_first_are_fillers_not_words_to_explain() -> None:
    # 一般 ("一般多久能办好") and the fused 想先 ("我想先问问") ask nothing of their own.
    asked = analyse("我想先问问医疗救助一般多久能办好")
    assert not {"一般", "想先"} & set(asked.tokens)
    assert "医疗救助" in asked.tokens and "时限" in asked.aspects


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("我爹一百零一岁了", "我爹101岁了"),
        ("八十岁以上的老人", "80岁以上的老人"),
        ("60—99周岁的低保老年人", "60—99岁的低保老年人"),
        ("孩子两岁半", "孩子2岁半"),
        ("十几岁的孩子", "十几岁的孩子"),  # no numeral right before 岁: unchanged
    ],
)
def test_ages_read_in_digits(text: str, digits: str) -> None:
    assert ages_in_digits(text) == digits


def test_a_spoken_age_meets_the_written_one() -> None:
    """A caller says 一百岁 or 八十五岁, a policy text writes 100周岁 or 80周岁: the same words."""
    assert analyse("一百岁以上的老人").tokens == analyse("100周岁以上的老人").tokens
    assert analyse("八十岁以上有补贴吗").tokens == analyse("80周岁以上有补贴吗").tokens


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("俺家是低保户，家里老人的补贴能领不", set()),  # the standing, not the question
        ("我们不是低保户，看病花钱多能申请医疗救助吗", {"medical_aid"}),
        ("吃着低保，娃上大学还能办助学贷款吗", {"student_loan"}),
        ("低保怎么申请", {"dibao"}),  # asked about: kept
        ("我家是低保户，想问问低保一年复查几次", {"dibao"}),  # named again as the question
    ],
)
def test_an_item_named_as_what_the_household_receives_is_not_the_item_asked(
    text: str, items: set[str]
) -> None:
    asked = analyse(text)
    assert set(asked.items) == items
    assert ("低保" in asked.tokens) == ("低保" in text)  # its words still count for the ranking


def test_homophone_typos_of_domain_words_read_as_the_words_and_nothing_else() -> None:
    syn = table()
    assert syn.canonicalize_text("公祖房到期") == "公租房到期"
    assert "残疾证" in syn.canonicalize_text("残急证去哪办")
    # not an aspect's question phrase (哪些证 misspelt would eat 哪些政策), not a common word
    assert "政策" in syn.canonicalize_text("哪些政策能享受")
    assert "失能" not in syn.canonicalize_text("是不是能申请")


def test_spoken_age_of_eighty_or_more_reads_as_high_age() -> None:
    assert "高龄" in analyse("俺爷都八十好几了国家给不给钱").tokens
    assert "高龄" not in analyse("房子八十平").tokens
    assert "高龄" not in analyse("我七十多了").tokens


@pytest.mark.parametrize("text", ["俺太奶奶一百零五了", "老人105岁", "一百多岁的老人", "100岁以上"])
def test_an_age_of_a_hundred_or_more_reads_as_baisui_too(text: str) -> None:
    """The 60–99 rule's sibling (历城's 100岁以上) is told apart by the age: 高龄 alone, as for
    eighty, made the two entries look alike."""
    tokens = analyse(text).tokens
    assert {"高龄", "百岁"} <= set(tokens)


def test_an_age_under_a_hundred_is_not_baisui() -> None:
    assert "百岁" not in analyse("俺爹八十五了").tokens
    assert "百岁" not in analyse("九十九岁的老人").tokens


def test_a_centenarian_on_dibao_asking_for_the_living_subsidy_gets_the_over_99_entry(
    seed_index: KnowledgeIndex,
) -> None:
    answer = seed_index.answer(
        "老太太都一百零三了 还吃着低保 生活补贴怎么没有她的了", "jinan-licheng"
    )
    assert answer.entry is not None
    assert answer.entry.entry_id == "jinan-licheng-elderly-over-99"


@pytest.mark.parametrize(
    "text", ["像他这种能不能算特困", "娃娃们上学有补助吗", "他们说我这样的能申请低保"]
)
def test_words_pointing_back_at_the_story_are_no_words_of_the_question(text: str) -> None:
    """这种/这样/像 and a plural 们 point at the caller's story: read as rare words (种, 们, 像)
    they lowered the share of the question the right entry explains."""
    tokens = analyse(text).tokens
    assert not {"种", "们", "像", "他们", "这样"} & set(tokens)


def test_an_entry_on_social_assistance_as_a_whole_is_not_about_other_items(
    seed_index: KnowledgeIndex,
) -> None:
    """ "办低保要交钱吗": the entry on fees for all of social assistance names none of its items
    in its question; the question naming 低保 does not count against it in the confidence."""
    index = seed_index
    ranked, info = index.scores("办低保要不要交钱", "gansu")
    i = next(j for j, d in enumerate(index.docs) if d.entry_id == "gansu-fees")
    assert info.items == frozenset({"dibao"})
    assert index.features(i, ranked, info)[FEATURES.index("item")] == 0.0


@pytest.mark.parametrize(
    ("text", "glued", "word"),
    [
        ("入户调查都看些啥", "看些", "看"),
        ("两样补贴咋个领法", "领法", "领"),
        ("火化费给减免不", "费给", "费"),  # 给 after
        ("报上去半个月了 咋看批了没", "看批", "批"),  # 看 before
        ("想报特困 得带上些啥东西", "带上", "带"),  # 上 after
    ],
)
def test_a_word_glued_to_a_function_character_reads_as_the_word_the_kb_knows(
    seed_index: KnowledgeIndex, text: str, glued: str, word: str
) -> None:
    """The segmenter glues 些/法/得/能/给/上 … to the word before (再/还/看/没 … to the word
    after) in spoken questions; an unknown glued token counted as a word of the question no entry has."""
    assert glued in analyse(text).tokens
    _, info = seed_index.scores(text, None)
    assert glued not in info.tokens and word in info.tokens


def test_an_old_age_read_as_gaoling_is_no_unknown_word_of_the_question() -> None:
    """ "俺爹八十五了": the age is read as 高龄 (kb_normalize); the number is no word left over."""
    tokens = analyse("俺爹八十五了高龄补贴有没有").tokens
    assert "高龄" in tokens
    assert "八十五" not in tokens
    assert "四十多" in analyse("俩人都四十多了能收养孩子吗").tokens  # not an old age: kept


def test_care_and_living_subsidies_stay_apart() -> None:
    """护理补贴 and 生活补贴 were both read as 老年人补贴: 历城's care and living subsidy entries
    (and the disabled's care subsidy) looked alike to the ranker."""
    care, living = analyse("护理补贴要啥条件"), analyse("生活补贴要啥条件")
    assert "护理补贴" in care.tokens and "护理补贴" not in living.tokens
    assert "老年人补贴" not in care.tokens + living.tokens
    assert care.items == frozenset({"elderly_subsidy"})  # still names the item


def test_numbers_and_times_the_kb_does_not_know_are_no_words_of_the_question(
    seed_index: KnowledgeIndex,
) -> None:
    """ "一分钱", "前年", "五十三": no topic an entry could lack; counted as unknown words of the
    question they made the right entry read as unsure."""
    _, info = seed_index.scores("俩儿子前年就不管我了 一分钱也不给 咋办", None)
    assert "前年" not in info.tokens and "一分钱" not in info.tokens
    assert "儿子" in info.tokens
    answer = seed_index.answer("两个闺女都不管我 一分钱不给 我咋整", None)
    assert answer.entry is not None and answer.entry.entry_id == "common-children-not-supporting"


def test_an_item_naming_whose_child_it_is_is_not_the_item_asked() -> None:
    # "五保家的孩子": the child's standing; the question is about schooling aid
    assert analyse("五保家的孩子念书 教育上有啥救助 找谁").items == frozenset()
    assert analyse("低保家庭的学生读中职有没有资助").items == frozenset()
    # the item itself asked about stays
    assert analyse("低保家庭每年要复查吗").items == {"dibao"}
    assert analyse("特困老人看病能报多少").items == {"tekun"}


def test_a_schooling_question_for_a_poor_familys_child_gets_the_education_entry(
    seed_index: KnowledgeIndex,
) -> None:
    answer = seed_index.answer("五保家的孩子念书 教育上有啥救助 找谁", None)
    assert answer.status == "answered" and answer.entry is not None
    assert answer.entry.entry_id == "common-education-aid"


def test_a_point_in_time_is_no_information_even_when_the_kb_knows_it() -> None:
    known = {"今年", "上个月", "低保", "三年"}
    assert without_filler(["今年", "低保", "上个月", "三年"], known) == ["低保", "三年"]
    assert without_filler(["七十九", "高龄"], {"高龄"}) == ["高龄"]


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("申请交上去了 有没有批", "结果"),
        ("救助批了没有", "结果"),
        ("办得咋样了", "结果"),
        ("村上能不能帮着办", "代办"),
    ],
)
def test_everyday_words_for_results_and_help_read_as_the_kbs(text: str, aspect: str) -> None:
    assert aspect in analyse(text).tokens


@pytest.mark.parametrize(
    ("text", "region", "entry"),
    [
        ("低保有没有批 上哪看", "ningxia", "ningxia-result-query"),
    ],
)
def test_a_question_in_those_words_is_answered(
    seed_index: KnowledgeIndex, text: str, region: str, entry: str
) -> None:
    answer = seed_index.answer(text, region)
    assert answer.status == "answered" and answer.entry is not None
    assert answer.entry.entry_id == entry


def test_which_office_or_centre_asks_where_to_go() -> None:
    # "去县教育局的哪个中心" asks where, as "找哪个部门" does
    assert "渠道" in analyse("娃的助学贷款要去教育局的哪个中心办").aspects
    assert "渠道" in analyse("残疾补贴该归哪个单位管").aspects


def test_a_fine_in_plain_words_reads_as_the_kb_term() -> None:
    # "挨罚", "罚多少" are the entries' 罚款 ("骗低保会被罚款吗")
    assert "罚款" in analyse("多领了的低保要挨罚吗").text
    assert "罚款" in analyse("骗了救助的钱查出来罚多少").text


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("特困报上去几时能定下来", "时限"),  # 几时: when, as 什么时候
        ("去窗口那天身上揣啥", "材料"),
        ("临时救助得揣些啥过去", "材料"),
        ("那提前备点啥好", "材料"),
        ("认定要交哪几样", "材料"),
        ("乡上的人会到屋里看不", "入户调查"),  # 屋里: the home, in the north's words
        ("调查的人要屋里来吗", "入户调查"),
        ("俺娘的特困批下没有", "结果"),
        ("看病救助那块能给报几成", "比例"),  # the entries on 报销比例
        ("住院花的钱救助报百分之几", "比例"),
        ("在手机里能不能报救助", "网上"),
    ],
)
def test_short_spoken_forms_of_when_what_to_bring_home_visit_result_share_and_online(
    text: str, word: str
) -> None:
    assert word in analyse(text).tokens
