"""The demo's quarterly report to the governor (S2): Chiang Rai's report for the quarter of the council's meeting
of 20 July 2558 (fiscal quarter 4/2558), its narrative written and its first edition issued."""

from sanphalang.reports.models import QuarterlyReport
from sanphalang.reports.selectors.quarterly import report_groups
from sanphalang.reports.services.quarterly import (
    quarterly_issue_start,
    quarterly_report_create,
    quarterly_report_update,
)

S2 = {
    "province": "57",
    "year_kind": "fiscal",
    "year_be": 2558,
    "quarter": 4,
    "summary": (
        "ในไตรมาสนี้ สภาพลเมืองจังหวัดเชียงรายได้จัดประชุมรับฟังรายงานสรุปผลความคืบหน้าของคณะทำงาน 7 ประเด็น "
        "ร่วมกับหัวหน้าส่วนราชการ และมีมติให้นำเสนอรายงานผลการดำเนินงานต่อผู้ว่าราชการจังหวัดอย่างน้อย 3 เดือนต่อครั้ง"
    ),
    "problems": "ข้อมูลผลการดำเนินงานของแต่ละประเด็นยังกระจายอยู่ตามหน่วยงาน ต้องรวบรวมด้วยมือก่อนรายงาน",
    "requests": "ขอให้สำนักงานจังหวัดเชียงรายกำหนดวันรับฟังรายงานรายไตรมาสไว้ในปฏิทินการประชุมหัวหน้าส่วนราชการ",
    "disaster": "คณะทำงานจัดทำแผนเตรียมรับมือภัยพิบัติโดยชุมชนร่วมกับองค์กรปกครองส่วนท้องถิ่น",
}


def load_reports(by) -> int:
    report = QuarterlyReport.objects.filter(
        province_id=S2["province"], year_kind=S2["year_kind"], year_be=S2["year_be"], quarter=S2["quarter"]
    ).first()
    if report is None:
        report = quarterly_report_create(
            by=by,
            province_code=S2["province"],
            year_kind=S2["year_kind"],
            year_be=S2["year_be"],
            quarter=S2["quarter"],
        )
    if not report.editions.filter(number__isnull=False).exists():
        groups = dict(report_groups(user=by, report=report))
        disaster = next((key for key, name in groups.items() if "ภัยพิบัติ" in name), None)
        quarterly_report_update(
            by=by,
            report=report,
            summary=S2["summary"],
            problems=S2["problems"],
            requests=S2["requests"],
            group_notes={disaster: {"work_done": S2["disaster"]}} if disaster else {},
        )
        # The quarter's report to the governor was done on 19 October 2558 (meetings_data.py): closed already.
        quarterly_issue_start(by=by, report=report, run_now=True)
    return QuarterlyReport.objects.count()
