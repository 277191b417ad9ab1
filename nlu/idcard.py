"""Resident ID numbers (GB 11643-1999), phone numbers and bank card numbers.

An ID number is 6 digits of address code, 8 of birth date (YYYYMMDD), 3 of sequence (odd for
men, even for women) and a check character by ISO 7064 MOD 11-2 (0-9 or X). None of these
values may be logged: use the mask_* functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from nlu.numerals import normalize_digits

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
ID_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")
_FULL_ID = re.compile(r"\d{17}[0-9X]")

Sex = Literal["male", "female"]


def check_digit(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def age_on(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


@dataclass(frozen=True)
class IdCard:
    number: str
    region_code: str
    birth_date: date
    sex: Sex

    def age(self, on: date) -> int:
        return age_on(self.birth_date, on)


def _clean(text: str) -> str:
    return normalize_digits(text).strip().replace(" ", "").upper()


def parse_id_number(text: str, today: date | None = None) -> IdCard | None:
    """The ID card facts, or None for a wrong length, checksum or an impossible birth date.

    A birth date after `today` (default: the current date) or before 1900 is impossible.
    """
    number = _clean(text)
    if not _FULL_ID.fullmatch(number) or check_digit(number[:17]) != number[17]:
        return None
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None
    if birth.year < 1900 or birth > (today or date.today()):
        return None
    sex: Sex = "male" if int(number[16]) % 2 else "female"
    return IdCard(number=number, region_code=number[:6], birth_date=birth, sex=sex)


def is_valid_id_number(text: str, today: date | None = None) -> bool:
    return parse_id_number(text, today) is not None


def mask_id_number(text: str) -> str:
    """ "620102195803051234" -> "6201**********1234" (keeps the first 4 and last 4)."""
    number = _clean(text)
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


# --- phones ---------------------------------------------------------------------------------

PhoneKind = Literal["mobile", "landline", "service"]
SERVICE_NUMBERS = frozenset({"12345", "12333", "12349", "12348", "12315", "12320", "12351"})
_MOBILE = r"(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}"
_LANDLINE = r"(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}-)\d{7,8}"
_SERVICE = "|".join(sorted(SERVICE_NUMBERS))
PHONE_RE = re.compile(
    rf"(?<![\d\-])(?:(?P<mobile>{_MOBILE})|(?P<landline>{_LANDLINE})|(?P<service>{_SERVICE}))"
    r"(?![\d元块万])"
)


@dataclass(frozen=True)
class Phone:
    kind: PhoneKind
    number: str  # digits only, landlines as "0531-12345678"
    start: int
    end: int


def _normalise_phone(kind: PhoneKind, raw: str) -> str:
    digits = re.sub(r"\D", "", raw)
    if kind == "mobile":
        return digits[-11:]
    if kind == "landline":
        m = re.match(r"\D*(0\d{2,3})\D+(\d{7,8})$", raw)
        return f"{m.group(1)}-{m.group(2)}" if m else digits
    return digits


def find_phones(text: str) -> list[Phone]:
    """Mainland mobiles, landlines with an area code, and government service numbers."""
    text = normalize_digits(text)
    phones: list[Phone] = []
    for m in PHONE_RE.finditer(text):
        kind: PhoneKind = (
            "mobile" if m.group("mobile") else "landline" if m.group("landline") else "service"
        )
        phones.append(Phone(kind, _normalise_phone(kind, m.group()), m.start(), m.end()))
    return phones


def parse_phone(text: str) -> Phone | None:
    phones = find_phones(text)
    return phones[0] if phones else None


def mask_phone(number: str) -> str:
    """ "13812345678" -> "138****5678"; "0531-12345678" -> "0531-****5678"; 12345 stays."""
    digits = re.sub(r"\D", "", normalize_digits(number))
    if digits in SERVICE_NUMBERS:
        return digits
    if "-" in number:
        area, _, local = number.partition("-")
        return f"{area}-{'*' * max(len(local) - 4, 0)}{local[-4:]}"
    if len(digits) <= 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


# --- bank cards -----------------------------------------------------------------------------

BANK_CARD_RE = re.compile(r"(?<![\dXx])(?:\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?)(?!\d)")


def mask_bank_card(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return "*" * max(len(digits) - 4, 0) + digits[-4:]
