"""python -m guides.forms.bench: seconds per PDF per region, warm (after a first render).

A synthetic four-member household (no real person) with the region's usual items.
"""

from __future__ import annotations

import statistics
import time

from guides.forms.pdf import render_pdf
from guides.household import Assets, House, Household, Member
from guides.ids import ItemId, RegionId

ROUNDS = 5
ITEMS: dict[RegionId, list[ItemId]] = {
    RegionId.GANSU: [ItemId.DIBAO, ItemId.TEMPORARY_AID, ItemId.PUBLIC_RENTAL_HOUSING],
    RegionId.SHANXI: [ItemId.LOW_INCOME, ItemId.TEMPORARY_AID],
    RegionId.JINAN_LICHENG: [ItemId.DIBAO, ItemId.UNEMPLOYMENT_REGISTRATION],
    RegionId.NINGXIA: [ItemId.DIBAO, ItemId.STUDENT_LOAN],
}


def sample_household(region: RegionId) -> Household:
    members = [
        Member(name="测试甲", relation="self", age=52, health="fair", marital_status="married",
               labour_ability="partial", employment="flexible", monthly_income=1100),
        Member(name="测试乙", relation="spouse", age=50, health="serious_illness",
               has_serious_illness=True, serious_illness_kind="tumor", monthly_income=0),
        Member(name="测试丙", relation="son", age=19, employment="student",
               study_status="enrolled", school_stage="college", monthly_income=0),
        Member(name="测试丁", relation="parent", age=78, health="fair", monthly_income=200),
    ]  # fmt: skip
    return Household(
        region=region,
        hukou_type="urban",
        members=members,
        phone="10000000000",
        hukou_address="测试地址一号",
        assets=Assets(deposits=3000, houses=[House(address="测试地址一号", floor_area=60)]),
    )


def main() -> None:
    print(f"PDF rendering, warm, median of {ROUNDS} (seconds per PDF; CPU time is the")
    print("process's own work, a fairer figure when other jobs share the machine)")
    for region, items in ITEMS.items():
        household = sample_household(region)
        render_pdf(household, items)  # warm: templates, fonts, guide
        wall, cpu = [], []
        for _ in range(ROUNDS):
            start, start_cpu = time.perf_counter(), time.process_time()
            pdf = render_pdf(household, items)
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        print(
            f"{region.value:15s} {statistics.median(wall):.3f} s/PDF wall "
            f"(min {min(wall):.3f}), {statistics.median(cpu):.3f} s CPU, {len(pdf) // 1024} KB"
        )


if __name__ == "__main__":
    main()
