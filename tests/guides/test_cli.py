"""`python -m guides screen`: readable Chinese text, --json, --region, exit 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "guides" / "examples"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "guides", "screen", *args],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_text_output_has_every_part() -> None:
    done = cli(str(EXAMPLES / "licheng_elderly_couple.json"), "--date", "2025-11-01")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "【山东省济南市历城区】" in out
    assert "城乡居民最低生活保障金给付（全家申请）：可能符合" in out
    assert "家庭人均月收入 = 共同生活的家庭成员月收入合计 2400 元 ÷ 3 人 = 800 元" in out
    assert "依据：" in out  # reasons cite their source
    assert "必备材料" in out and "办理部门" in out and "办理时限" in out
    assert "办理渠道" in out
    assert "以当地民政部门公布的标准为准" in out  # caveat of the unverified standard
    assert "不是审批结果" in out


def test_missing_facts_in_plain_words() -> None:
    done = cli(str(EXAMPLES / "incomplete.json"))
    assert done.returncode == 0, done.stderr
    assert "还需了解" in done.stdout
    assert "全家每月的收入合计" in done.stdout
    assert "monthly_income_total" not in done.stdout


def test_json_output_and_region_override(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    path.write_text(json.dumps({"region": "gansu", "size": 1}), encoding="utf-8")
    done = cli(str(path), "--region", "jinan-licheng", "--json", "--date", "2025-11-01")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["region"] == "jinan-licheng"
    assert data["on"] == "2025-11-01"
    dibao = next(i for i in data["items"] if i["item"] == "dibao")
    assert dibao["outcome"] == "need_info"
    assert dibao["outcome_label"] == "还需了解"
    assert "monthly_income_total" in dibao["missing_facts"]


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        ('{"region": "shanxi", "members": [{"monthly_income": -3}]}', [], "收入不能是负数"),
        ('{"region": "shanxi", "members": [{"age": 250}]}', [], "年龄太大了"),
        ('{"region": "shanxi"}', ["--region", "mars"], "暂不支持这个地区"),
        ("{not json", [], "不是有效的 JSON"),
        ('{"region": "shanxi"}', ["--item", "no_such_item"], "没有这个救助事项"),
        ('{"region": "jinan-licheng"}', ["--item", "student_loan"], "没有这个救助事项"),
        ('{"region": "shanxi"}', ["--date", "2025-13-45"], "日期"),
    ],
)
def test_bad_input_exits_2_with_chinese_message(
    tmp_path: Path, content: str, args: list[str], message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    done = cli(str(path), *args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_file_exits_2() -> None:
    done = cli("/nonexistent/household.json")
    assert done.returncode == 2
    assert "打不开文件" in done.stderr
