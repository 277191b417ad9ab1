"""The domain tokenizer keeps policy terms whole and drops noise."""

from __future__ import annotations

import jieba

from nlu.tokenize import char_ngrams, get_tokenizer, normalize, tokenize


def test_domain_terms_stay_whole() -> None:
    words = tokenize("我想问一下低保边缘家庭和临时救助急难型，在甘快办上能办吗")
    for term in ("低保边缘家庭", "临时救助", "急难型", "甘快办"):
        assert term in words


def test_hotline_numbers_and_apps() -> None:
    words = tokenize("打12345问还是打12333？我的宁夏和三晋通都行吗")
    assert "12345" in words
    assert "12333" in words
    assert "我的宁夏" in words
    assert "三晋通" in words


def test_punctuation_fillers_and_case_dropped() -> None:
    words = tokenize("嗯…那个，ＡＢＣ！！低保？")
    assert words == ["abc", "低保"]


def test_empty_text() -> None:
    assert tokenize("") == []
    assert tokenize("，。！？   ") == []


def test_private_tokenizer_is_not_global() -> None:
    assert get_tokenizer() is not jieba.dt
    assert get_tokenizer() is get_tokenizer()


def test_char_ngrams() -> None:
    assert char_ngrams("低保！ab", 1, 2) == ["低", "保", "低保", "a", "b", "ab"]
    assert "免申即" in char_ngrams("免申即享", 3, 3)
    assert normalize("  Ａ１ ２ ") == "a1 2"
