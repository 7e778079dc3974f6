"""Plans of the demo, as the reports tell them: the Phayao people's agenda of 27 January 2565 with its MOU and four
provincial projects (S7), Chumphon's eleven tambon charters of 2562 (S4), the Chiang Rai welfare network's
registration as a community welfare organisation (S10) and the Bangkok-region working group's plans of 2561 and
2562 (S14).

Names, dates, the vision, the main works, the projects and the 618 households are the reports'. Budgets, the split
of the 618 households over the districts, the other targets and every progress figure are made up for the demo, to
look like what a province reports.
"""

import datetime as dt
from decimal import Decimal

# The tables below keep one record to a row, as the reports list them; the formatter would spread each over lines.
# fmt: off

# ---- S7: Phayao (56), fiscal year 2565 (1 October 2564 – 30 September 2565)

PHAYAO_FORUM = {
    "body": ("เวทีสานพลังขับเคลื่อนวาระคนพะเยา", "Phayao People's Agenda Forum", "py-network"),
    "held_on": dt.date(2022, 1, 27),
    "title": "เวทีเสวนา “สานพลังขับเคลื่อนวาระคนพะเยา ปี 2565” และพิธีลงนามบันทึกความเข้าใจการขับเคลื่อนงานพัฒนาจังหวัดพะเยา",
    "venue": "ห้องประชุมสหกรณ์การเกษตรเมืองพะเยาจำกัด อำเภอเมือง จังหวัดพะเยา",
    "chair": "sakrit",
    "chair_title": "ผู้ว่าราชการจังหวัดพะเยา",
    "minutes": (
        "ผู้ว่าราชการจังหวัดพะเยาเป็นประธานเปิดงานและมอบนโยบายการขับเคลื่อนงานพัฒนาจังหวัดพะเยา เวทีเสวนาหัวข้อ "
        "“ความร่วมมือในการขับเคลื่อนวาระคนพะเยาอยู่เย็นเป็นสุข” แล้วลงนามบันทึกความเข้าใจ "
        "และบันทึกความร่วมมือโครงการระดับจังหวัด 4 โครงการ โดยเครือข่ายองค์กรชุมชน หน่วยงานภาครัฐ ภาคเอกชน "
        "และภาคประชาสังคมทั้ง 9 อำเภอ เข้าร่วม"
    ),
    "attending_organisations": ["py-network", "py-movement", "py-governor-office", "codi-north", "py-msdhs",
                                "py-pao", "py-coop"],
}

PHAYAO_PLAN = {
    "title": "วาระคนพะเยา ปี 2565",
    "area_code": "56",
    "year_be": 2565,
    "vision": "พะเยาอยู่เย็นเป็นสุขอย่างยั่งยืน",
    "summary": (
        "เครือข่ายขบวนองค์กรชุมชนจังหวัดพะเยา ร่วมกับหน่วยงานภาครัฐ วิชาการ และภาคีเครือข่าย "
        "จัดทำบันทึกความเข้าใจการขับเคลื่อนงานพัฒนาจังหวัดพะเยาเพื่อบรรลุวิสัยทัศน์ ภายใต้ 5 งานหลัก "
        "ครอบคลุมทั้ง 9 อำเภอ"
    ),
    "adopted_on": dt.date(2022, 1, 27),
    "issue_areas": [("56", "peoples-agenda")],
}

# (number, title, national issue-area slugs, national strategy numbers)
PHAYAO_MAIN_WORKS = [
    (1, "งานพัฒนาระบบการจัดการทรัพยากรธรรมชาติทั้งระบบ", ["natural-resources"], [5]),
    (2, "งานพัฒนาภาคการเกษตรให้เป็นเกษตรปลอดภัยและการเกษตรที่เป็นธรรม", ["agriculture"], [2, 5]),
    (3, "งานพัฒนาคุณภาพชีวิตประชาชนในพะเยา", ["quality-of-life", "baan-por-piang", "land-rural-housing"], [3, 4]),
    (4, "งานพัฒนาสวัสดิการชุมชนสู่ความมั่นคงของชีวิตคนพะเยา", ["community-welfare"], [4]),
    (5, "งานการจัดการสถานะทางสิทธิของบุคคลไร้รัฐและไร้สัญชาติ", ["stateless"], [1, 4]),
]

