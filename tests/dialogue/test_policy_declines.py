"""A policy question the knowledge base cannot answer with confidence, asked mid-questionnaire:
said plainly, with what the asker may have meant and a number to call, then the same question."""

from __future__ import annotations

import datetime as dt

from dialogue.engine import DialogueEngine, IntentParser, PolicyAnswer, PolicyAnswerer
from dialogue.replies import reply_text
from dialogue.state import Pending, Session
from guides.ids import RegionId


def test_a_decline_offers_suggestions_and_a_phone(
    nlu_backend: IntentParser, policy_answerer: PolicyAnswerer
) -> None:
    declined = policy_answerer(
        "低保那个东西跟扶贫那个补贴能一起拿吗，还有养老那块", RegionId.GANSU, None
    )
    assert declined is not None and declined.declined, declined
    assert declined.phone  # the real knowledge base names where to call

    def fixed(question: str, region: RegionId | None, place: str | None) -> PolicyAnswer:
        return PolicyAnswer(
            "", declined=True, suggestions=("低保怎么申请？",), phone="12345（热线）"
        )

    engine = DialogueEngine(nlu_backend, fixed, today=lambda: dt.date(2026, 12, 4))
    session = Session.new("d", "d", RegionId.GANSU)
    session.pending = Pending(question_id="household_size")
    said = [reply_text(r) for r in engine.turn(session, text="请问低保和特困能同时享受吗？")]
    assert "暂时答不上来" in said[0]
    assert "“低保怎么申请？”" in said[0] and "12345（热线）" in said[0]
    assert session.pending is not None and session.pending.question_id == "household_size"
