"""The domain lexicon: the words people use for regions, items and family relations.

Data in nlu/data/lexicon.yml, loaded once and strictly. Matching is leftmost-longest over one
precompiled regex per kind, so "低保边缘" is one match (dibao_edge), not "低保" + "边缘", and
"儿媳妇" is a daughter-in-law while a plain "媳妇" is a wife. Words listed under `ignore` are
matched like names and then dropped, which keeps "特困难" (very hard) from meaning 特困.
Item names also match with one character replaced by a listed homophone (`item_homophones`:
"低宝", "底保", "临时就助"), names of four characters or more with two ("医疗就住"); real
names and ignore-words win over such typos. A relation
word negated by 不是 in its clause is a correction, not a relation ("不是儿子是女儿" -> daughter).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from guides.enums import enumerations
from guides.ids import ItemId, RegionId
from guides.yamlio import load_model

DATA = Path(__file__).parent / "data" / "lexicon.yml"

SELF = "self"
_BARE_SELF = "我"  # "self" only as (nearly) the whole answer: "我", "是我", "就我"
_BARE_SELF_FILLER = re.compile(r"[是就只有还都呀啊吧的呢嘛。，,.!！\s]")
_NEGATED = re.compile(r"(?:不是|并不是|并非|而不是|不算)(?:我的?|我家的?|俺的?|他的?|她的?)?$")
_CLAUSE_BREAK = re.compile(r"[，。；！？,;!?\n]")


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    names: list[str] = Field(min_length=1)
    ignore: list[str] = []
    # a region's own services named after it (爱山东, 我的宁夏): they name the region, and a KB
    # question keeps them as words (nlu.retrieval_query.without_regions)
    apps: list[str] = []


class _ChildRelatives(BaseModel):
    """ "娃他爸": a child word, an optional pronoun, a relative's word name a relation."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    children: list[str] = Field(min_length=1)
    pronouns: list[str] = []
    relatives: dict[str, list[str]]

    def words(self) -> dict[str, list[str]]:
        return {
            relation: [
                child + pronoun + word
                for child in self.children
                for pronoun in ["", *self.pronouns]
                for word in words
            ]
            for relation, words in self.relatives.items()
        }


class _LexiconFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    regions: dict[RegionId, _Entry]
    items: dict[ItemId, _Entry]
    relations: dict[str, list[str]]
    possessive: str = ""  # a regex: the speaker and what may follow (我家, 俺那个)
    possessed_relations: dict[str, list[str]] = {}
    sibling_possessive: str = ""  # a regex: a sibling, whose spouse is an in-law (我姐家男人)
    spouse_as_subject: list[str] = []
    child_relatives: _ChildRelatives | None = None
    relation_ignore: list[str] = []
    item_homophones: dict[str, list[str]] = {}
    # an item a region does not offer -> {the item that does its job there: the names that
    # name that job, not only the item's everyday words}
    item_stand_ins: dict[ItemId, dict[ItemId, list[str]]] = {}

    def all_relations(self) -> dict[str, list[str]]:
        """The relation words, with the child-relative compounds ("娃他爸") added."""
        out = {k: list(v) for k, v in self.relations.items()}
        if self.child_relatives is not None:
            for relation, words in self.child_relatives.words().items():
                have = out.setdefault(relation, [])
                have += [w for w in words if w not in have]
        return out

    @model_validator(mode="after")
    def _complete(self) -> _LexiconFile:
        missing = [r.value for r in RegionId if r not in self.regions]
        missing += [i.value for i in ItemId if i not in self.items]
        if missing:
            raise ValueError(f"no names for {', '.join(missing)}")
        known = set(enumerations().relation.values)
        named = {*self.relations, *self.possessed_relations}
        if self.child_relatives is not None:
            named.update(self.child_relatives.relatives)
        unknown = sorted(named - known)
        if unknown:
            raise ValueError(f"relation ids not in enums.yml: {', '.join(unknown)}")
        return self


@dataclass(frozen=True)
class Match:
    """One lexicon word found in a text: the id it names and its span."""

    id: str
    text: str
    start: int
    end: int


