"""The words around the questions (dialogue/data/prompts.yml) and how a question is shown."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from dialogue.children import opening_child
from dialogue.naming import member_called
from dialogue.policy import RELATION_QUESTION, Next
from dialogue.questions import (
    CONSENT_ID,
    MEMBER_MORE_ID,
    Question,
    QuestionBank,
    reask_wording,
    wording,
)
from dialogue.replies import Choice, ChoicesReply, Reply, TextReply
from dialogue.state import Pending, Session
from dialogue.writer import is_speaker
from guides.yamlio import load_model
from nlu.lexicon import parse_relation

DATA = Path(__file__).parent / "data" / "prompts.yml"


class Prompts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    welcome: str
    welcome_back: str
    welcome_back_done: str
    estimate_noted: str
    handoff: str
    restart: str
    go_back: str
    nothing_to_undo: str
    skipped: str
    speaking_for: str  # asking for somebody else: 您 means them from now on
    speaking_for_size: str  # the same, with their household's size said back
    speaking_for_alone: str  # the same, for somebody living alone
    child_relation: str  # the relation of the child an opening named (娃, 孩子)
    speaker_relation: str  # the speaker living with the parent they ask for (dialogue.writer)
    moved_on: str  # the same question not understood three times: left as 不清楚
    one_home_assumed: str  # rooms (or caves) said again after asked back: one home
    area_not_known: str  # rooms said again to 多少平米: the area left as 不清楚
    no_home_owned_assumed: str  # a rented home said again after asked back: none owned
    corrected: str
    which_to_correct: str
    edit: str
    edit_unavailable: str
    continue_: str = Field(alias="continue")
    after_end: str
    no_policy_answer: str
    form_yes: str
    form_no: str
    form_later: str
    form_request_words: list[str]
    consent_words: list[str]
    consent_noted: str
    give_up: str
    dont_know_label: str
    skip_label: str
    handoff_label: str
    yes_label: str
    no_label: str
    yes_no_words: list[tuple[str, str, str]]  # (word in the question, yes label, no label)
    doubts: dict[str, str]  # doubtful answers: the question back, by kind
    readback: str
    hint_grew: str
    corrected_what: str
    changed: str
    nothing_corrected: str
    noted: str
    own_income_none: str  # "我自己没收入" to the household's income
    others_income: str  # ...then the others' income, which is the household's
    owner_elsewhere: str  # property of somebody who does not live in the household
    complaint: str
    stale_answer: str  # an answer sent for a question that is no longer the current one
    fact_phrases: dict[str, str | tuple[str, str]]  # fact name -> phrase, or (true, false)
    fact_phrases_none: dict[str, str]  # an amount of 0: "没有存款", not "存款约0元"
    fact_phrases_by_value: dict[str, dict[str, str]]  # fact name -> value -> phrase
    estimate_mark: str  # after an estimated age: "您65岁左右"


@cache
def prompts() -> Prompts:
    return load_model(DATA, Prompts)


_P = prompts()
WELCOME = _P.welcome
WELCOME_BACK = _P.welcome_back
WELCOME_BACK_DONE = _P.welcome_back_done
ESTIMATE_NOTED = _P.estimate_noted
CONSENT_NOTED = _P.consent_noted
HANDOFF = _P.handoff
RESTART = _P.restart
GO_BACK = _P.go_back
NOTHING_TO_UNDO = _P.nothing_to_undo
SKIPPED = _P.skipped
MOVED_ON = _P.moved_on
ONE_HOME_ASSUMED = _P.one_home_assumed
AREA_NOT_KNOWN = _P.area_not_known
NO_HOME_OWNED_ASSUMED = _P.no_home_owned_assumed
SPEAKING_FOR = _P.speaking_for
SPEAKING_FOR_SIZE = _P.speaking_for_size
SPEAKING_FOR_ALONE = _P.speaking_for_alone
CORRECTED = _P.corrected
WHICH_TO_CORRECT = _P.which_to_correct
EDIT = _P.edit
EDIT_UNAVAILABLE = _P.edit_unavailable
CONTINUE = _P.continue_
AFTER_END = _P.after_end
NO_POLICY_ANSWER = _P.no_policy_answer
FORM_YES = _P.form_yes
FORM_NO = _P.form_no
FORM_LATER = _P.form_later
DOUBTS = _P.doubts
READBACK = _P.readback
HINT_GREW = _P.hint_grew
CORRECTED_WHAT = _P.corrected_what
CHANGED = _P.changed
NOTHING_CORRECTED = _P.nothing_corrected
NOTED = _P.noted
OWN_INCOME_NONE = _P.own_income_none
OTHERS_INCOME = _P.others_income
OWNER_ELSEWHERE = _P.owner_elsewhere
COMPLAINT = _P.complaint
STALE_ANSWER = _P.stale_answer
FACT_PHRASES = _P.fact_phrases
FACT_PHRASES_NONE = _P.fact_phrases_none
FACT_PHRASES_BY_VALUE = _P.fact_phrases_by_value
ESTIMATE_MARK = _P.estimate_mark


def no_policy_answer(suggestions: Sequence[str] = (), phone: str | None = None) -> str:
    """A question the knowledge base cannot answer with confidence: say so, offer what the
    asker may have meant (they can ask it in those words) and where to call."""
    parts = [NO_POLICY_ANSWER]
    if suggestions:
        shown = suggestions[:3]
        asked = "".join(f"“{s}”" for s in shown)
        # "“…条件是什么？”？": a question quoted already ends the sentence
        end = "" if shown[-1].rstrip().endswith(("？", "?")) else "？"
        parts.append(f"您是不是想问：{asked}{end}可以直接这样问我。")
    if phone:
        parts.append(f"也可以打{phone}。")
    return "".join(parts)


def asks_for_form(text: str) -> bool:
    """ "帮我填表", "我要申请表": a request for the pre-filled form, in any turn."""
    return _short_request(text, _P.form_request_words)


def grants_consent(text: str) -> bool:
    """ "同意授权": the consent given at any question, as the refusal told."""
    return _short_request(text, _P.consent_words)


def _short_request(text: str, words: list[str]) -> bool:
    """A short message with one of `words` and no 不/别/没 ("先不用填表", "不同意授权")."""
    said = text.strip().replace("，", "").replace(",", "")
    if len(said) > 12 or any(no in said for no in ("不", "别", "没")):
        return False
    return any(word in said for word in words)


def _text_of(session: Session, bank: QuestionBank, pending: Pending) -> str:
    if pending.question_id == CONSENT_ID:
        return bank.consent.text
    if pending.question_id == MEMBER_MORE_ID:
        return bank.member_more.text
    if pending.question_id == RELATION_QUESTION and pending.member == opening_child(session):
        return _P.child_relation
    if pending.question_id == RELATION_QUESTION and is_speaker(session, pending.member):
        return _P.speaker_relation
    question = bank.get(pending.question_id)
    called = member_called(session, pending.member) if pending.member is not None else None
    return wording(question, session.household, pending.member, called)


def consent_choices() -> list[Choice]:
    return [Choice(value="yes", label="同意"), Choice(value="no", label="不同意")]


def _options(bank: QuestionBank, pending: Pending) -> list[Choice]:
    if pending.question_id == CONSENT_ID:
        return consent_choices()
    if pending.question_id == MEMBER_MORE_ID:
        return [Choice(value="yes", label="还有"), Choice(value="no", label="没有了")]
    question = bank.get(pending.question_id)
    if question.answer == "yes_no":
        yes, no = _yes_no_labels(question.text)
        return [Choice(value="yes", label=yes), Choice(value="no", label=no)]
    if question.answer in ("choice", "multi_choice"):
        choices = [Choice(value=k, label=v) for k, v in question.options().items()]
        if question.answer == "multi_choice":
            choices.append(Choice(value="none", label="都没有"))
        return choices
    return []


def _yes_no_labels(text: str) -> tuple[str, str]:
    """Buttons in the question's own words: 有没有 -> 有/没有 (also in "有没有办低保的…"), 想 ->
    想/不想, else 是/不是."""
    asked = text.split("比如")[0]
    for verb, yes, no in _P.yes_no_words:  # asked as 有没有/是不是: that verb, wherever it is
        if f"{verb}没{verb}" in asked or f"{verb}不{verb}" in asked:
            return yes, no
    for verb, yes, no in _P.yes_no_words:
        if verb in asked:
            return yes, no
    return _P.yes_label, _P.no_label


def _closed(bank: QuestionBank, pending: Pending) -> bool:
    if pending.question_id in (CONSENT_ID, MEMBER_MORE_ID):
        return True
    return bank.get(pending.question_id).answer in ("yes_no", "choice", "multi_choice")


def _closed_choices(bank: QuestionBank, pending: Pending) -> list[Choice]:
    """A closed question's buttons, with 不清楚 (never for consent or 还有家人吗)."""
    choices = _options(bank, pending)
    if pending.question_id not in (CONSENT_ID, MEMBER_MORE_ID):
        choices.append(Choice(value="dont_know", label=_P.dont_know_label))
    return choices


