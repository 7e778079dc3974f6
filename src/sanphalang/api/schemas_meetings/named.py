"""How an API record names the person or the organisation it refers to: a person as the caller may see them
(directory.selectors.person_shown_to), with the id only when the caller may read the person's record."""

from ninja import Schema

from sanphalang.directory.selectors import person_shown_to


def person_name(person, context, role: str = "") -> str:
    shown = person_shown_to(user=context["request"].auth, person=person, role=role)
    return shown.name if shown else ""


def person_id(person, context, role: str = "") -> int | None:
    shown = person_shown_to(user=context["request"].auth, person=person, role=role)
    return shown.person_id if shown else None


def role_holder_id(obj, context) -> int | None:
    """The id of the person of a record that gives them a role by code (a position, a membership)."""
    return person_id(obj.person, context, obj.role)


def role_holder_name(obj, context) -> str:
    """The name of that person: a chair, a secretary or an agency's head is named in public."""
    return person_name(obj.person, context, obj.role)


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
    def resolve_person_id(obj, context) -> int | None:
        return person_id(obj.person, context)

    @staticmethod
    def resolve_person_name(obj, context) -> str:
        return person_name(obj.person, context)

    @staticmethod
    def resolve_organisation_name_th(obj) -> str:
        return organisation_name(obj.organisation)