class _Matcher:
    """Leftmost-longest matching of many words; a word mapped to None is an ignore-word."""

    def __init__(self, words: dict[str, str | None]) -> None:
        self._ids = words
        ordered = sorted(words, key=lambda w: (-len(w), w))
        self._pattern = re.compile("|".join(re.escape(w) for w in ordered))

    def matches(self, text: str) -> list[Match]:
        found: list[Match] = []
        for m in self._pattern.finditer(text):
            target = self._ids[m.group()]
            if target is not None:
                found.append(Match(target, m.group(), m.start(), m.end()))
        return found


def one_char_swaps(word: str, homophones: dict[str, list[str]]) -> Iterator[str]:
    """`word` with one of its characters replaced by one of that character's homophones."""
    for i, char in enumerate(word):
        for alt in homophones.get(char, []):
            yield word[:i] + alt + word[i + 1 :]


_TWO_SWAPS_FROM = 4  # voice input mishears two characters of "医疗救助" and it is still one name


def _typos(words: dict[str, str | None], homophones: dict[str, list[str]]) -> dict[str, str | None]:
    """The words plus every name (2+ characters) with one character swapped for a homophone,
    and every name of four characters or more with two."""
    out = dict(words)
    for word, target in words.items():
        if target is None or len(word) < 2:
            continue
        for typo in one_char_swaps(word, homophones):
            out.setdefault(typo, target)
            if len(word) >= _TWO_SWAPS_FROM:
                for second in one_char_swaps(typo, homophones):
                    out.setdefault(second, target)
    return out


def _words(entries: dict[str, list[str]], ignore: list[str], kind: str) -> dict[str, str | None]:
    words: dict[str, str | None] = {}
    for target, names in entries.items():
        for name in names:
            if name in words and words[name] != target:
                raise ValueError(f"lexicon {kind}: {name!r} names both {words[name]} and {target}")
            words[name] = target
    for word in ignore:
        words.setdefault(word, None)
    return words


@dataclass(frozen=True)
class _Lexicon:
    data: _LexiconFile
    regions: _Matcher
    items: _Matcher
    relations: _Matcher
    possessed: re.Pattern[str] | None  # "我男人": possessive + noun; the noun is the match
    possessed_nouns: dict[str, str]  # 男人, 婆姨, 对象… -> the relation id
    sibling_spouse: re.Pattern[str] | None  # "我姐家男人": the noun is an in-law
    spouse_as_subject: re.Pattern[str] | None  # "…，老汉前年查出来尿毒症"


def _possessed_pattern(possessive: str, nouns: Collection[str]) -> re.Pattern[str] | None:
    if not nouns or not possessive:
        return None

    alternatives = "|".join(re.escape(w) for w in sorted(nouns, key=lambda w: (-len(w), w)))
    return re.compile(f"(?:{possessive})(?P<noun>{alternatives})(?!们)")  # not 男人们


@cache
def _lexicon() -> _Lexicon:
    data = load_model(DATA, _LexiconFile)
    region_ignore = [w for e in data.regions.values() for w in e.ignore]
    item_ignore = [w for e in data.items.values() for w in e.ignore]
    nouns = {noun: rel for rel, words in data.possessed_relations.items() for noun in words}
    return _Lexicon(
        data=data,
        regions=_Matcher(
            _words(
                {k.value: [*e.names, *e.apps] for k, e in data.regions.items()},
                region_ignore,
                "regions",
            )
        ),
        items=_Matcher(
            _typos(
                _words({k.value: e.names for k, e in data.items.items()}, item_ignore, "items"),
                data.item_homophones,
            )
        ),
        relations=_Matcher(_words(data.all_relations(), data.relation_ignore, "relations")),
        possessed=_possessed_pattern(data.possessive, nouns),
        possessed_nouns=nouns,
        sibling_spouse=_possessed_pattern(
            data.sibling_possessive, [*nouns, *data.relations.get("spouse", [])]
        ),
        spouse_as_subject=_subject_pattern(data.spouse_as_subject),
    )


