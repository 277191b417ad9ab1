"""Fuzz: random conversations (texts, taps, edit choices, message and question ids) and random
JSON bodies against the real service; nothing may answer 5xx. Bounded to a few hundred
requests so it stays well under 30 s."""

from __future__ import annotations

import string
import time
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.conftest import Service
from tests.api.test_service import guest

PHRASES = [
    "3口人", "两口子", "我68岁", "老伴70岁", "农村", "城镇户口", "不知道", "没有", "有", "是",
    "不是", "同意", "刚才说错了", "转人工", "重新开始", "上一个", "跳过", "帮我填表", "每月一千多",
    "-500", "-5岁", "0口人", "250岁", "一年三万", "存款五十多万", "110105194912310021",
    "电话138 1234 5678", "我想申请低保", "低保怎么申请？", "我要投诉", "1-2万", "负三口人",
]  # fmt: skip
CHOICES = [
    "yes", "no", "dont_know", "none", "skip", "handoff", "form:yes", "form:no", "rural", "urban",
    "edit:household_size", "edit:member_age:0", "edit:member_age:-1", "edit:member_age:abc",
    "edit:hukou_type:0", "edit:", "edit::", "1", "0", "", "live:cancel", "live:callback",
]  # fmt: skip
ODD = string.printable + "一二三四五六七八九十百千万岁口人元块负－—。，？！、\u3000\u200b\ufeff😀"
texts = st.one_of(
    st.sampled_from(PHRASES),
    st.text(alphabet=ODD, max_size=40),
    st.builds(lambda a, b: a + b, st.sampled_from(PHRASES), st.text(alphabet=ODD, max_size=10)),
    st.text(max_size=520),  # any Unicode, up to past the 500-character limit
)
choices = st.one_of(
    st.sampled_from(CHOICES),
    st.from_regex(r"edit:[a-z_]{0,20}(:-?[0-9a-z]{0,4}){0,2}", fullmatch=True),
    st.text(max_size=70),
)
message = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(texts, st.none()),
        "choice": st.one_of(choices, st.none()),
        "message_id": st.one_of(st.text(max_size=70), st.uuids().map(str)),
        "question_id": st.one_of(st.text(max_size=70), st.sampled_from(["household_size", ""])),
    },
)
json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**12), 10**12),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=30),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
HOUSEHOLD_KEYS = ["size", "hukou_type", "members", "monthly_income_total", "assets", "housing"]
households = st.dictionaries(st.sampled_from(HOUSEHOLD_KEYS), json_values, max_size=5)
FUZZ = settings(
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def no_5xx(response: httpx.Response, sent: Any) -> None:
    assert response.status_code < 500, f"{response.status_code} for {sent!r}: {response.text[:300]}"


@FUZZ
@given(start=st.one_of(texts, st.none()), turns=st.lists(message, min_size=1, max_size=6))
def test_conversations_never_answer_5xx(
    service: Service, start: str | None, turns: list[dict[str, Any]]
) -> None:
    with service.client() as client:
        me = guest(client)
        body: dict[str, Any] = {"region": "gansu", "channel": "h5"}
        if start is not None:
            body["text"] = start
        started = client.post("/api/v1/sessions", json=body, headers=me)
        no_5xx(started, body)
        if started.status_code != 200:
            return
        sid = started.json()["session_id"]
        for turn in turns:
            reply = client.post(f"/api/v1/sessions/{sid}/messages", json=turn, headers=me)
            no_5xx(reply, turn)
        for path in (f"/api/v1/sessions/{sid}", f"/api/v1/sessions/{sid}/form.html"):
            no_5xx(client.get(path, headers=me), path)


@FUZZ
@given(data=st.data())
def test_tapping_the_offered_buttons_never_answers_5xx(service: Service, data: Any) -> None:
    """Taps drawn from the buttons the service itself offered, as a citizen would."""
    with service.client() as client:
        me = guest(client)
        response = client.post("/api/v1/sessions", json={"region": "shanxi"}, headers=me)
        sid = response.json()["session_id"]
        for _ in range(6):
            offered = [
                c["value"]
                for r in response.json().get("replies", [])
                for c in r.get("choices", [])
                + [{"value": line["edit"]} for g in r.get("groups", []) for line in g["lines"]]
            ]
            turn: dict[str, Any] = (
                {"choice": data.draw(st.sampled_from(offered))}
                if offered and data.draw(st.booleans())
                else {"text": data.draw(texts)}
            )
            turn["question_id"] = response.json().get("state", {}).get("question_id")
            response = client.post(f"/api/v1/sessions/{sid}/messages", json=turn, headers=me)
            no_5xx(response, turn)
            if response.status_code != 200:
                return


@FUZZ
@given(
    region=st.one_of(
        st.sampled_from(["gansu", "ningxia", "shanxi", "jinan-licheng"]), st.text(max_size=40)
    ),
    household=households,
    items=st.one_of(st.none(), st.lists(st.text(max_size=12), max_size=3)),
    q=st.text(max_size=300),
    raw=json_values,
)
def test_json_endpoints_never_answer_5xx(
    service: Service, region: str, household: dict[str, Any], items: Any, q: str, raw: Any
) -> None:
    with service.client() as client:
        screening = {"region": region, "household": household, "items": items}
        no_5xx(client.post("/api/v1/screening", json=screening), screening)
        no_5xx(client.post("/api/v1/screening", json=raw), raw)
        no_5xx(client.get("/api/v1/kb/search", params={"q": q}), q)
        no_5xx(client.post("/api/v1/wxa/login", json=raw), raw)
        no_5xx(client.post("/api/v1/sessions", json=raw, headers=guest(client)), raw)


def test_the_fuzzing_stayed_quick(service: Service) -> None:
    """The service is still answering normally after the fuzzing (no stuck lock, no crash)."""
    started = time.monotonic()
    with service.client() as client:
        assert client.get("/readyz").status_code == 200
    assert time.monotonic() - started < 5
