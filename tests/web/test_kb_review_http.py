"""The editor and reviewer pages over HTTP: 待审核 queue, sent-back notices, paging and
filters, the word diff with a readable source, rollback only after confirmation, and a GBK
CSV with Chinese names."""

from __future__ import annotations

import re
import uuid

import httpx

from tests.web.conftest import WebService

FORM = {
    "similar": "审核测试的相似问",
    "regions": "gansu",
    "items": "dibao",
    "source_kind": "seed",
    "source_value": "000_5325beb6545d4553.txt",
    "source_section": "附件2 四",
    "effective_from": "2024-01-01",
}


def _new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:6]}"


def _submit(client: httpx.Client, csrf: str, entry_id: str, question: str, answer: str) -> None:
    data = {**FORM, "question": question, "answer": answer, "csrf_token": csrf}
    if client.get(f"/kb/entry/{entry_id}").status_code == 404:
        r = client.post("/kb/new", data={**data, "id": entry_id})
    else:
        r = client.post(f"/kb/entry/{entry_id}/edit", data=data)
    assert r.status_code == 303, r.text
    r = client.post(f"/kb/entry/{entry_id}/submit", data={"csrf_token": csrf})
    assert r.status_code == 303, r.text


def _approve(client: httpx.Client, csrf: str, entry_id: str) -> None:
    r = client.post(f"/kb/entry/{entry_id}/approve", data={"csrf_token": csrf})
    assert r.status_code == 303, r.text


def test_review_queue_oldest_first_with_author_and_time(web: WebService) -> None:
    editor, csrf = web.login("editor1")
    other, other_csrf = web.login("editor2")
    first, second = _new_id("queue-a"), _new_id("queue-b")
    _submit(editor, csrf, first, "审核队列测试：先提交的问题？", "先提交的答案内容。")
    _submit(other, other_csrf, second, "审核队列测试：后提交的问题？", "后提交的答案内容。")
    reviewer, _ = web.login("reviewer1")
    assert 'href="/kb/review"' in reviewer.get("/kb").text  # reachable from the main page
    page = reviewer.get("/kb/review")
    assert page.status_code == 200
    rows = re.findall(r'<tr data-entry="([^"]+)">(.*?)</tr>', page.text, re.S)
    ids = [entry_id for entry_id, _ in rows]
    assert ids.index(first) < ids.index(second)
    cells = dict(rows)
    assert "editor1" in cells[first] and "editor2" in cells[second]
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", cells[first])
    assert "新条目" in cells[first]


def test_sent_back_entry_notifies_its_author_until_opened(web: WebService) -> None:
    editor, csrf = web.login("editor2")
    entry_id = _new_id("notice")
    _submit(editor, csrf, entry_id, "退回通知测试：问题写得不清楚？", "退回通知测试的答案。")
    reviewer, rcsrf = web.login("reviewer1")
    note = "请写明办理地点和时限"
    r = reviewer.post(f"/kb/entry/{entry_id}/reject", data={"csrf_token": rcsrf, "note": note})
    assert r.status_code == 303
    assert "退回的原因" in reviewer.get(r.headers["location"]).text  # the reviewer's flash
    assert note not in reviewer.get("/kb").text  # only the author is told
    listing = editor.get("/kb").text
    assert note in _notices(listing) and entry_id in _notices(listing)
    opened = editor.get(f"/kb/entry/{entry_id}").text
    assert "sent-back" in opened and note in opened
    assert entry_id not in _notices(editor.get("/kb").text)  # cleared once opened
    assert entry_id not in _notices(editor.get("/kb/review").text)


def _notices(html: str) -> str:
    """The notices box of a page ("" when there is none)."""
    if 'id="notices"' not in html:
        return ""
    return html.split('id="notices"', 1)[1].split("</section>", 1)[0]


def test_entry_list_pages_and_keeps_filters(web: WebService) -> None:
    client, _ = web.login("editor1")
    first = client.get("/kb").text
    total = int(re.search(r"共 (\d+) 条", first).group(1))  # type: ignore[union-attr]
    assert total > 100  # the seed
    assert len(re.findall(r'<a href="/kb/entry/', first)) == 50
    assert "第 1 / " in first and 'rel="next"' in first
    second = client.get("/kb", params={"page": "2"}).text
    ids_1 = set(re.findall(r'<a href="/kb/entry/([^"]+)"', first))
    ids_2 = set(re.findall(r'<a href="/kb/entry/([^"]+)"', second))
    assert ids_2 and not ids_1 & ids_2
    assert "第 1 / " in client.get("/kb", params={"page": "abc"}).text  # not an error
    filtered = client.get("/kb", params={"region": "ningxia", "status": "published"}).text
    count = int(re.search(r"共 (\d+) 条", filtered).group(1))  # type: ignore[union-attr]
    assert 0 < count < total
    if count > 50:
        assert "region=ningxia" in filtered and "status=published" in filtered
    text = client.get("/kb", params={"q": "低保", "item": "dibao"}).text
    assert 0 < int(re.search(r"共 (\d+) 条", text).group(1)) < total  # type: ignore[union-attr]


