"""What the meeting forms offer to choose from: people, organisations and bodies of the user's areas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sanphalang.directory.forms import OrganisationChoiceField, PersonChoiceField
from sanphalang.directory.selectors import organisation_list, person_list
from sanphalang.web.forms import StyledFormMixin

from ..access import changeable_bodies_q
from ..errors import MeetingError
from ..models import Body
from ..selectors.bodies import body_list

if TYPE_CHECKING:
    from sanphalang.accounts.models import User
    from sanphalang.directory.models import Organisation, Person


def people(user: User) -> QuerySet[Person]:
    return (
        person_list(user=user).prefetch_related(None).select_related(None).order_by("first_name", "last_name")
    )


def organisations(user: User) -> QuerySet[Organisation]:
    return organisation_list(user=user).prefetch_related(None).select_related("area").order_by("sort_key")


def bodies(user: User) -> QuerySet[Body]:
    return body_list(user=user).prefetch_related(None).select_related(None)


def changeable_bodies(user: User) -> QuerySet[Body]:
    """Bodies of the user's own areas: a district sees its province's council but cannot add to it."""
    return bodies(user).filter(changeable_bodies_q(user))


class PersonOrOrganisationForm(StyledFormMixin, forms.Form):
    """A form that names a person, an organisation, or a person for an organisation, from the user's areas."""

    form_prefix = ""
    person = PersonChoiceField(label=_("Person"), required=False, queryset=None)
    organisation = OrganisationChoiceField(label=_("Organisation"), required=False, queryset=None)

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("prefix", self.form_prefix)
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people(user)
        self.fields["organisation"].queryset = organisations(user)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("person") and not cleaned.get("organisation"):
            raise forms.ValidationError(MeetingError.NO_PERSON_OR_ORGANISATION.message())
        return cleaned
