"""“我们这低保一个月多少钱” from the live parameters: the place's standard with its document, or
the estimate said as one, with where to ask; other questions are left to the KB."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from bot.params.answer import as_kb_reply, dibao_standard_answer
from guides.ids import RegionId
from guides.params import ParameterFile, Parameters, ParameterValue, parameters, use_source
from guides.sources import SourceRef

ON = dt.date(2026, 8, 1)


@pytest.fixture
def county_value() -> Iterator[None]:
    base = parameters().data
    dibao = base.parameters["dibao_standard"]
    doc = SourceRef(document="皋民发〔2026〕3号", issuer="皋兰县民政局")
    extra = [
        ParameterValue(region="gansu", variant=v, place="620122", value=n, verified=True,
                       effective_from=dt.date(2026, 7, 1), source=doc)
        for v, n in (("urban", 888), ("rural", 700))
    ]  # fmt: skip
    history = {"history": [*dibao.history, *extra]}
    changed = {**base.parameters, "dibao_standard": dibao.model_copy(update=history)}
    live = Parameters(ParameterFile(parameters=changed))
    use_source(lambda: live)
    yield
    use_source(None)


def test_the_county_standard_with_its_document(county_value: None) -> None:
    found = dibao_standard_answer("我们这低保一个月多少钱", RegionId.GANSU, "620122", on=ON)
    assert found is not None and found.verified
    assert (
        "按兰州市皋兰县公布的城市低保标准，每人每月 888 元（皋民发〔2026〕3号，2026年7月1日起执行）"
        in found.text
    )
    assert "农村低保标准，每人每月 700 元" in found.text
    assert found.citation == "皋兰县民政局皋民发〔2026〕3号"
    named = dibao_standard_answer("皋兰县低保标准是多少", RegionId.GANSU, on=ON)
    assert named is not None and "888" in named.text


def test_no_published_standard_is_said_plainly_with_where_to_ask(county_value: None) -> None:
    found = dibao_standard_answer("我们这低保一个月多少钱", RegionId.GANSU, None, on=ON)
    assert found is not None and not found.verified
    assert found.text.startswith("我们还没有收录甘肃省正式公布的低保标准")
    assert "估算" in found.text and "民政局" in found.text and "12345" in found.text


def test_other_questions_go_to_the_kb() -> None:
    assert dibao_standard_answer("低保怎么申请", RegionId.GANSU) is None
    assert dibao_standard_answer("低保边缘的标准是多少", RegionId.GANSU) is None
    assert dibao_standard_answer("北京低保一个月多少钱", RegionId.GANSU) is None
    reply = as_kb_reply("历城低保一个月多少钱", "gansu", None)
    assert reply is not None and reply.region == "jinan-licheng" and "历城区" in reply.text
