"""The characters no stored text keeps, and the ones typed Thai needs."""

from sanphalang.thai.names import clean_text, strip_unsafe_characters


def test_it_drops_nul_controls_and_every_direction_override_or_isolate():
    overrides = "".join(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
    assert strip_unsafe_characters(f"กลุ่ม\x00\x07{overrides}ออมทรัพย์") == "กลุ่มออมทรัพย์"


def test_it_keeps_thai_marks_line_breaks_tabs_and_zero_width_joiners():
    text = "ผู้ใหญ่บ้าน\tหมู่ ๕\nน้ำ\u200cใจ\u200d"
    assert strip_unsafe_characters(text) == text


def test_a_name_is_tidied_of_them_too():
    assert clean_text("  นาง\u202eสาว\x00รัชนี  ") == "นางสาวรัชนี"
