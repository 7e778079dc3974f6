"""The demo data, drawn from the five reports of the movement: who met, where, and who holds which office.

Sources: the Chiang Rai citizens' council meeting of 20 July 2558, the Chiang Rai welfare-fund network meeting of
14 May 2562, the Chumphon area-charter forum of 26 August 2562, the Phayao people's agenda of 27 January 2565, and
the Bangkok-region movement's planning of 2562.
"""

import datetime as dt

from .care_data import CARE_ORGANISATIONS, CARE_USERS
from .plans_data import CHUMPHON_CHARTERS

# The tables below keep one record to a row, as the reports list them; the formatter would spread each over lines.
# fmt: off
REGIONS = [
    {
        "slug": "bangkok-vicinity-east",
        "name_th": "กรุงเทพฯ ปริมณฑลและตะวันออก",
        "name_en": "Bangkok, vicinity and East",
        "description": "คณะทำงานขบวนองค์กรชุมชน 3 จังหวัด 1 เมืองพิเศษ",
        "provinces": ["11", "13", "12", "10"],
    },
]

PROVINCIAL_ISSUE_AREAS = [
    # (province, slug, Thai, English)
    ("86", "area-charters", "ธรรมนูญพื้นที่", "Area charters"),
    ("86", "vulnerable-people", "กลุ่มคนยากลำบากและกลุ่มเปราะบาง", "People in hardship and vulnerable groups"),
    ("56", "peoples-agenda", "วาระคนพะเยาอยู่เย็นเป็นสุข", "Phayao people's agenda"),
]

