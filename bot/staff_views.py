"""What staff see of a citizen's session: only what their role needs. 社会救助暂行办法 第六十一条
(reference/national/council_1.1): staff keep the personal information they learn confidential;
issue 17 asks for the minimum necessary (个人信息保护法).

- The citizen who owns a session sees all of it.
- A hotline agent reaches a session only while handling it: one they started for a caller
  (帮办代办) or a 转人工 they claimed (`bot.assistant.may_access`). They see the facts and
  the conversation, with ID, phone, bank and certificate numbers masked; the full numbers
  only in the form they print for that citizen, which is what the task needs.
- The hand-off queue, seen by every agent before anyone claims, shows who waits, where and
  for what, and the household's size and members: never income, health, assets or numbers.
- Editors and reviewers reach no session (api.deps refuses a staff token without the agent
  role); the unanswered questions they work on are masked when recorded (bot.kb.unanswered).
"""

from __future__ import annotations

from collections.abc import Callable

from dialogue.state import Session, TranscriptLine
from guides.household import Household
from nlu.idcard import mask_bank_card, mask_id_number, mask_phone
from nlu.privacy import mask_numbers

# Summary groups (dialogue/data/questions.yml) the queue's one-line summary may show.
QUEUE_GROUPS = frozenset({"household", "member"})


def _masked(value: str | None, mask: Callable[[str], str]) -> str | None:
    return mask(value) if value else value


def masked_household(household: Household) -> Household:
    """The household with every personal number masked ("6201**********1234")."""
    members = [
        member.model_copy(
            update={
                "id_number": _masked(member.id_number, mask_id_number),
                "disability_certificate_no": _masked(
                    member.disability_certificate_no, mask_id_number
                ),
            }
        )
        for member in household.members
    ]
    return household.model_copy(
        update={
            "members": members,
            "phone": _masked(household.phone, mask_phone),
            "bank_account": _masked(household.bank_account, mask_bank_card),
        }
    )


def staff_line(line: TranscriptLine) -> TranscriptLine:
    """A transcript line as staff see it: numbers masked again (lines stored before masking
    existed, or written by an agent, may still hold them)."""
    text = mask_numbers(line.text)
    return line if text == line.text else line.model_copy(update={"text": text})


def staff_session(session: Session) -> Session:
    """The session as a handling agent sees it (a copy; the stored one is unchanged)."""
    return session.model_copy(
        update={
            "household": masked_household(session.household),
            "transcript": [staff_line(line) for line in session.transcript],
        }
    )
