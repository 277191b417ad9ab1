"""The end of the questionnaire: a summary (grouped, each line correctable), the result in
plain words with reasons, materials, where and how to apply, and the offer of the form."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from dialogue.naming import member_called
from dialogue.questions import (
    GROUP_TITLES,
    MEMBER_MORE_ID,
    Question,
    QuestionBank,
    relation_name,
    who,
)
from dialogue.replies import (
    Choice,
    FormOfferReply,
    ItemLine,
    MaterialLine,
    Reply,
    ResultReply,
    SummaryGroup,
    SummaryLine,
    SummaryReply,
)
from dialogue.state import Session, fact_name, get_fact
from guides.catalog import guide_for
from guides.ids import Outcome
from guides.places import places
from guides.screening.result import ItemResult, ScreeningResult
from guides.workdays import due_sentence

OUTCOME_WORDS = {
    Outcome.LIKELY: "可能符合",
    Outcome.POSSIBLE: "或许符合，要等部门核实",
    Outcome.UNLIKELY: "可能不符合",
    Outcome.NEED_INFO: "还需要了解更多情况",
}


def display(session: Session, question_id: str, member: int | None, bank: QuestionBank) -> str:
    question = bank.get(question_id)
    if question.answer == "ages":
        return _everyones_age(session)
    if question.all_members is not None:
        return _household_wide(session, question)
    key = (
        question.fills[0]
        if member is None
        else question.fills[0].replace("members.", f"members.{member}.", 1)
    )
    if session.is_unknown(key):
        return "不清楚"
    value: Any = get_fact(session.household, key)
    if value is None:
        return "还没说"
    if isinstance(value, bool):
        return "是" if value else "否"
    if question.answer in ("choice", "multi_choice"):
        options = question.options()
        values = value if isinstance(value, list) else [value]
        return "、".join(options.get(str(v), str(v)) for v in values) or "没有"
    if isinstance(value, list):
        if question.answer == "yes_no":
            return "有" if value else "没有"
        if question.answer == "items":
            return "、".join(str(v) for v in value) or "没有"
        return f"{len(value)}" if value else "没有"
    if question.answer == "place":
        return places().full_name(str(value))
    if question.answer == "amount":
        estimate = "（估计）" if session.household.income_is_estimate and "income" in key else ""
        return f"{value:g}元{estimate}"
    if question.answer == "age":
        return f"{value}岁"
    if question.answer == "relation" and member is not None:
        return relation_name(session.household.members[member]) or str(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _everyones_age(session: Session) -> str:
    """ "您27岁，您老伴29岁" for those whose age is known."""
    members = session.household.members
    said = [
        f"{member_called(session, i)}{m.age}岁" for i, m in enumerate(members) if m.age is not None
    ]
    return "，".join(said) or "还没说"


def _household_wide(session: Session, question: Question) -> str:
    """家里有人…吗: 有 when a member has it (a value other than what "no" gives every
    member), 没有 when every member has the "no" value, else 有或不清楚."""
    record = next(r for r in reversed(session.history) if r.question_id == question.id)
    assert question.all_members is not None
    no_value = question.all_members.get("no")
    name = question.fills[0].rpartition(".")[2]
    values = [get_fact(session.household, k) for k in record.keys if k.endswith(f".{name}")]
    if any(v is not None and v != no_value for v in values):
        return "有"
    return "没有" if values and all(v == no_value for v in values) else "有或不清楚"


def summary(
    session: Session, bank: QuestionBank, only_groups: Collection[str] | None = None
) -> SummaryReply:
    """The answers so far by group; only questions of `only_groups` when given."""
    latest: dict[tuple[str, int | None], None] = {}
    for record in session.history:
        if record.question_id == MEMBER_MORE_ID:
            continue
        if only_groups is None or bank.get(record.question_id).group in only_groups:
            latest.setdefault((record.question_id, record.member), None)
    groups: dict[str, list[SummaryLine]] = {}
    order = {q.id: i for i, q in enumerate(bank.questions)}
    rank = {group: i for i, group in enumerate(GROUP_TITLES)}

    def position(entry: tuple[str, int | None]) -> tuple[int, int, int]:
        question_id, member = entry
        group = rank[bank.get(question_id).group]
        return (group, -1 if member is None else member, order[question_id])

    for question_id, member in sorted(latest, key=position):
        if member is not None and member >= len(session.household.members):
            continue  # answered of a member the household no longer counts (the size cut)
        question = bank.get(question_id)
        title = GROUP_TITLES[question.group]
        label = question.summary_label
        if member is not None:
            title = f"{GROUP_TITLES['member']}：{who(session.household, member)}"
            if member == 0:
                title = f"{GROUP_TITLES['member']}：您本人"
        edit = f"edit:{question_id}" + (f":{member}" if member is not None else "")
        line = SummaryLine(
            label=label, value=display(session, question_id, member, bank), edit=edit
        )
        groups.setdefault(title, []).append(line)
    return SummaryReply(
        text="这是您说的情况，哪一项不对，点一下就能改：",
        groups=[SummaryGroup(title=t, lines=lines) for t, lines in groups.items()],
    )


def office_checks(item: ItemResult, bank: QuestionBank) -> str | None:
    """An item left open: what the office will ask and check (from the facts that decide it)."""
    if item.outcome != Outcome.NEED_INFO:
        return None
    labels: dict[str, None] = {}
    for fact in item.missing_facts:
        name = fact_name(fact)
        name = "size" if name == "members" else bank.aliases.get(name, name)
        for question in bank.for_fact(name)[:1]:
            labels.setdefault(question.summary_label, None)
    if not labels:
        return None
    return f"还要了解的：{'、'.join(labels)}。到窗口办理时，工作人员会问清楚并核对。"


def _office_check_note(item: ItemResult, bank: QuestionBank | None) -> list[str]:
    note = office_checks(item, bank) if bank else None
    return [note] if note else []


def result_reply(
    session: Session, result: ScreeningResult, bank: QuestionBank | None = None
) -> ResultReply:
    guide = guide_for(session.region)
    received = set(session.household.already_receives or ())
    asked = set(session.items or ())
    lines = [
        ItemLine(
            item=str(item.item),
            name=item.name,
            outcome=str(item.outcome),
            outcome_label=OUTCOME_WORDS[item.outcome],
            reasons=[r.text for r in item.reasons if r.text][:3],
            citations=list(dict.fromkeys(r.citation for r in item.reasons if r.citation)),
            department=item.department,
            time_limit=item.time_limit,
            notes=[*item.notes, *_office_check_note(item, bank)],
            basis=list(item.basis),
            asked=item.item in asked,
            receiving=item.item in received,
        )
        for item in result.items
    ]
    seen: dict[str, MaterialLine] = {}
    for item in result.items:
        if item.outcome in (Outcome.LIKELY, Outcome.POSSIBLE, Outcome.NEED_INFO):
            for need in item.materials:
                seen.setdefault(
                    need.material_id,
                    MaterialLine(
                        name=need.name, why=need.why, form=need.form, required=need.required
                    ),
                )
    channels = [f"{c.name}：{c.how}" if c.how else c.name for c in guide.channels]
    # An elderly applicant is best served at a window: the first offline channel, if any.
    window = next((c for c in guide.channels if c.kind == "offline"), None)
    window = window or (guide.channels[0] if guide.channels else None)
    nearest = (
        "" if window is None else f"{window.name}（{window.how}）" if window.how else window.name
    )
    steps = "→".join(step.title for step in guide.process)
    # A household already on 低保/特困: what else it gets, not the class it already has.
    already = [i.name for i in result.items if i.item in received]
    hopeful = [
        i.name
        for i in result.items
        if i.outcome in (Outcome.LIKELY, Outcome.POSSIBLE) and i.item not in received
    ]
    open_items = [i.name for i in result.items if i.outcome == Outcome.NEED_INFO]
    if already:
        others = f"除此之外，初步看：{'、'.join(hopeful)}值得去申请。" if hopeful else ""
        text = f"您家已经在领{'、'.join(already)}。{others}"
        if open_items:
            text += f"{'、'.join(open_items)}还需要了解更多情况，可以到窗口问一问。"
    elif hopeful:
        text = f"根据您说的情况，初步看：{'、'.join(hopeful)}值得去申请。"
    elif open_items:
        # Not ruled out: we just lack facts (e.g. income after the 核对授权 was declined).
        text = (
            f"根据您说的情况，{'、'.join(open_items)}还需要了解更多情况才能判断，"
            "建议带上材料到窗口问一问，工作人员会帮您核对。"
        )
    else:
        text = "根据您说的情况，初步看，这次问到的救助可能都不太符合。情况有变化可以再来问。"
    time_limit = f"办理时限：{guide.time_limit.text.rstrip('。')}。"
    due = due_sentence(result.on, guide.time_limit)
    if due is not None:
        time_limit += f"{due}。"
    return ResultReply(
        text=text,
        items=lines,
        income_formula=result.income_formula,
        caveats=list(result.caveats),
        notes=list(result.notes),
        materials=list(seen.values()),
        channels=channels,
        nearest_channel=nearest,
        how_to_apply=f"办理流程：{steps}。可以在网上办，也可以到窗口办，一次提交就行。",
        time_limit=time_limit,
        disclaimer=result.disclaimer,
    )


def form_offer(result: ScreeningResult) -> FormOfferReply | None:
    hopeful = [i for i in result.items if i.outcome in (Outcome.LIKELY, Outcome.POSSIBLE)]
    if not hopeful:
        return None
    return FormOfferReply(
        text="要不要我按您说的情况，先把申请表帮您填好？您打印或带到窗口，核对签字就行。",
        items=[str(i.item) for i in hopeful],
        choices=[
            Choice(value="form:yes", label="好，帮我填表"),
            Choice(value="form:no", label="先不用"),
        ],
    )


def ending(session: Session, result: ScreeningResult, bank: QuestionBank) -> list[Reply]:
    replies: list[Reply] = [summary(session, bank), result_reply(session, result, bank)]
    offer = form_offer(result)
    if offer is not None:
        replies.append(offer)
    return replies
