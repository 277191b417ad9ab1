"""Asking for somebody else: "我替我爸问问，他八十了，跟我妈两个人在村里住", "帮我姑姑咨询一下",
"来电人代其母咨询". The questions are then about that person's household, not the speaker's.

Only relatives who usually keep a household of their own count (parents, grandparents,
siblings, other relatives): a parent asking for a grown child most often lives with them. A
story that says the person lives with the speaker ("都跟着我过") is the speaker's household.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlu.mentions import COUNT, Mention, small_number

# 替/帮/代/为 + (我|其) + the person + a verb of asking or applying
_FOR = re.compile(
    r"(?:替|帮|代|为|给)(?:我|俺|咱|其)?(?:家)?(?P<who>[^，。；！？,;!?\s]{1,4}?)"
    r"(?:问|咨询|打听|申请|办|了解|看看|反映)"
)
# ("以前跟着俺爹娘过": with the speaker's parents, not with the speaker)
_LIVES_WITH_SPEAKER = re.compile(
    r"(?:跟着?|和|同|随)(?:我|俺|咱)(?:们)?(?:一起|一块儿?)?(?:住|过|生活)"
    r"|跟着(?:我|俺)(?![爹娘爸妈爷奶哥姐弟妹儿闺女孙公婆叔舅姨姑])"
)
_OWN_HOUSEHOLDS = frozenset({"parent", "grandparent", "sibling", "other"})
# "我爸七十四，我妈七十一，俩人在老家住…想给他们申请个低保": the person asked for named before
_PRONOUNS = r"他们|她们|他俩|她俩|二老|他|她"
_THEM = re.compile(rf"{_PRONOUNS}|老两口|两位老人|老人家?")
# the person's own household said: "他一个人住", "跟我妈两个人在村里住", "老两口"
_ALONE = re.compile(
    r"(?:一个人|独自|自己)(?:在[^，。；！？,\s]{1,10}?)?(?:住|过|生活)|孤身一人|独居"
)
# "他们家就两口人": the size of the person's household said outright
_THEIR_SIZE = re.compile(rf"[他她]们?家(?:里)?(?:一共|总共|就|只有)?{COUNT}口人?")
_TWO = re.compile(r"两个人|两口子|老两口|俩人|两位老人|二老")


@dataclass(frozen=True)
class SpeaksFor:
    """The person asked for (and their partner named in the story), with the household size
    the story gives for them, if any."""

    person: Mention
    partner: Mention | None
    size: int | None
    word: str  # how the speaker named them ("我爸" -> "爸")


# "她这种情况能吃上低保吗", "她能不能申请低保": the question asked about them
_ABOUT_THEM = re.compile(
    rf"(?P<who>{_PRONOUNS})(?:(?:这种|这样的?|这个)(?:情况)?的?(?:能|可以|够|符合)"
    r"|(?:能不能|可不可以|能否|能)(?:申请|办|吃|领|享受))"
)


# "俺娘这样能吃上特困不": the question asked about a relative named as such; counted only
# when the story gives them a household of their own (alone, or the two of them)
_ABOUT_KIN = re.compile(
    r"(?:我|俺|咱|额)(?P<who>[^，。；！？,;!?\s]{1,3}?)"
    r"(?:这种|这样的?|这个)(?:情况)?的?(?:能|可以|够|符合)"
)


# "我爸妈能申请低保吗", "俺爹俺娘能申请低保不", "俺娘要是重新申请低保": the question asked about
# the parents by name; counted only when the speaker says they live apart (below), or the story
# gives them a household of their own (alone, or the two of them)
_ABOUT_PARENTS = re.compile(
    r"(?:我|俺|咱|额)(?P<who>爸妈|爹娘|父母|爸爸|妈妈|老爹|老娘|爸|妈|爹|娘)(?:俩|二老)?"
    r"(?:这种情况|这样的?)?(?:还)?(?:能不能|可不可以|能|可以|要是|如果)(?:重新|再)?(?:申请|办|吃|领|享受)"
)
# the speaker married out or not living with them: "我已经嫁到兰州了", "俺出嫁了", "我不跟他们住"
_SPEAKER_APART = re.compile(
    r"(?:我|俺)(?:已经|早就|早都|早|也)?(?:嫁到|嫁出去|出嫁|嫁人|不跟(?:他们|他俩|她俩|爸妈|父母|二老)"
    r"|没跟(?:他们|他俩|她俩|爸妈|父母|二老))"
)


def speaks_for(text: str, mentions: list[Mention]) -> SpeaksFor | None:
    said = _speaks_for(text, mentions, _FOR.search(text) or _ABOUT_THEM.search(text))
    apart = _SPEAKER_APART.search(text) is not None
    if said is None and (kin := _ABOUT_KIN.search(text)) is not None:
        said = _speaks_for(text, mentions, kin)
        if said is not None and said.size is None and not apart:
            return None  # "我爸这种情况能办吗": he may live with the speaker
    if said is None and (parents := _ABOUT_PARENTS.search(text)) is not None:
        said = _speaks_for(text, mentions, parents)
        if said is not None and said.size is None and not apart:
            return None  # "我爸妈能申请低保吗": they may live with the speaker
    return said


def _speaks_for(text: str, mentions: list[Mention], m: re.Match[str] | None) -> SpeaksFor | None:
    if m is None or _LIVES_WITH_SPEAKER.search(text):
        return None
    # 她 after "我母亲…我们姐弟四个…" is the elder the story is about, not the last one named
    pronoun = _THEM.fullmatch(m.group("who")) is not None
    person = (
        None
        if pronoun
        else next(
            (
                x
                for x in mentions
                if x.start < m.end("who")
                and x.end > m.start("who")  # "代其母": 其母 overlaps
                and x.relation in _OWN_HOUSEHOLDS
                and not x.departed
            ),
            None,
        )
    )
    if pronoun:
        before = [
            x
            for x in reversed(mentions)
            if x.end <= m.start() and x.relation in _OWN_HOUSEHOLDS and not x.departed
        ]
        # the elders told about before the speaker's own siblings ("我们兄妹三个都在外地")
        elders = [x for x in before if x.relation in ("parent", "grandparent")]
        person = next(iter(elders or before), None)
    if person is None:
        return None
    partner = next(
        (
            x
            for x in mentions
            if x.relation == person.relation
            and x.person
            and x.key != person.key
            and not x.departed
            and person.relation in ("parent", "grandparent")
        ),
        None,
    )
    said = _THEIR_SIZE.search(text)
    if said is not None:
        size = small_number(said.group("n"))
    elif partner is not None:
        size = 2 if _TWO.search(text) else None
    else:
        # living alone said of them, not of somebody told about before they were named
        # ("村里有个张大爷…一个人住…说是有个侄子在兰州…给他申请": not the nephew's)
        first = min(x.start for x in mentions if x.key == person.key)
        size = 1 if _ALONE.search(text, first) else None
    return SpeaksFor(person, partner, size, text[person.start : person.end])
