"""D2 over HTTP: a message id makes a retry return the first reply; a stale question is re-asked."""

from __future__ import annotations

from tests.api.conftest import Service
from tests.api.test_service import guest


def test_a_repeated_message_id_gets_the_first_reply_and_is_applied_once(service: Service) -> None:
    with service.client() as client:
        me = guest(client)
        started = client.post("/api/v1/sessions", json={"region": "gansu"}, headers=me).json()
        sid, question = started["session_id"], started["state"]["question_id"]
        assert question == started["state"]["pending_question"]
        body = {"text": "3口人", "message_id": "h5-0001-aaaa", "question_id": question}
        first = client.post(f"/api/v1/sessions/{sid}/messages", json=body, headers=me)
        again = client.post(f"/api/v1/sessions/{sid}/messages", json=body, headers=me)
        assert first.status_code == again.status_code == 200, again.text
        assert again.json()["repeated"] and not first.json()["repeated"]
        assert again.json()["replies"] == first.json()["replies"]
        facts = client.get(f"/api/v1/sessions/{sid}", headers=me).json()
        assert facts["facts"]["size"] == 3
        # a new message for the old question: not applied, the current question again
        nxt = first.json()["state"]["question_id"]
        stale = client.post(
            f"/api/v1/sessions/{sid}/messages",
            json={"text": "5口人", "message_id": "h5-0002-aaaa", "question_id": question},
            headers=me,
        ).json()
        assert "前面的问题" in stale["replies"][0]["text"]
        assert stale["state"]["question_id"] == nxt
        assert client.get(f"/api/v1/sessions/{sid}", headers=me).json()["facts"]["size"] == 3


def test_old_clients_without_ids_still_work(service: Service) -> None:
    with service.client() as client:
        me = guest(client)
        sid = client.post("/api/v1/sessions", json={"region": "gansu"}, headers=me).json()[
            "session_id"
        ]
        turn = client.post(f"/api/v1/sessions/{sid}/messages", json={"text": "3口人"}, headers=me)
        assert turn.status_code == 200 and turn.json()["repeated"] is False
        bad = client.post(
            f"/api/v1/sessions/{sid}/messages",
            json={"text": "3口人", "message_id": "x y"},
            headers=me,
        )
        assert bad.status_code == 422


def test_a_10_kb_text_gets_a_message_naming_the_field_and_the_limit(service: Service) -> None:
    with service.client() as client:
        me = guest(client)
        started = client.post(
            "/api/v1/sessions", json={"region": "gansu", "text": "我" * 10240}, headers=me
        )
        assert started.status_code == 422
        message = started.json()["error"]["message"]
        assert "消息内容" in message and "太长" in message and "500" in message
