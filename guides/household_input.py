"""Household data from outside (a JSON file, an API body) -> Household, with Chinese errors.

`parse_household` never lets a pydantic ValidationError escape: the first problem becomes a
HouseholdInputError naming the field path and saying, in plain Chinese, what to fix
("收入不能是负数（第2位家庭成员的月收入）"). An unknown region is an UnknownRegionError.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from guides.errors import HouseholdInputError, UnknownRegionError
from guides.household import Household
from guides.ids import RegionId

FIELD_LABELS: dict[str, str] = {
    "region": "地区",
    "hukou_type": "户口类型",
    "size": "家庭人口数",
    "members": "家庭成员",
    "monthly_income_total": "家庭月收入",
    "monthly_income": "月收入",
    "monthly_basic_pension": "城乡居民基础养老金",
    "monthly_allowance": "政府发的补贴（高龄津贴、残疾人补贴、抚恤金等）",
    "basic_living": "近12个月基本生活支出",
    "age": "年龄",
    "birth_date": "出生日期",
    "labour_ability": "劳动能力",
    "health": "健康状况",
    "relation": "与申请人关系",
    "in_law": "是否姻亲（儿媳、女婿、公婆、岳父母）",
    "disability_grade": "残疾等级",
    "elder_ability_grade": "老年人能力评估等级",
    "deposits": "银行存款",
    "securities": "有价证券",
    "claims": "债权",
    "commercial_insurance": "商业保险",
    "houses": "房产",
    "vehicles": "车辆",
    "purchase_price": "购买金额",
    "floor_area": "建筑面积",
    "total_floor_area": "住房建筑面积",
    "medical": "近12个月医疗支出",
    "education": "近12个月教育支出",
    "disability_rehabilitation": "近12个月残疾康复支出",
    "other": "其他",
    "situations": "遇到的困难",
    "already_receives": "已享受的救助",
    "assets": "家庭财产",
    "expenses_12m": "近12个月支出",
    "housing": "住房情况",
    "has_registered_business": "有没有工商注册",
    "acquired": "取得时间",
    "address": "地址",
    "nature": "房屋性质",
    "source": "来源",
    "application_reason": "申请理由",
    "applies_at_residence": "是否在居住地申请",
    "bank_account": "银行账号",
    "bank_name": "开户银行",
    "basic_living_in_severe_difficulty": "基本生活是否陷入严重困难",
    "has_local_hukou": "户口是否在当地",
    "has_residence_permit": "有没有居住证",
    "hukou_address": "户籍地址",
    "income_is_estimate": "收入是不是估计的",
    "members_complete": "家庭成员是否都已列出",
    "is_formerly_poor": "是不是已脱贫人口",
    "is_relapse_monitoring_object": "是不是防止返贫监测对象",
    "phone": "联系电话",
    "place": "所在县（区）",
    "relative_is_aid_official": "近亲属中有没有低保经办人员或村干部",
    "residence_address": "居住地址",
    "current_housing": "现住房情况",
    "has_own_housing": "有没有自己的住房",
    "has_stable_income": "有没有稳定收入",
    "is_dangerous_house": "住房是不是危房",
    "owner_name": "产权人",
    "disability_certificate_no": "残疾证号",
    "disability_kind": "残疾类别",
    "employment": "就业状况",
    "ethnicity": "民族",
    "has_capable_supporter": "赡养（抚养、扶养）人有没有能力履行义务",
    "has_disability": "是否残疾",
    "has_legal_supporter": "有没有法定赡养、抚养、扶养义务人",
    "has_living_source": "有没有生活来源",
    "has_serious_illness": "是否患重病",
    "has_student_loan_this_year": "今年有没有办过国家助学贷款",
    "id_number": "身份证号",
    "is_graduating_this_year": "是不是今年毕业",
    "is_new_admission": "是不是今年新录取",
    "is_orphan_or_unsupported_child": "是不是孤儿或事实无人抚养儿童",
    "is_unemployment_registered": "有没有做失业登记",
    "is_veteran": "是不是退役军人",
    "marital_status": "婚姻状况",
    "name": "姓名",
    "school_stage": "上学阶段",
    "serious_illness_kind": "重病类别",
    "sex": "性别",
    "study_status": "在学情况",
    "wants_job": "想不想找工作",
    "wants_training": "想不想参加培训",
    "workplace": "工作单位",
    "kind": "车辆类型",
    "is_for_disability_or_work": "是不是残疾人代步或生产用车",
    "model": "车型",
    "plate": "车牌号",
}
MONEY_FIELDS = {
    "monthly_income_total", "monthly_income", "deposits", "securities", "claims",
    "commercial_insurance", "purchase_price", "medical", "education",
    "disability_rehabilitation", "monthly_basic_pension", "monthly_allowance", "basic_living",
}  # fmt: skip


def parse_household(data: Any, *, region: str | None = None) -> Household:
    """Validate household data; `region` (e.g. from --region) overrides the data's own."""
    if not isinstance(data, dict):
        raise HouseholdInputError("(root)", "家庭信息的格式不对，应该是一组“项目: 内容”。")
    if region is not None:
        data = {**data, "region": region}
    raw_region = data.get("region")
    if raw_region is None:
        raise HouseholdInputError("region", "还不知道您在哪个地区申请，请告诉我们地区。")
    if raw_region not in {r.value for r in RegionId}:
        raise UnknownRegionError(str(raw_region))
    try:
        return Household.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise HouseholdInputError(field_path(first), message_zh(first)) from None


