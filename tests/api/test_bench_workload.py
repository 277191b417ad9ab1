"""The load benchmark's chat workload is a citizen answering what was asked: every region's
questionnaire reaches a result on those answers, and a finished session starts over."""

from __future__ import annotations

import pytest

from api.bench import REGIONS, RESTART, example_answer, fitting_answers, reply_to
from dialogue.questions import question_bank
from tests.api.conftest import Service

MOST_TURNS = 40


def test_an_example_answer_is_the_first_choice_without_its_hint() -> None:
    assert example_answer("您家每月一共收入多少？比如：每月2000元；说个大概也行") == "每月2000元"
    assert (
        example_answer("干活的能力怎么样？比如：能干活 / 部分丧失劳动能力 / 完全干不了") == "能干活"
    )


def test_every_question_has_an_answer() -> None:
    bank = question_bank()
    for region in REGIONS:
        answers = fitting_answers(region)
        assert {q.id for q in bank.questions} <= answers.keys()
        assert all(answers.values())


@pytest.mark.parametrize("region", REGIONS)
def test_the_workload_reaches_a_result_then_starts_over(service: Service, region: str) -> None:
    answers = fitting_answers(region)
    with service.client() as client:
        token = client.post("/api/v1/auth/guest").json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        started = client.post("/api/v1/sessions", json={"region": region}, headers=headers)
        state = started.json()["state"]
        session_id = started.json()["session_id"]
        asked: list[str] = []
        for _ in range(MOST_TURNS):
            text = reply_to(state, answers)
            if text == RESTART:
                break
            asked.append(f"{state['pending_question']}:{state['pending_member']}")
            turn = client.post(
                f"/api/v1/sessions/{session_id}/messages", json={"text": text}, headers=headers
            )
            assert turn.status_code == 200, turn.text
            state = turn.json()["state"]
            assert state["session_id"] == session_id
        assert state["status"] == "done", f"no result after {asked}"
        # an answer taken moves on: no question is asked three times in a row
        assert all(asked[i : i + 3] != [asked[i]] * 3 for i in range(len(asked))), asked
        first_question = asked[0].split(":")[0]
        again = client.post(
            f"/api/v1/sessions/{session_id}/messages", json={"text": RESTART}, headers=headers
        )
        assert again.json()["state"]["status"] == "active"
        assert again.json()["state"]["pending_question"] == first_question


def test_reply_to_follows_the_state() -> None:
    answers = {"household_size": "3口人"}
    assert reply_to({"status": "active", "pending_question": "household_size"}, answers) == "3口人"
    assert reply_to({"status": "done", "pending_question": None}, answers) == RESTART
    assert reply_to({"status": "active", "pending_question": "unheard_of"}, answers) == "不知道"
