"""One turn of the questionnaire: understand -> apply facts or control -> re-screen -> reply.

Pure over a Session (no I/O): bot.assistant loads and saves the session under its lock.
The NLU backend and the policy answerer (the knowledge base) are injected, so dialogue/
imports neither bot/ nor a particular model.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from dialogue import apply, prompts, proxy, writer
from dialogue.answer_ages import fits_in_order, place_ages
from dialogue.answer_consistent import consistent
from dialogue.answer_numbers import asked_back
from dialogue.answer_topics import (
    HOUSEHOLD_INCOME_QUESTION,
    MEMBER_INCOME_QUESTION,
    alone_and_own_none,
    names_another_member,
    own_income_only,
    owner_elsewhere,
    said_of_the_member,
    without_misplaced_money,
    without_others_property,
    without_the_supporters_facts,
)
from dialogue.answers import (
    DONT_KNOW,
    Answer,
    Doubt,
    Value,
    negative_doubt,
    parse_answer,
    parse_tap,
    same_topic,
)
from dialogue.apply import converted
from dialogue.children import relation_member
from dialogue.choosing import plan, update_hint
from dialogue.couple_support import for_the_partner
from dialogue.ending import ending, summary
from dialogue.income_parts import with_income_parts
from dialogue.lookahead import Lookahead
from dialogue.naming import member_called
from dialogue.noted import (
    Stored,
    add_members,
    away_keys,
    correct_facts,
    keep_those_listed,
    listed_first,
    named_members,
    phrase_of,
    phrases,
    said_of_nobody_here,
    store_facts,
)
from dialogue.opening_relatives import unplaced_relatives
from dialogue.parsed import parsed_answer
from dialogue.policy import RELATION_QUESTION, Next
from dialogue.questions import (
    CONSENT_ID,
    MEMBER_MORE_ID,
    Question,
    QuestionBank,
    question_bank,
)
from dialogue.replies import ChoicesReply, Reply, TextReply
from dialogue.screened import Screenings, is_finished
from dialogue.state import Session, fact_name, get_fact, set_fact
from dialogue.supporters import names_a_living_child, noted_unknown_instead
from dialogue.typed_for import (
    typed_for_the_applicant,
    typed_for_them,
    without_the_writers_own,
)
from guides.catalog import guide_for
from guides.ids import ItemId, RegionId
from guides.screening.engine import screen
from guides.screening.result import ScreeningResult
from nlu.answers import (
    ASKING,
    asks_what,
    find_yes_no,
    is_dont_know,
    parse_consent,
    parse_yes_no,
)
from nlu.clauses import clauses, self_repaired, without_double_negation
from nlu.commands import corrected_part, is_command, is_correction, mended_start
from nlu.dialect import plain_no
from nlu.facts import Fact, Reading, clause_span, read_facts
from nlu.lexicon import items_not_denied, offered_items, parse_relation
from nlu.numerals import Negative, find_negative
from nlu.types import Parse
from nlu.voice_input import spaces_as_commas

CONTROL = {"restart", "go_back", "skip", "handoff"}
MOVE_ON_AFTER = 3  # unparsed answers in a row to one question before it is left as 不清楚
CONTROL_CONFIDENCE = 0.55
POLICY_WHILE_ASKING = 0.5  # ask_policy below this, with no question words: not a question
FIRST_STORY_MIN = 12  # characters: a first message shorter than this is an answer, or nothing
_STORY_CLAUSES = 4  # a first message of fewer clauses that gives a count answers the count
_STORY_LENGTH = 24  # characters: nor does a shorter one (a list of who they are)


class IntentParser(Protocol):
    def parse(self, text: str) -> Parse: ...


@dataclass(frozen=True)
class PolicyAnswer:
    text: str
    citation: str | None = None
    # A decline (nothing confident enough): text is empty; what the asker may have meant and
    # where to call instead.
    declined: bool = False
    suggestions: tuple[str, ...] = ()
    phone: str | None = None  # "12345（政务服务便民热线）"


# (question, region, the household's GB/T 2260 place if known) -> a confident answer or None
PolicyAnswerer = Callable[[str, RegionId | None, str | None], PolicyAnswer | None]


def screen_session(session: Session, on: dt.date | None = None) -> ScreeningResult:
    """Screen every item of the region, always; the items the citizen asked about first."""
    return asked_first(session, screen(session.household, on=on, final=is_finished(session)))


def asked_first(session: Session, result: ScreeningResult) -> ScreeningResult:
    """The result with the items the citizen asked about first."""
    if not session.items:
        return result
    asked = [i for i in result.items if i.item in session.items]
    others = [i for i in result.items if i.item not in session.items]
    return dataclasses.replace(result, items=(*asked, *others))


def _names_everyone(reading: Reading) -> bool:
    """An opening that gives the size and names exactly that many people ("家里三口人，我和老伴
    还有孙子") lists the household: all of them are members. Otherwise a story names people who
    may live apart, and only those a fact is about are added."""
    if reading.size is None:
        return False
    named = reading.members()
    relations = [m.relation for m in named]
    if len(set(relations)) < len(relations):  # 父亲 and 母亲: facts about "父母" need the old path
        return False
    return 1 + sum(m.count for m in named) == reading.size.value


def _listed(session: Session) -> str | None:
    """The household by name ("您、您老伴、您女儿"); None for one person, or when a member has
    no plain name (who() falls back to 第N位家人)."""
    labels = [member_called(session, i) for i in range(len(session.household.members))]
    if len(labels) < 2 or any(label.startswith("第") for label in labels):
        return None
    return "、".join(labels)


def _holds_those_named(size: object, reading: Reading) -> bool:
    """A size at least the speaker and the members the story tells something of (a brother
    named in passing may live apart)."""
    about = {f.who for f in reading.facts if f.name.startswith("members.")}
    named = 1 + sum(m.count for m in reading.members() if m.key in about)  # and the speaker
    return isinstance(size, int) and size >= named


def _nothing_known(session: Session) -> bool:
    """Nothing answered or told yet (at most the first question asked)."""
    household = session.household
    return (
        not session.history
        and session.questions_asked <= 1
        and household.size is None
        and not household.members
    )


class DialogueEngine:
    def __init__(
        self,
        nlu: IntentParser,
        answer_policy: PolicyAnswerer | None = None,
        bank: QuestionBank | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.nlu = nlu
        self.answer_policy = answer_policy
        self.bank = bank or question_bank()
        self.today = today
        self.screenings = Screenings()
        self.lookahead = Lookahead()

    # --- entry points ------------------------------------------------------------------
    def open(self, session: Session, text: str | None = None) -> list[Reply]:
        """The welcome; an opening story is read in full: its facts stored and said back,
        a complaint routed, a policy question answered, then only what is still needed."""
        replies: list[Reply] = [TextReply(text=prompts.WELCOME)]
        if text and text.strip():
            replies += self._read_opening(session, text)
        return replies + self._advance(session)

    def _read_opening(
        self, session: Session, text: str, reading: Reading | None = None
    ) -> list[Reply]:
        """A first message read in full (`reading`: read already): its facts stored and said
        back, a complaint routed, a policy question answered."""
        replies: list[Reply] = []
        if reading is None:
            reading = read_facts(text, self.today(), opening=True, region=session.region)
        self._add_items(session, reading.items, text)
        session.child_named = session.child_named or names_a_living_child(text)
        everyone = _names_everyone(reading)
        size = add_members(session, reading, all_named=everyone)
        stored = size + store_facts(session, reading, asked=0)
        session.opening_relatives = unplaced_relatives(session, reading, away_keys(reading))
        called = None
        if reading.speaks_for is not None:  # said back as theirs: "您姐姐每月收入…"
            moved = proxy.speak_for(session, reading.speaks_for)
            stored = proxy.moved_stored(stored, moved)
            called = proxy.readback_names(reading.speaks_for)
        said = phrases(session, self.bank, stored, called)
        listed = _listed(session) if everyone and size else None
        if listed:  # the size said with who they are, so a wrong one is seen
            size_said = phrases(session, self.bank, size)
            said = [f"{p}：{listed}" if p in size_said else p for p in said]
        if said:
            replies.append(TextReply(text=prompts.READBACK.format(facts="，".join(said))))
        if reading.speaks_for is not None:
            who, n = proxy.label_of(reading.speaks_for), reading.speaks_for.size
            said_for = (
                prompts.SPEAKING_FOR_ALONE if n == 1
                else prompts.SPEAKING_FOR_SIZE if n
                else prompts.SPEAKING_FOR
            )  # fmt: skip
            replies.append(TextReply(text=said_for.format(who=who, n=n)))
        negative = find_negative(text)
        if negative is not None:
            doubt = negative_doubt(negative, None)
            replies.append(TextReply(text=prompts.DOUBTS[doubt.kind].format(
                n=doubt.number, field=doubt.field)))  # fmt: skip
        if reading.complaint:
            replies.append(TextReply(text=prompts.COMPLAINT))
        if reading.policy_question and self.answer_policy is not None:
            replies += self._policy(session, reading.policy_question)
        return replies

    def resume(self, session: Session) -> list[Reply]:
        """Coming back later: the same place, the same question."""
        if session.status == "done":
            return [TextReply(text=prompts.WELCOME_BACK_DONE), *self._finish(session)]
        if session.pending is None:
            return self._advance(session)
        return [TextReply(text=prompts.WELCOME_BACK), *self._ask(session, session.pending)]

    @staticmethod
    def _consent_given_aside(session: Session, text: str) -> bool:
        """ "同意授权" typed while another question is open (or none): the consent is noted."""
        pending = session.pending
        if session.consent is True or (pending is not None and pending.question_id == CONSENT_ID):
            return False
        return prompts.grants_consent(text)

    @staticmethod
    def wants_parse(text: str | None = None, choice: str | None = None) -> bool:
        """Whether `turn` reads the message's intent (taps, resumes and form requests do not)."""
        return not choice and bool(text and text.strip()) and not prompts.asks_for_form(text or "")

    def reask_current(self, session: Session) -> list[Reply]:
        """An answer meant for an earlier question: nothing applied, the current one again."""
        stale = TextReply(text=prompts.STALE_ANSWER)
        if session.pending is not None:
            return [stale, *self._ask(session, session.pending, count=False)]
        if session.status == "done":
            return [stale, *self._finish(session)]
        return [stale, *self._advance(session)]

    def turn(
        self,
        session: Session,
        text: str | None = None,
        choice: str | None = None,
        parse: Parse | None = None,
    ) -> list[Reply]:
        """One message. `parse` is the message's intent when the caller already has it (an
        async NLU call made outside the lock); otherwise the engine asks its parser."""
        if choice:
            return self._on_choice(session, choice)
        if not text or not text.strip():
            return self.resume(session)
        if prompts.asks_for_form(text):
            return self._form_request(session)
        if self._consent_given_aside(session, text):
            # "同意授权" to another question: the consent, not a yes to that question
            session.consent = True
            replies: list[Reply] = [TextReply(text=prompts.CONSENT_NOTED)]
            if session.pending is None:
                return replies + self._advance(session)
            return replies + self._ask(session, session.pending)
        parse = parse or self.nlu.parse(text)
        command = parse.intent in CONTROL and is_command(parse.intent, text)
        before = list(session.items or [])
        self._note_items(session, text, parse)
        newly = [i for i in (session.items or []) if i not in before]
        if command and parse.confidence >= CONTROL_CONFIDENCE:
            return self._control(session, parse.intent)
        negative = find_negative(text)
        if negative is not None:  # "-5岁" said anywhere: nothing stored from it, and why
            return self._negative(session, negative)
        mended = None
        if parse.intent == "correct" or is_correction(text):
            mended = self._mended_answer(session, text)
            if mended is None and not _nothing_known(session):
                # nothing known yet: "俺娘七十九 不对 八十了" mends a story, and there is nothing
                # to correct; the story is read below
                return self._correct(session, text)
        pending = session.pending
        if pending is not None and not asks_what(text):  # "啥叫城镇户口": no answer, no fact
            answer = mended if mended is not None else self._parse_pending(session, text)
            story = self._story_first(session, text, answer)
            if story is not None:
                # the H5 page once the place is chosen: a story typed before any answer is the
                # opening (issue 12), not an answer to the first question
                return self._read_opening(session, text, story) + self._advance(session)
            if isinstance(answer, Doubt):
                return self._doubt(session, answer, text)
            if answer is DONT_KNOW and alone_and_own_none(session, text):
                answer = Value(0.0)
            none = answer is DONT_KNOW or (isinstance(answer, Value) and answer.value == 0)
            if none and own_income_only(session, text):
                return self._own_income_none(session, others_unknown=answer is DONT_KNOW)
            reading = _size_not_asked(consistent(read_facts(text, self.today()), text), text)
            reading = without_others_property(session, text, reading)
            told = reading  # "没有存款" to a supporter question: the 没有 is the deposits'
            reading = without_the_supporters_facts(session, reading)
            reading = typed_for_the_applicant(session, reading)  # "我妈她今年七十三" to 您本人…
            reading = without_the_writers_own(text, reading)  # "…，我在外地打工不算"
            theirs = said_of_the_member(session, reading)  # "儿子三十，孙子八岁" to 儿子多大
            if theirs is not None and isinstance(answer, Value) and answer.value != theirs.value:
                answer = Value(theirs.value, is_estimate=theirs.estimate)
            if answer is None:
                answer = self._yes_by_its_fact(session, reading)
            owner = owner_elsewhere(session, text, reading)
            if owner is not None and isinstance(answer, Value) and answer.value:
                return self._not_the_households(session, text[owner.start : owner.end])
            if (
                answer is not None
                and not self._about_other_topic(session, text, told)
                and not names_another_member(session, text, reading)  # "我男人…" to 您本人…
            ):
                if pending.question_id == "household_size" and isinstance(answer, Value):
                    keep_those_listed(session, text, int(answer.value))
                if pending.question_id == HOUSEHOLD_INCOME_QUESTION and isinstance(answer, Value):
                    reading = with_income_parts(reading, text, self.today(), answer.value)
                reading = without_misplaced_money(session, text, reading)
                return self._answered(session, answer, reading, text)
            stored = self._store_other_topics(session, reading)
            if stored:
                said = "，".join(phrases(session, self.bank, stored))
                noted = TextReply(text=prompts.NOTED.format(facts=said))
                return [noted, *self._advance(session)]
            if newly:  # "我想申请低保": noted; then the same question, no failure counted
                names = "、".join(guide_for(session.region).item(i).name for i in newly)
                noted = TextReply(text=prompts.ITEMS_NOTED.format(names=names))
                return [noted, *self._ask(session, pending, count=False)]
        if (parse.intent == "ask_policy" and (pending is None or _asks(text, parse))) or (
            pending is None and parse.intent != "answer"
        ):
            return self._policy(session, text)
        if command:
            return self._control(session, parse.intent)
        if pending is None:
            # After the result, "我家其实是四口人" updates that answer and the result.
            return self._update_answered(session, text) or [TextReply(text=prompts.AFTER_END)]
        return self._not_understood(session)

    # --- understanding -------------------------------------------------------------------
    def _story_first(
        self, session: Session, text: str, parsed: Answer | Doubt | None
    ) -> Reading | None:
        """Nothing answered or known yet, and a long first message that does not answer the
        first question but in which the opening reader finds something ("三口人，老伴在外打工"
        is an answer; "俺七十二了 老头子走了好几年了 俺儿子三十八…" a story): its reading, else None."""
        if not _nothing_known(session) or len(text.strip()) < FIRST_STORY_MIN:
            return None
        told = clauses(spaces_as_commas(text))
        if len(told) == 1 and asked_back(text):
            return None  # one question ("两个人过日子能申请低保不"), not a story
        answered = parsed is DONT_KNOW or isinstance(parsed, Value)
        if answered and (len(told) < _STORY_CLAUSES or len(text) < _STORY_LENGTH):
            return None  # an answer ("仨，我，我儿子，我儿媳妇": a list of who they are)
        reading = read_facts(text, self.today(), opening=True, region=session.region)
        if answered and not reading.facts:
            return None  # "三口人，我、老伴，还有个孙子": the size, with who they are
        sized = reading.size is not None or (reading.speaks_for and reading.speaks_for.size)
        asked_size = session.pending is not None and session.pending.question_id == "household_size"
        if (
            isinstance(parsed, Value)
            and not sized
            and asked_size
            and _holds_those_named(parsed.value, reading)
        ):
            # "…今年六十三 光棍一个…": the size the answer's own parser found, kept with the story
            # (not a count of some of them: "…媳妇…孩子两个…" is no household of two)
            size = Fact("size", parsed.value, 0, len(text))
            reading = dataclasses.replace(reading, size=size)
        if asked_size and isinstance(parsed, Value) and reading.size is not None:
            # "四口 就是我老两口带两个孙子 娃他爸娃他妈在新疆打工呢": the answer lists who
            # they are first; the grandchildren's parents named after live elsewhere
            listed = listed_first(reading, text, int(parsed.value))
            if listed is not None and listed.size == reading.size and not _names_everyone(reading):
                reading = listed
        # a story that says the size too ("我一个人带闺女 离了好几年了…", "…大小便也不知道…"):
        # the opening reader, which reads it with the story around it, not the first count or
        # 不知道 in it
        # items alone are a request or a question ("低保和特困能同时享受吗"), not a story
        return reading if reading.facts or reading.size or reading.complaint else None

    def _note_items(self, session: Session, text: str, parse: Parse | None = None) -> None:
        """ "我想申请公租房": the items the citizen cares about."""
        if session.pending is not None and session.pending.question_id == "already_receives":
            return
        named = offered_items(items_not_denied(text), guide_for(session.region).item_ids, text)
        if named and (parse is None or parse.intent in ("start_application", "answer")):
            current = list(session.items or [])
            session.items = [*current, *(i for i in named if i not in current)]

    def _add_items(self, session: Session, items: list[ItemId], text: str) -> None:
        offered = offered_items(items, guide_for(session.region).item_ids, text)
        current = list(session.items or [])
        session.items = [*current, *(i for i in offered if i not in current)]
        if not session.items:
            session.items = None

    def _parse_pending(self, session: Session, text: str) -> Answer | Doubt | None:
        pending = session.pending
        assert pending is not None
        if pending.question_id in (CONSENT_ID, MEMBER_MORE_ID):
            # "没啥不同意的"; "不同意，哦不是，同意": what follows the repair
            said = self_repaired(without_double_negation(text))
            yes = parse_consent(said) if pending.question_id == CONSENT_ID else parse_yes_no(said)
            if yes is None and pending.question_id == MEMBER_MORE_ID and parse_relation(text):
                yes = True  # "还有我老伴"
            if yes is None:
                return DONT_KNOW if is_dont_know(text) else None
            return Value(yes)
        question = self.bank.get(pending.question_id)
        if question.id == RELATION_QUESTION and writer.is_speaker(session, pending.member):
            text = writer.own_relation_said(text)
        of_another = pending.member is not None and pending.member > 0
        answer = parsed_answer(  # parse_answer, kept for the wordings said again
            question,
            text,
            self.today(),
            region=session.region,
            of_another=of_another,
            speaker_owes=writer.speaker_owes(session, pending.member),
            # "俺爹他每月一百来块" typed for the applicant: not another member's amount
            asked=None if typed_for_them(session, text) else _relation_of(session, pending.member),
        )
        if question.answer == "ages" and not fits_in_order(session, answer):
            return None  # "27，29" for three people: whose age is which is unsaid, ask again
        return answer

    # --- applying ------------------------------------------------------------------------
    def _own_income_none(self, session: Session, others_unknown: bool) -> list[Reply]:
        """ "我自己没收入" to 全家每个月收入: the speaker's none is stored, not the household's
        (a partner may earn). Unless the others' income was said not known ("老伴的不知道"),
        the same question asks about the others: their income is then the household's."""
        pending = session.pending
        assert pending is not None
        apply.apply_answer(session, self.bank.get(MEMBER_INCOME_QUESTION), 0, Value(0.0))
        if others_unknown:
            return self._answered(session, DONT_KNOW)
        ask = TextReply(text=prompts.OTHERS_INCOME, question_id=pending.question_id)
        return [TextReply(text=prompts.OWN_INCOME_NONE), ask]

    def _not_the_households(self, session: Session, owner: str) -> list[Reply]:
        """ "儿子有车，他在外地成家了": not the household's; asked again, saying why. Said
        again, it is left as 不清楚, never stored as the household's."""
        pending = session.pending
        assert pending is not None
        why = TextReply(text=prompts.OWNER_ELSEWHERE.format(who=owner))
        if session.failures > 0:
            return [why, *self._answered(session, DONT_KNOW)]
        session.failures += 1
        return [why, *self._ask(session, pending, count=False)]

    def _about_other_topic(self, session: Session, text: str, reading: Reading) -> bool:
        """ "有两间土坯房" to 家里有小汽车吗: the 有 is about a house, not a car."""
        pending = session.pending
        if pending is None or pending.question_id in (CONSENT_ID, MEMBER_MORE_ID):
            return False
        question = self.bank.get(pending.question_id)
        text = plain_no(text)  # as the answer was parsed: "存款么有" is "存款没有"
        found = find_yes_no(text) if question.answer == "yes_no" else None
        if found is None:
            return False
        # voice input's pauses part clauses here as they do for the reading ("没有 有个电动三轮
        # 拉他去透析": the 没有 is about the car, the dialysis in the next clause)
        paused = spaces_as_commas(text)
        clause = clause_span(paused, found.start)
        if not question.asks_whether_there_is and _NOTHING_ELSE.match(paused, clause[0]):
            # "俺娘有个老年证，别的没有" to 户口在本地吗: nothing else owned, and no answer to a
            # question of what is so (it answers one of what there is: "养老金，别的没有")
            return True
        return any(
            not same_topic(question, f.name)
            and clause == clause_span(paused, f.start)
            and not said_of_nobody_here(session, f)  # "俺在超市理货": the speaker's own job
            for f in reading.facts
        )

    def _yes_by_its_fact(self, session: Session, reading: Reading) -> Answer | None:
        """ "孙子上高中" to 家里有孩子在上学吗: stating the question's own fact, for anyone,
        is a yes (the member follow-ups then ask whom, if the answer did not say); of one
        member asked about, stating it of nobody else is theirs."""
        pending = session.pending
        assert pending is not None
        if pending.question_id in (CONSENT_ID, MEMBER_MORE_ID):
            return None
        question = self.bank.get(pending.question_id)
        if question.answer != "yes_no":
            return None
        # of one member asked about: said of nobody named ("肝硬化，医生说挺严重" to 他有没有重病)
        of_one = question.all_members is None
        if of_one and pending.member is None:
            return None
        says_yes = any(
            f.name in question.fills
            and f.value not in (False, None, "none")
            and (not of_one or f.who is None)
            for f in reading.facts
        )
        return Value(True) if says_yes else None

    def _store_other_topics(self, session: Session, reading: Reading) -> list[Stored]:
        """Facts an unparsed answer states; they answer an all-members question when they
        fill its fact ("老伴尿毒症" to 家里有人得了重病吗), else the question stays open."""
        pending = session.pending
        assert pending is not None
        if pending.question_id == CONSENT_ID:
            # "我四十六 闺女十八" to the consent: kept (not money, which waits for the consent),
            # and the consent asked again
            gated = self.bank.consent_gated
            kept = [f for f in reading.facts if fact_name(f.name) not in gated]
            return store_facts(session, dataclasses.replace(reading, facts=kept), None, set())
        if pending.question_id == MEMBER_MORE_ID:
            return []
        question = self.bank.get(pending.question_id)
        # "两口人" to 户口类型: the size (and the people it lists) is kept, the question asked again
        sized = (
            add_members(session, reading, all_named=_names_everyone(reading))
            if reading.size is not None and session.household.size is None
            else []
        )
        skip = _not_of_one_member(session, pending.member)
        stored = sized + store_facts(session, reading, pending.member, skip)
        if question.all_members is not None and any(s.fact.name in question.fills for s in stored):
            apply.apply_answer(session, question, None, Value(True))
            apply.extend_last(session, [(s.key, s.before) for s in stored])
            session.pending = None
        return stored

    def _answered(
        self,
        session: Session,
        answer: Answer,
        reading: Reading | None = None,
        text: str | None = None,
    ) -> list[Reply]:
        pending = session.pending
        assert pending is not None
        replies: list[Reply] = []
        if pending.question_id == CONSENT_ID:
            if answer is DONT_KNOW and session.failures == 0:
                # Unsure: explain once what it means; unsure again, go on without it (as 跳过).
                session.failures += 1
                choices = prompts.consent_choices()
                return [ChoicesReply(text=self.bank.consent.unsure, choices=choices,
                                     question_id=CONSENT_ID)]  # fmt: skip
            session.consent = isinstance(answer, Value) and answer.value is True
            if not session.consent:
                replies.append(TextReply(text=self.bank.consent.refused))
        elif pending.question_id == MEMBER_MORE_ID:
            apply.member_more(session, isinstance(answer, Value) and answer.value is True)
        else:
            question = self.bank.get(pending.question_id)
            member = pending.member
            if question.id == RELATION_QUESTION and isinstance(answer, Value):
                member = relation_member(session, member, answer.value)  # "她爸" to 孩子是谁
            if not apply.apply_answer(session, question, member, answer):
                return self._not_understood(session)
            if isinstance(answer, Value) and answer.is_estimate:
                replies.append(TextReply(text=prompts.ESTIMATE_NOTED))
            if reading is not None:
                self._store_with_answer(session, question, member, answer, reading, text or "")
                apply.extend_last(
                    session, for_the_partner(session, question, member, answer, reading)
                )
            if text is not None and question.also_answers and isinstance(answer, Value):
                apply.extend_last(session, self._answers_the_next(session, question, member, text))
        session.failures = 0
        session.pending = None
        return replies + self._advance(session)

    def _answers_the_next(
        self, session: Session, question: Question, member: int | None, text: str
    ) -> list[tuple[str, Any]]:
        """A yes to `question` whose words are also the next question's "no" (its own words,
        never a bare 没有 or 不): that one is answered too, and not asked."""
        household = session.household
        if question.also_answers is None or member is None or member >= len(household.members):
            return []
        keys = apply.keys_of(question, member)
        if not all(get_fact(household, key) is True for key in keys):
            return []
        follow = self.bank.get(question.also_answers)
        if follow.answer != "yes_no" or not any(w in text for w in follow.synonyms.get("no", [])):
            return []
        changed = []
        for name, key in zip(follow.fills, apply.keys_of(follow, member), strict=True):
            if get_fact(household, key) is None and not session.is_unknown(key):
                changed.append((key, None))
                set_fact(household, key, converted(name, False))
        return changed

    def _store_with_answer(
        self, session: Session, question: Question, member: int | None, answer: Answer,
        reading: Reading, text: str,
    ) -> None:  # fmt: skip
        """The other facts an answer states, undone with it by "go back"."""
        if question.fills == ["size"] and _same_size(reading, answer):
            add_members(session, reading, all_named=True)
        elif (
            question.fills == ["size"]
            and isinstance(answer, Value)
            # nobody named yet (else keep_those_listed sorts those the opening named)
            and all(m.relation is None for m in session.household.members[1:])
        ):
            listed = listed_first(reading, text, int(answer.value))
            if listed is not None:  # "四口 就是我老两口带两个孙子 娃他爸娃他妈在新疆打工呢"
                add_members(session, listed, all_named=True)
        named: list[tuple[str, Any]] = []
        if question.all_members is not None and isinstance(answer, Value) and answer.value:
            named = named_members(session, question, reading, answer.extra)
            apply.extend_last(session, named)
        if question.answer == "ages" and isinstance(answer, Value):
            apply.extend_last(session, place_ages(session, reading, answer))
        own = set() if question.all_members is not None else set(question.fills)
        # of a member asked about, the same fact of another member is kept ("是老伴得了脑梗")
        skip, asked_only = (set(), own) if member is not None else (own, set())
        stored = store_facts(
            session, reading, member, skip | _not_of_one_member(session, member), asked_only
        )
        apply.extend_last(session, [(s.key, s.before) for s in stored])
        said_of = [key for key, _ in named] + [s.key for s in stored]
        if isinstance(answer, Value) and answer.others_no and said_of:
            # after the yes of those named; when their yes was not read, nobody's no either
            apply.extend_last(session, apply.everyone_else_no(session, question, said_of))

    def _control(self, session: Session, intent: str) -> list[Reply]:
        if intent == "handoff":
            session.handoff = True
            return [TextReply(text=prompts.HANDOFF)]
        if intent == "restart":
            fresh = Session.new(session.id, session.owner, session.region, session.channel)
            # the conversation with a person and its record outlive a restart of the questions
            keep = {"agents", "handoff", "handoff_at", "live_agent", "callback_phone",
                    "transcript", "transcript_seq", "created_at", "version"}  # fmt: skip
            for name in Session.model_fields:
                if name not in keep:
                    setattr(session, name, getattr(fresh, name))
            return [TextReply(text=prompts.RESTART), *self._advance(session)]
        if intent == "go_back":
            record = apply.go_back(session)
            if record is None:
                return [TextReply(text=prompts.NOTHING_TO_UNDO), *self.resume(session)]
            session.status = "active"
            session.failures = 0
            target = Next(record.question_id, record.member)
            return [TextReply(text=prompts.GO_BACK), *self._ask(session, target.pending())]
        return self._skip(session, prompts.SKIPPED)

    def _skip(self, session: Session, said: str) -> list[Reply]:
        """The pending question left as 不清楚 (the office checks it); the next one asked."""
        pending = session.pending
        if pending is None:
            return [TextReply(text=prompts.AFTER_END)]
        if pending.question_id in (CONSENT_ID, MEMBER_MORE_ID):  # skipping these means "no"
            return [TextReply(text=said), *self._answered(session, Value(False))]
        apply.skip(session, self.bank.get(pending.question_id), pending.member)
        session.pending = None
        session.failures = 0
        return [TextReply(text=said), *self._advance(session)]

    def _correct(self, session: Session, text: str) -> list[Reply]:
        """ "刚才说错了，我们家没有车": every fact the text states replaces the stored one,
        said back with the old value; else the answered question it is about; else ask."""
        asked = session.pending.member if session.pending else None
        reading = read_facts(text, self.today())
        changes = correct_facts(session, self.bank, reading, asked)
        if changes:
            said = "；".join(prompts.CHANGED.format(new=new, old=old) for new, old in changes)
            replies: list[Reply] = [TextReply(text=prompts.CORRECTED_WHAT.format(changes=said))]
            added = store_facts(session, reading, asked)  # "…，有一套自己住的房子": new, kept
            if added:
                noted = "，".join(phrases(session, self.bank, added))
                replies.append(TextReply(text=prompts.NOTED.format(facts=noted)))
            return [*replies, *self._advance(session)]
        updated = self._update_answered(session, text)
        if updated is not None:
            return updated
        named = prompts.correction_targets(session, self.bank, text)
        about_pending = session.pending is not None and any(
            t.question_id == session.pending.question_id for t in named
        )
        # the classifier's guess of "correct" with no correction words: an answer, if it is one;
        # so is "不是本地的，是外县的" to 户口在本地吗, when no question it names was answered yet
        answered_named = any(prompts.was_asked(session, self.bank, t) for t in named)
        if session.pending is not None and (
            not named or about_pending or not is_correction(text) or not answered_named
        ):
            answer = self._parse_pending(session, text)
            if isinstance(answer, Doubt):
                return self._doubt(session, answer)
            if answer is None:  # "肝硬化，医生说挺严重" (read as a correction): its own fact said
                answer = self._yes_by_its_fact(session, reading)
            if answer is not None:
                pending = session.pending
                # an answer given before is changed; a first answer is only taken
                changed = session.answered(pending.question_id, pending.member)
                done = [TextReply(text=prompts.CORRECTED)] if changed else []
                # "三口 哎刚才说错了 四口 女子上大学": the rest it says is kept, as with any answer
                return [*done, *self._answered(session, answer, reading)]
            if not is_correction(text):
                # no correction asked for and no answer understood: asked again, counted as a
                # try like any answer not understood (left as 不清楚 after a few)
                return self._not_understood(session)
        return [
            TextReply(text=prompts.NOTHING_CORRECTED),
            TextReply(text=prompts.WHICH_TO_CORRECT),
            summary(session, self.bank),
        ]

    def _update_answered(self, session: Session, text: str) -> list[Reply] | None:
        """Re-answer the earlier question `text` is about, said back with the old and the new
        value; None when it is about none."""
        new_part = corrected_part(text)  # "不是两万，是两千": the value after 是
        for target in prompts.correction_targets(session, self.bank, text):
            question = self.bank.get(target.question_id)
            answer = parse_answer(question, new_part, self.today(), region=session.region)
            if (
                isinstance(answer, Value)
                and not is_correction(text)
                and _as_stored(session, question, target.member, answer)
            ):
                # "八月连阴雨房子裂了" to 最近有没有突发困难: the house said again as it was
                # noted, no correction ("已经改过来了" and the same question, for ever)
                continue
            if isinstance(answer, Value):
                keys = apply.keys_of(question, target.member)
                before = [self._said_value(session, key) for key in keys]
                # the policy then picks the next question from the corrected facts
                session.pending = target.pending()
                replies = self._answered(session, answer)
                after = [self._said_value(session, key) for key in keys]
                changes = "；".join(
                    prompts.CHANGED.format(new=new, old=old)
                    for old, new in zip(before, after, strict=True)
                    if old and new and old != new
                )
                said = (
                    prompts.CORRECTED_WHAT.format(changes=changes) if changes else prompts.CORRECTED
                )
                return [TextReply(text=said), *replies]
        return None

    def _said_value(self, session: Session, key: str) -> str | None:
        """How the stored value of `key` reads back ("家里2口人"), None when not stored."""
        value = get_fact(session.household, key)
        return phrase_of(session, self.bank, fact_name(key), key, value)

    def _on_choice(self, session: Session, choice: str) -> list[Reply]:
        if choice in ("handoff", "restart", "go_back", "skip"):
            return self._control(session, choice)
        if choice.startswith("edit:"):
            target = self._edit_target(session, choice)
            if target is None:
                # A stale 改 button (the household shrank) or a forged choice: never trusted.
                return [TextReply(text=prompts.EDIT_UNAVAILABLE), *self.resume(session)]
            session.status = "active"
            return [TextReply(text=prompts.EDIT), *self._ask(session, target.pending())]
        if choice == "form:yes":
            return self._form_request(session)
        if choice.startswith("form:"):
            session.form_requested = False
            return [TextReply(text=prompts.FORM_NO)]
        pending = session.pending
        if pending is None:
            return self.resume(session)
        if pending.question_id in (CONSENT_ID, MEMBER_MORE_ID):
            answer: Answer | None = Value(choice == "yes") if choice in ("yes", "no") else None
        else:
            answer = parse_tap(self.bank.get(pending.question_id), choice)
        if answer is None:
            return self._not_understood(session)
        return self._answered(session, answer)

    def _edit_target(self, session: Session, choice: str) -> Next | None:
        """The answer an "edit:<question>[:<member>]" choice reopens, if it exists in this
        session: a known question, a member index only for member questions and in range."""
        _, question_id, *rest = choice.split(":")
        known = {q.id: q for q in self.bank.questions}
        question = known.get(question_id)
        if question is None or len(rest) > 1:
            return None
        if not question.is_member:
            return None if rest else Next(question_id)
        if not rest or not rest[0].isdecimal():
            return None
        member = int(rest[0])
        if member >= len(session.household.members):
            return None
        return Next(question_id, member)

    def _mended_answer(self, session: Session, text: str) -> Value | None:
        """ "三口 哎刚才说错了 四口" to 几口人: the answer mended as it was said, read as the
        answer (the parser keeps what follows the repair), not a correction of earlier ones;
        None when the text corrects something else."""
        start = mended_start(text)
        pending = session.pending
        if pending is None or start is None or pending.question_id in (CONSENT_ID, MEMBER_MORE_ID):
            return None
        question = self.bank.get(pending.question_id)
        said = parse_answer(question, start, self.today(), region=session.region)
        if not isinstance(said, Value):
            return None
        answer = self._parse_pending(session, text)
        return answer if isinstance(answer, Value) else None

    def _form_request(self, session: Session) -> list[Reply]:
        """ "帮我填表" (tapped or typed): after the result the form is made; before it, the
        questions come first (the form is filled from the answers)."""
        if session.pending is not None:
            return [
                TextReply(text=prompts.FORM_LATER),
                *self._ask(session, session.pending, count=False),
            ]
        session.form_requested = True
        return [TextReply(text=prompts.FORM_YES)]

    def _policy(self, session: Session, text: str) -> list[Reply]:
        place = session.household.place
        answer = self.answer_policy(text, session.region, place) if self.answer_policy else None
        if answer is None or answer.declined:
            said = prompts.no_policy_answer(
                answer.suggestions if answer else (), answer.phone if answer else None
            )
            replies: list[Reply] = [TextReply(text=said)]
            if session.pending is not None and _moves_on(session):  # not asked for ever
                return [*replies, *self._skip(session, prompts.MOVED_ON)]
        else:
            cite = f"（依据：{answer.citation}）" if answer.citation else ""
            replies = [TextReply(text=f"{answer.text}{cite}")]
        if session.pending is not None:
            replies.append(TextReply(text=prompts.CONTINUE))
            replies += self._ask(session, session.pending, count=False)
        return replies

    # --- asking ----------------------------------------------------------------------------
    def screen(self, session: Session, detail: bool = True) -> ScreeningResult:
        """`screen_session`, screened again only when a fact changed (dialogue.screened);
        without detail: outcomes and missing facts only, for choosing the next question."""
        return asked_first(session, self.screenings.of(session, self.today(), detail))

    def _advance(self, session: Session) -> list[Reply]:
        # The choice reads outcomes and missing facts only; the wording is screened for the
        # result alone (a third of a screening's cost, saved on every other turn).
        screened, digest = self.screenings.with_digest(session, self.today(), detail=False)
        result = asked_first(session, screened)
        trial = self.lookahead.begin(session, self.today(), digest)
        chosen = plan(session, result, self.bank, trial)
        why = [TextReply(text=t) for t in update_hint(session, chosen.remaining)]
        if chosen.next is None:
            session.pending = None
            session.status = "done"
            return ending(session, self.screen(session), self.bank)
        session.status = "active"
        if noted_unknown_instead(session, chosen.next):
            return self._advance(session)  # not asked: choose again
        if chosen.safety_net:
            session.safety_net_asked = True
        return why + self._ask(session, chosen.next.pending())

    def _finish(self, session: Session) -> list[Reply]:
        return ending(session, self.screen(session), self.bank)

    def _ask(self, session: Session, pending: object, count: bool = True) -> list[Reply]:
        from dialogue.state import Pending

        assert isinstance(pending, Pending)
        if count and session.pending != pending:
            session.questions_asked += 1
        session.pending = pending
        return [prompts.question_reply(session, self.bank, pending, failures=session.failures)]

    def _doubt(self, session: Session, doubt: Doubt, said: str = "") -> list[Reply]:
        """A number that does not fit: say why, ask the same question again; nothing stored
        from it (the speaker's own age said to 几口人 is kept: it is a fact, just not a size)."""
        assert session.pending is not None
        if doubt.kind == "age_not_size" and said:
            reading = read_facts(said, self.today())
            add_members(session, reading, all_named=False)
            store_facts(session, reading, None, set(self.bank.get("household_size").fills))
        taken = HOUSES_SAID_AGAIN.get(doubt.kind)
        if taken is not None and session.failures >= 1:
            count, noted = taken
            return [TextReply(text=noted), *self._answered(session, Value(count))]
        if doubt.kind in AREA_SAID_AGAIN and session.failures >= 1:
            return self._skip(session, prompts.AREA_NOT_KNOWN)
        if _moves_on(session):  # an answer not taken, like one not understood
            return self._skip(session, prompts.MOVED_ON)
        text = prompts.DOUBTS[doubt.kind].format(n=doubt.number, field=doubt.field)
        return [TextReply(text=text), *self._ask(session, session.pending, count=False)]

    def _negative(self, session: Session, negative: Negative) -> list[Reply]:
        pending = session.pending
        question = None  # consent and "more members" are not in the bank: no field to name
        if pending is not None and pending.question_id not in (CONSENT_ID, MEMBER_MORE_ID):
            question = self.bank.get(pending.question_id)
        doubt = negative_doubt(negative, question)
        if pending is not None:
            return self._doubt(session, doubt)
        text = prompts.DOUBTS[doubt.kind].format(n=doubt.number, field=doubt.field)
        return [TextReply(text=text)]

    def _not_understood(self, session: Session) -> list[Reply]:
        pending = session.pending
        if pending is None:
            return [TextReply(text=prompts.AFTER_END)]
        if _moves_on(session):
            return self._skip(session, prompts.MOVED_ON)
        return [prompts.reask_reply(session, self.bank, pending)]


# 几套房子 answered again as before after it was asked back: rooms or caves are, as a rule, the
# rooms of one home (一个院子算一处); a rented home again is none of their own. Noted so; the
# office verifies houses itself (不动产登记).
HOUSES_SAID_AGAIN: dict[str, tuple[int, str]] = {
    "rooms_not_houses": (1, prompts.ONE_HOME_ASSUMED),
    "caves_not_houses": (1, prompts.ONE_HOME_ASSUMED),
    "rented_not_owned": (0, prompts.NO_HOME_OWNED_ASSUMED),
}


# 多少平米 answered with the rooms (or the flats) again after it was asked back: the area is not
# known to them ("不知道 三间"); left as 不清楚 at once (the office measures it), not asked a
# third time.
AREA_SAID_AGAIN = frozenset({"rooms_not_area", "houses_not_area"})


def _as_stored(session: Session, question: Question, member: int | None, answer: Value) -> bool:
    """The answer gives every fact of the question the value it already has."""
    try:
        keys = apply.keys_of(question, member)
        return all(
            get_fact(session.household, key) == converted(name, answer.value)
            for name, key in zip(question.fills, keys, strict=True)
        )
    except (ValueError, IndexError, AttributeError, TypeError):
        return False


def _moves_on(session: Session) -> bool:
    """One more failed try at the pending question; True when it is to be left as 不清楚
    (asking a fourth time would only tire them)."""
    session.failures += 1
    return session.failures >= MOVE_ON_AFTER


def _asks(text: str, parse: Parse) -> bool:
    """A message sent while a question is pending asks something (a policy question) when
    it reads as a question or the classifier is sure; "前几年修过" (read as a question with
    0.28) is an answer not understood, asked again, not a question sent to the KB."""
    return parse.confidence >= POLICY_WHILE_ASKING or bool(ASKING.search(text))


# "别的没有", "其他的都没有": nothing else than what was just said, no answer about one thing
_NOTHING_ELSE = re.compile(r"\s*(?:别的|其他的?|其它的?|旁的)(?:都|也|就)?(?:没有|没|么有|莫有)")


def _same_size(reading: Reading, answer: Answer) -> bool:
    """The reading counts the household as the answer does, and names no more people than it:
    when it does not ("就我跟老伴俩，儿子一家三口住隔壁" read as three), the people it lists
    are not taken as the members."""
    size = reading.size
    if size is not None:
        return isinstance(answer, Value) and size.value == answer.value
    # "就额们老两口，儿子在兰州自己过" (2): more named than counted, some live elsewhere
    named = 1 + sum(m.count for m in reading.members())
    return not (
        isinstance(answer, Value) and isinstance(answer.value, int) and named > answer.value
    )


def _size_not_asked(reading: Reading, text: str) -> Reading:
    """The reading without a size said inside a question ("两个人过日子能申请低保不"): the
    question is about the policy, the number no count given."""
    size = reading.size
    if size is not None and asked_back(text[slice(*clause_span(text, size.start))]):
        return dataclasses.replace(reading, size=None)
    return reading


def _relation_of(session: Session, member: int | None) -> str | None:
    members = session.household.members
    return members[member].relation if member is not None and member < len(members) else None


def _not_of_one_member(session: Session, member: int | None) -> set[str]:
    """Household facts an answer about one member does not state: "就靠每月一百多的养老金",
    said of him, is not the whole household's income."""
    if member is not None and len(session.household.members) > 1:
        return {"monthly_income_total"}
    return set()
