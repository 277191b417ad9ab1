"""The household: every fact screening, the questionnaire and the forms talk about.

Every fact is optional: None means "not known yet" and screening answers `need_info` for it.
Money is yuan; incomes are per month, expenses are totals over the last 12 months.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from guides.enums import enumerations
from guides.ids import HukouType, ItemId, RegionId

Money = Annotated[float, Field(ge=0, le=100_000_000)]
Age = Annotated[int, Field(ge=0, le=130)]

LabourAbility = Literal["full", "partial", "lost", "none"]
Health = Literal["good", "fair", "serious_illness"]
MaritalStatus = Literal["single", "married", "widowed", "divorced"]
Education = Literal[
    "illiterate", "doctorate", "master", "bachelor", "college", "secondary_specialized",
    "technical_school", "senior_high", "junior_high", "primary", "kindergarten", "preschool",
    "special_education",
]  # fmt: skip
StudyStatus = Literal["enrolled", "graduated", "dropped_out", "completed", "suspended"]
Employment = Literal[
    "employed", "registered_unemployed", "unable_to_work", "flexible", "retired", "farming",
    "migrant_worker", "student", "under_working_age",
]  # fmt: skip
SeriousIllnessKind = Literal[
    "blood", "tumor", "liver", "immune", "infectious", "cardio_cerebral", "heart", "kidney",
    "transplant", "endocrine", "neural", "other",
]  # fmt: skip
# 残疾人保障法 第二条 (guides/data/enums.yml disability_kind)
DisabilityKind = Literal[
    "visual", "hearing", "speech", "physical", "intellectual", "mental", "multiple", "other"
]  # fmt: skip
# "child": the applicant's child whose sex was not said (孩子, 娃). The form's relation is 子/婿 or
# 女/媳 by sex, so it stays blank for the office; the duty of support is the same either way.
Relation = Literal[
    "self", "spouse", "son", "daughter", "child", "grandchild", "parent", "grandparent",
    "sibling", "other",
]  # fmt: skip
HouseNature = Literal[
    "own_private", "rented_public", "rented_private", "temporary", "borrowed", "other"
]
HouseSource = Literal["purchased", "self_built", "resettlement", "leased_public"]
# Where a student is in school: decides student loans and education assistance.
SchoolStage = Literal[
    "none", "preschool", "primary", "junior_high", "senior_high", "secondary_vocational",
    "college", "postgraduate",
]  # fmt: skip
Situation = Literal[
    "fire", "traffic_accident", "drowning", "personal_injury", "heroic_act", "explosion",
    "lightning", "other_accident", "sudden_serious_illness", "natural_disaster",
    "sudden_medical_expense", "sudden_education_expense", "other_hardship",
]  # fmt: skip
ADULT_AGE = 18  # 民法典 第十七条: 十八周岁以上的自然人为成年人
# The applicant's children and grandchildren (子/婿, 女/媳, 孙子女): a generation younger
YOUNGER_GENERATIONS: frozenset[str] = frozenset({"son", "daughter", "child", "grandchild"})
EMERGENCY_SITUATIONS: frozenset[str] = frozenset(
    {
        "fire", "traffic_accident", "drowning", "personal_injury", "heroic_act", "explosion",
        "lightning", "other_accident", "sudden_serious_illness", "natural_disaster",
        "other_hardship",
    }
)  # fmt: skip
EXPENDITURE_SITUATIONS: frozenset[str] = frozenset(
    {"sudden_medical_expense", "sudden_education_expense"}
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Member(_Strict):
    """One 共同生活的家庭成员. The applicant is the member whose relation is `self`."""

    name: str | None = None
    relation: Relation | None = None
    # a relative by marriage (儿媳, 女婿, 公婆, 岳父母): the form's relation (女/媳, 子/婿, 父母) is
    # the same, but no duty of support is owed between them (民法典 第一千零六十七条 is parents'
    # and children's)
    in_law: bool | None = None
    id_number: str | None = None
    age: Age | None = None
    birth_date: dt.date | None = None
    sex: Literal["male", "female"] | None = None
    ethnicity: str | None = None
    marital_status: MaritalStatus | None = None
    hukou_type: HukouType | None = None
    labour_ability: LabourAbility | None = None
    health: Health | None = None
    has_disability: bool | None = None
    disability_grade: Annotated[int, Field(ge=1, le=4)] | None = None
    disability_kind: DisabilityKind | None = None  # as on the 残疾证: 肢体 → physical
    disability_certificate_no: str | None = None
    has_serious_illness: bool | None = None
    serious_illness_kind: SeriousIllnessKind | None = None
    education: Education | None = None
    study_status: StudyStatus | None = None
    school_stage: SchoolStage | None = None
    is_new_admission: bool | None = None  # holds this year's 录取通知书
    has_student_loan_this_year: bool | None = None
    employment: Employment | None = None
    is_unemployment_registered: bool | None = None
    wants_training: bool | None = None
    wants_job: bool | None = None
    is_graduating_this_year: bool | None = None
    monthly_income: Money | None = None
    # 城乡居民基本养老保险基础养老金, part of monthly_income: not counted as income for 特困
    # (《特困人员认定办法》第六条第二款).
    monthly_basic_pension: Money | None = None
    # Allowances the government pays monthly (高龄津贴, 残疾人两项补贴, 优待抚恤金, 低保金), part of
    # monthly_income. Some are never counted (低保审核确认办法 第十三条 不计入（一）（二）; 特困人员认定
    # 办法 第六条第二款: 优待抚恤金、高龄津贴), the others as the city rules (第十三条 不计入（四）): where
    # leaving them out changes an income clause, the office decides (或许符合).
    monthly_allowance: Money | None = None
    # 孤儿 or 事实无人抚养儿童 (医疗救助 seed 000 附件2 二（八）).
    is_orphan_or_unsupported_child: bool | None = None
    workplace: str | None = None
    # 特困: 无生活来源 / 无法定赡养、抚养、扶养义务人或其无履行义务能力
    has_living_source: bool | None = None
    has_legal_supporter: bool | None = None  # 有无法定赡养、抚养、扶养义务人
    has_capable_supporter: bool | None = None
    # 老年人能力评估 (MZ/T 039-2013): 0 能力完好 … 3 重度失能
    elder_ability_grade: Annotated[int, Field(ge=0, le=3)] | None = None
    is_veteran: bool | None = None

    # True when `age` was computed from `birth_date` (so screening on another date recomputes it).
    _age_is_derived: bool = PrivateAttr(default=False)

    @field_validator("disability_kind", mode="before")
    @classmethod
    def _kind_from_certificate_words(cls, value: object) -> object:
        """The 残疾证 says 肢体残疾 / 智力: taken as the kind's id (unknown words stay an error)."""
        if isinstance(value, str) and value not in get_args(DisabilityKind):
            labels = enumerations().disability_kind.values
            # 多重 first: "多重残疾（肢体、视力）" names other kinds too
            for kind in ("multiple", *(k for k in labels if k != "multiple")):
                if labels[kind].removesuffix("残疾") in value:
                    return kind
        return value

    @model_validator(mode="after")
    def _age_from_birth_date(self) -> Member:
        if self.age is None and self.birth_date is not None:
            self.age = age_on(self.birth_date, dt.date.today())
            self._age_is_derived = True
        return self

    def as_of(self, on: dt.date) -> Member:
        """This member with an age derived from the birth date taken on `on`."""
        # the birth date first: a plain field, where the private flag is slow to read
        if self.birth_date is None or not self._age_is_derived:
            return self
        age = age_on(self.birth_date, on)
        if age == self.age:
            return self
        member = self.model_copy(update={"age": age})
        member._age_is_derived = True
        return member


