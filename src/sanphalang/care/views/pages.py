"""What the care pages of risk areas, legal status and housing share: the form page (saving a form through a
service is plans/views/pages.py: saved)."""

from django.shortcuts import render


def form_page(
    request, form, *, title, cancel_url: str, remove_url: str = "", question: str = "", multipart=False
):
    return render(
        request,
        "care/form_page.html",
        {
            "nav_active": "care",
            "form": form,
            "title": title,
            "cancel_url": cancel_url,
            "remove_url": remove_url,
            "question": question,
            "multipart": multipart,
        },
        status=400 if form.is_bound and form.errors else 200,
    )
