"""Editors and reviewers work on citizens' questions without seeing who asked: the unanswered
queue (where agents' 工单 land too) shows placeholders, and the agent console is not theirs."""

from __future__ import annotations

from tests.web.conftest import WebService
from tests.web.test_live_handoff import agent_token, bearer

SECRETS = ("622921195502023318", "13712345678", "6228480012345678901", "刘桂兰", "尿毒症", "1200")


def test_editors_and_reviewers_see_the_question_not_the_person(web: WebService) -> None:
    agent = agent_token(web, "agent1")
    text = (
        "来电人刘桂兰，身份证622921195502023318，电话13712345678，卡号6228480012345678901，"
        "得了尿毒症，每月收入1200元，问医疗救助能报多少"
    )
    with web.client() as client:
        logged = client.post(
            "/api/v1/agent/tickets", json={"text": text, "region": "gansu"}, headers=bearer(agent)
        )
        assert logged.status_code == 200, logged.text
    for username in ("editor1", "reviewer1", "both1"):
        staff, _ = web.login(username)
        page = staff.get("/kb/unanswered")
        assert page.status_code == 200, (username, page.status_code)
        assert "医疗救助能报多少" in page.text  # the question itself stays readable
        for secret in SECRETS:
            assert secret not in page.text, (username, secret)
        console = staff.get("/console", follow_redirects=False)
        assert console.status_code in (303, 403), (username, console.status_code)
        assert "api-token" not in console.text
