"""The endpoints behind the organisation and person pickers (web/pickers.py).

They answer from the directory's selectors, so a user finds only what their areas let them see, matched as the
directory's search matches Thai names (abbreviations such as พมจ., other names, titles, spacing). Person
suggestions carry names only: no national ID, contact or area. Like the people list, which shows names without
logging each row, they are not written to the access log; opening a person's record is.
"""

from django.db.models import Q
from django.http import Http404

from sanphalang.web.pickers import ScopedSearchView

from .forms import organisation_label
from .models import OrganisationKind
from .selectors import organisation_list, person_list


class OrganisationSearch(ScopedSearchView):
    """Organisations of the user's areas and the agencies above them, the user's own first (a Chiang Rai
    coordinator typing พัฒนาสังคม is offered พมจ.เชียงราย before the ministry); /<kind>/ narrows to one kind."""

    narrow = Q()  # a further condition of a subclass's picker

    def visible_matches(self, query: str):
        kind = self.kwargs.get("kind")
        if kind is not None and kind not in OrganisationKind.values:
            raise Http404
        return (
            organisation_list(user=self.request.user, search=query, kind=kind, nearest_first=True)
            .filter(self.narrow)
            .prefetch_related(None)
            .select_related("area")
        )

    def get_result_label(self, result):
        return organisation_label(result)


class PersonSearch(ScopedSearchView):
    """People registered in the user's areas, by name."""

    def visible_matches(self, query: str):
        return (
            person_list(user=self.request.user, search=query)
            .prefetch_related(None)
            .select_related(None)
            .only("pk", "first_name", "last_name")
        )
