import datetime as dt

from guides.params import ParameterFile, Parameters, place_chain

SOURCE = {"config": "test notice", "date": "2025-06-20"}


def _params() -> Parameters:
    def value(place: str | None, start: str, amount: float, until: str | None = None) -> dict:
        return {
            "region": "gansu",
            "variant": "urban",
            "place": place,
            "effective_from": start,
            "effective_until": until,
            "value": amount,
            "verified": True,
            "source": SOURCE,
        }

    history = [
        value(None, "2025-01-01", 700),
        value("620100", "2025-01-01", 800),  # 兰州市
        value("620102", "2025-07-01", 850),  # 城关区
    ]
    data = {
        "parameters": {
            "dibao_standard": {"description": "低保标准", "unit": "元/月", "history": history}
        }
    }
    return Parameters(ParameterFile.model_validate(data))


def test_county_before_city_before_region_on_the_date() -> None:
    params = _params()
    after = dt.date(2025, 8, 1)
    before = dt.date(2025, 6, 30)
    county = params.at("dibao_standard", "gansu", after, "urban", place="620102")
    assert (county.value, county.place) == (850, "620102")
    old = params.at("dibao_standard", "gansu", before, "urban", place="620102")
    assert (old.value, old.place) == (800, "620100")
    other_county = params.at("dibao_standard", "gansu", after, "urban", place="620103")
    assert (other_county.value, other_county.place) == (800, "620100")
    elsewhere = params.at("dibao_standard", "gansu", after, "urban", place="620200")
    assert (elsewhere.value, elsewhere.place) == (700, None)
    unknown_place = params.at("dibao_standard", "gansu", after, "urban")
    assert unknown_place.value == 700


def test_place_chain() -> None:
    assert place_chain("620102") == ["620102", "620100"]
    assert place_chain("620100") == ["620100"]
    assert place_chain(None) == []


def test_value_past_its_until_date_falls_back_to_the_next_level() -> None:
    data = {
        "parameters": {
            "dibao_standard": {
                "description": "低保标准",
                "unit": "元/月",
                "history": [
                    {
                        "region": "gansu",
                        "effective_from": "2025-01-01",
                        "value": 700,
                        "verified": True,
                        "source": SOURCE,
                    },
                    {
                        "region": "gansu",
                        "place": "620100",
                        "effective_from": "2025-01-01",
                        "effective_until": "2025-12-31",
                        "value": 800,
                        "verified": True,
                        "source": SOURCE,
                    },
                ],
            }
        }
    }
    params = Parameters(ParameterFile.model_validate(data))
    assert params.at("dibao_standard", "gansu", dt.date(2025, 12, 31), place="620102").value == 800
    assert params.at("dibao_standard", "gansu", dt.date(2026, 1, 1), place="620102").value == 700
