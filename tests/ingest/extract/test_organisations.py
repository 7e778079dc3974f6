from sanphalang.ingest.extract import KnownOrganisation, extract


def names(text, **kwargs):
    return extract(text, **kwargs).as_json()["organisations"]


def test_an_abbreviation_is_given_in_full():
    assert names("ผู้แทนเครือข่าย 10 อำเภอ พอช. และเจ้าหน้าที่") == ["สถาบันพัฒนาองค์กรชุมชน"]


def test_a_provincial_abbreviation_takes_its_province():
    assert names("ผู้แทน อบจ.พะเยา และ พมจ.เชียงราย") == [
        "องค์การบริหารส่วนจังหวัดพะเยา",
        "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย",
    ]


def test_a_name_by_its_prefix_ends_after_its_province():
    assert names("โดยศูนย์ประสานงานภาคีพัฒนาจังหวัดชุมพรจัดขึ้น เพื่อนำเสนอ") == ["ศูนย์ประสานงานภาคีพัฒนาจังหวัดชุมพร"]


def test_a_name_ends_at_what_the_organisation_did():
    found = names("มอบหมายให้สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์เป็นหน่วยงานในการประสานงาน")
    assert found == ["สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์"]


def test_a_spelling_slip_is_given_as_the_known_name():
    assert names("ทำหนังสือเสนอกรมส่งเสริมปกครองท้องถิ่น ในการยกร่าง") == ["กรมส่งเสริมการปกครองท้องถิ่น"]


def test_a_public_organisation_suffix_and_a_mark_are_dropped():
    assert names("ผู้อำนวยการภาคเหนือ สถาบันพัฒนาองค์กรชุมชน(องค์การมหาชน) และสำนักงานกองทุนฟื้นฟูและพัฒนาเกษตรกรฯ") == [
        "สถาบันพัฒนาองค์กรชุมชน",
        "สำนักงานกองทุนฟื้นฟูและพัฒนาเกษตรกร",
    ]


def test_the_directorys_abbreviations_are_matched():
    known = (KnownOrganisation("มูลนิธิรักษ์บ้านเกิดเชียงใหม่", "มรบ."),)
    assert names("ผู้แทนจาก มรบ. ร่วมประชุม", known=known) == ["มูลนิธิรักษ์บ้านเกิดเชียงใหม่"]


def test_a_word_that_holds_a_prefix_is_no_organisation():
    assert names("ข้อมูลในระบบโปรแกรมไม่ตรงกัน") == []
