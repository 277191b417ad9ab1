"""The reviewer's queue, notices to editors whose entry was sent back, and paging the list."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from bot.kb.notices import Notices
from bot.kb.schema import EntryContent
from bot.kb.workflow import KnowledgeBase

Factory = Callable[..., EntryContent]


def test_review_queue_is_oldest_first_and_only_in_review(
    kb: KnowledgeBase, new_entry: Factory
) -> None:
    for entry_id in ("q-c", "q-a", "q-b", "q-draft"):
        kb.create_draft(new_entry(entry_id), "ann")
    for entry_id in ("q-c", "q-a", "q-b"):  # submitted in this order
        kb.submit(entry_id, "ann")
    kb.approve("q-a", "bob")
    queue = kb.review_queue()
    assert [e.id for e in queue] == ["q-c", "q-b"]
    assert {e.author for e in queue} == {"ann"}


def test_rejection_notifies_the_author_until_they_open_it(
    kb: KnowledgeBase, new_entry: Factory, sessions: sessionmaker[Session]
) -> None:
    notices = Notices(sessions)
    kb.create_draft(new_entry(), "ann")
    kb.submit("test-dibao-materials", "ann")
    kb.reject("test-dibao-materials", "bob", "请补充政策原文的章节")
    assert notices.unread("bob") == []
    [notice] = notices.unread("ann")
    assert (notice.entry_id, notice.actor, notice.note) == (
        "test-dibao-materials",
        "bob",
        "请补充政策原文的章节",
    )
    assert notices.count_unread("ann") == 1
    assert notices.mark_read("bob", "test-dibao-materials") == 0  # not theirs
    assert notices.mark_read("ann", "test-dibao-materials") == 1
    assert notices.unread("ann") == [] and notices.count_unread("ann") == 0


def test_list_page_pages_and_filters(kb: KnowledgeBase, new_entry: Factory) -> None:
    for n in range(7):
        kb.create_draft(new_entry(f"p-{n}", regions=["gansu" if n % 2 else "ningxia"]), "ann")
    first = kb.list_page(per_page=3)
    assert (first.total, first.pages, [e.id for e in first.entries]) == (
        7,
        3,
        ["p-0", "p-1", "p-2"],
    )
    last = kb.list_page(per_page=3, page=99)  # past the end: the last page
    assert (last.page, [e.id for e in last.entries]) == (3, ["p-6"])
    gansu = kb.list_page(region="gansu", per_page=2, page=2)
    assert (gansu.total, [e.id for e in gansu.entries]) == (3, ["p-5"])
    assert kb.list_page(text="没有这样的字").total == 0
