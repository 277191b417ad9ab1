from __future__ import annotations

import pytest

from nlu.commands import is_command


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        ("go_back", "回到上一个问题"),
        ("skip", "这个先跳过"),
        ("restart", "全部重新来"),
        ("restart", "我想重新填一遍"),
        ("restart", "那就重新开始"),
        ("handoff", "我要找人工"),
        ("handoff", "让村里的人给我打个电话"),
    ],
)
def test_commands_have_their_words(intent: str, text: str) -> None:
    assert is_command(intent, text)


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        ("go_back", "上小学"),
        ("skip", "当过五年兵"),
        ("skip", "没炒过股"),
        ("handoff", "好着呢"),
        # an event told, not a command (dev set 17)
        ("restart", "以前儿子办过，后来重新评没评上"),
        ("restart", "去年重新鉴定了一回"),
        ("skip", "跳过好几个厂，现在在电子厂上班"),
    ],
)
def test_answers_are_not_commands(intent: str, text: str) -> None:
    assert not is_command(intent, text)


def test_other_intents_are_not_gated() -> None:
    assert is_command("answer", "三口人")