def _subject_pattern(nouns: list[str]) -> re.Pattern[str] | None:
    if not nouns:
        return None
    alternatives = "|".join(re.escape(w) for w in nouns)
    # a clause's subject, not "村里一个老汉" nor "老汉们都…"
    return re.compile(rf"(?:^|(?<=[，,。；;！!？?\s了]))(?P<noun>{alternatives})(?![们都])")


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def match_regions(text: str) -> list[Match]:
    return _lexicon().regions.matches(text)


@cache
def region_apps() -> frozenset[str]:
    """The regions' own services named after them (爱山东, 我的宁夏)."""
    return frozenset(a for e in _lexicon().data.regions.values() for a in e.apps)


def match_items(text: str) -> list[Match]:
    return _lexicon().items.matches(text)


def _negated(text: str, match: Match, denial: re.Pattern[str] = _NEGATED) -> bool:
    """ "不是儿子": the word is denied in its clause ("记错了，不是儿子是女儿")."""
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text, 0, match.start)]
    return bool(denial.search(text[breaks[-1] if breaks else 0 : match.start]))


_SPEAKER_WORD = re.compile(r"我|俺")


def _possessed(text: str, taken: list[Match]) -> list[Match]:
    """ "我男人", "俺家老汉": the noun after a possessive, where no other relation word is."""
    lexicon = _lexicon()
    if lexicon.possessed is None:
        return []
    found = []
    for m in lexicon.possessed.finditer(text):
        start, end = m.span("noun")
        if any(t.start < end and start < t.end for t in taken) or _begins_ignored(text, start):
            continue  # "俺儿女都不管": 儿女 is no 俺儿 (my son)
        noun = m.group("noun")
        found.append(Match(lexicon.possessed_nouns[noun], noun, start, end))
    speaker = _SPEAKER_WORD.search(text)
    if lexicon.spouse_as_subject is not None:
        # "俺是定西的…，老汉前年查出来尿毒症": in the speaker's own story, their spouse; an
        # answer that begins with it ("老汉去年查出来是胃癌") is the speaker's own story too
        for m in lexicon.spouse_as_subject.finditer(text):
            start, end = m.span("noun")
            if start > 0 and (speaker is None or start < speaker.end()):
                continue
            if not any(t.start < end and start < t.end for t in [*taken, *found]):
                found.append(Match("spouse", m.group("noun"), start, end))
    return found


def _begins_ignored(text: str, start: int) -> bool:
    """A word of `relation_ignore` begins at `start`."""
    return any(text.startswith(word, start) for word in _lexicon().data.relation_ignore)


def _siblings_spouses(text: str, matches: list[Match]) -> list[Match]:
    """ "我姐家男人", "俺哥媳妇": the sibling's spouse is an in-law ("other"), never the
    speaker's spouse; the sibling stays named."""
    pattern = _lexicon().sibling_spouse
    if pattern is None:
        return matches
    in_laws = [Match("other", m.group("noun"), *m.span("noun")) for m in pattern.finditer(text)]
    kept = [m for m in matches if not any(i.start < m.end and m.start < i.end for i in in_laws)]
    return [*kept, *in_laws]


def _relations(text: str) -> list[Match]:
    matches = _siblings_spouses(text, _lexicon().relations.matches(text))
    matches = sorted([*matches, *_possessed(text, matches)], key=lambda m: m.start)
    return [m for m in matches if not _negated(text, m)]


def match_relations(text: str) -> list[Match]:
    """Relation words with spans; a bare "我" is left out (it is in nearly every sentence), and
    so is a relation denied by 不是 ("不是儿子是女儿" -> only 女儿)."""
    return [m for m in _relations(text) if m.text != _BARE_SELF]


def find_regions(text: str) -> list[RegionId]:
    """Regions named in the text, each once, in order of first appearance."""
    return [RegionId(i) for i in _unique([m.id for m in match_regions(text)])]