PHAYAO_AGREEMENT = {
    "title": "บันทึกความเข้าใจการขับเคลื่อนงานพัฒนาจังหวัดพะเยา",
    "kind": "understanding",
    "signed_on": dt.date(2022, 1, 27),
    "venue": "ห้องประชุมสหกรณ์การเกษตรเมืองพะเยาจำกัด อำเภอเมือง จังหวัดพะเยา",
    "purpose": "ขับเคลื่อนงานพัฒนาจังหวัดพะเยาร่วมกันให้บรรลุวิสัยทัศน์ “พะเยาอยู่เย็นเป็นสุขอย่างยั่งยืน” ภายใต้ 5 งานหลัก",
    "document": ("บันทึกความเข้าใจ (ข้อความที่ลงนาม)", "mou-phayao-2565.txt"),
}

# (organisation key, commitment, [(person key, position signed in)])
PHAYAO_PARTIES = [
    ("py-movement", "ขับเคลื่อนงาน 5 งานหลักร่วมกับองค์กรชุมชนทั้ง 9 อำเภอ และรายงานความก้าวหน้ารายไตรมาส",
     [("mukda", "ประธานคณะทำงานเครือข่ายสร้างบ้านแปงเมืองพะเยา")]),
    ("py-governor-office", "บรรจุวาระคนพะเยาในแผนพัฒนาจังหวัด และประสานส่วนราชการสนับสนุนการดำเนินงาน",
     [("sakrit", "ผู้ว่าราชการจังหวัดพะเยา")]),
    ("codi", "สนับสนุนงบประมาณโครงการบ้านพอเพียงชนบทและโครงการเสริมสร้างขีดความสามารถขบวนองค์กรชุมชน",
     [("wichai", "ผู้อำนวยการภาคเหนือ สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)")]),
    ("py-msdhs", "ประสานงานสวัสดิการชุมชนและการเข้าถึงสิทธิของกลุ่มเปราะบาง", []),
    ("py-pao", "สมทบงบประมาณด้านที่อยู่อาศัยและสนับสนุนเวทีระดับอำเภอ", []),
]

# Fiscal year 2565's quarters, by their first day.
Q1, Q2, Q3, Q4 = dt.date(2021, 10, 1), dt.date(2022, 1, 1), dt.date(2022, 4, 1), dt.date(2022, 7, 1)

PHAYAO_DISTRICTS = ["5601", "5602", "5603", "5604", "5605", "5606", "5607", "5608", "5609"]
# The 618 households of บ้านพอเพียงชนบท ปี 2565 over the 9 districts (demo figures; they add up to 618).
HOUSING_SPLIT = {"5601": 98, "5602": 62, "5603": 85, "5604": 48, "5605": 78, "5606": 70, "5607": 52, "5608": 55,
                 "5609": 70}
# Welfare funds per district (one per subdistrict) and how many keep their accounts up to date, Q1 then Q2.
FUNDS_PER_DISTRICT = {"5601": 15, "5602": 7, "5603": 10, "5604": 3, "5605": 12, "5606": 7, "5607": 6, "5608": 5,
                      "5609": 3}
FUNDS_UP_TO_DATE = {"5601": (9, 11), "5602": (4, 5), "5603": (6, 8), "5604": (2, 2), "5605": (6, 8),
                    "5606": (3, 5), "5607": (4, 4), "5608": (3, 4), "5609": (1, 2)}

# Households repaired per district in Q1 and Q2 (approved) and Q3 (None: not reported yet). Q3 of 5606 is
# returned for correction; the others that reported wait for approval.
HOUSING_DONE = {"5601": (10, 29, 24), "5602": (6, 19, None), "5603": (8, 26, 21), "5604": (5, 14, None),
                "5605": (8, 23, 20), "5606": (7, 21, 18), "5607": (5, 16, 13), "5608": (6, 16, None),
                "5609": (7, 21, 18)}
HOUSING_Q3_RETURNED = ("PY65-04-1", "5606")
HOUSING_RETURN_REASON = (
    "จำนวนครัวเรือนไม่ตรงกับรายชื่อในทะเบียนผู้ได้รับการซ่อมสร้าง กรุณาแนบรายชื่อและภาพถ่ายก่อนและหลังซ่อม"
)

