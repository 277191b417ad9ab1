"""Answering a message from the KB index: its request(s) (nlu.kb_focus), the region each is
about, another province's question declined as such (or answered with the national rule where
one answers it), and the confident hit or suggestions.

`Answering` is mixed into `nlu.retrieval.KnowledgeIndex`, which provides the search."""

from __future__ import annotations

from dataclasses import replace

from nlu.kb_focus import (
    asked_elsewhere,
    asking_part,
    last_place,
    lead_in,
    names_a_benefit,
    points_elsewhere,
    requests,
    says_what,
)
from nlu.kb_programmes import asked_beside_items, beside_our_item, off_programme, programmes
from nlu.lexicon import find_items
from nlu.places import national_entries, national_message, other_place, other_place_message
from nlu.retrieval_query import analyse, without_regions
from nlu.retrieval_types import (
    UNCERTAIN_MESSAGE,
    Analysed,
    Answer,
    Hit,
    KbDocument,
    RetrievalConfig,
)
from nlu.tokenize import normalize

# What a request asks that only the other place's own office can answer: how or where to apply.
LOCAL_ASPECTS = frozenset({"流程", "渠道"})
# What a request asks whose answer differs from one programme to the next.
PER_ITEM_ASPECTS = frozenset({"时限", "材料", "金额", "流程", "渠道"})


