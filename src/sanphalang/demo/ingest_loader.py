"""The demo's report waiting to be read into the records: a working group's meeting report, pasted by the Chiang
Rai coordinator and read into a draft, for a visitor to review and accept (the issue of reading Thai reports)."""

import hashlib

from sanphalang.accounts.models import User
from sanphalang.ingest.models import SourceDocument
from sanphalang.ingest.services.documents import documents_give

DISASTER_MEETING = """รายงานการประชุมคณะทำงานประเด็นการจัดการภัยพิบัติโดยชุมชน จังหวัดเชียงราย ครั้งที่ ๒/๒๕๖๘
วันที่ ๑๒ มีนาคม ๒๕๖๘ ณ ห้องประชุมสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย

นายสมชาย ใจดี ประธานคณะทำงาน เป็นประธานการประชุม มีผู้เข้าร่วมประชุม ๓๒ คน จากเครือข่ายองค์กรชุมชน
สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดเชียงราย และองค์การบริหารส่วนตำบลบ้านดู่

ที่ประชุมรับทราบสถานการณ์น้ำท่วมในพื้นที่ ๘ ตำบล มีครัวเรือนได้รับผลกระทบ ๔๑๕ ครัวเรือน
และการเตรียมความพร้อมรับมือภัยพิบัติของชุมชนในฤดูฝนที่จะถึง

มติที่ประชุม
๑. ให้คณะทำงานจัดทำแผนเตรียมรับมือภัยพิบัติโดยชุมชนร่วมกับองค์กรปกครองส่วนท้องถิ่น ภายในเดือนพฤษภาคม ๒๕๖๘
๒. มอบหมายให้ศูนย์ประสานงานสำรวจครัวเรือนเปราะบางในพื้นที่เสี่ยง ระหว่าง ๑ เม.ย. – ๓๐ มิ.ย. ๖๘
"""
GIVEN_BY = "chiangrai"


def load_source_documents() -> int:
    """Give the demo report once (a reload finds it by its content); how many reports the demo holds."""
    digest = hashlib.sha256(DISASTER_MEETING.encode("utf-8")).hexdigest()
    if not SourceDocument.objects.filter(sha256=digest).exists():
        coordinator = User.objects.get(username=GIVEN_BY)
        documents_give(by=coordinator, area_code="57", text=DISASTER_MEETING, run_now=True)
    return SourceDocument.objects.count()
