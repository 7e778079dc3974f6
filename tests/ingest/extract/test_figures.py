from sanphalang.ingest.extract import extract


def figures(text):
    return [(f["value"], f["unit"]) for f in extract(text).as_json()["figures"]]


def test_each_unit_word_names_what_is_counted():
    text = "ได้รับการสนับสนุน จำนวน 618 ครัวเรือน ทั้ง ๙ อำเภอ 5 ตำบล 4 โครงการ ๗ ประเด็นงาน 3 ฐาน 1,250,000 บาท"
    assert figures(text) == [
        (618, "households"),
        (9, "districts"),
        (5, "tambons"),
        (4, "projects"),
        (7, "issues"),
        (3, "sources"),
        (1250000, "baht"),
    ]


def test_years_months_and_people():
    assert figures("ผู้เข้าร่วม ๕๐ คน อย่างน้อย 3 เดือนต่อครั้ง ยุทธศาสตร์ชาติ 20 ปี") == [
        (50, "people"),
        (3, "months"),
        (20, "years"),
    ]


def test_a_date_a_year_and_an_ordinal_are_no_figures():
    assert figures("วันที่ 1 เดือนตุลาคม พ.ศ. 2557 ปี 2565 โครงการ ครั้งที่ 2 ตำบล") == []


def test_a_figure_says_what_it_counts():
    figure = extract("โครงการบ้านพอเพียงชนบท ซึ่งจังหวัดพะเยาได้รับการสนับสนุน 618 ครัวเรือน").figures[0]
    assert "ได้รับการสนับสนุน" in figure.about


def test_in_an_area_a_number_counts_and_is_no_ordinal():
    # "ที่ 8" is an ordinal, "ในพื้นที่ 8 ตำบล" counts eight tambons
    assert figures("ครั้งที่ 8 ตำบล ในพื้นที่ ๘ ตำบล") == [(8, "tambons")]


def test_what_a_figure_counts_is_its_own_clause_not_the_figure_before_it():
    found = extract("น้ำท่วมในพื้นที่ ๘ ตำบล มีครัวเรือนได้รับผลกระทบ ๔๑๕ ครัวเรือน").as_json()["figures"]
    assert found[1] == {"value": 415, "unit": "households", "about": "มีครัวเรือนได้รับผลกระทบ"}
    assert "ตำบล" not in found[1]["about"]
