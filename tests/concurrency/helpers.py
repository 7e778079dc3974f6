"""Reading a page's form as a browser would send it back, and naming a kind's record and its addresses."""

import datetime as dt

from django import forms

from tests.access.routes import Route, api_routes, fill, web_routes

from .kinds import Edit


def form_data(form: forms.Form) -> dict:
    """What a browser sends for the form as the page shows it (its initial values, the hidden version too)."""
    data = {}
    for bound in form:
        widget = bound.field.widget
        value = bound.value()
        if isinstance(widget, forms.CheckboxInput):
            if value:
                data[bound.html_name] = "on"
            continue
        shown = widget.format_value(value)
        data[bound.html_name] = "" if shown is None else shown
    return data


def sent(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def web_url(name: str, records) -> str:
    route = next(route for route in web_routes() if route.name == name)
    return fill(route, records)


def api_url(edit: Edit, records) -> tuple[str, str]:
    method, path = edit.api.split(" ")
    route = next(route for route in api_routes() if route.route == path)
    return method.lower(), fill(
        Route("api", route.route, route.name, route.methods, route.parameters), records
    )


def value_now(edit: Edit, records):
    record = records.objects[edit.kind]
    return type(record)._base_manager.get(pk=record.pk).serializable_value(edit.field)
