"""The editor and the reviewer in headless Chromium: the 待审核 queue, a sent-back notice,
paging and filters, the word diff, rollback through its confirmation, a GBK CSV import with
Chinese names. Entries are prepared over HTTP; what a person does is done in the browser."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.web.browser import DESKTOP, chromium, shot, sign_in
from tests.web.conftest import WebService
from tests.web.test_kb_review_http import _approve, _submit

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as b:
        yield b


def _page(browser: Browser, web: WebService, username: str) -> Page:
    page = browser.new_context(viewport=DESKTOP, locale="zh-CN").new_page()
    sign_in(page, web.url, username)
    return page


def test_reviewer_queue_and_editor_sees_the_sent_back_note(
    web: WebService, browser: Browser
) -> None:
    entry_id = f"b-queue-{uuid.uuid4().hex[:6]}"
    client, csrf = web.login("editor2")
    _submit(
        client, csrf, entry_id, "浏览器审核测试：残疾人两项补贴怎么领？", "带残疾证到社区申请。"
    )
    reviewer = _page(browser, web, "reviewer1")
    reviewer.goto(f"{web.url}/kb")
    reviewer.click("#review-link")
    row = reviewer.locator(f"#review-queue tr[data-entry='{entry_id}']")
    assert "editor2" in row.inner_text() and "新条目" in row.inner_text()
    shot(reviewer, "kb-review-queue")
    row.get_by_role("link").first.click()
    reviewer.fill("input[name=note]", "请写明到哪个部门、带哪些材料")
    reviewer.get_by_role("button", name="退回修改").click()
    reviewer.wait_for_selector("#entry-status.s-draft")
    reviewer.goto(f"{web.url}/kb/review")
    assert reviewer.locator(f"tr[data-entry='{entry_id}']").count() == 0

    editor = _page(browser, web, "editor2")
    editor.goto(f"{web.url}/kb")
    notice = editor.locator("#notices")
    assert "请写明到哪个部门、带哪些材料" in notice.inner_text()
    shot(editor, "kb-sent-back-notice")
    notice.get_by_role("link", name=re.compile("残疾人两项补贴")).click()
    assert "请写明到哪个部门" in editor.locator(".sent-back").inner_text()
    editor.goto(f"{web.url}/kb")
    assert entry_id not in (
        editor.locator("#notices").inner_text() if editor.locator("#notices").count() else ""
    )


def test_list_pages_and_filters(web: WebService, browser: Browser) -> None:
    page = _page(browser, web, "editor1")
    page.goto(f"{web.url}/kb")
    total = int(re.search(r"共 (\d+) 条", page.inner_text("#list-count")).group(1))  # type: ignore[union-attr]
    first = page.locator("table.entries a").first.inner_text()
    page.get_by_role("link", name="下一页").click()
    page.wait_for_url(re.compile(r"page=2"))
    assert "第 2 / " in page.inner_text("#list-count")
    assert page.locator("table.entries a").first.inner_text() != first
    page.select_option("select[name=region]", "shanxi")
    page.select_option("select[name=status]", "published")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url(re.compile(r"region=shanxi"))
    filtered = int(re.search(r"共 (\d+) 条", page.inner_text("#list-count")).group(1))  # type: ignore[union-attr]
    assert 0 < filtered < total
    assert page.locator("select[name=region]").input_value() == "shanxi"  # the filter stays
    if page.get_by_role("link", name="下一页").count():
        page.get_by_role("link", name="下一页").click()
        assert "region=shanxi" in page.url and "page=2" in page.url
    shot(page, "kb-list-paged")


def test_diff_highlights_words_and_rollback_asks_first(web: WebService, browser: Browser) -> None:
    entry_id = f"b-diff-{uuid.uuid4().hex[:6]}"
    editor, csrf = web.login("editor1")
    reviewer_http, rcsrf = web.login("reviewer1")
    question = "浏览器差异测试：医疗救助在哪里办？"
    _submit(editor, csrf, entry_id, question, "到县医保局窗口办理，当场登记。")
    _approve(reviewer_http, rcsrf, entry_id)
    _submit(editor, csrf, entry_id, question, "到乡镇便民服务中心办理，当场登记。")
    _approve(reviewer_http, rcsrf, entry_id)

    page = _page(browser, web, "reviewer1")
    page.goto(f"{web.url}/kb/entry/{entry_id}")
    page.get_by_role("link", name="和上一版比较").click()
    # all_inner_texts() does not wait: wait for the diff page before reading it
    page.wait_for_selector("table.diff tr.f-answer del")
    answer = page.locator("table.diff tr.f-answer")
    assert "医保局" in answer.locator("del").all_inner_texts()[0]
    assert "便民服务中心" in "".join(answer.locator("ins").all_inner_texts())
    assert "当场登记" not in "".join(answer.locator("ins, del").all_inner_texts())
    shot(page, "kb-word-diff")

    page.get_by_role("link", name="回滚到这一版…").click()
    assert "确认回滚并发布" in page.inner_text("#rollback-confirm")
    shot(page, "kb-rollback-confirm")
    page.get_by_role("link", name="不回滚了，返回").click()
    assert "便民服务中心" in page.inner_text("#entry-answer")  # nothing changed
    page.get_by_role("link", name="回滚到这一版…").click()
    page.get_by_role("button", name="确认回滚并发布").click()
    page.wait_for_selector("#entry-status.s-published")
    assert "医保局" in page.inner_text("#entry-answer")
    assert "回滚到第 1 版" in page.inner_text("table.history")


def test_gbk_csv_with_chinese_names_in_the_browser(web: WebService, browser: Browser) -> None:
    good = f"b-gbk-{uuid.uuid4().hex[:6]}"
    body = (
        "编号,标准问,答案,适用地区,救助事项,编辑人,生效日期\n"
        f"{good},浏览器导入测试：特困供养怎么申请？,向户籍所在地乡镇申请。,甘肃,特困人员救助供养,editor1,2025/3/1\n"
        "b-gbk-bad,浏览器导入测试：写错的事项？,写错事项的答案。,山西省,低保补发款,editor1,2025/3/1\n"
    )
    page = _page(browser, web, "editor1")
    page.goto(f"{web.url}/kb/import")
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "excel-gbk.csv", "mimeType": "text/csv", "buffer": body.encode("gbk")}],
    )
    page.get_by_role("button", name="导入", exact=True).click()
    report = page.inner_text("#import-report")
    assert "新建 1 条" in report and "没导入 1 条" in report
    assert "第 3 行" in report and "「救助事项」列" in report and "低保补发款" in report
    shot(page, "kb-import-gbk")
    page.goto(f"{web.url}/kb/entry/{good}")
    assert "甘肃省" in page.inner_text("main") and "特困人员救助供养" in page.inner_text("main")
