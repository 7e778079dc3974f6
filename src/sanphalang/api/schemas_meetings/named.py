"""How an API record names the person or the organisation it refers to."""

from ninja import Schema


def person_name(person) -> str:
    return person.name_with_title if person else ""


def organisation_name(organisation) -> str:
    return organisation.name_th if organisation else ""


class PersonOrOrganisationOut(Schema):
    """A record that names a person, an organisation or both (a membership, an attendance line)."""

    id: int
    person_id: int | None = None
    person_name: str
    organisation_id: int | None = None
    organisation_name_th: str

    @staticmethod
    def resolve_person_name(obj) -> str:
        return person_name(obj.person)

    @staticmethod
    def resolve_organisation_name_th(obj) -> str:
        return organisation_name(obj.organisation)
