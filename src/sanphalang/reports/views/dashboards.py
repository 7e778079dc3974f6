"""Dashboard pages: the key figures of an area or region for a quarter, its charts, targets, overdue action items
and the map of the areas below, coloured by one figure (swapped alone by HTMX when another figure is chosen)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from sanphalang.areas.models import COUNTRY_CODE, AreaLevel
from sanphalang.care.access import sees_people

from ..charts import bundle_version
from ..figures import FIGURES, WORK_AREA_LABELS
from ..forms.dashboards import DashboardForm
from ..selectors import dashboards as selectors
from ..selectors.maps import figure_map

NAV = "dashboards"
MAP_TARGET = "dashboard-map"


def read_choice(request) -> tuple:
    """The quarter, year kind and map figure the request asks for (defaults where it asks for none or nonsense)."""
    return DashboardForm(request.GET).choice()


def board_query(board, figure: str) -> dict[str, str]:
    """What names a dashboard's view besides its code: the same in the page's links and the exports' addresses."""
    return {"quarter": board.quarter.key, "year_kind": board.year_kind, "figure": figure}


def dashboard_url(code: str, query: dict[str, str]) -> str:
    return reverse("reports:dashboard", args=[code]) + "?" + urlencode(query)


def map_of(request, board, figure: str):
    query = board_query(board, figure)
    return figure_map(
        user=request.user, board=board, key=figure, href=lambda code: dashboard_url(code, query)
    )


@login_required
@require_GET
def dashboard_home(request):
    code = selectors.home_code(user=request.user)
    if code is None:
        raise Http404
    return redirect("reports:dashboard", code=code)


@login_required
@require_GET
def dashboard(request, code: str):
    quarter, year_kind, figure = read_choice(request)
    if figure not in FIGURES:
        figure = next(iter(FIGURES))
    if request.htmx and request.htmx.target == MAP_TARGET:
        board = selectors.dashboard(
            user=request.user, code=code, quarter=quarter, year_kind=year_kind, figures=[figure]
        )
        response = render(request, "reports/dashboards/map.html", _map_context(request, board, figure))
    else:
        board = selectors.dashboard(user=request.user, code=code, quarter=quarter, year_kind=year_kind)
        response = render(request, "reports/dashboards/dashboard.html", _page_context(request, board, figure))
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response


def _map_context(request, board, figure: str) -> dict:
    query = board_query(board, figure)
    return {
        "board": board,
        "map": map_of(request, board, figure),
        "query": query,
        "query_string": urlencode(query),
        "form": DashboardForm.showing(quarter=board.quarter, year_kind=query["year_kind"], figure=figure),
    }


def _page_context(request, board, figure: str) -> dict:
    from ..selectors.dashboards import figure_chart

    context = _map_context(request, board, figure)
    query = context["query"]
    groups = []
    for work, key_figures in board.key_figures.items():
        groups.append(
            {
                "work": work,
                "label": WORK_AREA_LABELS[work],
                "figures": [
                    {
                        "key": kf.figure.key,
                        "key_figure": kf,
                        "records": record_page(request.user, board.place, kf.figure.key),
                        "chart_id": f"chart-{kf.figure.key}",
                        "chart": figure_chart(board, kf.figure.key),
                    }
                    for kf in key_figures
                ],
            }
        )
    context.update(
        {
            "nav_active": NAV,
            "groups": groups,
            "breadcrumb": selectors.breadcrumb(board.place),
            "regions": selectors.user_regions(user=request.user),
            "targets": selectors.dashboard_targets(user=request.user, board=board),
            "overdue": selectors.overdue_items(user=request.user, board=board),
            "chart_version": bundle_version(),
            "is_province_or_below": not board.place.is_region and board.place.code != COUNTRY_CODE,
        }
    )
    context["quarter_links"] = {
        "previous": dashboard_url(board.place.code, {**query, "quarter": board.quarters[-2].key})
        if len(board.quarters) > 1
        else "",
    }
    return context


def record_page(user, place, key: str) -> str:
    """The list of the records a figure counts, narrowed to the place where that list can be; "" if none.

    Only the asked figure's address is reversed: a page asks for each of its 19 figures."""
    area = place.area if not place.is_region and place.code != COUNTRY_CODE else None
    code = area.code if area else ""

    def at(name: str, **query) -> str:
        query = {k: v for k, v in query.items() if v}
        return reverse(name) + ("?" + urlencode(query) if query else "")

    def meetings_here_or(name: str, **query) -> str:
        return reverse("plans:area_page", args=[code]) if area else at(name, **query)

    def cases() -> str:
        return at("care:case_list", area=code) if sees_people(user) else at("care:household_counts")

    def funds() -> str:
        return at(
            "welfare:fund_list", district=area.code if area and area.level == AreaLevel.DISTRICT else ""
        )

    pages = {
        "meetings_held": lambda: meetings_here_or("meetings:meeting_list"),
        "resolutions": lambda: meetings_here_or("meetings:meeting_list"),
        "action_items_done": lambda: meetings_here_or("meetings:action_item_list", state="done"),
        "action_items_overdue": lambda: meetings_here_or("meetings:action_item_list", state="overdue"),
        "letters_sent": lambda: at("meetings:letter_list"),
        "charters_enacted": lambda: at("plans:charter_list"),
        "registrations_done": lambda: at("plans:registration_list"),
        "progress_reported": lambda: (
            reverse("plans:province_page", args=[code[:2]]) if area else at("plans:plan_list")
        ),
        "households": lambda: at("care:household_counts"),
        "help_given": lambda: at("care:household_counts"),
        "help_value": lambda: at("care:household_counts"),
        "incidents": lambda: at("care:risk_area_list", area=code),
        "housing_completed": lambda: at("care:housing_list", area=code),
        "welfare_funds": funds,
        "welfare_members": funds,
        "welfare_balance": funds,
        "cases_opened": cases,
        "cases_open": cases,
        "referrals_sent": cases,
    }
    page = pages.get(key)
    return page() if page else ""