def question_reply(
    session: Session, bank: QuestionBank, pending: Pending, failures: int = 0
) -> Reply:
    text = _text_of(session, bank, pending)
    if _closed(bank, pending):
        choices = _closed_choices(bank, pending)
        return ChoicesReply(text=text, choices=choices, question_id=pending.question_id)
    return TextReply(text=text, question_id=pending.question_id)


def reask_reply(session: Session, bank: QuestionBank, pending: Pending) -> Reply:
    """A specific re-ask with an example; after two failures, choices or a person."""
    if pending.question_id == CONSENT_ID:
        reask = "请说“同意”或“不同意”。"
    elif pending.question_id == MEMBER_MORE_ID:
        reask = bank.member_more.reask
    else:
        reask = reask_wording(bank.get(pending.question_id), session.household, pending.member)
    if session.failures < 2:
        if _closed(bank, pending):  # the buttons again, with the question itself
            text = f"{reask}\n{_text_of(session, bank, pending)}"
            choices = _closed_choices(bank, pending)
            return ChoicesReply(text=text, choices=choices, question_id=pending.question_id)
        return TextReply(text=reask, question_id=pending.question_id)
    choices = _options(bank, pending)
    if pending.question_id not in (CONSENT_ID, MEMBER_MORE_ID):
        choices.append(Choice(value="dont_know", label=_P.dont_know_label))
        choices.append(Choice(value="skip", label=_P.skip_label))
    choices.append(Choice(value="handoff", label=_P.handoff_label))
    joined = reask if reask.endswith(("。", "！", "？", "”")) else f"{reask}。"
    return ChoicesReply(
        text=f"{joined}{_P.give_up}", choices=choices, question_id=pending.question_id
    )


