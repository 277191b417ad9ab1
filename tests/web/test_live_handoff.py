"""转人工 reaches a person: queue details, an atomic claim, live lines both ways over SSE,
and the bot resuming at the same question after the hand-back (real service, Redis, SQLite)."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.web.conftest import WebService
from tests.web.sse import EventReader


def agent_token(web: WebService, username: str) -> str:
    staff, _ = web.login(username)
    found = re.search(r'name="api-token" content="([^"]+)"', staff.get("/console").text)
    assert found, "the console carries an API token"
    return found.group(1)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def citizen_in_queue(web: WebService, client: httpx.Client) -> tuple[str, str, str]:
    """A guest who answered two questions and then asked for a person."""
    token = client.post("/api/v1/auth/guest").json()["token"]
    started = client.post(
        "/api/v1/sessions", json={"region": "gansu", "channel": "h5"}, headers=bearer(token)
    ).json()
    session_id = started["session_id"]
    pending = started["state"]["pending_question"]
    for text in ("我们家两口人", "我68岁了"):
        turn = client.post(
            f"/api/v1/sessions/{session_id}/messages", json={"text": text}, headers=bearer(token)
        ).json()
        pending = turn["state"]["pending_question"]
    asked = client.post(
        f"/api/v1/sessions/{session_id}/messages", json={"text": "转人工"}, headers=bearer(token)
    )
    assert asked.status_code == 200, asked.text
    body = asked.json()
    assert body["state"]["handoff"] is True
    assert "工作人员" in body["replies"][0]["text"]
    return token, session_id, pending


def test_a_citizen_and_an_agent_talk_live_then_the_bot_resumes(web: WebService) -> None:
    client = web.client()
    first, second = agent_token(web, "agent1"), agent_token(web, "agent2")
    citizen, session_id, pending = citizen_in_queue(web, client)

    queue = client.get("/api/v1/agent/handoffs", headers=bearer(first)).json()
    entry = next(e for e in queue["sessions"] if e["session_id"] == session_id)
    assert entry["region_name"] == "甘肃省"
    assert entry["claimed_by"] is None and entry["waiting_seconds"] >= 0
    assert "2" in entry["facts"] or "两" in entry["facts"], entry["facts"]  # the household size

    # Two agents press 接过来 at once: exactly one gets the citizen.
    def claim(token: str) -> int:
        path = f"/api/v1/agent/handoffs/{session_id}/claim"
        return web.client().post(path, headers=bearer(token)).status_code

    with ThreadPoolExecutor(2) as pool:
        codes = sorted(pool.map(claim, [first, second]))
    assert codes == [200, 409], codes
    winner = first if claim(first) == 200 else second  # the winner may claim again; the other not
    loser = second if winner == first else first
    taken = client.post(f"/api/v1/agent/handoffs/{session_id}/claim", headers=bearer(loser))
    assert taken.status_code == 409 and "其他坐席" in taken.json()["error"]["message"]
    refused = client.post(
        f"/api/v1/agent/sessions/{session_id}/say", json={"text": "我来"}, headers=bearer(loser)
    )
    assert refused.status_code == 409

    citizen_stream = EventReader(web.url, f"/api/v1/sessions/{session_id}/live", citizen)
    agent_stream = EventReader(web.url, f"/api/v1/agent/sessions/{session_id}/live", winner)
    try:
        state = citizen_stream.wait_for("state")
        assert state["claimed"] is True
        said = client.post(
            f"/api/v1/agent/sessions/{session_id}/say",
            json={"text": "您好，我是12345的工作人员，请问您家住哪个县？"},
            headers=bearer(winner),
        )
        assert said.status_code == 200, said.text
        line = citizen_stream.wait_for("line", lambda d: d["speaker"] == "agent")
        assert "哪个县" in line["text"]
        office = "也可以打县民政局电话0931-8123456"
        client.post(
            f"/api/v1/agent/sessions/{session_id}/say",
            json={"text": office},
            headers=bearer(winner),
        )
        assert citizen_stream.wait_for("line", lambda d: d["speaker"] == "agent")["text"] == office

        # The citizen's answer goes to the agent, not to the bot.
        reply = client.post(
            f"/api/v1/sessions/{session_id}/messages",
            json={"text": "住在榆中县"},
            headers=bearer(citizen),
        ).json()
        assert reply["replies"] == [] and reply["state"]["live_agent"] is True
        heard = agent_stream.wait_for("line", lambda d: d["text"] == "住在榆中县")
        assert heard["speaker"] == "citizen"

        # A reconnecting page replays what it missed, by seq.
        again = EventReader(web.url, f"/api/v1/sessions/{session_id}/live?after=0", citizen)
        try:
            replayed = again.wait_for("line", lambda d: d["speaker"] == "agent")
            assert replayed["seq"] == line["seq"]
        finally:
            again.close()

        released = client.post(
            f"/api/v1/agent/handoffs/{session_id}/release", headers=bearer(winner)
        )
        assert released.status_code == 200
        back = citizen_stream.wait_for("state", lambda d: not d["handoff"])
        # the agent's stream gets the hand-back, then ends: the session is no longer theirs
        agent_stream.wait_for("line", lambda d: "交还" in d["text"])
        assert agent_stream.wait_for("state")["ended"] is True
        assert back["session"]["pending_question"] == pending
        resumed = client.post(
            f"/api/v1/sessions/{session_id}/resume", headers=bearer(citizen)
        ).json()
        assert resumed["state"]["pending_question"] == pending
        assert resumed["replies"][-1].get("question_id") == pending
    finally:
        citizen_stream.close()
        agent_stream.close()
    queue = client.get("/api/v1/agent/handoffs", headers=bearer(first)).json()
    assert session_id not in [e["session_id"] for e in queue["sessions"]]


def test_citizens_cannot_use_the_agents_side(web: WebService) -> None:
    client = web.client()
    citizen, session_id, _ = citizen_in_queue(web, client)
    for method, path in (
        ("GET", "/api/v1/agent/handoffs"),
        ("POST", f"/api/v1/agent/handoffs/{session_id}/claim"),
        ("POST", f"/api/v1/agent/handoffs/{session_id}/release"),
    ):
        assert client.request(method, path, headers=bearer(citizen)).status_code in (401, 403)
    stranger = client.post("/api/v1/auth/guest").json()["token"]
    peek = client.get(f"/api/v1/sessions/{session_id}/live", headers=bearer(stranger))
    assert peek.status_code == 403


def test_the_citizen_may_stop_waiting_and_go_on_with_the_questions(web: WebService) -> None:
    client = web.client()
    citizen, session_id, pending = citizen_in_queue(web, client)
    waiting = client.post(
        f"/api/v1/sessions/{session_id}/messages",
        json={"text": "还要等多久"},
        headers=bearer(citizen),
    ).json()
    assert "工作人员" in waiting["replies"][0]["text"]  # told it is queued, not answered by the bot
    assert waiting["state"]["pending_question"] == pending
    back = client.post(
        f"/api/v1/sessions/{session_id}/messages",
        json={"choice": "live:cancel"},
        headers=bearer(citizen),
    ).json()
    assert back["state"]["handoff"] is False
    assert back["replies"][-1].get("question_id") == pending


def test_the_transcript_says_a_tapped_choice_in_chinese(web: WebService) -> None:
    client = web.client()
    token = client.post("/api/v1/auth/guest").json()["token"]
    started = client.post(
        "/api/v1/sessions", json={"region": "gansu"}, headers=bearer(token)
    ).json()
    session_id = started["session_id"]
    client.post(
        f"/api/v1/sessions/{session_id}/messages", json={"text": "两口人"}, headers=bearer(token)
    )
    state = client.get(f"/api/v1/sessions/{session_id}", headers=bearer(token)).json()
    while state["state"]["pending_question"] != "hukou_type":
        pending = state["state"]["pending_question"]
        client.post(
            f"/api/v1/sessions/{session_id}/messages",
            json={"choice": "dont_know"},
            headers=bearer(token),
        )
        state = client.get(f"/api/v1/sessions/{session_id}", headers=bearer(token)).json()
        assert state["state"]["pending_question"] != pending, "stuck"
    client.post(
        f"/api/v1/sessions/{session_id}/messages", json={"choice": "rural"}, headers=bearer(token)
    )
    lines = client.get(f"/api/v1/sessions/{session_id}", headers=bearer(token)).json()["transcript"]
    said = [line["text"] for line in lines if line["speaker"] == "citizen"]
    assert said[-1] == "农村户口", said
    assert "rural" not in said


def test_a_citizen_deletes_their_own_conversation_and_nobody_else_can(web: WebService) -> None:
    client = web.client()
    citizen, session_id, _ = citizen_in_queue(web, client)
    stranger = client.post("/api/v1/auth/guest").json()["token"]
    agent = agent_token(web, "agent1")
    for other in (stranger, agent):
        refused = client.delete(f"/api/v1/sessions/{session_id}", headers=bearer(other))
        assert refused.status_code == 403
    deleted = client.delete(f"/api/v1/sessions/{session_id}", headers=bearer(citizen))
    assert deleted.status_code == 200 and deleted.json() == {"deleted": True}
    gone = client.get(f"/api/v1/sessions/{session_id}", headers=bearer(citizen))
    assert gone.status_code == 404
    queue = client.get("/api/v1/agent/handoffs", headers=bearer(agent)).json()["sessions"]
    assert session_id not in [e["session_id"] for e in queue]


def test_asking_for_a_person_from_an_old_page_still_reaches_the_queue(web: WebService) -> None:
    client = web.client()
    token = client.post("/api/v1/auth/guest").json()["token"]
    started = client.post("/api/v1/sessions", json={"region": "shanxi"}, headers=bearer(token))
    session_id = started.json()["session_id"]
    client.post(
        f"/api/v1/sessions/{session_id}/messages", json={"text": "三口人"}, headers=bearer(token)
    )
    stale = client.post(
        f"/api/v1/sessions/{session_id}/messages",
        json={"text": "我要转人工", "question_id": "household_size"},  # the page was behind
        headers=bearer(token),
    ).json()
    assert stale["state"]["handoff"] is True


def test_only_the_claiming_agent_hands_back_and_bad_requests_are_clear(web: WebService) -> None:
    client = web.client()
    first, second = agent_token(web, "agent1"), agent_token(web, "agent2")
    _, session_id, _ = citizen_in_queue(web, client)
    assert client.post(
        f"/api/v1/agent/handoffs/{session_id}/claim", headers=bearer(first)
    ).is_success
    other = client.post(f"/api/v1/agent/handoffs/{session_id}/release", headers=bearer(second))
    assert other.status_code == 409 and "其他坐席" in other.json()["error"]["message"]
    empty = client.post(
        f"/api/v1/agent/sessions/{session_id}/say", json={"text": ""}, headers=bearer(first)
    )
    assert empty.status_code == 422 and "error" in empty.json()
    for method, path in (
        ("POST", "/api/v1/agent/handoffs/no-such-session/claim"),
        ("GET", "/api/v1/agent/sessions/no-such-session/live"),
    ):
        missing = client.request(method, path, headers=bearer(first))
        assert missing.status_code == 404, (path, missing.status_code)
        assert "找到" in missing.json()["error"]["message"]
    assert client.post(
        f"/api/v1/agent/handoffs/{session_id}/release", headers=bearer(first)
    ).is_success
