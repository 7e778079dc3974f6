"""Issue areas a report speaks of, by the words the movement's reports use for each."""

import re

from ..draft import Found
from .text import Text

# issue area (its slug in the directory, directory/seeds.py) → the words that name it
ISSUE_WORDS = {
    "disaster": ("ภัยพิบัติ", "สาธารณภัย"),
    "agriculture": ("เกษตรกรรม", "เกษตรปลอดภัย", "การเกษตร"),
    "natural-resources": ("ทรัพยากรธรรมชาติ", "สิ่งแวดล้อม", "ป่าไม้"),
    "rights-welfare": ("สวัสดิการสังคม", "การเข้าถึงสิทธิ"),
    "informal-labour": ("แรงงานนอกระบบ",),
    "land-rural-housing": ("ที่ดินทำกิน", "ที่อยู่อาศัยชนบท"),
    "baan-mankong": ("บ้านมั่นคง",),
    "baan-por-piang": ("บ้านพอเพียง",),
    "community-welfare": ("สวัสดิการชุมชน",),
    "quality-of-life": ("คุณภาพชีวิต",),
    "stateless": ("ไร้สัญชาติ", "ไร้รัฐ", "สถานะทางทะเบียน", "สถานะทางสิทธิ"),
    "community-economy": ("เศรษฐกิจชุมชน", "ทุนชุมชน", "เศรษฐกิจทุนชุมชน"),
}
_PATTERNS = {code: re.compile("|".join(map(re.escape, words))) for code, words in ISSUE_WORDS.items()}


def issues(text: Text) -> list[Found]:
    found = []
    for code, pattern in _PATTERNS.items():
        if match := pattern.search(text.plain):
            found.append(Found(code, match.span()))
    return sorted(found, key=lambda item: item.span)
