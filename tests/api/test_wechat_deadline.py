"""WeChat's 5-second limit: a turn slower than wechat.reply_deadline_seconds gets "success" in
time and its answer goes by customer-service message, retried while WeChat says 系统繁忙."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.api_helpers import wechat_query
from tests.api.conftest import WECHAT_TOKEN, Service, run_service, service_env
from tests.api.test_wechat_flows import wait_for
from tests.fakes.rasa import FakeRasa
from tests.fakes.wechat_api import FakeWeChat

DEADLINE = 0.8
NLU_DELAY = 2.0


@pytest.fixture
def slow_service(redis_url: str, tmp_path: Path) -> Iterator[tuple[Service, FakeRasa]]:
    wechat, rasa = FakeWeChat().start(), FakeRasa().start()
    env = service_env(redis_url.replace("/0", "/6"), f"sqlite:///{tmp_path / 's.db'}", wechat)
    env |= {"NLU_BACKEND": "rasa", "RASA_URL": rasa.url,
            "WECHAT_REPLY_DEADLINE_SECONDS": str(DEADLINE), "WECHAT_SEND_RETRY_SECONDS": "0.2"}  # fmt: skip
    try:
        with run_service(env, tmp_path / "service.log", wechat) as service:
            yield service, rasa
    finally:
        rasa.stop()
        wechat.stop()


def _push(openid: str, text: str, msg_id: int) -> str:
    return (
        f"<xml><ToUserName><![CDATA[gh_test]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        f"<Content><![CDATA[{text}]]></Content><MsgId>{msg_id}</MsgId></xml>"
    )


@pytest.mark.slow
def test_a_slow_turn_is_answered_by_customer_service_message_with_retries(
    slow_service: tuple[Service, FakeRasa],
) -> None:
    service, rasa = slow_service
    wechat = service.wechat
    assert wechat is not None
    openid = "o_slow_turn_user"
    with service.client() as client:
        # Quick turn (no intent needed): the passive XML reply, in time.
        first = client.post("/wechat/mp", params=wechat_query(WECHAT_TOKEN),
                            content=_push(openid, "甘肃", 98000000000001))  # fmt: skip
        assert first.status_code == 200 and "<Content><![CDATA[" in first.text

        rasa.delay_seconds = NLU_DELAY  # the NLU server is slow: the turn outlasts the deadline
        wechat.failing_sends = 2  # and WeChat is busy twice before it takes the message
        started = time.monotonic()
        slow = client.post("/wechat/mp", params=wechat_query(WECHAT_TOKEN),
                           content=_push(openid, "低保怎么申请", 98000000000002))  # fmt: skip
        answered_in = time.monotonic() - started
    assert slow.status_code == 200 and slow.text == "success"
    assert answered_in < DEADLINE + 0.5 < NLU_DELAY
    assert wait_for(lambda: wechat.send_attempts(openid) >= 3, 20)
    time.sleep(1.0)  # no fourth attempt after the delivery
    assert wechat.send_attempts(openid) == 3  # two 系统繁忙, then delivered
    text = next(t for to, t in wechat.sent_texts() if to == openid)
    assert "低保" in text


@pytest.mark.slow
def test_a_message_wechat_refuses_is_not_retried(slow_service: tuple[Service, FakeRasa]) -> None:
    service, rasa = slow_service
    wechat = service.wechat
    assert wechat is not None
    openid = "o_refused_user"
    with service.client() as client:
        client.post("/wechat/mp", params=wechat_query(WECHAT_TOKEN),
                    content=_push(openid, "宁夏", 98000000000011))  # fmt: skip
        rasa.delay_seconds = NLU_DELAY
        wechat.failing_sends = 0
        wechat.refusing = True  # 45015: the citizen has not written for 48 hours
        response = client.post("/wechat/mp", params=wechat_query(WECHAT_TOKEN),
                               content=_push(openid, "低保怎么申请", 98000000000012))  # fmt: skip
    assert response.text == "success"
    assert wait_for(lambda: wechat.send_attempts(openid) >= 1, 20)
    time.sleep(1.0)  # a retry would have come after 0.2 s
    assert wechat.send_attempts(openid) == 1


@pytest.mark.slow
def test_a_push_whose_turn_failed_is_processed_when_wechat_retries_it(
    slow_service: tuple[Service, FakeRasa],
) -> None:
    """D8: a push is remembered as handled only once it was; WeChat's retry of a push whose
    turn failed is processed, not answered with an empty "success"."""
    service, rasa = slow_service
    openid = "o_failed_turn_user"
    with service.client() as client:
        started = client.post("/wechat/mp", params=wechat_query(WECHAT_TOKEN),
                              content=_push(openid, "甘肃", 98000000000101))  # fmt: skip
        assert started.status_code == 200 and "<Content>" in started.text
        rasa.failing = True  # the turn below cannot read the intent: it fails
        push = _push(openid, "我们家三口人，我和老伴还有孙子", 98000000000102)
        failed = client.post("/wechat/mp", params=wechat_query(WECHAT_TOKEN), content=push)
        assert failed.status_code >= 400 or "<Content>" not in failed.text
        rasa.failing = False
        retried = client.post("/wechat/mp", params=wechat_query(WECHAT_TOKEN), content=push)
    assert retried.status_code == 200
    assert "<Content><![CDATA[" in retried.text  # answered this time, not an empty "success"
