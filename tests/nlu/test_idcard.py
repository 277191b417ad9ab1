"""ID numbers (GB 11643-1999), phones and masking."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from nlu.idcard import (
    find_phones,
    is_valid_id_number,
    mask_bank_card,
    mask_id_number,
    mask_phone,
    parse_id_number,
    parse_phone,
)

TODAY = date(2025, 6, 1)
WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]  # the standard's W_i = 2^(i-1) mod 11


def with_check(first17: str) -> str:
    """The check character computed from the standard's formula, independently of the code."""
    remainder = sum(int(c) * w for c, w in zip(first17, WEIGHTS, strict=True)) % 11
    check = (12 - remainder) % 11
    return first17 + ("X" if check == 10 else str(check))


def test_the_standard_example() -> None:
    # GB 11643-1999 annex example: 11010519491231002X, a woman born 1949-12-31
    card = parse_id_number("11010519491231002X", TODAY)
    assert card is not None
    assert (card.birth_date, card.sex, card.region_code) == (date(1949, 12, 31), "female", "110105")
    assert card.age(TODAY) == 75
    assert is_valid_id_number("11010519491231002x", TODAY)


def test_wrong_checksum_length_and_dates_are_rejected() -> None:
    assert not is_valid_id_number("110105194912310021", TODAY)
    assert not is_valid_id_number("11010519491231002", TODAY)
    assert not is_valid_id_number(with_check("62010219580230123"), TODAY)  # 30 February
    assert not is_valid_id_number(with_check("62010230000101123"), TODAY)  # born in the future
    assert not is_valid_id_number("abc", TODAY)


births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)


@given(births, st.integers(0, 999999), st.integers(0, 999))
def test_generated_numbers_parse_and_a_changed_check_digit_fails(
    birth: date, region: int, sequence: int
) -> None:
    first17 = f"{region:06d}{birth:%Y%m%d}{sequence:03d}"
    number = with_check(first17)
    card = parse_id_number(number, TODAY)
    assert card is not None
    assert card.birth_date == birth
    assert card.sex == ("male" if sequence % 2 else "female")
    assert card.region_code == f"{region:06d}"
    for other in "0123456789X":
        if other != number[-1]:
            assert parse_id_number(first17 + other, TODAY) is None


@given(births)
def test_age_counts_birthdays(birth: date) -> None:
    card = parse_id_number(with_check(f"620102{birth:%Y%m%d}123"), TODAY)
    assert card is not None
    had_birthday = (TODAY.month, TODAY.day) >= (birth.month, birth.day)
    assert card.age(TODAY) == TODAY.year - birth.year - (0 if had_birthday else 1)
    assert card.age(birth + timedelta(days=1)) == 0


def test_mask_id_number() -> None:
    assert mask_id_number("620102195803051234") == "6201**********1234"


def test_phones() -> None:
    phones = find_phones("手机13812345678，座机0531-12345678，热线12345，人社12333")
    assert [(p.kind, p.number) for p in phones] == [
        ("mobile", "13812345678"),
        ("landline", "0531-12345678"),
        ("service", "12345"),
        ("service", "12333"),
    ]
    spaced = parse_phone("+86 138 1234 5678")
    assert spaced is not None and spaced.number == "13812345678"
    assert find_phones("存了12345元") == []
    assert find_phones("12345678901") == []  # 1 then 2 is no mobile prefix
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0531-12345678") == "0531-****5678"
    assert mask_phone("12345") == "12345"
    assert mask_bank_card("6222020200001234567") == "***************4567"


@given(st.text(max_size=80))
def test_never_raise(text: str) -> None:
    parse_id_number(text)
    find_phones(text)
    mask_id_number(text)
    mask_phone(text)
