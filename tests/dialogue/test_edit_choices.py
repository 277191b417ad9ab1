"""Issue 17 D1: an "edit:<question>:<member>" choice is checked against the session, so a stale
改 button or a forged choice never leaves a session that fails on every later answer."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from bot.assistant import Assistant

BAD_EDITS = [
    "edit:member_age:-1",
    "edit:member_age:abc",
    "edit:member_age:7",  # beyond the household
    "edit:member_age",  # a member question without a member
    "edit:household_size:0",  # a household question with a member
    "edit:hukou_type:0",
    "edit:no_such_question",
    "edit:member_age:0:1",
]


@pytest.mark.parametrize("choice", BAD_EDITS)
def test_a_bad_edit_choice_is_refused_and_the_session_keeps_working(
    make_assistant: Callable[[], Assistant], choice: str
) -> None:
    async def main() -> None:
        assistant = make_assistant()
        session_id, _ = await assistant.start("gansu", "h5", "wx:dora")
        await assistant.handle(session_id, "wx:dora", text="两口人")
        before = await assistant.get(session_id, "wx:dora")
        refused = await assistant.handle(session_id, "wx:dora", choice=choice)
        assert any("改不了" in getattr(r, "text", "") for r in refused.replies)
        # the question that was waiting is still the one waiting
        assert refused.state.pending == before.pending
        # and later answers work (before the fix: a 500 on every later turn)
        after = await assistant.handle(session_id, "wx:dora", text="62")
        assert after.replies
        again = await assistant.handle(session_id, "wx:dora", text="不知道")
        assert again.replies

    asyncio.run(main())


def test_a_valid_edit_reopens_that_members_answer(
    make_assistant: Callable[[], Assistant],
) -> None:
    async def main() -> None:
        assistant = make_assistant()
        session_id, _ = await assistant.start("gansu", "h5", "wx:erin")
        await assistant.handle(session_id, "wx:erin", text="两口人")
        state = await assistant.get(session_id, "wx:erin")
        assert len(state.household.members) >= 1
        reopened = await assistant.handle(session_id, "wx:erin", choice="edit:member_age:0")
        assert reopened.state.pending is not None
        assert (reopened.state.pending.question_id, reopened.state.pending.member) == (
            "member_age",
            0,
        )
        answered = await assistant.handle(session_id, "wx:erin", text="62岁")
        assert answered.state.household.members[0].age == 62

    asyncio.run(main())
