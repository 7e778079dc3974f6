"""The quarterly report to the governor built end to end (its content assembled from a province's records, then
laid out as PDF) against laying out the same content alone, with no data queries.

On the province-scale synthetic data (Chiang Rai's meetings, plans, funds and a smaller set of households in
care), for the fiscal quarter holding the province's latest meeting, as its provincial coordinator builds it.
Target: at most 3x the time of the PDF alone.
"""

import dataclasses
import sys
import time

from common import best_of_interleaved, report, setup_django

SEED = 1
ROUNDS = 2
LIMIT = 3.0


def main() -> int:
    setup_django()
    from sanphalang.demo.synth import synthesize
    from sanphalang.demo.synth.scales import SCALES

    scale = dataclasses.replace(
        SCALES["province"], name="province-report", households=3000, funds=200, meetings=300
    )
    started = time.perf_counter()
    synthesize(scale=scale, seed=SEED)
    print(f"synthetic data in {time.perf_counter() - started:.0f} s")

    from django.contrib.auth import get_user_model

    from sanphalang.meetings.models import Meeting
    from sanphalang.reports.documents.pdf import render_report_pdf
    from sanphalang.reports.selectors.dashboards import quarter_of
    from sanphalang.reports.selectors.quarterly import quarterly_content
    from sanphalang.reports.services.quarterly import quarterly_report_create

    user = get_user_model().objects.get(username="synth-p57")
    latest = (
        Meeting.objects.filter(body__area__pk__startswith="57", status="held")
        .order_by("-held_on")
        .first()
        .held_on
    )
    period = quarter_of(latest, "fiscal")
    quarter = quarterly_report_create(
        by=user, province_code="57", year_kind="fiscal", year_be=period.year_be, quarter=period.number
    )
    content = quarterly_content(user=user, report=quarter)
    meetings = sum(len(group["meetings"]) for group in content["groups"])
    print(
        f"{period.label}: {len(content['groups'])} working groups, {meetings} meetings, {len(content['targets'])} targets"
    )

    def built():
        render_report_pdf(quarterly_content(user=user, report=quarter), thai_digits=True)

    def laid_out():
        render_report_pdf(content, thai_digits=True)

    baseline, measured = best_of_interleaved(ROUNDS, laid_out, built)
    return report(
        "quarterly report (assembly + PDF) vs PDF alone",
        measured,
        baseline,
        unit="s",
        limit=LIMIT,
        higher_is_better=False,
    )


if __name__ == "__main__":
    sys.exit(main())
