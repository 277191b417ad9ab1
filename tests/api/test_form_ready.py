"""A mini-program user who accepts the pre-filled form gets a subscribe message and the PDF."""

from __future__ import annotations

import time

from dialogue.scripting import load_scripts, persona_answer
from dialogue.state import Pending
from tests.api.conftest import FORM_TEMPLATE_ID, Service
from tests.fakes.wechat_api import VALID_CODE


def test_form_offer_accepted_sends_subscribe_message_and_pdf(service: Service) -> None:
    script = next(s for s in load_scripts() if s.name == "control_form_offer")
    with service.client() as client:
        login = client.post("/api/v1/wxa/login", json={"code": VALID_CODE}).json()
        headers = {"Authorization": f"Bearer {login['token']}"}
        started = client.post("/api/v1/sessions", json={"region": script.region.value},
                              headers=headers).json()  # fmt: skip
        session_id = started["session_id"]
        replies = started["replies"]
        state = client.get(f"/api/v1/sessions/{session_id}", headers=headers).json()["state"]
        for _ in range(35):
            if any(r["type"] == "form_offer" for r in replies):
                break
            assert state["pending_question"], "stopped before offering the form"
            pending = Pending(question_id=state["pending_question"], member=state["pending_member"])
            turn = client.post(f"/api/v1/sessions/{session_id}/messages",
                               json={"text": persona_answer(script, pending)}, headers=headers)  # fmt: skip
            assert turn.status_code == 200, turn.text
            replies, state = turn.json()["replies"], turn.json()["state"]
        assert any(r["type"] == "form_offer" for r in replies)
        accepted = client.post(f"/api/v1/sessions/{session_id}/messages",
                               json={"choice": "form:yes"}, headers=headers)  # fmt: skip
        assert accepted.status_code == 200
        pdf = client.get(f"/api/v1/sessions/{session_id}/form.pdf", headers=headers)
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    deadline = time.monotonic() + 15
    sent = []
    while time.monotonic() < deadline and not sent:
        sent = [
            r for r in service.wechat.requests if r["path"] == "/cgi-bin/message/subscribe/send"
        ]
        time.sleep(0.1)
    assert sent, "no subscribe message was sent"
    body = sent[-1]["body"]
    assert body["template_id"] == FORM_TEMPLATE_ID
    assert body["touser"] == "o16wA0b4AZKzgVJR3MBwoUdTfU_E"
    assert session_id in body["page"]
    with service.client() as client:
        metrics = client.get("/metrics").text
    assert 'shejiu_screening_outcomes_total{item="' in metrics  # outcomes shown in the chat
