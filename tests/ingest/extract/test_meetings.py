from sanphalang.ingest.extract import extract


def test_a_meeting_with_its_number_venue_and_participants():
    draft = extract(
        "เมื่อวันที่ ๒๐ กรกฎาคม ๒๕๕๘ ณ ห้องพญพิภักดิ์ ศาลากลางจังหวัดเชียงราย นายรัชกฤช สถิรานนท์ "
        "เป็นประธานเปิดการประชุมสภาพลเมืองจังหวัดเชียงราย ครั้งที่ ๓/๒๕๕๘ โดยมีผู้เข้าร่วมจำนวน ๕๐ คน"
    ).as_json()
    assert draft["event_kind"] == "meeting"
    assert draft["meeting_number"] == "3/2558"
    assert draft["venue"] == "ห้องพญพิภักดิ์ ศาลากลางจังหวัดเชียงราย"
    assert draft["participant_count"] == 50


def test_a_forum_is_told_by_its_first_word_and_a_meeting_room_is_no_meeting():
    draft = extract("ณ ห้องประชุมโรงแรมชุมพร ผู้ว่าฯ เปิดเวทีเสวนา ครั้งที่ 2 และลงนามบันทึกความร่วมมือ").as_json()
    assert draft["event_kind"] == "forum"
    assert draft["meeting_number"] is None


def test_a_venue_keeps_its_district_and_province():
    draft = extract("เข้าร่วม ณ โรงแรมชุมพรการ์เด้นท์ อำเภอเมือง จังหวัดชุมพร นายวิบูลย์ กล่าว").as_json()
    assert draft["venue"] == "โรงแรมชุมพรการ์เด้นท์ อำเภอเมือง จังหวัดชุมพร"


def test_a_venue_ends_after_its_province():
    draft = extract("ร่วมประชุม ณ ศูนย์คุ้มครองผู้บริโภคจังหวัดเชียงราย ผู้เข้าร่วมประชุมประกอบด้วย").as_json()
    assert draft["venue"] == "ศูนย์คุ้มครองผู้บริโภคจังหวัดเชียงราย"
    assert draft["participant_count"] is None


def test_resolutions_and_assignments_are_passages():
    draft = extract("ที่ประชุมมีมติให้รายงานทุก 3 เดือน\nจึงมอบหมายให้สำนักงานจังหวัดประสานงาน")
    assert [r.value for r in draft.resolutions] == [
        "ที่ประชุมมีมติให้รายงานทุก 3 เดือน",
        "มอบหมายให้สำนักงานจังหวัดประสานงาน",
    ]


def test_no_event_word_is_other():
    assert extract("ข่าวจังหวัดพะเยา").as_json()["event_kind"] == "other"


def test_under_a_resolutions_heading_each_numbered_line_is_a_resolution():
    draft = extract(
        "มติที่ประชุม\n๑. ให้คณะทำงานจัดทำแผนเตรียมรับมือภัยพิบัติ\n(2) มอบหมายให้ศูนย์ประสานงานสำรวจครัวเรือน\n\nปิดประชุม"
    )
    assert [r.value for r in draft.resolutions] == [
        "ให้คณะทำงานจัดทำแผนเตรียมรับมือภัยพิบัติ",
        "มอบหมายให้ศูนย์ประสานงานสำรวจครัวเรือน",
    ]
    # and each passage is the line's own words, its number left out
    first = draft.resolutions[0]
    assert draft.text[first.span[0] : first.span[1]] == "ให้คณะทำงานจัดทำแผนเตรียมรับมือภัยพิบัติ"


def test_a_heading_with_no_list_under_it_is_no_resolution():
    assert extract("มติที่ประชุม\nปิดประชุมเวลา 16.00 น.").resolutions == []
