"""Rows written straight to a table, for the tables of millions: COPY on PostgreSQL, executemany on SQLite.

Building a model instance per row and letting bulk_create prepare it costs more than everything else the synthesis
does for a row; here a row is a tuple of the values the caller gives, in the order of its columns, followed by the
same default for every other column. The caller numbers the rows (the primary keys), so that rows of other tables
can point at them before they are written; the table's sequence is moved past them at the end.
"""

import datetime as dt
from contextlib import contextmanager

from django.core.management.color import no_style
from django.db import connection, models

from .context import SynthContext

FLUSH_ROWS = 20_000


class Rows:
    """The rows of one model: add() them with their given fields' values, in order; they go out in large batches."""

    def __init__(
        self, ctx: SynthContext, model, fields: tuple[str, ...], *, as_of: dt.datetime, on_full=None
    ):
        self.ctx, self.model = ctx, model
        # What to write when the batch is full: the writers of the tables it points at first, for a row whose
        # parent is not written yet costs SQLite a search of the child table for every parent written later.
        self.on_full = on_full or self.flush
        by_attname = {f.attname: f for f in model._meta.concrete_fields}
        given = [by_attname[name] for name in ("id", *fields)]
        rest = [f for f in model._meta.concrete_fields if f not in given]
        self.columns = [f.column for f in (*given, *rest)]
        self.tail = tuple(_constant(f, as_of) for f in rest)
        self.pending: list[tuple] = []
        self.last_id = model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        self.written = 0

    def add(self, *values) -> int:
        """Queue one row; return its primary key."""
        self.last_id += 1
        self.pending.append((self.last_id, *values, *self.tail))
        if len(self.pending) >= FLUSH_ROWS:
            self.on_full()
        return self.last_id

    def flush(self) -> None:
        if not self.pending:
            return
        write_rows(self.model._meta.db_table, self.columns, self.pending)
        self.ctx.advance(len(self.pending))
        label = self.model._meta.label
        self.ctx.counts[label] = self.ctx.counts.get(label, 0) + len(self.pending)
        self.written += len(self.pending)
        self.pending = []


def _constant(field: models.Field, as_of: dt.datetime):
    """What a column not given holds on every row: its default, or the day the data is dated for the moments
    auto_now and auto_now_add would have stamped."""
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return db_datetime(as_of)
    return field.get_db_prep_save(field.get_default(), connection)


def db_datetime(moment: dt.datetime | None):
    """A moment as the database takes it in a row (SQLite: text in UTC)."""
    return None if moment is None else connection.ops.adapt_datetimefield_value(moment)


def write_rows(table: str, columns: list[str], rows: list[tuple]) -> None:
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)


def reset_sequences(models_written: list[type[models.Model]]) -> None:
    """Move the tables' id sequences past the ids given (PostgreSQL; SQLite follows the largest id by itself)."""
    statements = connection.ops.sequence_reset_sql(no_style(), models_written)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@contextmanager
def indexes_dropped(models_loaded: list[type[models.Model]]):
    """Drop the tables' secondary indexes while the rows go in and build each once at the end: one build from
    sorted rows is many times faster than millions of inserts into it (a trigram index above all). A unique index
    rebuilt over a duplicate fails, so nothing it guards is skipped. Inside the synthesis's transaction."""
    tables = [model._meta.db_table for model in models_loaded]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) "
                "AND indexname NOT IN (SELECT conname FROM pg_constraint)",
                [tables],
            )
        else:
            # The pages of a table of millions do not fit SQLite's default cache of 2 MB.
            cursor.execute("PRAGMA cache_size = -262144")
            marks = ", ".join(["%s"] * len(tables))
            cursor.execute(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({marks})",
                tables,
            )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    yield
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # PostgreSQL builds no index on a table whose deferred foreign-key checks are pending: run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for _name, definition in indexes:
            cursor.execute(definition)
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
