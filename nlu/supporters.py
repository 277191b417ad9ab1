"""Nobody bound to support them, said outright: "老伴去年走了…没儿没女", "一辈子没结婚，没儿没女".

With no spouse (dead, or never married) and no children, the one who says so has no 法定赡养、
扶养义务人 (民法典 第一千零五十九条: spouses; 第一千零六十七条: children): has_legal_supporter
false. Only for the speaker and a sibling asked for; an uncle's or a neighbour's family is too
little known from one message (a child named anyway, a living spouse or parent: nothing)."""

from __future__ import annotations

import re

from nlu.mentions import CHILD, SELF, Mention, who_at

# "没儿没女", "也没孩子" (not "没孩子上学": none at school)
_CHILDLESS = re.compile(
    r"[没无]儿[没无]女|膝下无(?:儿女|子女)|没有?(?:儿女|子女)|无子女|没有?(?:孩子|娃)(?![上在读念])"
)
_NEVER_MARRIED = re.compile(
    r"(?:一辈子|一直|从来)?没(?:有)?(?:结(?:过)?婚|成(?:过)?家|娶(?:过)?(?:媳妇|老婆))|未婚|光棍"
)
_WHO = (None, SELF, "sibling")
_SUPPORTERS = ("spouse", "son", "daughter", CHILD, "parent")


def no_supporter_said(text: str, mentions: list[Mention]) -> tuple[str | None, int, int] | None:
    """Whose (a member key, None for the speaker) and where, when the text says it."""
    said = _CHILDLESS.search(text)
    if said is None:
        return None
    who, gone = who_at(mentions, text, said.start())
    relation = next((m.relation for m in mentions if m.key == who), None)
    if gone or relation not in _WHO:
        return None
    living = [  # the children denied ("也没孩子") are nobody
        m
        for m in mentions
        if not m.departed and m.relation in _SUPPORTERS and not said.start() <= m.start < said.end()
    ]
    if living:
        return None
    widowed = any(m.relation == "spouse" and m.departed for m in mentions)
    if not widowed and _NEVER_MARRIED.search(text) is None:
        return None
    return who, said.start(), said.end()
