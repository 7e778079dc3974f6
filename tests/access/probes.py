"""What the access tests send (a plausible form or JSON body aimed at the other area's records) and what they read
back (everything a response shows, and a fingerprint of the database to tell whether anything was written)."""

import datetime as dt
import hashlib
import io
import json
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from pdfminer.high_level import extract_text

from .records import FIGURES_YEAR_BE, AreaRecords

# Tables left out of the fingerprint, and why.
UNWATCHED_TABLES = {
    "django_session": "logging in, as each test does, writes a session",
    "accounts_accesslog": "reads of personal records are logged, refused ones too; it is no domain record",
}
# Tables whose rows of the visitor's own account are left out: a user may change their own settings, tokens and
# inbox, and logging in stamps their row.
OWN_ROWS = {
    "accounts_user": "id",
    "accounts_historicaluser": "id",
    "accounts_apitoken": "user_id",
    "meetings_notification": "user_id",
}
# A coordinator's pending upload is theirs: its records are written only when it is confirmed, which is tried on
# the upload of another user (imports:confirm); the job that checks its rows is theirs too. A reader may not even
# upload.
UPLOADS = {"imports_importbatch": "user_id", "jobs_job": "user_id"}
# Large tables shipped with the product are compared by their count.
COUNTED_TABLES = {"areas_area"}


def _tables() -> list[str]:
    return sorted(t for t in connection.introspection.table_names() if t not in UNWATCHED_TABLES)


def write_counts() -> dict[str, tuple] | None:
    """Per table, the rows PostgreSQL counts as inserted, updated and deleted so far in this transaction (rolled
    back savepoints included); None on another database."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_xact_user_tables")
        return {table: tuple(counts) for table, *counts in cursor.fetchall()}


def written_since(counts: dict[str, tuple] | None) -> set[str] | None:
    """The tables written to since write_counts() gave counts: only they can differ from before. None (every
    table) where the database does not count."""
    if counts is None:
        return None
    return {table for table, now in write_counts().items() if counts.get(table) != now}


def fingerprint(actor, tables: set[str] | None = None) -> dict[str, str]:
    """A digest of every table's rows (but the visitor's own account's), or of these tables', to compare before
    and after a request."""
    quote = connection.ops.quote_name
    digests = {}
    own_rows = dict(OWN_ROWS, **(UPLOADS if actor is not None and actor.can_write else {}))
    actor_id = actor.pk if actor is not None else None
    with connection.cursor() as cursor:
        for table in _tables() if tables is None else sorted(tables.intersection(_tables())):
            if table in COUNTED_TABLES:
                cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - table names from Django
            elif "_historical" in table and table not in OWN_ROWS:
                # History only grows: every change of a kept record adds a row.
                cursor.execute(f"SELECT COUNT(*), MAX(history_id) FROM {quote(table)}")  # noqa: S608
            elif table in own_rows and actor_id is not None:
                cursor.execute(
                    f"SELECT * FROM {quote(table)} WHERE {quote(own_rows[table])} <> %s",  # noqa: S608
                    [actor_id],
                )
            else:
                cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608
            rows = sorted(repr(row) for row in cursor.fetchall())
            digests[table] = hashlib.sha1("\n".join(rows).encode(), usedforsecurity=False).hexdigest()
    return digests


def changed_tables(before: dict, after: dict) -> list[str]:
    return sorted(table for table in before.keys() | after.keys() if before.get(table) != after.get(table))


def _upload() -> SimpleUploadedFile:
    return SimpleUploadedFile(
        "upload.csv", "ชื่อ,นามสกุล,รหัสพื้นที่\nสมหมาย,ใหม่,570901\n".encode("utf-8-sig"), content_type="text/csv"
    )


# The date the probes give: after the records' meetings, within their audit rounds.
LATER = dt.date.today() + dt.timedelta(days=20)
FORM_PREFIXES = ("agenda", "attendance", "invitation", "member", "resolution", "attachment")


def form_body(records: AreaRecords) -> dict:
    """One form that fills the fields of every page's form, naming the records' area and objects: a page that
    forgets to check access would accept it. Unknown fields are ignored by Django's forms."""
    o = records.objects
    new = f"ใหม่ทดสอบ {records.label}"  # not the records' marker: a form shown again repeats what was sent
    date = LATER.isoformat()
    body = {
        "name_th": new,
        "name": new,
        "name_en": "New",
        "title": new,
        "subject": new,
        "text": new,
        "description": new,
        "first_name": "สมหมาย",
        "last_name": new,
        "nickname": "หมาย",
        "source_name": new,
        "reason": new,
        "follow_up": new,
        "summary": new,
        "venue": new,
        "report": new,
        "minutes": new,
        "note": new,
        "kind": "community_organisation",
        "legal_basis": "consent",
        "consent_on": (dt.date.today() - dt.timedelta(days=20)).isoformat(),  # consent is never in the future
        "area_code": records.subdistrict_code,
        "area": records.subdistrict_code,
        "subdistrict_code": records.subdistrict_code,
        "district": records.district_code,
        "province": records.province_code,
        "province_code": records.province_code,
        "provinces": records.province_code,
        "province_codes": records.province_code,
        "moo": "18",
        "slug": f"new-{records.label}",
        "held_on": date,
        "due_on": date,
        "dated_on": date,
        "starts_on": (LATER - dt.timedelta(days=90)).isoformat(),
        "ends_on": (LATER + dt.timedelta(days=90)).isoformat(),
        "planned_on": date,
        "visited_on": date,
        "founded_on": date,
        "started_on": date,
        "ended_on": date,
        "done_on": date,
        "closed_on": date,
        "sent_on": date,
        "answer_due_on": date,
        "person": o["person"].pk,
        "organisation": o["organisation"].pk,
        "body": o["body"].pk,
        "meeting": o["meeting"].pk,
        "fund": o["fund"].pk,
        "resolution": o["resolution"].pk,
        "counterpart": o["organisation"].pk,
        "owner_organisation": o["organisation"].pk,
        "owner_person": o["person"].pk,
        "chair": o["person"].pk,
        "team": o["person"].pk,
        "working_group": o["body"].pk,
        "from_record": o["source_record"].pk,
        "direction": "out",
        "role": "member",
        "response": "accepted",
        "members": "10",
        "number": "9",
        "order": "1",
        "head_count": "5",
        "year_be": str(FIGURES_YEAR_BE),
        "year": str(FIGURES_YEAR_BE),
        "field": "members",
        "value": "10",
        "entity": "people",
        "language": "en",
        "all": "1",
        "is_active": "on",
        "skip_bad_rows": "on",
        "ids": o["notification"].pk,
    }
    # The meeting page's forms have prefixes, so that several fit on one page.
    for prefix in FORM_PREFIXES:
        body.update({f"{prefix}-{key}": value for key, value in body.items() if "-" not in key})
    for name in ("file", "attachment-file"):
        body[name] = _upload()
    body[f"action-{o['resolution'].pk}-title"] = new
    body[f"action-{o['resolution'].pk}-due_on"] = date
    return body


