"""A call summary's or a citizen's complaint is routed as one (催办, 无任何答复, 对…不满, 要求重新
审核, a benefit stopped and why), and 当过兵 names the veterans' item where it is offered."""

from __future__ import annotations

import pytest

from dialogue.engine import DialogueEngine, PolicyAnswer
from dialogue.replies import reply_text
from dialogue.state import Session
from nlu.backend import make_backend
from nlu.facts import read_facts
from tests.nlu.reading import READ_ON


@pytest.mark.parametrize(
    "text",
    [
        "特困供养今年3月停了咋回事",
        "十月提交的临时救助申请，至今已近两个月无任何答复。诉求：督促尽快办理并答复",
        "申请低保被告知收入超标未获批准，对审核结果不满，要求重新审核",
    ],
)
def test_a_complaint_is_read_as_one(text: str) -> None:
    assert read_facts(text, READ_ON, opening=True).complaint


def test_under_an_age_is_not_a_complaint() -> None:
    assert not read_facts("孩子不满18岁，能申请低保吗", READ_ON, opening=True).complaint


def test_a_veteran_names_the_veterans_item() -> None:
    engine = DialogueEngine(make_backend("local"), today=lambda: READ_ON)
    engine.answer_policy = lambda text, region, parse: PolicyAnswer(text="（政策回答）")  # type: ignore[method-assign,assignment]
    session = Session.new("t", "t", "ningxia")
    replies = engine.open(session, "我当过兵，退休金两千，能申请困难帮扶吗")
    assert session.items == ["veteran_aid"]
    assert any("退役军人" in reply_text(r) for r in replies)


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("底宝钱这个月咋没打到卡上 嗯 都二十几号了", "dibao"),
        ("额的特捆供养金 咋少了一百块 谁扣的", "tekun"),
        ("老年补贴 半年没发了 恁给查查", "elderly_subsidy"),
    ],
)
def test_a_payment_late_or_cut_is_a_complaint_about_what_is_received(text: str, item: str) -> None:
    reading = read_facts(text, READ_ON, opening=True)
    assert reading.complaint
    assert [str(i) for i in reading.items] == [item]
    received = [f.value for f in reading.facts if f.name == "already_receives"]
    assert received == [[item]]


def test_a_wish_for_a_subsidy_is_not_receiving_it() -> None:
    reading = read_facts("我想申请老年补贴", READ_ON, opening=True)
    assert not reading.complaint
    assert not [f for f in reading.facts if f.name == "already_receives"]


def test_a_call_summarys_unpaid_status_is_the_complaints_item() -> None:
    text = "来电人反映：其母亲（78岁）系兰州市七里河区特困供养人员，自今年9月起供养金一直未到账，来电人多次到街道询问未果。"
    reading = read_facts(text, READ_ON, opening=True)
    assert reading.complaint
    assert [str(i) for i in reading.items] == ["tekun"]


def test_a_complaint_about_another_item_keeps_the_status_out() -> None:
    text = "去年腊月住院报的医疗救助 到现在半年了钱还没给 俺是特困户 一个人 七十一了"
    reading = read_facts(text, READ_ON, opening=True)
    assert [str(i) for i in reading.items] == ["medical_aid"]


def test_a_daughter_in_law_named_in_the_opening_is_noted_as_one() -> None:
    engine = DialogueEngine(make_backend("local"), today=lambda: READ_ON)
    engine.answer_policy = lambda text, region, parse: PolicyAnswer(text="（政策回答）")  # type: ignore[method-assign,assignment]
    session = Session.new("t", "t", "gansu")
    engine.open(session, "我七十八了，家里就我和儿媳妇两个人，儿媳妇得了乳腺癌")
    in_laws = [m.in_law for m in session.household.members if m.relation == "daughter"]
    assert in_laws == [True]  # 女/媳 on the form, who owes 公婆 no support


def test_she_with_nobody_placed_is_not_the_speaker() -> None:
    text = "我今年七十八了，儿子前年没了，儿媳妇跟我一起过，她打零工一个月一千五"
    reading = read_facts(text, READ_ON, opening=True)
    assert not [f for f in reading.facts if f.name == "members.employment"]
