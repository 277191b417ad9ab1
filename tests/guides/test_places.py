"""Places (GB/T 2260) and screening by the household's county: county -> city -> region."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from guides.household import Household
from guides.ids import ItemId, Outcome, RegionId
from guides.params import ParameterFile, Parameters, ParameterValue, parameters
from guides.places import places
from guides.screening.engine import screen
from guides.sources import SourceRef

CHENGGUAN, YUZHONG, LANZHOU = "620102", "620123", "620100"


def test_the_data_file_has_every_city_and_county_of_the_regions() -> None:
    data = places()
    counts = {r: len(data.in_region(r)) for r in RegionId}
    # 甘肃 14 市州 + 86 县区; 宁夏 5 + 22; 山西 11 + 117; 历城区 alone.
    assert counts == {
        RegionId.GANSU: 100, RegionId.NINGXIA: 27, RegionId.SHANXI: 128,
        RegionId.JINAN_LICHENG: 1,
    }  # fmt: skip
    assert data.full_name(CHENGGUAN) == "兰州市城关区"
    assert data.full_name("620200") == "嘉峪关市"
    assert data.source.issuer == "中华人民共和国民政部"


def test_a_place_outside_the_region_is_refused() -> None:
    with pytest.raises(ValidationError):
        Household(region=RegionId.NINGXIA, place=CHENGGUAN)
    assert Household(region=RegionId.GANSU, place=CHENGGUAN).place == CHENGGUAN


def _with(*values: ParameterValue) -> Parameters:
    base = parameters().data
    dibao = base.parameters["dibao_standard"]
    history = [*dibao.history, *values]
    changed = {**base.parameters, "dibao_standard": dibao.model_copy(update={"history": history})}
    return Parameters(ParameterFile(parameters=changed))


DOC = SourceRef(document="榆民发〔2026〕1号", issuer="榆中县民政局", date=dt.date(2026, 6, 20))


def _value(place: str, value: float, since: dt.date) -> ParameterValue:
    return ParameterValue(
        region="gansu", variant="urban", place=place, effective_from=since, value=value,
        verified=True, source=DOC,
    )  # fmt: skip


def _household(place: str | None, income: float) -> Household:
    return Household(
        region=RegionId.GANSU, place=place, hukou_type="urban", size=1,
        monthly_income_total=income,
    )  # fmt: skip


def test_county_value_before_city_before_region_and_only_from_its_date() -> None:
    params = _with(
        _value(YUZHONG, 900, dt.date(2026, 7, 1)), _value(LANZHOU, 850, dt.date(2026, 1, 1))
    )
    after, before = dt.date(2026, 8, 1), dt.date(2026, 6, 1)
    county = screen(_household(YUZHONG, 880), on=after, params=params).item(ItemId.DIBAO)
    assert any("按兰州市榆中县城市低保标准 900 元/月（榆民发〔2026〕1号，2026年7月1日起执行）" in b
               for b in county.basis)  # fmt: skip
    assert county.outcome != Outcome.UNLIKELY
    earlier = screen(_household(YUZHONG, 880), on=before, params=params).item(ItemId.DIBAO)
    assert any("按兰州市城市低保标准 850" in b for b in earlier.basis)
    assert earlier.outcome == Outcome.UNLIKELY
    city = screen(_household(CHENGGUAN, 880), on=after, params=params).item(ItemId.DIBAO)
    assert any("按兰州市城市低保标准 850" in b for b in city.basis)
    other = screen(_household("620502", 700), on=after, params=params).item(ItemId.DIBAO)
    assert not other.basis and any("甘肃省的估算数" in c for c in other.caveats)


def test_the_place_is_asked_only_when_a_place_value_differs() -> None:
    on = dt.date(2026, 8, 1)
    plain = screen(_household(None, 500), on=on)
    assert "place" not in plain.missing_facts
    params = _with(_value(YUZHONG, 900, dt.date(2026, 7, 1)))
    asked = screen(_household(None, 800), on=on, params=params)
    assert "place" in asked.item(ItemId.DIBAO).missing_facts
    # the same number as the region's does not make the place matter
    same = _with(_value(YUZHONG, 760, dt.date(2026, 7, 1)))
    assert "place" not in screen(_household(None, 500), on=on, params=same).missing_facts


def test_the_place_answer_names_a_county_of_the_region() -> None:
    from dialogue.answers import DONT_KNOW, Value, parse_answer
    from dialogue.questions import question_bank

    question, today = question_bank().get("place"), dt.date(2026, 8, 1)
    assert parse_answer(question, "我住在榆中", today, region=RegionId.GANSU) == Value(YUZHONG)
    assert parse_answer(question, "兰州市城关区", today, region=RegionId.GANSU) == Value(CHENGGUAN)
    assert parse_answer(question, "嘉峪关", today, region=RegionId.GANSU) == Value("620200")
    assert parse_answer(question, "兰州", today, region=RegionId.GANSU) is None  # which district?
    assert parse_answer(question, "榆中县", today, region=RegionId.NINGXIA) is None
    assert parse_answer(question, "不知道", today, region=RegionId.GANSU) is DONT_KNOW


def test_the_place_is_not_needed_when_no_place_value_changes_the_clause() -> None:
    on = dt.date(2026, 8, 1)
    params = _with(_value(YUZHONG, 900, dt.date(2026, 7, 1)))
    # 3000 a month is over every line (760 region, 900 榆中): the place cannot change it
    high = screen(_household(None, 3000), on=on, params=params).item(ItemId.DIBAO)
    assert "place" not in high.missing_facts and high.outcome == Outcome.UNLIKELY
    # 500 is under both
    low = screen(_household(None, 500), on=on, params=params).item(ItemId.DIBAO)
    assert "place" not in low.missing_facts
    # 800 is between them: only the place decides
    between = screen(_household(None, 800), on=on, params=params).item(ItemId.DIBAO)
    assert "place" in between.missing_facts
