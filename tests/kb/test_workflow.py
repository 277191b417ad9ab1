"""Workflow rules, and index freshness across workers sharing one database."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from bot.kb.notify import RedisIndexNotifier
from bot.kb.schema import EntryContent
from bot.kb.service import KnowledgeService
from bot.kb.workflow import KnowledgeBase
from guides.errors import InvalidTransition, ReviewerConflict

Factory = Callable[..., EntryContent]
NEW_QUESTION = "社会救助的救助金被冒领了怎么举报？"


def test_reviewer_must_differ_from_author(kb: KnowledgeBase, new_entry: Factory) -> None:
    kb.create_draft(new_entry(), "ann")
    kb.submit("test-dibao-materials", "ann")
    with pytest.raises(ReviewerConflict):
        kb.approve("test-dibao-materials", "ann")
    assert kb.get("test-dibao-materials").status == "in_review"
    kb.approve("test-dibao-materials", "bob")
    kb.edit(new_entry(answer="bob 改的回答。"), "bob")
    kb.submit("test-dibao-materials", "bob")
    with pytest.raises(ReviewerConflict):  # the author of the version under review, not v1
        kb.approve("test-dibao-materials", "bob")
    assert kb.approve("test-dibao-materials", "ann").published_version == 2


@pytest.mark.parametrize(
    ("steps", "action"),
    [
        ([], "approve"),  # a draft must be submitted first
        ([], "retire"),  # nothing is live yet
        (["submit"], "submit"),
        (["submit"], "edit"),  # in review: reject it first
        (["submit", "approve"], "submit"),
        (["submit", "approve", "retire"], "retire"),
    ],
)
def test_invalid_transitions_raise(
    kb: KnowledgeBase, new_entry: Factory, steps: list[str], action: str
) -> None:
    entry = new_entry()
    kb.create_draft(entry, "ann")
    run: dict[str, Callable[[], object]] = {
        "submit": lambda: kb.submit(entry.id, "ann"),
        "approve": lambda: kb.approve(entry.id, "bob"),
        "retire": lambda: kb.retire(entry.id, "bob"),
        "edit": lambda: kb.edit(entry, "ann"),
    }
    for step in steps:
        run[step]()
    before = kb.get(entry.id)
    with pytest.raises(InvalidTransition):
        run[action]()
    assert kb.get(entry.id) == before


def test_reject_returns_to_draft(kb: KnowledgeBase, new_entry: Factory) -> None:
    kb.create_draft(new_entry(), "ann")
    kb.submit("test-dibao-materials", "ann")
    view = kb.reject("test-dibao-materials", "bob", "请补充来源")
    assert view.status == "draft"
    assert kb.audit_log("test-dibao-materials")[0].detail == "请补充来源"


def _publish_new_answer(kb: KnowledgeBase, new_entry: Factory) -> None:
    entry = new_entry(
        "test-report-fraud",
        question=NEW_QUESTION,
        similar=["发现有人冒领救助金去哪举报"],
        answer="可以拨打12345或向当地民政部门举报。",
        regions=["all"],
        items=[],
        tags=[],
        source={"editor": "ann"},
    )
    kb.create_draft(entry, "ann")
    kb.submit(entry.id, "ann")
    kb.approve(entry.id, "bob")


def test_second_worker_sees_a_published_answer_without_restart(
    kb_url: str, new_entry: Factory
) -> None:
    editor = KnowledgeService.open(kb_url, refresh_seconds=0)
    worker = KnowledgeService.open(kb_url, refresh_seconds=0)  # another process, same DB
    assert worker.ask(NEW_QUESTION, "gansu").status == "uncertain"
    built = worker.built_version

    _publish_new_answer(editor.kb, new_entry)

    reply = worker.ask(NEW_QUESTION, "gansu")
    assert (reply.status, reply.entry_id) == ("answered", "test-report-fraud")
    assert reply.citation == "知识库编辑：ann"
    assert worker.built_version == (built or 0) + 1

    editor.kb.retire("test-report-fraud", "bob")
    assert worker.ask(NEW_QUESTION, "gansu").status == "uncertain"


def test_periodic_check_waits_for_its_interval(kb_url: str, new_entry: Factory) -> None:
    now = [0.0]
    worker = KnowledgeService.open(kb_url, refresh_seconds=5, clock=lambda: now[0])
    assert worker.ask(NEW_QUESTION).status == "uncertain"
    _publish_new_answer(worker.kb, new_entry)
    now[0] = 4.0
    assert worker.refresh() is False
    now[0] = 5.0
    assert worker.refresh() is True
    assert worker.ask(NEW_QUESTION).entry_id == "test-report-fraud"


def test_redis_hint_refreshes_before_the_interval(
    kb_url: str, redis_url: str, new_entry: Factory
) -> None:
    now = [0.0]
    editor = KnowledgeService.open(kb_url, notifier=RedisIndexNotifier(redis_url, "kb:t"))
    worker = KnowledgeService.open(
        kb_url,
        refresh_seconds=3600,
        clock=lambda: now[0],
        notifier=RedisIndexNotifier(redis_url, "kb:t"),
    )
    assert worker.ask(NEW_QUESTION).status == "uncertain"
    _publish_new_answer(editor.kb, new_entry)

    deadline = time.monotonic() + 5
    while not worker.refresh() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert worker.ask(NEW_QUESTION).entry_id == "test-report-fraud"


def test_uncertain_questions_are_queued_without_personal_data(kb_url: str) -> None:
    service = KnowledgeService.open(kb_url, refresh_seconds=0)
    reply = service.ask("我手机13912345678，护照过期了怎么换", "ningxia")
    assert reply.status == "uncertain"
    queued = service.unanswered.list_questions()
    assert len(queued) == 1
    assert "13912345678" not in queued[0].text and "护照" in queued[0].text
    assert queued[0].region == "ningxia"
