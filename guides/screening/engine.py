"""Pre-screening: for each item of a region, decide likely / possible / unlikely / need_info.

The guide says which clauses make up each condition (data); the check functions decide each
clause (code); this module runs them in dependency order and applies the region's review order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import replace
from functools import lru_cache

from guides.benefits import RECOGNISED_CLASSES, all_benefits, benefits_for
from guides.catalog import guide_for
from guides.errors import UnknownItemError
from guides.household import Household
from guides.ids import LIKELY, NEED_INFO, POSSIBLE, UNLIKELY, HukouType, ItemId, Outcome, RegionId
from guides.materials import needed_materials
from guides.params import Parameters, current_parameters
from guides.places import places
from guides.schema import CheckSpec, Guide, ItemGuide, Rule, Variant
from guides.screening import checks as _checks  # noqa: F401  (registers the check functions)
from guides.screening.caveats import caveat, publishers
from guides.screening.checks.income import per_capita_text
from guides.screening.combine import (
    OUTCOME_RANK,
    missing_facts_of,
    ordered_for_reasons,
    outcome_of,
)
from guides.screening.context import Context
from guides.screening.income_twice import by_person, reconcile, two_incomes
from guides.screening.recognised import apply_review_order, recognised_checks
from guides.screening.registry import run_check
from guides.screening.result import (
    MET,
    UNMET,
    CheckResult,
    ItemResult,
    Reason,
    ScreeningResult,
)
from guides.sources import SourceRef

DEPENDENT_CHECKS = {
    "recognised_in_any",
    "not_in_classes",
    "medical_aid_covered",
    "housing_priority_class",
}


def screen(
    household: Household,
    *,
    on: dt.date | None = None,
    items: list[ItemId] | None = None,
    params: Parameters | None = None,
    detail: bool = True,
    final: bool = False,
) -> ScreeningResult:
    """Screen every item of the household's region (or `items`). Never raises on an incomplete
    household: what is missing becomes `need_info` with the facts to ask.

    `detail=False`: each item's outcome and missing facts only, the same as in full, without
    reasons, caveats, materials or benefits (about a third cheaper): what choosing the next
    question reads, never what is shown. `final`: the questionnaire is over; what the office
    verifies itself and was not told is left to it (Context.final).

    An income said twice with different sums is screened both ways (guides.screening.
    income_twice): an item the two disagree on waits for the income to be confirmed."""
    result = _screen(household, on, items, params, detail, final)
    incomes = two_incomes(household)
    if incomes is None:
        return result
    other = {
        r.item: r for r in _screen(by_person(household), on, items, params, detail, final).items
    }
    merged = tuple(
        reconcile(r, other[r.item], incomes) if r.item in other else r for r in result.items
    )
    caveats = tuple(dict.fromkeys(c for r in merged for c in r.caveats))
    return replace(result, items=merged, caveats=caveats)


def _screen(
    household: Household,
    on: dt.date | None,
    items: list[ItemId] | None,
    params: Parameters | None,
    detail: bool,
    final: bool,
) -> ScreeningResult:
    guide = guide_for(household.region)
    on = on or dt.date.today()
    household = household.as_of(on)
    wanted = _resolve_items(guide, items)
    ctx = Context(
        household=household,
        guide=guide,
        params=params or current_parameters(),
        on=on,
        outcomes_only=not detail,
        final=final,
    )
    for item in _in_dependency_order(guide):
        ctx.item = item
        ctx.decided[item.id] = apply_review_order(ctx, _decide(ctx, item))
    decided = (ctx.decided[i] for i in guide.item_ids if i in wanted)
    results = tuple(_finish(ctx, r) for r in decided) if detail else tuple(decided)
    caveats = tuple(dict.fromkeys(c for r in results for c in r.caveats))
    return ScreeningResult(
        region=guide.region,
        on=on,
        items=results,
        per_capita_income=ctx.per_capita_monthly_income,
        income_formula=income_formula(household),
        caveats=caveats,
        channels=tuple(f"{c.name}" for c in guide.channels),
        notes=tuple(note.text for note in guide.notes),  # 试点 status, 近亲属, 集中申报日…
    )


def warm_up() -> None:
    """Read at start-up what a first detailed screening loads, not during the first citizen's
    result: the places, benefits and publishers files (an empty household's result reads none
    of them), then every region's guide and parameters by screening an empty household."""
    places()
    all_benefits()
    publishers()
    for region in RegionId:
        screen(Household(region=region))