# relatives by marriage, whom the form names as a child or a parent (女/媳, 子/婿, 父母)
IN_LAW_WORDS = re.compile(r"儿媳|女婿|姑爷|公公|婆婆|岳父|岳母|丈人|丈母娘|老丈人")
IN_LAW_PERSONS = frozenset({"儿媳", "女婿", "公公", "婆婆", "岳父", "岳母"})  # facts.yml persons


def find_items(text: str) -> list[ItemId]:
    """Assistance items named in the text, each once, in order of first appearance."""
    return [ItemId(i) for i in _unique([m.id for m in match_items(text)])]


# "房子不是危房", "不是低保户", "不要低保": the item's word denied in its clause
_ITEM_DENIED = re.compile(r"(?:不是|并不是|并非|不算|不要|不想要|不需要|不用)(?:我家的?|俺家的?)?$")


def items_not_denied(text: str) -> list[ItemId]:
    """The items named, without those whose word is denied ("不是危房，就是旧": no 危房改造)."""
    kept = [m.id for m in match_items(text) if not _negated(text, m, _ITEM_DENIED)]
    return [ItemId(i) for i in _unique(kept)]


def offered_items(named: list[ItemId], offered: Collection[ItemId], text: str) -> list[ItemId]:
    """The items named in `text`, as the region offers them: one it does not offer, named by
    its programme's name, stands for the region's item that does its job ("就业援助" in 宁夏 is
    就业困难人员认定; "找工作" there names no item); others it does not offer are dropped."""
    stand_ins = _lexicon().data.item_stand_ins
    words = {(m.id, m.text) for m in match_items(text)}
    out: list[ItemId] = []
    for item in named:
        if item not in offered:
            item = next(
                (
                    target
                    for target, names in stand_ins.get(item, {}).items()
                    if target in offered and any((item.value, n) in words for n in names)
                ),
                item,
            )
        if item in offered and item not in out:
            out.append(item)
    return out


# The relative of a relative, as the form's relation (enums.yml relation: 子/婿, 女/媳…); a pair
# not listed is asked again ("孙子的妈" may be a daughter or a daughter-in-law: both 女/媳).
_OF_RELATIVE: dict[tuple[str, str], str] = {
    ("son", "spouse"): "daughter",  # 儿子的媳妇: 儿媳
    ("daughter", "spouse"): "son",  # 女儿的丈夫: 女婿
    ("son", "son"): "grandchild",
    ("son", "daughter"): "grandchild",
    ("daughter", "son"): "grandchild",
    ("daughter", "daughter"): "grandchild",
    ("spouse", "parent"): "parent",  # 老伴的妈: 公婆/岳父母
    ("spouse", "sibling"): "other",  # 老伴的弟弟
    ("sibling", "son"): "other",  # 哥哥的儿子: 侄子
    ("sibling", "daughter"): "other",
}


_CHILD_WORD = re.compile(r"孩子|娃|小孩")
_OWNER_LINK = re.compile(r"(?:他们|她们|他|她)?的?")
_TRAILING = re.compile(r"[吧啊呀呢了嘛。，,!！\s]*$")


def relative_of(owner: str, relation: str) -> str | None:
    """The form's relation of the `relation` of the speaker's `owner` ("儿子的媳妇": son,
    spouse -> daughter); None when the pair is not listed (ambiguous or not in the family)."""
    return _OF_RELATIVE.get((owner, relation))


def _of_relative(text: str, others: list[Match]) -> str | None:
    """The first relation word, unless a "的" makes it the owner of another relative ("儿子的
    媳妇" -> daughter, "女儿的孩子" -> grandchild); an owner of anything else is asked again."""
    first = others[0]
    after = text[first.end :]
    link = _OWNER_LINK.match(after)  # "孙子他妈", "儿子他们的孩子": whose relative
    then = next((m for m in others[1:] if link and m.start == first.end + link.end()), None)
    if then is not None:
        return _OF_RELATIVE.get((first.id, then.id))
    if not after.startswith("的") or _TRAILING.fullmatch(after[1:]):
        return first.id
    if _CHILD_WORD.match(after, 1):
        return _OF_RELATIVE.get((first.id, "son"))
    return None


