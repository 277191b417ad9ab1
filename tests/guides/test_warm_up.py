"""Start-up reads what a first detailed screening needs (issue 18: no data file loaded while a
citizen waits for a result)."""

from __future__ import annotations

from guides.benefits import all_benefits
from guides.places import places
from guides.screening.caveats import publishers
from guides.screening.engine import warm_up


def test_warm_up_loads_the_data_files_a_first_result_reads() -> None:
    for loader in (places, all_benefits, publishers):
        loader.cache_clear()
    warm_up()
    assert places.cache_info().currsize == 1
    assert all_benefits.cache_info().currsize == 1
    assert publishers.cache_info().currsize == 1