def outcomes(
    household: Household,
    items: Collection[ItemId],
    *,
    on: dt.date,
    params: Parameters | None = None,
) -> dict[ItemId, Outcome]:
    """Only the outcomes of `items`, deciding just them and the items they look at (review
    order, recognised classes): what `screen` says of them, cheaper (the question choice tries
    possible answers with it)."""
    found = _outcomes(household, items, on, params)
    if two_incomes(household) is None:
        return found
    other = _outcomes(by_person(household), items, on, params)
    return {i: o if other.get(i, o) == o else NEED_INFO for i, o in found.items()}


def _outcomes(
    household: Household, items: Collection[ItemId], on: dt.date, params: Parameters | None
) -> dict[ItemId, Outcome]:
    guide = guide_for(household.region)
    household = household.as_of(on)
    needed = _with_dependencies(guide, frozenset(items))
    ctx = Context(
        household=household,
        guide=guide,
        params=params or current_parameters(),
        on=on,
        outcomes_only=True,
    )
    for item in _in_dependency_order(guide):
        if item.id in needed:
            ctx.item = item
            ctx.decided[item.id] = apply_review_order(ctx, _decide(ctx, item))
    return {i: ctx.decided[i].outcome for i in items if i in ctx.decided}


_NEEDED: dict[tuple[int, frozenset[ItemId]], tuple[Guide, frozenset[ItemId]]] = {}


def _with_dependencies(guide: Guide, items: frozenset[ItemId]) -> frozenset[ItemId]:
    """`items` and every item they look at; the lookahead asks for the same few sets turn
    after turn, so each is worked out once per guide."""
    cached = _NEEDED.get((id(guide), items))
    if cached is not None and cached[0] is guide:
        return cached[1]
    needed = frozenset(_dependency_closure(guide, items))
    if len(_NEEDED) > 1024:
        _NEEDED.clear()
    _NEEDED[(id(guide), items)] = (guide, needed)
    return needed


def _dependency_closure(guide: Guide, items: frozenset[ItemId]) -> set[ItemId]:
    needed: set[ItemId] = set()
    todo = [i for i in items if i in guide.item_ids]
    while todo:
        item = todo.pop()
        if item in needed:
            continue
        needed.add(item)
        todo.extend(depends_on(guide.item(item)) & set(guide.item_ids))
        if item in guide.review_order:
            todo.extend(guide.review_order[: guide.review_order.index(item)])
    return needed


def income_formula(household: Household) -> str | None:
    text = per_capita_text(household)
    if text is None:
        return None
    estimate = "（按您估计的数字）" if household.income_is_estimate else ""
    return f"家庭人均月收入 = 共同生活的家庭成员月收入合计 {text}{estimate}"


def _resolve_items(guide: Guide, items: list[ItemId] | None) -> set[ItemId]:
    if items is None:
        return set(guide.item_ids)
    for item in items:
        if item not in guide.item_ids:
            raise UnknownItemError(str(item), guide.region.value)
    return set(items)


_ORDER: dict[int, tuple[Guide, list[ItemGuide]]] = {}


