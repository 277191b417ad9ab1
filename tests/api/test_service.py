"""The JSON API against a real uvicorn process with real Redis and SQLite."""

from __future__ import annotations

import re

import httpx

from tests.api.api_helpers import wechat_query
from tests.api.conftest import WECHAT_TOKEN, Service
from tests.fakes.wechat_api import VALID_CODE


def guest(client: httpx.Client) -> dict[str, str]:
    token = client.post("/api/v1/auth/guest").json()["token"]
    return {"Authorization": f"Bearer {token}"}


def test_health_and_readiness(service: Service) -> None:
    with service.client() as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        ready = client.get("/readyz").json()
        assert ready["checks"] == {"redis": "ok", "database": "ok"}


def test_openapi_describes_the_v1_api(service: Service) -> None:
    with service.client() as client:
        paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/v1/sessions",
        "/api/v1/sessions/{session_id}/messages",
        "/api/v1/sessions/{session_id}",
        "/api/v1/sessions/{session_id}/form.pdf",
        "/api/v1/screening",
        "/api/v1/kb/search",
        "/api/v1/wxa/login",
    ):
        assert path in paths


def test_a_conversation_is_private_to_its_account(service: Service) -> None:
    with service.client() as client:
        me, stranger = guest(client), guest(client)
        started = client.post("/api/v1/sessions", json={"region": "shanxi"}, headers=me)
        assert started.status_code == 200, started.text
        body = started.json()
        assert body["replies"] and all("type" in r for r in body["replies"])
        assert body["state"]["pending_question"] and body["state"]["questions_remaining"] > 0
        session_id = body["session_id"]
        turn = client.post(
            f"/api/v1/sessions/{session_id}/messages", json={"text": "3口人"}, headers=me
        )
        assert turn.status_code == 200, turn.text
        assert turn.json()["state"]["region"] == "shanxi"
        for method, path in (
            ("GET", f"/api/v1/sessions/{session_id}"),
            ("POST", f"/api/v1/sessions/{session_id}/messages"),
            ("GET", f"/api/v1/sessions/{session_id}/form.html"),
        ):
            response = client.request(method, path, json={"text": "你好"}, headers=stranger)
            assert response.status_code == 403
            assert response.json()["error"]["code"] == "forbidden"
        assert client.get(f"/api/v1/sessions/{session_id}").status_code == 401


def test_bad_input_is_a_clear_chinese_error_and_loses_nothing(service: Service) -> None:
    with service.client() as client:
        me = guest(client)
        session_id = client.post("/api/v1/sessions", json={"region": "gansu"}, headers=me).json()[
            "session_id"
        ]
        before = client.get(f"/api/v1/sessions/{session_id}", headers=me).json()
        empty = client.post(f"/api/v1/sessions/{session_id}/messages", json={}, headers=me)
        assert empty.status_code == 422
        assert "error" in empty.json() and empty.json()["error"]["message"]
        too_long = client.post(
            f"/api/v1/sessions/{session_id}/messages", json={"text": "啊" * 600}, headers=me
        )
        assert too_long.status_code == 422 and "消息内容" in too_long.json()["error"]["message"]
        after = client.get(f"/api/v1/sessions/{session_id}", headers=me).json()
        assert after["facts"] == before["facts"]
        unknown = client.post("/api/v1/sessions", json={"region": "mars"}, headers=me)
        assert unknown.status_code == 404 and "地区" in unknown.json()["error"]["message"]
        missing = client.get("/api/v1/sessions/does-not-exist", headers=me)
        assert missing.status_code == 404


def test_screening_endpoint(service: Service) -> None:
    household = {
        "hukou_type": "rural",
        "size": 2,
        "monthly_income_total": 300,
        "members": [{"relation": "self", "age": 70}, {"relation": "spouse", "age": 68}],
    }
    with service.client() as client:
        response = client.post(
            "/api/v1/screening", json={"region": "shanxi", "household": household}
        )
        assert response.status_code == 200, response.text
        result = response.json()
        assert {i["item"] for i in result["items"]} >= {"dibao", "tekun", "temporary_aid"}
        assert result["disclaimer"]
        bad = client.post(
            "/api/v1/screening",
            json={"region": "shanxi", "household": {"monthly_income_total": -5}},
        )
        assert bad.status_code == 422
        assert "收入" in bad.json()["error"]["message"]


def test_kb_search_ranks_with_source(service: Service) -> None:
    with service.client() as client:
        response = client.get(
            "/api/v1/kb/search",
            params={"q": "济南历城申请低保要带什么材料", "region": "jinan-licheng"},
        )
        assert response.status_code == 200
        hits = response.json()["hits"]
        assert hits and all(h["source"] for h in hits)
        assert any("jinan-licheng" in h["regions"] for h in hits[:3])


