"""The demo's people in care: made-up households (no real person is named), in Chumphon, where the province's
coordination centre follows its vulnerable households and runs the social development fund (S5), in Phayao, whose
618 rural housing repairs of 2565 are tracked house by house, and in Chiang Rai, where many people are stateless.

Every name, house number, national ID and amount here is invented for the demo.
"""

import datetime as dt
from decimal import Decimal

# The tables below keep one record to a row; the formatter would spread each over lines.
# fmt: off
MALE_NAMES = [
    "สมชาย", "สมศักดิ์", "ประเสริฐ", "วิชัย", "สมบัติ", "บุญมี", "สุชาติ", "ประยูร", "ธนากร", "อนันต์", "ชาตรี",
    "สุริยา", "กิตติพงษ์", "ณัฐวุฒิ", "ปิยะพงษ์", "เอกชัย", "ไพโรจน์", "บุญเลิศ", "สมหมาย", "จำเนียร", "มานพ",
    "ทองสุข", "วีระ", "ศุภชัย", "อภิชาติ", "ธีรวัฒน์", "พงศกร", "ชัยวัฒน์", "สุวิทย์", "นิพนธ์", "เฉลิม", "ยงยุทธ",
]
FEMALE_NAMES = [
    "สมศรี", "มาลี", "บุญเรือน", "สุนีย์", "ประภา", "วันเพ็ญ", "จันทร์เพ็ญ", "ละเอียด", "สายสุนีย์", "พรทิพย์",
    "กัญญา", "อรุณี", "นงลักษณ์", "รัตนา", "ศิริพร", "สุภาพร", "ปราณี", "บุญตา", "ทองใบ", "จารุวรรณ", "กมลชนก",
    "ณัฐธิดา", "ปิยะนุช", "วิไลวรรณ", "อำไพ", "เพ็ญศรี", "ลำดวน", "สมปอง", "ชไมพร", "ดวงใจ", "พิมพ์ชนก", "ยุพิน",
]
CHILD_MALE_NAMES = ["ภูมิพัฒน์", "ธนภัทร", "กฤษณะ", "ปัณณวิชญ์", "ศุภวิชญ์", "ชยพล", "ภัทรพล", "ก้องภพ"]
CHILD_FEMALE_NAMES = ["ณิชาภัทร", "ปุณยาพร", "กัญญาณัฐ", "พิชชาพร", "ธัญชนก", "อรปรียา", "ชนัญชิดา", "ปภาวรินทร์"]
SURNAMES = [
    "ทองคำ", "แก้วมณี", "ศรีสุข", "บุญมา", "จันทร์หอม", "ชูแก้ว", "ทองขาว", "เพชรรัตน์", "นาคสวัสดิ์", "ศรีทอง",
    "แสงอรุณ", "มณีโชติ", "รักษ์ทอง", "ขาวสะอาด", "พรหมแก้ว", "สุขสวัสดิ์", "คงแก้ว", "ทองนุ่น", "ด้วงทอง",
    "แก้วประดับ", "ชุมทอง", "เรืองศรี", "สวนแก้ว", "ปานทอง", "หนูนวล", "ทองเนื้อดี", "จิตรหลัง", "เพชรสุวรรณ",
    "สังข์ทอง", "บัวแก้ว", "อินทร์แก้ว", "ศรีเมือง", "ขวัญทอง", "ดำรงค์", "พุ่มพวง", "เนียมหอม",
]
NORTHERN_SURNAMES = [
    "อินต๊ะ", "คำปัน", "ใจมา", "ปัญญาวงค์", "สุริยะ", "จันทร์ตา", "ก๋องแก้ว", "ยาวิราช", "ธิจันทร์", "คำแสน",
    "ไชยวงศ์", "อุ่นใจ", "มูลคำ", "ปินตา", "ศรีวิชัย", "แก้วดวงดี",
]
HILL_SURNAMES = ["เชอมือ", "แซ่ลี", "จะแฮ", "มาเยอะ", "แซ่ย่าง"]
# fmt: on

PURPOSE = "ติดตามช่วยเหลือครัวเรือนเปราะบางและประสานส่งต่อหน่วยงาน"

