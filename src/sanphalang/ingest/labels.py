"""The reader's words for the codes a draft holds (kinds of event, units of figures)."""

from django.utils.translation import pgettext_lazy

EVENT_KINDS = {
    "meeting": pgettext_lazy("event kind", "meeting"),
    "forum": pgettext_lazy("event kind", "forum"),
    "signing": pgettext_lazy("event kind", "signing"),
    "visit": pgettext_lazy("event kind", "visit"),
    "other": pgettext_lazy("event kind", "other"),
}
UNITS = {
    "people": pgettext_lazy("unit", "people"),
    "households": pgettext_lazy("unit", "households"),
    "tambons": pgettext_lazy("unit", "tambons"),
    "districts": pgettext_lazy("unit", "districts"),
    "provinces": pgettext_lazy("unit", "provinces"),
    "projects": pgettext_lazy("unit", "projects"),
    "issues": pgettext_lazy("unit", "issues"),
    "works": pgettext_lazy("unit", "works"),
    "funds": pgettext_lazy("unit", "funds"),
    "months": pgettext_lazy("unit", "months"),
    "years": pgettext_lazy("unit", "years"),
    "baht": pgettext_lazy("unit", "baht"),
    "sources": pgettext_lazy("unit", "sources"),
    "other": pgettext_lazy("unit", "other"),
}
