"""Synthetic meetings: each province's council, welfare board and working groups and each district's network
board meet over five fiscal years, with agenda, attendance, resolutions and the action items they create."""

import datetime as dt

from sanphalang.areas.models import AreaLevel
from sanphalang.directory.models import IssueArea
from sanphalang.meetings.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    Body,
    BodyKind,
    Letter,
    LetterDirection,
    LetterStatus,
    Meeting,
    MeetingStatus,
    Resolution,
)
from sanphalang.thai.collation import thai_sort_key
from sanphalang.thai.dates import be_year

from .context import SynthContext

# The records are dated as if made on this day: the same seed gives the same data whenever it runs.
AS_OF = dt.date(2026, 9, 30)
FIRST_DAY = dt.date(2021, 10, 1)  # the start of fiscal year 2565
WORKING_GROUPS = (
    ("คณะทำงานประเด็นภัยพิบัติ", "disaster"),
    ("คณะทำงานประเด็นเกษตรกรรมยั่งยืน", "agriculture"),
    ("คณะทำงานประเด็นสิทธิและสวัสดิการ", "rights-welfare"),
)
TOPICS = (
    "แผนการดำเนินงานประจำปี",
    "การจัดสวัสดิการผู้สูงอายุ",
    "การช่วยเหลือผู้ประสบภัยน้ำท่วม",
    "การจัดทำธรรมนูญตำบล",
    "การสำรวจข้อมูลกลุ่มเปราะบาง",
    "งบประมาณสมทบจากท้องถิ่น",
    "การติดตามกองทุนสวัสดิการชุมชน",
    "ข้อเสนอต่อผู้ว่าราชการจังหวัด",
    "ที่ดินทำกินและที่อยู่อาศัย",
    "การป้องกันไฟป่าและหมอกควัน",
)
RESOLUTIONS = (
    "มอบหมายคณะทำงานจัดทำแผนและรายงานในการประชุมครั้งต่อไป",
    "เห็นชอบให้เสนอเรื่องต่อจังหวัดเพื่อพิจารณาสนับสนุนงบประมาณ",
    "ให้เครือข่ายอำเภอสำรวจข้อมูลและส่งให้เลขานุการภายในกำหนด",
    "เห็นชอบแผนงานตามที่เสนอ โดยให้ปรับปรุงตามข้อสังเกตของที่ประชุม",
    "ให้จัดเวทีรับฟังความคิดเห็นของชุมชนก่อนดำเนินการ",
)
ACTIONS = (
    "จัดทำรายงานความคืบหน้าเสนอที่ประชุม",
    "ส่งหนังสือถึงหน่วยงานที่เกี่ยวข้อง",
    "สำรวจข้อมูลครัวเรือนเปราะบางในพื้นที่",
    "จัดประชุมคณะทำงานย่อย",
    "รวบรวมข้อเสนอจากเครือข่ายอำเภอ",
)
LETTER_SUBJECTS = (
    "ขอความอนุเคราะห์สนับสนุนงบประมาณตามมติที่ประชุม",
    "ขอเชิญร่วมประชุมและให้ข้อมูลประกอบการพิจารณา",
    "ขอส่งข้อเสนอของเครือข่ายเพื่อประกอบการจัดทำแผน",
    "ขอความร่วมมือสำรวจข้อมูลกลุ่มเปราะบางในพื้นที่",
    "ขอรายงานผลการดำเนินงานตามมติที่ประชุม",
)
REPLY_SUBJECT = "ตอบรับและแจ้งผลการพิจารณา"
# Letters go to the province's agencies (directory.PROVINCE_ORGANISATIONS' keys); most bodies write a few a year,
# a few write after nearly every meeting, many never write at all.
LETTER_AGENCIES = ("governor", "msdhs", "dla", "pao")
NEVER_WRITING_SHARE = 0.4


