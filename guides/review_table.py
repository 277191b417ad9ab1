"""`python -m guides.review_table`: the reviewer's table, generated from the data.

For every region and item: each clause (check) → the clause text it implements (the item's
受理条件 and its source) → the facts the check reads → the parameters it uses, with their
verified flags for the region → the YAML rule cases that screen that item in that region.
Facts and parameters are read from the check functions' code (their attribute reads and
`ctx.param("…")` calls), so the table cannot drift from what screening does.
Writes docs/rules-table.md; `--check` exits 1 if the file is out of date (a test runs it).
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import inspect
import sys
import textwrap
from collections.abc import Callable
from functools import cache
from pathlib import Path

import yaml

from guides.catalog import all_guides
from guides.household import Assets, Expenses, Household, Housing, Member
from guides.params import parameters
from guides.schema import CheckSpec, Guide, ItemGuide
from guides.screening import checks as _checks  # noqa: F401  (registers the check functions)
from guides.screening.registry import CHECKS

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "rules-table.md"
CASES = ROOT / "tests" / "guides" / "cases"
PARAM_CALLS = {"param", "param_per_hukou_type", "_optional"}
DIBAO_HELPERS = {"dibao_standard", "edge_line", "_lines"}
# Attribute name -> fact path; a household fact wins over a member fact of the same name.
# `name` is left out: rules never read a member's name (results have `.name` too).
FACTS: dict[str, str] = {
    **{f: f"members.{f}" for f in Member.model_fields if f != "name"},
    **{f: f"assets.{f}" for f in Assets.model_fields},
    **{f: f"expenses_12m.{f}" for f in Expenses.model_fields},
    **{f: f"housing.{f}" for f in Housing.model_fields},
    **{
        f: f
        for f in Household.model_fields
        if f not in ("region", "members", "assets", "expenses_12m", "housing")
    },
    "monthly_income": "monthly_income_total / members.monthly_income",
    "household_size": "size",
    "per_capita_monthly_income": "monthly_income_total, size",
    "receives": "already_receives",
    "total": "expenses_12m",
}


@cache
def _module_tree(module_name: str) -> ast.Module:
    return ast.parse(textwrap.dedent(inspect.getsource(sys.modules[module_name])))


@cache
def _module_defs(module_name: str) -> dict[str, ast.FunctionDef]:
    return {n.name: n for n in _module_tree(module_name).body if isinstance(n, ast.FunctionDef)}


@cache
def _module_imports(module_name: str) -> dict[str, str]:
    """Names a module imports from other guides modules: name -> module."""
    found: dict[str, str] = {}
    for node in ast.walk(_module_tree(module_name)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("guides."):
            for alias in node.names:
                found[alias.asname or alias.name] = node.module
    return found


def _functions(fn: Callable[..., object]) -> list[ast.AST]:
    """The check function and every helper it calls or passes on, followed through imports."""
    seen: dict[tuple[str, str], ast.AST] = {}
    todo = [(fn.__module__, fn.__name__)]
    while todo:
        module, name = todo.pop()
        if (module, name) in seen:
            continue
        node = _module_defs(module).get(name)
        if node is None:
            imported = _module_imports(module).get(name)
            if imported is None or imported not in sys.modules:
                continue
            module, node = imported, _module_defs(imported).get(name)
            if node is None or (module, name) in seen:
                continue
        seen[(module, name)] = node
        todo += [(module, n.id) for n in ast.walk(node) if isinstance(n, ast.Name)]
    return list(seen.values())


@cache
def reads(check_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(facts, parameters) a check reads, from its code."""
    facts: set[str] = set()
    params: set[str] = set()
    for node in (n for f in _functions(CHECKS[check_id]) for n in ast.walk(f)):
        if isinstance(node, ast.Attribute):
            if node.attr in FACTS and node.attr not in ("params",):
                facts.add(FACTS[node.attr])
            if node.attr in DIBAO_HELPERS:
                params.add("dibao_standard")
        if isinstance(node, ast.Call):
            name = (
                node.func.attr
                if isinstance(node.func, ast.Attribute)
                else getattr(node.func, "id", "")
            )
            literal = [
                a.value
                for a in node.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            if name in PARAM_CALLS and literal:
                params.add(literal[0])
            if name == "param_per_hukou_type":  # the household's hukou type picks the value
                facts.add(FACTS["hukou_type"])
            if name in DIBAO_HELPERS:
                params.add("dibao_standard")
    return tuple(sorted(facts)), tuple(sorted(params))


def _verified(name: str, region: str, on: dt.date) -> str:
    try:
        found = {
            parameters().at(name, region, on, v).verified
            for v in (None, "urban", "rural")
            if _has(name, region, on, v)
        }
    except Exception:
        found = set()
    if not found:
        return f"`{name}`（本地区未收录）"
    flag = "已核实" if found == {True} else ("未核实" if found == {False} else "部分核实")
    return f"`{name}`（{flag}）"


def _has(name: str, region: str, on: dt.date, variant: str | None) -> bool:
    from guides.errors import ParameterNotFound

    try:
        parameters().at(name, region, on, variant)
    except ParameterNotFound:
        return False
    return True


@cache
def _cases() -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for path in sorted(CASES.glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for item in case.get("output", {}):
                found.setdefault((case["region"], str(item)), []).append(
                    f"{path.name}: {case['name']}"
                )
    return found


def _specs(item: ItemGuide) -> list[tuple[str, CheckSpec]]:
    if item.condition is None:
        return []
    rule = item.condition.rule
    return [("", s) for s in rule.all] + [(f"{v.label}：", s) for v in rule.variants for s in v.all]


def _cell(text: str) -> str:
    return text.replace("|", "｜").replace("\n", " ")


def region_table(guide: Guide, on: dt.date) -> list[str]:
    lines = [f"## {guide.region_name}（`{guide.region.value}`）", ""]
    for item in guide.items:
        lines += [f"### {item.name}（`{item.id.value}`）", ""]
        if item.condition is None:
            lines += ["办事指南没有列出条件。", ""]
            continue
        lines += [
            f"条款：{_cell(item.condition.text)}",
            "",
            f"出处：{item.condition.source.cite()}",
            "",
        ]
        lines += ["| 条件（check） | 读取的事实 | 用到的参数 |", "|---|---|---|"]
        for label, spec in _specs(item):
            facts, params = reads(spec.check)
            args = f" {spec.args}" if spec.args else ""
            used = "、".join(_verified(p, guide.region.value, on) for p in params) or "—"
            lines.append(
                f"| {label}`{spec.check}`{_cell(args)} | {'、'.join(f'`{f}`' for f in facts) or '—'} | {used} |"
            )
        cases = _cases().get((guide.region.value, item.id.value), [])
        lines += ["", f"YAML 用例（{len(cases)}）：" + ("；".join(cases) if cases else "无"), ""]
    return lines


def render(on: dt.date) -> str:
    lines = [
        "# 筛查规则对照表（由数据生成，请勿手改）",
        "",
        f"生成命令：`python -m guides.review_table`；参数核实状态按 {on.isoformat()}。",
        "每个事项：条款原文 → 每个条件读取的事实 → 用到的参数（是否已核实） → 覆盖它的 YAML 用例。",
        "",
    ]
    for guide in all_guides().values():
        lines += region_table(guide, on)
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guides.review_table")
    parser.add_argument("--date", default="2025-11-01", help="参数按哪一天（YYYY-MM-DD）")
    parser.add_argument("--check", action="store_true", help="只检查 docs/rules-table.md 是否最新")
    args = parser.parse_args(argv)
    text = render(dt.date.fromisoformat(args.date))
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(
                "docs/rules-table.md 不是最新的：请运行 python -m guides.review_table",
                file=sys.stderr,
            )
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
