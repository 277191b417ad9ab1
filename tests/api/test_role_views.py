"""Staff see only what their role needs of a citizen's session (real service, Redis, SQLite).

A session holding every kind of personal data (ID, phone and bank numbers, income, a
diagnosis, and a transcript line stored raw before masking existed) is put in the service's
Redis the way the service stores it; then each role asks for it through every route.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import time
from collections.abc import Iterator

import httpx
import pytest
import redis.asyncio as aioredis

from api.auth import Account, Tokens
from bot.accounts import Accounts
from bot.kb.db import make_engine
from dialogue.sealed import SessionSealer
from dialogue.state import AnswerRecord, Session
from dialogue.store import SessionStore, StoreConfig
from guides.household import Member
from guides.ids import RegionId
from tests.api.conftest import Service

ID_NUMBER = "620102195803051234"
PHONE = "13812345678"
BANK = "6222021234567890123"
PASSWORD = "pw-123456789"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def seeded_session(owner: str) -> Session:
    """A 68-year-old applicant who gave everything, and asked for a person."""
    session = Session.new(secrets.token_urlsafe(12), owner, RegionId.GANSU, "h5")
    household = session.household
    household.size = 1
    household.phone, household.bank_account = PHONE, BANK
    household.members = [
        Member(
            relation="self",
            age=68,
            id_number=ID_NUMBER,
            monthly_income=800,
            health="serious_illness",
        )
    ]
    session.history = [
        AnswerRecord(question_id="household_size", keys=["size"], before={}),
        AnswerRecord(question_id="member_age", member=0, keys=["members.0.age"], before={}),
        AnswerRecord(question_id="member_income", member=0, keys=["members.0.monthly_income"], before={}),
        AnswerRecord(question_id="member_health", member=0, keys=["members.0.health"], before={}),
    ]  # fmt: skip
    session.log("citizen", f"我的身份证是{ID_NUMBER}，电话{PHONE}")  # stored before masking
    session.log("citizen", "我得了尿毒症，每个月就800块")
    session.handoff, session.handoff_at = True, time.time()
    return session


def save(service: Service, session: Session) -> None:
    async def main() -> None:
        client = aioredis.Redis.from_url(service.env["REDIS_URL"])
        sealer = SessionSealer([service.env["SECRET_KEY"]])  # no SESSION_KEYS: the secret key
        await SessionStore(client, StoreConfig(session_ttl_seconds=600), sealer).save(session)
        await client.aclose()

    asyncio.run(main())


class Staff:
    """Staff accounts in the service's database and the console tokens they were issued."""

    def __init__(self, service: Service) -> None:
        self.accounts = Accounts(make_engine(service.env["DATABASE_URL"]))
        self.tokens = Tokens(service.env["SECRET_KEY"], 600)

    def token(self, username: str, roles: list[str]) -> str:
        if self.accounts.get(username) is None:
            self.accounts.create(username, PASSWORD, roles)
        return self.tokens.issue(Account(id=f"agent:{username}", kind="agent"))


@pytest.fixture
def client(service: Service) -> Iterator[httpx.Client]:
    with service.client() as http:
        yield http


def guest(client: httpx.Client) -> str:
    token: str = client.post("/api/v1/auth/guest").json()["token"]
    return token


def owner_id(token: str, service: Service) -> str:
    return Tokens(service.env["SECRET_KEY"], 600).verify(token).id


SESSION_ROUTES = ("", "/form.pdf", "/form.html")


def test_a_waiting_citizen_shows_agents_only_the_queue_entry(
    service: Service, client: httpx.Client
) -> None:
    staff = Staff(service)
    agent = staff.token("roles_agent1", ["agent"])
    citizen = guest(client)
    session = seeded_session(owner_id(citizen, service))
    save(service, session)
    queue = client.get("/api/v1/agent/handoffs", headers=bearer(agent)).json()["sessions"]
    entry = next(e for e in queue if e["session_id"] == session.id)
    assert "1" in entry["facts"] and "68" in entry["facts"], entry  # size and age: who waits
    for private in ("800", "重", "病", ID_NUMBER[-4:], PHONE[-4:]):
        assert private not in entry["facts"], (private, entry["facts"])
    for path in SESSION_ROUTES:
        refused = client.get(f"/api/v1/sessions/{session.id}{path}", headers=bearer(agent))
        assert refused.status_code == 403, (path, refused.status_code)
    overview = client.get(f"/api/v1/agent/sessions/{session.id}/overview", headers=bearer(agent))
    assert overview.status_code == 403
    mine = client.get(f"/api/v1/sessions/{session.id}", headers=bearer(citizen)).json()
    assert mine["facts"]["members"][0]["id_number"] == ID_NUMBER  # the owner sees it all


