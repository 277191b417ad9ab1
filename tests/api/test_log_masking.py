"""The log masker's shortcut (api.logs.mask): a line without eleven digits in a row skips the
ID, mobile and bank card patterns, which need that many; the output is the same."""

from __future__ import annotations

from urllib.parse import unquote_plus

from hypothesis import example, given, settings
from hypothesis import strategies as st

from api.logs import AMOUNT_WORDS, BANK_CARD, ID_NUMBER, MOBILE, mask
from nlu.privacy import mask_numbers


def every_pattern(text: str) -> str:
    """mask() without its shortcut."""
    text = unquote_plus(text)
    text = ID_NUMBER.sub(r"\1********\2", text)
    text = MOBILE.sub(r"\1****\2", text)
    text = BANK_CARD.sub(r"\1********\2", text)
    text = mask_numbers(text)
    return AMOUNT_WORDS.sub(lambda m: f"{m.group(1)}***", text)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789１２Xx -.%+E5收入是元:/")), max_size=40))
@example("13812345678")
@example("110105194912310023")
@example("11010519491231002X")
@example("6222021234567890123")
@example("%2B8613812345678")
@example('127.0.0.1:54321 - "POST /api/v1/sessions/a1b2c3/messages HTTP/1.1" 200')
def test_the_shortcut_masks_as_every_pattern_does(text: str) -> None:
    assert mask(text) == every_pattern(text)