# What a page's form needs beyond form_body: the button it is sent with where the page does different things by
# it, and fields whose choices differ from page to page.
FORM_EXTRAS = {
    "welfare:review_decide": {"action": "confirm"},
    "welfare:source_upload": {"action": "import"},
    "meetings:meeting_create": {"status": "planned"},
    "meetings:meeting_update": {"status": "held"},
    "meetings:letter_create": {"status": "draft"},
    "meetings:letter_update": {"status": "sent"},
}


def form_extras(route_name: str) -> dict:
    return FORM_EXTRAS.get(route_name, {"action": "save"})


def _resolve(schema: dict, components: dict) -> dict:
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"]
            return _resolve(options[0], components) if options else {}
    return schema


# JSON fields, by name, that name a record of the other area.
JSON_RECORD_FIELDS = {
    "organisation": "organisation",
    "person": "person",
    "body": "body",
    "meeting": "meeting",
    "fund": "fund",
    "resolution": "resolution",
    "counterpart": "organisation",
    "owner_organisation": "organisation",
    "chair": "person",
    "from_record": "source_record",
}
# Values of fields whose type does not say enough.
JSON_VALUES = {
    "direction": "out",
    "kind": "community_organisation",
    "status": "done",
    "action": "confirm",
    "field": "members",
    "value": "330",
    "members": 12,
    "savings": "1000",
    "role": "ผู้แทน",
}
# Optional fields sent too: the text a change would most likely touch.
JSON_OPTIONAL_FIELDS = {
    "name_th",
    "first_name",
    "title",
    "subject",
    "text",
    "description",
    "role",
    "members",
    "savings",
}


def _json_object(schema: dict, components: dict, records: AreaRecords) -> dict:
    required = set(schema.get("required", []))
    wanted = [
        name
        for name in schema.get("properties", {})
        if name in required or name in JSON_OPTIONAL_FIELDS or name in JSON_RECORD_FIELDS
    ]
    if "person" in wanted and "organisation" in wanted and not {"person", "organisation"} & required:
        wanted.remove("organisation")  # a line names a person or an organisation, not both
    return {name: json_value(name, schema["properties"][name], components, records) for name in wanted}


def json_value(name: str, schema: dict, components: dict, records: AreaRecords):
    schema = _resolve(schema, components)
    if name in JSON_RECORD_FIELDS:
        return records.pk(JSON_RECORD_FIELDS[name])
    if name in ("area_code", "subdistrict_code"):
        return records.subdistrict_code
    if name in ("province_code", "province"):
        return records.province_code
    if name == "province_codes":
        return [records.province_code]
    if "enum" in schema:
        return schema["enum"][0]
    if name in JSON_VALUES:
        return JSON_VALUES[name]
    kind = schema.get("type")
    if kind == "object":
        return _json_object(schema, components, records)
    if kind == "array":
        return []
    if kind in ("integer", "number"):
        return FIGURES_YEAR_BE if "year" in name else 10
    if kind == "boolean":
        return True
    if schema.get("format") == "date" or name.endswith("_on"):
        return LATER.isoformat()
    if schema.get("format") == "date-time":
        return f"{LATER.isoformat()}T09:00:00+07:00"
    return f"ใหม่ทดสอบ {records.label}"


def json_body(operation: dict, components: dict, records: AreaRecords) -> dict:
    content = operation.get("requestBody", {}).get("content", {})
    schema = content.get("application/json", {}).get("schema")
    if schema is None:
        return {}
    return json_value("", schema, components, records) or {}


def shown(response) -> tuple[str, bool]:
    """Everything the response shows as text (headers that carry content too), and whether it was a file that
    cannot be read as text (a PDF)."""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    opaque = False
    if raw[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            raw = b"\n".join(archive.read(name) for name in archive.namelist())
    elif raw[:5] == b"%PDF-":
        # Its text is read too (national IDs come out whole), but Thai names may come out reordered.
        opaque = True
        raw = extract_text(io.BytesIO(raw)).encode()
    text = raw.decode("utf-8", errors="replace")
    headers = " ".join(f"{key}: {value}" for key, value in response.items())
    return f"{headers}\n{text}", opaque


def betrayed(text: str, secrets: list[str]) -> list[str]:
    """The secrets the text shows, as they are or escaped as JSON escapes them."""
    return [
        secret
        for secret in secrets
        if secret in text or json.dumps(secret)[1:-1] in text or json.dumps(secret)[1:-1].upper() in text
    ]