def _bodies(ctx: SynthContext) -> list[Body]:
    bodies: list[Body] = []
    groups: list[tuple[Body, Body, str]] = []
    orgs = ctx.made["province_organisations"]
    for province in ctx.areas_of(AreaLevel.PROVINCE):
        keyed = orgs[province.code]
        council = Body(kind=BodyKind.COUNCIL, name_th=f"สภาพลเมืองจังหวัด{province.name_th}",
                       area_id=province.code, organisation_id=keyed["council"].pk)  # fmt: skip
        board = Body(kind=BodyKind.BOARD, name_th=f"คณะกรรมการเครือข่ายสวัสดิการชุมชนจังหวัด{province.name_th}",
                     area_id=province.code, organisation_id=keyed["welfare_network"].pk)  # fmt: skip
        bodies += [council, board]
        for name, slug in WORKING_GROUPS:
            group = Body(kind=BodyKind.WORKING_GROUP, name_th=f"{name} สภาพลเมืองจังหวัด{province.name_th}",
                         area_id=province.code, organisation_id=keyed["council"].pk)  # fmt: skip
            groups.append((group, council, slug))
    for district in ctx.areas_of(AreaLevel.DISTRICT):
        network = ctx.made["district_networks"][district.code]
        bodies.append(Body(kind=BodyKind.BOARD, name_th=f"คณะกรรมการ{network.name_th}", area_id=district.code,
                           organisation_id=network.pk))  # fmt: skip
    for body in [*bodies, *(group for group, _c, _s in groups)]:
        body.sort_key = thai_sort_key(body.name_th)
    ctx.insert(Body, bodies)
    for group, council, _slug in groups:
        group.parent_id = council.pk
    ctx.insert(Body, [group for group, _c, _s in groups])
    issue_ids = dict(IssueArea.objects.filter(province__isnull=True).values_list("slug", "pk"))
    through = Body.issue_areas.through
    ctx.insert(
        through,
        [through(body_id=g.pk, issuearea_id=issue_ids[slug]) for g, _c, slug in groups if slug in issue_ids],
    )
    return [*bodies, *(group for group, _c, _s in groups)]


def _meetings(ctx: SynthContext, rng, bodies: list[Body]) -> list[Meeting]:
    # Some bodies meet every month, most a few times a year.
    weights = [rng.lognormvariate(0, 0.8) for _ in bodies]
    span = (AS_OF - FIRST_DAY).days + 90
    dated: dict[int, list[dt.date]] = {}
    for body in rng.choices(range(len(bodies)), weights=weights, k=ctx.scale.meetings):
        dated.setdefault(body, []).append(FIRST_DAY + dt.timedelta(days=rng.randrange(span)))
    meetings = []
    for index, dates in sorted(dated.items()):
        body = bodies[index]
        province = body.area_id[:2]
        numbers: dict[int, int] = {}
        for held_on in sorted(dates):
            year = be_year(held_on)
            numbers[year] = numbers.get(year, 0) + 1
            if held_on > AS_OF:
                status = MeetingStatus.PLANNED
            else:
                status = MeetingStatus.CANCELLED if rng.random() < 0.03 else MeetingStatus.HELD
            meeting = Meeting(
                body=body,
                number=numbers[year],
                year_be=year,
                held_on=held_on,
                title=f"การประชุม{body.name_th} ครั้งที่ {numbers[year]}/{year}",
                starts_at=dt.time(rng.choice((9, 9, 10, 13)), rng.choice((0, 30))),
                venue=rng.choice(
                    (
                        f"ห้องประชุมศาลากลางจังหวัด{ctx.made['province_names'][province]}",
                        "ศาลาอเนกประสงค์ประจำหมู่บ้าน",
                        "ห้องประชุมองค์การบริหารส่วนตำบล",
                        "ประชุมออนไลน์",
                        "",
                    )
                ),
                status=status,
                head_count=rng.randint(12, 80)
                if status == MeetingStatus.HELD and rng.random() < 0.1
                else None,
            )
            if status == MeetingStatus.HELD:
                _choose_attendance(ctx, rng, meeting)
            meetings.append(meeting)
    return ctx.insert(Meeting, meetings)


def _choose_attendance(ctx: SynthContext, rng, meeting: Meeting) -> None:
    """Who came (kept on the unsaved meeting until it has its key), its chair, and whether minutes were kept."""
    province = meeting.body.area_id[:2]
    meeting.came = ([], [])
    if meeting.head_count is None:
        local = ctx.made["people_by_province"].get(province, [])
        orgs = ctx.made["organisations_by_province"][province]
        meeting.came = (
            rng.sample(local, min(len(local), rng.randint(3, 15))),
            rng.sample(orgs, min(len(orgs), rng.randint(0, 3))),
        )
        if meeting.came[0]:
            meeting.chair = meeting.came[0][0]
            meeting.chair_title = "ประธานการประชุม"
    if rng.random() < 0.7:
        meeting.minutes = "ที่ประชุมรับทราบรายงานและพิจารณาเรื่องตามระเบียบวาระ"


def _records(ctx: SynthContext, rng, meetings: list[Meeting]) -> None:
    agenda, attendance, resolutions = [], [], []
    for meeting in meetings:
        titles = ["เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", "รับรองรายงานการประชุมครั้งที่แล้ว"]
        titles += [f"เรื่องเพื่อพิจารณา: {t}" for t in rng.sample(TOPICS, rng.randint(1, 3))]
        titles.append("เรื่องอื่น ๆ")
        agenda += [AgendaItem(meeting=meeting, order=n, title=t) for n, t in enumerate(titles, start=1)]
        if meeting.status != MeetingStatus.HELD:
            continue
        people, orgs = meeting.came
        attendance += [Attendance(meeting=meeting, person=p) for p in people]
        attendance += [Attendance(meeting=meeting, organisation=o, is_guest=o.kind == "agency") for o in orgs]
        for number in range(1, rng.randint(1, 3) + 1):
            resolutions.append(Resolution(meeting=meeting, number=number, text=rng.choice(RESOLUTIONS)))
    ctx.insert(AgendaItem, agenda)
    ctx.insert(Attendance, attendance)
    ctx.insert(Resolution, resolutions)
    ctx.insert(ActionItem, _action_items(ctx, rng, resolutions))


