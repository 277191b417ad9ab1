"""The reply to another place's question that a national rule answers: the rule, with whose
rule it is and whom to ask there in front (nlu.places.national_message)."""

from __future__ import annotations

from pathlib import Path

from bot.kb.service import KnowledgeService


def test_the_reply_names_the_place_before_the_national_rule(tmp_path: Path) -> None:
    service = KnowledgeService.open(f"sqlite:///{tmp_path / 'kb.sqlite3'}")
    reply = service.ask("天津的特困人员供养标准是多少", "gansu", record=False)
    assert reply.status == "answered" and reply.entry_id == "common-tekun-standard"
    note, _, rule = reply.text.partition("国家的规定是：")
    assert "天津" in note and "12345" in note
    assert rule and "各地不一样" in rule


def test_our_own_regions_answer_has_no_such_note(tmp_path: Path) -> None:
    service = KnowledgeService.open(f"sqlite:///{tmp_path / 'kb.sqlite3'}")
    reply = service.ask("甘肃特困人员供养标准是多少", "gansu", record=False)
    assert "您问的是" not in reply.text
