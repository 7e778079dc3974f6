"""The form page every plans record shares: its form, and for a saved record its remove button and question."""

from django.shortcuts import render


def form_page(request, form, *, title, back, remove_url=None, confirm="", refused=()):
    """A record's add or edit page. refused: why a removal was refused, shown above the form."""
    return render(
        request,
        "plans/change_form.html",
        {
            "nav_active": "plans",
            "form": form,
            "title": title,
            "cancel_url": back,
            "remove_url": remove_url,
            "confirm": confirm,
            "refused": refused,
        },
        status=400 if refused or form.errors else 200,
    )