def _action_items(ctx: SynthContext, rng, resolutions: list[Resolution]) -> list[ActionItem]:
    organisations = ctx.made["organisations_by_province"]
    items = []
    for resolution in resolutions:
        meeting = resolution.meeting
        for _ in range(rng.choice((0, 1, 1, 2))):
            due_on = meeting.held_on + dt.timedelta(days=rng.randint(30, 120))
            status, done_on = ActionStatus.OPEN, None
            roll = rng.random()
            if due_on < AS_OF and roll < 0.65:
                status = ActionStatus.DONE
                done_on = min(AS_OF, meeting.held_on + dt.timedelta(days=rng.randint(7, 150)))
            elif roll < 0.7:
                status = ActionStatus.CANCELLED
            elif roll < 0.85:
                status = ActionStatus.IN_PROGRESS
            items.append(
                ActionItem(
                    body_id=meeting.body_id,
                    meeting=meeting,
                    resolution=resolution,
                    title=rng.choice(ACTIONS),
                    owner_organisation=rng.choice(organisations[meeting.body.area_id[:2]]),
                    due_on=due_on,
                    status=status,
                    done_on=done_on,
                    recurrence_months=3 if rng.random() < 0.05 else None,
                )
            )
    return items


def _letters(ctx: SynthContext, rng, meetings: list[Meeting]) -> None:
    """The letters the held meetings send to the province's agencies, and the agencies' answers: drafts not yet
    sent, letters sent, awaiting an answer past its due day, answered and closed."""
    agencies = ctx.made["province_organisations"]
    rates: dict[int, float] = {}
    sent, replies = [], []
    for meeting in meetings:
        if meeting.status != MeetingStatus.HELD:
            continue
        if meeting.body_id not in rates:
            rates[meeting.body_id] = (
                0.0 if rng.random() < NEVER_WRITING_SHARE else min(1.0, rng.expovariate(3))
            )
        if rng.random() >= rates[meeting.body_id]:
            continue
        dated_on = meeting.held_on + dt.timedelta(days=rng.randint(2, 30))
        if dated_on > AS_OF:
            continue
        roll = rng.random()
        status = (LetterStatus.DRAFT if roll < 0.08 else LetterStatus.SENT if roll < 0.3 else
                  LetterStatus.AWAITING_ANSWER if roll < 0.5 else LetterStatus.ANSWERED if roll < 0.85 else
                  LetterStatus.CLOSED)  # fmt: skip
        counterpart = agencies[meeting.body.area_id[:2]][rng.choice(LETTER_AGENCIES)]
        letter = Letter(
            body_id=meeting.body_id,
            direction=LetterDirection.OUTGOING,
            number=""
            if status == LetterStatus.DRAFT
            else f"สปจ. {rng.randint(1, 999):03d}/{meeting.year_be}",
            dated_on=dated_on,
            subject=rng.choice(LETTER_SUBJECTS),
            counterpart=counterpart,
            status=status,
            answer_due_on=dated_on + dt.timedelta(days=30) if status != LetterStatus.SENT else None,
            meeting=meeting,
        )
        sent.append(letter)
        answered_on = dated_on + dt.timedelta(days=rng.randint(7, 60))
        if status == LetterStatus.ANSWERED and answered_on <= AS_OF:
            replies.append(
                Letter(
                    body_id=meeting.body_id,
                    direction=LetterDirection.INCOMING,
                    number=f"ที่ {rng.randint(1, 9999):04d}/{be_year(answered_on)}",
                    dated_on=answered_on,
                    subject=REPLY_SUBJECT,
                    counterpart=counterpart,
                    status=LetterStatus.RECEIVED,
                    in_reply_to=letter,
                    meeting=meeting,
                )
            )
        elif status == LetterStatus.ANSWERED:
            letter.status = LetterStatus.AWAITING_ANSWER
    ctx.insert(Letter, sent)
    for reply in replies:
        reply.in_reply_to_id = reply.in_reply_to.pk
    ctx.insert(Letter, replies)


def fill(ctx: SynthContext) -> None:
    rng = ctx.rng("meetings")
    ctx.made["province_names"] = {a.code: a.name_th for a in ctx.areas_of(AreaLevel.PROVINCE)}
    bodies = _bodies(ctx)
    meetings = _meetings(ctx, rng, bodies)
    _records(ctx, rng, meetings)
    # A stream of its own: the meetings, their records and everything after them stay as they were.
    _letters(ctx, ctx.rng("meetings:letters"), meetings)
