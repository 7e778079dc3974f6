"""Reference data: the six strategies of the national 20-year strategy (2561–2580 BE) and the figures many plans
track alike, so that provinces and years compare."""

from django.db import migrations

STRATEGIES = [
    (1, "ยุทธศาสตร์ชาติด้านความมั่นคง", "Security"),
    (2, "ยุทธศาสตร์ชาติด้านการสร้างความสามารถในการแข่งขัน", "Competitiveness enhancement"),
    (3, "ยุทธศาสตร์ชาติด้านการพัฒนาและเสริมสร้างศักยภาพทรัพยากรมนุษย์", "Human capital development"),
    (4, "ยุทธศาสตร์ชาติด้านการสร้างโอกาสและความเสมอภาคทางสังคม", "Social opportunity and equality"),
    (
        5,
        "ยุทธศาสตร์ชาติด้านการสร้างการเติบโตบนคุณภาพชีวิตที่เป็นมิตรต่อสิ่งแวดล้อม",
        "Eco-friendly growth and quality of life",
    ),
    (6, "ยุทธศาสตร์ชาติด้านการปรับสมดุลและพัฒนาระบบการบริหารจัดการภาครัฐ", "Public sector rebalancing and development"),
]

MEASURES = [
    ("rural-housing-repair", "ครัวเรือนที่ได้รับการซ่อมสร้างบ้านพอเพียงชนบท", "Households with houses repaired (Baan Por Piang)", "households", ""),
    ("secure-housing", "ครัวเรือนในโครงการบ้านมั่นคง", "Households in secure housing (Baan Mankong)", "households", ""),
    ("charters-enacted", "ตำบลที่ประกาศใช้ธรรมนูญตำบล", "Subdistricts with an enacted area charter", "subdistricts", "charters_enacted"),
    ("welfare-organisations", "กองทุนและเครือข่ายที่ได้รับการรับรองเป็นองค์กรสวัสดิการชุมชน", "Funds and networks certified as welfare organisations", "organisations", "welfare_organisations"),
    ("welfare-fund-members", "สมาชิกกองทุนสวัสดิการชุมชน", "Members of community welfare funds", "people", ""),
    ("community-councils", "สภาองค์กรชุมชนตำบลที่ดำเนินงาน", "Working subdistrict community organisation councils", "subdistricts", ""),
    ("community-economy-groups", "กลุ่มเศรษฐกิจและทุนชุมชน", "Community economy and capital groups", "groups", ""),
    ("community-forest", "พื้นที่ป่าชุมชนที่ดูแลจัดการ", "Community forest under community management", "rai", ""),
    ("safe-agriculture", "ครัวเรือนที่ทำเกษตรปลอดภัย", "Households farming safely", "households", ""),
    ("disaster-plans", "ตำบลที่มีแผนจัดการภัยพิบัติโดยชุมชน", "Subdistricts with a community disaster plan", "subdistricts", ""),
    ("legal-status", "บุคคลไร้รัฐที่ได้รับสถานะทางทะเบียน", "Stateless people who obtained legal status", "people", ""),
    ("vulnerable-helped", "ผู้ยากลำบากและกลุ่มเปราะบางที่ได้รับการช่วยเหลือ", "People in hardship helped", "people", ""),
]


def load(apps, schema_editor):
    NationalStrategy = apps.get_model("plans", "NationalStrategy")
    Measure = apps.get_model("plans", "Measure")
    for number, name_th, name_en in STRATEGIES:
        NationalStrategy.objects.update_or_create(number=number, defaults={"name_th": name_th, "name_en": name_en})
    for slug, name_th, name_en, unit, counted_by in MEASURES:
        Measure.objects.update_or_create(
            slug=slug, defaults={"name_th": name_th, "name_en": name_en, "unit": unit, "counted_by": counted_by}
        )


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_plans_agreements_targets_stages")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