def _in_dependency_order(guide: Guide) -> list[ItemGuide]:
    """Every item after the items its clauses look at (not_in_classes, recognised_in_any,
    follows); otherwise review-order classes first, then the guide's order. Cached per guide."""
    cached = _ORDER.get(id(guide))
    if cached is not None and cached[0] is guide:
        return cached[1]
    base = [guide.item(i) for i in guide.review_order]
    base += [i for i in guide.items if i.id not in guide.review_order]
    present = set(guide.item_ids)
    deps = {item.id: depends_on(item) & present - {item.id} for item in base}
    ordered: list[ItemGuide] = []
    done: set[ItemId] = set()
    while len(ordered) < len(base):
        ready = next((i for i in base if i.id not in done and deps[i.id] <= done), None)
        if ready is None:  # a cycle in the data: keep the remaining items in guide order
            ready = next(i for i in base if i.id not in done)
        ordered.append(ready)
        done.add(ready.id)
    _ORDER[id(guide)] = (guide, ordered)
    return ordered


def depends_on(item: ItemGuide) -> set[ItemId]:
    """The items whose outcome this item's clauses look at (or that it follows)."""
    found = set(item.follows)
    if item.condition is not None:
        for spec in _all_specs(item.condition.rule):
            if spec.check in DEPENDENT_CHECKS:
                found.update(ItemId(i) for i in spec.args.get("items", []))
    return found


def _all_specs(rule: Rule) -> list[CheckSpec]:
    specs = list(rule.all)
    for variant in rule.variants:
        specs.extend(variant.all)
    return specs


def _run(ctx: Context, rule_specs: list[CheckSpec]) -> list[CheckResult]:
    """The verdicts on a way's clauses, in order. With outcomes only, they stop at the first
    unmet clause: that way is then unlikely whatever the clauses after it say (outcome_of),
    and an unlikely way gives no missing facts (missing_facts_of), no reasons in outcomes-only
    results, and nothing to the comparison of ways (_dominated_ways reads open ways only), so
    the clauses after it could change nothing the result holds."""
    checks = []
    for spec in rule_specs:
        checks.append(run_check(spec.check, ctx, spec.args))
        if ctx.outcomes_only and checks[-1].status == UNMET:
            break
    return checks


def _decide(ctx: Context, item: ItemGuide) -> ItemResult:
    condition = item.condition
    recognised = recognised_checks(ctx, item.id)
    if recognised is not None:
        cite = _cite(condition.source) if condition else ""
        return _result(ctx, item, outcome_of(recognised), recognised, citation=cite)
    if condition is None:
        return _result(ctx, item, POSSIBLE, [], note="办事指南没有列出具体条件，请向经办部门咨询。")
    citation = _cite(condition.source)
    if condition.rule.all:
        checks = _run(ctx, condition.rule.all)
        return _result(ctx, item, outcome_of(checks), checks, citation=citation)
    # Only the variants with the best outcome become full results (building one is the costly
    # part); ties merge as before: missing facts of open ways, names and reasons of likely ones.
    evaluated = [(variant, _run(ctx, variant.all)) for variant in condition.rule.variants]
    outcomes = [outcome_of(checks) for _, checks in evaluated]
    if NEED_INFO in outcomes:
        for index in _dominated_ways(evaluated, outcomes):
            outcomes[index] = UNLIKELY  # never better than another way: asks nothing
    top_rank = max(OUTCOME_RANK[outcome] for outcome in outcomes)
    ties = [
        (variant, checks, outcome)
        for (variant, checks), outcome in zip(evaluated, outcomes, strict=True)
        if OUTCOME_RANK[outcome] == top_rank
    ]
    if len(ties) > 1 and ties[0][2] == NEED_INFO:
        # open ways tie: one result, the first way's, asking every open way's missing facts
        # (no result built per way only to be merged)
        _, checks, outcome = ties[0]
        missing = tuple(dict.fromkeys(f for _, c, o in ties for f in missing_facts_of(c, o)))
        return _result(ctx, item, outcome, checks, citation=citation, missing_facts=missing)
    top = [
        _result(
            ctx,
            item,
            outcome,
            checks,
            citation=citation,
            variant=variant.kind,
            variant_label=variant.label,
        )
        for variant, checks, outcome in ties
    ]
    best = top[0]
    for candidate in top[1:]:
        if candidate.outcome == LIKELY:
            best = _merge_variants(best, candidate)
    if best.outcome == UNLIKELY:  # every way is ruled out: say why for each
        return _all_ruled_out(best, top)
    return best