class House(_Strict):
    address: str | None = None
    floor_area: Annotated[float, Field(ge=0, le=100_000)] | None = None
    nature: HouseNature | None = None
    source: HouseSource | None = None
    acquired: str | None = None  # 购（建）时间, as said


class Vehicle(_Strict):
    kind: Literal["car", "motorcycle", "tractor", "boat", "other"] | None = None
    model: str | None = None
    plate: str | None = None
    purchase_price: Money | None = None
    acquired: str | None = None
    is_for_disability_or_work: bool | None = None


class Assets(_Strict):
    deposits: Money | None = None
    securities: Money | None = None
    claims: Money | None = None  # 债权
    commercial_insurance: Money | None = None
    houses: list[House] | None = None
    vehicles: list[Vehicle] | None = None
    has_registered_business: bool | None = None
    other: str | None = None


class Expenses(_Strict):
    """Out-of-pocket totals over the 12 months before applying (刚性支出)."""

    medical: Money | None = None
    education: Money | None = None
    disability_rehabilitation: Money | None = None
    other: Money | None = None
    # 基本生活支出: part of 刚性支出 (seed 000 附件2 二（四）; 刚性支出困难家庭认定办法 第五条（一）).
    basic_living: Money | None = None

    def total(self) -> float | None:
        """Medical, education, rehabilitation and other necessary expenses (支出型临时救助)."""
        parts = [self.medical, self.education, self.disability_rehabilitation, self.other]
        if all(p is None for p in parts):
            return None
        return float(sum(p or 0 for p in parts))