# (key, kind, Thai name, English name, abbreviation, area code, issue slugs, parent key, other names, founded)
ORGANISATIONS = [
    # National bodies named in the reports
    ("codi", "agency", "สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)", "Community Organizations Development Institute",
     "พอช.", "TH", ["community-welfare", "baan-mankong", "baan-por-piang", "community-councils"], None,
     ["CODI"], None),
    ("codi-north", "agency", "สำนักงานภาคเหนือ สถาบันพัฒนาองค์กรชุมชน", "CODI Northern Regional Office", "",
     "TH", [], "codi", [], None),
    ("codi-bangkok", "agency", "สำนักงานภาคกรุงเทพ ปริมณฑลและตะวันออก สถาบันพัฒนาองค์กรชุมชน",
     "CODI Bangkok, Vicinity and East Regional Office", "", "10", [], "codi", [], None),
    ("msdhs", "agency", "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์",
     "Ministry of Social Development and Human Security", "พม.", "TH", ["rights-welfare"], None, [], None),
    ("dla", "agency", "กรมส่งเสริมการปกครองท้องถิ่น", "Department of Local Administration", "สถ.", "TH", [],
     None, ["กรมส่งเสริมปกครองท้องถิ่น"], None),
    ("thaihealth", "agency", "สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ", "Thai Health Promotion Foundation",
     "สสส.", "TH", ["quality-of-life"], None, [], None),
    ("ldi", "association", "สถาบันชุมชนท้องถิ่นพัฒนา", "Local Development Institute", "", "TH", [], None, [],
     None),
    ("social-health", "association", "สำนักงานประสานการพัฒนาสังคมสุขภาวะ", "Social Well-being Coordination Office",
     "", "TH", [], None, [], None),
    # Chiang Rai
    ("cr-council", "council", "สภาพลเมืองจังหวัดเชียงราย", "Chiang Rai Citizens' Council", "", "57",
     ["disaster", "agriculture", "natural-resources", "rights-welfare", "informal-labour", "land-rural-housing",
      "baan-mankong"], None, ["สภาคนฮักเจียงฮาย"], None),
    ("cr-civil-network", "network", "คณะทำงานเครือข่ายภาคประชาสังคมจังหวัดเชียงราย",
     "Chiang Rai Civil Society Network Working Group", "", "57",
     ["disaster", "agriculture", "natural-resources", "rights-welfare", "informal-labour", "land-rural-housing",
      "baan-mankong"], None, ["เครือข่ายภาคประชาสังคมจังหวัดเชียงราย"], None),
    ("cr-council-network", "network", "เครือข่ายสภาองค์กรชุมชนจังหวัดเชียงราย",
     "Chiang Rai Community Organisation Councils Network", "", "57", ["community-councils"], None, [], None),
    ("cr-welfare-network", "network", "เครือข่ายสวัสดิการชุมชนจังหวัดเชียงราย", "Chiang Rai Community Welfare Network",
     "", "57", ["community-welfare"], None,
     ["คณะทำงานเครือข่ายสนับสนุนการขับเคลื่อนสวัสดิการชุมชนจังหวัดเชียงราย"], None),
    ("cr-governor-office", "agency", "สำนักงานจังหวัดเชียงราย", "Chiang Rai Provincial Office", "", "57", [], None,
     ["ศาลากลางจังหวัดเชียงราย"], None),
    ("cr-msdhs", "agency", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย",
     "Chiang Rai Provincial Office of Social Development and Human Security", "พมจ.เชียงราย", "57",
     ["rights-welfare", "community-welfare"], "msdhs", [], None),
    ("cr-forest", "agency", "สำนักงานจัดการทรัพยากรป่าไม้ที่ 2 (เชียงราย)", "Forest Resource Management Office 2",
     "", "57", ["natural-resources"], None, [], None),
    ("cr-farmers-fund", "agency", "สำนักงานกองทุนฟื้นฟูและพัฒนาเกษตรกรจังหวัดเชียงราย",
     "Farmers Rehabilitation and Development Fund, Chiang Rai", "กฟก.เชียงราย", "57", ["agriculture"], None, [],
     None),
    ("cr-labour", "agency", "สำนักงานแรงงานจังหวัดเชียงราย", "Chiang Rai Provincial Labour Office", "", "57",
     ["informal-labour"], None, [], None),
    ("cr-treasury", "agency", "สำนักงานธนารักษ์พื้นที่จังหวัดเชียงราย", "Chiang Rai Treasury Office", "", "57",
     ["land-rural-housing"], None, [], None),
    ("cr-pao", "local_government", "องค์การบริหารส่วนจังหวัดเชียงราย", "Chiang Rai Provincial Administrative Organisation",
     "อบจ.เชียงราย", "57", [], None, [], None),
    ("cr-dla", "agency", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเชียงราย",
     "Chiang Rai Provincial Office of Local Administration", "สถจ.เชียงราย", "57", [], "dla", [], None),
    ("cr-consumer-centre", "agency", "ศูนย์คุ้มครองผู้บริโภคจังหวัดเชียงราย", "Chiang Rai Consumer Protection Centre",
     "", "57", [], None, [], None),
    ("cr-wiang-council", "council", "สภาองค์กรชุมชนตำบลเวียง", "Wiang Subdistrict Community Organisation Council",
     "", "570101", ["community-councils"], "cr-council-network", [], None),
    ("cr-wiang-fund", "welfare_fund", "กองทุนสวัสดิการชุมชนตำบลเวียง", "Wiang Community Welfare Fund", "", "570101",
     ["community-welfare"], "cr-welfare-network", [], None),
    ("cr-maesai-fund", "welfare_fund", "กองทุนสวัสดิการชุมชนตำบลแม่สาย", "Mae Sai Community Welfare Fund", "",
     "570901", ["community-welfare"], "cr-welfare-network", [], None),
    ("cr-maesai-network", "network", "เครือข่ายสวัสดิการชุมชนอำเภอแม่สาย", "Mae Sai District Community Welfare Network",
     "", "5709", ["community-welfare"], "cr-welfare-network", [], None),
    # Chumphon
    ("cp-centre", "coordination_centre", "ศูนย์ประสานงานภาคีพัฒนาจังหวัดชุมพร",
     "Chumphon Development Partners Coordination Centre", "", "86",
     ["area-charters", "vulnerable-people", "disaster"], None, ["ศูนย์ประสานงานจิตอาสาประชารัฐจังหวัดชุมพร"],
     dt.date(2014, 10, 1)),
    ("cp-association", "association", "สมาคมสานพลังประชารัฐจังหวัดชุมพร", "Chumphon Sanphalang Pracharat Association",
     "", "86", ["vulnerable-people"], None, [], None),
    # The province's social development fund is not a community welfare fund: it is the care app's social fund
    # (care_data.FUND_NAME), run by the association above.
    ("cp-volunteers", "network", "เครือข่ายพลเมืองจิตอาสาจังหวัดชุมพร", "Chumphon Volunteer Citizens Network", "",
     "86", ["vulnerable-people"], None, [], None),
    ("cp-mueang-centre", "coordination_centre", "ศูนย์ประสานงานภาคีพัฒนาอำเภอเมืองชุมพร",
     "Mueang Chumphon District Coordination Centre", "", "8601", ["area-charters", "vulnerable-people"],
     "cp-centre", [], None),
    ("cp-governor-office", "agency", "สำนักงานจังหวัดชุมพร", "Chumphon Provincial Office", "", "86", [], None, [],
     None),
    # Phayao
    ("py-network", "network", "เครือข่ายสร้างบ้านแปงเมืองพะเยา", "Phayao Home and City Building Network", "", "56",
     ["peoples-agenda", "natural-resources", "agriculture", "quality-of-life", "community-welfare", "stateless"],
     None, [], None),
    ("py-movement", "network", "เครือข่ายขบวนองค์กรชุมชนจังหวัดพะเยา", "Phayao Community Organisation Movement", "",
     "56", ["community-councils", "baan-por-piang"], None, ["เครือข่ายองค์กรชุมชนจังหวัดพะเยา"], None),
    ("py-governor-office", "agency", "สำนักงานจังหวัดพะเยา", "Phayao Provincial Office", "", "56", [], None, [], None),
    ("py-msdhs", "agency", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดพะเยา",
     "Phayao Provincial Office of Social Development and Human Security", "พมจ.พะเยา", "56", ["rights-welfare"],
     "msdhs", [], None),
    ("py-pao", "local_government", "องค์การบริหารส่วนจังหวัดพะเยา", "Phayao Provincial Administrative Organisation",
     "อบจ.พะเยา", "56", [], None, [], None),
    ("py-coop", "business", "สหกรณ์การเกษตรเมืองพะเยา จำกัด", "Mueang Phayao Agricultural Cooperative", "", "5601",
     ["agriculture"], None, [], None),
    # Bangkok, vicinity and East
    ("bkk-working-group", "network", "คณะทำงานขบวนองค์กรชุมชน 3 จังหวัด 1 เมืองพิเศษ",
     "Community Organisation Movement Working Group of 3 Provinces and 1 Special City", "", "10",
     ["community-welfare", "community-councils", "baan-por-piang", "community-economy", "natural-resources"],
     None, ["ขบวนองค์กรชุมชนภาค กทม.ปริมณฑล"], None),
    ("spk-welfare-group", "network", "คณะทำงานจังหวัดสมุทรปราการ ด้านสวัสดิการชุมชน",
     "Samut Prakan Community Welfare Working Group", "", "11", ["community-welfare"], "bkk-working-group", [],
     None),
    ("spk-msdhs", "agency", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสมุทรปราการ",
     "Samut Prakan Provincial Office of Social Development and Human Security", "พมจ.สมุทรปราการ", "11",
     ["rights-welfare"], "msdhs", [], None),
]

