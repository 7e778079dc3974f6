"""Synthetic Thai reports with known answers, for judging the extractor on reports it has never seen.

Each report is built from a seed: a province, a body, an event kind, a date in one of the forms reports use (Thai
or Arabic digits, full or short month, 2- or 4-digit year, with or without spaces), a chair with a title and a
position, other people, agencies named in full or by abbreviation, figures with their units, sometimes a period.
The answer says what a reader would write down, in the shape of `sanphalang ingest --json`.
"""

import datetime as dt
import random

from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names

from sanphalang.ingest.extract.dates import FULL_MONTHS, SHORT_MONTHS
from sanphalang.ingest.extract.gazetteer import provinces
from sanphalang.thai.digits import to_thai_digits

TITLES = {"male": ["นาย", "ดร.", "นพ."], "female": ["นาง", "นางสาว", "ดร."]}
# (position, the organisation it names, if any)
CHAIR_POSITIONS = [
    ("ผู้ว่าราชการจังหวัด{p}", None),
    ("รองผู้ว่าราชการจังหวัด{p}", None),
    ("นายกองค์การบริหารส่วนจังหวัด{p}", "องค์การบริหารส่วนจังหวัด{p}"),
    ("พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด{p}", None),
    ("ประธานสภาองค์กรชุมชนจังหวัด{p}", "สภาองค์กรชุมชนจังหวัด{p}"),
]
OTHER_POSITIONS = [
    "ผู้ช่วยผู้ประสานงาน",
    "เลขานุการคณะทำงาน",
    "หัวหน้ากลุ่มนโยบายและวิชาการ",
    "ผู้อำนวยการภาคเหนือ",
    "นักพัฒนาชุมชน",
]
BODIES = [
    "สภาพลเมืองจังหวัด{p}",
    "เครือข่ายสวัสดิการชุมชนจังหวัด{p}",
    "สภาองค์กรชุมชนจังหวัด{p}",
    "ศูนย์ประสานงานภาคีพัฒนาจังหวัด{p}",
    "เครือข่ายองค์กรชุมชนจังหวัด{p}",
]
# (as written, as the answer names it)
AGENCIES = [
    ("พอช.", "สถาบันพัฒนาองค์กรชุมชน"),
    ("สถาบันพัฒนาองค์กรชุมชน", "สถาบันพัฒนาองค์กรชุมชน"),
    ("พมจ.{p}", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด{p}"),
    ("อบจ.{p}", "องค์การบริหารส่วนจังหวัด{p}"),
    ("สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ", "สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ"),
    ("สสส.", "สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ"),
    ("กรมส่งเสริมการปกครองท้องถิ่น", "กรมส่งเสริมการปกครองท้องถิ่น"),
    ("สำนักงานแรงงานจังหวัด{p}", "สำนักงานแรงงานจังหวัด{p}"),
    ("มูลนิธิพัฒนาชุมชนยั่งยืน", "มูลนิธิพัฒนาชุมชนยั่งยืน"),
]
VENUES = [
    "ห้องประชุมศาลากลางจังหวัด{p}",
    "โรงแรมริมน้ำ{p} อำเภอเมือง จังหวัด{p}",
    "วัดศรีสุพรรณ อำเภอเมือง จังหวัด{p}",
    "ห้องประชุมเทพประทาน ศาลากลางจังหวัด{p}",
]
UNITS = [
    ("ครัวเรือน", "households"),
    ("ตำบล", "tambons"),
    ("อำเภอ", "districts"),
    ("โครงการ", "projects"),
    ("ประเด็นงาน", "issues"),
    ("กองทุน", "funds"),
    ("เดือน", "months"),
    ("บาท", "baht"),
]
FIGURE_SENTENCES = [
    "โดยมีเป้าหมายรวมทั้งสิ้น {n} {u}",
    "ได้รับการสนับสนุน จำนวน {n} {u}",
    "ดำเนินการแล้ว {n} {u} ในปีนี้",
]
KINDS = [
    ("meeting", "เป็นประธานการประชุม{body} ครั้งที่ {no}"),
    ("forum", "เป็นประธานเปิดเวทีเสวนา{body}"),
    ("meeting", "เป็นประธานการประชุม{body}"),
    ("signing", "เป็นประธานในพิธีลงนามบันทึกความร่วมมือกับ{body}"),
    ("visit", "เป็นประธานการลงพื้นที่ติดตามงานของ{body}"),
]
# Events with no one said to chair them: (kind, how the report tells it)
UNCHAIRED = [
    ("meeting", "{body} จัดประชุมคณะทำงาน"),
    ("forum", "{body} จัดเวทีเสวนาแลกเปลี่ยนเรียนรู้"),
    ("visit", "{body} ลงพื้นที่ติดตามงานกองทุน"),
]
# Province names that are also common words are left out of the pool: a reader needs จังหวัด to know them too.
_AMBIGUOUS = {"เลย", "ตาก", "แพร่", "กระบี่", "น่าน"}


def _date_text(rng: random.Random, date: dt.date, thai: bool) -> str:
    be = date.year + 543
    form = rng.randrange(4)
    if form == 0:
        text = f"{date.day} {FULL_MONTHS[date.month - 1]} {be}"
    elif form == 1:
        text = f"{date.day} {SHORT_MONTHS[date.month - 1]} {be % 100:02d}"
    elif form == 2:
        text = f"{date.day}{FULL_MONTHS[date.month - 1]}{be}"
    else:
        text = f"{date.day} {FULL_MONTHS[date.month - 1]} พ.ศ. {be}"
    return to_thai_digits(text) if thai else text


def _names(names) -> list[str]:
    """Names as people bear them: the lists hold a few one- and two-letter entries that are no one's name."""
    return sorted(name for name in names if len(name) >= 3)


def _number(n: int, thai: bool) -> str:
    return to_thai_digits(str(n)) if thai else str(n)


def report(seed: int) -> tuple[str, dict]:
    """One report and its answer."""
    rng = random.Random(seed)
    pool = [p for p in provinces() if p not in _AMBIGUOUS]
    province = rng.choice(pool)
    other = rng.choice([p for p in pool if p != province])
    thai = rng.random() < 0.5
    date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000))
    sex = rng.choice(["male", "female"])
    given = rng.choice(_names(thai_male_names() if sex == "male" else thai_female_names()))
    family = rng.choice(_names(thai_family_names()))
    title = rng.choice(TITLES[sex])
    position, position_org = rng.choice(CHAIR_POSITIONS)
    position = position.format(p=province)
    body = rng.choice(BODIES).format(p=province)
    kind, kind_text = rng.choice(KINDS)
    number = f"{rng.randint(1, 9)}/{date.year + 543}" if "{no}" in kind_text else None
    venue = rng.choice(VENUES).format(p=province)
    count = rng.randint(15, 300)
    agencies = rng.sample(AGENCIES, 3)
    helper_given = rng.choice(_names(thai_female_names()))
    helper_family = rng.choice(_names(thai_family_names()))
    helper_position = rng.choice(OTHER_POSITIONS)
    unit_word, unit = rng.choice(UNITS)
    amount = rng.randint(2, 900)
    figure_sentence = rng.choice(FIGURE_SENTENCES)
    months = rng.randint(2, 12)
    with_period = rng.random() < 0.5
    number_text = (
        number and f"{_number(int(number.split('/')[0]), thai)}/{_number(int(number.split('/')[1]), thai)}"
    )
    date_text = _date_text(rng, date, thai)
    has_chair = rng.random() < 0.85
    chair_text = f"{title}{given} {family} {position}"
    if has_chair:
        event = kind_text.format(body=body, no=number_text)
    else:
        kind, event = rng.choice(UNCHAIRED)
        event = event.format(body=body)
        number, position_org = None, None
    opener = rng.randrange(3)
    if opener == 0:
        first = f"เมื่อวันที่ {date_text} ณ {venue} " + (f"{chair_text} {event}" if has_chair else event)
    elif opener == 1:
        first = f"วันนี้ ({date_text}) " + (f"{chair_text} {event}" if has_chair else event) + f" ณ {venue}"
    else:
        first = (f"{chair_text} {event}" if has_chair else event) + f" เมื่อวันที่ {date_text} ณ {venue}"
    if has_chair and rng.random() < 0.3:
        # a second person who chairs a part of it, as reports tell: the event's chair is the first one named
        first += f" โดยมี{rng.choice(TITLES['male'])}{rng.choice(_names(thai_male_names()))} {rng.choice(_names(thai_family_names()))} "
        first += "ประธานคณะทำงาน เป็นประธานการประชุม"
    with_count = rng.random() < 0.75
    if with_count:
        first += rng.choice(
            [" โดยมีผู้เข้าร่วมจำนวน {n} คน", " มีผู้เข้าร่วมกว่า {n} คน", " ผู้เข้าร่วมประชุม {n} คน"]
        ).format(n=_number(count, thai))
    written = [
        name.format(p=rng.choice([province, " " + province]) if "{p}" in name else "") for name, _ in agencies
    ]
    first += f" จาก {written[0]} {written[1]} และ {written[2]}"
    if rng.random() < 0.5:
        first += f" รวมทั้งผู้แทนจากจังหวัด{other}"
    else:
        first += f" และเครือข่ายจาก{other}"
    lines = [
        *(["Share | Facebook | Twitter | หน้าหลัก"] if rng.random() < 0.3 else []),
        f"{body} รายงานผลการดำเนินงานปี {_number(date.year + 543, thai)}",
        "",
        first,
        "",
        f"นางสาว{helper_given} {helper_family} {helper_position} กล่าวว่า "
        + figure_sentence.format(n=_number(amount, thai), u=unit_word)
        + f" และจะติดตามผลอย่างต่อเนื่องทุก {_number(months, thai)} เดือน",
    ]
    budget = rng.randint(1, 40) * 25_000 if rng.random() < 0.5 else None
    if budget:
        lines.append(f"ใช้งบประมาณทั้งสิ้น {_number(budget, thai) if budget < 1000 else f'{budget:,}'} บาท")
    periods = []
    if with_period:
        start = date + dt.timedelta(days=rng.randint(5, 20))
        end = start + dt.timedelta(days=rng.randint(10, 40))
        start_text = f"{start.day} {SHORT_MONTHS[start.month - 1]}"
        if start.year != end.year:
            start_text += f" {(start.year + 543) % 100:02d}"
        end_text = f"{end.day} {SHORT_MONTHS[end.month - 1]} {(end.year + 543) % 100:02d}"
        period_text = f"{start_text} – {end_text}"
        lines.append(
            f"ที่ประชุมมีมติให้ลงพื้นที่ติดตามสอบทานกองทุนในระหว่างวันที่ {to_thai_digits(period_text) if thai else period_text}"
        )
        periods.append({"start": start.isoformat(), "end": end.isoformat()})
    answer = {
        "event_kind": kind,
        "event_date": date.isoformat(),
        "province": province,
        "meeting_number": number,
        "venue": venue.split(" ")[0],
        "chair": {"name": f"{given} {family}", "position": position} if has_chair else None,
        "participant_count": count if with_count else None,
        "organisations": sorted(
            {body, *([position_org.format(p=province)] if position_org else [])}
            | {name.format(p=province) for _, name in agencies}
        ),
        "provinces": sorted({province, other}),
        "figures": [
            *([{"value": count, "unit": "people"}] if with_count else []),
            {"value": amount, "unit": unit},
            {"value": months, "unit": "months"},
            *([{"value": budget, "unit": "baht"}] if budget else []),
        ],
        "periods": periods,
    }
    return "\n".join(lines) + "\n", answer