class Housing(_Strict):
    has_own_housing: bool | None = None
    total_floor_area: Annotated[float, Field(ge=0, le=100_000)] | None = None
    is_dangerous_house: bool | None = None  # 农村危房
    has_stable_income: bool | None = None  # 公租房: 稳定工作和收入来源
    current_housing: HouseNature | None = None
    owner_name: str | None = None


class Household(_Strict):
    region: RegionId
    # GB/T 2260 code of the county/district lived in (guides/data/places.yml): picks the
    # county's, else the city's, else the region's published parameters.
    place: str | None = None
    hukou_type: HukouType | None = None
    has_local_hukou: bool | None = None  # hukou in the region (and county) applied in
    applies_at_residence: bool | None = None  # applying where one lives, not at the hukou place
    has_residence_permit: bool | None = None
    size: Annotated[int, Field(ge=1, le=30)] | None = None  # 共同生活的家庭成员 count
    members: list[Member] = Field(default_factory=list)
    # False while a conversation has named only some members and no size: the size is then
    # unknown, not the count of those named ("我自己带俩孩子…想找工作" is not one person)
    members_complete: bool = True
    monthly_income_total: Money | None = None  # when given for the household as a whole
    income_is_estimate: bool = False
    assets: Assets = Field(default_factory=Assets)
    expenses_12m: Expenses = Field(default_factory=Expenses)
    housing: Housing = Field(default_factory=Housing)
    situations: list[Situation] | None = None  # None: not asked; []: none of them
    basic_living_in_severe_difficulty: bool | None = None
    already_receives: list[ItemId] | None = None
    is_relapse_monitoring_object: bool | None = None
    is_formerly_poor: bool | None = None  # 已脱贫人口 (过渡期)
    relative_is_aid_official: bool | None = None  # 近亲属中有低保经办人员或村干部
    bank_name: str | None = None
    bank_account: str | None = None
    phone: str | None = None
    hukou_address: str | None = None
    residence_address: str | None = None
    application_reason: str | None = None

    @model_validator(mode="after")
    def _place_in_region(self) -> Household:
        if self.place is not None:
            from guides.places import places

            found = places().get(self.place)
            if found is None or places().region_of(self.place) != self.region:
                raise ValueError(f"place {self.place} is not a county or city of {self.region}")
        return self

    @field_validator("members")
    @classmethod
    def _at_most_one_applicant(cls, members: list[Member]) -> list[Member]:
        if sum(1 for m in members if m.relation == "self") > 1:
            raise ValueError("only one member can be the applicant (relation: self)")
        return members

    # --- derived facts -------------------------------------------------------------
    @property
    def applicant(self) -> Member | None:
        for member in self.members:
            if member.relation == "self":
                return member
        return self.members[0] if self.members else None

    def younger_than(self, member: Member) -> int | None:
        """An age `member` is surely under when their own is not known: the applicant's
        children and grandchildren (in-laws too) are younger than the applicant."""
        applicant = self.applicant
        if (
            member.relation in YOUNGER_GENERATIONS
            and applicant is not None
            and applicant.relation == "self"
            and applicant.age is not None
        ):
            return applicant.age
        return None

    @property
    def household_size(self) -> int | None:
        if self.size is not None:
            return max(self.size, len(self.members))
        if not self.members_complete:
            return None
        return len(self.members) or None

    @property
    def monthly_income(self) -> float | None:
        """Household monthly income: the stated total, else the sum of every member's."""
        if self.monthly_income_total is not None:
            return self.monthly_income_total
        return self.members_monthly_income

    @property
    def members_monthly_income(self) -> float | None:
        """The sum of every member's monthly income; None while a member's income, or a member,
        is not known."""
        size = self.household_size
        if not self.members or size is None or len(self.members) < size:
            return None
        incomes = [m.monthly_income for m in self.members]
        if any(i is None for i in incomes):
            return None
        return float(sum(i for i in incomes if i is not None))

    @property
    def per_capita_monthly_income(self) -> float | None:
        income, size = self.monthly_income, self.household_size
        if income is None or size is None:
            return None
        return income / size

    def as_of(self, on: dt.date) -> Household:
        """The household with ages from birth dates taken on `on` (the screening date)."""
        members = [m.as_of(on) for m in self.members]
        if all(new is old for new, old in zip(members, self.members, strict=True)):
            return self
        return self.model_copy(update={"members": members})

    def receives(self, item: ItemId) -> bool | None:
        if self.already_receives is None:
            return None
        return item in self.already_receives


def age_on(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
