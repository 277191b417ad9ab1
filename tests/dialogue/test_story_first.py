"""A story typed as the first message after the welcome is read as the opening (issue 12: the H5
page once the place is chosen asks 几口人 first; "俺七十二了…俺儿子三十八…" was taken as an
answer to it, not understood, and every fact in it was lost). A plain answer stays an answer."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import reply_text
from dialogue.state import Pending, Session
from guides.ids import RegionId


def _first(nlu_backend: IntentParser, text: str) -> tuple[Session, str]:
    engine = DialogueEngine(nlu_backend, today=lambda: dt.date(2026, 12, 7))
    session = Session.new("s", "wx:first", RegionId.NINGXIA, "h5")
    engine.open(session)
    session.pending = Pending(question_id="household_size")  # the first question asked here
    said = " / ".join(reply_text(r) for r in engine.turn(session, text=text))
    return session, said


def test_a_story_after_the_welcome_is_the_opening(nlu_backend: IntentParser) -> None:
    session, said = _first(
        nlu_backend, "俺七十二了 老头子走了好几年了 俺儿子三十八 有残疾证 一直没结婚也上不了班"
    )
    assert [(m.relation, m.age) for m in session.household.members] == [("self", 72), ("son", 38)]
    assert session.household.members[1].has_disability is True
    assert "我听到的是" in said and "没听明白" not in said


def test_an_answer_that_tells_more_stays_an_answer(nlu_backend: IntentParser) -> None:
    session, said = _first(nlu_backend, "四口 就是我老两口带两个孙子 娃他爸娃他妈在新疆打工呢")
    assert session.household.size == 4
    assert session.history and session.history[0].question_id == "household_size"
    assert "我听到的是" not in said


def test_a_story_whose_number_is_no_size_is_still_the_opening(nlu_backend: IntentParser) -> None:
    # "三岁的娃" was read as a doubt about the size ("您说的三岁是年龄吧？") and the story lost
    session, said = _first(
        nlu_backend, "我家出车祸了，老公撞伤了腿，现在干不了活，家里还有个三岁的娃"
    )
    assert "traffic_accident" in (session.household.situations or [])
    assert "我听到的是" in said and "这里问的是人数" not in said


def test_a_short_age_to_the_size_question_is_still_asked_back(nlu_backend: IntentParser) -> None:
    session, said = _first(nlu_backend, "今年我29岁")
    assert session.household.size is None
    assert "这里问的是人数" in said


def test_a_story_that_says_the_size_is_read_whole(nlu_backend: IntentParser) -> None:
    # "一个人" was taken as a household of one and the rest of the story was lost
    session, said = _first(
        nlu_backend,
        "我一个人带闺女 离了好几年了 她爸一分钱不给 闺女今年考上兰州的大学了 "
        "我在超市上班一个月两千来块 想问问贷款咋办",
    )
    assert session.household.size == 2
    relations = [m.relation for m in session.household.members]
    assert relations == ["self", "daughter"]
    assert session.household.members[1].school_stage == "college"
    assert "我听到的是" in said


def test_a_voice_typed_story_ending_in_a_question_is_the_opening(
    nlu_backend: IntentParser,
) -> None:
    # without punctuation the whole story was one clause, and a question at its end made it
    # "just a question"
    session, said = _first(
        nlu_backend,
        "俺们在这边租房住 前几天屋里着火了 东西全烧没了 俺男人手烧伤了还在医院 "
        "俩孩子一个八岁一个五岁 这种情况政府能帮一把不",
    )
    assert "fire" in (session.household.situations or [])
    assert "我听到的是" in said


def test_a_dont_know_inside_a_story_is_no_answer(nlu_backend: IntentParser) -> None:
    # "大小便也不知道" made the whole story a 不清楚 to 几口人, and the story was lost
    session, said = _first(
        nlu_backend,
        "俺替俺爹娘问问 俺爹八十三了 俺娘八十了 俺娘老年痴呆好几年了 谁也不认得 "
        "大小便也不知道 全靠俺爹伺候 就那点养老金",
    )
    assert [m.age for m in session.household.members] == [83, 80]
    assert not [r for r in session.history if r.question_id == "household_size"]  # no 不清楚
    assert "我听到的是" in said


def test_a_first_story_that_opens_with_said_wrong_is_read(nlu_backend: IntentParser) -> None:
    # nothing answered yet, so nothing to correct: "这句话里我没找到能改的内容" was the reply
    session, said = _first(
        nlu_backend, "刚才说错了 不是我 是替我妈问 她七十六了 一个人住 腿脚不好 一个月一百多养老金"
    )
    assert session.household.size == 1
    assert session.household.members[0].age == 76
    assert "我听到的是" in said and "没找到能改" not in said


def test_total_care_told_is_said_back(nlu_backend: IntentParser) -> None:
    # stored, but the read-back said nothing of it, so a wrong reading could not be seen
    _, said = _first(nlu_backend, "俺娘八十了，大小便都不知道了，全靠俺伺候，想问问护理补贴")
    assert "生活完全要人照顾" in said


def test_every_fact_of_a_story_is_said_back_in_words(nlu_backend: IntentParser) -> None:
    _, said = _first(
        nlu_backend, "俺七十六了 老伴走了十来年了 一辈子没儿没女 一个人住 办了残疾证 肢体三级"
    )
    assert "没有配偶、子女这些法定赡养人" in said and "肢体残疾" in said
    assert "physical" not in said
    _, said = _first(nlu_backend, "我儿子今年考上兰州大学了 学费还没凑齐 想问问助学贷款")
    assert "今年新入学" in said


def test_a_story_whose_size_only_the_answer_reads_keeps_both(nlu_backend: IntentParser) -> None:
    # the size was taken from "光棍一个" and the rest of the story (age, never married) lost
    session, said = _first(
        nlu_backend,
        "俺是固原的 今年六十三 男的 光棍一个 前些年在工地上干活 现在腰不行了 干不了了 "
        "俺哥俺姐都有自己的家 能给俺办个低保不",
    )
    assert session.household.size == 1
    me = session.household.members[0]
    assert (me.age, me.marital_status) == (63, "single")
    assert me.employment is None  # 前些年: a job of the past
    assert "我听到的是" in said


def test_a_short_list_of_who_they_are_stays_the_size_answer(nlu_backend: IntentParser) -> None:
    session, said = _first(nlu_backend, "仨，我，我儿子，我儿媳妇")
    assert session.household.size == 3
    assert all(m.age is None for m in session.household.members)  # 仨 is no age
    assert "我听到的是" not in said


def test_a_count_of_some_of_those_named_is_no_size(nlu_backend: IntentParser) -> None:
    # "孩子两个" made a household of two for a man, his wife and their two children
    session, said = _first(
        nlu_backend,
        "我在历城打工七八年了 媳妇去年得了白血病 住了三个月院 孩子两个 一个上五年级"
        "一个上幼儿园 我在工地干活 想问问能申请啥",
    )
    assert session.household.size is None  # asked again later
    assert "我听到的是" in said and "2口人" not in said
