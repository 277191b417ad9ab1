"""Item names typed with a homophone where the plain word means something else: 地保 for 低保
(but 种地收入 is no 低收入, 耕地保护 no 低保), and 危房改照 for 危房改造 (the item asked for, not
only a description of the house)."""

from __future__ import annotations

from nlu.facts import read_facts
from nlu.lexicon import find_items
from tests.nlu.reading import READ_ON as TODAY


def _items(text: str) -> list[str]:
    return [str(i) for i in read_facts(text, TODAY, opening=True).items]


def test_dibao_typed_as_di_of_the_fields() -> None:
    assert _items("俺妈的地保批下来没有") == ["dibao"]
    assert find_items("一年种地收入也就几千块") == []
    assert find_items("村上搞耕地保护，把俺家地收了") == []


def test_the_housing_item_mistyped_is_still_asked_for() -> None:
    assert _items("俺家房子裂缝了，危房改灶能补多少") == ["rural_housing_renovation"]
    assert _items("俺家房子是危房，住着害怕") == []  # a description, no item
