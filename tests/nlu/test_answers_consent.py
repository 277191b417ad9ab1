from __future__ import annotations

import pytest

from nlu.answers import parse_consent


@pytest.mark.parametrize(
    ("text", "consent"),
    [("你们查吧", True), ("同意授权", True), ("查就查，没啥怕的", True), ("不想让查", False),
     ("不同意", False), ("这是干啥的", None)],
)  # fmt: skip
def test_consent_in_everyday_words(text: str, consent: bool | None) -> None:
    assert parse_consent(text) is consent