# Each project: its code (external id), name, main work, owner, partners, budget lines
# [(source, funder key, amount, note)], and targets. A target: (code, name, measure slug or None, unit,
# accumulates, baseline, target, entries); entries are {period: {area: value or (value, out of)}} for the
# approved quarters, and "Q3" {area: value} waiting.
PHAYAO_PROJECTS = [
    {
        "code": "PY65-01",
        "name": "โครงการเสริมสร้างขีดความสามารถขบวนองค์กรชุมชนจังหวัดพะเยา ปี 2565",
        "main_work": 3,
        "owner": "py-movement",
        "partners": ["codi-north", "py-msdhs"],
        "issue_areas": ["community-councils"],
        "budget": [("codi", "codi", Decimal("450000"), "งบสนับสนุนขบวนจังหวัด (ตัวอย่าง)")],
        "targets": [
            ("PY65-01-1", "สภาองค์กรชุมชนตำบลที่ดำเนินงาน", "community-councils", "subdistricts", False,
             Decimal(52), Decimal(60), {Q1: {"56": 54}, Q2: {"56": 57}, Q3: {"56": 58}}),
            ("PY65-01-2", "เวทีสานพลังขับเคลื่อนวาระคนพะเยาระดับอำเภอ", None, "times", True,
             None, Decimal(9), {Q1: {"56": 3}, Q2: {"56": 6}}),
        ],
    },
    {
        "code": "PY65-02",
        "name": "โครงการพัฒนายุทธศาสตร์ด้านที่อยู่อาศัยจังหวัดพะเยา ปี 2565",
        "main_work": 3,
        "owner": "py-network",
        "partners": ["codi-north", "py-pao", "py-msdhs"],
        "issue_areas": ["land-rural-housing", "baan-mankong"],
        "budget": [("codi", "codi", Decimal("250000"), "งบพัฒนายุทธศาสตร์ที่อยู่อาศัย (ตัวอย่าง)"),
                   ("pao", "py-pao", Decimal("100000"), "งบสมทบเวทีระดับจังหวัด (ตัวอย่าง)")],
        "targets": [
            ("PY65-02-1", "ตำบลที่สำรวจข้อมูลปัญหาที่อยู่อาศัยครบทุกครัวเรือน", None, "subdistricts", True,
             None, Decimal(30), {Q1: {"56": 6}, Q2: {"56": 10}, Q3: {"56": 8}}),
        ],
    },
    {
        "code": "PY65-03",
        "name": "โครงการสนับสนุนสวัสดิการชุมชนจังหวัดพะเยา ปี 2565",
        "main_work": 4,
        "owner": "py-network",
        "partners": ["py-msdhs", "codi-north"],
        "issue_areas": ["community-welfare"],
        "budget": [("codi", "codi", Decimal("300000"), "งบสนับสนุนกองทุนสวัสดิการชุมชน (ตัวอย่าง)"),
                   ("agency", "py-msdhs", Decimal("80000"), "งบพัฒนาศักยภาพคณะกรรมการกองทุน (ตัวอย่าง)")],
        "targets": [
            ("PY65-03-1", "สมาชิกกองทุนสวัสดิการชุมชน", "welfare-fund-members", "people", False,
             Decimal(38500), Decimal(42000), {Q1: {"56": 39200}, Q2: {"56": 40150}, Q3: {"56": 40900}}),
            ("PY65-03-2", "กองทุนสวัสดิการชุมชนที่จัดทำบัญชีและรายงานการเงินเป็นปัจจุบัน", None, "percent", False,
             None, Decimal(80),
             {Q1: {code: (done[0], FUNDS_PER_DISTRICT[code]) for code, done in FUNDS_UP_TO_DATE.items()},
              Q2: {code: (done[1], FUNDS_PER_DISTRICT[code]) for code, done in FUNDS_UP_TO_DATE.items()}}),
        ],
    },
    {
        "code": "PY65-04",
        "name": "โครงการบ้านพอเพียงชนบท ปี 2565",
        "main_work": 3,
        "owner": "py-movement",
        "partners": ["codi-north", "py-pao", "py-msdhs"],
        "issue_areas": ["baan-por-piang"],
        "budget": [("codi", "codi", Decimal("11124000"), "618 ครัวเรือน ครัวเรือนละ 18,000 บาท (ตัวอย่าง)"),
                   ("community", None, Decimal("927000"), "แรงงานและวัสดุสมทบของชุมชน (ตัวอย่าง)")],
        "targets": [
            ("PY65-04-1", "ครัวเรือนที่ได้รับการซ่อมสร้างบ้านพอเพียงชนบท", "rural-housing-repair", "households", True,
             None, Decimal(618),
             {period: {code: done[index] for code, done in HOUSING_DONE.items() if done[index] is not None}
              for index, period in enumerate((Q1, Q2, Q3))}),
            ("PY65-04-2", "ช่างชุมชนที่ผ่านการอบรมการซ่อมสร้างบ้าน", None, "people", True,
             None, Decimal(45), {Q2: {"56": 30}, Q3: {"56": 12}}),
        ],
    },
]
PHAYAO_SPLITS = {"PY65-04-1": HOUSING_SPLIT}
PHAYAO_APPROVED_QUARTERS = [Q1, Q2]
PHAYAO_WAITING_QUARTER = Q3
PHAYAO_FORUM_EVIDENCE = ("PY65-01-2", Q2)

