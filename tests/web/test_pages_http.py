"""Every page renders for the roles that use it; import reports rejected rows; 工单 and the
unanswered queue; the console's API token is an agent's."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import WebService, csrf_of

EDITOR_PAGES = [
    ("/kb", "知识库条目"),
    ("/kb/new", "新建条目"),
    ("/kb/try?q=低保怎么申请&region=gansu", "机器人会怎么回答"),
    ("/kb/unanswered", "没答上的问题"),
    ("/kb/import", "导入和导出"),
    ("/kb/audit", "操作记录"),
    ("/kb?region=gansu&item=dibao&status=published&q=低保", "知识库条目"),
]


@pytest.mark.parametrize(("path", "heading"), EDITOR_PAGES)
def test_editor_pages_render(web: WebService, path: str, heading: str) -> None:
    client, _ = web.login("editor1")
    page = client.get(path)
    assert page.status_code == 200, page.text
    assert heading in page.text


def test_list_filters_and_entry_page(web: WebService) -> None:
    client, _ = web.login("reviewer1")
    listing = client.get("/kb", params={"region": "gansu", "status": "published"}).text
    ids = re.findall(r'href="/kb/entry/([^"]+)"', listing)
    assert ids
    page = client.get(f"/kb/entry/{ids[0]}")
    assert page.status_code == 200 and "历史版本" in page.text
    assert "甘肃省" in page.text or "全部地区" in page.text
    assert client.get("/kb/entry/no-such-entry").status_code == 404


def test_try_shows_entry_and_confidence(web: WebService) -> None:
    client, _ = web.login("editor1")
    page = client.get("/kb/try", params={"q": "低保怎么申请", "region": "gansu"}).text
    assert "把握" in page and "/kb/entry/" in page


def test_export_yaml_and_csv(web: WebService) -> None:
    client, _ = web.login("editor1")
    yml = client.get("/kb/export", params={"format": "yaml", "status": "published"})
    assert yml.status_code == 200 and yml.text.startswith("entries:")
    csv = client.get("/kb/export", params={"format": "csv"})
    assert csv.status_code == 200 and csv.text.lstrip("\ufeff").startswith("id,question")


def test_import_reports_rejected_rows(web: WebService) -> None:
    client, csrf = web.login("editor1")
    body = (
        "id,question,answer,regions,items,source_editor,effective_from\n"
        "web-import-ok,网页导入的问题？,导入的答案内容。,gansu,dibao,editor1,2024-01-01\n"
        "Bad Id,第二个问题？,第二个答案。,gansu,,editor1,2024-01-01\n"
        "web-import-ok,重复的问题？,重复的答案。,gansu,,editor1,2024-01-01\n"
    )
    r = client.post(
        "/kb/import",
        data={"csrf_token": csrf},
        files={"file": ("entries.csv", body.encode("utf-8"), "text/csv")},
    )
    assert r.status_code == 200, r.text
    assert "新建 1 条" in r.text and "没导入 2 条" in r.text
    assert "编号只能用小写字母" in r.text and "编号重复" in r.text
    assert "草稿" in client.get("/kb/entry/web-import-ok").text
    agent, agent_csrf = web.login("agent1")
    r = agent.post(
        "/kb/import",
        data={"csrf_token": agent_csrf},
        files={"file": ("entries.csv", body.encode("utf-8"), "text/csv")},
    )
    assert r.status_code == 403


def _console_token(web: WebService) -> str:
    client, _ = web.login("agent1")
    page = client.get("/console")
    assert page.status_code == 200 and "查答案" in page.text
    match = re.search(r'name="api-token" content="([^"]+)"', page.text)
    assert match
    return match.group(1)


def test_ticket_lands_in_unanswered_queue_without_personal_data(web: WebService) -> None:
    headers = {"Authorization": f"Bearer {_console_token(web)}"}
    with web.client() as client:
        text = "来电人问：残疾人两项补贴能和低保一起领吗？电话13912345678"
        r = client.post(
            "/api/v1/agent/tickets", json={"text": text, "region": "gansu"}, headers=headers
        )
        assert r.status_code == 200, r.text
        assert "13912345678" not in r.json()["text"]
        citizen = client.post("/api/v1/auth/guest").json()["token"]
        r = client.post(
            "/api/v1/agent/tickets",
            json={"text": "问题", "region": "gansu"},
            headers={"Authorization": f"Bearer {citizen}"},
        )
        assert r.status_code == 403
        hits = client.get("/api/v1/agent/kb/search", params={"q": "低保"}, headers=headers)
        assert hits.status_code == 200 and hits.json()["hits"]
    editor, _ = web.login("editor1")
    page = editor.get("/kb/unanswered").text
    assert "残疾人两项补贴能和低保一起领吗" in page
    assert "13912345678" not in page


def test_entry_from_unanswered_question_resolves_it(web: WebService) -> None:
    headers = {"Authorization": f"Bearer {_console_token(web)}"}
    with web.client() as client:
        qid = client.post(
            "/api/v1/agent/tickets",
            json={"text": "网页测试：临时救助可以申请几次？", "region": "gansu"},
            headers=headers,
        ).json()["id"]
    editor, csrf = web.login("editor1")
    form = editor.get("/kb/new", params={"question": "网页测试：临时救助可以申请几次？", "uq": qid})
    assert "网页测试：临时救助可以申请几次？" in form.text
    r = editor.post(
        "/kb/new",
        data={
            "id": "web-from-unanswered",
            "question": "网页测试：临时救助可以申请几次？",
            "answer": "同一原因一般一年内申请一次，具体以当地规定为准。",
            "regions": "gansu",
            "effective_from": "2024-01-01",
            "uq": str(qid),
            "csrf_token": csrf,
        },
    )
    assert r.status_code == 303, r.text
    assert "网页测试：临时救助可以申请几次？" not in editor.get("/kb/unanswered").text
    audit = editor.get("/kb/audit").text
    assert "处理未答问题" in audit and "web-from-unanswered" in audit


def test_invalid_entry_form_explains_in_chinese(web: WebService) -> None:
    editor, csrf = web.login("editor1")
    r = editor.post(
        "/kb/new",
        data={"id": "Not A Slug", "question": "问", "answer": "", "csrf_token": csrf,
              "effective_from": "2024-02-01", "effective_to": "2024-01-01"},
    )  # fmt: skip
    assert r.status_code == 400
    assert "编号只能用小写字母" in r.text and "请检查这些地方" in r.text


def test_citizen_page_and_static_files(web: WebService) -> None:
    with web.client() as client:
        page = client.get("/h5")
        assert page.status_code == 200 and "甘肃省" in page.text and "大字" in page.text
        total = 0
        for name in re.findall(r"/static/web/([\w.]+)", page.text):
            r = client.get(f"/static/web/{name}")
            assert r.status_code == 200
            total += len(r.content)
        assert total < 30_000  # the phone page stays light
        assert client.get("/static/web/nope.js").status_code == 404
        assert client.get("/console").status_code == 303  # staff only
        assert csrf_of(client.get("/staff/login").text)