# ---- Chumphon (86): the coordination centre's households

CHUMPHON_PLACES = {
    # subdistrict (or village) → (how the address is written)
    "86010101": "หมู่ 1 บ้านท่าตะเภา ต.ท่าตะเภา อ.เมืองชุมพร จ.ชุมพร",
    "860105": "ต.นาทุ่ง อ.เมืองชุมพร จ.ชุมพร",
    "860108": "ต.บางลึก อ.เมืองชุมพร จ.ชุมพร",
    "860201": "ต.ท่าแซะ อ.ท่าแซะ จ.ชุมพร",
    "860205": "ต.รับร่อ อ.ท่าแซะ จ.ชุมพร",
    "860302": "ต.ทะเลทรัพย์ อ.ปะทิว จ.ชุมพร",
    "860401": "ต.หลังสวน อ.หลังสวน จ.ชุมพร",
    "860404": "ต.นาขา อ.หลังสวน จ.ชุมพร",
    "860407": "ต.บางมะพร้าว อ.หลังสวน จ.ชุมพร",
    "860501": "ต.ละแม อ.ละแม จ.ชุมพร",
    "860702": "ต.สวี อ.สวี จ.ชุมพร",
    "860705": "ต.ปากแพรก อ.สวี จ.ชุมพร",
}
# (kind of household, how many, the places they are spread over in turn). Kinds: see care_loader.HOUSEHOLD_KINDS.
CHUMPHON_HOUSEHOLDS = [
    ("elderly_alone", 8, ["86010101", "860105", "860401", "860702", "860501", "860404", "860108", "860705"]),
    ("bedridden", 5, ["860105", "860407", "860702", "860201", "860401"]),
    ("disability", 6, ["86010101", "860108", "860404", "860705", "860501", "860302"]),
    ("poverty", 10, ["860201", "860302", "860401", "860404", "860407", "860702", "860705", "860105", "860108",
                     "860501"]),
    ("disaster", 7, ["860401", "860401", "860407", "860702", "860702", "860705", "860401"]),
    ("housing", 2, ["860404", "860302"]),
]  # fmt: skip
# The three stateless people of Tha Sae, on the Myanmar border: a mother and her son, and a man alone. (name,
# sex, born, relationship, status sought, [(step, days ago)]: the steps reached, the last one where the case is.
CHUMPHON_STATELESS = [
    ("860205", "หมู่ 4 ต.รับร่อ อ.ท่าแซะ จ.ชุมพร", [
        ("มะลิ", "female", 1979, "head", "status_card",
         [("facts_gathered", 520), ("documents_gathered", 430), ("witnesses_heard", 380), ("filed", 300),
          ("district_review", 236)]),
        ("ต้นกล้า", "male", 2008, "child", "birth_registration",
         [("facts_gathered", 200), ("documents_gathered", 120), ("dna_tested", 45)]),
    ]),
    ("860201", "ต.ท่าแซะ อ.ท่าแซะ จ.ชุมพร", [
        ("หม่อง", "male", 1968, "head", "thai_nationality",
         [("facts_gathered", 900), ("documents_gathered", 820), ("witnesses_heard", 700), ("filed", 610),
          ("district_review", 480), ("province_review", 150)]),
    ]),
]  # fmt: skip
CHUMPHON_HOUSEHOLD_COUNT = sum(count for _kind, count, _places in CHUMPHON_HOUSEHOLDS) + len(
    CHUMPHON_STATELESS
)

