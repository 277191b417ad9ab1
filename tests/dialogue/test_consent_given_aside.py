""" "同意授权", which the consent's refusal tells people to say "随时", typed while another question
is open: the consent is given and that question asked again; before, it was read as a yes to
the open question (有能养活、照顾自己的子女吗 stored a capable supporter). Found by using the
phone page (session 49), not evaluation data."""

from __future__ import annotations

from dialogue.engine import DialogueEngine, IntentParser
from dialogue.replies import reply_text
from dialogue.state import Pending
from tests.dialogue.sessions import family


def test_consent_typed_at_another_question(nlu_backend: IntentParser) -> None:
    session = family(["self"], Pending(question_id="member_supporter", member=0))
    session.consent = False
    replies = DialogueEngine(nlu_backend).turn(session, text="同意授权")
    assert session.consent is True
    assert session.household.members[0].has_capable_supporter is None
    assert session.pending == Pending(question_id="member_supporter", member=0)
    assert "同意核对" in reply_text(replies[0])


def test_refusing_is_no_consent(nlu_backend: IntentParser) -> None:
    session = family(["self"], Pending(question_id="own_housing"))
    session.consent = False
    DialogueEngine(nlu_backend).turn(session, text="不同意授权")
    assert session.consent is False
