"""`python -m api.remask` masks what was stored before masking existed, in a real Redis and a
real SQLite database: session transcripts, kept replies, clear personal numbers, the
unanswered queue and 工单. It prints counts only, and a second run changes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import redis
from sqlalchemy import select

from bot.kb.db import make_sessions
from bot.kb.models import UnansweredRow
from bot.kb.unanswered import UnansweredQueue, fingerprint_of
from dialogue.sealed import PREFIX, SessionSealer
from dialogue.state import Session
from guides.household import Member
from guides.ids import RegionId
from tests.conftest import PROJECT_ROOT, RedisServer

# Numbers no other test stores: the shared redis-server's append-only file is searched for them.
ID_NUMBER = "622921199001017736"
PHONE = "13987654321"
BANK = "6217000011112222333"
SECRET = "remask-test-secret"
RAW_NUMBERS = (ID_NUMBER, PHONE, BANK, "139 8765 4321")


def old_session() -> Session:
    """A session as saved before transcripts were masked and numbers sealed."""
    session = Session.new("old-session-1", "wx:old", RegionId.GANSU, "h5")
    session.household.phone, session.household.bank_account = PHONE, BANK
    session.household.members = [Member(relation="self", age=68, id_number=ID_NUMBER)]
    session.log("citizen", f"我的身份证号是{ID_NUMBER}")
    session.log("citizen", "电话 139 8765 4321，卡号" + BANK)
    session.log("citizen", "我们家三口人")
    session.version = 7
    return session


def run_remask(env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "api.remask"],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    for number in RAW_NUMBERS:
        assert number not in done.stdout + done.stderr
    return done.stdout


def counts(printed: str) -> dict[str, int]:
    return {k: int(v) for k, v in (line.split(": ") for line in printed.strip().splitlines())}


def aof_holds(server: RedisServer, client: redis.Redis, number: str) -> bool:
    """Whether the append-only files on disk hold `number` (once a rewrite has finished)."""
    deadline = time.monotonic() + 30
    while client.info("persistence")["aof_rewrite_in_progress"] and time.monotonic() < deadline:
        time.sleep(0.05)
    files = [p for p in server.workdir.rglob("*.aof*") if p.is_file()]
    assert files, "the test redis-server writes an append-only file"
    return any(number.encode() in p.read_bytes() for p in files)


def test_remask_masks_stored_data_in_place_and_a_second_run_changes_nothing(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    url = redis_server.url.replace("/0", "/11")
    client = redis.Redis.from_url(url)
    client.flushdb()
    session = old_session()
    client.set("session:old-session-1", session.model_dump_json(), ex=500)
    reply = {"replies": [{"kind": "text", "text": f"记下了：{PHONE}"}], "form_requested_now": False}
    client.hset("replies:old-session-1", "msg-00000001", json.dumps(reply, ensure_ascii=False))
    clean = Session.new("new-session-1", "wx:new", RegionId.GANSU, "h5")
    clean.log("citizen", "我们家两口人")
    client.set("session:new-session-1", SessionSealer([SECRET]).dump(clean), ex=500)

    database_url = f"sqlite:///{tmp_path / 'kb.db'}"
    sessions = make_sessions(database_url)
    masked_form = UnansweredQueue(sessions).record("我电话13912345678，低保怎么办", "gansu")
    raw_rows = [
        f"我叫王秀英，身份证{ID_NUMBER}，电话{PHONE}，低保怎么申请",
        "我电话13912345678，低保怎么办",  # the same question as the masked one above
    ]
    with sessions.begin() as db:
        for n, text in enumerate(raw_rows):
            db.add(UnansweredRow(fingerprint=f"raw-{n}", text=text, region="gansu", times_asked=2))

    env = {**os.environ, "SHEJIU_ENV": "test", "REDIS_URL": url, "DATABASE_URL": database_url,
           "SECRET_KEY": SECRET, "NO_PROXY": "127.0.0.1,localhost"}  # fmt: skip
    env.pop("SESSION_KEYS", None)
    assert aof_holds(redis_server, client, ID_NUMBER)  # written raw, as before masking
    first = counts(run_remask(env))
    assert first["sessions_scanned"] == 2 and first["sessions_rewritten"] == 1
    assert first["transcript_lines_masked"] == 2 and first["numbers_sealed"] == 3
    assert first["replies_masked"] == 1
    assert first["questions_scanned"] == 3 and first["questions_masked"] == 2
    assert first["questions_merged"] == 1 and first["aof_rewrites"] == 1
    assert not aof_holds(redis_server, client, ID_NUMBER)  # the raw writes left the disk

    stored = client.get("session:old-session-1")
    assert stored is not None
    for number in RAW_NUMBERS:
        assert number.encode() not in stored
        assert number.encode() not in client.hget("replies:old-session-1", "msg-00000001")
    data = json.loads(stored)
    assert "transcript" not in data  # rewritten in today's layout: the lines in their own list
    listed = client.lrange("transcript:old-session-1", 0, -1)
    for number in RAW_NUMBERS:
        assert not any(number.encode() in line for line in listed)
    assert [json.loads(line)["text"] for line in listed] == [
        "我的身份证号是[身份证号]", "电话 [电话]，卡号[银行卡号]", "我们家三口人"
    ]  # fmt: skip
    assert 0 < client.ttl("transcript:old-session-1") <= 500
    assert data["household"]["phone"].startswith(PREFIX)
    reopened = SessionSealer([SECRET]).load(stored)  # kept for the form: sealed, not lost
    assert reopened.household.members[0].id_number == ID_NUMBER
    assert reopened.household.bank_account == BANK
    assert data["version"] == 7  # a maintenance rewrite, not a turn
    assert 0 < client.ttl("session:old-session-1") <= 500  # and no longer kept than before

    with sessions() as db:
        rows = {r.text: r for r in db.execute(select(UnansweredRow)).scalars()}
    assert len(rows) == 2
    for text in rows:
        for number in RAW_NUMBERS:
            assert number not in text
    assert "王秀英" not in "".join(rows)
    merged = rows[masked_form.text]
    assert merged.times_asked == 1 + 2  # the raw copy's count joined the masked one
    other = next(r for t, r in rows.items() if t != masked_form.text)
    assert other.fingerprint == fingerprint_of(other.text, "gansu")  # found when asked again

    second = counts(run_remask(env))
    changed = {k: v for k, v in second.items() if not k.endswith("_scanned")}
    assert set(changed.values()) == {0}, second
    assert client.get("session:new-session-1") is not None
    client.flushdb()
    client.close()