CASE_SUMMARIES = {
    "elderly_alone": "ผู้สูงอายุอยู่ลำพัง ลูกหลานทำงานต่างจังหวัด ต้องการผู้ดูแลและเบี้ยยังชีพ",
    "bedridden": "ผู้ป่วยติดเตียง ต้องการผ้าอ้อมผู้ใหญ่ เตียงผู้ป่วย และการเยี่ยมบ้านของทีมสุขภาพ",
    "disability": "คนพิการ ยังไม่มีบัตรคนพิการ ต้องการกายอุปกรณ์และอาชีพที่ทำได้ที่บ้าน",
    "poverty": "รายได้ไม่พอเลี้ยงครอบครัว หนี้นอกระบบ ลูกกำลังเรียน",
    "disaster": "บ้านถูกน้ำท่วม ข้าวของเสียหาย ต้องการถุงยังชีพและซ่อมบ้าน",
    "housing": "บ้านทรุดโทรม หลังคารั่ว ต้องการซ่อมบ้าน",
    "stateless": "ไม่มีสถานะทางทะเบียน เข้าไม่ถึงสิทธิรักษาพยาบาลและการศึกษา",
    "health": "ป่วยเรื้อรัง ต้องไปโรงพยาบาลบ่อย ขาดรายได้ระหว่างรักษา",
    "other": "ครอบครัวมีปัญหาหนี้สินและความขัดแย้ง ต้องการคำปรึกษา",
}
PLANS = {
    "elderly_alone": "ประสาน อสม. เยี่ยมบ้านทุกสัปดาห์ ยื่นขอเบี้ยยังชีพผู้สูงอายุ และหาผู้ดูแลในชุมชน",
    "bedridden": "ส่งต่อโรงพยาบาลเพื่อทีมเยี่ยมบ้าน ขอยืมเตียงผู้ป่วยจากกองทุนตำบล และสนับสนุนผ้าอ้อม",
    "disability": "พาไปจดทะเบียนคนพิการ ขอกายอุปกรณ์จาก พมจ. และฝึกอาชีพจักสาน",
    "poverty": "สนับสนุนถุงยังชีพ เชื่อมกลุ่มอาชีพ และส่งต่อ พมจ. เพื่อเงินสงเคราะห์ครอบครัว",
    "disaster": "มอบถุงยังชีพ ขอเงินช่วยเหลือจากกองทุนพัฒนาสังคม และประสาน อบต. ซ่อมบ้าน",
    "housing": "สำรวจและประเมินราคา เสนอโครงการบ้านพอเพียง ใช้แรงงานจิตอาสาในชุมชน",
    "stateless": "รวบรวมเอกสารและพยานบุคคล ยื่นคำร้องที่อำเภอ และติดตามทุกเดือน",
    "health": "ประสานรถรับส่งไปโรงพยาบาล และขอเงินสงเคราะห์ระหว่างรักษา",
    "other": "นัดพูดคุยกับครอบครัว และส่งต่อคลินิกแก้หนี้",
}
FOLLOW_UP_NOTES = ["เยี่ยมบ้าน อาการทรงตัว", "โทรติดตาม ได้รับของช่วยเหลือแล้ว", "เยี่ยมบ้านร่วมกับ อสม.",
                   "ประสานหน่วยงานแล้ว รอคำตอบ"]  # fmt: skip

# ---- The Chumphon social development fund, run by the provincial civil-society association