# ---- S4: Chumphon (86), fiscal year 2562; 5 tambons enacted in six months, 2 about to, 11 the year's target

CHUMPHON_PLAN = {
    "title": "แผนขับเคลื่อนธรรมนูญตำบล จังหวัดชุมพร ปี 2562",
    "area_code": "86",
    "year_be": 2562,
    "vision": "ตนชุมพรไม่ทอดทิ้งกัน",
    "summary": (
        "ศูนย์ประสานงานภาคีพัฒนาจังหวัดชุมพรและศูนย์ประสานงานภาคีพัฒนาอำเภอ สนับสนุนตำบลจัดทำธรรมนูญพื้นที่ "
        "เป้าหมายปี 2562 รวม 11 ตำบล นำเสนอผลในเวทีตนชุมพรไม่ทอดทิ้งกัน ครั้งที่ 2 วันที่ 26 สิงหาคม 2562"
    ),
    "adopted_on": dt.date(2018, 10, 15),
    "issue_areas": [("86", "area-charters")],
    "target": ("CP62-1", "ตำบลที่ประกาศใช้ธรรมนูญตำบล", "charters-enacted", Decimal(11)),
}

# (subdistrict code, tambon name, [(stage, date)]): the stages each charter reached, in order.
CHUMPHON_CHARTERS = [
    ("860101", "ท่าตะเภา", [("drafting", dt.date(2019, 3, 1)), ("hearing", dt.date(2019, 5, 10)),
                            ("enacted", dt.date(2019, 6, 20))]),
    ("860202", "คุริง", [("drafting", dt.date(2019, 3, 5)), ("hearing", dt.date(2019, 5, 24)),
                        ("enacted", dt.date(2019, 7, 5))]),
    ("860303", "สะพลี", [("drafting", dt.date(2019, 3, 8)), ("hearing", dt.date(2019, 6, 7)),
                        ("enacted", dt.date(2019, 7, 19))]),
    ("860501", "ละแม", [("drafting", dt.date(2019, 3, 15)), ("hearing", dt.date(2019, 6, 21)),
                       ("enacted", dt.date(2019, 8, 2))]),
    ("860702", "สวี", [("drafting", dt.date(2019, 3, 15)), ("hearing", dt.date(2019, 7, 3)),
                      ("enacted", dt.date(2019, 8, 16))]),
    ("860105", "นาทุ่ง", [("drafting", dt.date(2019, 4, 1)), ("hearing", dt.date(2019, 8, 9))]),
    ("860401", "หลังสวน", [("drafting", dt.date(2019, 4, 5)), ("hearing", dt.date(2019, 8, 20))]),
    ("860201", "ท่าแซะ", [("drafting", dt.date(2019, 5, 2))]),
    ("860301", "บางสน", [("drafting", dt.date(2019, 5, 16))]),
    ("860601", "พะโต๊ะ", [("drafting", dt.date(2019, 6, 3))]),
    ("860801", "ปากตะโก", [("drafting", dt.date(2019, 6, 17))]),
]
CHARTER_NOTES = {
    "drafting": "ตั้งคณะทำงานยกร่างธรรมนูญตำบลร่วมกับศูนย์ประสานงานภาคีพัฒนาอำเภอ",
    "hearing": "เวทีรับฟังความคิดเห็นร่างธรรมนูญตำบล",
    "enacted": "สภาองค์กรชุมชนตำบลมีมติประกาศใช้ธรรมนูญตำบล",
}

# ---- S10: the Chiang Rai welfare network's registration as a community welfare organisation

