""" "闺女得过白血病，现在好了": an illness said cured is not a serious illness now; one only
better ("好了一点") still is, and another member's recovery does not cure this one."""

from __future__ import annotations

from tests.nlu.reading import opening_facts


def illnesses(text: str) -> set[tuple[str, object, str | None]]:
    return {f for f in opening_facts(text) if f[0] == "members.has_serious_illness"}


def test_cured_is_not_ill() -> None:
    assert illnesses("闺女得过白血病，现在好了") == set()
    assert illnesses("我得过脑梗，现在没事了") == set()


def test_better_is_still_ill_and_cures_are_each_ones_own() -> None:
    assert illnesses("闺女得了白血病，化疗了几次，现在好了一点")
    assert ("members.has_serious_illness", True, "spouse") in illnesses(
        "老伴尿毒症，儿子的病已经好了"
    )
    got = illnesses("儿子前些年得过癌，已经治好了，老伴脑梗偏瘫")
    assert got == {("members.has_serious_illness", True, "spouse")}
