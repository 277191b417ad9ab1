"""Store: CRUD, versions, diff, rollback, audit, filters, import/export, seed, unanswered."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.kb.db import make_sessions, read_meta
from bot.kb.io import decode_upload, export_csv, export_yaml, import_csv, import_yaml
from bot.kb.loader import load_seed, seed_if_empty
from bot.kb.schema import EntryContent
from bot.kb.unanswered import UnansweredQueue
from bot.kb.workflow import KnowledgeBase
from guides.errors import EntryExists, EntryNotFound, InvalidTransition

Factory = Callable[..., EntryContent]


def publish(kb: KnowledgeBase, content: EntryContent, author: str = "ann") -> None:
    if kb.exists(content.id):
        kb.edit(content, author)
    else:
        kb.create_draft(content, author)
    kb.submit(content.id, author)
    kb.approve(content.id, "bob")


def test_create_get_and_duplicate(kb: KnowledgeBase, new_entry: Factory) -> None:
    view = kb.create_draft(new_entry(), "ann")
    assert (view.status, view.version, view.published_version) == ("draft", 1, None)
    got = kb.get(view.id)
    assert got.content == new_entry()
    assert got.author == "ann"
    with pytest.raises(EntryExists):
        kb.create_draft(new_entry(), "ann")
    with pytest.raises(EntryNotFound):
        kb.get("no-such-entry")


def test_every_published_change_is_a_version_and_rollback_adds_one(
    kb: KnowledgeBase, new_entry: Factory
) -> None:
    publish(kb, new_entry())
    publish(kb, new_entry(answer="带上身份证、户口簿和收入证明。"))
    view = kb.get("test-dibao-materials")
    assert (view.version, view.published_version) == (2, 2)
    changes = kb.diff(view.id, 1, 2)
    assert [c.field for c in changes] == ["answer"]
    assert changes[0].old == "带上身份证和户口簿。"

    rolled = kb.rollback(view.id, 1, "carol")
    assert (rolled.version, rolled.published_version, rolled.status) == (3, 3, "published")
    assert rolled.content.answer == "带上身份证和户口簿。"
    history = kb.history(view.id)
    assert [v.version for v in history] == [1, 2, 3]
    assert history[2].note == "回滚到第 1 版"
    assert [c.answer for c in kb.published()] == ["带上身份证和户口簿。"]
    with pytest.raises(EntryNotFound):
        kb.rollback(view.id, 9, "carol")


def test_published_version_stays_live_while_next_draft_is_edited(
    kb: KnowledgeBase, new_entry: Factory
) -> None:
    publish(kb, new_entry())
    draft = kb.edit(new_entry(answer="新的回答，还在草稿里。"), "ann")
    assert (draft.status, draft.version, draft.published_version) == ("draft", 2, 1)
    assert [c.answer for c in kb.published()] == ["带上身份证和户口簿。"]
    with pytest.raises(InvalidTransition):
        kb.rollback(draft.id, 2, "ann")  # a never-published version cannot be restored


def test_audit_log_records_who_did_what(kb: KnowledgeBase, new_entry: Factory) -> None:
    publish(kb, new_entry())
    kb.retire("test-dibao-materials", "carol", "policy ended")
    log = kb.audit_log("test-dibao-materials")
    assert [(a.action, a.actor) for a in reversed(log)] == [
        ("create", "ann"),
        ("submit", "ann"),
        ("approve", "bob"),
        ("retire", "carol"),
    ]
    assert log[0].detail == "policy ended"


def test_filters_by_region_item_status_and_text(kb: KnowledgeBase, new_entry: Factory) -> None:
    kb.create_draft(new_entry("a-gansu"), "ann")
    kb.create_draft(new_entry("b-all", regions=["all"], items=["tekun"]), "ann")
    kb.create_draft(new_entry("c-ningxia", regions=["ningxia"], question="宁夏的低保时限"), "ann")
    kb.submit("c-ningxia", "ann")

    def ids(**kw: str) -> list[str]:
        return [v.id for v in kb.list_entries(**kw)]

    assert ids(region="gansu") == ["a-gansu", "b-all"]
    assert ids(item="tekun") == ["b-all"]
    assert ids(status="in_review") == ["c-ningxia"]
    assert ids(text="时限") == ["c-ningxia"]
    assert ids(text="100%") == []  # LIKE wildcards are escaped


def test_publish_retire_rollback_bump_the_index_version(
    kb: KnowledgeBase, sessions: sessionmaker[Session], new_entry: Factory
) -> None:
    def version() -> int:
        with sessions() as s:
            return read_meta(s)

    start = version()
    publish(kb, new_entry())
    assert version() == start + 1
    kb.retire("test-dibao-materials", "carol")
    assert version() == start + 2
    assert kb.published() == []
    kb.rollback("test-dibao-materials", 1, "carol")
    assert version() == start + 3


def test_yaml_and_csv_round_trip_with_rejected_rows(
    kb: KnowledgeBase, new_entry: Factory, tmp_path: Path
) -> None:
    kb.create_draft(new_entry("a-one", similar=["问法一", "问法二"], tags=["材料", "低保"]), "ann")
    kb.create_draft(new_entry("b-two", regions=["all"], source={"editor": "ann"}), "ann")
    views = kb.list_entries()
    text_csv, text_yaml = export_csv(views), export_yaml(views)

    for name, importer, text in (("c", import_csv, text_csv), ("y", import_yaml, text_yaml)):
        other = KnowledgeBase(make_sessions(f"sqlite:///{tmp_path / name}.sqlite3"))
        report = importer(other, text, "dan")
        assert (report.created, report.rejected) == (["a-one", "b-two"], [])
        assert [v.content for v in other.list_entries()] == [v.content for v in views]
        assert importer(kb, text, "dan").unchanged == ["a-one", "b-two"]

    header, row_a, row_b = text_csv.splitlines()
    broken = "\n".join(
        [
            header,
            row_a.replace("a-one", "A One!"),
            row_b.replace("b-two", "c-three"),
            row_b.replace("b-two", "c-three"),
        ]
    )
    report = import_csv(kb, broken, "dan")
    assert report.created == ["c-three"]
    assert [(r.row, r.entry_id) for r in report.rejected] == [(1, "A One!"), (3, "c-three")]
    assert report.rejected[0].reason.startswith("「id」列（编号）：编号只能用小写字母")
    assert report.rejected[1].reason == "「id」列（编号）：同一个文件里编号重复了（c-three）"


def test_import_creates_drafts_and_new_versions(kb: KnowledgeBase, new_entry: Factory) -> None:
    publish(kb, new_entry())
    changed = export_yaml([new_entry(answer="改过的回答。"), new_entry("new-one")])
    report = import_yaml(kb, changed, "dan")
    assert (report.created, report.updated) == (["new-one"], ["test-dibao-materials"])
    view = kb.get("test-dibao-materials")
    assert (view.status, view.version, view.published_version) == ("draft", 2, 1)
    bad = import_yaml(kb, "entries:\n  - {id: x, question: q}\n", "dan")
    assert bad.rejected and bad.rejected[0].row == 1
    assert import_yaml(kb, "not: [a list", "dan").rejected[0].row == 0


def test_seed_loads_once_as_published(kb: KnowledgeBase) -> None:
    seed = load_seed()
    assert len(seed) > 20
    assert seed_if_empty(kb) == len(seed)
    assert seed_if_empty(kb) == 0
    view = kb.get(seed[0].id)
    assert (view.status, view.author, view.published_version) == ("published", "seed", 1)


def test_unanswered_queue_strips_personal_data_and_counts(
    sessions: sessionmaker[Session],
) -> None:
    queue = UnansweredQueue(sessions)
    text = "我身份证62010219800101123X，电话13912345678，卡号6222021234567890123，能办护照吗"
    first = queue.record(text, "gansu")
    again = queue.record(text, "gansu")
    assert again.id == first.id and again.times_asked == 2
    for secret in ("62010219800101123X", "13912345678", "6222021234567890123"):
        assert secret not in again.text
    assert "护照" in again.text
    told = queue.record("我叫张秀英，住东岗西路128号，去年确诊了肺癌，医疗救助怎么报", "gansu")
    for secret in ("张秀英", "东岗西路128号", "肺癌"):
        assert secret not in told.text
    assert told.text.endswith("医疗救助怎么报")
    ticket = queue.record("来电人王秀英替张大爷问：我叫刘建国想问低保", "gansu")  # a 工单
    for secret in ("王秀英", "张大爷", "刘建国"):
        assert secret not in ticket.text
    assert ticket.text.endswith("想问低保")
    queue.resolve(ticket.id, "ann")
    queue.resolve(told.id, "ann")
    queue.record("另一个问题", None)
    assert [q.times_asked for q in queue.list_questions()] == [2, 1]
    queue.resolve(first.id, "ann")
    assert [q.text for q in queue.list_questions()] == ["另一个问题"]


def test_csv_export_neutralises_formulas_and_import_restores_them(
    kb: KnowledgeBase, new_entry: Factory, tmp_path: Path
) -> None:
    # Issue 17 D13: a question cell "=HYPERLINK(...)" must not run as a formula in Excel/WPS.
    formula = '=HYPERLINK("http://127.0.0.1/x","点我")'
    kb.create_draft(new_entry("f-one", question=formula, similar=["+1 怎么办", "@所有人"]), "ann")
    text = export_csv(kb.list_entries())
    rows = list(csv.reader(io.StringIO(text)))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells), cells
    assert "'" + formula in cells
    other = KnowledgeBase(make_sessions(f"sqlite:///{tmp_path / 'f'}.sqlite3"))
    assert import_csv(other, text, "dan").created == ["f-one"]
    assert other.get("f-one").content.question == formula


def test_uploads_saved_by_excel_on_chinese_windows_are_read(
    kb: KnowledgeBase, new_entry: Factory
) -> None:
    kb.create_draft(new_entry("g-one", question="低保怎么申请？"), "ann")
    text = export_csv(kb.list_entries())
    for raw in (text.encode("gbk"), ("\ufeff" + text).encode("utf-8"), text.encode("gb18030")):
        assert "低保怎么申请？" in decode_upload(raw)
