"""The child an opening names without a sex ("娃考上大学了") is asked about as that child
("您说的孩子是您的什么人"), and an answer naming somebody else ("老伴") is that other member's
relation: the child keeps the opening's facts and is asked again (dev3 conversations)."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.prompts import prompts
from dialogue.replies import reply_text
from dialogue.state import Pending, Session
from guides.ids import RegionId

TODAY = dt.date(2026, 12, 4)


def _asked_relation(nlu: IntentParser) -> tuple[DialogueEngine, Session, int]:
    engine = DialogueEngine(nlu, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.NINGXIA)
    engine.open(session, "娃今年考上大学了，学费拿不出来，想问问助学贷款咋办")
    engine.turn(session, text="三口人")
    child = next(i for i, m in enumerate(session.household.members) if m.school_stage)
    session.pending = Pending(question_id="member_relation", member=child)
    return engine, session, child


def test_the_relation_question_names_the_child(nlu_backend: IntentParser) -> None:
    engine = DialogueEngine(nlu_backend, today=lambda: TODAY)
    session = Session.new("s", "wx:test", RegionId.NINGXIA)
    engine.open(session, "娃今年考上大学了，学费拿不出来，想问问助学贷款咋办")
    said = ""
    for answer in ("农村", "同意", "一千", "三口人", "在", "还没办", "不知道", "不知道"):
        said = "\n".join(reply_text(r) for r in engine.turn(session, text=answer))
        if "第2位家人" in said or prompts().child_relation in said:
            break
    assert prompts().child_relation in said
    assert "第2位家人" not in said


def test_somebody_else_named_goes_to_another_member(nlu_backend: IntentParser) -> None:
    engine, session, child = _asked_relation(nlu_backend)
    engine.turn(session, text="我老伴")
    members = session.household.members
    assert members[child].relation is None and members[child].school_stage == "college"
    assert [m.relation for i, m in enumerate(members) if i not in (0, child)] == ["spouse"]
    session.pending = Pending(question_id="member_relation", member=child)
    engine.turn(session, text="女儿")
    assert members[child].relation == "daughter"


def test_the_child_named_is_the_child(nlu_backend: IntentParser) -> None:
    engine, session, child = _asked_relation(nlu_backend)
    engine.turn(session, text="是我儿子")
    assert session.household.members[child].relation == "son"
