"""CSV import as editors make files: Excel on Chinese Windows (GBK/GB18030), Chinese headers,
Chinese names for regions and items, Excel's dates; every problem in Chinese with its column."""

from __future__ import annotations

import re

import pytest

from bot.kb.io import decode_upload, import_csv, import_yaml
from bot.kb.names import item_id, region_id
from bot.kb.workflow import KnowledgeBase
from guides.ids import ItemId

CHINESE_CSV = (
    "编号,标准问,答案,适用地区,救助事项,编辑人,生效日期\n"
    "imp-gansu,甘肃低保去哪里申请？,到户籍所在地乡镇（街道）申请。,甘肃省,最低生活保障,ann,2025/1/31\n"
    "imp-two,两地都能办特困吗？,两地都可以，按户籍地办理。,甘肃、宁夏,特困|低保,ann,2025年2月1日\n"
    "imp-bad,写错地区的问题？,写错地区的答案。,甘肃X,低保,ann,2025-01-01\n"
    "imp-item,写错事项的问题？,写错事项的答案。,甘肃,低保金补发,ann,2025-01-01\n"
)


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"], ids=["utf8", "bom", "gbk", "gb18030"]
)
def test_every_encoding_excel_saves_is_read(encoding: str) -> None:
    assert decode_upload(CHINESE_CSV.encode(encoding)) == CHINESE_CSV


def test_gb18030_beyond_gbk_is_read() -> None:
    text = "编号,标准问\nx,㐀䶵 这两个字 GBK 里没有\n"
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    assert decode_upload(text.encode("gb18030")) == text


@pytest.mark.parametrize(
    ("name", "wanted"),
    [("甘肃省", "gansu"), ("甘肃", "gansu"), ("宁夏回族自治区", "ningxia"), ("济南历城", "jinan-licheng"),
     ("Gansu", "gansu"), ("全部地区", "all"), ("兰州", None), ("甘肃X", None)],
)  # fmt: skip
def test_region_names(name: str, wanted: str | None) -> None:
    assert region_id(name) == wanted


@pytest.mark.parametrize(
    ("name", "wanted"),
    [("低保", ItemId.DIBAO), ("最低生活保障", ItemId.DIBAO), ("最低生活保障（低保）", ItemId.DIBAO),
     ("dibao", ItemId.DIBAO), ("特困", ItemId.TEKUN), ("临时救助", ItemId.TEMPORARY_AID),
     ("低保金补发", None)],
)  # fmt: skip
def test_item_names(name: str, wanted: ItemId | None) -> None:
    assert item_id(name) == wanted


def test_gbk_csv_with_chinese_headers_and_names_imports(kb: KnowledgeBase) -> None:
    report = import_csv(kb, decode_upload(CHINESE_CSV.encode("gbk")), "ann")
    assert report.created == ["imp-gansu", "imp-two"]
    one, two = kb.get("imp-gansu").content, kb.get("imp-two").content
    assert (one.regions, [i.value for i in one.items], str(one.effective_from)) == (
        ["gansu"], ["dibao"], "2025-01-31",
    )  # fmt: skip
    assert (two.regions, [i.value for i in two.items]) == (["gansu", "ningxia"], ["tekun", "dibao"])
    bad, item = report.rejected
    assert (report.place(bad.row), bad.entry_id) == ("第 4 行", "imp-bad")
    assert "「适用地区」列" in bad.reason and "甘肃X" in bad.reason
    assert report.place(item.row) == "第 5 行"
    assert "「救助事项」列" in item.reason and "低保金补发" in item.reason


def test_every_rejection_reason_is_chinese(kb: KnowledgeBase) -> None:
    text = (
        "id,question,answer,regions,items,source_editor,effective_from,effective_to\n"
        "Bad Id,问,,gansu,dibao,ann,2025-13-01,\n"
        "ok-one,好的问题？,好的答案。,gansu,,ann,2025-01-02,2024-01-01\n"
        "ok-two,好的问题？,好的答案。,,,,2025-01-02,\n"
    )
    report = import_csv(kb, text, "ann")
    reasons = [r.reason for r in report.rejected]
    assert len(reasons) == 3
    assert "「id」列（编号）" in reasons[0] and "「effective_from」列（生效日期）" in reasons[0]
    assert "失效日期不能早于生效日期" in reasons[1]
    assert "来源" in reasons[2]
    missing = import_csv(kb, "id,question\n", "ann").rejected[0].reason
    yaml_bad = import_yaml(kb, "entries: [", "ann").rejected[0].reason
    for reason in [*reasons, missing, yaml_bad]:
        # the file's own header names (in 「」 or （）) and the example id are not prose
        prose = re.sub(r"「[^」]*」|（[a-z_]+）|gansu-dibao-apply|YAML", "", reason)
        assert not re.search(r"[A-Za-z]{3,}", prose), reason
