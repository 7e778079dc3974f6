"""The national list of issue areas, as the movement's reports name them."""

NATIONAL_ISSUE_AREAS = [
    ("disaster", "การจัดการภัยพิบัติโดยชุมชน", "Community disaster management"),
    ("agriculture", "เกษตรกรรมพึ่งตนเอง ปลอดภัยและเป็นธรรม", "Self-reliant, safe and fair agriculture"),
    (
        "natural-resources",
        "ทรัพยากรธรรมชาติและสิ่งแวดล้อม (ป่าไม้และแหล่งน้ำ)",
        "Natural resources and environment (forests and water)",
    ),
    ("rights-welfare", "การเข้าถึงสิทธิและสวัสดิการสังคม", "Access to rights and social welfare"),
    ("informal-labour", "การคุ้มครองแรงงานและสวัสดิการแรงงานนอกระบบ", "Informal-labour protection and welfare"),
    ("land-rural-housing", "ที่ดินทำกินและที่อยู่อาศัยชนบท", "Land for farming and rural housing"),
    ("baan-mankong", "ที่อยู่อาศัยบ้านมั่นคง", "Secure housing (Baan Mankong)"),
    ("baan-por-piang", "บ้านพอเพียงชนบท", "Rural housing repair (Baan Por Piang)"),
    ("community-welfare", "สวัสดิการชุมชน", "Community welfare"),
    ("quality-of-life", "คุณภาพชีวิต", "Quality of life"),
    ("stateless", "สถานะและสิทธิของบุคคลไร้รัฐไร้สัญชาติ", "Legal status of stateless people"),
    ("community-economy", "เศรษฐกิจและทุนชุมชน", "Community economy and capital"),
    ("community-councils", "สภาองค์กรชุมชน", "Community-organisation councils"),
]


def seed_national_issue_areas(issue_area_model) -> None:
    """Create or refresh the national list; takes the model so a data migration can pass its historical one."""
    from sanphalang.thai.collation import thai_sort_key

    for slug, name_th, name_en in NATIONAL_ISSUE_AREAS:
        issue_area_model.objects.update_or_create(
            slug=slug,
            province=None,
            defaults={"name_th": name_th, "name_en": name_en, "sort_key": thai_sort_key(name_th)},
        )
