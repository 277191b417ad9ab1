"""WeChat end to end: mini-program JSON pushes, every shared XML sample, limits."""

from __future__ import annotations

import json
import time

from tests.api.api_helpers import one_rate_window, wechat_query
from tests.api.conftest import (
    ACCOUNT_LIMIT,
    MP_APP_ID,
    WECHAT_AES_KEY,
    WECHAT_TOKEN,
    WXA_APP_ID,
    Service,
)
from tests.conftest import SHARED

SAMPLES = SHARED / "reference" / "wechat" / "wechatpy_xml_samples"


def wait_for(predicate, seconds: float = 15) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_mini_program_json_push_is_answered_by_customer_service_message(service: Service) -> None:
    push = {
        "ToUserName": "gh_eeeeeeeeeeee",
        "FromUserName": "o_json_user_1",
        "CreateTime": int(time.time()),
        "MsgType": "text",
        "Content": "我在宁夏，想问问怎么申请",
        "MsgId": 7000000000000000001,
    }
    with service.client() as client:
        response = client.post(
            "/wechat/wxa", params=wechat_query(WECHAT_TOKEN), content=json.dumps(push)
        )
    assert response.status_code == 200 and response.text == "success"
    assert wait_for(lambda: any(to == "o_json_user_1" for to, _ in service.wechat.sent_texts()))
    text = next(t for to, t in service.wechat.sent_texts() if to == "o_json_user_1")
    assert text  # the assistant's first question, sent through message/custom/send


def test_encrypted_json_push_is_decrypted(service: Service) -> None:
    import base64
    import hashlib

    from wechatpy.crypto import PrpCrypto

    push = json.dumps({
        "ToUserName": "gh_eeeeeeeeeeee", "FromUserName": "o_json_aes_user",
        "CreateTime": int(time.time()), "MsgType": "event", "Event": "user_enter_tempsession",
        "SessionFrom": "",
    })  # fmt: skip
    encrypt = PrpCrypto(base64.b64decode(WECHAT_AES_KEY + "=")).encrypt(push, WXA_APP_ID)
    encrypt = encrypt.decode() if isinstance(encrypt, bytes) else encrypt
    query = wechat_query(WECHAT_TOKEN)
    query["msg_signature"] = hashlib.sha1(
        "".join(sorted([WECHAT_TOKEN, query["timestamp"], query["nonce"], encrypt])).encode()
    ).hexdigest()
    body = json.dumps({"ToUserName": "gh_eeeeeeeeeeee", "Encrypt": encrypt})
    with service.client() as client:
        assert client.post("/wechat/wxa", params=query, content=body).status_code == 200
        forged = dict(query, msg_signature="0" * 40, nonce="another-nonce")
        assert client.post("/wechat/wxa", params=forged, content=body).status_code == 403
    assert wait_for(lambda: any(to == "o_json_aes_user" for to, _ in service.wechat.sent_texts()))


def test_every_shared_xml_sample_is_handled_without_error(service: Service) -> None:
    statuses = {}
    with service.client() as client:
        for path in sorted(SAMPLES.glob("*.xml")):
            response = client.post(
                "/wechat/mp", params=wechat_query(WECHAT_TOKEN), content=path.read_bytes()
            )
            statuses[path.name] = response.status_code
    assert statuses and all(code in (200, 400) for code in statuses.values()), statuses
    # Every real official-account message or event sample is accepted.
    assert all(code == 200 for name, code in statuses.items() if name.startswith("test_parser"))


def test_oversized_body_is_refused(service: Service) -> None:
    with service.client() as client:
        response = client.post("/api/v1/screening", content=b"x" * 70_000,
                               headers={"Content-Type": "application/json"})  # fmt: skip
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_per_account_rate_limit(service: Service) -> None:
    with service.client() as client, one_rate_window(needs_seconds=20):
        token = client.post("/api/v1/auth/guest").json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        codes = [client.get("/api/v1/sessions", headers=headers).status_code
                 for _ in range(ACCOUNT_LIMIT + 5)]  # fmt: skip
    assert codes[0] == 200 and codes[-1] == 429
    assert MP_APP_ID  # the same service also serves the official account