class Answering:
    config: RetrievalConfig

    def _search(
        self, query: str, region: str | None, k: int, story: str | None = None
    ) -> tuple[list[Hit], Analysed]:
        raise NotImplementedError  # nlu.retrieval.KnowledgeIndex

    def document(self, entry_id: str) -> KbDocument | None:
        raise NotImplementedError  # nlu.retrieval.KnowledgeIndex

    def content_words(self, text: str) -> list[str]:
        raise NotImplementedError  # nlu.retrieval.KnowledgeIndex

    def _bare(self, request: str) -> bool:
        """A request that names nothing it is about, only whom or where to ask ("这个事我该找谁",
        "这种情况咋办"): no item, benefit or action (nlu.kb_focus.says_what) and at most one
        word the KB knows besides the aspect words. Its own words match any entry on asking
        where (不知道该找哪个部门), so only the whole message is searched for it."""
        return not says_what(request) and len(self.content_words(request)) <= 1

    def focused(self, query: str, region: str | None) -> list[tuple[str, str | None]]:
        """The request(s) of a message with the region it is about: for a request that names
        no place, the first region the message names (a story's "我是天水的"), else the
        user's; a request pointing back ("她那边") is about the last place named, and another
        province's name is then put in front of it, so it is declined as such. So is a request
        whose asking clause names another place while its story names ours ("我是宁夏的，在北京
        干活，北京那边低保咋申请")."""
        named = without_regions(normalize(query))[1] or region
        out: list[tuple[str, str | None]] = []
        for ask in requests(query):
            ours, elsewhere = last_place(query) if points_elsewhere(ask) else (None, None)
            bare, ours_named = without_regions(ask)
            asked_at = asked_elsewhere(ask) if ours_named else None
            if asked_at:  # the asking clause is about another place: our names in the story
                out.append((f"{asked_at}，{bare}", region))  # do not make it ours
            elif ours_named or other_place(ask):
                out.append((ask, ours_named or region))
            elif elsewhere:
                out.append((f"{elsewhere}，{ask}", region))
            else:
                out.append((ask, ours or named))
        return out

    def answer(self, query: str, region: str | None = None) -> Answer:
        """The one answer to a message: of its requests' answers (`answers`, what the bot
        shows), the first request's when the whole message also puts its entry first (two
        readings agree: "能不能申请医疗救助，要带啥东西去办" is mostly about the first), else the
        most confident answered one, else the first (declined) one."""
        found = self.answers(query, region)
        answered = [a for a in found if a.status == "answered"]
        if len(answered) > 1 and answered[0] is found[0] and found[0].entry:
            bare, named = without_regions(normalize(query).strip())
            whole = self._search(bare, named or region, k=1)[0]
            if whole and whole[0].entry_id == found[0].entry.entry_id:
                return found[0]
        return max(answered, key=lambda a: a.confidence) if answered else found[0]

    def top(self, query: str, region: str | None = None) -> Hit | None:
        """The hit `answer` weighs: of the requests' top hits, the most confident (None: no
        hit, or every request is about another place)."""
        asks = self.focused(query, region)
        best: Hit | None = None
        for text, where in asks:
            if other_place(text) is not None:
                continue
            hits = self._hits(query, text, where, alone=len(asks) == 1)[0]
            if hits and (best is None or hits[0].confidence > best.confidence):
                best = hits[0]
        return best

    def answers(self, query: str, region: str | None = None) -> list[Answer]:
        """One answer per distinct request in the message (at most two, nlu.kb_focus); a
        second request that lands on the same entry as the first is not repeated."""
        out: list[Answer] = []
        asks = self.focused(query, region)
        for text, where in asks:
            place = other_place(text)
            if place is not None:  # never another place's question answered with our rules
                out.append(self._elsewhere(query, text, place, where, alone=len(asks) == 1))
                continue
            found = self._answer(*self._hits(query, text, where, alone=len(asks) == 1))
            if not out or found.entry is None or all(a.entry != found.entry for a in out):
                out.append(found)
        return out

    def _elsewhere(
        self, query: str, request: str, place: str, region: str | None, alone: bool
    ) -> Answer:
        """Another place's request: declined as such, unless a national rule answers it. Its
        top hit, searched with no region, is one of the entries that state the national rule
        (nlu.places.national_entries), confident, and the request asks no local procedure
        (how or where to apply there): then that rule, the place's note in front."""
        declined = Answer("uncertain", None, 0.0, (), region, other_place_message(place))
        hits, info = self._hits(query, request, None, alone)
        if (
            not hits
            or hits[0].confidence < self.config.threshold
            or hits[0].entry_id not in national_entries()
            or info.aspects & LOCAL_ASPECTS
        ):
            return declined
        best = hits[0]
        document = self.document(best.entry_id)
        return Answer("answered", document, best.confidence, (), region, national_message(place))

    def _hits(
        self, query: str, request: str, region: str | None, alone: bool
    ) -> tuple[list[Hit], Analysed]:
        """Hits for the request, the rest of the message read as its story (the `story` rank
        feature); for a message's only request, the whole message is searched too and wins
        when its top hit is more confident (the request finder cut too much). When both
        searches put the same entry first, each at least `agreement_floor` confident, that is
        two readings of the message agreeing: its confidence is theirs combined (`_agreed`)."""
        whole = normalize(query).strip()
        found = self._within_programmes(
            request,
            *self._search(request, region, k=4, story=whole if whole != request else None),
            message=whole,
        )
        if alone and whole != request:
            # The message's place names are cut: the request's region (`region`, which
            # `focused` chose) holds, not the first place of the story ("我在太原打工……在甘肃").
            bare = without_regions(whole)[0]
            other = self._within_programmes(bare, *self._search(bare, region, k=4))
            if self._bare(request):  # "这个事我该找谁": what it is about is in the story
                return other
            if other[0] and (not found[0] or other[0][0].confidence > found[0][0].confidence):
                return self._agreed(other, found[0], bare)
            return self._agreed(found, other[0], request)
        return found

    def _agreed(
        self, found: tuple[list[Hit], Analysed], other: list[Hit], text: str | None = None
    ) -> tuple[list[Hit], Analysed]:
        """`found` with its top hit's confidence combined with the other reading's (1 - the
        product of their doubts) when both readings put that entry first, each at least
        `agreement_floor` confident, and that entry is not one `_within_programmes` has
        scaled down (a neighbouring programme's question it never mentions, read in `found`'s
        own words, `text`, by default `info.text`: its canonical words may no longer name the
        programme)."""
        hits, info = found
        text = info.text if text is None else text
        floor = self.config.agreement_floor
        if not hits or not other or hits[0].entry_id != other[0].entry_id:
            return found
        if min(hits[0].confidence, other[0].confidence) < floor or self._off_programme(
            hits[0], self._programmes_asked(text, info, None), text
        ):
            return found
        combined = 1.0 - (1.0 - hits[0].confidence) * (1.0 - other[0].confidence)
        return [replace(hits[0], confidence=combined), *hits[1:]], info

    def _off_programme(self, hit: Hit, asked: frozenset[str], request: str) -> bool:
        """Programmes are asked about and the hit's entry is not known to mention them (in
        what `request` asks: nlu.kb_programmes.off_programme)."""
        doc = self.document(hit.entry_id)
        if doc is None:
            return bool(asked)
        return off_programme(asked, (doc.question, *doc.similar), request) or (
            beside_our_item(asked, doc.question, request)
        )

    def _programmes_asked(self, text: str, info: Analysed, message: str | None) -> frozenset[str]:
        """The neighbouring programmes a request is about: those it names (with an item of ours
        named, only in its asking clauses, nlu.kb_focus.asking_part, and not those that are an
        item's background, nlu.kb_programmes.asked_beside_items); or, for a request naming
        neither nor any benefit ("能去哪里申请复核", "我找谁投诉"), those named in the story
        before it ("拆迁补偿谁说了算，能去哪里申请复核"; "燃气表坏了……拖了一个月了，我找谁投诉":
        its subject), when the message names no item of ours. A programme named before a request
        that names what it asks for is story ("没有退休金，就靠儿女给点，想问问老人有没有生活
        补贴"), not what is asked."""
        if info.items:  # "退役军人优待证咋办": the item is the asker's, the programme is asked
            return asked_beside_items(asking_part(text))
        asked = programmes(text)
        if asked or not message or names_a_benefit(text) or analyse(message).items:
            return asked
        return programmes(lead_in(message, text, clauses=99))

    def _within_programmes(
        self, text: str, hits: list[Hit], info: Analysed, message: str | None = None
    ) -> tuple[list[Hit], Analysed]:
        """A question about a neighbouring programme (医保, 养老保险 … and no item of ours,
        nlu.kb_programmes; `_programmes_asked`) is not answered confidently by an entry that
        never mentions it: such a hit's confidence is scaled by `other_programme_factor`;
        confidences still never rise down the list. So is a request asking how long, what to
        bring … of nothing it names (`_item_unnamed`) by an entry about one programme, which
        then goes after the entries about none ("甘肃社会救助一件事多长时间能办完")."""
        asked = self._programmes_asked(text, info, message)
        unnamed = self._item_unnamed(text, info)
        if not asked and not unnamed:
            return hits, info
        guessed: set[str] = set()
        if unnamed:
            words = frozenset(self.content_words(text))
            guessed = {h.entry_id for h in hits if self._guesses_item(h, words)}
            hits = sorted(hits, key=lambda h: h.entry_id in guessed)
        out: list[Hit] = []
        ceiling = 1.0
        for hit in hits:
            confidence = hit.confidence
            if self._off_programme(hit, asked, text) or hit.entry_id in guessed:
                confidence *= self.config.other_programme_factor
            ceiling = min(ceiling, confidence)
            out.append(replace(hit, confidence=ceiling))
        return out, info

    def _item_unnamed(self, text: str, info: Analysed) -> bool:
        """A request asking how long, what to bring, how much or how to apply, of nothing it
        names ("那得等多长时间", "那要带些啥": a follow-up whose first question is not seen): no
        item, no benefit and at most one word the KB knows besides the aspect words. Which
        programme it follows is unknown, and those answers differ by programme."""
        return (
            bool(info.aspects & PER_ITEM_ASPECTS)
            and not info.items
            and not names_a_benefit(text)
            and len(self.content_words(text)) <= 1
        )

    def _guesses_item(self, hit: Hit, words: frozenset[str]) -> bool:
        """The hit's entry is about one programme (its standard question names an item) and
        its standard question has none of the request's own words (`words`: "审批表" is in
        "甘肃低收入人口申请审批表在哪里填", so that entry is no guess)."""
        doc = self.document(hit.entry_id)
        if doc is None or not find_items(doc.question):
            return False
        return not words & frozenset(self.content_words(doc.question))

    def _answer(self, hits: list[Hit], info: Analysed) -> Answer:
        effective = info.region
        if hits and hits[0].confidence >= self.config.threshold:
            best = hits[0]
            return Answer("answered", self.document(best.entry_id), best.confidence, (), effective)
        # A hit is offered when its answer family holds at least `suggestion_floor` of the
        # candidates' probability mass (`Hit.score`).
        floor = self.config.suggestion_floor
        suggestions = tuple(h for h in hits if h.score >= floor)[:3]
        confidence = hits[0].confidence if hits else 0.0
        message = UNCERTAIN_MESSAGE if suggestions else "这个问题我还不太确定。"
        return Answer("uncertain", None, confidence, suggestions, effective, message)