# Chumphon's tambon community-organisation councils, which adopt the tambons' area charters (S4).
ORGANISATIONS += [
    (f"cp-council-{code}", "council", f"สภาองค์กรชุมชนตำบล{tambon}", "", "", code, ["community-councils"], None, [],
     None)
    for code, tambon, _stages in CHUMPHON_CHARTERS
]

ORGANISATIONS += CARE_ORGANISATIONS

PARTNERS = [
    ("cr-council", "cr-civil-network"), ("cr-council", "cr-council-network"), ("cr-council", "cr-msdhs"),
    ("cr-civil-network", "cr-governor-office"), ("cr-welfare-network", "codi"), ("cr-welfare-network", "cr-msdhs"),
    ("cp-centre", "ldi"), ("cp-centre", "thaihealth"), ("cp-centre", "social-health"),
    ("py-network", "py-msdhs"), ("py-network", "py-pao"), ("py-network", "codi-north"),
    ("bkk-working-group", "codi-bangkok"), ("spk-welfare-group", "spk-msdhs"),
]

# (key, title, first name, last name, area, [(organisation key, role, position title, from, until)])
PEOPLE = [
    ("ratchakrit", "นาย", "รัชกฤช", "สถิรานนท์", "57",
     # The report has him chair meeting 3/2558 (the meeting's chair), not hold a position in the council.
     [("cr-governor-office", "deputy_head", "รองผู้ว่าราชการจังหวัดเชียงราย", dt.date(2014, 10, 1), None)]),
    ("wirun", "ดร.", "วิรุณ", "คำภิโล", "57",
     [("cr-civil-network", "chair", "ประธานคณะทำงานเครือข่ายภาคประชาสังคม", dt.date(2015, 1, 1), None)]),
    ("ratchanee", "นางสาว", "รัชนี", "ตรัยตรึงศ์โกศล", "57",
     [("cr-msdhs", "head", "พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย", dt.date(2018, 10, 1), None)]),
    ("atsawin", "นาย", "อัศวิน", "จุมปา", "5701",
     [("cr-msdhs", "officer", "หัวหน้ากลุ่มนโยบายและวิชาการ", dt.date(2018, 10, 1), None)]),
    ("wiboon", "นาย", "วิบูลย์", "รัตนาภรณ์วงศ์", "86",
     [("cp-governor-office", "head", "ผู้ว่าราชการจังหวัดชุมพร", dt.date(2018, 10, 1), None)]),
    ("benja", "นาง", "เบญจา", "รัตนมณี", "86",
     [("cp-centre", "coordinator", "ผู้ประสานงานศูนย์ประสานงานภาคีพัฒนาจังหวัดชุมพร", dt.date(2014, 10, 1), None)]),
    ("sakrit", "นาย", "ศักดิ์ฤทธิ์", "สลักคำ", "56",
     [("py-governor-office", "head", "ผู้ว่าราชการจังหวัดพะเยา", dt.date(2021, 10, 1), None)]),
    ("mukda", "นาง", "มุกดา", "อินต๊ะสาร", "56",
     [("py-network", "chair", "ประธานคณะทำงานเครือข่ายสร้างบ้านแปงเมืองพะเยา", dt.date(2020, 1, 1), None)]),
    ("wichai", "นาย", "วิชัย", "นะสุวรรณโน", "56",
     [("codi-north", "head", "ผู้อำนวยการภาคเหนือ สถาบันพัฒนาองค์กรชุมชน", dt.date(2020, 1, 1), None)]),
    ("wanlapa", "นาง", "วัลภา", "ธนูประสิทธิ์วัชรากร", "56",
     [("py-msdhs", "representative", "นักพัฒนาชุมชน ผู้แทนพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดพะเยา",
       dt.date(2022, 1, 27), None)]),
    ("chamrat", "นาย", "จำรัส", "เลาสัตย์", "56",
     [("py-pao", "representative", "เลขานุการนายก อบจ.พะเยา", dt.date(2021, 1, 1), None)]),
    ("pradit", "นาย", "ประดิษฐ์", "เลี้ยงอยู่", "56",
     [("py-network", "member", "ผู้ดำเนินรายการเวทีเสวนา", dt.date(2022, 1, 27), dt.date(2022, 1, 27))]),
    ("chalermsri", "นางสาว", "เฉลิมศรี", "ระดากูล", "10",
     [("codi-bangkok", "head", "ผู้อำนวยการสำนักงานภาคกรุงเทพ ปริมณฑลและตะวันออก", dt.date(2018, 1, 1), None),
      ("bkk-working-group", "chair", "ประธานการประชุม", dt.date(2018, 12, 1), None)]),
    ("wiroj", "นาย", "วิโรจน์", "เวทยาวงศ์", "11",
     [("spk-welfare-group", "committee_member", "คณะทำงานด้านสวัสดิการชุมชน", dt.date(2018, 1, 1), None)]),
    ("pairat", "นาย", "ไพรัช", "เรืองฤทธิ", "11",
     [("spk-welfare-group", "committee_member", "คณะทำงานด้านสวัสดิการชุมชน", dt.date(2018, 1, 1), None)]),
    ("rapeepan", "นาง", "ระพีพรรณ", "ศักดามิน", "11",
     [("spk-welfare-group", "committee_member", "คณะทำงานด้านสวัสดิการชุมชน", dt.date(2018, 1, 1), None)]),
    ("prasert", "นาย", "ประเสริฐ", "บุญจันทร์", "11",
     [("codi-bangkok", "officer", "เจ้าหน้าที่ปฏิบัติการ พอช.", dt.date(2018, 1, 1), None)]),
    ("wandee", "นาง", "วันดี", "ขำสำอางค์", "11",
     [("spk-msdhs", "head", "พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสมุทรปราการ", dt.date(2018, 12, 1), None)]),
]

