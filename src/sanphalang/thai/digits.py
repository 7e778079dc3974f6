"""Thai and Arabic digits: accept either on input, show what the user prefers."""

from pythainlp.util import arabic_digit_to_thai_digit, thai_digit_to_arabic_digit


def to_arabic_digits(text: str) -> str:
    """Return text with every Thai digit (๐–๙) replaced by its Arabic digit."""
    if not text:
        return text
    return thai_digit_to_arabic_digit(text)


def to_thai_digits(text: str) -> str:
    if not text:
        return text
    return arabic_digit_to_thai_digit(text)


def parse_number(text: str) -> str:
    """Normalise a typed number: Thai digits, thousands separators and spaces are accepted."""
    return to_arabic_digits(str(text)).replace(",", "").replace(" ", "").strip()
