import json
from pathlib import Path

from sanphalang.demo.loader import load_demo
from sanphalang.directory.models import Organisation, Person
from sanphalang.directory.selectors import organisation_list

EXPECTED = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "expected.json"


def test_the_demo_holds_the_organisations_and_office_holders_of_the_reports(demo_admin):
    admin = demo_admin
    names = {
        "รัชกฤช สถิรานนท์",
        "วิรุณ คำภิโล",
        "รัชนี ตรัยตรึงศ์โกศล",
        "วิบูลย์ รัตนาภรณ์วงศ์",
        "ศักดิ์ฤทธิ์ สลักคำ",
        "มุกดา อินต๊ะสาร",
        "เฉลิมศรี ระดากูล",
    }
    assert names <= {p.full_name for p in Person.objects.all()}
    if EXPECTED.exists():
        expected = json.loads(EXPECTED.read_text())
        for report, answers in expected.items():
            if report.startswith("_"):
                continue
            for name in answers["organisations"]:
                found = organisation_list(user=admin, search=name)
                # the Bangkok report misspells สถาบันพัฒนาองค์กรชุมชน as "...ชุม"; a prefix search still finds it
                assert found.exists(), f"{report}: {name}"


def test_loading_the_demo_twice_changes_nothing(demo):
    first = demo
    counts = (Organisation.objects.count(), Person.objects.count())
    second = load_demo()
    assert (Organisation.objects.count(), Person.objects.count()) == counts
    assert first["organisations"] == second["organisations"] == counts[0]


def test_the_chiang_rai_coordinator_sees_chiang_rai_but_not_phayao(demo):
    from django.contrib.auth import get_user_model

    coordinator = get_user_model().objects.get(username="chiangrai")
    names = {o.name_th for o in organisation_list(user=coordinator)}
    assert "สภาพลเมืองจังหวัดเชียงราย" in names
    assert "เครือข่ายสร้างบ้านแปงเมืองพะเยา" not in names