ClauseKey = tuple[str, str]
_CLAUSE_KEYS: dict[int, tuple[Variant, tuple[ClauseKey, ...], frozenset[ClauseKey]]] = {}


def _clauses(variant: Variant) -> tuple[tuple[ClauseKey, ...], frozenset[ClauseKey]]:
    """Each clause of a way as (check, its arguments), in order and as a set: worked out once
    per way, not on every screening that compares ways."""
    cached = _CLAUSE_KEYS.get(id(variant))
    if cached is not None and cached[0] is variant:
        return cached[1], cached[2]
    keys = tuple((spec.check, repr(sorted(spec.args.items()))) for spec in variant.all)
    every = frozenset(keys)
    _CLAUSE_KEYS[id(variant)] = (variant, keys, every)
    return keys, every


def _dominated_ways(
    evaluated: list[tuple[Variant, list[CheckResult]]], outcomes: list[Outcome]
) -> list[int]:
    """Decide under uncertainty: an open way that has every clause another way has not yet met
    (参照单人户 shares the household's own asset clause once the household's income is below
    the standard) can never come out better than that way, whatever its own open facts turn
    out to be, so its facts are not asked. Of two ways dominating each other the first stays."""
    ways = [_clauses(variant) for variant, _ in evaluated]
    clauses = [every for _, every in ways]
    # a ruled-out way's clauses are not compared (with outcomes only, they may stop early)
    open_clauses = [
        set()
        if outcome == UNLIKELY
        else {key for key, result in zip(keys, checks, strict=True) if result.status != MET}
        for (keys, _), (_, checks), outcome in zip(ways, evaluated, outcomes, strict=True)
    ]
    dominated = []
    for index, outcome in enumerate(outcomes):
        if outcome != NEED_INFO:
            continue
        for other in range(len(evaluated)):
            if other == index or outcomes[other] == UNLIKELY:
                continue
            if open_clauses[other] <= clauses[index] and not (
                other > index and open_clauses[index] <= clauses[other]
            ):
                dominated.append(index)
                break
    return dominated


def _all_ruled_out(first: ItemResult, candidates: list[ItemResult]) -> ItemResult:
    from dataclasses import replace

    unmet = [[r for r in c.reasons if r.status == UNMET] for c in candidates]
    # a reason every way gives ("家里没有退役军人") rules them all out: said once, alone
    shared = set.intersection(*({r.text for r in rs} for rs in unmet)) if len(unmet) > 1 else set()
    if shared:
        reasons = tuple(r for r in unmet[0] if r.text in shared)
        return replace(first, variant=None, variant_label=None, reasons=reasons)
    reasons = tuple(
        Reason(f"（{c.variant_label}）{r.text}", r.citation, r.status)
        for c, rs in zip(candidates, unmet, strict=True)
        for r in rs
    )
    return replace(first, variant=None, variant_label=None, reasons=reasons)


_CITES: dict[int, tuple[SourceRef, str]] = {}


def _cite(source: SourceRef) -> str:
    """The condition's citation, kept per source object (the guide's own, read on every item
    of every screening): an lru_cache hashed the frozen model, every field of it, each call."""
    cached = _CITES.get(id(source))
    if cached is not None and cached[0] is source:
        return cached[1]
    text = source.cite()
    if len(_CITES) > 4096:
        _CITES.clear()
    _CITES[id(source)] = (source, text)
    return text