FUND_NAME = "กองทุนพัฒนาสังคมจังหวัดชุมพร"
FUND_ORGANISATION = "cp-association"
FUND_COMMITTEE = ["chumphon", "cp-fund", "sawi"]
# Money in, oldest first: (kind, amount, days ago, donor name, donor organisation key, note)
FUND_MONEY_IN = [
    ("grant", Decimal("150000"), 400, "", "thaihealth", "ทุนสนับสนุนกองทุนพัฒนาสังคมจังหวัด ปีแรก"),
    ("donation", Decimal("100000"), 380, "", "cp-company", "โครงการ CSR ช่วยเหลือผู้ยากลำบากจังหวัดชุมพร"),
    ("donation", Decimal("20000"), 300, "วัดพระธาตุสวี", None, "ผ้าป่าสามัคคีเพื่อผู้ยากลำบาก"),
    ("donation", Decimal("5000"), 250, "นายสมพงษ์ ใจบุญ", None, ""),
    ("donation", Decimal("3000"), 200, "นางอรทัย มีทรัพย์", None, ""),
    ("donation", Decimal("1500"), 120, "นางสาวกานดา รักษ์ชุมพร", None, ""),
    # The same gift entered twice; the second is reversed below.
    ("donation", Decimal("1500"), 120, "นางสาวกานดา รักษ์ชุมพร", None, ""),
]
FUND_REVERSAL_NOTE = "บันทึกซ้ำ รายการเดียวกับลำดับก่อนหน้า"
# Requests: (case kind they help, amount, days ago, status, [(committee member, approves)], purpose)
FUND_REQUESTS = [
    ("disaster", Decimal("5000"), 90, "paid", [("chumphon", True), ("cp-fund", True)],
     "ค่าซ่อมบ้านและเครื่องใช้ที่เสียหายจากน้ำท่วม"),
    ("disaster", Decimal("3000"), 88, "paid", [("cp-fund", True), ("sawi", True)], "ค่าครองชีพหลังน้ำท่วม"),
    ("bedridden", Decimal("4500"), 60, "paid", [("chumphon", True), ("sawi", True)],
     "ค่าเตียงผู้ป่วยและผ้าอ้อมผู้ใหญ่ 3 เดือน"),
    ("poverty", Decimal("2000"), 30, "approved", [("chumphon", True), ("cp-fund", True)], "ค่าเดินทางไปโรงพยาบาล"),
    ("elderly_alone", Decimal("2500"), 10, "pending", [("cp-fund", True)], "ค่าปรับปรุงห้องน้ำให้ผู้สูงอายุ"),
    ("poverty", Decimal("8000"), 45, "rejected", [("chumphon", False), ("sawi", True)],
     "ค่าเทอมบุตร (ให้ส่งต่อกองทุนการศึกษาแทน)"),
]  # fmt: skip
REQUESTER = "langsuan"  # the district coordinator who carries the cases asks

# ---- Disaster-risk areas: (area, hazard, season from, to, households at risk, note)
RISK_AREAS = [
    ("860401", "flood", 11, 1, 420, "น้ำป่าและน้ำล้นตลิ่งแม่น้ำหลังสวนช่วงมรสุมตะวันออกเฉียงเหนือ"),
    ("860407", "flood", 11, 1, 180, "ที่ลุ่มปากแม่น้ำหลังสวน น้ำทะเลหนุน"),
    ("860702", "flood", 11, 1, 350, "แม่น้ำสวีล้นตลิ่ง ถนนสายหลักถูกตัดขาด"),
    ("860302", "storm", 10, 12, 260, "พายุดีเปรสชันและคลื่นลมแรงชายฝั่งอ่าวไทย"),
    ("86010101", "storm", 10, 12, 140, "ชุมชนประมงริมอ่าว"),
    ("560601", "forest_fire", 2, 4, 300, "ไฟป่าและหมอกควันบนดอยรอบตำบลปง"),
    ("560401", "forest_fire", 2, 4, 210, "ไฟป่าและหมอกควัน ค่าฝุ่นเกินมาตรฐานช่วงเผาไร่"),
    ("560202", "flash_flood", 8, 9, 150, "น้ำป่าไหลหลากจากดอยและดินโคลนถล่ม"),
    ("560603", "flash_flood", 8, 9, 90, "น้ำป่าไหลหลากลำน้ำยม"),
]
# The flood of last monsoon season in Lang Suan and Sawi: (watch-list area, area hit, started and ended days ago,
# what happened, the damage of each household it hit in turn)
INCIDENTS = [
    ("860401", "8604", 300, 292, "ฝนตกหนักต่อเนื่อง แม่น้ำหลังสวนล้นตลิ่ง น้ำท่วมบ้านเรือนในตำบลหลังสวนและบางมะพร้าว"),
    ("860702", "8607", 299, 293, "แม่น้ำสวีล้นตลิ่ง น้ำท่วมบ้านเรือนริมน้ำ ถนนสายหลักถูกตัดขาดสองวัน"),
]
DAMAGE = ["น้ำท่วมสูง 1 เมตร เครื่องใช้ไฟฟ้าเสียหาย", "บ้านเสียหายบางส่วน", "นาข้าวและสวนผลไม้เสียหาย"]

