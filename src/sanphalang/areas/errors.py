"""The areas app's error codes and their messages, in one place: the pages, the API and the CLI show these."""

from django.utils.translation import gettext_lazy as _

from sanphalang.errors import ErrorCode


class AreaError(ErrorCode):
    NO_SUCH_SUBDISTRICT = ("no_such_subdistrict", _("No subdistrict has the code %(code)s."))
    VILLAGE_KIND = ("village_kind", _("A village is either a village (moo) or an urban community."))
    VILLAGE_NEEDS_MOO = ("village_needs_moo", _("A village needs its number (moo), from 1 to 99."))
    VILLAGE_NEEDS_NAME = ("village_needs_name", _("Enter the village's Thai name."))
    VILLAGE_MOO_TAKEN = (
        "village_moo_taken",
        _("Village no. %(moo)s of this subdistrict is already registered."),
    )
    VILLAGE_NAME_TAKEN = ("village_name_taken", _("This subdistrict already has a village with this name."))
    NOT_PROVINCE_CODES = ("not_province_codes", _("These are not province codes: %(codes)s"))
    REGION_NEEDS_PROVINCE = ("region_needs_province", _("A region needs at least one province."))
