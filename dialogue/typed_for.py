"""Answers typed by somebody else for the applicant: "我妈她今年七十三" to 您本人今年多大, "俺爹种了
十几亩地" to 您本人现在做什么. The person named is of the generation above the writer and no member
of the household holds that relation: the writer is their child, typing for them, and what is
said of them is the applicant's (member 0, the one asked about). A writer who counts themself out
("俺爹俺娘老两口，我在外地打工不算") is no member: what they say of themself is nobody's here."""

from __future__ import annotations

import re
from dataclasses import replace

from dialogue.state import Session
from nlu.facts import Reading
from nlu.lexicon import match_relations
from nlu.mentions import SELF, UNNAMED

_ELDERS = frozenset({"parent", "grandparent"})


def _relation(who: str | None) -> str | None:
    return None if who is None else who.partition("#")[0]


def typed_for_the_applicant(session: Session, reading: Reading) -> Reading:
    """The reading with the facts said of the one elder named moved to the applicant, when the
    pending question asks about the applicant, no member holds that relation, nothing is said
    of the writer themself, and no proxy was set up by the opening (session.speaking_for)."""
    pending = session.pending
    if pending is None or pending.member != 0 or session.speaking_for:
        return reading
    named = {f.who for f in reading.facts if f.who not in (None, UNNAMED)}
    if len(named) != 1:
        return reading  # nobody named, or more than one: whose is whose is not this guess
    (who,) = named
    relation = _relation(who)
    if relation not in _ELDERS:
        return reading
    if any(m.relation == relation for m in session.household.members):
        return reading  # "我妈…" of a mother who lives here: hers, not the applicant's
    if any(f.who in (None, SELF) for f in reading.facts):
        return reading  # the writer says something of themself too: not typed for another
    facts = [replace(f, who=SELF) if f.who == who else f for f in reading.facts]
    return replace(reading, facts=facts)


def typed_for_them(session: Session, text: str) -> bool:
    """ "俺爹他每月一百来块" to 您本人的基础养老金: the one relation the text names is an elder's
    no member holds, and the question asks about the applicant: the amount is theirs, not some
    other member's (the answer is read as the applicant's)."""
    pending = session.pending
    if pending is None or pending.member != 0 or session.speaking_for:
        return False
    named = {m.id for m in match_relations(text)} - {SELF}
    if len(named) != 1 or not named <= _ELDERS:
        return False
    return not any(m.relation in named for m in session.household.members)


# "我在外地打工不算", "俺不算在里头": the writer counts themself out of the household
_WRITER_NOT_COUNTED = re.compile(
    r"(?:^|[，,。；;\s])(?:我|俺|额)[^，,。；;\s]{0,10}?不算(?:在内|在里头|在里面|进去)?(?=$|[，,。；;！!\s了])"
)


def without_the_writers_own(text: str, reading: Reading) -> Reading:
    """ "俺爹俺娘老两口，我在外地打工不算": the facts of the clause in which the writer counts
    themself out are nobody's in this household (the writer is no member)."""
    out = [m.span() for m in _WRITER_NOT_COUNTED.finditer(text)]
    if not out:
        return reading
    kept = [
        f
        for f in reading.facts
        if not (f.who in (None, SELF) and any(lo <= f.start < hi for lo, hi in out))
    ]
    return reading if len(kept) == len(reading.facts) else replace(reading, facts=kept)
