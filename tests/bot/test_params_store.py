"""Dated parameters in the database: seed, review workflow, history, audit, CSV, live refresh."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from pathlib import Path

import pytest
from sqlalchemy import event

from bot.kb.db import make_sessions
from bot.kb.io import decode_upload
from bot.kb.notify import RedisIndexNotifier
from bot.params.csvio import export_csv, import_csv
from bot.params.schema import NewValue
from bot.params.service import CHANNEL, ParameterService
from guides.errors import InvalidTransition, ReviewerConflict
from guides.params import Parameters, parameters

YUZHONG = "620123"
ON = dt.date(2026, 8, 1)


@pytest.fixture
def service(tmp_path: Path) -> ParameterService:
    svc = ParameterService(make_sessions(f"sqlite:///{tmp_path / 'p.db'}"), refresh_seconds=60)
    svc.store.seed_if_empty()
    return svc


def _new(**changes: object) -> NewValue:
    data: dict[str, object] = {
        "name": "dibao_standard", "region": "gansu", "place": YUZHONG, "variant": "urban",
        "value": 900, "effective_from": "2026-07-01", "document": "榆民发〔2026〕1号",
        "issuer": "榆中县民政局", "issued_on": "2026-06-20",
    }  # fmt: skip
    data.update(changes)
    return NewValue.model_validate(data)


def test_seeded_from_the_yaml_once(service: ParameterService) -> None:
    from_yaml = sum(len(p.history) for p in parameters().data.parameters.values())
    assert len(service.store.listing()) == from_yaml
    assert service.store.seed_if_empty() == 0
    assert service.current().at("dibao_standard", "gansu", ON, "urban").value == 760


def test_review_by_another_person_then_it_applies_from_its_date(service: ParameterService) -> None:
    value_id = service.store.create(_new(), "ed")
    with pytest.raises(InvalidTransition):
        service.store.approve(value_id, "rev")  # not submitted yet
    service.store.submit(value_id, "ed")
    with pytest.raises(ReviewerConflict):
        service.store.approve(value_id, "ed")
    service.refresh(force=True)
    assert service.current().at("dibao_standard", "gansu", ON, "urban", place=YUZHONG).value == 760
    service.store.approve(value_id, "rev")
    service.refresh(force=True)
    params = service.current()
    assert params.at("dibao_standard", "gansu", ON, "urban", place=YUZHONG).value == 900
    before = params.at("dibao_standard", "gansu", dt.date(2026, 6, 30), "urban", place=YUZHONG)
    assert before.value == 760 and before.place is None
    actions = [(a.actor, a.action) for a in service.store.audit_log(value_id)]
    assert actions == [("rev", "approve"), ("ed", "submit"), ("ed", "create")]


def test_history_is_kept_and_nothing_is_overwritten(service: ParameterService) -> None:
    for value, since in ((900, "2026-07-01"), (950, "2027-01-01")):
        value_id = service.store.create(_new(value=value, effective_from=since), "ed")
        service.store.submit(value_id, "ed")
        service.store.approve(value_id, "rev")
    timeline = service.store.timeline("dibao_standard", "gansu", YUZHONG, "urban")
    assert [(r.value, r.status) for r in timeline] == [(900, "published"), (950, "published")]
    service.refresh(force=True)
    future = service.current().at("dibao_standard", "gansu", dt.date(2027, 2, 1), "urban",
                                  place=YUZHONG)  # fmt: skip
    assert future.value == 950


def test_without_a_source_it_stays_unverified(service: ParameterService) -> None:
    value_id = service.store.create(_new(document=None, issuer=None), "ed")
    service.store.submit(value_id, "ed")
    service.store.approve(value_id, "rev")
    service.refresh(force=True)
    used = service.current().at("dibao_standard", "gansu", ON, "urban", place=YUZHONG)
    assert used.value == 900 and not used.verified
    caveat = used.caveat()
    assert caveat is not None and "估算" in caveat and "兰州市榆中县" in caveat


def test_a_place_outside_the_region_or_a_half_source_is_refused() -> None:
    with pytest.raises(ValueError, match="不是这个地区"):
        _new(place="640104")
    with pytest.raises(ValueError, match="一起填写"):
        _new(issuer=None)


def test_csv_round_trip_in_gbk(service: ParameterService) -> None:
    text = export_csv(service.store.listing(region="gansu", name="dibao_standard"))
    assert text.splitlines()[0].startswith("参数,参数名称,地区,地区代码")
    upload = (
        "参数,地区,地区代码,户口类型,数值,起始日期,文号,发文机关\n"
        "dibao_standard,甘肃省,620123,城市,905,2026/9/1,榆民发〔2026〕9号,榆中县民政局\n"
        "dibao_standard,宁夏,620123,城市,1,2026-09-01,,\n"
    ).encode("gbk")
    result = import_csv(decode_upload(upload), service.store, "ed")
    assert len(result.created) == 1 and len(result.problems) == 1
    assert result.problems[0].startswith("第 3 行")
    row = service.store.get(result.created[0])
    assert (row.value, row.status, row.verified, row.author) == (905, "draft", True, "ed")


def test_a_publish_reaches_another_worker_through_redis(tmp_path: Path, redis_url: str) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    writer = ParameterService(make_sessions(url), refresh_seconds=600,
                              notifier=RedisIndexNotifier(redis_url, channel=CHANNEL))  # fmt: skip
    reader = ParameterService(make_sessions(url), refresh_seconds=600,
                              notifier=RedisIndexNotifier(redis_url, channel=CHANNEL))  # fmt: skip
    writer.store.seed_if_empty()
    reader.refresh(force=True)
    value_id = writer.store.create(_new(), "ed")
    writer.store.submit(value_id, "ed")
    writer.store.approve(value_id, "rev")
    deadline = time.monotonic() + 3
    value = 0.0
    while time.monotonic() < deadline:  # the periodic check is 10 minutes away: only the hint
        value = reader.current().at("dibao_standard", "gansu", ON, "urban", place=YUZHONG).value
        if value == 900:
            break
        time.sleep(0.05)
    assert value == 900


def test_on_the_event_loop_screening_reads_the_values_as_built_and_no_database(
    tmp_path: Path,
) -> None:
    """A chat turn runs on the event loop: it must not wait on the database. The values it
    reads are those last built; a worker thread (and the background refresh) rebuilds them."""
    sessions = make_sessions(f"sqlite:///{tmp_path / 'p.db'}")
    service = ParameterService(sessions, refresh_seconds=0)
    statements: list[str] = []
    event.listen(sessions.kw["bind"], "before_cursor_execute",
                 lambda conn, cursor, sql, *rest: statements.append(sql))  # fmt: skip
    service.store.seed_if_empty()
    service.refresh(force=True)
    value_id = service.store.create(_new(), "ed")
    service.store.submit(value_id, "ed")
    service.store.approve(value_id, "rev")

    def dibao(params: Parameters) -> float:
        return params.at("dibao_standard", "gansu", ON, "urban", place=YUZHONG).value

    async def on_the_loop() -> float:
        return dibao(service.for_caller())

    statements.clear()
    assert asyncio.run(on_the_loop()) == 760  # as built, though a refresh is due
    assert statements == []  # no database on the event loop
    assert dibao(service.for_caller()) == 900  # a worker thread refreshes first
    assert statements != []
    assert asyncio.run(on_the_loop()) == 900