def correction_targets(session: Session, bank: QuestionBank, text: str) -> list[Next]:
    """Answered questions the correction may be about: keyword matches, the named member."""
    relation = parse_relation(text)
    members = session.household.members
    member_hint = next(
        (i for i, m in enumerate(members) if relation and m.relation == relation), None
    )
    targets: list[Next] = []
    for question in bank.questions:
        if not any(word in text for word in question.keywords):
            continue
        if question.is_member:
            indexes = [member_hint] if member_hint is not None else list(range(len(members)))
            targets += [
                Next(question.id, i)
                for i in indexes
                if member_hint is not None or _asked(session, question, i)
            ]
        elif question.answer != "yes_no" or _asked(session, question, None):
            # "存款不是两万，是两千" names its fact: corrected even if not asked yet
            targets.append(Next(question.id))
    return targets


def was_asked(session: Session, bank: QuestionBank, target: Next) -> bool:
    """Whether the question `target` names was answered (or is the one pending)."""
    return _asked(session, bank.get(target.question_id), target.member)


def _asked(session: Session, question: Question, member: int | None) -> bool:
    return session.answered(question.id, member) or (
        session.pending is not None
        and session.pending.question_id == question.id
        and session.pending.member == member
    )


ITEMS_NOTED = "好的，记下了，帮您重点看看：{names}。"