def test_the_claiming_agent_sees_masked_facts_and_prints_the_full_form(
    service: Service, client: httpx.Client
) -> None:
    staff = Staff(service)
    first, second = staff.token("roles_agent1", ["agent"]), staff.token("roles_agent2", ["agent"])
    session = seeded_session(owner_id(guest(client), service))
    save(service, session)
    claimed = client.post(f"/api/v1/agent/handoffs/{session.id}/claim", headers=bearer(first))
    assert claimed.status_code == 200, claimed.text

    seen = client.get(f"/api/v1/sessions/{session.id}", headers=bearer(first))
    assert seen.status_code == 200, seen.text
    body = seen.json()
    applicant = body["facts"]["members"][0]
    assert applicant["id_number"] == "6201**********1234"
    assert body["facts"]["phone"] == "138****5678"
    assert body["facts"]["bank_account"].endswith("0123") and BANK not in seen.text
    assert applicant["monthly_income"] == 800  # what the call is about
    overview = client.get(f"/api/v1/agent/sessions/{session.id}/overview", headers=bearer(first))
    for response in (seen, overview):
        assert ID_NUMBER not in response.text and PHONE not in response.text
        assert "[身份证号]" in response.text
    form = client.get(f"/api/v1/sessions/{session.id}/form.html", headers=bearer(first))
    assert form.status_code == 200 and ID_NUMBER in form.text  # the form needs the number

    for path in SESSION_ROUTES:  # claimed by the first: never the second's
        refused = client.get(f"/api/v1/sessions/{session.id}{path}", headers=bearer(second))
        assert refused.status_code == 403, (path, refused.status_code)
    assert client.post(
        f"/api/v1/agent/handoffs/{session.id}/release", headers=bearer(first)
    ).is_success
    after = client.get(f"/api/v1/sessions/{session.id}", headers=bearer(first))
    assert after.status_code == 403  # handed back: no longer theirs


@pytest.mark.parametrize("now", [["editor"], ["reviewer"], ["editor", "reviewer"]])
def test_an_agent_moved_to_editing_or_review_loses_every_session_at_once(
    now: list[str], service: Service, client: httpx.Client
) -> None:
    staff = Staff(service)
    username = f"roles_moved_{'_'.join(now)}"
    token = staff.token(username, ["agent"])
    session = seeded_session(owner_id(guest(client), service))
    save(service, session)
    assert client.post(
        f"/api/v1/agent/handoffs/{session.id}/claim", headers=bearer(token)
    ).is_success
    helped = client.post(
        "/api/v1/sessions", json={"region": "gansu", "channel": "agent"}, headers=bearer(token)
    ).json()["session_id"]  # 帮办代办 for a caller
    staff.accounts.update(username, roles=now)  # the console token stays in their browser
    for session_id in (session.id, helped):
        for path in SESSION_ROUTES:
            refused = client.get(f"/api/v1/sessions/{session_id}{path}", headers=bearer(token))
            assert refused.status_code == 403, (session_id, path, refused.status_code)
            assert ID_NUMBER not in refused.text
    started = client.post("/api/v1/sessions", json={"region": "gansu"}, headers=bearer(token))
    assert started.status_code == 403


def spoil(service: Service, session_id: str) -> None:
    """The stored session made one that no longer loads (a state saved by older code: two
    applicants, which the household's check now refuses), the rest of it left as stored."""

    async def main() -> None:
        client = aioredis.Redis.from_url(service.env["REDIS_URL"])
        raw = await client.get(f"session:{session_id}")
        assert raw is not None
        data = json.loads(raw)
        data["household"]["members"].append({"relation": "self"})
        await client.set(f"session:{session_id}", json.dumps(data), keepttl=True)
        await client.aclose()

    asyncio.run(main())


def test_the_console_reading_a_session_that_no_longer_loads_gets_a_clear_error(
    service: Service, client: httpx.Client
) -> None:
    """Every read the agent console makes of it answered 500 (the Guard's catch-all); now
    the session is gone as the citizen's own turn already says, and the queue still lists the
    others."""
    staff = Staff(service)
    agent = staff.token("roles_agent_spoilt", ["agent"])
    session = seeded_session(owner_id(guest(client), service))
    save(service, session)
    assert client.post(
        f"/api/v1/agent/handoffs/{session.id}/claim", headers=bearer(agent)
    ).is_success
    spoil(service, session.id)
    reads = [
        client.get(f"/api/v1/sessions/{session.id}", headers=bearer(agent)),
        client.get(f"/api/v1/agent/sessions/{session.id}/overview", headers=bearer(agent)),
        client.post(f"/api/v1/agent/sessions/{session.id}/resume", headers=bearer(agent)),
        client.post(f"/api/v1/agent/handoffs/{session.id}/release", headers=bearer(agent)),
    ]
    for response in reads:
        assert response.status_code == 404, (response.request.url, response.text)
        assert response.json()["error"]["code"] == "session_not_found"
    queue = client.get("/api/v1/agent/handoffs", headers=bearer(agent))
    assert queue.status_code == 200, queue.text
    assert session.id not in queue.text
