"""A partner agency's user of the cast, linked to the organisation whose action items they report on."""

import datetime as dt

from sanphalang.directory.services import organisation_create
from tests.meetings.factories import council, msdhs, quarterly_item


def partner_of(cast, organisation):
    """The cast's Chiang Rai partner, working for this organisation."""
    partner = cast.chiangrai_partner
    partner.first_name, partner.last_name = "มาลี", "ศรีสุข"
    partner.organisation = organisation
    partner.save()
    return partner


def other_agency(cast):
    """Another agency of Chiang Rai, owning items the partner must not close."""
    return organisation_create(
        by=cast.chiangrai_coordinator,
        kind="agency",
        area_code="57",
        name_th="สำนักงานสาธารณสุขจังหวัดเชียงราย",
    )


def owned_items(cast, *, ours_title="งานของเรา", theirs_title="งานอื่น"):
    """(the office, its quarterly report, another agency's item), both of the council and due on 20 October 2558."""
    body = council(cast)
    office = msdhs(cast)
    ours = quarterly_item(cast, body=body, due_on=dt.date(2015, 10, 20), owner=office, title=ours_title)
    theirs = quarterly_item(
        cast, body=body, due_on=dt.date(2015, 10, 20), owner=other_agency(cast), title=theirs_title
    )
    return office, ours, theirs