def test_kb_decline_offers_suggestions_phone_and_handoff(service: Service) -> None:
    with service.client() as client:
        declined = client.get(
            "/api/v1/kb/search", params={"q": "帮我查一下明天去银川的火车票", "region": "ningxia"}
        ).json()
        answered = client.get(
            "/api/v1/kb/search", params={"q": "宁夏低保申请的条件有哪些", "region": "ningxia"}
        ).json()
    assert declined["answered"] is False and declined["handoff"] is True
    assert declined["phone"]["number"] == "12345" and declined["phone"]["purpose"]
    assert len(declined["suggestions"]) <= 3
    assert answered["answered"] is True, answered["answer"]
    assert (answered["handoff"], answered["phone"], answered["suggestions"]) == (False, None, [])


def test_mini_program_login_through_wechatpy(service: Service) -> None:
    with service.client() as client:
        ok = client.post("/api/v1/wxa/login", json={"code": VALID_CODE})
        assert ok.status_code == 200, ok.text
        assert ok.json()["account_id"] == "wx:o16wA0b4AZKzgVJR3MBwoUdTfU_E"
        assert client.post("/api/v1/wxa/login", json={"code": "bad"}).status_code == 401
    assert any(r["path"] == "/sns/jscode2session" for r in service.wechat.requests)


def test_wechat_text_message_is_answered_once(service: Service) -> None:
    body = (
        "<xml><ToUserName><![CDATA[gh_test]]></ToUserName>"
        "<FromUserName><![CDATA[o_user_text_1]]></FromUserName>"
        "<CreateTime>1700000001</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        "<Content><![CDATA[我在山西，想看看能申请什么救助]]></Content>"
        "<MsgId>99000000000001</MsgId></xml>"
    )
    with service.client() as client:
        first = client.post("/wechat/mp", params=wechat_query(WECHAT_TOKEN), content=body)
        assert first.status_code == 200
        assert "<Content><![CDATA[" in first.text
        retry = client.post("/wechat/mp", params=wechat_query(WECHAT_TOKEN), content=body)
        assert retry.status_code == 200
        assert retry.text == first.text  # the retry gets the same reply; nothing re-processed


def test_resume_transcript_and_progress(service: Service) -> None:
    with service.client() as client:
        me = guest(client)
        started = client.post("/api/v1/sessions", json={"region": "jinan-licheng"}, headers=me)
        session_id = started.json()["session_id"]
        turn = client.post(
            f"/api/v1/sessions/{session_id}/messages", json={"text": "两口人"}, headers=me
        ).json()
        remaining = turn["state"]["questions_remaining"]
        assert isinstance(remaining, int) and remaining > 0
        pending = turn["state"]["pending_question"]
        resumed = client.post(f"/api/v1/sessions/{session_id}/resume", headers=me).json()
        assert resumed["state"]["pending_question"] == pending  # the same place
        state = client.get(f"/api/v1/sessions/{session_id}", headers=me).json()
        speakers = [line["speaker"] for line in state["transcript"]]
        assert "citizen" in speakers and "assistant" in speakers
        assert any(line["text"] == "两口人" for line in state["transcript"])


def test_personal_data_never_reaches_the_log(service: Service) -> None:
    id_number = "11010519491231002X"  # a valid GB 11643 number (check digit X)
    phone = "13912345678"
    with service.client() as client:
        me = guest(client)
        session_id = client.post("/api/v1/sessions", json={"region": "shanxi"}, headers=me).json()[
            "session_id"
        ]
        for text in (f"我的身份证号是{id_number}", f"电话{phone}", "每月收入1234元"):
            client.post(f"/api/v1/sessions/{session_id}/messages", json={"text": text}, headers=me)
        client.get("/api/v1/kb/search", params={"q": f"我叫张三电话{phone}低保怎么办"})
    log = service.log.read_text(encoding="utf-8", errors="replace")
    assert id_number not in log and phone not in log
    assert "1234元" not in log


def test_metrics_count_turns_and_kb_queries(service: Service) -> None:
    with service.client() as client:
        client.get("/api/v1/kb/search", params={"q": "低保怎么申请", "region": "gansu"})
        metrics = client.get("/metrics").text
    assert "shejiu_turns_total" in metrics and "shejiu_kb_queries_total" in metrics
    assert "shejiu_turn_seconds_bucket" in metrics


def test_docs_work_without_internet(service: Service) -> None:
    # Issue 10: Swagger UI's script and styles are served by us, never from a CDN.
    with service.client() as client:
        page = client.get("/docs")
        assert page.status_code == 200
        assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert assets and all(a.startswith("/") for a in assets), assets
        for asset in assets:
            assert client.get(asset).status_code == 200, asset
        assert client.get("/openapi.json").json()["info"]["title"]
