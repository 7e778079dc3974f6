"""Records for the directory page tests, made through the services as users would make them."""

from sanphalang.directory.services import organisation_create, person_create

VALID_NATIONAL_ID = "1101700230708"
OTHER_NATIONAL_ID = "3101001234565"


def make_org(
    by, name="สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย", area_code="57", kind="agency", **fields
):
    return organisation_create(by=by, kind=kind, name_th=name, area_code=area_code, **fields)


def make_person(by, first_name="รัชนี", last_name="ตรัยตรึงศ์โกศล", area_code="5701", **fields):
    return person_create(by=by, first_name=first_name, last_name=last_name, area_code=area_code, **fields)