def relative_of_pronoun(text: str) -> str | None:
    """The words of a relative said after 他/她 with no relative named before it ("她爸",
    "是他妈"): somebody's relative, whom the answer alone cannot place (the speaker's spouse
    when 她 is their daughter, their parent-in-law when 他 is their husband). "孩子他爸" is one
    word of the lexicon, owned by the child, and is not this."""
    others = [m for m in match_relations(text) if m.id != SELF]
    if not others:
        return None
    first = others[0]
    if first.start > 0 and text[first.start - 1] in "他她":
        return text[first.start - 1 : first.end]
    return None


def parse_relation(text: str) -> str | None:
    """The `relation` enum id of an answer such as "我老伴" -> "spouse", "就我自己" -> "self".

    The first relation word other than the speaker wins ("我儿子" -> "son"); a denied one is
    skipped ("不是儿子是女儿" -> "daughter"). "本人" or "自己" mean the applicant, and so does
    "我" when it is (nearly) the whole answer ("是我"), not in any sentence ("我要退出了").
    """
    found = _relations(text)
    others = [m for m in found if m.id != SELF]
    if others:
        return _of_relative(text, others)
    if any(m.text != _BARE_SELF for m in found):
        return SELF
    if found and _BARE_SELF_FILLER.sub("", text) == _BARE_SELF:
        return SELF
    return _possessed_alone(text)


# "孩子 我的孩子", "大娃", "是俺家的娃": the speaker's own child, sex not said (every clause says so)
_AGE_SAID = re.compile(r"(?:今年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:岁|周岁)?了?")
_OWN_CHILD = re.compile(
    r"(?:是|就是|这是)?(?:我|俺|咱|额)?们?(?:自己)?(?:家)?的?(?:亲生的?)?"
    r"(?:大|小|老[大二三四五]|二|三)?(?:孩子|娃娃?|小孩子?|小娃)(?:呢|嘛|啊|呀|吧|哩)?"
    rf"(?:{_AGE_SAID.pattern})?"  # "孩子十七": the age too
)
_ANSWER_CLAUSES = re.compile(r"[\s，,、。；;]+")


def own_child_said(text: str) -> bool:
    """The answer to 是您的什么人 says only "my child" (孩子, 娃), not whose son or daughter: the
    applicant's child of unsaid sex ("child"). A relative's child (侄子的孩子) names a relation
    and is parse_relation's."""
    parts = [p for p in _ANSWER_CLAUSES.split(text.strip()) if p]
    said = [p for p in parts if not _AGE_SAID.fullmatch(p)]  # "孩子，十七了"
    return bool(said) and all(_OWN_CHILD.fullmatch(p) for p in said)


def _possessed_alone(text: str) -> str | None:
    """ "婆姨", "掌柜的" said alone to 是您的什么人: whose it is goes without saying."""
    relation = _lexicon().possessed_nouns.get(_TRAILING.sub("", text.strip()))
    return relation if relation != "other" else None


def item_names(item: ItemId | str) -> list[str]:
    """Names of an item, official name first."""
    return list(_lexicon().data.items[ItemId(item)].names)


def region_names(region: RegionId | str) -> list[str]:
    return list(_lexicon().data.regions[RegionId(region)].names)


def relation_words(relation: str) -> list[str]:
    return list(_lexicon().data.all_relations().get(relation, []))


def relation_synonyms() -> dict[str, list[str]]:
    """Relation id -> colloquial words, ready for nlu.answers.parse_choice."""
    return _lexicon().data.all_relations()


def all_terms() -> list[str]:
    """Every multi-character lexicon word (names and ignore-words), for a jieba user dictionary."""
    data = _lexicon().data
    terms: list[str] = []
    for region in data.regions.values():
        terms += region.names + region.ignore
    for item in data.items.values():
        terms += item.names + item.ignore
    for words in data.all_relations().values():
        terms += words
    for words in data.possessed_relations.values():
        terms += words
    terms += data.relation_ignore
    return sorted({t for t in terms if len(t) > 1})
