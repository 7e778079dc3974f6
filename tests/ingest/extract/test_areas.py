from sanphalang.ingest.extract import extract


def test_the_main_province_is_the_one_written_after_changwat_most():
    draft = extract(
        "ภาค กทม ปริมณฑล ที่ห้องประชุมโรงไฟฟ้า จังหวัดสมุทรปราการ คณะทำงาน 3 จังหวัด 1 เมืองพิเศษ คือ "
        "สมุทรปราการ ปทุมธานี นนทบุรี และกรุงเทพมหานคร"
    ).as_json()
    assert draft["province"] == "สมุทรปราการ"
    assert set(draft["provinces"]) == {"สมุทรปราการ", "ปทุมธานี", "นนทบุรี", "กรุงเทพมหานคร"}


def test_a_province_that_is_a_common_word_needs_changwat():
    assert extract("ไม่ทอดทิ้งกันเลย ที่จังหวัดเลย").as_json()["provinces"] == ["เลย"]
    assert extract("ไม่ทอดทิ้งกันเลย").as_json()["provinces"] == []


def test_a_province_inside_another_word_is_not_named():
    assert extract("เผยแพร่ข่าวสาร").as_json()["provinces"] == []
