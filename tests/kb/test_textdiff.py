"""Word diff between versions, and audit notes shown in Chinese."""

from __future__ import annotations

from bot.kb.messages import audit_detail_zh
from bot.kb.textdiff import Segment, diff_text, diff_tokens, words

OLD = "带上身份证和户口簿，到乡镇人民政府申请。"
NEW = "带上身份证、户口簿和收入证明，到街道办事处申请。"


def test_words_keep_every_character() -> None:
    assert "".join(words(NEW)) == NEW and len(words(NEW)) > 5


def test_only_changed_words_are_marked() -> None:
    left, right = diff_text(OLD, NEW)
    assert "".join(s.text for s in left) == OLD and "".join(s.text for s in right) == NEW
    removed = "".join(s.text for s in left if s.kind == "removed")
    added = "".join(s.text for s in right if s.kind == "added")
    assert "乡镇人民政府" in removed and "街道办事处" in added and "收入证明" in added
    assert "身份证" not in removed + added and "申请" not in removed + added
    assert {s.kind for s in left} <= {"same", "removed"} and {s.kind for s in right} <= {
        "same",
        "added",
    }


def test_lists_are_compared_by_element() -> None:
    left, right = diff_tokens(["甘肃省", "宁夏回族自治区"], ["甘肃省", "山西省"], "、")
    assert left == [Segment("same", "甘肃省、"), Segment("removed", "宁夏回族自治区")]
    assert right == [Segment("same", "甘肃省、"), Segment("added", "山西省")]
    assert diff_text("", "新内容") == ([], [Segment("added", "新内容")])


def test_old_english_audit_notes_read_in_chinese() -> None:
    assert audit_detail_zh("rollback to v3") == "回滚到第 3 版"
    assert audit_detail_zh("287 entries") == "287 条"
    assert audit_detail_zh("question 12") == "未答问题 #12"
    assert audit_detail_zh("请补充来源") == "请补充来源"
    assert audit_detail_zh(None) == ""
