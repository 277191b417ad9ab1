"""The load benchmark's chat workload is citizens who vary like real ones (api.citizens): drawn
from development data only, reproducibly, with stories, other wordings, stray lines and
restarts; a finished session starts over with another citizen."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from api.bench import REGIONS, chat_script
from api.citizens import DEV, RESTART, Citizen, mix, session_seeds
from tests.api.conftest import Service

TURNS = 35  # per session, each its own guest account (under the tests' limit per account)


def _talk(citizen: Citizen, states: list[dict[str, Any]]) -> list[str]:
    return [citizen.says(state) for state in states]


def test_the_mix_is_development_data_of_every_region() -> None:
    said = mix()
    assert set(said.by_region) == set(REGIONS) == set(said.stories)
    assert all(len(said.by_region[r]) >= 20 and len(said.stories[r]) >= 100 for r in REGIONS)
    assert "eval" not in DEV.parts
    sizes = Counter(len(p.answers.get("member_relation", [])) for p in said.personas)
    assert len(sizes) >= 4  # households of several sizes


def test_a_session_says_the_same_every_run_and_sessions_differ() -> None:
    asked = [
        {"status": "active", "pending_question": q, "pending_member": m}
        for q, m in [("household_size", None), ("hukou_type", None), ("member_age", 1)] * 10
    ]
    seeds = session_seeds(40)
    assert seeds == session_seeds(40)
    runs = [_talk(Citizen("gansu", seed), asked) for seed in seeds]
    assert runs == [_talk(Citizen("gansu", seed), asked) for seed in seeds]
    assert len({run[0] for run in runs}) >= 30  # first messages: mostly different stories
    everything = Counter(text for run in runs for text in run)
    assert everything[RESTART] > 0  # some start over midway
    said = mix()
    assert any(text in said.nothing for text in everything)  # some answer nothing


def test_a_finished_session_starts_over_with_another_citizen() -> None:
    citizen = Citizen("ningxia", session_seeds(1)[0])
    citizen.says({"status": "active", "pending_question": "household_size"})
    assert citizen.says({"status": "done", "pending_question": None}) == RESTART
    assert citizen.persona is None


def test_the_wrk_script_holds_every_session_and_text() -> None:
    sessions = [("s1", "t1", "gansu", "household_size"), ("s2", "t2", "shanxi", "hukou_type")]
    script = chat_script(sessions, threads=2)
    assert "__" not in script  # every blank filled
    assert '{"s1","t1","gansu","household_size",' in script


@pytest.mark.parametrize("region", REGIONS)
def test_citizens_talk_to_the_service_and_some_reach_a_result(
    service: Service, region: str
) -> None:
    done = 0
    with service.client() as client:
        for seed in session_seeds(3):
            token = client.post("/api/v1/auth/guest").json()["token"]
            headers = {"Authorization": f"Bearer {token}"}
            started = client.post("/api/v1/sessions", json={"region": region}, headers=headers)
            session_id = started.json()["session_id"]
            citizen = Citizen(region, seed)
            text = citizen.says(started.json()["state"])
            for _ in range(TURNS):
                turn = client.post(
                    f"/api/v1/sessions/{session_id}/messages", json={"text": text}, headers=headers
                )
                assert turn.status_code == 200, turn.text
                state = turn.json()["state"]
                done += state["status"] == "done"
                text = citizen.says(state)
    assert done > 0
