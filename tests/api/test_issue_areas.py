from sanphalang.directory.models import IssueArea

from .conftest import assert_error


def test_a_provincial_coordinator_adds_an_issue_area_to_their_province(cast, api_for):
    created = api_for(cast.chiangrai_coordinator).post(
        "/api/issue-areas", {"name_th": "ฝุ่นควัน", "name_en": "Haze", "province_code": "57"}
    )
    assert created.status_code == 201, created.content
    assert (created.json()["slug"], created.json()["province_code"]) == ("haze", "57")
    # the outsider does not see it; a Chiang Rai viewer does
    assert "haze" not in [
        i["slug"] for i in api_for(cast.phayao_coordinator).get("/api/issue-areas").json()["items"]
    ]
    assert "haze" in [
        i["slug"] for i in api_for(cast.chiangrai_viewer).get("/api/issue-areas").json()["items"]
    ]


def test_issue_area_writes_are_refused_outside_the_province_or_role(cast, api_for):
    issue = {"name_th": "ฝุ่นควัน", "name_en": "Haze", "province_code": "57"}
    assert_error(api_for(cast.phayao_coordinator).post("/api/issue-areas", issue), 403)
    assert_error(api_for(cast.chiangrai_viewer).post("/api/issue-areas", issue), 403)
    assert_error(api_for(cast.mueang_coordinator).post("/api/issue-areas", issue), 403)
    assert_error(
        api_for(cast.chiangrai_coordinator).post("/api/issue-areas", {**issue, "province_code": None}), 403
    )
    assert_error(
        api_for(cast.chiangrai_coordinator).post("/api/issue-areas", {**issue, "province_code": "5701"}),
        422,
        "province",
    )
    assert not IssueArea.objects.filter(slug="haze").exists()


def test_an_issue_area_is_renamed_and_hidden_from_the_outsider(cast, api_for):
    created = (
        api_for(cast.chiangrai_coordinator)
        .post("/api/issue-areas", {"name_th": "ฝุ่นควัน", "name_en": "Haze", "province_code": "57"})
        .json()
    )
    assert_error(
        api_for(cast.phayao_coordinator).patch(f"/api/issue-areas/{created['id']}", {"name_th": "x"}), 404
    )
    assert_error(
        api_for(cast.chiangrai_viewer).patch(f"/api/issue-areas/{created['id']}", {"name_th": "x"}), 403
    )
    renamed = api_for(cast.chiangrai_coordinator).patch(
        f"/api/issue-areas/{created['id']}", {"name_th": "หมอกควันไฟป่า", "is_active": False}
    )
    assert renamed.status_code == 200
    assert (renamed.json()["name_th"], renamed.json()["is_active"]) == ("หมอกควันไฟป่า", False)
