"""Two changes built on the same version of a record, saved one after the other through the one write step:
the first lands, the second is refused with both sides and nothing of it saved. For every versioned kind."""

import pytest
from django.apps import apps

from sanphalang.accounts.audit import validated_save
from sanphalang.errors import VersionConflict
from sanphalang.versions import Versioned

from .kinds import BY_KIND, EDITS


def test_every_versioned_record_is_in_the_table(world, db):
    # given every model that carries a version
    versioned = {model for model in apps.get_models() if issubclass(model, Versioned)}
    # then the table changes a record of each, and only of those
    changed = {type(world.maesai.objects[edit.kind]) for edit in EDITS}
    assert changed == versioned, "name each editable model's records in tests/concurrency/kinds.py"


@pytest.mark.parametrize("kind", [edit.kind for edit in EDITS])
def test_a_change_built_on_an_old_version_is_refused_with_both_sides(world, db, kind):
    # given two copies of the record, read at the same version
    edit = BY_KIND[kind]
    record = world.maesai.objects[kind]
    model = type(record)
    assert issubclass(model, Versioned)
    first, second = model._base_manager.get(pk=record.pk), model._base_manager.get(pk=record.pk)
    first_editor, second_editor = (getattr(world.cast, name) for name in edit.editors)
    # when both change the same field, one after the other
    setattr(first, edit.field, edit.first)
    validated_save(first, first_editor)
    setattr(second, edit.field, edit.second)
    with pytest.raises(VersionConflict) as refused:
        validated_save(second, second_editor)
    # then the first change stands, the version moved on once, and the refusal shows both values and who saved
    saved = model._base_manager.get(pk=record.pk)
    assert saved.serializable_value(edit.field) == first.serializable_value(edit.field)
    assert saved.version == record.version + 1
    conflict = refused.value
    assert edit.field in conflict.changes
    assert conflict.current.serializable_value(edit.field) == first.serializable_value(edit.field)
    assert conflict.yours.serializable_value(edit.field) == second.serializable_value(edit.field)
    assert conflict.saved_by == first_editor
    assert conflict.code == "stale_version"