def field_path(error: ErrorDetails) -> str:
    return ".".join(str(part) for part in error["loc"]) or "(root)"


def where_zh(loc: tuple[int | str, ...]) -> str:
    """members.1.monthly_income -> 第2位家庭成员的月收入."""
    parts: list[str] = []
    index = 0
    while index < len(loc):
        part = loc[index]
        nxt = loc[index + 1] if index + 1 < len(loc) else None
        if isinstance(nxt, int):
            owner = {"members": "家庭成员", "houses": "套房产", "vehicles": "辆车"}.get(
                str(part), FIELD_LABELS.get(str(part), str(part))
            )
            parts.append(f"第{nxt + 1}{'位' if part == 'members' else ''}{owner}")
            index += 2
            continue
        if isinstance(part, str) and part not in ("assets", "expenses_12m", "housing"):
            parts.append(FIELD_LABELS.get(part, part))
        index += 1
    return "的".join(parts) or "家庭信息"


def message_zh(error: ErrorDetails) -> str:
    loc = tuple(error["loc"])
    where = where_zh(loc)
    name = str(loc[-1]) if loc else ""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    label = FIELD_LABELS.get(name, "这个数")
    if name in ("monthly_income", "monthly_income_total"):
        label = "收入"
    elif name in MONEY_FIELDS:
        label = "金额"
    if kind in ("greater_than_equal", "greater_than"):
        floor = ctx.get("ge", ctx.get("gt"))
        if floor == 0:
            return f"{label}不能是负数（{where}）。请再核对一下。"
        return f"{label}至少是 {floor}（{where}）。请再核对一下。"
    if kind in ("less_than_equal", "less_than"):
        ceiling = ctx.get("le", ctx.get("lt"))
        return f"{label}太大了（{where}，最多 {ceiling}）。请再核对一下。"
    if kind in ("int_parsing", "float_parsing", "int_type", "float_type", "int_from_float"):
        return f"{where}请填写数字。"
    if kind in ("literal_error", "enum"):
        return f"{where}的内容不在可选范围里，请从给出的选项里选。"
    if kind in ("bool_parsing", "bool_type"):
        return f"{where}请回答“是”或“否”。"
    if kind == "extra_forbidden":
        return f"不认识“{name}”这一项，请检查填写的项目名称。"
    if kind == "missing":
        return f"缺少{where}。"
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type"):
        return f"{where}的日期格式不对，请按“年-月-日”填写。"
    if kind in ("list_type", "dict_type", "model_type"):
        return f"{where}的格式不对。"
    if kind == "value_error" and "applicant" in str(error.get("msg", "")):
        return "只能有一位申请人（与申请人关系为“本人”的只能有一位）。"
    return f"{where}填写有误，请再核对一下。"