# Villages to show that areas go below the subdistrict: (subdistrict, moo, Thai, English)
VILLAGES = [
    ("570101", 1, "บ้านเวียงใต้", "Ban Wiang Tai"),
    ("570101", 2, "บ้านสันโค้ง", "Ban San Khong"),
    ("570901", 1, "บ้านแม่สาย", "Ban Mae Sai"),
    ("860101", 1, "บ้านท่าตะเภา", "Ban Tha Taphao"),
]

DEMO_PASSWORD = "sanphalang-demo"

# (username, first name, last name, role, areas, regions, organisation key)
USERS = [
    ("admin", "ผู้ดูแล", "ระบบ", "admin", [], [], None),
    ("chiangrai", "เครือข่าย", "เชียงราย", "provincial_coordinator", ["57"], [], "cr-civil-network"),
    ("mueang", "ผู้ประสานงาน", "อำเภอเมืองเชียงราย", "area_coordinator", ["5701"], [], "cr-council-network"),
    ("maesai", "ผู้ประสานงาน", "อำเภอแม่สาย", "area_coordinator", ["5709"], [], "cr-maesai-network"),
    ("viewer", "ผู้ติดตาม", "เชียงราย", "viewer", ["57"], [], None),
    ("partner", "พมจ.", "เชียงราย", "partner", ["57"], [], "cr-msdhs"),
    ("chumphon", "ศูนย์ประสานงาน", "ชุมพร", "provincial_coordinator", ["86"], [], "cp-centre"),
    ("phayao", "เครือข่าย", "พะเยา", "provincial_coordinator", ["56"], [], "py-network"),
    ("bangkok", "คณะทำงาน", "ภาค กทม.ปริมณฑล", "provincial_coordinator", [], ["bangkok-vicinity-east"],
     "bkk-working-group"),
]
USERS += CARE_USERS
# fmt: on