def test_chat_turns_count_against_the_account_limit(service: Service) -> None:
    """A turn's limits are counted with its session take (one round trip): the same limit,
    every turn counted once, malformed ones too; over it, 429."""
    with service.client() as client, one_rate_window(needs_seconds=30):
        token = client.post("/api/v1/auth/guest").json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        started = client.post("/api/v1/sessions", json={"region": "gansu"}, headers=headers)
        url = f"/api/v1/sessions/{started.json()['session_id']}/messages"
        malformed = [client.post(url, json={}, headers=headers).status_code for _ in range(9)]
        turns = [client.post(url, json={"text": "3口人"}, headers=headers).status_code
                 for _ in range(ACCOUNT_LIMIT - 10)]  # fmt: skip
        over = [client.post(url, json={"text": "农村户口"}, headers=headers) for _ in range(2)]
        after = client.get(url.removesuffix("/messages"), headers=headers)
    assert malformed == [422] * 9 and turns == [200] * (ACCOUNT_LIMIT - 10)
    assert [r.status_code for r in over] == [429, 429]
    assert over[0].json()["error"]["code"] == "rate_limited"
    assert "一分钟" in over[0].json()["error"]["message"]
    assert after.status_code == 429  # the account's other routes too, for the rest of the minute


def _mp_text(openid: str, text: str, msg_id: int) -> str:
    return (
        f"<xml><ToUserName><![CDATA[gh_mp]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        f"<Content><![CDATA[{text}]]></Content><MsgId>{msg_id}</MsgId></xml>"
    )


def test_an_agent_answers_a_wechat_citizen_by_customer_service_message(service: Service) -> None:
    from api.auth import Account, Tokens
    from bot.accounts import Accounts
    from bot.kb.db import make_engine

    Accounts(make_engine(service.env["DATABASE_URL"])).create("mp_agent", "pw-123456789", ["agent"])
    agent = Tokens(service.env["SECRET_KEY"], 600).issue(Account(id="agent:mp_agent", kind="agent"))
    headers = {"Authorization": f"Bearer {agent}"}
    openid = "o_live_mp_citizen"
    with service.client() as client:
        for n, text in enumerate(["我在甘肃，想申请低保", "转人工"]):
            pushed = client.post(
                "/wechat/mp",
                params=wechat_query(WECHAT_TOKEN),
                content=_mp_text(openid, text, 7100000000000000000 + n),
            )
            assert pushed.status_code == 200
        assert "工作人员" in pushed.text  # the passive reply says a person is being found
        queue = client.get("/api/v1/agent/handoffs", headers=headers).json()["sessions"]
        entry = next(e for e in queue if e["channel"] == "wechat_mp")
        session_id = entry["session_id"]
        assert client.post(f"/api/v1/agent/handoffs/{session_id}/claim", headers=headers).is_success
        said = client.post(
            f"/api/v1/agent/sessions/{session_id}/say",
            json={"text": "您好，您家几口人？"},
            headers=headers,
        )
        assert said.status_code == 200, said.text
        assert wait_for(
            lambda: (openid, "工作人员：您好，您家几口人？") in service.wechat.sent_texts()
        )
        # the citizen's answer goes to the agent: WeChat gets "success", not a bot reply
        answer = client.post(
            "/wechat/mp",
            params=wechat_query(WECHAT_TOKEN),
            content=_mp_text(openid, "三口人", 7100000000000000009),
        )
        assert answer.status_code == 200 and answer.text == "success"
        lines = client.get(f"/api/v1/agent/sessions/{session_id}/overview", headers=headers)
        assert lines.json()["transcript"][-1]["text"] == "三口人"
