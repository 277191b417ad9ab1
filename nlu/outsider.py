"""An opening written for a household the writer is no member of and no relative in: a grid
worker, a village cadre or a neighbour asking for a villager ("我是会宁县一个村的网格员…替我们村
一个老汉问一下", "替村里马老汉家问问", "我是替我们楼下的李大爷问的", "我们网格里有个老太太…").

Whom each fact is about cannot be placed in such a story: the writer's own age, job and family
("我今年三十二", "我自己的母亲也九十了") are nobody's in that household, and its people are named by
their relation to the villager ("老汉六十七 儿子三十多", "妻子五十五岁"), not to the writer. So the
opening keeps no member fact (the questionnaire asks them of the applicant), only what it says of
the household as a whole: its size, income, housing, hukou, what it receives.

A relative asked for ("替我爸问问") is dialogue.proxy's: they become the applicant.
"""

from __future__ import annotations

import re

from nlu.mentions import COUNT, SELF, UNNAMED, Mention, clause_at, small_number

# 替/帮/代 + where the person lives or how the writer knows them + a verb of asking
_FOR = re.compile(
    r"(?:替|帮|代|为)着?(?:我们|俺们|咱们|额们)?(?P<who>[^，。；！？,;!?\s：:]{0,10}?)"
    r"(?:问|咨询|打听|反映|了解|申请)"
)
# the person asked for is a villager or a neighbour: said by where they live or as one of many
_OUTSIDE = re.compile(
    r"村|楼下|楼上|隔壁|对门|小区|网格|社区|街道|辖区|邻居|一户|这户|那户|村民|居民"
    r"|患者家属|病人家属|学生家长|家长"
)
# "替辖区一个大姐问问": a kin word counted as one of many (一个大姐, 一位大爷) is how a stranger is
# called, not the writer's sister
_ONE_OF = re.compile(r"(?:一|这|那)?[个位][老大小]?$")
# the writer says what office they hold, then tells of somebody in their charge
# (a report headed by the office: "网格员反映情况：…"); a teacher writing of a pupil's family and a
# hospital's social worker of a patient's are outside that household just the same
_OFFICES = (
    r"网格员|网格长|村干部|村支书|支书|村主任|村会计|驻村干部|第一书记|帮扶干部|社区工作人员|社工"
    r"|邻居|班主任|老师|教师|校长|医生|大夫|护士"
    # a disabled persons' federation's worker of a client; a landlord of a tenant family
    r"|残联|残疾人联合会|房东"
)
_ROLE = re.compile(rf"(?:我|俺)是[^，。；！？,;!?]{{0,16}}?(?:{_OFFICES})|^\s*(?:{_OFFICES})")
# "我们村有个老大爷", "网格内有一户", "我们科室有个病人", "班里有个学生", "有一户 爷爷奶奶带着…",
# "急诊收了一个车祸的病人"
_IN_CHARGE = re.compile(
    r"(?:村里|村上|村|小区|网格[里内]?|社区|楼里|辖区|科室|病房|科里|班里|班上|班|学校|院里)"
    r"(?:有|住着)(?:个|一个|户|一户|位|一位)"
    r"|(?<![我俺额咱]家)有一?户|收了?(?:个|一个|一位|位)"
    # "我们这边有个残疾人", "有个家长来问", "我有个租户", "房子…租给一家从吕梁来的"
    r"|(?:这边|这里|那边)有(?:个|一个|位|一位|户|一户|家|一家)"
    r"|有(?:个|一个|位|一位|户|一户|家|一家)(?:租户|租客|房客|家长|残疾人)"
    r"|租给(?:了)?(?:一家|一户|一对|个|一个)"
    r"|(?<![我俺额]是)户主"  # a cadre's report: "我是村支书 … 1、户主五十二岁"
)
# "他家五口人": the size of the household asked for
_THEIR_SIZE = re.compile(rf"[他她]们?家(?:里)?(?:一共|总共|就|只有)?{COUNT}口人?")
_ASKING = re.compile(r"问|咨询|打听|反映|了解")
# the writer's aside about themself ("我自己也七十了", "俺自己还租着房"): their story goes on
_ASIDE = re.compile(r"(?:我|俺|额)?自己(?:也|还)")
# a landlord who does not say so: "俺…有套房子租出去了 租给一家从吕梁来的"
_LET_TO = re.compile(
    r"(?:房子?|屋子?|房间)[^，。；！？,;!?]{0,3}?租(?:出去)?了?[，,\s]?(?:租)?给了?"
    r"(?:一家|一户|一对|个|一个)"
)


def asks_for_outsider(text: str, mentions: list[Mention]) -> int | None:
    """Where the story turns to the household of a non-relative asked for (the index of the
    words that say so), or None when the writer asks for their own household or a relative,
    or goes on about their own family after it ("就是替村里人问问 俺家五口人 俺和老婆都四十五")."""
    for m in _FOR.finditer(text):
        lo, hi = m.span("who")
        if not _OUTSIDE.search(m.group("who")):
            continue
        # "替我们村的我大爷问": a relative of the writer named in it is theirs to ask for
        if any(
            lo <= x.start < hi and x.relation != UNNAMED and not _ONE_OF.search(text, lo, x.start)
            for x in mentions
        ):
            continue
        if not _speaker_goes_on(text, mentions, m.end()):
            return m.start()
    role = _ROLE.search(text)
    if role is not None:
        charge = _IN_CHARGE.search(text, role.end())
        if (
            charge is not None
            and not _relative_between(mentions, role.end(), charge.start())
            and not _speaker_goes_on(text, mentions, charge.end())
        ):
            return charge.start()
    let = _LET_TO.search(text)
    if let is not None and not _speaker_goes_on(text, mentions, let.end()):
        return let.start()
    return None


def _relative_between(mentions: list[Mention], lo: int, hi: int) -> bool:
    return any(lo <= x.start < hi and x.relation not in (UNNAMED, SELF) for x in mentions)


def _speaker_goes_on(text: str, mentions: list[Mention], start: int) -> bool:
    """The first one named after `start` is the speaker (not in a clause of asking: "让我帮着
    问问"): the story is the speaker's own after all."""
    for x in sorted(mentions, key=lambda x: x.start):
        if x.start < start:
            continue
        lo, hi = clause_at(text, x.start)
        if x.relation == SELF and (_ASKING.search(text, lo, hi) or _ASIDE.match(text, x.start)):
            continue
        return x.relation == SELF
    return False


def outsider_size(text: str, start: int) -> tuple[int, int, int] | None:
    """The size the story gives the household asked for after `start` ("他家五口人"). Living
    alone said of them is not taken (the dev sets leave it to the questionnaire)."""
    said = _THEIR_SIZE.search(text, start)
    if said is None:
        return None
    size = small_number(said.group("n"))
    return (size, said.start(), said.end()) if size is not None and 1 <= size <= 30 else None