def test_diff_marks_changed_words_and_shows_source_readably(web: WebService) -> None:
    editor, csrf = web.login("editor1")
    reviewer, rcsrf = web.login("reviewer1")
    entry_id = _new_id("diff")
    _submit(
        editor,
        csrf,
        entry_id,
        "差异测试：低保去哪里申请？",
        "到乡镇人民政府申请，十个工作日内答复。",
    )
    _approve(reviewer, rcsrf, entry_id)
    data = {**FORM, "question": "差异测试：低保去哪里申请？", "source_section": "附件2 五",
            "answer": "到街道办事处申请，十个工作日内答复。", "csrf_token": csrf}  # fmt: skip
    assert editor.post(f"/kb/entry/{entry_id}/edit", data=data).status_code == 303
    page = reviewer.get(f"/kb/entry/{entry_id}", params={"diff": "1-2"}).text
    table = page.split('class="diff"')[1].split("</table>")[0]
    assert "<del>乡镇人民政府</del>" in table and "<ins>街道办事处</ins>" in table
    assert "十个工作日内答复" in table  # unchanged words stay plain
    source_row = table.split('class="f-source"')[1].split("</tr>")[0]
    assert "甘肃省社会救助“一件事”工作方案" in source_row
    assert "{" not in source_row and "000_5325beb6545d4553" not in source_row


def test_rollback_needs_confirmation_and_notes_in_chinese(web: WebService) -> None:
    editor, csrf = web.login("editor1")
    reviewer, rcsrf = web.login("reviewer1")
    entry_id = _new_id("rollback")
    _submit(editor, csrf, entry_id, "回滚测试：临时救助多久到账？", "第一版：一般十五个工作日。")
    _approve(reviewer, rcsrf, entry_id)
    _submit(editor, csrf, entry_id, "回滚测试：临时救助多久到账？", "第二版：一般十个工作日。")
    _approve(reviewer, rcsrf, entry_id)
    entry = reviewer.get(f"/kb/entry/{entry_id}").text
    assert f'href="/kb/entry/{entry_id}/rollback?version=1"' in entry
    # A POST without the confirmation goes to the confirmation page and changes nothing.
    r = reviewer.post(f"/kb/entry/{entry_id}/rollback", data={"csrf_token": rcsrf, "version": "1"})
    assert r.status_code == 303 and r.headers["location"].endswith("/rollback?version=1")
    assert "第二版" in reviewer.get(f"/kb/entry/{entry_id}").text.split("entry-answer")[1][:80]
    confirm = reviewer.get(r.headers["location"])
    assert confirm.status_code == 200 and "确认回滚并发布" in confirm.text
    assert "<del>第二版</del>" in confirm.text or "<del>二</del>" in confirm.text
    editor_try = editor.get(f"/kb/entry/{entry_id}/rollback", params={"version": "1"})
    assert editor_try.status_code == 403  # editors cannot roll back
    r = reviewer.post(
        f"/kb/entry/{entry_id}/rollback",
        data={"csrf_token": rcsrf, "version": "1", "confirm": "yes"},
    )
    assert r.status_code == 303
    page = reviewer.get(r.headers["location"]).text
    assert "第一版" in page.split("entry-answer")[1][:80]
    assert "回滚到第 1 版" in page and "rollback to" not in page


def test_gbk_csv_with_chinese_names_imports(web: WebService) -> None:
    client, csrf = web.login("editor1")
    good, bad = _new_id("gbk"), _new_id("gbk-bad")
    body = (
        "编号,标准问,相似问,答案,适用地区,救助事项,编辑人,生效日期\n"
        f"{good},GBK导入测试：低保多久审批完？,低保审批要多久,一般三十个工作日内办结。,甘肃省、宁夏,最低生活保障|特困,editor1,2025/1/31\n"
        f"{bad},GBK导入测试：写错的地区？,,写错地区的答案。,火星省,低保,editor1,2025/1/31\n"
    )
    r = client.post(
        "/kb/import",
        data={"csrf_token": csrf},
        files={"file": ("excel.csv", body.encode("gbk"), "text/csv")},
    )
    assert r.status_code == 200, r.text
    assert "新建 1 条" in r.text and "没导入 1 条" in r.text
    assert "第 3 行" in r.text and "「适用地区」列" in r.text and "火星省" in r.text
    entry = client.get(f"/kb/entry/{good}").text
    assert "甘肃省、宁夏回族自治区" in entry and "最低生活保障" in entry


def test_closing_an_unknown_question_is_a_chinese_404(web: WebService) -> None:
    client, csrf = web.login("editor1")
    r = client.post("/kb/unanswered/987654/close", data={"csrf_token": csrf})
    assert r.status_code == 404 and "没有找到这个问题" in r.text
