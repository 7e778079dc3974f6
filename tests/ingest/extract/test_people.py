from sanphalang.ingest.extract import extract


def test_a_title_name_and_position_are_three_fields():
    draft = extract("นายรัชกฤช สถิรานนท์ รองผู้ว่าราชการจังหวัดเชียงราย เป็นประธานเปิดการประชุม")
    person = draft.people[0]
    assert (person.title, person.name, person.position) == (
        "นาย",
        "รัชกฤช สถิรานนท์",
        "รองผู้ว่าราชการจังหวัดเชียงราย",
    )
    assert draft.chair == person


def test_a_position_glued_to_what_follows_ends_before_it():
    draft = extract("นายวิบูลย์ รัตนาภรณ์วงศ์ ผู้ว่าราชการจังหวัดชุมพรเป็นประธาน เปิดเวที")
    assert draft.chair.position == "ผู้ว่าราชการจังหวัดชุมพร"


def test_a_glued_title_and_a_title_after_a_word():
    draft = extract("โดยมี ดร.วิรุณ คำภิโล ประธานคณะทำงาน และมอบหมายให้นางสาวรัชนี ตรัยตรึงศ์โกศล ร่วมประชุม")
    assert [(p.title, p.name) for p in draft.people] == [("ดร.", "วิรุณ คำภิโล"), ("นางสาว", "รัชนี ตรัยตรึงศ์โกศล")]


def test_a_position_that_begins_with_nai_is_no_person():
    draft = extract("นายจำรัส เลาสัตย์ เลขานุการนายก อบจ.พะเยา และนายอำเภอเมือง")
    assert [p.name for p in draft.people] == ["จำรัส เลาสัตย์"]


def test_a_given_name_alone_before_a_verb_is_the_person_named_before():
    draft = extract("นางมุกดา อินต๊ะสาร ประธานคณะทำงาน เปิดเผยว่า ดีมาก นางมุกดา กล่าวเพิ่มเติมว่า")
    assert [p.name for p in draft.people] == ["มุกดา อินต๊ะสาร"]


def test_no_one_chairs_when_no_one_is_said_to():
    assert extract("นายอัศวิน จุมปา หัวหน้ากลุ่มนโยบายและวิชาการ ร่วมประชุม").chair is None
