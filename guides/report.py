"""A ScreeningResult as readable Chinese text (CLI, agent console), and as JSON-ready data."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import Any

from guides.ids import REGION_LABELS, Outcome
from guides.screening.result import CheckStatus, ItemResult, ScreeningResult

STATUS_MARKS = {
    CheckStatus.MET: "✓",
    CheckStatus.UNMET: "✗",
    CheckStatus.UNKNOWN: "？",
    CheckStatus.UNCERTAIN: "△",
}

# Household field paths (guides/household.py) in plain words, for "还需要了解".
FACT_LABELS: dict[str, str] = {
    "size": "共同生活的家庭人口数",
    "members": "家里有哪些人（年龄、身体、收入等）",
    "monthly_income_total": "全家每月的收入合计",
    "hukou_type": "是城镇户口还是农村户口",
    "has_local_hukou": "户口是不是在当地",
    "has_residence_permit": "有没有居住证",
    "already_receives": "现在是否已经享受低保、特困等救助",
    "is_relapse_monitoring_object": "是不是防止返贫监测对象",
    "situations": "最近有没有遇到火灾、车祸、突发重病或大额支出等困难",
    "basic_living_in_severe_difficulty": "基本生活是不是陷入了严重困难",
    "assets.deposits": "家里的银行存款",
    "assets.houses": "家里有几套房",
    "assets.vehicles": "家里有没有汽车等车辆",
    "assets.has_registered_business": "家里有没有人开公司、办个体户（工商注册）",
    "expenses_12m.medical": "近12个月自己负担的医疗费用",
    "expenses_12m.education": "近12个月自己负担的教育费用",
    "housing.has_own_housing": "在本地有没有自己的住房",
    "housing.total_floor_area": "现在住房的建筑面积",
    "housing.has_stable_income": "在本地有没有稳定的工作和收入",
    "housing.is_dangerous_house": "住的房子是不是危房",
    "members.age": "家里每个人的年龄",
    "members.has_disability": "家里有没有残疾人",
    "members.labour_ability": "家里人的劳动能力",
    "members.has_living_source": "有没有生活来源（收入、积蓄等）",
    "members.has_legal_supporter": "有没有子女、配偶、父母等法定赡养、抚养、扶养人",
    "members.has_capable_supporter": "赡养、抚养、扶养人有没有能力尽义务",
    "members.school_stage": "家里有没有在上学的人，上到什么阶段",
    "members.study_status": "是新录取还是在读",
    "members.has_student_loan_this_year": "今年有没有办过国家助学贷款",
    "members.employment": "家里人的就业情况",
    "members.is_unemployment_registered": "有没有做过失业登记",
    "members.wants_job": "有没有人想找工作",
    "members.wants_training": "有没有人想参加职业培训",
    "members.elder_ability_grade": "老人的能力评估等级（生活能否自理）",
    "members.has_serious_illness": "家里有没有人患重病",
    "members.is_veteran": "家里有没有退役军人",
    "members.monthly_income": "家里每个人每月的收入",
    "place": "住在哪个县（区）（各地标准不一样）",
    "members.is_orphan_or_unsupported_child": "孩子是不是孤儿或事实无人抚养儿童",
    "expenses_12m.basic_living": "近12个月吃饭穿衣水电等基本生活支出",
    "members.monthly_basic_pension": "老人每月领的城乡居民基础养老金（不算收入）",
    "members.monthly_allowance": "每月领的高龄津贴、残疾人补贴、抚恤金等政府补贴",
}


def fact_label(fact: str) -> str:
    return FACT_LABELS.get(fact, fact)


def render(result: ScreeningResult) -> str:
    lines = [f"【{REGION_LABELS[result.region]}】社会救助初步筛查结果（{result.on.isoformat()}）"]
    if result.income_formula:
        lines.append(result.income_formula)
    order = {Outcome.LIKELY: 0, Outcome.POSSIBLE: 1, Outcome.NEED_INFO: 2, Outcome.UNLIKELY: 3}
    for number, item in enumerate(sorted(result.items, key=lambda r: order[r.outcome]), 1):
        lines.append("")
        lines.extend(_item(number, item))
    if result.channels:
        lines += ["", f"办理渠道：{'；'.join(result.channels)}"]
    if result.notes:
        lines += ["", "办理提示："] + [f"  · {n}" for n in result.notes]
    if result.caveats:
        lines += ["", "请注意："] + [f"  · {c}" for c in result.caveats]
    lines += ["", result.disclaimer]
    return "\n".join(lines)


def _item(number: int, item: ItemResult) -> list[str]:
    variant = f"（{item.variant_label}）" if item.variant_label else ""
    auto = "，免申即享" if item.auto_granted and item.outcome == Outcome.LIKELY else ""
    lines = [f"{number}. {item.name}{variant}：{item.outcome_label}{auto}"]
    for reason in item.reasons:
        cite = f"（依据：{reason.citation}）" if reason.citation else ""
        lines.append(f"   {STATUS_MARKS[reason.status]} {reason.text}{cite}")
    if item.missing_facts:
        asks = "；".join(fact_label(f) for f in item.missing_facts)
        lines.append(f"   还需要了解：{asks}")
    lines.extend(f"   所用标准：{basis}" for basis in item.basis)
    if item.outcome == Outcome.UNLIKELY:
        # Its notes still apply (where else to ask, what the citation stands for); the chat shows them too.
        return lines + [f"   说明：{note}" for note in item.notes]
    for required, title in ((True, "必备材料"), (False, "视情况准备")):
        needs = [m for m in item.materials if m.required == required]
        if needs:
            lines.append(f"   {title}：")
            for need in needs:
                parts = [need.form, "/".join(need.media)]
                if need.exemptible:
                    parts.append("可通过数据共享免提交")
                detail = "，".join(p for p in parts if p)
                lines.append(f"     - {need.name}（{detail}）：{need.why}")
    lines.append(f"   办理部门：{item.department}")
    if item.time_limit:
        lines.append(f"   办理时限：{item.time_limit}")
    lines.extend(f"   说明：{note}" for note in item.notes)
    lines.extend(f"   认定后还可以：{benefit}" for benefit in item.benefits)
    return lines


def to_jsonable(value: Any) -> Any:
    """Dataclasses, enums and dates -> plain JSON values (for --json and the API)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, ItemResult):
            data["outcome_label"] = value.outcome_label
        return data
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value
