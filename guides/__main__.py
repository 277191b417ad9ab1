"""Command line: `python -m guides screen household.json [--region shanxi] [--json] [--date D]`.

Prints the pre-screening result in plain Chinese (or as JSON). Bad input exits with code 2 and
a Chinese message, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from guides.errors import ShejiuError
from guides.household_input import parse_household
from guides.ids import ItemId
from guides.report import render, to_jsonable
from guides.screening.engine import screen

EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m guides", description="社会救助初步筛查")
    sub = parser.add_subparsers(dest="command", required=True)
    screen_cmd = sub.add_parser("screen", help="按家庭情况筛查可以申请的救助事项")
    screen_cmd.add_argument("household", type=Path, help="家庭情况 JSON 文件")
    screen_cmd.add_argument("--region", help="地区（覆盖文件里的 region）")
    screen_cmd.add_argument("--json", action="store_true", help="输出结构化 JSON")
    screen_cmd.add_argument("--date", help="按哪一天的政策参数筛查（YYYY-MM-DD，默认今天）")
    screen_cmd.add_argument("--item", action="append", help="只筛查这些事项（可重复）")
    return parser


def _fail(message: str) -> int:
    print(f"出错了：{message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run_screen(args: argparse.Namespace) -> int:
    try:
        text = args.household.read_text(encoding="utf-8")
    except OSError:
        return _fail(f"打不开文件 {args.household}，请检查路径。")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return _fail(f"文件不是有效的 JSON（第 {exc.lineno} 行附近）。")
    try:
        on = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        return _fail(f"日期“{args.date}”格式不对，请按 YYYY-MM-DD 填写。")
    try:
        items = [ItemId(i) for i in args.item] if args.item else None
    except ValueError:
        return _fail(f"没有这个救助事项：{', '.join(args.item)}")
    try:
        household = parse_household(data, region=args.region)
        result = screen(household, on=on, items=items)
    except ShejiuError as exc:
        return _fail(exc.message_zh)
    if args.json:
        print(json.dumps(to_jsonable(result), ensure_ascii=False, indent=2))
    else:
        print(render(result))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "screen":
        return run_screen(args)
    return EXIT_BAD_INPUT  # pragma: no cover - argparse rejects other commands


if __name__ == "__main__":
    sys.exit(main())
