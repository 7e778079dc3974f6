"""The reports app's error codes and messages, stated once for the pages, the API and the CLI."""

from django.utils.translation import gettext_lazy as _

from sanphalang.errors import ErrorCode


class BoundaryError(ErrorCode):
    TOO_LARGE = ("too_large", _("The file is larger than %(size)s MB: import the levels one file at a time."))
    UNPACKS_TOO_LARGE = (
        "unpacks_too_large",
        _("The zip file unpacks to more than %(size)s MB: import the levels one file at a time."),
    )
    TOO_MANY_FEATURES = (
        "too_many_features",
        _("The file holds more than %(count)s outlines: import the levels one file at a time."),
    )
    UNKNOWN_FORMAT = (
        "unknown_format",
        _("Choose a GeoJSON file (.geojson or .json) or a zipped Shapefile (.zip with .shp, .shx and .dbf)."),
    )
    NOT_GEOJSON = ("not_geojson", _("The file is not GeoJSON that can be read: %(reason)s"))
    NOT_FEATURE_COLLECTION = (
        "not_feature_collection",
        _("The GeoJSON file must be a FeatureCollection of the areas' outlines."),
    )
    NOT_SHAPEFILE = ("not_shapefile", _("The Shapefile cannot be read: %(reason)s"))
    SHAPEFILE_PARTS = (
        "shapefile_parts",
        _("The zip file must hold one Shapefile: its .shp, .shx and .dbf files (and .prj if there is one)."),
    )
    PROJECTED = (
        "projected",
        _(
            "The file's coordinates are projected (%(name)s). Save it in WGS 84 longitude and latitude "
            "(EPSG:4326) and import it again."
        ),
    )
    NO_FEATURES = ("no_features", _("The file holds no outlines."))
    NO_CODE_FIELD = (
        "no_code_field",
        _(
            "No field of the file holds the official area codes (such as ADM1_PCODE, ADM2_PCODE, ADM3_PCODE, "
            "PROV_CODE, AMP_CODE, TAM_CODE or code). Name the field that does. Fields found: %(fields)s"
        ),
    )
    CODE_FIELD_MISSING = (
        "code_field_missing",
        _("The file has no field %(field)s. Fields found: %(fields)s"),
    )
    # A feature's problems
    NO_CODE = ("no_code", _("This outline has no area code."))
    UNKNOWN_CODE = ("unknown_code", _("No province, district, subdistrict or village has the code %(code)s."))
    DUPLICATE_CODE = ("duplicate_code", _("The code %(code)s repeats outline %(number)s."))
    NOT_POLYGON = ("not_polygon", _("This is a %(kind)s, not an outline (a Polygon or MultiPolygon)."))
    INVALID_GEOMETRY = (
        "invalid_geometry",
        _("The outline's shape is broken and cannot be mended: %(reason)s"),
    )
    NOT_LONGITUDE_LATITUDE = (
        "not_longitude_latitude",
        _(
            "The coordinates are not longitude and latitude: the data seems projected. Save the file in WGS 84 "
            "(EPSG:4326) and import it again."
        ),
    )
    NOTHING_IMPORTED = (
        "nothing_imported",
        _("Nothing was imported: correct the outlines below, or choose to skip them."),
    )
    ALREADY_IMPORTING = (
        "already_importing",
        _("This file has already been imported, or is being imported now."),
    )
    NOT_UPLOADER = ("not_uploader", _("Only the administrator who uploaded this file can import it."))


class ComparisonError(ErrorCode):
    BAD_YEAR = ("bad_year", _("Write the year in the Buddhist Era, such as 2568."))


class ReportError(ErrorCode):
    REPORT_EXISTS = (
        "quarterly_report_exists",
        _("The province already has a report for this quarter."),
        "quarter",
    )
    EDITION_TAKEN = ("quarterly_edition_taken", _("This edition has been issued already."))
    NOT_A_PROVINCE = (
        "quarterly_not_a_province",
        _("A report to the governor is made for a province."),
        "province",
    )
    QUARTER_UNKNOWN = ("quarterly_quarter_unknown", _("Choose a quarter from 1 to 4."), "quarter")
    YEAR_UNKNOWN = ("quarterly_year_unknown", _("Choose a year from 2500 to 2700 (BE)."), "year_be")
    NOT_BUILT = ("quarterly_not_built", _("Build the report first: nothing has been built yet."))
    ACTION_ITEM_OUTSIDE = (
        "quarterly_action_item_outside",
        _("Choose an open action item of a body of this province."),
        "action_item",
    )
    NOTE_UNKNOWN = (
        "quarterly_note_unknown",
        _("The notes name a working group this report does not have."),
        "group_notes",
    )
