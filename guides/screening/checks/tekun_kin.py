"""A minor's conditional obligors for 特困 (《特困人员认定办法》第四条（三）): grandparents and elder
siblings owe a minor support only when they have the means (民法典 第一千零七十四条、第一千零七十五条
“有负担能力的”), unlike parents, children and spouses, whose duty `tekun_duty` weighs by 第八条."""

from __future__ import annotations

from guides.household import ADULT_AGE, Household, Member
from guides.screening.checks.tekun_duty import ElderDuty, Lines, capacity

# A minor's grandparents and elder siblings, by the minor's relation to the speaker: 有负担能力的
# 祖父母、外祖父母 owe a minor grandchild support, 有负担能力的兄、姐 a minor sibling, when the
# parents have died or cannot (民法典 第一千零七十四条、第一千零七十五条). Their duty depends on their
# means, so they count only when they clearly have some (`able_relatives`).
MINOR_RELATIVES = {
    "grandchild": ("self", "spouse"),
    "son": ("parent", "son", "daughter", "child"),
    "daughter": ("parent", "son", "daughter", "child"),
    "child": ("parent", "son", "daughter", "child"),
    "self": ("grandparent", "sibling"),
    "sibling": ("parent", "self", "sibling"),
}


def able_relatives(
    household: Household, member: Member, lines: Lines | None, duty: ElderDuty | None
) -> list[int]:
    """A minor's grandparents and grown siblings living here who clearly have the means their
    duty depends on (民法典 第一千零七十四条、第一千零七十五条 有负担能力): an own income and a household
    income per person both clearly above the 低保标准, and none of 第八条's cases. Whoever is
    not clearly so is not taken as owing anything (never asked about: the parents are)."""
    if member.age is None or member.age >= ADULT_AGE or member.in_law or lines is None:
        return []
    roles = MINOR_RELATIVES.get(member.relation or "", ())
    if not lines.clearly_above(household.per_capita_monthly_income):
        return []
    return [
        i
        for i, m in enumerate(household.members)
        if m is not member
        and m.relation in roles
        and not m.in_law
        and lines.clearly_above(m.monthly_income)
        and capacity(household, i, lines, duty).able is True
    ]