CHIANGRAI_REGISTRATION = {
    "organisation": "cr-welfare-network",
    "authority": "cr-msdhs",
    "law": "welfare_organisation",
    "note": "ขอรับรองเป็นองค์กรสวัสดิการชุมชนตาม พ.ร.บ.ส่งเสริมการจัดสวัสดิการสังคม พ.ศ. 2546",
    # (stage, date, note, document title, file name): the last step the demo shows is the authority's review.
    "steps": [
        ("preparing", dt.date(2019, 5, 14), "ที่ประชุมคณะทำงานเครือข่ายฯ ยกร่างระเบียบข้อบังคับของเครือข่ายและแผนปฏิบัติการ",
         "ร่างระเบียบข้อบังคับเครือข่ายสวัสดิการชุมชนจังหวัดเชียงราย", "bylaws-draft-2562.txt"),
        ("submitted", dt.date(2019, 8, 15), "ยื่นคำขอรับรองพร้อมระเบียบข้อบังคับและแผนปฏิบัติการต่อ พมจ.เชียงราย",
         "คำขอรับรองเป็นองค์กรสวัสดิการชุมชน พร้อมแผนปฏิบัติการ", "application-2562.txt"),
        ("reviewing", dt.date(2019, 9, 10), "พมจ.เชียงรายตรวจสอบเอกสารและนัดลงพื้นที่",
         "หนังสือแจ้งรับคำขอและนัดตรวจสอบ", "review-letter-2562.txt"),
    ],
}

# ---- S14: the Bangkok region (3 provinces and 1 special city), fiscal years 2561 and 2562

REGION_SLUG = "bangkok-vicinity-east"
REGION_PLAN_TITLE = "แผนขับเคลื่อนขบวนองค์กรชุมชน 3 จังหวัด 1 เมืองพิเศษ ปี {year}"
REGION_PLAN_SUMMARY = (
    "คณะทำงานขบวนองค์กรชุมชน 3 จังหวัด 1 เมืองพิเศษ (สมุทรปราการ ปทุมธานี นนทบุรี และกรุงเทพมหานคร) "
    "ทบทวนการทำงานในปีที่ผ่านมาและวางแนวทางการทำงานเชิงรุก ด้านสวัสดิการ สภาองค์กรชุมชน การซ่อมสร้างบ้านพอเพียง "
    "เศรษฐกิจทุนชุมชน และสิ่งแวดล้อม ประสานตั้งแต่ระดับหมู่บ้าน ตำบล อำเภอ และจังหวัด "
    "ให้สอดรับกับยุทธศาสตร์ชาติ 20 ปี"
)
REGION_PROVINCES = ["10", "11", "12", "13"]
# The working group reviews its work once a year: each plan's progress is reported for the whole fiscal year.
REGION_YEARS = {2561: dt.date(2017, 10, 1), 2562: dt.date(2018, 10, 1)}

# (measure slug, target name, entries add up): a standing measure reports where it stands at the year's end.
REGION_MEASURES = [
    ("welfare-fund-members", "สมาชิกกองทุนสวัสดิการชุมชน", False),
    ("community-councils", "สภาองค์กรชุมชนตำบลที่ดำเนินงาน", False),
    ("rural-housing-repair", "ครัวเรือนที่ได้รับการซ่อมสร้างบ้านพอเพียง", True),
    ("community-economy-groups", "กลุ่มเศรษฐกิจและทุนชุมชน", False),
    ("safe-agriculture", "ครัวเรือนที่ทำเกษตรปลอดภัย", True),
]
# measure → year → province → (target, the year's figure). Demo figures.
REGION_FIGURES = {
    "welfare-fund-members": {
        2561: {"10": (52000, 51400), "11": (21000, 20350), "12": (14500, 14900), "13": (18000, 16700)},
        2562: {"10": (54000, 53600), "11": (22500, 21800), "12": (15500, 15650), "13": (19000, 18100)},
    },
    "community-councils": {
        2561: {"10": (60, 57), "11": (45, 43), "12": (40, 40), "13": (55, 50)},
        2562: {"10": (64, 61), "11": (48, 46), "12": (42, 42), "13": (58, 55)},
    },
    "rural-housing-repair": {
        2561: {"10": (120, 110), "11": (150, 145), "12": (90, 82), "13": (160, 150)},
        2562: {"10": (130, 125), "11": (170, 165), "12": (100, 95), "13": (180, 175)},
    },
    "community-economy-groups": {
        2561: {"10": (85, 78), "11": (60, 57), "12": (45, 44), "13": (70, 63)},
        2562: {"10": (90, 86), "11": (65, 62), "12": (50, 49), "13": (75, 70)},
    },
    "safe-agriculture": {
        2561: {"10": (80, 72), "11": (120, 105), "12": (150, 130), "13": (300, 270)},
        2562: {"10": (100, 90), "11": (140, 125), "12": (170, 155), "13": (320, 300)},
    },
}
# fmt: on


def demo_document(title: str) -> bytes:
    """The text of a demo document: its title and a line saying it stands in for the real one."""
    return f"{title}\n\n(เอกสารตัวอย่างสำหรับการสาธิตระบบ)\n".encode()
