import importlib
import inspect
import pkgutil
from collections import defaultdict

from django.contrib.staticfiles import finders
from django.test import Client
from ninja import Schema

import sanphalang.api


def test_the_openapi_document_lists_every_route(db):
    response = Client().get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    for path in [
        "/api/areas",
        "/api/areas/{code}",
        "/api/areas/{code}/children",
        "/api/areas/{code}/villages",
        "/api/regions",
        "/api/regions/{region_id}",
        "/api/organisations",
        "/api/organisations/{organisation_id}",
        "/api/people",
        "/api/people/{person_id}",
        "/api/people/{person_id}/erase",
        "/api/people/{person_id}/positions",
        "/api/positions/{position_id}",
        "/api/issue-areas",
        "/api/issue-areas/{issue_area_id}",
    ]:
        assert path in schema["paths"], path
    assert not any("unknown" in path for path in schema["paths"])
    assert {"BearerToken", "BrowserSession"} <= set(schema["components"]["securitySchemes"])


def test_the_docs_page_loads_its_scripts_from_our_own_static_files(db):
    response = Client().get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html and "/static/ninja/swagger-ui.css" in html
    assert "cdn" not in html.lower() and "https://" not in html
    assert finders.find("ninja/swagger-ui-bundle.js") and finders.find("ninja/swagger-ui.css")


def test_no_two_schemas_of_the_document_share_a_name(db):
    # given the schemas the document describes, which it names by their class's name alone
    described = set(Client().get("/api/openapi.json").json()["components"]["schemas"])
    modules_by_name = defaultdict(set)
    for found in pkgutil.iter_modules(sanphalang.api.__path__):
        module = importlib.import_module(f"sanphalang.api.{found.name}")
        for value in vars(module).values():
            if inspect.isclass(value) and issubclass(value, Schema) and value.__module__ == module.__name__:
                modules_by_name[value.__name__].add(module.__name__)
    # then no name is that of two classes: the document would describe one of them under both
    shared = {
        name: modules for name, modules in modules_by_name.items() if len(modules) > 1 and name in described
    }
    assert not shared
