"""A child at primary or junior high school whose age was not said is asked about as a child
("您孙子的爸爸妈妈还在吗？"), never whether they have a spouse or children of their own."""

from __future__ import annotations

from dialogue.questions import one_of_them, question_bank, who, wording
from guides.household import Household, Member


def _asked(member: Member) -> str:
    household = Household(region="shanxi", members=[Member(relation="self", age=71), member])
    return wording(question_bank().get("member_legal_supporter"), household, 1)


def test_a_pupil_of_unsaid_age_is_asked_about_as_a_child() -> None:
    for stage in ("preschool", "primary", "junior_high"):
        asked = _asked(Member(relation="grandchild", school_stage=stage))
        assert "爸爸妈妈" in asked and "配偶" not in asked


def test_an_age_said_decides_over_the_stage() -> None:
    assert "配偶" in _asked(Member(relation="grandchild", school_stage="junior_high", age=19))
    assert "配偶" in _asked(Member(relation="son", school_stage="senior_high"))
    assert "爸爸妈妈" in _asked(Member(relation="grandchild", school_stage="senior_high", age=16))


def test_members_alike_are_told_apart_by_what_was_said_of_them() -> None:
    """Two grandchildren, one at junior high and one at primary school: named by that, not as
    第2位家人; read back as 一个孙辈孩子 (never 上初中的孩子在上初中)."""
    household = Household(
        region="shanxi",
        members=[
            Member(relation="self", age=71),
            Member(relation="grandchild", school_stage="junior_high"),
            Member(relation="grandchild", school_stage="primary"),
        ],
    )
    assert who(household, 1) == "您家上初中的孙辈孩子"
    assert who(household, 2) == "您家上小学的孙辈孩子"
    household.members[2].school_stage = "junior_high"  # the same stage: then by age, if said
    assert who(household, 2) == "第3位家人"
    household.members[2].age = 13
    assert who(household, 2) == "您家13岁的孙辈孩子"
    assert one_of_them(household, 2) == "一个孙辈孩子"


def test_the_applicants_spouse_is_not_asked_whether_they_have_a_spouse() -> None:
    """ "您老伴有没有配偶…": the spouse's 配偶 is the applicant. Screening asks it of the spouse
    only once the applicant cannot support them: whether there are others (children)."""
    asked = _asked(Member(relation="spouse", age=69))
    assert "配偶" not in asked.replace("除了配偶", "")
    assert "子女" in asked and "除了配偶" in asked
    assert "有没有配偶" in _asked(Member(relation="son", age=40))  # anyone else as before