def _merge_variants(a: ItemResult, b: ItemResult) -> ItemResult:
    """Both ways apply (生活补贴 and 护理补贴): keep the first kind, name both, give all reasons."""
    from dataclasses import replace

    label = "、".join(x for x in (a.variant_label, b.variant_label) if x)
    reasons = tuple(dict.fromkeys(a.reasons + b.reasons))
    caveats = tuple(dict.fromkeys(a.caveats + b.caveats))
    basis = tuple(dict.fromkeys(a.basis + b.basis))
    return replace(a, variant_label=label, reasons=reasons, caveats=caveats, basis=basis)


def _result(
    ctx: Context,
    item: ItemGuide,
    outcome: Outcome,
    checks: list[CheckResult],
    *,
    citation: str = "",
    variant: str | None = None,
    variant_label: str | None = None,
    note: str | None = None,
    missing_facts: tuple[str, ...] | None = None,
) -> ItemResult:
    """`missing_facts`: those of several ways that tie (else the checks' own)."""
    if missing_facts is None:
        missing_facts = missing_facts_of(checks, outcome)
    if ctx.outcomes_only:  # what later items and the review order read; no wording
        return ItemResult(
            item=item.id,
            name=item.name,
            outcome=outcome,
            reasons=(),
            missing_facts=missing_facts,
            department=item.department,
            time_limit=None,
            variant=variant,
            variant_label=variant_label,
        )
    ordered = ordered_for_reasons(checks)
    caveats = [caveat(p) for c in checks for p in c.params if not p.verified]
    # the policy lines (labelled parameters: 低保标准, 边缘倍数 …) and any place's own value
    basis = dict.fromkeys(
        p.basis() for c in checks for p in c.params if p.verified and (p.label or p.place)
    )
    if any(c.is_estimate for c in checks):
        caveats.append("部分数字是您估计的，结果也只是估算。")
    return ItemResult(
        item=item.id,
        name=item.name,
        outcome=outcome,
        reasons=tuple(Reason(c.reason, c.citation or citation, c.status) for c in ordered),
        missing_facts=missing_facts,
        department=item.department,
        time_limit=item.time_limit.text if item.time_limit else ctx.guide.time_limit.text,
        variant=variant,
        variant_label=variant_label,
        caveats=tuple(dict.fromkeys(c for c in caveats if c)),
        notes=tuple(n for n in [note, *(n.text for n in item.notes)] if n),
        auto_granted=item.auto_granted and outcome == LIKELY,  # 免申即享 once recognised
        basis=tuple(basis),
    )


def _finish(ctx: Context, result: ItemResult) -> ItemResult:
    from dataclasses import replace

    if result.outcome == UNLIKELY:
        return result
    materials = needed_materials(ctx.guide, ctx.material_facts, (result.item,))
    benefits: tuple[str, ...] = ()
    if result.item in RECOGNISED_CLASSES and result.outcome in (LIKELY, POSSIBLE):
        shown = _shown_conditions(ctx.household)
        benefits = tuple(
            text
            for text, only_if in _benefit_texts(
                ctx.guide.region, result.item, ctx.household.hukou_type
            )
            if only_if is None or only_if in shown
        )
    return replace(result, materials=materials, benefits=benefits)


@lru_cache(maxsize=256)
def _benefit_texts(
    region: RegionId, item: ItemId, hukou: HukouType | None
) -> tuple[tuple[str, str | None], ...]:
    """认定后还可以……: the region's benefits for a recognised class (guides/benefits.py)."""
    return tuple(
        (f"{b.category_label}：{b.text}", b.only_if)
        for b in benefits_for(region, item, hukou=hukou)
    )


def _shown_conditions(household: Household) -> set[str]:
    """Which conditional benefits may apply: someone is, or may be (not yet said), seriously ill
    or disabled."""
    members = household.members
    ill = not members or any(
        m.has_serious_illness is not False or m.health == "serious_illness" for m in members
    )
    disabled = not members or any(m.has_disability is not False for m in members)
    shown = {"serious_illness", "serious_illness_or_disability"} if ill else set()
    if disabled:
        shown.add("serious_illness_or_disability")
    return shown