# ---- Phayao (56): บ้านพอเพียงชนบท ปี 2565, house by house
PHAYAO_HOUSING_PROJECT = "PY65-04"
PHAYAO_GRANT = Decimal("18000")
PHAYAO_WORKS = ["ซ่อมหลังคาและเปลี่ยนสังกะสี", "เปลี่ยนพื้นและฝาบ้าน", "สร้างห้องน้ำใหม่", "เสริมเสาและคาน",
                "ซ่อมบันไดและทำทางลาด"]  # fmt: skip

# ---- Chiang Rai (57): stateless people in Mae Sai and Mae Fa Luang
# (place, address, [(first name, sex, born, relationship, status sought, [(step, days ago)])])
CHIANGRAI_STATELESS = [
    ("57090101", "หมู่ 1 บ้านแม่สาย ต.แม่สาย อ.แม่สาย จ.เชียงราย", [
        ("อาแซ", "male", 1975, "head", "status_card", [("facts_gathered", 400), ("filed", 260),
                                                     ("district_review", 210)]),
        ("หมี่ยู", "female", 2012, "child", "birth_registration", [("facts_gathered", 90)]),
    ]),
    ("570904", "ต.โป่งผา อ.แม่สาย จ.เชียงราย", [
        ("อาหมื่น", "male", 1960, "head", "thai_nationality", [("facts_gathered", 1200), ("filed", 900),
                                                           ("district_review", 700), ("granted", 60)]),
    ]),
    ("571502", "ต.แม่สลองใน อ.แม่ฟ้าหลวง จ.เชียงราย", [
        ("หมี่จู", "female", 1990, "head", "status_card", [("documents_gathered", 150), ("witnesses_heard", 100)]),
        ("นาแม", "female", 2015, "child", "birth_registration", [("facts_gathered", 30)]),
    ]),
]  # fmt: skip

# Organisations the care records need, loaded with the others: (the tuple of data.ORGANISATIONS)
CARE_ORGANISATIONS = [
    ("cp-msdhs", "agency", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดชุมพร",
     "Chumphon Provincial Office of Social Development and Human Security", "พมจ.ชุมพร", "86", ["rights-welfare"],
     "msdhs", [], None),
    ("cp-hospital", "agency", "โรงพยาบาลหลังสวน", "Lang Suan Hospital", "", "8604", [], None, [], None),
    ("cp-sao-nakha", "local_government", "องค์การบริหารส่วนตำบลนาขา", "Na Kha Subdistrict Administrative Organisation",
     "อบต.นาขา", "860404", [], None, [], None),
    ("cp-thasae-district", "agency", "ที่ว่าการอำเภอท่าแซะ", "Tha Sae District Office", "", "8602", [], None, [],
     None),
    ("cp-company", "business", "บริษัท ชุมพรรุ่งเรืองปาล์ม จำกัด", "Chumphon Rungrueang Palm Co., Ltd.", "", "86", [],
     None, [], None),
    ("cr-maesai-district", "agency", "ที่ว่าการอำเภอแม่สาย", "Mae Sai District Office", "", "5709", [], None, [],
     None),
]  # fmt: skip
# (username, first name, last name, role, areas, regions, organisation key): as data.USERS
CARE_USERS = [
    ("langsuan", "ผู้ประสานงาน", "อำเภอหลังสวน", "area_coordinator", ["8604"], [], "cp-volunteers"),
    ("sawi", "ผู้ประสานงาน", "อำเภอสวี", "area_coordinator", ["8607"], [], "cp-volunteers"),
    ("cp-fund", "เหรัญญิก", "กองทุนพัฒนาสังคมชุมพร", "provincial_coordinator", ["86"], [], "cp-association"),
    ("partner-chumphon", "พมจ.", "ชุมพร", "partner", ["86"], [], "cp-msdhs"),
]

# Who approves the plans and closures of whom (anyone else: the administrator).
APPROVERS = {"langsuan": "chumphon", "sawi": "chumphon", "chumphon": "cp-fund", "maesai": "chiangrai"}
DISTRICT_WORKERS = {"8604": "langsuan", "8607": "sawi", "5709": "maesai"}
PROVINCE_WORKERS = {"86": "chumphon", "56": "phayao", "57": "chiangrai"}


def days_ago(today: dt.date, days: int) -> dt.date:
    return today - dt.timedelta(days=days)
